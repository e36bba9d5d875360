/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <locale.h>
#include <string.h>
#if defined(__GLIBC__)
# include <langinfo.h>
#endif

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-file.h"
#include "lumbar-export.h"
#include "lumbar-report.h"

/* Exports are read by spreadsheets and by other programs, so everything
 * that is not free text (dates, kinds, details, flags) uses the file
 * format's own untranslated names. */

static const char *format_names[] = { "csv", "json", "pdf", "fhir" };

gboolean
lumbar_export_format_from_string (const char         *text,
                                  LumbarExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        if (format)
          *format = (LumbarExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lumbar_export_format_to_string (LumbarExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  LumbarEntry *ea = *(LumbarEntry **) a;
  LumbarEntry *eb = *(LumbarEntry **) b;
  gint64 ta = lumbar_entry_get_time (ea);
  gint64 tb = lumbar_entry_get_time (eb);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  /* The journal's own tie-break, so exports list entries as it does. */
  return g_strcmp0 (lumbar_entry_get_id (ea), lumbar_entry_get_id (eb));
}

/**
 * lumbar_export_filter:
 * @entries: (element-type LumbarEntry): entries in any order
 * @from: first day, or %LUMBAR_DAY_INVALID for no lower bound
 * @to: last day (inclusive), or %LUMBAR_DAY_INVALID for no upper bound
 *
 * An entry belongs to the day of its own offset: a reading at 23:30-05:00
 * stays on its date even though it is already the next day in UTC.
 *
 * Returns: (transfer full) (element-type LumbarEntry): the entries within
 *   the bounds, in time order
 */
GPtrArray *
lumbar_export_filter (GPtrArray *entries,
                      LumbarDay  from,
                      LumbarDay  to)
{
  GPtrArray *result = g_ptr_array_new_full (entries->len, g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);
      LumbarDay day = lumbar_entry_get_day (entry);

      if (from != LUMBAR_DAY_INVALID && day < from)
        continue;
      if (to != LUMBAR_DAY_INVALID && day > to)
        continue;
      g_ptr_array_add (result, g_object_ref (entry));
    }

  g_ptr_array_sort (result, compare_by_time);
  return result;
}

/**
 * lumbar_export_resolve_range:
 * @entries: (element-type LumbarEntry): the exported entries
 * @from: the requested first day, or %LUMBAR_DAY_INVALID
 * @to: the requested last day, or %LUMBAR_DAY_INVALID
 * @today: the export date
 * @out_from: (out): the period's first day
 * @out_to: (out): the period's last day
 *
 * The period an export states: the requested bounds, and for an open
 * bound the first or last day that has an entry. With no entries at all, an
 * open bound takes the other bound, or @today when both are open.
 */
void
lumbar_export_resolve_range (GPtrArray *entries,
                             LumbarDay  from,
                             LumbarDay  to,
                             LumbarDay  today,
                             LumbarDay *out_from,
                             LumbarDay *out_to)
{
  LumbarDay first = LUMBAR_DAY_INVALID;
  LumbarDay last = LUMBAR_DAY_INVALID;

  /* Time order is not day order across offsets, so look at every entry. */
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarDay day = lumbar_entry_get_day (g_ptr_array_index (entries, i));

      if (first == LUMBAR_DAY_INVALID || day < first)
        first = day;
      if (last == LUMBAR_DAY_INVALID || day > last)
        last = day;
    }

  if (from == LUMBAR_DAY_INVALID)
    from = first != LUMBAR_DAY_INVALID ? first : to;
  if (to == LUMBAR_DAY_INVALID)
    to = last != LUMBAR_DAY_INVALID ? last : from;
  if (from == LUMBAR_DAY_INVALID)
    from = to = today;

  *out_from = from;
  *out_to = MAX (from, to);
}

static LumbarDay
options_today (const LumbarExportOptions *options)
{
  return options->today != LUMBAR_DAY_INVALID ? options->today : lumbar_day_today ();
}

/* ---------------------------------------------------------------------------
 * JSON
 * ------------------------------------------------------------------------- */

/**
 * lumbar_export_to_json:
 * @entries: (element-type LumbarEntry): all entries
 * @options: range, patient and time of the export
 *
 * The diary format plus "exported_at", the patient's name when given and
 * the period. Reading it back gives the same entries.
 *
 * Returns: (transfer full): the export
 */
GBytes *
lumbar_export_to_json (GPtrArray                 *entries,
                       const LumbarExportOptions *options)
{
  g_autoptr(GPtrArray) selected = lumbar_export_filter (entries, options->from, options->to);
  g_autoptr(GDateTime) now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *patient = options->patient_name ? g_strstrip (g_strdup (options->patient_name)) : NULL;
  LumbarDocument doc = {
    .version = LUMBAR_FORMAT_VERSION,
    .entries = selected,
    .exported_at = exported_at,
    .patient_name = patient && *patient ? patient : NULL,
  };

  lumbar_export_resolve_range (selected, options->from, options->to, options_today (options),
                               &doc.range_from, &doc.range_to);
  return lumbar_document_to_bytes (&doc);
}

/* ---------------------------------------------------------------------------
 * CSV
 * ------------------------------------------------------------------------- */

/**
 * lumbar_export_csv_cell:
 * @text: a cell's text
 *
 * A spreadsheet runs a cell that starts with = + - @ (or with a tab or line
 * break before one) as a formula, so such a cell gets a leading apostrophe,
 * which spreadsheets show as text. Then RFC 4180 quoting: a cell holding a
 * comma, quote or line break is quoted, with its quotes doubled.
 *
 * Returns: (transfer full): the cell as written to the file
 */
char *
lumbar_export_csv_cell (const char *text)
{
  GString *cell = g_string_new (NULL);
  gboolean quote;

  if (text == NULL)
    text = "";

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (cell, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r\n", text[0]) != NULL)
    g_string_append_c (cell, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (cell, '"');
      g_string_append_c (cell, *p);
    }
  if (quote)
    g_string_append_c (cell, '"');

  return g_string_free (cell, FALSE);
}

static void
append_cell (GString    *out,
             const char *text,
             gboolean    last)
{
  g_autofree char *cell = lumbar_export_csv_cell (text);

  g_string_append (out, cell);
  g_string_append (out, last ? "\r\n" : ",");
}

/* Integers only: "%d" never groups digits and has no decimal point, so no
 * locale changes these cells. */
static void
append_int_cell (GString *out,
                 int      value)
{
  g_string_append_printf (out, "%d,", value);
}

static char *
csv_details (LumbarEntry *entry)
{
  switch (lumbar_entry_get_kind (entry))
    {
    case LUMBAR_KIND_SPASM:
      /* The only key of a spasm, so its value is the rest of the cell,
       * semicolons included. */
      if (*lumbar_entry_get_trigger (entry))
        return g_strconcat ("trigger=", lumbar_entry_get_trigger (entry), NULL);
      return g_strdup ("");

    case LUMBAR_KIND_INCLINE:
      return g_strdup_printf ("support=%s;legs_supported=%s;knees_bent=%s",
                              lumbar_support_to_string (lumbar_entry_get_support (entry)),
                              lumbar_entry_get_legs_supported (entry) ? "yes" : "no",
                              lumbar_entry_get_knees_bent (entry) ? "yes" : "no");

    case LUMBAR_KIND_THERAPY:
      return g_strconcat ("therapy=", lumbar_therapy_to_string (lumbar_entry_get_therapy (entry)), NULL);

    case LUMBAR_KIND_PAIN:
    case LUMBAR_KIND_REST:
      return g_strdup ("");

    case LUMBAR_N_KINDS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static char *
csv_flags (LumbarEntry *entry)
{
  LumbarFlags flags = lumbar_entry_get_flags (entry);
  GString *out = g_string_new (NULL);

  if (lumbar_entry_get_kind (entry) != LUMBAR_KIND_PAIN)
    return g_string_free (out, FALSE);

  for (guint i = 0; i < LUMBAR_N_FLAGS; i++)
    if (flags & (1u << i))
      {
        if (out->len)
          g_string_append_c (out, ';');
        g_string_append (out, lumbar_flag_to_string (1u << i));
      }
  return g_string_free (out, FALSE);
}

static void
append_row (GString     *out,
            LumbarEntry *entry)
{
  LumbarKind kind = lumbar_entry_get_kind (entry);
  LumbarDay day = lumbar_entry_get_day (entry);
  gint64 local = lumbar_entry_get_time (entry) + lumbar_entry_get_utc_offset (entry);
  int seconds = (int) (local - (gint64) day * 86400);
  g_autofree char *date = lumbar_day_to_string (day);
  g_autofree char *time = g_strdup_printf ("%02d:%02d", seconds / 3600, (seconds / 60) % 60);
  g_autofree char *details = csv_details (entry);
  g_autofree char *flags = csv_flags (entry);

  append_cell (out, date, FALSE);
  append_cell (out, time, FALSE);
  append_cell (out, lumbar_kind_to_string (kind), FALSE);

  if (kind == LUMBAR_KIND_PAIN)
    {
      append_int_cell (out, lumbar_entry_get_local (entry));
      if (lumbar_entry_get_radiating (entry) != LUMBAR_RADIATING_NONE)
        append_int_cell (out, lumbar_entry_get_radiating (entry));
      else
        g_string_append_c (out, ',');
    }
  else
    g_string_append (out, ",,");

  if (kind == LUMBAR_KIND_SPASM)
    append_int_cell (out, lumbar_entry_get_intensity (entry));
  else
    g_string_append_c (out, ',');

  if (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE)
    append_int_cell (out, lumbar_entry_get_minutes (entry));
  else
    g_string_append_c (out, ',');

  append_cell (out, details, FALSE);
  append_cell (out, flags, FALSE);
  append_cell (out, lumbar_entry_get_note (entry), TRUE);
}

/**
 * lumbar_export_to_csv:
 * @entries: (element-type LumbarEntry): all entries
 * @options: the range (other fields are not used)
 *
 * One row per entry in time order, RFC 4180, UTF-8 with a byte-order mark:
 * without it Excel reads the file in the system's legacy code page and
 * garbles every accented letter; LibreOffice, Numbers and Python's
 * "utf-8-sig" read the mark as what it is. Date and time are the wall
 * clock where the entry was recorded (the JSON export keeps the offset).
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
lumbar_export_to_csv (GPtrArray                 *entries,
                      const LumbarExportOptions *options)
{
  g_autoptr(GPtrArray) selected = lumbar_export_filter (entries, options->from, options->to);
  GString *out = g_string_sized_new (128 + selected->len * 64);

  g_string_append (out, "\xEF\xBB\xBF" LUMBAR_EXPORT_CSV_HEADER "\r\n");
  for (guint i = 0; i < selected->len; i++)
    append_row (out, g_ptr_array_index (selected, i));

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------------
 * PDF
 * ------------------------------------------------------------------------- */

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lumbar_export_to_pdf:
 * @entries: (element-type LumbarEntry): all entries
 * @options: range, patient and the date tips are evaluated against
 * @width: page width in points
 * @height: page height in points
 * @error: why the document could not be made
 *
 * Returns: (transfer full) (nullable): the report as a PDF document
 */
GBytes *
lumbar_export_to_pdf (GPtrArray                 *entries,
                      const LumbarExportOptions *options,
                      double                     width,
                      double                     height,
                      GError                   **error)
{
  g_autoptr(GPtrArray) selected = lumbar_export_filter (entries, options->from, options->to);
  g_autoptr(LumbarReport) report = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GDateTime) now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  LumbarDay today = options_today (options);
  LumbarDay from, to;
  cairo_surface_t *surface;
  cairo_status_t status;
  int n_pages;

  lumbar_export_resolve_range (selected, options->from, options->to, today, &from, &to);
  report = lumbar_report_new (entries, from, to, options->patient_name, today);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Lumbar pain diary"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lumbar " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  n_pages = lumbar_report_get_n_pages (report, width, height);
  for (int page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      lumbar_report_draw_page (report, cr, width, height, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO,
                   _("could not make the PDF report: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * lumbar_export_get_paper_size:
 * @width: (out): paper width in points
 * @height: (out): paper height in points
 *
 * The paper of the user's locale: A4, or US Letter where that is the norm.
 * glibc knows each locale's paper; elsewhere the territory of the message
 * locale decides.
 */
void
lumbar_export_get_paper_size (double *width,
                              double *height)
{
  static const char *letter_territories[] = {
    "US", "CA", "MX", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PH", "PR", "SV", "VE",
  };
  int width_mm = 210;
  int height_mm = 297;
  gboolean known = FALSE;

#if defined(__GLIBC__)
  {
    int w = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
    int h = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

    if (w > 50 && w < 2000 && h > 50 && h < 2000)
      {
        width_mm = w;
        height_mm = h;
        known = TRUE;
      }
  }
#endif

  if (!known)
    {
      const char *locale = setlocale (LC_MESSAGES, NULL);
      const char *underscore = locale ? strchr (locale, '_') : NULL;

      if (underscore && strlen (underscore) >= 3)
        for (guint i = 0; i < G_N_ELEMENTS (letter_territories); i++)
          if (strncmp (underscore + 1, letter_territories[i], 2) == 0)
            {
              width_mm = 216;
              height_mm = 279;
            }
    }

  /* Exact sizes for the two common papers, not the rounded millimetres. */
  if (width_mm == 216 && height_mm == 279)
    {
      *width = 612;
      *height = 792;
    }
  else if (width_mm == 210 && height_mm == 297)
    {
      *width = 595.2756;
      *height = 841.8898;
    }
  else
    {
      *width = width_mm * 72.0 / 25.4;
      *height = height_mm * 72.0 / 25.4;
    }
}

/**
 * lumbar_export_to_bytes:
 * @format: the kind of file
 * @entries: (element-type LumbarEntry): all entries
 * @options: what to export
 * @error: why it could not be made
 *
 * A PDF is laid out on the locale's paper.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
lumbar_export_to_bytes (LumbarExportFormat         format,
                        GPtrArray                 *entries,
                        const LumbarExportOptions *options,
                        GError                   **error)
{
  switch (format)
    {
    case LUMBAR_EXPORT_CSV:
      return lumbar_export_to_csv (entries, options);
    case LUMBAR_EXPORT_JSON:
      return lumbar_export_to_json (entries, options);
    case LUMBAR_EXPORT_FHIR:
      return lumbar_export_to_fhir (entries, options);
    case LUMBAR_EXPORT_PDF:
      {
        double width, height;

        lumbar_export_get_paper_size (&width, &height);
        return lumbar_export_to_pdf (entries, options, width, height, error);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lumbar_export_write_file:
 * @format: the kind of file
 * @entries: (element-type LumbarEntry): all entries
 * @options: what to export
 * @path: where to write
 * @error: why it could not be written
 *
 * Writes atomically (a reader sees the old file or the whole new one) and
 * durably, readable only by the user: an export is health data.
 *
 * Returns: whether the file was written
 */
gboolean
lumbar_export_write_file (LumbarExportFormat         format,
                          GPtrArray                 *entries,
                          const LumbarExportOptions *options,
                          const char                *path,
                          GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  bytes = lumbar_export_to_bytes (format, entries, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!lumbar_file_write_private (path, data, length, &local_error))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
