/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-entry.h"
#include "lumbar-error.h"

struct _LumbarEntry
{
  GObject        parent_instance;

  char          *id;
  char          *trigger;
  char          *note;
  gint64         time;
  gint32         utc_offset;
  LumbarDay      day;
  guint16        flags;
  gint8          local;
  gint8          radiating;
  gint8          intensity;
  guint8         kind;
  guint8         support;
  guint8         therapy;
  gint16         minutes;
  guint          legs_supported : 1;
  guint          knees_bent : 1;
};

G_DEFINE_FINAL_TYPE (LumbarEntry, lumbar_entry, G_TYPE_OBJECT)

static const char *kind_names[] = { "pain", "spasm", "rest", "incline", "therapy" };
static const char *flag_names[] = {
  "both-legs", "saddle-numbness", "bladder-bowel", "leg-weakness",
  "fever", "after-fall", "night-pain", "leg-numbness",
};
static const char *support_names[] = { "pillows", "recliner", "other" };
static const char *therapy_names[] = { "manual", "exercise", "other" };

static void
lumbar_entry_finalize (GObject *object)
{
  LumbarEntry *self = (LumbarEntry *) object;

  g_free (self->id);
  g_free (self->trigger);
  g_free (self->note);

  G_OBJECT_CLASS (lumbar_entry_parent_class)->finalize (object);
}

static void
lumbar_entry_class_init (LumbarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lumbar_entry_finalize;
}

static void
lumbar_entry_init (LumbarEntry *self)
{
  self->radiating = LUMBAR_RADIATING_NONE;
  self->minutes = 0;
}

char *
lumbar_uuid_new (void)
{
  return g_uuid_string_random ();
}

/**
 * lumbar_entry_new:
 * @kind: what the entry records
 *
 * Creates an entry with a fresh random id, stamped now in the local offset.
 */
LumbarEntry *
lumbar_entry_new (LumbarKind kind)
{
  LumbarEntry *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (kind < LUMBAR_N_KINDS, NULL);

  self = g_object_new (LUMBAR_TYPE_ENTRY, NULL);
  self->kind = kind;
  self->id = lumbar_uuid_new ();
  lumbar_entry_set_date_time (self, now);
  if (kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE)
    self->minutes = 1;

  return self;
}

/**
 * lumbar_entry_new_bare:
 * @kind: what the entry records
 *
 * Creates an entry with no id and time 0, for readers that set every field.
 */
LumbarEntry *
lumbar_entry_new_bare (LumbarKind kind)
{
  LumbarEntry *self;

  g_return_val_if_fail (kind < LUMBAR_N_KINDS, NULL);

  self = g_object_new (LUMBAR_TYPE_ENTRY, NULL);
  self->kind = kind;
  return self;
}

/**
 * lumbar_entry_reset:
 * @self: an entry that is in no journal
 * @kind: its new kind
 *
 * Clears every field, so a reader can fill one entry over and over.
 */
void
lumbar_entry_reset (LumbarEntry *self,
                    LumbarKind   kind)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  g_return_if_fail (kind < LUMBAR_N_KINDS);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->trigger, g_free);
  g_clear_pointer (&self->note, g_free);
  self->time = 0;
  self->utc_offset = 0;
  self->day = 0;
  self->flags = 0;
  self->local = 0;
  self->radiating = LUMBAR_RADIATING_NONE;
  self->intensity = 0;
  self->kind = kind;
  self->support = 0;
  self->therapy = 0;
  self->minutes = 0;
  self->legs_supported = FALSE;
  self->knees_bent = FALSE;
}

LumbarEntry *
lumbar_entry_copy (LumbarEntry *self)
{
  LumbarEntry *copy;

  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), NULL);

  copy = g_object_new (LUMBAR_TYPE_ENTRY, NULL);
  copy->id = g_strdup (self->id);
  copy->trigger = g_strdup (self->trigger);
  copy->note = g_strdup (self->note);
  copy->time = self->time;
  copy->utc_offset = self->utc_offset;
  copy->day = self->day;
  copy->flags = self->flags;
  copy->local = self->local;
  copy->radiating = self->radiating;
  copy->intensity = self->intensity;
  copy->kind = self->kind;
  copy->support = self->support;
  copy->therapy = self->therapy;
  copy->minutes = self->minutes;
  copy->legs_supported = self->legs_supported;
  copy->knees_bent = self->knees_bent;

  return copy;
}

gboolean
lumbar_entry_equal (LumbarEntry *a,
                    LumbarEntry *b)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (a), FALSE);
  g_return_val_if_fail (LUMBAR_IS_ENTRY (b), FALSE);

  if (a->kind != b->kind || a->time != b->time || a->utc_offset != b->utc_offset)
    return FALSE;
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->note, b->note) != 0)
    return FALSE;

  switch ((LumbarKind) a->kind)
    {
    case LUMBAR_KIND_PAIN:
      return a->local == b->local && a->radiating == b->radiating && a->flags == b->flags;
    case LUMBAR_KIND_SPASM:
      return a->intensity == b->intensity && g_strcmp0 (a->trigger, b->trigger) == 0;
    case LUMBAR_KIND_REST:
      return a->minutes == b->minutes;
    case LUMBAR_KIND_INCLINE:
      return a->minutes == b->minutes && a->support == b->support &&
             a->legs_supported == b->legs_supported && a->knees_bent == b->knees_bent;
    case LUMBAR_KIND_THERAPY:
      return a->therapy == b->therapy;
    case LUMBAR_N_KINDS:
    default:
      return FALSE;
    }
}

/**
 * lumbar_time_in_range:
 * @unix_time: seconds since the epoch
 * @utc_offset: the offset the time was recorded in, in seconds
 *
 * Whether the time's calendar date falls in the years %LUMBAR_YEAR_MIN to
 * %LUMBAR_YEAR_MAX both in @utc_offset and in UTC. Outside them GDateTime
 * fails (year 0001 in a negative offset, 10000 in UTC) and the views with
 * it, so such a time is refused when it is read or entered.
 */
gboolean
lumbar_time_in_range (gint64 unix_time,
                      int    utc_offset)
{
  const gint64 first = (gint64) lumbar_day_from_ymd (LUMBAR_YEAR_MIN, 1, 1) * 86400;
  const gint64 end = (gint64) lumbar_day_from_ymd (LUMBAR_YEAR_MAX + 1, 1, 1) * 86400;
  gint64 local = unix_time + utc_offset;

  return MIN (unix_time, local) >= first && MAX (unix_time, local) < end;
}

static gboolean
check_range (int          value,
             int          min,
             int          max,
             const char  *field,
             GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;

  g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
               /* Translators: %s is a field name of the file format such as "local" */
               _("“%s” must be a whole number from %d to %d"), field, min, max);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            glong        max_chars,
            const char  *field,
            GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   _("“%s” is not valid UTF-8"), field);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   /* Translators: %s is a field name such as "note" */
                   _("“%s” is longer than %ld characters"), field, max_chars);
      return FALSE;
    }

  return TRUE;
}

/**
 * lumbar_entry_validate:
 * @self: an entry
 * @error: where to put the first rule the entry breaks
 *
 * Checks every rule of the file format that applies to one entry.
 */
gboolean
lumbar_entry_validate (LumbarEntry  *self,
                       GError      **error)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), FALSE);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY, _("the entry has no id"));
      return FALSE;
    }

  if (!lumbar_time_in_range (self->time, self->utc_offset))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   _("the time is outside the years %d to %d"), LUMBAR_YEAR_MIN, LUMBAR_YEAR_MAX);
      return FALSE;
    }

  if (!check_text (self->note, LUMBAR_NOTE_MAX_CHARS, "note", error))
    return FALSE;

  switch ((LumbarKind) self->kind)
    {
    case LUMBAR_KIND_PAIN:
      if (!check_range (self->local, LUMBAR_PAIN_MIN, LUMBAR_PAIN_MAX, "local", error))
        return FALSE;
      if (self->radiating != LUMBAR_RADIATING_NONE &&
          !check_range (self->radiating, LUMBAR_PAIN_MIN, LUMBAR_PAIN_MAX, "radiating", error))
        return FALSE;
      return TRUE;

    case LUMBAR_KIND_SPASM:
      if (!check_range (self->intensity, LUMBAR_PAIN_MIN, LUMBAR_PAIN_MAX, "intensity", error))
        return FALSE;
      return check_text (self->trigger, LUMBAR_TRIGGER_MAX_CHARS, "trigger", error);

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      return check_range (self->minutes, LUMBAR_MINUTES_MIN, LUMBAR_MINUTES_MAX, "minutes", error);

    case LUMBAR_KIND_THERAPY:
      return TRUE;

    case LUMBAR_N_KINDS:
    default:
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY, _("unknown kind of entry"));
      return FALSE;
    }
}

LumbarKind
lumbar_entry_get_kind (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), LUMBAR_KIND_PAIN);
  return self->kind;
}

const char *
lumbar_entry_get_id (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), NULL);
  return self->id;
}

void
lumbar_entry_set_id (LumbarEntry *self,
                     const char  *id)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

gint64
lumbar_entry_get_time (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  return self->time;
}

int
lumbar_entry_get_utc_offset (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  return self->utc_offset;
}

/**
 * lumbar_entry_set_time:
 * @self: an entry
 * @unix_time: seconds since the epoch
 * @utc_offset: the offset in seconds the time was recorded in
 *
 * Sets when the reading was taken (or the session started). The entry's day
 * is the calendar date in @utc_offset.
 */
void
lumbar_entry_set_time (LumbarEntry *self,
                       gint64       unix_time,
                       int          utc_offset)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->time = unix_time;
  self->utc_offset = utc_offset;
  self->day = lumbar_day_from_time (unix_time, utc_offset);
}

void
lumbar_entry_set_date_time (LumbarEntry *self,
                            GDateTime   *date_time)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  g_return_if_fail (date_time != NULL);

  lumbar_entry_set_time (self,
                         g_date_time_to_unix (date_time),
                         (int) (g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_SECOND));
}

/* The time in the offset it was recorded with. */
GDateTime *
lumbar_entry_dup_date_time (LumbarEntry *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), NULL);

  tz = g_time_zone_new_offset (self->utc_offset);
  utc = g_date_time_new_from_unix_utc (self->time);
  return g_date_time_to_timezone (utc, tz);
}

char *
lumbar_entry_dup_iso8601 (LumbarEntry *self)
{
  return lumbar_day_format_iso8601 (self->time, self->utc_offset);
}

LumbarDay
lumbar_entry_get_day (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), LUMBAR_DAY_INVALID);
  return self->day;
}

/* When a rest or inclined-sitting session ended; the start for others. */
gint64
lumbar_entry_get_end_time (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  if (self->kind == LUMBAR_KIND_REST || self->kind == LUMBAR_KIND_INCLINE)
    return self->time + (gint64) self->minutes * 60;
  return self->time;
}

#define INT_ACCESSORS(field, type)                                   \
  type                                                               \
  lumbar_entry_get_##field (LumbarEntry *self)                       \
  {                                                                  \
    g_return_val_if_fail (LUMBAR_IS_ENTRY (self), (type) 0);         \
    return (type) self->field;                                       \
  }                                                                  \
  void                                                               \
  lumbar_entry_set_##field (LumbarEntry *self,                       \
                            type         value)                      \
  {                                                                  \
    g_return_if_fail (LUMBAR_IS_ENTRY (self));                       \
    self->field = value;                                             \
  }

/* Values are kept in small fields; out-of-range ones are clamped to a value
 * that still fails validation, so they cannot wrap into a valid one. */
static int
clamp_small (int value)
{
  return CLAMP (value, -100, 100);
}

int
lumbar_entry_get_local (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  return self->local;
}

void
lumbar_entry_set_local (LumbarEntry *self,
                        int          local)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->local = clamp_small (local);
}

int
lumbar_entry_get_radiating (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), LUMBAR_RADIATING_NONE);
  return self->radiating;
}

void
lumbar_entry_set_radiating (LumbarEntry *self,
                            int          radiating)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  /* -1 means "not asked"; any other negative value stays invalid. */
  self->radiating = radiating == LUMBAR_RADIATING_NONE ? LUMBAR_RADIATING_NONE
                                                       : (radiating < 0 ? -2 : clamp_small (radiating));
}

int
lumbar_entry_get_intensity (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  return self->intensity;
}

void
lumbar_entry_set_intensity (LumbarEntry *self,
                            int          intensity)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->intensity = clamp_small (intensity);
}

int
lumbar_entry_get_minutes (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), 0);
  return self->minutes;
}

void
lumbar_entry_set_minutes (LumbarEntry *self,
                          int          minutes)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->minutes = CLAMP (minutes, -1, 10000);
}

INT_ACCESSORS (flags, LumbarFlags)
INT_ACCESSORS (support, LumbarSupport)
INT_ACCESSORS (therapy, LumbarTherapy)

gboolean
lumbar_entry_get_legs_supported (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), FALSE);
  return self->legs_supported;
}

void
lumbar_entry_set_legs_supported (LumbarEntry *self,
                                 gboolean     legs_supported)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->legs_supported = !!legs_supported;
}

gboolean
lumbar_entry_get_knees_bent (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), FALSE);
  return self->knees_bent;
}

void
lumbar_entry_set_knees_bent (LumbarEntry *self,
                             gboolean     knees_bent)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  self->knees_bent = !!knees_bent;
}

const char *
lumbar_entry_get_trigger (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), NULL);
  return self->trigger ? self->trigger : "";
}

void
lumbar_entry_set_trigger (LumbarEntry *self,
                          const char  *trigger)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  g_free (self->trigger);
  self->trigger = (trigger && *trigger) ? g_strdup (trigger) : NULL;
}

const char *
lumbar_entry_get_note (LumbarEntry *self)
{
  g_return_val_if_fail (LUMBAR_IS_ENTRY (self), NULL);
  return self->note ? self->note : "";
}

void
lumbar_entry_set_note (LumbarEntry *self,
                       const char  *note)
{
  g_return_if_fail (LUMBAR_IS_ENTRY (self));
  g_free (self->note);
  self->note = (note && *note) ? g_strdup (note) : NULL;
}

static gboolean
lookup_name (const char  *text,
             const char **names,
             guint        n_names,
             guint       *index)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (text, names[i]))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lumbar_kind_to_string (LumbarKind kind)
{
  g_return_val_if_fail (kind < LUMBAR_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
lumbar_kind_from_string (const char *text,
                         LumbarKind *kind)
{
  guint i;

  if (!lookup_name (text, kind_names, G_N_ELEMENTS (kind_names), &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
lumbar_flag_to_string (LumbarFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flag_names); i++)
    if (flag == (1u << i))
      return flag_names[i];
  g_return_val_if_reached (NULL);
}

gboolean
lumbar_flag_from_string (const char  *text,
                         LumbarFlags *flag)
{
  guint i;

  if (!lookup_name (text, flag_names, G_N_ELEMENTS (flag_names), &i))
    return FALSE;
  *flag = 1u << i;
  return TRUE;
}

const char *
lumbar_support_to_string (LumbarSupport support)
{
  g_return_val_if_fail (support < G_N_ELEMENTS (support_names), NULL);
  return support_names[support];
}

gboolean
lumbar_support_from_string (const char    *text,
                            LumbarSupport *support)
{
  guint i;

  if (!lookup_name (text, support_names, G_N_ELEMENTS (support_names), &i))
    return FALSE;
  *support = i;
  return TRUE;
}

const char *
lumbar_therapy_to_string (LumbarTherapy therapy)
{
  g_return_val_if_fail (therapy < G_N_ELEMENTS (therapy_names), NULL);
  return therapy_names[therapy];
}

gboolean
lumbar_therapy_from_string (const char    *text,
                            LumbarTherapy *therapy)
{
  guint i;

  if (!lookup_name (text, therapy_names, G_N_ELEMENTS (therapy_names), &i))
    return FALSE;
  *therapy = i;
  return TRUE;
}

const char *
lumbar_kind_get_label (LumbarKind kind)
{
  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      return _("Pain");
    case LUMBAR_KIND_SPASM:
      return _("Spasm");
    case LUMBAR_KIND_REST:
      return _("Rest");
    case LUMBAR_KIND_INCLINE:
      return _("Inclined sitting");
    case LUMBAR_KIND_THERAPY:
      return _("Therapy visit");
    case LUMBAR_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* In the order of the flag bits. */
static const char *flag_labels[] = {
  N_("Pain or tingling in both legs"),
  N_("Numbness around the groin or buttocks"),
  N_("New trouble passing urine or controlling bladder or bowel"),
  N_("Weakness in one or both legs that is getting worse"),
  N_("Fever or feeling generally unwell"),
  N_("Pain began after a fall or accident"),
  N_("Severe pain at night or at rest"),
  N_("Numbness in a leg"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (flag_labels) == LUMBAR_N_FLAGS);

static guint
flag_index (LumbarFlags flag)
{
  for (guint i = 0; i < LUMBAR_N_FLAGS; i++)
    if (flag == (LumbarFlags) (1u << i))
      return i;
  return G_MAXUINT;
}

const char *
lumbar_flag_get_label (LumbarFlags flag)
{
  const char *label = lumbar_flag_get_english_label (flag);

  return label ? _(label) : NULL;
}

/* The label in English whatever the locale, for records read by other
 * systems (the FHIR export). */
const char *
lumbar_flag_get_english_label (LumbarFlags flag)
{
  guint i = flag_index (flag);

  g_return_val_if_fail (i < LUMBAR_N_FLAGS, NULL);
  return flag_labels[i];
}

const char *
lumbar_support_get_label (LumbarSupport support)
{
  switch (support)
    {
    case LUMBAR_SUPPORT_PILLOWS:
      return _("Pillows");
    case LUMBAR_SUPPORT_RECLINER:
      return _("Recliner");
    case LUMBAR_SUPPORT_OTHER:
    default:
      /* Translators: the kind of back support used for inclined sitting */
      return C_("support", "Other");
    }
}

const char *
lumbar_therapy_get_label (LumbarTherapy therapy)
{
  switch (therapy)
    {
    case LUMBAR_THERAPY_MANUAL:
      return _("Manual therapy");
    case LUMBAR_THERAPY_EXERCISE:
      return _("Exercise therapy");
    case LUMBAR_THERAPY_OTHER:
    default:
      /* Translators: a kind of therapy visit */
      return C_("therapy", "Other");
    }
}

/* What a number on the 0–10 scale means. */
const char *
lumbar_pain_get_meaning (int pain)
{
  if (pain <= 0)
    return _("No pain");
  if (pain <= 3)
    return _("Mild pain");
  if (pain <= 6)
    return _("Moderate pain");
  if (pain <= 9)
    return _("Severe pain");
  return _("Worst pain imaginable");
}
