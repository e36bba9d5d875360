/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lumbar-cli-private.h"
#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-store.h"

/* Options that make `lumbar` a command-line tool instead of opening a window. */
static const char *cli_options[] = {
  "--version", "--check", "--summary", "--export",
  /* The command line's own help lists all of the above. */
  "--help", "-h", "-?",
};

/**
 * lumbar_cli_wants_command_line:
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
      for (guint j = 0; j < G_N_ELEMENTS (cli_options); j++)
        if (g_str_has_prefix (argv[i], cli_options[j]))
          return TRUE;
    }
  return FALSE;
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
    {
      g_printerr ("%s\n", _("--check needs at least one FILE"));
      return LUMBAR_EXIT_USAGE;
    }

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
    {
      g_printerr ("lumbar: %s\n", error->message);
      return LUMBAR_EXIT_USAGE;
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

  if (export_format)
    return lumbar_cli_run_export (export_format, export_output, export_from, export_to, export_patient, files);

  g_printerr ("lumbar: %s\n", _("nothing to do (try --help)"));
  return LUMBAR_EXIT_USAGE;
}
