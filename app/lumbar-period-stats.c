/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-period-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-format.h"
#include "lumbar-period-stats.h"

/**
 * lumbar_period_stats_compute:
 * @stats: (out caller-allocates): the figures
 * @days: (array length=n_days): daily summaries; those outside @from … @to
 *   are ignored
 * @n_days: how many
 * @from: the period's first day
 * @to: its last day, inclusive
 *
 * Means are those of lumbar_mean_of_days(); the first and last week are
 * compared only when the period has at least 14 days, so they never
 * overlap.
 */
void
lumbar_period_stats_compute (LumbarPeriodStats *stats,
                             const LumbarDaily *days,
                             guint              n_days,
                             LumbarDay          from,
                             LumbarDay          to)
{
  LumbarFlagCount counts[LUMBAR_N_FLAGS] = { { 0 } };

  g_return_if_fail (stats != NULL);
  g_return_if_fail (from <= to);

  memset (stats, 0, sizeof *stats);
  stats->from = from;
  stats->to = to;
  stats->n_days = (guint) (to - from + 1);
  stats->strongest_spasm = -1;

  lumbar_mean_of_days (days, n_days, from, to, &stats->local, &stats->radiating);
  stats->compared = stats->n_days >= 14;
  if (stats->compared)
    {
      lumbar_mean_of_days (days, n_days, from, from + 6, &stats->first_week, NULL);
      lumbar_mean_of_days (days, n_days, to - 6, to, &stats->last_week, NULL);
    }

  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &days[i];

      if (d->day < from || d->day > to)
        continue;
      stats->n_spasms += d->n_spasms;
      stats->strongest_spasm = MAX (stats->strongest_spasm, d->spasm_max);
      stats->n_rest += d->n_rest;
      stats->rest_minutes += d->rest_minutes;
      stats->n_incline += d->n_incline;
      stats->incline_minutes += d->incline_minutes;
      stats->n_therapy += d->n_therapy;
      stats->n_manual_therapy += d->n_manual_therapy;

      for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
        if (d->flags & (1u << bit))
          {
            counts[bit].flag = 1u << bit;
            counts[bit].n_days++;
            counts[bit].last_day = MAX (counts[bit].last_day, d->day);
          }
    }

  for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
    if (counts[bit].n_days)
      stats->flags[stats->n_flags++] = counts[bit];
}

/**
 * lumbar_period_stats_compute_entries:
 * @stats: (out caller-allocates): the figures
 * @entries: (element-type LumbarEntry): entries, any of them outside the period
 * @from: the period's first day
 * @to: its last day, inclusive
 */
void
lumbar_period_stats_compute_entries (LumbarPeriodStats *stats,
                                     GPtrArray         *entries,
                                     LumbarDay          from,
                                     LumbarDay          to)
{
  g_autoptr(GArray) days = lumbar_daily_collect_entries (entries, from, to);

  lumbar_period_stats_compute (stats, (const LumbarDaily *) (gpointer) days->data, days->len, from, to);
}

/**
 * lumbar_stat_clear:
 * @stat: a figure from lumbar_period_stats_describe_pain() or _activity()
 *
 * Frees its texts.
 */
void
lumbar_stat_clear (LumbarStat *stat)
{
  g_clear_pointer (&stat->value, g_free);
  g_clear_pointer (&stat->detail, g_free);
}

static char *
format_mean (const LumbarMean *mean)
{
  return lumbar_format_decimal (mean->value, LUMBAR_NUMBERS_LOCALE);
}

/**
 * lumbar_period_stats_describe_pain:
 * @self: the figures
 * @stats: (out caller-allocates) (array fixed-size=4): the pain figures in
 *   words, for the review window's Overview, the PDF and the command line
 *
 * Free each with lumbar_stat_clear().
 */
void
lumbar_period_stats_describe_pain (const LumbarPeriodStats *self,
                                   LumbarStat              *stats)
{
  guint n_days = self->n_days;

  stats[0].label = _("Days with pain readings");
  /* Translators: days with readings out of the days of the period */
  stats[0].value = g_strdup_printf (ngettext ("%u of %u day", "%u of %u days", n_days),
                                    self->local.n_days, n_days);

  stats[1].label = _("Mean local pain");
  if (self->local.n_days)
    {
      g_autofree char *mean = format_mean (&self->local);

      /* Translators: a pain score on the 0–10 scale */
      stats[1].value = g_strdup_printf (_("%s / 10"), mean);
      stats[1].detail = g_strdup (lumbar_pain_get_meaning ((int) round (self->local.value)));
    }
  else
    stats[1].value = g_strdup (C_("report", "No readings"));

  stats[2].label = _("First week → last week");
  if (!self->compared)
    {
      stats[2].value = g_strdup (C_("report", "Not compared"));
      stats[2].detail = g_strdup (_("the period is shorter than two weeks"));
    }
  else if (self->first_week.n_days == 0 || self->last_week.n_days == 0)
    {
      stats[2].value = g_strdup (C_("report", "Not compared"));
      stats[2].detail = g_strdup (self->first_week.n_days == 0 ? _("no readings in the first week")
                                                             : _("no readings in the last week"));
    }
  else
    {
      g_autofree char *first = format_mean (&self->first_week);
      g_autofree char *last = format_mean (&self->last_week);

      /* Translators: mean pain of the period's first and last week */
      stats[2].value = g_strdup_printf (C_("pain change", "%s → %s"), first, last);
      stats[2].detail = lumbar_format_change (self->first_week.value, self->last_week.value);
    }

  stats[3].label = _("Mean radiating pain");
  if (self->radiating.n_days)
    {
      g_autofree char *mean = format_mean (&self->radiating);

      stats[3].value = g_strdup_printf (_("%s / 10"), mean);
      stats[3].detail = g_strdup_printf (ngettext ("recorded on %u day", "recorded on %u days",
                                                   self->radiating.n_days),
                                         self->radiating.n_days);
    }
  else
    stats[3].value = g_strdup (C_("report", "Not recorded"));
}

/**
 * lumbar_period_stats_describe_activity:
 * @self: the figures
 * @stats: (out caller-allocates) (array fixed-size=4): spasms, rest,
 *   inclined sitting and therapy visits in words
 *
 * Free each with lumbar_stat_clear().
 */
void
lumbar_period_stats_describe_activity (const LumbarPeriodStats *self,
                                       LumbarStat              *stats)
{
  stats[0].label = C_("report", "Spasms");
  stats[0].value = g_strdup_printf ("%u", self->n_spasms);
  if (self->n_spasms)
    /* Translators: the highest spasm intensity, 0–10 */
    stats[0].detail = g_strdup_printf (_("strongest %d / 10"), self->strongest_spasm);

  stats[1].label = C_("report", "Rest");
  stats[1].value = lumbar_format_duration (self->rest_minutes);
  if (self->n_rest)
    stats[1].detail = g_strdup_printf (ngettext ("%u session", "%u sessions", self->n_rest), self->n_rest);

  stats[2].label = C_("report", "Inclined sitting");
  stats[2].value = lumbar_format_duration (self->incline_minutes);
  if (self->n_incline)
    stats[2].detail = g_strdup_printf (ngettext ("%u session", "%u sessions", self->n_incline), self->n_incline);

  stats[3].label = C_("report", "Therapy visits");
  stats[3].value = g_strdup_printf ("%u", self->n_therapy);
  if (self->n_therapy)
    /* Translators: how many of the therapy visits were manual therapy */
    stats[3].detail = g_strdup_printf (_("manual therapy: %u"), self->n_manual_therapy);
}
