/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lstat() and umask() under -std=c11 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "lumbar-backup.h"
#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-store.h"
#include "lumbar-test-wait.h"

/* Each test gets a fresh 0700 folder; the store's folder is "lumbar" inside
 * it and does not exist until the store creates it. */
typedef struct {
  char *root;
  char *dir;
  char *journal;
  char *timers;
  char *backups;
} Fixture;

static const char valid_journal[] =
  "{\n"
  "  \"format\": \"lumbar-journal\",\n"
  "  \"version\": 1,\n"
  "  \"entries\": [\n"
  "    {\"id\": \"e1\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 6, \"flags\": [], \"note\": \"\"},\n"
  "    {\"id\": \"e2\", \"kind\": \"rest\", \"start\": \"2026-11-23T10:00:00+01:00\", \"minutes\": 30, \"note\": \"\"}\n"
  "  ]\n"
  "}\n";

static const char one_entry_journal[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
  "  {\"id\": \"old\", \"kind\": \"pain\", \"at\": \"2026-11-20T08:30:00+01:00\", \"local\": 3, \"flags\": [], \"note\": \"\"}\n"
  "]}\n";

static const char malformed_journal[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
  "  {\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 6,,}\n";

static const char not_lumbar_journal[] = "{\"name\": \"shopping list\", \"items\": [\"milk\"]}\n";

static const char newer_journal[] =
  "{\"format\": \"lumbar-journal\", \"version\": 2, \"colour\": \"blue\", \"entries\": [\n"
  "  {\"id\": \"n1\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 4, \"flags\": [], \"note\": \"\"}\n"
  "]}\n";

static const char partly_bad_journal[] =
  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
  "  {\"id\": \"g1\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 6, \"flags\": [], \"note\": \"\"},\n"
  "  {\"id\": \"b1\", \"kind\": \"pain\", \"at\": \"2026-11-23T09:30:00+01:00\", \"local\": 12, \"flags\": [], \"note\": \"\"},\n"
  "  {\"id\": \"g2\", \"kind\": \"therapy\", \"at\": \"2026-11-24T16:00:00+01:00\", \"therapy\": \"manual\", \"note\": \"\"}\n"
  "]}\n";

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("lumbar-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->root, 0700), ==, 0);
  fixture->dir = g_build_filename (fixture->root, "lumbar", NULL);
  fixture->journal = g_build_filename (fixture->dir, "journal.json", NULL);
  fixture->timers = g_build_filename (fixture->dir, "timers.json", NULL);
  fixture->backups = g_build_filename (fixture->dir, "backups", NULL);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->dir);
  g_free (fixture->journal);
  g_free (fixture->timers);
  g_free (fixture->backups);
}

/* ---- helpers ------------------------------------------------------------ */

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = read_file (path);

  return contents != NULL && strstr (contents, text) != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Names in @dir, sorted, as one string "a b c". */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The broken-aside file in @dir, or NULL. */
static char *
find_broken (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "journal.json.broken-"))
      return g_build_filename (dir_path, name, NULL);
  return NULL;
}

/* Dispatches every source that is ready: with a save delay of 0 the
 * autosave a change schedules runs here, without waiting for a clock. */
static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  LumbarStore *store;
  guint        failed_saves;
} FailedSaves;

static gboolean
failed_at_least (gpointer data)
{
  FailedSaves *query = data;

  return lumbar_store_get_failed_saves (query->store) >= query->failed_saves;
}

static gboolean
store_saved (gpointer data)
{
  return !lumbar_store_get_has_unsaved (data);
}

static gboolean
store_has_save_error (gpointer data)
{
  return lumbar_store_get_save_error (data) != NULL;
}

static GDateTime *
time_in_offset (int year, int month, int day, int hour, int minute, int second,
                int offset_seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_seconds);

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static LumbarEntry *
pain_entry (int local)
{
  LumbarEntry *entry = lumbar_entry_new (LUMBAR_KIND_PAIN);

  lumbar_entry_set_local (entry, local);
  return entry;
}

static LumbarStore *
load_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  LumbarStore *store = lumbar_store_new (dir);

  g_assert_true (lumbar_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (lumbar_store_get_loaded (store));
  return store;
}

static void
add_entry (LumbarStore *store,
           LumbarEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lumbar_journal_add (lumbar_store_get_journal (store), entry, &error));
  g_assert_no_error (error);
}

/* ---- tests -------------------------------------------------------------- */

static void
test_default_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_HOME at a fresh folder. */
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "lumbar", NULL);
  g_autofree char *dir = lumbar_store_dup_default_directory ();
  g_autoptr(LumbarStore) store = lumbar_store_new (NULL);
  g_autofree char *journal_path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (dir, ==, expected);
  g_assert_cmpstr (lumbar_store_get_directory (store), ==, expected);

  journal_path = lumbar_store_dup_journal_path (store);
  g_assert_true (g_str_has_prefix (journal_path, expected));
  g_assert_true (g_str_has_suffix (journal_path, "/journal.json"));

  g_assert_true (lumbar_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (file_mode (expected), ==, 0700);
}

static void
test_new_diary (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LumbarStore) store = lumbar_store_new (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (lumbar_store_get_loaded (store));
  g_assert_true (lumbar_store_load (store, &error));
  g_assert_no_error (error);

  g_assert_true (lumbar_store_get_loaded (store));
  g_assert_false (lumbar_store_get_read_only (store));
  g_assert_null (lumbar_store_get_read_only_reason (store));
  g_assert_false (lumbar_store_get_has_unsaved (store));
  g_assert_null (lumbar_store_get_save_error (store));
  g_assert_null (lumbar_store_get_broken_path (store));
  g_assert_null (lumbar_store_get_restored_from (store));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 0);

  /* Nothing is written before there is something to keep. */
  g_assert_false (g_file_test (fixture->journal, G_FILE_TEST_EXISTS));
}

static GPtrArray *
every_kind_of_entry (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  LumbarEntry *e;

  e = lumbar_entry_new (LUMBAR_KIND_PAIN);
  lumbar_entry_set_time (e, 1795000000, 3600);
  lumbar_entry_set_local (e, 6);
  lumbar_entry_set_radiating (e, 2);
  lumbar_entry_set_flags (e, (1 << LUMBAR_N_FLAGS) - 1);
  lumbar_entry_set_note (e, "woke up stiff — „Rücken“ 🙂\nsecond line\t\"quoted\" \\ back\x01");
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_PAIN);
  lumbar_entry_set_time (e, 1795003600, 19800);  /* +05:30 */
  lumbar_entry_set_local (e, 0);
  lumbar_entry_set_radiating (e, LUMBAR_RADIATING_NONE);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_PAIN);
  lumbar_entry_set_time (e, 1795007200, 0);
  lumbar_entry_set_local (e, 10);
  lumbar_entry_set_radiating (e, 10);
  lumbar_entry_set_flags (e, LUMBAR_FLAG_NIGHT_PAIN);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_SPASM);
  lumbar_entry_set_time (e, 1795010800, -12600);  /* -03:30 */
  lumbar_entry_set_intensity (e, 7);
  lumbar_entry_set_trigger (e, "lifting a \"heavy\" box");
  lumbar_entry_set_note (e, "");
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_REST);
  lumbar_entry_set_time (e, 1795014400, 3600);
  lumbar_entry_set_minutes (e, 1440);
  lumbar_entry_set_note (e, "on the floor");
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_INCLINE);
  lumbar_entry_set_time (e, 1795018000, 3600);
  lumbar_entry_set_minutes (e, 45);
  lumbar_entry_set_support (e, LUMBAR_SUPPORT_RECLINER);
  lumbar_entry_set_legs_supported (e, TRUE);
  lumbar_entry_set_knees_bent (e, FALSE);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_INCLINE);
  lumbar_entry_set_time (e, 1795021600, 3600);
  lumbar_entry_set_minutes (e, 1);
  lumbar_entry_set_support (e, LUMBAR_SUPPORT_OTHER);
  lumbar_entry_set_legs_supported (e, FALSE);
  lumbar_entry_set_knees_bent (e, TRUE);
  g_ptr_array_add (entries, e);

  for (LumbarTherapy t = LUMBAR_THERAPY_MANUAL; t <= LUMBAR_THERAPY_OTHER; t++)
    {
      e = lumbar_entry_new (LUMBAR_KIND_THERAPY);
      lumbar_entry_set_time (e, 1795100000 + t * 60, 7200);
      lumbar_entry_set_therapy (e, t);
      g_ptr_array_add (entries, e);
    }

  return entries;
}

static void
assert_same_entries (LumbarJournal *journal,
                     GPtrArray     *entries)
{
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *expected = g_ptr_array_index (entries, i);
      LumbarEntry *found = lumbar_journal_lookup (journal, lumbar_entry_get_id (expected));

      g_assert_nonnull (found);
      g_assert_true (lumbar_entry_equal (found, expected));
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = every_kind_of_entry ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LumbarStore) store = load_store (fixture->dir);

    for (guint i = 0; i < entries->len; i++)
      add_entry (store, g_ptr_array_index (entries, i));
    g_assert_true (lumbar_store_get_has_unsaved (store));
    g_assert_true (lumbar_store_flush (store, &error));
    g_assert_no_error (error);
    g_assert_false (lumbar_store_get_has_unsaved (store));
    g_assert_finalize_object (g_steal_pointer (&store));
  }

  {
    g_autoptr(LumbarStore) store = load_store (fixture->dir);

    assert_same_entries (lumbar_store_get_journal (store), entries);
    g_assert_false (lumbar_store_get_has_unsaved (store));
    g_assert_null (lumbar_store_get_broken_path (store));
    g_assert_cmpuint (lumbar_store_get_n_skipped (store), ==, 0);
  }
}

typedef struct {
  gboolean done;
  gboolean ok;
  guint    n_at_callback;
  guint    loaded_notifies;
  GThread *thread;
} AsyncLoad;

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncLoad *load = user_data;
  g_autoptr(GError) error = NULL;
  LumbarStore *store = LUMBAR_STORE (object);

  load->n_at_callback = lumbar_journal_get_n_entries (lumbar_store_get_journal (store));
  load->ok = lumbar_store_load_finish (store, result, &error);
  g_assert_no_error (error);
  load->thread = g_thread_self ();
  load->done = TRUE;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
async_done (gpointer data)
{
  return ((AsyncLoad *) data)->done;
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  AsyncLoad load = { 0 };

  write_file (fixture->journal, valid_journal);
  store = lumbar_store_new (fixture->dir);
  g_signal_connect (store, "notify::loaded", G_CALLBACK (count_notify), &load.loaded_notifies);

  lumbar_store_load_async (store, NULL, load_done_cb, &load);
  g_assert_false (lumbar_store_get_loaded (store));
  g_assert_true (lumbar_test_wait_for (async_done, &load, 5000));

  g_assert_true (load.ok);
  g_assert_true (load.thread == g_thread_self ());
  g_assert_cmpuint (load.n_at_callback, ==, 2);
  g_assert_cmpuint (load.loaded_notifies, ==, 1);
  g_assert_true (lumbar_store_get_loaded (store));
  g_assert_false (lumbar_store_get_read_only (store));
  g_assert_nonnull (lumbar_journal_lookup (lumbar_store_get_journal (store), "e1"));
  g_assert_nonnull (lumbar_journal_lookup (lumbar_store_get_journal (store), "e2"));
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(LumbarEntry) first = pain_entry (5);
  g_autoptr(LumbarEntry) second = pain_entry (6);
  guint unsaved_notifies = 0;

  g_signal_connect (store, "notify::has-unsaved", G_CALLBACK (count_notify), &unsaved_notifies);

  add_entry (store, first);
  add_entry (store, second);
  g_assert_true (lumbar_store_get_has_unsaved (store));
  g_assert_cmpuint (unsaved_notifies, ==, 1);

  /* On disk within 2 s (a deadline, not a measure of speed). */
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (first)));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (second)));
  g_assert_cmpuint (unsaved_notifies, ==, 2);
  g_assert_null (lumbar_store_get_save_error (store));

  /* A removal is saved too. */
  g_clear_object (&first);
  first = lumbar_journal_remove (lumbar_store_get_journal (store), lumbar_entry_get_id (second));
  g_assert_nonnull (first);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_false (file_contains (fixture->journal, lumbar_entry_get_id (second)));
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(LumbarEntry) entry = pain_entry (4);
  g_autoptr(GError) error = NULL;

  lumbar_store_set_save_delay (store, 60000);
  add_entry (store, entry);
  g_assert_true (lumbar_store_get_has_unsaved (store));
  g_assert_false (file_contains (fixture->journal, lumbar_entry_get_id (entry)));

  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (lumbar_store_get_has_unsaved (store));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (entry)));
  /* Nothing left to do. */
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
test_broken_restores_backup (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *broken_bytes = NULL;
  g_autofree char *good_backup = g_build_filename (fixture->backups, "journal-2026-11-24.json", NULL);
  g_autofree char *older_backup = g_build_filename (fixture->backups, "journal-2026-11-20.json", NULL);
  g_autofree char *newest_backup = g_build_filename (fixture->backups, "journal-2026-11-25.json", NULL);
  LumbarJournal *journal;
  const char *name;

  write_file (fixture->journal, malformed_journal);
  write_file (older_backup, one_entry_journal);
  write_file (good_backup, valid_journal);
  /* The newest backup is damaged too: the one before it is used. */
  write_file (newest_backup, "{\"format\": \"lumbar-jour");

  store = load_store (fixture->dir);
  journal = lumbar_store_get_journal (store);

  /* Moved aside, bytes intact, named journal.json.broken-YYYYMMDD-HHMMSS. */
  broken = find_broken (fixture->dir);
  g_assert_nonnull (broken);
  g_assert_cmpstr (lumbar_store_get_broken_path (store), ==, broken);
  name = strrchr (broken, '/') + 1;
  g_assert_cmpuint (strlen (name), ==, strlen ("journal.json.broken-YYYYMMDD-HHMMSS"));
  g_assert_true (g_ascii_isdigit (name[20]) && name[28] == '-');
  broken_bytes = read_file (broken);
  g_assert_cmpstr (broken_bytes, ==, malformed_journal);

  /* The newest good backup is loaded and said so. */
  g_assert_cmpstr (lumbar_store_get_restored_from (store), ==, good_backup);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 2);
  g_assert_nonnull (lumbar_journal_lookup (journal, "e1"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "e2"));
  g_assert_false (lumbar_store_get_read_only (store));

  /* The restored diary is the diary again, and the backups are untouched. */
  g_assert_true (file_contains (fixture->journal, "\"e2\""));
  g_assert_true (file_contains (good_backup, "\"e2\""));
  g_assert_true (file_contains (older_backup, "\"old\""));
  g_assert_finalize_object (g_steal_pointer (&store));

  store = load_store (fixture->dir);
  g_assert_null (lumbar_store_get_broken_path (store));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 2);
}

static void
test_broken_without_backup (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (3);
  g_autofree char *broken_bytes = NULL;

  write_file (fixture->journal, not_lumbar_journal);
  store = load_store (fixture->dir);

  g_assert_nonnull (lumbar_store_get_broken_path (store));
  broken_bytes = read_file (lumbar_store_get_broken_path (store));
  g_assert_cmpstr (broken_bytes, ==, not_lumbar_journal);
  g_assert_null (lumbar_store_get_restored_from (store));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 0);
  g_assert_false (lumbar_store_get_read_only (store));

  /* The user can go on: the new diary is saved beside the broken one. */
  add_entry (store, entry);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (entry)));
  g_clear_pointer (&broken_bytes, g_free);
  broken_bytes = read_file (lumbar_store_get_broken_path (store));
  g_assert_cmpstr (broken_bytes, ==, not_lumbar_journal);
}

static void
test_broken_entries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autofree char *broken_bytes = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autofree char *contents = NULL;
  LumbarJournal *journal;

  write_file (fixture->journal, partly_bad_journal);
  store = load_store (fixture->dir);
  journal = lumbar_store_get_journal (store);

  /* The readable entries are shown and the rest are not lost silently. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 2);
  g_assert_nonnull (lumbar_journal_lookup (journal, "g1"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "g2"));
  g_assert_cmpuint (lumbar_store_get_n_skipped (store), ==, 1);
  g_assert_nonnull (lumbar_store_get_broken_path (store));
  broken_bytes = read_file (lumbar_store_get_broken_path (store));
  g_assert_cmpstr (broken_bytes, ==, partly_bad_journal);
  g_assert_false (lumbar_store_get_read_only (store));

  /* journal.json now holds exactly what is shown. */
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  contents = read_file (fixture->journal);
  g_assert_nonnull (contents);
  doc = lumbar_document_parse (contents, strlen (contents), LUMBAR_PARSE_DEFAULT, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpuint (doc->entries->len, ==, 2);
  g_assert_cmpuint (doc->problems->len, ==, 0);
}

static void
test_load_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LumbarStore) store = lumbar_store_new (fixture->dir);
  g_autofree char *inside = g_build_filename (fixture->journal, "keep.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (2);

  /* A folder where the diary should be: not the diary's content, so
   * nothing is moved or replaced. */
  write_file (inside, "mine");
  g_assert_false (lumbar_store_load (store, &error));
  g_assert_nonnull (error);
  g_assert_true (lumbar_store_get_read_only (store));
  g_assert_nonnull (lumbar_store_get_read_only_reason (store));
  g_assert_null (lumbar_store_get_broken_path (store));
  g_assert_null (find_broken (fixture->dir));
  g_assert_true (file_contains (inside, "mine"));

  add_entry (store, entry);
  g_clear_error (&error);
  g_assert_false (lumbar_store_flush (store, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY);
  g_assert_true (g_file_test (fixture->journal, G_FILE_TEST_IS_DIR));
}

static void
test_stale_temp_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autofree char *temp_journal = g_build_filename (fixture->dir, ".journal.json.saving.aB3xY9", NULL);
  g_autofree char *temp_renamed = g_build_filename (fixture->dir, ".journal.json.saving", NULL);
  g_autofree char *temp_timers = g_build_filename (fixture->dir, ".timers.json.saving.Qw12Er", NULL);
  g_autofree char *broken = g_strconcat (fixture->journal, ".broken-20260101-120000", NULL);
  g_autofree char *backup = g_build_filename (fixture->backups, "journal-2026-11-01.json", NULL);
  g_autofree char *temp_backup = g_build_filename (fixture->backups, ".journal-2026-11-01.json.saving.Zz99zz", NULL);
  g_autofree char *user_backup = g_build_filename (fixture->backups, "journal-2026-11-01.json.mine", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *backup_listing = NULL;

  write_file (fixture->journal, valid_journal);
  write_file (temp_journal, "{\"format\": \"lumbar-jou");
  write_file (temp_renamed, "{\"format\": \"lumbar-journal\"");
  write_file (temp_timers, "{");
  write_file (broken, "kept");
  write_file (backup, valid_journal);
  write_file (temp_backup, "{\"form");
  write_file (user_backup, "kept");
  write_file (other, "kept");

  store = load_store (fixture->dir);

  g_assert_false (g_file_test (temp_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temp_renamed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temp_timers, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temp_backup, G_FILE_TEST_EXISTS));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "backups journal.json journal.json.broken-20260101-120000 notes.txt");
  backup_listing = list_dir (fixture->backups);
  g_assert_cmpstr (backup_listing, ==, "journal-2026-11-01.json journal-2026-11-01.json.mine");
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 2);
  g_assert_null (lumbar_store_get_broken_path (store));
}


/* People copy their diary beside it before trying something; those copies
 * look like GLib's temporary names ("journal.json." + six letters) but are
 * theirs, and a start must never delete them. */
static void
test_user_copies_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *names[] = { "journal.json.backup", "journal.json.copy01", "journal.json.aB3xY9",
                          "timers.json.saving", ".journal.json.saving.toolong1",
                          ".journal.json.saving.ab-c12", NULL };
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (4);
  g_autoptr(GError) error = NULL;

  write_file (fixture->journal, valid_journal);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      write_file (path, valid_journal);
    }

  store = load_store (fixture->dir);
  add_entry (store, entry);
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  store = load_store (fixture->dir);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autofree char *contents = read_file (path);

      g_assert_cmpstr (contents, ==, valid_journal);
    }
}

/* Someone deletes files in the diary's folder while Lumbar runs: a second
 * instance must still find the diary taken, or both would write and one
 * would lose the other's entries. */
static void
test_lock_survives_deleted_lock_file (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(LumbarStore) first = NULL;
  g_autoptr(LumbarStore) second = NULL;
  g_autofree char *lock = g_build_filename (fixture->dir, "lock", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  write_file (fixture->journal, valid_journal);
  first = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_read_only (first));

  /* Everything but the diary and its backups goes. */
  g_unlink (lock);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    if (!g_str_equal (name, "journal.json") && !g_str_equal (name, "backups"))
      {
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

        g_unlink (path);
      }

  second = load_store (fixture->dir);
  g_assert_true (lumbar_store_get_read_only (second));
}

static void
set_mtime (const char *path,
           gint64      seconds_from_now)
{
  struct utimbuf times;

  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC + seconds_from_now);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* The clock was set a week ahead for a day, then put right: the backup
 * written then carries a later date in its name but holds an older diary.
 * Recovery takes the one written last on the honest clock. */
static void
test_backups_ranked_by_write_time (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autofree char *ahead = g_build_filename (fixture->backups, "journal-2099-12-10.json", NULL);
  g_autofree char *honest = g_build_filename (fixture->backups, "journal-2026-11-20.json", NULL);
  g_autofree char *old_name_new_bytes = g_build_filename (fixture->backups, "journal-2001-01-01.json", NULL);

  write_file (fixture->journal, malformed_journal);
  write_file (ahead, one_entry_journal);
  set_mtime (ahead, 7 * 24 * 3600);
  write_file (honest, one_entry_journal);
  set_mtime (honest, -3 * 24 * 3600);
  /* Renamed by hand, written most recently. */
  write_file (old_name_new_bytes, valid_journal);
  set_mtime (old_name_new_bytes, -3600);

  store = load_store (fixture->dir);
  g_assert_cmpstr (lumbar_store_get_restored_from (store), ==, old_name_new_bytes);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 2);
}

/* Fourteen backups written while the clock ran ahead must not make
 * rotation delete today's backup the moment it is written. */
static void
test_backups_rotation_keeps_todays (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (5);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_name = g_date_time_format (now, "journal-%Y-%m-%d.json");
  g_autofree char *today = g_build_filename (fixture->backups, today_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today_bytes = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  for (int day = 1; day <= 14; day++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2099-01-%02d.json", day);
      g_autofree char *path = g_build_filename (fixture->backups, name, NULL);

      write_file (path, one_entry_journal);
      set_mtime (path, (gint64) day * 24 * 3600 + 365 * 24 * 3600);
    }
  write_file (fixture->journal, valid_journal);

  store = load_store (fixture->dir);
  add_entry (store, entry);
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);

  today_bytes = read_file (today);
  g_assert_cmpstr (today_bytes, ==, valid_journal);
  dir = g_dir_open (fixture->backups, 0, NULL);
  while (g_dir_read_name (dir))
    n++;
  g_assert_cmpuint (n, ==, 14);
}

/* People keep the diary in a synced folder and link to it: a save writes
 * the linked file, and the link stays a link. */
static void
test_symlinked_journal (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (7);
  g_autofree char *synced = g_build_filename (fixture->root, "Sync", NULL);
  g_autofree char *target = g_build_filename (synced, "journal.json", NULL);
  g_autofree char *link_target = NULL;
  g_autofree char *synced_listing = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (target, valid_journal);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("../Sync/journal.json", fixture->journal), ==, 0);

  store = load_store (fixture->dir);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 2);
  add_entry (store, entry);
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (fixture->journal, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_target = g_file_read_link (fixture->journal, NULL);
  g_assert_cmpstr (link_target, ==, "../Sync/journal.json");
  g_assert_true (file_contains (target, lumbar_entry_get_id (entry)));
  g_assert_cmpint (file_mode (target), ==, 0600);
  /* No temporary file is left in either folder. */
  synced_listing = list_dir (synced);
  g_assert_cmpstr (synced_listing, ==, "journal.json");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "backups journal.json");
}

/* A diary at the size every reader refuses cannot be saved; the message
 * says so and what to do, not that the file "did not read back". */
static void
test_diary_full (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *note = g_strnfill (4000, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = LUMBAR_MAX_FILE_SIZE / 4000 + 1;

  write_file (fixture->journal, valid_journal);
  store = load_store (fixture->dir);
  for (guint i = 0; i < n; i++)
    {
      LumbarEntry *entry = pain_entry (3);

      lumbar_entry_set_note (entry, note);
      g_ptr_array_add (entries, entry);
    }
  lumbar_journal_set_entries (lumbar_store_get_journal (store), entries);

  g_assert_false (lumbar_store_flush (store, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "the diary is full"));
  g_assert_nonnull (strstr (error->message, "export older entries"));
  /* Nothing changed on disk, and every entry is still there. */
  after = read_file (fixture->journal);
  g_assert_cmpstr (after, ==, valid_journal);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, n);
}

/* The Backups window's list: most recently written first, each with its
 * entries and period; restoring one keeps the diary as it was first. */
static void
test_list_and_restore_backup (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (8);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = g_build_filename (fixture->backups, "journal-2026-11-21.json", NULL);
  g_autofree char *newer = g_build_filename (fixture->backups, "journal-2026-11-24.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->backups, "journal-2026-11-22.json", NULL);
  g_autofree char *saved_as = NULL;
  g_autoptr(LumbarDocument) aside = NULL;
  g_autofree char *aside_bytes = NULL;
  LumbarBackup *backup;
  LumbarDay first, last;

  write_file (older, one_entry_journal);
  set_mtime (older, -3 * 24 * 3600);
  write_file (broken, "{\"format\": \"lumb");
  set_mtime (broken, -2 * 24 * 3600);
  write_file (newer, valid_journal);
  set_mtime (newer, -24 * 3600);
  write_file (fixture->journal, valid_journal);

  store = load_store (fixture->dir);
  add_entry (store, entry);   /* not saved yet when the restore comes */

  backups = lumbar_store_list_backups (store);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 3);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpstr (lumbar_backup_get_path (backup), ==, newer);
  g_assert_true (lumbar_backup_read (backup));
  g_assert_cmpuint (lumbar_backup_get_n_entries (backup), ==, 2);
  g_assert_true (lumbar_backup_get_period (backup, &first, &last));
  g_assert_cmpint (first, ==, last);
  g_object_unref (backup);
  backup = g_list_model_get_item (backups, 1);
  g_assert_false (lumbar_backup_read (backup));
  g_assert_nonnull (lumbar_backup_get_error (backup));
  g_object_unref (backup);

  g_assert_true (lumbar_store_restore_backup (store, older, &saved_as, &error));
  g_assert_no_error (error);

  /* The diary is the backup's, on disk too. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 1);
  g_assert_nonnull (lumbar_journal_lookup (lumbar_store_get_journal (store), "old"));
  g_assert_true (file_contains (fixture->journal, "\"old\""));
  g_assert_false (file_contains (fixture->journal, "\"e1\""));

  /* What it was, the unsaved entry included, is a backup of its own. */
  g_assert_true (g_str_has_prefix (saved_as, fixture->backups));
  g_assert_cmpuint (strlen (strrchr (saved_as, '/') + 1), ==, strlen ("journal-YYYY-MM-DD-HHMMSS.json"));
  g_assert_cmpint (file_mode (saved_as), ==, 0600);
  aside_bytes = read_file (saved_as);
  aside = lumbar_document_parse (aside_bytes, strlen (aside_bytes), LUMBAR_PARSE_DEFAULT, NULL);
  g_assert_nonnull (aside);
  g_assert_cmpuint (aside->entries->len, ==, 3);

  /* It is listed, and restoring it brings everything back. */
  g_clear_object (&backups);
  backups = lumbar_store_list_backups (store);
  {
    gboolean listed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
      {
        g_autoptr(LumbarBackup) item = g_list_model_get_item (backups, i);

        listed |= g_str_equal (lumbar_backup_get_path (item), saved_as);
      }
    g_assert_true (listed);
  }
  g_assert_true (lumbar_store_restore_backup (store, saved_as, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 3);
  g_assert_nonnull (lumbar_journal_lookup (lumbar_store_get_journal (store), lumbar_entry_get_id (entry)));

  /* A broken backup changes nothing. */
  g_assert_false (lumbar_store_restore_backup (store, broken, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 3);
}

/* The diary's folder is moved away while the app runs, and a second
 * instance makes and locks a new one: the first must not write into it. */
static void
test_folder_moved_away (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LumbarStore) first = NULL;
  g_autoptr(LumbarStore) second = NULL;
  g_autoptr(LumbarEntry) mine = pain_entry (4);
  g_autoptr(LumbarEntry) theirs = pain_entry (6);
  g_autofree char *moved = g_build_filename (fixture->root, "lumbar-moved", NULL);
  g_autofree char *moved_journal = g_build_filename (moved, "journal.json", NULL);
  g_autoptr(GError) error = NULL;

  write_file (fixture->journal, valid_journal);
  first = load_store (fixture->dir);
  g_assert_cmpint (g_rename (fixture->dir, moved), ==, 0);

  second = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_read_only (second));
  add_entry (second, theirs);
  g_assert_true (lumbar_store_flush (second, &error));
  g_assert_no_error (error);

  add_entry (first, mine);
  g_assert_false (lumbar_store_flush (first, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, "moved or replaced"));
  g_assert_true (lumbar_store_get_has_unsaved (first));

  /* The second's diary is intact, and so is the moved one. */
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (theirs)));
  g_assert_false (file_contains (fixture->journal, lumbar_entry_get_id (mine)));
  g_assert_false (file_contains (moved_journal, lumbar_entry_get_id (mine)));
  remove_tree (moved);
}

static void
test_backups_rotate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) first = pain_entry (5);
  g_autoptr(LumbarEntry) second = pain_entry (6);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_name = g_date_time_format (now, "journal-%Y-%m-%d.json");
  g_autofree char *today = g_build_filename (fixture->backups, today_name, NULL);
  g_autofree char *today_bytes = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *listing = NULL;

  /* Twenty days of backups from an earlier year. */
  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2020-01-%02d.json", day);
      g_autofree char *path = g_build_filename (fixture->backups, name, NULL);

      write_file (path, one_entry_journal);
      if (day > 20 - 13)
        g_string_append_printf (expected, "%s ", name);
    }
  g_string_append (expected, today_name);
  write_file (fixture->journal, valid_journal);

  store = load_store (fixture->dir);
  g_assert_false (g_file_test (today, G_FILE_TEST_EXISTS));

  add_entry (store, first);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));

  /* Today's backup is the diary as it was before today's first save. */
  today_bytes = read_file (today);
  g_assert_cmpstr (today_bytes, ==, valid_journal);
  /* 14 are kept: the newest 13 old ones and today's. */
  listing = list_dir (fixture->backups);
  g_assert_cmpstr (listing, ==, expected->str);

  /* Later saves of the day leave it alone. */
  add_entry (store, second);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (second)));
  g_clear_pointer (&today_bytes, g_free);
  today_bytes = read_file (today);
  g_assert_cmpstr (today_bytes, ==, valid_journal);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (5);
  g_autoptr(LumbarEntry) more = pain_entry (6);
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_name = g_date_time_format (now, "journal-%Y-%m-%d.json");
  g_autofree char *today = g_build_filename (fixture->backups, today_name, NULL);
  mode_t old_umask = umask (0);

  store = load_store (fixture->dir);
  g_assert_cmpint (file_mode (fixture->dir), ==, 0700);

  add_entry (store, entry);
  g_assert_true (lumbar_store_flush (store, &error));
  add_entry (store, more);
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);

  g_assert_cmpint (file_mode (fixture->journal), ==, 0600);
  g_assert_cmpint (file_mode (fixture->timers), ==, 0600);
  g_assert_cmpint (file_mode (fixture->backups), ==, 0700);
  g_assert_cmpint (file_mode (today), ==, 0600);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* A folder and a diary left too open by something else are tightened. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->journal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (fixture->timers, 0644), ==, 0);
  store = load_store (fixture->dir);
  g_assert_cmpint (file_mode (fixture->dir), ==, 0700);
  g_assert_cmpint (file_mode (fixture->journal), ==, 0600);

  /* A file replaced by a save ends 0600 whatever mode the old one had
   * (newer GLib keeps the replaced file's mode). */
  g_clear_object (&more);
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_add_minutes (start, 5);
  more = lumbar_store_stop_timer (store, LUMBAR_KIND_REST, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (more);
  g_assert_cmpint (file_mode (fixture->timers), ==, 0600);
  g_assert_cmpint (g_chmod (fixture->journal, 0644), ==, 0);
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (fixture->journal), ==, 0600);

  umask (old_umask);
}

static void
test_save_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(LumbarEntry) first = pain_entry (3);
  g_autoptr(LumbarEntry) second = pain_entry (4);
  g_autoptr(LumbarEntry) third = pain_entry (5);
  g_autofree char *blocker = g_build_filename (fixture->journal, "blocker", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  guint error_notifies = 0;

  lumbar_store_set_save_delay (store, 20);
  lumbar_store_set_retry_delay (store, 100);
  g_signal_connect (store, "notify::save-error", G_CALLBACK (count_notify), &error_notifies);

  /* Two saves: the diary exists and today's backup is made. */
  add_entry (store, first);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  add_entry (store, second);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));

  /* Make the file impossible to replace. Folder permissions do not stop
   * root, but renaming a file over a non-empty folder fails for everyone. */
  g_assert_cmpint (g_unlink (fixture->journal), ==, 0);
  write_file (blocker, "x");

  add_entry (store, third);
  g_assert_true (lumbar_test_wait_for (store_has_save_error, store, 2000));
  g_assert_cmpuint (error_notifies, ==, 1);
  g_assert_true (lumbar_store_get_has_unsaved (store));
  g_assert_nonnull (lumbar_store_get_save_error (store));
  g_test_message ("save-error: %s", lumbar_store_get_save_error (store));
  /* Everything is still there for the user. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 3);
  g_assert_false (lumbar_store_flush (store, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE);
  g_assert_cmpstr (error->message, ==, lumbar_store_get_save_error (store));
  /* Retries leave no temporary files behind: wait for two of them. */
  g_assert_true (lumbar_test_wait_for (failed_at_least,
                            &(FailedSaves) { store, lumbar_store_get_failed_saves (store) + 2 }, 2000));
  g_assert_nonnull (lumbar_store_get_save_error (store));
  /* The same message each time: the window does not flicker. */
  g_assert_cmpuint (error_notifies, ==, 1);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "backups journal.json");

  /* Once the problem is gone the retry saves everything, unprompted. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->journal), ==, 0);
  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_null (lumbar_store_get_save_error (store));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (first)));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (second)));
  g_assert_true (file_contains (fixture->journal, lumbar_entry_get_id (third)));
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (5);
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (fixture->journal, newer_journal);
  store = load_store (fixture->dir);

  g_assert_true (lumbar_store_get_read_only (store));
  g_assert_nonnull (lumbar_store_get_read_only_reason (store));
  g_assert_null (lumbar_store_get_broken_path (store));
  /* Shown as well as possible. */
  g_assert_nonnull (lumbar_journal_lookup (lumbar_store_get_journal (store), "n1"));

  lumbar_store_set_save_delay (store, 0);
  add_entry (store, entry);
  g_assert_true (lumbar_store_get_has_unsaved (store));
  run_pending ();
  g_assert_false (lumbar_store_flush (store, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Never overwritten, nothing added beside it. */
  contents = read_file (fixture->journal);
  g_assert_cmpstr (contents, ==, newer_journal);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "journal.json");
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LumbarStore) first = NULL;
  g_autoptr(LumbarStore) second = NULL;
  g_autoptr(LumbarStore) third = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (5);
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_file (fixture->journal, valid_journal);
  first = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_read_only (first));

  second = load_store (fixture->dir);
  g_assert_true (lumbar_store_get_read_only (second));
  g_assert_nonnull (lumbar_store_get_read_only_reason (second));
  g_test_message ("read-only-reason: %s", lumbar_store_get_read_only_reason (second));
  /* It still shows the diary. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (second)), ==, 2);

  lumbar_store_set_save_delay (second, 0);
  add_entry (second, entry);
  run_pending ();
  g_assert_false (lumbar_store_flush (second, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (lumbar_store_start_timer (second, LUMBAR_KIND_INCLINE, start, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY);
  contents = read_file (fixture->journal);
  g_assert_cmpstr (contents, ==, valid_journal);
  g_assert_finalize_object (g_steal_pointer (&second));

  /* The lock goes with the first store. */
  g_assert_finalize_object (g_steal_pointer (&first));
  third = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_read_only (third));
}

static void
test_timer_survives_restart (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(GDateTime) start = time_in_offset (2026, 11, 23, 8, 15, 20, 19800);  /* +05:30 */
  g_autoptr(GDateTime) now = g_date_time_add_seconds (start, 45 * 60 + 30);
  g_autoptr(GDateTime) running_since = NULL;
  g_autoptr(GDateTime) entry_start = NULL;
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  store = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);
  g_assert_false (lumbar_store_start_timer (store, LUMBAR_KIND_REST, now, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER);
  g_clear_error (&error);
  g_assert_false (lumbar_store_get_timer (store, LUMBAR_KIND_INCLINE, NULL));
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Closing the window does not stop it. */
  store = load_store (fixture->dir);
  g_assert_true (lumbar_store_get_timer (store, LUMBAR_KIND_REST, &running_since));
  g_assert_true (g_date_time_equal (running_since, start));
  g_assert_cmpint (g_date_time_get_utc_offset (running_since), ==, 19800 * G_TIME_SPAN_SECOND);

  entry = lumbar_store_stop_timer (store, LUMBAR_KIND_REST, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_REST);
  g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 46);  /* 45:30 rounded up */
  entry_start = lumbar_entry_dup_date_time (entry);
  g_assert_true (g_date_time_equal (entry_start, start));
  g_assert_cmpint (lumbar_entry_get_utc_offset (entry), ==, 19800);
  g_assert_true (lumbar_journal_lookup (lumbar_store_get_journal (store), lumbar_entry_get_id (entry)) == entry);
  g_assert_false (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));

  g_assert_null (lumbar_store_stop_timer (store, LUMBAR_KIND_REST, now, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER);
  g_clear_error (&error);

  g_assert_true (lumbar_test_wait_for (store_saved, store, 2000));
  g_assert_finalize_object (g_steal_pointer (&store));

  /* After another restart: the session is logged once and nothing runs. */
  store = load_store (fixture->dir);
  g_assert_false (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 1);
  g_assert_true (lumbar_entry_equal (lumbar_journal_get_entry (lumbar_store_get_journal (store), 0), entry));
  g_assert_false (file_contains (fixture->timers, lumbar_entry_get_id (entry)));
}

static void
test_timer_incline_details (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(GDateTime) start = time_in_offset (2026, 11, 23, 14, 0, 0, 3600);
  g_autoptr(GDateTime) short_end = g_date_time_add_seconds (start, 5);
  g_autoptr(GDateTime) long_end = g_date_time_add_hours (start, 20);
  g_autoptr(LumbarEntry) details = lumbar_entry_new (LUMBAR_KIND_INCLINE);
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(LumbarEntry) rest = NULL;
  g_autoptr(GError) error = NULL;

  lumbar_entry_set_support (details, LUMBAR_SUPPORT_RECLINER);
  lumbar_entry_set_legs_supported (details, TRUE);
  lumbar_entry_set_knees_bent (details, TRUE);
  lumbar_entry_set_note (details, "after work");

  /* Both kinds can run at once. */
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_INCLINE, start, &error));
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);

  entry = lumbar_store_stop_timer_full (store, LUMBAR_KIND_INCLINE, long_end, details, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_INCLINE);
  g_assert_cmpint (lumbar_entry_get_support (entry), ==, LUMBAR_SUPPORT_RECLINER);
  g_assert_true (lumbar_entry_get_legs_supported (entry));
  g_assert_true (lumbar_entry_get_knees_bent (entry));
  g_assert_cmpstr (lumbar_entry_get_note (entry), ==, "after work");
  /* Over 24 hours is refused (see timer-over-a-day-needs-an-end). */
  g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 1200);

  /* A few seconds still count as a minute. */
  g_assert_true (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));
  rest = lumbar_store_stop_timer (store, LUMBAR_KIND_REST, short_end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lumbar_entry_get_minutes (rest), ==, 1);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 2);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = read_file (from);

  g_assert_nonnull (contents);
  write_file (to, contents);
}

static void
test_timer_crash_safety (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(GDateTime) start = time_in_offset (2026, 11, 23, 10, 0, 0, 3600);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 20);
  g_autoptr(LumbarEntry) first = pain_entry (4);
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *crash1 = g_build_filename (fixture->root, "crash-before-save", NULL);
  g_autofree char *crash2 = g_build_filename (fixture->root, "crash-after-save", NULL);
  g_autofree char *path = NULL;

  add_entry (store, first);
  g_assert_true (lumbar_store_flush (store, &error));
  lumbar_store_set_save_delay (store, 60000);

  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  entry = lumbar_store_stop_timer (store, LUMBAR_KIND_REST, end, &error);
  g_assert_no_error (error);

  /* What a crash right after stopping leaves: the journal without the
   * session, timers.json with the stop. */
  g_assert_false (file_contains (fixture->journal, lumbar_entry_get_id (entry)));
  path = g_build_filename (crash1, "journal.json", NULL);
  copy_file (fixture->journal, path);
  g_free (path);
  path = g_build_filename (crash1, "timers.json", NULL);
  copy_file (fixture->timers, path);
  g_free (path);
  path = g_build_filename (crash2, "timers.json", NULL);
  copy_file (fixture->timers, path);
  g_free (path);

  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_no_error (error);
  /* What a crash between saving the journal and updating timers.json leaves. */
  path = g_build_filename (crash2, "journal.json", NULL);
  copy_file (fixture->journal, path);
  g_clear_pointer (&path, g_free);

  {
    g_autoptr(LumbarStore) restarted = load_store (crash1);
    LumbarJournal *journal = lumbar_store_get_journal (restarted);

    g_assert_false (lumbar_store_get_timer (restarted, LUMBAR_KIND_REST, NULL));
    g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 2);
    g_assert_true (lumbar_entry_equal (lumbar_journal_lookup (journal, lumbar_entry_get_id (entry)), entry));
    g_assert_true (lumbar_test_wait_for (store_saved, restarted, 2000));
  }
  {
    g_autoptr(LumbarStore) again = load_store (crash1);

    g_assert_false (lumbar_store_get_timer (again, LUMBAR_KIND_REST, NULL));
    g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (again)), ==, 2);
    g_assert_false (lumbar_store_get_has_unsaved (again));
  }
  {
    g_autoptr(LumbarStore) restarted = load_store (crash2);

    g_assert_false (lumbar_store_get_timer (restarted, LUMBAR_KIND_REST, NULL));
    g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (restarted)), ==, 2);
    g_assert_false (lumbar_store_get_has_unsaved (restarted));
    path = g_build_filename (crash2, "timers.json", NULL);
    g_assert_false (file_contains (path, lumbar_entry_get_id (entry)));
  }
}

static void
assert_json_tool_accepts (const char *path)
{
  const char *argv[] = { "python3", "-m", "json.tool", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("python3 -m json.tool %s: %s\n%s", path, error->message, err);
}

static void
test_json_is_valid (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(GPtrArray) entries = every_kind_of_entry ();
  g_autoptr(GDateTime) start = time_in_offset (2026, 11, 23, 10, 0, 0, -12600);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GError) error = NULL;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  store = load_store (fixture->dir);
  for (guint i = 0; i < entries->len; i++)
    add_entry (store, g_ptr_array_index (entries, i));
  g_assert_true (lumbar_store_flush (store, &error));
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_INCLINE, start, &error));
  g_assert_no_error (error);

  assert_json_tool_accepts (fixture->journal);
  assert_json_tool_accepts (fixture->timers);
}

/* A timer left running for more than a day is never logged as a 24-hour
 * session on its own: the stop is refused until the person says when it
 * ended, and then it is logged from the start to that end. */
static void
test_timer_over_a_day_needs_an_end (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(LumbarStore) store = load_store (fixture->dir);
  g_autoptr(GDateTime) start = time_in_offset (2026, 12, 5, 21, 0, 0, 3600);
  g_autoptr(GDateTime) now = g_date_time_add_minutes (start, 45 * 60 + 17);
  g_autoptr(GDateTime) day_later = g_date_time_add_minutes (start, 1440);
  g_autoptr(GDateTime) before_start = g_date_time_add_minutes (start, -5);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 40);
  g_autoptr(LumbarEntry) details = lumbar_entry_new (LUMBAR_KIND_REST);
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  lumbar_entry_set_note (details, "fell asleep");
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);

  /* 45 hours: refused, nothing logged, the timer still runs. */
  g_assert_null (lumbar_store_stop_timer_full (store, LUMBAR_KIND_REST, now, details, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER);
  g_clear_error (&error);
  g_assert_null (lumbar_store_stop_timer_at (store, LUMBAR_KIND_REST, now, details, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER);
  g_clear_error (&error);
  g_assert_true (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 0);

  /* An end before the start is no end. */
  g_assert_null (lumbar_store_stop_timer_at (store, LUMBAR_KIND_REST, before_start, details, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER);
  g_clear_error (&error);
  g_assert_true (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));

  /* The end the person chose: 40 minutes from the start, with the note. */
  entry = lumbar_store_stop_timer_at (store, LUMBAR_KIND_REST, end, details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 40);
  g_assert_cmpint (lumbar_entry_get_time (entry), ==, g_date_time_to_unix (start));
  g_assert_cmpstr (lumbar_entry_get_note (entry), ==, "fell asleep");
  g_assert_false (lumbar_store_get_timer (store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 1);

  /* Exactly 24 hours is still a session the format holds. */
  g_clear_object (&entry);
  g_assert_true (lumbar_store_start_timer (store, LUMBAR_KIND_INCLINE, start, &error));
  entry = lumbar_store_stop_timer (store, LUMBAR_KIND_INCLINE, day_later, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 1440);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/lumbar/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("default-directory", test_default_directory);
  ADD ("new-diary", test_new_diary);
  ADD ("round-trip", test_round_trip);
  ADD ("load-async", test_load_async);
  ADD ("autosave-within-2s", test_autosave);
  ADD ("flush", test_flush);
  ADD ("broken-restores-backup", test_broken_restores_backup);
  ADD ("broken-without-backup", test_broken_without_backup);
  ADD ("broken-entries-kept-aside", test_broken_entries);
  ADD ("load-failure-changes-nothing", test_load_failure);
  ADD ("stale-temp-files-removed", test_stale_temp_files);
  ADD ("backups-rotate", test_backups_rotate);
  ADD ("user-copies-kept", test_user_copies_kept);
  ADD ("lock-survives-deleted-lock-file", test_lock_survives_deleted_lock_file);
  ADD ("backups-ranked-by-write-time", test_backups_ranked_by_write_time);
  ADD ("backups-rotation-keeps-todays", test_backups_rotation_keeps_todays);
  ADD ("symlinked-journal-stays-a-link", test_symlinked_journal);
  ADD ("diary-full-says-so", test_diary_full);
  ADD ("list-and-restore-backup", test_list_and_restore_backup);
  ADD ("folder-moved-away-not-written", test_folder_moved_away);
  ADD ("permissions", test_permissions);
  ADD ("save-failure-keeps-entries", test_save_failure);
  ADD ("newer-version-read-only", test_newer_version);
  ADD ("lock", test_lock);
  ADD ("timer-survives-restart", test_timer_survives_restart);
  ADD ("timer-incline-details", test_timer_incline_details);
  ADD ("timer-crash-safety", test_timer_crash_safety);
  ADD ("json-is-valid", test_json_is_valid);
  ADD ("timer-over-a-day-needs-an-end", test_timer_over_a_day_needs_an_end);

#undef ADD

  return g_test_run ();
}
