/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_UNDO (lumbar_undo_get_type ())

G_DECLARE_FINAL_TYPE (LumbarUndo, lumbar_undo, LUMBAR, UNDO, GObject)

LumbarUndo    *lumbar_undo_new           (LumbarJournal  *journal);
LumbarJournal *lumbar_undo_get_journal   (LumbarUndo     *self);
guint          lumbar_undo_push          (LumbarUndo     *self,
                                          LumbarEntry    *before,
                                          LumbarEntry    *after);
gboolean       lumbar_undo_undo          (LumbarUndo     *self,
                                          guint           change,
                                          GError        **error);
guint          lumbar_undo_undo_last     (LumbarUndo     *self,
                                          GError        **error);
guint          lumbar_undo_peek_last     (LumbarUndo     *self);
gboolean       lumbar_undo_has_change    (LumbarUndo     *self,
                                          guint           change);
guint          lumbar_undo_get_n_changes (LumbarUndo     *self);
gboolean       lumbar_undo_get_can_undo  (LumbarUndo     *self);
void           lumbar_undo_clear         (LumbarUndo     *self);

G_END_DECLS
