/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-summary-tracker"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-enums.h"
#include "lumbar-summary-tracker.h"

/* The one place that follows a diary and the calendar for everything that
 * shows tips or trends: Today's tip card, the Tips page, the chart and the
 * review windows all read its #LumbarSummaryTracker:summary and redraw on
 * its notification, instead of each watching the journal and midnight.
 *
 * Journal changes are coalesced: an import or an undo that changes many
 * entries in one main-loop iteration costs one summary. A new journal or
 * a new day is summarised at once, so whoever set it reads the result. */
struct _LumbarSummaryTracker
{
  GObject        parent_instance;

  LumbarJournal *journal;
  gulong         items_changed_id;
  LumbarDay      today;
  LumbarVoice    voice;
  gboolean       follows_clock;
  guint          clock_id;
  guint          update_id;
  LumbarSummary *summary;
};

G_DEFINE_FINAL_TYPE (LumbarSummaryTracker, lumbar_summary_tracker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_TODAY,
  PROP_FOLLOWS_CLOCK,
  PROP_VOICE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LumbarSummaryTracker *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->summary);

  if (self->journal != NULL)
    self->summary = lumbar_summary_new (self->journal, self->today, self->voice);
  else
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      self->summary = lumbar_summary_new_for_entries (none, self->today, self->voice);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static gboolean
on_update_idle (gpointer data)
{
  LumbarSummaryTracker *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed (LumbarSummaryTracker *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_update_idle, self, NULL);
}

static void
set_day (LumbarSummaryTracker *self,
         LumbarDay             today)
{
  if (self->today == today)
    return;

  self->today = today;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static gboolean
on_clock (gpointer data)
{
  LumbarSummaryTracker *self = data;

  /* The watch may wake early (a clock that was set): set_day() only acts
   * when the date really moved on. */
  self->clock_id = lumbar_day_watch_midnight (on_clock, self);
  set_day (self, lumbar_day_today ());
  return G_SOURCE_REMOVE;
}

static void
lumbar_summary_tracker_dispose (GObject *object)
{
  LumbarSummaryTracker *self = (LumbarSummaryTracker *) object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->journal != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_clear_object (&self->journal);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (lumbar_summary_tracker_parent_class)->dispose (object);
}

static void
lumbar_summary_tracker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LumbarSummaryTracker *self = LUMBAR_SUMMARY_TRACKER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_TODAY:
      g_value_set_int (value, self->today);
      break;
    case PROP_FOLLOWS_CLOCK:
      g_value_set_boolean (value, self->follows_clock);
      break;
    case PROP_VOICE:
      g_value_set_enum (value, self->voice);
      break;
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_summary_tracker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LumbarSummaryTracker *self = LUMBAR_SUMMARY_TRACKER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      lumbar_summary_tracker_set_journal (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      lumbar_summary_tracker_set_today (self, g_value_get_int (value));
      break;
    case PROP_VOICE:
      lumbar_summary_tracker_set_voice (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_summary_tracker_class_init (LumbarSummaryTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_summary_tracker_dispose;
  object_class->get_property = lumbar_summary_tracker_get_property;
  object_class->set_property = lumbar_summary_tracker_set_property;

  /**
   * LumbarSummaryTracker:journal:
   *
   * The diary summarised, or %NULL for an empty one.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSummaryTracker:today:
   *
   * The day summarised. Reads as the local date, moving on at midnight,
   * until a day is set; setting %LUMBAR_DAY_INVALID follows the clock
   * again.
   */
  properties[PROP_TODAY] =
    g_param_spec_int ("today", NULL, NULL,
                      G_MININT32, G_MAXINT32, LUMBAR_DAY_INVALID,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSummaryTracker:follows-clock:
   *
   * Whether #LumbarSummaryTracker:today is the local date.
   */
  properties[PROP_FOLLOWS_CLOCK] =
    g_param_spec_boolean ("follows-clock", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSummaryTracker:voice:
   *
   * Whom the summary's texts speak to: the person in their own window, or
   * about the patient in a review of their export.
   */
  properties[PROP_VOICE] =
    g_param_spec_enum ("voice", NULL, NULL,
                       LUMBAR_TYPE_VOICE, LUMBAR_VOICE_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSummaryTracker:summary:
   *
   * Trends, tips and red flags of the journal as of the day. Notified
   * whenever either changed; never %NULL.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_summary_tracker_init (LumbarSummaryTracker *self)
{
  self->follows_clock = TRUE;
  self->today = lumbar_day_today ();
  self->clock_id = lumbar_day_watch_midnight (on_clock, self);
  update (self);
}

/**
 * lumbar_summary_tracker_new:
 * @journal: (nullable): the diary
 *
 * Returns: (transfer full): a tracker of @journal that follows the local date
 */
LumbarSummaryTracker *
lumbar_summary_tracker_new (LumbarJournal *journal)
{
  g_return_val_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_SUMMARY_TRACKER, "journal", journal, NULL);
}

/**
 * lumbar_summary_tracker_get_journal:
 * @self: a tracker
 *
 * Returns: (transfer none) (nullable): the diary
 */
LumbarJournal *
lumbar_summary_tracker_get_journal (LumbarSummaryTracker *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self), NULL);
  return self->journal;
}

/**
 * lumbar_summary_tracker_set_journal:
 * @self: a tracker
 * @journal: (nullable): the diary
 *
 * Follows @journal and summarises it at once.
 */
void
lumbar_summary_tracker_set_journal (LumbarSummaryTracker *self,
                                    LumbarJournal        *journal)
{
  g_return_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self));
  g_return_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    self->items_changed_id = g_signal_connect_swapped (journal, "items-changed",
                                                       G_CALLBACK (on_items_changed), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

/**
 * lumbar_summary_tracker_get_today:
 * @self: a tracker
 *
 * Returns: the day summarised
 */
LumbarDay
lumbar_summary_tracker_get_today (LumbarSummaryTracker *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self), LUMBAR_DAY_INVALID);
  return self->today;
}

/**
 * lumbar_summary_tracker_set_today:
 * @self: a tracker
 * @today: a day, or %LUMBAR_DAY_INVALID to follow the local date
 */
void
lumbar_summary_tracker_set_today (LumbarSummaryTracker *self,
                                  LumbarDay             today)
{
  gboolean follows_clock = today == LUMBAR_DAY_INVALID;

  g_return_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self));

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (follows_clock)
    {
      self->clock_id = lumbar_day_watch_midnight (on_clock, self);
      today = lumbar_day_today ();
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->follows_clock != follows_clock)
    {
      self->follows_clock = follows_clock;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWS_CLOCK]);
    }
  set_day (self, today);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lumbar_summary_tracker_get_follows_clock:
 * @self: a tracker
 *
 * Returns: whether the day summarised is the local date
 */
gboolean
lumbar_summary_tracker_get_follows_clock (LumbarSummaryTracker *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self), FALSE);
  return self->follows_clock;
}

/**
 * lumbar_summary_tracker_get_summary:
 * @self: a tracker
 *
 * Returns: (transfer none): the summary of the journal as of the day
 */
LumbarSummary *
lumbar_summary_tracker_get_summary (LumbarSummaryTracker *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self), NULL);
  return self->summary;
}

/**
 * lumbar_summary_tracker_get_voice:
 * @self: a tracker
 *
 * Returns: whom the summary's texts speak to
 */
LumbarVoice
lumbar_summary_tracker_get_voice (LumbarSummaryTracker *self)
{
  g_return_val_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self), LUMBAR_VOICE_PERSON);
  return self->voice;
}

/**
 * lumbar_summary_tracker_set_voice:
 * @self: a tracker
 * @voice: whom the summary's texts speak to
 */
void
lumbar_summary_tracker_set_voice (LumbarSummaryTracker *self,
                                  LumbarVoice           voice)
{
  g_return_if_fail (LUMBAR_IS_SUMMARY_TRACKER (self));

  if (self->voice == voice)
    return;
  self->voice = voice;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOICE]);
}
