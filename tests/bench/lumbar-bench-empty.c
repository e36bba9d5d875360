/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench-empty"

#include "config.h"

#include <adwaita.h>

#include "lumbar-bench-report.h"

/* The baseline for startup_ratio and rss_extra_mib: an empty
 * AdwApplicationWindow, reporting its first frame as Lumbar's window does. */

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 820);
  lumbar_bench_report_watch (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.lumbar.BenchEmpty",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
