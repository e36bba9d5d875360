/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-daily.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_CHART_DAY (lumbar_chart_day_get_type ())

G_DECLARE_FINAL_TYPE (LumbarChartDay, lumbar_chart_day, LUMBAR, CHART_DAY, GObject)

LumbarChartDay    *lumbar_chart_day_new        (const LumbarDaily *daily);
const LumbarDaily *lumbar_chart_day_get_daily  (LumbarChartDay    *self);

G_END_DECLS
