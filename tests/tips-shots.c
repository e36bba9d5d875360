/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tips-shots"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "diary-builder.h"
#include "lumbar-test-utils.h"
#include "lumbar-tip-card.h"
#include "lumbar-tips-page.h"

/*
 * Renders the Tips page and the Today page's tip card the way a person
 * sees them, for looking at: not enough data, nothing, some and all tips
 * recommended, and red flags, 1000 and 360 pixels wide, the whole page
 * length. Not a test; run it under Xvfb with a tall screen:
 *
 *   xvfb-run -a -s "-screen 0 1280x4000x24" tips-shots [--lang=de] [--dark] OUTDIR
 *
 * writes OUTDIR/tips-LANG-WIDTH-SCENE[-dark].png and
 * OUTDIR/tips-card-LANG-360-SCENE[-dark].png.
 */

static const struct {
  const char *name;
  const char *diary;
} scenes[] = {
  /* Two readings this week. */
  { "not-enough-data", "P9..8=5 P3=4 P1=5" },
  /* Mild, steady, with inclined sitting and rest on several days. */
  { "none", "P27..0=3 I10..0=30 R27..18=20 R9..7=15" },
  /* A flare-up: a spasm yesterday, rising pain, no inclined sitting, and
   * manual therapy begun twelve days ago. */
  { "some", "P27..13=5/3 P11..3=4/2 P2..0=6,7 S1=7 R12..8=20 R0=10 I27..22=30 T12=m T5=m" },
  /* Four weeks without improvement, radiating pain, a spasm today. */
  { "all", "P27..7=5/3 P6..0=6/4,5/4 S0=6 I20..18=40 T25=m" },
  /* Saddle numbness and three days of severe pain, with a spasm. */
  { "red-flag", "P27..3=5/2 P2..1=8/5 P0=9/6!saddle-numbness,leg-weakness S0=8" },
};

/* Opens the first "Why am I seeing this?", as someone reading along would. */
static void
open_first_expander (GtkWidget *root)
{
  GtkWidget *expander = lumbar_test_find_of_type (root, GTK_TYPE_EXPANDER);

  if (expander != NULL)
    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
}

static LumbarJournal *
journal_for (const char *diary,
             LumbarDay   today)
{
  LumbarJournal *journal = lumbar_journal_new ();
  g_autoptr(GPtrArray) entries = diary_build (diary, today);

  lumbar_journal_set_entries (journal, entries);
  return journal;
}

static int
shoot (GtkWidget  *content,
       int         width,
       int         height,
       const char *path)
{
  GtkWidget *window = adw_window_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_page = g_simple_action_new ("show-page", G_VARIANT_TYPE_STRING);
  int status = 0;

  /* The card's "All tips" looks as it does in the main window. */
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show_page));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));

  /* No frame or shadow: the picture is exactly @width wide. */
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);

  adw_window_set_content (ADW_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (GTK_WIDGET (window));
  /* The default size counts what the window system adds around the
   * content; make the content itself @width wide. */
  if (gtk_widget_get_width (window) != width)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 2 * width - gtk_widget_get_width (window),
                                   2 * height - gtk_widget_get_height (window));
      lumbar_test_flush (GTK_WIDGET (window));
    }

  if (!lumbar_test_save_png (window, path))
    {
      g_printerr ("could not save %s\n", path);
      status = 1;
    }
  else
    g_print ("%s (%dx%d)\n", path, gtk_widget_get_width (window), gtk_widget_get_height (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return status;
}

/* The height of the page's content at @width, to show all of it. */
static LumbarSummaryTracker *
tracker_new (LumbarJournal *journal,
             LumbarDay      today)
{
  return g_object_new (LUMBAR_TYPE_SUMMARY_TRACKER, "journal", journal, "today", today, NULL);
}

static int
page_height (LumbarJournal *journal,
             LumbarDay      today,
             int            width,
             gboolean       expand)
{
  g_autoptr(LumbarSummaryTracker) tracker = tracker_new (journal, today);
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = lumbar_tips_page_new (tracker);
  GtkWidget *viewport;
  int height;

  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);

  if (expand)
    open_first_expander (page);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (GTK_WIDGET (window));

  viewport = lumbar_test_find_of_type (page, GTK_TYPE_VIEWPORT);
  gtk_widget_measure (gtk_viewport_get_child (GTK_VIEWPORT (viewport)), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (viewport), &height, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  /* The clamp's own margins are part of its measured height. */
  return MIN (height + 2, 3900);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *lang = NULL;
  gboolean dark = FALSE;
  LumbarDay today = DIARY_TODAY;
  GOptionEntry options[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language (en, de)", "LANG" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { NULL }
  };
  static const int widths[] = { 1000, 360 };
  int status = 0;

  context = g_option_context_new ("OUTDIR");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: tips-shots [--lang=de] [--dark] OUTDIR\n");
      return 2;
    }

  lumbar_test_use_language (lang);

  if (lang == NULL)
    lang = g_strdup ("en");
  g_mkdir_with_parents (argv[1], 0700);

  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  for (guint s = 0; s < G_N_ELEMENTS (scenes); s++)
    {
      g_autoptr(LumbarJournal) journal = journal_for (scenes[s].diary, today);
      gboolean expand = g_strcmp0 (scenes[s].name, "some") == 0;

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(LumbarSummaryTracker) tracker = tracker_new (journal, today);
          GtkWidget *page = lumbar_tips_page_new (tracker);
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          int height = page_height (journal, today, widths[w], expand);

          if (expand)
            open_first_expander (page);
          name = g_strdup_printf ("tips-%s-%d-%s%s.png", lang, widths[w], scenes[s].name, dark ? "-dark" : "");
          path = g_build_filename (argv[1], name, NULL);
          status |= shoot (page, widths[w], height, path);
        }

      /* The Today page's card, as narrow as a phone. */
      {
        g_autoptr(LumbarSummaryTracker) tracker = tracker_new (journal, today);
        GtkWidget *card = lumbar_tip_card_new (tracker);
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        g_autofree char *name = NULL;
        g_autofree char *path = NULL;
        int height = 0;

        gtk_box_append (GTK_BOX (box), card);
        if (!gtk_widget_get_visible (card))
          {
            g_object_unref (g_object_ref_sink (box));
            continue;
          }
        gtk_widget_set_margin_start (card, 12);
        gtk_widget_set_margin_end (card, 12);
        gtk_widget_set_margin_top (card, 12);
        gtk_widget_set_margin_bottom (card, 12);
        gtk_widget_set_valign (card, GTK_ALIGN_START);
        gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 360, &height, NULL, NULL, NULL);
        name = g_strdup_printf ("tips-card-%s-360-%s%s.png", lang, scenes[s].name, dark ? "-dark" : "");
        path = g_build_filename (argv[1], name, NULL);
        status |= shoot (box, 360, height, path);
      }
    }

  return status;
}
