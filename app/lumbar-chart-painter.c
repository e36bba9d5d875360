/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lumbar-chart-painter.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* The chart is drawn from buckets, never from entries: when the range has
 * more days than the plot has pixel columns, days are merged per column
 * first, so ten years cost about what a month costs. Every size below is in
 * units of style->scale. */

#define PAD              6.0
#define LANE_ROW        12.0
#define LABEL_GAP       10.0
#define SWATCH_WIDTH    18.0
#define LEGEND_ITEM_GAP 14.0
#define MIN_PLOT_HEIGHT 60.0
#define ROLLING_DAYS     7
#define MINUTES_GAP     14.0

typedef enum {
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} UnitKind;

typedef struct {
  UnitKind kind;
  int      step;
  double   mean_days;
} Unit;

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

typedef enum {
  LEGEND_LOCAL,
  LEGEND_BAND,
  LEGEND_RADIATING,
  LEGEND_MEAN,
  LEGEND_SPASM,
  LEGEND_THERAPY,
  LEGEND_MANUAL,
  LEGEND_REST,
  LEGEND_INCLINE,
  N_LEGEND,
} LegendItem;

/* Everything painting needs beyond the public layout. */
typedef struct {
  LumbarChartLayout        pub;
  const LumbarChartStyle  *style;
  LumbarChartOptions       options;
  PangoContext            *context;
  PangoLayout             *text;
  double                   s;
  double                   line_height;
  const Unit              *unit;
  gboolean                 year_row;
  gboolean                 lane_therapy;
  gboolean                 lane_spasms;
  guint                    legend_mask;
  /* Dense ranges on raster targets: one-pixel columns drawn in software. */
  cairo_surface_t         *raster;
  guint32                 *raster_data;
  int                      raster_stride;
  int                      raster_width;
  int                      raster_height;
  double                   raster_scale;
  double                   raster_y;
  guint32                  span_color;
} Geometry;

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

/* Buckets */

static void
rolling_means (const LumbarDaily *days,
               guint              n_days,
               double            *out)
{
  double sum = 0;
  guint count = 0;

  for (guint i = 0; i < n_days; i++)
    {
      if (days[i].n_pain > 0)
        {
          sum += days[i].local_mean;
          count++;
        }
      if (i >= ROLLING_DAYS && days[i - ROLLING_DAYS].n_pain > 0)
        {
          sum -= days[i - ROLLING_DAYS].local_mean;
          count--;
        }
      out[i] = count > 0 ? sum / count : -1;
    }
}

/**
 * lumbar_chart_compute_buckets:
 * @days: (array length=n_days): consecutive days
 * @n_days: number of days
 * @max_columns: how many columns there is room for; 0 for one per day
 *
 * Merges consecutive days into at most @max_columns buckets of nearly equal
 * size, keeping the true minimum and maximum of every bucket.
 *
 * Returns: (transfer full) (element-type LumbarChartBucket): the buckets
 */
GArray *
lumbar_chart_compute_buckets (const LumbarDaily *days,
                              guint              n_days,
                              guint              max_columns)
{
  g_autofree double *rolling = NULL;
  GArray *buckets;
  guint n_buckets;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  n_buckets = (max_columns == 0 || n_days <= max_columns) ? n_days : max_columns;
  buckets = g_array_sized_new (FALSE, TRUE, sizeof (LumbarChartBucket), n_buckets);
  g_array_set_size (buckets, n_buckets);
  if (n_days == 0)
    return buckets;

  rolling = g_new (double, n_days);
  rolling_means (days, n_days, rolling);

  for (guint b = 0; b < n_buckets; b++)
    {
      LumbarChartBucket *bucket = &g_array_index (buckets, LumbarChartBucket, b);
      guint first = (guint) ((guint64) b * n_days / n_buckets);
      guint end = (guint) ((guint64) (b + 1) * n_days / n_buckets);
      double local_sum = 0, radiating_sum = 0, rolling_sum = 0;
      double rest = 0, incline = 0;
      guint n_rolling = 0;

      bucket->first = first;
      bucket->n_days = end - first;
      bucket->local_min = bucket->local_max = -1;
      bucket->radiating_min = bucket->radiating_max = -1;
      bucket->spasm_max = -1;

      for (guint i = first; i < end; i++)
        {
          const LumbarDaily *d = &days[i];

          if (d->n_pain > 0)
            {
              bucket->local_min = bucket->n_pain_days ? MIN (bucket->local_min, d->local_min) : d->local_min;
              bucket->local_max = MAX (bucket->local_max, d->local_max);
              local_sum += d->local_mean;
              bucket->n_pain_days++;
            }
          if (d->n_radiating > 0)
            {
              bucket->radiating_min = bucket->n_radiating_days ? MIN (bucket->radiating_min, d->radiating_min) : d->radiating_min;
              bucket->radiating_max = MAX (bucket->radiating_max, d->radiating_max);
              radiating_sum += d->radiating_mean;
              bucket->n_radiating_days++;
            }
          if (rolling[i] >= 0)
            {
              rolling_sum += rolling[i];
              n_rolling++;
            }
          if (d->n_spasms > 0)
            {
              bucket->n_spasms += d->n_spasms;
              bucket->n_spasm_days++;
              bucket->spasm_max = MAX (bucket->spasm_max, d->spasm_max);
            }
          bucket->n_therapy += d->n_therapy;
          bucket->n_manual_therapy += d->n_manual_therapy;
          rest += d->rest_minutes;
          incline += d->incline_minutes;
        }

      bucket->local_mean = bucket->n_pain_days ? local_sum / bucket->n_pain_days : 0;
      bucket->radiating_mean = bucket->n_radiating_days ? radiating_sum / bucket->n_radiating_days : 0;
      bucket->rolling_mean = n_rolling ? rolling_sum / n_rolling : -1;
      bucket->rest_minutes = rest / bucket->n_days;
      bucket->incline_minutes = incline / bucket->n_days;
    }

  return buckets;
}

/* Text */

static void
text_set (Geometry   *g,
          const char *text)
{
  pango_layout_set_text (g->text, text, -1);
}

static void
text_size (Geometry   *g,
           const char *text,
           double     *width,
           double     *height)
{
  PangoRectangle logical;

  text_set (g, text);
  pango_layout_get_extents (g->text, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
text_width (Geometry   *g,
            const char *text)
{
  double w;

  text_size (g, text, &w, NULL);
  return w;
}

static void
set_color (cairo_t                *cr,
           const LumbarChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_color_alpha (cairo_t                *cr,
                 const LumbarChartColor *c,
                 double                  alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Draws the text last measured with text_size() at (x, y), top left. */
static void
text_show (Geometry *g,
           cairo_t  *cr,
           double    x,
           double    y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, g->text);
}

/* Dates */

static LumbarDateStyle
unit_format (const Unit *unit)
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
  LumbarDateStyle format = unit_format (unit);
  double widest = 0;

  if (unit->kind == UNIT_YEAR)
    {
      g_autofree char *label = lumbar_format_date (lumbar_day_from_ymd (2088, 8, 28), format);

      return text_width (g, label);
    }

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *label = lumbar_format_date (lumbar_day_from_ymd (2000, month, 28), format);

      widest = MAX (widest, text_width (g, label));
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
static GArray *
unit_ticks (const Unit *unit,
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

static const char *
legend_label (LegendItem item)
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
static guint
legend_flow (Geometry *g,
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

      item_width = (SWATCH_WIDTH + 4) * s + text_width (g, legend_label (i));
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

static int
nice_minutes_ceiling (double minutes)
{
  static const int steps[] = { 30, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2880 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (minutes <= steps[i])
      return steps[i];

  return (int) ceil (minutes / 1440) * 1440;
}

/* The top of the scale of the rest and inclined-sitting bars. */
static char *
minutes_label (int minutes)
{
  return lumbar_format_duration (minutes);
}

static void
geometry_init (Geometry                *g,
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
  text_size (g, "0123456789", NULL, &height);
  g->line_height = height;
}

static void
geometry_clear (Geometry *g)
{
  g_clear_object (&g->text);
  g_clear_object (&g->context);
}

static void
geometry_layout (Geometry          *g,
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
  left_label = text_width (g, "10");
  if (show_minutes)
    {
      g_autofree char *label = minutes_label (nice_minutes_ceiling (max_day_minutes));

      left_label = MAX (left_label, text_width (g, label));
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
      rows = legend_flow (g, width - 2 * pad, NULL, NULL);
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
  l->minutes_max = nice_minutes_ceiling (max_day_minutes);
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

  geometry_init (&g, context, style, options);
  geometry_layout (&g, days, n_days, width, height);
  *layout = g.pub;
  geometry_clear (&g);
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

/* Painting */

typedef enum {
  SERIES_LOCAL,
  SERIES_RADIATING,
  SERIES_MEAN,
} Series;

static double
bucket_value (const LumbarChartBucket *b,
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

static double
bucket_x (const LumbarChartLayout *l,
          const LumbarChartBucket *b)
{
  return l->plot.x + (b->first + b->n_days / 2.0) * l->plot.width / l->n_days;
}

static double
bucket_slot (const LumbarChartLayout *l)
{
  return l->n_columns ? l->plot.width / l->n_columns : l->plot.width;
}

static gboolean
is_dense (Geometry *g)
{
  return bucket_slot (&g->pub) < 2.0 * g->s;
}

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

static void
raster_begin (Geometry *g,
              cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double dx = 1, dy = 0, bottom;

  /* Vector targets (PDF, SVG, print) keep vector shapes. */
  if (!is_dense (g) || (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING))
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

static void
raster_end (Geometry *g,
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

static void
spans_begin (Geometry               *g,
             cairo_t                *cr,
             const LumbarChartColor *color)
{
  if (g->raster)
    g->span_color = premultiply (color);
  else
    {
      set_color (cr, color);
      cairo_new_path (cr);
    }
}

/* A column-wide vertical span from @top to @bottom (user units), with
 * partial coverage at both ends. */
static void
span (Geometry *g,
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
      double slot = bucket_slot (l);

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

static void
spans_end (Geometry *g,
           cairo_t  *cr)
{
  if (g->raster == NULL)
    cairo_fill (cr);
}

static double
series_value (const GArray *buckets,
              guint         i,
              Series        series)
{
  if (i >= buckets->len)
    return -1;
  return bucket_value (&g_array_index (buckets, LumbarChartBucket, i), series);
}

/* When columns are about a pixel wide, a polyline through every column
 * costs more to stroke than the whole rest of the chart. Draw it as one
 * vertical span per column instead, from the midpoint with the previous
 * column to the midpoint with the next: the same picture, filled as
 * rectangles, at a cost that follows the width. */
static void
paint_series_dense (Geometry     *g,
                    cairo_t      *cr,
                    const GArray *buckets,
                    Series        series,
                    double        line_width)
{
  const LumbarChartLayout *l = &g->pub;
  double slot = bucket_slot (l);
  double half = line_width / 2;
  double dash_on = 5 * g->s, dash_period = 8.5 * g->s;
  double length = 0;

  for (guint i = 0; i < buckets->len; i++)
    {
      double v = series_value (buckets, i, series);
      double prev = i > 0 ? series_value (buckets, i - 1, series) : -1;
      double next = series_value (buckets, i + 1, series);
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
      span (g, cr, i, top - half, bottom + half);
    }
}

/* Runs of consecutive buckets with a value become lines; a bucket alone
 * becomes a dot, so one logged day among empty ones is still visible.
 * Dots are painted separately, after a dense raster has been composited. */
static void
paint_series (Geometry      *g,
              cairo_t       *cr,
              const GArray  *buckets,
              Series         series,
              gboolean       paint_dots)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double slot = bucket_slot (l);
  gboolean dots = slot >= 9 * s;
  double dot_radius = 2.6 * s;
  const LumbarChartColor *color;
  double width;
  guint n = buckets->len;

  switch (series)
    {
    case SERIES_LOCAL:
      color = &style->colors[LUMBAR_CHART_COLOR_LOCAL];
      width = (is_dense (g) ? 1.2 : 2.0) * s;
      break;
    case SERIES_RADIATING:
      color = &style->colors[LUMBAR_CHART_COLOR_RADIATING];
      width = 1.6 * s;
      break;
    case SERIES_MEAN:
    default:
      color = &style->colors[LUMBAR_CHART_COLOR_MEAN];
      width = (is_dense (g) ? 2.2 : 3.2) * s;
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
  set_color (cr, color);

  if (paint_dots)
    ;
  else if (is_dense (g))
    {
      LumbarChartColor dense_color = *color;

      /* Ten years of daily means are a texture, not a line: let the
       * 7-day average drawn over them carry the trend. */
      if (series == SERIES_LOCAL)
        dense_color.alpha *= 0.6;
      spans_begin (g, cr, &dense_color);
      paint_series_dense (g, cr, buckets, series, width);
      spans_end (g, cr);
    }
  else
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        {
          const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
          double v = bucket_value (b, series);

          if (v < 0)
            continue;
          if (i > 0 && series_value (buckets, i - 1, series) >= 0)
            cairo_line_to (cr, bucket_x (l, b), lumbar_chart_layout_value_to_y (l, v));
          else
            cairo_move_to (cr, bucket_x (l, b), lumbar_chart_layout_value_to_y (l, v));
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
      double v = bucket_value (b, series);
      gboolean prev, next;
      double x, y;

      if (v < 0)
        continue;
      prev = i > 0 && bucket_value (&g_array_index (buckets, LumbarChartBucket, i - 1), series) >= 0;
      next = i + 1 < n && bucket_value (&g_array_index (buckets, LumbarChartBucket, i + 1), series) >= 0;
      if (!dots && (prev || next))
        continue;

      x = bucket_x (l, b);
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

      set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
      cairo_fill (cr);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
      set_color (cr, color);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);

  cairo_restore (cr);
}

static void
paint_band (Geometry     *g,
            cairo_t      *cr,
            const GArray *buckets)
{
  const LumbarChartLayout *l = &g->pub;
  guint n = buckets->len;
  double half = MAX (2.5 * g->s, bucket_slot (l) * 0.3);
  gboolean dense = is_dense (g);

  spans_begin (g, cr, &g->style->colors[LUMBAR_CHART_COLOR_BAND]);

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
          /* One span per column, see paint_series_dense(). */
          for (guint j = i; j < end; j++)
            {
              const LumbarChartBucket *c = &g_array_index (buckets, LumbarChartBucket, j);

              span (g, cr, j,
                    lumbar_chart_layout_value_to_y (l, c->local_max),
                    lumbar_chart_layout_value_to_y (l, c->local_min));
            }
        }
      else if (end - i == 1)
        {
          double x = bucket_x (l, b);
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

              cairo_line_to (cr, bucket_x (l, c), lumbar_chart_layout_value_to_y (l, c->local_max));
            }
          for (guint j = end; j > i; j--)
            {
              const LumbarChartBucket *c = &g_array_index (buckets, LumbarChartBucket, j - 1);

              cairo_line_to (cr, bucket_x (l, c), lumbar_chart_layout_value_to_y (l, c->local_min));
            }
          cairo_close_path (cr);
        }
      i = end;
    }

  if (dense)
    spans_end (g, cr);
  else
    cairo_fill (cr);
}

static void
triangle (cairo_t *cr,
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
static void
paint_markers (Geometry     *g,
               cairo_t      *cr,
               const GArray *buckets)
{
  const LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double row = LANE_ROW * s;
  double slot = bucket_slot (l);
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
          set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY], 0.55);
          for (guint i = 0; i < buckets->len; i++)
            {
              const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
              double x;

              if (b->n_therapy == 0)
                continue;
              x = round (bucket_x (l, b)) + 0.5;
              cairo_move_to (cr, x, l->plot.y);
              cairo_line_to (cr, x, l->plot.y + l->plot.height);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      for (guint i = 0; i <= buckets->len; i++)
        {
          const LumbarChartBucket *b = i < buckets->len ? &g_array_index (buckets, LumbarChartBucket, i) : NULL;
          double x = b ? bucket_x (l, b) : G_MAXDOUBLE;

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
          set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
          if (pass == 1)
            cairo_fill (cr);
          else
            {
              cairo_path_t *path = cairo_copy_path (cr);

              set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
              cairo_fill (cr);
              cairo_append_path (cr, path);
              cairo_path_destroy (path);
              set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
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
          double x = b ? bucket_x (l, b) : G_MAXDOUBLE;

          if (b && b->n_spasms == 0)
            continue;
          if (strongest >= 0 && x - group_x >= 2 * max_half + 1 * s)
            {
              double half = spasm_half_width (g, strongest);

              triangle (cr, mark_x, spasm_top + 1 * s + (max_half - half) * 0.9,
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
      set_color (cr, &style->colors[LUMBAR_CHART_COLOR_SPASM]);
      cairo_fill (cr);
    }
}

static void
paint_minutes (Geometry     *g,
               cairo_t      *cr,
               const GArray *buckets)
{
  LumbarChartLayout *l = &g->pub;
  const LumbarChartStyle *style = g->style;
  double s = g->s;
  double slot = bucket_slot (l);
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
  l->minutes_max = nice_minutes_ceiling (max_minutes);

  /* Scale: a line at the top and the half, labelled at the top. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1 * s);
  set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
  cairo_move_to (cr, l->minutes.x, round (l->minutes.y) + 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (l->minutes.y) + 0.5);
  cairo_move_to (cr, l->minutes.x, round (l->minutes.y + l->minutes.height / 2) + 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (l->minutes.y + l->minutes.height / 2) + 0.5);
  cairo_stroke (cr);
  set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
  cairo_move_to (cr, l->minutes.x, round (bottom) - 0.5);
  cairo_line_to (cr, l->minutes.x + l->minutes.width, round (bottom) - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  top_label = minutes_label (l->minutes_max);
  text_size (g, top_label, &w, &h);
  set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
  text_show (g, cr, l->plot.x - 6 * s - w, l->minutes.y - h / 2);
  text_size (g, "0", &w, &h);
  text_show (g, cr, l->plot.x - 6 * s - w, bottom - h / 2 - 1 * s);

  /* Rest at the bottom, inclined sitting stacked on top: told apart by
   * position as well as colour. A hairline of background separates them. */
  if (is_dense (g))
    {
      for (guint pass = 0; pass < 2; pass++)
        {
          spans_begin (g, cr, pass == 0 ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
          for (guint i = 0; i < buckets->len; i++)
            {
              const LumbarChartBucket *b = &g_array_index (buckets, LumbarChartBucket, i);
              double rest_h = b->rest_minutes / l->minutes_max * (l->minutes.height - 1 * s);
              double incline_h = b->incline_minutes / l->minutes_max * (l->minutes.height - 1 * s);

              if (pass == 0)
                span (g, cr, i, bottom - 1 * s - rest_h, bottom - 1 * s);
              else
                span (g, cr, i, bottom - 1 * s - rest_h - incline_h, bottom - 1 * s - rest_h);
            }
          spans_end (g, cr);
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
          double x = bar < slot ? round (bucket_x (l, b) - bar / 2) : l->plot.x + i * slot;
          double w_bar = bar < slot ? bar : slot;

          if (pass == 0 && rest_h > 0)
            cairo_rectangle (cr, x, bottom - 1 * s - rest_h, w_bar, rest_h);
          else if (pass == 1 && incline_h > 0)
            {
              double gap = rest_h > 0 && bar >= 3 * s ? 1 * s : 0;

              cairo_rectangle (cr, x, bottom - 1 * s - rest_h - gap - incline_h, w_bar, incline_h);
            }
        }
      set_color (cr, pass == 0 ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
      cairo_fill (cr);
    }
}

static void
paint_grid (Geometry *g,
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
        set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
      else
        set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
      cairo_stroke (cr);

      g_snprintf (label, sizeof label, "%d", v);
      text_size (g, label, &w, &h);
      set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
      text_show (g, cr, l->plot.x - 6 * s - w, y - h / 2);
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

      text_set (g, label->text);
      text_show (g, cr, x, y);
      last_right = x + label->width;
    }
}

static void
paint_time_axis (Geometry          *g,
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
  LumbarDateStyle format = unit_format (g->unit);
  double grid_bottom = l->minutes.height > 0 ? l->minutes.y + l->minutes.height : l->plot.y + l->plot.height;
  LumbarDay first, last;

  if (n_days == 0)
    return;

  first = days[0].day;
  last = days[n_days - 1].day;
  ticks = unit_ticks (g->unit, first, last);
  labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (labels, label_clear);

  cairo_save (cr);
  cairo_set_line_width (cr, 1 * s);
  set_color (cr, &style->colors[LUMBAR_CHART_COLOR_GRID]);
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
      label.width = text_width (g, label.text);
      if (g->unit->kind == UNIT_MONTH || g->unit->kind == UNIT_YEAR)
        label.x = x + 3 * s;
      else
        label.x = x - label.width / 2;
      g_array_append_val (labels, label);
    }
  cairo_stroke (cr);

  /* Tick marks below the bottom line. */
  set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.45);
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

  set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.75);
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
          label.width = text_width (g, label.text);
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

      set_color (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND]);
      paint_label_row (g, cr, years, l->axis.y + g->line_height);
    }
}

static void
paint_legend (Geometry *g,
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

  legend_flow (g, l->legend.width, x, row);

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
          set_color (cr, &style->colors[LUMBAR_CHART_COLOR_LOCAL]);
          cairo_set_line_width (cr, 2 * s);
          cairo_move_to (cr, ix, cy);
          cairo_line_to (cr, ix + sw, cy);
          cairo_stroke (cr);
          cairo_arc (cr, ix + sw / 2, cy, 2.6 * s, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case LEGEND_BAND:
          set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BAND]);
          cairo_rectangle (cr, ix, cy - 5 * s, sw, 10 * s);
          cairo_fill (cr);
          break;
        case LEGEND_RADIATING:
          {
            double dash[] = { 5 * s, 3.5 * s };

            set_color (cr, &style->colors[LUMBAR_CHART_COLOR_RADIATING]);
            cairo_set_line_width (cr, 1.6 * s);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, ix, cy);
            cairo_line_to (cr, ix + sw, cy);
            cairo_stroke (cr);
          }
          break;
        case LEGEND_MEAN:
          set_color (cr, &style->colors[LUMBAR_CHART_COLOR_MEAN]);
          cairo_set_line_width (cr, 3.2 * s);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, ix + 1.5 * s, cy);
          cairo_line_to (cr, ix + sw - 1.5 * s, cy);
          cairo_stroke (cr);
          break;
        case LEGEND_SPASM:
          {
            double half = spasm_half_width (g, 6);

            set_color (cr, &style->colors[LUMBAR_CHART_COLOR_SPASM]);
            triangle (cr, ix + sw / 2, cy - half * 0.85, half, half * 1.7);
            cairo_fill (cr);
          }
          break;
        case LEGEND_THERAPY:
        case LEGEND_MANUAL:
          diamond (cr, ix + sw / 2, cy, 3.8 * s);
          if (i == LEGEND_MANUAL)
            {
              set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_line_width (cr, 1.4 * s);
              set_color (cr, &style->colors[LUMBAR_CHART_COLOR_THERAPY]);
              cairo_stroke (cr);
            }
          break;
        case LEGEND_REST:
        case LEGEND_INCLINE:
          set_color (cr, i == LEGEND_REST ? &style->colors[LUMBAR_CHART_COLOR_REST] : &style->colors[LUMBAR_CHART_COLOR_INCLINE]);
          cairo_rectangle (cr, ix + 3 * s, cy - 5 * s, sw - 6 * s, 10 * s);
          cairo_fill (cr);
          break;
        case N_LEGEND:
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);

      text_set (g, legend_label (i));
      set_color (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND]);
      text_show (g, cr, ix + sw + 4 * s, iy);
    }
}

static void
clip_plot (Geometry *g,
           cairo_t  *cr)
{
  const LumbarChartLayout *l = &g->pub;

  cairo_rectangle (cr, l->plot.x - 6 * g->s, l->markers.y,
                   l->plot.width + 12 * g->s, l->markers.height + l->plot.height + 4 * g->s);
  cairo_clip (cr);
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
  PangoContext *context;
  g_autoptr(GArray) buckets = NULL;
  LumbarChartLayout *l;
  Geometry g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  context = pango_cairo_create_context (cr);
  geometry_init (&g, context, style, options);
  geometry_layout (&g, days, n_days, width, height);
  l = &g.pub;

  cairo_save (cr);

  set_color (cr, &style->colors[LUMBAR_CHART_COLOR_BACKGROUND]);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  buckets = lumbar_chart_compute_buckets (days, n_days, l->n_columns);

  paint_grid (&g, cr);
  paint_time_axis (&g, cr, days, n_days);

  raster_begin (&g, cr);
  paint_minutes (&g, cr, buckets);

  cairo_save (cr);
  clip_plot (&g, cr);
  paint_markers (&g, cr, buckets);
  paint_band (&g, cr, buckets);
  /* The 7-day average goes under the daily line, unless the daily line is
   * so dense that it would hide the trend. */
  if ((options & LUMBAR_CHART_SHOW_ROLLING_MEAN) && !is_dense (&g))
    paint_series (&g, cr, buckets, SERIES_MEAN, FALSE);
  if (options & LUMBAR_CHART_SHOW_RADIATING)
    paint_series (&g, cr, buckets, SERIES_RADIATING, FALSE);
  paint_series (&g, cr, buckets, SERIES_LOCAL, FALSE);
  if ((options & LUMBAR_CHART_SHOW_ROLLING_MEAN) && is_dense (&g))
    paint_series (&g, cr, buckets, SERIES_MEAN, FALSE);
  cairo_restore (cr);
  raster_end (&g, cr);

  cairo_save (cr);
  clip_plot (&g, cr);
  if (options & LUMBAR_CHART_SHOW_RADIATING)
    paint_series (&g, cr, buckets, SERIES_RADIATING, TRUE);
  paint_series (&g, cr, buckets, SERIES_LOCAL, TRUE);
  cairo_restore (cr);

  if (!any_data (days, n_days))
    {
      double w, h;

      text_size (&g, _("Nothing logged in this period"), &w, &h);
      if (w < l->plot.width)
        {
          set_color_alpha (cr, &style->colors[LUMBAR_CHART_COLOR_FOREGROUND], 0.6);
          text_show (&g, cr, l->plot.x + (l->plot.width - w) / 2, l->plot.y + (l->plot.height - h) / 2);
        }
    }

  paint_legend (&g, cr);

  cairo_restore (cr);

  if (out_layout)
    *out_layout = g.pub;
  geometry_clear (&g);
  g_object_unref (context);
}

/* Words */

static char *
format_pain (double value)
{
  return lumbar_format_decimal (value, LUMBAR_NUMBERS_LOCALE);
}

static char *
format_date (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_SHORT);
}

/* The mean local pain of days[first] … days[end − 1], as every other view
 * takes it (lumbar_mean_of_days()). */
static gboolean
window_mean (const LumbarDaily *days,
             guint              first,
             guint              end,
             double            *mean)
{
  LumbarMean local;

  lumbar_mean_of_days (days + first, end - first, days[first].day, days[end - 1].day, &local, NULL);
  *mean = local.value;
  return local.n_days > 0;
}

/**
 * lumbar_chart_describe:
 * @days: (array length=n_days): consecutive days, oldest first
 * @n_days: number of days
 * @today: the current date, to say "the last N days" when the range ends today
 *
 * Summarises the days in words, for the chart's accessible description.
 *
 * Returns: (transfer full): a few translated sentences
 */
char *
lumbar_chart_describe (const LumbarDaily *days,
                       guint              n_days,
                       LumbarDay          today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double mean = 0, radiating_sum = 0;
  guint n_pain_days = 0, n_radiating_days = 0, n_spasms = 0, n_therapy = 0;
  guint n_rest_days = 0, n_incline_days = 0;
  guint worst = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &days[i];

      if (d->n_pain > 0)
        {
          if (n_pain_days == 0 || d->local_mean > days[worst].local_mean)
            worst = i;
          n_pain_days++;
        }
      if (d->n_radiating > 0)
        {
          radiating_sum += d->radiating_mean;
          n_radiating_days++;
        }
      n_spasms += d->n_spasms;
      n_therapy += d->n_therapy;
      n_rest_days += d->n_rest > 0;
      n_incline_days += d->n_incline > 0;
    }

  if (n_pain_days == 0)
    g_string_append (text, _("No pain readings in this period."));
  else
    {
      g_autofree char *average = NULL;
      g_autofree char *worst_value = NULL;
      g_autofree char *worst_date = NULL;
      guint window = n_days >= 120 ? 30 : 7;
      double head, tail;

      window_mean (days, 0, n_days, &mean);
      average = format_pain (mean);

      if (days[n_days - 1].day == today && n_days == 1)
        g_string_append_printf (text, _("Pain today: average %s."), average);
      else if (days[n_days - 1].day == today && n_days <= 92)
        g_string_append_printf (text,
                                ngettext ("Pain over the last %u day: average %s.",
                                          "Pain over the last %u days: average %s.",
                                          n_days),
                                n_days, average);
      else
        {
          g_autofree char *from = format_date (days[0].day);
          g_autofree char *to = format_date (days[n_days - 1].day);

          g_string_append_printf (text, _("Pain from %s to %s: average %s."), from, to, average);
        }

      if (n_days >= 2 * window &&
          window_mean (days, 0, window, &head) &&
          window_mean (days, n_days - window, n_days, &tail))
        {
          g_autofree char *a = format_pain (head);
          g_autofree char *b = format_pain (tail);

          g_string_append_c (text, ' ');
          if (window == 7)
            g_string_append_printf (text, _("It went from %s in the first week to %s in the last week."), a, b);
          else
            g_string_append_printf (text, _("It went from %s in the first 30 days to %s in the last 30 days."), a, b);
        }

      if (n_pain_days > 1)
        {
          worst_value = format_pain (days[worst].local_mean);
          worst_date = format_date (days[worst].day);
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("The highest daily average was %s, on %s."), worst_value, worst_date);
        }

      if (n_radiating_days > 0)
        {
          g_autofree char *radiating = format_pain (radiating_sum / n_radiating_days);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Radiating pain averaged %s."), radiating);
        }
    }

  if (n_spasms > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u spasm was logged.", "%u spasms were logged.", n_spasms),
                              n_spasms);
    }
  if (n_therapy > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u therapy visit was logged.", "%u therapy visits were logged.", n_therapy),
                              n_therapy);
    }
  if (n_rest_days > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Rest was logged on %u day.", "Rest was logged on %u days.", n_rest_days),
                              n_rest_days);
    }
  if (n_incline_days > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Inclined sitting was logged on %u day.",
                                        "Inclined sitting was logged on %u days.", n_incline_days),
                              n_incline_days);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lumbar_chart_describe_day:
 * @daily: one day
 *
 * Returns: (transfer full): the day's date and values, one per line, for a
 *   tooltip or popover
 */
char *
lumbar_chart_describe_day (const LumbarDaily *daily)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (daily != NULL, NULL);

  date = lumbar_format_date (daily->day, LUMBAR_DATE_WEEKDAY);
  g_string_append (text, date);

  if (daily->n_pain > 1)
    {
      g_autofree char *mean = format_pain (daily->local_mean);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Local pain: %s (lowest %d, highest %d)"),
                              mean, daily->local_min, daily->local_max);
    }
  else if (daily->n_pain == 1)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Local pain: %d"), daily->local_min);
    }

  if (daily->n_radiating > 0)
    {
      g_autofree char *mean = format_pain (daily->radiating_mean);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Radiating pain: %s"), mean);
    }

  if (daily->n_spasms > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Spasms: %u (strongest %d)"),
                              (guint) daily->n_spasms, daily->spasm_max);
    }

  if (daily->rest_minutes > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Rest: %d min"), daily->rest_minutes);
    }

  if (daily->incline_minutes > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Inclined sitting: %d min"), daily->incline_minutes);
    }

  if (daily->n_therapy > 0)
    {
      g_string_append_c (text, '\n');
      if (daily->n_manual_therapy > 0)
        g_string_append_printf (text, _("Therapy visits: %u (manual therapy: %u)"),
                                (guint) daily->n_therapy, (guint) daily->n_manual_therapy);
      else
        g_string_append_printf (text, _("Therapy visits: %u"), (guint) daily->n_therapy);
    }

  if (!lumbar_daily_has_data (daily))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Nothing logged"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
