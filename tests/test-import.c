/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-import.h"

/* The person's own diary: a, b, c. */
static const char own_diary[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
  "  {\"id\": \"a\", \"kind\": \"pain\", \"at\": \"2026-11-20T08:30:00+01:00\", \"local\": 3, \"flags\": [], \"note\": \"\"},\n"
  "  {\"id\": \"b\", \"kind\": \"rest\", \"start\": \"2026-11-20T10:00:00+01:00\", \"minutes\": 30, \"note\": \"\"},\n"
  "  {\"id\": \"c\", \"kind\": \"spasm\", \"at\": \"2026-11-21T09:00:00+01:00\", \"intensity\": 5, \"trigger\": \"lifting\", \"note\": \"\"}\n"
  "]}\n";

/* From the other computer: a as it is, b with another note (a conflict),
 * d and e new. */
static const char other_diary[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"exported_at\": \"2026-11-25T20:00:00+01:00\", \"entries\": [\n"
  "  {\"id\": \"a\", \"kind\": \"pain\", \"at\": \"2026-11-20T08:30:00+01:00\", \"local\": 3, \"flags\": [], \"note\": \"\"},\n"
  "  {\"id\": \"b\", \"kind\": \"rest\", \"start\": \"2026-11-20T10:00:00+01:00\", \"minutes\": 30, \"note\": \"on the sofa\"},\n"
  "  {\"id\": \"d\", \"kind\": \"pain\", \"at\": \"2026-11-19T21:00:00+01:00\", \"local\": 6, \"radiating\": 2, \"flags\": [\"night-pain\"], \"note\": \"\"},\n"
  "  {\"id\": \"e\", \"kind\": \"therapy\", \"at\": \"2026-11-24T16:00:00+01:00\", \"therapy\": \"manual\", \"note\": \"\"}\n"
  "]}\n";

static const char bad_diary[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
  "  {\"id\": \"f\", \"kind\": \"pain\", \"at\": \"2026-11-19T21:00:00+01:00\", \"local\": 6, \"flags\": [], \"note\": \"\"},\n"
  "  {\"id\": \"g\", \"kind\": \"pain\", \"at\": \"2026-11-19T22:00:00+01:00\", \"local\": 11, \"flags\": [], \"note\": \"\"}\n"
  "]}\n";

static const char newer_diary[] =
  "{\"format\": \"lumbar-journal\", \"version\": 2, \"entries\": [\n"
  "  {\"id\": \"h\", \"kind\": \"pain\", \"at\": \"2026-11-19T21:00:00+01:00\", \"local\": 6, \"flags\": [], \"note\": \"\"}\n"
  "]}\n";

static LumbarDocument *
parse (const char       *text,
       LumbarParseFlags  flags)
{
  g_autoptr(GError) error = NULL;
  LumbarDocument *doc = lumbar_document_parse (text, strlen (text), flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static LumbarJournal *
own_journal (void)
{
  LumbarDocument *doc = parse (own_diary, LUMBAR_PARSE_DEFAULT);
  LumbarJournal *journal = lumbar_journal_new ();

  lumbar_journal_set_entries (journal, doc->entries);
  lumbar_document_free (doc);
  return journal;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_counts_apply_undo (void)
{
  g_autoptr(LumbarJournal) journal = own_journal ();
  LumbarDocument *doc = parse (other_diary, LUMBAR_PARSE_DEFAULT);
  g_autoptr(LumbarImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  guint changes = 0;

  import = lumbar_import_new (journal, doc, &error);
  lumbar_document_free (doc);
  g_assert_no_error (error);

  /* The preview changes nothing. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 3);
  g_assert_cmpuint (lumbar_import_get_n_new (import), ==, 2);
  g_assert_cmpuint (lumbar_import_get_n_same (import), ==, 1);
  g_assert_cmpuint (lumbar_import_get_n_conflicts (import), ==, 1);
  g_assert_cmpstr (lumbar_entry_get_id (g_ptr_array_index (lumbar_import_get_conflicts (import), 0)), ==, "b");
  counts = lumbar_import_dup_counts (import);
  g_assert_cmpstr (counts, ==, "2 new, 1 already there, 1 conflicts");

  /* One change adds both, in time order; the conflict keeps the diary's own. */
  g_signal_connect (journal, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (lumbar_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 5);
  g_assert_cmpstr (lumbar_entry_get_id (lumbar_journal_get_entry (journal, 0)), ==, "d");
  g_assert_cmpstr (lumbar_entry_get_note (lumbar_journal_lookup (journal, "b")), ==, "");
  g_assert_nonnull (lumbar_journal_lookup (journal, "e"));

  /* One undo takes exactly those two away. */
  g_assert_true (lumbar_import_undo (import, &error));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 3);
  g_assert_null (lumbar_journal_lookup (journal, "d"));
  g_assert_null (lumbar_journal_lookup (journal, "e"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "a"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "b"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "c"));
}

static void
test_twice_adds_nothing (void)
{
  g_autoptr(LumbarJournal) journal = own_journal ();
  LumbarDocument *doc = parse (other_diary, LUMBAR_PARSE_DEFAULT);
  g_autoptr(LumbarImport) first = lumbar_import_new (journal, doc, NULL);
  g_autoptr(LumbarImport) second = NULL;

  g_assert_true (lumbar_import_apply (first, NULL));
  second = lumbar_import_new (journal, doc, NULL);
  lumbar_document_free (doc);
  g_assert_cmpuint (lumbar_import_get_n_new (second), ==, 0);
  g_assert_cmpuint (lumbar_import_get_n_same (second), ==, 3);
  g_assert_cmpuint (lumbar_import_get_n_conflicts (second), ==, 1);
}

static void
test_refused_whole (void)
{
  g_autoptr(LumbarJournal) journal = own_journal ();
  LumbarDocument *bad = parse (bad_diary, LUMBAR_PARSE_DEFAULT);
  LumbarDocument *newer = parse (newer_diary, LUMBAR_PARSE_ALLOW_NEWER);
  g_autoptr(LumbarImport) import = NULL;
  g_autoptr(GError) error = NULL;

  /* One bad entry of two: the good one is not added either. */
  import = lumbar_import_new (journal, bad, &error);
  g_assert_null (import);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_assert_nonnull (strstr (error->message, "1 problem"));
  g_clear_error (&error);

  import = lumbar_import_new (journal, newer, &error);
  g_assert_null (import);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NEWER_VERSION);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 3);

  lumbar_document_free (bad);
  lumbar_document_free (newer);
}

/* The diary gained one of the new ids between preview and apply. */
static void
test_changed_meanwhile (void)
{
  g_autoptr(LumbarJournal) journal = own_journal ();
  LumbarDocument *doc = parse (other_diary, LUMBAR_PARSE_DEFAULT);
  g_autoptr(LumbarImport) import = lumbar_import_new (journal, doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, lumbar_entry_copy (g_ptr_array_index (lumbar_import_get_new (import), 0)));
  g_ptr_array_set_free_func (one, g_object_unref);
  lumbar_journal_merge (journal, one);
  g_assert_false (lumbar_import_apply (import, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 4);
  lumbar_document_free (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/import/counts-apply-undo", test_counts_apply_undo);
  g_test_add_func ("/lumbar/import/twice-adds-nothing", test_twice_adds_nothing);
  g_test_add_func ("/lumbar/import/bad-file-refused-whole", test_refused_whole);
  g_test_add_func ("/lumbar/import/changed-meanwhile-adds-nothing", test_changed_meanwhile);

  return g_test_run ();
}
