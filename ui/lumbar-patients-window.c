/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-patients-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-format.h"
#include "lumbar-patients-window.h"
#include "lumbar-review-window.h"
#include "lumbar-style.h"

/* Several exported logs at once, for a therapist with many patients: a row
 * per file, warning signs first (DESIGN.md → the therapist's desk). The
 * figures are the engine's (#LumbarPatient); activating a row opens that
 * patient's review window. A folder is followed as files arrive. */

struct _LumbarPatientsWindow
{
  AdwApplicationWindow  parent_instance;

  LumbarPatientList    *list;

  AdwStatusPage        *empty_page;
  GtkListBox           *list_box;
  GtkLabel             *red_flags_label;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (LumbarPatientsWindow, lumbar_patients_window, ADW_TYPE_APPLICATION_WINDOW)

static void
lumbar_patients_window_dispose (GObject *object)
{
  LumbarPatientsWindow *self = LUMBAR_PATIENTS_WINDOW (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_PATIENTS_WINDOW);

  G_OBJECT_CLASS (lumbar_patients_window_parent_class)->dispose (object);
}

static void
lumbar_patients_window_class_init (LumbarPatientsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_patients_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-patients-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, red_flags_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LumbarPatientsWindow, window_title);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lumbar_patients_window_init (LumbarPatientsWindow *self)
{
  lumbar_style_ensure ("lumbar-review.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  lumbar_review_window_install_drop_target (GTK_WIDGET (self), NULL);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static char *
dup_subtitle (LumbarPatient *patient)
{
  const LumbarDocumentDays *days = lumbar_patient_get_days (patient);
  g_autofree char *period = NULL;
  g_autofree char *last = NULL;

  if (days == NULL)
    /* Translators: a log in the Patients window that cannot be read, then why */
    return g_strdup_printf (_("Cannot be read: %s"), lumbar_patient_get_error (patient));

  period = lumbar_format_period (days->from, days->to);
  if (lumbar_patient_get_last_entry_day (patient) == LUMBAR_DAY_INVALID)
    /* Translators: a log's period, for a log without entries */
    return g_strdup_printf (_("%s · no entries"), period);
  last = lumbar_format_date (lumbar_patient_get_last_entry_day (patient), LUMBAR_DATE_SHORT);
  /* Translators: a log's period, then the day of its last entry */
  return g_strdup_printf (_("%s · last entry %s"), period, last);
}

/* Everything a row says under the name, one fact a line, so that it
 * wraps at any width (360 px too): warning signs, period and last entry,
 * pain, tips. Markup. */
static char *
dup_details (LumbarPatient *patient)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *subtitle = dup_subtitle (patient);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  if (lumbar_patient_get_red_flags (patient))
    {
      /* Translators: first line of a patient who logged warning signs */
      g_autofree char *flags = g_markup_escape_text (_("Warning signs logged, prompt medical care advised"), -1);

      g_string_append_printf (text, "<b>%s</b>\n", flags);
    }
  g_string_append (text, escaped);

  if (lumbar_patient_get_error (patient) == NULL)
    {
      g_autofree char *pain = lumbar_patient_dup_pain_text (patient);
      g_autofree char *tips = lumbar_patient_dup_tips_text (patient);
      /* Translators: a patient's mean pain, "Pain: 5.1 over the last 7 days, +0.8 points (+19%)" */
      g_autofree char *pain_line = g_strdup_printf (_("Pain: %s"), pain);
      g_autofree char *pain_markup = g_markup_escape_text (pain_line, -1);
      g_autofree char *tips_markup = g_markup_escape_text (tips, -1);

      g_string_append_printf (text, "\n%s\n%s", pain_markup, tips_markup);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LumbarPatient *patient = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (lumbar_patient_get_title (patient), -1);
  g_autofree char *details = dup_details (patient);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "patient", g_object_ref (patient), g_object_unref);

  if (lumbar_patient_get_red_flags (patient))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "lumbar-patients-flag");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning signs"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "lumbar-patients-flagged");
    }

  if (lumbar_patient_get_error (patient) == NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
on_row_activated (LumbarPatientsWindow *self,
                  GtkListBoxRow        *row)
{
  LumbarPatient *patient = g_object_get_data (G_OBJECT (row), "patient");
  GFile *file;

  if (patient == NULL || lumbar_patient_get_error (patient) != NULL)
    return;
  file = lumbar_patient_get_file (patient);
  lumbar_review_window_open_files (gtk_window_get_application (GTK_WINDOW (self)), &file, 1, GTK_WINDOW (self));
}

static void
update_state (LumbarPatientsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint n_flags = lumbar_patient_list_get_n_red_flags (self->list);
  gboolean loading = lumbar_patient_list_get_loading (self->list);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || loading ? "list" : "empty");

  if (n_flags > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u patient logged warning signs in their last week and was advised to seek medical care.",
                                                         "%u patients logged warning signs in their last week and were advised to seek medical care.",
                                                         n_flags),
                                               n_flags);

      gtk_label_set_label (self->red_flags_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->red_flags_label), n_flags > 0);

  if (lumbar_patient_list_get_folder (self->list) == NULL)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u log", "%u logs", n), n);

      adw_window_title_set_subtitle (self->window_title, count);
    }
}

static LumbarPatientsWindow *
patients_window_new (GtkApplication *application)
{
  LumbarPatientsWindow *self = g_object_new (LUMBAR_TYPE_PATIENTS_WINDOW, "application", application, NULL);

  self->list = lumbar_patient_list_new ();
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->list), create_row, self, NULL);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (update_state), self);
  return self;
}

/**
 * lumbar_patients_window_new_for_files:
 * @application: the application
 * @files: (array length=n_files): exported logs
 * @n_files: how many
 *
 * Returns: (transfer none): a new window listing @files, not presented;
 *   they are read in the background
 */
LumbarPatientsWindow *
lumbar_patients_window_new_for_files (GtkApplication  *application,
                                      GFile          **files,
                                      guint            n_files)
{
  LumbarPatientsWindow *self = patients_window_new (application);

  lumbar_patient_list_add_files (self->list, files, n_files);
  update_state (self);
  return self;
}

/**
 * lumbar_patients_window_new_for_folder:
 * @application: the application
 * @folder: a folder of exported logs
 *
 * Returns: (transfer none): a new window listing the logs in @folder and
 *   following it, not presented
 */
LumbarPatientsWindow *
lumbar_patients_window_new_for_folder (GtkApplication *application,
                                       GFile          *folder)
{
  LumbarPatientsWindow *self = patients_window_new (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (folder);

  adw_window_title_set_subtitle (self->window_title, name);
  if (!lumbar_patient_list_set_folder (self->list, folder, &error))
    {
      /* Translators: a folder that cannot be listed, then why */
      g_autofree char *text = g_strdup_printf (_("The folder cannot be read: %s"), error->message);

      adw_status_page_set_description (self->empty_page, text);
    }
  update_state (self);
  return self;
}

/* The Patients window already following @folder, if any. */
static LumbarPatientsWindow *
find_folder_window (GtkApplication *application,
                    GFile          *folder)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (LUMBAR_IS_PATIENTS_WINDOW (l->data))
      {
        GFile *shown = lumbar_patients_window_get_folder (l->data);

        if (shown != NULL && g_file_equal (shown, folder))
          return l->data;
      }
  return NULL;
}

/**
 * lumbar_patients_window_route:
 * @application: the application
 * @files: (array length=n_files): what the person opened
 * @n_files: how many
 *
 * Several logs, or a folder of them, open one Patients window (a folder's
 * is raised if it is open already). One log alone is left to its review
 * window.
 *
 * Returns: (transfer full) (nullable): the one log left, or %NULL when
 *   everything was opened here
 */
GFile *
lumbar_patients_window_route (GtkApplication  *application,
                              GFile          **files,
                              guint            n_files)
{
  g_autoptr(GPtrArray) logs = g_ptr_array_new ();

  for (guint i = 0; i < n_files; i++)
    {
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          LumbarPatientsWindow *window = find_folder_window (application, files[i]);

          if (window == NULL)
            window = lumbar_patients_window_new_for_folder (application, files[i]);
          gtk_window_present (GTK_WINDOW (window));
        }
      else
        g_ptr_array_add (logs, files[i]);
    }

  if (logs->len == 1)
    return g_object_ref (g_ptr_array_index (logs, 0));
  if (logs->len > 1)
    gtk_window_present (GTK_WINDOW (lumbar_patients_window_new_for_files (application, (GFile **) logs->pdata,
                                                                          logs->len)));
  return NULL;
}

static void
on_folder_chosen (GtkFileChooserNative *chooser,
                  int                   response,
                  gpointer              user_data)
{
  GtkApplication *application = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        lumbar_review_window_open_files (application, &folder, 1,
                                         gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser)));
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (application));
  g_object_unref (application);
}

/**
 * lumbar_patients_window_choose_folder:
 * @application: the application
 * @parent: (nullable): the window that asked
 *
 * Asks for a folder of exported logs and shows it in a Patients window.
 */
void
lumbar_patients_window_choose_folder (GtkApplication *application,
                                      GtkWindow      *parent)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  chooser = gtk_file_chooser_native_new (_("Open Folder of Exported Logs"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* The chooser is its own reference until it answers. */
  g_application_hold (G_APPLICATION (application));
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), g_object_ref (application));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * lumbar_patients_window_get_list:
 *
 * Returns: (transfer none): the patients shown
 */
LumbarPatientList *
lumbar_patients_window_get_list (LumbarPatientsWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENTS_WINDOW (self), NULL);
  return self->list;
}

/**
 * lumbar_patients_window_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder followed
 */
GFile *
lumbar_patients_window_get_folder (LumbarPatientsWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENTS_WINDOW (self), NULL);
  return lumbar_patient_list_get_folder (self->list);
}
