/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-preferences-window.h"
#include "lumbar-settings.h"
#include "lumbar-test-utils.h"
#include "lumbar-welcome-window.h"

/*
 * The first-run welcome and Preferences (run `meson test` inside
 * xvfb-run): what a person does in them ends in the settings the rest of
 * Lumbar reads.
 */

#define WAIT_MS 5000

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  lumbar_test_collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* Shown once: Start closes it and says it was seen. */
static void
test_welcome_start (void)
{
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  GtkWidget *window;
  GtkWidget *start;

  lumbar_settings_set_welcome_shown (settings, FALSE);
  window = lumbar_welcome_window_new (settings);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (window);

  start = find_button_labelled (window, "_Start");
  g_assert_nonnull (start);
  g_assert_false (lumbar_settings_get_welcome_shown (settings));
  gtk_widget_activate (start);
  g_assert_true (lumbar_test_wait_for (window_gone, &window, WAIT_MS));
  g_assert_true (lumbar_settings_get_welcome_shown (settings));
}

/* Closed any other way, it has been seen as well. */
static void
test_welcome_close (void)
{
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  GtkWidget *window;

  lumbar_settings_set_welcome_shown (settings, FALSE);
  window = lumbar_welcome_window_new (settings);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (lumbar_test_wait_for (window_gone, &window, WAIT_MS));
  g_assert_true (lumbar_settings_get_welcome_shown (settings));
}

static void
test_preferences_write_settings (void)
{
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  g_auto(GStrv) times = NULL;
  GtkWidget *window;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  GtkWidget *add = NULL;

  lumbar_settings_set_reminder_times (settings, (const char * const[]) { NULL });
  lumbar_settings_set_ask_radiating (settings, FALSE);
  lumbar_settings_set_default_support (settings, LUMBAR_SUPPORT_PILLOWS);

  window = lumbar_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (window));
  lumbar_test_flush (window);

  /* "Add Reminder" adds a time; the setting has it. */
  lumbar_test_collect_of_type (window, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "Add Reminder") == 0)
      add = g_ptr_array_index (rows, i);
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "activated");
  times = lumbar_settings_dup_reminder_times (settings);
  g_assert_cmpuint (g_strv_length (times), ==, 1);

  /* "Ask About Radiating Pain" and the default support. */
  lumbar_test_collect_of_type (window, GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  gtk_switch_set_active (g_ptr_array_index (switches, 0), TRUE);
  g_assert_true (lumbar_settings_get_ask_radiating (settings));

  lumbar_test_collect_of_type (window, ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 1);
  adw_combo_row_set_selected (g_ptr_array_index (combos, 0), 1);
  g_assert_cmpint (lumbar_settings_get_default_support (settings), ==, LUMBAR_SUPPORT_RECLINER);

  /* And the other way: a setting changed elsewhere shows. */
  lumbar_settings_set_ask_radiating (settings, FALSE);
  g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, 0)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
skip_without_display (void)
{
  g_test_skip ("no display: run the UI tests under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;

  gtk_disable_setlocale ();
  root = lumbar_test_use_private_xdg_dirs ("lumbar-test-preferences-XXXXXX");
  g_test_init (&argc, &argv, NULL);

  if (!lumbar_test_init_gtk ())
    {
      g_test_add_func ("/lumbar/preferences/needs-display", skip_without_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/lumbar/preferences/welcome-start-marks-it-seen", test_welcome_start);
  g_test_add_func ("/lumbar/preferences/welcome-closed-marks-it-seen", test_welcome_close);
  g_test_add_func ("/lumbar/preferences/rows-write-the-settings", test_preferences_write_settings);

  {
    int status = g_test_run ();

    lumbar_test_remove_tree (root);
    return status;
  }
}
