/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tips-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "diary-builder.h"
#include "lumbar-test-utils.h"
#include "lumbar-tip-card.h"
#include "lumbar-tips-page.h"

/* The Tips page and the Today page's tip card, with a diary on a fixed
 * day (DIARY_TODAY), checked by what is on screen: which titles sit in a
 * highlighted card marked "Recommended now", which sit under "General
 * advice", the red-flag notice and its lack of a close button. Entries are
 * added to the live journal, as the Today page does. Runs under Xvfb. */

#define WAIT_MS 3000

#define REST_TITLE    "Take a short, relative rest"
#define INCLINE_TITLE "Sit inclined with your back supported"
#define THERAPY_TITLE "Ask about manual therapy"

typedef struct
{
  LumbarJournal *journal;
  LumbarSummaryTracker *tracker;
  GtkWindow     *window;
  GtkWidget     *page;
  GtkWidget     *card;
} Fixture;

/* ---- helpers ---------------------------------------------------------- */

/* Waits like lumbar_test_wait_for(), then lets a frame lay the change out
 * and looks again: positions on the page are only right after the next
 * allocation. */
static gboolean
wait_until (gboolean (*cond) (gpointer),
            gpointer  data,
            guint     ms)
{
  if (!lumbar_test_wait_for (cond, data, ms))
    return FALSE;
  lumbar_test_flush (NULL);
  return cond (data);
}

/* Adds the entries of a diary-builder line to the live journal, one by
 * one, without running the main loop in between. */
static void
add (Fixture    *fixture,
     const char *spec)
{
  g_autoptr(GPtrArray) entries = diary_build (spec, DIARY_TODAY);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lumbar_journal_add (fixture->journal, g_ptr_array_index (entries, i), &error));
      g_assert_no_error (error);
    }
}

/* Shown: the widget and all its parents are visible and it is mapped. */
static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text,
            gboolean    exact)
{
  if (GTK_IS_LABEL (root) && shown (root))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (root));

      if (exact ? g_strcmp0 (label, text) == 0 : strstr (label, text) != NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, exact);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The card (a widget with the "card" style) around @widget. */
static GtkWidget *
card_of (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "card"))
      return w;
  return NULL;
}

static GtkWidget *
tip_card (Fixture    *fixture,
          const char *title)
{
  return card_of (find_label (fixture->page, title, TRUE));
}

/* Vertical position on the page, to check what comes first. */
static double
y_on_page (Fixture   *fixture,
           GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, fixture->page, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* A tip is recommended when its card carries a visible "Recommended now"
 * and comes before the "General advice" heading, if that is shown. */
static gboolean
is_recommended (Fixture    *fixture,
                const char *title)
{
  GtkWidget *card = tip_card (fixture, title);
  GtkWidget *general = find_label (fixture->page, "General advice", TRUE);

  if (card == NULL || find_label (card, "Recommended now", TRUE) == NULL)
    return FALSE;
  return general == NULL || y_on_page (fixture, card) < y_on_page (fixture, general);
}

/* General advice: shown, without the mark, below the heading when there
 * is one. */
static gboolean
is_general (Fixture    *fixture,
            const char *title)
{
  GtkWidget *card = tip_card (fixture, title);
  GtkWidget *general = find_label (fixture->page, "General advice", TRUE);

  if (card == NULL || find_label (card, "Recommended now", TRUE) != NULL)
    return FALSE;
  return general != NULL && y_on_page (fixture, card) > y_on_page (fixture, general);
}

typedef struct {
  Fixture    *fixture;
  const char *title;
} TipQuery;

static gboolean
tip_is_recommended (gpointer data)
{
  TipQuery *query = data;

  return is_recommended (query->fixture, query->title);
}

static gboolean
wait_recommended (Fixture    *fixture,
                  const char *title)
{
  TipQuery query = { fixture, title };

  return wait_until (tip_is_recommended, &query, WAIT_MS);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelQuery;

static gboolean
label_shown (gpointer data)
{
  LabelQuery *query = data;

  return find_label (query->root, query->text, FALSE) != NULL;
}

static gboolean
wait_label (GtkWidget  *root,
            const char *text)
{
  LabelQuery query = { root, text };

  return wait_until (label_shown, &query, WAIT_MS);
}

static gboolean
label_gone (gpointer data)
{
  return !label_shown (data);
}

static gboolean
wait_label_gone (GtkWidget  *root,
                 const char *text)
{
  LabelQuery query = { root, text };

  return wait_until (label_gone, &query, WAIT_MS);
}

static void
assert_no_button (GtkWidget *root)
{
  g_assert_false (GTK_IS_BUTTON (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_no_button (child);
}

/* ---- fixture ---------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->journal = lumbar_journal_new ();
  /* One tracker for both, as in the window. */
  fixture->tracker = lumbar_summary_tracker_new (fixture->journal);
  lumbar_summary_tracker_set_today (fixture->tracker, DIARY_TODAY);
  fixture->page = lumbar_tips_page_new (fixture->tracker);
  gtk_widget_set_vexpand (fixture->page, TRUE);
  fixture->card = lumbar_tip_card_new (fixture->tracker);

  gtk_box_append (GTK_BOX (box), fixture->card);
  gtk_box_append (GTK_BOX (box), fixture->page);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 3000);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  lumbar_test_flush (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  lumbar_test_flush (NULL);
  g_assert_finalize_object (fixture->tracker);
  g_assert_finalize_object (fixture->journal);
}

/* ---- the tips page ---------------------------------------------------- */

static void
test_not_enough_data (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *notice;

  /* An empty diary: the explanation, then all three as general advice. */
  notice = find_label (fixture->page,
                       "Log your pain on at least 3 of the last 7 days to get tips based on your own trend", FALSE);
  g_assert_nonnull (notice);
  g_assert_nonnull (find_label (fixture->page, "Not enough readings yet", TRUE));
  g_assert_nonnull (find_label (fixture->page, "You have not logged any pain in the last 7 days.", TRUE));
  g_assert_true (is_general (fixture, REST_TITLE));
  g_assert_true (is_general (fixture, INCLINE_TITLE));
  g_assert_true (is_general (fixture, THERAPY_TITLE));
  g_assert_cmpfloat (y_on_page (fixture, notice), <, y_on_page (fixture, tip_card (fixture, REST_TITLE)));
  g_assert_null (find_label (fixture->page, "Get medical care today", TRUE));

  /* Even a spasm does not make a tip personal without the readings. */
  add (fixture, "P1=8 P0=8 S0=9");
  g_assert_true (wait_label (fixture->page, "So far you have logged pain on 2 of the last 7 days."));
  g_assert_true (is_general (fixture, REST_TITLE));
  g_assert_false (shown (fixture->card));

  /* A third day is enough: the explanation goes, the rest tip comes up. */
  add (fixture, "P2=7");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_null (find_label (fixture->page, "Not enough readings yet", TRUE));
}

static void
test_rest_indicated_live (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *card;
  GtkWidget *expander;
  GtkWidget *general;

  /* Steady, mild pain: nothing stands out. */
  add (fixture, "P6..1=3");
  g_assert_true (wait_label (fixture->page, "Nothing stands out right now"));
  g_assert_true (is_general (fixture, REST_TITLE));
  g_assert_cmpuint (lumbar_tips_page_get_n_indicated (LUMBAR_TIPS_PAGE (fixture->page)), ==, 0);

  /* Today's spasm calls for a short rest. */
  add (fixture, "P0=4 S0=7");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_cmpuint (lumbar_tips_page_get_n_indicated (LUMBAR_TIPS_PAGE (fixture->page)), ==, 1);
  g_assert_null (find_label (fixture->page, "Nothing stands out right now", TRUE));

  card = tip_card (fixture, REST_TITLE);
  g_assert_true (gtk_widget_has_css_class (card, "lumbar-tip-indicated"));
  /* The evidence in the person's numbers, and the advice. */
  g_assert_nonnull (find_label (card, "You had 1 spasm in the last three days.", FALSE));
  g_assert_nonnull (find_label (card, "not bed rest", FALSE));
  /* Screen readers announce the card by its title. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, REST_TITLE);

  /* The others stay general advice, below their heading. */
  general = find_label (fixture->page, "General advice", TRUE);
  g_assert_nonnull (general);
  g_assert_true (is_general (fixture, INCLINE_TITLE));
  g_assert_true (is_general (fixture, THERAPY_TITLE));
  g_assert_false (gtk_widget_has_css_class (tip_card (fixture, INCLINE_TITLE), "lumbar-tip-indicated"));

  /* "Why am I seeing this?" opens from the keyboard and explains the rule. */
  expander = lumbar_test_find_of_type (card, GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "Why am I seeing this?");
  g_assert_true (gtk_widget_get_focusable (expander));
  g_assert_null (find_label (card, "This applies to you now.", FALSE));
  gtk_widget_grab_focus (expander);
  gtk_widget_activate (expander);
  g_assert_true (wait_label (card, "This applies to you now."));
  g_assert_nonnull (find_label (card, "Lumbar suggests a short rest when", FALSE));

  /* The open explanation survives more entries. */
  add (fixture, "R0=20");
  g_assert_true (wait_label (card, "You logged 20 minutes of rest in the last three days."));
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));

  /* The general ones ask a different question. */
  expander = lumbar_test_find_of_type (tip_card (fixture, INCLINE_TITLE), GTK_TYPE_EXPANDER);
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "When does Lumbar suggest this?");
}

static void
test_all_indicated (Fixture       *fixture,
                    gconstpointer  data)
{
  /* High local and radiating pain all week, no inclined sitting, no
   * therapy, and a spasm today: all three tips apply. */
  add (fixture, "P6..0=5/4 S0=6");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_true (is_recommended (fixture, INCLINE_TITLE));
  g_assert_true (is_recommended (fixture, THERAPY_TITLE));
  g_assert_cmpuint (lumbar_tips_page_get_n_indicated (LUMBAR_TIPS_PAGE (fixture->page)), ==, 3);
  /* Nothing is left for the general advice. */
  g_assert_null (find_label (fixture->page, "General advice", TRUE));

  /* In the engine's order: rest, inclined sitting, manual therapy. */
  g_assert_cmpfloat (y_on_page (fixture, tip_card (fixture, REST_TITLE)), <,
                     y_on_page (fixture, tip_card (fixture, INCLINE_TITLE)));
  g_assert_cmpfloat (y_on_page (fixture, tip_card (fixture, INCLINE_TITLE)), <,
                     y_on_page (fixture, tip_card (fixture, THERAPY_TITLE)));

  /* The manual-therapy card cites the study and the person's numbers. */
  g_assert_nonnull (find_label (tip_card (fixture, THERAPY_TITLE), "22% less local pain and 35% less radiating pain", FALSE));
  g_assert_nonnull (find_label (tip_card (fixture, THERAPY_TITLE), "Your radiating pain averaged 4.0 over the last seven days.", FALSE));

  /* Sitting inclined on three days takes that tip back to general advice,
   * and it moves below the ones still recommended. */
  add (fixture, "I2..0=30");
  g_assert_true (wait_label (fixture->page, "General advice"));
  g_assert_true (is_general (fixture, INCLINE_TITLE));
  g_assert_true (is_recommended (fixture, REST_TITLE));
  g_assert_true (is_recommended (fixture, THERAPY_TITLE));
  g_assert_cmpfloat (y_on_page (fixture, tip_card (fixture, THERAPY_TITLE)), <,
                     y_on_page (fixture, tip_card (fixture, INCLINE_TITLE)));
}

static void
test_red_flag (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *heading;
  GtkWidget *notice;

  add (fixture, "P6..1=5 S0=7");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_null (find_label (fixture->page, "Get medical care today", TRUE));
  g_assert_false (lumbar_tips_page_get_red_flags_active (LUMBAR_TIPS_PAGE (fixture->page)));

  /* A red-flag symptom today. */
  add (fixture, "P0=6!saddle-numbness");
  g_assert_true (wait_label (fixture->page, "Get medical care today"));
  g_assert_true (lumbar_tips_page_get_red_flags_active (LUMBAR_TIPS_PAGE (fixture->page)));

  heading = find_label (fixture->page, "Get medical care today", TRUE);
  notice = card_of (heading);
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_has_css_class (notice, "error"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (notice), GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (notice), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* Which symptom on which day, what to do and what to watch for. */
  g_assert_nonnull (find_label (notice, "You logged numbness around the groin or buttocks on 27 November 2026.", FALSE));
  g_assert_nonnull (find_label (notice, "Please seek medical care promptly", FALSE));
  g_assert_nonnull (find_label (notice, "Warning signs to watch for", TRUE));
  g_assert_nonnull (find_label (notice, "New trouble passing urine or controlling the bladder or bowel", FALSE));

  /* It cannot be dismissed. */
  assert_no_button (notice);

  /* It comes first; the tips below lose their highlight but keep their
   * place, with a word that they do not replace a doctor. */
  g_assert_cmpfloat (y_on_page (fixture, notice), <, y_on_page (fixture, tip_card (fixture, REST_TITLE)));
  g_assert_true (is_recommended (fixture, REST_TITLE));
  g_assert_false (gtk_widget_has_css_class (tip_card (fixture, REST_TITLE), "lumbar-tip-indicated"));
  g_assert_nonnull (find_label (fixture->page, "They do not replace seeing a doctor", FALSE));

  /* Removing the entry (undo) takes the notice away again. */
  for (guint i = 0; i < lumbar_journal_get_n_entries (fixture->journal); i++)
    {
      LumbarEntry *entry = lumbar_journal_get_entry (fixture->journal, i);

      if (lumbar_entry_get_flags (entry) != LUMBAR_FLAG_NONE)
        {
          g_autoptr(LumbarEntry) removed = lumbar_journal_remove (fixture->journal, lumbar_entry_get_id (entry));

          g_assert_nonnull (removed);
          break;
        }
    }
  g_assert_true (wait_label_gone (fixture->page, "Get medical care today"));
  g_assert_true (gtk_widget_has_css_class (tip_card (fixture, REST_TITLE), "lumbar-tip-indicated"));
}

static void
test_red_flag_pain_run (Fixture       *fixture,
                        gconstpointer  data)
{
  /* Pain of 8 or more on three days in a row. */
  add (fixture, "P3=6 P2..1=9");
  lumbar_test_flush (fixture->page);
  g_assert_null (find_label (fixture->page, "Get medical care today", TRUE));
  add (fixture, "P0=8");
  g_assert_true (wait_label (fixture->page, "Your daily pain was 8 or more on 3 days in a row (25 November 2026, 26 November 2026, 27 November 2026)."));
  g_assert_nonnull (find_label (fixture->page, "Get medical care today", TRUE));
}

static void
test_red_flag_without_enough_data (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *heading;

  /* Red flags count whatever the status: one reading with fever. */
  add (fixture, "P0=4!fever");
  g_assert_true (wait_label (fixture->page, "Get medical care today"));
  g_assert_nonnull (find_label (fixture->page, "You logged fever or feeling generally unwell on 27 November 2026.", FALSE));

  /* The explanation follows, below the notice. */
  heading = find_label (fixture->page, "Get medical care today", TRUE);
  g_assert_nonnull (find_label (fixture->page, "Not enough readings yet", TRUE));
  g_assert_cmpfloat (y_on_page (fixture, heading), <,
                     y_on_page (fixture, find_label (fixture->page, "Not enough readings yet", TRUE)));
  g_assert_true (is_general (fixture, REST_TITLE));
}

static void
test_manual_therapy_progress (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *card;

  /* A first manual-therapy session ten days ago; pain fell since. */
  add (fixture, "P20..11=6 T10=m P9..0=4");
  g_assert_true (wait_label (fixture->page, "Since your first manual-therapy session on 17 November 2026"));
  card = tip_card (fixture, THERAPY_TITLE);
  g_assert_nonnull (find_label (card, "your pain went from 6.0 to 4.0 (−33%)", FALSE));
  g_assert_nonnull (find_label (card, "22% less local pain", FALSE));
  /* The visit is recent, so the tip is not recommended. */
  g_assert_true (is_general (fixture, THERAPY_TITLE));
}

static void
test_today (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GtkWidget) page = g_object_ref_sink (lumbar_tips_page_new (NULL));
  g_autoptr(GtkWidget) card = g_object_ref_sink (lumbar_tip_card_new (NULL));

  /* Without a tracker: general advice, and no card. */
  g_assert_cmpint (lumbar_summary_get_today (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (page))), ==, lumbar_day_today ());
  g_assert_false (gtk_widget_get_visible (card));

  /* A week after the readings they no longer count, on both. */
  add (fixture, "P6..0=5 S0=7");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_true (gtk_widget_get_visible (fixture->card));
  g_object_set (fixture->tracker, "today", DIARY_TODAY + 7, NULL);
  g_assert_nonnull (find_label (fixture->page, "Not enough readings yet", TRUE));
  g_assert_true (is_general (fixture, REST_TITLE));
  g_assert_false (gtk_widget_get_visible (fixture->card));
}

/* The card and the page read one summary: the same object, not two
 * computations that could disagree. */
static void
test_one_summary (Fixture       *fixture,
                  gconstpointer  data)
{
  add (fixture, "P6..0=7 S0=6");
  g_assert_true (wait_recommended (fixture, REST_TITLE));
  g_assert_true (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (fixture->page)) ==
                 lumbar_summary_tracker_get_summary (fixture->tracker));
  g_assert_true (lumbar_tip_card_get_tracker (LUMBAR_TIP_CARD (fixture->card)) == fixture->tracker);
}

typedef struct {
  Fixture       *fixture;
  LumbarSummary *summary;
} SummaryQuery;

static gboolean
summary_changed (gpointer data)
{
  SummaryQuery *query = data;

  return lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (query->fixture->page)) != query->summary;
}

static void
test_changes_coalesce (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LumbarSummary) before = g_object_ref (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (fixture->page)));
  g_autoptr(LumbarSummary) after = NULL;

  /* Forty entries in one go … */
  add (fixture, "P27..0=5 I5..0=20 R5..0=15");
  g_assert_true (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (fixture->page)) == before);

  /* … are summarised once, in the next idle. */
  g_assert_true (wait_until (summary_changed, &(SummaryQuery) { fixture, before }, WAIT_MS));
  after = g_object_ref (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (fixture->page)));
  lumbar_test_flush (fixture->page);
  g_assert_true (lumbar_tips_page_get_summary (LUMBAR_TIPS_PAGE (fixture->page)) == after);
  g_assert_cmpint (lumbar_summary_get_status (after), ==, LUMBAR_TIPS_STATUS_OK);
}

static void
test_fits_narrow (Fixture       *fixture,
                  gconstpointer  data)
{
  int minimum = 0;

  add (fixture, "P6..0=9/6!leg-weakness S0=8");
  g_assert_true (wait_label (fixture->page, "Get medical care today"));
  gtk_widget_measure (fixture->page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (fixture->card, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360 - 24);
}

/* ---- the tip card ----------------------------------------------------- */

static void
test_card_most_relevant (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *card = fixture->card;

  /* Nothing to say: hidden. */
  g_assert_false (gtk_widget_get_visible (card));
  add (fixture, "P6..0=3");
  lumbar_test_flush (fixture->page);
  g_assert_false (gtk_widget_get_visible (card));

  /* Pain of 5 all week without inclined sitting: that tip. */
  add (fixture, "P6..0=7");
  g_assert_true (wait_label (card, INCLINE_TITLE));
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_nonnull (find_label (card, "Recommended now", TRUE));
  g_assert_nonnull (find_label (card, "you did not sit inclined on any of them", FALSE));
  g_assert_nonnull (find_label (card, "All tips", TRUE));

  /* A spasm today: the rest tip is the most relevant, one more follows. */
  add (fixture, "S0=6");
  g_assert_true (wait_label (card, REST_TITLE));
  g_assert_null (find_label (card, INCLINE_TITLE, TRUE));
  g_assert_nonnull (find_label (card, "1 more tip is recommended for you now.", TRUE));

  /* A red flag wins over any tip. */
  add (fixture, "P0=6!bladder-bowel");
  g_assert_true (wait_label (card, "Get medical care today"));
  g_assert_null (find_label (card, REST_TITLE, TRUE));
  g_assert_null (find_label (card, "Recommended now", TRUE));
  g_assert_true (gtk_widget_has_css_class (card_of (find_label (card, "Get medical care today", TRUE)), "error"));
  g_assert_nonnull (find_label (card, "You logged new trouble passing urine or controlling bladder or bowel on 27 November 2026.", FALSE));
  g_assert_nonnull (find_label (card, "Please seek medical care promptly", FALSE));

  /* The days move on: nothing in the last week, hidden again. */
  lumbar_summary_tracker_set_today (fixture->tracker, DIARY_TODAY + 8);
  g_assert_false (gtk_widget_get_visible (card));
}

typedef struct {
  char *page;
} ShowPage;

static void
on_show_page (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  ShowPage *show = data;

  g_free (show->page);
  show->page = g_variant_dup_string (parameter, NULL);
}

static gboolean
page_shown (gpointer data)
{
  ShowPage *show = data;

  return show->page != NULL;
}

static void
test_card_all_tips (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-page", G_VARIANT_TYPE_STRING);
  ShowPage show = { NULL };
  GtkWidget *button;

  g_signal_connect (action, "activate", G_CALLBACK (on_show_page), &show);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  add (fixture, "P2..0=5 S1=7");
  g_assert_true (wait_label (fixture->card, REST_TITLE));
  for (button = find_label (fixture->card, "All tips", TRUE); !GTK_IS_BUTTON (button); button = gtk_widget_get_parent (button))
    ;
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  gtk_widget_activate (button);
  g_assert_true (wait_until (page_shown, &show, WAIT_MS));
  g_assert_cmpstr (show.page, ==, "tips");
  g_free (show.page);
}

static void
skip_without_display (void)
{
  g_test_skip ("No display: run the UI tests inside xvfb-run (see tests/README.md)");
}

int
main (int   argc,
      char *argv[])
{

  /* Records roles and names without an accessibility bus. */
  lumbar_test_use_test_a11y ();
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  lumbar_test_bind_textdomain ();

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/tips-page/needs-display", skip_without_display);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lumbar/tips-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("not-enough-data", test_not_enough_data);
  ADD ("rest-indicated-live", test_rest_indicated_live);
  ADD ("all-indicated", test_all_indicated);
  ADD ("red-flag", test_red_flag);
  ADD ("red-flag-pain-run", test_red_flag_pain_run);
  ADD ("red-flag-without-enough-data", test_red_flag_without_enough_data);
  ADD ("manual-therapy-progress", test_manual_therapy_progress);
  ADD ("today", test_today);
  ADD ("one-summary", test_one_summary);
  ADD ("changes-coalesce", test_changes_coalesce);
  ADD ("fits-narrow", test_fits_narrow);
  ADD ("card-most-relevant", test_card_most_relevant);
  ADD ("card-all-tips", test_card_all_tips);

  return g_test_run ();
}
