/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-trends.h"

#include "diary-builder.h"

static LumbarTrends *
trends_for (const char *diary)
{
  g_autoptr(GPtrArray) entries = diary_build (diary, DIARY_TODAY);
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarTrends) from_entries = NULL;
  LumbarTrends *trends;

  lumbar_journal_set_entries (journal, entries);
  trends = lumbar_trends_compute (journal, DIARY_TODAY);
  from_entries = lumbar_trends_compute_entries (entries, DIARY_TODAY);

  /* The day index and the plain list agree on everything. */
  for (guint w = 0; w < LUMBAR_N_PERIODS; w++)
    {
      g_assert_cmpuint (trends->local[w].n_days, ==, from_entries->local[w].n_days);
      g_assert_true (trends->local[w].value == from_entries->local[w].value);
      g_assert_true (trends->radiating[w].value == from_entries->radiating[w].value);
    }
  g_assert_cmpuint (trends->incline_days_w7, ==, from_entries->incline_days_w7);
  g_assert_cmpint (trends->rest_minutes_l3, ==, from_entries->rest_minutes_l3);
  g_assert_cmpuint (trends->spasms_l3, ==, from_entries->spasms_l3);
  g_assert_cmpuint (trends->therapy_last14, ==, from_entries->therapy_last14);
  g_assert_cmpint (trends->therapy_change.first_session, ==, from_entries->therapy_change.first_session);
  g_assert_true (trends->therapy_change.local.percent == from_entries->therapy_change.local.percent);

  return trends;
}

static void
test_windows (void)
{
  g_autoptr(LumbarTrends) t = trends_for ("");
  static const struct { LumbarPeriod w; int first, last; } expected[] = {
    { LUMBAR_PERIOD_W7, 6, 0 },
    { LUMBAR_PERIOD_P14, 20, 7 },
    { LUMBAR_PERIOD_L3, 2, 0 },
    { LUMBAR_PERIOD_B7, 9, 3 },
    { LUMBAR_PERIOD_LAST14, 13, 0 },
    { LUMBAR_PERIOD_LAST28, 27, 0 },
  };

  g_assert_cmpuint (t->days->len, ==, LUMBAR_TRENDS_DAYS);
  g_assert_cmpint (g_array_index (t->days, LumbarDaily, 0).day, ==, DIARY_TODAY - 27);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (lumbar_trends_window_first (t, expected[i].w), ==, DIARY_TODAY - expected[i].first);
      g_assert_cmpint (lumbar_trends_window_last (t, expected[i].w), ==, DIARY_TODAY - expected[i].last);
      g_assert_cmpuint (t->local[expected[i].w].n_days, ==, 0);
    }
  g_assert_null (lumbar_trends_get_daily (t, DIARY_TODAY + 1));
  g_assert_null (lumbar_trends_get_daily (t, DIARY_TODAY - 28));
  g_assert_nonnull (lumbar_trends_get_daily (t, DIARY_TODAY - 27));
}

static void
test_means_of_daily_means (void)
{
  /* W7: today−6 = (0+10)/2 = 5, today−3 = 2, today = (1+1+2)/3 = 4/3. */
  g_autoptr(LumbarTrends) t = trends_for ("P6=0,10 P3=2 P0=1,1,2 P10=9/2 P8=3/5 P8=3");
  const LumbarMean *w7 = &t->local[LUMBAR_PERIOD_W7];
  const LumbarMean *b7 = &t->local[LUMBAR_PERIOD_B7];

  g_assert_cmpuint (w7->n_days, ==, 3);
  /* (5 + 2 + 4/3) / 3 = 25/9, exactly. */
  g_assert_cmpuint (w7->num, ==, 25);
  g_assert_cmpuint (w7->den, ==, 9);
  g_assert_cmpfloat_with_epsilon (w7->value, 25.0 / 9, 1e-15);

  /* B7: today−8 = 3, today−6 = 5, today−3 = 2. */
  g_assert_cmpuint (b7->n_days, ==, 3);
  g_assert_cmpfloat_with_epsilon (b7->value, 10.0 / 3, 1e-15);

  /* P14 has today−10 and today−8; radiating only where it was asked. */
  g_assert_cmpuint (t->local[LUMBAR_PERIOD_P14].n_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (t->local[LUMBAR_PERIOD_P14].value, 6.0, 1e-15);
  g_assert_cmpuint (t->radiating[LUMBAR_PERIOD_P14].n_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (t->radiating[LUMBAR_PERIOD_P14].value, 3.5, 1e-15);
  g_assert_cmpuint (t->radiating[LUMBAR_PERIOD_W7].n_days, ==, 0);

  /* W7 against P14: 25/9 against 6. */
  g_assert_true (t->local_w7_p14.valid);
  g_assert_true (t->local_w7_p14.has_percent);
  g_assert_cmpfloat_with_epsilon (t->local_w7_p14.percent, (25.0 / 9 - 6) / 6 * 100, 1e-9);
  g_assert_false (t->radiating_w7_p14.valid);

  g_assert_cmpuint (t->local[LUMBAR_PERIOD_LAST28].n_days, ==, 5);
}

static void
test_counts (void)
{
  g_autoptr(LumbarTrends) t = trends_for ("P6..0=3 I6=30 I6=10@18:00 I2=20 I7=30 "
                                          "R3=50 R2=15 R0=5 R0=7@20:00 "
                                          "S3=4 S2=5 S0=6 S0=2@19:00 "
                                          "T14=m T13=e T5=o T20=m");

  g_assert_cmpuint (t->incline_days_w7, ==, 2);
  g_assert_cmpint (t->rest_minutes_l3, ==, 27);
  g_assert_cmpuint (t->spasms_l3, ==, 3);
  g_assert_cmpuint (t->therapy_last14, ==, 2);
  g_assert_cmpint (t->last_therapy, ==, DIARY_TODAY - 5);
}

static void
test_entries_after_today (void)
{
  g_autoptr(LumbarTrends) t = trends_for ("P0=2 P-1=9 S-1=5 R-1=30 I-1=30 T-1=m P-1=9@00:30+14:00");

  g_assert_cmpuint (t->local[LUMBAR_PERIOD_W7].n_days, ==, 1);
  g_assert_cmpfloat (t->local[LUMBAR_PERIOD_W7].value, ==, 2.0);
  g_assert_cmpuint (t->spasms_l3, ==, 0);
  g_assert_cmpint (t->rest_minutes_l3, ==, 0);
  g_assert_cmpuint (t->incline_days_w7, ==, 0);
  g_assert_cmpuint (t->therapy_last14, ==, 0);
  g_assert_false (t->therapy_change.has_session);
}

static void
test_day_in_own_offset (void)
{
  /* 23:30 at UTC−5 on today−3 is 04:30 UTC on today−2: still today−3. */
  g_autoptr(LumbarTrends) west = trends_for ("P3=9@23:30-05:00");
  /* 01:00 at UTC+9 on today−2 is 16:00 UTC on today−3: still today−2. */
  g_autoptr(LumbarTrends) east = trends_for ("P2=9@01:00+09:00");

  g_assert_cmpuint (west->local[LUMBAR_PERIOD_B7].n_days, ==, 1);
  g_assert_cmpuint (west->local[LUMBAR_PERIOD_L3].n_days, ==, 0);
  g_assert_cmpuint (lumbar_trends_get_daily (west, DIARY_TODAY - 3)->n_pain, ==, 1);
  g_assert_cmpuint (east->local[LUMBAR_PERIOD_L3].n_days, ==, 1);
  g_assert_cmpuint (east->local[LUMBAR_PERIOD_B7].n_days, ==, 0);
}

static void
test_comparisons (void)
{
  /* Days with readings: today−6…today. Rest on 3, inclined sitting on 2. */
  g_autoptr(LumbarTrends) t = trends_for ("P6..0=4 P2..0=6 R6..4=20 I1..0=30 I10=30");

  g_assert_true (t->rest.available);
  g_assert_cmpuint (t->rest.with.n_days, ==, 3);
  g_assert_cmpuint (t->rest.without.n_days, ==, 4);
  g_assert_cmpfloat_with_epsilon (t->rest.with.value, 4.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (t->rest.without.value, 4.75, 1e-15);

  /* today−10 had inclined sitting but no readings: on neither side. */
  g_assert_false (t->incline.available);
  g_assert_cmpuint (t->incline.with.n_days, ==, 2);
  g_assert_cmpuint (t->incline.without.n_days, ==, 5);
}

static void
test_therapy_change_before_and_after (void)
{
  /* First manual session on today−17; the 7 days before it average 6. */
  g_autoptr(LumbarTrends) t = trends_for ("P30=1 P24..18=6/4 T17=m P16..0=3/2 T15=m T40=e");
  const LumbarTherapyChange *tc = &t->therapy_change;

  g_assert_true (tc->has_session);
  g_assert_cmpint (tc->first_session, ==, DIARY_TODAY - 17);
  g_assert_cmpuint (tc->local_before.n_days, ==, 7);
  g_assert_cmpfloat (tc->local_before.value, ==, 6.0);
  g_assert_cmpuint (tc->local_after.n_days, ==, 7);
  g_assert_cmpfloat (tc->local_after.value, ==, 3.0);
  g_assert_true (tc->local.has_percent);
  g_assert_cmpfloat_with_epsilon (tc->local.percent, -50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tc->radiating.percent, -50.0, 1e-9);
}

static void
test_therapy_change_session_in_w7 (void)
{
  /* A session on today−3: before is today−10…today−4, after only today−2…today. */
  g_autoptr(LumbarTrends) t = trends_for ("P10..4=8 T3=m P3=7 P2..0=4");
  const LumbarTherapyChange *tc = &t->therapy_change;

  g_assert_cmpuint (tc->local_before.n_days, ==, 7);
  g_assert_cmpfloat (tc->local_before.value, ==, 8.0);
  g_assert_cmpuint (tc->local_after.n_days, ==, 3);
  g_assert_cmpfloat (tc->local_after.value, ==, 4.0);
  g_assert_cmpfloat_with_epsilon (tc->local.percent, -50.0, 1e-9);
  g_assert_false (tc->radiating.valid);
}

static void
test_therapy_change_unavailable (void)
{
  /* Session today: nothing after it yet. */
  g_autoptr(LumbarTrends) today = trends_for ("P10..1=5 T0=m");
  /* Diary starts on the session day: nothing before it. */
  g_autoptr(LumbarTrends) no_before = trends_for ("T9=m P9..0=5");
  /* Baseline without pain: no percentage. */
  g_autoptr(LumbarTrends) zero = trends_for ("P12..10=0 T9=m P6..0=2");

  g_assert_true (today->therapy_change.has_session);
  g_assert_false (today->therapy_change.local.valid);
  g_assert_true (no_before->therapy_change.has_session);
  g_assert_false (no_before->therapy_change.local.valid);
  g_assert_true (zero->therapy_change.local.valid);
  g_assert_false (zero->therapy_change.local.has_percent);
  g_assert_cmpfloat (zero->therapy_change.local.difference, ==, 2.0);
}

static void
test_first_manual_therapy_cached (void)
{
  g_autoptr(GPtrArray) entries = diary_build ("P40..0=5 T20=m T10=m T30=e", DIARY_TODAY);
  g_autoptr(GPtrArray) earlier = diary_build ("T25=m", DIARY_TODAY);
  g_autoptr(GPtrArray) later = diary_build ("T5=m", DIARY_TODAY);
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarEntry) removed = NULL;

  lumbar_journal_set_entries (journal, entries);
  g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 20);

  /* Adding a later session keeps the first; an earlier one replaces it. */
  g_assert_true (lumbar_journal_add (journal, g_ptr_array_index (later, 0), NULL));
  g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 20);
  g_assert_true (lumbar_journal_add (journal, g_ptr_array_index (earlier, 0), NULL));
  g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 25);

  /* Removing it finds the next one. */
  removed = lumbar_journal_remove (journal, lumbar_entry_get_id (g_ptr_array_index (earlier, 0)));
  g_assert_nonnull (removed);
  g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 20);

  /* Turning the first session into exercise therapy moves it on. */
  {
    g_autoptr(LumbarEntry) changed = lumbar_entry_copy (g_ptr_array_index (entries, 41));

    g_assert_cmpint (lumbar_entry_get_day (changed), ==, DIARY_TODAY - 20);
    lumbar_entry_set_therapy (changed, LUMBAR_THERAPY_EXERCISE);
    g_assert_true (lumbar_journal_replace (journal, changed, NULL));
    g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 10);
  }

  lumbar_journal_set_entries (journal, later);
  g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, DIARY_TODAY - 5);

  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    lumbar_journal_set_entries (journal, none);
    g_assert_cmpint (lumbar_trends_find_first_manual_therapy (journal), ==, LUMBAR_DAY_INVALID);
  }
}

/* Years of older entries change nothing in the windows. */
static void
test_only_last_28_days (void)
{
  g_autoptr(GPtrArray) recent = diary_build ("P27..0=3/1 S1=4 R2=10 I3=20 T13=e", DIARY_TODAY);
  g_autoptr(GPtrArray) old = diary_build ("P3650..28=9/9 S3650..28=9 R3650..28=60 I3650..28=60", DIARY_TODAY);
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarTrends) alone = NULL;
  g_autoptr(LumbarTrends) with_history = NULL;

  alone = lumbar_trends_compute_entries (recent, DIARY_TODAY);
  g_ptr_array_extend (old, recent, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  lumbar_journal_set_entries (journal, old);
  with_history = lumbar_trends_compute (journal, DIARY_TODAY);

  for (guint w = 0; w < LUMBAR_N_PERIODS; w++)
    {
      g_assert_cmpuint (alone->local[w].n_days, ==, with_history->local[w].n_days);
      g_assert_cmpfloat (alone->local[w].value, ==, with_history->local[w].value);
      g_assert_cmpfloat (alone->radiating[w].value, ==, with_history->radiating[w].value);
    }
  g_assert_cmpfloat (with_history->local[LUMBAR_PERIOD_LAST28].value, ==, 3.0);
  g_assert_cmpuint (with_history->incline.with.n_days, ==, alone->incline.with.n_days);
  g_assert_cmpint (with_history->rest_minutes_l3, ==, 10);
}

static void
test_mean_compare (void)
{
  /* 7/5 against 2/5 + 1: equal, though 1.4 < 0.4 + 1.0 in doubles. */
  LumbarMean l3 = { 7.0 / 5, 3, 7, 5 };
  LumbarMean b7 = { 2.0 / 5, 7, 2, 5 };
  /* 21/5 against 0.7 × 6: equal, though 4.2 > 0.7 × 6.0 in doubles. */
  LumbarMean w7 = { 21.0 / 5, 7, 21, 5 };
  LumbarMean p14 = { 6.0, 14, 6, 1 };
  /* Means too large for fractions compare as doubles, equal within 1e-9. */
  LumbarMean inexact = { 4.2 + 1e-12, 7, 0, 0 };
  LumbarMean above = { 4.2 + 1e-6, 7, 0, 0 };

  /* What summing daily means in doubles would give. */
  g_assert_false ((1.4 + 1.4 + 1.4) / 3 >= (0.4 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4) / 7 + 1.0);
  g_assert_cmpint (lumbar_mean_compare (&l3, 1, 1, &b7, 1, 1), ==, 0);
  g_assert_true ((4 + 4 + 4 + 4 + 4 + 4 + 5.4) / 7 > 0.7 * 6.0);
  g_assert_cmpint (lumbar_mean_compare (&w7, 7, 10, &p14, 0, 1), ==, 0);
  g_assert_cmpint (lumbar_mean_compare (&w7, 0, 1, NULL, 4, 1), >, 0);
  g_assert_cmpint (lumbar_mean_compare (&b7, 0, 1, NULL, 4, 1), <, 0);
  g_assert_cmpint (lumbar_mean_compare (&inexact, 7, 10, &p14, 0, 1), ==, 0);
  g_assert_cmpint (lumbar_mean_compare (&above, 7, 10, &p14, 0, 1), >, 0);
}

static void
test_daily_at_least (void)
{
  g_autoptr(LumbarTrends) t = trends_for ("P2=7 P1=7,7,7,7,7,7,7,7,7,6 P0=8,6");

  g_assert_true (lumbar_trends_daily_at_least (lumbar_trends_get_daily (t, DIARY_TODAY - 2), 7, 1));
  g_assert_false (lumbar_trends_daily_at_least (lumbar_trends_get_daily (t, DIARY_TODAY - 1), 7, 1));
  g_assert_true (lumbar_trends_daily_at_least (lumbar_trends_get_daily (t, DIARY_TODAY - 1), 69, 10));
  g_assert_true (lumbar_trends_daily_at_least (lumbar_trends_get_daily (t, DIARY_TODAY), 7, 1));
  g_assert_false (lumbar_trends_daily_at_least (lumbar_trends_get_daily (t, DIARY_TODAY - 3), 0, 1));
}

static void
test_copy (void)
{
  g_autoptr(LumbarTrends) t = trends_for ("P6..0=4");
  g_autoptr(LumbarTrends) copy = lumbar_trends_copy (t);

  g_assert_true (copy->days != t->days);
  g_assert_cmpuint (copy->days->len, ==, LUMBAR_TRENDS_DAYS);
  g_assert_cmpfloat (copy->local[LUMBAR_PERIOD_W7].value, ==, 4.0);
  g_assert_true (G_TYPE_IS_BOXED (LUMBAR_TYPE_TRENDS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/trends/windows", test_windows);
  g_test_add_func ("/lumbar/trends/means-of-daily-means", test_means_of_daily_means);
  g_test_add_func ("/lumbar/trends/counts", test_counts);
  g_test_add_func ("/lumbar/trends/entries-after-today", test_entries_after_today);
  g_test_add_func ("/lumbar/trends/day-in-own-offset", test_day_in_own_offset);
  g_test_add_func ("/lumbar/trends/comparisons", test_comparisons);
  g_test_add_func ("/lumbar/trends/therapy-change", test_therapy_change_before_and_after);
  g_test_add_func ("/lumbar/trends/therapy-change-session-in-w7", test_therapy_change_session_in_w7);
  g_test_add_func ("/lumbar/trends/therapy-change-unavailable", test_therapy_change_unavailable);
  g_test_add_func ("/lumbar/trends/first-manual-therapy-cached", test_first_manual_therapy_cached);
  g_test_add_func ("/lumbar/trends/only-last-28-days", test_only_last_28_days);
  g_test_add_func ("/lumbar/trends/mean-compare-exact", test_mean_compare);
  g_test_add_func ("/lumbar/trends/daily-at-least", test_daily_at_least);
  g_test_add_func ("/lumbar/trends/copy", test_copy);

  return g_test_run ();
}
