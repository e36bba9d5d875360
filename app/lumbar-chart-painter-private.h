/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "lumbar-chart-painter.h"
#include "lumbar-format.h"

G_BEGIN_DECLS

/* Shared by the painter's parts (buckets, layout, layers, raster,
 * describe); nothing outside app/lumbar-chart-*.c includes this. */

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
  gboolean                 allow_raster;
  cairo_surface_t         *raster;
  guint32                 *raster_data;
  int                      raster_stride;
  int                      raster_width;
  int                      raster_height;
  double                   raster_scale;
  double                   raster_y;
  guint32                  span_color;
} Geometry;

typedef enum {
  SERIES_LOCAL,
  SERIES_RADIATING,
  SERIES_MEAN,
} Series;

void
_lumbar_chart_text_set (Geometry   *g,
                        const char *text);

void
_lumbar_chart_text_size (Geometry   *g,
                         const char *text,
                         double     *width,
                         double     *height);

double
_lumbar_chart_text_width (Geometry   *g,
                          const char *text);

void
_lumbar_chart_set_color (cairo_t                *cr,
                         const LumbarChartColor *c);

void
_lumbar_chart_set_color_alpha (cairo_t                *cr,
                               const LumbarChartColor *c,
                               double                  alpha);

void
_lumbar_chart_text_show (Geometry *g,
                         cairo_t  *cr,
                         double    x,
                         double    y);

LumbarDateStyle
_lumbar_chart_unit_format (const Unit *unit);

GArray *
_lumbar_chart_unit_ticks (const Unit *unit,
                          LumbarDay   first,
                          LumbarDay   last);

const char *
_lumbar_chart_legend_label (LegendItem item);

guint
_lumbar_chart_legend_flow (Geometry *g,
                           double    width,
                           double   *x,
                           guint    *row);

int
_lumbar_chart_nice_minutes_ceiling (double minutes);

char *
_lumbar_chart_minutes_label (int minutes);

void
_lumbar_chart_geometry_init (Geometry                *g,
                             PangoContext            *context,
                             const LumbarChartStyle  *style,
                             LumbarChartOptions       options);

void
_lumbar_chart_geometry_clear (Geometry *g);

void
_lumbar_chart_geometry_layout (Geometry          *g,
                               const LumbarDaily *days,
                               guint              n_days,
                               double             width,
                               double             height);

double
_lumbar_chart_bucket_value (const LumbarChartBucket *b,
                            Series                   series);

double
_lumbar_chart_bucket_x (const LumbarChartLayout *l,
                        const LumbarChartBucket *b);

double
_lumbar_chart_bucket_slot (const LumbarChartLayout *l);

gboolean
_lumbar_chart_is_dense (Geometry *g);

void
_lumbar_chart_raster_begin (Geometry *g,
                            cairo_t  *cr);

void
_lumbar_chart_raster_end (Geometry *g,
                          cairo_t  *cr);

void
_lumbar_chart_spans_begin (Geometry               *g,
                           cairo_t                *cr,
                           const LumbarChartColor *color);

void
_lumbar_chart_span (Geometry *g,
                    cairo_t  *cr,
                    guint     column,
                    double    top,
                    double    bottom);

void
_lumbar_chart_spans_end (Geometry *g,
                         cairo_t  *cr);

double
_lumbar_chart_series_value (const GArray *buckets,
                            guint         i,
                            Series        series);

void
_lumbar_chart_paint_series_dense (Geometry     *g,
                                  cairo_t      *cr,
                                  const GArray *buckets,
                                  Series        series,
                                  double        line_width);

void
_lumbar_chart_paint_series (Geometry      *g,
                            cairo_t       *cr,
                            const GArray  *buckets,
                            Series         series,
                            gboolean       paint_dots);

void
_lumbar_chart_paint_band (Geometry     *g,
                          cairo_t      *cr,
                          const GArray *buckets);

void
_lumbar_chart_triangle (cairo_t *cr,
                        double   x,
                        double   top,
                        double   half,
                        double   height);

void
_lumbar_chart_paint_markers (Geometry     *g,
                             cairo_t      *cr,
                             const GArray *buckets);

void
_lumbar_chart_paint_minutes (Geometry     *g,
                             cairo_t      *cr,
                             const GArray *buckets);

void
_lumbar_chart_paint_grid (Geometry *g,
                          cairo_t  *cr);

void
_lumbar_chart_paint_time_axis (Geometry          *g,
                               cairo_t           *cr,
                               const LumbarDaily *days,
                               guint              n_days);

void
_lumbar_chart_paint_legend (Geometry *g,
                            cairo_t  *cr);

void
_lumbar_chart_clip_plot (Geometry *g,
                         cairo_t  *cr);

/* For tests: paints as lumbar_chart_paint() does, optionally without the
 * dense raster path, to compare the two. */
void _lumbar_chart_paint_full (cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const LumbarDaily      *days,
                               guint                   n_days,
                               const LumbarChartStyle *style,
                               LumbarChartOptions      options,
                               gboolean                allow_raster,
                               LumbarChartLayout      *out_layout);

G_END_DECLS
