/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-day"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-chart-day.h"

/* One row of the chart's table: a day's aggregates as a list item. */
struct _LumbarChartDay
{
  GObject     parent_instance;

  LumbarDaily daily;
};

G_DEFINE_FINAL_TYPE (LumbarChartDay, lumbar_chart_day, G_TYPE_OBJECT)

static void
lumbar_chart_day_class_init (LumbarChartDayClass *klass)
{
}

static void
lumbar_chart_day_init (LumbarChartDay *self)
{
}

LumbarChartDay *
lumbar_chart_day_new (const LumbarDaily *daily)
{
  LumbarChartDay *self;

  g_return_val_if_fail (daily != NULL, NULL);

  self = g_object_new (LUMBAR_TYPE_CHART_DAY, NULL);
  self->daily = *daily;
  return self;
}

const LumbarDaily *
lumbar_chart_day_get_daily (LumbarChartDay *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_DAY (self), NULL);

  return &self->daily;
}
