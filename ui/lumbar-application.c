/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#ifdef HAVE_LIBPORTAL
#include <libportal-gtk4/portal-gtk4.h>
#endif

#include "lumbar-application.h"
#include "lumbar-autostart.h"
#include "lumbar-compat.h"
#include "lumbar-error.h"
#include "lumbar-format.h"
#include "lumbar-import-service.h"
#include "lumbar-patients-window.h"
#include "lumbar-preferences-window.h"
#include "lumbar-reminders.h"
#include "lumbar-review-window.h"
#include "lumbar-welcome-window.h"
#include "lumbar-window.h"

/* Owns the one store (the diary on disk) that every window shows. */
struct _LumbarApplication
{
  AdwApplication  parent_instance;

  LumbarStore    *store;         /* read when the main window is first asked for */
  GCancellable   *cancellable;
  gboolean        load_started;
  gboolean        load_done;
  GPtrArray      *store_waiters; /* GTask: lumbar_application_load_store_async() */
  LumbarImportService *import_service;  /* `lumbar --import` while the app runs */
  GtkWidget      *quit_dialog;
  gboolean        quit_anyway;

  LumbarSettings  *settings;
  LumbarReminders *reminders;   /* from startup until shutdown */
  gboolean         held;        /* for reminders, with no window open */
  gboolean         reminders_on;
};

G_DEFINE_FINAL_TYPE (LumbarApplication, lumbar_application, ADW_TYPE_APPLICATION)

static void start_loading (LumbarApplication *self);

static void
close_all_windows (LumbarApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static gboolean
quit_anyway_cb (gpointer data)
{
  close_all_windows (LUMBAR_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
on_quit_response (AdwMessageDialog  *dialog,
                  const char        *response,
                  LumbarApplication *self)
{
  if (g_strcmp0 (response, "quit") != 0)
    return;

  /* The dialog is still answering; closing its parent now would destroy
   * it under its own feet. */
  self->quit_anyway = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, quit_anyway_cb, g_object_ref (self), g_object_unref);
}

static void
ask_before_quitting (LumbarApplication *self,
                     GtkWindow         *parent,
                     const char        *reason)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->quit_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->quit_dialog));
      return;
    }

  /* Translators: %s is why saving failed, a full sentence or more */
  body = g_strdup_printf (_("%s\n\nIf you quit now, the entries that are not saved yet will be lost."), reason);
  dialog = lumbar_message_dialog_new (parent, _("Quit Without Saving?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Lumbar Open"),
                                    "quit", _("_Quit Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quit_response), self, 0);

  self->quit_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->quit_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lumbar_application_confirm_close:
 * @self: the application
 * @window: (nullable): the window that is closing, parent of the question
 *
 * Saves what is not on disk yet. When that fails and entries would be
 * lost, asks whether to quit anyway; the answer closes every window.
 *
 * Returns: %TRUE if it is safe to close now, %FALSE if the question is shown
 */
gboolean
lumbar_application_confirm_close (LumbarApplication *self,
                                  GtkWindow         *window)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUMBAR_IS_APPLICATION (self), TRUE);

  if (self->quit_anyway || self->store == NULL)
    return TRUE;

  if (lumbar_store_flush (self->store, &error) || !lumbar_store_get_has_unsaved (self->store))
    return TRUE;

  ask_before_quitting (self, window, error ? error->message : lumbar_store_get_save_error (self->store));
  return FALSE;
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LumbarApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!lumbar_application_confirm_close (self, window))
    return;

  self->quit_anyway = TRUE;
  close_all_windows (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LumbarApplication *self = user_data;
  const char *developers[] = { _("Lumbar developers"), NULL };
  /* The notice the welcome gives, again where people look for it. */
  g_autofree char *comments = g_strdup_printf ("%s\n\n%s",
                                               _("Track back pain and follow your therapist's tips"),
                                               _("Lumbar is not a medical device. Warning signs mean you should seek medical care promptly."));

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Lumbar"),
                         /* Also in the resources, so it shows before installing. */
                         "application-icon", "io.github.lumbar.Lumbar",
                         "developer-name", _("Lumbar developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", comments,
                         "website", "https://github.com/lumbar/lumbar",
                         "issue-url", "https://github.com/lumbar/lumbar/issues",
                         "copyright", _("© 2026 Lumbar developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The shortcuts window is built when asked for, not with every window as
 * GtkApplication does for gtk/help-overlay.ui: that cost each window's
 * first frame several milliseconds. */
static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/lumbar/Lumbar/lumbar-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

static void
open_log_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  lumbar_review_window_choose_files (app, gtk_application_get_active_window (app));
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  lumbar_patients_window_choose_folder (app, gtk_application_get_active_window (app));
}

/* The main window, made if there is none; review and patients windows
 * are not it. */
static LumbarWindow *
present_main_window (LumbarApplication *self)
{
  LumbarWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LUMBAR_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  start_loading (self);
  if (window == NULL)
    window = lumbar_window_new (self, self->store);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A reminder's default action and its "Log pain" button. */
static void
log_pain_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LumbarApplication *self = user_data;

  lumbar_window_focus_pain_form (present_main_window (self));
}

static gboolean
kind_from_parameter (GVariant   *parameter,
                     LumbarKind *kind)
{
  const char *name = g_variant_get_string (parameter, NULL);

  return lumbar_kind_from_string (name, kind) &&
         (*kind == LUMBAR_KIND_REST || *kind == LUMBAR_KIND_INCLINE);
}

static char *
timer_notification_id (LumbarKind kind)
{
  return g_strconcat ("timer-", lumbar_kind_to_string (kind), NULL);
}

/* "Stop" on a long timer's notification: the same as Stop on Today, so a
 * forgotten timer asks when it ended there. */
static void
stop_timer_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LumbarApplication *self = user_data;
  g_autofree char *id = NULL;
  LumbarWindow *window;
  LumbarTodayPage *today;
  LumbarKind kind;

  if (!kind_from_parameter (parameter, &kind))
    return;
  id = timer_notification_id (kind);
  g_application_withdraw_notification (G_APPLICATION (self), id);

  window = present_main_window (self);
  lumbar_window_set_visible_page_name (window, "today");
  today = lumbar_window_get_today_page (window);
  if (today != NULL)
    lumbar_today_page_stop_timer (today, kind);
}

static void
keep_timer_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_autofree char *id = NULL;
  LumbarKind kind;

  if (!kind_from_parameter (parameter, &kind))
    return;
  id = timer_notification_id (kind);
  g_application_withdraw_notification (G_APPLICATION (user_data), id);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LumbarApplication *self = user_data;

  lumbar_preferences_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                     self->settings);
}

static const GActionEntry app_actions[] = {
  { "log-pain", log_pain_action },
  { "stop-timer", stop_timer_action, "s" },
  { "keep-timer", keep_timer_action, "s" },
  { "preferences", preferences_action },
  { "open-log", open_log_action },
  { "open-folder", open_folder_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

/* Reminders */

static void
on_remind (LumbarApplication *self,
           const char        *time,
           gint64             due)
{
  g_autoptr(GNotification) notification = g_notification_new (_("How is your back?"));
  g_autofree char *id = g_strconcat ("reminder-", time, NULL);

  g_notification_set_body (notification, _("Take a moment to log your pain, so your tips follow your days."));
  g_notification_set_default_action (notification, "app.log-pain");
  g_notification_add_button (notification, _("Log Pain"), "app.log-pain");
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
on_timer_overdue (LumbarApplication *self,
                  int                kind,
                  gint64             start)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *since = local ? lumbar_format_time (local) : g_strdup ("?");
  g_autofree char *body = NULL;
  g_autofree char *id = timer_notification_id (kind);
  const char *name = lumbar_kind_to_string (kind);

  if (kind == LUMBAR_KIND_REST)
    {
      notification = g_notification_new (_("Still resting?"));
      /* Translators: %s is a time of day */
      body = g_strdup_printf (_("Your rest timer has been running since %s."), since);
    }
  else
    {
      notification = g_notification_new (_("Still sitting inclined?"));
      /* Translators: %s is a time of day */
      body = g_strdup_printf (_("Your inclined-sitting timer has been running since %s."), since);
    }
  g_notification_set_body (notification, body);
  g_notification_add_button_with_target (notification, _("Stop"), "app.stop-timer", "s", name);
  g_notification_add_button_with_target (notification, _("Keep Going"), "app.keep-timer", "s", name);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

#ifdef HAVE_LIBPORTAL
static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    g_message ("The Background portal refused to start Lumbar at login: %s", error->message);
}
#endif

/* Starts Lumbar at login exactly while reminders are on. */
static void
set_autostart (LumbarApplication *self,
               gboolean           enabled)
{
  g_autoptr(GError) error = NULL;

  if (lumbar_autostart_in_sandbox ())
    {
#ifdef HAVE_LIBPORTAL
      g_autoptr(XdpPortal) portal = xdp_portal_new ();
      g_autoptr(GPtrArray) command = g_ptr_array_new_with_free_func (g_free);
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      XdpParent *parent = window ? xdp_parent_new_gtk (window) : NULL;

      g_ptr_array_add (command, g_strdup ("lumbar"));
      g_ptr_array_add (command, g_strdup ("--gapplication-service"));
      xdp_portal_request_background (portal, parent,
                                     _("Lumbar reminds you to log your pain at the times you chose."),
                                     command,
                                     enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                     NULL, on_background_requested, NULL);
      g_clear_pointer (&parent, xdp_parent_free);
#endif
      return;
    }

  if (!lumbar_autostart_set_enabled (enabled, &error))
    g_message ("The autostart entry could not be %s: %s", enabled ? "written" : "removed", error->message);
}

/* reminder-times changed (or at startup): remind at the new times; while
 * there are any, outlive the last window and start at login. */
static void
on_reminder_times_changed (LumbarApplication *self)
{
  g_auto(GStrv) times = lumbar_settings_dup_reminder_times (self->settings);
  gboolean on = times[0] != NULL;
  gboolean changed = on != self->reminders_on;

  self->reminders_on = on;
  if (on)
    start_loading (self);
  lumbar_reminders_set_times (self->reminders, (const char * const *) times);

  if (on && !self->held)
    {
      g_application_hold (G_APPLICATION (self));
      self->held = TRUE;
    }
  else if (!on && self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  if (changed)
    set_autostart (self, on);
}

/* GApplication */

/* Answers one lumbar_application_load_store_async(): the store, when the
 * diary can be changed. */
static void
return_store (LumbarApplication *self,
              GTask             *task)
{
  const char *reason;

  if (self->store != NULL &&
      lumbar_store_get_loaded (self->store) &&
      !lumbar_store_get_read_only (self->store))
    {
      g_task_return_pointer (task, g_object_ref (self->store), g_object_unref);
      return;
    }

  reason = self->store ? lumbar_store_get_read_only_reason (self->store) : NULL;
  g_task_return_new_error (task, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY, "%s",
                           reason ? reason : _("Your diary could not be opened for changes."));
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LumbarApplication) self = user_data;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->store_waiters);
  g_autoptr(GError) error = NULL;

  /* A failure leaves the store read-only with a reason the window shows. */
  if (!lumbar_store_load_finish (LUMBAR_STORE (source), result, &error))
    g_debug ("The diary could not be opened: %s", error->message);
  self->load_done = TRUE;

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    return_store (self, g_ptr_array_index (waiters, i));
}

/* Reads the person's own diary, once, off the main thread. Only what
 * needs it starts this: `lumbar FILE…` opens review windows without
 * reading the diary (or taking its lock). */
static void
start_loading (LumbarApplication *self)
{
  if (self->load_started || lumbar_store_get_loaded (self->store))
    return;

  self->load_started = TRUE;
  lumbar_store_load_async (self->store, self->cancellable, on_load_done, g_object_ref (self));
}

/**
 * lumbar_application_load_store_async:
 * @self: the application
 * @cancellable: (nullable): a cancellable
 * @callback: called when the diary is read, or could not be opened
 * @user_data: for @callback
 *
 * Reads the person's own diary if no window has yet (a review window's
 * "Add to My Diary", an import handed in from the command line), the way
 * the main window does, and waits for it.
 */
void
lumbar_application_load_store_async (LumbarApplication   *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LUMBAR_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lumbar_application_load_store_async);

  if (self->store == NULL || lumbar_store_get_loaded (self->store) || self->load_done)
    {
      return_store (self, task);
      return;
    }

  if (self->store_waiters == NULL)
    self->store_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->store_waiters, g_object_ref (task));
  start_loading (self);
}

/**
 * lumbar_application_load_store_finish:
 * @self: the application
 * @result: the result given to the callback
 * @error: why the diary cannot be changed: another Lumbar has it, it is
 *   of a newer version, it could not be read
 *
 * Returns: (transfer full) (nullable): the store, loaded and writable
 */
LumbarStore *
lumbar_application_load_store_finish (LumbarApplication  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (LUMBAR_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The one store, made when the application registers (the import service
 * needs it) or starts. Making it reads nothing. */
static void
ensure_store (LumbarApplication *self)
{
  if (self->store == NULL)
    self->store = lumbar_store_new (NULL);
}

/* `lumbar --import FILE` handed to this app: merged already, without a
 * preview (asked for from a terminal, which prints the counts); the main
 * window offers Undo. */
static void
on_imported (LumbarApplication *self,
             LumbarImport      *import,
             const char        *path)
{
  if (lumbar_import_get_n_new (import) == 0)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LUMBAR_IS_WINDOW (l->data))
      {
        lumbar_window_show_import (LUMBAR_WINDOW (l->data), import);
        return;
      }
}

static gboolean
lumbar_application_dbus_register (GApplication     *application,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  LumbarApplication *self = LUMBAR_APPLICATION (application);

  if (!G_APPLICATION_CLASS (lumbar_application_parent_class)->dbus_register (application, connection,
                                                                             object_path, error))
    return FALSE;

  /* Only the lock holder writes the diary: while this app runs, the
   * command line hands --import to it here. */
  ensure_store (self);
  self->import_service = lumbar_import_service_new (self->store);
  g_signal_connect_object (self->import_service, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  return lumbar_import_service_export (self->import_service, connection, object_path, error);
}

static void
lumbar_application_dbus_unregister (GApplication    *application,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  LumbarApplication *self = LUMBAR_APPLICATION (application);

  if (self->import_service != NULL)
    lumbar_import_service_unexport (self->import_service);
  g_clear_object (&self->import_service);

  G_APPLICATION_CLASS (lumbar_application_parent_class)->dbus_unregister (application, connection, object_path);
}

/* `lumbar FILE…`: each exported log in a read-only review window, and no
 * main window (the person's own diary is not needed to review). */
static void
lumbar_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  lumbar_review_window_open_files (GTK_APPLICATION (application), files, n_files, NULL);
}

static void
lumbar_application_startup (GApplication *application)
{
  LumbarApplication *self = LUMBAR_APPLICATION (application);
  const char *quit_accels[] = { "<Primary>q", NULL };
  const char *close_accels[] = { "<Primary>w", NULL };
  const char *open_log_accels[] = { "<Primary>o", NULL };
  const char *open_folder_accels[] = { "<Primary><Shift>o", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (lumbar_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-log", open_log_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-folder", open_folder_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  ensure_store (self);

  self->settings = lumbar_settings_new ();
  self->reminders = lumbar_reminders_new (self->store);
  g_signal_connect_object (self->reminders, "remind", G_CALLBACK (on_remind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "timer-overdue", G_CALLBACK (on_timer_overdue), self, G_CONNECT_SWAPPED);
  /* The entry follows the setting, also when it was changed while Lumbar
   * was not running; without the schema nothing is remembered, so the
   * entry is left alone. In a sandbox, each start with reminders asks the
   * portal again. */
  self->reminders_on = lumbar_settings_get_persistent (self->settings) &&
                       !lumbar_autostart_in_sandbox () &&
                       lumbar_autostart_get_enabled ();
  g_signal_connect_object (self->settings, "notify::reminder-times",
                           G_CALLBACK (on_reminder_times_changed), self, G_CONNECT_SWAPPED);
  on_reminder_times_changed (self);
}

static void
lumbar_application_activate (GApplication *application)
{
  LumbarApplication *self = LUMBAR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The window appears at once and fills in when the diary is read. */
  start_loading (self);

  if (window == NULL)
    window = GTK_WINDOW (lumbar_window_new (self, self->store));

  gtk_window_present (window);

  if (LUMBAR_IS_WINDOW (window) && !lumbar_settings_get_welcome_shown (self->settings))
    lumbar_welcome_window_present (window, self->settings);
}

static void
lumbar_application_shutdown (GApplication *application)
{
  LumbarApplication *self = LUMBAR_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  /* Normally already done when the last window closed; this catches a
   * quit that closed no window. */
  if (self->store != NULL && !lumbar_store_flush (self->store, &error))
    g_debug ("Quitting with unsaved entries: %s", error->message);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (lumbar_application_parent_class)->shutdown (application);

  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
}

static void
lumbar_application_dispose (GObject *object)
{
  LumbarApplication *self = (LumbarApplication *) object;

  g_clear_object (&self->import_service);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->store_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (lumbar_application_parent_class)->dispose (object);
}

static void
lumbar_application_class_init (LumbarApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lumbar_application_dispose;

  app_class->dbus_register = lumbar_application_dbus_register;
  app_class->dbus_unregister = lumbar_application_dbus_unregister;
  app_class->open = lumbar_application_open;
  app_class->startup = lumbar_application_startup;
  app_class->activate = lumbar_application_activate;
  app_class->shutdown = lumbar_application_shutdown;
}

static void
lumbar_application_init (LumbarApplication *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * lumbar_application_init_i18n:
 *
 * The locale from the environment and Lumbar's translations, from
 * LUMBAR_LOCALEDIR (the build tree) or the installed ones; what a program
 * does first, before the command line or GTK.
 */
void
lumbar_application_init_i18n (void)
{
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * lumbar_application_new:
 *
 * Files on the command line (`lumbar FILE…`) open as exported logs in
 * read-only review windows (%G_APPLICATION_HANDLES_OPEN).
 */
LumbarApplication *
lumbar_application_new (void)
{
  return g_object_new (LUMBAR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/lumbar/Lumbar",
                       NULL);
}

/**
 * lumbar_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store, from startup until shutdown
 */
LumbarStore *
lumbar_application_get_store (LumbarApplication *self)
{
  g_return_val_if_fail (LUMBAR_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * lumbar_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, from startup on
 */
LumbarSettings *
lumbar_application_get_settings (LumbarApplication *self)
{
  g_return_val_if_fail (LUMBAR_IS_APPLICATION (self), NULL);
  return self->settings;
}
