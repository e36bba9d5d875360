/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-summary.h"

G_BEGIN_DECLS

/* Helpers shared by the tips page and the Today page's tip card. */

void           lumbar_tips_fill_list         (GtkBox             *box,
                                              const char * const *items);
const char    *lumbar_tips_get_icon_name     (LumbarTipId         id);

G_END_DECLS
