/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-cli-private.h"
#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-export.h"
#include "lumbar-store.h"

/* "dev:inode" of an existing file, so links to the same file compare equal. */
static char *
file_identity (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ID_FILE))
    return NULL;
  return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;

  if (g_file_equal (a, b))
    return TRUE;
  id_a = file_identity (a);
  id_b = file_identity (b);
  return id_a && id_b && g_str_equal (id_a, id_b);
}

/**
 * lumbar_cli_run_export:
 * @format: (nullable): "csv", "json", "pdf" or "fhir"
 * @output: (nullable): where to write the export
 * @from: (nullable): first day, YYYY-MM-DD
 * @to: (nullable): last day, YYYY-MM-DD
 * @patient_name: (nullable): the name the export records
 * @files: (nullable) (array zero-terminated=1): at most one FILE to export
 *   instead of the user's journal
 *
 * `lumbar --export`. Reads the journal (or FILE) without taking its lock
 * and never writes it. Invalid entries of a FILE are skipped with a warning
 * naming each: the export of the valid ones is still useful, and
 * `--check` is the command that fails on them.
 *
 * Returns: the exit status
 */
int
lumbar_cli_run_export (const char  *format,
                       const char  *output,
                       const char  *from,
                       const char  *to,
                       const char  *patient_name,
                       char       **files)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  LumbarExportFormat export_format;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GFile) journal_file = NULL;
  g_autofree char *journal_path = NULL;
  const char *file = files ? files[0] : NULL;
  const char *source_name;

  if (!lumbar_export_format_from_string (format, &export_format))
    /* Translators: do not translate the format names csv, json, pdf and fhir */
    return lumbar_cli_usage_error (_("unknown export format “%s” (use csv, json, pdf or fhir)"), format ? format : "");

  if (output == NULL || *output == '\0')
    return lumbar_cli_usage_error ("%s", _("--export needs --output=PATH"));

  if (file && files[1])
    return lumbar_cli_usage_error ("%s", _("--export reads one FILE at most"));

  if (from && !lumbar_day_parse (from, &options.from))
    /* Translators: %s is the date as given */
    return lumbar_cli_usage_error (_("--from=%s is not a date (use YYYY-MM-DD)"), from);
  if (to && !lumbar_day_parse (to, &options.to))
    /* Translators: %s is the date as given */
    return lumbar_cli_usage_error (_("--to=%s is not a date (use YYYY-MM-DD)"), to);

  if (options.from != LUMBAR_DAY_INVALID && options.to != LUMBAR_DAY_INVALID && options.from > options.to)
    return lumbar_cli_usage_error ("%s", _("--from is after --to"));

  if (patient_name && !g_utf8_validate (patient_name, -1, NULL))
    return lumbar_cli_usage_error ("%s", _("--patient-name is not valid UTF-8"));
  options.patient_name = patient_name;

  /* Never write over the diary being read, nor over the user's journal. */
  journal_path = lumbar_store_dup_default_journal_path ();
  journal_file = g_file_new_for_path (journal_path);
  output_file = g_file_new_for_commandline_arg (output);
  if (same_file (output_file, journal_file))
    return lumbar_cli_usage_error ("%s", _("refusing to write the export over your diary"));
  if (file)
    {
      g_autoptr(GFile) source_file = g_file_new_for_commandline_arg (file);

      if (same_file (output_file, source_file))
        return lumbar_cli_usage_error ("%s", _("refusing to write the export over the file it is made from"));
    }

  source_name = file ? file : journal_path;
  doc = lumbar_cli_load_source (file, &error);
  if (doc == NULL)
    {
      lumbar_cli_print_error (source_name, error);
      return LUMBAR_EXIT_INPUT;
    }

  if (doc->problems->len > 0)
    {
      for (guint i = 0; i < doc->problems->len; i++)
        {
          g_autofree char *line = lumbar_problem_to_string (g_ptr_array_index (doc->problems, i), source_name);

          g_printerr ("%s\n", line);
        }
      g_printerr (ngettext ("%s: %u invalid entry skipped; the others are exported\n",
                            "%s: %u invalid entries skipped; the others are exported\n",
                            doc->problems->len),
                  source_name, doc->problems->len);
    }

  if (!lumbar_export_write_file (export_format, doc->entries, &options, output, &error))
    {
      lumbar_cli_print_error (output, error);
      return LUMBAR_EXIT_INPUT;
    }

  selected = lumbar_export_filter (doc->entries, options.from, options.to);
  g_print (ngettext ("%s: exported %u entry\n", "%s: exported %u entries\n", selected->len),
           output, selected->len);
  return LUMBAR_EXIT_OK;
}
