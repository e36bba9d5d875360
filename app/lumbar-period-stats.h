/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-daily.h"
#include "lumbar-trends.h"

G_BEGIN_DECLS

/* One warning sign over a period: on how many days, and the last of them. */
typedef struct {
  LumbarFlags  flag;
  guint        n_days;
  LumbarDay    last_day;
} LumbarFlagCount;

/* The figures of a period of the diary (an export's range, a report's
 * dates): computed here once, and shown by the review window's Overview,
 * the PDF report's first page and `lumbar --summary` alike. */
typedef struct {
  LumbarDay        from;
  LumbarDay        to;
  guint            n_days;            /* days in the period */
  LumbarMean       local;             /* over the days with readings */
  LumbarMean       radiating;
  gboolean         compared;          /* at least 14 days, so the weeks are apart */
  LumbarMean       first_week;        /* local pain, from … from+6 */
  LumbarMean       last_week;         /* local pain, to−6 … to */
  guint            n_spasms;
  int              strongest_spasm;   /* -1 without spasms */
  guint            n_rest;
  int              rest_minutes;
  guint            n_incline;
  int              incline_minutes;
  guint            n_therapy;         /* visits of any kind */
  guint            n_manual_therapy;
  guint            n_flags;           /* kinds of warning sign logged */
  LumbarFlagCount  flags[LUMBAR_N_FLAGS];  /* the first n_flags, in flag order */
} LumbarPeriodStats;

/* One figure in words: "Mean local pain", "4.2 / 10", "Moderate pain". */
typedef struct {
  const char  *label;
  char        *value;
  char        *detail;  /* or NULL */
} LumbarStat;

#define LUMBAR_N_PAIN_STATS     4
#define LUMBAR_N_ACTIVITY_STATS 4

void lumbar_period_stats_compute (LumbarPeriodStats *stats,
                                  const LumbarDaily *days,
                                  guint              n_days,
                                  LumbarDay          from,
                                  LumbarDay          to);
void lumbar_period_stats_compute_entries (LumbarPeriodStats *stats,
                                          GPtrArray         *entries,
                                          LumbarDay          from,
                                          LumbarDay          to);

void lumbar_period_stats_describe_pain     (const LumbarPeriodStats *self,
                                            LumbarStat              *stats);
void lumbar_period_stats_describe_activity (const LumbarPeriodStats *self,
                                            LumbarStat              *stats);
void lumbar_stat_clear                     (LumbarStat              *stat);

G_END_DECLS
