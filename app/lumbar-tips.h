/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-format.h"
#include "lumbar-trends.h"

G_BEGIN_DECLS

/* The rules of DESIGN.md ("Tips"), on the windows of lumbar-trends.h. Every
 * threshold sits in one table in lumbar-tips.c; boundaries are compared
 * exactly (see lumbar_mean_compare()).
 *
 *   status      not-enough-data when fewer than 3 days of W7 have pain
 *               readings: then no tip is indicated.
 *   rest        a spasm in L3, or a day of L3 whose mean pain is ≥ 7, or
 *               mean(L3) ≥ mean(B7) + 1.0 (only when B7 has readings).
 *   incline     mean(W7) ≥ 4 and inclined sitting on fewer than 3 distinct
 *               days of W7.
 *   manual-therapy  no therapy entry of any kind in the last 14 days, and
 *               (a) ≥ 14 days with readings in the last 28, mean(W7) ≥ 4 and
 *                   mean(W7) > 0.7 × mean(P14) — not satisfied when P14 has
 *                   no readings, as there is nothing to improve on; or
 *               (b) mean radiating pain over W7 ≥ 4 (days with radiating
 *                   readings only).
 *   red flags   whatever the status: any red-flag symptom logged in W7, or a
 *               daily pain ≥ 8 on 3 consecutive days of W7 (a day without
 *               readings breaks the run; days before W7 do not count).
 *
 * The personal comparisons are offered whatever the status: pain on days
 * with rest (or inclined sitting) against days without, over the last 28
 * days, with at least 3 days on each side; and the change since the first
 * manual-therapy session (#LumbarTherapyChange). */

/* The three tips of DESIGN.md, in the order they are shown. */
typedef enum {
  LUMBAR_TIP_REST,
  LUMBAR_TIP_INCLINE,
  LUMBAR_TIP_MANUAL_THERAPY,
  LUMBAR_N_TIPS
} LumbarTipId;

typedef enum {
  LUMBAR_TIPS_STATUS_OK,
  /* Fewer than 3 days of W7 have pain readings: no tip is indicated and
   * all three are shown as general advice. */
  LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA,
} LumbarTipsStatus;

/* One tip for one person on one day. The texts are translated; numbers have
 * one decimal. */
typedef struct {
  LumbarTipId  id;
  gboolean     indicated;
  /* The person's own numbers behind the rule, one or a few sentences,
   * e.g. "Your pain rose from 4.2 to 5.8 over the last three days; you
   * logged 10 minutes of rest." Always set. */
  char        *evidence;
  /* A personal comparison (pain on days with the activity against days
   * without, or the change since the first manual-therapy session), or
   * %NULL when there are too few days to compare. */
  char        *comparison;
  /* The rule in plain words with its thresholds, whether it applies now,
   * and the evidence. */
  char        *why;
} LumbarTip;

/* Red flags: evaluated whatever the status. */
typedef struct {
  gboolean     active;
  LumbarFlags  flags;        /* red-flag symptoms logged in W7 */
  guint        longest_run;  /* most consecutive days of W7 with daily pain ≥ 8 */
  GStrv        reasons;      /* translated sentences, one per symptom and per run */
} LumbarRedFlags;

#define LUMBAR_TYPE_TIP (lumbar_tip_get_type ())
#define LUMBAR_TYPE_RED_FLAGS (lumbar_red_flags_get_type ())

const char        *lumbar_tip_id_to_string          (LumbarTipId          id);
gboolean           lumbar_tip_id_from_string        (const char          *text,
                                                     LumbarTipId         *id);
const char        *lumbar_tips_status_to_string     (LumbarTipsStatus     status);
const char        *lumbar_tip_get_title             (LumbarTipId          id,
                                                     LumbarVoice          voice);
char              *lumbar_tip_dup_advice            (LumbarTipId          id,
                                                     LumbarVoice          voice);

LumbarTipsStatus   lumbar_tips_get_status           (const LumbarTrends  *trends);
gboolean           lumbar_tips_is_indicated         (const LumbarTrends  *trends,
                                                     LumbarTipId          id);

GType              lumbar_tip_get_type              (void) G_GNUC_CONST;
LumbarTip         *lumbar_tip_evaluate              (const LumbarTrends  *trends,
                                                     LumbarTipId          id,
                                                     LumbarNumbers        numbers,
                                                     LumbarVoice          voice);
LumbarTip         *lumbar_tip_copy                  (const LumbarTip     *tip);
void               lumbar_tip_free                  (LumbarTip           *tip);

GType              lumbar_red_flags_get_type        (void) G_GNUC_CONST;
LumbarRedFlags    *lumbar_red_flags_evaluate        (const LumbarTrends  *trends,
                                                     LumbarVoice          voice);
LumbarRedFlags    *lumbar_red_flags_copy            (const LumbarRedFlags *red_flags);
void               lumbar_red_flags_free            (LumbarRedFlags      *red_flags);
const char        *lumbar_red_flags_get_message     (LumbarVoice          voice);
GStrv              lumbar_red_flags_dup_watch_list  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LumbarTip, lumbar_tip_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LumbarRedFlags, lumbar_red_flags_free)

G_END_DECLS
