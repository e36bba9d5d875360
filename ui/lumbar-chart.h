/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-daily.h"
#include "lumbar-range.h"
#include "lumbar-summary-tracker.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_CHART (lumbar_chart_get_type ())

G_DECLARE_FINAL_TYPE (LumbarChart, lumbar_chart, LUMBAR, CHART, GtkWidget)

GtkWidget         *lumbar_chart_new              (void);
LumbarSummaryTracker *lumbar_chart_get_tracker (LumbarChart          *self);
void               lumbar_chart_set_tracker      (LumbarChart          *self,
                                                  LumbarSummaryTracker *tracker);
LumbarRange        lumbar_chart_get_range        (LumbarChart   *self);
void               lumbar_chart_set_range        (LumbarChart   *self,
                                                  LumbarRange    range);
const char        *lumbar_chart_get_description  (LumbarChart   *self);
const LumbarDaily *lumbar_chart_get_days         (LumbarChart   *self,
                                                  guint         *n_days);
gboolean           lumbar_chart_get_focused_day  (LumbarChart   *self,
                                                  LumbarDaily   *daily);
void               lumbar_chart_focus_day        (LumbarChart   *self,
                                                  LumbarDay      day);

G_END_DECLS
