/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-diary-filter.h"

static LumbarEntry *
entry_new (LumbarKind  kind,
           const char *note)
{
  LumbarEntry *e = lumbar_entry_new (kind);

  lumbar_entry_set_time (e, (gint64) 20000 * 86400, 0);
  if (note != NULL)
    lumbar_entry_set_note (e, note);
  return e;
}

static gboolean
matches (const char  *query,
         LumbarEntry *entry)
{
  g_autoptr(LumbarDiaryFilter) filter = lumbar_diary_filter_new (query, 0, FALSE);

  return lumbar_diary_filter_match (filter, entry);
}

/* A word of the note, in any case, anywhere in a word, with or without
 * its accents; every word of the query must be there. */
static void
test_words_in_note (void)
{
  g_autoptr(LumbarEntry) e = entry_new (LUMBAR_KIND_PAIN, "Rückenschmerz nach dem Gärtnern");
  g_autoptr(LumbarEntry) plain = entry_new (LUMBAR_KIND_REST, "Long walk in the Park");

  g_assert_true (matches ("Rückenschmerz", e));
  g_assert_true (matches ("ruckenschmerz", e));
  g_assert_false (matches ("RUECKEN", e));
  g_assert_true (matches ("schmerz", e));
  g_assert_true (matches ("gartnern ruck", e));
  g_assert_false (matches ("gartnern hexenschuss", e));
  g_assert_true (matches ("  ", e));

  g_assert_true (matches ("WALK park", plain));
  g_assert_true (matches ("pärk", plain));
  g_assert_false (matches ("parking", plain));
  g_assert_false (matches ("Rücken", plain));
}

/* A spasm's trigger counts like its note. */
static void
test_trigger (void)
{
  g_autoptr(LumbarEntry) e = entry_new (LUMBAR_KIND_SPASM, NULL);
  g_autoptr(LumbarEntry) other = entry_new (LUMBAR_KIND_SPASM, "Treppe");

  lumbar_entry_set_trigger (e, "Schuhe binden");
  g_assert_true (matches ("schuhe", e));
  g_assert_true (matches ("binden schuhe", e));
  g_assert_false (matches ("treppe", e));
  g_assert_true (matches ("treppe", other));
}

static void
test_kinds_and_warning_signs (void)
{
  g_autoptr(LumbarEntry) pain = entry_new (LUMBAR_KIND_PAIN, "morning");
  g_autoptr(LumbarEntry) flagged = entry_new (LUMBAR_KIND_PAIN, "night");
  g_autoptr(LumbarEntry) rest = entry_new (LUMBAR_KIND_REST, "morning");
  g_autoptr(LumbarDiaryFilter) all = lumbar_diary_filter_new (NULL, LUMBAR_ALL_KINDS, FALSE);
  g_autoptr(LumbarDiaryFilter) rests = lumbar_diary_filter_new (NULL, LUMBAR_KIND_MASK (LUMBAR_KIND_REST), FALSE);
  g_autoptr(LumbarDiaryFilter) morning_rests = lumbar_diary_filter_new ("morning", LUMBAR_KIND_MASK (LUMBAR_KIND_REST) | LUMBAR_KIND_MASK (LUMBAR_KIND_THERAPY), FALSE);
  g_autoptr(LumbarDiaryFilter) warnings = lumbar_diary_filter_new (NULL, 0, TRUE);

  lumbar_entry_set_flags (flagged, LUMBAR_FLAG_FEVER);

  g_assert_true (lumbar_diary_filter_is_empty (all));
  g_assert_true (lumbar_diary_filter_is_empty (NULL));
  g_assert_false (lumbar_diary_filter_is_empty (rests));
  g_assert_true (lumbar_diary_filter_match (NULL, pain));

  g_assert_false (lumbar_diary_filter_match (rests, pain));
  g_assert_true (lumbar_diary_filter_match (rests, rest));
  g_assert_true (lumbar_diary_filter_match (morning_rests, rest));
  g_assert_false (lumbar_diary_filter_match (morning_rests, pain));

  g_assert_false (lumbar_diary_filter_match (warnings, pain));
  g_assert_true (lumbar_diary_filter_match (warnings, flagged));
  g_assert_false (lumbar_diary_filter_match (warnings, rest));
}

static void
test_equal (void)
{
  g_autoptr(LumbarDiaryFilter) a = lumbar_diary_filter_new ("Back  pain", 0, FALSE);
  g_autoptr(LumbarDiaryFilter) b = lumbar_diary_filter_new ("back pain ", LUMBAR_ALL_KINDS, FALSE);
  g_autoptr(LumbarDiaryFilter) c = lumbar_diary_filter_new ("back pain", LUMBAR_ALL_KINDS, TRUE);
  g_autoptr(LumbarDiaryFilter) none = lumbar_diary_filter_new ("", 0, FALSE);

  g_assert_true (lumbar_diary_filter_equal (a, b));
  g_assert_false (lumbar_diary_filter_equal (a, c));
  g_assert_true (lumbar_diary_filter_equal (none, NULL));
  g_assert_false (lumbar_diary_filter_equal (a, NULL));
}

static void
test_fold (void)
{
  g_autofree char *a = lumbar_diary_filter_fold ("Ärger Straße ÉCOLE");

  g_assert_cmpstr (a, ==, "arger strasse ecole");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/diary-filter/words-in-note", test_words_in_note);
  g_test_add_func ("/lumbar/diary-filter/trigger", test_trigger);
  g_test_add_func ("/lumbar/diary-filter/kinds-and-warning-signs", test_kinds_and_warning_signs);
  g_test_add_func ("/lumbar/diary-filter/equal", test_equal);
  g_test_add_func ("/lumbar/diary-filter/fold", test_fold);

  return g_test_run ();
}
