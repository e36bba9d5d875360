/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-store.h"

G_BEGIN_DECLS

/* No reminder when a pain reading was logged this long before its time. */
#define LUMBAR_REMINDER_QUIET_SECONDS   (2 * 3600)
/* A reminder later than this (after a suspend, a late start) is skipped. */
#define LUMBAR_REMINDER_LATE_SECONDS    (30 * 60)
/* A rest or inclined-sitting timer running this long asks once. */
#define LUMBAR_TIMER_OVERDUE_SECONDS    (2 * 3600)

/**
 * LumbarClockFunc:
 * @user_data: the data given with the clock
 *
 * Returns: (transfer full): the current local time
 */
typedef GDateTime *(*LumbarClockFunc) (gpointer user_data);

#define LUMBAR_TYPE_REMINDERS (lumbar_reminders_get_type ())

G_DECLARE_FINAL_TYPE (LumbarReminders, lumbar_reminders, LUMBAR, REMINDERS, GObject)

LumbarReminders *lumbar_reminders_new           (LumbarStore        *store);
void             lumbar_reminders_set_times     (LumbarReminders    *self,
                                                 const char * const *times);
void             lumbar_reminders_set_clock     (LumbarReminders    *self,
                                                 LumbarClockFunc     clock,
                                                 gpointer            user_data,
                                                 GDestroyNotify      destroy);
void             lumbar_reminders_check         (LumbarReminders    *self);
GDateTime       *lumbar_reminders_dup_next_due  (LumbarReminders    *self);
GDateTime       *lumbar_reminders_dup_next_check (LumbarReminders   *self);

G_END_DECLS
