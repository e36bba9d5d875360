/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-today"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lumbar-application.h"
#include "lumbar-format.h"
#include "lumbar-session-dialog.h"
#include "lumbar-store.h"
#include "lumbar-test-utils.h"
#include "lumbar-time-picker.h"
#include "lumbar-today-page.h"
#include "lumbar-window.h"

/*
 * The Today page in the real application under X (run `meson test` inside
 * xvfb-run): logging what already happened, timers that were forgotten,
 * sliders and the mouse wheel, the order of today's entries. Each test
 * starts without a diary in a fresh XDG_DATA_HOME.
 */

#define WAIT_MS 5000

static char *test_root;

typedef struct {
  char              *diary_dir;
  LumbarApplication *app;
  LumbarWindow      *window;
  LumbarTodayPage   *page;
  LumbarStore       *store;
  void             (*body) (gpointer fixture);
} Fixture;

/* Helpers */

static GtkWidget *
require_named (Fixture    *fixture,
               const char *name,
               GType       type)
{
  GtkWidget *widget = lumbar_test_find_named (GTK_WIDGET (fixture->window), name, type);

  if (widget == NULL)
    g_error ("No %s is named “%s” for assistive technology", g_type_name (type), name);
  return widget;
}

static GtkWidget *
today_child (Fixture    *fixture,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), LUMBAR_TYPE_TODAY_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, button, WAIT_MS));
  gtk_widget_activate (button);
}

typedef struct {
  LumbarJournal *journal;
  guint          n;
} JournalQuery;

static gboolean
journal_has_n (gpointer data)
{
  JournalQuery *query = data;

  return lumbar_journal_get_n_entries (query->journal) >= query->n;
}

static void
wait_for_entries (Fixture *fixture,
                  guint    n)
{
  JournalQuery query = { lumbar_store_get_journal (fixture->store), n };

  g_assert_true (lumbar_test_wait_for (journal_has_n, &query, WAIT_MS));
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWindow *dialog = lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
message_dialog_gone (gpointer data)
{
  return lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Opens a form's Earlier… popover and returns its time picker. */
static LumbarTimePicker *
open_earlier (Fixture    *fixture,
              const char *name)
{
  GtkWidget *button = require_named (fixture, name, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  g_assert_true (lumbar_test_wait_for (widget_is_mapped, button, WAIT_MS));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, popover, WAIT_MS));
  return LUMBAR_TIME_PICKER (lumbar_test_find_of_type (GTK_WIDGET (popover), LUMBAR_TYPE_TIME_PICKER));
}

/* Where @widget is in the visible part of the page's scroller. */
static gboolean
shown_without_scrolling (Fixture   *fixture,
                         GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t top;

  if (!gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  return top.y >= 0 &&
         top.y + gtk_widget_get_height (widget) <= gtk_widget_get_height (scroller);
}

/* Running the real application */

static void
with_window (LumbarWindow *window,
             gpointer      data)
{
  Fixture *fixture = data;

  fixture->app = LUMBAR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  fixture->window = window;
  fixture->page = LUMBAR_TODAY_PAGE (lumbar_window_get_today_page (window));
  fixture->store = lumbar_window_get_store (window);
  fixture->body (fixture);
}

/* Starts Lumbar, runs @body once its diary is loaded, quits and checks
 * that the store (and with it the diary's lock) is gone. */
static void
run_app (Fixture *fixture,
         void   (*body) (gpointer fixture))
{
  fixture->body = body;
  lumbar_test_run_main_window (with_window, fixture);
  fixture->app = NULL;
  fixture->window = NULL;
  fixture->page = NULL;
  fixture->store = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->diary_dir = g_build_filename (g_get_user_data_dir (), "lumbar", NULL);
  lumbar_test_remove_tree (fixture->diary_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_null (fixture->app);
  lumbar_test_remove_tree (fixture->diary_dir);
  g_free (fixture->diary_dir);
}

/* Tests */

/* Yesterday's forgotten reading, logged from Today at 20:00 yesterday. */
static void
log_pain_yesterday_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) evening = g_date_time_new_local (g_date_time_get_year (yesterday),
                                                        g_date_time_get_month (yesterday),
                                                        g_date_time_get_day_of_month (yesterday),
                                                        20, 0, 0);
  GtkWidget *local = require_named (fixture, "Local pain", GTK_TYPE_SCALE);
  GtkWidget *list = require_named (fixture, "Today’s entries", GTK_TYPE_LIST_BOX);
  LumbarTimePicker *picker = open_earlier (fixture, "Log pain earlier");
  LumbarEntry *entry;

  g_assert_nonnull (picker);
  lumbar_time_picker_set_time (picker, evening);
  gtk_range_set_value (GTK_RANGE (local), 7);
  click (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 1);

  entry = lumbar_journal_get_entry (journal, 0);
  g_assert_cmpint (lumbar_entry_get_local (entry), ==, 7);
  g_assert_cmpint (lumbar_entry_get_time (entry), ==, g_date_time_to_unix (evening));
  g_assert_cmpint (lumbar_entry_get_day (entry), ==, lumbar_day_today () - 1);
  /* Yesterday's reading is not one of today's. */
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
}

static void
test_log_pain_yesterday (Fixture       *fixture,
                         gconstpointer  data)
{
  run_app (fixture, log_pain_yesterday_body);
}

/* A time still to come is refused, the reason shown by the form, and
 * nothing is logged. The page's clock is set to noon for this. */
static void
future_time_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (today),
                                                     g_date_time_get_month (today),
                                                     g_date_time_get_day_of_month (today),
                                                     12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_hours (noon, 2);
  GtkWidget *error = today_child (fixture, "pain_error");
  LumbarTimePicker *picker;

  lumbar_today_page_set_now (fixture->page, noon);
  picker = open_earlier (fixture, "Log pain earlier");
  lumbar_time_picker_set_time (picker, later);
  gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (require_named (fixture, "Log pain earlier",
                                                                                    GTK_TYPE_MENU_BUTTON))));
  click (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));

  g_assert_true (lumbar_test_wait_for (widget_is_mapped, error, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "That time is still to come.");
  g_assert_true (shown_without_scrolling (fixture, error));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
}

static void
test_future_time_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  run_app (fixture, future_time_body);
}

/* A rest timer started five hours ago: Stop asks when it ended, offering
 * half an hour after the start; confirming logs those 30 minutes. */
static void
forgotten_timer_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, -5);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  LumbarTimePicker *picker;
  GtkWidget *stop;

  g_assert_true (lumbar_store_start_timer (fixture->store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);
  lumbar_today_page_set_now (fixture->page, NULL);
  stop = require_named (fixture, "Stop rest", GTK_TYPE_BUTTON);

  click (stop);
  g_assert_true (lumbar_test_wait_for (message_dialog_shown, NULL, WAIT_MS));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
  dialog = ADW_MESSAGE_DIALOG (lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  picker = LUMBAR_TIME_PICKER (lumbar_test_find_of_type (GTK_WIDGET (dialog), LUMBAR_TYPE_TIME_PICKER));
  end = lumbar_time_picker_dup_time (picker);
  g_assert_cmpint (g_date_time_compare (end, now), <, 0);
  /* Half an hour after the start as the timer kept it (whole seconds),
   * in whole minutes as the picker holds them. */
  {
    g_autoptr(GDateTime) kept = NULL;
    GTimeSpan span;

    g_assert_true (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, &kept));
    span = g_date_time_difference (end, kept);
    g_assert_cmpint (span, >, 29 * G_TIME_SPAN_MINUTE);
    g_assert_cmpint (span, <=, 30 * G_TIME_SPAN_MINUTE);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "log"));

  /* What a click on Log does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "log");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_entries (fixture, 1);
  g_assert_cmpint (lumbar_entry_get_minutes (lumbar_journal_get_entry (journal, 0)), ==, 30);
  g_assert_false (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, NULL));
  g_assert_true (lumbar_test_wait_for (message_dialog_gone, NULL, WAIT_MS));
}

static void
test_forgotten_timer_asks (Fixture       *fixture,
                           gconstpointer  data)
{
  run_app (fixture, forgotten_timer_body);
}

/* A rest timer of 30 hours: "since" gives the date, Stop cannot log more
 * than 24 hours, and cancelling keeps the timer running with nothing
 * logged. */
static void
day_old_timer_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, -30);
  g_autoptr(GDateTime) too_late = g_date_time_add_hours (start, 25);
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  GtkWidget *status = today_child (fixture, "rest_status_row");
  AdwMessageDialog *dialog;
  LumbarTimePicker *picker;
  GtkWidget *reason;

  g_assert_true (lumbar_store_start_timer (fixture->store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);
  lumbar_today_page_set_now (fixture->page, NULL);

  /* Seconds are not kept by a timer, so format what the store has. */
  {
    g_autoptr(GDateTime) kept = NULL;

    g_assert_true (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, &kept));
    since = lumbar_format_date_time (kept);
  }
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "Resting since "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), since));

  click (require_named (fixture, "Stop rest", GTK_TYPE_BUTTON));
  g_assert_true (lumbar_test_wait_for (message_dialog_shown, NULL, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  picker = LUMBAR_TIME_PICKER (lumbar_test_find_of_type (GTK_WIDGET (dialog), LUMBAR_TYPE_TIME_PICKER));

  /* 25 hours after the start cannot be logged; the reason is shown. */
  lumbar_time_picker_set_time (picker, too_late);
  g_signal_emit_by_name (picker, "changed");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "log"));
  reason = lumbar_test_find_of_type (gtk_widget_get_parent (GTK_WIDGET (picker)), GTK_TYPE_LABEL);
  g_assert_true (gtk_widget_get_visible (reason));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (lumbar_test_wait_for (message_dialog_gone, NULL, WAIT_MS));
  g_assert_true (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
}

static void
test_day_old_timer (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, day_old_timer_body);
}

/* The wheel over a slider the person has not focused scrolls the page and
 * leaves the slider alone. GTK 4.8 cannot synthesize events, so the
 * scale's scroll controllers get the "scroll" signal in the order GTK
 * would: capture phase first, stopping at the first that handles it. */
static gboolean
scroll_over (GtkWidget *widget,
             double     dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_TARGET, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != phases[p])
          continue;
        g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
        if (handled)
          return TRUE;
      }
  return FALSE;
}

static void
wheel_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *spasm = require_named (fixture, "Spasm intensity", GTK_TYPE_SCALE);
  GtkWidget *local = require_named (fixture, "Local pain", GTK_TYPE_SCALE);

  g_assert_true (lumbar_test_wait_for (widget_is_mapped, spasm, WAIT_MS));
  gtk_widget_grab_focus (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (spasm)), ==, 5);

  scroll_over (spasm, 1.0);
  scroll_over (spasm, 1.0);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (spasm)), ==, 5);

  /* Once the person has chosen the slider, the wheel moves it. */
  gtk_widget_grab_focus (local);
  g_assert_true (gtk_widget_has_focus (local));
  gtk_range_set_value (GTK_RANGE (local), 5);
  scroll_over (local, -1.0);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (local)), !=, 5);
}

static void
test_wheel_over_unfocused_slider (Fixture       *fixture,
                                  gconstpointer  data)
{
  run_app (fixture, wheel_body);
}

/* The spasm slider speaks of strength, not of pain. */
static void
spasm_labels_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *spasm = require_named (fixture, "Spasm intensity", GTK_TYPE_SCALE);
  GtkWidget *group = today_child (fixture, "spasm_group");
  GtkWidget *meaning = today_child (fixture, "spasm_meaning");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean mild = FALSE, severe = FALSE;

  lumbar_test_collect_of_type (group, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      g_assert_cmpstr (text, !=, "No pain");
      g_assert_cmpstr (text, !=, "Worst imaginable");
      mild |= g_strcmp0 (text, "Mild") == 0;
      severe |= g_strcmp0 (text, "Severe") == 0;
    }
  g_assert_true (mild);
  g_assert_true (severe);

  gtk_range_set_value (GTK_RANGE (spasm), 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (meaning)), ==, "Mild spasm");
  gtk_range_set_value (GTK_RANGE (spasm), 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (meaning)), ==, "Moderate spasm");
  gtk_range_set_value (GTK_RANGE (spasm), 9);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (meaning)), ==, "Severe spasm");
}

static void
test_spasm_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  run_app (fixture, spasm_labels_body);
}

/* Today's entries list the newest first, as the Diary does. */
static void
newest_first_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *list = require_named (fixture, "Today’s entries", GTK_TYPE_LIST_BOX);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  /* Two readings between midnight and now, whatever the time of day. */
  GTimeSpan span = g_date_time_difference (now, midnight);
  g_autoptr(GDateTime) first = g_date_time_add (midnight, span / 3);
  g_autoptr(GDateTime) second = g_date_time_add (midnight, 2 * span / 3);
  GtkListBoxRow *row;
  int levels[] = { 2, 8 };
  GDateTime *times[] = { first, second };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      g_autoptr(GError) error = NULL;

      lumbar_entry_set_date_time (entry, times[i]);
      lumbar_entry_set_local (entry, levels[i]);
      g_assert_true (lumbar_journal_add (journal, entry, &error));
      g_assert_no_error (error);
    }

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Local pain 8");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Local pain 2");
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  run_app (fixture, newest_first_body);
}

/* A notification's Stop stops a running timer as Today's button does,
 * and never starts one that is not running. */
static void
stop_timer_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  /* Noon on the page's clock, so the timer never crosses midnight. */
  g_autoptr(GDateTime) now = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today),
                                                    g_date_time_get_day_of_month (today), 12, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_minutes (now, -20);
  g_autoptr(GError) error = NULL;

  lumbar_today_page_set_now (fixture->page, now);
  lumbar_today_page_stop_timer (fixture->page, LUMBAR_KIND_INCLINE);
  g_assert_false (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_INCLINE, NULL));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);

  g_assert_true (lumbar_store_start_timer (fixture->store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);
  lumbar_today_page_stop_timer (fixture->page, LUMBAR_KIND_REST);
  wait_for_entries (fixture, 1);
  g_assert_false (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpint (lumbar_entry_get_kind (lumbar_journal_get_entry (journal, 0)), ==, LUMBAR_KIND_REST);
  g_assert_cmpint (lumbar_entry_get_minutes (lumbar_journal_get_entry (journal, 0)), ==, 20);
  lumbar_today_page_set_now (fixture->page, NULL);
}

static void
test_stop_timer (Fixture       *fixture,
                 gconstpointer  data)
{
  run_app (fixture, stop_timer_body);
}

/* A reminder's "Log pain" lands on the local pain slider. */
static void
focus_pain_form_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *local = require_named (fixture, "Local pain", GTK_TYPE_SCALE);

  gtk_widget_grab_focus (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  lumbar_today_page_focus_pain_form (fixture->page);
  g_assert_true (gtk_widget_has_focus (local));
}

static void
test_focus_pain_form (Fixture       *fixture,
                      gconstpointer  data)
{
  run_app (fixture, focus_pain_form_body);
}

/* Every log on Today can be taken back with Ctrl+Z, newest first. */
static gboolean
journal_empty (gpointer data)
{
  return lumbar_journal_get_n_entries (data) == 0;
}

static void
undo_logs_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_minutes (now, -10);
  g_autoptr(GError) error = NULL;

  click (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 1);
  click (require_named (fixture, "Log spasm", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 2);
  g_assert_true (lumbar_store_start_timer (fixture->store, LUMBAR_KIND_REST, start, &error));
  g_assert_no_error (error);
  lumbar_today_page_set_now (fixture->page, NULL);
  click (require_named (fixture, "Stop rest", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 3);

  for (guint n = 3; n > 0; n--)
    {
      LumbarKind newest = n == 3 ? LUMBAR_KIND_REST : n == 2 ? LUMBAR_KIND_SPASM : LUMBAR_KIND_PAIN;
      gboolean found = FALSE;

      for (guint i = 0; i < lumbar_journal_get_n_entries (journal); i++)
        found |= lumbar_entry_get_kind (lumbar_journal_get_entry (journal, i)) == newest;
      g_assert_true (found);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
      g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, n - 1);
      found = FALSE;
      for (guint i = 0; i < lumbar_journal_get_n_entries (journal); i++)
        found |= lumbar_entry_get_kind (lumbar_journal_get_entry (journal, i)) == newest;
      g_assert_false (found);
    }
  g_assert_true (journal_empty (journal));
}

static void
test_undo_logs (Fixture       *fixture,
                gconstpointer  data)
{
  run_app (fixture, undo_logs_body);
}

/* The person's preferences: radiating pain asked about from the start,
 * and their usual back support; both follow changes. */
static void
preferences_body (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");
  GtkWidget *spreading = require_named (fixture, "I have pain spreading into a leg", GTK_TYPE_SWITCH);
  GtkWidget *support = today_child (fixture, "support_row");

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (spreading)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (support)), ==, LUMBAR_SUPPORT_RECLINER);

  /* Logged, the form asks about the leg again. */
  click (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (spreading)));

  g_settings_set_boolean (settings, "ask-radiating", FALSE);
  g_settings_set_string (settings, "default-support", "other");
  lumbar_test_flush (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (spreading)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (support)), ==, LUMBAR_SUPPORT_OTHER);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");

  g_settings_set_boolean (settings, "ask-radiating", TRUE);
  g_settings_set_string (settings, "default-support", "recliner");
  run_app (fixture, preferences_body);
  g_settings_reset (settings, "ask-radiating");
  g_settings_reset (settings, "default-support");
}

/* Add a past inclined session: no day still to come is kept, and a time
 * still to come is refused with the reason in sight, next to the time. */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
dialog_child (GtkWindow  *dialog,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_SESSION_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static void
past_session_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *row = find_row_titled (GTK_WIDGET (fixture->window), "Add a past session…");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) picked = NULL;
  GtkCalendar *calendar;
  GtkWidget *error;
  GtkWindow *dialog;
  graphene_point_t top;

  g_assert_nonnull (row);
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, row, WAIT_MS));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  dialog = lumbar_test_find_toplevel (LUMBAR_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  calendar = GTK_CALENDAR (dialog_child (dialog, "calendar"));
  error = dialog_child (dialog, "error_label");

  /* Tomorrow is not kept: the calendar goes back to today. */
  gtk_calendar_select_day (calendar, tomorrow);
  picked = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_year (picked), ==, g_date_time_get_day_of_year (now));

  /* A start today but after now (the next hour; at 23:xx, the minute
   * after this one) is refused, the reason visible in the dialog. */
  if (g_date_time_get_hour (now) < 23)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), g_date_time_get_hour (now) + 1);
  else if (g_date_time_get_minute (now) < 59)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "minute_spin")), g_date_time_get_minute (now) + 1);
  else
    {
      g_test_skip ("A start after now does not exist at 23:59");
      gtk_window_destroy (dialog);
      return;
    }
  click (dialog_child (dialog, "add_button"));
  g_assert_true (lumbar_test_wait_for (widget_is_mapped, error, WAIT_MS));
  lumbar_test_flush (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_compute_point (error, GTK_WIDGET (dialog), &GRAPHENE_POINT_INIT (0, 0), &top));
  g_assert_cmpfloat (top.y, >=, 0);
  g_assert_cmpfloat (top.y + gtk_widget_get_height (error), <=, gtk_widget_get_height (GTK_WIDGET (dialog)));
  /* Next to the time: above the back support and the note. */
  {
    graphene_point_t support;

    g_assert_true (gtk_widget_compute_point (dialog_child (dialog, "support_group"), GTK_WIDGET (dialog),
                                             &GRAPHENE_POINT_INIT (0, 0), &support));
    g_assert_cmpfloat (top.y, <, support.y);
  }
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
  gtk_window_destroy (dialog);
}

static void
test_past_session_not_in_future (Fixture       *fixture,
                                 gconstpointer  data)
{
  run_app (fixture, past_session_body);
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
  int status;

  test_root = lumbar_test_use_private_xdg_dirs ("lumbar-test-today-XXXXXX");
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/today/needs-display", skip_without_display);
      status = g_test_run ();
      lumbar_test_remove_tree (test_root);
      return status;
    }

#define ADD(path, func) \
  g_test_add ("/lumbar/today/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("log-pain-yesterday", test_log_pain_yesterday);
  ADD ("future-time-refused", test_future_time_refused);
  ADD ("forgotten-timer-asks-when-it-ended", test_forgotten_timer_asks);
  ADD ("day-old-timer-needs-an-end", test_day_old_timer);
  ADD ("wheel-over-unfocused-slider", test_wheel_over_unfocused_slider);
  ADD ("spasm-scale-speaks-of-strength", test_spasm_labels);
  ADD ("newest-first", test_newest_first);
  ADD ("focus-pain-form", test_focus_pain_form);
  ADD ("stop-timer-from-a-notification", test_stop_timer);
  ADD ("every-log-can-be-undone", test_undo_logs);
  ADD ("preferences-fill-the-forms", test_preferences);
  ADD ("past-session-not-in-the-future", test_past_session_not_in_future);

#undef ADD

  status = g_test_run ();
  lumbar_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
