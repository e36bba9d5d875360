/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-diary-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lumbar-diary-day.h"
#include "lumbar-diary-model.h"
#include "lumbar-diary-page.h"
#include "lumbar-diary-row.h"
#include "lumbar-entry-editor.h"
#include "lumbar-error.h"
#include "lumbar-test-utils.h"

/* The Diary page and the entry editor, driven the way a person would: rows
 * on screen, the delete button, the toast's Undo button, the editor's
 * fields and its Save button. Runs under Xvfb. */

typedef struct
{
  LumbarJournal *journal;
  GtkWindow     *window;
  GtkWidget     *page;
  /* Entries by role, for the checks. */
  LumbarEntry   *pain_today;
  LumbarEntry   *rest_today;
  LumbarEntry   *spasm_yesterday;
  LumbarEntry   *incline_yesterday;
  LumbarEntry   *pain_travel;
  LumbarEntry   *therapy_old;
} Fixture;

/* ---- helpers ---------------------------------------------------------- */

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget     *root,
         WidgetTest     test,
         gconstpointer  data,
         GPtrArray     *out)
{
  if (test (root, data))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, test, data, out);
}

static GtkWidget *
find (GtkWidget     *root,
      WidgetTest     test,
      gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, test, data, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
is_bound_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return LUMBAR_IS_DIARY_ROW (widget) &&
         lumbar_diary_row_get_item (LUMBAR_DIARY_ROW (widget)) != NULL &&
         gtk_widget_get_mapped (widget);
}

static gboolean
is_any_row (GtkWidget     *widget,
            gconstpointer  data)
{
  return LUMBAR_IS_DIARY_ROW (widget);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_delete_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         lumbar_test_has_accessible_name (widget, "Delete entry") &&
         gtk_widget_get_mapped (widget);
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_spin (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         gtk_widget_get_child_visible (widget);
}

static double
screen_y (GtkWidget *widget)
{
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &out));
  return out.y;
}

static int
compare_screen_y (gconstpointer a,
                  gconstpointer b)
{
  double ya = screen_y (*(GtkWidget **) a);
  double yb = screen_y (*(GtkWidget **) b);

  return ya < yb ? -1 : ya > yb;
}

/* The rows on screen, top to bottom. */
static GPtrArray *
visible_rows (GtkWidget *root)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (root, is_bound_row, NULL, rows);
  g_ptr_array_sort (rows, compare_screen_y);
  return rows;
}

/* Everything a row says, label by label: "Pain|08:00|Local 6 · Radiating 2". */
static char *
row_text (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect (row, is_visible_label, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, gtk_label_get_text (g_ptr_array_index (labels, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
row_for_entry (GtkWidget  *root,
               const char *id)
{
  g_autoptr(GPtrArray) rows = visible_rows (root);

  for (guint i = 0; i < rows->len; i++)
    {
      LumbarEntry *entry = lumbar_diary_row_get_entry (g_ptr_array_index (rows, i));

      if (entry != NULL && g_strcmp0 (lumbar_entry_get_id (entry), id) == 0)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static LumbarEntryEditor *
find_editor (void)
{
  return (LumbarEntryEditor *) lumbar_test_find_toplevel (LUMBAR_TYPE_ENTRY_EDITOR);
}

static gboolean
editor_open (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return find_editor () == NULL;
}

static GtkSpinButton *
spin_in_row (GtkWidget  *root,
             const char *title)
{
  GtkWidget *row = find (root, is_action_row_titled, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (find (row, is_spin, NULL));
}

static GtkWidget *
save_button (LumbarEntryEditor *editor)
{
  GtkWidget *button = find (GTK_WIDGET (editor), is_button_labelled, "_Save");

  g_assert_nonnull (button);
  return button;
}

static LumbarDay
today (void)
{
  return lumbar_day_today ();
}

/* An entry at a wall-clock time @days_ago days before today, recorded in
 * the UTC offset @offset (seconds), added to @journal unless it is NULL.
 * Returns a new reference. */
static LumbarEntry *
add_entry (LumbarJournal *journal,
           LumbarKind     kind,
           int            days_ago,
           int            hour,
           int            minute,
           int            offset)
{
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (kind);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset);
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GError) error = NULL;
  int y, m, d;

  lumbar_day_to_ymd (today () - days_ago, &y, &m, &d);
  date_time = g_date_time_new (tz, y, m, d, hour, minute, 0);
  lumbar_entry_set_date_time (entry, date_time);
  if (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE)
    lumbar_entry_set_minutes (entry, 30);
  if (journal != NULL)
    g_assert_true (lumbar_journal_add (journal, entry, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&entry);
}

static int
local_offset (int days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);

  return (int) (g_date_time_get_utc_offset (then) / G_TIME_SPAN_SECOND);
}

/* Replaces @entry (whose reference it takes) by an edited copy, and
 * returns a reference to the copy. */
static LumbarEntry *
replace_fields (LumbarJournal *journal,
                LumbarEntry   *entry,
                void         (*edit) (LumbarEntry *))
{
  g_autoptr(LumbarEntry) old_entry = entry;
  g_autoptr(LumbarEntry) copy = lumbar_entry_copy (old_entry);
  g_autoptr(GError) error = NULL;

  edit (copy);
  g_assert_true (lumbar_journal_replace (journal, copy, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

static void
edit_pain_today (LumbarEntry *entry)
{
  lumbar_entry_set_local (entry, 6);
  lumbar_entry_set_radiating (entry, 2);
  lumbar_entry_set_flags (entry, LUMBAR_FLAG_LEG_WEAKNESS);
}

static void
edit_spasm (LumbarEntry *entry)
{
  lumbar_entry_set_intensity (entry, 7);
  lumbar_entry_set_trigger (entry, "lifting a box");
}

static void
edit_travel (LumbarEntry *entry)
{
  lumbar_entry_set_local (entry, 4);
  lumbar_entry_set_note (entry, "Long flight, stiff\nafterwards");
}

static gboolean
page_has_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = visible_rows (data);

  return rows->len > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  LumbarJournal *journal = lumbar_journal_new ();

  fixture->journal = journal;

  /* Five days ago, recorded while travelling in UTC+05:30. */
  fixture->pain_travel = replace_fields (journal, add_entry (journal, LUMBAR_KIND_PAIN, 5, 9, 15, 19800), edit_travel);
  fixture->therapy_old = add_entry (journal, LUMBAR_KIND_THERAPY, 5, 16, 0, local_offset (5));
  fixture->spasm_yesterday = replace_fields (journal, add_entry (journal, LUMBAR_KIND_SPASM, 1, 15, 0, local_offset (1)), edit_spasm);
  fixture->incline_yesterday = add_entry (journal, LUMBAR_KIND_INCLINE, 1, 18, 30, local_offset (1));
  fixture->pain_today = replace_fields (journal, add_entry (journal, LUMBAR_KIND_PAIN, 0, 0, 5, local_offset (0)), edit_pain_today);
  fixture->rest_today = add_entry (journal, LUMBAR_KIND_REST, 0, 0, 10, local_offset (0));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 1000);
  fixture->page = lumbar_diary_page_new (journal);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);

  g_assert_true (lumbar_test_wait_for (page_has_rows, fixture->page, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  LumbarEntryEditor *editor;

  while ((editor = find_editor ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (fixture->window);
  lumbar_test_flush (NULL);
  g_clear_object (&fixture->pain_today);
  g_clear_object (&fixture->rest_today);
  g_clear_object (&fixture->spasm_yesterday);
  g_clear_object (&fixture->incline_yesterday);
  g_clear_object (&fixture->pain_travel);
  g_clear_object (&fixture->therapy_old);
  g_assert_finalize_object (fixture->journal);
}

/* ---- the page --------------------------------------------------------- */

static void
test_days_newest_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = visible_rows (fixture->page);
  g_autoptr(GDateTime) old_day = lumbar_day_to_date_time (today () - 5);
  g_autofree char *old_heading = g_date_time_format (old_day, "%A, %-d %B %Y");
  g_autofree char *text = NULL;
  const char *expected_ids[] = {
    NULL, lumbar_entry_get_id (fixture->rest_today), lumbar_entry_get_id (fixture->pain_today),
    NULL, lumbar_entry_get_id (fixture->incline_yesterday), lumbar_entry_get_id (fixture->spasm_yesterday),
    NULL, lumbar_entry_get_id (fixture->therapy_old), lumbar_entry_get_id (fixture->pain_travel),
  };

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected_ids));
  for (guint i = 0; i < rows->len; i++)
    {
      LumbarEntry *entry = lumbar_diary_row_get_entry (g_ptr_array_index (rows, i));

      if (expected_ids[i] == NULL)
        g_assert_null (entry);
      else
        g_assert_cmpstr (lumbar_entry_get_id (entry), ==, expected_ids[i]);
    }

  text = row_text (g_ptr_array_index (rows, 0));
  g_assert_cmpstr (text, ==, "Today");
  g_free (text);
  text = row_text (g_ptr_array_index (rows, 3));
  g_assert_cmpstr (text, ==, "Yesterday");
  g_free (text);
  text = row_text (g_ptr_array_index (rows, 6));
  g_assert_cmpstr (text, ==, old_heading);
  g_free (text);

  /* Values, red flags and the note preview are on the row. */
  text = row_text (g_ptr_array_index (rows, 2));
  g_assert_cmpstr (text, ==, "Pain|00:05|Local 6 · Radiating 2|Weakness in one or both legs that is getting worse");
  g_free (text);
  text = row_text (g_ptr_array_index (rows, 1));
  g_assert_cmpstr (text, ==, "Rest|00:10|30 min");
  g_free (text);
  text = row_text (g_ptr_array_index (rows, 5));
  g_assert_cmpstr (text, ==, "Spasm|15:00|Intensity 7 · Set off by: lifting a box");
  g_free (text);
  text = row_text (g_ptr_array_index (rows, 4));
  g_assert_cmpstr (text, ==, "Inclined sitting|18:30|30 min · Pillows · Legs not supported · Knees straight");
  g_free (text);
  /* Shown at the time it was recorded, in its own offset. */
  text = row_text (g_ptr_array_index (rows, 8));
  g_assert_cmpstr (text, ==, "Pain|09:15|Local 4|Long flight, stiff afterwards");

  /* Headings and durations as every other view writes them. */
  lumbar_test_assert_one_format (GTK_WIDGET (fixture->page));
}

static gboolean
entry_gone (gpointer data)
{
  Fixture *fixture = data;

  return lumbar_journal_lookup (fixture->journal, lumbar_entry_get_id (fixture->spasm_yesterday)) == NULL;
}

static gboolean
entry_back (gpointer data)
{
  return !entry_gone (data);
}

static gboolean
undo_button_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *button = find (fixture->page, is_button_labelled, "_Undo");

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *id = lumbar_entry_get_id (fixture->spasm_yesterday);
  GtkWidget *row = row_for_entry (fixture->page, id);
  GtkWidget *button;
  guint n = lumbar_journal_get_n_entries (fixture->journal);

  g_assert_nonnull (row);
  button = find (row, is_delete_button, NULL);
  g_assert_nonnull (button);
  gtk_widget_activate (button);

  g_assert_true (lumbar_test_wait_for (entry_gone, fixture, 3000));
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), ==, n - 1);
  lumbar_test_flush (fixture->page);
  g_assert_null (row_for_entry (fixture->page, id));

  g_assert_true (lumbar_test_wait_for (undo_button_shown, fixture, 3000));
  gtk_widget_activate (find (fixture->page, is_button_labelled, "_Undo"));
  g_assert_true (lumbar_test_wait_for (entry_back, fixture, 3000));

  /* The same entry is back, as it was, and on screen again. */
  g_assert_true (lumbar_entry_equal (lumbar_journal_lookup (fixture->journal, id), fixture->spasm_yesterday));
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), ==, n);
  lumbar_test_flush (fixture->page);
  g_assert_nonnull (row_for_entry (fixture->page, id));
}

static gboolean
entry_in_journal (LumbarJournal *journal,
                  LumbarEntry   *entry)
{
  return lumbar_journal_lookup (journal, lumbar_entry_get_id (entry)) != NULL;
}

/* The one Undo button on screen, once the toast before it has gone. */
static GtkWidget *
sole_undo_button (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, is_button_labelled, "_Undo", buttons);
  if (buttons->len != 1 || !gtk_widget_get_mapped (g_ptr_array_index (buttons, 0)))
    return NULL;
  return g_ptr_array_index (buttons, 0);
}

static gboolean
sole_undo_button_shown (gpointer data)
{
  Fixture *fixture = data;

  return sole_undo_button (fixture->page) != NULL;
}

static gboolean
rest_back_spasm_gone (gpointer data)
{
  Fixture *fixture = data;

  return entry_in_journal (fixture->journal, fixture->rest_today) &&
         !entry_in_journal (fixture->journal, fixture->spasm_yesterday);
}

/* Two deletions toasted in a row: the Undo on screen is the newest
 * deletion's and brings back that entry, and only that one. (The first
 * Undo used to restore the older entry: the newest toast waited behind
 * the older one.) */
static void
test_two_deletes_each_undo_its_own (Fixture       *fixture,
                                    gconstpointer  data)
{
  guint n = lumbar_journal_get_n_entries (fixture->journal);

  g_assert_true (gtk_widget_activate_action (fixture->page, "diary.delete", "s",
                                             lumbar_entry_get_id (fixture->spasm_yesterday)));
  g_assert_true (gtk_widget_activate_action (fixture->page, "diary.delete", "s",
                                             lumbar_entry_get_id (fixture->rest_today)));
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), ==, n - 2);

  g_assert_true (lumbar_test_wait_for (sole_undo_button_shown, fixture, 3000));
  gtk_widget_activate (sole_undo_button (fixture->page));
  g_assert_true (lumbar_test_wait_for (rest_back_spasm_gone, fixture, 3000));
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), ==, n - 1);
}

static void
test_delete_last_of_day_removes_heading (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(LumbarEntry) a = lumbar_journal_remove (fixture->journal, lumbar_entry_get_id (fixture->therapy_old));
  g_autoptr(LumbarEntry) b = lumbar_journal_remove (fixture->journal, lumbar_entry_get_id (fixture->pain_travel));
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  lumbar_test_flush (fixture->page);
  rows = visible_rows (fixture->page);
  g_assert_cmpuint (rows->len, ==, 6);
  text = row_text (g_ptr_array_index (rows, rows->len - 1));
  g_assert_cmpstr (text, ==, "Spasm|15:00|Intensity 7 · Set off by: lifting a box");
}

static void
test_delete_key (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *id = lumbar_entry_get_id (fixture->spasm_yesterday);
  GtkWidget *row = row_for_entry (fixture->page, id);

  /* Focus the row as the arrow keys do; Delete runs this action. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  g_assert_true (gtk_widget_activate_action (fixture->page, "diary.delete-focused", NULL));
  g_assert_true (lumbar_test_wait_for (entry_gone, fixture, 3000));
  g_assert_true (lumbar_test_wait_for (undo_button_shown, fixture, 3000));

  /* The focus moved on to the next entry, so Delete can be pressed again. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_assert_nonnull (focus);
    g_assert_true (LUMBAR_IS_DIARY_ROW (gtk_widget_get_first_child (focus)));
    g_assert_true (lumbar_diary_row_get_entry (LUMBAR_DIARY_ROW (gtk_widget_get_first_child (focus))) ==
                   fixture->therapy_old);
  }
}

static gboolean
local_is_three (gpointer data)
{
  Fixture *fixture = data;
  LumbarEntry *entry = lumbar_journal_lookup (fixture->journal, lumbar_entry_get_id (fixture->pain_travel));

  return entry != NULL && lumbar_entry_get_local (entry) == 3;
}

static void
on_saved (LumbarEntryEditor *editor,
          LumbarEntry       *entry,
          gpointer           data)
{
  *(int *) data += 1;
}

static gboolean
local_is_four (gpointer data)
{
  Fixture *fixture = data;
  LumbarEntry *entry = lumbar_journal_lookup (fixture->journal, lumbar_entry_get_id (fixture->pain_travel));

  return entry != NULL && lumbar_entry_get_local (entry) == 4;
}

static gboolean
is_toast_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0;
}

static gboolean
entry_changed_toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return find (fixture->page, is_toast_titled, "Entry changed") != NULL;
}

static void
test_edit_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *id = lumbar_entry_get_id (fixture->pain_travel);
  GtkWidget *row = row_for_entry (fixture->page, id);
  LumbarEntryEditor *editor;
  LumbarEntry *edited;
  int saved = 0;

  /* Clicking (activating) the row opens the editor. */
  gtk_widget_activate (gtk_widget_get_parent (row));
  g_assert_true (lumbar_test_wait_for (editor_open, NULL, 3000));
  editor = find_editor ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_in_row (GTK_WIDGET (editor), "Local pain")), ==, 4);
  gtk_spin_button_set_value (spin_in_row (GTK_WIDGET (editor), "Local pain"), 3);
  g_assert_true (gtk_widget_is_sensitive (save_button (editor)));
  gtk_widget_activate (save_button (editor));

  g_assert_true (lumbar_test_wait_for (local_is_three, fixture, 3000));
  g_assert_true (lumbar_test_wait_for (editor_closed, NULL, 3000));
  g_assert_cmpint (saved, ==, 1);

  /* Only the pain changed: same time, still in the offset it was recorded in. */
  edited = lumbar_journal_lookup (fixture->journal, id);
  g_assert_cmpint (lumbar_entry_get_time (edited), ==, lumbar_entry_get_time (fixture->pain_travel));
  g_assert_cmpint (lumbar_entry_get_utc_offset (edited), ==, 19800);
  g_assert_cmpstr (lumbar_entry_get_note (edited), ==, "Long flight, stiff\nafterwards");
  g_assert_cmpint (lumbar_entry_get_radiating (edited), ==, LUMBAR_RADIATING_NONE);

  /* The list shows the new value. */
  lumbar_test_flush (fixture->page);
  {
    g_autofree char *text = row_text (row_for_entry (fixture->page, id));

    g_assert_cmpstr (text, ==, "Pain|09:15|Local 3|Long flight, stiff afterwards");
  }

  /* The edit is toasted with an Undo that puts the old reading back. */
  g_assert_true (lumbar_test_wait_for (entry_changed_toast_shown, fixture, 3000));
  g_assert_true (lumbar_test_wait_for (sole_undo_button_shown, fixture, 3000));
  gtk_widget_activate (sole_undo_button (fixture->page));
  g_assert_true (lumbar_test_wait_for (local_is_four, fixture, 3000));
  g_assert_true (lumbar_entry_equal (lumbar_journal_lookup (fixture->journal, id), fixture->pain_travel));
}

static void
test_edit_time_uses_local_offset (Fixture       *fixture,
                                  gconstpointer  data)
{
  LumbarEntryEditor *editor = lumbar_entry_editor_new_for_entry (fixture->window, fixture->journal,
                                                                 fixture->pain_travel);
  LumbarEntry *edited;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  gtk_spin_button_set_value (spin_in_row (GTK_WIDGET (editor), "Time"), 7);
  g_assert_true (lumbar_entry_editor_save (editor, &error));
  g_assert_no_error (error);

  edited = lumbar_journal_lookup (fixture->journal, lumbar_entry_get_id (fixture->pain_travel));
  when = lumbar_entry_dup_date_time (edited);
  /* 07:15 on the same date, now in the local offset of that time. */
  g_assert_cmpint (g_date_time_get_hour (when), ==, 7);
  g_assert_cmpint (g_date_time_get_minute (when), ==, 15);
  g_assert_cmpint (lumbar_entry_get_utc_offset (edited), ==, local_offset (5));
  g_assert_cmpint (lumbar_entry_get_day (edited), ==, today () - 5);
}

static void
test_editor_refuses_invalid (Fixture       *fixture,
                             gconstpointer  data)
{
  LumbarEntryEditor *editor = lumbar_entry_editor_new_for_entry (fixture->window, fixture->journal,
                                                                 fixture->pain_travel);
  GtkSpinButton *local;
  GtkTextBuffer *note;
  g_autofree char *long_note = g_strnfill (LUMBAR_NOTE_MAX_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;
  guint64 revision = lumbar_journal_get_revision (fixture->journal);

  gtk_window_present (GTK_WINDOW (editor));
  local = spin_in_row (GTK_WIDGET (editor), "Local pain");
  g_assert_true (gtk_widget_is_sensitive (save_button (editor)));

  /* Typed but not yet committed: 11 is off the scale. */
  gtk_editable_set_text (GTK_EDITABLE (local), "11");
  g_assert_false (gtk_widget_is_sensitive (save_button (editor)));
  g_assert_cmpstr (lumbar_entry_editor_get_problem (editor), ==,
                   "Local pain must be a whole number from 0 to 10.");
  g_assert_false (lumbar_entry_editor_save (editor, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (local), "9");
  g_assert_true (gtk_widget_is_sensitive (save_button (editor)));

  /* A note one character over the limit. */
  note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (GTK_WIDGET (editor), is_text_view, NULL)));
  gtk_text_buffer_set_text (note, long_note, -1);
  g_assert_false (gtk_widget_is_sensitive (save_button (editor)));
  g_assert_cmpstr (lumbar_entry_editor_get_problem (editor), ==, "The note is 1 character too long.");
  gtk_text_buffer_set_text (note, long_note + 1, -1);
  g_assert_true (gtk_widget_is_sensitive (save_button (editor)));

  /* Tomorrow is in the future. */
  gtk_text_buffer_set_text (note, "", -1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autoptr(GDateTime) before = g_date_time_add_days (now, -5);
    GtkCalendar *calendar = GTK_CALENDAR (find (GTK_WIDGET (editor), is_of_type,
                                                GSIZE_TO_POINTER (GTK_TYPE_CALENDAR)));

    gtk_calendar_select_day (calendar, tomorrow);
    g_signal_emit_by_name (calendar, "day-selected");
    g_assert_false (gtk_widget_is_sensitive (save_button (editor)));
    g_assert_cmpstr (lumbar_entry_editor_get_problem (editor), ==, "The date and time are in the future.");

    /* Back to the entry's own date. */
    gtk_calendar_select_day (calendar, before);
    g_signal_emit_by_name (calendar, "day-selected");
    g_assert_true (gtk_widget_is_sensitive (save_button (editor)));
  }

  /* Nothing reached the journal. */
  g_assert_cmpuint (lumbar_journal_get_revision (fixture->journal), ==, revision);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *row;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint64 revision = lumbar_journal_get_revision (fixture->journal);

  lumbar_diary_page_set_read_only (LUMBAR_DIARY_PAGE (fixture->page), TRUE);
  lumbar_test_flush (fixture->page);

  collect (fixture->page, is_delete_button, NULL, buttons);
  g_assert_cmpuint (buttons->len, ==, 0);

  row = row_for_entry (fixture->page, lumbar_entry_get_id (fixture->pain_today));
  g_assert_nonnull (row);
  gtk_widget_activate (gtk_widget_get_parent (row));
  /* Even if the list reports an activation (a double click does that
   * whatever the item says), the page opens nothing. */
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_parent (row), "list.activate-item", "u", 2));
  lumbar_test_flush (fixture->page);
  g_assert_null (find_editor ());

  /* Neither the Delete key nor the action changes anything. */
  gtk_widget_grab_focus (gtk_widget_get_parent (row));
  gtk_widget_activate_action (fixture->page, "diary.delete-focused", NULL);
  gtk_widget_activate_action (fixture->page, "diary.delete", "s", lumbar_entry_get_id (fixture->pain_today));
  lumbar_test_flush (fixture->page);
  g_assert_cmpuint (lumbar_journal_get_revision (fixture->journal), ==, revision);

  /* Editable again: the buttons come back. */
  lumbar_diary_page_set_read_only (LUMBAR_DIARY_PAGE (fixture->page), FALSE);
  lumbar_test_flush (fixture->page);
  collect (fixture->page, is_delete_button, NULL, buttons);
  g_assert_cmpuint (buttons->len, ==, 6);
}

static void
test_follows_journal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LumbarEntry) added = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  GtkWidget *status;

  /* A new reading today goes to the top of today. */
  added = add_entry (fixture->journal, LUMBAR_KIND_PAIN, 0, 0, 20, local_offset (0));
  lumbar_test_flush (fixture->page);
  rows = visible_rows (fixture->page);
  g_assert_true (lumbar_diary_row_get_entry (g_ptr_array_index (rows, 1)) == added);
  g_assert_cmpuint (rows->len, ==, 10);

  /* Emptied, it says so. */
  lumbar_journal_set_entries (fixture->journal, none);
  lumbar_test_flush (fixture->page);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = visible_rows (fixture->page);
  g_assert_cmpuint (rows->len, ==, 0);
  status = find (fixture->page, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No entries yet");
}

/* ---- the editor on its own -------------------------------------------- */

static void
test_new_session (Fixture       *fixture,
                  gconstpointer  data)
{
  LumbarEntryEditor *editor = lumbar_entry_editor_new_for_kind (fixture->window, fixture->journal,
                                                                LUMBAR_KIND_INCLINE);
  guint n = lumbar_journal_get_n_entries (fixture->journal);
  int saved = 0;
  LumbarEntry *entry;
  GtkSpinButton *minutes;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (lumbar_entry_editor_get_is_new (editor));

  minutes = spin_in_row (GTK_WIDGET (editor), "Duration in minutes");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes), ==, 30);
  gtk_editable_set_text (GTK_EDITABLE (minutes), "1441");
  g_assert_false (gtk_widget_is_sensitive (save_button (editor)));
  gtk_editable_set_text (GTK_EDITABLE (minutes), "45");
  g_assert_true (gtk_widget_is_sensitive (save_button (editor)));

  gtk_widget_activate (save_button (editor));
  g_assert_true (lumbar_test_wait_for (editor_closed, NULL, 3000));
  g_assert_cmpint (saved, ==, 1);
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), ==, n + 1);

  /* The new entry is the session, which ended about now (found by what
   * it is: just after midnight it is not the newest in time). */
  entry = NULL;
  for (guint i = 0; i < lumbar_journal_get_n_entries (fixture->journal); i++)
    {
      LumbarEntry *candidate = lumbar_journal_get_entry (fixture->journal, i);

      if (lumbar_entry_get_kind (candidate) == LUMBAR_KIND_INCLINE && lumbar_entry_get_minutes (candidate) == 45)
        entry = candidate;
    }
  g_assert_nonnull (entry);
}

static void
test_cancel_changes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  LumbarEntryEditor *editor = lumbar_entry_editor_new_for_entry (fixture->window, fixture->journal,
                                                                 fixture->pain_travel);
  guint64 revision = lumbar_journal_get_revision (fixture->journal);

  gtk_window_present (GTK_WINDOW (editor));
  gtk_spin_button_set_value (spin_in_row (GTK_WIDGET (editor), "Local pain"), 10);
  gtk_widget_activate (find (GTK_WIDGET (editor), is_button_labelled, "_Cancel"));
  g_assert_true (lumbar_test_wait_for (editor_closed, NULL, 3000));
  g_assert_cmpuint (lumbar_journal_get_revision (fixture->journal), ==, revision);
  g_assert_cmpint (lumbar_entry_get_local (lumbar_journal_lookup (fixture->journal,
                                                                  lumbar_entry_get_id (fixture->pain_travel))), ==, 4);
}

/* ---- the model under random edits -------------------------------------- */

/* What a list view would hold if it followed the model's items-changed. */
static void
on_consumer_items_changed (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GPtrArray  *consumer)
{
  g_assert_cmpuint (position + removed, <=, consumer->len);
  g_ptr_array_remove_range (consumer, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (consumer, position + i, g_list_model_get_item (model, position + i));
}

static gboolean
same_item (GObject *a,
           GObject *b)
{
  if (LUMBAR_IS_DIARY_DAY (a) && LUMBAR_IS_DIARY_DAY (b))
    return lumbar_diary_day_get_day (LUMBAR_DIARY_DAY (a)) == lumbar_diary_day_get_day (LUMBAR_DIARY_DAY (b));
  return a == b;
}

static void
test_model_random_edits (void)
{
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarDiaryModel) model = lumbar_diary_model_new (journal);
  g_autoptr(GPtrArray) consumer = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (20261127);
  const int offsets[] = { 0, 3600, -5 * 3600, 19800, 13 * 3600 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_consumer_items_changed), consumer);

  for (int step = 0; step < 600; step++)
    {
      guint n = lumbar_journal_get_n_entries (journal);
      int op = g_rand_int_range (rand, 0, 10);
      g_autoptr(GError) error = NULL;

      if (n == 0 || op < 5)
        {
          g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);

          /* Twelve days, a few hours apart, with offsets that put some
           * entries on another day than their neighbours in time. */
          lumbar_entry_set_time (entry, 1800000000 + g_rand_int_range (rand, 0, 12 * 24) * 3600,
                                 offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))]);
          g_assert_true (lumbar_journal_add (journal, entry, &error));
        }
      else if (op < 8)
        {
          LumbarEntry *victim = lumbar_journal_get_entry (journal, g_rand_int_range (rand, 0, n));
          g_autoptr(LumbarEntry) removed = lumbar_journal_remove (journal, lumbar_entry_get_id (victim));

          g_assert_nonnull (removed);
        }
      else
        {
          LumbarEntry *old_entry = lumbar_journal_get_entry (journal, g_rand_int_range (rand, 0, n));
          g_autoptr(LumbarEntry) copy = lumbar_entry_copy (old_entry);

          /* Half the edits move the entry in time, half only change it. */
          if (op == 8)
            lumbar_entry_set_time (copy, lumbar_entry_get_time (copy) + g_rand_int_range (rand, -5, 5) * 86400,
                                   lumbar_entry_get_utc_offset (copy));
          lumbar_entry_set_local (copy, g_rand_int_range (rand, 0, 11));
          g_assert_true (lumbar_journal_replace (journal, copy, &error));
        }
      g_assert_no_error (error);

      /* The signals told the truth, and the result is what a fresh model shows. */
      {
        g_autoptr(LumbarDiaryModel) fresh = lumbar_diary_model_new (journal);
        guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

        g_assert_cmpuint (consumer->len, ==, n_items);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, n_items);
        for (guint i = 0; i < n_items; i++)
          {
            g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (model), i);
            g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

            g_assert_true (same_item (a, b));
            g_assert_true (same_item (a, g_ptr_array_index (consumer, i)));
            g_assert_true (lumbar_diary_model_is_heading (model, i) == LUMBAR_IS_DIARY_DAY (a));
          }
      }
    }

  /* Newest day first, newest entry first within a day. */
  for (guint i = 1; i < consumer->len; i++)
    {
      GObject *a = g_ptr_array_index (consumer, i - 1);
      GObject *b = g_ptr_array_index (consumer, i);

      if (LUMBAR_IS_ENTRY (a) && LUMBAR_IS_ENTRY (b))
        {
          g_assert_cmpint (lumbar_entry_get_day (LUMBAR_ENTRY (a)), ==, lumbar_entry_get_day (LUMBAR_ENTRY (b)));
          g_assert_cmpint (lumbar_entry_get_time (LUMBAR_ENTRY (a)), >=, lumbar_entry_get_time (LUMBAR_ENTRY (b)));
        }
      else if (LUMBAR_IS_ENTRY (a) && LUMBAR_IS_DIARY_DAY (b))
        g_assert_cmpint (lumbar_entry_get_day (LUMBAR_ENTRY (a)), >, lumbar_diary_day_get_day (LUMBAR_DIARY_DAY (b)));
    }

  g_rand_free (rand);
}

/* ---- a long diary ----------------------------------------------------- */

static void
test_ten_years_few_widgets (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  LumbarDay first = today () - 3652;

  /* Sixteen entries a day for ten years: about 58,000. */
  for (LumbarDay day = first; day <= today (); day++)
    for (int i = 0; i < 16; i++)
      {
        LumbarEntry *entry = lumbar_entry_new (i % 4 == 0 ? LUMBAR_KIND_REST : LUMBAR_KIND_PAIN);

        lumbar_entry_set_time (entry, (gint64) day * 86400 + 6 * 3600 + i * 1800, 0);
        lumbar_entry_set_local (entry, i % 11);
        if (i % 4 == 0)
          lumbar_entry_set_minutes (entry, 20);
        g_ptr_array_add (entries, entry);
      }
  lumbar_journal_set_entries (fixture->journal, entries);
  g_assert_cmpuint (lumbar_journal_get_n_entries (fixture->journal), >=, 58000);
  lumbar_test_flush (fixture->page);

  collect (fixture->page, is_any_row, NULL, rows);
  g_test_message ("%u row widgets for %u entries", rows->len,
                  lumbar_journal_get_n_entries (fixture->journal));
  g_assert_cmpuint (rows->len, >, 10);
  g_assert_cmpuint (rows->len, <, 500);

  /* Scrolled to the oldest day: still only a screenful of rows. */
  scrolled = GTK_SCROLLED_WINDOW (find (fixture->page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW)));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lumbar_test_flush (fixture->page);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  lumbar_test_flush (fixture->page);
  g_ptr_array_set_size (rows, 0);
  collect (fixture->page, is_any_row, NULL, rows);
  g_test_message ("%u row widgets at the oldest day", rows->len);
  g_assert_cmpuint (rows->len, <, 500);

  /* Adding to the long diary is still reflected. */
  {
    g_autoptr(LumbarEntry) added = add_entry (fixture->journal, LUMBAR_KIND_SPASM, 0, 23, 59, 0);

    g_assert_nonnull (added);
  }
}


/* ---- finding things --------------------------------------------------- */

typedef struct
{
  Fixture    *fixture;
  const char *id;     /* the one entry to be shown, NULL for none */
  guint       n_rows; /* with the headings */
} Shown;

/* Exactly @id's entry (and its day's heading) on screen. */
static gboolean
only_shown (gpointer data)
{
  Shown *shown = data;
  g_autoptr(GPtrArray) rows = visible_rows (shown->fixture->page);

  if (rows->len != shown->n_rows)
    return FALSE;
  return shown->id == NULL || row_for_entry (shown->fixture->page, shown->id) != NULL;
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = lumbar_test_find_of_type (fixture->page, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_check (Fixture    *fixture,
           const char *label,
           gboolean    active)
{
  GtkWidget *check = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  lumbar_test_collect_of_type (fixture->page, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)), label) == 0)
      check = g_ptr_array_index (checks, i);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}

static void
edit_note_umlaut (LumbarEntry *entry)
{
  lumbar_entry_set_note (entry, "Rückenschmerz beim Bücken");
}

static gboolean
search_bar_open (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *bar = lumbar_test_find_of_type (fixture->page, GTK_TYPE_SEARCH_BAR);

  return gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar));
}

static gboolean
search_bar_closed (gpointer data)
{
  return !search_bar_open (data);
}

/* A word of a note, without its accents, or of a spasm's trigger, finds
 * that entry alone; the days without a match lose their heading. */
static void
test_search_notes_and_triggers (Fixture       *fixture,
                                gconstpointer  data)
{
  Shown shown = { fixture, NULL, 2 };

  fixture->rest_today = replace_fields (fixture->journal, fixture->rest_today, edit_note_umlaut);
  lumbar_diary_page_start_search (LUMBAR_DIARY_PAGE (fixture->page));
  g_assert_true (lumbar_test_wait_for (search_bar_open, fixture, 3000));

  search_for (fixture, "Ruckenschmerz");
  shown.id = lumbar_entry_get_id (fixture->rest_today);
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));

  search_for (fixture, "LIFTING box");
  shown.id = lumbar_entry_get_id (fixture->spasm_yesterday);
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));

  search_for (fixture, "flight");
  shown.id = lumbar_entry_get_id (fixture->pain_travel);
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));

  /* An entry added while searching shows only if it matches. */
  {
    g_autoptr(LumbarEntry) other = add_entry (fixture->journal, LUMBAR_KIND_PAIN, 2, 10, 0, local_offset (2));

    lumbar_test_flush (fixture->page);
    g_assert_true (only_shown (&shown));
  }

  /* Escape closes the bar, and the whole diary is back. */
  gtk_widget_activate_action (lumbar_test_find_of_type (fixture->page, GTK_TYPE_SEARCH_ENTRY),
                              "search-entry.stop-search", NULL);
  g_signal_emit_by_name (lumbar_test_find_of_type (fixture->page, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  g_assert_true (lumbar_test_wait_for (search_bar_closed, fixture, 3000));
  shown.id = NULL;
  shown.n_rows = 7 + 4;
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));
}

static void
test_filter_kinds_and_warning_signs (Fixture       *fixture,
                                     gconstpointer  data)
{
  Shown shown = { fixture, NULL, 2 };

  lumbar_diary_page_start_search (LUMBAR_DIARY_PAGE (fixture->page));

  set_check (fixture, "_Rest", TRUE);
  shown.id = lumbar_entry_get_id (fixture->rest_today);
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));

  /* Two kinds: both, under their own days. */
  set_check (fixture, "_Inclined sitting", TRUE);
  shown.n_rows = 4;
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));
  g_assert_nonnull (row_for_entry (fixture->page, lumbar_entry_get_id (fixture->incline_yesterday)));

  set_check (fixture, "_Rest", FALSE);
  set_check (fixture, "_Inclined sitting", FALSE);
  set_check (fixture, "Only with _warning signs", TRUE);
  shown.id = lumbar_entry_get_id (fixture->pain_today);
  shown.n_rows = 2;
  g_assert_true (lumbar_test_wait_for (only_shown, &shown, 3000));
}

static gboolean
no_match_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  lumbar_test_collect_of_type (fixture->page, ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwStatusPage *page = g_ptr_array_index (pages, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (page)) &&
          g_strcmp0 (adw_status_page_get_title (page), "No Entries Match") == 0 &&
          g_strcmp0 (adw_status_page_get_description (page), "Try other words or filters") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_no_match_empty_state (Fixture       *fixture,
                           gconstpointer  data)
{
  lumbar_diary_page_start_search (LUMBAR_DIARY_PAGE (fixture->page));
  search_for (fixture, "hexenschuss");
  g_assert_true (lumbar_test_wait_for (no_match_shown, fixture, 3000));

  search_for (fixture, "");
  g_assert_true (lumbar_test_wait_for (page_has_rows, fixture->page, 3000));
  g_assert_false (no_match_shown (fixture));
}

typedef struct
{
  Fixture  *fixture;
  LumbarDay day;
} DayShown;

/* @day's heading is on screen and has the keyboard focus. */
static gboolean
day_heading_focused (gpointer data)
{
  DayShown *shown = data;
  g_autoptr(GPtrArray) rows = visible_rows (shown->fixture->page);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GObject *item = lumbar_diary_row_get_item (LUMBAR_DIARY_ROW (row));

      if (LUMBAR_IS_DIARY_DAY (item) &&
          lumbar_diary_day_get_day (LUMBAR_DIARY_DAY (item)) == shown->day)
        return gtk_widget_has_focus (gtk_widget_get_parent (row));
    }
  return FALSE;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Go to Date: a day far down a long diary comes into view, focused; a day
 * without entries gives the nearest earlier one. */
static void
test_jump_to_date (Fixture       *fixture,
                   gconstpointer  data)
{
  DayShown shown = { fixture, 0 };

  for (int days_ago = 10; days_ago < 400; days_ago += 2)
    {
      g_autoptr(LumbarEntry) entry = add_entry (fixture->journal, LUMBAR_KIND_PAIN, days_ago, 12, 0, local_offset (days_ago));
    }
  lumbar_test_flush (fixture->page);

  shown.day = today () - 300;
  g_assert_cmpint (lumbar_diary_page_show_day (LUMBAR_DIARY_PAGE (fixture->page), shown.day), ==, shown.day);
  g_assert_true (lumbar_test_wait_for (day_heading_focused, &shown, 5000));

  shown.day = today () - 200;
  g_assert_cmpint (lumbar_diary_page_show_day (LUMBAR_DIARY_PAGE (fixture->page), today () - 199), ==, shown.day);
  g_assert_true (lumbar_test_wait_for (day_heading_focused, &shown, 5000));

  /* Through the calendar's button, as a person would. */
  {
    GtkCalendar *calendar = GTK_CALENDAR (lumbar_test_find_of_type (fixture->page, GTK_TYPE_CALENDAR));
    g_autoptr(GDateTime) date = lumbar_day_to_date_time (today () - 350);

    gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_MENU_BUTTON)));
    g_assert_true (lumbar_test_wait_for (widget_mapped, calendar, 3000));
    gtk_calendar_select_day (calendar, date);
    gtk_widget_activate (find (fixture->page, is_button_labelled, "_Show Day"));
    shown.day = today () - 350;
    g_assert_true (lumbar_test_wait_for (day_heading_focused, &shown, 5000));
  }
}

static char *test_root;

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
  test_root = lumbar_test_use_private_xdg_dirs ("lumbar-test-diary-page-XXXXXX");
  lumbar_test_use_test_a11y ();

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  lumbar_test_bind_textdomain ();

  /* The model needs no display. */
  g_test_add_func ("/lumbar/diary-page/model-follows-random-edits", test_model_random_edits);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/diary-page/needs-display", skip_without_display);
      status = g_test_run ();
      lumbar_test_remove_tree (test_root);
      return status;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lumbar/diary-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("days-newest-first", test_days_newest_first);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("two-deletes-each-undo-its-own", test_two_deletes_each_undo_its_own);
  ADD ("delete-last-of-day-removes-heading", test_delete_last_of_day_removes_heading);
  ADD ("delete-key", test_delete_key);
  ADD ("edit-entry", test_edit_entry);
  ADD ("edit-time-uses-local-offset", test_edit_time_uses_local_offset);
  ADD ("editor-refuses-invalid", test_editor_refuses_invalid);
  ADD ("read-only", test_read_only);
  ADD ("follows-journal", test_follows_journal);
  ADD ("new-session", test_new_session);
  ADD ("cancel-changes-nothing", test_cancel_changes_nothing);
  ADD ("ten-years-few-widgets", test_ten_years_few_widgets);
  ADD ("search-notes-and-triggers", test_search_notes_and_triggers);
  ADD ("filter-kinds-and-warning-signs", test_filter_kinds_and_warning_signs);
  ADD ("no-match-empty-state", test_no_match_empty_state);
  ADD ("jump-to-date", test_jump_to_date);

  status = g_test_run ();
  lumbar_test_remove_tree (test_root);
  return status;
}
