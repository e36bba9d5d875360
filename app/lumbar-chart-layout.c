/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* Layout and axes: text, date units and ticks, the legend's flow, and where the plot, lanes, axis and legend go for one size. */

static const Unit units[] = {
  { UNIT_DAY, 1, 1 },
  { UNIT_DAY, 2, 2 },
  { UNIT_WEEK, 1, 7 },
  { UNIT_WEEK, 2, 14 },
  { UNIT_MONTH, 1, 30.44 },
  { UNIT_MONTH, 2, 60.9 },
  { UNIT_MONTH, 3, 91.3 },
  { UNIT_MONTH, 6, 182.6 },
  { UNIT_YEAR, 1, 365.25 },
  { UNIT_YEAR, 2, 730.5 },
  { UNIT_YEAR, 5, 1826.25 },
  { UNIT_YEAR, 10, 3652.5 },
  { UNIT_YEAR, 25, 9131.25 },
  { UNIT_YEAR, 100, 36525 },
};

/* Text */

void
_lumbar_chart_text_set (Geometry   *g,
                        const char *text)
{
  pango_layout_set_text (g->text, text, -1);
}

void
_lumbar_chart_text_size (Geometry   *g,
                         const char *text,
                         double     *width,
                         double     *height)
{
  PangoRectangle logical;

  _lumbar_chart_text_set (g, text);
  pango_layout_get_extents (g->text, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_lumbar_chart_text_width (Geometry   *g,
                          const char *text)
{
  double w;

  _lumbar_chart_text_size (g, text, &w, NULL);
  return w;
}

void
_lumbar_chart_set_color (cairo_t                *cr,
                         const LumbarChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

void
_lumbar_chart_set_color_alpha (cairo_t                *cr,
                               const LumbarChartColor *c,
                               double                  alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Draws the text last measured with _lumbar_chart_text_size() at (x, y), top left. */
void
_lumbar_chart_text_show (Geometry *g,
                         cairo_t  *cr,
                         double    x,
                         double    y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, g->text);
}

/* Dates */

LumbarDateStyle
_lumbar_chart_unit_format (const Unit *unit)
{
  switch (unit->kind)
    {
    case UNIT_DAY:
    case UNIT_WEEK:
      return LUMBAR_DATE_NO_YEAR;
    case UNIT_MONTH:
      return LUMBAR_DATE_MONTH;
    case UNIT_YEAR:
    default:
      return LUMBAR_DATE_YEAR;
    }
}

/* The widest label a unit can produce, so a spacing can be chosen before
 * any label is drawn. */
static double
unit_label_width (Geometry   *g,
                  const Unit *unit)
{
  LumbarDateStyle format = _lumbar_chart_unit_format (unit);
  double widest = 0;

  if (unit->kind == UNIT_YEAR)
    {
      g_autofree char *label = lumbar_format_date (lumbar_day_from_ymd (2088, 8, 28), format);

      return _lumbar_chart_text_width (g, label);
    }

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *label = lumbar_format_date (lumbar_day_from_ymd (2000, month, 28), format);

      widest = MAX (widest, _lumbar_chart_text_width (g, label));
    }

  return widest;
}

static const Unit *
choose_unit (Geometry *g,
             double    plot_width,
             guint     n_days)
{
  double px_per_day = n_days ? plot_width / n_days : plot_width;
  double gap = LABEL_GAP * g->s;
  double widths[UNIT_YEAR + 1] = { -1, -1, -1, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      const Unit *unit = &units[i];
      double spacing = unit->mean_days * px_per_day;
      UnitKind width_kind = unit->kind == UNIT_WEEK ? UNIT_DAY : unit->kind;

      /* No label is narrower than about one line height: skip measuring. */
      if (spacing < g->line_height + gap)
        continue;
      if (widths[width_kind] < 0)
        widths[width_kind] = unit_label_width (g, unit);
      if (spacing >= widths[width_kind] + gap)
        return unit;
    }

  return &units[G_N_ELEMENTS (units) - 1];
}

/* Tick days of @unit within [first, last], in order. */
GArray *
_lumbar_chart_unit_ticks (const Unit *unit,
                          LumbarDay   first,
                          LumbarDay   last)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (LumbarDay));
  int y, m, d;

  switch (unit->kind)
    {
    case UNIT_DAY:
      for (LumbarDay day = first; day <= last; day++)
        if (unit->step == 1 || (day % unit->step + unit->step) % unit->step == 0)
          g_array_append_val (ticks, day);
      break;

    case UNIT_WEEK:
      {
        LumbarDay monday = first + (8 - lumbar_day_get_weekday (first)) % 7;

        for (LumbarDay day = monday; day <= last; day += 7)
          {
            /* 1970-01-05 was a Monday; count weeks from there for a stable
             * choice of every other week. */
            gint64 week = ((gint64) day - 4) / 7;

            if (unit->step == 1 || week % unit->step == 0)
              g_array_append_val (ticks, day);
          }
      }
      break;

    case UNIT_MONTH:
      lumbar_day_to_ymd (first, &y, &m, &d);
      if (d != 1)
        {
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
      for (;;)
        {
          LumbarDay day = lumbar_day_from_ymd (y, m, 1);

          if (day > last)
            break;
          if ((m - 1) % unit->step == 0)
            g_array_append_val (ticks, day);
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
      break;

    case UNIT_YEAR:
    default:
      lumbar_day_to_ymd (first, &y, &m, &d);
      if (m != 1 || d != 1)
        y++;
      for (;; y++)
        {
          LumbarDay day = lumbar_day_from_ymd (y, 1, 1);

          if (day > last)
            break;
          if (y % unit->step == 0)
            g_array_append_val (ticks, day);
        }
      break;
    }

  return ticks;
}

/* Legend */

const char *
_lumbar_chart_legend_label (LegendItem item)
{
  switch (item)
    {
    case LEGEND_LOCAL:
      /* Translators: chart legend; the line of daily mean local pain */
      return _("Local pain");
    case LEGEND_BAND:
      /* Translators: chart legend; the shaded band between the day's lowest and highest reading */
      return _("Lowest–highest");
    case LEGEND_RADIATING:
      /* Translators: chart legend; dashed line */
      return _("Radiating pain");
    case LEGEND_MEAN:
      /* Translators: chart legend; the average over the last 7 days at each day */
      return _("7-day average");
    case LEGEND_SPASM:
      /* Translators: chart legend; triangle marks, larger for stronger spasms */
      return _("Spasm");
    case LEGEND_THERAPY:
      /* Translators: chart legend; a therapy visit that was not manual therapy */
      return _("Therapy");
    case LEGEND_MANUAL:
      /* Translators: chart legend */
      return _("Manual therapy");
    case LEGEND_REST:
      /* Translators: chart legend; bars of minutes of rest per day */
      return _("Rest");
    case LEGEND_INCLINE:
      /* Translators: chart legend; bars of minutes of inclined sitting per day */
      return _("Inclined sitting");
    case N_LEGEND:
    default:
      g_assert_not_reached ();
    }
}

/* Items for what is shown and present in the days: a legend entry for a
 * mark that appears nowhere only takes room. */
static guint
legend_mask_for (LumbarChartOptions  options,
                 const LumbarDaily  *days,
                 guint               n_days)
{
  guint mask = (1 << LEGEND_LOCAL) | (1 << LEGEND_BAND);
  guint present = (1 << LEGEND_LOCAL) | (1 << LEGEND_BAND) | (1 << LEGEND_MEAN);

  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &days[i];

      if (d->n_radiating)
        present |= 1 << LEGEND_RADIATING;
      if (d->n_spasms)
        present |= 1 << LEGEND_SPASM;
      if (d->n_therapy > d->n_manual_therapy)
        present |= 1 << LEGEND_THERAPY;
      if (d->n_manual_therapy)
        present |= 1 << LEGEND_MANUAL;
      if (d->rest_minutes)
        present |= 1 << LEGEND_REST;
      if (d->incline_minutes)
        present |= 1 << LEGEND_INCLINE;
    }

  if (options & LUMBAR_CHART_SHOW_RADIATING)
    mask |= 1 << LEGEND_RADIATING;
  if (options & LUMBAR_CHART_SHOW_ROLLING_MEAN)
    mask |= 1 << LEGEND_MEAN;
  if (options & LUMBAR_CHART_SHOW_SPASMS)
    mask |= 1 << LEGEND_SPASM;
  if (options & LUMBAR_CHART_SHOW_THERAPY)
    mask |= (1 << LEGEND_THERAPY) | (1 << LEGEND_MANUAL);
  if (options & LUMBAR_CHART_SHOW_MINUTES)
    mask |= (1 << LEGEND_REST) | (1 << LEGEND_INCLINE);

  return mask & present;
}

/* Lays the legend out in rows no wider than @width; returns the number of
 * rows and, when @x/@row are given, where each item goes. */
guint
_lumbar_chart_legend_flow (Geometry *g,
                           double    width,
                           double   *x,
                           guint    *row)
{
  double s = g->s;
  double cursor = 0;
  guint rows = 0;

  for (guint i = 0; i < N_LEGEND; i++)
    {
      double item_width;

      if (!(g->legend_mask & (1u << i)))
        continue;

      item_width = (SWATCH_WIDTH + 4) * s + _lumbar_chart_text_width (g, _lumbar_chart_legend_label (i));
      if (rows == 0 || (cursor > 0 && cursor + item_width > width))
        {
          rows++;
          cursor = 0;
        }
      if (x)
        x[i] = cursor;
      if (row)
        row[i] = rows - 1;
      cursor += item_width + LEGEND_ITEM_GAP * s;
    }

  return rows;
}

/* Layout */

int
_lumbar_chart_nice_minutes_ceiling (double minutes)
{
  static const int steps[] = { 30, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2880 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (minutes <= steps[i])
      return steps[i];

  return (int) ceil (minutes / 1440) * 1440;
}

/* The top of the scale of the rest and inclined-sitting bars. */
char *
_lumbar_chart_minutes_label (int minutes)
{
  return lumbar_format_duration (minutes);
}

void
_lumbar_chart_geometry_init (Geometry                *g,
                             PangoContext            *context,
                             const LumbarChartStyle  *style,
                             LumbarChartOptions       options)
{
  g_autoptr(PangoFontDescription) fallback = NULL;
  double height;

  memset (g, 0, sizeof *g);
  g->style = style;
  g->options = options;
  g->s = style->scale > 0 ? style->scale : 1.0;
  g->context = g_object_ref (context);
  pango_cairo_context_set_resolution (context, 96.0 * g->s);
  g->text = pango_layout_new (context);
  if (style->font != NULL)
    pango_layout_set_font_description (g->text, style->font);
  else
    {
      fallback = pango_font_description_from_string ("Sans 9");
      pango_layout_set_font_description (g->text, fallback);
    }
  _lumbar_chart_text_size (g, "0123456789", NULL, &height);
  g->line_height = height;
}

void
_lumbar_chart_geometry_clear (Geometry *g)
{
  g_clear_object (&g->text);
  g_clear_object (&g->context);
}

void
_lumbar_chart_geometry_layout (Geometry          *g,
                               const LumbarDaily *days,
                               guint              n_days,
                               double             width,
                               double             height)
{
  LumbarChartLayout *l = &g->pub;
  double s = g->s;
  double pad = PAD * s;
  double lh = g->line_height;
  double left_label, right, top, bottom_axis, legend_height = 0, minutes_height = 0;
  double max_day_minutes = 0;
  gboolean show_minutes = (g->options & LUMBAR_CHART_SHOW_MINUTES) != 0;
  double plot_bottom;

  l->width = width;
  l->height = height;
  l->n_days = n_days;

  for (guint i = 0; i < n_days; i++)
    max_day_minutes = MAX (max_day_minutes, days[i].rest_minutes + days[i].incline_minutes);

  /* Left margin: the pain scale and the minutes scale labels. */
  left_label = _lumbar_chart_text_width (g, "10");
  if (show_minutes)
    {
      g_autofree char *label = _lumbar_chart_minutes_label (_lumbar_chart_nice_minutes_ceiling (max_day_minutes));

      left_label = MAX (left_label, _lumbar_chart_text_width (g, label));
    }
  /* Whole units, so that dense columns are exactly one unit wide. */
  l->plot.x = ceil (pad + left_label + 6 * s);
  right = 12 * s;
  l->plot.width = MAX (1, floor (width - l->plot.x - right));

  g->unit = choose_unit (g, l->plot.width, n_days);
  g->year_row = FALSE;
  if (g->unit->kind != UNIT_YEAR && n_days > 0)
    {
      int y1, y2, m, d;

      lumbar_day_to_ymd (days[0].day, &y1, &m, &d);
      lumbar_day_to_ymd (days[n_days - 1].day, &y2, &m, &d);
      g->year_row = y1 != y2;
    }

  g->lane_therapy = (g->options & LUMBAR_CHART_SHOW_THERAPY) != 0;
  g->lane_spasms = (g->options & LUMBAR_CHART_SHOW_SPASMS) != 0;
  top = pad + (g->lane_therapy + g->lane_spasms) * LANE_ROW * s;
  /* Room for the half of the "10" label that sits above the top line. */
  top = MAX (top, pad + lh / 2);

  bottom_axis = 4 * s + lh * (g->year_row ? 2 : 1);

  if (g->options & LUMBAR_CHART_SHOW_LEGEND)
    {
      guint rows;

      g->legend_mask = legend_mask_for (g->options, days, n_days);
      rows = _lumbar_chart_legend_flow (g, width - 2 * pad, NULL, NULL);
      legend_height = rows * (lh + 4 * s) + 6 * s;
      if (legend_height > 0.3 * height)
        legend_height = 0;
    }
  if (legend_height == 0)
    g->legend_mask = 0;

  if (show_minutes)
    minutes_height = CLAMP (0.18 * height, 32 * s, 80 * s);

  /* Give up extras, legend first, until the pain scale is tall enough. */
  for (;;)
    {
      double rest = height - top - pad - bottom_axis - legend_height
                    - (minutes_height > 0 ? minutes_height + MINUTES_GAP * s : 0);

      if (rest >= MIN_PLOT_HEIGHT * s || (legend_height == 0 && minutes_height == 0))
        break;
      if (legend_height > 0)
        {
          legend_height = 0;
          g->legend_mask = 0;
        }
      else
        minutes_height = 0;
    }

  l->plot.y = top;
  plot_bottom = height - pad - legend_height - bottom_axis - (minutes_height > 0 ? minutes_height + MINUTES_GAP * s : 0);
  l->plot.height = MAX (1, plot_bottom - top);

  l->markers.x = l->plot.x;
  l->markers.width = l->plot.width;
  l->markers.height = (g->lane_therapy + g->lane_spasms) * LANE_ROW * s;
  l->markers.y = l->plot.y - l->markers.height;

  l->minutes.x = l->plot.x;
  l->minutes.width = l->plot.width;
  l->minutes.y = l->plot.y + l->plot.height + (minutes_height > 0 ? MINUTES_GAP * s : 0);
  l->minutes.height = minutes_height;

  l->axis.x = 0;
  l->axis.width = width;
  l->axis.y = l->minutes.y + l->minutes.height + 4 * s;
  l->axis.height = bottom_axis - 4 * s;

  l->legend.x = pad;
  l->legend.width = legend_height > 0 ? width - 2 * pad : 0;
  l->legend.y = l->axis.y + l->axis.height + 6 * s;
  l->legend.height = legend_height > 0 ? legend_height - 6 * s : 0;

  l->n_columns = n_days <= (guint) l->plot.width ? n_days : (guint) l->plot.width;
  l->minutes_max = _lumbar_chart_nice_minutes_ceiling (max_day_minutes);
}

static PangoContext *
default_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  return pango_font_map_create_context (font_map);
}

/**
 * lumbar_chart_layout_compute:
 * @layout: (out caller-allocates): the layout
 * @context: (nullable): a pango-cairo context to measure text with (its
 *   resolution is set to 96 × the style's scale), or %NULL for one of the
 *   default cairo font map
 * @days: (array length=n_days): consecutive days
 * @n_days: number of days
 * @style: the style that will paint
 * @options: what will be shown
 * @width: width of the whole chart
 * @height: height of the whole chart
 *
 * Computes what lumbar_chart_paint() would lay out, without painting.
 */
void
lumbar_chart_layout_compute (LumbarChartLayout      *layout,
                             PangoContext           *context,
                             const LumbarDaily      *days,
                             guint                   n_days,
                             const LumbarChartStyle *style,
                             LumbarChartOptions      options,
                             double                  width,
                             double                  height)
{
  PangoContext *own = NULL;
  Geometry g;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  if (context == NULL)
    context = own = default_context ();

  _lumbar_chart_geometry_init (&g, context, style, options);
  _lumbar_chart_geometry_layout (&g, days, n_days, width, height);
  *layout = g.pub;
  _lumbar_chart_geometry_clear (&g);
  g_clear_object (&own);
}

/**
 * lumbar_chart_layout_day_to_x:
 * @layout: a layout
 * @index: index of a day in the painted range
 *
 * Returns: the x coordinate of the middle of that day
 */
double
lumbar_chart_layout_day_to_x (const LumbarChartLayout *layout,
                              guint                    index)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (layout->n_days == 0)
    return layout->plot.x + layout->plot.width / 2;

  return layout->plot.x + (index + 0.5) * layout->plot.width / layout->n_days;
}

/**
 * lumbar_chart_layout_x_to_day:
 * @layout: a layout
 * @x: an x coordinate
 * @index: (out) (optional): the day under @x, clamped to the range
 *
 * Returns: %TRUE if @x lies over the plot area (then @index is exact)
 */
gboolean
lumbar_chart_layout_x_to_day (const LumbarChartLayout *layout,
                              double                   x,
                              guint                   *index)
{
  double pos;
  guint day;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->n_days == 0 || layout->plot.width <= 0)
    return FALSE;

  pos = (x - layout->plot.x) / layout->plot.width * layout->n_days;
  day = (guint) CLAMP (floor (pos), 0, layout->n_days - 1);
  if (index)
    *index = day;

  return x >= layout->plot.x && x < layout->plot.x + layout->plot.width;
}

/**
 * lumbar_chart_layout_value_to_y:
 * @layout: a layout
 * @pain: a pain value, 0–10
 *
 * Returns: the y coordinate of @pain on the pain scale
 */
double
lumbar_chart_layout_value_to_y (const LumbarChartLayout *layout,
                                double                   pain)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->plot.y + layout->plot.height * (1.0 - pain / LUMBAR_PAIN_MAX);
}

double
_lumbar_chart_bucket_value (const LumbarChartBucket *b,
                            Series                   series)
{
  switch (series)
    {
    case SERIES_LOCAL:
      return b->n_pain_days ? b->local_mean : -1;
    case SERIES_RADIATING:
      return b->n_radiating_days ? b->radiating_mean : -1;
    case SERIES_MEAN:
    default:
      return b->rolling_mean;
    }
}

double
_lumbar_chart_bucket_x (const LumbarChartLayout *l,
                        const LumbarChartBucket *b)
{
  return l->plot.x + (b->first + b->n_days / 2.0) * l->plot.width / l->n_days;
}

double
_lumbar_chart_bucket_slot (const LumbarChartLayout *l)
{
  return l->n_columns ? l->plot.width / l->n_columns : l->plot.width;
}

gboolean
_lumbar_chart_is_dense (Geometry *g)
{
  return _lumbar_chart_bucket_slot (&g->pub) < 2.0 * g->s;
}
