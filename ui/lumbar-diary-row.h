/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_DIARY_ROW (lumbar_diary_row_get_type ())

G_DECLARE_FINAL_TYPE (LumbarDiaryRow, lumbar_diary_row, LUMBAR, DIARY_ROW, GtkWidget)

GtkWidget   *lumbar_diary_row_new           (void);
GObject     *lumbar_diary_row_get_item      (LumbarDiaryRow *self);
void         lumbar_diary_row_set_item      (LumbarDiaryRow *self,
                                             GObject        *item);
LumbarEntry *lumbar_diary_row_get_entry     (LumbarDiaryRow *self);
void         lumbar_diary_row_refresh       (LumbarDiaryRow *self);
void         lumbar_diary_row_set_edges     (LumbarDiaryRow *self,
                                             gboolean        first,
                                             gboolean        last);
gboolean     lumbar_diary_row_get_read_only (LumbarDiaryRow *self);
void         lumbar_diary_row_set_read_only (LumbarDiaryRow *self,
                                             gboolean        read_only);

char        *lumbar_diary_format_day        (LumbarDay       day,
                                             LumbarDay       today);
const char  *lumbar_diary_kind_icon_name    (LumbarKind      kind);
char        *lumbar_diary_format_details    (LumbarEntry    *entry);

G_END_DECLS
