/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-entry-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-diary-row.h"
#include "lumbar-entry-editor.h"
#include "lumbar-error.h"
#include "lumbar-format.h"
#include "lumbar-style.h"

/* A dialog to correct any entry, or to add one after the fact ("Add a past
 * session…"). It edits a copy and hands it to the journal on Save, so
 * Cancel leaves the diary exactly as it was. */
struct _LumbarEntryEditor
{
  AdwWindow          parent_instance;

  LumbarJournal     *journal;
  /* The entry as it was (or a fresh one, for a new entry). */
  LumbarEntry       *entry;
  gboolean           is_new;

  /* The date shown, and the original time as shown, to tell whether the
   * user changed it. */
  int                year, month, day;
  int                orig_year, orig_month, orig_day, orig_hour, orig_minute;

  char              *problem;
  GtkCheckButton    *flag_checks[LUMBAR_N_FLAGS];

  GtkCalendar       *calendar;
  GtkMenuButton     *date_button;
  AdwPreferencesGroup *flags_group;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *intensity_spin;
  AdwActionRow      *intensity_row;
  AdwActionRow      *knees_row;
  GtkSwitch         *knees_switch;
  AdwActionRow      *legs_row;
  GtkSwitch         *legs_switch;
  GtkSpinButton     *local_spin;
  AdwActionRow      *local_row;
  GtkSpinButton     *minute_spin;
  AdwActionRow      *minutes_row;
  GtkSpinButton     *minutes_spin;
  GtkLabel          *note_counter;
  GtkTextView       *note_view;
  AdwPreferencesGroup *pain_group;
  GtkLabel          *problem_label;
  GtkRevealer       *problem_revealer;
  AdwExpanderRow    *radiating_expander;
  GtkSpinButton     *radiating_spin;
  AdwPreferencesGroup *session_group;
  AdwPreferencesGroup *spasm_group;
  AdwComboRow       *support_row;
  AdwPreferencesGroup *therapy_group;
  AdwComboRow       *therapy_row;
  AdwActionRow      *time_row;
  AdwEntryRow       *trigger_row;
  AdwWindowTitle    *window_title;
};

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_ENTRY,
  PROP_IS_NEW,
  PROP_VALID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LumbarEntryEditor, lumbar_entry_editor, ADW_TYPE_WINDOW)

static gboolean
on_spin_output_two_digits (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The number typed into @spin, which may not be committed to its value yet. */
static gboolean
read_spin (GtkSpinButton *spin,
           int           *value)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 number;

  if (!g_ascii_string_to_signed (text, 10,
                                 (gint64) gtk_adjustment_get_lower (adjustment),
                                 (gint64) gtk_adjustment_get_upper (adjustment),
                                 &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static int
spin_value (GtkSpinButton *spin)
{
  int value;

  if (read_spin (spin, &value))
    return value;
  return gtk_spin_button_get_value_as_int (spin);
}

static char *
spin_problem (GtkSpinButton *spin,
              const char    *name)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  int value;

  if (read_spin (spin, &value))
    return NULL;
  /* Translators: %s is the name of a field, such as “Local pain”; then the
   * smallest and largest value allowed */
  return g_strdup_printf (_("%s must be a whole number from %d to %d."), name,
                          (int) gtk_adjustment_get_lower (adjustment),
                          (int) gtk_adjustment_get_upper (adjustment));
}

static char *
dup_note (LumbarEntryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The time the entry will have: unchanged (with its own UTC offset) unless
 * the user changed the date or the clock time, then the local time. */
static gboolean
compute_time (LumbarEntryEditor *self,
              gint64            *unix_time,
              int               *utc_offset)
{
  int hour = spin_value (self->hour_spin);
  int minute = spin_value (self->minute_spin);
  g_autoptr(GDateTime) date_time = NULL;

  if (self->year == self->orig_year && self->month == self->orig_month &&
      self->day == self->orig_day && hour == self->orig_hour && minute == self->orig_minute)
    {
      *unix_time = lumbar_entry_get_time (self->entry);
      *utc_offset = lumbar_entry_get_utc_offset (self->entry);
      return TRUE;
    }

  date_time = g_date_time_new_local (self->year, self->month, self->day, hour, minute, 0);
  if (date_time == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (date_time);
  *utc_offset = (int) (g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_SECOND);
  return TRUE;
}

static char *
find_problem (LumbarEntryEditor *self)
{
  LumbarKind kind = lumbar_entry_get_kind (self->entry);
  g_autofree char *note = NULL;
  char *problem = NULL;
  gint64 unix_time;
  int utc_offset;
  glong length;

  if ((problem = spin_problem (self->hour_spin, _("The hour"))) ||
      (problem = spin_problem (self->minute_spin, _("The minute"))))
    return problem;

  if (!compute_time (self, &unix_time, &utc_offset))
    return g_strdup (_("This time does not exist on that day; choose another time."));
  /* A minute of slack for a new entry stamped just now. */
  if (unix_time > g_get_real_time () / G_USEC_PER_SEC + 60)
    return g_strdup (_("The date and time are in the future."));

  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      if ((problem = spin_problem (self->local_spin, _("Local pain"))))
        return problem;
      if (adw_expander_row_get_enable_expansion (self->radiating_expander) &&
          (problem = spin_problem (self->radiating_spin, _("Radiating pain"))))
        return problem;
      break;

    case LUMBAR_KIND_SPASM:
      if ((problem = spin_problem (self->intensity_spin, _("Intensity"))))
        return problem;
      length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->trigger_row)), -1);
      if (length > LUMBAR_TRIGGER_MAX_CHARS)
        return g_strdup_printf (ngettext ("What set off the spasm is %ld character too long.",
                                          "What set off the spasm is %ld characters too long.",
                                          length - LUMBAR_TRIGGER_MAX_CHARS),
                                length - LUMBAR_TRIGGER_MAX_CHARS);
      break;

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      if ((problem = spin_problem (self->minutes_spin, _("The duration"))))
        return problem;
      break;

    case LUMBAR_KIND_THERAPY:
    case LUMBAR_N_KINDS:
    default:
      break;
    }

  note = dup_note (self);
  length = g_utf8_strlen (note, -1);
  if (length > LUMBAR_NOTE_MAX_CHARS)
    return g_strdup_printf (ngettext ("The note is %ld character too long.",
                                      "The note is %ld characters too long.",
                                      length - LUMBAR_NOTE_MAX_CHARS),
                            length - LUMBAR_NOTE_MAX_CHARS);

  return NULL;
}

static void
show_problem (LumbarEntryEditor *self,
              const char        *problem)
{
  if (problem != NULL)
    gtk_label_set_text (self->problem_label, problem);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

static void
revalidate (LumbarEntryEditor *self)
{
  g_autofree char *problem = find_problem (self);
  gboolean was_valid = self->problem == NULL;

  g_free (self->problem);
  self->problem = g_steal_pointer (&problem);

  show_problem (self, self->problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);

  if (was_valid != (self->problem == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
update_date_label (LumbarEntryEditor *self)
{
  g_autofree char *text = lumbar_format_date (lumbar_day_from_ymd (self->year, self->month, self->day),
                                             LUMBAR_DATE_SHORT_WEEKDAY);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_calendar_day_selected (LumbarEntryEditor *self,
                          GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_date_time_get_ymd (date, &self->year, &self->month, &self->day);
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
  revalidate (self);
}

static const char *
spasm_meaning (int intensity)
{
  if (intensity <= 0)
    return C_("spasm intensity", "None");
  if (intensity <= 3)
    return C_("spasm intensity", "Mild");
  if (intensity <= 6)
    return C_("spasm intensity", "Moderate");
  if (intensity <= 9)
    return C_("spasm intensity", "Severe");
  return C_("spasm intensity", "Worst imaginable");
}

static void
update_subtitles (LumbarEntryEditor *self)
{
  g_autofree char *duration = NULL;
  int value;

  adw_action_row_set_subtitle (self->local_row,
                               read_spin (self->local_spin, &value) ? lumbar_pain_get_meaning (value) : "");
  adw_action_row_set_subtitle (self->intensity_row,
                               read_spin (self->intensity_spin, &value) ? spasm_meaning (value) : "");
  if (!adw_expander_row_get_enable_expansion (self->radiating_expander))
    adw_expander_row_set_subtitle (self->radiating_expander, _("Not recorded"));
  else
    adw_expander_row_set_subtitle (self->radiating_expander,
                                   read_spin (self->radiating_spin, &value) ? lumbar_pain_get_meaning (value) : "");
  /* Hours and minutes, once the number of minutes stops being obvious. */
  if (read_spin (self->minutes_spin, &value) && value >= 60)
    duration = lumbar_format_duration (value);
  adw_action_row_set_subtitle (self->minutes_row, duration ? duration : "");
}

static void
on_field_changed (LumbarEntryEditor *self)
{
  update_subtitles (self);
  revalidate (self);
}

static void
on_note_changed (LumbarEntryEditor *self,
                 GtkTextBuffer     *buffer)
{
  int length = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;

  /* Translators: characters used in the note / characters allowed */
  text = g_strdup_printf (C_("note length", "%d / %d"), length, LUMBAR_NOTE_MAX_CHARS);
  gtk_label_set_text (self->note_counter, text);
  if (length > LUMBAR_NOTE_MAX_CHARS)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->note_counter), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_counter), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->note_counter), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_counter), "error");
    }

  revalidate (self);
}

static GtkStringList *
new_label_list (const char *(*get_label) (int),
                int          n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, get_label (i));
  return list;
}

static const char *
support_label (int i)
{
  return lumbar_support_get_label (i);
}

static const char *
therapy_label (int i)
{
  return lumbar_therapy_get_label (i);
}

static void
fill (LumbarEntryEditor *self)
{
  LumbarEntry *entry = self->entry;
  LumbarKind kind = lumbar_entry_get_kind (entry);
  g_autoptr(GDateTime) date_time = lumbar_entry_dup_date_time (entry);
  gboolean session = kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE;
  GtkWidget *first_field = NULL;

  adw_window_title_set_title (self->window_title, self->is_new ? _("New Entry") : _("Edit Entry"));
  adw_window_title_set_subtitle (self->window_title, lumbar_kind_get_label (kind));
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Entry") : _("Edit Entry"));

  g_date_time_get_ymd (date_time, &self->year, &self->month, &self->day);
  self->orig_year = self->year;
  self->orig_month = self->month;
  self->orig_day = self->day;
  self->orig_hour = g_date_time_get_hour (date_time);
  self->orig_minute = g_date_time_get_minute (date_time);
  gtk_calendar_select_day (self->calendar, date_time);
  update_date_label (self);
  gtk_spin_button_set_value (self->hour_spin, self->orig_hour);
  gtk_spin_button_set_value (self->minute_spin, self->orig_minute);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row),
                                 session ? _("Start time") : _("Time"));

  gtk_widget_set_visible (GTK_WIDGET (self->pain_group), kind == LUMBAR_KIND_PAIN);
  gtk_widget_set_visible (GTK_WIDGET (self->flags_group), kind == LUMBAR_KIND_PAIN);
  gtk_widget_set_visible (GTK_WIDGET (self->spasm_group), kind == LUMBAR_KIND_SPASM);
  gtk_widget_set_visible (GTK_WIDGET (self->session_group), session);
  gtk_widget_set_visible (GTK_WIDGET (self->support_row), kind == LUMBAR_KIND_INCLINE);
  gtk_widget_set_visible (GTK_WIDGET (self->legs_row), kind == LUMBAR_KIND_INCLINE);
  gtk_widget_set_visible (GTK_WIDGET (self->knees_row), kind == LUMBAR_KIND_INCLINE);
  gtk_widget_set_visible (GTK_WIDGET (self->therapy_group), kind == LUMBAR_KIND_THERAPY);
  if (session)
    adw_preferences_group_set_title (self->session_group, lumbar_kind_get_label (kind));

  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      gtk_spin_button_set_value (self->local_spin, CLAMP (lumbar_entry_get_local (entry), 0, 10));
      adw_expander_row_set_enable_expansion (self->radiating_expander,
                                             lumbar_entry_get_radiating (entry) != LUMBAR_RADIATING_NONE);
      gtk_spin_button_set_value (self->radiating_spin, MAX (lumbar_entry_get_radiating (entry), 0));
      for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
        gtk_check_button_set_active (self->flag_checks[bit],
                                     (lumbar_entry_get_flags (entry) & (1u << bit)) != 0);
      first_field = GTK_WIDGET (self->local_spin);
      break;

    case LUMBAR_KIND_SPASM:
      gtk_spin_button_set_value (self->intensity_spin, CLAMP (lumbar_entry_get_intensity (entry), 0, 10));
      gtk_editable_set_text (GTK_EDITABLE (self->trigger_row), lumbar_entry_get_trigger (entry));
      first_field = GTK_WIDGET (self->intensity_spin);
      break;

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      gtk_spin_button_set_value (self->minutes_spin,
                                 CLAMP (lumbar_entry_get_minutes (entry), LUMBAR_MINUTES_MIN, LUMBAR_MINUTES_MAX));
      adw_combo_row_set_selected (self->support_row, lumbar_entry_get_support (entry));
      gtk_switch_set_active (self->legs_switch, lumbar_entry_get_legs_supported (entry));
      gtk_switch_set_active (self->knees_switch, lumbar_entry_get_knees_bent (entry));
      first_field = GTK_WIDGET (self->minutes_spin);
      break;

    case LUMBAR_KIND_THERAPY:
      adw_combo_row_set_selected (self->therapy_row, lumbar_entry_get_therapy (entry));
      break;

    case LUMBAR_N_KINDS:
    default:
      g_return_if_reached ();
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), lumbar_entry_get_note (entry), -1);
  on_note_changed (self, gtk_text_view_get_buffer (self->note_view));

  if (first_field != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), first_field);

  update_subtitles (self);
  revalidate (self);
}

/**
 * lumbar_entry_editor_save:
 * @self: an entry editor
 * @error: why the entry could not be saved
 *
 * Puts the edited entry into the journal (replacing the old version, or
 * adding a new entry), emits #LumbarEntryEditor::saved and closes the dialog.
 *
 * Returns: whether the entry was saved
 */
gboolean
lumbar_entry_editor_save (LumbarEntryEditor  *self,
                          GError            **error)
{
  g_autoptr(LumbarEntry) edited = NULL;
  gboolean ok;

  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), FALSE);

  revalidate (self);
  if (self->problem != NULL)
    {
      g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY, self->problem);
      return FALSE;
    }

  edited = lumbar_entry_editor_dup_entry (self);
  if (self->is_new)
    ok = lumbar_journal_add (self->journal, edited, error);
  else if (lumbar_entry_equal (edited, self->entry) &&
           lumbar_journal_lookup (self->journal, lumbar_entry_get_id (edited)) != NULL)
    ok = TRUE;   /* nothing changed; spare the journal a save */
  else
    ok = lumbar_journal_replace (self->journal, edited, error);

  if (!ok)
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, edited);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarEntryEditor *self = LUMBAR_ENTRY_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!lumbar_entry_editor_save (self, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "the entry was deleted in the meantime" */
      message = g_strdup_printf (_("Could not save the entry: %s"), error->message);
      show_problem (self, message);
    }
}

/* Enter in a number field saves, as in a text field that activates the
 * default button (GtkSpinButton has no activates-default in GTK 4.8). */
static gboolean
on_spin_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     LumbarEntryEditor     *self)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  revalidate (self);
  if (self->problem != NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
  return TRUE;
}

static void
build_flag_rows (LumbarEntryEditor *self)
{
  for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
    {
      const char *label = lumbar_flag_get_label (1u << bit);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->flags_group, row);
      self->flag_checks[bit] = GTK_CHECK_BUTTON (check);
    }
}

static void
lumbar_entry_editor_constructed (GObject *object)
{
  LumbarEntryEditor *self = (LumbarEntryEditor *) object;

  G_OBJECT_CLASS (lumbar_entry_editor_parent_class)->constructed (object);

  g_return_if_fail (LUMBAR_IS_JOURNAL (self->journal));
  g_return_if_fail (LUMBAR_IS_ENTRY (self->entry));

  fill (self);
}

static void
lumbar_entry_editor_dispose (GObject *object)
{
  LumbarEntryEditor *self = (LumbarEntryEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_ENTRY_EDITOR);

  G_OBJECT_CLASS (lumbar_entry_editor_parent_class)->dispose (object);
}

static void
lumbar_entry_editor_finalize (GObject *object)
{
  LumbarEntryEditor *self = (LumbarEntryEditor *) object;

  g_clear_object (&self->journal);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (lumbar_entry_editor_parent_class)->finalize (object);
}

static void
lumbar_entry_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LumbarEntryEditor *self = LUMBAR_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_IS_NEW:
      g_value_set_boolean (value, self->is_new);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->problem == NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_entry_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LumbarEntryEditor *self = LUMBAR_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;

    case PROP_IS_NEW:
      self->is_new = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_entry_editor_class_init (LumbarEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lumbar_entry_editor_constructed;
  object_class->dispose = lumbar_entry_editor_dispose;
  object_class->finalize = lumbar_entry_editor_finalize;
  object_class->get_property = lumbar_entry_editor_get_property;
  object_class->set_property = lumbar_entry_editor_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         LUMBAR_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_IS_NEW] =
    g_param_spec_boolean ("is-new", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LumbarEntryEditor::saved:
   * @self: the editor
   * @entry: the entry as it is now in the journal
   *
   * Emitted when Save put the entry into the journal, just before the
   * dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LUMBAR_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, flags_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, intensity_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, knees_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, knees_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, legs_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, legs_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, local_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, local_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, note_counter);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, pain_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, radiating_expander);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, radiating_spin);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, session_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, spasm_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, support_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, therapy_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, therapy_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarEntryEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_two_digits);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
lumbar_entry_editor_init (LumbarEntryEditor *self)
{
  GtkSpinButton *spins[6];
  g_autoptr(GtkStringList) supports = NULL;
  g_autoptr(GtkStringList) therapies = NULL;

  lumbar_style_ensure ("lumbar-diary.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  supports = new_label_list (support_label, LUMBAR_SUPPORT_OTHER + 1);
  adw_combo_row_set_model (self->support_row, G_LIST_MODEL (supports));
  therapies = new_label_list (therapy_label, LUMBAR_THERAPY_OTHER + 1);
  adw_combo_row_set_model (self->therapy_row, G_LIST_MODEL (therapies));

  build_flag_rows (self);

  spins[0] = self->hour_spin;
  spins[1] = self->minute_spin;
  spins[2] = self->local_spin;
  spins[3] = self->intensity_spin;
  spins[4] = self->minutes_spin;
  spins[5] = self->radiating_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect_object (spins[i], "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_spin_key_pressed), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (spins[i]), keys);
    }
  g_signal_connect_object (self->radiating_expander, "notify::enable-expansion",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->trigger_row, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
}

/**
 * lumbar_entry_editor_new_for_entry:
 * @parent: (nullable): the window the dialog belongs to
 * @journal: the journal holding @entry
 * @entry: the entry to edit; it is not changed, Save replaces it with a copy
 *
 * Returns: (transfer none): a new modal dialog; present it with gtk_window_present()
 */
LumbarEntryEditor *
lumbar_entry_editor_new_for_entry (GtkWindow     *parent,
                                   LumbarJournal *journal,
                                   LumbarEntry   *entry)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (LUMBAR_IS_ENTRY (entry), NULL);

  return g_object_new (LUMBAR_TYPE_ENTRY_EDITOR,
                       "transient-for", parent,
                       "journal", journal,
                       "entry", entry,
                       NULL);
}

/**
 * lumbar_entry_editor_new_for_kind:
 * @parent: (nullable): the window the dialog belongs to
 * @journal: the journal to add the entry to
 * @kind: what the new entry records
 *
 * A dialog for an entry logged after the fact. Sessions (rest, inclined
 * sitting) start as 30 minutes that ended now; other kinds are stamped now.
 *
 * Returns: (transfer none): a new modal dialog; present it with gtk_window_present()
 */
LumbarEntryEditor *
lumbar_entry_editor_new_for_kind (GtkWindow     *parent,
                                  LumbarJournal *journal,
                                  LumbarKind     kind)
{
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (kind < LUMBAR_N_KINDS, NULL);

  entry = lumbar_entry_new (kind);
  now = g_date_time_new_now_local ();
  start = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));
  if (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE)
    {
      GDateTime *earlier = g_date_time_add_minutes (start, -30);

      g_date_time_unref (start);
      start = earlier;
      lumbar_entry_set_minutes (entry, 30);
    }
  lumbar_entry_set_date_time (entry, start);

  return g_object_new (LUMBAR_TYPE_ENTRY_EDITOR,
                       "transient-for", parent,
                       "journal", journal,
                       "entry", entry,
                       "is-new", TRUE,
                       NULL);
}

/**
 * lumbar_entry_editor_get_journal:
 *
 * Returns: (transfer none): the journal the entry is saved to
 */
LumbarJournal *
lumbar_entry_editor_get_journal (LumbarEntryEditor *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), NULL);
  return self->journal;
}

/* Whether Save adds a new entry rather than replacing one. */
gboolean
lumbar_entry_editor_get_is_new (LumbarEntryEditor *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), FALSE);
  return self->is_new;
}

/**
 * lumbar_entry_editor_dup_entry:
 * @self: an entry editor
 *
 * The entry as the dialog shows it now (not checked; see
 * lumbar_entry_editor_get_valid()).
 *
 * Returns: (transfer full): a new entry with the same id as the one edited
 */
LumbarEntry *
lumbar_entry_editor_dup_entry (LumbarEntryEditor *self)
{
  LumbarEntry *edited;
  g_autofree char *note = NULL;
  gint64 unix_time;
  int utc_offset;

  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), NULL);

  edited = lumbar_entry_copy (self->entry);
  if (compute_time (self, &unix_time, &utc_offset))
    lumbar_entry_set_time (edited, unix_time, utc_offset);

  switch (lumbar_entry_get_kind (edited))
    {
    case LUMBAR_KIND_PAIN:
      {
        LumbarFlags flags = 0;

        lumbar_entry_set_local (edited, spin_value (self->local_spin));
        lumbar_entry_set_radiating (edited,
                                    adw_expander_row_get_enable_expansion (self->radiating_expander)
                                    ? spin_value (self->radiating_spin) : LUMBAR_RADIATING_NONE);
        for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
          if (gtk_check_button_get_active (self->flag_checks[bit]))
            flags |= 1u << bit;
        lumbar_entry_set_flags (edited, flags);
      }
      break;

    case LUMBAR_KIND_SPASM:
      lumbar_entry_set_intensity (edited, spin_value (self->intensity_spin));
      lumbar_entry_set_trigger (edited, gtk_editable_get_text (GTK_EDITABLE (self->trigger_row)));
      break;

    case LUMBAR_KIND_REST:
      lumbar_entry_set_minutes (edited, spin_value (self->minutes_spin));
      break;

    case LUMBAR_KIND_INCLINE:
      lumbar_entry_set_minutes (edited, spin_value (self->minutes_spin));
      lumbar_entry_set_support (edited, adw_combo_row_get_selected (self->support_row));
      lumbar_entry_set_legs_supported (edited, gtk_switch_get_active (self->legs_switch));
      lumbar_entry_set_knees_bent (edited, gtk_switch_get_active (self->knees_switch));
      break;

    case LUMBAR_KIND_THERAPY:
      lumbar_entry_set_therapy (edited, adw_combo_row_get_selected (self->therapy_row));
      break;

    case LUMBAR_N_KINDS:
    default:
      break;
    }

  note = dup_note (self);
  lumbar_entry_set_note (edited, note);

  return edited;
}

/* Whether Save is possible; lumbar_entry_editor_get_problem() says why not. */
gboolean
lumbar_entry_editor_get_valid (LumbarEntryEditor *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), FALSE);
  return self->problem == NULL;
}

/**
 * lumbar_entry_editor_get_problem:
 *
 * Returns: (nullable): what keeps the entry from being saved, as shown to the user
 */
const char *
lumbar_entry_editor_get_problem (LumbarEntryEditor *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY_EDITOR (self), NULL);
  return self->problem;
}
