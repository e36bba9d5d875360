/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-import.h"
#include "lumbar-store.h"

G_BEGIN_DECLS

/* Called with the window that asked once the entries are in the diary, to
 * show the toast that offers Undo there. */
typedef void (*LumbarImportAppliedFunc) (GtkWindow    *parent,
                                         LumbarImport *import);

void       lumbar_import_dialog_choose_file (GtkWindow               *parent,
                                             LumbarStore             *store,
                                             LumbarImportAppliedFunc  applied);
void       lumbar_import_dialog_open_file   (GtkWindow               *parent,
                                             LumbarStore             *store,
                                             GFile                   *file,
                                             LumbarImportAppliedFunc  applied);
GtkWidget *lumbar_import_dialog_new_preview (GtkWindow               *parent,
                                             LumbarImport            *import,
                                             const char              *file_name);
void       lumbar_import_dialog_show_error  (GtkWindow               *parent,
                                             const char              *file_name,
                                             const GError            *error);
AdwToast  *lumbar_import_toast_new          (LumbarImport            *import);

G_END_DECLS
