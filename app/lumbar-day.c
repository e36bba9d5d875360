/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-day"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lumbar-day.h"

/* Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm). */
LumbarDay
lumbar_day_from_ymd (int year,
                     int month,
                     int mday)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
lumbar_day_to_ymd (LumbarDay  day,
                   int       *year,
                   int       *month,
                   int       *mday)
{
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);

  if (year)
    *year = y + (m <= 2);
  if (month)
    *month = m;
  if (mday)
    *mday = d;
}

gboolean
lumbar_day_parse (const char *text,
                  LumbarDay  *out_day)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return FALSE;

  if (out_day)
    *out_day = lumbar_day_from_ymd (y, m, d);
  return TRUE;
}

char *
lumbar_day_to_string (LumbarDay day)
{
  int y, m, d;

  lumbar_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

LumbarDay
lumbar_day_from_time (gint64 unix_time,
                      int    utc_offset)
{
  gint64 local = unix_time + utc_offset;
  gint64 day = local / 86400;

  if (local % 86400 < 0)
    day--;
  return (LumbarDay) day;
}

LumbarDay
lumbar_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return lumbar_day_from_ymd (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));
}

/* Midnight of @day in the local time zone, for formatting with
 * g_date_time_format(). */
GDateTime *
lumbar_day_to_date_time (LumbarDay day)
{
  int y, m, d;

  lumbar_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/* Wake up at least this often, so a clock that is set or a change of time
 * zone is noticed without waiting for a midnight that moved. */
#define MAX_CLOCK_INTERVAL_SECONDS 300

/**
 * lumbar_day_watch_midnight:
 * @func: called once, soon after the next local midnight (or earlier; it
 *   should compare lumbar_day_today() with the day it shows)
 * @data: data for @func
 *
 * Returns: the id of the timeout source
 */
guint
lumbar_day_watch_midnight (GSourceFunc func,
                           gpointer    data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = NULL;
  gint64 seconds;

  midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                    g_date_time_get_month (tomorrow),
                                    g_date_time_get_day_of_month (tomorrow),
                                    0, 0, 0);
  seconds = midnight != NULL ? g_date_time_difference (midnight, now) / G_USEC_PER_SEC + 1
                             : MAX_CLOCK_INTERVAL_SECONDS;

  return g_timeout_add_seconds ((guint) CLAMP (seconds, 1, MAX_CLOCK_INTERVAL_SECONDS), func, data);
}

/* 1 = Monday … 7 = Sunday, as GDateTime. */
int
lumbar_day_get_weekday (LumbarDay day)
{
  /* 1970-01-01 was a Thursday. */
  int r = (int) (((gint64) day + 3) % 7);

  if (r < 0)
    r += 7;
  return r + 1;
}

/**
 * lumbar_day_format_iso8601:
 * @unix_time: seconds since 1970-01-01 UTC
 * @utc_offset: the offset the time was recorded in, in seconds
 *
 * The time as the file format writes it: "YYYY-MM-DDTHH:MM:SS+HH:MM", the
 * wall clock in @utc_offset followed by that offset.
 *
 * Returns: (transfer full): the time
 */
char *
lumbar_day_format_iso8601 (gint64 unix_time,
                           int    utc_offset)
{
  gint64 local = unix_time + utc_offset;
  LumbarDay day = lumbar_day_from_time (unix_time, utc_offset);
  int secs = (int) (local - (gint64) day * 86400);
  int off = ABS (utc_offset) / 60;
  int y, m, d;

  lumbar_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          y, m, d, secs / 3600, (secs / 60) % 60, secs % 60,
                          utc_offset < 0 ? '-' : '+', off / 60, off % 60);
}
