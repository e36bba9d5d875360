/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-trends"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lumbar-trends.h"

/* Tolerance for comparing means that do not fit an exact fraction. Doubles
 * carry the mean of at most 28 values of at most 10 to within about 1e-13;
 * two different means of an ordinary diary differ by far more than 1e-9. */
#define MEAN_EPSILON 1e-9

/* Days before `today` of each window's first and last day. */
static const struct {
  int first;
  int last;
} windows[LUMBAR_N_PERIODS] = {
  [LUMBAR_PERIOD_W7]     = { 6, 0 },
  [LUMBAR_PERIOD_P14]    = { 20, 7 },
  [LUMBAR_PERIOD_L3]     = { 2, 0 },
  [LUMBAR_PERIOD_B7]     = { 9, 3 },
  [LUMBAR_PERIOD_LAST14] = { 13, 0 },
  [LUMBAR_PERIOD_LAST28] = { LUMBAR_TRENDS_DAYS - 1, 0 },
};

G_DEFINE_BOXED_TYPE (LumbarTrends, lumbar_trends, lumbar_trends_copy, lumbar_trends_free)

static guint64
gcd64 (guint64 a,
       guint64 b)
{
  while (b != 0)
    {
      guint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

/* Builds a mean of daily means as an exact fraction, with a double beside
 * it for the rare diary whose denominators outgrow 64 bits. */
typedef struct {
  guint64   num;
  guint64   den;
  gboolean  exact;
  double    sum;
  guint     n_days;
} MeanBuilder;

static void
mean_builder_init (MeanBuilder *b)
{
  b->num = 0;
  b->den = 1;
  b->exact = TRUE;
  b->sum = 0;
  b->n_days = 0;
}

/* Adds one day whose readings sum to @sum over @count readings. */
static void
mean_builder_add (MeanBuilder *b,
                  guint64      sum,
                  guint64      count)
{
  guint64 g, lcm, left, right, num;

  g_assert (count > 0);

  b->sum += (double) sum / (double) count;
  b->n_days++;
  if (!b->exact)
    return;

  g = gcd64 (sum, count);
  sum /= g;
  count /= g;

  /* num/den + sum/count over the least common denominator. */
  g = gcd64 (b->den, count);
  if (!g_uint64_checked_mul (&lcm, b->den / g, count) ||
      !g_uint64_checked_mul (&left, b->num, lcm / b->den) ||
      !g_uint64_checked_mul (&right, sum, lcm / count) ||
      !g_uint64_checked_add (&num, left, right))
    {
      b->exact = FALSE;
      return;
    }

  g = gcd64 (num, lcm);
  b->num = num / g;
  b->den = lcm / g;
}

static LumbarMean
mean_builder_end (MeanBuilder *b)
{
  LumbarMean mean = { 0, b->n_days, 0, 1 };
  guint64 den, g;

  if (b->n_days == 0)
    return mean;

  if (b->exact && g_uint64_checked_mul (&den, b->den, b->n_days))
    {
      g = gcd64 (b->num, den);
      mean.num = b->num / g;
      mean.den = den / g;
      mean.value = (double) mean.num / (double) mean.den;
    }
  else
    {
      mean.num = 0;
      mean.den = 0;
      mean.value = b->sum / b->n_days;
    }

  return mean;
}

/* The sums of a day's readings are whole numbers; LumbarDaily keeps means,
 * which are within far less than 0.5 of sum / count. */
static guint64
daily_local_sum (const LumbarDaily *d)
{
  return (guint64) llround (d->local_mean * d->n_pain);
}

static guint64
daily_radiating_sum (const LumbarDaily *d)
{
  return (guint64) llround (d->radiating_mean * d->n_radiating);
}

/**
 * lumbar_trends_daily_at_least:
 * @daily: a day
 * @num: numerator of the threshold
 * @den: denominator of the threshold, above 0
 *
 * Compares the day's mean local pain with @num / @den exactly.
 *
 * Returns: %TRUE if the day has pain readings and their mean is at least
 *   @num / @den
 */
gboolean
lumbar_trends_daily_at_least (const LumbarDaily *daily,
                              guint64            num,
                              guint64            den)
{
  g_return_val_if_fail (daily != NULL, FALSE);
  g_return_val_if_fail (den > 0, FALSE);

  if (daily->n_pain == 0)
    return FALSE;
  /* Both products stay far below 2^64: sums ≤ 10 × 65535 readings. */
  return daily_local_sum (daily) * den >= num * daily->n_pain;
}

/**
 * lumbar_mean_compare:
 * @a: a mean
 * @factor_num: numerator of the factor applied to @b
 * @factor_den: denominator of that factor, above 0
 * @b: (nullable): a mean, or %NULL for 0
 * @offset_num: numerator of a non-negative offset
 * @offset_den: denominator of the offset, above 0
 *
 * Compares @a with @factor × @b + @offset exactly, so that thresholds such
 * as "mean(L3) ≥ mean(B7) + 1.0" or "mean(W7) > 0.7 × mean(P14)" hold at
 * the exact boundary whatever the binary rounding of the means. Only when a
 * mean has no exact fraction (see #LumbarMean) are the doubles compared,
 * with a tolerance of 1e-9 that counts as equal.
 *
 * Returns: a negative number, 0 or a positive number when @a is below, at
 *   or above @factor × @b + @offset
 */
int
lumbar_mean_compare (const LumbarMean *a,
                     guint64           factor_num,
                     guint64           factor_den,
                     const LumbarMean *b,
                     guint64           offset_num,
                     guint64           offset_den)
{
  static const LumbarMean zero = { 0, 0, 0, 1 };
  guint64 x, y, y1, y2, t;
  double diff;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (factor_den > 0 && offset_den > 0, 0);

  if (b == NULL)
    b = &zero;

  /* a.num/a.den − f·b.num/(f.den·b.den) − o.num/o.den, times all four
   * (positive) denominators. */
  if (a->den != 0 && b->den != 0 &&
      g_uint64_checked_mul (&t, factor_den, b->den) &&
      g_uint64_checked_mul (&t, t, offset_den) &&
      g_uint64_checked_mul (&x, a->num, t) &&
      g_uint64_checked_mul (&t, factor_num, b->num) &&
      g_uint64_checked_mul (&t, t, a->den) &&
      g_uint64_checked_mul (&y1, t, offset_den) &&
      g_uint64_checked_mul (&t, offset_num, a->den) &&
      g_uint64_checked_mul (&t, t, factor_den) &&
      g_uint64_checked_mul (&y2, t, b->den) &&
      g_uint64_checked_add (&y, y1, y2))
    return x < y ? -1 : x > y ? 1 : 0;

  diff = a->value - ((double) factor_num / factor_den * b->value + (double) offset_num / offset_den);
  if (diff > MEAN_EPSILON)
    return 1;
  if (diff < -MEAN_EPSILON)
    return -1;
  return 0;
}

static LumbarChange
change_between (const LumbarMean *before,
                const LumbarMean *after)
{
  LumbarChange change = { FALSE, 0, FALSE, 0 };

  if (before->n_days == 0 || after->n_days == 0)
    return change;

  change.valid = TRUE;
  change.difference = after->value - before->value;
  if (before->value > 0)
    {
      change.has_percent = TRUE;
      change.percent = change.difference / before->value * 100.0;
    }
  return change;
}

/**
 * lumbar_trends_window_first:
 * @trends: trends
 * @window: a window
 *
 * Returns: the first day of @window, inclusive
 */
LumbarDay
lumbar_trends_window_first (const LumbarTrends *trends,
                            LumbarPeriod        window)
{
  g_return_val_if_fail (trends != NULL, LUMBAR_DAY_INVALID);
  g_return_val_if_fail (window < LUMBAR_N_PERIODS, LUMBAR_DAY_INVALID);
  return trends->today - windows[window].first;
}

/**
 * lumbar_trends_window_last:
 * @trends: trends
 * @window: a window
 *
 * Returns: the last day of @window, inclusive
 */
LumbarDay
lumbar_trends_window_last (const LumbarTrends *trends,
                           LumbarPeriod        window)
{
  g_return_val_if_fail (trends != NULL, LUMBAR_DAY_INVALID);
  g_return_val_if_fail (window < LUMBAR_N_PERIODS, LUMBAR_DAY_INVALID);
  return trends->today - windows[window].last;
}

/**
 * lumbar_trends_get_daily:
 * @trends: trends
 * @day: a day from today−27 to today
 *
 * Returns: (nullable): the aggregates of @day, or %NULL outside the 28 days
 */
const LumbarDaily *
lumbar_trends_get_daily (const LumbarTrends *trends,
                         LumbarDay           day)
{
  LumbarDay first;

  g_return_val_if_fail (trends != NULL, NULL);

  first = trends->today - (LUMBAR_TRENDS_DAYS - 1);
  if (day < first || day > trends->today)
    return NULL;
  return &g_array_index (trends->days, LumbarDaily, day - first);
}

/**
 * lumbar_mean_of_days:
 * @days: (array length=n_days): daily summaries, in any order
 * @n_days: how many
 * @first: the window's first day
 * @last: its last day, inclusive
 * @local: (out) (optional): the mean local pain over the window's days
 *   with readings
 * @radiating: (out) (optional): the same for radiating pain
 *
 * The one "window mean" of Lumbar: the mean of the daily means of the days
 * that have readings, as an exact fraction (see #LumbarMean). Tips, the
 * period figures of reviews, reports and the command line, and the chart's
 * description all take their means from here.
 */
void
lumbar_mean_of_days (const LumbarDaily *days,
                     guint              n_days,
                     LumbarDay          first,
                     LumbarDay          last,
                     LumbarMean        *local,
                     LumbarMean        *radiating)
{
  MeanBuilder lb, rb;

  mean_builder_init (&lb);
  mean_builder_init (&rb);
  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &days[i];

      if (d->day < first || d->day > last)
        continue;
      if (d->n_pain > 0)
        mean_builder_add (&lb, daily_local_sum (d), d->n_pain);
      if (d->n_radiating > 0)
        mean_builder_add (&rb, daily_radiating_sum (d), d->n_radiating);
    }
  if (local)
    *local = mean_builder_end (&lb);
  if (radiating)
    *radiating = mean_builder_end (&rb);
}

static void
mean_of_days (GArray     *days,
              LumbarDay   first,
              LumbarDay   last,
              LumbarMean *local,
              LumbarMean *radiating)
{
  lumbar_mean_of_days ((const LumbarDaily *) (gpointer) days->data, days->len, first, last, local, radiating);
}

typedef enum {
  ACTIVITY_INCLINE,
  ACTIVITY_REST,
} Activity;

static LumbarComparison
compare_activity (GArray   *days,
                  Activity  activity)
{
  LumbarComparison cmp;
  MeanBuilder with, without;

  mean_builder_init (&with);
  mean_builder_init (&without);
  for (guint i = 0; i < days->len; i++)
    {
      const LumbarDaily *d = &g_array_index (days, LumbarDaily, i);
      gboolean did = activity == ACTIVITY_INCLINE ? d->n_incline > 0 : d->n_rest > 0;

      if (d->n_pain == 0)
        continue;
      mean_builder_add (did ? &with : &without, daily_local_sum (d), d->n_pain);
    }
  cmp.with = mean_builder_end (&with);
  cmp.without = mean_builder_end (&without);
  cmp.available = cmp.with.n_days >= LUMBAR_TRENDS_MIN_COMPARISON_DAYS &&
                  cmp.without.n_days >= LUMBAR_TRENDS_MIN_COMPARISON_DAYS;
  return cmp;
}

static gboolean
is_manual_therapy (LumbarEntry *entry)
{
  return lumbar_entry_get_kind (entry) == LUMBAR_KIND_THERAPY &&
         lumbar_entry_get_therapy (entry) == LUMBAR_THERAPY_MANUAL;
}

/* Journal order: time, then id. */
static gboolean
entry_before (LumbarEntry *a,
              LumbarEntry *b)
{
  gint64 ta = lumbar_entry_get_time (a);
  gint64 tb = lumbar_entry_get_time (b);

  if (ta != tb)
    return ta < tb;
  return g_strcmp0 (lumbar_entry_get_id (a), lumbar_entry_get_id (b)) < 0;
}

/* The first manual-therapy session of a journal, kept up to date by
 * items-changed: additions are looked at one by one, anything else makes
 * the next lookup scan again. The revision guards against a change seen
 * some other way. */
typedef struct {
  gboolean     valid;
  guint64      revision;
  LumbarEntry *first;     /* owned, or NULL when the journal has none */
} TherapyCache;

static GQuark
therapy_cache_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("lumbar-trends-first-manual-therapy");
  return quark;
}

static void
therapy_cache_free (gpointer data)
{
  TherapyCache *cache = data;

  g_clear_object (&cache->first);
  g_free (cache);
}

static void
therapy_cache_items_changed (GListModel   *model,
                             guint         position,
                             guint         removed,
                             guint         added,
                             TherapyCache *cache)
{
  LumbarJournal *journal = LUMBAR_JOURNAL (model);

  if (!cache->valid || removed > 0)
    {
      cache->valid = FALSE;
      return;
    }

  for (guint i = position; i < position + added; i++)
    {
      LumbarEntry *entry = lumbar_journal_get_entry (journal, i);

      if (entry != NULL && is_manual_therapy (entry) &&
          (cache->first == NULL || entry_before (entry, cache->first)))
        g_set_object (&cache->first, entry);
    }
  cache->revision = lumbar_journal_get_revision (journal);
}

/**
 * lumbar_trends_find_first_manual_therapy:
 * @journal: a journal
 *
 * Finds the day of the earliest manual-therapy entry in time order. The
 * first call scans the journal from its start (and stops at the first
 * manual-therapy entry); later calls cost nothing while the journal only
 * grows. Call it from the thread that owns @journal.
 *
 * Returns: the day of the first manual-therapy session in its own UTC
 *   offset, or %LUMBAR_DAY_INVALID if there is none
 */
LumbarDay
lumbar_trends_find_first_manual_therapy (LumbarJournal *journal)
{
  TherapyCache *cache;
  guint n;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), LUMBAR_DAY_INVALID);

  cache = g_object_get_qdata (G_OBJECT (journal), therapy_cache_quark ());
  if (cache == NULL)
    {
      cache = g_new0 (TherapyCache, 1);
      g_object_set_qdata_full (G_OBJECT (journal), therapy_cache_quark (), cache, therapy_cache_free);
      g_signal_connect (journal, "items-changed", G_CALLBACK (therapy_cache_items_changed), cache);
    }

  if (!cache->valid || cache->revision != lumbar_journal_get_revision (journal))
    {
      g_clear_object (&cache->first);
      n = lumbar_journal_get_n_entries (journal);
      for (guint i = 0; i < n; i++)
        {
          LumbarEntry *entry = lumbar_journal_get_entry (journal, i);

          if (is_manual_therapy (entry))
            {
              cache->first = g_object_ref (entry);
              break;
            }
        }
      cache->valid = TRUE;
      cache->revision = lumbar_journal_get_revision (journal);
    }

  return cache->first != NULL ? lumbar_entry_get_day (cache->first) : LUMBAR_DAY_INVALID;
}

static LumbarDay
find_first_manual_therapy_entries (GPtrArray *entries)
{
  LumbarEntry *first = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      if (is_manual_therapy (entry) && (first == NULL || entry_before (entry, first)))
        first = entry;
    }
  return first != NULL ? lumbar_entry_get_day (first) : LUMBAR_DAY_INVALID;
}

static void
compute_therapy_change (LumbarTrends *self,
                        LumbarDay     first_session,
                        GArray       *before_days)
{
  LumbarTherapyChange *tc = &self->therapy_change;

  tc->first_session = first_session;
  tc->has_session = TRUE;

  mean_of_days (before_days, first_session - 7, first_session - 1,
                &tc->local_before, &tc->radiating_before);
  mean_of_days (self->days,
                MAX (first_session + 1, lumbar_trends_window_first (self, LUMBAR_PERIOD_W7)),
                self->today,
                &tc->local_after, &tc->radiating_after);
  tc->local = change_between (&tc->local_before, &tc->local_after);
  tc->radiating = change_between (&tc->radiating_before, &tc->radiating_after);
}

/* Everything but the therapy change, from the last 28 days. */
static LumbarTrends *
trends_new (GArray    *days,
            LumbarDay  today)
{
  LumbarTrends *self = g_new0 (LumbarTrends, 1);

  self->today = today;
  self->days = days;
  self->last_therapy = LUMBAR_DAY_INVALID;
  self->therapy_change.first_session = LUMBAR_DAY_INVALID;

  for (guint w = 0; w < LUMBAR_N_PERIODS; w++)
    mean_of_days (days, lumbar_trends_window_first (self, w), lumbar_trends_window_last (self, w),
                  &self->local[w], &self->radiating[w]);

  self->local_w7_p14 = change_between (&self->local[LUMBAR_PERIOD_P14], &self->local[LUMBAR_PERIOD_W7]);
  self->radiating_w7_p14 = change_between (&self->radiating[LUMBAR_PERIOD_P14], &self->radiating[LUMBAR_PERIOD_W7]);
  self->local_l3_b7 = change_between (&self->local[LUMBAR_PERIOD_B7], &self->local[LUMBAR_PERIOD_L3]);

  for (guint i = 0; i < days->len; i++)
    {
      const LumbarDaily *d = &g_array_index (days, LumbarDaily, i);

      if (d->day >= lumbar_trends_window_first (self, LUMBAR_PERIOD_W7) && d->n_incline > 0)
        self->incline_days_w7++;
      if (d->day >= lumbar_trends_window_first (self, LUMBAR_PERIOD_L3))
        {
          self->rest_minutes_l3 += d->rest_minutes;
          self->spasms_l3 += d->n_spasms;
        }
      if (d->day >= lumbar_trends_window_first (self, LUMBAR_PERIOD_LAST14))
        self->therapy_last14 += d->n_therapy;
      if (d->n_therapy > 0)
        self->last_therapy = d->day;
    }

  self->incline = compare_activity (days, ACTIVITY_INCLINE);
  self->rest = compare_activity (days, ACTIVITY_REST);

  return self;
}

/**
 * lumbar_trends_compute:
 * @journal: a journal
 * @today: the day the trends end with
 *
 * Computes the trends of the 28 days ending with @today, reading only those
 * days through the journal's day index, so the cost does not grow with the
 * diary's length. The first manual-therapy session is found once and cached
 * on @journal (see lumbar_trends_find_first_manual_therapy()); call this
 * from the thread that owns @journal.
 *
 * Returns: (transfer full): the trends; free with lumbar_trends_free()
 */
LumbarTrends *
lumbar_trends_compute (LumbarJournal *journal,
                       LumbarDay      today)
{
  LumbarTrends *self;
  LumbarDay first_session;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);

  self = trends_new (lumbar_daily_collect (journal, today - (LUMBAR_TRENDS_DAYS - 1), today), today);

  first_session = lumbar_trends_find_first_manual_therapy (journal);
  if (first_session != LUMBAR_DAY_INVALID && first_session <= today)
    {
      g_autoptr(GArray) before = lumbar_daily_collect (journal, first_session - 7, first_session - 1);

      compute_therapy_change (self, first_session, before);
    }

  return self;
}

/**
 * lumbar_trends_compute_entries:
 * @entries: (element-type LumbarEntry): valid entries in any order, such as
 *   those of an exported file
 * @today: the day the trends end with
 *
 * Like lumbar_trends_compute() for a plain list of entries. Every entry is
 * looked at, so this costs time in proportion to the list.
 *
 * Returns: (transfer full): the trends; free with lumbar_trends_free()
 */
LumbarTrends *
lumbar_trends_compute_entries (GPtrArray *entries,
                               LumbarDay  today)
{
  LumbarTrends *self;
  LumbarDay first_session;

  g_return_val_if_fail (entries != NULL, NULL);

  self = trends_new (lumbar_daily_collect_entries (entries, today - (LUMBAR_TRENDS_DAYS - 1), today), today);

  first_session = find_first_manual_therapy_entries (entries);
  if (first_session != LUMBAR_DAY_INVALID && first_session <= today)
    {
      g_autoptr(GArray) before = lumbar_daily_collect_entries (entries, first_session - 7, first_session - 1);

      compute_therapy_change (self, first_session, before);
    }

  return self;
}

/**
 * lumbar_trends_copy:
 * @trends: trends
 *
 * Returns: (transfer full): a deep copy
 */
LumbarTrends *
lumbar_trends_copy (const LumbarTrends *trends)
{
  LumbarTrends *copy;

  g_return_val_if_fail (trends != NULL, NULL);

  copy = g_memdup2 (trends, sizeof *trends);
  copy->days = g_array_copy (trends->days);
  return copy;
}

/**
 * lumbar_trends_free:
 * @trends: (nullable): trends
 *
 * Frees @trends and its days.
 */
void
lumbar_trends_free (LumbarTrends *trends)
{
  if (trends == NULL)
    return;
  g_clear_pointer (&trends->days, g_array_unref);
  g_free (trends);
}
