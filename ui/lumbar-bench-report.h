/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Timings for tests/bench (lumbar-bench): active only when the environment
 * variable LUMBAR_BENCH_REPORT names a file, else every call does nothing. */
void lumbar_bench_report_watch_first_frame (GtkWidget *widget,
                                            gboolean   quit_after);
void lumbar_bench_report_data_shown        (GtkWidget *widget);
void lumbar_bench_report_settled           (GtkWidget *widget);

G_END_DECLS
