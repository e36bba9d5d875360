/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Hand-built diaries for the trends and tips tests, written as a line of
 * tokens relative to a fixed `today`:
 *
 *   P3=5            pain 5, three days before today, at 12:00 UTC
 *   P6..0=4         pain 4 on every day from today−6 to today
 *   P0=2,2,10       three readings on one day (a minute apart)
 *   P2=5/3          local 5, radiating 3
 *   P3=9@23:30-05:00  at 23:30 in UTC−5: its day is today−3 in that offset
 *   P1=6!fever,both-legs   red-flag symptoms
 *   S2=7            spasm of intensity 7
 *   R1=10  I4=30    rest and inclined sitting, in minutes
 *   T13=m  T3=e     therapy: m manual, e exercise, o other
 *   P-1=9           a negative day is after today
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lumbar-entry.h"

#define DIARY_TODAY (lumbar_day_from_ymd (2026, 11, 27))

static void
diary_parse_time (const char *text,
                  int        *seconds,
                  int        *offset)
{
  int hh = 0, mm = 0, oh = 0, om = 0;
  char sign = '+';

  if (sscanf (text, "%d:%d%c%d:%d", &hh, &mm, &sign, &oh, &om) < 2)
    g_error ("bad time “%s”", text);
  *seconds = hh * 3600 + mm * 60;
  *offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
}

static LumbarEntry *
diary_entry (char        kind,
             LumbarDay   day,
             int         seconds,
             int         offset,
             const char *value,
             LumbarFlags flags)
{
  g_autoptr(LumbarEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *slash;

  switch (kind)
    {
    case 'P':
      entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      lumbar_entry_set_local (entry, atoi (value));
      slash = strchr (value, '/');
      lumbar_entry_set_radiating (entry, slash ? atoi (slash + 1) : LUMBAR_RADIATING_NONE);
      lumbar_entry_set_flags (entry, flags);
      break;
    case 'S':
      entry = lumbar_entry_new (LUMBAR_KIND_SPASM);
      lumbar_entry_set_intensity (entry, atoi (value));
      break;
    case 'R':
      entry = lumbar_entry_new (LUMBAR_KIND_REST);
      lumbar_entry_set_minutes (entry, atoi (value));
      break;
    case 'I':
      entry = lumbar_entry_new (LUMBAR_KIND_INCLINE);
      lumbar_entry_set_minutes (entry, atoi (value));
      lumbar_entry_set_support (entry, LUMBAR_SUPPORT_PILLOWS);
      lumbar_entry_set_legs_supported (entry, TRUE);
      lumbar_entry_set_knees_bent (entry, TRUE);
      break;
    case 'T':
      entry = lumbar_entry_new (LUMBAR_KIND_THERAPY);
      lumbar_entry_set_therapy (entry, value[0] == 'm' ? LUMBAR_THERAPY_MANUAL :
                                       value[0] == 'e' ? LUMBAR_THERAPY_EXERCISE :
                                                         LUMBAR_THERAPY_OTHER);
      break;
    default:
      g_error ("unknown kind “%c”", kind);
    }

  /* @seconds is the local time of day in @offset. */
  lumbar_entry_set_time (entry, (gint64) day * 86400 + seconds - offset, offset);
  g_assert_cmpint (lumbar_entry_get_day (entry), ==, day);
  if (!lumbar_entry_validate (entry, &error))
    g_error ("invalid test entry: %s", error->message);

  return g_steal_pointer (&entry);
}

/* Returns: (transfer container): the entries, in the order written */
static GPtrArray *
diary_build (const char *spec,
             LumbarDay   today)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) tokens = g_strsplit_set (spec, " \n", -1);

  for (guint t = 0; tokens[t]; t++)
    {
      const char *tok = tokens[t];
      char kind;
      char *end;
      long a, b;
      int seconds = 12 * 3600, offset = 0;
      LumbarFlags flags = 0;
      g_autofree char *values = NULL;
      g_auto(GStrv) list = NULL;
      const char *eq, *at, *bang;

      if (*tok == '\0')
        continue;

      kind = tok[0];
      a = b = strtol (tok + 1, &end, 10);
      if (g_str_has_prefix (end, ".."))
        b = strtol (end + 2, &end, 10);
      if (*end != '=')
        g_error ("bad token “%s”", tok);
      eq = end + 1;

      at = strchr (eq, '@');
      bang = strchr (eq, '!');
      values = g_strndup (eq, at ? (gsize) (at - eq) : bang ? (gsize) (bang - eq) : strlen (eq));
      if (at)
        {
          g_autofree char *time = g_strndup (at + 1, bang && bang > at ? (gsize) (bang - at - 1) : strlen (at + 1));

          diary_parse_time (time, &seconds, &offset);
        }
      if (bang)
        {
          g_autofree char *names = g_strndup (bang + 1, at && at > bang ? (gsize) (at - bang - 1) : strlen (bang + 1));
          g_auto(GStrv) flag_names = g_strsplit (names, ",", -1);

          for (guint i = 0; flag_names[i]; i++)
            {
              LumbarFlags flag;

              if (!lumbar_flag_from_string (flag_names[i], &flag))
                g_error ("unknown flag “%s”", flag_names[i]);
              flags |= flag;
            }
        }

      list = g_strsplit (values, ",", -1);
      for (long d = MAX (a, b); d >= MIN (a, b); d--)
        for (guint i = 0; list[i]; i++)
          g_ptr_array_add (entries, diary_entry (kind, today - (LumbarDay) d, seconds + (int) i * 60,
                                                 offset, list[i], flags));
    }

  return entries;
}
