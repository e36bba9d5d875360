/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-compat"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"

/* Small wrappers over differences between the library versions Lumbar
 * runs on, Debian 12's (the floor) to Debian 13's; the rest of ui/ calls
 * these instead of testing versions itself. */

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_by_css_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* libadwaita 1.6 and 1.7 show a dialog's heading in one of two labels, the
 * large one when it fits on one line and a smaller, wrapping one when it
 * does not. They measure the large label's height for the dialog's
 * narrowest width, which is less than that label's one-line width, and GTK
 * 4.18 warns about every such measure ("Trying to measure GtkLabel … for
 * width of 100, but it needs at least 182"; libadwaita issue 1025, fixed
 * in 1.8). Nothing on screen changes if both labels claim the same small
 * minimum width: the large one is only shown when it fits whole, so letting
 * it ellipsize below that is never seen. */
static void
even_out_heading_labels (GtkWidget *dialog)
{
  GtkWidget *heading_bin;
  GtkWidget *large, *small;
  int large_min, small_min;

  if (adw_get_major_version () > 1 || adw_get_minor_version () >= 8)
    return;
  heading_bin = find_by_css_class (dialog, "heading-bin");
  if (heading_bin == NULL)
    return;  /* libadwaita 1.2 has one heading label */
  large = find_by_css_class (heading_bin, "title-2");
  small = find_by_css_class (heading_bin, "title-4");
  if (!GTK_IS_LABEL (large) || !GTK_IS_LABEL (small))
    return;

  gtk_label_set_ellipsize (GTK_LABEL (large), PANGO_ELLIPSIZE_END);
  gtk_widget_measure (large, GTK_ORIENTATION_HORIZONTAL, -1, &large_min, NULL, NULL, NULL);
  gtk_widget_measure (small, GTK_ORIENTATION_HORIZONTAL, -1, &small_min, NULL, NULL, NULL);
  gtk_widget_set_size_request (large, MAX (large_min, small_min), -1);
  gtk_widget_set_size_request (small, MAX (large_min, small_min), -1);
}

/**
 * lumbar_message_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: the dialog's heading
 * @body: (nullable): the text below it
 *
 * An #AdwMessageDialog (the dialog of libadwaita 1.2, Lumbar's floor) that
 * lays out without warnings on newer libadwaita too.
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
lumbar_message_dialog_new (GtkWindow  *parent,
                           const char *heading,
                           const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  even_out_heading_labels (dialog);
  return dialog;
}
