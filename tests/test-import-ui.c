/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "lumbar-application.h"
#include "lumbar-backups-window.h"
#include "lumbar-document.h"
#include "lumbar-format.h"
#include "lumbar-import-service.h"
#include "lumbar-review-window.h"
#include "lumbar-store.h"
#include "lumbar-test-utils.h"
#include "lumbar-window.h"

/*
 * Nothing lost (run `meson test` inside xvfb-run): the real application
 * imports a diary after a preview and undoes it as a whole, refuses a file
 * it cannot import without changing anything, lists the backups and
 * restores one, and adds a reviewed file to the person's own diary.
 * DESIGN.md → Storage promises → Import, and Restoring.
 */

#define WAIT_MS 8000

static char *test_root;

typedef struct _Fixture Fixture;

struct _Fixture {
  char              *diary_dir;
  char              *journal_path;
  char              *files_dir;    /* files to import, 0700 */
  LumbarApplication *app;
  GPtrArray         *open_paths;   /* `lumbar PATH…` */
  GPtrArray         *diary;        /* LumbarEntry: the diary before the test */
  void             (*body) (Fixture *fixture);
};

/* Entries */

/* 08:00 (or @hour) in UTC+1 on @day of November 2026. */
static LumbarEntry *
pain_at (const char *id,
         int         day,
         int         hour,
         int         local,
         const char *note)
{
  LumbarEntry *entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) at = g_date_time_new (zone, 2026, 11, day, hour, 0, 0);

  lumbar_entry_set_id (entry, id);
  lumbar_entry_set_date_time (entry, at);
  lumbar_entry_set_local (entry, local);
  if (note != NULL)
    lumbar_entry_set_note (entry, note);
  return entry;
}

static void
write_entries (const char *path,
               GPtrArray  *entries)
{
  g_autoptr(GBytes) bytes = lumbar_entries_to_bytes (entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static char *
write_text (Fixture    *fixture,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (fixture->files_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return path;
}

static void
set_mtime (const char *path,
           gint64      unix_time)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) unix_time,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

/* Whether @journal holds exactly @entries (by id, every member equal). */
static gboolean
journal_is (LumbarJournal *journal,
            GPtrArray     *entries)
{
  if (lumbar_journal_get_n_entries (journal) != entries->len)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);
      LumbarEntry *own = lumbar_journal_lookup (journal, lumbar_entry_get_id (entry));

      if (own == NULL || !lumbar_entry_equal (own, entry))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  LumbarJournal *journal;
  GPtrArray     *entries;
  const char    *path;
} JournalQuery;

static gboolean
journal_matches (gpointer data)
{
  JournalQuery *query = data;

  return journal_is (query->journal, query->entries);
}

static gboolean
journal_has_n (gpointer data)
{
  JournalQuery *query = data;

  return lumbar_journal_get_n_entries (query->journal) == query->entries->len;
}

/* The diary on disk holds exactly the entries. */
static gboolean
disk_matches (gpointer data)
{
  JournalQuery *query = data;
  g_autoptr(GFile) file = g_file_new_for_path (query->path);
  g_autoptr(LumbarDocument) doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, NULL);
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();

  if (doc == NULL)
    return FALSE;
  lumbar_journal_set_entries (journal, doc->entries);
  return journal_is (journal, query->entries);
}

/* Widgets */

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  lumbar_test_collect_of_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  lumbar_test_collect_of_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)) &&
        g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  lumbar_test_collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  GtkWindow *dialog;

  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), WAIT_MS));
  dialog = lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  lumbar_test_flush (GTK_WIDGET (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Clicks the button of @response, as a person would. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  GtkWidget *button;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, button, WAIT_MS));
  gtk_widget_activate (button);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), WAIT_MS));
}

static GPtrArray *
app_windows (Fixture *fixture,
             GType    type)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      g_ptr_array_add (windows, l->data);
  return windows;
}

typedef struct {
  Fixture *fixture;
  GType    type;
} WindowQuery;

static gboolean
has_window (gpointer data)
{
  WindowQuery *query = data;
  g_autoptr(GPtrArray) windows = app_windows (query->fixture, query->type);

  return windows->len > 0;
}

static GtkWidget *
wait_for_window (Fixture *fixture,
                 GType    type)
{
  WindowQuery query = { fixture, type };
  g_autoptr(GPtrArray) windows = NULL;

  g_assert_true (lumbar_test_wait_for (has_window, &query, WAIT_MS));
  windows = app_windows (fixture, type);
  lumbar_test_flush (g_ptr_array_index (windows, 0));
  return g_ptr_array_index (windows, 0);
}

static gboolean
store_settled (gpointer data)
{
  LumbarStore *store = data;

  return lumbar_store_get_loaded (store) || lumbar_store_get_read_only (store);
}

static LumbarWindow *
wait_for_main_window (Fixture *fixture)
{
  LumbarWindow *window = LUMBAR_WINDOW (wait_for_window (fixture, LUMBAR_TYPE_WINDOW));

  g_assert_true (lumbar_test_wait_for (store_settled, lumbar_window_get_store (window), WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (window));
  return window;
}

static gboolean
menu_has_action (LumbarWindow *window,
                 const char   *action)
{
  GMenuModel *menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LUMBAR_TYPE_WINDOW, "primary_menu"));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            {
              g_object_unref (section);
              return TRUE;
            }
        }
      g_clear_object (&section);
    }
  return FALSE;
}

/* Running the real application */

static gboolean
run_body (gpointer data)
{
  Fixture *fixture = data;

  fixture->body (fixture);

  /* Quit the way the menu and Ctrl+Q do. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *app,
            Fixture      *fixture)
{
  /* Runs after the command line was handled. */
  g_idle_add_full (G_PRIORITY_LOW, run_body, fixture, NULL);
}

/* Starts Lumbar as `lumbar` or `lumbar PATH…`, runs @body, quits. With
 * @unique, it owns its name on the session bus as the installed app does. */
static void
run_app_full (Fixture  *fixture,
              gboolean  unique,
              void    (*body) (Fixture *fixture))
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, (char *) "lumbar");
  for (guint i = 0; i < fixture->open_paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (fixture->open_paths, i));
  g_ptr_array_add (argv, NULL);

  fixture->body = body;
  fixture->app = lumbar_application_new ();
  if (!unique)
    g_application_set_flags (G_APPLICATION (fixture->app),
                             g_application_get_flags (G_APPLICATION (fixture->app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (fixture->app, "startup", G_CALLBACK (on_startup), fixture);

  status = g_application_run (G_APPLICATION (fixture->app), (int) argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fixture->app));
}

static void
run_app (Fixture  *fixture,
         void    (*body) (Fixture *fixture))
{
  run_app_full (fixture, FALSE, body);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->diary_dir = lumbar_store_dup_default_directory ();
  fixture->journal_path = lumbar_store_dup_default_journal_path ();
  lumbar_test_remove_tree (fixture->diary_dir);
  fixture->files_dir = g_build_filename (test_root, "files", NULL);
  lumbar_test_remove_tree (fixture->files_dir);
  g_assert_cmpint (g_mkdir (fixture->files_dir, 0700), ==, 0);
  fixture->open_paths = g_ptr_array_new_with_free_func (g_free);

  /* The person's diary: three readings. */
  fixture->diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->diary, pain_at ("own-a", 20, 8, 4, "stiff"));
  g_ptr_array_add (fixture->diary, pain_at ("own-b", 21, 8, 5, NULL));
  g_ptr_array_add (fixture->diary, pain_at ("own-c", 22, 8, 3, "better"));
  write_entries (fixture->journal_path, fixture->diary);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_null (fixture->app);
  lumbar_test_remove_tree (fixture->diary_dir);
  lumbar_test_remove_tree (fixture->files_dir);
  g_free (fixture->diary_dir);
  g_free (fixture->journal_path);
  g_free (fixture->files_dir);
  g_ptr_array_unref (fixture->open_paths);
  g_ptr_array_unref (fixture->diary);
}

/* The file to import: two readings the diary lacks, one it has as it is,
 * and one it has with another note (a conflict). */
static char *
write_import_file (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  char *path = g_build_filename (fixture->files_dir, name, NULL);

  g_ptr_array_add (entries, pain_at ("new-1", 23, 8, 6, "from the laptop"));
  g_ptr_array_add (entries, pain_at ("new-2", 23, 20, 2, NULL));
  g_ptr_array_add (entries, pain_at ("own-b", 21, 8, 5, NULL));
  g_ptr_array_add (entries, pain_at ("own-c", 22, 8, 3, "written on the laptop"));
  write_entries (path, entries);
  return path;
}

/* Tests: Import… */

static void
preview_add_undo_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarStore *store = lumbar_window_get_store (window);
  LumbarJournal *journal = lumbar_store_get_journal (store);
  g_autofree char *path = write_import_file (fixture, "laptop.lumbar.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LumbarEntry) conflict = pain_at ("own-c", 22, 8, 3, "written on the laptop");
  g_autoptr(GDateTime) conflict_time = lumbar_entry_dup_date_time (conflict);
  g_autofree char *conflict_when = lumbar_format_date_time (conflict_time);
  JournalQuery back = { journal, fixture->diary, fixture->journal_path };
  JournalQuery added = { journal, merged, fixture->journal_path };
  AdwMessageDialog *dialog;
  GtkWidget *undo;

  g_assert_true (journal_is (journal, fixture->diary));
  /* Import… and Backups… are in the main menu. */
  g_assert_true (menu_has_action (window, "win.import"));
  g_assert_true (menu_has_action (window, "win.backups"));

  lumbar_window_import_file (window, file);
  dialog = wait_for_dialog ();

  /* The preview comes first: nothing changed yet. */
  g_assert_true (journal_is (journal, fixture->diary));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Entries From “laptop.lumbar.json”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 new entries\n1 already in your diary\n1 conflict");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "add"), ==, "_Add 2 Entries");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  /* The conflict is listed as the file has it; the diary keeps its own. */
  lumbar_test_collect_of_type (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, conflict_when);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, "Pain · Local 3");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog),
                                "Your diary keeps its own version of this entry, which is different in the file:"));
  lumbar_test_assert_one_format (GTK_WIDGET (dialog));

  answer (dialog, "add");

  /* The two new readings are in, the diary's own version of the conflict stays. */
  for (guint i = 0; i < fixture->diary->len; i++)
    g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (fixture->diary, i)));
  g_ptr_array_add (merged, pain_at ("new-1", 23, 8, 6, "from the laptop"));
  g_ptr_array_add (merged, pain_at ("new-2", 23, 20, 2, NULL));
  g_assert_true (lumbar_test_wait_for (journal_matches, &added, WAIT_MS));
  g_assert_cmpstr (lumbar_entry_get_note (lumbar_journal_lookup (journal, "own-c")), ==, "better");
  g_assert_true (lumbar_test_wait_for (disk_matches, &added, WAIT_MS));

  /* The toast says so and offers Undo, which takes the whole import back. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "2 entries added"));
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, undo, WAIT_MS));
  gtk_widget_activate (undo);
  g_assert_true (lumbar_test_wait_for (journal_has_n, &back, WAIT_MS));
  g_assert_true (journal_is (journal, fixture->diary));
  g_assert_true (lumbar_test_wait_for (disk_matches, &back, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (window));

  /* The diary's own file has nothing new for it: only Close. */
  {
    g_autoptr(GFile) own = g_file_new_for_path (fixture->journal_path);
    guint64 revision = lumbar_journal_get_revision (journal);

    lumbar_window_import_file (window, own);
    dialog = wait_for_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing New in “journal.json”");
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "0 new entries\n3 already in your diary\n0 conflicts");
    g_assert_false (adw_message_dialog_has_response (dialog, "add"));
    answer (dialog, "close");
    g_assert_cmpuint (lumbar_journal_get_revision (journal), ==, revision);
  }
}

static void
test_preview_add_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  run_app (fixture, preview_add_undo_body);
}

static void
cancel_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarJournal *journal = lumbar_store_get_journal (lumbar_window_get_store (window));
  g_autofree char *path = write_import_file (fixture, "laptop.lumbar.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint64 revision = lumbar_journal_get_revision (journal);

  lumbar_window_import_file (window, file);
  answer (wait_for_dialog (), "cancel");
  lumbar_test_flush (NULL);
  g_assert_cmpuint (lumbar_journal_get_revision (journal), ==, revision);
  g_assert_true (journal_is (journal, fixture->diary));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  run_app (fixture, cancel_body);
}

/* Each file is refused with its reason, and the diary stays as it was. */
static void
bad_files_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarJournal *journal = lumbar_store_get_journal (lumbar_window_get_store (window));
  g_autofree char *fifo = g_build_filename (fixture->files_dir, "pipe.json", NULL);
  struct {
    char       *path;
    const char *reason;
  } files[] = {
    { write_text (fixture, "broken.json",
                  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
                  "  {\"id\": \"x\" \"kind\": \"pain\"}\n]}\n"),
      "Line 2, column" },
    { write_text (fixture, "problem.json",
                  "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n"
                  "  {\"id\": \"p1\", \"kind\": \"pain\", \"at\": \"2026-11-25T08:00:00+01:00\", \"local\": 4},\n"
                  "  {\"id\": \"p2\", \"kind\": \"pain\", \"at\": \"2026-11-25T09:00:00+01:00\", \"local\": 11}\n"
                  "]}\n"),
      "the file has 1 problem, so nothing was added" },
    { write_text (fixture, "newer.json",
                  "{\"format\": \"lumbar-journal\", \"version\": 99, \"entries\": []}\n"),
      "newer" },
    { g_strdup (fifo), "not a regular file" },
  };
  guint64 revision = lumbar_journal_get_revision (journal);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (files[i].path);
      g_autofree char *name = g_path_get_basename (files[i].path);
      g_autofree char *start = g_strdup_printf ("“%s” cannot be imported: ", name);
      AdwMessageDialog *dialog;

      lumbar_window_import_file (window, file);
      dialog = wait_for_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import");
      if (!g_str_has_prefix (adw_message_dialog_get_body (dialog), start) ||
          strstr (adw_message_dialog_get_body (dialog), files[i].reason) == NULL)
        g_error ("%s: unexpected message “%s”", name, adw_message_dialog_get_body (dialog));
      answer (dialog, "close");
      g_assert_cmpuint (lumbar_journal_get_revision (journal), ==, revision);
      g_free (files[i].path);
    }
  g_assert_true (journal_is (journal, fixture->diary));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  run_app (fixture, bad_files_body);
}

/* Tests: Backups… */

typedef struct {
  const char *name;
  guint       n_entries;
  int         hours_ago;   /* when it was written */
} BackupSpec;

/* Written in another order than their names: the list goes by when. */
static const BackupSpec backup_specs[] = {
  { "journal-2026-11-01.json", 2, 30 },
  { "journal-2026-11-02.json", 3, 2 },
  { "journal-2026-11-03.json", 1, 5 },
};

static char *
write_backup (Fixture          *fixture,
              const BackupSpec *spec,
              GPtrArray        *entries_out)
{
  char *path = g_build_filename (fixture->diary_dir, "backups", spec->name, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < spec->n_entries; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", spec->name, i);

      g_ptr_array_add (entries, pain_at (id, 1 + (int) i, 9, 2 + (int) i, NULL));
    }
  write_entries (path, entries);
  set_mtime (path, g_get_real_time () / G_USEC_PER_SEC - spec->hours_ago * 3600);
  if (entries_out != NULL)
    for (guint i = 0; i < entries->len; i++)
      g_ptr_array_add (entries_out, g_object_ref (g_ptr_array_index (entries, i)));
  return path;
}

static gboolean
backups_read (gpointer data)
{
  return lumbar_backups_window_get_n_read (data) == g_list_model_get_n_items (lumbar_backups_window_get_backups (data));
}

static LumbarBackupsWindow *
open_backups (LumbarWindow *window)
{
  LumbarBackupsWindow *backups;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (LUMBAR_TYPE_BACKUPS_WINDOW), WAIT_MS));
  backups = LUMBAR_BACKUPS_WINDOW (lumbar_test_find_toplevel (LUMBAR_TYPE_BACKUPS_WINDOW));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (backups)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (backups)));
  g_assert_true (lumbar_test_wait_for (backups_read, backups, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (backups));
  return backups;
}

static gboolean
is_aside_name (const char *name)
{
  g_autoptr(GRegex) regex = g_regex_new ("^journal-\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.json$", 0, 0, NULL);

  return g_regex_match (regex, name, 0, NULL);
}

static char *
find_aside (Fixture *fixture)
{
  g_autofree char *dir_path = g_build_filename (fixture->diary_dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (is_aside_name (name))
      return g_build_filename (dir_path, name, NULL);
  return NULL;
}

static void
backups_restore_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarJournal *journal = lumbar_store_get_journal (lumbar_window_get_store (window));
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *aside = NULL;
  g_autofree char *path = NULL;
  LumbarBackupsWindow *backups;
  AdwMessageDialog *dialog;
  /* Most recently written first, whatever the names say. */
  const guint order[] = { 1, 2, 0 };
  const char *counts[] = { "3 entries, ", "1 entry, ", "2 entries, " };

  for (guint i = 0; i < G_N_ELEMENTS (backup_specs); i++)
    {
      char *written = write_backup (fixture, &backup_specs[i], i == 2 ? restored : NULL);

      if (i == 2)
        path = written;
      else
        g_free (written);
    }

  backups = open_backups (window);
  lumbar_test_collect_of_type (GTK_WIDGET (backups), ADW_TYPE_PREFERENCES_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      const BackupSpec *spec = &backup_specs[order[i]];
      g_autoptr(GDateTime) written = NULL;
      g_autofree char *title = NULL;
      g_autofree char *backup_path = g_build_filename (fixture->diary_dir, "backups", spec->name, NULL);
      g_autoptr(LumbarBackup) backup = g_list_model_get_item (lumbar_backups_window_get_backups (backups), i);
      GStatBuf st;

      g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
      written = g_date_time_new_from_unix_local ((gint64) st.st_mtime);
      title = lumbar_format_date_time (written);
      g_assert_cmpstr (lumbar_backup_get_path (backup), ==, backup_path);
      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, title);
      g_assert_nonnull (find_label (g_ptr_array_index (rows, i), title));
      if (find_label_prefix (g_ptr_array_index (rows, i), counts[i]) == NULL)
        g_error ("row %u does not say “%s…”", i, counts[i]);
    }
  lumbar_test_assert_one_format (GTK_WIDGET (backups));

  /* Restore… asks first, naming the backup and keeping the diary. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups), "backups.restore", "s", path));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore This Backup?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_true (journal_is (journal, fixture->diary));
  answer (dialog, "restore");

  /* The diary is the backup's; the diary as it was is a backup of its own. */
  g_assert_true (journal_is (journal, restored));
  aside = find_aside (fixture);
  g_assert_nonnull (aside);
  {
    JournalQuery kept = { journal, fixture->diary, aside };
    JournalQuery saved = { journal, restored, fixture->journal_path };

    g_assert_true (disk_matches (&kept));
    g_assert_true (lumbar_test_wait_for (disk_matches, &saved, WAIT_MS));
  }
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (LUMBAR_TYPE_BACKUPS_WINDOW), WAIT_MS));
  {
    g_autoptr(GDateTime) written = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC - 5 * 3600);
    g_autofree char *when = lumbar_format_date_time (written);
    g_autofree char *toast = g_strdup_printf ("Diary restored from the backup of %s", when);

    lumbar_test_flush (GTK_WIDGET (window));
    if (find_label (GTK_WIDGET (window), toast) == NULL)
      g_error ("no toast “%s”", toast);
  }

  /* Listed among the backups now, it can itself be restored. */
  backups = open_backups (window);
  {
    GListModel *list = lumbar_backups_window_get_backups (backups);
    gboolean listed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(LumbarBackup) backup = g_list_model_get_item (list, i);

        listed |= g_strcmp0 (lumbar_backup_get_path (backup), aside) == 0;
      }
    g_assert_true (listed);
  }
  gtk_window_close (GTK_WINDOW (backups));
}

static void
test_backups_restore (Fixture       *fixture,
                      gconstpointer  data)
{
  run_app (fixture, backups_restore_body);
}

static void
backups_open_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  g_autofree char *path = write_backup (fixture, &backup_specs[1], NULL);
  LumbarBackupsWindow *backups = open_backups (window);
  LumbarReviewWindow *review;
  guint64 revision = lumbar_journal_get_revision (lumbar_store_get_journal (lumbar_window_get_store (window)));

  /* Open shows it read-only, beside the diary, which stays as it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups), "backups.open", "s", path));
  review = LUMBAR_REVIEW_WINDOW (wait_for_window (fixture, LUMBAR_TYPE_REVIEW_WINDOW));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_review_window_get_journal (review)), ==, 3);
  g_assert_cmpuint (lumbar_journal_get_revision (lumbar_store_get_journal (lumbar_window_get_store (window))), ==, revision);
  gtk_window_close (GTK_WINDOW (review));
  gtk_window_close (GTK_WINDOW (backups));
}

static void
test_backups_open (Fixture       *fixture,
                   gconstpointer  data)
{
  run_app (fixture, backups_open_body);
}

static void
backups_empty_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarBackupsWindow *backups = open_backups (window);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (backups), LUMBAR_TYPE_BACKUPS_WINDOW, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (backups), "No Backups Yet"));
  gtk_window_close (GTK_WINDOW (backups));
}

static void
test_backups_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, backups_empty_body);
}

/* Tests: a review window's "Add to My Diary" */

static void
review_add_body (Fixture *fixture)
{
  LumbarReviewWindow *review = LUMBAR_REVIEW_WINDOW (wait_for_window (fixture, LUMBAR_TYPE_REVIEW_WINDOW));
  LumbarStore *store = lumbar_application_get_store (fixture->app);
  LumbarJournal *journal = lumbar_store_get_journal (store);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  JournalQuery added = { journal, merged, fixture->journal_path };
  JournalQuery back = { journal, fixture->diary, fixture->journal_path };
  AdwMessageDialog *dialog;

  /* Reviewing alone does not read the diary. */
  g_assert_false (lumbar_store_get_loaded (store));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "win.add-to-diary", NULL));
  dialog = wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (review));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 new entries\n1 already in your diary\n1 conflict");
  answer (dialog, "add");

  for (guint i = 0; i < fixture->diary->len; i++)
    g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (fixture->diary, i)));
  g_ptr_array_add (merged, pain_at ("new-1", 23, 8, 6, "from the laptop"));
  g_ptr_array_add (merged, pain_at ("new-2", 23, 20, 2, NULL));
  g_assert_true (lumbar_test_wait_for (journal_matches, &added, WAIT_MS));
  g_assert_true (lumbar_test_wait_for (disk_matches, &added, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (review));
  g_assert_nonnull (find_label (GTK_WIDGET (review), "2 entries added"));

  /* Undo, in the review window, takes them out again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "win.undo-import", NULL));
  g_assert_true (journal_is (journal, fixture->diary));
  g_assert_true (lumbar_test_wait_for (disk_matches, &back, WAIT_MS));
}

static void
test_review_add (Fixture       *fixture,
                 gconstpointer  data)
{
  g_ptr_array_add (fixture->open_paths, write_import_file (fixture, "export.lumbar.json"));
  run_app (fixture, review_add_body);
}

static void
review_locked_body (Fixture *fixture)
{
  LumbarReviewWindow *review = LUMBAR_REVIEW_WINDOW (wait_for_window (fixture, LUMBAR_TYPE_REVIEW_WINDOW));
  g_autofree char *directory = lumbar_store_dup_default_directory ();
  g_autoptr(LumbarStore) other = lumbar_store_new (directory);
  LumbarStore *store = lumbar_application_get_store (fixture->app);
  AdwMessageDialog *dialog;

  /* Another Lumbar has the diary open for changes. */
  g_assert_true (lumbar_store_load (other, NULL));
  g_assert_false (lumbar_store_get_read_only (other));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "win.add-to-diary", NULL));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Diary Cannot Be Changed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, lumbar_store_get_read_only_reason (store));
  answer (dialog, "close");
  g_assert_true (journal_is (lumbar_store_get_journal (other), fixture->diary));
}

static void
test_review_locked (Fixture       *fixture,
                    gconstpointer  data)
{
  g_ptr_array_add (fixture->open_paths, write_import_file (fixture, "export.lumbar.json"));
  run_app (fixture, review_locked_body);
}

/* Tests: `lumbar --import FILE` handed to the running app */

typedef struct {
  char     *address;
  char     *bus_name;
  char     *object_path;
  char     *path;
  char     *counts;
  GError   *error;
  gboolean  done;
} Call;

/* The command line's side, from another thread: the app answers on the
 * main thread, which the test keeps running meanwhile. */
static gpointer
call_thread (gpointer data)
{
  Call *call = data;
  g_autoptr(GDBusConnection) connection = NULL;

  connection = g_dbus_connection_new_for_address_sync (call->address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &call->error);
  if (connection != NULL)
    lumbar_import_service_call (connection, call->bus_name, call->object_path, call->path,
                                &call->counts, &call->error);
  g_atomic_int_set (&call->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
call_done (gpointer data)
{
  return g_atomic_int_get (&((Call *) data)->done);
}

static void
call_import (Fixture    *fixture,
             Call       *call,
             const char *path)
{
  g_autoptr(GThread) thread = NULL;

  call->address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  call->bus_name = g_strdup (g_application_get_application_id (G_APPLICATION (fixture->app)));
  call->object_path = g_strdup (g_application_get_dbus_object_path (G_APPLICATION (fixture->app)));
  call->path = g_strdup (path);
  thread = g_thread_new ("lumbar --import", call_thread, call);
  g_assert_true (lumbar_test_wait_for (call_done, call, WAIT_MS));
  g_thread_join (g_steal_pointer (&thread));
}

static void
call_clear (Call *call)
{
  g_free (call->address);
  g_free (call->bus_name);
  g_free (call->object_path);
  g_free (call->path);
  g_free (call->counts);
  g_clear_error (&call->error);
  memset (call, 0, sizeof *call);
}

static void
command_line_import_body (Fixture *fixture)
{
  LumbarWindow *window = wait_for_main_window (fixture);
  LumbarJournal *journal = lumbar_store_get_journal (lumbar_window_get_store (window));
  g_autofree char *path = write_import_file (fixture, "laptop.lumbar.json");
  g_autofree char *bad = write_text (fixture, "broken.json", "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [\n");
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  JournalQuery added = { journal, merged, fixture->journal_path };
  JournalQuery back = { journal, fixture->diary, fixture->journal_path };
  Call call = { 0 };
  guint64 revision;

  g_assert_true (g_application_get_is_registered (G_APPLICATION (fixture->app)));
  g_assert_false (g_application_get_is_remote (G_APPLICATION (fixture->app)));

  /* Merged at once, no preview; the answer is what `lumbar --import`
   * prints, and the diary is on disk before it. */
  call_import (fixture, &call, path);
  g_assert_no_error (call.error);
  g_assert_cmpstr (call.counts, ==, "2 new, 1 already there, 1 conflicts");
  call_clear (&call);
  g_assert_null (lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  for (guint i = 0; i < fixture->diary->len; i++)
    g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (fixture->diary, i)));
  g_ptr_array_add (merged, pain_at ("new-1", 23, 8, 6, "from the laptop"));
  g_ptr_array_add (merged, pain_at ("new-2", 23, 20, 2, NULL));
  g_assert_true (journal_is (journal, merged));
  g_assert_true (disk_matches (&added));

  /* The window says so, and its Undo takes the import back. */
  lumbar_test_flush (GTK_WIDGET (window));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "2 entries added"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", NULL));
  g_assert_true (journal_is (journal, fixture->diary));
  g_assert_true (lumbar_test_wait_for (disk_matches, &back, WAIT_MS));

  /* A file that cannot be imported: the reason goes back, nothing changes. */
  revision = lumbar_journal_get_revision (journal);
  call_import (fixture, &call, bad);
  g_assert_null (call.counts);
  g_assert_nonnull (call.error);
  g_assert_cmpuint (lumbar_journal_get_revision (journal), ==, revision);
  call_clear (&call);
}

static void
test_command_line_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  run_app_full (fixture, TRUE, command_line_import_body);
  g_test_dbus_down (bus);
}

static void
skip_without_display (void)
{
  g_test_skip ("No display: run the UI tests inside xvfb-run (see tests/README.md)");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Fresh private folders before GLib caches any of them. */
  test_root = lumbar_test_use_private_xdg_dirs ("lumbar-test-import-ui-XXXXXX");
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/import-ui/needs-display", skip_without_display);
      status = g_test_run ();
      lumbar_test_remove_tree (test_root);
      return status;
    }

#define ADD(path, func) \
  g_test_add ("/lumbar/import-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("preview-add-undo", test_preview_add_undo);
  ADD ("cancel-changes-nothing", test_cancel);
  ADD ("bad-files-change-nothing", test_bad_files);
  ADD ("backups-listed-and-restored", test_backups_restore);
  ADD ("backup-opens-read-only", test_backups_open);
  ADD ("no-backups-yet", test_backups_empty);
  ADD ("review-add-to-my-diary", test_review_add);
  ADD ("review-add-when-diary-is-locked", test_review_locked);
  ADD ("command-line-import-handed-to-app", test_command_line_import);

  status = g_test_run ();
  lumbar_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
