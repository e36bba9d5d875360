/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-reminders"

#include "config.h"

#include <string.h>

#include "lumbar-reminders.h"
#include "lumbar-settings.h"

/* Decides when to remind the person to log pain, and when a rest or
 * inclined-sitting timer has run long enough to ask about it (DESIGN.md,
 * "Settings and reminders"). It only decides: the application turns its
 * signals into notifications.
 *
 * Every decision reads the injectable clock, so tests call
 * lumbar_reminders_check() with a made-up time instead of waiting; the
 * GLib timeout only says when to look next. A timeout runs on the
 * monotonic clock, which stands still during a suspend, so it never waits
 * more than CHECK_CAP_SECONDS: after a resume or a change of the wall
 * clock, a reminder comes at most that late (or is skipped when it is
 * more than 30 minutes late). */

#define CHECK_CAP_SECONDS (5 * 60)

struct _LumbarReminders
{
  GObject          parent_instance;

  LumbarStore     *store;
  GStrv            times;            /* "HH:MM", valid */
  LumbarClockFunc  clock;
  gpointer         clock_data;
  GDestroyNotify   clock_destroy;

  /* "YYYY-MM-DD HH:MM" of each reminder already sent or skipped: never
   * twice for the same time on the same day. Memory only, as DESIGN.md
   * says; a restart within the 30 minutes may remind again. */
  GHashTable      *handled;
  /* Start (Unix time) of the timer of each kind already asked about. */
  gint64           timer_asked[LUMBAR_N_KINDS];

  guint            timeout_id;
  GDateTime       *next_check;
};

G_DEFINE_FINAL_TYPE (LumbarReminders, lumbar_reminders, G_TYPE_OBJECT)

enum {
  SIGNAL_REMIND,
  SIGNAL_TIMER_OVERDUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
system_clock (gpointer user_data)
{
  return g_date_time_new_now_local ();
}

static GDateTime *
now (LumbarReminders *self)
{
  return self->clock (self->clock_data);
}

/* Whether the diary is known well enough to tell whether pain was logged:
 * read, or failed to read (then there is nothing to wait for). */
static gboolean
store_ready (LumbarReminders *self)
{
  return lumbar_store_get_loaded (self->store) ||
         (lumbar_store_get_read_only (self->store) && !lumbar_store_get_loading (self->store));
}

/* @time on the day @days after @today's date, in @today's time zone;
 * NULL when that moment does not exist (a daylight-saving gap). */
static GDateTime *
time_on_day (GDateTime  *today,
             int         days,
             const char *time)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);
  int hour, minute;

  if (day == NULL || !lumbar_settings_parse_time (time, &hour, &minute))
    return NULL;
  return g_date_time_new (g_date_time_get_timezone (today),
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static char *
handled_key (GDateTime  *due,
             const char *time)
{
  g_autofree char *date = g_date_time_format (due, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", date, time);
}

/* Whether a pain reading lies in [@from, @until]. The journal is in time
 * order, so only its last entries are looked at. */
static gboolean
pain_logged_between (LumbarReminders *self,
                     gint64           from,
                     gint64           until)
{
  LumbarJournal *journal = lumbar_store_get_journal (self->store);

  for (guint i = lumbar_journal_get_n_entries (journal); i > 0; i--)
    {
      LumbarEntry *entry = lumbar_journal_get_entry (journal, i - 1);
      gint64 time = lumbar_entry_get_time (entry);

      if (time < from)
        break;
      if (time <= until && lumbar_entry_get_kind (entry) == LUMBAR_KIND_PAIN)
        return TRUE;
    }
  return FALSE;
}

static void
check_reminders (LumbarReminders *self,
                 GDateTime       *current)
{
  gint64 current_s = g_date_time_to_unix (current);

  /* Yesterday too: 23:50's reminder is due at 00:10 after a late wake-up. */
  for (int days = -1; days <= 0; days++)
    for (guint i = 0; self->times[i] != NULL; i++)
      {
        g_autoptr(GDateTime) due = time_on_day (current, days, self->times[i]);
        g_autofree char *key = NULL;
        gint64 due_s;

        if (due == NULL || g_date_time_compare (due, current) > 0)
          continue;
        key = handled_key (due, self->times[i]);
        if (g_hash_table_contains (self->handled, key))
          continue;
        g_hash_table_add (self->handled, g_steal_pointer (&key));

        due_s = g_date_time_to_unix (due);
        if (current_s - due_s > LUMBAR_REMINDER_LATE_SECONDS)
          {
            g_debug ("Skipping the %s reminder: %" G_GINT64_FORMAT " s late",
                     self->times[i], current_s - due_s);
            continue;
          }
        /* Pain logged since the reminder time (while it was late) counts
         * as well. */
        if (pain_logged_between (self, due_s - LUMBAR_REMINDER_QUIET_SECONDS, current_s))
          {
            g_debug ("No %s reminder: pain was logged", self->times[i]);
            continue;
          }
        g_signal_emit (self, signals[SIGNAL_REMIND], 0, self->times[i], due_s);
      }
}

static void
check_timers (LumbarReminders *self,
              GDateTime       *current)
{
  const LumbarKind kinds[] = { LUMBAR_KIND_REST, LUMBAR_KIND_INCLINE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GDateTime) start = NULL;
      gint64 start_s;

      if (!lumbar_store_get_timer (self->store, kinds[i], &start))
        {
          self->timer_asked[kinds[i]] = 0;
          continue;
        }
      start_s = g_date_time_to_unix (start);
      if (g_date_time_to_unix (current) - start_s < LUMBAR_TIMER_OVERDUE_SECONDS ||
          self->timer_asked[kinds[i]] == start_s)
        continue;
      self->timer_asked[kinds[i]] = start_s;
      g_signal_emit (self, signals[SIGNAL_TIMER_OVERDUE], 0, (int) kinds[i], start_s);
    }
}

/* Forgets the days before yesterday; the keys start with the ISO date. */
static void
forget_old_days (LumbarReminders *self,
                 GDateTime       *current)
{
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (current, -1);
  g_autofree char *first = yesterday ? g_date_time_format (yesterday, "%Y-%m-%d") : NULL;
  GHashTableIter iter;
  const char *key;

  if (first == NULL)
    return;
  g_hash_table_iter_init (&iter, self->handled);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (strncmp (key, first, strlen (first)) < 0)
      g_hash_table_iter_remove (&iter);
}

static GDateTime *
next_due (LumbarReminders *self,
          GDateTime       *current)
{
  GDateTime *next = NULL;

  /* Two days ahead: today's times may all be past, and tomorrow's may fall
   * in a daylight-saving gap. */
  for (int days = 0; days <= 2; days++)
    for (guint i = 0; self->times[i] != NULL; i++)
      {
        g_autoptr(GDateTime) due = time_on_day (current, days, self->times[i]);
        g_autofree char *key = NULL;

        if (due == NULL || g_date_time_compare (due, current) <= 0)
          continue;
        key = handled_key (due, self->times[i]);
        if (g_hash_table_contains (self->handled, key))
          continue;
        if (next == NULL || g_date_time_compare (due, next) < 0)
          {
            g_clear_pointer (&next, g_date_time_unref);
            next = g_steal_pointer (&due);
          }
      }
  return next;
}

static gboolean
timeout_cb (gpointer user_data)
{
  LumbarReminders *self = user_data;

  self->timeout_id = 0;
  lumbar_reminders_check (self);
  return G_SOURCE_REMOVE;
}

static void
arm (LumbarReminders *self,
     GDateTime       *current)
{
  const LumbarKind kinds[] = { LUMBAR_KIND_REST, LUMBAR_KIND_INCLINE };
  GDateTime *next = g_date_time_add_seconds (current, CHECK_CAP_SECONDS);
  g_autoptr(GDateTime) due = next_due (self, current);
  GTimeSpan wait;

  if (due != NULL && g_date_time_compare (due, next) < 0)
    {
      g_date_time_unref (next);
      next = g_date_time_ref (due);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) overdue = NULL;

      if (!lumbar_store_get_timer (self->store, kinds[i], &start) ||
          self->timer_asked[kinds[i]] == g_date_time_to_unix (start))
        continue;
      overdue = g_date_time_add_seconds (start, LUMBAR_TIMER_OVERDUE_SECONDS);
      if (g_date_time_compare (overdue, next) < 0)
        {
          g_date_time_unref (next);
          next = g_steal_pointer (&overdue);
        }
    }

  g_clear_pointer (&self->next_check, g_date_time_unref);
  self->next_check = next;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* One millisecond more, so the clock reads at or past the due time. */
  wait = MAX (g_date_time_difference (next, current), 0);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (wait / 1000) + 1,
                                         timeout_cb, self, NULL);
  g_source_set_name_by_id (self->timeout_id, "[lumbar] reminders");
}

/**
 * lumbar_reminders_check:
 * @self: the reminders
 *
 * Looks at the clock now: emits #LumbarReminders::remind for each
 * reminder due and #LumbarReminders::timer-overdue for each timer that
 * has run too long, then waits for the next. Before the diary is read it
 * only waits for it.
 */
void
lumbar_reminders_check (LumbarReminders *self)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_if_fail (LUMBAR_IS_REMINDERS (self));

  if (!store_ready (self))
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      g_clear_pointer (&self->next_check, g_date_time_unref);
      return;
    }

  current = now (self);
  g_object_ref (self);
  forget_old_days (self, current);
  check_reminders (self, current);
  check_timers (self, current);
  /* A handler may have run a main loop; ask the clock again. */
  g_clear_pointer (&current, g_date_time_unref);
  current = now (self);
  arm (self, current);
  g_object_unref (self);
}

static void
on_store_changed (LumbarReminders *self)
{
  lumbar_reminders_check (self);
}

static void
lumbar_reminders_dispose (GObject *object)
{
  LumbarReminders *self = (LumbarReminders *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->clock_destroy != NULL)
    g_clear_pointer (&self->clock_data, self->clock_destroy);
  self->clock_destroy = NULL;

  G_OBJECT_CLASS (lumbar_reminders_parent_class)->dispose (object);
}

static void
lumbar_reminders_finalize (GObject *object)
{
  LumbarReminders *self = (LumbarReminders *) object;

  g_strfreev (self->times);
  g_hash_table_unref (self->handled);
  g_clear_pointer (&self->next_check, g_date_time_unref);

  G_OBJECT_CLASS (lumbar_reminders_parent_class)->finalize (object);
}

static void
lumbar_reminders_class_init (LumbarRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_reminders_dispose;
  object_class->finalize = lumbar_reminders_finalize;

  /**
   * LumbarReminders::remind:
   * @self: the reminders
   * @time: the reminder's time, "HH:MM"
   * @due: when it was due, Unix time
   *
   * A reminder to log pain is due now.
   */
  signals[SIGNAL_REMIND] =
    g_signal_new ("remind", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * LumbarReminders::timer-overdue:
   * @self: the reminders
   * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
   * @start: when the timer started, Unix time
   *
   * A timer has been running for %LUMBAR_TIMER_OVERDUE_SECONDS; emitted
   * once for each timer.
   */
  signals[SIGNAL_TIMER_OVERDUE] =
    g_signal_new ("timer-overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
lumbar_reminders_init (LumbarReminders *self)
{
  self->times = g_new0 (char *, 1);
  self->clock = system_clock;
  self->handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * lumbar_reminders_new:
 * @store: the diary, for pain readings and timers
 *
 * Returns: (transfer full): reminders with no times yet; they start
 *   looking at the clock once @store is read
 */
LumbarReminders *
lumbar_reminders_new (LumbarStore *store)
{
  LumbarReminders *self;

  g_return_val_if_fail (LUMBAR_IS_STORE (store), NULL);

  self = g_object_new (LUMBAR_TYPE_REMINDERS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "notify::loaded", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (store, "notify::read-only", G_CALLBACK (on_store_changed), self);
  lumbar_reminders_check (self);
  return self;
}

/**
 * lumbar_reminders_set_times:
 * @self: the reminders
 * @times: (nullable) (array zero-terminated=1): local times "HH:MM";
 *   anything else is ignored
 *
 * Replaces the times and looks at the clock at once: a time set to now
 * reminds now.
 */
void
lumbar_reminders_set_times (LumbarReminders    *self,
                            const char * const *times)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (LUMBAR_IS_REMINDERS (self));

  for (gsize i = 0; times != NULL && times[i] != NULL; i++)
    if (lumbar_settings_parse_time (times[i], NULL, NULL))
      g_strv_builder_add (builder, times[i]);
  g_strfreev (self->times);
  self->times = g_strv_builder_end (builder);

  lumbar_reminders_check (self);
}

/**
 * lumbar_reminders_set_clock:
 * @self: the reminders
 * @clock: (nullable): gives the current local time; %NULL for the system's
 * @user_data: for @clock
 * @destroy: (nullable): frees @user_data
 *
 * For tests: the time every decision reads. It takes effect at the next
 * lumbar_reminders_check().
 */
void
lumbar_reminders_set_clock (LumbarReminders *self,
                            LumbarClockFunc  clock,
                            gpointer         user_data,
                            GDestroyNotify   destroy)
{
  g_return_if_fail (LUMBAR_IS_REMINDERS (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = clock ? clock : system_clock;
  self->clock_data = clock ? user_data : NULL;
  self->clock_destroy = clock ? destroy : NULL;
}

/**
 * lumbar_reminders_dup_next_due:
 * @self: the reminders
 *
 * Returns: (transfer full) (nullable): when the next reminder is due by
 *   the clock, or %NULL without times
 */
GDateTime *
lumbar_reminders_dup_next_due (LumbarReminders *self)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (LUMBAR_IS_REMINDERS (self), NULL);

  current = now (self);
  return next_due (self, current);
}

/**
 * lumbar_reminders_dup_next_check:
 * @self: the reminders
 *
 * Returns: (transfer full) (nullable): when the timeout looks next, or
 *   %NULL while waiting for the diary
 */
GDateTime *
lumbar_reminders_dup_next_check (LumbarReminders *self)
{
  g_return_val_if_fail (LUMBAR_IS_REMINDERS (self), NULL);
  return self->next_check ? g_date_time_ref (self->next_check) : NULL;
}
