/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-day.h"

static void
test_round_trip (void)
{
  /* Every day from 1900 to 2100 converts to a date and back. */
  for (LumbarDay day = lumbar_day_from_ymd (1900, 1, 1); day < lumbar_day_from_ymd (2100, 1, 1); day++)
    {
      int y, m, d;
      g_autoptr(GDate) date = NULL;

      lumbar_day_to_ymd (day, &y, &m, &d);
      g_assert_cmpint (lumbar_day_from_ymd (y, m, d), ==, day);
      date = g_date_new_dmy (d, m, y);
      g_assert_cmpint ((gint64) g_date_get_julian (date) - 719163, ==, day);
    }
}

static void
test_parse (void)
{
  LumbarDay day = 0;
  g_autofree char *text = NULL;

  g_assert_true (lumbar_day_parse ("1970-01-01", &day));
  g_assert_cmpint (day, ==, 0);
  g_assert_true (lumbar_day_parse ("2024-02-29", &day));
  text = lumbar_day_to_string (day);
  g_assert_cmpstr (text, ==, "2024-02-29");

  g_assert_false (lumbar_day_parse ("2023-02-29", &day));
  g_assert_false (lumbar_day_parse ("2023-13-01", &day));
  g_assert_false (lumbar_day_parse ("2023-1-01", &day));
  g_assert_false (lumbar_day_parse ("2023-01-01x", &day));
  g_assert_false (lumbar_day_parse ("0000-01-01", &day));
  g_assert_false (lumbar_day_parse ("", &day));
  g_assert_false (lumbar_day_parse (NULL, &day));
}

static void
test_day_of_time_uses_offset (void)
{
  /* 2026-11-23T23:30:00-05:00 is 04:30 UTC on the 24th, but its day is the 23rd. */
  gint64 t = (gint64) lumbar_day_from_ymd (2026, 11, 24) * 86400 + 4 * 3600 + 30 * 60;

  g_assert_cmpint (lumbar_day_from_time (t, -5 * 3600), ==, lumbar_day_from_ymd (2026, 11, 23));
  g_assert_cmpint (lumbar_day_from_time (t, 0), ==, lumbar_day_from_ymd (2026, 11, 24));
  /* Before the epoch. */
  g_assert_cmpint (lumbar_day_from_time (-1, 0), ==, -1);
  g_assert_cmpint (lumbar_day_get_weekday (lumbar_day_from_ymd (2026, 11, 27)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/day/round-trip", test_round_trip);
  g_test_add_func ("/lumbar/day/parse", test_parse);
  g_test_add_func ("/lumbar/day/day-of-time-uses-offset", test_day_of_time_uses_offset);

  return g_test_run ();
}
