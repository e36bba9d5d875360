/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-application.h"
#include "lumbar-bench-report.h"
#include "lumbar-window.h"

/* Lumbar as ui/main.c starts it, built from the same UI library, with the
 * benchmark's observer attached to its main window from outside: the
 * installed `lumbar` holds no benchmark code. */

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (LUMBAR_IS_WINDOW (window))
    lumbar_bench_report_watch (GTK_WIDGET (window), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LumbarApplication) app = NULL;

  lumbar_application_init_i18n ();

  app = lumbar_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
