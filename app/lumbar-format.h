/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

/* How decimal numbers are written inside texts. */
typedef enum {
  LUMBAR_NUMBERS_LOCALE,  /* the locale's decimal separator, for people */
  LUMBAR_NUMBERS_ASCII,   /* always '.', for JSON */
} LumbarNumbers;

/* Who a text speaks to (DESIGN.md → Voice): the person in their own
 * window ("your pain…"), or, in everything a therapist reads, about the
 * patient in the third person ("the patient's pain…"). */
typedef enum {
  LUMBAR_VOICE_PERSON,
  LUMBAR_VOICE_THERAPIST,
} LumbarVoice;

/* The ways a date is written; every view picks one of these, so a date
 * reads the same on every screen and page. */
typedef enum {
  LUMBAR_DATE_WEEKDAY,        /* Thursday, 3 December 2026: headings */
  LUMBAR_DATE_FULL,           /* 3 December 2026: sentences */
  LUMBAR_DATE_SHORT_WEEKDAY,  /* Thu, 3 Dec 2026: table rows, buttons */
  LUMBAR_DATE_SHORT,          /* 3 Dec 2026: periods, summaries */
  LUMBAR_DATE_NO_YEAR,        /* 3 Dec: chart axis */
  LUMBAR_DATE_MONTH,          /* Dec: chart axis */
  LUMBAR_DATE_YEAR,           /* 2026: chart axis */
} LumbarDateStyle;

char *lumbar_format_date      (LumbarDay        day,
                               LumbarDateStyle  style);
char *lumbar_format_period    (LumbarDay        from,
                               LumbarDay        to);
char *lumbar_format_time      (GDateTime       *date_time);
char *lumbar_format_date_time (GDateTime       *date_time);
char *lumbar_format_duration  (int              minutes);
char *lumbar_format_decimal   (double           value,
                               LumbarNumbers    numbers);
char *lumbar_format_percent   (double           percent);
char *lumbar_format_change    (double           before,
                               double           after);

G_END_DECLS
