/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-journal.h"
#include "lumbar-tips.h"
#include "lumbar-trends.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_SUMMARY (lumbar_summary_get_type ())

G_DECLARE_FINAL_TYPE (LumbarSummary, lumbar_summary, LUMBAR, SUMMARY, GObject)

LumbarSummary        *lumbar_summary_new               (LumbarJournal  *journal,
                                                        LumbarDay       today,
                                                        LumbarVoice     voice);
LumbarSummary        *lumbar_summary_new_for_entries   (GPtrArray      *entries,
                                                        LumbarDay       today,
                                                        LumbarVoice     voice);
LumbarVoice           lumbar_summary_get_voice         (LumbarSummary  *self);
LumbarDay             lumbar_summary_get_today         (LumbarSummary  *self);
LumbarTipsStatus      lumbar_summary_get_status        (LumbarSummary  *self);
const LumbarTrends   *lumbar_summary_get_trends        (LumbarSummary  *self);
const LumbarTip      *lumbar_summary_get_tip           (LumbarSummary  *self,
                                                        LumbarTipId     id);
LumbarTip            *lumbar_summary_dup_tip           (LumbarSummary  *self,
                                                        LumbarTipId     id,
                                                        LumbarNumbers   numbers);
guint                 lumbar_summary_get_n_indicated   (LumbarSummary  *self);
const LumbarRedFlags *lumbar_summary_get_red_flags     (LumbarSummary  *self);
gboolean              lumbar_summary_get_red_flags_active (LumbarSummary *self);
const LumbarMean     *lumbar_summary_get_pain_mean     (LumbarSummary  *self,
                                                        LumbarPeriod    window);
const LumbarMean     *lumbar_summary_get_radiating_mean (LumbarSummary *self,
                                                        LumbarPeriod    window);

G_END_DECLS
