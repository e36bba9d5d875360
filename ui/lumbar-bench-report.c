/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench-report"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lumbar-bench-report.h"

static gboolean first_frame_seen;
static gboolean data_shown_pending;
static gboolean data_shown_seen;
static gboolean settled;

static const char *
report_path (void)
{
  return g_getenv ("LUMBAR_BENCH_REPORT");
}

static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static void
report (const char *key,
        gint64      value)
{
  FILE *file = fopen (report_path (), "a");

  if (file == NULL)
    return;
  fprintf (file, "%s %" G_GINT64_FORMAT "\n", key, value);
  fclose (file);
}

static void
quit (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (app)
    g_application_quit (G_APPLICATION (app));
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  gint64 now = g_get_monotonic_time ();

  if (!first_frame_seen)
    {
      first_frame_seen = TRUE;
      report ("first-frame", now);
      if (g_object_get_data (G_OBJECT (widget), "lumbar-bench-quit"))
        {
          report ("rss-kib", peak_rss_kib ());
          quit (widget);
          return;
        }
    }

  if (data_shown_pending)
    {
      data_shown_pending = FALSE;
      data_shown_seen = TRUE;
      report ("data-shown", now);
    }

  /* Peak memory once every page holds the diary, then quit. */
  if (data_shown_seen && settled)
    {
      report ("rss-kib", peak_rss_kib ());
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, widget);
      quit (widget);
    }
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), widget, 0);
}

/**
 * lumbar_bench_report_watch_first_frame:
 * @widget: a toplevel window, before it is shown
 * @quit_after: quit the application once the first frame is painted
 *
 * Records the monotonic time at which the first frame was painted.
 */
void
lumbar_bench_report_watch_first_frame (GtkWidget *widget,
                                       gboolean   quit_after)
{
  if (report_path () == NULL)
    return;

  if (quit_after)
    g_object_set_data (G_OBJECT (widget), "lumbar-bench-quit", GINT_TO_POINTER (1));
  g_signal_connect (widget, "realize", G_CALLBACK (on_realize), NULL);
}

/**
 * lumbar_bench_report_settled:
 * @widget: the window
 *
 * Says that every page, shown or not, now holds the loaded diary: the peak
 * memory is read at the next frame and the application quits.
 */
void
lumbar_bench_report_settled (GtkWidget *widget)
{
  if (report_path () == NULL || settled)
    return;

  settled = TRUE;
  gtk_widget_queue_draw (widget);
}

/**
 * lumbar_bench_report_data_shown:
 * @widget: a widget of the window that now holds the loaded diary
 *
 * Records the time of the next painted frame, which shows the data.
 */
void
lumbar_bench_report_data_shown (GtkWidget *widget)
{
  if (report_path () == NULL)
    return;

  if (data_shown_seen)
    return;
  data_shown_pending = TRUE;
  gtk_widget_queue_draw (widget);
}
