/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-backup.h"
#include "lumbar-store.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_BACKUPS_WINDOW (lumbar_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarBackupsWindow, lumbar_backups_window, LUMBAR, BACKUPS_WINDOW, AdwWindow)

LumbarBackupsWindow *lumbar_backups_window_new         (GtkWindow           *parent,
                                                        LumbarStore         *store);
GListModel          *lumbar_backups_window_get_backups (LumbarBackupsWindow *self);
guint                lumbar_backups_window_get_n_read  (LumbarBackupsWindow *self);

G_END_DECLS
