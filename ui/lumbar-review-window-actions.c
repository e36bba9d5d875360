/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-application.h"
#include "lumbar-export-dialog.h"
#include "lumbar-import-dialog.h"
#include "lumbar-print.h"
#include "lumbar-report.h"
#include "lumbar-review-window-private.h"

/* Every action of a review window. */

static void
show_skipped_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (widget);
  g_autofree char *body = NULL;
  g_autofree char *text = lumbar_review_window_dup_skipped_text (self);
  GtkWidget *dialog, *scrolled, *view;

  g_autofree char *heading = NULL;

  if (self->n_skipped > 0)
    heading = g_strdup_printf (ngettext ("%u Entry Left Out", "%u Entries Left Out", self->n_skipped),
                               self->n_skipped);
  else
    heading = g_strdup (_("Problems in This Log"));

  /* Translators: %s is the name of an exported log */
  body = g_strdup_printf (_("These parts of “%s” could not be read. Everything else is shown."), self->file_name);
  dialog = lumbar_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What could not be read"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (widget);
  LumbarExportDialog *dialog = lumbar_export_dialog_new (GTK_WINDOW (self), self->journal);

  /* Presets count back from the log's last day; by default all of it. */
  lumbar_export_dialog_set_today (dialog, self->to);
  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_ALL);
  lumbar_export_dialog_set_patient_name (dialog, self->patient_name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (widget);
  g_autoptr(GPtrArray) entries = lumbar_journal_dup_entries (self->journal);
  g_autoptr(LumbarReport) report = NULL;

  /* The patient's report as it was made: the whole period, dated the day
   * of the export, so its tips match the Tips page. */
  report = lumbar_report_new (entries, self->from, self->to, self->patient_name,
                              self->exported_day != LUMBAR_DAY_INVALID ? self->exported_day : self->tips_day);
  lumbar_print_report (GTK_WINDOW (self), report);
}

static void
on_import_applied (GtkWindow    *parent,
                   LumbarImport *import)
{
  lumbar_review_window_show_import (LUMBAR_REVIEW_WINDOW (parent), import);
}

static void
on_store_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LumbarReviewWindow) self = user_data;
  g_autoptr(LumbarStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  store = lumbar_application_load_store_finish (LUMBAR_APPLICATION (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;  /* the window was closed meanwhile */

  if (store == NULL)
    {
      /* Another Lumbar holds the diary, or it cannot be written. */
      dialog = lumbar_message_dialog_new (GTK_WINDOW (self), _("Your Diary Cannot Be Changed"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The file as it is on disk, checked whole: the window may show a
   * document with entries left out, which import refuses. */
  lumbar_import_dialog_open_file (GTK_WINDOW (self), store, self->file, on_import_applied);
}

static void
add_to_diary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!LUMBAR_IS_APPLICATION (application))
    return;

  /* A review window does not read the person's diary; this needs it. */
  lumbar_application_load_store_async (LUMBAR_APPLICATION (application), self->cancellable,
                                       on_store_loaded, g_object_ref (self));
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LumbarReviewWindow *self = LUMBAR_REVIEW_WINDOW (widget);
  g_autoptr(LumbarImport) import = g_steal_pointer (&self->import);
  AdwToast *toast = g_steal_pointer (&self->import_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
  _lumbar_review_window_actions_update (self);
  /* The whole import at once: every entry it added, and only those. */
  if (import != NULL && lumbar_import_get_applied (import))
    lumbar_import_undo (import, NULL);
}

void
_lumbar_review_window_class_actions_init (LumbarReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "review.show-skipped", NULL, show_skipped_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-diary", NULL, add_to_diary_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

/**
 * _lumbar_review_window_actions_update:
 * @self: a review window
 *
 * Undo of "Add to My Diary" is there while its toast is.
 */
void
_lumbar_review_window_actions_update (LumbarReviewWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", self->import != NULL);
}
