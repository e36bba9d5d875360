/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-review-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lumbar-chart-view.h"
#include "lumbar-compat.h"
#include "lumbar-daily.h"
#include "lumbar-diary-page.h"
#include "lumbar-document-days.h"
#include "lumbar-error.h"
#include "lumbar-export-dialog.h"
#include "lumbar-export.h"
#include "lumbar-format.h"
#include "lumbar-import-dialog.h"
#include "lumbar-patients-window.h"
#include "lumbar-period-stats.h"
#include "lumbar-print.h"
#include "lumbar-report.h"
#include "lumbar-review-window-private.h"
#include "lumbar-style.h"
#include "lumbar-tips-page.h"

G_DEFINE_FINAL_TYPE (LumbarReviewWindow, lumbar_review_window, ADW_TYPE_APPLICATION_WINDOW)

/* The details dialog lists this many problems, then says how many more. */
#define MAX_PROBLEM_LINES 1000

/* The window brings its own style sheet: it also opens without the main
 * window (`lumbar FILE…`) and in tests. */
static char *
format_day (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_FULL);
}

static void
add_stat (AdwPreferencesGroup *group,
          const char          *title,
          const char          *value,
          const char          *detail)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  /* Names and numbers are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "lumbar-review-value");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  adw_preferences_group_add (group, row);
}

/* The same figures, in the same words, as the first page of the PDF
 * report and `lumbar --summary`: all three describe one LumbarPeriodStats. */
static void
build_overview (LumbarReviewWindow *self)
{
  g_autoptr(GPtrArray) entries = lumbar_journal_dup_entries (self->journal);
  LumbarStat pain[LUMBAR_N_PAIN_STATS] = { { 0 } };
  LumbarStat activity[LUMBAR_N_ACTIVITY_STATS] = { { 0 } };
  LumbarPeriodStats stats;

  lumbar_period_stats_compute_entries (&stats, entries, self->from, self->to);
  lumbar_period_stats_describe_pain (&stats, pain);
  lumbar_period_stats_describe_activity (&stats, activity);
  for (guint i = 0; i < LUMBAR_N_PAIN_STATS; i++)
    {
      add_stat (self->pain_group, pain[i].label, pain[i].value, pain[i].detail);
      lumbar_stat_clear (&pain[i]);
    }
  for (guint i = 0; i < LUMBAR_N_ACTIVITY_STATS; i++)
    {
      add_stat (self->activity_group, activity[i].label, activity[i].value, activity[i].detail);
      lumbar_stat_clear (&activity[i]);
    }
}

static void
describe_period (LumbarReviewWindow *self)
{
  g_autofree char *tips_day = format_day (self->tips_day);
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;
  const char *title;

  title = self->patient_name != NULL ? self->patient_name : self->file_name;
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  period = lumbar_format_period (self->from, self->to);
  adw_window_title_set_subtitle (self->window_title, period);

  if (self->exported_day != LUMBAR_DAY_INVALID)
    {
      g_autofree char *exported = format_day (self->exported_day);

      /* Translators: the day the log was exported, then the day the tips
       * and trends look back from */
      description = g_strdup_printf (_("Exported on %s. Tips and trends are as of %s."), exported, tips_day);
    }
  else
    /* Translators: the day the tips and trends look back from; a diary or
     * backup (not an export) is read as of today */
    description = g_strdup_printf (_("Tips and trends are as of today, %s."), tips_day);

  /* A group's description is markup. */
  markup = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->pain_group, markup);
}

static void
show_chart (LumbarReviewWindow *self)
{
  /* Not bound to the settings: a review does not change the period the
   * person's own chart remembers. */
  /* The chart ends on the day the tips are as of (where the log ends)
   * and shows all of it ("all" starts at the first entry); the shorter
   * periods zoom in on its end. */
  lumbar_chart_view_set_tracker (self->chart_view, self->tracker);
  lumbar_chart_view_set_range (self->chart_view, LUMBAR_RANGE_ALL);
}

/* Warning signs before anything else: on the Overview, above the
 * figures, not dismissible; on the title; and on the tabs. The words are
 * the engine's, about the patient, with the days they were logged. */
static void
show_red_flags (LumbarReviewWindow *self)
{
  LumbarSummary *summary = lumbar_summary_tracker_get_summary (self->tracker);
  const LumbarRedFlags *red_flags = lumbar_summary_get_red_flags (summary);
  LumbarVoice voice = lumbar_summary_get_voice (summary);
  GtkWidget *child;

  gtk_widget_set_visible (self->red_flag_card, red_flags->active);
  gtk_widget_set_visible (self->red_flag_badge, red_flags->active);
  adw_view_stack_page_set_needs_attention (self->overview_stack_page, red_flags->active);
  adw_view_stack_page_set_icon_name (self->overview_stack_page,
                                     red_flags->active ? "dialog-warning-symbolic" : "lumbar-history-symbolic");
  adw_view_stack_page_set_needs_attention (self->tips_stack_page, red_flags->active);
  if (!red_flags->active)
    return;

  gtk_label_set_label (self->red_flag_heading,
                       voice == LUMBAR_VOICE_THERAPIST
                       ? _("Warning signs logged: prompt medical care advised")
                       : _("Get medical care today"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->red_flag_card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->red_flag_heading), -1);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->red_flag_reasons))) != NULL)
    gtk_box_remove (self->red_flag_reasons, child);
  for (guint i = 0; red_flags->reasons[i]; i++)
    {
      g_autofree char *item = g_strdup_printf ("• %s", red_flags->reasons[i]);
      GtkWidget *label = gtk_label_new (item);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->red_flag_reasons, label);
    }
  gtk_label_set_label (self->red_flag_message, lumbar_red_flags_get_message (voice));
}

static void
show_tips (LumbarReviewWindow *self)
{
  guint n_indicated;

  lumbar_tips_page_set_tracker (self->tips_page, self->tracker);

  n_indicated = lumbar_tips_page_get_n_indicated (self->tips_page);
  adw_view_stack_page_set_badge_number (self->tips_stack_page, n_indicated);
  show_red_flags (self);
}

/* Narrower than the switcher's icons and labels: the switcher goes to the
 * bottom of the window, as the main window's does. */
static void
on_switcher_squeezed (LumbarReviewWindow *self)
{
  gboolean narrow = adw_squeezer_get_visible_child (self->switcher_squeezer) == self->switcher_none;

  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  if (narrow)
    gtk_widget_remove_css_class (GTK_WIDGET (self->switcher_squeezer), "lumbar-review-switcher");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->switcher_squeezer), "lumbar-review-switcher");
}

static void
show_problems (LumbarReviewWindow *self)
{
  GString *text = g_string_new (NULL);

  if (self->n_skipped > 0)
    g_string_append_printf (text,
                            ngettext ("%u entry could not be read and is not shown.",
                                      "%u entries could not be read and are not shown.",
                                      self->n_skipped),
                            self->n_skipped);
  else if (self->problems->len > 0)
    g_string_append (text, _("Parts of this log could not be read."));

  if (self->version > LUMBAR_FORMAT_VERSION)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("It was made by a newer version of Lumbar; "
                               "this window shows what this version understands."));
    }

  gtk_label_set_text (self->skipped_label, text->str);
  gtk_revealer_set_reveal_child (self->skipped_revealer, text->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-skipped", self->problems->len > 0);
  g_string_free (text, TRUE);
}

/* GObject */

static void
lumbar_review_window_dispose (GObject *object)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->import);
  self->import_toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (lumbar_review_window_parent_class)->dispose (object);
}

static void
lumbar_review_window_finalize (GObject *object)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->journal);
  g_clear_object (&self->tracker);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->file_name);
  g_free (self->patient_name);

  G_OBJECT_CLASS (lumbar_review_window_parent_class)->finalize (object);
}

static void
lumbar_review_window_class_init (LumbarReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_review_window_dispose;
  object_class->finalize = lumbar_review_window_finalize;

  g_type_ensure (LUMBAR_TYPE_CHART_VIEW);
  g_type_ensure (LUMBAR_TYPE_DIARY_PAGE);
  g_type_ensure (LUMBAR_TYPE_TIPS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, activity_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, diary_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, overview_stack_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, pain_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, red_flag_badge);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, red_flag_card);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, red_flag_heading);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, red_flag_message);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, red_flag_reasons);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, skipped_revealer);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, switcher_none);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, tips_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, tips_stack_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LumbarReviewWindow, window_title);

  _lumbar_review_window_class_actions_init (klass);
}

static void
lumbar_review_window_init (LumbarReviewWindow *self)
{
  lumbar_style_ensure ("lumbar-review.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  lumbar_menu_button_name_inner (self->primary_menu_button, _("Main menu"));

  self->journal = lumbar_journal_new ();
  self->cancellable = g_cancellable_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->version = LUMBAR_FORMAT_VERSION;
  self->exported_day = LUMBAR_DAY_INVALID;

  lumbar_review_window_install_drop_target (GTK_WIDGET (self), NULL);
  _lumbar_review_window_actions_update (self);
  g_signal_connect_object (self->switcher_squeezer, "notify::visible-child",
                           G_CALLBACK (on_switcher_squeezed), self, G_CONNECT_SWAPPED);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * lumbar_review_window_new:
 * @application: (nullable): the application
 * @file: the file that was read
 * @document: (transfer full): what was read from it
 *
 * Returns: (transfer none): a new window showing @document, not presented
 */
LumbarReviewWindow *
lumbar_review_window_new (GtkApplication *application,
                          GFile          *file,
                          LumbarDocument *document)
{
  g_autoptr(LumbarDocument) doc = document;
  g_autoptr(GFileInfo) info = NULL;
  LumbarDocumentDays days;
  LumbarReviewWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (LUMBAR_TYPE_REVIEW_WINDOW,
                       "application", application,
                       NULL);

  self->file = g_object_ref (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  self->file_name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  self->version = doc->version;
  if (doc->patient_name != NULL && *doc->patient_name != '\0')
    self->patient_name = g_strdup (doc->patient_name);

  for (guint i = 0; i < doc->problems->len; i++)
    {
      LumbarProblem *problem = g_ptr_array_index (doc->problems, i);

      if (problem->entry > 0)
        self->n_skipped++;
      g_ptr_array_add (self->problems, lumbar_problem_to_string (problem, NULL));
    }

  lumbar_journal_set_entries (self->journal, doc->entries);

  /* The period and the day the figures are as of, as every view of a
   * document decides them. */
  lumbar_document_days_resolve (doc, lumbar_day_today (), FALSE, &days);
  self->exported_day = days.exported;
  self->from = days.from;
  self->to = days.to;
  self->tips_day = days.today;
  self->tracker = g_object_new (LUMBAR_TYPE_SUMMARY_TRACKER,
                                "journal", self->journal,
                                "today", self->tips_day,
                                "voice", days.voice,
                                NULL);

  describe_period (self);
  build_overview (self);
  show_chart (self);
  show_tips (self);
  lumbar_diary_page_set_journal (self->diary_page, self->journal);
  lumbar_diary_page_set_read_only (self->diary_page, TRUE);
  show_problems (self);

  return self;
}

/**
 * lumbar_review_window_get_file:
 *
 * Returns: (transfer none): the file shown
 */
GFile *
lumbar_review_window_get_file (LumbarReviewWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), NULL);
  return self->file;
}

/**
 * lumbar_review_window_get_journal:
 *
 * Returns: (transfer none): the entries of the log, in memory only
 */
LumbarJournal *
lumbar_review_window_get_journal (LumbarReviewWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), NULL);
  return self->journal;
}

/**
 * lumbar_review_window_get_patient_name:
 *
 * Returns: (nullable): the patient's name from the log
 */
const char *
lumbar_review_window_get_patient_name (LumbarReviewWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), NULL);
  return self->patient_name;
}

/**
 * lumbar_review_window_get_period:
 * @self: a review window
 * @from: (out) (optional): the first day shown
 * @to: (out) (optional): the last day shown
 */
void
lumbar_review_window_get_period (LumbarReviewWindow *self,
                                 LumbarDay          *from,
                                 LumbarDay          *to)
{
  g_return_if_fail (LUMBAR_IS_REVIEW_WINDOW (self));

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

/**
 * lumbar_review_window_get_tips_day:
 *
 * Returns: the day the tips are evaluated as of: the period's last day,
 *   or the day of the export when that came first
 */
LumbarDay
lumbar_review_window_get_tips_day (LumbarReviewWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), LUMBAR_DAY_INVALID);
  return self->tips_day;
}

/**
 * lumbar_review_window_get_n_skipped:
 *
 * Returns: how many entries of the file could not be read
 */
guint
lumbar_review_window_get_n_skipped (LumbarReviewWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), 0);
  return self->n_skipped;
}

/**
 * lumbar_review_window_dup_skipped_text:
 *
 * Returns: (transfer full): what the details dialog lists, one problem per
 *   line ("entry 3: …"), or an empty string
 */
char *
lumbar_review_window_dup_skipped_text (LumbarReviewWindow *self)
{
  GString *text;

  g_return_val_if_fail (LUMBAR_IS_REVIEW_WINDOW (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->problems->len && i < MAX_PROBLEM_LINES; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->problems, i));
    }
  if (self->problems->len > MAX_PROBLEM_LINES)
    {
      guint more = self->problems->len - MAX_PROBLEM_LINES;

      g_string_append_c (text, '\n');
      /* Translators: after the first thousand problems of a file */
      g_string_append_printf (text, ngettext ("… and %u more", "… and %u more", more), more);
    }
  return g_string_free (text, FALSE);
}

/**
 * lumbar_review_window_set_visible_page_name:
 * @self: a review window
 * @name: "overview", "tips" or "entries"
 */
void
lumbar_review_window_set_visible_page_name (LumbarReviewWindow *self,
                                            const char         *name)
{
  g_return_if_fail (LUMBAR_IS_REVIEW_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
on_import_toast_dismissed (LumbarReviewWindow *self,
                           AdwToast           *toast)
{
  /* Undo goes with the toast that offers it. */
  if (toast != self->import_toast)
    return;
  self->import_toast = NULL;
  g_clear_object (&self->import);
  _lumbar_review_window_actions_update (self);
}

/**
 * lumbar_review_window_show_import:
 * @self: a review window
 * @import: the import of the window's file into the person's own diary,
 *   just applied
 *
 * Says how many entries were added, with Undo ("win.undo-import") for as
 * long as the toast shows.
 */
void
lumbar_review_window_show_import (LumbarReviewWindow *self,
                                  LumbarImport       *import)
{
  AdwToast *toast;
  AdwToast *previous;

  g_return_if_fail (LUMBAR_IS_REVIEW_WINDOW (self));
  g_return_if_fail (LUMBAR_IS_IMPORT (import));

  previous = g_steal_pointer (&self->import_toast);
  if (previous != NULL)
    adw_toast_dismiss (previous);

  toast = lumbar_import_toast_new (import);
  g_set_object (&self->import, import);
  self->import_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_import_toast_dismissed), self, G_CONNECT_SWAPPED);
  lumbar_toast_overlay_add_toast (self->toast_overlay, toast);
  _lumbar_review_window_actions_update (self);
}

/* Opening files */

/* Files opened together: the windows appear, and the files that could not
 * be read are explained in one dialog, once all have been read. */
typedef struct {
  GtkApplication *application;
  GWeakRef        parent;
  guint           n_pending;
  GPtrArray      *errors;       /* char *: "name: why" */
  GPtrArray      *windows;      /* LumbarReviewWindow, to present */
} OpenBatch;

typedef struct {
  OpenBatch *batch;
  GFile     *file;
} OpenJob;

static void
open_batch_free (OpenBatch *batch)
{
  g_application_release (G_APPLICATION (batch->application));
  g_object_unref (batch->application);
  g_weak_ref_clear (&batch->parent);
  g_ptr_array_unref (batch->errors);
  g_ptr_array_unref (batch->windows);
  g_free (batch);
}

static void
open_job_free (OpenJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

static char *
dup_file_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  /* The name as the user knows it; a path for local files. */
  return g_path_get_basename (parse_name);
}

/* Where a file is broken, as a sentence. */
static char *
describe_error (GError *error)
{
  guint line, column;

  if (lumbar_error_get_position (error, &line, &column))
    /* Translators: where a file is broken, then what is wrong */
    return g_strdup_printf (_("Line %u, column %u: %s"), line, column, error->message);

  return g_strdup (error->message);
}

static void
show_open_errors (OpenBatch *batch,
                  GtkWindow *parent)
{
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (batch->errors->len == 1)
    {
      heading = _("Could Not Open Log");
      body = g_strdup (g_ptr_array_index (batch->errors, 0));
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      heading = _("Could Not Open Logs");
      for (guint i = 0; i < batch->errors->len; i++)
        {
          if (i > 0)
            g_string_append (text, "\n\n");
          g_string_append (text, g_ptr_array_index (batch->errors, i));
        }
      body = g_strdup (text->str);
    }

  dialog = lumbar_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Without any window the dialog keeps the application running until it
   * is read. */
  gtk_window_set_application (GTK_WINDOW (dialog), batch->application);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_batch_finish (OpenBatch *batch)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&batch->parent);

  for (guint i = 0; i < batch->windows->len; i++)
    gtk_window_present (g_ptr_array_index (batch->windows, i));

  if (batch->errors->len > 0)
    {
      GtkWindow *dialog_parent = parent;

      if (dialog_parent == NULL && batch->windows->len > 0)
        dialog_parent = g_ptr_array_index (batch->windows, batch->windows->len - 1);
      show_open_errors (batch, dialog_parent);
    }

  open_batch_free (batch);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  LumbarDocument *doc;

  /* A newer version is shown as far as it is understood; nothing writes. */
  doc = lumbar_document_load_file (job->file, LUMBAR_PARSE_ALLOW_NEWER, &error);
  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, (GDestroyNotify) lumbar_document_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  OpenBatch *batch = job->batch;
  g_autoptr(GError) error = NULL;
  LumbarDocument *doc;

  doc = g_task_propagate_pointer (G_TASK (result), &error);
  if (doc == NULL)
    {
      g_autofree char *name = dup_file_name (job->file);
      g_autofree char *reason = describe_error (error);

      /* Translators: a file that could not be opened, then why */
      g_ptr_array_add (batch->errors, g_strdup_printf (_("“%s” could not be read: %s"), name, reason));
    }
  else
    g_ptr_array_add (batch->windows, lumbar_review_window_new (batch->application, job->file, doc));

  if (--batch->n_pending == 0)
    open_batch_finish (batch);
}

static LumbarReviewWindow *
find_window_for_file (GtkApplication *application,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (LUMBAR_IS_REVIEW_WINDOW (l->data) &&
        g_file_equal (LUMBAR_REVIEW_WINDOW (l->data)->file, file))
      return l->data;
  return NULL;
}

/**
 * lumbar_review_window_open_files:
 * @application: the application the windows belong to
 * @files: (array length=n_files): exported logs
 * @n_files: how many
 * @parent: (nullable): the window that asked, for the error dialog
 *
 * Reads each file off the main thread and opens a review window for it;
 * a file already shown has its window raised instead. Files that cannot be
 * read at all are explained in a dialog and get no window. The application
 * is held until every file has been dealt with.
 */
void
lumbar_review_window_open_files (GtkApplication  *application,
                                 GFile          **files,
                                 int              n_files,
                                 GtkWindow       *parent)
{
  OpenBatch *batch;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (n_files == 0 || files != NULL);

  /* Several logs or a folder: the Patients window. One log: its own. */
  if (n_files > 1 || (n_files == 1 && g_file_query_file_type (files[0], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY))
    {
      g_autoptr(GFile) single = lumbar_patients_window_route (application, files, (guint) n_files);

      if (single != NULL)
        lumbar_review_window_open_files (application, &single, 1, parent);
      return;
    }

  batch = g_new0 (OpenBatch, 1);
  batch->application = g_object_ref (application);
  g_weak_ref_init (&batch->parent, parent);
  batch->errors = g_ptr_array_new_with_free_func (g_free);
  batch->windows = g_ptr_array_new ();
  g_application_hold (G_APPLICATION (application));

  /* Counted up front so a file read quickly cannot finish the batch. */
  batch->n_pending = 1;
  for (int i = 0; i < n_files; i++)
    {
      LumbarReviewWindow *open = find_window_for_file (application, files[i]);
      g_autoptr(GTask) task = NULL;
      OpenJob *job;

      if (open != NULL)
        {
          g_ptr_array_add (batch->windows, open);
          continue;
        }

      job = g_new0 (OpenJob, 1);
      job->batch = batch;
      job->file = g_object_ref (files[i]);
      batch->n_pending++;

      task = g_task_new (NULL, NULL, on_loaded, NULL);
      g_task_set_source_tag (task, lumbar_review_window_open_files);
      g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
      g_task_run_in_thread (task, load_thread);
    }

  if (--batch->n_pending == 0)
    open_batch_finish (batch);
}

static void
on_chooser_response (GtkFileChooserNative *chooser,
                     int                   response,
                     gpointer              user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
    }

  if (files->len > 0)
    lumbar_review_window_open_files (application, (GFile **) files->pdata, (int) files->len, parent);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (application));
  g_object_unref (application);
}

/**
 * lumbar_review_window_choose_files:
 * @application: the application the review windows belong to
 * @parent: (nullable): the window that asked
 *
 * Asks for exported logs (several at once if wanted) and opens each in a
 * review window.
 */
void
lumbar_review_window_choose_files (GtkApplication *application,
                                   GtkWindow      *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) logs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_APPLICATION (application));

  gtk_file_filter_set_name (logs, _("Exported Lumbar logs"));
  gtk_file_filter_add_mime_type (logs, "application/json");
  gtk_file_filter_add_pattern (logs, "*.json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open Exported Log"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), logs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), logs);

  /* The chooser is its own reference until it answers. */
  g_application_hold (G_APPLICATION (application));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (application));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  if (application == NULL && GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));
  if (application == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  lumbar_review_window_open_files (application, (GFile **) files->pdata, (int) files->len,
                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  return TRUE;
}

/**
 * lumbar_review_window_install_drop_target:
 * @widget: where files may be dropped, e.g. a window
 * @application: (nullable): the application to open review windows in;
 *   %NULL for the application of @widget's window at the time of the drop
 *
 * Files dropped on @widget open in review windows.
 */
void
lumbar_review_window_install_drop_target (GtkWidget      *widget,
                                          GtkApplication *application)
{
  GtkDropTarget *target;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (application == NULL || GTK_IS_APPLICATION (application));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), application);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}
