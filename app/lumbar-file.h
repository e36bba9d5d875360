/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *lumbar_file_resolve_links   (const char  *path);
char    *lumbar_file_dup_temp_prefix (const char  *path);
gboolean lumbar_file_is_temp_name    (const char  *name,
                                      const char  *base);
gboolean lumbar_file_write_private (const char  *path,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);

G_END_DECLS
