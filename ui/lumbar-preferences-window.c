/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-preferences-window.h"

/* Preferences (DESIGN.md, "Settings and reminders"): the reminder times,
 * whether the pain form asks about radiating pain, and the back support
 * preselected for inclined sitting. Everything is written to the settings
 * as it changes; there is nothing to apply. */

struct _LumbarPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LumbarSettings       *settings;
  AdwPreferencesGroup  *reminders_group;
  GPtrArray            *reminder_rows;   /* AdwActionRow, in the order shown */
  GtkWidget            *add_row;
  GtkWidget            *radiating_switch;
  AdwComboRow          *support_row;
  gboolean              writing;         /* the times change because of us */
};

G_DEFINE_FINAL_TYPE (LumbarPreferencesWindow, lumbar_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild_reminder_rows (LumbarPreferencesWindow *self);

/* Two digits, as a clock shows minutes (and hours, for "08:05"). */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
write_times (LumbarPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) times = NULL;

  for (guint i = 0; i < self->reminder_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->reminder_rows, i);
      GtkSpinButton *hour = g_object_get_data (G_OBJECT (row), "hour");
      GtkSpinButton *minute = g_object_get_data (G_OBJECT (row), "minute");

      g_autofree char *time = g_strdup_printf ("%02d:%02d",
                                               gtk_spin_button_get_value_as_int (hour),
                                               gtk_spin_button_get_value_as_int (minute));

      g_strv_builder_add (builder, time);
    }
  times = g_strv_builder_end (builder);

  self->writing = TRUE;
  lumbar_settings_set_reminder_times (self->settings, (const char * const *) times);
  self->writing = FALSE;
}

static void
on_remove_clicked (GtkButton               *button,
                   LumbarPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  g_ptr_array_remove (self->reminder_rows, row);
  adw_preferences_group_remove (self->reminders_group, row);
  write_times (self);
  rebuild_reminder_rows (self);
}

static GtkWidget *
make_spin (int         max,
           int         value,
           const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
  return spin;
}

static GtkWidget *
make_reminder_row (LumbarPreferencesWindow *self,
                   guint                    number,
                   int                      hour,
                   int                      minute)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = NULL;
  g_autofree char *hour_label = NULL;
  g_autofree char *minute_label = NULL;
  GtkWidget *hour_spin;
  GtkWidget *minute_spin;
  GtkWidget *remove;

  /* Translators: a row in Preferences; %u is 1, 2 or 3 */
  title = g_strdup_printf (_("Reminder %u"), number);
  /* Translators: the accessible name of a spin button; %u is 1, 2 or 3 */
  hour_label = g_strdup_printf (_("Hour of reminder %u"), number);
  /* Translators: the accessible name of a spin button; %u is 1, 2 or 3 */
  minute_label = g_strdup_printf (_("Minute of reminder %u"), number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  hour_spin = make_spin (23, hour, hour_label);
  minute_spin = make_spin (59, minute, minute_label);
  gtk_box_append (GTK_BOX (box), hour_spin);
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), minute_spin);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Reminder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Reminder"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "hour", hour_spin);
  g_object_set_data (G_OBJECT (row), "minute", minute_spin);
  g_signal_connect_swapped (hour_spin, "value-changed", G_CALLBACK (write_times), self);
  g_signal_connect_swapped (minute_spin, "value-changed", G_CALLBACK (write_times), self);
  return row;
}

/* The rows as the settings have them: sorted, at most three. */
static void
rebuild_reminder_rows (LumbarPreferencesWindow *self)
{
  g_auto(GStrv) times = lumbar_settings_dup_reminder_times (self->settings);

  for (guint i = 0; i < self->reminder_rows->len; i++)
    adw_preferences_group_remove (self->reminders_group, g_ptr_array_index (self->reminder_rows, i));
  g_ptr_array_set_size (self->reminder_rows, 0);
  adw_preferences_group_remove (self->reminders_group, self->add_row);

  for (guint i = 0; times[i] != NULL; i++)
    {
      int hour, minute;
      GtkWidget *row;

      if (!lumbar_settings_parse_time (times[i], &hour, &minute))
        continue;
      row = make_reminder_row (self, i + 1, hour, minute);
      g_ptr_array_add (self->reminder_rows, row);
      adw_preferences_group_add (self->reminders_group, row);
    }
  adw_preferences_group_add (self->reminders_group, self->add_row);
  gtk_widget_set_visible (self->add_row, self->reminder_rows->len < LUMBAR_SETTINGS_MAX_REMINDERS);
}

static void
on_times_changed (LumbarPreferencesWindow *self)
{
  if (!self->writing)
    rebuild_reminder_rows (self);
}

/* A new reminder in the evening, or an hour after the last one. */
static void
on_add_activated (LumbarPreferencesWindow *self)
{
  g_auto(GStrv) times = lumbar_settings_dup_reminder_times (self->settings);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (times);
  int hour = 20, minute = 0;
  g_auto(GStrv) next = NULL;

  if (n >= LUMBAR_SETTINGS_MAX_REMINDERS)
    return;
  g_strv_builder_addv (builder, (const char **) times);
  for (int tries = 0; tries < 24; tries++)
    {
      g_autofree char *candidate = g_strdup_printf ("%02d:%02d", hour, minute);

      if (!g_strv_contains ((const char * const *) times, candidate))
        {
          g_strv_builder_add (builder, candidate);
          break;
        }
      hour = (hour + 1) % 24;
    }
  next = g_strv_builder_end (builder);
  lumbar_settings_set_reminder_times (self->settings, (const char * const *) next);
}

static gboolean
support_to_selected (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_support (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected > LUMBAR_SUPPORT_OTHER)
    return FALSE;
  g_value_set_enum (to, (int) selected);
  return TRUE;
}

static void
lumbar_preferences_window_dispose (GObject *object)
{
  LumbarPreferencesWindow *self = (LumbarPreferencesWindow *) object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->reminder_rows, g_ptr_array_unref);
  g_clear_object (&self->add_row);

  G_OBJECT_CLASS (lumbar_preferences_window_parent_class)->dispose (object);
}

static void
lumbar_preferences_window_class_init (LumbarPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_preferences_window_dispose;
}

static void
lumbar_preferences_window_init (LumbarPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *logging = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *radiating_row = adw_action_row_new ();
  g_autoptr(GtkStringList) supports = gtk_string_list_new (NULL);
  GtkWidget *add_icon;

  self->reminder_rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->reminders_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reminders_group, _("Reminders"));
  adw_preferences_group_set_description (self->reminders_group,
                                         _("At each time Lumbar asks how your back is, unless you logged pain in the 2 hours before. "
                                           "While there are reminders, Lumbar keeps running in the background and starts when you log in."));
  /* Kept while it is taken out and put back after the times. */
  self->add_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add Reminder"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->add_row), TRUE);
  add_icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), add_icon);
  g_signal_connect_swapped (self->add_row, "activated", G_CALLBACK (on_add_activated), self);
  adw_preferences_group_add (self->reminders_group, self->add_row);
  adw_preferences_page_add (page, self->reminders_group);

  adw_preferences_group_set_title (logging, _("Logging"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (radiating_row), _("Ask About Radiating Pain"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (radiating_row),
                               _("The pain form opens with radiating pain switched on"));
  self->radiating_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->radiating_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (radiating_row), self->radiating_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (radiating_row), self->radiating_switch);
  adw_preferences_group_add (logging, radiating_row);

  for (LumbarSupport support = LUMBAR_SUPPORT_PILLOWS; support <= LUMBAR_SUPPORT_OTHER; support++)
    gtk_string_list_append (supports, lumbar_support_get_label (support));
  self->support_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->support_row), _("Default Back Support"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->support_row), _("Preselected for inclined sitting"));
  adw_combo_row_set_model (self->support_row, G_LIST_MODEL (supports));
  adw_preferences_group_add (logging, GTK_WIDGET (self->support_row));
  adw_preferences_page_add (page, logging);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * lumbar_preferences_window_new:
 * @settings: what the window shows and changes
 *
 * Returns: (transfer full): a preferences window
 */
GtkWidget *
lumbar_preferences_window_new (LumbarSettings *settings)
{
  LumbarPreferencesWindow *self;

  g_return_val_if_fail (LUMBAR_IS_SETTINGS (settings), NULL);

  self = g_object_new (LUMBAR_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_object_bind_property (settings, "ask-radiating", self->radiating_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (settings, "default-support", self->support_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               support_to_selected, selected_to_support, NULL, NULL);
  g_signal_connect_swapped (settings, "notify::reminder-times", G_CALLBACK (on_times_changed), self);
  rebuild_reminder_rows (self);
  return GTK_WIDGET (self);
}

/**
 * lumbar_preferences_window_present:
 * @parent: (nullable): the window it belongs to
 * @settings: the settings
 *
 * Shows the preferences over @parent, the one already open if there is.
 */
void
lumbar_preferences_window_present (GtkWindow      *parent,
                                   LumbarSettings *settings)
{
  GtkWidget *window = NULL;
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (LUMBAR_IS_PREFERENCES_WINDOW (l->data))
      window = l->data;

  if (window == NULL)
    {
      window = lumbar_preferences_window_new (settings);
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
      if (app != NULL)
        gtk_window_set_application (GTK_WINDOW (window), app);
    }
  gtk_window_present (GTK_WINDOW (window));
}
