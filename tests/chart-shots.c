/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "chart-shots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lumbar-chart-view.h"
#include "lumbar-test-diary.h"
#include "lumbar-test-utils.h"

/*
 * Renders the chart view the way a person sees it, for looking at:
 * 360 and 1200 pixels wide, light and dark, two weeks and ten years, and
 * (with --table) the table. Not a test; run it under Xvfb:
 *
 *   chart-shots [--lang=de] [--table] [--high-contrast] [--ranges=2w,1m,3m,1y,all] OUTDIR
 *
 * writes OUTDIR/chart-LANG-WIDTH-SCHEME-RANGE.png. With --high-contrast
 * it sets the desktop's high-contrast setting first (in GSettings, which
 * libadwaita reads without a settings portal; run it with
 * GSETTINGS_BACKEND=memory to leave the real setting alone).
 */

#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 27

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  gboolean table = FALSE;
  gboolean high_contrast = FALSE;
  g_autofree char *range_list = NULL;
  g_auto(GStrv) ranges = NULL;
  g_autoptr(LumbarJournal) journal = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  LumbarDay today = lumbar_day_from_ymd (TODAY_Y, TODAY_M, TODAY_D);
  GOptionEntry options[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language (en, de)", "LANG" },
    { "table", 0, 0, G_OPTION_ARG_NONE, &table, "Show the table instead", NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast, "Use the high-contrast style", NULL },
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

  lumbar_test_use_language (lang);

  if (lang == NULL)
    lang = g_strdup ("en");
  ranges = g_strsplit (range_list ? range_list : "2w,all", ",", -1);
  g_mkdir_with_parents (argv[1], 0700);

  if (high_contrast)
    {
      g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (a11y, "high-contrast", TRUE);
    }
  adw_init ();
  if (high_contrast && !adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      g_printerr ("chart-shots: the high-contrast setting did not reach libadwaita\n");
      return 1;
    }

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

            g_autoptr(LumbarSummaryTracker) tracker =
              g_object_new (LUMBAR_TYPE_SUMMARY_TRACKER, "journal", journal, "today", today, NULL);

            lumbar_chart_view_set_tracker (LUMBAR_CHART_VIEW (view), tracker);
            LumbarRange range = LUMBAR_RANGE_1_MONTH;

            if (!lumbar_range_from_nick (ranges[r], &range))
              g_printerr ("chart-shots: unknown period %s, showing 1m\n", ranges[r]);
            lumbar_chart_view_set_range (LUMBAR_CHART_VIEW (view), range);
            lumbar_chart_view_set_show_table (LUMBAR_CHART_VIEW (view), table);
            gtk_widget_set_margin_start (view, 12);
            gtk_widget_set_margin_end (view, 12);
            gtk_widget_set_margin_top (view, 12);
            gtk_widget_set_margin_bottom (view, 12);
            adw_window_set_content (ADW_WINDOW (window), view);
            gtk_window_set_default_size (GTK_WINDOW (window), widths[w], widths[w] < 600 ? 520 : 560);
            gtk_window_present (GTK_WINDOW (window));
            lumbar_test_flush (GTK_WIDGET (window));

            name = g_strdup_printf ("chart-%s-%d-%s%s-%s%s.png", lang, widths[w],
                                    s ? "dark" : "light", high_contrast ? "-hc" : "",
                                    ranges[r], table ? "-table" : "");
            path = g_build_filename (argv[1], name, NULL);
            if (!lumbar_test_save_png (window, path))
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
