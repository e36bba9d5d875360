/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lumbar-compat.h"
#include "lumbar-diary-row.h"
#include "lumbar-format.h"
#include "lumbar-session-dialog.h"
#include "lumbar-settings.h"
#include "lumbar-time-picker.h"
#include "lumbar-tip-card.h"
#include "lumbar-today-page.h"
#include "lumbar-window.h"

/* Pain, spasms and therapy visits are logged now, or "earlier": each of
 * those forms ends with a When row whose Earlier… button picks a day and a
 * time that have passed. */
typedef enum {
  WHEN_PAIN,
  WHEN_SPASM,
  WHEN_THERAPY,
  N_WHENS
} WhenForm;

typedef struct {
  AdwActionRow     *row;
  GtkMenuButton    *button;
  LumbarTimePicker *picker;
  gboolean          earlier;
} When;

/* A timer stopped after this long, or on another day than it started,
 * was probably forgotten: Stop asks when it ended. */
#define FORGOTTEN_TIMER_MINUTES (4 * 60)

/* The logging page: pain, spasms, timed rest and inclined sitting, therapy
 * visits, and what was logged today. Everything goes into the store's
 * journal; the store saves it. */
struct _LumbarTodayPage
{
  AdwBin               parent_instance;

  When                 when[N_WHENS];
  GDateTime           *fixed_now;
  LumbarSettings      *settings;

  LumbarTipCard       *tip_card;
  LumbarStore         *store;
  LumbarJournal       *journal;
  GListStore          *today_entries;
  LumbarDay            today;
  guint                tick_id;

  GtkCheckButton      *flag_checks[LUMBAR_N_FLAGS];

  GtkListBox          *entries_list;
  AdwExpanderRow      *flags_row;
  GtkWidget           *flags_intro;
  GtkWidget           *flags_warning;
  GtkButton           *incline_button;
  GtkLabel            *incline_error;
  AdwPreferencesGroup *incline_group;
  GtkImage            *incline_status_icon;
  AdwActionRow        *incline_status_row;
  GtkSwitch           *knees_switch;
  GtkSwitch           *legs_switch;
  GtkLabel            *local_meaning;
  GtkScale            *local_scale;
  GtkLabel            *local_value;
  GtkButton           *log_pain_button;
  GtkButton           *log_spasm_button;
  GtkButton           *log_therapy_button;
  GtkLabel            *pain_error;
  AdwPreferencesGroup *pain_group;
  AdwEntryRow         *pain_note_row;
  GtkLabel            *radiating_meaning;
  GtkWidget           *radiating_row;
  GtkScale            *radiating_scale;
  GtkSwitch           *radiating_switch;
  GtkLabel            *radiating_value;
  GtkWidget           *read_only_notice;
  GtkLabel            *read_only_label;
  GtkButton           *rest_button;
  GtkLabel            *rest_error;
  AdwPreferencesGroup *rest_group;
  GtkImage            *rest_status_icon;
  AdwActionRow        *rest_status_row;
  GtkLabel            *spasm_error;
  AdwPreferencesGroup *spasm_group;
  GtkLabel            *spasm_meaning;
  AdwEntryRow         *spasm_note_row;
  GtkScale            *spasm_scale;
  GtkLabel            *spasm_value;
  AdwComboRow         *support_row;
  GtkLabel            *therapy_error;
  AdwPreferencesGroup *therapy_group;
  AdwPreferencesGroup *entries_group;
  guint                reveal_idle_id;
  AdwEntryRow         *therapy_note_row;
  AdwComboRow         *therapy_row;
  AdwEntryRow         *trigger_row;
};

G_DEFINE_FINAL_TYPE (LumbarTodayPage, lumbar_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TRACKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Most alarming first, so the list reads like a doctor's checklist. */
static const LumbarFlags flag_order[LUMBAR_N_FLAGS] = {
  LUMBAR_FLAG_SADDLE_NUMBNESS,
  LUMBAR_FLAG_BLADDER_BOWEL,
  LUMBAR_FLAG_LEG_WEAKNESS,
  LUMBAR_FLAG_BOTH_LEGS,
  LUMBAR_FLAG_LEG_NUMBNESS,
  LUMBAR_FLAG_FEVER,
  LUMBAR_FLAG_AFTER_FALL,
  LUMBAR_FLAG_NIGHT_PAIN,
};

#define TICK_SECONDS 30

static int
scale_get_int (GtkScale *scale)
{
  return (int) round (gtk_range_get_value (GTK_RANGE (scale)));
}

/* The page's clock: the real one, or the moment a test set. */
static GDateTime *
dup_now (LumbarTodayPage *self)
{
  if (self->fixed_now != NULL)
    return g_date_time_to_local (self->fixed_now);
  return g_date_time_new_now_local ();
}

static LumbarDay
day_of (GDateTime *time)
{
  return lumbar_day_from_ymd (g_date_time_get_year (time),
                              g_date_time_get_month (time),
                              g_date_time_get_day_of_month (time));
}

static void
toast (LumbarTodayPage *self,
       const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *message;

  if (overlay == NULL)
    return;

  message = adw_toast_new (title);
  adw_toast_set_timeout (message, 3);
  lumbar_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), message);
}

/* Every log is a change the window can undo: its toast has Undo, and
 * Ctrl+Z takes it back. */
static void
record_added (LumbarTodayPage *self,
              LumbarEntry     *entry,
              const char      *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (LUMBAR_IS_WINDOW (root))
    lumbar_window_record_change (LUMBAR_WINDOW (root), NULL, entry, title);
  else
    toast (self, title);
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static char *
dup_note (AdwEntryRow *row)
{
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_strdup (g_strstrip (note));
}

static gboolean
can_log (LumbarTodayPage *self)
{
  return self->store != NULL &&
         lumbar_store_get_loaded (self->store) &&
         !lumbar_store_get_read_only (self->store);
}

/* Pain scales */

/* A spasm is rated by its strength, not as pain. */
static const char *
spasm_get_meaning (int intensity)
{
  if (intensity <= 3)
    return _("Mild spasm");
  if (intensity <= 6)
    return _("Moderate spasm");
  return _("Severe spasm");
}

static void
update_scale_labels (GtkScale *scale,
                     GtkLabel *value_label,
                     GtkLabel *meaning_label,
                     const char *(*get_meaning) (int value))
{
  int value = scale_get_int (scale);
  const char *meaning = get_meaning (value);
  g_autofree char *number = g_strdup_printf ("%d", value);
  /* Translators: what a screen reader says for a pain slider,
   * e.g. "6, moderate pain"; %d is the number, %s its meaning */
  g_autofree char *value_text = g_strdup_printf (_("%d, %s"), value, meaning);

  gtk_label_set_text (value_label, number);
  gtk_label_set_text (meaning_label, meaning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
}

static void
on_local_changed (LumbarTodayPage *self)
{
  update_scale_labels (self->local_scale, self->local_value, self->local_meaning, lumbar_pain_get_meaning);
}

static void
on_radiating_changed (LumbarTodayPage *self)
{
  update_scale_labels (self->radiating_scale, self->radiating_value, self->radiating_meaning, lumbar_pain_get_meaning);
}

static void
on_spasm_changed (LumbarTodayPage *self)
{
  update_scale_labels (self->spasm_scale, self->spasm_value, self->spasm_meaning, spasm_get_meaning);
}

static void
on_radiating_active_changed (LumbarTodayPage *self)
{
  gtk_widget_set_visible (self->radiating_row, gtk_switch_get_active (self->radiating_switch));
}

/* A slider in a scrolled page takes the mouse wheel only once it has the
 * focus; until then the wheel scrolls the page, as the person meant when
 * the pointer merely passed over it. The range's own scroll controller
 * runs in the bubble phase, so this one, in the capture phase, comes first. */
static gboolean
on_scale_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 gpointer                  user_data)
{
  GtkWidget *scale = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  double delta = dy;

  if (gtk_widget_has_focus (scale))
    return FALSE;

  scroller = gtk_widget_get_ancestor (scale, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      /* Wheel clicks step like GtkScrolledWindow's own. */
      if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
        delta = dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
    }
  return TRUE;
}

static void
setup_scale (GtkScale *scale)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  for (int i = LUMBAR_PAIN_MIN; i <= LUMBAR_PAIN_MAX; i++)
    gtk_scale_add_mark (scale, i, GTK_POS_BOTTOM, NULL);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scale_scroll), NULL);
  gtk_widget_add_controller (GTK_WIDGET (scale), scroll);
}

/* Warning signs */

/* The signs are ticked only after opening the row, and a collapsed row
 * still lays out what it holds: they are built when it is first opened,
 * so they cost the page's first frame nothing. Until then none is ticked. */
static gboolean
flag_rows_built (LumbarTodayPage *self)
{
  return self->flag_checks[0] != NULL;
}

static LumbarFlags
collect_flags (LumbarTodayPage *self)
{
  LumbarFlags flags = LUMBAR_FLAG_NONE;

  if (!flag_rows_built (self))
    return flags;
  for (guint i = 0; i < G_N_ELEMENTS (flag_order); i++)
    if (gtk_check_button_get_active (self->flag_checks[i]))
      flags |= flag_order[i];
  return flags;
}

static void
on_flag_toggled (LumbarTodayPage *self)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (flag_order) && flag_rows_built (self); i++)
    if (gtk_check_button_get_active (self->flag_checks[i]))
      n++;

  if (n == 0)
    adw_expander_row_set_subtitle (self->flags_row, _("Tick any you have noticed"));
  else
    {
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u sign ticked", "%u signs ticked", n), n);

      adw_expander_row_set_subtitle (self->flags_row, subtitle);
    }
  gtk_widget_set_visible (self->flags_warning, n > 0);
}

static void
ensure_flag_rows (LumbarTodayPage *self)
{
  if (flag_rows_built (self))
    return;

  gtk_widget_set_visible (self->flags_intro, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (flag_order); i++)
    {
      const char *label = lumbar_flag_get_label (flag_order[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_flag_toggled), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->flags_row, row);
      self->flag_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
on_flags_expanded (LumbarTodayPage *self)
{
  if (adw_expander_row_get_expanded (self->flags_row))
    ensure_flag_rows (self);
}

/* When */

static void
update_when_row (When *when)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (when->earlier)
    time = lumbar_time_picker_dup_time (when->picker);
  if (time != NULL)
    text = lumbar_format_date_time (time);
  else if (when->earlier)
    text = g_strdup (_("A time that does not exist"));

  adw_action_row_set_subtitle (when->row, text != NULL ? text : _("Now"));
}

static When *
find_when (LumbarTodayPage *self,
           gpointer         widget)
{
  for (guint i = 0; i < N_WHENS; i++)
    if (widget == self->when[i].button || widget == self->when[i].picker)
      return &self->when[i];
  return NULL;
}

static void
reset_when (When *when)
{
  when->earlier = FALSE;
  update_when_row (when);
}

static void
on_when_popover_shown (GtkWidget       *popover,
                       LumbarTodayPage *self)
{
  When *when = find_when (self, gtk_widget_get_ancestor (popover, GTK_TYPE_MENU_BUTTON));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) hour_ago = NULL;
  g_autoptr(GDateTime) start = NULL;

  if (when == NULL || when->earlier)
    return;

  /* Opening Earlier… means earlier: an hour ago, on the five minutes, to
   * start from. Now puts it back. */
  now = dup_now (self);
  hour_ago = g_date_time_add_minutes (now, -60);
  start = g_date_time_new_local (g_date_time_get_year (hour_ago),
                                 g_date_time_get_month (hour_ago),
                                 g_date_time_get_day_of_month (hour_ago),
                                 g_date_time_get_hour (hour_ago),
                                 g_date_time_get_minute (hour_ago) / 5 * 5, 0);
  lumbar_time_picker_set_latest (when->picker, now);
  lumbar_time_picker_set_time (when->picker, start != NULL ? start : hour_ago);
  when->earlier = TRUE;
  update_when_row (when);
}

static void
on_when_changed (LumbarTimePicker *picker,
                 LumbarTodayPage  *self)
{
  When *when = find_when (self, picker);

  when->earlier = TRUE;
  update_when_row (when);
}

static void
on_when_now (GtkButton *button,
             When      *when)
{
  reset_when (when);
  gtk_menu_button_popdown (when->button);
}

static void
add_when_row (LumbarTodayPage     *self,
              WhenForm             form,
              AdwPreferencesGroup *group,
              const char          *name)
{
  When *when = &self->when[form];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *now_button = gtk_button_new_with_mnemonic (_("_Now"));

  when->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (when->row), _("When"));

  when->picker = LUMBAR_TIME_PICKER (lumbar_time_picker_new ());
  g_signal_connect_object (when->picker, "changed", G_CALLBACK (on_when_changed), self, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (when->picker));
  gtk_widget_set_halign (now_button, GTK_ALIGN_END);
  g_signal_connect (now_button, "clicked", G_CALLBACK (on_when_now), when);
  gtk_box_append (GTK_BOX (box), now_button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  when->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (when->button, _("Earlier…"));
  gtk_menu_button_set_popover (when->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (when->button), GTK_ALIGN_CENTER);
  /* Three buttons say "Earlier…"; a screen reader says which form. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (when->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  lumbar_menu_button_name_inner (when->button, name);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_when_popover_shown), self, 0);
  adw_action_row_add_suffix (when->row, GTK_WIDGET (when->button));
  adw_action_row_set_activatable_widget (when->row, GTK_WIDGET (when->button));

  adw_preferences_group_add (group, GTK_WIDGET (when->row));
  update_when_row (when);
}

/* The moment a form logs at: now, or the earlier time picked, which must
 * have passed. Says why next to the form when it cannot be used. */
static GDateTime *
dup_when_time (LumbarTodayPage *self,
               WhenForm         form,
               GtkLabel        *error_label)
{
  When *when = &self->when[form];
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GDateTime) time = NULL;

  if (!when->earlier)
    return g_steal_pointer (&now);

  time = lumbar_time_picker_dup_time (when->picker);
  if (time == NULL)
    {
      show_error (error_label, _("This time does not exist on that day; choose another time."));
      return NULL;
    }
  if (g_date_time_compare (time, now) > 0)
    {
      show_error (error_label, _("That time is still to come."));
      return NULL;
    }
  return g_steal_pointer (&time);
}

/* Logging */

/* @what_failed has one %s for the reason, e.g. "This reading was not logged: %s" */
static gboolean
add_entry (LumbarTodayPage *self,
           LumbarEntry     *entry,
           GtkLabel        *error_label,
           const char      *what_failed)
{
  g_autoptr(GError) error = NULL;

  if (!can_log (self))
    return FALSE;

  if (!lumbar_journal_add (self->journal, entry, &error))
    {
      g_autoptr(GString) message = g_string_new (what_failed);

      g_string_replace (message, "%s", error->message, 1);
      show_error (error_label, message->str);
      return FALSE;
    }

  show_error (error_label, NULL);
  return TRUE;
}

static void
on_log_pain (LumbarTodayPage *self)
{
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autofree char *note = dup_note (self->pain_note_row);
  g_autoptr(GDateTime) time = dup_when_time (self, WHEN_PAIN, self->pain_error);

  if (time == NULL)
    return;

  lumbar_entry_set_date_time (entry, time);
  lumbar_entry_set_local (entry, scale_get_int (self->local_scale));
  if (gtk_switch_get_active (self->radiating_switch))
    lumbar_entry_set_radiating (entry, scale_get_int (self->radiating_scale));
  else
    lumbar_entry_set_radiating (entry, LUMBAR_RADIATING_NONE);
  lumbar_entry_set_flags (entry, collect_flags (self));
  lumbar_entry_set_note (entry, note);

  /* Translators: %s says what is wrong with the reading */
  if (!add_entry (self, entry, self->pain_error, _("This reading was not logged: %s")))
    return;

  gtk_range_set_value (GTK_RANGE (self->local_scale), 0);
  gtk_range_set_value (GTK_RANGE (self->radiating_scale), 0);
  /* The next reading asks about the leg again if the person wants that. */
  gtk_switch_set_active (self->radiating_switch,
                         self->settings != NULL && lumbar_settings_get_ask_radiating (self->settings));
  for (guint i = 0; i < G_N_ELEMENTS (flag_order) && flag_rows_built (self); i++)
    gtk_check_button_set_active (self->flag_checks[i], FALSE);
  adw_expander_row_set_expanded (self->flags_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->pain_note_row), "");
  reset_when (&self->when[WHEN_PAIN]);

  record_added (self, entry, _("Pain logged"));
}

static void
on_log_spasm (LumbarTodayPage *self)
{
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_SPASM);
  g_autofree char *trigger = dup_note (self->trigger_row);
  g_autofree char *note = dup_note (self->spasm_note_row);
  g_autoptr(GDateTime) time = dup_when_time (self, WHEN_SPASM, self->spasm_error);

  if (time == NULL)
    return;

  lumbar_entry_set_date_time (entry, time);
  lumbar_entry_set_intensity (entry, scale_get_int (self->spasm_scale));
  lumbar_entry_set_trigger (entry, trigger);
  lumbar_entry_set_note (entry, note);

  /* Translators: %s says what is wrong with the entry */
  if (!add_entry (self, entry, self->spasm_error, _("This spasm was not logged: %s")))
    return;

  gtk_range_set_value (GTK_RANGE (self->spasm_scale), 5);
  gtk_editable_set_text (GTK_EDITABLE (self->trigger_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->spasm_note_row), "");
  reset_when (&self->when[WHEN_SPASM]);

  record_added (self, entry, _("Spasm logged"));
}

static void
on_log_therapy (LumbarTodayPage *self)
{
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_THERAPY);
  g_autofree char *note = dup_note (self->therapy_note_row);
  g_autoptr(GDateTime) time = dup_when_time (self, WHEN_THERAPY, self->therapy_error);

  if (time == NULL)
    return;

  lumbar_entry_set_date_time (entry, time);
  lumbar_entry_set_therapy (entry, adw_combo_row_get_selected (self->therapy_row));
  lumbar_entry_set_note (entry, note);

  /* Translators: %s says what is wrong with the entry */
  if (!add_entry (self, entry, self->therapy_error, _("This visit was not logged: %s")))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->therapy_note_row), "");
  reset_when (&self->when[WHEN_THERAPY]);

  record_added (self, entry, _("Therapy visit logged"));
}

/* Timers */

static void
update_timer (LumbarTodayPage *self,
              LumbarKind       kind,
              GDateTime       *now)
{
  g_autoptr(GDateTime) start = NULL;
  gboolean running = FALSE;
  AdwActionRow *row;
  GtkButton *button;
  GtkImage *icon;
  const char *label, *name;
  g_autofree char *subtitle = NULL;

  if (self->store != NULL && lumbar_store_get_loaded (self->store))
    running = lumbar_store_get_timer (self->store, kind, &start);

  if (kind == LUMBAR_KIND_REST)
    {
      row = self->rest_status_row;
      button = self->rest_button;
      icon = self->rest_status_icon;
      label = running ? _("Stop _rest") : _("Start _rest");
      name = running ? _("Stop rest") : _("Start rest");
    }
  else
    {
      row = self->incline_status_row;
      button = self->incline_button;
      icon = self->incline_status_icon;
      label = running ? _("Stop _inclined sitting") : _("Start _inclined sitting");
      name = running ? _("Stop inclined sitting") : _("Start inclined sitting");
    }

  if (running && start != NULL)
    {
      g_autoptr(GDateTime) local_start = g_date_time_to_local (start);
      g_autofree char *clock = NULL;
      g_autofree char *duration = NULL;
      GTimeSpan elapsed = g_date_time_difference (now, start);

      /* A timer from another day says which: "since Sat, 5 Dec 2026, 21:00". */
      if (day_of (local_start) == day_of (now))
        clock = lumbar_format_time (local_start);
      else
        clock = lumbar_format_date_time (local_start);

      duration = lumbar_format_duration ((int) MAX (0, elapsed / G_TIME_SPAN_MINUTE));
      if (kind == LUMBAR_KIND_REST)
        /* Translators: "Resting since 14:05 (12 min)" */
        subtitle = g_strdup_printf (_("Resting since %s (%s)"), clock, duration);
      else
        /* Translators: "Sitting inclined since 14:05 (12 min)" */
        subtitle = g_strdup_printf (_("Sitting inclined since %s (%s)"), clock, duration);
    }
  else
    subtitle = g_strdup (_("Not running"));

  adw_action_row_set_subtitle (row, subtitle);
  if (running)
    gtk_widget_add_css_class (GTK_WIDGET (icon), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (icon), "accent");

  if (g_strcmp0 (gtk_button_get_label (button), label) != 0)
    {
      gtk_button_set_label (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      lumbar_accessible_name_once (GTK_WIDGET (button));
    }
}

static void
update_timers (LumbarTodayPage *self)
{
  g_autoptr(GDateTime) now = dup_now (self);

  update_timer (self, LUMBAR_KIND_REST, now);
  update_timer (self, LUMBAR_KIND_INCLINE, now);
}

static LumbarEntry *
dup_timer_details (LumbarTodayPage *self,
                   LumbarKind       kind)
{
  LumbarEntry *details = lumbar_entry_new (kind);

  /* The posture is what the person chose while sitting. */
  if (kind == LUMBAR_KIND_INCLINE)
    {
      lumbar_entry_set_support (details, adw_combo_row_get_selected (self->support_row));
      lumbar_entry_set_legs_supported (details, gtk_switch_get_active (self->legs_switch));
      lumbar_entry_set_knees_bent (details, gtk_switch_get_active (self->knees_switch));
    }
  return details;
}

/* Stops the timer now (@end %NULL) or at the end the person chose. */
static void
stop_timer (LumbarTodayPage *self,
            LumbarKind       kind,
            GDateTime       *end,
            GtkLabel        *error_label)
{
  g_autoptr(LumbarEntry) details = dup_timer_details (self, kind);
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int minutes;

  if (!can_log (self))
    return;

  if (end != NULL)
    entry = lumbar_store_stop_timer_at (self->store, kind, end, details, &error);
  else
    entry = lumbar_store_stop_timer_full (self->store, kind, now, details, &error);
  if (entry == NULL)
    {
      /* The store's messages are sentences written for the user. */
      show_error (error_label, error->message);
      update_timers (self);
      return;
    }

  minutes = lumbar_entry_get_minutes (entry);
  if (kind == LUMBAR_KIND_REST)
    message = g_strdup_printf (ngettext ("Rest of %d minute logged",
                                         "Rest of %d minutes logged", minutes), minutes);
  else
    message = g_strdup_printf (ngettext ("Inclined sitting of %d minute logged",
                                         "Inclined sitting of %d minutes logged", minutes), minutes);
  record_added (self, entry, message);
  show_error (error_label, NULL);
  update_timers (self);
}

/* Forgotten timers */

typedef struct {
  LumbarKind        kind;
  GDateTime        *start;
  LumbarTimePicker *picker;
  GtkLabel         *error;
} EndPrompt;

static void
end_prompt_free (EndPrompt *prompt)
{
  g_date_time_unref (prompt->start);
  g_free (prompt);
}

static GtkLabel *
timer_error_label (LumbarTodayPage *self,
                   LumbarKind       kind)
{
  return kind == LUMBAR_KIND_REST ? self->rest_error : self->incline_error;
}

/* Why the end picked cannot be used, or %NULL. */
static const char *
end_problem (LumbarTodayPage *self,
             EndPrompt       *prompt)
{
  g_autoptr(GDateTime) end = lumbar_time_picker_dup_time (prompt->picker);
  g_autoptr(GDateTime) now = dup_now (self);

  if (end == NULL)
    return _("This time does not exist on that day; choose another time.");
  if (g_date_time_compare (end, now) > 0)
    return _("That time is still to come.");
  if (g_date_time_compare (end, prompt->start) < 0)
    return _("It cannot end before it started.");
  if (g_date_time_difference (end, prompt->start) > (GTimeSpan) LUMBAR_MINUTES_MAX * G_TIME_SPAN_MINUTE)
    return _("A session lasts at most 24 hours.");
  return NULL;
}

static void
on_end_changed (LumbarTodayPage  *self,
                LumbarTimePicker *picker)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (picker), ADW_TYPE_MESSAGE_DIALOG));
  EndPrompt *prompt = g_object_get_data (G_OBJECT (dialog), "lumbar-end-prompt");
  const char *problem = end_problem (self, prompt);

  /* Log stays off while the end cannot be used; the reason is right
   * under the time. */
  show_error (prompt->error, problem);
  adw_message_dialog_set_response_enabled (dialog, "log", problem == NULL);
}

static void
on_end_response (AdwMessageDialog *dialog,
                 const char       *response,
                 LumbarTodayPage  *self)
{
  EndPrompt *prompt = g_object_get_data (G_OBJECT (dialog), "lumbar-end-prompt");
  g_autoptr(GDateTime) end = NULL;

  if (g_strcmp0 (response, "log") != 0 || end_problem (self, prompt) != NULL)
    return;

  end = lumbar_time_picker_dup_time (prompt->picker);
  stop_timer (self, prompt->kind, end, timer_error_label (self, prompt->kind));
}

/* Asks when a timer that was probably forgotten really ended. The default
 * is a usual session (30 minutes of rest, 45 of inclined sitting) after the
 * start, never later than now. */
static void
ask_timer_end (LumbarTodayPage *self,
               LumbarKind       kind,
               GDateTime       *start,
               GDateTime       *now)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EndPrompt *prompt = g_new0 (EndPrompt, 1);
  g_autoptr(GDateTime) local_start = g_date_time_to_local (start);
  g_autoptr(GDateTime) usual_end = g_date_time_add_minutes (local_start, kind == LUMBAR_KIND_REST ? 30 : 45);
  g_autofree char *since = lumbar_format_date_time (local_start);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *error;

  /* Translators: %s is when the timer was started, e.g. "Sat, 5 Dec 2026, 21:00" */
  body = g_strdup_printf (_("The timer has been running since %s. When did you really stop? Only the time until then is logged."), since);
  dialog = lumbar_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      kind == LUMBAR_KIND_REST ? _("When Did the Rest End?")
                                                               : _("When Did the Inclined Sitting End?"),
                                      body);

  prompt->kind = kind;
  prompt->start = g_date_time_ref (local_start);
  prompt->picker = LUMBAR_TIME_PICKER (lumbar_time_picker_new ());
  lumbar_time_picker_set_latest (prompt->picker, now);
  lumbar_time_picker_set_time (prompt->picker, g_date_time_compare (usual_end, now) < 0 ? usual_end : now);
  gtk_widget_set_halign (GTK_WIDGET (prompt->picker), GTK_ALIGN_CENTER);
  error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_justify (GTK_LABEL (error), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  prompt->error = GTK_LABEL (error);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (prompt->picker));
  gtk_box_append (GTK_BOX (box), error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "lumbar-end-prompt", prompt, (GDestroyNotify) end_prompt_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "log", _("_Log"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "log");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (prompt->picker, "changed", G_CALLBACK (on_end_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  on_end_changed (self, prompt->picker);
}

static void
toggle_timer (LumbarTodayPage *self,
              LumbarKind       kind,
              GtkLabel        *error_label)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_log (self))
    return;

  if (lumbar_store_get_timer (self->store, kind, &start))
    {
      g_autoptr(GDateTime) local_start = g_date_time_to_local (start);

      /* Crossed midnight or ran for hours: probably forgotten, so ask
       * rather than log a night of rest nobody took. */
      if (day_of (local_start) != day_of (now) ||
          g_date_time_difference (now, start) > (GTimeSpan) FORGOTTEN_TIMER_MINUTES * G_TIME_SPAN_MINUTE)
        ask_timer_end (self, kind, start, now);
      else
        stop_timer (self, kind, NULL, error_label);
      return;
    }

  if (!lumbar_store_start_timer (self->store, kind, now, &error))
    {
      show_error (error_label, error->message);
      update_timers (self);
      return;
    }

  show_error (error_label, NULL);
  update_timers (self);
}

/**
 * lumbar_today_page_stop_timer:
 * @self: the Today page
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 *
 * Stops a running timer as its Stop button does, asking when it ended if
 * it was forgotten; nothing when it is not running (a notification's Stop
 * must not start one).
 */
void
lumbar_today_page_stop_timer (LumbarTodayPage *self,
                              LumbarKind       kind)
{
  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));
  g_return_if_fail (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE);

  if (self->store == NULL || !lumbar_store_get_timer (self->store, kind, NULL))
    return;
  toggle_timer (self, kind, kind == LUMBAR_KIND_REST ? self->rest_error : self->incline_error);
}

static void
on_rest_clicked (LumbarTodayPage *self)
{
  toggle_timer (self, LUMBAR_KIND_REST, self->rest_error);
}

static void
on_incline_clicked (LumbarTodayPage *self)
{
  toggle_timer (self, LUMBAR_KIND_INCLINE, self->incline_error);
}

static void
on_session_added (LumbarTodayPage     *self,
                  LumbarEntry         *entry,
                  LumbarSessionDialog *dialog)
{
  if (lumbar_entry_get_kind (entry) == LUMBAR_KIND_REST)
    record_added (self, entry, _("Rest added"));
  else
    record_added (self, entry, _("Inclined sitting added"));
}

static void
open_session_dialog (LumbarTodayPage *self,
                     LumbarKind       kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LumbarSessionDialog *dialog;

  if (!can_log (self))
    return;

  dialog = lumbar_session_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->journal, kind);
  if (kind == LUMBAR_KIND_INCLINE)
    lumbar_session_dialog_set_support (dialog,
                                       adw_combo_row_get_selected (self->support_row),
                                       gtk_switch_get_active (self->legs_switch),
                                       gtk_switch_get_active (self->knees_switch));
  g_signal_connect_object (dialog, "entry-added", G_CALLBACK (on_session_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_past_rest (LumbarTodayPage *self)
{
  open_session_dialog (self, LUMBAR_KIND_REST);
}

static void
on_add_past_incline (LumbarTodayPage *self)
{
  open_session_dialog (self, LUMBAR_KIND_INCLINE);
}

/* Today's entries */

static char *
dup_entry_title (LumbarEntry *entry)
{
  int minutes = lumbar_entry_get_minutes (entry);

  switch (lumbar_entry_get_kind (entry))
    {
    case LUMBAR_KIND_PAIN:
      if (lumbar_entry_get_radiating (entry) == LUMBAR_RADIATING_NONE)
        return g_strdup_printf (_("Local pain %d"), lumbar_entry_get_local (entry));
      return g_strdup_printf (_("Local pain %d, radiating pain %d"),
                              lumbar_entry_get_local (entry),
                              lumbar_entry_get_radiating (entry));

    case LUMBAR_KIND_SPASM:
      return g_strdup_printf (_("Spasm, intensity %d"), lumbar_entry_get_intensity (entry));

    case LUMBAR_KIND_REST:
      return g_strdup_printf (ngettext ("Rest, %d minute", "Rest, %d minutes", minutes), minutes);

    case LUMBAR_KIND_INCLINE:
      return g_strdup_printf (ngettext ("Inclined sitting, %d minute",
                                        "Inclined sitting, %d minutes", minutes), minutes);

    case LUMBAR_KIND_THERAPY:
      return g_strdup (lumbar_therapy_get_label (lumbar_entry_get_therapy (entry)));

    case LUMBAR_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
dup_entry_details (LumbarEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *note = lumbar_entry_get_note (entry);
  const char *trigger;
  LumbarFlags flags;

  switch (lumbar_entry_get_kind (entry))
    {
    case LUMBAR_KIND_PAIN:
      flags = lumbar_entry_get_flags (entry);
      for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
        if (flags & (1u << bit))
          g_ptr_array_add (parts, g_strdup (lumbar_flag_get_label (1u << bit)));
      break;

    case LUMBAR_KIND_SPASM:
      trigger = lumbar_entry_get_trigger (entry);
      if (trigger != NULL && trigger[0] != '\0')
        /* Translators: what set off a spasm, e.g. "Set off by: lifting" */
        g_ptr_array_add (parts, g_strdup_printf (_("Set off by: %s"), trigger));
      break;

    case LUMBAR_KIND_INCLINE:
      g_ptr_array_add (parts, g_strdup (lumbar_support_get_label (lumbar_entry_get_support (entry))));
      g_ptr_array_add (parts, g_strdup (lumbar_entry_get_legs_supported (entry)
                                        ? _("Legs supported") : _("Legs not supported")));
      g_ptr_array_add (parts, g_strdup (lumbar_entry_get_knees_bent (entry)
                                        ? _("Knees slightly bent") : _("Knees straight")));
      break;

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_THERAPY:
    case LUMBAR_N_KINDS:
    default:
      break;
    }

  if (note != NULL && note[0] != '\0')
    g_ptr_array_add (parts, g_strdup (note));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the details of an entry in a list */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
dup_entry_clock (LumbarEntry *entry)
{
  g_autoptr(GDateTime) start = lumbar_entry_dup_date_time (entry);
  LumbarKind kind = lumbar_entry_get_kind (entry);

  if (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, lumbar_entry_get_minutes (entry));
      g_autofree char *from = lumbar_format_time (start);
      g_autofree char *to = lumbar_format_time (end);

      /* Translators: a span of time, e.g. "14:05–14:35" */
      return g_strdup_printf (_("%s–%s"), from, to);
    }

  return lumbar_format_time (start);
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  LumbarEntry *entry = item;
  g_autofree char *title = dup_entry_title (entry);
  g_autofree char *details = dup_entry_details (entry);
  g_autofree char *clock = dup_entry_clock (entry);
  g_autofree char *name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *time_label = gtk_label_new (clock);
  gboolean flagged = lumbar_entry_get_kind (entry) == LUMBAR_KIND_PAIN && lumbar_entry_get_flags (entry) != 0;
  const char *kind_label = lumbar_kind_get_label (lumbar_entry_get_kind (entry));
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (details != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  /* A reading with warning signs stands out in the list. */
  if (flagged)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Warning signs noted"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning signs noted"), -1);
    }
  else
    {
      icon = gtk_image_new_from_icon_name (lumbar_diary_kind_icon_name (lumbar_entry_get_kind (entry)));
      gtk_widget_set_tooltip_text (icon, kind_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label, -1);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_set_valign (time_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  /* Translators: how a screen reader announces one of today's entries,
   * e.g. "14:05, Local pain 6" */
  name = g_strdup_printf (_("%s, %s"), clock, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

static void
update_today_entries (LumbarTodayPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_autoptr(GDateTime) now = dup_now (self);

  self->today = day_of (now);
  if (self->journal == NULL)
    {
      g_list_store_remove_all (self->today_entries);
      return;
    }

  entries = lumbar_journal_get_days (self->journal, self->today, self->today);
  /* Newest first, as in the Diary. */
  for (guint i = 0, j = entries->len; i + 1 < j; i++, j--)
    {
      gpointer swap = entries->pdata[i];

      entries->pdata[i] = entries->pdata[j - 1];
      entries->pdata[j - 1] = swap;
    }
  g_list_store_splice (self->today_entries, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->today_entries)),
                       entries->pdata, entries->len);
}

static void
on_journal_items_changed (LumbarTodayPage *self)
{
  update_today_entries (self);
}

/* Filling in
 *
 * Only the tip and the pain form are in the page's first frame: they fill
 * the top of the window. The groups below them are shown right after it,
 * so laying out the whole page never delays the first sight of it. */

static gboolean
reveal_lower_groups (gpointer user_data)
{
  LumbarTodayPage *self = user_data;
  GtkWidget *groups[] = {
    GTK_WIDGET (self->spasm_group),
    GTK_WIDGET (self->rest_group),
    GTK_WIDGET (self->incline_group),
    GTK_WIDGET (self->therapy_group),
    GTK_WIDGET (self->entries_group),
  };

  self->reveal_idle_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_after_first_paint (GdkFrameClock   *clock,
                      LumbarTodayPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_first_paint, self);
  if (self->reveal_idle_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->spasm_group)))
    self->reveal_idle_id = g_idle_add (reveal_lower_groups, self);
}

static void
lumbar_today_page_map (GtkWidget *widget)
{
  LumbarTodayPage *self = LUMBAR_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (lumbar_today_page_parent_class)->map (widget);

  /* The window passes its settings; a page shown without them still
   * follows the person's preferences through a façade of its own. */
  if (self->settings == NULL)
    {
      g_autoptr(LumbarSettings) settings = lumbar_settings_new ();

      lumbar_today_page_set_settings (self, settings);
    }

  if (!gtk_widget_get_visible (GTK_WIDGET (self->spasm_group)))
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_first_paint), self, 0);
}

/* State from the store */

static void
update_sensitivity (LumbarTodayPage *self)
{
  gboolean loaded = self->store != NULL && lumbar_store_get_loaded (self->store);
  gboolean read_only = self->store != NULL && lumbar_store_get_read_only (self->store);
  gboolean sensitive = loaded && !read_only;
  GtkWidget *groups[] = {
    GTK_WIDGET (self->pain_group),
    GTK_WIDGET (self->spasm_group),
    GTK_WIDGET (self->rest_group),
    GTK_WIDGET (self->incline_group),
    GTK_WIDGET (self->therapy_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], sensitive);

  /* The window's banner says why; this says what it means here. */
  gtk_label_set_text (self->read_only_label,
                      _("Nothing can be logged while your diary is read-only."));
  gtk_widget_set_visible (self->read_only_notice, read_only);
}

static void
on_store_loaded_changed (LumbarTodayPage *self)
{
  update_sensitivity (self);
  update_timers (self);
  update_today_entries (self);
}

static gboolean
on_tick (gpointer user_data)
{
  LumbarTodayPage *self = user_data;
  g_autoptr(GDateTime) now = dup_now (self);

  update_timers (self);
  if (self->today != day_of (now))
    update_today_entries (self);
  return G_SOURCE_CONTINUE;
}

/* GObject */

static void
lumbar_today_page_dispose (GObject *object)
{
  LumbarTodayPage *self = (LumbarTodayPage *) object;

  g_clear_handle_id (&self->reveal_idle_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  lumbar_today_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_TODAY_PAGE);
  g_clear_object (&self->today_entries);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lumbar_today_page_parent_class)->dispose (object);
}

static void
lumbar_today_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LumbarTodayPage *self = LUMBAR_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TRACKER:
      g_value_set_object (value, lumbar_tip_card_get_tracker (self->tip_card));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_today_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LumbarTodayPage *self = LUMBAR_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lumbar_today_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_TRACKER:
      lumbar_today_page_set_tracker (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_today_page_class_init (LumbarTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_today_page_dispose;
  widget_class->map = lumbar_today_page_map;
  object_class->get_property = lumbar_today_page_get_property;
  object_class->set_property = lumbar_today_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LUMBAR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarTodayPage:tracker:
   *
   * The summary the tip card shows, shared with the window's other pages.
   */
  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-today-page.ui");

  g_type_ensure (LUMBAR_TYPE_TIP_CARD);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, tip_card);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, flags_intro);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, flags_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, flags_warning);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, incline_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, incline_error);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, incline_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, incline_status_icon);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, incline_status_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, knees_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, legs_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, local_meaning);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, local_scale);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, local_value);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, log_pain_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, log_spasm_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, log_therapy_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, pain_error);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, pain_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, pain_note_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, radiating_meaning);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, radiating_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, radiating_scale);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, radiating_switch);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, radiating_value);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, read_only_notice);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, rest_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, rest_error);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, rest_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, entries_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, rest_status_icon);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, rest_status_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_error);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_meaning);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_note_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_scale);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, spasm_value);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, support_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, therapy_error);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, therapy_group);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, therapy_note_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, therapy_row);
  gtk_widget_class_bind_template_child (widget_class, LumbarTodayPage, trigger_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_past_incline);
  gtk_widget_class_bind_template_callback (widget_class, on_add_past_rest);
  gtk_widget_class_bind_template_callback (widget_class, on_flags_expanded);
  gtk_widget_class_bind_template_callback (widget_class, on_incline_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_local_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_log_pain);
  gtk_widget_class_bind_template_callback (widget_class, on_log_spasm);
  gtk_widget_class_bind_template_callback (widget_class, on_log_therapy);
  gtk_widget_class_bind_template_callback (widget_class, on_radiating_active_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_radiating_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rest_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_spasm_changed);

  gtk_widget_class_set_css_name (widget_class, "lumbartodaypage");
}

static void
limit_entry_row (AdwEntryRow *row,
                 int          max_chars)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), max_chars);
}

static void
lumbar_today_page_init (LumbarTodayPage *self)
{
  g_autoptr(GtkStringList) supports = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) therapies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each of these has its accessible label in the template. */
  {
    GtkWidget *named[] = {
      GTK_WIDGET (self->local_scale), GTK_WIDGET (self->radiating_scale), GTK_WIDGET (self->spasm_scale),
      GTK_WIDGET (self->radiating_switch), GTK_WIDGET (self->legs_switch), GTK_WIDGET (self->knees_switch),
      GTK_WIDGET (self->log_pain_button), GTK_WIDGET (self->log_spasm_button), GTK_WIDGET (self->rest_button),
      GTK_WIDGET (self->incline_button), GTK_WIDGET (self->log_therapy_button),
    };

    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      lumbar_accessible_name_once (named[i]);
  }
  /* Three fields are titled "Note"; a screen reader says which. */
  lumbar_entry_row_set_accessible_name (self->pain_note_row, _("Pain note"));
  lumbar_entry_row_set_accessible_name (self->spasm_note_row, _("Spasm note"));
  lumbar_entry_row_set_accessible_name (self->therapy_note_row, _("Therapy note"));
  lumbar_entry_row_set_accessible_name (self->trigger_row,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->trigger_row)));

  setup_scale (self->local_scale);
  setup_scale (self->radiating_scale);
  setup_scale (self->spasm_scale);
  on_local_changed (self);
  on_radiating_changed (self);
  on_spasm_changed (self);

  on_flag_toggled (self);

  for (LumbarSupport s = LUMBAR_SUPPORT_PILLOWS; s <= LUMBAR_SUPPORT_OTHER; s++)
    gtk_string_list_append (supports, lumbar_support_get_label (s));
  adw_combo_row_set_model (self->support_row, G_LIST_MODEL (supports));

  for (LumbarTherapy t = LUMBAR_THERAPY_MANUAL; t <= LUMBAR_THERAPY_OTHER; t++)
    gtk_string_list_append (therapies, lumbar_therapy_get_label (t));
  adw_combo_row_set_model (self->therapy_row, G_LIST_MODEL (therapies));

  limit_entry_row (self->pain_note_row, LUMBAR_NOTE_MAX_CHARS);
  limit_entry_row (self->spasm_note_row, LUMBAR_NOTE_MAX_CHARS);
  limit_entry_row (self->therapy_note_row, LUMBAR_NOTE_MAX_CHARS);
  limit_entry_row (self->trigger_row, LUMBAR_TRIGGER_MAX_CHARS);

  add_when_row (self, WHEN_PAIN, self->pain_group, _("Log pain earlier"));
  add_when_row (self, WHEN_SPASM, self->spasm_group, _("Log spasm earlier"));
  add_when_row (self, WHEN_THERAPY, self->therapy_group, _("Log therapy visit earlier"));

  self->today_entries = g_list_store_new (LUMBAR_TYPE_ENTRY);
  gtk_list_box_bind_model (self->entries_list, G_LIST_MODEL (self->today_entries),
                           create_entry_row, NULL, NULL);

  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, on_tick, self);

  update_sensitivity (self);
  update_timers (self);
}

GtkWidget *
lumbar_today_page_new (LumbarStore *store)
{
  return g_object_new (LUMBAR_TYPE_TODAY_PAGE, "store", store, NULL);
}

LumbarStore *
lumbar_today_page_get_store (LumbarTodayPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_TODAY_PAGE (self), NULL);
  return self->store;
}

void
lumbar_today_page_set_store (LumbarTodayPage *self,
                             LumbarStore     *store)
{
  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));
  g_return_if_fail (store == NULL || LUMBAR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (self->journal, self);
      g_clear_object (&self->journal);
      g_clear_object (&self->store);
    }

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->journal = g_object_ref (lumbar_store_get_journal (store));
      g_signal_connect_object (store, "notify::loaded", G_CALLBACK (on_store_loaded_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::read-only", G_CALLBACK (update_sensitivity),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->journal, "items-changed", G_CALLBACK (on_journal_items_changed),
                               self, G_CONNECT_SWAPPED);
    }

  if (self->today_entries != NULL)
    {
      update_sensitivity (self);
      update_timers (self);
      update_today_entries (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lumbar_today_page_set_tracker:
 * @self: a Today page
 * @tracker: (nullable): the diary's summary, for the tip card
 */
void
lumbar_today_page_set_tracker (LumbarTodayPage      *self,
                               LumbarSummaryTracker *tracker)
{
  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));

  if (lumbar_tip_card_get_tracker (self->tip_card) == tracker)
    return;

  lumbar_tip_card_set_tracker (self->tip_card, tracker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}

/**
 * lumbar_today_page_focus_pain_form:
 * @self: a Today page
 *
 * Scrolls to the pain form and puts the focus on the local pain slider,
 * e.g. when the person answers a reminder.
 */
void
lumbar_today_page_focus_pain_form (LumbarTodayPage *self)
{
  GtkWidget *scroller;
  graphene_point_t top;

  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));

  /* Not a bound template child: AdwBin owns the scroller, and disposing
   * the template would unparent it a second time. */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->pain_group), GTK_TYPE_SCROLLED_WINDOW);

  /* The viewport scrolls to a newly focused child by itself, but not when
   * the slider already had the focus: bring the form's top into view. */
  if (gtk_widget_compute_point (GTK_WIDGET (self->pain_group),
                                gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              MAX (0, top.y - 12));
  gtk_widget_grab_focus (GTK_WIDGET (self->local_scale));
}

/**
 * lumbar_today_page_set_now:
 * @self: a Today page
 * @now: (nullable): the moment the page takes for now, or %NULL for the
 *   real clock
 *
 * For tests: the page reads "now" (for "since", forgotten timers and
 * times still to come) from here.
 */
void
lumbar_today_page_set_now (LumbarTodayPage *self,
                           GDateTime       *now)
{
  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
  update_timers (self);
}

static void
on_ask_radiating_changed (LumbarTodayPage *self)
{
  gtk_switch_set_active (self->radiating_switch, lumbar_settings_get_ask_radiating (self->settings));
}

static void
on_default_support_changed (LumbarTodayPage *self)
{
  adw_combo_row_set_selected (self->support_row, lumbar_settings_get_default_support (self->settings));
}

/**
 * lumbar_today_page_set_settings:
 * @self: a Today page
 * @settings: (nullable): the person's preferences
 *
 * The pain form opens with radiating pain switched on when the person
 * asked for that, and inclined sitting starts from their usual back
 * support; both follow changes to the preferences.
 */
void
lumbar_today_page_set_settings (LumbarTodayPage *self,
                                LumbarSettings  *settings)
{
  g_return_if_fail (LUMBAR_IS_TODAY_PAGE (self));
  g_return_if_fail (settings == NULL || LUMBAR_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;

  g_signal_connect_object (settings, "notify::ask-radiating",
                           G_CALLBACK (on_ask_radiating_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::default-support",
                           G_CALLBACK (on_default_support_changed), self, G_CONNECT_SWAPPED);
  on_ask_radiating_changed (self);
  on_default_support_changed (self);
}
