/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-test"

#include "config.h"

#include "lumbar-test-wait.h"

/* Waiting for a condition in the main context, for every test: the engine
 * tests (GLib only) and the UI tests. */

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * lumbar_test_wait_for:
 * @condition: checked between main loop iterations
 * @data: passed to @condition
 * @timeout_ms: how long to wait at most
 *
 * Runs the default main context until @condition holds.
 *
 * Returns: %TRUE if @condition held before @timeout_ms passed
 */
gboolean
lumbar_test_wait_for (LumbarTestCondition condition,
                      gpointer            data,
                      guint               timeout_ms)
{
  gboolean expired = FALSE;
  guint deadline_id, tick_id;

  if (condition (data))
    return TRUE;

  /* Block in the main context until something happens or the deadline
   * passes. The tick re-checks conditions that change without an event of
   * this context (a file written by a worker thread). */
  deadline_id = g_timeout_add (timeout_ms, set_true, &expired);
  tick_id = g_timeout_add (10, keep_ticking, NULL);
  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  if (!expired)
    g_source_remove (deadline_id);
  return condition (data);
}
