/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-diary-row.h"
#include "lumbar-error.h"
#include "lumbar-format.h"
#include "lumbar-import-dialog.h"

/* Import… and "Add to My Diary" (DESIGN.md → Import): the file is read off
 * the main thread, compared with the person's diary, and a preview says
 * what would change — new entries, those already there, conflicts — before
 * anything does. Adding is one change with one Undo, offered by the window
 * that asked. A file that cannot be imported changes nothing and says why. */

/* The conflict list scrolls beyond this height. */
#define CONFLICTS_MAX_HEIGHT 220

typedef struct {
  GWeakRef                 parent;
  LumbarStore             *store;
  GFile                   *file;
  char                    *file_name;
  LumbarImport            *import;
  LumbarImportAppliedFunc  applied;
} ImportFlow;

static void
import_flow_free (ImportFlow *flow)
{
  g_weak_ref_clear (&flow->parent);
  g_clear_object (&flow->store);
  g_clear_object (&flow->file);
  g_clear_object (&flow->import);
  g_free (flow->file_name);
  g_free (flow);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportFlow, import_flow_free)

static char *
dup_file_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  /* The name as the user knows it; a path for local files. */
  return g_path_get_basename (parse_name);
}

/* Where a file is broken, as a sentence. */
static char *
describe_error (const GError *error)
{
  guint line, column;

  if (lumbar_error_get_position (error, &line, &column))
    /* Translators: where a file is broken, then what is wrong */
    return g_strdup_printf (_("Line %u, column %u: %s"), line, column, error->message);

  return g_strdup (error->message);
}

/**
 * lumbar_import_dialog_show_error:
 * @parent: (nullable): the window that asked
 * @file_name: the file as the person knows it
 * @error: why it was not imported
 *
 * Says that @file_name was not imported, and why; nothing changed.
 */
void
lumbar_import_dialog_show_error (GtkWindow    *parent,
                                 const char   *file_name,
                                 const GError *error)
{
  g_autofree char *reason = describe_error (error);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: a file that could not be imported, then why */
  body = g_strdup_printf (_("“%s” cannot be imported: %s"), file_name, reason);
  dialog = lumbar_message_dialog_new (parent, _("Could Not Import"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lumbar_import_toast_new:
 * @import: an applied import
 *
 * The toast that says how many entries were added, with an Undo button
 * that activates "win.undo-import" in the window showing it.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
lumbar_import_toast_new (LumbarImport *import)
{
  guint n = lumbar_import_get_n_new (import);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (LUMBAR_IS_IMPORT (import), NULL);

  title = g_strdup_printf (ngettext ("%u entry added", "%u entries added", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  /* Undoing a whole import is worth a little longer than the default. */
  adw_toast_set_timeout (toast, 10);
  return toast;
}

/* The preview */

static GtkWidget *
conflict_row_new (LumbarEntry *entry)
{
  g_autoptr(GDateTime) date_time = lumbar_entry_dup_date_time (entry);
  g_autofree char *when = lumbar_format_date_time (date_time);
  g_autofree char *details = lumbar_diary_format_details (entry);
  g_autofree char *what = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  /* Translators: the kind of an entry, then its values, e.g. "Pain · Local 6" */
  what = g_strdup_printf (_("%s · %s"), lumbar_kind_get_label (lumbar_entry_get_kind (entry)), details);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  icon = gtk_image_new_from_icon_name (lumbar_diary_kind_icon_name (lumbar_entry_get_kind (entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lumbar_kind_get_label (lumbar_entry_get_kind (entry)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
conflicts_new (GPtrArray *conflicts)
{
  GtkWidget *box, *label, *scrolled, *list;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  label = gtk_label_new (ngettext ("Your diary keeps its own version of this entry, which is different in the file:",
                                   "Your diary keeps its own version of these entries, which are different in the file:",
                                   conflicts->len));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conflicting entries"), -1);
  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), conflict_row_new (g_ptr_array_index (conflicts, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), CONFLICTS_MAX_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  return box;
}

/**
 * lumbar_import_dialog_new_preview:
 * @parent: (nullable): the window that asked
 * @import: an import not applied yet
 * @file_name: the file as the person knows it
 *
 * What importing would do, before it does anything: how many entries are
 * new, already in the diary or in conflict (the file's versions listed;
 * the diary keeps its own). Its responses are "add" and "cancel", or only
 * "close" when nothing is new.
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
lumbar_import_dialog_new_preview (GtkWindow    *parent,
                                  LumbarImport *import,
                                  const char   *file_name)
{
  guint n_new = lumbar_import_get_n_new (import);
  guint n_same = lumbar_import_get_n_same (import);
  guint n_conflicts = lumbar_import_get_n_conflicts (import);
  g_autofree char *heading = NULL;
  g_autofree char *line_new = NULL;
  g_autofree char *line_same = NULL;
  g_autofree char *line_conflicts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (LUMBAR_IS_IMPORT (import), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (n_new > 0)
    /* Translators: %s is the name of the file to import */
    heading = g_strdup_printf (_("Add Entries From “%s”?"), file_name);
  else
    /* Translators: %s is the name of the file to import */
    heading = g_strdup_printf (_("Nothing New in “%s”"), file_name);

  /* One line per count: a list, not a sentence made of pieces. */
  line_new = g_strdup_printf (ngettext ("%u new entry", "%u new entries", n_new), n_new);
  line_same = g_strdup_printf (ngettext ("%u already in your diary", "%u already in your diary", n_same), n_same);
  line_conflicts = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", n_conflicts), n_conflicts);
  body = g_strjoin ("\n", line_new, line_same, line_conflicts, NULL);

  dialog = lumbar_message_dialog_new (parent, heading, body);
  if (n_conflicts > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                        conflicts_new (lumbar_import_get_conflicts (import)));

  if (n_new > 0)
    {
      g_autofree char *add = g_strdup_printf (ngettext ("_Add %u Entry", "_Add %u Entries", n_new), n_new);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "add", add,
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    }
  return dialog;
}

/* Reading and adding */

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportFlow       *flow)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&flow->parent);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  if (!lumbar_import_apply (flow->import, &error))
    {
      lumbar_import_dialog_show_error (parent, flow->file_name, error);
      return;
    }
  if (parent != NULL && flow->applied != NULL)
    flow->applied (parent, flow->import);
}

/* The diary is compared on the main thread, where it lives. */
static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportFlow) flow = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&flow->parent);
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  doc = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window that asked is gone: nobody is there to answer. */
  if (parent == NULL)
    return;

  if (doc != NULL &&
      (!lumbar_store_get_loaded (flow->store) || lumbar_store_get_read_only (flow->store)))
    {
      const char *reason = lumbar_store_get_read_only_reason (flow->store);

      g_set_error (&error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY, "%s",
                   reason ? reason : _("Your diary is not open for changes."));
    }
  if (error == NULL)
    flow->import = lumbar_import_new (lumbar_store_get_journal (flow->store), doc, &error);
  if (flow->import == NULL)
    {
      lumbar_import_dialog_show_error (parent, flow->file_name, error);
      return;
    }

  dialog = lumbar_import_dialog_new_preview (parent, flow->import, flow->file_name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_preview_response),
                         g_steal_pointer (&flow), (GClosureNotify) (void (*) (void)) import_flow_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LumbarDocument *doc;

  /* A newer version is refused: merging could drop what this version
   * does not understand. */
  doc = lumbar_document_load_file (G_FILE (task_data), LUMBAR_PARSE_DEFAULT, &error);
  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, (GDestroyNotify) lumbar_document_free);
}

/**
 * lumbar_import_dialog_open_file:
 * @parent: the window that asked; the preview and any message belong to it
 * @store: the person's diary, loaded and writable
 * @file: the diary or export to add
 * @applied: (nullable): called when the entries were added
 *
 * Reads @file off the main thread, then shows the preview over @parent;
 * its Add button adds the new entries.
 */
void
lumbar_import_dialog_open_file (GtkWindow               *parent,
                                LumbarStore             *store,
                                GFile                   *file,
                                LumbarImportAppliedFunc  applied)
{
  g_autoptr(GTask) task = NULL;
  ImportFlow *flow;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (LUMBAR_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  flow = g_new0 (ImportFlow, 1);
  g_weak_ref_init (&flow->parent, parent);
  flow->store = g_object_ref (store);
  flow->file = g_object_ref (file);
  flow->file_name = dup_file_name (file);
  flow->applied = applied;

  task = g_task_new (NULL, NULL, on_file_loaded, flow);
  g_task_set_source_tag (task, lumbar_import_dialog_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

typedef struct {
  GWeakRef                 parent;
  LumbarStore             *store;
  LumbarImportAppliedFunc  applied;
} ChooseData;

static void
on_chooser_response (GtkFileChooserNative *chooser,
                     int                   response,
                     ChooseData           *data)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&data->parent);

  if (response == GTK_RESPONSE_ACCEPT && parent != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lumbar_import_dialog_open_file (parent, data->store, file, data->applied);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_weak_ref_clear (&data->parent);
  g_object_unref (data->store);
  g_free (data);
}

/**
 * lumbar_import_dialog_choose_file:
 * @parent: the window that asked
 * @store: the person's diary, loaded and writable
 * @applied: (nullable): called when the entries were added
 *
 * Asks for a diary or export to add, then does what
 * lumbar_import_dialog_open_file() does with it.
 */
void
lumbar_import_dialog_choose_file (GtkWindow               *parent,
                                  LumbarStore             *store,
                                  LumbarImportAppliedFunc  applied)
{
  g_autoptr(GtkFileFilter) diaries = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (LUMBAR_IS_STORE (store));

  gtk_file_filter_set_name (diaries, _("Lumbar diaries"));
  gtk_file_filter_add_mime_type (diaries, "application/x-lumbar-journal");
  gtk_file_filter_add_pattern (diaries, "*.lumbar.json");
  /* Backups and a journal copied from another computer are plain .json. */
  gtk_file_filter_set_name (json, _("JSON files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");

  chooser = gtk_file_chooser_native_new (_("Import Diary"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), diaries);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), diaries);

  data = g_new0 (ChooseData, 1);
  g_weak_ref_init (&data->parent, parent);
  data->store = g_object_ref (store);
  data->applied = applied;
  /* The chooser is its own reference until it answers. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
