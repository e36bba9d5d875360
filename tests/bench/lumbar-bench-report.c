/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

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

/* The next frame shows the loaded diary. */
static void
on_diary_shown (GtkWidget *widget)
{
  gboolean shown = FALSE;

  g_object_get (widget, "diary-shown", &shown, NULL);
  if (!shown || data_shown_seen)
    return;
  data_shown_pending = TRUE;
  gtk_widget_queue_draw (widget);
}

/* Every page holds the diary: the peak memory is read at the next frame
 * and the application quits. */
static void
on_pages_ready (GtkWidget *widget)
{
  gboolean ready = FALSE;

  g_object_get (widget, "pages-ready", &ready, NULL);
  if (!ready || settled)
    return;
  settled = TRUE;
  gtk_widget_queue_draw (widget);
}

/**
 * lumbar_bench_report_watch:
 * @widget: a toplevel window, before it is shown
 * @quit_after_first_frame: quit the application once the first frame is
 *   painted (the empty baseline window)
 *
 * Records in the file that LUMBAR_BENCH_REPORT names the monotonic time of
 * the window's first frame; for Lumbar's window, whose public properties
 * LumbarWindow:diary-shown and LumbarWindow:pages-ready say when the
 * diary is in, also the frame that shows it and the peak memory once
 * every page holds it.
 */
void
lumbar_bench_report_watch (GtkWidget *widget,
                           gboolean   quit_after_first_frame)
{
  if (report_path () == NULL)
    return;

  if (quit_after_first_frame)
    g_object_set_data (G_OBJECT (widget), "lumbar-bench-quit", GINT_TO_POINTER (1));
  g_signal_connect (widget, "realize", G_CALLBACK (on_realize), NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "diary-shown"))
    {
      g_signal_connect (widget, "notify::diary-shown", G_CALLBACK (on_diary_shown), NULL);
      g_signal_connect (widget, "notify::pages-ready", G_CALLBACK (on_pages_ready), NULL);
    }
}
