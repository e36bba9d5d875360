/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* The chart's colours and lumbar_chart_paint(): the layers in order over one layout. */

static const LumbarChartColor light_colors[LUMBAR_CHART_N_COLORS] = {
  [LUMBAR_CHART_COLOR_BACKGROUND] = { 1.00, 1.00, 1.00, 1.00 },
  [LUMBAR_CHART_COLOR_FOREGROUND] = { 0.14, 0.14, 0.16, 1.00 },
  [LUMBAR_CHART_COLOR_GRID] = { 0.14, 0.14, 0.16, 0.12 },
  [LUMBAR_CHART_COLOR_LOCAL] = { 0.11, 0.44, 0.85, 1.00 },   /* blue */
  [LUMBAR_CHART_COLOR_BAND] = { 0.11, 0.44, 0.85, 0.20 },
  [LUMBAR_CHART_COLOR_RADIATING] = { 0.78, 0.27, 0.00, 1.00 },   /* orange */
  [LUMBAR_CHART_COLOR_MEAN] = { 0.24, 0.22, 0.27, 0.75 },   /* dark grey */
  [LUMBAR_CHART_COLOR_SPASM] = { 0.75, 0.11, 0.16, 1.00 },   /* red */
  [LUMBAR_CHART_COLOR_THERAPY] = { 0.51, 0.24, 0.61, 1.00 },   /* purple */
  [LUMBAR_CHART_COLOR_REST] = { 0.15, 0.64, 0.41, 0.85 },   /* green */
  [LUMBAR_CHART_COLOR_INCLINE] = { 0.90, 0.65, 0.04, 0.90 },   /* yellow */
};

static const LumbarChartColor dark_colors[LUMBAR_CHART_N_COLORS] = {
  [LUMBAR_CHART_COLOR_BACKGROUND] = { 0.14, 0.14, 0.14, 1.00 },
  [LUMBAR_CHART_COLOR_FOREGROUND] = { 1.00, 1.00, 1.00, 1.00 },
  [LUMBAR_CHART_COLOR_GRID] = { 1.00, 1.00, 1.00, 0.12 },
  [LUMBAR_CHART_COLOR_LOCAL] = { 0.38, 0.63, 0.92, 1.00 },   /* blue 2 */
  [LUMBAR_CHART_COLOR_BAND] = { 0.38, 0.63, 0.92, 0.25 },
  [LUMBAR_CHART_COLOR_RADIATING] = { 1.00, 0.64, 0.28, 1.00 },   /* orange 2 */
  [LUMBAR_CHART_COLOR_MEAN] = { 0.87, 0.87, 0.85, 0.75 },
  [LUMBAR_CHART_COLOR_SPASM] = { 0.96, 0.38, 0.32, 1.00 },   /* red 1 */
  [LUMBAR_CHART_COLOR_THERAPY] = { 0.86, 0.54, 0.87, 1.00 },   /* purple 1 */
  [LUMBAR_CHART_COLOR_REST] = { 0.34, 0.89, 0.54, 0.85 },   /* green 2 */
  [LUMBAR_CHART_COLOR_INCLINE] = { 0.97, 0.89, 0.36, 0.90 },   /* yellow 2 */
};

/**
 * lumbar_chart_style_init:
 * @style: a style to fill in
 * @dark: whether the chart sits on a dark background
 *
 * Fills @style with readable default colours (the widget replaces them
 * with the theme's), no font (the default sans) and scale 1.
 */
void
lumbar_chart_style_init (LumbarChartStyle *style,
                         gboolean          dark)
{
  const LumbarChartColor *c = dark ? dark_colors : light_colors;

  g_return_if_fail (style != NULL);

  memcpy (style->colors, c, sizeof style->colors);
  style->font = NULL;
  style->scale = 1.0;
}

static gboolean
any_data (const LumbarDaily *days,
          guint              n_days)
{
  for (guint i = 0; i < n_days; i++)
    if (lumbar_daily_has_data (&days[i]))
      return TRUE;

  return FALSE;
}

/**
 * lumbar_chart_paint:
 * @cr: where to paint
 * @width: width of the chart in user units of @cr
 * @height: height of the chart
 * @days: (array length=n_days): consecutive days, oldest first
 * @n_days: number of days
 * @style: colours, font and scale
 * @options: what to show besides local pain
 * @out_layout: (out caller-allocates) (optional): where things were drawn,
 *   for hit-testing with lumbar_chart_layout_x_to_day()
 *
 * Paints the pain chart of @days into the rectangle (0, 0, @width, @height).
 * The cost depends on @width, not on @n_days.
 */
void
lumbar_chart_paint (cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const LumbarDaily      *days,
                    guint                   n_days,
                    const LumbarChartStyle *style,
                    LumbarChartOptions      options,
                    LumbarChartLayout      *out_layout)
{
  _lumbar_chart_paint_full (cr, width, height, days, n_days, style, options, TRUE, out_layout);
}

void
_lumbar_chart_paint_full (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const LumbarDaily      *days,
                          guint                   n_days,
                          const LumbarChartStyle *style,
                          LumbarChartOptions      options,
                          gboolean                allow_raster,
                          LumbarChartLayout      *out_layout)
{
  PangoContext *context;
  g_autoptr(GArray) buckets = NULL;
  LumbarChartLayout *l;
  Geometry g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  context = pango_cairo_create_context (cr);
  _lumbar_chart_geometry_init (&g, context, style, options);
  _lumbar_chart_geometry_layout (&g, days, n_days, width, height);
  g.allow_raster = allow_raster;
  l = &g.pub;

  cairo_save (cr);

  _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  buckets = lumbar_chart_compute_buckets (days, n_days, l->n_columns);

  _lumbar_chart_paint_grid (&g, cr);
  _lumbar_chart_paint_time_axis (&g, cr, days, n_days);

  _lumbar_chart_raster_begin (&g, cr);
  _lumbar_chart_paint_minutes (&g, cr, buckets);

  cairo_save (cr);
  _lumbar_chart_clip_plot (&g, cr);
  _lumbar_chart_paint_markers (&g, cr, buckets);
  _lumbar_chart_paint_band (&g, cr, buckets);
  /* The 7-day average goes under the daily line, unless the daily line is
   * so dense that it would hide the trend. */
  if ((options & LUMBAR_CHART_SHOW_ROLLING_MEAN) && !_lumbar_chart_is_dense (&g))
    _lumbar_chart_paint_series (&g, cr, buckets, SERIES_MEAN, FALSE);
  if (options & LUMBAR_CHART_SHOW_RADIATING)
    _lumbar_chart_paint_series (&g, cr, buckets, SERIES_RADIATING, FALSE);
  _lumbar_chart_paint_series (&g, cr, buckets, SERIES_LOCAL, FALSE);
  if ((options & LUMBAR_CHART_SHOW_ROLLING_MEAN) && _lumbar_chart_is_dense (&g))
    _lumbar_chart_paint_series (&g, cr, buckets, SERIES_MEAN, FALSE);
  cairo_restore (cr);
  _lumbar_chart_raster_end (&g, cr);

  cairo_save (cr);
  _lumbar_chart_clip_plot (&g, cr);
  if (options & LUMBAR_CHART_SHOW_RADIATING)
    _lumbar_chart_paint_series (&g, cr, buckets, SERIES_RADIATING, TRUE);
  _lumbar_chart_paint_series (&g, cr, buckets, SERIES_LOCAL, TRUE);
  cairo_restore (cr);

  if (!any_data (days, n_days))
    {
      double w, h;

      _lumbar_chart_text_size (&g, _("Nothing logged in this period"), &w, &h);
      if (w < l->plot.width)
        {
          _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.6);
          _lumbar_chart_text_show (&g, cr, l->plot.x + (l->plot.width - w) / 2, l->plot.y + (l->plot.height - h) / 2);
        }
    }

  _lumbar_chart_paint_legend (&g, cr);

  cairo_restore (cr);

  if (out_layout)
    *out_layout = g.pub;
  _lumbar_chart_geometry_clear (&g);
  g_object_unref (context);
}
