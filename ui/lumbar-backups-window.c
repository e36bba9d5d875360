/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-backups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-backups-window.h"
#include "lumbar-compat.h"
#include "lumbar-format.h"
#include "lumbar-review-window.h"

/* Backups… (DESIGN.md → Storage promises): each copy the store keeps in
 * backups/, most recently written first, with when it was written, how
 * many entries it holds over which days (read off the main thread), or
 * why it cannot be read. One opens read-only in a review window — the
 * person's own diary, spoken to in the second person like the main
 * window — and one is restored after a confirmation, the diary as it is
 * being kept as a backup first. */

struct _LumbarBackupsWindow
{
  AdwWindow             parent_instance;

  LumbarStore          *store;
  GListModel           *backups;    /* LumbarBackup, most recently written first */
  GCancellable         *cancellable;
  guint                 n_read;
  GtkWidget            *confirm_dialog;

  AdwPreferencesGroup  *backups_group;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (LumbarBackupsWindow, lumbar_backups_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_N_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_written (LumbarBackup *backup)
{
  return lumbar_format_date_time (lumbar_backup_get_written (backup));
}

/* Returns: (transfer full) (nullable): the backup listed for @path */
static LumbarBackup *
find_backup (LumbarBackupsWindow *self,
             const char          *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->backups); i++)
    {
      g_autoptr(LumbarBackup) backup = g_list_model_get_item (self->backups, i);

      if (g_strcmp0 (lumbar_backup_get_path (backup), path) == 0)
        return g_steal_pointer (&backup);
    }
  return NULL;
}

/* Rows
 *
 * A row shows when the backup was written, what it holds, and its two
 * buttons beside the text where they fit, below it where they do not (a
 * phone-sized window, or longer words than English has). */

typedef struct {
  GtkLabel  *subtitle;
  GtkWidget *buttons;
} BackupRow;

static GtkWidget *
row_button_new (const char *label,
                const char *accessible_label,
                const char *action_name,
                const char *path)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (path));
  /* Every row has the same two buttons: a screen reader says whose. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  lumbar_accessible_name_once (button);
  return button;
}

/* The text, and the buttons under it: beside it they left German text a
 * few words a line at 360 px, and a squeezer choosing between the two
 * measures the wide one below its minimum on GTK 4.18 (a warning). */
static GtkWidget *
row_layout_new (LumbarBackup *backup,
                const char   *written,
                GtkLabel    **subtitle,
                GtkWidget   **buttons)
{
  g_autofree char *open_name = NULL;
  g_autofree char *restore_name = NULL;
  const char *path = lumbar_backup_get_path (backup);
  GtkWidget *layout, *text, *title, *label;

  title = gtk_label_new (written);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  label = gtk_label_new (_("Reading…"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  *subtitle = GTK_LABEL (label);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), label);

  /* Translators: %s is when a backup was written */
  open_name = g_strdup_printf (_("Open the backup of %s"), written);
  /* Translators: %s is when a backup was written */
  restore_name = g_strdup_printf (_("Restore the backup of %s"), written);
  *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (*buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (*buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (*buttons), row_button_new (_("Open"), open_name, "backups.open", path));
  gtk_box_append (GTK_BOX (*buttons), row_button_new (_("Restore…"), restore_name, "backups.restore", path));

  layout = gtk_box_new (GTK_ORIENTATION_VERTICAL, 9);
  gtk_box_append (GTK_BOX (layout), text);
  gtk_box_append (GTK_BOX (layout), *buttons);
  return layout;
}

static GtkWidget *
row_new (LumbarBackup *backup)
{
  g_autofree char *written = format_written (backup);
  GtkWidget *row = adw_preferences_row_new ();
  BackupRow *parts = g_new0 (BackupRow, 1);
  GtkWidget *layout;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), written);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  layout = row_layout_new (backup, written, &parts->subtitle, &parts->buttons);
  gtk_widget_set_margin_top (layout, 9);
  gtk_widget_set_margin_bottom (layout, 9);
  gtk_widget_set_margin_start (layout, 12);
  gtk_widget_set_margin_end (layout, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), layout);

  g_object_set_data_full (G_OBJECT (row), "lumbar-backup-row", parts, g_free);
  return row;
}

static void
show_read (GtkWidget    *row,
           LumbarBackup *backup)
{
  BackupRow *parts = g_object_get_data (G_OBJECT (row), "lumbar-backup-row");
  const char *error = lumbar_backup_get_error (backup);
  g_autofree char *subtitle = NULL;
  LumbarDay first, last;

  if (error != NULL)
    /* Translators: %s says why a backup cannot be read */
    subtitle = g_strdup_printf (_("Cannot be read: %s"), error);
  else if (lumbar_backup_get_period (backup, &first, &last))
    {
      guint n = lumbar_backup_get_n_entries (backup);
      g_autofree char *period = lumbar_format_period (first, last);

      /* Translators: how many entries a backup holds, then the days they cover */
      subtitle = g_strdup_printf (ngettext ("%u entry, %s", "%u entries, %s", n), n, period);
    }
  else
    subtitle = g_strdup (_("No entries"));

  gtk_label_set_text (parts->subtitle, subtitle);
  gtk_widget_set_sensitive (parts->buttons, error == NULL);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  if (!g_task_return_error_if_cancelled (task))
    {
      lumbar_backup_read (LUMBAR_BACKUP (task_data));
      g_task_return_boolean (task, TRUE);
    }
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (source);
  g_autoptr(GtkWidget) row = user_data;

  /* Closed meanwhile: the rows are gone. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  show_read (row, g_task_get_task_data (G_TASK (result)));
  self->n_read++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_READ]);
}

static void
fill (LumbarBackupsWindow *self)
{
  guint n = g_list_model_get_n_items (self->backups);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LumbarBackup) backup = g_list_model_get_item (self->backups, i);
      g_autoptr(GTask) task = NULL;
      GtkWidget *row = row_new (backup);

      adw_preferences_group_add (self->backups_group, row);

      /* A backup can be as long as the diary: read each in a worker. */
      task = g_task_new (self, self->cancellable, on_read, g_object_ref (row));
      g_task_set_source_tag (task, fill);
      g_task_set_task_data (task, g_object_ref (backup), g_object_unref);
      g_task_run_in_thread (task, read_thread);
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *application = parent ? gtk_window_get_application (parent) : NULL;
  g_autoptr(GFile) file = NULL;

  if (application == NULL)
    return;

  /* Read-only, beside the diary: a review window changes nothing. */
  file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  lumbar_review_window_open_files (application, &file, 1, GTK_WINDOW (self));
}

static void
show_restore_error (LumbarBackupsWindow *self,
                    const GError        *error)
{
  GtkWidget *dialog = lumbar_message_dialog_new (GTK_WINDOW (self), _("Could Not Restore Backup"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     LumbarBackupsWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "lumbar-path");
  g_autoptr(LumbarBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_as = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  backup = find_backup (self, path);
  if (backup == NULL)
    return;

  if (!lumbar_store_restore_backup (self->store, path, &saved_as, &error))
    {
      show_restore_error (self, error);
      return;
    }

  g_debug ("Restored %s; the diary as it was is %s", path, saved_as);
  g_signal_emit (self, signals[RESTORED], 0, backup);
  /* Done here: the main window says so, with the restored diary. The
   * dialog is still answering; closing its parent now would destroy it
   * under its own feet. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *written = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LumbarBackup) backup = NULL;
  GtkWidget *dialog;

  backup = find_backup (self, path);
  if (backup == NULL)
    return;
  if (self->confirm_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->confirm_dialog));
      return;
    }

  written = format_written (backup);
  /* Translators: %s is when the backup was written */
  body = g_strdup_printf (_("Your diary will be replaced by the backup of %s. "
                            "Your diary as it is now is kept as a backup first, so you can come back to it."),
                          written);
  dialog = lumbar_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lumbar-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);

  self->confirm_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->confirm_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
lumbar_backups_window_dispose (GObject *object)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->confirm_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->confirm_dialog), (gpointer *) &self->confirm_dialog);
  self->confirm_dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->backups);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lumbar_backups_window_parent_class)->dispose (object);
}

static void
lumbar_backups_window_finalize (GObject *object)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lumbar_backups_window_parent_class)->finalize (object);
}

static void
lumbar_backups_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LumbarBackupsWindow *self = LUMBAR_BACKUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_N_READ:
      g_value_set_uint (value, self->n_read);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_backups_window_class_init (LumbarBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_backups_window_dispose;
  object_class->finalize = lumbar_backups_window_finalize;
  object_class->get_property = lumbar_backups_window_get_property;

  /**
   * LumbarBackupsWindow:n-read:
   *
   * How many backups have been read and their rows filled in.
   */
  properties[PROP_N_READ] =
    g_param_spec_uint ("n-read", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LumbarBackupsWindow::restored:
   * @backup: the backup the diary now holds
   *
   * The diary was replaced by @backup (and saved); the diary as it was
   * is a backup of its own now.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, LUMBAR_TYPE_BACKUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarBackupsWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarBackupsWindow, stack);

  gtk_widget_class_install_action (widget_class, "backups.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lumbar_backups_window_init (LumbarBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * lumbar_backups_window_new:
 * @parent: the main window
 * @store: the person's diary
 *
 * Returns: (transfer none): a new window listing the backups of @store,
 *   not presented
 */
LumbarBackupsWindow *
lumbar_backups_window_new (GtkWindow   *parent,
                           LumbarStore *store)
{
  LumbarBackupsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUMBAR_IS_STORE (store), NULL);

  self = g_object_new (LUMBAR_TYPE_BACKUPS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->backups = lumbar_store_list_backups (store);
  fill (self);
  return self;
}

/**
 * lumbar_backups_window_get_backups:
 *
 * Returns: (transfer none): the backups listed, most recently written
 *   first, as the rows show them
 */
GListModel *
lumbar_backups_window_get_backups (LumbarBackupsWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUPS_WINDOW (self), NULL);
  return self->backups;
}

/**
 * lumbar_backups_window_get_n_read:
 *
 * Returns: how many backups have been read so far
 */
guint
lumbar_backups_window_get_n_read (LumbarBackupsWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUPS_WINDOW (self), 0);
  return self->n_read;
}
