/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-export"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lumbar-document.h"
#include "lumbar-export.h"

/* An HL7 FHIR R4 Bundle of type "collection" for clinic systems
 * (DESIGN.md, Exports). Every code comes from the system that defines it:
 * LOINC for pain severity, SNOMED CT for the body sites, HL7's own code
 * systems for the category and the interpretation, and Lumbar's code
 * system, whose codes are the diary's entry kinds, for the rest. The texts
 * Lumbar adds are English, like the codes' displays; the patient's own
 * notes are kept as written. */

#define LOINC                "http://loinc.org"
#define LOINC_PAIN           "72514-3"
#define LOINC_PAIN_DISPLAY   "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
#define SNOMED               "http://snomed.info/sct"
#define SNOMED_LOWER_BACK    "37822005"
#define SNOMED_LOWER_LIMB    "61685007"
#define CATEGORY_SYSTEM      "http://terminology.hl7.org/CodeSystem/observation-category"
#define INTERPRETATION       "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
#define ENTRY_KIND_SYSTEM    "https://lumbar.github.io/fhir/CodeSystem/entry-kind"
#define UCUM                 "http://unitsofmeasure.org"

/* The name-based UUIDs are made in RFC 4122's URL namespace, from URLs
 * under Lumbar's own address. */
static const guint8 url_namespace[16] = {
  0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
  0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};
#define NAME_BASE "https://lumbar.github.io/fhir/"

static char *
uuid_v5 (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sha1, url_namespace, sizeof url_namespace);
  g_checksum_update (sha1, (const guchar *) name, (gssize) strlen (name));
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* "urn:uuid:" and the entry's own id when it is a UUID and @role is the
 * entry's first resource, else a UUID named after the id and @role, the
 * same in every export. */
static char *
entry_full_url (LumbarEntry *entry,
                const char  *role,
                gboolean     first)
{
  const char *id = lumbar_entry_get_id (entry);
  g_autofree char *uuid = NULL;

  if (first && g_uuid_string_is_valid (id))
    uuid = g_ascii_strdown (id, -1);
  else
    {
      g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
      g_autofree char *name = g_strconcat (NAME_BASE "entry/", escaped, "/", role, NULL);

      uuid = uuid_v5 (name);
    }
  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* The Patient is named after the diary's earliest entry, so exports of one
 * diary name the same patient; an empty diary's gets a random one rather
 * than one that every empty diary would share. */
static char *
patient_full_url (GPtrArray *entries)
{
  LumbarEntry *earliest = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      if (earliest == NULL ||
          lumbar_entry_get_time (entry) < lumbar_entry_get_time (earliest) ||
          (lumbar_entry_get_time (entry) == lumbar_entry_get_time (earliest) &&
           g_strcmp0 (lumbar_entry_get_id (entry), lumbar_entry_get_id (earliest)) < 0))
        earliest = entry;
    }

  if (earliest == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      return g_strconcat ("urn:uuid:", uuid, NULL);
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (lumbar_entry_get_id (earliest), NULL, FALSE);
      g_autofree char *name = g_strconcat (NAME_BASE "patient/", escaped, NULL);
      g_autofree char *uuid = uuid_v5 (name);

      return g_strconcat ("urn:uuid:", uuid, NULL);
    }
}

/* FHIR strings match ^[ \r\n\t\S]+$, and JSON Schema validators read \S as
 * Unicode-aware: every other space character (no-break, narrow no-break,
 * em, line separator…) becomes an ordinary space, keeping the meaning.
 * Returns NULL for text with nothing but spaces. */
static char *
fhir_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\r' && c != '\n' && c != '\t' && (g_unichar_isspace (c) || c == 0x00A0 ||
                                                  c == 0x202F || c == 0x2007 || c == 0xFEFF))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (*g_strstrip (out->str) == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_coding (JsonBuilder *builder,
            const char  *system,
            const char  *code,
            const char  *display)
{
  json_builder_begin_object (builder);
  add_string (builder, "system", system);
  add_string (builder, "code", code);
  add_string (builder, "display", display);
  json_builder_end_object (builder);
}

/* A CodeableConcept with one coding and a text. */
static void
add_concept (JsonBuilder *builder,
             const char  *member,
             const char  *system,
             const char  *code,
             const char  *display,
             const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  add_coding (builder, system, code, display);
  json_builder_end_array (builder);
  if (text)
    add_string (builder, "text", text);
  json_builder_end_object (builder);
}

static void
add_reference (JsonBuilder *builder,
               const char  *member,
               const char  *full_url)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_string (builder, "reference", full_url);
  json_builder_end_object (builder);
}

/* note[]: one Annotation per text, the empty ones left out. */
static void
add_notes (JsonBuilder *builder,
           GPtrArray   *notes)
{
  gboolean open = FALSE;

  for (guint i = 0; i < notes->len; i++)
    {
      g_autofree char *text = fhir_text (g_ptr_array_index (notes, i));

      if (text == NULL)
        continue;
      if (!open)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_begin_array (builder);
          open = TRUE;
        }
      json_builder_begin_object (builder);
      add_string (builder, "text", text);
      json_builder_end_object (builder);
    }
  if (open)
    json_builder_end_array (builder);
}

static const char *
kind_display (LumbarKind kind)
{
  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      return "Pain reading";
    case LUMBAR_KIND_SPASM:
      return "Muscle spasm";
    case LUMBAR_KIND_REST:
      return "Rest";
    case LUMBAR_KIND_INCLINE:
      return "Inclined sitting";
    case LUMBAR_KIND_THERAPY:
      return "Therapy visit";
    case LUMBAR_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "Warning signs: …" with the format's name and the English label of each. */
static char *
warning_signs_text (LumbarFlags flags)
{
  GString *out = g_string_new ("Warning signs: ");
  gboolean first = TRUE;

  for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
    if (flags & (1u << bit))
      {
        g_string_append_printf (out, "%s%s (%s)", first ? "" : "; ",
                                lumbar_flag_get_english_label (1u << bit),
                                lumbar_flag_to_string (1u << bit));
        first = FALSE;
      }
  return g_string_free (out, FALSE);
}

static void
begin_entry (JsonBuilder *builder,
             const char  *full_url,
             const char  *resource_type)
{
  json_builder_begin_object (builder);
  add_string (builder, "fullUrl", full_url);
  json_builder_set_member_name (builder, "resource");
  json_builder_begin_object (builder);
  add_string (builder, "resourceType", resource_type);
}

static void
end_entry (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_pain_observation (JsonBuilder *builder,
                      LumbarEntry *entry,
                      const char  *patient,
                      gboolean     radiating)
{
  g_autofree char *full_url = entry_full_url (entry, radiating ? "radiating" : "pain", !radiating);
  g_autofree char *at = lumbar_entry_dup_iso8601 (entry);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  LumbarFlags flags = lumbar_entry_get_flags (entry);

  begin_entry (builder, full_url, "Observation");
  add_string (builder, "status", "final");

  json_builder_set_member_name (builder, "category");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  add_coding (builder, CATEGORY_SYSTEM, "survey", "Survey");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  add_concept (builder, "code", LOINC, LOINC_PAIN, LOINC_PAIN_DISPLAY,
               radiating ? "Radiating pain (0-10)" : "Local low back pain (0-10)");
  add_reference (builder, "subject", patient);
  add_string (builder, "effectiveDateTime", at);
  json_builder_set_member_name (builder, "valueInteger");
  json_builder_add_int_value (builder, radiating ? lumbar_entry_get_radiating (entry)
                                                 : lumbar_entry_get_local (entry));

  /* The warning signs and the note belong to the reading, so both of its
   * observations carry them. */
  if (flags != LUMBAR_FLAG_NONE)
    {
      json_builder_set_member_name (builder, "interpretation");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "coding");
      json_builder_begin_array (builder);
      add_coding (builder, INTERPRETATION, "AA", "Critical abnormal");
      json_builder_end_array (builder);
      add_string (builder, "text", "Warning signs logged: seek medical care promptly");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      g_ptr_array_add (notes, warning_signs_text (flags));
    }
  g_ptr_array_add (notes, g_strdup (lumbar_entry_get_note (entry)));
  add_notes (builder, notes);

  if (radiating)
    add_concept (builder, "bodySite", SNOMED, SNOMED_LOWER_LIMB, "Lower limb structure", NULL);
  else
    add_concept (builder, "bodySite", SNOMED, SNOMED_LOWER_BACK, "Lower back structure", NULL);
  end_entry (builder);
}

static void
add_other_entry (JsonBuilder *builder,
                 LumbarEntry *entry,
                 const char  *patient)
{
  LumbarKind kind = lumbar_entry_get_kind (entry);
  const char *kind_name = lumbar_kind_to_string (kind);
  g_autofree char *full_url = entry_full_url (entry, kind_name, TRUE);
  g_autofree char *at = lumbar_entry_dup_iso8601 (entry);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  begin_entry (builder, full_url, kind == LUMBAR_KIND_THERAPY ? "Procedure" : "Observation");
  add_string (builder, "status", kind == LUMBAR_KIND_THERAPY ? "completed" : "final");
  add_concept (builder, "code", ENTRY_KIND_SYSTEM, kind_name, kind_display (kind), kind_display (kind));
  add_reference (builder, "subject", patient);

  switch (kind)
    {
    case LUMBAR_KIND_SPASM:
      add_string (builder, "effectiveDateTime", at);
      json_builder_set_member_name (builder, "valueInteger");
      json_builder_add_int_value (builder, lumbar_entry_get_intensity (entry));
      if (*lumbar_entry_get_trigger (entry))
        g_ptr_array_add (notes, g_strconcat ("Trigger: ", lumbar_entry_get_trigger (entry), NULL));
      break;

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      {
        g_autofree char *end = lumbar_day_format_iso8601 (lumbar_entry_get_end_time (entry),
                                                          lumbar_entry_get_utc_offset (entry));

        json_builder_set_member_name (builder, "effectivePeriod");
        json_builder_begin_object (builder);
        add_string (builder, "start", at);
        add_string (builder, "end", end);
        json_builder_end_object (builder);

        json_builder_set_member_name (builder, "valueQuantity");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "value");
        json_builder_add_int_value (builder, lumbar_entry_get_minutes (entry));
        add_string (builder, "unit", "min");
        add_string (builder, "system", UCUM);
        add_string (builder, "code", "min");
        json_builder_end_object (builder);

        if (kind == LUMBAR_KIND_INCLINE)
          g_ptr_array_add (notes, g_strdup_printf ("Back support: %s; legs supported: %s; knees bent: %s",
                                                   lumbar_support_to_string (lumbar_entry_get_support (entry)),
                                                   lumbar_entry_get_legs_supported (entry) ? "yes" : "no",
                                                   lumbar_entry_get_knees_bent (entry) ? "yes" : "no"));
        break;
      }

    case LUMBAR_KIND_THERAPY:
      add_string (builder, "performedDateTime", at);
      g_ptr_array_add (notes, g_strconcat ("Therapy: ",
                                           lumbar_therapy_to_string (lumbar_entry_get_therapy (entry)),
                                           NULL));
      break;

    case LUMBAR_KIND_PAIN:
    case LUMBAR_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (notes, g_strdup (lumbar_entry_get_note (entry)));
  add_notes (builder, notes);
  end_entry (builder);
}

/**
 * lumbar_export_to_fhir:
 * @entries: (element-type LumbarEntry): all entries of the diary
 * @options: range, patient and time of the export
 *
 * One Bundle of type "collection": a Patient (named when the options give
 * a name), then per entry in the range, in time order, an Observation (a
 * pain reading: one for the local value and one for the radiating value
 * when there is one) or a Procedure (a therapy visit), each with the
 * Patient as subject.
 *
 * Returns: (transfer full): the Bundle as JSON
 */
GBytes *
lumbar_export_to_fhir (GPtrArray                 *entries,
                       const LumbarExportOptions *options)
{
  g_autoptr(GPtrArray) selected = lumbar_export_filter (entries, options->from, options->to);
  g_autoptr(GDateTime) now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *patient = patient_full_url (entries);
  g_autofree char *name = fhir_text (options->patient_name);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "resourceType", "Bundle");
  add_string (builder, "type", "collection");
  add_string (builder, "timestamp", timestamp);
  json_builder_set_member_name (builder, "entry");
  json_builder_begin_array (builder);

  begin_entry (builder, patient, "Patient");
  if (name)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "text", name);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  end_entry (builder);

  for (guint i = 0; i < selected->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (selected, i);

      if (lumbar_entry_get_kind (entry) == LUMBAR_KIND_PAIN)
        {
          add_pain_observation (builder, entry, patient, FALSE);
          if (lumbar_entry_get_radiating (entry) != LUMBAR_RADIATING_NONE)
            add_pain_observation (builder, entry, patient, TRUE);
        }
      else
        add_other_entry (builder, entry, patient);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return lumbar_json_builder_to_bytes (builder, 1);
}
