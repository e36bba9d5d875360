/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* The chart in words, for its accessible description and the day popover. */

/* Words */

static char *
format_pain (double value)
{
  return lumbar_format_decimal (value, LUMBAR_NUMBERS_LOCALE);
}

static char *
format_date (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_SHORT);
}

/* The mean local pain of days[first] … days[end − 1], as every other view
 * takes it (lumbar_mean_of_days()). */
static gboolean
window_mean (const LumbarDaily *days,
             guint              first,
             guint              end,
             double            *mean)
{
  LumbarMean local;

  lumbar_mean_of_days (days + first, end - first, days[first].day, days[end - 1].day, &local, NULL);
  *mean = local.value;
  return local.n_days > 0;
}

/**
 * lumbar_chart_describe:
 * @days: (array length=n_days): consecutive days, oldest first
 * @n_days: number of days
 * @today: the current date, to say "the last N days" when the range ends today
 *
 * Summarises the days in words, for the chart's accessible description.
 *
 * Returns: (transfer full): a few translated sentences
 */
char *
lumbar_chart_describe (const LumbarDaily *days,
                       guint              n_days,
                       LumbarDay          today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double mean = 0, radiating_sum = 0;
  guint n_pain_days = 0, n_radiating_days = 0, n_spasms = 0, n_therapy = 0;
  guint n_rest_days = 0, n_incline_days = 0;
  guint worst = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &days[i];

      if (d->n_pain > 0)
        {
          if (n_pain_days == 0 || d->local_mean > days[worst].local_mean)
            worst = i;
          n_pain_days++;
        }
      if (d->n_radiating > 0)
        {
          radiating_sum += d->radiating_mean;
          n_radiating_days++;
        }
      n_spasms += d->n_spasms;
      n_therapy += d->n_therapy;
      n_rest_days += d->n_rest > 0;
      n_incline_days += d->n_incline > 0;
    }

  if (n_pain_days == 0)
    g_string_append (text, _("No pain readings in this period."));
  else
    {
      g_autofree char *average = NULL;
      g_autofree char *worst_value = NULL;
      g_autofree char *worst_date = NULL;
      guint window = n_days >= 120 ? 30 : 7;
      double head, tail;

      window_mean (days, 0, n_days, &mean);
      average = format_pain (mean);

      if (days[n_days - 1].day == today && n_days == 1)
        g_string_append_printf (text, _("Pain today: average %s."), average);
      else if (days[n_days - 1].day == today && n_days <= 92)
        g_string_append_printf (text,
                                ngettext ("Pain over the last %u day: average %s.",
                                          "Pain over the last %u days: average %s.",
                                          n_days),
                                n_days, average);
      else
        {
          g_autofree char *from = format_date (days[0].day);
          g_autofree char *to = format_date (days[n_days - 1].day);

          g_string_append_printf (text, _("Pain from %s to %s: average %s."), from, to, average);
        }

      if (n_days >= 2 * window &&
          window_mean (days, 0, window, &head) &&
          window_mean (days, n_days - window, n_days, &tail))
        {
          g_autofree char *a = format_pain (head);
          g_autofree char *b = format_pain (tail);

          g_string_append_c (text, ' ');
          if (window == 7)
            g_string_append_printf (text, _("It went from %s in the first week to %s in the last week."), a, b);
          else
            g_string_append_printf (text, _("It went from %s in the first 30 days to %s in the last 30 days."), a, b);
        }

      if (n_pain_days > 1)
        {
          worst_value = format_pain (days[worst].local_mean);
          worst_date = format_date (days[worst].day);
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("The highest daily average was %s, on %s."), worst_value, worst_date);
        }

      if (n_radiating_days > 0)
        {
          g_autofree char *radiating = format_pain (radiating_sum / n_radiating_days);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Radiating pain averaged %s."), radiating);
        }
    }

  if (n_spasms > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u spasm was logged.", "%u spasms were logged.", n_spasms),
                              n_spasms);
    }
  if (n_therapy > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u therapy visit was logged.", "%u therapy visits were logged.", n_therapy),
                              n_therapy);
    }
  if (n_rest_days > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Rest was logged on %u day.", "Rest was logged on %u days.", n_rest_days),
                              n_rest_days);
    }
  if (n_incline_days > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Inclined sitting was logged on %u day.",
                                        "Inclined sitting was logged on %u days.", n_incline_days),
                              n_incline_days);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lumbar_chart_describe_day:
 * @daily: one day
 *
 * Returns: (transfer full): the day's date and values, one per line, for a
 *   tooltip or popover
 */
char *
lumbar_chart_describe_day (const LumbarDaily *daily)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (daily != NULL, NULL);

  date = lumbar_format_date (daily->day, LUMBAR_DATE_WEEKDAY);
  g_string_append (text, date);

  if (daily->n_pain > 1)
    {
      g_autofree char *mean = format_pain (daily->local_mean);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Local pain: %s (lowest %d, highest %d)"),
                              mean, daily->local_min, daily->local_max);
    }
  else if (daily->n_pain == 1)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Local pain: %d"), daily->local_min);
    }

  if (daily->n_radiating > 0)
    {
      g_autofree char *mean = format_pain (daily->radiating_mean);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Radiating pain: %s"), mean);
    }

  if (daily->n_spasms > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Spasms: %u (strongest %d)"),
                              (guint) daily->n_spasms, daily->spasm_max);
    }

  if (daily->rest_minutes > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Rest: %d min"), daily->rest_minutes);
    }

  if (daily->incline_minutes > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Inclined sitting: %d min"), daily->incline_minutes);
    }

  if (daily->n_therapy > 0)
    {
      g_string_append_c (text, '\n');
      if (daily->n_manual_therapy > 0)
        g_string_append_printf (text, _("Therapy visits: %u (manual therapy: %u)"),
                                (guint) daily->n_therapy, (guint) daily->n_manual_therapy);
      else
        g_string_append_printf (text, _("Therapy visits: %u"), (guint) daily->n_therapy);
    }

  if (!lumbar_daily_has_data (daily))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Nothing logged"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
