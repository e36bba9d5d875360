/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "lumbar-daily.h"

G_BEGIN_DECLS

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} LumbarChartColor;

/* The chart's colours, indexed by what they paint. */
typedef enum {
  LUMBAR_CHART_COLOR_BACKGROUND,
  LUMBAR_CHART_COLOR_FOREGROUND,  /* text, axes */
  LUMBAR_CHART_COLOR_GRID,
  LUMBAR_CHART_COLOR_LOCAL,       /* daily mean of local pain */
  LUMBAR_CHART_COLOR_BAND,        /* daily min–max of local pain */
  LUMBAR_CHART_COLOR_RADIATING,
  LUMBAR_CHART_COLOR_MEAN,        /* 7-day rolling mean */
  LUMBAR_CHART_COLOR_SPASM,
  LUMBAR_CHART_COLOR_THERAPY,
  LUMBAR_CHART_COLOR_REST,
  LUMBAR_CHART_COLOR_INCLINE,
  LUMBAR_CHART_N_COLORS
} LumbarChartColorId;

typedef struct {
  LumbarChartColor            colors[LUMBAR_CHART_N_COLORS];
  const PangoFontDescription *font;        /* borrowed; NULL: "Sans 9" */
  double                      scale;       /* sizes and text resolution; 1.0 = screen pixels */
} LumbarChartStyle;

typedef enum {
  LUMBAR_CHART_SHOW_RADIATING    = 1 << 0,
  LUMBAR_CHART_SHOW_ROLLING_MEAN = 1 << 1,
  LUMBAR_CHART_SHOW_SPASMS       = 1 << 2,
  LUMBAR_CHART_SHOW_THERAPY      = 1 << 3,
  LUMBAR_CHART_SHOW_MINUTES      = 1 << 4,
  LUMBAR_CHART_SHOW_LEGEND       = 1 << 5,
} LumbarChartOptions;

#define LUMBAR_CHART_SHOW_ALL ((LumbarChartOptions) 0x3f)

typedef struct {
  double x;
  double y;
  double width;
  double height;
} LumbarChartRect;

/* Where everything goes for one size; lumbar_chart_paint() fills it in so a
 * widget can map pointer positions back to days. */
typedef struct {
  double          width;
  double          height;
  LumbarChartRect plot;     /* the 0–10 pain scale */
  LumbarChartRect markers;  /* spasm and therapy marks above the plot */
  LumbarChartRect minutes;  /* rest and inclined-sitting bars; empty when hidden */
  LumbarChartRect axis;     /* date labels */
  LumbarChartRect legend;   /* empty when it does not fit */
  guint           n_days;
  guint           n_columns; /* buckets drawn: n_days, or fewer when days outnumber pixels */
  int             minutes_max;
} LumbarChartLayout;

/* Several days that share a pixel column (or one day when there is room). */
typedef struct {
  guint  first;             /* index of the first day */
  guint  n_days;
  guint  n_pain_days;       /* days with local pain readings */
  gint8  local_min;         /* -1 when n_pain_days == 0 */
  gint8  local_max;
  double local_mean;        /* mean of the daily means */
  guint  n_radiating_days;
  gint8  radiating_min;     /* -1 when n_radiating_days == 0 */
  gint8  radiating_max;
  double radiating_mean;
  double rolling_mean;      /* mean of the days' 7-day means; < 0 when none */
  guint  n_spasms;
  guint  n_spasm_days;
  gint8  spasm_max;         /* -1 when no spasm */
  guint  n_therapy;
  guint  n_manual_therapy;
  double rest_minutes;      /* mean per day */
  double incline_minutes;
} LumbarChartBucket;

void      lumbar_chart_style_init         (LumbarChartStyle        *style,
                                           gboolean                 dark);

GArray   *lumbar_chart_compute_buckets    (const LumbarDaily       *days,
                                           guint                    n_days,
                                           guint                    max_columns);

void      lumbar_chart_layout_compute     (LumbarChartLayout       *layout,
                                           PangoContext            *context,
                                           const LumbarDaily       *days,
                                           guint                    n_days,
                                           const LumbarChartStyle  *style,
                                           LumbarChartOptions       options,
                                           double                   width,
                                           double                   height);
double    lumbar_chart_layout_day_to_x    (const LumbarChartLayout *layout,
                                           guint                    index);
gboolean  lumbar_chart_layout_x_to_day    (const LumbarChartLayout *layout,
                                           double                   x,
                                           guint                   *index);
double    lumbar_chart_layout_value_to_y  (const LumbarChartLayout *layout,
                                           double                   pain);

void      lumbar_chart_paint              (cairo_t                 *cr,
                                           double                   width,
                                           double                   height,
                                           const LumbarDaily       *days,
                                           guint                    n_days,
                                           const LumbarChartStyle  *style,
                                           LumbarChartOptions       options,
                                           LumbarChartLayout       *out_layout);

char     *lumbar_chart_describe           (const LumbarDaily       *days,
                                           guint                    n_days,
                                           LumbarDay                today);
char     *lumbar_chart_describe_day       (const LumbarDaily       *daily);

G_END_DECLS
