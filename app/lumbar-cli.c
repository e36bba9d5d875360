/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>

#include "lumbar-cli-private.h"
#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-store.h"

/* GApplication's own options, which start the application, not the
 * command line. */
static const char *application_options[] = {
  "--gapplication-service", "--gapplication-app-id", "--help-gapplication", "--help-all",
};

static gboolean
is_application_option (const char *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (application_options); i++)
    if (g_str_has_prefix (arg, application_options[i]))
      return TRUE;
  return FALSE;
}

/**
 * lumbar_cli_wants_command_line:
 *
 * Every option but GApplication's own is the command line's: its modes,
 * their options (alone, a usage error) and unknown ones (also a usage
 * error), so that none of them opens a window.
 *
 * Returns: whether @argv asks for the command line (no display needed)
 */
gboolean
lumbar_cli_wants_command_line (int    argc,
                               char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] == '-' && argv[i][1] != '\0' && !is_application_option (argv[i]))
        return TRUE;
    }
  return FALSE;
}

/**
 * lumbar_cli_usage_error:
 * @format: the message, printf-style
 *
 * Prints "lumbar: MESSAGE" and the hint to --help on standard error, as
 * every usage error does.
 *
 * Returns: %LUMBAR_EXIT_USAGE
 */
int
lumbar_cli_usage_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("lumbar: %s\n", message);
  /* Translators: the hint after a command-line usage error */
  g_printerr ("%s\n", _("Try “lumbar --help” for more information."));
  return LUMBAR_EXIT_USAGE;
}

/* "FILE:LINE:COLUMN: message" where the error knows its place in the
 * file, "FILE: message" otherwise. */
void
lumbar_cli_print_error (const char *file,
                        GError     *error)
{
  guint line, column;

  if (lumbar_error_get_position (error, &line, &column))
    g_printerr ("%s:%u:%u: %s\n", file, line, column, error->message);
  else
    g_printerr ("%s: %s\n", file, error->message);
}

/**
 * lumbar_cli_load_source:
 * @file: (nullable): a file named on the command line, or %NULL for the
 *   user's own journal
 * @error: why it cannot be read
 *
 * Reads without taking the journal's lock: the command line never writes.
 *
 * Returns: (transfer full): the document (empty for a journal not created yet)
 */
LumbarDocument *
lumbar_cli_load_source (const char  *file,
                        GError     **error)
{
  g_autoptr(GFile) gfile = NULL;

  if (file == NULL)
    {
      g_autofree char *path = lumbar_store_dup_default_journal_path ();

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return lumbar_document_new ();
      gfile = g_file_new_for_path (path);
    }
  else
    gfile = g_file_new_for_commandline_arg (file);

  return lumbar_document_load_file (gfile, LUMBAR_PARSE_DEFAULT, error);
}

static int
run_check (char **files)
{
  int status = LUMBAR_EXIT_OK;

  if (files == NULL || files[0] == NULL)
    return lumbar_cli_usage_error ("%s", _("--check needs at least one FILE"));

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(LumbarDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = lumbar_document_load_file (gfile, LUMBAR_PARSE_DEFAULT, &error);
      if (doc == NULL)
        {
          lumbar_cli_print_error (files[i], error);
          status = LUMBAR_EXIT_INPUT;
          continue;
        }

      for (guint j = 0; j < doc->problems->len; j++)
        {
          g_autofree char *line = lumbar_problem_to_string (g_ptr_array_index (doc->problems, j), files[i]);

          g_printerr ("%s\n", line);
        }

      if (doc->problems->len > 0)
        status = LUMBAR_EXIT_INPUT;
      else
        g_print (ngettext ("%s: valid, %u entry\n", "%s: valid, %u entries\n", doc->entries->len),
                 files[i], doc->entries->len);
    }

  return status;
}

/**
 * lumbar_cli_run:
 * @argc: argument count
 * @argv: (array length=argc): arguments
 *
 * Runs the command line of DESIGN.md. It needs no display and never writes
 * the journal.
 *
 * Returns: the exit status
 */
int
lumbar_cli_run (int    argc,
                char **argv)
{
  gboolean version = FALSE;
  gboolean check = FALSE;
  gboolean summary = FALSE;
  gboolean summary_json = FALSE;
  g_autofree char *summary_today = NULL;
  g_autofree char *export_format = NULL;
  g_autofree char *export_output = NULL;
  g_autofree char *export_from = NULL;
  g_autofree char *export_to = NULL;
  g_autofree char *export_patient = NULL;
  g_autofree char *import_file = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Check that each FILE is a valid Lumbar diary"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("Show trends, tips and red flags for the diary or FILE"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &summary_json, N_("With --summary, print JSON"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &summary_today, N_("With --summary, summarise as of this day"), N_("YYYY-MM-DD") },
    { "export", 0, 0, G_OPTION_ARG_STRING, &export_format, N_("Export the diary or FILE as csv, json, pdf or fhir"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &export_output, N_("Where to write the export"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &export_from, N_("Export from this day on"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &export_to, N_("Export up to and including this day"), N_("YYYY-MM-DD") },
    { "patient-name", 0, 0, G_OPTION_ARG_STRING, &export_patient, N_("The patient’s name to put in the export"), N_("NAME") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_file, N_("Add the entries of FILE that your diary does not have yet"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Track back pain and follow your therapist's tips"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lumbar_cli_usage_error ("%s", error->message);

  /* One mode at a time, and each option with its mode. */
  {
    const char *modes[5] = { NULL };
    guint n_modes = 0;

    if (version)
      modes[n_modes++] = "--version";
    if (check)
      modes[n_modes++] = "--check";
    if (summary)
      modes[n_modes++] = "--summary";
    if (export_format)
      modes[n_modes++] = "--export";
    if (import_file)
      modes[n_modes++] = "--import";
    if (n_modes > 1)
      /* Translators: two options that cannot go together, e.g. --check and --summary */
      return lumbar_cli_usage_error (_("%s and %s cannot be used together"), modes[0], modes[1]);

    if (!summary && (summary_json || summary_today))
      /* Translators: an option, then the option it belongs to */
      return lumbar_cli_usage_error (_("%s only goes with %s"), summary_json ? "--json" : "--today", "--summary");
    if (!export_format && (export_output || export_from || export_to || export_patient))
      return lumbar_cli_usage_error (_("%s only goes with %s"),
                                     export_output ? "--output" : export_from ? "--from" :
                                     export_to ? "--to" : "--patient-name", "--export");
    if (version && files && files[0])
      return lumbar_cli_usage_error ("%s", _("--version takes no FILE"));
    if (import_file && files && files[0])
      return lumbar_cli_usage_error ("%s", _("--import takes one FILE"));
  }

  if (version)
    {
      g_print ("lumbar %s\n", PACKAGE_VERSION);
      return LUMBAR_EXIT_OK;
    }

  if (check)
    return run_check (files);

  if (summary)
    return lumbar_cli_run_summary (summary_json, summary_today, files);

  if (import_file)
    return lumbar_cli_run_import (import_file);

  if (export_format)
    return lumbar_cli_run_export (export_format, export_output, export_from, export_to, export_patient, files);

  /* Files alone open review windows; that is the application's. */
  return lumbar_cli_usage_error ("%s", _("nothing to do"));
}
