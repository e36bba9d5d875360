/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-summary-tracker.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_TIP_CARD (lumbar_tip_card_get_type ())

G_DECLARE_FINAL_TYPE (LumbarTipCard, lumbar_tip_card, LUMBAR, TIP_CARD, AdwBin)

GtkWidget            *lumbar_tip_card_new         (LumbarSummaryTracker *tracker);
LumbarSummaryTracker *lumbar_tip_card_get_tracker (LumbarTipCard        *self);
void                  lumbar_tip_card_set_tracker (LumbarTipCard        *self,
                                                   LumbarSummaryTracker *tracker);

G_END_DECLS
