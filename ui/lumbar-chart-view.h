/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-chart.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_CHART_VIEW (lumbar_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LumbarChartView, lumbar_chart_view, LUMBAR, CHART_VIEW, AdwBin)

GtkWidget     *lumbar_chart_view_new             (void);
LumbarSummaryTracker *lumbar_chart_view_get_tracker (LumbarChartView      *self);
void           lumbar_chart_view_set_tracker     (LumbarChartView      *self,
                                                  LumbarSummaryTracker *tracker);
LumbarRange    lumbar_chart_view_get_range       (LumbarChartView *self);
void           lumbar_chart_view_set_range       (LumbarChartView *self,
                                                  LumbarRange      range);
gboolean       lumbar_chart_view_get_show_table  (LumbarChartView *self);
void           lumbar_chart_view_set_show_table  (LumbarChartView *self,
                                                  gboolean         show_table);
LumbarChart   *lumbar_chart_view_get_chart       (LumbarChartView *self);
GListModel    *lumbar_chart_view_get_table_model (LumbarChartView *self);

G_END_DECLS
