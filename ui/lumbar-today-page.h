/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-settings.h"
#include "lumbar-store.h"
#include "lumbar-summary-tracker.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_TODAY_PAGE (lumbar_today_page_get_type ())

G_DECLARE_FINAL_TYPE (LumbarTodayPage, lumbar_today_page, LUMBAR, TODAY_PAGE, AdwBin)

GtkWidget   *lumbar_today_page_new       (LumbarStore     *store);
LumbarStore *lumbar_today_page_get_store (LumbarTodayPage *self);
void         lumbar_today_page_set_store (LumbarTodayPage *self,
                                          LumbarStore     *store);
void         lumbar_today_page_set_tracker (LumbarTodayPage      *self,
                                            LumbarSummaryTracker *tracker);
void         lumbar_today_page_focus_pain_form (LumbarTodayPage *self);
void         lumbar_today_page_stop_timer    (LumbarTodayPage *self,
                                              LumbarKind       kind);
void         lumbar_today_page_set_now   (LumbarTodayPage *self,
                                          GDateTime       *now);
void         lumbar_today_page_set_settings (LumbarTodayPage *self,
                                             LumbarSettings  *settings);

G_END_DECLS
