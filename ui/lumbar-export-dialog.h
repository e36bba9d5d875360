/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-export.h"
#include "lumbar-journal.h"
#include "lumbar-range.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_EXPORT_DIALOG (lumbar_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LumbarExportDialog, lumbar_export_dialog, LUMBAR, EXPORT_DIALOG, AdwWindow)

LumbarExportDialog *lumbar_export_dialog_new                (GtkWindow           *parent,
                                                             LumbarJournal       *journal);
LumbarExportDialog *lumbar_export_dialog_new_for_print      (GtkWindow           *parent,
                                                             LumbarJournal       *journal);
LumbarJournal      *lumbar_export_dialog_get_journal        (LumbarExportDialog  *self);
gboolean            lumbar_export_dialog_get_printing       (LumbarExportDialog  *self);
LumbarExportFormat  lumbar_export_dialog_get_format         (LumbarExportDialog  *self);
void                lumbar_export_dialog_set_format         (LumbarExportDialog  *self,
                                                             LumbarExportFormat   format);
LumbarRange   lumbar_export_dialog_get_range          (LumbarExportDialog  *self);
void                lumbar_export_dialog_set_range          (LumbarExportDialog  *self,
                                                             LumbarRange    range);
void                lumbar_export_dialog_set_custom_range   (LumbarExportDialog  *self,
                                                             LumbarDay            from,
                                                             LumbarDay            to);
gboolean            lumbar_export_dialog_get_bounds         (LumbarExportDialog  *self,
                                                             LumbarDay           *from,
                                                             LumbarDay           *to);
const char         *lumbar_export_dialog_get_patient_name   (LumbarExportDialog  *self);
void                lumbar_export_dialog_set_patient_name   (LumbarExportDialog  *self,
                                                             const char          *name);
LumbarDay           lumbar_export_dialog_get_today          (LumbarExportDialog  *self);
void                lumbar_export_dialog_set_today          (LumbarExportDialog  *self,
                                                             LumbarDay            today);
char               *lumbar_export_dialog_dup_suggested_name (LumbarExportDialog  *self);
gboolean            lumbar_export_dialog_export_to_file     (LumbarExportDialog  *self,
                                                             const char          *path,
                                                             GError             **error);


G_END_DECLS
