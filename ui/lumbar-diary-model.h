/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-diary-filter.h"
#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_DIARY_MODEL (lumbar_diary_model_get_type ())

G_DECLARE_FINAL_TYPE (LumbarDiaryModel, lumbar_diary_model, LUMBAR, DIARY_MODEL, GObject)

LumbarDiaryModel *lumbar_diary_model_new          (LumbarJournal    *journal);
LumbarJournal    *lumbar_diary_model_get_journal  (LumbarDiaryModel *self);
void              lumbar_diary_model_set_journal  (LumbarDiaryModel *self,
                                                   LumbarJournal    *journal);
guint             lumbar_diary_model_get_n_days   (LumbarDiaryModel *self);
gboolean          lumbar_diary_model_is_heading   (LumbarDiaryModel *self,
                                                   guint             position);
guint             lumbar_diary_model_find_entry   (LumbarDiaryModel *self,
                                                   LumbarEntry      *entry);
LumbarDiaryFilter *lumbar_diary_model_get_filter  (LumbarDiaryModel *self);
void              lumbar_diary_model_set_filter   (LumbarDiaryModel *self,
                                                   LumbarDiaryFilter *filter);
guint             lumbar_diary_model_find_day     (LumbarDiaryModel *self,
                                                   LumbarDay         day);
LumbarDay         lumbar_diary_model_get_day_at   (LumbarDiaryModel *self,
                                                   guint             position);

G_END_DECLS
