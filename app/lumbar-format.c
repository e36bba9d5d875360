/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lumbar-format.h"

/* Every date, time, duration, percentage and pain value that a person
 * reads — in the window, a review, the PDF or on the command line — is
 * written by one of these functions. The formats are translatable, so each
 * language has its own order, and English reads day before month
 * everywhere. Files for programs (CSV, JSON, FHIR) use ISO 8601 instead. */

static const char *
date_format (LumbarDateStyle style)
{
  /* Translators: each of these is a g_date_time_format() format, see
   * https://docs.gtk.org/glib/method.DateTime.format.html ; %-d is the day
   * without padding. Keep the order of your language and the same order in
   * all of them. */
  switch (style)
    {
    case LUMBAR_DATE_WEEKDAY:
      /* Translators: a date with its weekday, for headings: "Thursday, 3 December 2026" */
      /* xgettext:no-c-format */
      return C_("date", "%A, %-d %B %Y");
    case LUMBAR_DATE_FULL:
      /* Translators: a date in a sentence: "3 December 2026" */
      /* xgettext:no-c-format */
      return C_("date", "%-d %B %Y");
    case LUMBAR_DATE_SHORT_WEEKDAY:
      /* Translators: a short date with its weekday, for table rows: "Thu, 3 Dec 2026" */
      /* xgettext:no-c-format */
      return C_("date", "%a, %-d %b %Y");
    case LUMBAR_DATE_SHORT:
      /* Translators: a short date: "3 Dec 2026" */
      /* xgettext:no-c-format */
      return C_("date", "%-d %b %Y");
    case LUMBAR_DATE_NO_YEAR:
      /* Translators: a day on the chart's time axis: "3 Dec". Keep it short. */
      /* xgettext:no-c-format */
      return C_("date", "%-d %b");
    case LUMBAR_DATE_MONTH:
      /* Translators: a month on the chart's time axis: "Dec" */
      /* xgettext:no-c-format */
      return C_("date", "%b");
    case LUMBAR_DATE_YEAR:
    default:
      /* Translators: a year on the chart's time axis: "2026" */
      /* xgettext:no-c-format */
      return C_("date", "%Y");
    }
}

/**
 * lumbar_format_date:
 * @day: a calendar day
 * @style: how much of it to write
 *
 * Returns: (transfer full): the day in the user's language
 */
char *
lumbar_format_date (LumbarDay       day,
                    LumbarDateStyle style)
{
  g_autoptr(GDateTime) noon = NULL;
  int y, m, d;

  /* Noon UTC: a calendar day has no time zone, and noon exists on every
   * day, whatever daylight saving time does to midnight. */
  lumbar_day_to_ymd (day, &y, &m, &d);
  noon = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (noon == NULL)
    return lumbar_day_to_string (day);
  return g_date_time_format (noon, date_format (style));
}

/**
 * lumbar_format_period:
 * @from: the first day
 * @to: the last day, inclusive
 *
 * Returns: (transfer full): "29 Oct – 27 Nov 2026" (the year once when
 *   both days share it), "29 Dec 2026 – 3 Jan 2027", or one date when
 *   @from is @to
 */
char *
lumbar_format_period (LumbarDay from,
                      LumbarDay to)
{
  g_autofree char *first = NULL;
  g_autofree char *last = lumbar_format_date (to, LUMBAR_DATE_SHORT);
  int first_year, last_year, month, mday;

  if (from == to)
    return g_steal_pointer (&last);
  lumbar_day_to_ymd (from, &first_year, &month, &mday);
  lumbar_day_to_ymd (to, &last_year, &month, &mday);
  first = lumbar_format_date (from, first_year == last_year ? LUMBAR_DATE_NO_YEAR : LUMBAR_DATE_SHORT);
  /* Translators: a period from one date to another */
  return g_strdup_printf (C_("period", "%s – %s"), first, last);
}

/**
 * lumbar_format_time:
 * @date_time: a moment, in the offset it is to be shown in
 *
 * Returns: (transfer full): its time of day, e.g. "08:30"
 */
char *
lumbar_format_time (GDateTime *date_time)
{
  /* Translators: a time of day, see g_date_time_format(): "08:30" */
  /* xgettext:no-c-format */
  return g_date_time_format (date_time, C_("time", "%H:%M"));
}

/**
 * lumbar_format_date_time:
 * @date_time: a moment, in the offset it is to be shown in
 *
 * Returns: (transfer full): e.g. "Thu, 3 Dec 2026, 08:30"
 */
char *
lumbar_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_time_get_year (date_time),
                                                   g_date_time_get_month (date_time),
                                                   g_date_time_get_day_of_month (date_time),
                                                   12, 0, 0);
  g_autofree char *date = g_date_time_format (noon, date_format (LUMBAR_DATE_SHORT_WEEKDAY));
  g_autofree char *time = lumbar_format_time (date_time);

  /* Translators: a date, then a time of day */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, time);
}

/**
 * lumbar_format_duration:
 * @minutes: a duration
 *
 * Returns: (transfer full): e.g. "45 min", "2 h", "1 h 5 min"
 */
char *
lumbar_format_duration (int minutes)
{
  if (minutes < 60)
    /* Translators: a duration in minutes: "45 min" */
    return g_strdup_printf (C_("duration", "%d min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration in whole hours: "2 h" */
    return g_strdup_printf (C_("duration", "%d h"), minutes / 60);
  /* Translators: a duration in hours and minutes: "1 h 5 min" */
  return g_strdup_printf (C_("duration", "%d h %d min"), minutes / 60, minutes % 60);
}

/**
 * lumbar_format_decimal:
 * @value: a number, such as a mean pain value
 * @numbers: which decimal separator to use
 *
 * Returns: (transfer full): @value with one decimal, e.g. "4.2" (or "4,2"
 *   in a German locale with %LUMBAR_NUMBERS_LOCALE)
 */
char *
lumbar_format_decimal (double        value,
                       LumbarNumbers numbers)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* No "-0.0" for a tiny negative difference. */
  if (fabs (value) < 0.05)
    value = 0;
  if (numbers == LUMBAR_NUMBERS_ASCII)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
  return g_strdup_printf ("%.1f", value);
}

/**
 * lumbar_format_percent:
 * @percent: a change in percent
 *
 * A whole percentage with its sign: "+32%", "−5%" (U+2212, the minus
 * sign), "0%"; the space before the percent sign is the language's.
 *
 * Returns: (transfer full): the percentage
 */
char *
lumbar_format_percent (double percent)
{
  long p = lround (percent);
  g_autofree char *number = NULL;

  if (p < 0)
    number = g_strdup_printf ("−%ld", -p);
  else if (p > 0)
    number = g_strdup_printf ("+%ld", p);
  else
    number = g_strdup ("0");
  /* Translators: a percentage; %s is the number with its sign, "+32" */
  return g_strdup_printf (C_("percent", "%s%%"), number);
}

/**
 * lumbar_format_change:
 * @before: the earlier mean, on the 0–10 scale
 * @after: the later mean
 *
 * Returns: (transfer full): the change in points and, when @before is not
 *   0, in percent: "−0.3 points (−5%)"
 */
char *
lumbar_format_change (double before,
                      double after)
{
  double change = after - before;
  g_autofree char *points = lumbar_format_decimal (fabs (change), LUMBAR_NUMBERS_LOCALE);
  g_autofree char *signed_points = NULL;

  /* No sign on a change that lumbar_format_decimal() writes as zero. */
  if (fabs (change) < 0.05)
    signed_points = g_strdup (points);
  else
    signed_points = g_strconcat (change < 0 ? "−" : "+", points, NULL);

  if (before > 0)
    {
      g_autofree char *percent = lumbar_format_percent (100.0 * change / before);

      /* Translators: a change on the 0–10 pain scale, then in percent: "−0.3 points (−5%)" */
      return g_strdup_printf (_("%s points (%s)"), signed_points, percent);
    }
  /* Translators: a change on the 0–10 pain scale: "+0.3 points" */
  return g_strdup_printf (_("%s points"), signed_points);
}
