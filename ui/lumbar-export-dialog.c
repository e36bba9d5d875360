/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-export-dialog.h"
#include "lumbar-format.h"
#include "lumbar-print.h"
#include "lumbar-report.h"

/* Writes the diary, or a period of it, as a PDF report, a CSV table or a
 * Lumbar file for a therapist; in print mode the same choices lead to the
 * print dialog instead of a file. The file is written off the main thread:
 * a PDF of years of entries takes a moment. */
struct _LumbarExportDialog
{
  AdwWindow             parent_instance;

  LumbarJournal        *journal;
  gboolean              printing;
  LumbarDay             today;          /* presets count back from here */
  LumbarRange     range;
  LumbarDay             custom_from;
  LumbarDay             custom_to;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GFile                *exported_file;  /* the last file written, for "Open" */
  gboolean              busy;
  gboolean              syncing;        /* setting widgets from the state */

  GtkButton            *action_button;
  GtkButton            *cancel_button;
  GtkCheckButton       *csv_check;
  GtkWidget            *error_group;
  GtkLabel             *error_label;
  GtkCheckButton       *fhir_check;
  AdwPreferencesGroup  *format_group;
  GtkMenuButton        *from_button;
  GtkCalendar          *from_calendar;
  AdwActionRow         *from_row;
  GtkCheckButton       *json_check;
  AdwEntryRow          *name_row;
  GtkCheckButton       *pdf_check;
  AdwPreferencesGroup  *range_group;
  AdwComboRow          *range_row;
  GtkSpinner           *spinner;
  GtkMenuButton        *to_button;
  GtkCalendar          *to_calendar;
  AdwActionRow         *to_row;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (LumbarExportDialog, lumbar_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_PRINTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What to write, copied so a thread can work on it. */
typedef struct {
  LumbarExportFormat  format;
  GPtrArray          *entries;
  LumbarDay           from;
  LumbarDay           to;
  char               *patient_name;
  char               *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_free (job->patient_name);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static gboolean
export_job_run (ExportJob  *job,
                GError    **error)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;

  options.from = job->from;
  options.to = job->to;
  options.patient_name = job->patient_name;
  return lumbar_export_write_file (job->format, job->entries, &options, job->path, error);
}

/* Helpers */

static char *
format_day (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_SHORT);
}

static GPtrArray *
dup_entries (LumbarExportDialog *self)
{
  if (self->journal == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return lumbar_journal_dup_entries (self->journal);
}

static char *
dup_patient_name (LumbarExportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return *name ? g_steal_pointer (&name) : NULL;
}

static void
calendar_select (GtkCalendar *calendar,
                 LumbarDay    day)
{
  g_autoptr(GDateTime) date = lumbar_day_to_date_time (day);

  gtk_calendar_select_day (calendar, date);
}

static LumbarDay
calendar_get_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return lumbar_day_from_ymd (g_date_time_get_year (date),
                              g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date));
}

static void
set_button_day (GtkMenuButton *button,
                LumbarDay      day)
{
  g_autofree char *text = format_day (day);

  gtk_menu_button_set_label (button, text);
}

static const char *
format_extension (LumbarExportFormat format)
{
  /* Both are JSON; the double extension tells them apart. "*.lumbar.json"
   * is the glob of the diary file type (application/x-lumbar-journal), so
   * a file manager opens the export in Lumbar. */
  if (format == LUMBAR_EXPORT_FHIR)
    return "fhir.json";
  if (format == LUMBAR_EXPORT_JSON)
    return "lumbar.json";
  return lumbar_export_format_to_string (format);
}

/* State to widgets */

static void
show_error (LumbarExportDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_group, message != NULL);
}

static void
update_state (LumbarExportDialog *self)
{
  g_autoptr(GPtrArray) entries = dup_entries (self);
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *summary = NULL;
  LumbarDay from, to;
  gboolean valid;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->range_row, self->range);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), self->range == LUMBAR_RANGE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), self->range == LUMBAR_RANGE_CUSTOM);
  if (self->range == LUMBAR_RANGE_CUSTOM)
    {
      calendar_select (self->from_calendar, self->custom_from);
      calendar_select (self->to_calendar, self->custom_to);
      set_button_day (self->from_button, self->custom_from);
      set_button_day (self->to_button, self->custom_to);
    }
  self->syncing = FALSE;

  valid = lumbar_export_dialog_get_bounds (self, &from, &to);
  if (!valid)
    {
      show_error (self, _("The first day comes after the last day. Choose a first day on or before the last day."));
      adw_preferences_group_set_description (self->range_group, NULL);
    }
  else
    {
      g_autofree char *period = NULL;
      g_autofree char *markup = NULL;
      LumbarDay shown_from, shown_to;

      show_error (self, NULL);
      selected = lumbar_export_filter (entries, from, to);
      lumbar_export_resolve_range (selected, from, to, self->today, &shown_from, &shown_to);
      period = lumbar_format_period (shown_from, shown_to);
      if (selected->len == 0)
        /* Translators: the period to export, e.g. "29 Oct – 27 Nov 2026" */
        summary = g_strdup_printf (_("%s, no entries"), period);
      else
        /* Translators: the period to export, e.g. "29 Oct – 27 Nov 2026",
         * and how many entries it holds */
        summary = g_strdup_printf (ngettext ("%s, %u entry", "%s, %u entries", selected->len),
                                    period, selected->len);
      /* Above the choice, where a narrow window has room for it; a
       * group's description is markup. */
      markup = g_markup_escape_text (summary, -1);
      adw_preferences_group_set_description (self->range_group, markup);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), valid && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
update_mode (LumbarExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->format_group), !self->printing);
  gtk_window_set_title (GTK_WINDOW (self), self->printing ? _("Print Diary") : _("Export Diary"));
  gtk_button_set_label (self->action_button, self->printing ? _("_Print…") : _("_Export…"));
}

/* Signals */

static void
on_format_toggled (LumbarExportDialog *self)
{
  show_error (self, NULL);
}

static void
on_range_selected (LumbarExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->range_row);

  if (self->syncing || selected > LUMBAR_RANGE_CUSTOM)
    return;
  lumbar_export_dialog_set_range (self, (LumbarRange) selected);
}

static void
on_from_day_selected (LumbarExportDialog *self)
{
  if (self->syncing)
    return;
  lumbar_export_dialog_set_custom_range (self, calendar_get_day (self->from_calendar), self->custom_to);
}

static void
on_to_day_selected (LumbarExportDialog *self)
{
  if (self->syncing)
    return;
  lumbar_export_dialog_set_custom_range (self, self->custom_from, calendar_get_day (self->to_calendar));
}

static void
on_name_changed (LumbarExportDialog *self)
{
  show_error (self, NULL);
}

static void
on_journal_changed (LumbarExportDialog *self)
{
  if (!self->busy)
    update_state (self);
}

/* Exporting */

static ExportJob *
export_job_new (LumbarExportDialog *self,
                const char         *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->format = lumbar_export_dialog_get_format (self);
  job->entries = dup_entries (self);
  lumbar_export_dialog_get_bounds (self, &job->from, &job->to);
  job->patient_name = dup_patient_name (self);
  job->path = g_strdup (path);
  return job;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed meanwhile: the file is written, there is nothing to show it in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->busy = FALSE;

  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a file name, then why it could not be written */
          g_autofree char *message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);

          show_error (self, message);
        }
    }
  else
    {
      /* Translators: %s is the name of the file just written */
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "export.open-file");
      lumbar_toast_overlay_add_toast (self->toast_overlay, toast);
      g_set_object (&self->exported_file, file);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }

  update_state (self);
}

static void
start_export (LumbarExportDialog *self,
              const char         *path)
{
  g_autoptr(GTask) task = NULL;

  show_error (self, NULL);
  self->busy = TRUE;
  update_state (self);

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, export_job_new (self, path), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_chooser_response (LumbarExportDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Lumbar can only export to a folder on this computer. Choose another folder."));
      return;
    }

  start_export (self, path);
}

static void
choose_file (LumbarExportDialog *self)
{
  LumbarExportFormat format = lumbar_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = lumbar_export_dialog_dup_suggested_name (self);
  g_autofree char *pattern = g_strdup_printf ("*.%s", format_extension (format));

  switch (format)
    {
    case LUMBAR_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case LUMBAR_EXPORT_CSV:
      gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case LUMBAR_EXPORT_FHIR:
      gtk_file_filter_set_name (filter, _("FHIR records"));
      break;
    case LUMBAR_EXPORT_JSON:
    default:
      gtk_file_filter_set_name (filter, _("Exported Lumbar logs"));
      /* The diary type, and plain JSON for exports named before it existed
       * (and for running uninstalled, when the type is unknown). */
      gtk_file_filter_add_mime_type (filter, "application/x-lumbar-journal");
      gtk_file_filter_add_mime_type (filter, "application/json");
      break;
    }
  gtk_file_filter_add_pattern (filter, pattern);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Diary"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_report (LumbarExportDialog *self)
{
  g_autoptr(GPtrArray) entries = dup_entries (self);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(LumbarReport) report = NULL;
  g_autofree char *patient = dup_patient_name (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  LumbarDay from, to;

  if (!lumbar_export_dialog_get_bounds (self, &from, &to))
    return;

  selected = lumbar_export_filter (entries, from, to);
  lumbar_export_resolve_range (selected, from, to, self->today, &from, &to);
  report = lumbar_report_new (entries, from, to, patient, lumbar_day_today ());

  /* The print dialog takes over; this one has done its part. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  lumbar_print_report (parent, report);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_action_clicked (LumbarExportDialog *self)
{
  if (self->busy)
    return;
  if (self->printing)
    print_report (self);
  else
    choose_file (self);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->exported_file == NULL)
    return;
  uri = g_file_get_uri (self->exported_file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* GObject */

static void
lumbar_export_dialog_set_journal (LumbarExportDialog *self,
                                  LumbarJournal      *journal)
{
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_journal_changed, self);
  if (!g_set_object (&self->journal, journal))
    return;
  if (journal != NULL)
    g_signal_connect_object (journal, "items-changed", G_CALLBACK (on_journal_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
lumbar_export_dialog_dispose (GObject *object)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (lumbar_export_dialog_parent_class)->dispose (object);
}

static void
lumbar_export_dialog_finalize (GObject *object)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->exported_file);

  G_OBJECT_CLASS (lumbar_export_dialog_parent_class)->finalize (object);
}

static void
lumbar_export_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_PRINTING:
      g_value_set_boolean (value, self->printing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_export_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LumbarExportDialog *self = LUMBAR_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      lumbar_export_dialog_set_journal (self, g_value_get_object (value));
      break;

    case PROP_PRINTING:
      self->printing = g_value_get_boolean (value);
      update_mode (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_export_dialog_class_init (LumbarExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_export_dialog_dispose;
  object_class->finalize = lumbar_export_dialog_finalize;
  object_class->get_property = lumbar_export_dialog_get_property;
  object_class->set_property = lumbar_export_dialog_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRINTING] =
    g_param_spec_boolean ("printing", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, action_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, fhir_check);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, range_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarExportDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_action_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_format_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_from_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_to_day_selected);

  gtk_widget_class_install_action (widget_class, "export.open-file", NULL, open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lumbar_export_dialog_init (LumbarExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->today = lumbar_day_today ();
  self->range = LUMBAR_RANGE_1_MONTH;
  self->custom_to = self->today;
  self->custom_from = self->today - ((int) lumbar_range_get_days (LUMBAR_RANGE_1_MONTH) - 1);

  update_mode (self);
  update_state (self);
}

/**
 * lumbar_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @journal: the entries to export
 *
 * Returns: (transfer none): a new dialog, not shown yet; it is destroyed
 *   when closed
 */
LumbarExportDialog *
lumbar_export_dialog_new (GtkWindow     *parent,
                          LumbarJournal *journal)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "journal", journal,
                       NULL);
}

/**
 * lumbar_export_dialog_new_for_print:
 * @parent: (nullable): the window the dialog belongs to
 * @journal: the entries to print
 *
 * The same choices of period and name, leading to the print dialog.
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
LumbarExportDialog *
lumbar_export_dialog_new_for_print (GtkWindow     *parent,
                                    LumbarJournal *journal)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "journal", journal,
                       "printing", TRUE,
                       NULL);
}

LumbarJournal *
lumbar_export_dialog_get_journal (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), NULL);
  return self->journal;
}

gboolean
lumbar_export_dialog_get_printing (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), FALSE);
  return self->printing;
}

LumbarExportFormat
lumbar_export_dialog_get_format (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), LUMBAR_EXPORT_PDF);

  if (gtk_check_button_get_active (self->csv_check))
    return LUMBAR_EXPORT_CSV;
  if (gtk_check_button_get_active (self->json_check))
    return LUMBAR_EXPORT_JSON;
  if (gtk_check_button_get_active (self->fhir_check))
    return LUMBAR_EXPORT_FHIR;
  return LUMBAR_EXPORT_PDF;
}

void
lumbar_export_dialog_set_format (LumbarExportDialog *self,
                                 LumbarExportFormat  format)
{
  g_return_if_fail (LUMBAR_IS_EXPORT_DIALOG (self));

  switch (format)
    {
    case LUMBAR_EXPORT_CSV:
      gtk_check_button_set_active (self->csv_check, TRUE);
      break;
    case LUMBAR_EXPORT_JSON:
      gtk_check_button_set_active (self->json_check, TRUE);
      break;
    case LUMBAR_EXPORT_FHIR:
      gtk_check_button_set_active (self->fhir_check, TRUE);
      break;
    case LUMBAR_EXPORT_PDF:
    default:
      gtk_check_button_set_active (self->pdf_check, TRUE);
      break;
    }
}

LumbarRange
lumbar_export_dialog_get_range (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), LUMBAR_RANGE_ALL);
  return self->range;
}

/**
 * lumbar_export_dialog_set_range:
 * @self: an export dialog
 * @range: a preset, or %LUMBAR_RANGE_CUSTOM to pick the dates
 *
 * Choosing Custom starts from the days the previous choice covered.
 */
void
lumbar_export_dialog_set_range (LumbarExportDialog *self,
                                LumbarRange   range)
{
  g_return_if_fail (LUMBAR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (range <= LUMBAR_RANGE_CUSTOM);

  if (range == LUMBAR_RANGE_CUSTOM && self->range != LUMBAR_RANGE_CUSTOM)
    {
      g_autoptr(GPtrArray) entries = dup_entries (self);
      g_autoptr(GPtrArray) selected = NULL;
      LumbarDay from, to;

      lumbar_export_dialog_get_bounds (self, &from, &to);
      selected = lumbar_export_filter (entries, from, to);
      lumbar_export_resolve_range (selected, from, to, self->today, &self->custom_from, &self->custom_to);
    }

  self->range = range;
  update_state (self);
}

/**
 * lumbar_export_dialog_set_custom_range:
 * @self: an export dialog
 * @from: the first day
 * @to: the last day, inclusive
 *
 * Chooses Custom with these days. A first day after the last is shown as
 * a mistake and nothing can be exported until it is put right.
 */
void
lumbar_export_dialog_set_custom_range (LumbarExportDialog *self,
                                       LumbarDay           from,
                                       LumbarDay           to)
{
  g_return_if_fail (LUMBAR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (from != LUMBAR_DAY_INVALID && to != LUMBAR_DAY_INVALID);

  self->range = LUMBAR_RANGE_CUSTOM;
  self->custom_from = from;
  self->custom_to = to;
  update_state (self);
}

/**
 * lumbar_export_dialog_get_bounds:
 * @self: an export dialog
 * @from: (out): the first day, or %LUMBAR_DAY_INVALID for the diary's start
 * @to: (out): the last day, or %LUMBAR_DAY_INVALID for its end
 *
 * Returns: whether the period is valid (a custom first day is not after
 *   the last)
 */
gboolean
lumbar_export_dialog_get_bounds (LumbarExportDialog *self,
                                 LumbarDay          *from,
                                 LumbarDay          *to)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), FALSE);

  switch (self->range)
    {
    case LUMBAR_RANGE_2_WEEKS:
    case LUMBAR_RANGE_1_MONTH:
    case LUMBAR_RANGE_3_MONTHS:
    case LUMBAR_RANGE_1_YEAR:
      *from = self->today - ((int) lumbar_range_get_days (self->range) - 1);
      *to = self->today;
      return TRUE;
    case LUMBAR_RANGE_CUSTOM:
      *from = self->custom_from;
      *to = self->custom_to;
      return self->custom_from <= self->custom_to;
    case LUMBAR_RANGE_ALL:
    default:
      *from = *to = LUMBAR_DAY_INVALID;
      return TRUE;
    }
}

const char *
lumbar_export_dialog_get_patient_name (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
lumbar_export_dialog_set_patient_name (LumbarExportDialog *self,
                                       const char         *name)
{
  g_return_if_fail (LUMBAR_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

LumbarDay
lumbar_export_dialog_get_today (LumbarExportDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), LUMBAR_DAY_INVALID);
  return self->today;
}

/**
 * lumbar_export_dialog_set_today:
 * @self: an export dialog
 * @today: the day the presets count back from, or %LUMBAR_DAY_INVALID for
 *   the local date
 *
 * A review window passes the last day of the exported period, so "Last 2
 * weeks" means the last two weeks of that log.
 */
void
lumbar_export_dialog_set_today (LumbarExportDialog *self,
                                LumbarDay           today)
{
  g_return_if_fail (LUMBAR_IS_EXPORT_DIALOG (self));

  self->today = today != LUMBAR_DAY_INVALID ? today : lumbar_day_today ();
  update_state (self);
}

/**
 * lumbar_export_dialog_dup_suggested_name:
 * @self: an export dialog
 *
 * Returns: (transfer full): a file name such as
 *   "lumbar-2026-11-01-to-2026-11-27.pdf" for the chosen period and format
 */
char *
lumbar_export_dialog_dup_suggested_name (LumbarExportDialog *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  LumbarDay from, to;

  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), NULL);

  entries = dup_entries (self);
  if (!lumbar_export_dialog_get_bounds (self, &from, &to))
    from = to = self->today;
  selected = lumbar_export_filter (entries, from, to);
  lumbar_export_resolve_range (selected, from, to, self->today, &from, &to);
  first = lumbar_day_to_string (from);
  last = lumbar_day_to_string (to);

  /* Not translated: file names travel between people and systems. */
  return g_strdup_printf ("lumbar-%s-to-%s.%s", first, last,
                          format_extension (lumbar_export_dialog_get_format (self)));
}

/**
 * lumbar_export_dialog_export_to_file:
 * @self: an export dialog
 * @path: where to write
 * @error: why it could not be written
 *
 * Writes what the dialog is set to, on the calling thread, without the
 * file chooser: what "Export…" does once a file is chosen.
 *
 * Returns: whether the file was written (mode 0600)
 */
gboolean
lumbar_export_dialog_export_to_file (LumbarExportDialog  *self,
                                     const char          *path,
                                     GError             **error)
{
  g_autoptr(ExportJob) job = NULL;
  LumbarDay from, to;

  g_return_val_if_fail (LUMBAR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!lumbar_export_dialog_get_bounds (self, &from, &to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The first day comes after the last day."));
      return FALSE;
    }

  job = export_job_new (self, path);
  return export_job_run (job, error);
}
