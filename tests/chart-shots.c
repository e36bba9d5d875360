/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "chart-shots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "lumbar-chart-view.h"
#include "lumbar-test-diary.h"

/*
 * Renders the chart view the way a person sees it, for looking at:
 * 360 and 1200 pixels wide, light and dark, two weeks and ten years, and
 * (with --table) the table. Not a test; run it under Xvfb:
 *
 *   chart-shots [--lang=de] [--table] [--ranges=2w,1m,3m,1y,all] OUTDIR
 *
 * writes OUTDIR/chart-LANG-WIDTH-SCHEME-RANGE.png.
 */

#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 27

static gboolean
wait_drawn (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_drawn, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
save_window (GtkWidget  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  gboolean table = FALSE;
  g_autofree char *range_list = NULL;
  g_auto(GStrv) ranges = NULL;
  g_autoptr(LumbarJournal) journal = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  LumbarDay today = lumbar_day_from_ymd (TODAY_Y, TODAY_M, TODAY_D);
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");
  GOptionEntry options[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language (en, de)", "LANG" },
    { "table", 0, 0, G_OPTION_ARG_NONE, &table, "Show the table instead", NULL },
    { "ranges", 0, 0, G_OPTION_ARG_STRING, &range_list, "Periods to show (default: 2w,all)", "LIST" },
    { NULL }
  };
  static const int widths[] = { 360, 1200 };

  context = g_option_context_new ("OUTDIR");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: chart-shots [--lang=de] [--table] OUTDIR\n");
      return 2;
    }

  if (g_strcmp0 (lang, "de") == 0)
    {
      /* German dates too, when the locale is installed. */
      g_setenv ("LANGUAGE", "de", TRUE);
      if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
        setlocale (LC_ALL, "C.UTF-8");
    }
  else
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();

  if (lang == NULL)
    lang = g_strdup ("en");
  ranges = g_strsplit (range_list ? range_list : "2w,all", ",", -1);
  g_mkdir_with_parents (argv[1], 0700);

  adw_init ();

  journal = lumbar_journal_new ();
  entries = lumbar_test_diary_new (3653, today, 20261127);
  lumbar_journal_set_entries (journal, entries);

  for (guint s = 0; s < 2; s++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint r = 0; ranges[r] != NULL; r++)
          {
            GtkWidget *window = adw_window_new ();
            GtkWidget *view = lumbar_chart_view_new ();
            g_autofree char *name = NULL;
            g_autofree char *path = NULL;

            lumbar_chart_set_today (lumbar_chart_view_get_chart (LUMBAR_CHART_VIEW (view)), today);
            lumbar_chart_view_set_journal (LUMBAR_CHART_VIEW (view), journal);
            lumbar_chart_view_set_range (LUMBAR_CHART_VIEW (view), ranges[r]);
            lumbar_chart_view_set_show_table (LUMBAR_CHART_VIEW (view), table);
            gtk_widget_set_margin_start (view, 12);
            gtk_widget_set_margin_end (view, 12);
            gtk_widget_set_margin_top (view, 12);
            gtk_widget_set_margin_bottom (view, 12);
            adw_window_set_content (ADW_WINDOW (window), view);
            gtk_window_set_default_size (GTK_WINDOW (window), widths[w], widths[w] < 600 ? 520 : 560);
            gtk_window_present (GTK_WINDOW (window));
            spin (400);

            name = g_strdup_printf ("chart-%s-%d-%s-%s%s.png", lang, widths[w],
                                    s ? "dark" : "light", ranges[r], table ? "-table" : "");
            path = g_build_filename (argv[1], name, NULL);
            if (!save_window (window, path))
              {
                g_printerr ("could not save %s\n", path);
                return 1;
              }
            g_print ("%s (%dx%d)\n", path, gtk_widget_get_width (window), gtk_widget_get_height (window));
            gtk_window_destroy (GTK_WINDOW (window));
          }
    }

  return 0;
}
