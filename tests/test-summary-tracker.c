/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-summary-tracker.h"

#include "diary-builder.h"
#include "lumbar-test-wait.h"

#define WAIT_MS 5000

typedef struct {
  LumbarJournal        *journal;
  LumbarSummaryTracker *tracker;
  guint                 n_notified;
} Fixture;

static void
on_summary (Fixture *f)
{
  f->n_notified++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->journal = lumbar_journal_new ();
  f->tracker = lumbar_summary_tracker_new (f->journal);
  lumbar_summary_tracker_set_today (f->tracker, DIARY_TODAY);
  g_signal_connect_swapped (f->tracker, "notify::summary", G_CALLBACK (on_summary), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->tracker);
  g_assert_finalize_object (f->journal);
}

static void
add (Fixture    *f,
     const char *diary)
{
  g_autoptr(GPtrArray) entries = diary_build (diary, DIARY_TODAY);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lumbar_journal_add (f->journal, g_ptr_array_index (entries, i), &error));
    }
}

static gboolean
notified (gpointer data)
{
  Fixture *f = data;

  return f->n_notified > 0;
}

/* Forty entries added in one go are summarised once, after the burst,
 * and the summary is the one the tips would compute from scratch. */
static void
test_coalesces (Fixture       *f,
                gconstpointer  data)
{
  LumbarSummary *before = lumbar_summary_tracker_get_summary (f->tracker);
  g_autoptr(LumbarSummary) fresh = NULL;
  LumbarSummary *after;

  g_assert_cmpint (lumbar_summary_get_status (before), ==, LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA);
  add (f, "P27..0=5 I5..0=20 R5..0=15 S0=6");
  g_assert_cmpuint (f->n_notified, ==, 0);
  g_assert_true (lumbar_test_wait_for (notified, f, WAIT_MS));

  /* Let any second idle run: there must not be one. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->n_notified, ==, 1);

  after = lumbar_summary_tracker_get_summary (f->tracker);
  fresh = lumbar_summary_new (f->journal, DIARY_TODAY, LUMBAR_VOICE_PERSON);
  g_assert_cmpint (lumbar_summary_get_status (after), ==, LUMBAR_TIPS_STATUS_OK);
  g_assert_cmpuint (lumbar_summary_get_n_indicated (after), ==, lumbar_summary_get_n_indicated (fresh));
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    g_assert_cmpstr (lumbar_summary_get_tip (after, i)->evidence, ==,
                     lumbar_summary_get_tip (fresh, i)->evidence);
}

/* A new day is summarised at once: whoever set it reads the result. */
static void
test_day_is_immediate (Fixture       *f,
                       gconstpointer  data)
{
  add (f, "P6..0=7 S0=6");
  g_assert_true (lumbar_test_wait_for (notified, f, WAIT_MS));
  g_assert_cmpuint (lumbar_summary_get_n_indicated (lumbar_summary_tracker_get_summary (f->tracker)), >, 0);
  g_assert_false (lumbar_summary_tracker_get_follows_clock (f->tracker));

  f->n_notified = 0;
  lumbar_summary_tracker_set_today (f->tracker, DIARY_TODAY + 8);
  g_assert_cmpuint (f->n_notified, ==, 1);
  g_assert_cmpint (lumbar_summary_get_today (lumbar_summary_tracker_get_summary (f->tracker)), ==, DIARY_TODAY + 8);
  g_assert_cmpint (lumbar_summary_get_status (lumbar_summary_tracker_get_summary (f->tracker)), ==,
                   LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA);

  /* The same day again changes nothing. */
  lumbar_summary_tracker_set_today (f->tracker, DIARY_TODAY + 8);
  g_assert_cmpuint (f->n_notified, ==, 1);

  /* Back to the clock: the local date. */
  lumbar_summary_tracker_set_today (f->tracker, LUMBAR_DAY_INVALID);
  g_assert_true (lumbar_summary_tracker_get_follows_clock (f->tracker));
  g_assert_cmpint (lumbar_summary_tracker_get_today (f->tracker), ==, lumbar_day_today ());
}

/* Without a journal: an empty diary, never no summary. */
static void
test_no_journal (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LumbarSummaryTracker) tracker = lumbar_summary_tracker_new (NULL);

  g_assert_nonnull (lumbar_summary_tracker_get_summary (tracker));
  g_assert_cmpint (lumbar_summary_tracker_get_today (tracker), ==, lumbar_day_today ());
  g_assert_cmpint (lumbar_summary_get_status (lumbar_summary_tracker_get_summary (tracker)), ==,
                   LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA);

  lumbar_summary_tracker_set_journal (f->tracker, NULL);
  g_assert_cmpuint (f->n_notified, ==, 1);
  add (f, "P6..0=7");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->n_notified, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/lumbar/summary-tracker/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("coalesces", test_coalesces);
  ADD ("day-is-immediate", test_day_is_immediate);
  ADD ("no-journal", test_no_journal);
#undef ADD

  return g_test_run ();
}
