/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-settings.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_PREFERENCES_WINDOW (lumbar_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarPreferencesWindow, lumbar_preferences_window, LUMBAR, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *lumbar_preferences_window_new     (LumbarSettings *settings);
void       lumbar_preferences_window_present (GtkWindow      *parent,
                                              LumbarSettings *settings);

G_END_DECLS
