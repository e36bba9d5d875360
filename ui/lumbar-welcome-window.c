/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-welcome-window.h"

/* Shown over the main window at the first start (`welcome-shown`): what
 * the two pains mean, when tips appear, where the diary lives, and that
 * Lumbar is not a medical device. Closing it in any way counts as seen. */

struct _LumbarWelcomeWindow
{
  AdwWindow       parent_instance;

  LumbarSettings *settings;
  GtkWidget      *start_button;
};

G_DEFINE_FINAL_TYPE (LumbarWelcomeWindow, lumbar_welcome_window, ADW_TYPE_WINDOW)

static gboolean
on_close_request (LumbarWelcomeWindow *self)
{
  if (self->settings != NULL)
    lumbar_settings_set_welcome_shown (self->settings, TRUE);
  return FALSE;
}

static void
on_start_clicked (LumbarWelcomeWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_section (GtkBox     *box,
             const char *title,
             const char *text)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_margin_top (heading, 12);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_box_append (box, heading);
  gtk_box_append (box, body);
}

static void
lumbar_welcome_window_dispose (GObject *object)
{
  LumbarWelcomeWindow *self = (LumbarWelcomeWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lumbar_welcome_window_parent_class)->dispose (object);
}

static void
lumbar_welcome_window_class_init (LumbarWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_welcome_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lumbar_welcome_window_init (LumbarWelcomeWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (APPLICATION_ID);
  GtkWidget *title = gtk_label_new (_("Welcome to Lumbar"));

  gtk_window_set_title (GTK_WINDOW (self), _("Welcome"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), TRUE);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_set_margin_top (icon, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lumbar"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);

  add_section (GTK_BOX (box), _("Two kinds of pain"),
               _("Local pain is felt in your lower back itself. Radiating pain spreads from your back "
                 "into the buttock or down a leg. Rate each from 0, no pain, to 10, the worst imaginable."));
  add_section (GTK_BOX (box), _("Tips from your own days"),
               _("Lumbar shows a physical therapist’s tip when your recent trend calls for it, and says why. "
                 "It needs readings on at least 3 of the last 7 days, so log a little every day."));
  add_section (GTK_BOX (box), _("Your diary stays here"),
               _("Everything you log stays on this computer. Lumbar sends nothing anywhere; "
                 "you decide what to export and who gets it."));
  add_section (GTK_BOX (box), _("Not a medical device"),
               _("Lumbar does not diagnose or treat anything. Warning signs such as numbness around the groin, "
                 "trouble passing urine or controlling your bladder or bowel, weakness in one or both legs, "
                 "fever, or pain after a fall mean you should seek medical care promptly."));

  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  gtk_widget_add_css_class (self->start_button, "pill");
  gtk_widget_set_halign (self->start_button, GTK_ALIGN_CENTER);
  /* Below the text, always in sight however small the window. */
  gtk_widget_set_margin_top (self->start_button, 12);
  gtk_widget_set_margin_bottom (self->start_button, 18);
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (on_start_clicked), self);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_bottom (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_box_append (GTK_BOX (outer), self->start_button);
  adw_window_set_content (ADW_WINDOW (self), outer);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

/**
 * lumbar_welcome_window_new:
 * @settings: where it is remembered that the welcome was seen
 *
 * Returns: (transfer full): the first-run welcome
 */
GtkWidget *
lumbar_welcome_window_new (LumbarSettings *settings)
{
  LumbarWelcomeWindow *self;

  g_return_val_if_fail (LUMBAR_IS_SETTINGS (settings), NULL);

  self = g_object_new (LUMBAR_TYPE_WELCOME_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  return GTK_WIDGET (self);
}

/**
 * lumbar_welcome_window_present:
 * @parent: the main window
 * @settings: the settings
 *
 * Shows the welcome over @parent, modal, with Start focused.
 */
void
lumbar_welcome_window_present (GtkWindow      *parent,
                               LumbarSettings *settings)
{
  GtkWidget *window = lumbar_welcome_window_new (settings);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (LUMBAR_WELCOME_WINDOW (window)->start_button);
}
