/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-daily.h"
#include "lumbar-journal.h"

G_BEGIN_DECLS

/* The windows of DESIGN.md ("Tips"), all inclusive and counted back from
 * `today` (today = 0):
 *
 *   W7      today−6  … today        the last seven days
 *   P14     today−20 … today−7      the fourteen days before W7
 *   L3      today−2  … today        the last three days
 *   B7      today−9  … today−3      the seven days before L3
 *   LAST14  today−13 … today        "the last 14 days"
 *   LAST28  today−27 … today        "the last 28 days"
 *
 * Nothing after `today` belongs to any window. */
typedef enum {
  LUMBAR_PERIOD_W7,
  LUMBAR_PERIOD_P14,
  LUMBAR_PERIOD_L3,
  LUMBAR_PERIOD_B7,
  LUMBAR_PERIOD_LAST14,
  LUMBAR_PERIOD_LAST28,
  LUMBAR_N_PERIODS
} LumbarPeriod;

/* Trends read these many days, ending with `today`, and nothing older
 * (except the seven days before the first manual-therapy session). */
#define LUMBAR_TRENDS_DAYS 28

/* A personal comparison is offered only with at least this many days with
 * pain readings on each side. */
#define LUMBAR_TRENDS_MIN_COMPARISON_DAYS 3

/* The mean of the daily means of the days that have readings.
 *
 * @value is what to show. For threshold tests the mean is also kept as the
 * exact fraction @num / @den (readings are whole numbers, so every mean is
 * a fraction); @den is 0 when the fraction would not fit in 64 bits, which
 * takes hundreds of readings on one day, and comparisons then fall back
 * to @value with a tolerance (see lumbar_mean_compare()). */
typedef struct {
  double   value;     /* 0 when n_days == 0 */
  guint    n_days;    /* days with readings behind the mean */
  guint64  num;
  guint64  den;
} LumbarMean;

/* A change from @before to @after. @percent is set only when @before is
 * above 0. */
typedef struct {
  gboolean  valid;        /* both sides have readings */
  double    difference;   /* after − before */
  gboolean  has_percent;
  double    percent;      /* (after − before) / before × 100 */
} LumbarChange;

/* Pain on days with an activity against days without, over the last 28
 * days; only days with pain readings count, on either side. */
typedef struct {
  LumbarMean  with;
  LumbarMean  without;
  gboolean    available;  /* both sides have LUMBAR_TRENDS_MIN_COMPARISON_DAYS */
} LumbarComparison;

/* The person's own change since their first manual-therapy session.
 *
 * The first session is the earliest manual-therapy entry of the whole
 * diary in time order; when its day lies after `today` there is none.
 * Before: the mean over the days first−7 … first−1 that have readings
 * (fewer when the diary starts later). After: the mean over the days of W7
 * that come after the session's day — all of W7 once the session is a week
 * old. The session's own day is on neither side. A side is available when
 * it has at least one day with readings; a percentage needs before > 0. */
typedef struct {
  gboolean      has_session;
  LumbarDay     first_session;    /* LUMBAR_DAY_INVALID without a session */
  LumbarMean    local_before;
  LumbarMean    local_after;
  LumbarChange  local;
  LumbarMean    radiating_before;
  LumbarMean    radiating_after;
  LumbarChange  radiating;
} LumbarTherapyChange;

typedef struct {
  LumbarDay            today;
  /* LumbarDaily for today−27 … today, in order: index i is today−27+i. */
  GArray              *days;

  LumbarMean           local[LUMBAR_N_PERIODS];
  LumbarMean           radiating[LUMBAR_N_PERIODS];
  LumbarChange         local_w7_p14;      /* mean(W7) against mean(P14) */
  LumbarChange         radiating_w7_p14;
  LumbarChange         local_l3_b7;       /* mean(L3) against mean(B7) */

  guint                incline_days_w7;   /* distinct days of W7 with inclined sitting */
  int                  rest_minutes_l3;
  guint                spasms_l3;
  guint                therapy_last14;    /* therapy entries of any kind */
  LumbarDay            last_therapy;      /* latest day ≤ today within the last 28
                                             with a therapy entry, or LUMBAR_DAY_INVALID */

  LumbarComparison     incline;           /* days with inclined sitting vs without */
  LumbarComparison     rest;              /* days with rest vs without */
  LumbarTherapyChange  therapy_change;
} LumbarTrends;

#define LUMBAR_TYPE_TRENDS (lumbar_trends_get_type ())

GType               lumbar_trends_get_type           (void) G_GNUC_CONST;
LumbarTrends       *lumbar_trends_compute            (LumbarJournal      *journal,
                                                      LumbarDay           today);
LumbarTrends       *lumbar_trends_compute_entries    (GPtrArray          *entries,
                                                      LumbarDay           today);
LumbarTrends       *lumbar_trends_copy               (const LumbarTrends *trends);
void                lumbar_trends_free               (LumbarTrends       *trends);
LumbarDay           lumbar_trends_window_first       (const LumbarTrends *trends,
                                                      LumbarPeriod        window);
LumbarDay           lumbar_trends_window_last        (const LumbarTrends *trends,
                                                      LumbarPeriod        window);
const LumbarDaily  *lumbar_trends_get_daily          (const LumbarTrends *trends,
                                                      LumbarDay           day);

void                lumbar_mean_of_days              (const LumbarDaily  *days,
                                                      guint               n_days,
                                                      LumbarDay           first,
                                                      LumbarDay           last,
                                                      LumbarMean         *local,
                                                      LumbarMean         *radiating);
int                 lumbar_mean_compare              (const LumbarMean   *a,
                                                      guint64             factor_num,
                                                      guint64             factor_den,
                                                      const LumbarMean   *b,
                                                      guint64             offset_num,
                                                      guint64             offset_den);
gboolean            lumbar_trends_daily_at_least     (const LumbarDaily  *daily,
                                                      guint64             num,
                                                      guint64             den);
LumbarDay           lumbar_trends_find_first_manual_therapy (LumbarJournal *journal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LumbarTrends, lumbar_trends_free)

G_END_DECLS
