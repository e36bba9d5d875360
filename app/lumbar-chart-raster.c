/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* The dense path: when columns are about a pixel wide, series and spans are drawn in software into one image, composited once. */

static guint32
premultiply (const LumbarChartColor *c)
{
  double a = CLAMP (c->alpha, 0, 1);

  return ((guint32) (a * 255 + 0.5) << 24) |
         ((guint32) (CLAMP (c->red, 0, 1) * a * 255 + 0.5) << 16) |
         ((guint32) (CLAMP (c->green, 0, 1) * a * 255 + 0.5) << 8) |
         (guint32) (CLAMP (c->blue, 0, 1) * a * 255 + 0.5);
}

/* Multiplies each 8-bit channel of @x by @a / 255, two channels at a time. */
static inline guint32
mul_un8x4 (guint32 x,
           guint32 a)
{
  guint32 rb = (x & 0x00ff00ff) * a + 0x00800080;
  guint32 ag = ((x >> 8) & 0x00ff00ff) * a + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;

  return rb | ag;
}

/* Premultiplied OVER of @src onto a run of @n pixels. */
static inline void
blend_run (guint32 *dst,
           int      n,
           guint32  src)
{
  guint32 inv = 255 - (src >> 24);

  if (inv == 0)
    {
      for (int i = 0; i < n; i++)
        dst[i] = src;
      return;
    }
  for (int i = 0; i < n; i++)
    dst[i] = src + mul_un8x4 (dst[i], inv);
}

void
_lumbar_chart_raster_begin (Geometry *g,
                            cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double dx = 1, dy = 0, bottom;

  /* Vector targets (PDF, SVG, print) keep vector shapes. */
  if (!g->allow_raster || !_lumbar_chart_is_dense (g) ||
      (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING))
    return;

  cairo_user_to_device_distance (cr, &dx, &dy);
  g->raster_scale = MAX (1, round (fabs (dx)));
  bottom = l->minutes.height > 0 ? l->minutes.y + l->minutes.height : l->plot.y + l->plot.height;
  g->raster_y = floor (l->plot.y - 4 * g->s);
  g->raster_width = (int) (l->n_columns * g->raster_scale);
  g->raster_height = (int) ceil ((bottom - g->raster_y) * g->raster_scale);
  if (g->raster_width <= 0 || g->raster_height <= 0)
    return;

  g->raster = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, g->raster_width, g->raster_height);
  if (cairo_surface_status (g->raster) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&g->raster, cairo_surface_destroy);
      return;
    }
  cairo_surface_flush (g->raster);
  g->raster_data = (guint32 *) cairo_image_surface_get_data (g->raster);
  g->raster_stride = cairo_image_surface_get_stride (g->raster) / 4;
}

void
_lumbar_chart_raster_end (Geometry *g,
                          cairo_t  *cr)
{
  cairo_pattern_t *pattern;

  if (g->raster == NULL)
    return;

  cairo_surface_mark_dirty (g->raster);
  cairo_save (cr);
  cairo_translate (cr, g->pub.plot.x, g->raster_y);
  cairo_scale (cr, 1 / g->raster_scale, 1 / g->raster_scale);
  cairo_set_source_surface (cr, g->raster, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, 0, 0, g->raster_width, g->raster_height);
  cairo_fill (cr);
  cairo_restore (cr);

  g_clear_pointer (&g->raster, cairo_surface_destroy);
  g->raster_data = NULL;
}

void
_lumbar_chart_spans_begin (Geometry               *g,
                           cairo_t                *cr,
                           const LumbarChartColor *color)
{
  if (g->raster)
    g->span_color = premultiply (color);
  else
    {
      _lumbar_chart_set_color (cr, color);
      cairo_new_path (cr);
    }
}

/* A column-wide vertical span from @top to @bottom (user units), with
 * partial coverage at both ends. */
void
_lumbar_chart_span (Geometry *g,
                    cairo_t  *cr,
                    guint     column,
                    double    top,
                    double    bottom)
{
  const LumbarChartLayout *l = &g->pub;
  double scale = g->raster_scale;
  double t, b;
  int x0, x1, y0, y1;

  if (bottom <= top)
    return;

  if (g->raster == NULL)
    {
      double slot = _lumbar_chart_bucket_slot (l);

      cairo_rectangle (cr, l->plot.x + column * slot, top, slot, bottom - top);
      return;
    }

  t = MAX (0, (top - g->raster_y) * scale);
  b = MIN (g->raster_height, (bottom - g->raster_y) * scale);
  if (b <= t)
    return;
  x0 = (int) (column * scale);
  x1 = MIN (g->raster_width, (int) ((column + 1) * scale));
  y0 = (int) floor (t);
  y1 = (int) ceil (b);

  for (int y = y0; y < y1; y++)
    {
      double cover = MIN (b, y + 1) - MAX (t, y);
      guint32 coverage = (guint32) (CLAMP (cover, 0, 1) * 255 + 0.5);
      guint32 *row = g->raster_data + (gsize) y * g->raster_stride;

      if (coverage == 0)
        continue;
      blend_run (row + x0, x1 - x0,
                 coverage == 255 ? g->span_color : mul_un8x4 (g->span_color, coverage));
    }
}

void
_lumbar_chart_spans_end (Geometry *g,
                         cairo_t  *cr)
{
  if (g->raster == NULL)
    cairo_fill (cr);
}

double
_lumbar_chart_series_value (const GArray *buckets,
                            guint         i,
                            Series        series)
{
  if (i >= buckets->len)
    return -1;
  return _lumbar_chart_bucket_value (&g_array_index (buckets, LumbarChartBucket, i), series);
}

/* When columns are about a pixel wide, a polyline through every column
 * costs more to stroke than the whole rest of the chart. Draw it as one
 * vertical span per column instead, from the midpoint with the previous
 * column to the midpoint with the next: the same picture, filled as
 * rectangles, at a cost that follows the width. */
void
_lumbar_chart_paint_series_dense (Geometry     *g,
                                  cairo_t      *cr,
                                  const GArray *buckets,
                                  Series        series,
                                  double        line_width)
{
  const LumbarChartLayout *l = &g->pub;
  double slot = _lumbar_chart_bucket_slot (l);
  double half = line_width / 2;
  double dash_on = 5 * g->s, dash_period = 8.5 * g->s;
  double length = 0;

  for (guint i = 0; i < buckets->len; i++)
    {
      double v = _lumbar_chart_series_value (buckets, i, series);
      double prev = i > 0 ? _lumbar_chart_series_value (buckets, i - 1, series) : -1;
      double next = _lumbar_chart_series_value (buckets, i + 1, series);
      double y, top, bottom;

      if (v < 0)
        continue;

      y = lumbar_chart_layout_value_to_y (l, v);
      top = bottom = y;
      if (prev >= 0)
        {
          double mid = (y + lumbar_chart_layout_value_to_y (l, prev)) / 2;

          top = MIN (top, mid);
          bottom = MAX (bottom, mid);
          length += hypot (slot, (lumbar_chart_layout_value_to_y (l, prev) - y));
        }
      if (next >= 0)
        {
          double mid = (y + lumbar_chart_layout_value_to_y (l, next)) / 2;

          top = MIN (top, mid);
          bottom = MAX (bottom, mid);
        }
      if (series == SERIES_RADIATING && fmod (length, dash_period) >= dash_on)
        continue;
      _lumbar_chart_span (g, cr, i, top - half, bottom + half);
    }
}
