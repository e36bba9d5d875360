/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

/**
 * LumbarRange:
 * @LUMBAR_RANGE_2_WEEKS: the last 14 days
 * @LUMBAR_RANGE_1_MONTH: the last 30 days
 * @LUMBAR_RANGE_3_MONTHS: the last 91 days
 * @LUMBAR_RANGE_1_YEAR: the last 365 days
 * @LUMBAR_RANGE_ALL: the whole diary
 * @LUMBAR_RANGE_CUSTOM: days picked by hand (exports only)
 *
 * A period ending today, as the chart shows it and an export picks it.
 * The nicks are the values of the `chart-range` setting.
 */
typedef enum {
  LUMBAR_RANGE_2_WEEKS,  /*< nick=2w >*/
  LUMBAR_RANGE_1_MONTH,  /*< nick=1m >*/
  LUMBAR_RANGE_3_MONTHS, /*< nick=3m >*/
  LUMBAR_RANGE_1_YEAR,   /*< nick=1y >*/
  LUMBAR_RANGE_ALL,      /*< nick=all >*/
  LUMBAR_RANGE_CUSTOM,   /*< nick=custom >*/
} LumbarRange;

guint    lumbar_range_get_days   (LumbarRange  range);
gboolean lumbar_range_from_nick  (const char  *nick,
                                  LumbarRange *out_range);
const char *lumbar_range_to_nick (LumbarRange  range);

G_END_DECLS
