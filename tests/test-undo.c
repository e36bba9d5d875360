/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-error.h"
#include "lumbar-undo.h"

static LumbarEntry *
pain_at (gint64 minute,
         int    local)
{
  LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_PAIN);

  lumbar_entry_set_time (e, (gint64) 20000 * 86400 + minute * 60, 0);
  lumbar_entry_set_local (e, local);
  return e;
}

static void
add (LumbarJournal *journal,
     LumbarEntry   *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lumbar_journal_add (journal, entry, &error));
  g_assert_no_error (error);
}

static int
local_of (LumbarJournal *journal,
          LumbarEntry   *entry)
{
  LumbarEntry *current = lumbar_journal_lookup (journal, lumbar_entry_get_id (entry));

  return current ? lumbar_entry_get_local (current) : -1;
}

/* Ctrl+Z: the newest change first, back to the start. */
static void
test_undo_last_in_order (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarUndo) undo = lumbar_undo_new (journal);
  g_autoptr(LumbarEntry) a = pain_at (0, 3);
  g_autoptr(LumbarEntry) b = pain_at (10, 5);
  g_autoptr(LumbarEntry) b2 = lumbar_entry_copy (b);
  g_autoptr(LumbarEntry) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (lumbar_undo_get_can_undo (undo));
  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), ==, 0);
  g_assert_no_error (error);

  add (journal, a);
  lumbar_undo_push (undo, NULL, a);
  add (journal, b);
  lumbar_undo_push (undo, NULL, b);
  lumbar_entry_set_local (b2, 8);
  g_assert_true (lumbar_journal_replace (journal, b2, NULL));
  lumbar_undo_push (undo, b, b2);
  removed = lumbar_journal_remove (journal, lumbar_entry_get_id (a));
  lumbar_undo_push (undo, removed, NULL);
  g_assert_cmpuint (lumbar_undo_get_n_changes (undo), ==, 4);
  g_assert_true (lumbar_undo_get_can_undo (undo));

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 2);
  g_assert_cmpint (local_of (journal, a), ==, 3);

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (local_of (journal, b), ==, 5);

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);
  g_assert_cmpint (local_of (journal, b), ==, -1);

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
  g_assert_false (lumbar_undo_get_can_undo (undo));
}

/* Two deletions toasted in a row: each toast's Undo brings back its own
 * entry, the older one first if that is the one asked for. */
static void
test_undo_specific_change (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarUndo) undo = lumbar_undo_new (journal);
  g_autoptr(LumbarEntry) a = pain_at (0, 3);
  g_autoptr(LumbarEntry) b = pain_at (10, 5);
  g_autoptr(LumbarEntry) gone_a = NULL;
  g_autoptr(LumbarEntry) gone_b = NULL;
  g_autoptr(GError) error = NULL;
  guint change_a, change_b;

  add (journal, a);
  add (journal, b);
  gone_a = lumbar_journal_remove (journal, lumbar_entry_get_id (a));
  change_a = lumbar_undo_push (undo, gone_a, NULL);
  gone_b = lumbar_journal_remove (journal, lumbar_entry_get_id (b));
  change_b = lumbar_undo_push (undo, gone_b, NULL);
  g_assert_cmpuint (change_a, !=, change_b);

  g_assert_true (lumbar_undo_undo (undo, change_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (local_of (journal, a), ==, 3);
  g_assert_cmpint (local_of (journal, b), ==, -1);
  g_assert_false (lumbar_undo_has_change (undo, change_a));
  g_assert_true (lumbar_undo_has_change (undo, change_b));

  /* Asked twice (a second click): nothing more happens. */
  g_assert_false (lumbar_undo_undo (undo, change_a, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_clear_error (&error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), ==, change_b);
  g_assert_no_error (error);
  g_assert_cmpint (local_of (journal, b), ==, 5);
  g_assert_cmpuint (lumbar_undo_get_n_changes (undo), ==, 0);
}

/* An entry changed again after a change: undoing that change would throw
 * away the later one, so it says so and leaves the journal alone. */
static void
test_undo_no_longer_applies (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarUndo) undo = lumbar_undo_new (journal);
  g_autoptr(LumbarEntry) a = pain_at (0, 3);
  g_autoptr(LumbarEntry) a2 = NULL;
  g_autoptr(LumbarEntry) a3 = NULL;
  g_autoptr(LumbarEntry) gone = NULL;
  g_autoptr(GError) error = NULL;
  guint added, edited, deleted;

  add (journal, a);
  added = lumbar_undo_push (undo, NULL, a);
  a2 = lumbar_entry_copy (a);
  lumbar_entry_set_local (a2, 6);
  g_assert_true (lumbar_journal_replace (journal, a2, NULL));
  edited = lumbar_undo_push (undo, a, a2);

  /* Changed once more, without being recorded (another window, an import). */
  a3 = lumbar_entry_copy (a2);
  lumbar_entry_set_local (a3, 9);
  g_assert_true (lumbar_journal_replace (journal, a3, NULL));

  g_assert_false (lumbar_undo_undo (undo, edited, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_clear_error (&error);
  g_assert_cmpint (local_of (journal, a), ==, 9);
  g_assert_false (lumbar_undo_has_change (undo, edited));

  /* The add no longer applies either: the entry is not as it was added. */
  g_assert_false (lumbar_undo_undo (undo, added, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_clear_error (&error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);

  /* A deletion whose entry came back meanwhile. */
  gone = lumbar_journal_remove (journal, lumbar_entry_get_id (a));
  deleted = lumbar_undo_push (undo, gone, NULL);
  add (journal, gone);
  g_assert_false (lumbar_undo_undo (undo, deleted, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);
}

/* The stack keeps its own copies: an entry changed in place after it was
 * recorded does not change what Undo puts back. */
static void
test_undo_keeps_copies (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarUndo) undo = lumbar_undo_new (journal);
  g_autoptr(LumbarEntry) a = pain_at (0, 3);
  g_autoptr(LumbarEntry) gone = NULL;
  g_autoptr(GError) error = NULL;

  add (journal, a);
  gone = lumbar_journal_remove (journal, lumbar_entry_get_id (a));
  lumbar_undo_push (undo, gone, NULL);
  lumbar_entry_set_local (gone, 10);

  g_assert_cmpuint (lumbar_undo_undo_last (undo, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (local_of (journal, a), ==, 3);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_clear (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarUndo) undo = lumbar_undo_new (journal);
  g_autoptr(LumbarEntry) a = pain_at (0, 3);
  guint notified = 0;

  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (count_notify), &notified);
  add (journal, a);
  lumbar_undo_push (undo, NULL, a);
  g_assert_true (lumbar_undo_get_can_undo (undo));
  g_assert_cmpuint (notified, ==, 1);
  lumbar_undo_clear (undo);
  g_assert_false (lumbar_undo_get_can_undo (undo));
  g_assert_cmpuint (notified, ==, 2);
  /* Clearing forgets; it changes nothing in the diary. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/undo/last-in-order", test_undo_last_in_order);
  g_test_add_func ("/lumbar/undo/each-change-its-own", test_undo_specific_change);
  g_test_add_func ("/lumbar/undo/no-longer-applies", test_undo_no_longer_applies);
  g_test_add_func ("/lumbar/undo/keeps-copies", test_undo_keeps_copies);
  g_test_add_func ("/lumbar/undo/clear", test_clear);

  return g_test_run ();
}
