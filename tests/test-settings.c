/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lumbar-settings.h"

/* The settings façade over the installed schema (the test environment
 * compiles it into the build tree and uses the memory backend). */

static void
test_chart_range_persists (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new ("io.github.lumbar.Lumbar");
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  g_autoptr(LumbarSettings) next = NULL;

  g_assert_true (lumbar_settings_get_persistent (settings));
  g_assert_cmpint (lumbar_settings_get_chart_range (settings), ==, LUMBAR_RANGE_1_MONTH);

  /* The enum is stored by its nick, the key's documented values. */
  lumbar_settings_set_chart_range (settings, LUMBAR_RANGE_1_YEAR);
  g_assert_cmpstr (g_settings_get_string (gsettings, "chart-range"), ==, "1y");
  lumbar_settings_set_chart_show_table (settings, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "chart-show-table"));

  /* The next start reads them back. */
  next = lumbar_settings_new ();
  g_assert_cmpint (lumbar_settings_get_chart_range (next), ==, LUMBAR_RANGE_1_YEAR);
  g_assert_true (lumbar_settings_get_chart_show_table (next));

  /* A period picked by hand is not one the chart remembers. */
  lumbar_settings_set_chart_range (settings, LUMBAR_RANGE_CUSTOM);
  g_assert_cmpstr (g_settings_get_string (gsettings, "chart-range"), ==, "1y");

  g_settings_reset (gsettings, "chart-range");
  g_settings_reset (gsettings, "chart-show-table");
}

static void
test_window_state (void)
{
  g_autoptr(LumbarSettings) settings = lumbar_settings_new ();
  int width = 0, height = 0;
  gboolean maximized = TRUE;

  lumbar_settings_save_window_state (settings, 500, 600, FALSE);
  g_assert_true (lumbar_settings_get_window_state (settings, &width, &height, &maximized));
  g_assert_cmpint (width, ==, 500);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (maximized);

  /* A size of 0 (not yet known) keeps the saved one. */
  lumbar_settings_save_window_state (settings, 0, 0, TRUE);
  g_assert_true (lumbar_settings_get_window_state (settings, &width, &height, &maximized));
  g_assert_cmpint (width, ==, 500);
  g_assert_true (maximized);
}

static void
test_range_nicks (void)
{
  LumbarRange range = LUMBAR_RANGE_ALL;

  g_assert_true (lumbar_range_from_nick ("2w", &range));
  g_assert_cmpint (range, ==, LUMBAR_RANGE_2_WEEKS);
  g_assert_cmpstr (lumbar_range_to_nick (LUMBAR_RANGE_3_MONTHS), ==, "3m");
  g_assert_false (lumbar_range_from_nick ("2 weeks", &range));
  g_assert_cmpint (range, ==, LUMBAR_RANGE_2_WEEKS);
  g_assert_cmpuint (lumbar_range_get_days (LUMBAR_RANGE_1_MONTH), ==, 30);
  g_assert_cmpuint (lumbar_range_get_days (LUMBAR_RANGE_ALL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/settings/chart-range-persists", test_chart_range_persists);
  g_test_add_func ("/lumbar/settings/window-state", test_window_state);
  g_test_add_func ("/lumbar/settings/range-nicks", test_range_nicks);

  return g_test_run ();
}
