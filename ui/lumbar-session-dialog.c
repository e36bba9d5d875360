/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-format.h"
#include "lumbar-session-dialog.h"

/* Adds a rest or inclined-sitting session that was not timed, e.g. one the
 * person forgot to start the timer for. */
struct _LumbarSessionDialog
{
  AdwWindow       parent_instance;

  LumbarJournal  *journal;
  LumbarKind      kind;

  GtkButton      *add_button;
  GtkCalendar    *calendar;
  GtkMenuButton  *date_button;
  GtkLabel       *error_label;
  GtkSpinButton  *hour_spin;
  GtkSwitch      *knees_switch;
  GtkSwitch      *legs_switch;
  GtkSpinButton  *minute_spin;
  GtkSpinButton  *minutes_spin;
  AdwEntryRow    *note_row;
  AdwPreferencesGroup *support_group;
  AdwComboRow    *support_row;
};

G_DEFINE_FINAL_TYPE (LumbarSessionDialog, lumbar_session_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_KIND,
  N_PROPS
};

enum {
  ENTRY_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (LumbarSessionDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
update_date_label (LumbarSessionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = lumbar_format_date (lumbar_day_from_ymd (g_date_time_get_year (date),
                                                                   g_date_time_get_month (date),
                                                                   g_date_time_get_day_of_month (date)),
                                              LUMBAR_DATE_SHORT_WEEKDAY);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_day_selected (LumbarSessionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* GtkCalendar cannot grey out days: a day still to come is not kept. */
  if (g_date_time_get_year (date) > g_date_time_get_year (now) ||
      (g_date_time_get_year (date) == g_date_time_get_year (now) &&
       g_date_time_get_day_of_year (date) > g_date_time_get_day_of_year (now)))
    {
      gtk_calendar_select_day (self->calendar, now);
      return;
    }

  update_date_label (self);
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GDateTime *
dup_start (LumbarSessionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (date),
                                g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
}

static void
on_add_clicked (LumbarSessionDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  int minutes;

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  gtk_spin_button_update (self->minutes_spin);

  start = dup_start (self);
  minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  if (start == NULL)
    {
      show_error (self, _("This date and time does not exist. Please pick another one."));
      return;
    }
  end = g_date_time_add_minutes (start, minutes);

  if (g_date_time_compare (start, now) > 0)
    {
      show_error (self, _("This start time is still to come. Pick a time that has passed, or use the timer instead."));
      return;
    }
  if (g_date_time_compare (end, now) > 0)
    {
      show_error (self, _("With this duration the session would end in the future. Pick an earlier start or a shorter duration."));
      return;
    }

  entry = lumbar_entry_new (self->kind);
  lumbar_entry_set_date_time (entry, start);
  lumbar_entry_set_minutes (entry, minutes);
  lumbar_entry_set_note (entry, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  if (self->kind == LUMBAR_KIND_INCLINE)
    {
      lumbar_entry_set_support (entry, adw_combo_row_get_selected (self->support_row));
      lumbar_entry_set_legs_supported (entry, gtk_switch_get_active (self->legs_switch));
      lumbar_entry_set_knees_bent (entry, gtk_switch_get_active (self->knees_switch));
    }

  if (!lumbar_journal_add (self->journal, entry, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. that a value is out of range */
      message = g_strdup_printf (_("The session could not be added: %s"), error->message);
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[ENTRY_ADDED], 0, entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lumbar_session_dialog_constructed (GObject *object)
{
  LumbarSessionDialog *self = (LumbarSessionDialog *) object;

  G_OBJECT_CLASS (lumbar_session_dialog_parent_class)->constructed (object);

  if (self->kind == LUMBAR_KIND_INCLINE)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Past Session"));
      gtk_widget_set_visible (GTK_WIDGET (self->support_group), TRUE);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Add Past Rest"));
}

static void
lumbar_session_dialog_dispose (GObject *object)
{
  LumbarSessionDialog *self = (LumbarSessionDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_SESSION_DIALOG);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (lumbar_session_dialog_parent_class)->dispose (object);
}

static void
lumbar_session_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LumbarSessionDialog *self = LUMBAR_SESSION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_session_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LumbarSessionDialog *self = LUMBAR_SESSION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_session_dialog_class_init (LumbarSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lumbar_session_dialog_constructed;
  object_class->dispose = lumbar_session_dialog_dispose;
  object_class->get_property = lumbar_session_dialog_get_property;
  object_class->set_property = lumbar_session_dialog_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      LUMBAR_KIND_REST, LUMBAR_KIND_INCLINE, LUMBAR_KIND_REST,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LumbarSessionDialog::entry-added:
   * @entry: the entry now in the journal
   */
  signals[ENTRY_ADDED] =
    g_signal_new ("entry-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LUMBAR_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, knees_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, legs_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, support_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarSessionDialog, support_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lumbar_session_dialog_init (LumbarSessionDialog *self)
{
  g_autoptr(GtkStringList) supports = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_minutes (now, -30);
  GtkText *text;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (LumbarSupport s = LUMBAR_SUPPORT_PILLOWS; s <= LUMBAR_SUPPORT_OTHER; s++)
    gtk_string_list_append (supports, lumbar_support_get_label (s));
  adw_combo_row_set_model (self->support_row, G_LIST_MODEL (supports));

  text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->note_row)));
  gtk_text_set_max_length (text, LUMBAR_NOTE_MAX_CHARS);

  /* Half an hour ago is a likely start for a session logged afterwards. */
  gtk_calendar_select_day (self->calendar, start);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
  update_date_label (self);
}

/**
 * lumbar_session_dialog_new:
 * @parent: the window it belongs to
 * @journal: where the session is added
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 *
 * Returns: (transfer none): the new dialog, owned by GTK until closed
 */
LumbarSessionDialog *
lumbar_session_dialog_new (GtkWindow     *parent,
                           LumbarJournal *journal,
                           LumbarKind     kind)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE, NULL);

  return g_object_new (LUMBAR_TYPE_SESSION_DIALOG,
                       "transient-for", parent,
                       "journal", journal,
                       "kind", kind,
                       NULL);
}

LumbarKind
lumbar_session_dialog_get_kind (LumbarSessionDialog *self)
{
  g_return_val_if_fail (LUMBAR_IS_SESSION_DIALOG (self), LUMBAR_KIND_REST);
  return self->kind;
}

/* Starts from the choices already made on the Today page. */
void
lumbar_session_dialog_set_support (LumbarSessionDialog *self,
                                   LumbarSupport        support,
                                   gboolean             legs_supported,
                                   gboolean             knees_bent)
{
  g_return_if_fail (LUMBAR_IS_SESSION_DIALOG (self));

  adw_combo_row_set_selected (self->support_row, support);
  gtk_switch_set_active (self->legs_switch, legs_supported);
  gtk_switch_set_active (self->knees_switch, knees_bent);
}
