/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-tips-shared"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-tips-shared.h"

/**
 * lumbar_tips_fill_list:
 * @box: a vertical box that holds only the list
 * @items: sentences or short phrases
 *
 * Replaces what @box shows with @items as a bulleted list, each item's
 * lines indented past its bullet.
 */
void
lumbar_tips_fill_list (GtkBox             *box,
                       const char * const *items)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* The bullet is decoration: screen readers read the item alone. */
      GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                        "label", "•",
                                        "valign", GTK_ALIGN_START,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      GtkWidget *text = gtk_label_new (items[i]);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (box), items != NULL && items[0] != NULL);
}

/**
 * lumbar_tips_get_icon_name:
 * @id: a tip
 *
 * Returns: the symbolic icon shown with the tip
 */
const char *
lumbar_tips_get_icon_name (LumbarTipId id)
{
  switch (id)
    {
    case LUMBAR_TIP_REST:
      return "lumbar-rest-symbolic";
    case LUMBAR_TIP_INCLINE:
      return "lumbar-incline-symbolic";
    case LUMBAR_TIP_MANUAL_THERAPY:
      return "lumbar-therapy-symbolic";
    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}
