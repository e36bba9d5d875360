/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_SESSION_DIALOG (lumbar_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LumbarSessionDialog, lumbar_session_dialog, LUMBAR, SESSION_DIALOG, AdwWindow)

LumbarSessionDialog *lumbar_session_dialog_new         (GtkWindow           *parent,
                                                        LumbarJournal       *journal,
                                                        LumbarKind           kind);
LumbarKind           lumbar_session_dialog_get_kind    (LumbarSessionDialog *self);
void                 lumbar_session_dialog_set_support (LumbarSessionDialog *self,
                                                        LumbarSupport        support,
                                                        gboolean             legs_supported,
                                                        gboolean             knees_bent);

G_END_DECLS
