/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

#include "config.h"

#include <cairo.h>

#include "lumbar-bench-private.h"
#include "lumbar-chart-painter.h"
#include "lumbar-daily.h"
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
