/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-day.h"
#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_DIARY_PAGE (lumbar_diary_page_get_type ())

G_DECLARE_FINAL_TYPE (LumbarDiaryPage, lumbar_diary_page, LUMBAR, DIARY_PAGE, AdwBin)

GtkWidget     *lumbar_diary_page_new           (LumbarJournal   *journal);
LumbarJournal *lumbar_diary_page_get_journal   (LumbarDiaryPage *self);
void           lumbar_diary_page_set_journal   (LumbarDiaryPage *self,
                                                LumbarJournal   *journal);
gboolean       lumbar_diary_page_get_read_only (LumbarDiaryPage *self);
void           lumbar_diary_page_set_read_only (LumbarDiaryPage *self,
                                                gboolean         read_only);
void           lumbar_diary_page_start_search  (LumbarDiaryPage *self);
LumbarDay      lumbar_diary_page_show_day      (LumbarDiaryPage *self,
                                                LumbarDay        day);

G_END_DECLS
