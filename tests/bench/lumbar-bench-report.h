/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Timings for lumbar-bench, written by its own two programs (the app built
 * from the UI library, and the empty baseline window) to the file that the
 * environment variable LUMBAR_BENCH_REPORT names. Nothing of it is in the
 * installed app. */
void lumbar_bench_report_watch (GtkWidget *widget,
                                gboolean   quit_after_first_frame);

G_END_DECLS
