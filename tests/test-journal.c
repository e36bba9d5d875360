/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-error.h"
#include "lumbar-journal.h"

static LumbarEntry *
pain_at (LumbarDay day,
         int       hour,
         int       offset_hours,
         int       local)
{
  LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_PAIN);

  /* @hour is the local hour in @offset_hours. */
  lumbar_entry_set_time (e, (gint64) day * 86400 + hour * 3600 - offset_hours * 3600, offset_hours * 3600);
  lumbar_entry_set_local (e, local);
  return e;
}

typedef struct {
  guint position, removed, added, calls;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static void
test_time_order (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  LumbarDay d = lumbar_day_from_ymd (2026, 11, 20);
  Changes changes = { 0 };
  g_autoptr(LumbarEntry) late = pain_at (d, 20, 0, 5);
  g_autoptr(LumbarEntry) early = pain_at (d, 8, 0, 3);
  g_autoptr(LumbarEntry) middle = pain_at (d, 12, 0, 4);
  g_autoptr(LumbarEntry) first = NULL;

  g_signal_connect (journal, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (lumbar_journal_add (journal, late, NULL));
  g_assert_true (lumbar_journal_add (journal, early, NULL));
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_true (lumbar_journal_add (journal, middle, NULL));
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.calls, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);
  g_assert_true (lumbar_journal_get_entry (journal, 0) == early);
  g_assert_true (lumbar_journal_get_entry (journal, 1) == middle);
  g_assert_true (lumbar_journal_get_entry (journal, 2) == late);
  first = g_list_model_get_item (G_LIST_MODEL (journal), 0);
  g_assert_true (first == early);
}

static void
test_refuses_invalid_and_duplicates (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarEntry) a = pain_at (100, 8, 0, 3);
  g_autoptr(LumbarEntry) b = lumbar_entry_copy (a);
  g_autoptr(LumbarEntry) bad = pain_at (100, 9, 0, 11);
  g_autoptr(GError) error = NULL;

  g_assert_true (lumbar_journal_add (journal, a, NULL));
  g_assert_false (lumbar_journal_add (journal, b, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_clear_error (&error);
  g_assert_false (lumbar_journal_add (journal, bad, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);
}

static void
test_replace_and_remove (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarEntry) a = pain_at (100, 8, 0, 3);
  g_autoptr(LumbarEntry) b = pain_at (100, 9, 0, 4);
  g_autoptr(LumbarEntry) edited = lumbar_entry_copy (a);
  g_autoptr(LumbarEntry) removed = NULL;
  guint64 revision;

  lumbar_journal_add (journal, a, NULL);
  lumbar_journal_add (journal, b, NULL);
  revision = lumbar_journal_get_revision (journal);

  /* Moving the first reading after the second reorders the journal. */
  lumbar_entry_set_time (edited, lumbar_entry_get_time (b) + 60, 0);
  lumbar_entry_set_local (edited, 7);
  g_assert_true (lumbar_journal_replace (journal, edited, NULL));
  g_assert_true (lumbar_journal_get_entry (journal, 1) == edited);
  g_assert_true (lumbar_journal_lookup (journal, lumbar_entry_get_id (a)) == edited);
  g_assert_cmpuint (lumbar_journal_get_revision (journal), >, revision);

  removed = lumbar_journal_remove (journal, lumbar_entry_get_id (b));
  g_assert_true (removed == b);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);
  g_assert_null (lumbar_journal_lookup (journal, lumbar_entry_get_id (b)));

  /* Undo: the same entry goes back. */
  g_assert_true (lumbar_journal_add (journal, removed, NULL));
  g_assert_true (lumbar_journal_get_entry (journal, 0) == b);
}

static void
test_days_in_their_offset (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  LumbarDay d = lumbar_day_from_ymd (2026, 11, 23);
  g_autoptr(LumbarEntry) late_west = pain_at (d, 23, -10, 2);   /* 09:00 UTC on the 24th */
  g_autoptr(LumbarEntry) early_east = pain_at (d + 1, 1, 14, 3); /* 11:00 UTC on the 23rd */
  g_autoptr(LumbarEntry) other = pain_at (d + 1, 12, 0, 4);
  g_autoptr(GPtrArray) day23 = NULL;
  g_autoptr(GPtrArray) day24 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  LumbarDay first, last;

  lumbar_journal_add (journal, late_west, NULL);
  lumbar_journal_add (journal, early_east, NULL);
  lumbar_journal_add (journal, other, NULL);

  day23 = lumbar_journal_get_days (journal, d, d);
  g_assert_cmpuint (day23->len, ==, 1);
  g_assert_true (g_ptr_array_index (day23, 0) == late_west);

  day24 = lumbar_journal_get_days (journal, d + 1, d + 1);
  g_assert_cmpuint (day24->len, ==, 2);

  none = lumbar_journal_get_days (journal, d + 2, d + 30);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (lumbar_journal_get_day_span (journal, &first, &last));
  g_assert_cmpint (first, ==, d);
  g_assert_cmpint (last, ==, d + 1);
}

static void
test_set_and_merge (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 30; i > 0; i--)
    g_ptr_array_add (entries, pain_at (1000 + i, 8, 0, i % 11));
  lumbar_journal_set_entries (journal, entries);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 30);
  g_assert_cmpint (lumbar_entry_get_day (lumbar_journal_get_entry (journal, 0)), ==, 1001);

  /* A repeated id keeps the first entry. */
  {
    g_autoptr(LumbarJournal) other = lumbar_journal_new ();
    g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_object_unref);
    LumbarEntry *first = pain_at (5, 8, 0, 1);
    LumbarEntry *second = lumbar_entry_copy (first);

    lumbar_entry_set_local (second, 9);
    g_ptr_array_add (twice, first);
    g_ptr_array_add (twice, second);
    lumbar_journal_set_entries (other, twice);
    g_assert_cmpuint (lumbar_journal_get_n_entries (other), ==, 1);
    g_assert_true (lumbar_journal_lookup (other, lumbar_entry_get_id (first)) == first);
    g_assert_true (lumbar_journal_get_entry (other, 0) == first);
  }

  /* Merging adds only unknown ids. */
  g_ptr_array_add (more, lumbar_entry_copy (g_ptr_array_index (entries, 0)));
  g_ptr_array_add (more, pain_at (999, 8, 0, 1));
  g_assert_cmpuint (lumbar_journal_merge (journal, more), ==, 1);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 31);
  g_assert_cmpint (lumbar_entry_get_day (lumbar_journal_get_entry (journal, 0)), ==, 999);
}

/* Loading fills a journal in a worker thread and swaps it in: the shown
 * journal gets every entry, in order, findable by id, in one change. */
static gpointer
fill_in_thread (gpointer data)
{
  LumbarJournal *prepared = lumbar_journal_new ();

  lumbar_journal_set_entries (prepared, data);
  return prepared;
}

static void
test_take_entries (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarJournal) prepared = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LumbarEntry) old = pain_at (10, 8, 0, 3);
  g_autoptr(LumbarEntry) again = lumbar_entry_copy (old);
  Changes changes = { 0 };
  GThread *thread;

  g_assert_true (lumbar_journal_add (journal, old, NULL));
  for (int i = 20; i > 0; i--)
    g_ptr_array_add (entries, pain_at (2000 + i, 8, 0, i % 11));
  thread = g_thread_new ("fill", fill_in_thread, entries);
  prepared = g_thread_join (thread);

  g_signal_connect (journal, "items-changed", G_CALLBACK (on_items_changed), &changes);
  lumbar_journal_take_entries (journal, prepared);

  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 20);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 20);
  g_assert_cmpint (lumbar_entry_get_day (lumbar_journal_get_entry (journal, 0)), ==, 2001);
  g_assert_cmpint (lumbar_entry_get_day (lumbar_journal_get_entry (journal, 19)), ==, 2020);
  g_assert_null (lumbar_journal_lookup (journal, lumbar_entry_get_id (old)));
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (lumbar_journal_lookup (journal, lumbar_entry_get_id (entry)) == entry);
    }

  /* The other journal is left empty, and works. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (prepared), ==, 0);
  g_assert_null (lumbar_journal_lookup (prepared, lumbar_entry_get_id (old)));
  g_assert_true (lumbar_journal_add (prepared, again, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (prepared), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/journal/time-order", test_time_order);
  g_test_add_func ("/lumbar/journal/refuses-invalid-and-duplicates", test_refuses_invalid_and_duplicates);
  g_test_add_func ("/lumbar/journal/replace-and-remove", test_replace_and_remove);
  g_test_add_func ("/lumbar/journal/days-in-their-offset", test_days_in_their_offset);
  g_test_add_func ("/lumbar/journal/set-and-merge", test_set_and_merge);
  g_test_add_func ("/lumbar/journal/take-entries", test_take_entries);

  return g_test_run ();
}
