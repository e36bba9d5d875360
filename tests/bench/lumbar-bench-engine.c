/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

#include "config.h"

#include <cairo.h>

#include "lumbar-bench-private.h"
#include "lumbar-chart-painter.h"
#include "lumbar-daily.h"
#include "lumbar-diary-filter.h"
#include "lumbar-diary-model.h"
#include "lumbar-document.h"
#include "lumbar-export.h"
#include "lumbar-patient-list.h"
#include "lumbar-summary.h"

/* summary_ms: trends + tips on the 10-year journal (a median). */
gboolean
bench_summary_ms (GPtrArray *entries,
                  LumbarDay  today,
                  double    *out)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  lumbar_journal_set_entries (journal, entries);
  for (int run = 0; run < bench_runs (101); run++)
    {
      g_autoptr(LumbarSummary) summary = NULL;
      double t0 = bench_now_ms ();

      summary = lumbar_summary_new (journal, today, LUMBAR_VOICE_PERSON);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
      g_assert (summary != NULL);
    }

  *out = bench_median (samples);
  return TRUE;
}

/* search_ms: a word typed into the Diary's search on 10 years: the filter
 * over every entry and the Diary's list (days and entries) rebuilt, on the
 * main thread (a median). The word is in a few notes only, in another
 * case, so most entries are folded and compared in vain. */
gboolean
bench_search_ms (GPtrArray *entries,
                 double    *out)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarDiaryModel) model = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  const char *words[] = { "Stretching", "SHOES", "drive home" };

  lumbar_journal_set_entries (journal, entries);
  model = lumbar_diary_model_new (journal);
  for (int run = 0; run < bench_runs (31); run++)
    {
      g_autoptr(LumbarDiaryFilter) filter = lumbar_diary_filter_new (words[run % G_N_ELEMENTS (words)], 0, FALSE);
      double t0;

      lumbar_diary_model_set_filter (model, NULL);
      t0 = bench_now_ms ();
      lumbar_diary_model_set_filter (model, filter);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0);
    }

  *out = bench_median (samples);
  return TRUE;
}

static double
paint_ms (const LumbarDaily *days,
          guint              n_days)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  LumbarChartStyle style;

  lumbar_chart_style_init (&style, FALSE);
  for (int run = 0; run < 3; run++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 400);
      cairo_t *cr = cairo_create (surface);
      double t0 = bench_now_ms ();

      lumbar_chart_paint (cr, 1000, 400, days, n_days, &style, LUMBAR_CHART_SHOW_ALL, NULL);
      cairo_surface_flush (surface);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return bench_median (samples);
}

/* chart_ratio: paint all 10 years at 1000×400 ÷ paint 30 days at the same
 * size. The daily aggregates are built beforehand, as the chart widget
 * keeps them between paints. */
gboolean
bench_chart_ratio (GPtrArray *entries,
                   LumbarDay  today,
                   double    *out)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) month = NULL;
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  LumbarDay first, last;

  lumbar_journal_set_entries (journal, entries);
  lumbar_journal_get_day_span (journal, &first, &last);
  all = lumbar_daily_collect (journal, first, today);
  month = lumbar_daily_collect (journal, today - 29, today);

  for (int run = 0; run < bench_runs (11); run++)
    {
      double small = paint_ms ((LumbarDaily *) (void *) month->data, month->len);
      double big = paint_ms ((LumbarDaily *) (void *) all->data, all->len);

      g_array_append_val (ratios, (double) { big / small });
    }

  *out = bench_median (ratios);
  return TRUE;
}

static gboolean
list_idle (gpointer data)
{
  return !lumbar_patient_list_get_loading (data);
}

/* patients_ratio: open a folder of 100 exports in the Patients window's
 * model (read, validated and summarised, in a worker) ÷ read the same
 * files as `lumbar --check` does. Also the absolute time, in @out_ms. */
gboolean
bench_patients_ratio (GPtrArray  *entries,
                      LumbarDay   today,
                      const char *dir,
                      double     *out_ratio,
                      double     *out_ms)
{
  g_autofree char *folder_path = g_build_filename (dir, "patients", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GArray) check = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = NULL;

  /* Each patient exports their last eight weeks. */
  options.from = today - 55;
  options.to = today;
  recent = lumbar_export_filter (entries, options.from, options.to);
  g_mkdir_with_parents (folder_path, 0700);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Patient %03u", i);
      g_autofree char *path = g_strdup_printf ("%s/patient-%03u.lumbar.json", folder_path, i);

      options.patient_name = name;
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = lumbar_export_to_json (recent, &options);
      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL))
        return FALSE;
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  for (int run = 0; run < bench_runs (5); run++)
    {
      g_autoptr(LumbarPatientList) list = lumbar_patient_list_new ();
      double t0 = bench_now_ms ();

      for (guint i = 0; i < files->len; i++)
        {
          LumbarDocument *doc = lumbar_document_load_file (g_ptr_array_index (files, i), LUMBAR_PARSE_DEFAULT, NULL);

          g_assert (doc != NULL);
          lumbar_document_free (doc);
        }
      g_array_append_val (check, (double) { bench_now_ms () - t0 });

      t0 = bench_now_ms ();
      if (!lumbar_patient_list_set_folder (list, folder, NULL))
        return FALSE;
      while (!list_idle (list))
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (open, (double) { bench_now_ms () - t0 });
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (list)) == 100);
    }

  *out_ms = bench_median (open);
  *out_ratio = *out_ms / bench_median (check);
  return TRUE;
}
