/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-day.h"
#include "lumbar-journal.h"
#include "lumbar-summary.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_SUMMARY_TRACKER (lumbar_summary_tracker_get_type ())

G_DECLARE_FINAL_TYPE (LumbarSummaryTracker, lumbar_summary_tracker, LUMBAR, SUMMARY_TRACKER, GObject)

LumbarSummaryTracker *lumbar_summary_tracker_new               (LumbarJournal        *journal);
LumbarJournal        *lumbar_summary_tracker_get_journal       (LumbarSummaryTracker *self);
void                  lumbar_summary_tracker_set_journal       (LumbarSummaryTracker *self,
                                                                LumbarJournal        *journal);
LumbarDay             lumbar_summary_tracker_get_today         (LumbarSummaryTracker *self);
void                  lumbar_summary_tracker_set_today         (LumbarSummaryTracker *self,
                                                                LumbarDay             today);
LumbarVoice           lumbar_summary_tracker_get_voice         (LumbarSummaryTracker *self);
void                  lumbar_summary_tracker_set_voice         (LumbarSummaryTracker *self,
                                                                LumbarVoice           voice);
gboolean              lumbar_summary_tracker_get_follows_clock (LumbarSummaryTracker *self);
LumbarSummary        *lumbar_summary_tracker_get_summary       (LumbarSummaryTracker *self);

G_END_DECLS
