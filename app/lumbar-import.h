/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-document.h"
#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_IMPORT (lumbar_import_get_type ())

G_DECLARE_FINAL_TYPE (LumbarImport, lumbar_import, LUMBAR, IMPORT, GObject)

LumbarImport *lumbar_import_new            (LumbarJournal   *journal,
                                            LumbarDocument  *document,
                                            GError         **error);
guint         lumbar_import_get_n_new      (LumbarImport    *self);
guint         lumbar_import_get_n_same     (LumbarImport    *self);
guint         lumbar_import_get_n_conflicts (LumbarImport   *self);
GPtrArray    *lumbar_import_get_new        (LumbarImport    *self);
GPtrArray    *lumbar_import_get_conflicts  (LumbarImport    *self);
gboolean      lumbar_import_get_applied    (LumbarImport    *self);
gboolean      lumbar_import_apply          (LumbarImport    *self,
                                            GError         **error);
gboolean      lumbar_import_undo           (LumbarImport    *self,
                                            GError         **error);
char         *lumbar_import_dup_counts     (LumbarImport    *self);

G_END_DECLS
