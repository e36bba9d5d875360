/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-export.h"
#include "lumbar-report.h"

typedef struct {
  GPtrArray *entries;
  char      *dir;       /* fresh 0700 directory, removed afterwards */
} Fixture;

static LumbarDay
day (const char *text)
{
  LumbarDay d = LUMBAR_DAY_INVALID;

  g_assert_true (lumbar_day_parse (text, &d));
  return d;
}

static LumbarEntry *
add (GPtrArray  *entries,
     LumbarKind  kind,
     const char *iso8601,
     const char *note)
{
  LumbarEntry *entry = lumbar_entry_new (kind);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (when);
  lumbar_entry_set_date_time (entry, when);
  lumbar_entry_set_note (entry, note);
  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      lumbar_entry_set_local (entry, 4);
      break;
    case LUMBAR_KIND_SPASM:
      lumbar_entry_set_intensity (entry, 7);
      break;
    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      lumbar_entry_set_minutes (entry, 30);
      break;
    case LUMBAR_KIND_THERAPY:
    case LUMBAR_N_KINDS:
    default:
      break;
    }
  g_assert_true (lumbar_entry_validate (entry, NULL));
  g_ptr_array_add (entries, entry);
  return entry;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  LumbarEntry *e;

  fixture->entries = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->dir = g_dir_make_tmp ("lumbar-export-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);

  /* Added out of time order on purpose. */
  e = add (fixture->entries, LUMBAR_KIND_INCLINE, "2026-11-02T18:00:00+01:00", "");
  lumbar_entry_set_support (e, LUMBAR_SUPPORT_RECLINER);
  lumbar_entry_set_legs_supported (e, TRUE);
  lumbar_entry_set_knees_bent (e, FALSE);

  e = add (fixture->entries, LUMBAR_KIND_PAIN, "2026-11-01T08:30:00+01:00", "woke up stiff, \"very\" stiff\nsecond line");
  lumbar_entry_set_local (e, 6);
  lumbar_entry_set_radiating (e, 2);
  lumbar_entry_set_flags (e, LUMBAR_FLAG_NIGHT_PAIN | LUMBAR_FLAG_LEG_NUMBNESS);

  e = add (fixture->entries, LUMBAR_KIND_SPASM, "2026-11-01T14:05:00+01:00", "=HYPERLINK(\"http://x\")");
  lumbar_entry_set_trigger (e, "lifting; twisting");

  add (fixture->entries, LUMBAR_KIND_REST, "2026-11-01T15:00:00+01:00", "-5 is a lie");
  e = add (fixture->entries, LUMBAR_KIND_THERAPY, "2026-11-03T10:00:00+01:00", "Mobilisation L4/L5 — gut");
  lumbar_entry_set_therapy (e, LUMBAR_THERAPY_MANUAL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_chmod (path, 0600);
      g_remove (path);
    }
  g_chmod (fixture->dir, 0700);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->entries);
}

/* An entry at 23:30-05:00 is already the next day in UTC, one at 00:30+09:00
 * still the previous day: each belongs to the date of its own offset. */
static void
test_filter_day_boundaries (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tenth = NULL;
  g_autoptr(GPtrArray) eleventh = NULL;
  g_autoptr(GPtrArray) open_from = NULL;
  g_autoptr(GPtrArray) all = NULL;
  LumbarEntry *late_west = add (entries, LUMBAR_KIND_PAIN, "2026-11-10T23:30:00-05:00", "late west");
  LumbarEntry *early_east = add (entries, LUMBAR_KIND_PAIN, "2026-11-11T00:30:00+09:00", "early east");
  LumbarDay from, to;

  add (entries, LUMBAR_KIND_PAIN, "2026-11-09T12:00:00Z", "before");
  add (entries, LUMBAR_KIND_PAIN, "2026-11-12T12:00:00Z", "after");

  tenth = lumbar_export_filter (entries, day ("2026-11-10"), day ("2026-11-10"));
  g_assert_cmpuint (tenth->len, ==, 1);
  g_assert_true (g_ptr_array_index (tenth, 0) == late_west);

  eleventh = lumbar_export_filter (entries, day ("2026-11-11"), day ("2026-11-11"));
  g_assert_cmpuint (eleventh->len, ==, 1);
  g_assert_true (g_ptr_array_index (eleventh, 0) == early_east);

  open_from = lumbar_export_filter (entries, LUMBAR_DAY_INVALID, day ("2026-11-10"));
  g_assert_cmpuint (open_from->len, ==, 2);

  /* Time order: early_east (15:30 UTC on the 10th) before late_west. */
  all = lumbar_export_filter (entries, LUMBAR_DAY_INVALID, LUMBAR_DAY_INVALID);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (lumbar_entry_get_note (g_ptr_array_index (all, 1)), ==, "early east");
  g_assert_cmpstr (lumbar_entry_get_note (g_ptr_array_index (all, 2)), ==, "late west");

  /* The stated period comes from the entries' own days, not from UTC. */
  lumbar_export_resolve_range (tenth, LUMBAR_DAY_INVALID, LUMBAR_DAY_INVALID, day ("2027-01-01"), &from, &to);
  g_assert_cmpint (from, ==, day ("2026-11-10"));
  g_assert_cmpint (to, ==, day ("2026-11-10"));
}

static void
test_resolve_range (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  LumbarDay today = day ("2026-12-15");
  LumbarDay from, to;

  lumbar_export_resolve_range (fixture->entries, LUMBAR_DAY_INVALID, LUMBAR_DAY_INVALID, today, &from, &to);
  g_assert_cmpint (from, ==, day ("2026-11-01"));
  g_assert_cmpint (to, ==, day ("2026-11-03"));

  lumbar_export_resolve_range (fixture->entries, day ("2026-10-01"), LUMBAR_DAY_INVALID, today, &from, &to);
  g_assert_cmpint (from, ==, day ("2026-10-01"));
  g_assert_cmpint (to, ==, day ("2026-11-03"));

  lumbar_export_resolve_range (none, day ("2026-10-01"), LUMBAR_DAY_INVALID, today, &from, &to);
  g_assert_cmpint (from, ==, day ("2026-10-01"));
  g_assert_cmpint (to, ==, day ("2026-10-01"));

  lumbar_export_resolve_range (none, LUMBAR_DAY_INVALID, LUMBAR_DAY_INVALID, today, &from, &to);
  g_assert_cmpint (from, ==, today);
  g_assert_cmpint (to, ==, today);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-5 * 3600 - 30 * 60);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 12, 1, 9, 15, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;

  options.from = day ("2026-11-01");
  options.to = day ("2026-11-02");
  options.patient_name = "  Anna \"Nő\" Müller ";
  options.now = now;

  bytes = lumbar_export_to_json (fixture->entries, &options);
  text = g_bytes_get_data (bytes, &length);
  g_assert_true (lumbar_json_check_syntax (text, length, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"exported_at\": \"2026-12-01T09:15:00-05:30\""));
  g_assert_nonnull (strstr (text, "\"range\": {\"from\": \"2026-11-01\", \"to\": \"2026-11-02\"}"));

  doc = lumbar_document_parse (text, length, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->problems->len, ==, 0);
  g_assert_cmpstr (doc->patient_name, ==, "Anna \"Nő\" Müller");
  g_assert_cmpstr (doc->exported_at, ==, "2026-12-01T09:15:00-05:30");
  g_assert_cmpint (doc->range_from, ==, options.from);
  g_assert_cmpint (doc->range_to, ==, options.to);

  /* Same entries, in time order, the therapy visit of the 3rd left out. */
  expected = lumbar_export_filter (fixture->entries, options.from, options.to);
  g_assert_cmpuint (expected->len, ==, 4);
  g_assert_cmpuint (doc->entries->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (lumbar_entry_equal (g_ptr_array_index (expected, i), g_ptr_array_index (doc->entries, i)));
}

static void
test_json_without_range_or_name (Fixture       *fixture,
                                 gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = lumbar_export_to_json (fixture->entries, &options);
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) exported = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  doc = lumbar_document_parse (text, length, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (doc->patient_name);
  g_assert_null (strstr (text, "\"patient\""));
  g_assert_cmpuint (doc->entries->len, ==, fixture->entries->len);
  g_assert_cmpint (doc->range_from, ==, day ("2026-11-01"));
  g_assert_cmpint (doc->range_to, ==, day ("2026-11-03"));

  /* "Now", with its offset. */
  exported = g_date_time_new_from_iso8601 (doc->exported_at, NULL);
  g_assert_nonnull (exported);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$",
                                       doc->exported_at, 0, 0));
}

typedef struct {
  const char *text;
  const char *cell;
} Cell;

static void
test_csv_cells (void)
{
  static const Cell cases[] = {
    { "", "" },
    { "plain", "plain" },
    { "=1+2", "'=1+2" },
    { "+49 170", "'+49 170" },
    { "-5 today", "'-5 today" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTab", "'\tTab" },
    { "\rCR", "\"'\rCR\"" },
    { "\nLF", "\"'\nLF\"" },
    { "a, b", "\"a, b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { "=a,\"b\"", "\"'=a,\"\"b\"\"\"" },
    { "1 = 1", "1 = 1" },
    { "Müller ✓", "Müller ✓" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = lumbar_export_csv_cell (cases[i].text);

      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
}

static char *
csv_text (GPtrArray                 *entries,
          const LumbarExportOptions *options)
{
  g_autoptr(GBytes) bytes = lumbar_export_to_csv (entries, options);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_utf8_validate (data, (gssize) length, NULL));
  return g_strndup (data, length);
}

static void
test_csv_rows (Fixture       *fixture,
               gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autofree char *text = csv_text (fixture->entries, &options);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" LUMBAR_EXPORT_CSV_HEADER "\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "date,time,kind,local_pain,radiating_pain,intensity,minutes,details,flags,note");
  /* One row per entry in time order; a note's line break stays inside its
   * quoted cell and is a lone LF, so it does not split this row. */
  g_assert_cmpstr (lines[1], ==, "2026-11-01,08:30,pain,6,2,,,,night-pain;leg-numbness,"
                                 "\"woke up stiff, \"\"very\"\" stiff\nsecond line\"");
  g_assert_cmpstr (lines[2], ==, "2026-11-01,14:05,spasm,,,7,,trigger=lifting; twisting,,"
                                 "\"'=HYPERLINK(\"\"http://x\"\")\"");
  g_assert_cmpstr (lines[3], ==, "2026-11-01,15:00,rest,,,,30,,,'-5 is a lie");
  g_assert_cmpstr (lines[4], ==, "2026-11-02,18:00,incline,,,,30,"
                                 "support=recliner;legs_supported=yes;knees_bent=no,,");
  g_assert_cmpstr (lines[5], ==, "2026-11-03,10:00,therapy,,,,,therapy=manual,,Mobilisation L4/L5 — gut");
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_null (lines[7]);
}

/* Times are the wall clock of the entry's own offset, not of the machine. */
static void
test_csv_own_offset (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autofree char *text = NULL;

  add (entries, LUMBAR_KIND_PAIN, "2026-11-10T23:30:00-05:00", "");
  options.from = options.to = day ("2026-11-10");
  text = csv_text (entries, &options);
  g_assert_nonnull (strstr (text, "\r\n2026-11-10,23:30,pain,4,,,,,,\r\n"));
}

/* A German locale writes "4,5" with printf ("%.1f"); the CSV must not
 * change with the locale. */
static void
test_csv_locale_independent (Fixture       *fixture,
                             gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autofree char *c_text = csv_text (fixture->entries, &options);
  g_autofree char *de_text = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_fail_printf ("the de_DE.UTF-8 locale is missing (build-aux/setup-debian.sh generates it)");
      return;
    }
  de_text = csv_text (fixture->entries, &options);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (de_text, ==, c_text);
}

static void
test_paper_size (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  double width, height;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL || setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("needs the en_US.UTF-8 and de_DE.UTF-8 locales");
      return;
    }

  setlocale (LC_ALL, "en_US.UTF-8");
  lumbar_export_get_paper_size (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.01);

  setlocale (LC_ALL, "de_DE.UTF-8");
  lumbar_export_get_paper_size (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  setlocale (LC_ALL, saved);
}

/* A diary of @n_days days, two readings a day and a rest. */
static GPtrArray *
make_diary (const char *first,
            guint       n_days)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  LumbarDay start = day (first);

  for (guint i = 0; i < n_days; i++)
    {
      g_autofree char *date = lumbar_day_to_string (start + (LumbarDay) i);
      g_autofree char *morning = g_strconcat (date, "T08:00:00+01:00", NULL);
      g_autofree char *evening = g_strconcat (date, "T20:00:00+01:00", NULL);
      g_autofree char *rest = g_strconcat (date, "T13:00:00+01:00", NULL);

      lumbar_entry_set_local (add (entries, LUMBAR_KIND_PAIN, morning, "a note long enough to wrap onto a second line of the notes column in the table"), (int) (i % 11));
      add (entries, LUMBAR_KIND_PAIN, evening, "");
      add (entries, LUMBAR_KIND_REST, rest, "");
    }
  return entries;
}

static void
test_report_pages (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) week = make_diary ("2026-11-01", 7);
  g_autoptr(GPtrArray) year = make_diary ("2026-01-01", 365);
  g_autoptr(LumbarReport) empty = lumbar_report_new (none, day ("2026-11-01"), day ("2026-11-30"), NULL, day ("2026-12-01"));
  g_autoptr(LumbarReport) small = lumbar_report_new (week, day ("2026-11-01"), day ("2026-11-07"), "A", day ("2026-12-01"));
  g_autoptr(LumbarReport) big = lumbar_report_new (year, day ("2026-01-01"), day ("2026-12-31"), NULL, day ("2027-01-01"));
  int a4, shorter;

  /* The summary alone; then the table on a page of its own. */
  g_assert_cmpint (lumbar_report_get_n_pages (empty, 595.28, 841.89), ==, 1);
  g_assert_cmpint (lumbar_report_get_n_pages (small, 595.28, 841.89), ==, 2);

  /* 365 rows cannot fit on one page, and shorter paper takes more pages. */
  a4 = lumbar_report_get_n_pages (big, 595.28, 841.89);
  shorter = lumbar_report_get_n_pages (big, 595.28, 700);
  g_assert_cmpint (a4, >, 5);
  g_assert_cmpint (shorter, >, a4);
  g_assert_cmpint (lumbar_report_get_n_pages (big, 612, 792), >, 5);
  /* Asking again for A4 gives the A4 layout back. */
  g_assert_cmpint (lumbar_report_get_n_pages (big, 595.28, 841.89), ==, a4);
}

/* Draws every page and checks that each has ink inside the sheet and
 * nothing in the outer margin strip (nothing overflows the page). */
static void
test_report_draws_within_page (void)
{
  g_autoptr(GPtrArray) entries = make_diary ("2026-10-01", 61);
  g_autoptr(LumbarReport) report = lumbar_report_new (entries, day ("2026-10-01"), day ("2026-11-30"),
                                                      "Anna Beispiel", day ("2026-12-01"));
  int n_pages = lumbar_report_get_n_pages (report, 595.28, 841.89);

  g_assert_cmpint (n_pages, >=, 3);
  for (int page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, width, height;

      lumbar_report_draw_page (report, cr, 595.28, 841.89, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      g_assert_cmpfloat (width, >, 100);
      g_assert_cmpfloat (x, >=, 20);
      g_assert_cmpfloat (y, >=, 20);
      g_assert_cmpfloat (x + width, <=, 595.28 - 20);
      g_assert_cmpfloat (y + height, <=, 841.89 - 10);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* What pdfinfo (poppler-utils) says of @pdf. */
static char *
pdf_info (Fixture *fixture,
          GBytes  *pdf)
{
  g_autofree char *path = g_build_filename (fixture->dir, "info.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdfinfo could not run (install poppler-utils): %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf_bytes (Fixture       *fixture,
                gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  gsize length;
  const char *pdf;

  options.patient_name = "Anna";
  bytes = lumbar_export_to_pdf (fixture->entries, &options, 612, 792, &error);
  g_assert_no_error (error);
  pdf = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* cairo 1.18 (Debian 13) packs page objects into compressed object
   * streams, so the page size and count are read the way a viewer reads
   * them, not by searching the bytes. */
  info = pdf_info (fixture, bytes);
  g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
}

static void
test_write_file (Fixture       *fixture,
                 gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  LumbarExportFormat formats[] = { LUMBAR_EXPORT_CSV, LUMBAR_EXPORT_JSON, LUMBAR_EXPORT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("export.", lumbar_export_format_to_string (formats[i]), NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      /* An older, world-readable file at the path is replaced, not reused. */
      g_assert_true (g_file_set_contents_full (path, "old", 3, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
      g_assert_true (lumbar_export_write_file (formats[i], fixture->entries, &options, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 3);
    }
}

static void
test_write_file_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "export.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lumbar_export_write_file (LUMBAR_EXPORT_CSV, fixture->entries, &options, path, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_format_names (void)
{
  LumbarExportFormat format;

  g_assert_true (lumbar_export_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, LUMBAR_EXPORT_PDF);
  g_assert_true (lumbar_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, LUMBAR_EXPORT_CSV);
  g_assert_false (lumbar_export_format_from_string ("PDF", &format));
  g_assert_false (lumbar_export_format_from_string ("xlsx", &format));
  g_assert_false (lumbar_export_format_from_string (NULL, &format));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/lumbar/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/lumbar/export/filter-day-boundaries", test_filter_day_boundaries);
  ADD ("resolve-range", test_resolve_range);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("json-without-range-or-name", test_json_without_range_or_name);
  g_test_add_func ("/lumbar/export/csv-cells", test_csv_cells);
  ADD ("csv-rows", test_csv_rows);
  g_test_add_func ("/lumbar/export/csv-own-offset", test_csv_own_offset);
  ADD ("csv-locale-independent", test_csv_locale_independent);
  g_test_add_func ("/lumbar/export/paper-size", test_paper_size);
  g_test_add_func ("/lumbar/export/report-pages", test_report_pages);
  g_test_add_func ("/lumbar/export/report-draws-within-page", test_report_draws_within_page);
  ADD ("pdf-bytes", test_pdf_bytes);
  ADD ("write-file-mode-0600", test_write_file);
  ADD ("write-file-fails", test_write_file_fails);
  g_test_add_func ("/lumbar/export/format-names", test_format_names);

  return g_test_run ();
}
