/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lumbar_style_ensure (const char *css_name);

G_END_DECLS
