/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

typedef struct {
  double startup_ratio;
  double data_shown_ms;
  double rss_extra_mib;
} BenchApp;

double   bench_median      (GArray     *samples);
double   bench_now_ms      (void);
int      bench_runs        (int         full);
gboolean bench_is_quick    (void);

gboolean bench_summary_ms  (GPtrArray  *entries,
                            LumbarDay   today,
                            double     *out);
gboolean bench_chart_ratio (GPtrArray  *entries,
                            LumbarDay   today,
                            double     *out);
gboolean bench_patients_ratio (GPtrArray  *entries,
                               LumbarDay   today,
                               const char *dir,
                               double     *out_ratio,
                               double     *out_ms);
gboolean bench_search_ms   (GPtrArray  *entries,
                            double     *out);
gboolean bench_app         (GBytes     *diary,
                            const char *dir,
                            BenchApp   *out);

G_END_DECLS
