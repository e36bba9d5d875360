/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "import-shots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lumbar-backups-window.h"
#include "lumbar-document.h"
#include "lumbar-import-dialog.h"
#include "lumbar-style.h"
#include "lumbar-test-utils.h"

/*
 * Renders the import preview (with conflicts, and with nothing new), the
 * import error and the Backups window (with backups, and without) for
 * looking at, 1000 and 360 pixels wide. Not a test; run it under Xvfb:
 *
 *   import-shots [--lang=de] [--dark] OUTDIR
 *
 * writes OUTDIR/import-LANG-WIDTH-WHAT.png and backups-LANG-WIDTH-WHAT.png.
 */

static void
save_window (GtkWidget  *window,
             const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!lumbar_test_save_png (window, path))
    g_error ("could not save %s", path);
  g_print ("%s (%dx%d)\n", path, gtk_widget_get_width (window), gtk_widget_get_height (window));
}

static LumbarEntry *
entry_at (LumbarKind  kind,
          const char *id,
          int         day,
          int         hour,
          int         value)
{
  LumbarEntry *entry = lumbar_entry_new (kind);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) at = g_date_time_new (zone, 2026, 11, day, hour, 15, 0);

  lumbar_entry_set_id (entry, id);
  lumbar_entry_set_date_time (entry, at);
  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      lumbar_entry_set_local (entry, value);
      break;
    case LUMBAR_KIND_SPASM:
      lumbar_entry_set_intensity (entry, value);
      lumbar_entry_set_trigger (entry, "lifting a box");
      break;
    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      lumbar_entry_set_minutes (entry, value);
      break;
    case LUMBAR_KIND_THERAPY:
    case LUMBAR_N_KINDS:
    default:
      break;
    }
  return entry;
}

static void
write_entries (const char *path,
               GPtrArray  *entries,
               int         hours_ago)
{
  g_autoptr(GBytes) bytes = lumbar_entries_to_bytes (entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
  if (hours_ago > 0 &&
      !g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                    (guint64) (g_get_real_time () / G_USEC_PER_SEC - hours_ago * 3600),
                                    G_FILE_QUERY_INFO_NONE, NULL, &error))
    g_error ("%s", error->message);
}

/* The person's diary: a reading each morning for a month. */
static GPtrArray *
diary_entries (guint days)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint day = 1; day <= days; day++)
    {
      g_autofree char *id = g_strdup_printf ("own-%u", day);

      g_ptr_array_add (entries, entry_at (LUMBAR_KIND_PAIN, id, (int) day, 8, 2 + (int) day % 6));
    }
  return entries;
}

static LumbarStore *
make_store (const char *dir,
            guint       n_backups)
{
  g_autoptr(GPtrArray) diary = diary_entries (28);
  g_autofree char *journal = g_build_filename (dir, "journal.json", NULL);
  g_autoptr(GError) error = NULL;
  LumbarStore *store;

  write_entries (journal, diary, 0);
  for (guint i = 0; i < n_backups; i++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2026-11-%02u.json", 28 - i);
      g_autofree char *path = g_build_filename (dir, "backups", name, NULL);
      g_autoptr(GPtrArray) entries = diary_entries (28 - i);

      write_entries (path, entries, 1 + (int) i * 24);
    }
  /* One the person broke by hand. */
  if (n_backups > 0)
    {
      g_autofree char *path = g_build_filename (dir, "backups", "journal-2026-10-30.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_file_set_contents (path, "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [", -1, NULL);
      g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                   (guint64) (g_get_real_time () / G_USEC_PER_SEC - 30 * 24 * 3600),
                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }

  store = lumbar_store_new (dir);
  if (!lumbar_store_load (store, &error))
    g_error ("%s", error->message);
  return store;
}

/* A file from another computer: new readings, some already there, and
 * four that differ. */
static LumbarImport *
make_import (LumbarStore *store,
             gboolean     nothing_new)
{
  g_autoptr(LumbarDocument) doc = lumbar_document_new ();
  g_autoptr(GError) error = NULL;
  LumbarImport *import;

  for (guint day = 20; day <= 28; day++)
    {
      g_autofree char *id = g_strdup_printf ("own-%u", day);

      g_ptr_array_add (doc->entries, entry_at (LUMBAR_KIND_PAIN, id, (int) day, 8,
                                               day >= 25 ? 9 : 2 + (int) day % 6));
    }
  if (!nothing_new)
    {
      g_ptr_array_add (doc->entries, entry_at (LUMBAR_KIND_SPASM, "new-1", 29, 11, 7));
      g_ptr_array_add (doc->entries, entry_at (LUMBAR_KIND_REST, "new-2", 29, 12, 25));
      g_ptr_array_add (doc->entries, entry_at (LUMBAR_KIND_INCLINE, "new-3", 29, 18, 45));
      g_ptr_array_add (doc->entries, entry_at (LUMBAR_KIND_PAIN, "new-4", 30, 8, 5));
    }
  import = lumbar_import_new (lumbar_store_get_journal (store), doc, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  return import;
}

static void
shoot_dialog (GtkWidget  *parent,
              GtkWidget  *dialog,
              const char *dir,
              const char *name)
{
  gtk_window_present (GTK_WINDOW (dialog));
  lumbar_test_flush (dialog);
  save_window (dialog, dir, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lumbar_test_flush (parent);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *full_dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(LumbarStore) full = NULL;
  g_autoptr(LumbarStore) empty = NULL;
  gboolean dark = FALSE;
  GOptionEntry options[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language (en, de)", "LANG" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { NULL }
  };
  static const int widths[] = { 1000, 360 };

  context = g_option_context_new ("OUTDIR");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: import-shots [--lang=de] [--dark] OUTDIR\n");
      return 2;
    }

  /* German in de_DE.UTF-8, or English, with the build's catalogues. */
  lumbar_test_use_language (lang);
  if (lang == NULL)
    lang = g_strdup ("en");

  g_mkdir_with_parents (argv[1], 0700);
  tmp = g_dir_make_tmp ("lumbar-import-shots-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);

  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The entry icons, as the application's resource path gives them. */
  lumbar_style_ensure ("lumbar-diary.css");

  full_dir = g_build_filename (tmp, "full", NULL);
  empty_dir = g_build_filename (tmp, "empty", NULL);
  full = make_store (full_dir, 5);
  empty = make_store (empty_dir, 0);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int width = widths[w];
      GtkWidget *parent = adw_window_new ();
      g_autoptr(LumbarImport) import = make_import (full, FALSE);
      g_autoptr(LumbarImport) nothing = make_import (full, TRUE);
      LumbarBackupsWindow *backups;
      g_autofree char *name = NULL;

      gtk_window_set_default_size (GTK_WINDOW (parent), width, 760);
      gtk_window_present (GTK_WINDOW (parent));
      lumbar_test_flush (parent);

      name = g_strdup_printf ("import-%s-%d-preview%s.png", lang, width, dark ? "-dark" : "");
      shoot_dialog (parent, lumbar_import_dialog_new_preview (GTK_WINDOW (parent), import, "laptop-2026-11.lumbar.json"),
                    argv[1], name);
      g_clear_pointer (&name, g_free);

      name = g_strdup_printf ("import-%s-%d-nothing-new%s.png", lang, width, dark ? "-dark" : "");
      shoot_dialog (parent, lumbar_import_dialog_new_preview (GTK_WINDOW (parent), nothing, "journal.json"),
                    argv[1], name);
      g_clear_pointer (&name, g_free);

      /* The error dialog, with the engine's own reason. */
      {
        g_autoptr(LumbarDocument) doc = lumbar_document_new ();
        LumbarProblem *problem = g_new0 (LumbarProblem, 1);
        g_autoptr(GError) import_error = NULL;
        g_autoptr(LumbarImport) none = NULL;
        GtkWindow *dialog = NULL;
        g_autoptr(GListModel) toplevels = NULL;

        problem->entry = 2;
        problem->message = g_strdup ("x");
        g_ptr_array_add (doc->problems, problem);
        none = lumbar_import_new (lumbar_store_get_journal (full), doc, &import_error);
        g_assert_null (none);
        lumbar_import_dialog_show_error (GTK_WINDOW (parent), "edited.lumbar.json", import_error);
        toplevels = g_object_ref (gtk_window_get_toplevels ());
        for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
          {
            g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

            if (ADW_IS_MESSAGE_DIALOG (top))
              dialog = top;
          }
        g_assert_nonnull (dialog);
        lumbar_test_flush (GTK_WIDGET (dialog));
        name = g_strdup_printf ("import-%s-%d-error%s.png", lang, width, dark ? "-dark" : "");
        save_window (GTK_WIDGET (dialog), argv[1], name);
        g_clear_pointer (&name, g_free);
        gtk_window_destroy (dialog);
      }

      /* Backups, read, and the question before restoring */
      backups = lumbar_backups_window_new (GTK_WINDOW (parent), full);
      gtk_window_set_default_size (GTK_WINDOW (backups), MIN (width, 680), 640);
      gtk_window_present (GTK_WINDOW (backups));
      while (lumbar_backups_window_get_n_read (backups) < g_list_model_get_n_items (lumbar_backups_window_get_backups (backups)))
        g_main_context_iteration (NULL, TRUE);
      lumbar_test_flush (GTK_WIDGET (backups));
      name = g_strdup_printf ("backups-%s-%d-list%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (backups), argv[1], name);
      g_clear_pointer (&name, g_free);

      {
        g_autoptr(LumbarBackup) first = g_list_model_get_item (lumbar_backups_window_get_backups (backups), 1);
        g_autoptr(GListModel) toplevels = NULL;

        gtk_widget_activate_action (GTK_WIDGET (backups), "backups.restore", "s", lumbar_backup_get_path (first));
        lumbar_test_flush (NULL);
        toplevels = g_object_ref (gtk_window_get_toplevels ());
        for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
          {
            g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

            if (ADW_IS_MESSAGE_DIALOG (top))
              {
                name = g_strdup_printf ("backups-%s-%d-restore%s.png", lang, width, dark ? "-dark" : "");
                save_window (GTK_WIDGET (top), argv[1], name);
                g_clear_pointer (&name, g_free);
                gtk_window_destroy (top);
              }
          }
      }
      gtk_window_destroy (GTK_WINDOW (backups));

      backups = lumbar_backups_window_new (GTK_WINDOW (parent), empty);
      gtk_window_set_default_size (GTK_WINDOW (backups), MIN (width, 680), 640);
      gtk_window_present (GTK_WINDOW (backups));
      lumbar_test_flush (GTK_WIDGET (backups));
      name = g_strdup_printf ("backups-%s-%d-empty%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (backups), argv[1], name);
      g_clear_pointer (&name, g_free);
      gtk_window_destroy (GTK_WINDOW (backups));

      gtk_window_destroy (GTK_WINDOW (parent));
    }

  g_clear_object (&full);
  g_clear_object (&empty);
  lumbar_test_remove_tree (tmp);
  return 0;
}
