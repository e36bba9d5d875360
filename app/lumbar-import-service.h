/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-import.h"
#include "lumbar-store.h"

G_BEGIN_DECLS

#define LUMBAR_IMPORT_SERVICE_INTERFACE "io.github.lumbar.Lumbar.Import"

#define LUMBAR_TYPE_IMPORT_SERVICE (lumbar_import_service_get_type ())

G_DECLARE_FINAL_TYPE (LumbarImportService, lumbar_import_service, LUMBAR, IMPORT_SERVICE, GObject)

LumbarImportService *lumbar_import_service_new      (LumbarStore          *store);
gboolean             lumbar_import_service_export   (LumbarImportService  *self,
                                                     GDBusConnection      *connection,
                                                     const char           *object_path,
                                                     GError              **error);
void                 lumbar_import_service_unexport (LumbarImportService  *self);

gboolean             lumbar_import_service_call     (GDBusConnection      *connection,
                                                     const char           *bus_name,
                                                     const char           *object_path,
                                                     const char           *path,
                                                     char                **counts,
                                                     GError              **error);

G_END_DECLS
