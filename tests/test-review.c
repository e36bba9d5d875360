/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-application.h"
#include "lumbar-diary-page.h"
#include "lumbar-diary-row.h"
#include "lumbar-document.h"
#include "lumbar-entry-editor.h"
#include "lumbar-export-dialog.h"
#include "lumbar-export.h"
#include "lumbar-format.h"
#include "lumbar-patients-window.h"
#include "lumbar-period-stats.h"
#include "lumbar-print.h"
#include "lumbar-report.h"
#include "lumbar-review-window.h"
#include "lumbar-test-utils.h"
#include "lumbar-tips-page.h"
#include "lumbar-window.h"

/*
 * Reviewing exported logs (run `meson test` inside xvfb-run): files open
 * through the application the way `lumbar FILE…` opens them, in windows
 * that show them and change nothing; the export dialog writes what it is
 * set to; printing draws the report's pages.
 */

#define WAIT_MS 8000

static char *test_root;

typedef struct _Fixture Fixture;

struct _Fixture {
  char              *dir;          /* 0700, for the files of one test */
  LumbarApplication *app;
  GPtrArray         *open_paths;   /* given on the "command line" */
  void             (*body) (Fixture *fixture);
};

/* Helpers */

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  lumbar_test_collect_of_type (root, type, found);
  return found;
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = find_all (root, type);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static GtkWidget *
review_child (LumbarReviewWindow *window,
              const char         *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), LUMBAR_TYPE_REVIEW_WINDOW, name);

  g_assert_nonnull (child);
  return (GtkWidget *) child;
}

/* The application's windows of @type. */
static GPtrArray *
app_windows (Fixture *fixture,
             GType    type)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      g_ptr_array_add (windows, l->data);
  return windows;
}

typedef struct {
  Fixture *fixture;
  GType    type;
  guint    n;
} WindowQuery;

static gboolean
has_n_windows (gpointer data)
{
  WindowQuery *query = data;
  g_autoptr(GPtrArray) windows = app_windows (query->fixture, query->type);
  guint visible = 0;

  for (guint i = 0; i < windows->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (windows, i)))
      visible++;
  return visible >= query->n;
}

static LumbarReviewWindow *
wait_for_review_window (Fixture *fixture)
{
  WindowQuery query = { fixture, LUMBAR_TYPE_REVIEW_WINDOW, 1 };
  g_autoptr(GPtrArray) windows = NULL;

  g_assert_true (lumbar_test_wait_for (has_n_windows, &query, WAIT_MS));
  windows = app_windows (fixture, LUMBAR_TYPE_REVIEW_WINDOW);
  /* Mapped and laid out. */
  lumbar_test_flush (g_ptr_array_index (windows, 0));
  return g_ptr_array_index (windows, 0);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return path;
}

typedef struct {
  GBytes    *bytes;
  GDateTime *modified;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  snapshot->bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  snapshot->modified = g_file_info_get_modification_date_time (info);
}

static void
set_mtime_in_past (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) g_date_time_to_unix (hour_ago),
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->bytes, g_bytes_unref);
  g_clear_pointer (&snapshot->modified, g_date_time_unref);
}

/* The diary of the fixture: three weeks of November 2026 in UTC+1, a
 * reading every morning and evening, a spasm and rest on bad days,
 * inclined sitting and one manual-therapy visit. */

#define FIXTURE_FIRST (lumbar_day_from_ymd (2026, 11, 7))
#define FIXTURE_LAST  (lumbar_day_from_ymd (2026, 11, 27))
#define FIXTURE_PATIENT "Anna Berg & Co"
#define FIXTURE_PATIENT_MARKUP "Anna Berg &amp; Co"

static void
stamp (LumbarEntry *entry,
       LumbarDay    day,
       int          hour)
{
  lumbar_entry_set_time (entry, (gint64) day * 86400 + hour * 3600 - 3600, 3600);
}

static GPtrArray *
fixture_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (LumbarDay day = FIXTURE_FIRST; day <= FIXTURE_LAST; day++)
    {
      int i = day - FIXTURE_FIRST;
      LumbarEntry *entry;

      entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      stamp (entry, day, 8);
      lumbar_entry_set_local (entry, 3 + i % 5);
      lumbar_entry_set_radiating (entry, i % 3);
      g_ptr_array_add (entries, entry);

      entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      stamp (entry, day, 20);
      lumbar_entry_set_local (entry, 2 + i % 4);
      g_ptr_array_add (entries, entry);

      if (i % 4 == 3)
        {
          entry = lumbar_entry_new (LUMBAR_KIND_SPASM);
          stamp (entry, day, 11);
          lumbar_entry_set_intensity (entry, 6);
          lumbar_entry_set_trigger (entry, "lifting a box");
          g_ptr_array_add (entries, entry);

          entry = lumbar_entry_new (LUMBAR_KIND_REST);
          stamp (entry, day, 12);
          lumbar_entry_set_minutes (entry, 25);
          g_ptr_array_add (entries, entry);
        }
      if (i % 2 == 0)
        {
          entry = lumbar_entry_new (LUMBAR_KIND_INCLINE);
          stamp (entry, day, 18);
          lumbar_entry_set_minutes (entry, 40);
          lumbar_entry_set_support (entry, LUMBAR_SUPPORT_PILLOWS);
          lumbar_entry_set_legs_supported (entry, TRUE);
          lumbar_entry_set_knees_bent (entry, TRUE);
          g_ptr_array_add (entries, entry);
        }
      if (i == 10)
        {
          entry = lumbar_entry_new (LUMBAR_KIND_THERAPY);
          stamp (entry, day, 15);
          lumbar_entry_set_therapy (entry, LUMBAR_THERAPY_MANUAL);
          lumbar_entry_set_note (entry, "first session");
          g_ptr_array_add (entries, entry);
        }
    }
  return entries;
}

static char *
write_export (Fixture    *fixture,
              const char *name,
              GPtrArray  *entries)
{
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-28T09:15:00+01:00", NULL);
  g_autoptr(GBytes) bytes = NULL;

  options.from = FIXTURE_FIRST;
  options.to = FIXTURE_LAST;
  options.patient_name = FIXTURE_PATIENT;
  options.today = lumbar_day_from_ymd (2026, 11, 28);
  options.now = now;
  bytes = lumbar_export_to_json (entries, &options);
  return write_file (fixture, name, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
}

/* Running the real application */

static gboolean
run_body (gpointer data)
{
  Fixture *fixture = data;

  fixture->body (fixture);

  /* Quit the way the menu and Ctrl+Q do. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *app,
            Fixture      *fixture)
{
  /* Runs after the files were handed to `open`. */
  g_idle_add_full (G_PRIORITY_LOW, run_body, fixture, NULL);
}

/* Starts Lumbar as `lumbar PATH…` (or `lumbar` when no path is given),
 * runs @body, then quits. */
static void
run_app (Fixture  *fixture,
         void    (*body) (Fixture *fixture))
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, (char *) "lumbar");
  for (guint i = 0; i < fixture->open_paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (fixture->open_paths, i));
  g_ptr_array_add (argv, NULL);

  fixture->body = body;
  fixture->app = lumbar_application_new ();
  g_assert_true (g_application_get_flags (G_APPLICATION (fixture->app)) & G_APPLICATION_HANDLES_OPEN);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           g_application_get_flags (G_APPLICATION (fixture->app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (fixture->app, "startup", G_CALLBACK (on_startup), fixture);

  status = g_application_run (G_APPLICATION (fixture->app), (int) argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);

  g_clear_object (&fixture->app);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("files-%u", counter++);

  fixture->dir = lumbar_test_make_private_dir (test_root, name);
  fixture->open_paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_null (fixture->app);
  lumbar_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->open_paths);
}

/* Tests: review windows */

/* Nothing on screen takes a value: no sliders, spin buttons, switches to
 * log with, or text fields (the period list's search field lives in a
 * closed popover). */
static void
assert_nothing_to_edit (LumbarReviewWindow *window)
{
  g_autoptr(GPtrArray) scales = find_all (GTK_WIDGET (window), GTK_TYPE_SCALE);
  g_autoptr(GPtrArray) spins = find_all (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON);
  g_autoptr(GPtrArray) texts = find_all (GTK_WIDGET (window), GTK_TYPE_TEXT);
  g_autoptr(GPtrArray) text_views = find_all (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (scales->len, ==, 0);
  g_assert_cmpuint (spins->len, ==, 0);
  for (guint i = 0; i < texts->len; i++)
    g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (texts, i)));
  for (guint i = 0; i < text_views->len; i++)
    g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (text_views, i)));
  g_assert_null (find_one (GTK_WIDGET (window), LUMBAR_TYPE_ENTRY_EDITOR));
}

static Snapshot export_before;

/* The Overview's rows of @group_name as "title|value|subtitle". */
static GPtrArray *
overview_rows (LumbarReviewWindow *window,
               const char         *group_name)
{
  g_autoptr(GPtrArray) rows = find_all (review_child (window, group_name), ADW_TYPE_ACTION_ROW);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) labels = find_all (row, GTK_TYPE_LABEL);
      const char *value = NULL;
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      for (guint j = 0; j < labels->len; j++)
        if (gtk_widget_has_css_class (g_ptr_array_index (labels, j), "lumbar-review-value"))
          value = gtk_label_get_text (g_ptr_array_index (labels, j));
      g_ptr_array_add (texts, g_strdup_printf ("%s|%s|%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               value ? value : "", subtitle ? subtitle : ""));
    }
  return texts;
}

/* What the PDF's first page and `lumbar --summary` write for @stats. */
static GPtrArray *
described (const LumbarPeriodStats *stats,
           gboolean                 pain)
{
  LumbarStat figures[4] = { { 0 } };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  if (pain)
    lumbar_period_stats_describe_pain (stats, figures);
  else
    lumbar_period_stats_describe_activity (stats, figures);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_ptr_array_add (texts, g_strdup_printf ("%s|%s|%s", figures[i].label, figures[i].value,
                                               figures[i].detail ? figures[i].detail : ""));
      lumbar_stat_clear (&figures[i]);
    }
  return texts;
}

/* The first label under @root that addresses its reader ("you", "your"),
 * or NULL: what a therapist reads speaks about the patient. */
static GtkLabel *
find_second_person (GtkWidget *root)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(you|your|yours)\\b", G_REGEX_CASELESS, 0, NULL);

  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      g_regex_match (regex, gtk_label_get_label (GTK_LABEL (root)), 0, NULL))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_second_person (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
shows_export_body (Fixture *fixture)
{
  LumbarReviewWindow *window = wait_for_review_window (fixture);
  g_autoptr(GPtrArray) main_windows = app_windows (fixture, LUMBAR_TYPE_WINDOW);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (review_child (window, "window_title"));
  LumbarDiaryPage *diary = LUMBAR_DIARY_PAGE (review_child (window, "diary_page"));
  LumbarTipsPage *tips = LUMBAR_TIPS_PAGE (review_child (window, "tips_page"));
  LumbarJournal *journal = lumbar_review_window_get_journal (window);
  g_autoptr(GPtrArray) expected = fixture_entries ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  LumbarEntry *first;
  guint n_entry_rows = 0;

  /* Only the log: `lumbar FILE` opens no main window. */
  g_assert_cmpuint (main_windows->len, ==, 0);

  /* The Overview's figures are the report's, in its words. */
  {
    LumbarPeriodStats stats;
    g_autoptr(GPtrArray) pain_rows = overview_rows (window, "pain_group");
    g_autoptr(GPtrArray) activity_rows = overview_rows (window, "activity_group");
    g_autoptr(GPtrArray) pain_figures = NULL;
    g_autoptr(GPtrArray) activity_figures = NULL;

    lumbar_period_stats_compute_entries (&stats, expected, FIXTURE_FIRST, FIXTURE_LAST);
    pain_figures = described (&stats, TRUE);
    activity_figures = described (&stats, FALSE);
    g_assert_cmpuint (pain_rows->len, ==, pain_figures->len);
    g_assert_cmpuint (activity_rows->len, ==, activity_figures->len);
    for (guint i = 0; i < pain_rows->len; i++)
      g_assert_cmpstr (g_ptr_array_index (pain_rows, i), ==, g_ptr_array_index (pain_figures, i));
    for (guint i = 0; i < activity_rows->len; i++)
      g_assert_cmpstr (g_ptr_array_index (activity_rows, i), ==, g_ptr_array_index (activity_figures, i));
    g_assert_cmpstr (g_ptr_array_index (pain_rows, 0), ==, "Days with pain readings|21 of 21 days|");
  }

  /* Whose log and which period, at the top. */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, FIXTURE_PATIENT);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "7 Nov – 27 Nov 2026");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Read-only"));
  lumbar_test_assert_one_format (GTK_WIDGET (window));

  /* Every entry, in a diary that cannot be edited. */
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, expected->len);
  g_assert_true (lumbar_diary_page_get_journal (diary) == journal);
  g_assert_true (lumbar_diary_page_get_read_only (diary));

  /* About the patient, not to the reader (DESIGN.md → Voice). */
  {
    GtkLabel *label = find_second_person (GTK_WIDGET (tips));

    if (label != NULL)
      g_error ("the review's Tips page speaks to the reader: “%s”", gtk_label_get_label (label));
    g_assert_cmpint (lumbar_summary_tracker_get_voice (lumbar_tips_page_get_tracker (tips)), ==, LUMBAR_VOICE_THERAPIST);
  }

  /* Tips as of the end of the exported period. */
  g_assert_cmpint (lumbar_summary_tracker_get_today (lumbar_tips_page_get_tracker (tips)), ==, FIXTURE_LAST);
  g_assert_cmpint (lumbar_review_window_get_tips_day (window), ==, FIXTURE_LAST);

  /* No banner: nothing was left out. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (review_child (window, "skipped_revealer"))));

  /* The Entries page lists them, newest first, with nothing to delete. */
  lumbar_review_window_set_visible_page_name (window, "entries");
  lumbar_test_flush (GTK_WIDGET (window));
  rows = find_all (GTK_WIDGET (diary), LUMBAR_TYPE_DIARY_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (lumbar_diary_row_get_entry (g_ptr_array_index (rows, i)) != NULL &&
        gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      n_entry_rows++;
  g_assert_cmpuint (n_entry_rows, >, 3);

  buttons = find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (lumbar_test_has_accessible_name (button, "Delete entry"))
        g_assert_false (gtk_widget_get_visible (button));
      g_assert_false (lumbar_test_has_accessible_name (button, "Log pain"));
    }

  assert_nothing_to_edit (window);

  /* Deleting or editing by action does nothing either. */
  first = lumbar_journal_get_entry (journal, 0);
  gtk_widget_activate_action (GTK_WIDGET (diary), "diary.delete", "s", lumbar_entry_get_id (first));
  gtk_widget_activate_action (GTK_WIDGET (diary), "diary.edit", "s", lumbar_entry_get_id (first));
  lumbar_test_flush (GTK_WIDGET (window));
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, expected->len);
  g_assert_null (lumbar_test_find_toplevel (LUMBAR_TYPE_ENTRY_EDITOR));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);

  /* The other pages show too. */
  lumbar_review_window_set_visible_page_name (window, "tips");
  lumbar_test_flush (GTK_WIDGET (window));
  assert_nothing_to_edit (window);
  lumbar_review_window_set_visible_page_name (window, "overview");
  lumbar_test_flush (GTK_WIDGET (window));
  assert_nothing_to_edit (window);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Days with pain readings"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "21 of 21 days"));
}

static void
test_shows_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();
  char *path = write_export (fixture, "anna.json", entries);
  Snapshot after = { 0 };

  g_ptr_array_add (fixture->open_paths, path);
  /* An hour in the past: any rewrite, however soon, changes the mtime. */
  set_mtime_in_past (path);
  snapshot_take (&export_before, path);

  run_app (fixture, shows_export_body);

  /* Read, never written. */
  snapshot_take (&after, path);
  g_assert_true (g_bytes_equal (export_before.bytes, after.bytes));
  g_assert_true (g_date_time_equal (export_before.modified, after.modified));
  snapshot_clear (&export_before);
  snapshot_clear (&after);
}

#define BAD_ENTRIES \
  "{\n" \
  "  \"format\": \"lumbar-journal\",\n" \
  "  \"version\": 1,\n" \
  "  \"exported_at\": \"2026-11-27T18:00:00+01:00\",\n" \
  "  \"range\": {\"from\": \"2026-11-20\", \"to\": \"2026-11-27\"},\n" \
  "  \"entries\": [\n" \
  "    {\"id\": \"a1\", \"kind\": \"pain\", \"at\": \"2026-11-25T08:00:00+01:00\", \"local\": 4, \"note\": \"\"},\n" \
  "    {\"id\": \"a2\", \"kind\": \"pain\", \"at\": \"2026-11-26T08:00:00+01:00\", \"local\": 11, \"note\": \"\"},\n" \
  "    {\"id\": \"a3\", \"kind\": \"nap\", \"at\": \"2026-11-26T09:00:00+01:00\", \"note\": \"\"},\n" \
  "    {\"id\": \"a4\", \"kind\": \"spasm\", \"at\": \"2026-11-26T10:00:00+01:00\", \"intensity\": 6, \"trigger\": \"\", \"note\": \"\"},\n" \
  "    {\"id\": \"a5\", \"kind\": \"rest\", \"start\": \"2026-11-27T12:00:00+01:00\", \"minutes\": 20, \"note\": \"\"}\n" \
  "  ]\n" \
  "}\n"

static void
skips_bad_entries_body (Fixture *fixture)
{
  LumbarReviewWindow *window = wait_for_review_window (fixture);
  LumbarJournal *journal = lumbar_review_window_get_journal (window);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (review_child (window, "window_title"));
  GtkWidget *label = review_child (window, "skipped_label");
  g_autofree char *text = lumbar_review_window_dup_skipped_text (window);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GtkWindow *dialog;
  GtkWidget *view;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* The valid ones are shown… */
  g_assert_cmpuint (lumbar_journal_get_n_entries (journal), ==, 3);
  g_assert_nonnull (lumbar_journal_lookup (journal, "a1"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "a4"));
  g_assert_nonnull (lumbar_journal_lookup (journal, "a5"));

  /* …the file name stands in for a missing patient name… */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "bad.json");

  /* …and what was skipped is said, with the reason for each. */
  g_assert_cmpuint (lumbar_review_window_get_n_skipped (window), ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (review_child (window, "skipped_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "2 entries could not be read and are not shown.");
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "entry 2: "));
  g_assert_true (g_str_has_prefix (lines[1], "entry 3: "));

  g_assert_true (gtk_widget_get_mapped (review_child (window, "details_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "review.show-skipped", NULL);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), WAIT_MS));
  dialog = lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  view = find_one (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (shown, ==, text);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  lumbar_test_flush (NULL);
}

static void
test_skips_bad_entries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_ptr_array_add (fixture->open_paths, write_file (fixture, "bad.json", BAD_ENTRIES, -1));
  run_app (fixture, skips_bad_entries_body);
}

static void
unreadable_body (Fixture *fixture)
{
  g_autoptr(GPtrArray) review_windows = NULL;
  g_autoptr(GPtrArray) main_windows = NULL;
  GtkWindow *dialog;
  const char *body;

  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), WAIT_MS));
  dialog = lumbar_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  lumbar_test_flush (GTK_WIDGET (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

  /* Which file, where, and why. */
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Open Log");
  g_assert_nonnull (strstr (body, "“broken.json”"));
  g_assert_nonnull (strstr (body, "Line 6, column "));

  /* And no window for it, nor a main window. */
  review_windows = app_windows (fixture, LUMBAR_TYPE_REVIEW_WINDOW);
  main_windows = app_windows (fixture, LUMBAR_TYPE_WINDOW);
  g_assert_cmpuint (review_windows->len, ==, 0);
  g_assert_cmpuint (main_windows->len, ==, 0);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  lumbar_test_flush (NULL);
}

static void
test_unreadable_file (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *malformed =
    "{\n"
    "  \"format\": \"lumbar-journal\",\n"
    "  \"version\": 1,\n"
    "  \"entries\": [\n"
    "    {\"id\": \"a1\", \"kind\": \"pain\", \"at\": \"2026-11-25T08:00:00+01:00\", \"local\": 4},\n"
    "    {\"id\": \"x\" \"kind\": \"pain\"}\n"
    "  ]\n"
    "}\n";
  char *path = write_file (fixture, "broken.json", malformed, -1);
  Snapshot before = { 0 }, after = { 0 };

  g_ptr_array_add (fixture->open_paths, path);
  snapshot_take (&before, path);
  run_app (fixture, unreadable_body);
  snapshot_take (&after, path);
  g_assert_true (g_bytes_equal (before.bytes, after.bytes));
  g_assert_true (g_date_time_equal (before.modified, after.modified));
  snapshot_clear (&before);
  snapshot_clear (&after);
}

static gboolean
patients_loaded (gpointer data)
{
  LumbarPatientsWindow *window = LUMBAR_PATIENTS_WINDOW (lumbar_test_find_toplevel (LUMBAR_TYPE_PATIENTS_WINDOW));
  LumbarPatientList *list;

  if (window == NULL)
    return FALSE;
  list = lumbar_patients_window_get_list (window);
  return !lumbar_patient_list_get_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) == GPOINTER_TO_UINT (data);
}

/* The Patients window's rows, in order. */
static GPtrArray *
patient_rows (LumbarPatientsWindow *window)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW);

  return g_steal_pointer (&rows);
}

static LumbarPatientsWindow *
wait_for_patients (guint n)
{
  LumbarPatientsWindow *window;

  g_assert_true (lumbar_test_wait_for (patients_loaded, GUINT_TO_POINTER (n), WAIT_MS));
  window = LUMBAR_PATIENTS_WINDOW (lumbar_test_find_toplevel (LUMBAR_TYPE_PATIENTS_WINDOW));
  lumbar_test_flush (GTK_WIDGET (window));
  return window;
}

static void
several_files_body (Fixture *fixture)
{
  LumbarPatientsWindow *window = wait_for_patients (2);
  g_autoptr(GPtrArray) rows = patient_rows (window);
  g_autoptr(GPtrArray) windows = NULL;
  WindowQuery query = { fixture, LUMBAR_TYPE_REVIEW_WINDOW, 1 };

  /* Several logs open one Patients window, not a window each. */
  windows = app_windows (fixture, LUMBAR_TYPE_REVIEW_WINDOW);
  g_assert_cmpuint (windows->len, ==, 0);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Reviewing leaves the person's own diary alone: not read, not locked. */
  {
    g_autofree char *directory = lumbar_store_dup_default_directory ();
    g_autoptr(LumbarStore) probe = lumbar_store_new (directory);

    g_assert_false (lumbar_store_get_loaded (lumbar_application_get_store (fixture->app)));
    /* Another writer could take the diary's lock. */
    g_assert_true (lumbar_store_load (probe, NULL));
    g_assert_false (lumbar_store_get_read_only (probe));
  }

  /* A row opens that patient's review window; again, it is raised. */
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, FIXTURE_PATIENT_MARKUP);
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
  g_assert_true (lumbar_test_wait_for (has_n_windows, &query, WAIT_MS));
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
  lumbar_test_flush (NULL);
  g_clear_pointer (&windows, g_ptr_array_unref);
  windows = app_windows (fixture, LUMBAR_TYPE_REVIEW_WINDOW);
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_cmpstr (lumbar_review_window_get_patient_name (g_ptr_array_index (windows, 0)), ==, FIXTURE_PATIENT);
}

static void
test_several_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();

  g_ptr_array_add (fixture->open_paths, write_export (fixture, "first.json", entries));
  g_ptr_array_add (fixture->open_paths, write_file (fixture, "second.json", BAD_ENTRIES, -1));
  run_app (fixture, several_files_body);
}

/* An export of @entries shifted to end on FIXTURE_LAST, by @name. */
static void
write_patient (const char *folder,
               const char *file,
               const char *name,
               int         pain_shift,
               gboolean    warning_sign)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-28T09:15:00+01:00", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      if (lumbar_entry_get_kind (entry) != LUMBAR_KIND_PAIN)
        continue;
      /* The last week a little worse (or better) than the weeks before. */
      if (lumbar_entry_get_day (entry) > FIXTURE_LAST - 7)
        lumbar_entry_set_local (entry, CLAMP (lumbar_entry_get_local (entry) + pain_shift, 0, 10));
      if (warning_sign && lumbar_entry_get_day (entry) == FIXTURE_LAST)
        lumbar_entry_set_flags (entry, LUMBAR_FLAG_LEG_WEAKNESS);
    }
  options.patient_name = name;
  options.now = now;
  bytes = lumbar_export_to_json (entries, &options);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
}

/* A therapist sees a patient's warning signs before any figure: first on
 * the Overview, on the title and on the tabs, about the patient. */
static void
red_flags_body (Fixture *fixture)
{
  LumbarReviewWindow *window = wait_for_review_window (fixture);
  GtkWidget *card = review_child (window, "red_flag_card");
  GtkWidget *pain = review_child (window, "pain_group");
  GtkWidget *badge = review_child (window, "red_flag_badge");
  AdwViewStackPage *overview = ADW_VIEW_STACK_PAGE (review_child (window, "overview_stack_page"));
  GtkWidget *sibling;
  gboolean before = FALSE;

  g_assert_true (gtk_widget_is_visible (card));
  g_assert_true (lumbar_test_has_accessible_name (card, "Warning signs logged: prompt medical care advised"));
  g_assert_true (gtk_widget_get_parent (card) == gtk_widget_get_parent (pain));
  for (sibling = gtk_widget_get_prev_sibling (pain); sibling != NULL; sibling = gtk_widget_get_prev_sibling (sibling))
    before |= sibling == card;
  g_assert_true (before);
  g_assert_nonnull (find_label (card, "• The patient logged worsening weakness in one or both legs on 27 November 2026."));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (review_child (window, "red_flag_message"))),
                            "advised the patient to seek medical care promptly"));

  g_assert_true (gtk_widget_is_visible (badge));
  g_assert_true (adw_view_stack_page_get_needs_attention (overview));
  g_assert_true (adw_view_stack_page_get_needs_attention (ADW_VIEW_STACK_PAGE (review_child (window, "tips_stack_page"))));
  g_assert_cmpstr (adw_view_stack_page_get_icon_name (overview), ==, "dialog-warning-symbolic");
}

static void
test_red_flags_first (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "carl.lumbar.json", NULL);

  write_patient (fixture->dir, "carl.lumbar.json", "Carl Flags", 0, TRUE);
  g_ptr_array_add (fixture->open_paths, g_strdup (path));
  run_app (fixture, red_flags_body);
}

/* Without warning signs nothing of it shows. */
static void
no_red_flags_body (Fixture *fixture)
{
  LumbarReviewWindow *window = wait_for_review_window (fixture);

  g_assert_false (gtk_widget_is_visible (review_child (window, "red_flag_card")));
  g_assert_false (gtk_widget_is_visible (review_child (window, "red_flag_badge")));
  g_assert_false (adw_view_stack_page_get_needs_attention (ADW_VIEW_STACK_PAGE (review_child (window, "overview_stack_page"))));
}

static void
test_no_red_flags (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "anna.lumbar.json", NULL);

  write_patient (fixture->dir, "anna.lumbar.json", "Anna", 0, FALSE);
  g_ptr_array_add (fixture->open_paths, g_strdup (path));
  run_app (fixture, no_red_flags_body);
}

/* The Entries page of an export names its days by date: "Today" would be
 * the reader's today, not the patient's. */
static void
dated_headings_body (Fixture *fixture)
{
  LumbarReviewWindow *window = wait_for_review_window (fixture);
  GtkWidget *diary = review_child (window, "diary_page");
  g_autofree char *today = lumbar_format_date (lumbar_day_today (), LUMBAR_DATE_WEEKDAY);
  g_autofree char *yesterday = lumbar_format_date (lumbar_day_today () - 1, LUMBAR_DATE_WEEKDAY);

  lumbar_review_window_set_visible_page_name (window, "entries");
  lumbar_test_flush (GTK_WIDGET (window));
  g_assert_nonnull (find_label (diary, today));
  g_assert_nonnull (find_label (diary, yesterday));
  g_assert_null (find_label (diary, "Today"));
  g_assert_null (find_label (diary, "Yesterday"));
}

static void
test_dated_headings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = NULL;

  for (int back = 0; back < 2; back++)
    {
      LumbarEntry *entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      g_autoptr(GDateTime) at = g_date_time_add_days (now, -back);

      lumbar_entry_set_time (entry, g_date_time_to_unix (at),
                             (int) (g_date_time_get_utc_offset (at) / G_TIME_SPAN_SECOND));
      lumbar_entry_set_local (entry, 4);
      g_ptr_array_add (entries, entry);
    }
  options.now = now;
  bytes = lumbar_export_to_json (entries, &options);
  g_ptr_array_add (fixture->open_paths,
                   write_file (fixture, "today.lumbar.json", g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes)));
  run_app (fixture, dated_headings_body);
}

static void
folder_body (Fixture *fixture)
{
  LumbarPatientsWindow *window = wait_for_patients (12);
  g_autoptr(GPtrArray) rows = patient_rows (window);
  g_autoptr(GPtrArray) windows = NULL;
  WindowQuery query = { fixture, LUMBAR_TYPE_REVIEW_WINDOW, 1 };
  GtkWidget *alert;

  /* Warning signs first, said at the top; then the worst week; the file
   * that cannot be read last, with its reason. */
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Carl Flags");
  /* (libadwaita 1.2 gives the subtitle back without its markup, 1.7 with.) */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)),
                            "Warning signs logged, prompt medical care advised"));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Bea Worse");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 11)), ==, "broken.lumbar.json");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 11)), "Cannot be read: "));
  g_assert_null (strchr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 11)), '\n'));
  g_assert_false (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, 11)));
  alert = find_label (GTK_WIDGET (window), "1 patient logged warning signs in their last week and was advised to seek medical care.");
  g_assert_nonnull (alert);
  g_assert_true (gtk_widget_is_visible (alert));
  /* Period and last entry, with real dates. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)),
                                   "7 Nov – 27 Nov 2026 · last entry 27 Nov 2026\nPain: "));

  /* The row opens that patient. */
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
  g_assert_true (lumbar_test_wait_for (has_n_windows, &query, WAIT_MS));
  windows = app_windows (fixture, LUMBAR_TYPE_REVIEW_WINDOW);
  g_assert_cmpstr (lumbar_review_window_get_patient_name (g_ptr_array_index (windows, 0)), ==, "Carl Flags");

  /* A new export saved into the folder shows up. */
  write_patient (fixture->dir, "dana.lumbar.json", "Dana New", 0, FALSE);
  window = wait_for_patients (13);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = patient_rows (window);
  g_assert_cmpuint (rows->len, ==, 13);
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *file = g_strdup_printf ("steady-%d.lumbar.json", i);
      g_autofree char *name = g_strdup_printf ("Steady %d", i);

      write_patient (fixture->dir, file, name, 0, FALSE);
    }
  write_patient (fixture->dir, "bea.lumbar.json", "Bea Worse", 3, FALSE);
  write_patient (fixture->dir, "carl.lumbar.json", "Carl Flags", -2, TRUE);
  g_free (write_file (fixture, "broken.lumbar.json", "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [,]}", -1));
  g_free (write_file (fixture, "readme.txt", "not a log", -1));
  g_ptr_array_add (fixture->open_paths, g_strdup (fixture->dir));
  run_app (fixture, folder_body);
}

/* The main window: drop, export and print */

static gboolean
main_window_ready (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) windows = app_windows (fixture, LUMBAR_TYPE_WINDOW);
  LumbarStore *store = lumbar_application_get_store (fixture->app);

  return windows->len == 1 && store != NULL &&
         (lumbar_store_get_loaded (store) || lumbar_store_get_read_only (store));
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
main_window_body (Fixture *fixture)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();
  g_autofree char *path = write_export (fixture, "dropped.json", entries);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSList) list = g_slist_prepend (NULL, file);
  g_autoptr(GPtrArray) windows = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *main_window;
  GtkDropTarget *target;
  GtkWindow *dialog;
  gboolean accepted = FALSE;
  LumbarReviewWindow *review;

  g_assert_true (lumbar_test_wait_for (main_window_ready, fixture, WAIT_MS));
  windows = app_windows (fixture, LUMBAR_TYPE_WINDOW);
  main_window = g_ptr_array_index (windows, 0);
  lumbar_test_flush (GTK_WIDGET (main_window));

  /* The menu offers the three; an empty diary has nothing to export:
   * Export and Print do nothing (the dialog would open at once). */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "open-log"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "open-folder"));
  g_assert_cmpuint (lumbar_journal_get_n_entries (lumbar_store_get_journal (lumbar_application_get_store (fixture->app))), ==, 0);
  g_assert_true (gtk_widget_activate_action (main_window, "win.export", NULL));
  g_assert_true (gtk_widget_activate_action (main_window, "win.print", NULL));
  g_assert_null (lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lumbar_journal_add (lumbar_store_get_journal (lumbar_application_get_store (fixture->app)),
                                       g_ptr_array_index (entries, 0), &error));
    g_assert_no_error (error);
  }

  /* Export… opens the export dialog for the person's own diary. */
  g_assert_true (gtk_widget_activate_action (main_window, "win.export", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (LUMBAR_TYPE_EXPORT_DIALOG), WAIT_MS));
  dialog = lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG);
  g_assert_false (lumbar_export_dialog_get_printing (LUMBAR_EXPORT_DIALOG (dialog)));
  g_assert_true (lumbar_export_dialog_get_journal (LUMBAR_EXPORT_DIALOG (dialog)) ==
                 lumbar_store_get_journal (lumbar_application_get_store (fixture->app)));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (main_window));
  gtk_window_close (dialog);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (LUMBAR_TYPE_EXPORT_DIALOG), WAIT_MS));
  g_assert_null (lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG));

  /* Print… asks for the period first. */
  g_assert_true (gtk_widget_activate_action (main_window, "win.print", NULL));
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_shown, GSIZE_TO_POINTER (LUMBAR_TYPE_EXPORT_DIALOG), WAIT_MS));
  dialog = lumbar_test_find_toplevel (LUMBAR_TYPE_EXPORT_DIALOG);
  g_assert_true (lumbar_export_dialog_get_printing (LUMBAR_EXPORT_DIALOG (dialog)));
  gtk_window_close (dialog);
  g_assert_true (lumbar_test_wait_for (lumbar_test_toplevel_gone, GSIZE_TO_POINTER (LUMBAR_TYPE_EXPORT_DIALOG), WAIT_MS));

  /* A file dropped on the main window opens for review beside it. */
  target = find_drop_target (main_window);
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  review = wait_for_review_window (fixture);
  g_assert_cmpstr (lumbar_review_window_get_patient_name (review), ==, FIXTURE_PATIENT);
  g_clear_pointer (&windows, g_ptr_array_unref);
  windows = app_windows (fixture, LUMBAR_TYPE_WINDOW);
  g_assert_cmpuint (windows->len, ==, 1);
}

static void
test_main_window (Fixture       *fixture,
                  gconstpointer  data)
{
  run_app (fixture, main_window_body);
}

/* Tests: the export dialog */

static LumbarJournal *
fixture_journal (void)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();
  LumbarJournal *journal = lumbar_journal_new ();

  lumbar_journal_set_entries (journal, entries);
  return journal;
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LumbarJournal) journal = fixture_journal ();
  LumbarExportDialog *dialog = lumbar_export_dialog_new (NULL, journal);
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  LumbarDay from = lumbar_day_from_ymd (2026, 11, 10);
  LumbarDay to = lumbar_day_from_ymd (2026, 11, 20);
  GStatBuf st;
  guint expected = 0;

  g_object_ref_sink (dialog);
  lumbar_export_dialog_set_format (dialog, LUMBAR_EXPORT_JSON);
  lumbar_export_dialog_set_custom_range (dialog, from, to);
  lumbar_export_dialog_set_patient_name (dialog, "  Jan Novák  ");
  g_assert_cmpint (lumbar_export_dialog_get_format (dialog), ==, LUMBAR_EXPORT_JSON);
  g_assert_cmpint (lumbar_export_dialog_get_range (dialog), ==, LUMBAR_RANGE_CUSTOM);

  /* Named with the diary file type's own extension, so that the export
   * opens in Lumbar from a file manager. */
  name = lumbar_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "lumbar-2026-11-10-to-2026-11-20.lumbar.json");

  g_assert_true (lumbar_export_dialog_export_to_file (dialog, path, &error));
  g_assert_no_error (error);

  /* Health data: only the user may read it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* It reads back as the chosen days, named. */
  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->problems->len, ==, 0);
  for (guint i = 0; i < lumbar_journal_get_n_entries (journal); i++)
    {
      LumbarDay day = lumbar_entry_get_day (lumbar_journal_get_entry (journal, i));

      if (day >= from && day <= to)
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (doc->entries->len, ==, expected);
  g_assert_cmpstr (doc->patient_name, ==, "Jan Novák");
  g_assert_cmpint (doc->range_from, ==, from);
  g_assert_cmpint (doc->range_to, ==, to);
  g_assert_nonnull (doc->exported_at);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LumbarJournal) journal = fixture_journal ();
  LumbarExportDialog *dialog = lumbar_export_dialog_new (NULL, journal);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *fhir_path = g_build_filename (fixture->dir, "out.fhir.json", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *fhir = NULL;
  GObject *fhir_check, *name_row;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_object_ref_sink (dialog);
  lumbar_export_dialog_set_today (dialog, FIXTURE_LAST);

  /* Everything: the file is named after the days the diary covers. */
  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_ALL);
  lumbar_export_dialog_set_format (dialog, LUMBAR_EXPORT_CSV);
  name = lumbar_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "lumbar-2026-11-07-to-2026-11-27.csv");
  g_assert_true (lumbar_export_dialog_export_to_file (dialog, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, &length, NULL));
  /* With a byte order mark, for spreadsheet programs. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" LUMBAR_EXPORT_CSV_HEADER "\r\n"));

  lumbar_export_dialog_set_format (dialog, LUMBAR_EXPORT_PDF);
  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_2_WEEKS);
  g_clear_pointer (&name, g_free);
  name = lumbar_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "lumbar-2026-11-14-to-2026-11-27.pdf");
  g_assert_true (lumbar_export_dialog_export_to_file (dialog, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF-", 5) == 0);

  /* FHIR for a clinic's system: picked by its own row, named *.fhir.json,
   * a Bundle with the patient the dialog names. */
  fhir_check = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "fhir_check");
  name_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "name_row");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fhir_check), TRUE);
  g_assert_cmpint (lumbar_export_dialog_get_format (dialog), ==, LUMBAR_EXPORT_FHIR);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Anna Berg");
  g_clear_pointer (&name, g_free);
  name = lumbar_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "lumbar-2026-11-14-to-2026-11-27.fhir.json");
  g_assert_true (lumbar_export_dialog_export_to_file (dialog, fhir_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fhir_path, &fhir, &length, NULL));
  g_assert_nonnull (strstr (fhir, "\"resourceType\" : \"Bundle\""));
  g_assert_nonnull (strstr (fhir, "\"text\" : \"Anna Berg\""));
  g_assert_nonnull (strstr (fhir, "72514-3"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_export_ranges (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LumbarJournal) journal = fixture_journal ();
  LumbarExportDialog *dialog = lumbar_export_dialog_new (NULL, journal);
  g_autofree char *path = g_build_filename (fixture->dir, "never.json", NULL);
  GObject *button, *error_label, *range_row, *range_group;
  g_autoptr(GError) error = NULL;
  LumbarDay today = lumbar_day_from_ymd (2026, 11, 27);
  LumbarDay from, to;

  g_object_ref_sink (dialog);
  button = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "action_button");
  error_label = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "error_group");
  range_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "range_row");
  range_group = gtk_widget_get_template_child (GTK_WIDGET (dialog), LUMBAR_TYPE_EXPORT_DIALOG, "range_group");
  lumbar_export_dialog_set_today (dialog, today);

  /* Presets count back from "today", inclusive, like the chart's. */
  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_2_WEEKS);
  g_assert_true (lumbar_export_dialog_get_bounds (dialog, &from, &to));
  g_assert_cmpint (from, ==, today - 13);
  g_assert_cmpint (to, ==, today);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (range_row)), ==, LUMBAR_RANGE_2_WEEKS);

  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_3_MONTHS);
  g_assert_true (lumbar_export_dialog_get_bounds (dialog, &from, &to));
  g_assert_cmpint (from, ==, today - 90);

  /* Picking the period in the list is the same. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (range_row), LUMBAR_RANGE_1_MONTH);
  g_assert_cmpint (lumbar_export_dialog_get_range (dialog), ==, LUMBAR_RANGE_1_MONTH);
  g_assert_true (lumbar_export_dialog_get_bounds (dialog, &from, &to));
  g_assert_cmpint (from, ==, today - 29);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (range_group)), ==,
                   "29 Oct – 27 Nov 2026, 64 entries");

  /* Custom starts from the days shown, then takes the dates given. */
  lumbar_export_dialog_set_range (dialog, LUMBAR_RANGE_CUSTOM);
  g_assert_true (lumbar_export_dialog_get_bounds (dialog, &from, &to));
  g_assert_cmpint (from, ==, today - 29);
  g_assert_cmpint (to, ==, today);

  /* A first day after the last is a mistake that blocks the export. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  lumbar_export_dialog_set_custom_range (dialog, today, today - 3);
  g_assert_false (lumbar_export_dialog_get_bounds (dialog, &from, &to));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_false (lumbar_export_dialog_export_to_file (dialog, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  lumbar_export_dialog_set_custom_range (dialog, today - 3, today);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Tests: printing */

static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = fixture_entries ();
  g_autoptr(LumbarReport) report = lumbar_report_new (entries, FIXTURE_FIRST, FIXTURE_LAST, "Anna Berg", FIXTURE_LAST);
  g_autoptr(GtkPrintOperation) operation = lumbar_print_operation_new (report);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  gsize length;
  int n_pages = 0;
  int expected;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The whole sheet in points, as many pages as the report needs there. */
  expected = lumbar_report_get_n_pages (report,
                                        gtk_paper_size_get_width (a4, GTK_UNIT_POINTS),
                                        gtk_paper_size_get_height (a4, GTK_UNIT_POINTS));
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (expected, >=, 2);
  g_assert_cmpint (n_pages, ==, expected);

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF-", 5) == 0);
}

static void
skip_without_display (void)
{
  g_test_skip ("No display: run the UI tests inside xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Fresh private folders before GLib caches any of them. */
  test_root = lumbar_test_use_private_xdg_dirs ("lumbar-test-review-XXXXXX");
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/review/needs-display", skip_without_display);
      status = g_test_run ();
      lumbar_test_remove_tree (test_root);
      return status;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lumbar/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-export-read-only", test_shows_export);
  ADD ("skips-bad-entries", test_skips_bad_entries);
  ADD ("unreadable-file", test_unreadable_file);
  ADD ("several-files", test_several_files);
  ADD ("folder-of-patients", test_folder);
  ADD ("red-flags-first", test_red_flags_first);
  ADD ("no-red-flags-no-warning", test_no_red_flags);
  ADD ("entries-dated-not-today", test_dated_headings);
  ADD ("main-window-export-print-drop", test_main_window);
  ADD ("export-json", test_export_json);
  ADD ("export-formats", test_export_formats);
  ADD ("export-ranges", test_export_ranges);
  ADD ("print-pages", test_print_pages);

  status = g_test_run ();
  lumbar_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
