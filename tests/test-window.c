/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-application.h"
#include "lumbar-chart-view.h"
#include "lumbar-diary-day.h"
#include "lumbar-diary-page.h"
#include "lumbar-diary-row.h"
#include "lumbar-document.h"
#include "lumbar-export-dialog.h"
#include "lumbar-session-dialog.h"
#include "lumbar-store.h"
#include "lumbar-test-utils.h"
#include "lumbar-window.h"

/*
 * The real application and window under X (run `meson test` inside
 * xvfb-run). The diary lives in XDG_DATA_HOME, which main() points at a
 * fresh 0700 temporary folder; each test starts without a diary.
 *
 * Widgets are found the way assistive technology finds them, by their
 * accessible names (DESIGN.md, "Accessibility contract").
 */

#define WAIT_MS 5000

static char *test_root;

typedef struct {
  char              *diary_dir;
  char              *journal_path;
  LumbarApplication *app;
  LumbarWindow      *window;
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

typedef struct {
  GtkWidget  *widget;
  const char *name;
} NameQuery;

static gboolean
widget_has_name (gpointer data)
{
  NameQuery *query = data;

  return lumbar_test_has_accessible_name (query->widget, query->name);
}

static gboolean
wait_for_name (GtkWidget  *widget,
               const char *name)
{
  NameQuery query = { widget, name };

  return lumbar_test_wait_for (widget_has_name, &query, WAIT_MS);
}

typedef struct {
  LumbarStore *store;
  LumbarKind   kind;
  gboolean     running;
} TimerQuery;

static gboolean
timer_is (gpointer data)
{
  TimerQuery *query = data;

  return lumbar_store_get_timer (query->store, query->kind, NULL) == query->running;
}

static gboolean
wait_for_timer (LumbarStore *store,
                LumbarKind   kind,
                gboolean     running)
{
  TimerQuery query = { store, kind, running };

  return lumbar_test_wait_for (timer_is, &query, WAIT_MS);
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LUMBAR_TYPE_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static GtkWidget *
today_child (Fixture    *fixture,
             const char *name)
{
  GtkWidget *page = GTK_WIDGET (lumbar_window_get_today_page (fixture->window));
  GObject *child = gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Clicks like a user would: GTK emits "clicked" after the press animation.
 * The Today page shows the groups below the pain form a frame after the
 * page itself, so wait (with a deadline) for the button to be on screen. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  lumbar_test_wait_for (widget_is_mapped, button, 2000);
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
}

/* Reads the diary as it is on disk. */
static LumbarDocument *
load_journal_from_disk (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->journal_path);

  if (!g_file_test (fixture->journal_path, G_FILE_TEST_EXISTS))
    return NULL;
  return lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, NULL);
}

typedef struct {
  Fixture    *fixture;
  LumbarKind  kind;
  guint       n;
} DiskQuery;

static gboolean
disk_has_entries (gpointer data)
{
  DiskQuery *query = data;
  g_autoptr(LumbarDocument) doc = load_journal_from_disk (query->fixture);
  guint n = 0;

  if (doc == NULL)
    return FALSE;
  for (guint i = 0; i < doc->entries->len; i++)
    if (lumbar_entry_get_kind (g_ptr_array_index (doc->entries, i)) == query->kind)
      n++;
  return n >= query->n;
}

static LumbarEntry *
find_on_disk (Fixture    *fixture,
              const char *id)
{
  g_autoptr(LumbarDocument) doc = load_journal_from_disk (fixture);

  g_assert_nonnull (doc);
  for (guint i = 0; i < doc->entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (doc->entries, i);

      if (g_strcmp0 (lumbar_entry_get_id (entry), id) == 0)
        return g_object_ref (entry);
    }
  return NULL;
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

/* Running the real application */

static void
with_window (LumbarWindow *window,
             gpointer      data)
{
  Fixture *fixture = data;

  fixture->app = LUMBAR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  fixture->window = window;
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
  fixture->store = NULL;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");

  fixture->diary_dir = g_build_filename (g_get_user_data_dir (), "lumbar", NULL);
  fixture->journal_path = g_build_filename (fixture->diary_dir, "journal.json", NULL);
  lumbar_test_remove_tree (fixture->diary_dir);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_null (fixture->app);
  lumbar_test_remove_tree (fixture->diary_dir);
  g_free (fixture->diary_dir);
  g_free (fixture->journal_path);
}

/* Tests */

static char *last_pain_id;
static char *unsaid_pain_id;

static void
log_pain_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *local = require_named (fixture, "Local pain", GTK_TYPE_SCALE);
  GtkWidget *radiating = require_named (fixture, "Radiating pain", GTK_TYPE_SCALE);
  GtkWidget *spreading = require_named (fixture, "I have pain spreading into a leg", GTK_TYPE_SWITCH);
  GtkWidget *log_pain = require_named (fixture, "Log pain", GTK_TYPE_BUTTON);
  LumbarEntry *entry;

  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);

  /* The radiating slider only appears once the person says the pain spreads. */
  g_assert_false (gtk_widget_is_visible (radiating));
  gtk_range_set_value (GTK_RANGE (local), 6);
  gtk_switch_set_active (GTK_SWITCH (spreading), TRUE);
  g_assert_true (gtk_widget_is_visible (radiating));
  gtk_range_set_value (GTK_RANGE (radiating), 3);

  click (log_pain);
  wait_for_entries (fixture, 1);

  entry = lumbar_journal_get_entry (journal, 0);
  g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_PAIN);
  g_assert_cmpint (lumbar_entry_get_local (entry), ==, 6);
  g_assert_cmpint (lumbar_entry_get_radiating (entry), ==, 3);
  g_assert_cmpint (lumbar_entry_get_day (entry), ==, lumbar_day_today ());
  last_pain_id = g_strdup (lumbar_entry_get_id (entry));

  /* The form is ready for the next reading. */
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (local)), ==, 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (spreading)));
  g_assert_false (gtk_widget_is_visible (radiating));

  /* The entry is on disk within the promised two seconds. */
  {
    DiskQuery query = { fixture, LUMBAR_KIND_PAIN, 1 };
    g_autoptr(LumbarEntry) saved = NULL;

    g_assert_true (lumbar_test_wait_for (disk_has_entries, &query, 2000));
    saved = find_on_disk (fixture, last_pain_id);
    g_assert_nonnull (saved);
    g_assert_cmpint (lumbar_entry_get_local (saved), ==, 6);
    g_assert_cmpint (lumbar_entry_get_radiating (saved), ==, 3);
  }

  /* Without spreading pain, the reading has no radiating value at all. */
  gtk_range_set_value (GTK_RANGE (local), 2);
  click (log_pain);
  wait_for_entries (fixture, 2);
  /* Both readings may share a second, so look the new one up by id. */
  entry = lumbar_journal_get_entry (journal, 0);
  if (g_strcmp0 (lumbar_entry_get_id (entry), last_pain_id) == 0)
    entry = lumbar_journal_get_entry (journal, 1);
  g_assert_cmpint (lumbar_entry_get_local (entry), ==, 2);
  g_assert_cmpint (lumbar_entry_get_radiating (entry), ==, LUMBAR_RADIATING_NONE);
  unsaid_pain_id = g_strdup (lumbar_entry_get_id (entry));

  {
    DiskQuery query = { fixture, LUMBAR_KIND_PAIN, 2 };
    g_autoptr(LumbarEntry) saved = NULL;

    g_assert_true (lumbar_test_wait_for (disk_has_entries, &query, 2000));
    saved = find_on_disk (fixture, unsaid_pain_id);
    g_assert_nonnull (saved);
    g_assert_cmpint (lumbar_entry_get_radiating (saved), ==, LUMBAR_RADIATING_NONE);
  }

  /* Today's list shows both readings. */
  {
    GtkWidget *list = require_named (fixture, "Today’s entries", GTK_TYPE_LIST_BOX);

    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  }
}

static void
test_log_pain (Fixture       *fixture,
               gconstpointer  data)
{
  run_app (fixture, log_pain_body);
  g_clear_pointer (&last_pain_id, g_free);
  g_clear_pointer (&unsaid_pain_id, g_free);
}

/* Warning signs: opened, ticked and logged with the reading; the Today
 * page then says to get care, and the form is ready for the next one. */
static void
warning_signs_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *signs = today_child (fixture, "flags_row");
  GtkWidget *warning = today_child (fixture, "flags_warning");
  GtkWidget *log_pain = require_named (fixture, "Log pain", GTK_TYPE_BUTTON);
  const char *weakness = lumbar_flag_get_label (LUMBAR_FLAG_LEG_WEAKNESS);
  GtkWidget *check;
  LumbarEntry *entry;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signs)), ==, "Warning signs");
  g_assert_false (gtk_widget_get_visible (warning));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (signs), TRUE);
  check = require_named (fixture, weakness, GTK_TYPE_CHECK_BUTTON);
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (signs)), ==, "1 sign ticked");

  click (log_pain);
  wait_for_entries (fixture, 1);
  entry = lumbar_journal_get_entry (journal, 0);
  g_assert_cmpint (lumbar_entry_get_flags (entry), ==, LUMBAR_FLAG_LEG_WEAKNESS);

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (signs)));
  g_assert_false (gtk_widget_get_visible (warning));

  /* A reading without signs has none. */
  click (log_pain);
  wait_for_entries (fixture, 2);
  for (guint i = 0; i < 2; i++)
    {
      entry = lumbar_journal_get_entry (journal, i);
      if (lumbar_entry_get_flags (entry) != LUMBAR_FLAG_LEG_WEAKNESS)
        g_assert_cmpint (lumbar_entry_get_flags (entry), ==, LUMBAR_FLAG_NONE);
    }
}

static void
test_warning_signs (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, warning_signs_body);
}

static void
start_rest_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = require_named (fixture, "Start rest", GTK_TYPE_BUTTON);
  GtkWidget *status = today_child (fixture, "rest_status_row");

  g_assert_false (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, NULL));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), ==, "Not running");

  click (button);
  g_assert_true (wait_for_timer (fixture->store, LUMBAR_KIND_REST, TRUE));
  g_assert_true (wait_for_name (button, "Stop rest"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Stop _rest");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "Resting since "));
}

static void
stop_rest_after_restart_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = require_named (fixture, "Stop rest", GTK_TYPE_BUTTON);
  GtkWidget *status = today_child (fixture, "rest_status_row");
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LumbarEntry) saved = NULL;
  DiskQuery query = { fixture, LUMBAR_KIND_REST, 1 };
  LumbarEntry *entry;

  /* The timer kept running while Lumbar was closed, and the page says so. */
  g_assert_true (lumbar_store_get_timer (fixture->store, LUMBAR_KIND_REST, &start));
  g_assert_cmpint (g_date_time_difference (now, start), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "Resting since "));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);

  click (button);
  g_assert_true (wait_for_timer (fixture->store, LUMBAR_KIND_REST, FALSE));
  g_assert_true (wait_for_name (button, "Start rest"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), ==, "Not running");

  wait_for_entries (fixture, 1);
  entry = lumbar_journal_get_entry (journal, 0);
  g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_REST);
  g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 1);
  g_assert_cmpint (lumbar_entry_get_time (entry), ==, g_date_time_to_unix (start));

  g_assert_true (lumbar_test_wait_for (disk_has_entries, &query, 2000));
  saved = find_on_disk (fixture, lumbar_entry_get_id (entry));
  g_assert_nonnull (saved);
  g_assert_cmpint (lumbar_entry_get_kind (saved), ==, LUMBAR_KIND_REST);
}

static void
test_rest_timer_survives_restart (Fixture       *fixture,
                                  gconstpointer  data)
{
  run_app (fixture, start_rest_body);
  run_app (fixture, stop_rest_after_restart_body);
}

static void
accessible_names_body (gpointer data)
{
  Fixture *fixture = data;
  const char *sliders[] = { "Local pain", "Radiating pain" };
  GtkWidget *incline;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Lumbar");
  g_assert_cmpstr (lumbar_window_get_visible_page_name (fixture->window), ==, "today");

  for (guint i = 0; i < G_N_ELEMENTS (sliders); i++)
    {
      GtkWidget *slider = require_named (fixture, sliders[i], GTK_TYPE_SCALE);
      GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (slider));

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (slider)), ==, GTK_ACCESSIBLE_ROLE_SLIDER);
      g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 0);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 10);
      g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, 1);
    }

  require_named (fixture, "Log pain", GTK_TYPE_BUTTON);
  require_named (fixture, "Start rest", GTK_TYPE_BUTTON);
  incline = require_named (fixture, "Start inclined sitting", GTK_TYPE_BUTTON);
  g_assert_null (lumbar_test_find_named (GTK_WIDGET (fixture->window), "Stop rest", GTK_TYPE_BUTTON));

  /* Inclined sitting is named for what the button does next. */
  click (incline);
  g_assert_true (wait_for_timer (fixture->store, LUMBAR_KIND_INCLINE, TRUE));
  g_assert_true (wait_for_name (incline, "Stop inclined sitting"));

  /* Stopping records the posture chosen on the page. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (today_child (fixture, "support_row")), LUMBAR_SUPPORT_RECLINER);
  gtk_switch_set_active (GTK_SWITCH (require_named (fixture, "Knees slightly bent", GTK_TYPE_SWITCH)), FALSE);
  click (incline);
  g_assert_true (wait_for_timer (fixture->store, LUMBAR_KIND_INCLINE, FALSE));
  g_assert_true (wait_for_name (incline, "Start inclined sitting"));
  wait_for_entries (fixture, 1);
  {
    LumbarEntry *entry = lumbar_journal_get_entry (lumbar_store_get_journal (fixture->store), 0);

    g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_INCLINE);
    g_assert_cmpint (lumbar_entry_get_support (entry), ==, LUMBAR_SUPPORT_RECLINER);
    g_assert_true (lumbar_entry_get_legs_supported (entry));
    g_assert_false (lumbar_entry_get_knees_bent (entry));
  }
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  run_app (fixture, accessible_names_body);
}

static void
read_only_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *log_pain = require_named (fixture, "Log pain", GTK_TYPE_BUTTON);
  GtkWidget *rest = require_named (fixture, "Start rest", GTK_TYPE_BUTTON);
  GtkWidget *banner_label = window_child (fixture, "read_only_label");
  GtkWidget *revealer = window_child (fixture, "banner_revealer");

  g_assert_true (lumbar_store_get_read_only (fixture->store));

  /* The window says why, in the store's words, and nothing can be logged. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_is_visible (banner_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (banner_label)), ==,
                   lumbar_store_get_read_only_reason (fixture->store));
  g_assert_false (gtk_widget_is_sensitive (log_pain));
  g_assert_false (gtk_widget_is_sensitive (rest));
}

static void
test_newer_diary_is_read_only (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *newer = "{\"format\": \"lumbar-journal\", \"version\": 99, \"entries\": []}";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->diary_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (fixture->journal_path, newer, -1,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));

  run_app (fixture, read_only_body);

  /* Quitting did not overwrite the newer file. */
  g_assert_true (g_file_get_contents (fixture->journal_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
}

static void
broken_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *label = window_child (fixture, "broken_label");
  const char *broken = lumbar_store_get_broken_path (fixture->store);

  g_assert_nonnull (broken);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_visible (label));
  /* It says where the damaged file went. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), broken));
  /* And logging still works. */
  g_assert_true (gtk_widget_is_sensitive (require_named (fixture, "Log pain", GTK_TYPE_BUTTON)));
}

static void
test_broken_diary_is_explained (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_cmpint (g_mkdir_with_parents (fixture->diary_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (fixture->journal_path, "{\"format\": \"lumbar-journal\", ", -1,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));

  run_app (fixture, broken_body);
}

static gboolean
widget_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* A folder where the diary file belongs makes every save fail, even for
 * root, until it is removed. */
static void
log_pain_that_cannot_be_saved (Fixture *fixture)
{
  GtkWidget *banner = window_child (fixture, "save_banner");
  GtkWidget *label = window_child (fixture, "save_label");

  g_assert_cmpint (g_mkdir (fixture->journal_path, 0700), ==, 0);

  gtk_range_set_value (GTK_RANGE (require_named (fixture, "Local pain", GTK_TYPE_SCALE)), 5);
  click (require_named (fixture, "Log pain", GTK_TYPE_BUTTON));
  wait_for_entries (fixture, 1);

  /* The window says so, in the store's words. */
  g_assert_true (lumbar_test_wait_for (widget_shown, banner, WAIT_MS));
  g_assert_nonnull (lumbar_store_get_save_error (fixture->store));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, lumbar_store_get_save_error (fixture->store));
  g_assert_true (lumbar_store_get_has_unsaved (fixture->store));
}

static void
save_failure_keep_open_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *banner = window_child (fixture, "save_banner");
  AdwMessageDialog *dialog;
  DiskQuery query = { fixture, LUMBAR_KIND_PAIN, 1 };

  log_pain_that_cannot_be_saved (fixture);

  /* Quitting asks first; keeping Lumbar open keeps the entry. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  lumbar_test_flush (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (fixture->store)), ==, 1);

  /* Once the file can be written again, a retry saves the entry. */
  g_assert_cmpint (g_rmdir (fixture->journal_path), ==, 0);
  g_assert_true (lumbar_test_wait_for (widget_hidden, banner, WAIT_MS));
  g_assert_true (lumbar_test_wait_for (disk_has_entries, &query, WAIT_MS));
}

static void
test_save_failure_keep_open (Fixture       *fixture,
                             gconstpointer  data)
{
  run_app (fixture, save_failure_keep_open_body);
}

static void
save_failure_quit_anyway_body (gpointer data)
{
  Fixture *fixture = data;
  AdwMessageDialog *dialog;

  log_pain_that_cannot_be_saved (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "quit");
}

static void
test_save_failure_quit_anyway (Fixture       *fixture,
                               gconstpointer  data)
{
  run_app (fixture, save_failure_quit_anyway_body);

  /* The person chose to lose the entry; nothing replaced the folder. */
  g_assert_true (g_file_test (fixture->journal_path, G_FILE_TEST_IS_DIR));
  g_rmdir (fixture->journal_path);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
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
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog), name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static void
set_session_start (GtkWindow *dialog,
                   GDateTime *start)
{
  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), start);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), g_date_time_get_hour (start));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "minute_spin")), g_date_time_get_minute (start));
}

static void
add_past_rest_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *row = find_row_titled (GTK_WIDGET (fixture->window), "Add a past rest…");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) earlier = g_date_time_add_minutes (now, -90);
  GtkWindow *dialog;
  GtkWidget *error_label;

  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  dialog = lumbar_test_find_toplevel (LUMBAR_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Add Past Rest");
  error_label = dialog_child (dialog, "error_label");

  /* A rest that has not happened yet is refused with a reason. */
  set_session_start (dialog, tomorrow);
  click (dialog_child (dialog, "add_button"));
  g_assert_true (lumbar_test_wait_for (widget_shown, error_label, WAIT_MS));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);

  /* A rest an hour and a half ago, for 20 minutes, is added. */
  set_session_start (dialog, earlier);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "minutes_spin")), 20);
  click (dialog_child (dialog, "add_button"));
  wait_for_entries (fixture, 1);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (LUMBAR_TYPE_SESSION_DIALOG), WAIT_MS));

  {
    LumbarEntry *entry = lumbar_journal_get_entry (journal, 0);
    g_autoptr(GDateTime) start = lumbar_entry_dup_date_time (entry);

    g_assert_cmpint (lumbar_entry_get_kind (entry), ==, LUMBAR_KIND_REST);
    g_assert_cmpint (lumbar_entry_get_minutes (entry), ==, 20);
    g_assert_cmpint (g_date_time_get_day_of_month (start), ==, g_date_time_get_day_of_month (earlier));
    g_assert_cmpint (g_date_time_get_hour (start), ==, g_date_time_get_hour (earlier));
    g_assert_cmpint (g_date_time_get_minute (start), ==, g_date_time_get_minute (earlier));
  }
}

static void
test_add_past_rest (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, add_past_rest_body);
}

static void
window_size_body (gpointer data)
{
  Fixture *fixture = data;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 700);
}

static void
test_window_size_is_restored (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");

  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 700);

  run_app (fixture, window_size_body);

  /* Closing stored the size it had. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* The person's chart opens on the period they left it at; the choice goes
 * through the settings, not through the chart view itself. */
static LumbarChartView *
find_chart_view (GtkWidget *root)
{
  if (LUMBAR_IS_CHART_VIEW (root))
    return LUMBAR_CHART_VIEW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      LumbarChartView *found = find_chart_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
window_pages_ready (gpointer data)
{
  gboolean ready = FALSE;

  g_object_get (data, "pages-ready", &ready, NULL);
  return ready;
}

static void
chart_period_body (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");
  LumbarChartView *view;

  g_assert_true (lumbar_test_wait_for (window_pages_ready, fixture->window, WAIT_MS));
  lumbar_window_set_visible_page_name (fixture->window, "history");
  view = find_chart_view (GTK_WIDGET (fixture->window));
  g_assert_nonnull (view);
  g_assert_cmpint (lumbar_chart_view_get_range (view), ==, LUMBAR_RANGE_3_MONTHS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.range", "s", "2w"));
  g_assert_cmpstr (g_settings_get_string (settings, "chart-range"), ==, "2w");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL));
  g_assert_true (g_settings_get_boolean (settings, "chart-show-table"));
}

static void
test_chart_period_is_remembered (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lumbar.Lumbar");

  g_settings_set_string (settings, "chart-range", "3m");
  run_app (fixture, chart_period_body);
  g_settings_reset (settings, "chart-range");
  g_settings_reset (settings, "chart-show-table");
}

/* A diary that takes long to read: the window stays blank at first, so a
 * quick load never flashes a spinner, and shows one after a moment. */
static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
slow_load_body (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *dir = lumbar_test_make_private_dir (test_root, "never-loaded");
  g_autoptr(LumbarStore) store = lumbar_store_new (dir);
  LumbarWindow *window = lumbar_window_new (fixture->app, store);
  GObject *loading = gtk_widget_get_template_child (GTK_WIDGET (window), LUMBAR_TYPE_WINDOW, "loading_box");
  GObject *spinner = gtk_widget_get_template_child (GTK_WIDGET (window), LUMBAR_TYPE_WINDOW, "spinner");
  gint64 shown_at = g_get_monotonic_time ();

  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (loading)));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  g_assert_true (lumbar_test_wait_for (widget_is_visible, loading, WAIT_MS));
  g_assert_cmpint (g_get_monotonic_time () - shown_at, >=, 300 * 1000);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (spinner)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_slow_load_shows_spinner (Fixture       *fixture,
                              gconstpointer  data)
{
  run_app (fixture, slow_load_body);
}

static void
shortcuts_window_body (gpointer data)
{
  Fixture *fixture = data;
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                 "<Control>question");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWindow *shortcuts;
  gboolean lists_itself = FALSE;

  /* Ctrl+? and the menu item open the shortcuts window over the diary. */
  g_assert_true (g_strv_contains ((const char * const *) actions, "app.shortcuts"));
  g_assert_null (lumbar_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.shortcuts", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), WAIT_MS));
  shortcuts = lumbar_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (shortcuts));

  /* It shows the shortcut that opens it. */
  lumbar_test_collect_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUT_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *accel = gtk_shortcut_label_get_accelerator (g_ptr_array_index (labels, i));

      lists_itself |= g_strcmp0 (accel, "<Control>question") == 0;
    }
  g_assert_true (lists_itself);

  gtk_window_close (shortcuts);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), WAIT_MS));
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  run_app (fixture, shortcuts_window_body);
}

/* Undo and the Diary (issue 12) */

/* Runs the shortcut the window binds to @keyval + @mods, as pressing the
 * keys would; FALSE if none is bound. */
static gboolean
press_accel (GtkWidget       *widget,
             guint            keyval,
             GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static LumbarEntry *
log_pain_now (Fixture *fixture,
              int      local)
{
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autoptr(GError) error = NULL;

  /* As the Today page logs: into the journal, then recorded for Undo. */
  lumbar_entry_set_local (entry, local);
  g_assert_true (lumbar_journal_add (journal, entry, &error));
  g_assert_no_error (error);
  lumbar_window_record_change (fixture->window, NULL, entry, "Pain logged");
  return g_object_ref (entry);
}

static gboolean
in_journal (Fixture     *fixture,
            LumbarEntry *entry)
{
  return lumbar_journal_lookup (lumbar_store_get_journal (fixture->store), lumbar_entry_get_id (entry)) != NULL;
}

/* Ctrl+Z takes back the session's changes newest first, whichever page
 * made them: two readings logged and one deleted in the Diary come undone
 * in three presses, back to the empty diary. */
static void
ctrl_z_body (gpointer data)
{
  Fixture *fixture = data;
  LumbarJournal *journal = lumbar_store_get_journal (fixture->store);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(LumbarEntry) a = NULL;
  g_autoptr(LumbarEntry) b = NULL;
  GtkWidget *diary;

  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
  a = log_pain_now (fixture, 3);
  b = log_pain_now (fixture, 5);

  lumbar_window_set_visible_page_name (fixture->window, "diary");
  diary = lumbar_test_find_of_type (window, LUMBAR_TYPE_DIARY_PAGE);
  g_assert_nonnull (diary);
  g_assert_true (gtk_widget_activate_action (diary, "diary.delete", "s", lumbar_entry_get_id (a)));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 1);

  g_assert_true (press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (in_journal (fixture, a));
  g_assert_true (in_journal (fixture, b));
  g_assert_cmpint (lumbar_entry_get_local (lumbar_journal_lookup (journal, lumbar_entry_get_id (a))), ==, 3);

  g_assert_true (press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (in_journal (fixture, a));
  g_assert_false (in_journal (fixture, b));

  g_assert_true (press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);

  /* Nothing more to take back: a fourth press changes nothing. */
  press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 0);
}

static void
test_ctrl_z (Fixture       *fixture,
             gconstpointer  data)
{
  run_app (fixture, ctrl_z_body);
}

/* Two deletions toasted in a row in the main window: the Undo on screen is
 * the newest one's, and Ctrl+Z then takes back the older one. */
static GtkWidget *
sole_undo_button (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *found = NULL;

  lumbar_test_collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Undo") != 0)
        continue;
      if (found != NULL || !gtk_widget_get_mapped (button))
        return NULL;
      found = button;
    }
  return found;
}

static gboolean
sole_undo_button_shown (gpointer data)
{
  return sole_undo_button (data) != NULL;
}

typedef struct {
  Fixture     *fixture;
  LumbarEntry *present;
  LumbarEntry *absent;
} Presence;

static gboolean
presence_holds (gpointer data)
{
  Presence *p = data;

  return (p->present == NULL || in_journal (p->fixture, p->present)) &&
         (p->absent == NULL || !in_journal (p->fixture, p->absent));
}

static void
two_deletes_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(LumbarEntry) a = log_pain_now (fixture, 3);
  g_autoptr(LumbarEntry) b = log_pain_now (fixture, 5);
  GtkWidget *diary;
  Presence first = { fixture, b, a };
  Presence second = { fixture, a, NULL };

  lumbar_window_set_visible_page_name (fixture->window, "diary");
  diary = lumbar_test_find_of_type (window, LUMBAR_TYPE_DIARY_PAGE);
  g_assert_true (gtk_widget_activate_action (diary, "diary.delete", "s", lumbar_entry_get_id (a)));
  g_assert_true (gtk_widget_activate_action (diary, "diary.delete", "s", lumbar_entry_get_id (b)));

  g_assert_true (lumbar_test_wait_for (sole_undo_button_shown, window, WAIT_MS));
  gtk_widget_activate (sole_undo_button (window));
  g_assert_true (lumbar_test_wait_for (presence_holds, &first, WAIT_MS));

  g_assert_true (press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (lumbar_test_wait_for (presence_holds, &second, WAIT_MS));
  g_assert_true (in_journal (fixture, b));
}

static void
test_two_deletes_each_undo_its_own (Fixture       *fixture,
                                    gconstpointer  data)
{
  run_app (fixture, two_deletes_body);
}

/* The shortcuts window lists Ctrl+Z beside the keys of the Diary. */
static void
shortcuts_list_undo_body (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWindow *shortcuts;
  gboolean undo = FALSE, delete = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.shortcuts", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), WAIT_MS));
  shortcuts = lumbar_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  lumbar_test_collect_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUT_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *accel = gtk_shortcut_label_get_accelerator (g_ptr_array_index (labels, i));

      undo |= g_strcmp0 (accel, "<Primary>z") == 0;
      delete |= g_strcmp0 (accel, "Delete") == 0;
    }
  g_assert_true (undo);
  g_assert_true (delete);
  gtk_window_close (shortcuts);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), WAIT_MS));
}

static void
test_shortcuts_list_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  run_app (fixture, shortcuts_list_undo_body);
}

static gboolean
is_status_page_titled (GtkWidget  *widget,
                       const char *title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
history_says_empty (gpointer data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  lumbar_test_collect_of_type (data, ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (is_status_page_titled (g_ptr_array_index (pages, i), "Nothing Logged Yet"))
      return TRUE;
  return FALSE;
}

static gboolean
history_shows_chart (gpointer data)
{
  GtkWidget *chart = lumbar_test_find_of_type (data, LUMBAR_TYPE_CHART_VIEW);

  return !history_says_empty (data) && chart != NULL && gtk_widget_get_mapped (chart);
}

/* An empty diary: History says so in words (not an empty grid) and
 * Export and Print do nothing; with one entry both come back. */
static void
empty_history_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(LumbarEntry) a = NULL;

  lumbar_window_set_visible_page_name (fixture->window, "history");
  g_assert_true (lumbar_test_wait_for (history_says_empty, window, WAIT_MS));

  gtk_widget_activate_action (window, "win.export", NULL);
  gtk_widget_activate_action (window, "win.print", NULL);
  g_assert_null (lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG));

  a = log_pain_now (fixture, 4);
  g_assert_true (lumbar_test_wait_for (history_shows_chart, window, WAIT_MS));
  g_assert_true (gtk_widget_activate_action (window, "win.export", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (LUMBAR_TYPE_EXPORT_DIALOG), WAIT_MS));
  gtk_window_destroy (lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG));

  /* Undone, the diary is empty again, and so is History. */
  g_assert_true (press_accel (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (lumbar_test_wait_for (history_says_empty, window, WAIT_MS));
  gtk_widget_activate_action (window, "win.export", NULL);
  g_assert_null (lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG));
}

static void
test_empty_history (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, empty_history_body);
}

/* Ctrl+F opens the Diary with the keyboard in its search entry. */
static gboolean
search_entry_focused (gpointer data)
{
  GtkWidget *window = data;
  /* The Diary's own: libadwaita 1.7's combo rows carry search entries of
   * their own in their popovers. */
  GtkWidget *diary = lumbar_test_find_of_type (window, LUMBAR_TYPE_DIARY_PAGE);
  GtkWidget *entry = diary ? GTK_WIDGET (gtk_widget_get_template_child (diary, LUMBAR_TYPE_DIARY_PAGE, "search_entry")) : NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return entry != NULL && gtk_widget_get_mapped (entry) && focus != NULL &&
         (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
find_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_cmpstr (lumbar_window_get_visible_page_name (fixture->window), ==, "today");
  g_assert_true (press_accel (window, GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_cmpstr (lumbar_window_get_visible_page_name (fixture->window), ==, "diary");
  g_assert_true (lumbar_test_wait_for (search_entry_focused, window, WAIT_MS));
}

static void
test_ctrl_f (Fixture       *fixture,
             gconstpointer  data)
{
  run_app (fixture, find_body);
}

typedef struct {
  GtkWidget *window;
  LumbarDay  day;
} DayShown;

/* The Diary is shown with @day's heading on screen and focused. */
static gboolean
diary_day_focused (gpointer data)
{
  DayShown *shown = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (g_strcmp0 (lumbar_window_get_visible_page_name (LUMBAR_WINDOW (shown->window)), "diary") != 0)
    return FALSE;
  lumbar_test_collect_of_type (shown->window, LUMBAR_TYPE_DIARY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GObject *item = lumbar_diary_row_get_item (LUMBAR_DIARY_ROW (row));

      if (gtk_widget_get_mapped (row) && LUMBAR_IS_DIARY_DAY (item) &&
          lumbar_diary_day_get_day (LUMBAR_DIARY_DAY (item)) == shown->day)
        return gtk_widget_has_focus (gtk_widget_get_parent (row));
    }
  return FALSE;
}

static gboolean
chart_has_days (gpointer data)
{
  guint n_days = 0;

  lumbar_chart_get_days (data, &n_days);
  return n_days > 0 && gtk_widget_get_mapped (data);
}

/* Enter on the focused day of the History chart opens it in the Diary. */
static void
chart_day_body (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(LumbarEntry) entry = log_pain_now (fixture, 4);
  DayShown shown = { window, lumbar_entry_get_day (entry) };
  GtkWidget *chart;

  lumbar_window_set_visible_page_name (fixture->window, "history");
  chart = lumbar_test_find_of_type (window, LUMBAR_TYPE_CHART);
  g_assert_true (lumbar_test_wait_for (chart_has_days, chart, WAIT_MS));
  gtk_widget_grab_focus (chart);
  lumbar_chart_focus_day (LUMBAR_CHART (chart), shown.day);
  g_assert_true (press_accel (chart, GDK_KEY_Return, 0));
  g_assert_true (lumbar_test_wait_for (diary_day_focused, &shown, WAIT_MS));
}

static void
test_chart_day_opens_diary (Fixture       *fixture,
                            gconstpointer  data)
{
  run_app (fixture, chart_day_body);
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

  /* Fresh private folders before GLib caches any of them. */
  test_root = lumbar_test_use_private_xdg_dirs ("lumbar-test-window-XXXXXX");
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/window/needs-display", skip_without_display);
      status = g_test_run ();
      lumbar_test_remove_tree (test_root);
      return status;
    }

  g_test_add ("/lumbar/window/log-pain", Fixture, NULL,
              fixture_set_up, test_log_pain, fixture_tear_down);
  g_test_add ("/lumbar/window/warning-signs", Fixture, NULL,
              fixture_set_up, test_warning_signs, fixture_tear_down);
  g_test_add ("/lumbar/window/rest-timer-survives-restart", Fixture, NULL,
              fixture_set_up, test_rest_timer_survives_restart, fixture_tear_down);
  g_test_add ("/lumbar/window/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/lumbar/window/add-past-rest", Fixture, NULL,
              fixture_set_up, test_add_past_rest, fixture_tear_down);
  g_test_add ("/lumbar/window/newer-diary-is-read-only", Fixture, NULL,
              fixture_set_up, test_newer_diary_is_read_only, fixture_tear_down);
  g_test_add ("/lumbar/window/broken-diary-is-explained", Fixture, NULL,
              fixture_set_up, test_broken_diary_is_explained, fixture_tear_down);
  g_test_add ("/lumbar/window/save-failure-asks-before-quitting", Fixture, NULL,
              fixture_set_up, test_save_failure_keep_open, fixture_tear_down);
  g_test_add ("/lumbar/window/save-failure-quit-anyway", Fixture, NULL,
              fixture_set_up, test_save_failure_quit_anyway, fixture_tear_down);
  g_test_add ("/lumbar/window/window-size-is-restored", Fixture, NULL,
              fixture_set_up, test_window_size_is_restored, fixture_tear_down);
  g_test_add ("/lumbar/window/chart-period-is-remembered", Fixture, NULL,
              fixture_set_up, test_chart_period_is_remembered, fixture_tear_down);
  g_test_add ("/lumbar/window/slow-load-shows-spinner", Fixture, NULL,
              fixture_set_up, test_slow_load_shows_spinner, fixture_tear_down);
  g_test_add ("/lumbar/window/shortcuts-window", Fixture, NULL,
              fixture_set_up, test_shortcuts_window, fixture_tear_down);

  g_test_add ("/lumbar/window/ctrl-z-undoes-in-order", Fixture, NULL,
              fixture_set_up, test_ctrl_z, fixture_tear_down);
  g_test_add ("/lumbar/window/two-deletes-each-undo-its-own", Fixture, NULL,
              fixture_set_up, test_two_deletes_each_undo_its_own, fixture_tear_down);
  g_test_add ("/lumbar/window/shortcuts-list-undo", Fixture, NULL,
              fixture_set_up, test_shortcuts_list_undo, fixture_tear_down);
  g_test_add ("/lumbar/window/empty-history-and-no-export", Fixture, NULL,
              fixture_set_up, test_empty_history, fixture_tear_down);
  g_test_add ("/lumbar/window/ctrl-f-searches-the-diary", Fixture, NULL,
              fixture_set_up, test_ctrl_f, fixture_tear_down);
  g_test_add ("/lumbar/window/chart-day-opens-in-diary", Fixture, NULL,
              fixture_set_up, test_chart_day_opens_diary, fixture_tear_down);
  status = g_test_run ();
  lumbar_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
