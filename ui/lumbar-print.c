/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-day.h"
#include "lumbar-print.h"

/* Printing draws the same pages as the PDF export: the report lays itself
 * out on the whole sheet, margins included, so GTK is asked for the full
 * page in points and the page count follows the paper the user picks. */

#define REPORT_KEY "lumbar-report"

static LumbarReport *
get_report (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), REPORT_KEY);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  int n_pages = lumbar_report_get_n_pages (get_report (operation),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  lumbar_report_draw_page (get_report (operation),
                           gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context),
                           page);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = lumbar_message_dialog_new (parent, _("Could Not Print"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "lumbar-parent");
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR ||
      g_object_get_data (G_OBJECT (operation), "lumbar-error-shown") != NULL)
    return;

  g_object_set_data (G_OBJECT (operation), "lumbar-error-shown", GINT_TO_POINTER (TRUE));
  gtk_print_operation_get_error (operation, &error);
  show_error (parent, error ? error->message : _("The printer reported an unknown problem."));
}

/**
 * lumbar_print_operation_new:
 * @report: what to print
 *
 * A print operation that draws @report on whole pages measured in points,
 * ready to run (tests export it to a PDF file).
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
lumbar_print_operation_new (LumbarReport *report)
{
  GtkPrintOperation *operation;
  const char *name;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (LUMBAR_IS_REPORT (report), NULL);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), REPORT_KEY, g_object_ref (report), g_object_unref);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  from = lumbar_day_to_string (lumbar_report_get_from (report));
  to = lumbar_day_to_string (lumbar_report_get_to (report));
  name = lumbar_report_get_patient_name (report);
  if (name != NULL)
    /* Translators: the print job's name: patient, first and last day */
    job_name = g_strdup_printf (_("Lumbar report for %s, %s to %s"), name, from, to);
  else
    /* Translators: the print job's name: first and last day */
    job_name = g_strdup_printf (_("Lumbar report, %s to %s"), from, to);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);

  return operation;
}

/**
 * lumbar_print_report:
 * @parent: (nullable): the window the print dialog belongs to
 * @report: what to print
 *
 * Shows the print dialog and prints @report; a failure is explained in a
 * dialog. Returns at once: printing goes on in the background.
 */
void
lumbar_print_report (GtkWindow    *parent,
                     LumbarReport *report)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (LUMBAR_IS_REPORT (report));

  operation = lumbar_print_operation_new (report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "lumbar-parent", g_object_ref (parent), g_object_unref);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), NULL);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  /* A failure before the dialog is reported here, one after it in "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "lumbar-error-shown") == NULL)
    {
      g_object_set_data (G_OBJECT (operation), "lumbar-error-shown", GINT_TO_POINTER (TRUE));
      show_error (parent, error ? error->message : _("The printer reported an unknown problem."));
    }
}
