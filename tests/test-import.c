/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-import-service.h"
#include "lumbar-import.h"
#include "lumbar-store.h"

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


static void
on_imported (LumbarImportService *service,
             LumbarImport        *import,
             const char          *path,
             gpointer             data)
{
  *(LumbarImport **) data = g_object_ref (import);
}

typedef struct {
  GDBusConnection *connection;
  const char      *path;
  char            *counts;
  GError          *error;
  gboolean         done;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;

  lumbar_import_service_call (call->connection, g_dbus_connection_get_unique_name (call->connection),
                              "/io/github/lumbar/Lumbar", call->path, &call->counts, &call->error);
  g_atomic_int_set (&call->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Sends ImportFile from another thread and runs the main context (where
 * the service answers) until the reply is in. */
static void
call_service (Call *call)
{
  g_autoptr(GThread) thread = g_thread_new ("call", call_thread, call);

  while (!g_atomic_int_get (&call->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
}

/* lumbar --import while the app runs: the app merges the file over the
 * session bus, saves, answers with the counts and says so for its toast. */
static void
test_service (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(LumbarImportService) service = NULL;
  g_autoptr(LumbarImport) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("lumbar-import-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (root, "lumbar", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal.json", NULL);
  g_autofree char *other = g_build_filename (root, "other.json", NULL);
  g_autofree char *bad = g_build_filename (root, "bad.json", NULL);
  g_autofree char *saved = NULL;
  Call call = { 0 };

  g_test_dbus_up (bus);
  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (journal, own_diary, -1, NULL));
  g_assert_true (g_file_set_contents (other, other_diary, -1, NULL));
  g_assert_true (g_file_set_contents (bad, bad_diary, -1, NULL));

  /* The app has not read the diary yet (only review windows are open). */
  store = lumbar_store_new (dir);
  service = lumbar_import_service_new (store);
  g_signal_connect (service, "imported", G_CALLBACK (on_imported), &imported);
  g_assert_true (lumbar_import_service_export (service, connection, "/io/github/lumbar/Lumbar", &error));
  g_assert_no_error (error);

  call.connection = connection;
  call.path = other;
  call_service (&call);
  g_assert_no_error (call.error);
  g_assert_cmpstr (call.counts, ==, "2 new, 1 already there, 1 conflicts");
  g_assert_nonnull (imported);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 5);
  /* On disk before the answer. */
  g_assert_true (g_file_get_contents (journal, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"e\""));

  /* The toast's Undo takes them away again. */
  g_assert_true (lumbar_import_undo (imported, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 3);
  g_assert_true (lumbar_store_flush (store, NULL));

  /* A bad file: the app's reason comes back, without D-Bus's prefix. */
  g_clear_pointer (&call.counts, g_free);
  call.done = FALSE;
  call.path = bad;
  call_service (&call);
  g_assert_nonnull (call.error);
  g_assert_true (g_str_has_prefix (call.error->message, "the file has 1 problem"));
  g_clear_error (&call.error);
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (store)), ==, 3);

  lumbar_import_service_unexport (service);
  g_clear_object (&service);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_clear_object (&connection);
  g_test_dbus_down (bus);
  g_unlink (journal);
  g_unlink (other);
  g_unlink (bad);
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);

        g_unlink (path);
      }
    g_rmdir (backups);
  }
  g_rmdir (dir);
  g_rmdir (root);
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
  g_test_add_func ("/lumbar/import/handed-to-the-running-app", test_service);

  return g_test_run ();
}
