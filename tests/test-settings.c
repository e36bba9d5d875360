/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-settings.h"

/* The settings façade over the installed schema (the test environment
 * compiles it into the build tree and uses the memory backend). */

static void
test_chart_range_persists (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new ("io.github.lumbar.Lumbar");
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  g_autoptr(LumbarSettings) next = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (lumbar_settings_get_persistent (settings));
  g_assert_cmpint (lumbar_settings_get_chart_range (settings), ==, LUMBAR_RANGE_1_MONTH);

  /* The enum is stored by its nick, the key's documented values. */
  lumbar_settings_set_chart_range (settings, LUMBAR_RANGE_1_YEAR);
  stored = g_settings_get_string (gsettings, "chart-range");
  g_assert_cmpstr (stored, ==, "1y");
  lumbar_settings_set_chart_show_table (settings, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "chart-show-table"));

  /* The next start reads them back. */
  next = lumbar_settings_new ();
  g_assert_cmpint (lumbar_settings_get_chart_range (next), ==, LUMBAR_RANGE_1_YEAR);
  g_assert_true (lumbar_settings_get_chart_show_table (next));

  /* A period picked by hand is not one the chart remembers. */
  lumbar_settings_set_chart_range (settings, LUMBAR_RANGE_CUSTOM);
  kept = g_settings_get_string (gsettings, "chart-range");
  g_assert_cmpstr (kept, ==, "1y");

  g_settings_reset (gsettings, "chart-range");
  g_settings_reset (gsettings, "chart-show-table");
}

static void
test_window_state (void)
{
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  int width = 0, height = 0;
  gboolean maximized = TRUE;

  lumbar_settings_save_window_state (settings, 500, 600, FALSE);
  g_assert_true (lumbar_settings_get_window_state (settings, &width, &height, &maximized));
  g_assert_cmpint (width, ==, 500);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (maximized);

  /* A size of 0 (not yet known) keeps the saved one. */
  lumbar_settings_save_window_state (settings, 0, 0, TRUE);
  g_assert_true (lumbar_settings_get_window_state (settings, &width, &height, &maximized));
  g_assert_cmpint (width, ==, 500);
  g_assert_true (maximized);
}

static void
test_range_nicks (void)
{
  LumbarRange range = LUMBAR_RANGE_ALL;

  g_assert_true (lumbar_range_from_nick ("2w", &range));
  g_assert_cmpint (range, ==, LUMBAR_RANGE_2_WEEKS);
  g_assert_cmpstr (lumbar_range_to_nick (LUMBAR_RANGE_3_MONTHS), ==, "3m");
  g_assert_false (lumbar_range_from_nick ("2 weeks", &range));
  g_assert_cmpint (range, ==, LUMBAR_RANGE_2_WEEKS);
  g_assert_cmpuint (lumbar_range_get_days (LUMBAR_RANGE_1_MONTH), ==, 30);
  g_assert_cmpuint (lumbar_range_get_days (LUMBAR_RANGE_ALL), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_patient_day_keys (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new ("io.github.lumbar.Lumbar");
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  g_autoptr(LumbarSettings) next = NULL;
  g_auto(GStrv) times = NULL;
  g_auto(GStrv) stored = NULL;
  g_autofree char *support = NULL;
  const char *input[] = { "20:00", "7:30", "nonsense", "24:00", "20:00", "12:5", "13:00", "21:15", NULL };
  guint notified = 0;

  times = lumbar_settings_dup_reminder_times (settings);
  g_assert_nonnull (times);
  g_assert_cmpuint (g_strv_length (times), ==, 0);
  g_clear_pointer (&times, g_strfreev);
  g_assert_false (lumbar_settings_get_welcome_shown (settings));
  g_assert_false (lumbar_settings_get_ask_radiating (settings));
  g_assert_cmpint (lumbar_settings_get_default_support (settings), ==, LUMBAR_SUPPORT_PILLOWS);

  g_signal_connect (settings, "notify::reminder-times", G_CALLBACK (count_notify), &notified);

  /* Only valid times are kept: two-digit hours, sorted, no duplicates, at
   * most three. */
  lumbar_settings_set_reminder_times (settings, input);
  times = lumbar_settings_dup_reminder_times (settings);
  g_assert_cmpstrv (times, ((const char * const[]) { "07:30", "13:00", "20:00", NULL }));
  stored = g_settings_get_strv (gsettings, "reminder-times");
  g_assert_cmpstrv (stored, times);
  g_assert_cmpuint (notified, ==, 1);
  lumbar_settings_set_reminder_times (settings, (const char * const *) times);
  g_assert_cmpuint (notified, ==, 1);

  lumbar_settings_set_welcome_shown (settings, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "welcome-shown"));
  lumbar_settings_set_ask_radiating (settings, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "ask-radiating"));
  lumbar_settings_set_default_support (settings, LUMBAR_SUPPORT_RECLINER);
  support = g_settings_get_string (gsettings, "default-support");
  g_assert_cmpstr (support, ==, "recliner");

  /* Another façade (the next start) reads them back. */
  next = lumbar_settings_new ();
  g_clear_pointer (&times, g_strfreev);
  times = lumbar_settings_dup_reminder_times (next);
  g_assert_cmpstrv (times, stored);
  g_assert_true (lumbar_settings_get_welcome_shown (next));
  g_assert_true (lumbar_settings_get_ask_radiating (next));
  g_assert_cmpint (lumbar_settings_get_default_support (next), ==, LUMBAR_SUPPORT_RECLINER);

  /* Switching reminders off empties the list. */
  lumbar_settings_set_reminder_times (settings, NULL);
  g_clear_pointer (&times, g_strfreev);
  times = lumbar_settings_dup_reminder_times (next);
  g_assert_cmpuint (g_strv_length (times), ==, 0);

  g_settings_reset (gsettings, "welcome-shown");
  g_settings_reset (gsettings, "ask-radiating");
  g_settings_reset (gsettings, "default-support");
}

static void
test_parse_time (void)
{
  int hour = -1, minute = -1;

  g_assert_true (lumbar_settings_parse_time ("07:05", &hour, &minute));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 5);
  g_assert_true (lumbar_settings_parse_time ("9:45", &hour, &minute));
  g_assert_cmpint (hour, ==, 9);
  g_assert_true (lumbar_settings_parse_time ("23:59", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("24:00", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("12:60", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("12:5", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("123:00", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time (":30", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("12:30 ", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time ("", NULL, NULL));
  g_assert_false (lumbar_settings_parse_time (NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/settings/chart-range-persists", test_chart_range_persists);
  g_test_add_func ("/lumbar/settings/window-state", test_window_state);
  g_test_add_func ("/lumbar/settings/range-nicks", test_range_nicks);
  g_test_add_func ("/lumbar/settings/patient-day-keys", test_patient_day_keys);
  g_test_add_func ("/lumbar/settings/parse-time", test_parse_time);

  return g_test_run ();
}
