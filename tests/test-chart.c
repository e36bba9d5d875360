/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lumbar-chart-day.h"
#include "lumbar-chart-view.h"
#include "lumbar-test-diary.h"
#include "lumbar-test-utils.h"

/*
 * The chart view in a real window under X (run `meson test` inside
 * xvfb-run): what it draws, what it tells assistive technology, the table
 * and the period action.
 */

#define WAIT_MS 5000

typedef struct {
  LumbarDay        today;
  LumbarJournal   *journal;
  LumbarSummaryTracker *tracker;
  GtkWidget       *window;
  LumbarChartView *view;
  LumbarChart     *chart;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static LumbarEntry *
pain_entry (LumbarDay day,
            int       hour,
            int       local,
            int       radiating)
{
  LumbarEntry *entry = lumbar_entry_new (LUMBAR_KIND_PAIN);

  lumbar_entry_set_time (entry, (gint64) day * 86400 + hour * 3600, 0);
  lumbar_entry_set_local (entry, local);
  lumbar_entry_set_radiating (entry, radiating);
  return entry;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->today = lumbar_day_from_ymd (2026, 11, 27);
  f->journal = lumbar_journal_new ();
  f->tracker = g_object_new (LUMBAR_TYPE_SUMMARY_TRACKER, "journal", f->journal, "today", f->today, NULL);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 560);
  f->view = LUMBAR_CHART_VIEW (lumbar_chart_view_new ());
  f->chart = lumbar_chart_view_get_chart (f->view);
  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_1_MONTH);
  lumbar_chart_view_set_show_table (f->view, FALSE);
  lumbar_chart_view_set_tracker (f->view, f->tracker);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lumbar_test_wait_for (is_mapped, f->chart, WAIT_MS));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lumbar_test_flush (NULL);
  g_assert_finalize_object (f->tracker);
  g_assert_finalize_object (f->journal);
}

/* The chart's pixels as the renderer draws them. */
static GBytes *
render (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->chart);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gsize stride = (gsize) width * 4;
  guchar *pixels;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * height);
}

typedef struct {
  LumbarChart *chart;
  char        *old;
} DescriptionChange;

static gboolean
description_changed (gpointer data)
{
  DescriptionChange *change = data;

  return g_strcmp0 (lumbar_chart_get_description (change->chart), change->old) != 0;
}

/* Takes @old (the description before a change) and waits for a new one. */
static gboolean
view_narrow (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->view)) > 0 && gtk_widget_get_width (GTK_WIDGET (f->view)) <= 360;
}

static gboolean
wait_description_change (Fixture *f,
                         char    *old)
{
  DescriptionChange change = { f->chart, old };
  gboolean changed = lumbar_test_wait_for (description_changed, &change, WAIT_MS);

  g_free (old);
  return changed;
}

static char *
description (Fixture *f)
{
  return g_strdup (lumbar_chart_get_description (f->chart));
}

static void
test_redraws_on_range_and_entries (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = lumbar_test_diary_new (400, f->today - 1, 5);
  g_autoptr(GBytes) month = NULL;
  g_autoptr(GBytes) year = NULL;
  g_autoptr(GBytes) added = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  char *before = description (f);

  lumbar_journal_set_entries (f->journal, entries);
  g_assert_true (wait_description_change (f, before));
  lumbar_test_flush (GTK_WIDGET (f->chart));
  month = render (f);
  again = render (f);
  /* Rendering is stable: equal data gives equal pixels. */
  g_assert_true (g_bytes_equal (month, again));

  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_1_YEAR);
  g_assert_cmpint (lumbar_chart_get_range (f->chart), ==, LUMBAR_RANGE_1_YEAR);
  lumbar_test_flush (GTK_WIDGET (f->chart));
  year = render (f);
  g_assert_false (g_bytes_equal (month, year));

  /* Today had no reading; one at 9 shows up at once. */
  before = description (f);
  entry = pain_entry (f->today, 9, 9, 2);
  g_assert_true (lumbar_journal_add (f->journal, entry, &error));
  g_assert_no_error (error);
  g_assert_true (wait_description_change (f, before));
  lumbar_test_flush (GTK_WIDGET (f->chart));
  added = render (f);
  g_assert_false (g_bytes_equal (year, added));
}

static void
test_description_follows_data (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  char *before;

  /* Found by assistive technology as an image with a name. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->chart),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain chart"));

  g_assert_cmpstr (lumbar_chart_get_description (f->chart), ==, "No pain readings in this period.");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->chart),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "No pain readings in this period."));

  before = description (f);
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(LumbarEntry) entry = pain_entry (f->today - i, 8, 2 + (i % 2) * 2, -1);

      g_assert_true (lumbar_journal_add (f->journal, entry, &error));
      g_assert_no_error (error);
    }
  g_assert_true (wait_description_change (f, before));

  text = lumbar_chart_get_description (f->chart);
  g_assert_true (g_str_has_prefix (text, "Pain over the last 30 days: average 2.9."));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->chart),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text));

  /* A shorter period describes only its own days. */
  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_2_WEEKS);
  g_assert_true (g_str_has_prefix (lumbar_chart_get_description (f->chart),
                                   "Pain over the last 14 days: average 2.9."));
}

static gboolean
table_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *stack = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (f->chart)), GTK_TYPE_STACK);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "table") == 0 &&
         !gtk_widget_get_mapped (GTK_WIDGET (f->chart));
}

static gboolean
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return find_label (search->root, search->text);
}

static void
test_table_lists_days (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *model;
  LabelSearch search;

  char *before = description (f);

  /* Days 0, 2 and 5 ago have readings; day 3 ago only a rest. */
  for (int ago = 0; ago < 6; ago++)
    {
      g_autoptr(LumbarEntry) entry = NULL;

      if (ago == 1 || ago == 4)
        continue;
      if (ago == 3)
        {
          entry = lumbar_entry_new (LUMBAR_KIND_REST);
          lumbar_entry_set_time (entry, (gint64) (f->today - ago) * 86400 + 12 * 3600, 0);
          lumbar_entry_set_minutes (entry, 25);
        }
      else
        entry = pain_entry (f->today - ago, 8, 7 - ago, ago == 0 ? 3 : -1);
      g_assert_true (lumbar_journal_add (f->journal, entry, &error));
      g_assert_no_error (error);
    }
  g_assert_true (wait_description_change (f, before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.show-table", NULL));
  g_assert_true (lumbar_chart_view_get_show_table (f->view));
  g_assert_true (lumbar_test_wait_for (table_shown, f, WAIT_MS));

  /* The same days, newest first, empty days left out. */
  model = lumbar_chart_view_get_table_model (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    static const int expected_ago[] = { 0, 2, 3, 5 };

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(LumbarChartDay) day = g_list_model_get_item (model, i);

        g_assert_cmpint (lumbar_chart_day_get_daily (day)->day, ==, f->today - expected_ago[i]);
      }
  }

  /* And the rows say so on screen. */
  search.root = GTK_WIDGET (f->view);
  search.text = "Fri, 27 Nov 2026";
  g_assert_true (lumbar_test_wait_for (label_shown, &search, WAIT_MS));
  search.text = "25";
  g_assert_true (lumbar_test_wait_for (label_shown, &search, WAIT_MS));

  /* New entries reach the table while it is shown. */
  before = description (f);
  {
    g_autoptr(LumbarEntry) entry = pain_entry (f->today - 1, 8, 4, -1);

    g_assert_true (lumbar_journal_add (f->journal, entry, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wait_description_change (f, before));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.show-table", NULL));
  g_assert_false (lumbar_chart_view_get_show_table (f->view));
  g_assert_true (lumbar_test_wait_for (is_mapped, f->chart, WAIT_MS));
}

static void
test_keyboard_moves_focused_day (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarEntry) entry = pain_entry (f->today - 1, 8, 6, 2);
  char *before = description (f);
  LumbarDaily daily;

  g_assert_true (lumbar_journal_add (f->journal, entry, &error));
  g_assert_no_error (error);
  g_assert_true (wait_description_change (f, before));
  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  g_assert_false (lumbar_chart_get_focused_day (f->chart, NULL));

  /* The first arrow press lands on the newest day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.previous-day", NULL));
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (daily.day, ==, f->today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.previous-day", NULL));
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (daily.day, ==, f->today - 1);
  g_assert_cmpfloat (daily.local_mean, ==, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.first-day", NULL));
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (daily.day, ==, f->today - 29);

  /* Stops at the ends. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.previous-day", NULL));
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (daily.day, ==, f->today - 29);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.last-day", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.next-day", NULL));
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (daily.day, ==, f->today);

  /* The day's values are shown beside it. */
  {
    GtkWidget *popover = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->chart)); child;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (GTK_POPOVER (popover)))),
                                     "Friday, 27 November 2026\n"));

    lumbar_chart_focus_day (f->chart, f->today - 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (GTK_POPOVER (popover)))), ==,
                     "Thursday, 26 November 2026\n"
                     "Local pain: 6\n"
                     "Radiating pain: 2.0");
  }
}

static void
on_day_activated (LumbarChart *chart,
                  LumbarDay    day,
                  gpointer     user_data)
{
  *(LumbarDay *) user_data = day;
}

/* Enter, space or a click on a day asks for that day (the main window
 * opens it in the Diary). */
static void
test_day_activated (Fixture       *f,
                    gconstpointer  data)
{
  LumbarDay activated = 0;
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *click = NULL;
  LumbarDaily daily;

  g_signal_connect (f->chart, "day-activated", G_CALLBACK (on_day_activated), &activated);
  gtk_widget_grab_focus (GTK_WIDGET (f->chart));

  /* Nothing focused: Enter asks for nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate-day", NULL));
  g_assert_cmpint (activated, ==, 0);

  lumbar_chart_focus_day (f->chart, f->today - 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate-day", NULL));
  g_assert_cmpint (activated, ==, f->today - 3);

  /* A click in the middle of the chart: the day under it. */
  activated = 0;
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->chart));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1,
                         gtk_widget_get_width (GTK_WIDGET (f->chart)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (f->chart)) / 2.0);
  g_assert_true (lumbar_chart_get_focused_day (f->chart, &daily));
  g_assert_cmpint (activated, !=, 0);
  g_assert_cmpint (activated, ==, daily.day);
  g_assert_cmpint (activated, >, f->today - 29);
  g_assert_cmpint (activated, <, f->today);
}

static void
test_follows_dark_style (Fixture       *f,
                         gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  const guchar *l, *d;
  gsize offset;
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  lumbar_test_flush (GTK_WIDGET (f->chart));
  light = render (f);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  lumbar_test_flush (GTK_WIDGET (f->chart));
  dark = render (f);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  lumbar_test_flush (GTK_WIDGET (f->chart));

  /* The chart's background, well inside: light, then dark. */
  offset = ((gsize) 20 * width + width / 2) * 4;
  l = g_bytes_get_data (light, NULL);
  d = g_bytes_get_data (dark, NULL);
  g_assert_cmpint (l[offset] + l[offset + 1] + l[offset + 2], >, 600);
  g_assert_cmpint (d[offset] + d[offset + 1] + d[offset + 2], <, 200);
}

static void
test_fits_narrow_window (Fixture       *f,
                         gconstpointer  data)
{
  int minimum, natural;

  /* A phone-sized window: 360 pixels, minus the page's margins. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 336);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 560);
  gtk_widget_set_size_request (f->window, 360, -1);
  g_assert_true (lumbar_test_wait_for (view_narrow, f, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (f->chart));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->chart)), >, 0);
}

static GtkToggleButton *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_TOGGLE_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The period buttons are one stateful action over the range property:
 * what a click does, and what the pressed button shows. */
static void
test_range_action (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.range", "s", "3m"));
  g_assert_cmpint (lumbar_chart_view_get_range (f->view), ==, LUMBAR_RANGE_3_MONTHS);
  g_assert_cmpint (lumbar_chart_get_range (f->chart), ==, LUMBAR_RANGE_3_MONTHS);
  g_assert_true (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (f->view), "3 months")));
  g_assert_false (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (f->view), "1 month")));

  /* Set from code (the settings), the pressed button follows. */
  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_1_YEAR);
  g_assert_true (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (f->view), "1 year")));
  g_assert_false (gtk_toggle_button_get_active (find_toggle (GTK_WIDGET (f->view), "3 months")));
  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_3_MONTHS);

  /* "custom" is an export's, not a chart's: nothing changes. */
  lumbar_chart_view_set_range (f->view, LUMBAR_RANGE_CUSTOM);
  g_assert_cmpint (lumbar_chart_view_get_range (f->view), ==, LUMBAR_RANGE_3_MONTHS);
}

static void
skip_without_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  int status;

  root = lumbar_test_use_private_xdg_dirs ("lumbar-test-chart-XXXXXX");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Records accessible properties without a bus, so tests can read them. */
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    g_test_add_func ("/lumbar/chart/needs-display", skip_without_display);
  else
    {
      adw_init ();

#define ADD(name, func) \
      g_test_add ("/lumbar/chart/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

      ADD ("redraws-on-range-and-entries", test_redraws_on_range_and_entries);
      ADD ("description-follows-data", test_description_follows_data);
      ADD ("table-lists-days", test_table_lists_days);
      ADD ("keyboard-moves-focused-day", test_keyboard_moves_focused_day);
      ADD ("day-activated", test_day_activated);
      ADD ("follows-dark-style", test_follows_dark_style);
      ADD ("fits-narrow-window", test_fits_narrow_window);
      ADD ("range-action", test_range_action);
    }

  status = g_test_run ();

  lumbar_test_remove_tree (root);
  return status;
}
