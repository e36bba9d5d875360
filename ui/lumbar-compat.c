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

/**
 * lumbar_accessible_name_once:
 * @widget: a control whose accessible label is set
 *
 * GTK 4.8 joins a control's accessible label and the labels it is
 * "labelled by" (a button's own label, a label whose mnemonic widget it
 * is, an action row's title), so a screen reader says "Log pain Log pain";
 * newer GTK speaks one of them. Dropping the relation keeps the label,
 * spoken once on every version. Call it again after anything that sets the
 * relation anew, such as gtk_button_set_label().
 */
void
lumbar_accessible_name_once (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * lumbar_menu_button_name_inner:
 * @button: a menu button with an accessible label
 *
 * GTK 4.8 shows screen readers a menu button's own toggle button as a
 * second control, named after its class ("GtkToggleButton"); it gets the
 * menu button's name.
 */
void
lumbar_menu_button_name_inner (GtkMenuButton *button,
                               const char    *name)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  lumbar_accessible_name_once (GTK_WIDGET (button));
  inner = gtk_widget_get_first_child (GTK_WIDGET (button));
  if (GTK_IS_BUTTON (inner))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      lumbar_accessible_name_once (inner);
    }
}

/**
 * lumbar_entry_row_set_accessible_name:
 * @row: an entry row
 * @name: what a screen reader calls its text field
 *
 * An entry row's text field is named after the row's visible title; rows
 * that share a title ("Note") need a name that says which they are. A row
 * with a title of its own can take that title as @name.
 */
void
lumbar_entry_row_set_accessible_name (AdwEntryRow *row,
                                      const char  *name)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  /* The row itself too: libadwaita 1.7 names it after its title twice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  lumbar_accessible_name_once (GTK_WIDGET (row));
  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (text == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  lumbar_accessible_name_once (GTK_WIDGET (text));
}

static void
name_close_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    /* Translators: the button that closes a notification in the window */
                                    _("Dismiss"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_close_buttons (child);
}

/* Toast widgets are the overlay's own children, beside its content, which
 * is not walked. */
static void
name_toast_close_buttons (AdwToastOverlay *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      name_close_buttons (child);
}

static void
on_toast_dismissed (AdwToastOverlay *overlay)
{
  /* The overlay shows the next queued toast from its own handler of this
   * signal, which runs first: name that toast's button too. */
  name_toast_close_buttons (overlay);
}

/**
 * lumbar_toast_overlay_add_toast:
 * @overlay: where to show it
 * @toast: (transfer full): the toast
 *
 * adw_toast_overlay_add_toast(), and a name for the toast's close button,
 * which libadwaita 1.2 leaves to be announced as "GtkImage".
 */
void
lumbar_toast_overlay_add_toast (AdwToastOverlay *overlay,
                                AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), overlay,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  adw_toast_overlay_add_toast (overlay, toast);
  name_toast_close_buttons (overlay);
}

/**
 * lumbar_list_item_set_accessible_name:
 * @child: the widget a list view's factory put in a list item
 * @name: what a screen reader says for the item
 *
 * GTK 4.8 has no gtk_list_item_set_accessible_label() (4.12): the item a
 * screen reader lands on is @child's parent, unnamed unless named here.
 */
void
lumbar_list_item_set_accessible_name (GtkWidget  *child,
                                      const char *name)
{
  GtkWidget *item = gtk_widget_get_parent (child);

  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
