/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-patient"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-document.h"
#include "lumbar-patient.h"

/* One exported log as a row of the Patients window: whose it is, its
 * period, the last entry's day, mean pain over its last seven days and the
 * change against the fourteen before, red flags and the tips indicated —
 * all from the same summary a review window of the file shows, as of the
 * export's own day. A file that cannot be read is a patient too, with the
 * reason. */

struct _LumbarPatient
{
  GObject             parent_instance;

  GFile              *file;
  char               *title;       /* the patient's name, or the file's */
  char               *name;        /* the patient's name, or NULL */
  char               *error;
  LumbarDocumentDays  days;
  LumbarDay           last_entry;
  guint               n_skipped;
  LumbarSummary      *summary;
};

G_DEFINE_FINAL_TYPE (LumbarPatient, lumbar_patient, G_TYPE_OBJECT)

static void
lumbar_patient_finalize (GObject *object)
{
  LumbarPatient *self = LUMBAR_PATIENT (object);

  g_clear_object (&self->file);
  g_free (self->title);
  g_free (self->name);
  g_free (self->error);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (lumbar_patient_parent_class)->finalize (object);
}

static void
lumbar_patient_class_init (LumbarPatientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lumbar_patient_finalize;
}

static void
lumbar_patient_init (LumbarPatient *self)
{
  self->last_entry = LUMBAR_DAY_INVALID;
}

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
}

/**
 * lumbar_patient_new_for_file:
 * @file: an exported log
 * @today: the local date, for a file that is not an export
 *
 * Reads @file (blocking: call it from a worker for many files) and
 * summarises it as a review window would.
 *
 * Returns: (transfer full): the patient, with an error when @file cannot
 *   be read
 */
LumbarPatient *
lumbar_patient_new_for_file (GFile     *file,
                             LumbarDay  today)
{
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  LumbarPatient *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LUMBAR_TYPE_PATIENT, NULL);
  self->file = g_object_ref (file);

  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &error);
  if (doc == NULL)
    {
      self->title = dup_display_name (file);
      self->error = g_strdup (error->message);
      return self;
    }

  if (doc->patient_name != NULL && *doc->patient_name != '\0')
    self->name = g_strdup (doc->patient_name);
  self->title = self->name ? g_strdup (self->name) : dup_display_name (file);
  self->n_skipped = doc->problems->len;

  lumbar_document_days_resolve (doc, today, FALSE, &self->days);
  for (guint i = 0; i < doc->entries->len; i++)
    {
      LumbarDay day = lumbar_entry_get_day (g_ptr_array_index (doc->entries, i));

      if (self->last_entry == LUMBAR_DAY_INVALID || day > self->last_entry)
        self->last_entry = day;
    }
  self->summary = lumbar_summary_new_for_entries (doc->entries, self->days.today, self->days.voice);
  return self;
}

GFile *
lumbar_patient_get_file (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->file;
}

/**
 * lumbar_patient_get_title:
 *
 * Returns: the patient's name, or the file's name when the export has none
 */
const char *
lumbar_patient_get_title (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->title;
}

/**
 * lumbar_patient_get_name:
 *
 * Returns: (nullable): the patient's name as the export gives it
 */
const char *
lumbar_patient_get_name (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->name;
}

/**
 * lumbar_patient_get_error:
 *
 * Returns: (nullable): why the file cannot be read
 */
const char *
lumbar_patient_get_error (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->error;
}

/**
 * lumbar_patient_get_days:
 *
 * Returns: (nullable): the export's period and the day it is read as of;
 *   %NULL for a file that cannot be read
 */
const LumbarDocumentDays *
lumbar_patient_get_days (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->error ? NULL : &self->days;
}

LumbarDay
lumbar_patient_get_last_entry_day (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), LUMBAR_DAY_INVALID);
  return self->last_entry;
}

/**
 * lumbar_patient_get_summary:
 *
 * Returns: (transfer none) (nullable): trends, tips and red flags as of the
 *   export's day, about the patient
 */
LumbarSummary *
lumbar_patient_get_summary (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);
  return self->summary;
}

gboolean
lumbar_patient_get_red_flags (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), FALSE);
  return self->summary != NULL && lumbar_summary_get_red_flags_active (self->summary);
}

/**
 * lumbar_patient_get_n_skipped:
 *
 * Returns: how many entries of the file could not be read
 */
guint
lumbar_patient_get_n_skipped (LumbarPatient *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), 0);
  return self->n_skipped;
}

/**
 * lumbar_patient_dup_pain_text:
 *
 * Returns: (transfer full): mean pain over the last seven days of the
 *   export and its change against the fourteen days before, "5.1 over the
 *   last 7 days, +0.8 points (+19%)", or words for a week without readings
 */
char *
lumbar_patient_dup_pain_text (LumbarPatient *self)
{
  const LumbarMean *w7, *p14;
  g_autofree char *mean = NULL;
  g_autofree char *change = NULL;

  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);

  if (self->summary == NULL)
    return g_strdup ("");
  w7 = lumbar_summary_get_pain_mean (self->summary, LUMBAR_PERIOD_W7);
  p14 = lumbar_summary_get_pain_mean (self->summary, LUMBAR_PERIOD_P14);
  if (w7->n_days == 0)
    /* Translators: mean pain of the last 7 days when none were logged */
    return g_strdup (_("no readings in the last 7 days"));
  mean = lumbar_format_decimal (w7->value, LUMBAR_NUMBERS_LOCALE);
  if (p14->n_days == 0)
    /* Translators: mean pain over the last 7 days, with nothing to compare with */
    return g_strdup_printf (_("%s over the last 7 days"), mean);
  change = lumbar_format_change (p14->value, w7->value);
  /* Translators: mean pain over the last 7 days, then its change against
   * the 14 days before: "5.1 over the last 7 days, +0.8 points (+19%)" */
  return g_strdup_printf (_("%s over the last 7 days, %s"), mean, change);
}

/**
 * lumbar_patient_dup_tips_text:
 *
 * Returns: (transfer full): the tips indicated, by title, or a sentence
 *   that none is, or that there are too few readings for them
 */
char *
lumbar_patient_dup_tips_text (LumbarPatient *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (LUMBAR_IS_PATIENT (self), NULL);

  if (self->summary == NULL)
    return g_strdup ("");
  if (lumbar_summary_get_status (self->summary) != LUMBAR_TIPS_STATUS_OK)
    return g_strdup (_("Too few readings for tips"));

  text = g_string_new (NULL);
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    if (lumbar_summary_get_tip (self->summary, i)->indicated)
      {
        if (text->len > 0)
          /* Translators: between the titles of the tips indicated */
          g_string_append (text, C_("list of tips", ", "));
        g_string_append (text, lumbar_tip_get_title (i, LUMBAR_VOICE_THERAPIST));
      }
  if (text->len == 0)
    return g_strdup (_("No tip indicated"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How much worse the last week is than the two before; patients without
 * both sides sort after those with them. */
static gboolean
worsening (LumbarPatient *self,
           double        *points)
{
  const LumbarMean *w7, *p14;

  if (self->summary == NULL)
    return FALSE;
  w7 = lumbar_summary_get_pain_mean (self->summary, LUMBAR_PERIOD_W7);
  p14 = lumbar_summary_get_pain_mean (self->summary, LUMBAR_PERIOD_P14);
  if (w7->n_days == 0 || p14->n_days == 0)
    return FALSE;
  *points = w7->value - p14->value;
  return TRUE;
}

/**
 * lumbar_patient_compare:
 *
 * The Patients window's order: red flags first, then the most worsening
 * pain, then those without a change to show, by title; files that cannot
 * be read last.
 *
 * Returns: < 0 when @a comes first
 */
int
lumbar_patient_compare (LumbarPatient *a,
                        LumbarPatient *b)
{
  gboolean a_has, b_has;
  double a_points = 0, b_points = 0;

  if ((a->error != NULL) != (b->error != NULL))
    return a->error ? 1 : -1;
  if (lumbar_patient_get_red_flags (a) != lumbar_patient_get_red_flags (b))
    return lumbar_patient_get_red_flags (a) ? -1 : 1;

  a_has = worsening (a, &a_points);
  b_has = worsening (b, &b_points);
  if (a_has != b_has)
    return a_has ? -1 : 1;
  if (a_has && a_points != b_points)
    return a_points > b_points ? -1 : 1;

  return g_utf8_collate (a->title, b->title);
}
