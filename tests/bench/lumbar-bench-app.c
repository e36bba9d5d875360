/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-bench-private.h"

/* startup_ratio, data_shown_ratio and rss_extra_mib: launch the real app
 * with the 10-year diary and the empty-window program on the same display,
 * alternately, and read the times and peak memory they report. */

typedef struct {
  gint64 first_frame;
  gint64 data_shown;
  gint64 rss_kib;
} Report;

static gboolean
run_one (const char  *program,
         char       **env,
         const char  *report_path,
         gint64      *spawned,
         Report      *report)
{
  const char *argv[] = { program, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_unlink (report_path);
  *spawned = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
    {
      g_printerr ("lumbar-bench: cannot run %s: %s\n", program, error->message);
      return FALSE;
    }

  memset (report, 0, sizeof *report);
  if (!g_file_get_contents (report_path, &contents, NULL, NULL))
    {
      g_printerr ("lumbar-bench: %s reported nothing (exit status %d)\n", program, status);
      return FALSE;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], " ", 2);

      if (g_strv_length (kv) != 2)
        continue;
      if (g_str_equal (kv[0], "first-frame"))
        report->first_frame = g_ascii_strtoll (kv[1], NULL, 10);
      else if (g_str_equal (kv[0], "data-shown"))
        report->data_shown = g_ascii_strtoll (kv[1], NULL, 10);
      else if (g_str_equal (kv[0], "rss-kib"))
        report->rss_kib = g_ascii_strtoll (kv[1], NULL, 10);
    }

  return report->first_frame > 0;
}

static char **
make_env (const char *home,
          const char *report_path)
{
  char **env = g_get_environ ();
  const char *subdirs[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (home, subdirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      env = g_environ_setenv (env, subdirs[i][0], path, TRUE);
    }

  /* Both programs use the same renderer. Under Xvfb GL is llvmpipe, whose
   * software caches would count as process memory, so take the cairo
   * renderer as the UI tests do, unless the caller chose one. */
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);
  env = g_environ_setenv (env, "LUMBAR_BENCH_REPORT", report_path, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", LUMBAR_BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  return env;
}

gboolean
bench_app (GBytes     *diary,
           const char *dir,
           BenchApp   *out)
{
  g_autofree char *home = g_build_filename (dir, "app-home", NULL);
  g_autofree char *report_path = g_build_filename (dir, "app-report.txt", NULL);
  g_autofree char *journal_dir = g_build_filename (home, "data", "lumbar", NULL);
  g_autofree char *journal = g_build_filename (journal_dir, "journal.json", NULL);
  g_autoptr(GArray) app_startup = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_startup = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) env = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("lumbar-bench: no display, so startup_ratio, data_shown_ratio and rss_extra_mib "
                  "are missing; run under xvfb-run -a\n");
      return FALSE;
    }

  env = make_env (home, report_path);
  g_mkdir_with_parents (journal_dir, 0700);

  /* A warm-up run of each, so both start with the same caches. */
  for (int run = -1; run < bench_runs (5); run++)
    {
      Report app, empty;
      gint64 app_spawned, empty_spawned;

      if (!g_file_set_contents_full (journal, g_bytes_get_data (diary, NULL), (gssize) g_bytes_get_size (diary),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
        return FALSE;

      if (!run_one (LUMBAR_BENCH_EMPTY_EXE, env, report_path, &empty_spawned, &empty) ||
          !run_one (LUMBAR_BENCH_APP_EXE, env, report_path, &app_spawned, &app))
        return FALSE;

      if (app.data_shown == 0)
        {
          g_printerr ("lumbar-bench: the app did not report when the diary was shown\n");
          return FALSE;
        }
      if (run < 0)
        continue;

      g_array_append_val (empty_startup, (double) { (empty.first_frame - empty_spawned) / 1000.0 });
      g_array_append_val (app_startup, (double) { (app.first_frame - app_spawned) / 1000.0 });
      g_array_append_val (shown, (double) { MAX (0, app.data_shown - app.first_frame) / 1000.0 });
      g_array_append_val (app_rss, (double) { app.rss_kib / 1024.0 });
      g_array_append_val (empty_rss, (double) { empty.rss_kib / 1024.0 });
    }

  out->startup_ratio = bench_median (app_startup) / bench_median (empty_startup);
  out->data_shown_ms = bench_median (shown);
  out->rss_extra_mib = bench_median (app_rss) - bench_median (empty_rss);
  return TRUE;
}
