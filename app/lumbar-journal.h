/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_JOURNAL (lumbar_journal_get_type ())

G_DECLARE_FINAL_TYPE (LumbarJournal, lumbar_journal, LUMBAR, JOURNAL, GObject)

LumbarJournal *lumbar_journal_new              (void);
guint          lumbar_journal_get_n_entries    (LumbarJournal  *self);
LumbarEntry   *lumbar_journal_get_entry        (LumbarJournal  *self,
                                                guint           position);
LumbarEntry   *lumbar_journal_lookup           (LumbarJournal  *self,
                                                const char     *id);
gboolean       lumbar_journal_add              (LumbarJournal  *self,
                                                LumbarEntry    *entry,
                                                GError        **error);
gboolean       lumbar_journal_replace          (LumbarJournal  *self,
                                                LumbarEntry    *entry,
                                                GError        **error);
LumbarEntry   *lumbar_journal_remove           (LumbarJournal  *self,
                                                const char     *id);
guint          lumbar_journal_remove_ids       (LumbarJournal  *self,
                                                GPtrArray      *ids);
void           lumbar_journal_set_entries      (LumbarJournal  *self,
                                                GPtrArray      *entries);
void           lumbar_journal_take_entries     (LumbarJournal  *self,
                                                LumbarJournal  *from);
guint          lumbar_journal_merge            (LumbarJournal  *self,
                                                GPtrArray      *entries);
GPtrArray     *lumbar_journal_dup_entries      (LumbarJournal  *self);
GPtrArray     *lumbar_journal_get_days         (LumbarJournal  *self,
                                                LumbarDay       first,
                                                LumbarDay       last);
gboolean       lumbar_journal_get_day_span     (LumbarJournal  *self,
                                                LumbarDay      *first,
                                                LumbarDay      *last);
guint64        lumbar_journal_get_revision     (LumbarJournal  *self);

G_END_DECLS
