/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-summary-tracker.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_TIPS_PAGE (lumbar_tips_page_get_type ())

G_DECLARE_FINAL_TYPE (LumbarTipsPage, lumbar_tips_page, LUMBAR, TIPS_PAGE, AdwBin)

GtkWidget            *lumbar_tips_page_new                  (LumbarSummaryTracker *tracker);
LumbarSummaryTracker *lumbar_tips_page_get_tracker          (LumbarTipsPage       *self);
void                  lumbar_tips_page_set_tracker          (LumbarTipsPage       *self,
                                                             LumbarSummaryTracker *tracker);
LumbarSummary        *lumbar_tips_page_get_summary          (LumbarTipsPage       *self);
guint                 lumbar_tips_page_get_n_indicated      (LumbarTipsPage       *self);
gboolean              lumbar_tips_page_get_red_flags_active (LumbarTipsPage       *self);

G_END_DECLS
