/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-settings.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_WELCOME_WINDOW (lumbar_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarWelcomeWindow, lumbar_welcome_window, LUMBAR, WELCOME_WINDOW, AdwWindow)

GtkWidget *lumbar_welcome_window_new     (LumbarSettings *settings);
void       lumbar_welcome_window_present (GtkWindow      *parent,
                                          LumbarSettings *settings);

G_END_DECLS
