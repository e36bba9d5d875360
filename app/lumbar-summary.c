/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-summary.h"

/* Trends, tips and red flags for one day, computed once: the tips page,
 * the PDF report and `lumbar --summary` all read the same object. It does
 * not change; compute a new one when the journal or the day changes. */
struct _LumbarSummary
{
  GObject          parent_instance;

  LumbarTrends    *trends;
  LumbarVoice      voice;
  LumbarTipsStatus status;
  LumbarTip       *tips[LUMBAR_N_TIPS];
  LumbarRedFlags  *red_flags;
};

G_DEFINE_FINAL_TYPE (LumbarSummary, lumbar_summary, G_TYPE_OBJECT)

static void
lumbar_summary_finalize (GObject *object)
{
  LumbarSummary *self = (LumbarSummary *) object;

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    g_clear_pointer (&self->tips[i], lumbar_tip_free);
  g_clear_pointer (&self->red_flags, lumbar_red_flags_free);
  g_clear_pointer (&self->trends, lumbar_trends_free);

  G_OBJECT_CLASS (lumbar_summary_parent_class)->finalize (object);
}

static void
lumbar_summary_class_init (LumbarSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lumbar_summary_finalize;
}

static void
lumbar_summary_init (LumbarSummary *self)
{
}

static LumbarSummary *
summary_new_take (LumbarTrends *trends,
                  LumbarVoice   voice)
{
  LumbarSummary *self = g_object_new (LUMBAR_TYPE_SUMMARY, NULL);

  self->trends = trends;
  self->voice = voice;
  self->status = lumbar_tips_get_status (trends);
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    self->tips[i] = lumbar_tip_evaluate (trends, i, LUMBAR_NUMBERS_LOCALE, voice);
  self->red_flags = lumbar_red_flags_evaluate (trends, voice);

  return self;
}

/**
 * lumbar_summary_new:
 * @journal: the diary
 * @today: the day to summarise, usually lumbar_day_today()
 * @voice: whom its texts speak to: the person, or the therapist reading
 *   an export
 *
 * Computes trends, tips and red flags as of @today. Reads only the last 28
 * days (and the week before the first manual-therapy session), so it takes
 * well under a millisecond whatever the diary's length. Call it from the
 * thread that owns @journal.
 *
 * Returns: (transfer full): the summary
 */
LumbarSummary *
lumbar_summary_new (LumbarJournal *journal,
                    LumbarDay      today,
                    LumbarVoice    voice)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);

  return summary_new_take (lumbar_trends_compute (journal, today), voice);
}

/**
 * lumbar_summary_new_for_entries:
 * @entries: (element-type LumbarEntry): valid entries in any order, such as
 *   those of an exported file
 * @today: the day to summarise
 * @voice: whom its texts speak to
 *
 * Like lumbar_summary_new() for a list of entries.
 *
 * Returns: (transfer full): the summary
 */
LumbarSummary *
lumbar_summary_new_for_entries (GPtrArray   *entries,
                                LumbarDay    today,
                                LumbarVoice  voice)
{
  g_return_val_if_fail (entries != NULL, NULL);

  return summary_new_take (lumbar_trends_compute_entries (entries, today), voice);
}

/**
 * lumbar_summary_get_voice:
 * @self: a summary
 *
 * Returns: whom the summary's texts speak to
 */
LumbarVoice
lumbar_summary_get_voice (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), LUMBAR_VOICE_PERSON);
  return self->voice;
}

/**
 * lumbar_summary_get_today:
 * @self: a summary
 *
 * Returns: the day the summary was computed for
 */
LumbarDay
lumbar_summary_get_today (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), LUMBAR_DAY_INVALID);
  return self->trends->today;
}

/**
 * lumbar_summary_get_status:
 * @self: a summary
 *
 * Returns: whether the last seven days hold enough readings for personal
 *   tips; without them no tip is indicated and all three are general advice
 */
LumbarTipsStatus
lumbar_summary_get_status (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA);
  return self->status;
}

/**
 * lumbar_summary_get_trends:
 * @self: a summary
 *
 * Returns: (transfer none): the numbers behind the tips
 */
const LumbarTrends *
lumbar_summary_get_trends (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  return self->trends;
}

/**
 * lumbar_summary_get_tip:
 * @self: a summary
 * @id: a tip
 *
 * Returns: (transfer none): the tip, with numbers in the locale's format
 */
const LumbarTip *
lumbar_summary_get_tip (LumbarSummary *self,
                        LumbarTipId    id)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (id < LUMBAR_N_TIPS, NULL);
  return self->tips[id];
}

/**
 * lumbar_summary_dup_tip:
 * @self: a summary
 * @id: a tip
 * @numbers: how to write decimals, e.g. %LUMBAR_NUMBERS_ASCII for JSON
 *
 * Returns: (transfer full): the tip with its texts written for @numbers
 */
LumbarTip *
lumbar_summary_dup_tip (LumbarSummary *self,
                        LumbarTipId    id,
                        LumbarNumbers  numbers)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (id < LUMBAR_N_TIPS, NULL);

  if (numbers == LUMBAR_NUMBERS_LOCALE)
    return lumbar_tip_copy (self->tips[id]);
  return lumbar_tip_evaluate (self->trends, id, numbers, self->voice);
}

/**
 * lumbar_summary_get_n_indicated:
 * @self: a summary
 *
 * Returns: how many tips are indicated (0 while there is not enough data)
 */
guint
lumbar_summary_get_n_indicated (LumbarSummary *self)
{
  guint n = 0;

  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), 0);

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    n += self->tips[i]->indicated ? 1 : 0;
  return n;
}

/**
 * lumbar_summary_get_red_flags:
 * @self: a summary
 *
 * Red flags are evaluated whatever the status. When active they go above
 * everything, with lumbar_red_flags_get_message() and
 * lumbar_red_flags_dup_watch_list().
 *
 * Returns: (transfer none): the red flags
 */
const LumbarRedFlags *
lumbar_summary_get_red_flags (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  return self->red_flags;
}

/**
 * lumbar_summary_get_red_flags_active:
 * @self: a summary
 *
 * Returns: whether red flags are active: show them above everything, with
 *   advice to seek medical care promptly
 */
gboolean
lumbar_summary_get_red_flags_active (LumbarSummary *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), FALSE);
  return self->red_flags->active;
}

/**
 * lumbar_summary_get_pain_mean:
 * @self: a summary
 * @window: a window, e.g. %LUMBAR_PERIOD_W7
 *
 * Returns: (transfer none): the mean local pain over @window; its n_days
 *   is 0 when the window has no readings
 */
const LumbarMean *
lumbar_summary_get_pain_mean (LumbarSummary *self,
                              LumbarPeriod   window)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (window < LUMBAR_N_PERIODS, NULL);
  return &self->trends->local[window];
}

/**
 * lumbar_summary_get_radiating_mean:
 * @self: a summary
 * @window: a window
 *
 * Returns: (transfer none): the mean radiating pain over @window
 */
const LumbarMean *
lumbar_summary_get_radiating_mean (LumbarSummary *self,
                                   LumbarPeriod   window)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (window < LUMBAR_N_PERIODS, NULL);
  return &self->trends->radiating[window];
}
