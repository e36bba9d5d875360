/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-time-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-day.h"
#include "lumbar-format.h"
#include "lumbar-time-picker.h"

/* A day and a time of day, for something that already happened: a date
 * button with a calendar, then hour and minute. Days after the latest one
 * are not kept: picking one goes back to the latest day. */
struct _LumbarTimePicker
{
  GtkWidget      parent_instance;

  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GDateTime     *latest;
  gboolean       setting;
};

G_DEFINE_FINAL_TYPE (LumbarTimePicker, lumbar_time_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LumbarDay
calendar_day (LumbarTimePicker *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return lumbar_day_from_ymd (g_date_time_get_year (date),
                              g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date));
}

static LumbarDay
latest_day (LumbarTimePicker *self)
{
  if (self->latest == NULL)
    return lumbar_day_today ();
  return lumbar_day_from_ymd (g_date_time_get_year (self->latest),
                              g_date_time_get_month (self->latest),
                              g_date_time_get_day_of_month (self->latest));
}

static void
update_date_label (LumbarTimePicker *self)
{
  g_autofree char *text = lumbar_format_date (calendar_day (self), LUMBAR_DATE_SHORT_WEEKDAY);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
emit_changed (LumbarTimePicker *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_day_selected (LumbarTimePicker *self)
{
  LumbarDay latest = latest_day (self);

  /* GtkCalendar cannot grey out days; a day still to come is not kept. */
  if (calendar_day (self) > latest)
    {
      g_autoptr(GDateTime) day = lumbar_day_to_date_time (latest);

      gtk_calendar_select_day (self->calendar, day);
      return;
    }

  update_date_label (self);
  gtk_popover_popdown (gtk_menu_button_get_popover (self->date_button));
  emit_changed (self);
}

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
make_spin (LumbarTimePicker *self,
           int               upper,
           int               page,
           const char       *name)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, 1));

  gtk_spin_button_set_increments (spin, 1, page);
  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  return spin;
}

static void
lumbar_time_picker_dispose (GObject *object)
{
  LumbarTimePicker *self = (LumbarTimePicker *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->latest, g_date_time_unref);

  G_OBJECT_CLASS (lumbar_time_picker_parent_class)->dispose (object);
}

static void
lumbar_time_picker_class_init (LumbarTimePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_time_picker_dispose;

  /**
   * LumbarTimePicker::changed:
   *
   * The day or the time of day was changed by the person.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lumbartimepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lumbar_time_picker_init (LumbarTimePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *colon;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_menu_button_set_always_show_arrow (self->date_button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->date_button), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->date_button), GTK_WIDGET (self));

  self->hour_spin = make_spin (self, 23, 6, _("Hour"));
  gtk_widget_set_parent (GTK_WIDGET (self->hour_spin), GTK_WIDGET (self));
  /* Translators: separates hours and minutes in a time */
  colon = gtk_label_new (_(":"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (colon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_parent (colon, GTK_WIDGET (self));
  self->minute_spin = make_spin (self, 59, 10, _("Minute"));
  gtk_widget_set_parent (GTK_WIDGET (self->minute_spin), GTK_WIDGET (self));

  lumbar_time_picker_set_time (self, now);
}

GtkWidget *
lumbar_time_picker_new (void)
{
  return g_object_new (LUMBAR_TYPE_TIME_PICKER, NULL);
}

/**
 * lumbar_time_picker_dup_time:
 * @self: a time picker
 *
 * Returns: (transfer full) (nullable): the local time picked, or %NULL if
 *   it does not exist (skipped by a change to summer time)
 */
GDateTime *
lumbar_time_picker_dup_time (LumbarTimePicker *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (LUMBAR_IS_TIME_PICKER (self), NULL);

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  date = gtk_calendar_get_date (self->calendar);
  return g_date_time_new_local (g_date_time_get_year (date),
                                g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
}

void
lumbar_time_picker_set_time (LumbarTimePicker *self,
                             GDateTime        *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (LUMBAR_IS_TIME_PICKER (self));
  g_return_if_fail (time != NULL);

  local = g_date_time_to_local (time);
  self->setting = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  update_date_label (self);
  self->setting = FALSE;
}

/**
 * lumbar_time_picker_set_latest:
 * @self: a time picker
 * @latest: (nullable): the latest moment that can be meant (usually now);
 *   %NULL for the real clock's today
 *
 * Days after @latest's are not kept when picked. A time later on that day
 * can still be set: the form says so when it is used.
 */
void
lumbar_time_picker_set_latest (LumbarTimePicker *self,
                               GDateTime        *latest)
{
  g_return_if_fail (LUMBAR_IS_TIME_PICKER (self));

  g_clear_pointer (&self->latest, g_date_time_unref);
  if (latest != NULL)
    self->latest = g_date_time_to_local (latest);
}
