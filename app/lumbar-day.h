/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A day is a calendar date counted in days since 1970-01-01 (day 0).
 * A record's day is the date in the UTC offset it was recorded with. */
typedef gint32 LumbarDay;

#define LUMBAR_DAY_INVALID G_MININT32

LumbarDay  lumbar_day_from_ymd        (int year, int month, int day);
gboolean   lumbar_day_parse           (const char *text, LumbarDay *out_day);
char      *lumbar_day_to_string       (LumbarDay day);
void       lumbar_day_to_ymd          (LumbarDay day, int *year, int *month, int *mday);
LumbarDay  lumbar_day_from_time       (gint64 unix_time, int utc_offset);
LumbarDay  lumbar_day_today           (void);
GDateTime *lumbar_day_to_date_time    (LumbarDay day);
int        lumbar_day_get_weekday     (LumbarDay day);
guint      lumbar_day_watch_midnight  (GSourceFunc func,
                                       gpointer    data);
char      *lumbar_day_format_iso8601  (gint64      unix_time,
                                       int         utc_offset);

G_END_DECLS
