/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

typedef enum {
  LUMBAR_KIND_PAIN,
  LUMBAR_KIND_SPASM,
  LUMBAR_KIND_REST,
  LUMBAR_KIND_INCLINE,
  LUMBAR_KIND_THERAPY,
  LUMBAR_N_KINDS
} LumbarKind;

/* Red-flag symptoms, recorded with a pain reading. Any of them makes the
 * red-flag notice active (DESIGN.md); leg-numbness is accepted because the
 * format's own example uses it. */
typedef enum {
  LUMBAR_FLAG_NONE            = 0,
  LUMBAR_FLAG_BOTH_LEGS       = 1 << 0,
  LUMBAR_FLAG_SADDLE_NUMBNESS = 1 << 1,
  LUMBAR_FLAG_BLADDER_BOWEL   = 1 << 2,
  LUMBAR_FLAG_LEG_WEAKNESS    = 1 << 3,
  LUMBAR_FLAG_FEVER           = 1 << 4,
  LUMBAR_FLAG_AFTER_FALL      = 1 << 5,
  LUMBAR_FLAG_NIGHT_PAIN      = 1 << 6,
  LUMBAR_FLAG_LEG_NUMBNESS    = 1 << 7,
} LumbarFlags;

#define LUMBAR_N_FLAGS 8

typedef enum {
  LUMBAR_SUPPORT_PILLOWS,
  LUMBAR_SUPPORT_RECLINER,
  LUMBAR_SUPPORT_OTHER,
} LumbarSupport;

typedef enum {
  LUMBAR_THERAPY_MANUAL,
  LUMBAR_THERAPY_EXERCISE,
  LUMBAR_THERAPY_OTHER,
} LumbarTherapy;

#define LUMBAR_PAIN_MIN        0
#define LUMBAR_PAIN_MAX        10
#define LUMBAR_MINUTES_MIN     1
#define LUMBAR_MINUTES_MAX     1440
#define LUMBAR_NOTE_MAX_CHARS  4000
#define LUMBAR_TRIGGER_MAX_CHARS 200
#define LUMBAR_RADIATING_NONE  (-1)
/* The years a time may fall in, in its own offset and in UTC: the ones
 * every view (calendar, chart axis, GDateTime) can show. */
#define LUMBAR_YEAR_MIN        1900
#define LUMBAR_YEAR_MAX        2200

#define LUMBAR_TYPE_ENTRY (lumbar_entry_get_type ())

G_DECLARE_FINAL_TYPE (LumbarEntry, lumbar_entry, LUMBAR, ENTRY, GObject)

LumbarEntry   *lumbar_entry_new                (LumbarKind          kind);
LumbarEntry   *lumbar_entry_new_bare           (LumbarKind          kind);
void           lumbar_entry_reset              (LumbarEntry        *self,
                                                LumbarKind          kind);
LumbarEntry   *lumbar_entry_copy               (LumbarEntry        *self);
gboolean       lumbar_entry_equal              (LumbarEntry        *a,
                                                LumbarEntry        *b);
gboolean       lumbar_entry_validate           (LumbarEntry        *self,
                                                GError            **error);

LumbarKind     lumbar_entry_get_kind           (LumbarEntry        *self);
const char    *lumbar_entry_get_id             (LumbarEntry        *self);
void           lumbar_entry_set_id             (LumbarEntry        *self,
                                                const char         *id);
gint64         lumbar_entry_get_time           (LumbarEntry        *self);
int            lumbar_entry_get_utc_offset     (LumbarEntry        *self);
void           lumbar_entry_set_time           (LumbarEntry        *self,
                                                gint64              unix_time,
                                                int                 utc_offset);
void           lumbar_entry_set_date_time      (LumbarEntry        *self,
                                                GDateTime          *date_time);
GDateTime     *lumbar_entry_dup_date_time      (LumbarEntry        *self);
char          *lumbar_entry_dup_iso8601        (LumbarEntry        *self);
LumbarDay      lumbar_entry_get_day            (LumbarEntry        *self);
gint64         lumbar_entry_get_end_time       (LumbarEntry        *self);

int            lumbar_entry_get_local          (LumbarEntry        *self);
void           lumbar_entry_set_local          (LumbarEntry        *self,
                                                int                 local);
int            lumbar_entry_get_radiating      (LumbarEntry        *self);
void           lumbar_entry_set_radiating      (LumbarEntry        *self,
                                                int                 radiating);
LumbarFlags    lumbar_entry_get_flags          (LumbarEntry        *self);
void           lumbar_entry_set_flags          (LumbarEntry        *self,
                                                LumbarFlags         flags);
int            lumbar_entry_get_intensity      (LumbarEntry        *self);
void           lumbar_entry_set_intensity      (LumbarEntry        *self,
                                                int                 intensity);
const char    *lumbar_entry_get_trigger        (LumbarEntry        *self);
void           lumbar_entry_set_trigger        (LumbarEntry        *self,
                                                const char         *trigger);
int            lumbar_entry_get_minutes        (LumbarEntry        *self);
void           lumbar_entry_set_minutes        (LumbarEntry        *self,
                                                int                 minutes);
LumbarSupport  lumbar_entry_get_support        (LumbarEntry        *self);
void           lumbar_entry_set_support        (LumbarEntry        *self,
                                                LumbarSupport       support);
gboolean       lumbar_entry_get_legs_supported (LumbarEntry        *self);
void           lumbar_entry_set_legs_supported (LumbarEntry        *self,
                                                gboolean            legs_supported);
gboolean       lumbar_entry_get_knees_bent     (LumbarEntry        *self);
void           lumbar_entry_set_knees_bent     (LumbarEntry        *self,
                                                gboolean            knees_bent);
LumbarTherapy  lumbar_entry_get_therapy        (LumbarEntry        *self);
void           lumbar_entry_set_therapy        (LumbarEntry        *self,
                                                LumbarTherapy       therapy);
const char    *lumbar_entry_get_note           (LumbarEntry        *self);
void           lumbar_entry_set_note           (LumbarEntry        *self,
                                                const char         *note);

/* Names used in the file format (not translated). */
const char    *lumbar_kind_to_string           (LumbarKind          kind);
gboolean       lumbar_kind_from_string         (const char         *text,
                                                LumbarKind         *kind);
const char    *lumbar_flag_to_string           (LumbarFlags         flag);
gboolean       lumbar_flag_from_string         (const char         *text,
                                                LumbarFlags        *flag);
const char    *lumbar_support_to_string        (LumbarSupport       support);
gboolean       lumbar_support_from_string      (const char         *text,
                                                LumbarSupport      *support);
const char    *lumbar_therapy_to_string        (LumbarTherapy       therapy);
gboolean       lumbar_therapy_from_string      (const char         *text,
                                                LumbarTherapy      *therapy);

/* Translated labels for the user interface and reports. */
const char    *lumbar_kind_get_label           (LumbarKind          kind);
const char    *lumbar_flag_get_label           (LumbarFlags         flag);
const char    *lumbar_flag_get_english_label   (LumbarFlags         flag);
const char    *lumbar_support_get_label        (LumbarSupport       support);
const char    *lumbar_therapy_get_label        (LumbarTherapy       therapy);
const char    *lumbar_pain_get_meaning         (int                 pain);

char          *lumbar_uuid_new                 (void);
gboolean       lumbar_time_in_range            (gint64              unix_time,
                                                int                 utc_offset);

G_END_DECLS
