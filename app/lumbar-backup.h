/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_BACKUP (lumbar_backup_get_type ())

G_DECLARE_FINAL_TYPE (LumbarBackup, lumbar_backup, LUMBAR, BACKUP, GObject)

LumbarBackup *lumbar_backup_new             (const char    *path,
                                             GDateTime     *written);
const char   *lumbar_backup_get_path        (LumbarBackup  *self);
GDateTime    *lumbar_backup_get_written     (LumbarBackup  *self);
gboolean      lumbar_backup_read            (LumbarBackup  *self);
const char   *lumbar_backup_get_error       (LumbarBackup  *self);
guint         lumbar_backup_get_n_entries   (LumbarBackup  *self);
gboolean      lumbar_backup_get_period      (LumbarBackup  *self,
                                             LumbarDay     *first,
                                             LumbarDay     *last);

G_END_DECLS
