/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "review-shots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-export-dialog.h"
#include "lumbar-export.h"
#include "lumbar-review-window.h"
#include "lumbar-test-diary.h"
#include "lumbar-test-utils.h"

/*
 * Renders a review window (each page, and with entries left out) and the
 * export dialog for looking at, 1000 and 360 pixels wide. Not a test; run
 * it under Xvfb:
 *
 *   review-shots [--lang=de] [--dark] OUTDIR
 *
 * writes OUTDIR/review-LANG-WIDTH-PAGE.png and export-dialog-LANG-WIDTH-MODE.png.
 */

#define LAST_Y 2026
#define LAST_M 11
#define LAST_D 27

static void
save_window (GtkWidget  *window,
             const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!lumbar_test_save_png (window, path))
    g_error ("could not save %s", path);
  g_print ("%s (%dx%d)\n", path, gtk_widget_get_width (window), gtk_widget_get_height (window));
}

static GtkWidget *
find_mapped_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_scrolled_window (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An export as a patient would send it: eight weeks, a name, a period. */
static GBytes *
make_export (void)
{
  LumbarDay last = lumbar_day_from_ymd (LAST_Y, LAST_M, LAST_D);
  g_autoptr(GPtrArray) entries = lumbar_test_diary_new (56, last, 20261127);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-28T09:15:00+01:00", NULL);
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;

  options.from = last - 55;
  options.to = last;
  options.patient_name = "Anna Berg";
  options.today = last + 1;
  options.now = now;
  return lumbar_export_to_json (entries, &options);
}

/* The same with three entries spoilt the way a hand edit spoils them. */
static char *
spoil (GBytes *bytes)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  const char *from[] = { "\"kind\": \"spasm\"", "\"local\": 4", "\"minutes\": 1" };
  const char *to[] = { "\"kind\": \"cramp\"", "\"local\": 14", "\"minutes\": -1" };

  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    {
      char *at = strstr (text->str, from[i]);

      if (at == NULL)
        g_error ("no %s in the export", from[i]);
      g_string_erase (text, at - text->str, (gssize) strlen (from[i]));
      g_string_insert (text, at - text->str, to[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static LumbarReviewWindow *
open_review (const char *dir,
             const char *name,
             const char *data,
             gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LumbarDocument *doc;

  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);
  doc = lumbar_document_load_file (file, LUMBAR_PARSE_ALLOW_NEWER, &error);
  if (doc == NULL)
    g_error ("%s", error->message);
  return lumbar_review_window_new (NULL, file, doc);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *spoilt = NULL;
  g_autoptr(GBytes) export = NULL;
  gboolean dark = FALSE;
  GOptionEntry options[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language (en, de)", "LANG" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { NULL }
  };
  static const int widths[] = { 1000, 360 };
  static const char *pages[] = { "overview", "tips", "entries" };

  context = g_option_context_new ("OUTDIR");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: review-shots [--lang=de] [--dark] OUTDIR\n");
      return 2;
    }

  /* German in de_DE.UTF-8, or English, with the build's catalogues. */
  lumbar_test_use_language (lang);
  if (lang == NULL)
    lang = g_strdup ("en");

  g_mkdir_with_parents (argv[1], 0700);
  tmp = g_dir_make_tmp ("lumbar-review-shots-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);

  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  export = make_export ();
  spoilt = spoil (export);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int width = widths[w];
      int height = width < 600 ? 760 : 820;
      LumbarReviewWindow *window;
      LumbarExportDialog *dialog;
      g_autofree char *name = NULL;

      /* The pages of a clean log */
      window = open_review (tmp, "anna-berg.json", g_bytes_get_data (export, NULL), g_bytes_get_size (export));
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_present (GTK_WINDOW (window));
      lumbar_test_flush (GTK_WIDGET (window));
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          lumbar_review_window_set_visible_page_name (window, pages[p]);
          lumbar_test_flush (GTK_WIDGET (window));
          name = g_strdup_printf ("review-%s-%d-%s%s.png", lang, width, pages[p], dark ? "-dark" : "");
          save_window (GTK_WIDGET (window), argv[1], name);
          g_clear_pointer (&name, g_free);

          /* The overview's chart is below the figures. */
          if (p == 0)
            {
              GtkWidget *scrolled = find_mapped_scrolled_window (GTK_WIDGET (window));
              GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

              gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
              lumbar_test_flush (GTK_WIDGET (window));
              name = g_strdup_printf ("review-%s-%d-%s-end%s.png", lang, width, pages[p], dark ? "-dark" : "");
              save_window (GTK_WIDGET (window), argv[1], name);
              g_clear_pointer (&name, g_free);
            }
        }

      /* The export dialog over it: as it opens, then with custom dates */
      dialog = lumbar_export_dialog_new (GTK_WINDOW (window), lumbar_review_window_get_journal (window));
      lumbar_export_dialog_set_today (dialog, lumbar_day_from_ymd (LAST_Y, LAST_M, LAST_D));
      lumbar_export_dialog_set_patient_name (dialog, "Anna Berg");
      gtk_window_set_default_size (GTK_WINDOW (dialog), MIN (width, 480), 700);
      gtk_window_present (GTK_WINDOW (dialog));
      lumbar_test_flush (GTK_WIDGET (dialog));
      name = g_strdup_printf ("export-dialog-%s-%d%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (dialog), argv[1], name);
      g_clear_pointer (&name, g_free);

      lumbar_export_dialog_set_format (dialog, LUMBAR_EXPORT_CSV);
      lumbar_export_dialog_set_custom_range (dialog, lumbar_day_from_ymd (LAST_Y, LAST_M, 20),
                                             lumbar_day_from_ymd (LAST_Y, LAST_M, 10));
      lumbar_test_flush (GTK_WIDGET (dialog));
      name = g_strdup_printf ("export-dialog-%s-%d-custom%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (dialog), argv[1], name);
      g_clear_pointer (&name, g_free);
      gtk_window_destroy (GTK_WINDOW (dialog));

      dialog = lumbar_export_dialog_new_for_print (GTK_WINDOW (window), lumbar_review_window_get_journal (window));
      gtk_window_set_default_size (GTK_WINDOW (dialog), MIN (width, 480), 560);
      gtk_window_present (GTK_WINDOW (dialog));
      lumbar_test_flush (GTK_WIDGET (dialog));
      name = g_strdup_printf ("export-dialog-%s-%d-print%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (dialog), argv[1], name);
      g_clear_pointer (&name, g_free);
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (window));

      /* A log with entries left out, and the list of them */
      window = open_review (tmp, "anna-berg-edited.json", spoilt, strlen (spoilt));
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_present (GTK_WINDOW (window));
      lumbar_review_window_set_visible_page_name (window, "entries");
      lumbar_test_flush (GTK_WIDGET (window));
      name = g_strdup_printf ("review-%s-%d-skipped%s.png", lang, width, dark ? "-dark" : "");
      save_window (GTK_WIDGET (window), argv[1], name);
      g_clear_pointer (&name, g_free);

      gtk_widget_activate_action (GTK_WIDGET (window), "review.show-skipped", NULL);
      lumbar_test_flush (GTK_WIDGET (window));
      {
        g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

        for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
          {
            g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

            if (ADW_IS_MESSAGE_DIALOG (top))
              {
                name = g_strdup_printf ("review-%s-%d-skipped-details%s.png", lang, width, dark ? "-dark" : "");
                save_window (GTK_WIDGET (top), argv[1], name);
                g_clear_pointer (&name, g_free);
                gtk_window_destroy (top);
                break;
              }
          }
      }
      gtk_window_destroy (GTK_WINDOW (window));
    }

  {
    g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *entry;

    while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp, entry, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp);
  }

  return 0;
}
