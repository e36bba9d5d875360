/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *lumbar_message_dialog_new (GtkWindow  *parent,
                                      const char *heading,
                                      const char *body);

void       lumbar_accessible_name_once   (GtkWidget     *widget);
void       lumbar_menu_button_name_inner (GtkMenuButton *button,
                                          const char    *name);
void       lumbar_toast_overlay_add_toast (AdwToastOverlay *overlay,
                                           AdwToast        *toast);
void       lumbar_list_item_set_accessible_name (GtkWidget  *child,
                                                 const char *name);
void       lumbar_entry_row_set_accessible_name (AdwEntryRow *row,
                                                 const char  *name);

G_END_DECLS
