/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* The layers: grid, band, series, markers, minutes, time axis and legend, each drawn over the layout. */

/* Runs of consecutive buckets with a value become lines; a bucket alone
 * becomes a dot, so one logged day among empty ones is still visible.
 * Dots are painted separately, after a dense raster has been composited. */
void
_lumbar_chart_paint_series (Geometry      *g,
                            cairo_t       *cr,
                            const GArray  *buckets,
                            Series         series,
                            gboolean       paint_dots)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double slot = _lumbar_chart_bucket_slot (l);
  gboolean dots = slot >= 9 * s;
  double dot_radius = 2.6 * s;
  const LumbarChartColor *color;
  double width;
  guint n = buckets->len;

  switch (series)
    {
    case SERIES_LOCAL:
      color = &style->colors[LUMBAR_CHART_COLOR_LOCAL];
      width = (_lumbar_chart_is_dense (g) ? 1.2 : 2.0) * s;
      break;
    case SERIES_RADIATING:
      color = &style->colors[LUMBAR_CHART_COLOR_RADIATING];
      width = 1.6 * s;
      break;
    case SERIES_MEAN:
    default:
      color = &style->colors[LUMBAR_CHART_COLOR_MEAN];
      width = (_lumbar_chart_is_dense (g) ? 2.2 : 3.2) * s;
      dots = FALSE;
      break;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (series == SERIES_RADIATING)
    {
      double dash[] = { 5 * s, 3.5 * s };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
  else
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  _lumbar_chart_set_color (cr, color);

  if (paint_dots)
    ;
  else if (_lumbar_chart_is_dense (g))
    {
      LumbarChartColor dense_color = *color;

      /* Ten years of daily means are a texture, not a line: let the
       * 7-day average drawn over them carry the trend. */
      if (series == SERIES_LOCAL)
        dense_color.alpha *= 0.6;
      _lumbar_chart_spans_begin (g, cr, &dense_color);
      _lumbar_chart_paint_series_dense (g, cr, buckets, series, width);
      _lumbar_chart_spans_end (g, cr);
    }
  else
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        {
          const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
          double v = _lumbar_chart_bucket_value (b, series);

          if (v < 0)
            continue;
          if (i > 0 && _lumbar_chart_series_value (buckets, i - 1, series) >= 0)
            cairo_line_to (cr, _lumbar_chart_bucket_x (l, b), lumbar_chart_layout_value_to_y (l, v));
          else
            cairo_move_to (cr, _lumbar_chart_bucket_x (l, b), lumbar_chart_layout_value_to_y (l, v));
        }
      cairo_stroke (cr);
    }

  if (!paint_dots)
    {
      cairo_restore (cr);
      return;
    }

  /* Dots: every point when there is room, and lone points always. */
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
      double v = _lumbar_chart_bucket_value (b, series);
      gboolean prev, next;
      double x, y;

      if (v < 0)
        continue;
      prev = i > 0 && _lumbar_chart_bucket_value (&g_array_index (buckets, LumbarChartBucket, i - 1), series) >= 0;
      next = i + 1 < n && _lumbar_chart_bucket_value (&g_array_index (buckets, LumbarChartBucket, i + 1), series) >= 0;
      if (!dots && (prev || next))
        continue;

      x = _lumbar_chart_bucket_x (l, b);
      y = lumbar_chart_layout_value_to_y (l, v);
      cairo_new_sub_path (cr);
      if (series == SERIES_RADIATING)
        {
          /* A hollow diamond: told apart from local pain without colour. */
          double r = dot_radius + 0.6 * s;

          cairo_move_to (cr, x, y - r);
          cairo_line_to (cr, x + r, y);
          cairo_line_to (cr, x, y + r);
          cairo_line_to (cr, x - r, y);
          cairo_close_path (cr);
        }
      else
        cairo_arc (cr, x, y, (prev || next) ? dot_radius : dot_radius + 0.6 * s, 0, 2 * G_PI);
    }
  if (series == SERIES_RADIATING)
    {
      cairo_set_line_width (cr, 1.4 * s);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_path_t *path = cairo_copy_path (cr);

      _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
      cairo_fill (cr);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
      _lumbar_chart_set_color (cr, color);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);

  cairo_restore (cr);
}

void
_lumbar_chart_paint_band (Geometry     *g,
                          cairo_t      *cr,
                          const GArray *buckets)
{
  const LumbarChartLayout *l = &g->pub;
  guint n = buckets->len;
  double half = MAX (2.5 * g->s, _lumbar_chart_bucket_slot (l) * 0.3);
  gboolean dense = _lumbar_chart_is_dense (g);

  _lumbar_chart_spans_begin (g, cr, &g->style->colors[LUMBAR_CHART_COLOR_BAND]);

  for (guint i = 0; i < n;)
    {
      const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
      guint end;

      if (b->n_pain_days == 0)
        {
          i++;
          continue;
        }

      for (end = i; end < n && g_array_index (buckets, LumbarChartBucket, end).n_pain_days > 0; end++)
        ;

      if (dense)
        {
          /* One span per column, see _lumbar_chart_paint_series_dense(). */
          for (guint j = i; j < end; j++)
            {
              const LumbarChartBucket *c = &g_array_index (buckets, LumbarChartBucket, j);

              _lumbar_chart_span (g, cr, j,
                                  lumbar_chart_layout_value_to_y (l, c->local_max),
                                  lumbar_chart_layout_value_to_y (l, c->local_min));
            }
        }
      else if (end - i == 1)
        {
          double x = _lumbar_chart_bucket_x (l, b);
          double y1 = lumbar_chart_layout_value_to_y (l, b->local_max);
          double y2 = lumbar_chart_layout_value_to_y (l, b->local_min);

          cairo_rectangle (cr, x - half, y1, 2 * half, y2 - y1);
        }
      else
        {
          /* A new polygon per run, never joined to the previous one. */
          cairo_new_sub_path (cr);
          for (guint j = i; j < end; j++)
            {
              const LumbarChartBucket *c = &g_array_index (buckets, LumbarChartBucket, j);

              cairo_line_to (cr, _lumbar_chart_bucket_x (l, c), lumbar_chart_layout_value_to_y (l, c->local_max));
            }
          for (guint j = end; j > i; j--)
            {
              const LumbarChartBucket *c = &g_array_index (buckets, LumbarChartBucket, j - 1);

              cairo_line_to (cr, _lumbar_chart_bucket_x (l, c), lumbar_chart_layout_value_to_y (l, c->local_min));
            }
          cairo_close_path (cr);
        }
      i = end;
    }

  if (dense)
    _lumbar_chart_spans_end (g, cr);
  else
    cairo_fill (cr);
}

void
_lumbar_chart_triangle (cairo_t *cr,
                        double   x,
                        double   top,
                        double   half,
                        double   height)
{
  cairo_move_to (cr, x - half, top);
  cairo_line_to (cr, x + half, top);
  cairo_line_to (cr, x, top + height);
  cairo_close_path (cr);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static double
spasm_half_width (Geometry *g,
                  int       intensity)
{
  return (2.2 + 0.38 * MAX (intensity, 0)) * g->s;
}

/* Spasm triangles (larger for stronger spasms) and therapy diamonds (filled
 * for manual therapy) in a lane above the pain scale. Marks closer than
 * their own width are merged, keeping the strongest. */
void
_lumbar_chart_paint_markers (Geometry     *g,
                             cairo_t      *cr,
                             const GArray *buckets)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double row = LANE_ROW * s;
  double slot = _lumbar_chart_bucket_slot (l);
  double therapy_top = l->markers.y;
  double spasm_top = l->markers.y + (g->lane_therapy ? row : 0);

  if (g->lane_therapy)
    {
      double r = 3.8 * s;
      double group_x = -G_MAXDOUBLE;
      gboolean have = FALSE, manual = FALSE;
      double mark_x = 0;
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (double) * 2);

      /* Faint lines through the plot when visits are far enough apart to
       * tell them from the grid. */
      if (slot >= 4 * s)
        {
          double dash[] = { 2 * s, 2 * s };

          cairo_save (cr);
          cairo_set_line_width (cr, 1 * s);
          cairo_set_dash (cr, dash, 2, 0);
          _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY], 0.55);
          for (guint i = 0; i < buckets->len; i++)
            {
              const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
              double x;

              if (b->n_therapy == 0)
                continue;
              x = round (_lumbar_chart_bucket_x (l, b)) + 0.5;
              cairo_move_to (cr, x, l->plot.y);
              cairo_line_to (cr, x, l->plot.y + l->plot.height);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      for (guint i = 0; i <= buckets->len; i++)
        {
          const LumbarChartBucket *b = i < buckets->len ? &g_array_index (buckets, LumbarChartBucket, i) : NULL;
          double x = b ? _lumbar_chart_bucket_x (l, b) : G_MAXDOUBLE;

          if (b && b->n_therapy == 0)
            continue;
          if (have && x - group_x >= 2 * r + 1 * s)
            {
              double mark[2] = { mark_x, manual };

              g_array_append_vals (marks, mark, 1);
              have = FALSE;
            }
          if (!b)
            break;
          if (!have)
            {
              have = TRUE;
              group_x = x;
              mark_x = x;
              manual = FALSE;
            }
          manual |= b->n_manual_therapy > 0;
        }

      cairo_save (cr);
      cairo_set_line_width (cr, 1.4 * s);
      for (guint pass = 0; pass < 2; pass++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < marks->len; i++)
            {
              double *mark = &g_array_index (marks, double, i * 2);

              if ((mark[1] != 0) == (pass == 1))
                diamond (cr, mark[0], therapy_top + row / 2, r);
            }
          _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
          if (pass == 1)
            cairo_fill (cr);
          else
            {
              cairo_path_t *path = cairo_copy_path (cr);

              _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
              cairo_fill (cr);
              cairo_append_path (cr, path);
              cairo_path_destroy (path);
              _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
              cairo_stroke (cr);
            }
        }
      cairo_restore (cr);
    }

  if (g->lane_spasms)
    {
      double max_half = spasm_half_width (g, LUMBAR_PAIN_MAX);
      double group_x = -G_MAXDOUBLE;
      double mark_x = 0;
      int strongest = -1;

      cairo_new_path (cr);
      for (guint i = 0; i <= buckets->len; i++)
        {
          const LumbarChartBucket *b = i < buckets->len ? &g_array_index (buckets, LumbarChartBucket, i) : NULL;
          double x = b ? _lumbar_chart_bucket_x (l, b) : G_MAXDOUBLE;

          if (b && b->n_spasms == 0)
            continue;
          if (strongest >= 0 && x - group_x >= 2 * max_half + 1 * s)
            {
              double half = spasm_half_width (g, strongest);

              _lumbar_chart_triangle (cr, mark_x, spasm_top + 1 * s + (max_half - half) * 0.9,
                                      half, MIN (half * 1.7, row - 2 * s));
              strongest = -1;
            }
          if (!b)
            break;
          if (strongest < 0)
            {
              group_x = x;
              mark_x = x;
              strongest = b->spasm_max;
            }
          else if (b->spasm_max > strongest)
            {
              strongest = b->spasm_max;
              mark_x = x;
            }
        }
      _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_SPASM]);
      cairo_fill (cr);
    }
}

void
_lumbar_chart_paint_minutes (Geometry     *g,
                             cairo_t      *cr,
                             const GArray *buckets)
{
  LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double slot = _lumbar_chart_bucket_slot (l);
  double bar = slot >= 3 * s ? MAX (1, floor (slot * 0.7)) : slot;
  double bottom = l->minutes.y + l->minutes.height;
  double max_minutes = 0;
  g_autofree char *top_label = NULL;
  double w, h;

  if (l->minutes.height <= 0)
    return;

  for (guint i = 0; i < buckets->len; i++)
    {
      const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);

      max_minutes = MAX (max_minutes, b->rest_minutes + b->incline_minutes);
    }
  l->minutes_max = _lumbar_chart_nice_minutes_ceiling (max_minutes);

  /* Scale: a line at the top and the half, labelled at the top. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1 * s);
  _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
  cairo_move_to (cr, l->minutes.x, round (l->minutes.y) + 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (l->minutes.y) + 0.5);
  cairo_move_to (cr, l->minutes.x, round (l->minutes.y + l->minutes.height / 2) + 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (l->minutes.y + l->minutes.height / 2) + 0.5);
  cairo_stroke (cr);
  _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
  cairo_move_to (cr, l->minutes.x, round (bottom) - 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (bottom) - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  top_label = _lumbar_chart_minutes_label (l->minutes_max);
  _lumbar_chart_text_size (g, top_label, &w, &h);
  _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
  _lumbar_chart_text_show (g, cr, l->plot.x - 6 * s - w, l->minutes.y - h / 2);
  _lumbar_chart_text_size (g, "0", &w, &h);
  _lumbar_chart_text_show (g, cr, l->plot.x - 6 * s - w, bottom - h / 2 - 1 * s);

  /* Rest at the bottom, inclined sitting stacked on top: told apart by
   * position as well as colour. A hairline of background separates them. */
  if (_lumbar_chart_is_dense (g))
    {
      for (guint pass = 0; pass < 2; pass++)
        {
          _lumbar_chart_spans_begin (g, cr, pass == 0 ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
          for (guint i = 0; i < buckets->len; i++)
            {
              const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
              double rest_h = b->rest_minutes / l->minutes_max * (l->minutes.height - 1 * s);
              double incline_h = b->incline_minutes / l->minutes_max * (l->minutes.height - 1 * s);

              if (pass == 0)
                _lumbar_chart_span (g, cr, i, bottom - 1 * s - rest_h, bottom - 1 * s);
              else
                _lumbar_chart_span (g, cr, i, bottom - 1 * s - rest_h - incline_h, bottom - 1 * s - rest_h);
            }
          _lumbar_chart_spans_end (g, cr);
        }
      return;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < buckets->len; i++)
        {
          const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
          double rest_h = b->rest_minutes / l->minutes_max * (l->minutes.height - 1 * s);
          double incline_h = b->incline_minutes / l->minutes_max * (l->minutes.height - 1 * s);
          double x = bar < slot ? round (_lumbar_chart_bucket_x (l, b) - bar / 2) : l->plot.x + i * slot;
          double w_bar = bar < slot ? bar : slot;

          if (pass == 0 && rest_h > 0)
            cairo_rectangle (cr, x, bottom - 1 * s - rest_h, w_bar, rest_h);
          else if (pass == 1 && incline_h > 0)
            {
              double gap = rest_h > 0 && bar >= 3 * s ? 1 * s : 0;

              cairo_rectangle (cr, x, bottom - 1 * s - rest_h - gap - incline_h, w_bar, incline_h);
            }
        }
      _lumbar_chart_set_color (cr, pass == 0 ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
      cairo_fill (cr);
    }
}

void
_lumbar_chart_paint_grid (Geometry *g,
                          cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  int step = l->plot.height >= 110 * s ? 2 : 5;

  cairo_save (cr);
  cairo_set_line_width (cr, 1 * s);
  for (int v = 0; v <= LUMBAR_PAIN_MAX; v += step)
    {
      double y = round (lumbar_chart_layout_value_to_y (l, v)) + 0.5;
      char label[8];
      double w, h;

      if (v == 0)
        _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
      else
        _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
      cairo_stroke (cr);

      g_snprintf (label, sizeof label, "%d", v);
      _lumbar_chart_text_size (g, label, &w, &h);
      _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
      _lumbar_chart_text_show (g, cr, l->plot.x - 6 * s - w, y - h / 2);
    }
  cairo_restore (cr);
}

typedef struct {
  double x;
  double width;
  char  *text;
} Label;

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->text);
}

/* Places labels left to right, skipping any that would touch the one
 * before it or leave the chart. */
static void
paint_label_row (Geometry *g,
                 cairo_t  *cr,
                 GArray   *labels,
                 double    y)
{
  double s = g->s;
  double last_right = -G_MAXDOUBLE;
  double gap = 6 * s;

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      double x = label->x;

      if (x < PAD * s * 0.5)
        x = PAD * s * 0.5;
      if (x + label->width > g->pub.width - PAD * s * 0.5)
        x = g->pub.width - PAD * s * 0.5 - label->width;
      if (x < last_right + gap)
        continue;

      _lumbar_chart_text_set (g, label->text);
      _lumbar_chart_text_show (g, cr, x, y);
      last_right = x + label->width;
    }
}

void
_lumbar_chart_paint_time_axis (Geometry          *g,
                               cairo_t           *cr,
                               const LumbarDaily *days,
                               guint              n_days)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) years = NULL;
  LumbarDateStyle format = _lumbar_chart_unit_format (g->unit);
  double grid_bottom = l->minutes.height > 0 ? l->minutes.y + l->minutes.height : l->plot.y + l->plot.height;
  LumbarDay first, last;

  if (n_days == 0)
    return;

  first = days[0].day;
  last = days[n_days - 1].day;
  ticks = _lumbar_chart_unit_ticks (g->unit, first, last);
  labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (labels, label_clear);

  cairo_save (cr);
  cairo_set_line_width (cr, 1 * s);
  _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
  for (guint i = 0; i < ticks->len; i++)
    {
      LumbarDay day = g_array_index (ticks, LumbarDay, i);
      double x = round (lumbar_chart_layout_day_to_x (l, day - first)) + 0.5;
      Label label;

      /* Days and weeks: lines through the days; months and years: at the
       * boundary, where the period starts. */
      if (g->unit->kind == UNIT_MONTH || g->unit->kind == UNIT_YEAR)
        x = round (l->plot.x + (double) (day - first) * l->plot.width / n_days) + 0.5;

      cairo_move_to (cr, x, l->plot.y);
      cairo_line_to (cr, x, l->plot.y + l->plot.height);
      if (l->minutes.height > 0)
        {
          cairo_move_to (cr, x, l->minutes.y);
          cairo_line_to (cr, x, grid_bottom);
        }

      label.text = lumbar_format_date (day, format);
      label.width = _lumbar_chart_text_width (g, label.text);
      if (g->unit->kind == UNIT_MONTH || g->unit->kind == UNIT_YEAR)
        label.x = x + 3 * s;
      else
        label.x = x - label.width / 2;
      g_array_append_val (labels, label);
    }
  cairo_stroke (cr);

  /* Tick marks below the bottom line. */
  _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
  for (guint i = 0; i < ticks->len; i++)
    {
      LumbarDay day = g_array_index (ticks, LumbarDay, i);
      double x = round (lumbar_chart_layout_day_to_x (l, day - first)) + 0.5;

      if (g->unit->kind == UNIT_MONTH || g->unit->kind == UNIT_YEAR)
        x = round (l->plot.x + (double) (day - first) * l->plot.width / n_days) + 0.5;
      cairo_move_to (cr, x, grid_bottom);
      cairo_line_to (cr, x, grid_bottom + 3 * s);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  _lumbar_chart_set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
  paint_label_row (g, cr, labels, l->axis.y);

  if (g->year_row)
    {
      int y, m, d, last_year;
      Label label;

      years = g_array_new (FALSE, FALSE, sizeof (Label));
      g_array_set_clear_func (years, label_clear);
      lumbar_day_to_ymd (first, &y, &m, &d);
      lumbar_day_to_ymd (last, &last_year, &m, &d);

      /* The first year at the start, then each at its 1 January. */
      for (int year = y; year <= last_year; year++)
        {
          LumbarDay day = year == y ? first : lumbar_day_from_ymd (year, 1, 1);

          label.text = lumbar_format_date (day, LUMBAR_DATE_YEAR);
          label.width = _lumbar_chart_text_width (g, label.text);
          label.x = year == y ? l->plot.x : round (l->plot.x + (double) (day - first) * l->plot.width / n_days) + 3 * s;
          g_array_append_val (years, label);
        }

      /* Keep the 1 January label when the start label would crowd it. */
      if (years->len > 1)
        {
          Label *a = &g_array_index (years, Label, 0);
          Label *b = &g_array_index (years, Label, 1);

          if (a->x + a->width + 6 * s > b->x)
            g_array_remove_index (years, 0);
        }

      _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND]);
      paint_label_row (g, cr, years, l->axis.y + g->line_height);
    }
}

void
_lumbar_chart_paint_legend (Geometry *g,
                            cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double x[N_LEGEND] = { 0 };
  guint row[N_LEGEND] = { 0 };
  double lh = g->line_height;
  double sw = SWATCH_WIDTH * s;

  if (g->legend_mask == 0 || l->legend.height <= 0)
    return;

  _lumbar_chart_legend_flow (g, l->legend.width, x, row);

  for (guint i = 0; i < N_LEGEND; i++)
    {
      double ix, iy, cy;

      if (!(g->legend_mask & (1u << i)))
        continue;

      ix = l->legend.x + x[i];
      iy = l->legend.y + row[i] * (lh + 4 * s);
      cy = iy + lh / 2;

      cairo_save (cr);
      cairo_new_path (cr);
      switch ((LegendItem) i)
        {
        case LEGEND_LOCAL:
          _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_LOCAL]);
          cairo_set_line_width (cr, 2 * s);
          cairo_move_to (cr, ix, cy);
          cairo_line_to (cr, ix + sw, cy);
          cairo_stroke (cr);
          cairo_arc (cr, ix + sw / 2, cy, 2.6 * s, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case LEGEND_BAND:
          _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BAND]);
          cairo_rectangle (cr, ix, cy - 5 * s, sw, 10 * s);
          cairo_fill (cr);
          break;
        case LEGEND_RADIATING:
          {
            double dash[] = { 5 * s, 3.5 * s };

            _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_RADIATING]);
            cairo_set_line_width (cr, 1.6 * s);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, ix, cy);
            cairo_line_to (cr, ix + sw, cy);
            cairo_stroke (cr);
          }
          break;
        case LEGEND_MEAN:
          _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_MEAN]);
          cairo_set_line_width (cr, 3.2 * s);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, ix + 1.5 * s, cy);
          cairo_line_to (cr, ix + sw - 1.5 * s, cy);
          cairo_stroke (cr);
          break;
        case LEGEND_SPASM:
          {
            double half = spasm_half_width (g, 6);

            _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_SPASM]);
            _lumbar_chart_triangle (cr, ix + sw / 2, cy - half * 0.85, half, half * 1.7);
            cairo_fill (cr);
          }
          break;
        case LEGEND_THERAPY:
        case LEGEND_MANUAL:
          diamond (cr, ix + sw / 2, cy, 3.8 * s);
          if (i == LEGEND_MANUAL)
            {
              _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_line_width (cr, 1.4 * s);
              _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
              cairo_stroke (cr);
            }
          break;
        case LEGEND_REST:
        case LEGEND_INCLINE:
          _lumbar_chart_set_color (cr, i == LEGEND_REST ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
          cairo_rectangle (cr, ix + 3 * s, cy - 5 * s, sw - 6 * s, 10 * s);
          cairo_fill (cr);
          break;
        case N_LEGEND:
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);

      _lumbar_chart_text_set (g, _lumbar_chart_legend_label (i));
      _lumbar_chart_set_color (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND]);
      _lumbar_chart_text_show (g, cr, ix + sw + 4 * s, iy);
    }
}

void
_lumbar_chart_clip_plot (Geometry *g,
                         cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;

  cairo_rectangle (cr, l->plot.x - 6 * g->s, l->markers.y,
                   l->plot.width + 12 * g->s, l->markers.height + l->plot.height + 4 * g->s);
  cairo_clip (cr);
}
