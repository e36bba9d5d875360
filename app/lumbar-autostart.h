/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lumbar_autostart_dup_path     (void);
gboolean  lumbar_autostart_in_sandbox   (void);
gboolean  lumbar_autostart_get_enabled  (void);
gboolean  lumbar_autostart_set_enabled  (gboolean   enabled,
                                         GError   **error);

G_END_DECLS
