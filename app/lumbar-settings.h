/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-range.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_SETTINGS (lumbar_settings_get_type ())

G_DECLARE_FINAL_TYPE (LumbarSettings, lumbar_settings, LUMBAR, SETTINGS, GObject)

LumbarSettings *lumbar_settings_new                (void);
gboolean        lumbar_settings_get_persistent     (LumbarSettings *self);
LumbarRange     lumbar_settings_get_chart_range    (LumbarSettings *self);
void            lumbar_settings_set_chart_range    (LumbarSettings *self,
                                                    LumbarRange     range);
gboolean        lumbar_settings_get_chart_show_table (LumbarSettings *self);
void            lumbar_settings_set_chart_show_table (LumbarSettings *self,
                                                      gboolean        show_table);
gboolean        lumbar_settings_get_window_state   (LumbarSettings *self,
                                                    int            *width,
                                                    int            *height,
                                                    gboolean       *maximized);
void            lumbar_settings_save_window_state  (LumbarSettings *self,
                                                    int             width,
                                                    int             height,
                                                    gboolean        maximized);

G_END_DECLS
