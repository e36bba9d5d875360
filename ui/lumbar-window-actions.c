/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-backups-window.h"
#include "lumbar-export-dialog.h"
#include "lumbar-format.h"
#include "lumbar-import-dialog.h"
#include "lumbar-window-private.h"

/* Every action of the main window, and the one place their enabled state
 * is decided. */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lumbar_window_set_visible_page_name (LUMBAR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_diary_folder_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->store == NULL)
    return;

  folder = g_file_new_for_path (lumbar_store_get_directory (self->store));
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);
  gboolean printing = g_str_equal (action_name, "win.print");
  LumbarJournal *journal;
  LumbarExportDialog *dialog;

  if (self->store == NULL)
    return;

  journal = lumbar_store_get_journal (self->store);
  dialog = printing ? lumbar_export_dialog_new_for_print (GTK_WINDOW (self), journal)
                    : lumbar_export_dialog_new (GTK_WINDOW (self), journal);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_applied (GtkWindow    *parent,
                   LumbarImport *import)
{
  lumbar_window_show_import (LUMBAR_WINDOW (parent), import);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);

  if (self->store == NULL)
    return;

  lumbar_import_dialog_choose_file (GTK_WINDOW (self), self->store, on_import_applied);
}

/**
 * lumbar_window_import_file:
 * @self: the main window
 * @file: a diary or export to add to the window's diary
 *
 * What Import… does once a file is chosen: read it, show the preview, add
 * the new entries when asked and offer Undo.
 */
void
lumbar_window_import_file (LumbarWindow *self,
                           GFile        *file)
{
  g_return_if_fail (LUMBAR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  lumbar_import_dialog_open_file (GTK_WINDOW (self), self->store, file, on_import_applied);
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);
  g_autoptr(LumbarImport) import = NULL;

  if (self->import == NULL)
    return;

  import = g_object_ref (self->import);
  _lumbar_window_forget_import (self);
  /* The whole import at once: every entry it added, and only those. */
  if (lumbar_import_get_applied (import))
    lumbar_import_undo (import, NULL);
}

/* Takes back one change of the session (see lumbar_window_record_change()),
 * or says why it cannot be. */
void
_lumbar_window_undo_change (LumbarWindow *self,
                            guint         change)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->undo == NULL || change == 0)
    return;

  toast = g_hash_table_lookup (self->undo_toasts, GUINT_TO_POINTER (change));
  if (toast != NULL)
    {
      g_hash_table_remove (self->undo_toasts, GUINT_TO_POINTER (change));
      adw_toast_dismiss (toast);
    }

  if (!lumbar_undo_has_change (self->undo, change))
    return;
  if (!lumbar_undo_undo (self->undo, change, &error))
    lumbar_window_add_toast (self, adw_toast_new (error->message));
}

static void
undo_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _lumbar_window_undo_change (LUMBAR_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);

  if (self->undo != NULL)
    _lumbar_window_undo_change (self, lumbar_undo_peek_last (self->undo));
}

/* Ctrl+F: the Diary with its search bar open. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);

  lumbar_window_set_visible_page_name (self, "diary");
  if (self->diary_page != NULL)
    lumbar_diary_page_start_search (self->diary_page);
}

static void
on_backup_restored (LumbarWindow *self,
                    LumbarBackup *backup)
{
  g_autofree char *written = lumbar_format_date_time (lumbar_backup_get_written (backup));
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* The entries an import added may not be there any more, nor those the
   * session's changes were about. */
  _lumbar_window_forget_import (self);
  if (self->undo != NULL)
    lumbar_undo_clear (self->undo);

  /* Translators: %s is when the backup was written */
  title = g_strdup_printf (_("Diary restored from the backup of %s"), written);
  toast = adw_toast_new (title);
  lumbar_window_add_toast (self, toast);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LumbarWindow *self = LUMBAR_WINDOW (widget);
  LumbarBackupsWindow *window;

  if (self->store == NULL)
    return;

  window = lumbar_backups_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (window, "restored", G_CALLBACK (on_backup_restored), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

void
_lumbar_window_class_actions_init (LumbarWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-diary-folder", NULL, open_diary_folder_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-change", "u", undo_change_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "diary");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "history");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "tips");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

/**
 * _lumbar_window_actions_update:
 * @self: the main window
 *
 * Exporting and printing need a loaded diary with something in it; an
 * empty diary would make an empty report. Importing needs a diary that can
 * be changed; the backups can be looked at once the diary was read (or
 * found unreadable: that is when they matter most). Undo needs a diary
 * that can be changed, and Ctrl+Z a change to take back.
 */
void
_lumbar_window_actions_update (LumbarWindow *self)
{
  gboolean loaded = self->store != NULL && lumbar_store_get_loaded (self->store);
  gboolean writable = loaded && !lumbar_store_get_read_only (self->store);
  gboolean settled = loaded || (self->store != NULL && lumbar_store_get_read_only (self->store));
  gboolean has_entries = loaded && lumbar_journal_get_n_entries (lumbar_store_get_journal (self->store)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_entries);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_entries);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", writable && self->import != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", settled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && self->undo != NULL && lumbar_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-change", writable && self->undo != NULL);
}
