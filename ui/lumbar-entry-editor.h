/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_ENTRY_EDITOR (lumbar_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (LumbarEntryEditor, lumbar_entry_editor, LUMBAR, ENTRY_EDITOR, AdwWindow)

LumbarEntryEditor *lumbar_entry_editor_new_for_entry (GtkWindow         *parent,
                                                      LumbarJournal     *journal,
                                                      LumbarEntry       *entry);
LumbarEntryEditor *lumbar_entry_editor_new_for_kind  (GtkWindow         *parent,
                                                      LumbarJournal     *journal,
                                                      LumbarKind         kind);
LumbarJournal     *lumbar_entry_editor_get_journal   (LumbarEntryEditor *self);
gboolean           lumbar_entry_editor_get_is_new    (LumbarEntryEditor *self);
LumbarEntry       *lumbar_entry_editor_dup_entry     (LumbarEntryEditor *self);
gboolean           lumbar_entry_editor_get_valid     (LumbarEntryEditor *self);
const char        *lumbar_entry_editor_get_problem   (LumbarEntryEditor *self);
gboolean           lumbar_entry_editor_save          (LumbarEntryEditor *self,
                                                      GError           **error);

G_END_DECLS
