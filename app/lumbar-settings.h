/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-entry.h"
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
GStrv           lumbar_settings_dup_reminder_times (LumbarSettings     *self);
void            lumbar_settings_set_reminder_times (LumbarSettings     *self,
                                                    const char * const *times);
gboolean        lumbar_settings_get_welcome_shown  (LumbarSettings *self);
void            lumbar_settings_set_welcome_shown  (LumbarSettings *self,
                                                    gboolean        shown);
gboolean        lumbar_settings_get_ask_radiating  (LumbarSettings *self);
void            lumbar_settings_set_ask_radiating  (LumbarSettings *self,
                                                    gboolean        ask);
LumbarSupport   lumbar_settings_get_default_support (LumbarSettings *self);
void            lumbar_settings_set_default_support (LumbarSettings *self,
                                                     LumbarSupport   support);

gboolean        lumbar_settings_parse_time         (const char     *text,
                                                    int            *hour,
                                                    int            *minute);

#define LUMBAR_SETTINGS_MAX_REMINDERS 3

G_END_DECLS
