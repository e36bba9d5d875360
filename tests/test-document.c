/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-test-wait.h"

#define HEAD "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": ["

static LumbarDocument *
parse (const char  *text,
       GError     **error)
{
  return lumbar_document_parse (text, strlen (text), LUMBAR_PARSE_DEFAULT, error);
}

static GPtrArray *
make_every_kind (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  LumbarEntry *e;

  e = lumbar_entry_new (LUMBAR_KIND_PAIN);
  lumbar_entry_set_time (e, 1795419000, 3600);
  lumbar_entry_set_local (e, 6);
  lumbar_entry_set_radiating (e, 2);
  lumbar_entry_set_flags (e, LUMBAR_FLAG_LEG_NUMBNESS | LUMBAR_FLAG_FEVER);
  lumbar_entry_set_note (e, "woke up stiff, \"very\" \\ stiff\n\ttab é ✓ 𝄞 \x01");
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_PAIN);
  lumbar_entry_set_time (e, 1795429000, -5 * 3600 - 30 * 60);
  lumbar_entry_set_local (e, 0);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_SPASM);
  lumbar_entry_set_time (e, 1795439000, 0);
  lumbar_entry_set_intensity (e, 10);
  lumbar_entry_set_trigger (e, "lifting");
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_REST);
  lumbar_entry_set_time (e, 1795449000, 14 * 3600);
  lumbar_entry_set_minutes (e, 1440);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_INCLINE);
  lumbar_entry_set_time (e, 1795459000, 3600);
  lumbar_entry_set_minutes (e, 45);
  lumbar_entry_set_support (e, LUMBAR_SUPPORT_RECLINER);
  lumbar_entry_set_legs_supported (e, TRUE);
  lumbar_entry_set_knees_bent (e, FALSE);
  g_ptr_array_add (entries, e);

  e = lumbar_entry_new (LUMBAR_KIND_THERAPY);
  lumbar_entry_set_time (e, 1795469000, 3600);
  lumbar_entry_set_therapy (e, LUMBAR_THERAPY_EXERCISE);
  lumbar_entry_set_note (e, "");
  g_ptr_array_add (entries, e);

  return entries;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) entries = make_every_kind ();
  g_autoptr(GBytes) bytes = lumbar_entries_to_bytes (entries);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  doc = lumbar_document_parse (data, len, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->problems->len, ==, 0);
  g_assert_cmpuint (doc->entries->len, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_assert_true (lumbar_entry_equal (g_ptr_array_index (entries, i), g_ptr_array_index (doc->entries, i)));

  /* Writing what was read gives the same bytes. */
  again = lumbar_entries_to_bytes (doc->entries);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Times keep the offset they were recorded in. */
  g_assert_nonnull (strstr (data, "\"at\": \"2026-11-23T08:30:00+01:00\""));
  g_assert_nonnull (strstr (data, "-05:30\""));
  g_assert_null (strstr (data, "\"radiating\": -1"));
}

static void
test_verify (void)
{
  g_autoptr(GPtrArray) entries = make_every_kind ();
  g_autoptr(GBytes) bytes = lumbar_entries_to_bytes (entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *fewer = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  char *at;

  g_assert_true (lumbar_document_verify (data, len, entries, &error));
  g_assert_no_error (error);

  /* One changed value is caught, with the entry's number. */
  changed = g_strndup (data, len);
  at = strstr (changed, "\"minutes\": 45");
  at[12] = '6';
  g_assert_false (lumbar_document_verify (changed, len, entries, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE);
  g_assert_cmpstr (error->message, ==, "entry 5 did not read back as it was written");
  g_clear_error (&error);

  /* So is a missing entry. */
  g_ptr_array_remove_index (entries, entries->len - 1);
  g_assert_false (lumbar_document_verify (data, len, entries, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE);
}

static void
test_export_fields (void)
{
  g_autoptr(LumbarDocument) doc = lumbar_document_new ();
  g_autoptr(LumbarDocument) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  g_ptr_array_extend_and_steal (doc->entries, make_every_kind ());
  doc->exported_at = g_strdup ("2026-11-27T10:00:00+01:00");
  doc->patient_name = g_strdup ("Anna \"Nő\" Müller");
  lumbar_day_parse ("2026-11-01", &doc->range_from);
  lumbar_day_parse ("2026-11-30", &doc->range_to);

  bytes = lumbar_document_to_bytes (doc);
  data = g_bytes_get_data (bytes, &len);
  back = lumbar_document_parse (data, len, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->patient_name, ==, doc->patient_name);
  g_assert_cmpstr (back->exported_at, ==, doc->exported_at);
  g_assert_cmpint (back->range_from, ==, doc->range_from);
  g_assert_cmpint (back->range_to, ==, doc->range_to);
  g_assert_cmpuint (back->entries->len, ==, 6);
}

typedef struct {
  const char *text;
  int         code;
  const char *message;
} BadDocument;

static void
test_bad_documents (void)
{
  static const BadDocument cases[] = {
    { "", LUMBAR_ERROR_PARSE, "1:1: the file is empty" },
    { "{\"format\": \"lumbar-journal\",\n  \"version\": 1,\n  \"entries\": [,]}", LUMBAR_ERROR_PARSE, "3:15: unexpected character “,”" },
    { "{\"a\": 1,}", LUMBAR_ERROR_PARSE, "1:9: trailing comma" },
    { "{\"a\": 01}", LUMBAR_ERROR_PARSE, "1:7: invalid number" },
    { "{\"a\": \"x\ny\"}", LUMBAR_ERROR_PARSE, "1:9: line break inside a string (write it as \\n)" },
    { "{\"a\": \"\\ud800\"}", LUMBAR_ERROR_PARSE, "1:8: unpaired surrogate in a \\u escape" },
    { "{\"a\": \"caf\xC3\"}", LUMBAR_ERROR_PARSE, "1:11: invalid UTF-8" },
    { "{\"a\": \"é\xFF\"}", LUMBAR_ERROR_PARSE, "1:9: invalid UTF-8" },
    { "{\"a\": tru}", LUMBAR_ERROR_PARSE, "1:7: unexpected character “t”" },
    { "{\"a\": 1} x", LUMBAR_ERROR_PARSE, "1:10: unexpected text after the end of the document" },
    { "{\"a\": 1", LUMBAR_ERROR_PARSE, "1:8: unexpected end of file" },
    { "// comment\n{}", LUMBAR_ERROR_PARSE, "1:1: unexpected character “/”" },
    { "[1, 2]", LUMBAR_ERROR_NOT_LUMBAR, "not a Lumbar diary (the document is not a JSON object)" },
    { "{\"format\": \"other\", \"version\": 1, \"entries\": []}", LUMBAR_ERROR_NOT_LUMBAR,
      "not a Lumbar diary (its “format” is not “lumbar-journal”)" },
    { "{\"format\": \"lumbar-journal\", \"version\": 1.5, \"entries\": []}", LUMBAR_ERROR_NOT_LUMBAR,
      "not a Lumbar diary (its “version” is missing or not a number)" },
    { "{\"format\": \"lumbar-journal\", \"version\": 1}", LUMBAR_ERROR_NOT_LUMBAR,
      "not a Lumbar diary (its “entries” list is missing)" },
    { "{\"format\": \"lumbar-journal\", \"version\": 2, \"entries\": []}", LUMBAR_ERROR_NEWER_VERSION,
      "written by a newer version of Lumbar (format version 2; this version reads up to 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LumbarDocument) doc = parse (cases[i].text, &error);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("case %u: %s", i, escaped);
      g_assert_null (doc);
      g_assert_error (error, LUMBAR_ERROR, cases[i].code);
      /* The position is data on the error, not part of its message. */
      {
        guint line, column;
        g_autofree char *text = NULL;

        if (lumbar_error_get_position (error, &line, &column))
          text = g_strdup_printf ("%u:%u: %s", line, column, error->message);
        else
          text = g_strdup (error->message);
        g_assert_false (g_ascii_isdigit (error->message[0]));
        g_assert_cmpstr (text, ==, cases[i].message);
      }
    }
}

static void
test_newer_version_read_only (void)
{
  const char *text = "{\"format\": \"lumbar-journal\", \"version\": 3, \"future\": true, \"entries\": ["
                     "{\"id\": \"a\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 4}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarDocument) doc = NULL;

  doc = lumbar_document_parse (text, strlen (text), LUMBAR_PARSE_ALLOW_NEWER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->version, ==, 3);
  g_assert_cmpuint (doc->entries->len, ==, 1);
}

typedef struct {
  const char *entry;
  const char *message;
} BadEntry;

static void
test_bad_entries (void)
{
  static const BadEntry cases[] = {
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 11}", "“local” is 11, outside 0 to 10" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": -1}", "“local” is -1, outside 0 to 10" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 5.5}", "“local” must be a whole number from 0 to 10" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\"}", "“local” is missing" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00+01:00\", \"local\": 3, \"radiating\": 12}", "“radiating” is 12, outside 0 to 10" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00\", \"local\": 3}",
      "“at” is “2026-11-23T08:30:00”, not a date and time with its UTC offset such as 2026-11-23T08:30:00+01:00" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"local\": 3}", "“at” is missing" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-11-23T08:30:00Z\", \"local\": 3, \"flags\": [\"dizzy\"]}", "“flags” holds an unknown symptom “dizzy”" },
    { "{\"id\": \"x\", \"kind\": \"yoga\", \"at\": \"2026-11-23T08:30:00Z\"}", "unknown kind “yoga”" },
    { "{\"id\": \"x\", \"at\": \"2026-11-23T08:30:00Z\"}", "“kind” is missing" },
    { "{\"kind\": \"therapy\", \"at\": \"2026-11-23T08:30:00Z\", \"therapy\": \"manual\"}", "“id” is missing" },
    { "{\"id\": \"x\", \"kind\": \"therapy\", \"at\": \"2026-11-23T08:30:00Z\", \"therapy\": \"massage\"}", "“therapy” must be one of: manual, exercise, other" },
    { "{\"id\": \"x\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 0}", "“minutes” is 0, outside 1 to 1440" },
    { "{\"id\": \"x\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 1441}", "“minutes” is 1441, outside 1 to 1440" },
    { "{\"id\": \"x\", \"kind\": \"incline\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 30, \"support\": \"sofa\"}", "“support” must be one of: pillows, recliner, other" },
    { "{\"id\": \"x\", \"kind\": \"incline\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 30, \"knees_bent\": 1}", "“knees_bent” must be true or false" },
    { "{\"id\": \"x\", \"kind\": \"spasm\", \"at\": \"2026-11-23T08:30:00Z\", \"intensity\": 3, \"trigger\": 7}", "“trigger” must be text" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2026-02-30T08:30:00+01:00\", \"local\": 3}",
      "“at” is “2026-02-30T08:30:00+01:00”, not a date and time with its UTC offset such as 2026-11-23T08:30:00+01:00" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": 20261123, \"local\": 3}",
      "“at” must be a date and time such as 2026-11-23T08:30:00+01:00" },
    { "[]", "an entry must be an object" },
    /* Years the calendar and chart cannot show (DESIGN.md: 1900 to 2200),
     * in the time's own offset or in UTC. */
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"0001-01-01T00:00:00Z\", \"local\": 3}",
      "“at” is “0001-01-01T00:00:00Z”, outside the years 1900 to 2200" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"9999-12-31T23:59:59-12:00\", \"local\": 3}",
      "“at” is “9999-12-31T23:59:59-12:00”, outside the years 1900 to 2200" },
    { "{\"id\": \"x\", \"kind\": \"rest\", \"start\": \"2201-01-01T00:00:00Z\", \"minutes\": 5}",
      "“start” is “2201-01-01T00:00:00Z”, outside the years 1900 to 2200" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"1900-01-01T00:30:00+01:00\", \"local\": 3}",
      "“at” is “1900-01-01T00:30:00+01:00”, outside the years 1900 to 2200" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"2200-12-31T23:30:00-01:00\", \"local\": 3}",
      "“at” is “2200-12-31T23:30:00-01:00”, outside the years 1900 to 2200" },
    { "{\"id\": \"x\", \"kind\": \"pain\", \"at\": \"1899-12-31T23:59:59.5-0100\", \"local\": 3}",
      "“at” is “1899-12-31T23:59:59.5-0100”, outside the years 1900 to 2200" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "{\"id\": \"ok\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5}, %s]}",
                                               cases[i].entry);
      g_autoptr(GError) error = NULL;
      g_autoptr(LumbarDocument) doc = parse (text, &error);
      LumbarProblem *problem;

      g_test_message ("case %u: %s", i, cases[i].entry);
      g_assert_no_error (error);
      g_assert_cmpuint (doc->entries->len, ==, 1);
      g_assert_cmpuint (doc->problems->len, ==, 1);
      problem = g_ptr_array_index (doc->problems, 0);
      g_assert_cmpuint (problem->entry, ==, 2);
      g_assert_cmpstr (problem->message, ==, cases[i].message);
    }
}

static void
test_other_time_forms (void)
{
  /* Fractions of a second and compact offsets go through GLib's parser. */
  const char *text = HEAD
    "{\"id\": \"a\", \"kind\": \"pain\", \"at\": \"2026-11-23T23:30:00.750-0500\", \"local\": 3},"
    "{\"id\": \"b\", \"kind\": \"pain\", \"at\": \"2026-11-23T23:30:00Z\", \"local\": 3}]}";
  g_autoptr(LumbarDocument) doc = parse (text, NULL);
  g_autofree char *iso = NULL;

  g_assert_cmpuint (doc->problems->len, ==, 0);
  g_assert_cmpint (lumbar_entry_get_day (g_ptr_array_index (doc->entries, 0)), ==, lumbar_day_from_ymd (2026, 11, 23));
  g_assert_cmpint (lumbar_entry_get_utc_offset (g_ptr_array_index (doc->entries, 0)), ==, -5 * 3600);
  iso = lumbar_entry_dup_iso8601 (g_ptr_array_index (doc->entries, 1));
  g_assert_cmpstr (iso, ==, "2026-11-23T23:30:00+00:00");
}

static void
test_year_range_edges (void)
{
  /* The first and last second of the years every view can show are kept. */
  const char *text = HEAD
    "{\"id\": \"a\", \"kind\": \"pain\", \"at\": \"1900-01-01T00:00:00+00:00\", \"local\": 3},"
    "{\"id\": \"b\", \"kind\": \"pain\", \"at\": \"2200-12-31T23:59:59Z\", \"local\": 3},"
    "{\"id\": \"c\", \"kind\": \"pain\", \"at\": \"1899-12-31T23:30:00-01:00\", \"local\": 3}]}";
  g_autoptr(LumbarDocument) doc = parse (text, NULL);
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (doc->problems->len, ==, 1);
  g_assert_cmpuint (((LumbarProblem *) g_ptr_array_index (doc->problems, 0))->entry, ==, 3);
  g_assert_cmpuint (doc->entries->len, ==, 2);
  g_assert_cmpint (lumbar_entry_get_day (g_ptr_array_index (doc->entries, 0)), ==, lumbar_day_from_ymd (1900, 1, 1));
  g_assert_cmpint (lumbar_entry_get_day (g_ptr_array_index (doc->entries, 1)), ==, lumbar_day_from_ymd (2200, 12, 31));

  /* An entry made in the app follows the same rule. */
  lumbar_entry_set_time (entry, (gint64) lumbar_day_from_ymd (1, 1, 1) * 86400, 0);
  g_assert_false (lumbar_entry_validate (entry, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY);
}

static void
test_root_members_around_entries (void)
{
  /* Other members, arrays among them, before and after the entries are
   * read as before; the last "entries" counts, as in json-glib. */
  const char *after = "{\"future\": [1, [2, \"]\"]], \"entries\": ["
    "{\"id\": \"a\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5}],"
    " \"more\": [[], {\"entries\": []}], \"format\": \"lumbar-journal\", \"version\": 1, \"patient\": {\"name\": \"Anna\"}}";
  const char *twice = HEAD
    "{\"id\": \"a\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5}],"
    " \"entries\": [{\"id\": \"b\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5},"
    " {\"id\": \"c\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5}]}";
  const char *not_a_list = HEAD "], \"entries\": 5}";
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse (after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->entries->len, ==, 1);
  g_assert_cmpstr (doc->patient_name, ==, "Anna");
  g_clear_pointer (&doc, lumbar_document_free);

  doc = parse (twice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->entries->len, ==, 2);
  g_assert_cmpstr (lumbar_entry_get_id (g_ptr_array_index (doc->entries, 0)), ==, "b");
  g_clear_pointer (&doc, lumbar_document_free);

  doc = parse (not_a_list, &error);
  g_assert_null (doc);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR);
}

static void
test_long_texts (void)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *ok = NULL;
  g_autofree char *too_long = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(LumbarDocument) doc2 = NULL;

  for (int i = 0; i < LUMBAR_NOTE_MAX_CHARS; i++)
    g_string_append (note, "ä");
  ok = g_strdup_printf (HEAD "{\"id\": \"a\", \"kind\": \"therapy\", \"at\": \"2026-11-23T08:30:00Z\", \"therapy\": \"manual\", \"note\": \"%s\"}]}", note->str);
  doc = parse (ok, NULL);
  g_assert_cmpuint (doc->entries->len, ==, 1);

  g_string_append (note, "x");
  too_long = g_strdup_printf (HEAD "{\"id\": \"a\", \"kind\": \"therapy\", \"at\": \"2026-11-23T08:30:00Z\", \"therapy\": \"manual\", \"note\": \"%s\"}]}", note->str);
  doc2 = parse (too_long, NULL);
  g_assert_cmpuint (doc2->entries->len, ==, 0);
  g_assert_cmpstr (((LumbarProblem *) g_ptr_array_index (doc2->problems, 0))->message, ==,
                   "“note” is longer than 4000 characters");
}

static void
test_duplicate_id (void)
{
  const char *text = HEAD
    "{\"id\": \"same\", \"kind\": \"rest\", \"start\": \"2026-11-23T08:30:00Z\", \"minutes\": 5},"
    "{\"id\": \"same\", \"kind\": \"rest\", \"start\": \"2026-11-24T08:30:00Z\", \"minutes\": 6}]}";
  g_autoptr(LumbarDocument) doc = parse (text, NULL);
  g_autofree char *line = NULL;

  g_assert_cmpuint (doc->entries->len, ==, 1);
  g_assert_cmpuint (doc->problems->len, ==, 1);
  line = lumbar_problem_to_string (g_ptr_array_index (doc->problems, 0), "a.json");
  g_assert_cmpstr (line, ==, "a.json: entry 2: duplicate id “same”");
}

static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarDocument) doc = NULL;

  guint line, column;

  /* 64 levels are fine syntactically; 65 are refused before json-glib. */
  for (int i = 0; i < 64; i++)
    g_string_append_c (text, '[');
  for (int i = 0; i < 64; i++)
    g_string_append_c (text, ']');
  g_assert_true (lumbar_json_check_syntax (text->str, text->len, NULL, NULL));

  g_string_truncate (text, 0);
  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  doc = parse (text->str, &error);
  g_assert_null (doc);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "nesting is deeper than 64 levels");
  g_assert_true (lumbar_error_get_position (error, &line, &column));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 65);
}

static void
test_too_many_entries (void)
{
  g_autoptr(GString) text = g_string_new (HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarDocument) doc = NULL;

  for (int i = 0; i <= LUMBAR_MAX_ENTRIES; i++)
    g_string_append (text, i ? ",{}" : "{}");
  g_string_append (text, "]}");
  doc = parse (text->str, &error);
  g_assert_null (doc);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, "more than 500000 entries"));
}

static void
test_too_large_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lumbar-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  FILE *f = fopen (path, "w");

  /* A sparse file: refused by its size before a byte is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, LUMBAR_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  fputc ('x', f);
  fclose (f);

  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &error);
  g_assert_null (doc);
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 64 MiB");

  g_unlink (path);
  g_rmdir (dir);
}

/* Loading in a thread, so that a load that blocks (a FIFO opened without
 * O_NONBLOCK waits for a writer for ever) fails the test at a deadline
 * instead of hanging it. */
typedef struct {
  GFile          *file;
  LumbarDocument *doc;
  GError         *error;
  gint            done;
} LoadCall;

static gpointer
load_in_thread (gpointer data)
{
  LoadCall *call = data;

  call->doc = lumbar_document_load_file (call->file, LUMBAR_PARSE_DEFAULT, &call->error);
  g_atomic_int_set (&call->done, TRUE);
  return NULL;
}

static gboolean
load_call_done (gpointer data)
{
  return g_atomic_int_get (&((LoadCall *) data)->done);
}

static void
assert_refused_at_once (const char *path,
                        const char *message)
{
  LoadCall call = { g_file_new_for_path (path), NULL, NULL, FALSE };
  GThread *thread;

  g_test_message ("loading %s", path);
  thread = g_thread_new ("load", load_in_thread, &call);
  /* Refused without reading: well under a second; the deadline only keeps
   * a regression from hanging the suite. */
  g_assert_true (lumbar_test_wait_for (load_call_done, &call, 10000));
  g_thread_join (thread);

  g_assert_null (call.doc);
  g_assert_error (call.error, LUMBAR_ERROR, LUMBAR_ERROR_IO);
  g_assert_cmpstr (call.error->message, ==, message);
  g_clear_error (&call.error);
  g_object_unref (call.file);
}

static void
test_only_regular_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lumbar-doc-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "journal.json", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.json", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused_at_once (fifo, "not a regular file");

  /* A device that never ends is not read at all. */
  assert_refused_at_once ("/dev/zero", "not a regular file");

  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  assert_refused_at_once (socket_path, "not a regular file");
  close (fd);

  assert_refused_at_once (dir, "is a folder, not a file");

  g_unlink (socket_path);
  g_unlink (fifo);
  g_rmdir (dir);
}


static void
test_read_regular_limit (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  /* /proc reports a size of 0 for files that hold more: the limit holds for
   * what arrives, not for what the file reports. */
  g_assert_true (lumbar_file_read_regular ("/proc/self/status", 1024 * 1024, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_clear_pointer (&contents, g_free);

  g_assert_false (lumbar_file_read_regular ("/proc/self/status", 16, &contents, &length, &error));
  g_assert_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE);
  g_assert_null (contents);
  g_clear_error (&error);

  /* A missing file says so in the system's words, which callers can tell. */
  g_assert_false (lumbar_file_read_regular ("/nonexistent/journal.json", 1024, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Random damage to a valid file: every variant is either refused with a
 * message or read; none crashes or reads garbage into an entry. */
static void
test_mutations (void)
{
  g_autoptr(GPtrArray) entries = make_every_kind ();
  g_autoptr(GBytes) bytes = lumbar_entries_to_bytes (entries);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  static const char alphabet[] = "{}[],:\"\\ 0123456789-+.eEtrufalsn\n\xC3\xA9\xFF";
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (guint round = 0; round < 20000; round++)
    {
      g_autofree char *copy = g_memdup2 (data, len);
      gsize n = len;
      guint edits = g_rand_int_range (rand, 1, 4);
      g_autoptr(GError) error = NULL;
      g_autoptr(LumbarDocument) doc = NULL;

      for (guint k = 0; k < edits; k++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) n);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              copy[at] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
              break;
            case 1:
              memmove (copy + at, copy + at + 1, n - at - 1);
              n--;
              break;
            default:
              n = at + 1;
              break;
            }
        }

      doc = lumbar_document_parse (copy, n, LUMBAR_PARSE_DEFAULT, &error);
      g_assert_true ((doc == NULL) != (error == NULL));
      if (doc)
        for (guint i = 0; i < doc->entries->len; i++)
          g_assert_true (lumbar_entry_validate (g_ptr_array_index (doc->entries, i), NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lumbar/document/round-trip", test_round_trip);
  g_test_add_func ("/lumbar/document/verify", test_verify);
  g_test_add_func ("/lumbar/document/export-fields", test_export_fields);
  g_test_add_func ("/lumbar/document/bad-documents", test_bad_documents);
  g_test_add_func ("/lumbar/document/newer-version-read-only", test_newer_version_read_only);
  g_test_add_func ("/lumbar/document/bad-entries", test_bad_entries);
  g_test_add_func ("/lumbar/document/other-time-forms", test_other_time_forms);
  g_test_add_func ("/lumbar/document/year-range-edges", test_year_range_edges);
  g_test_add_func ("/lumbar/document/root-members-around-entries", test_root_members_around_entries);
  g_test_add_func ("/lumbar/document/long-texts", test_long_texts);
  g_test_add_func ("/lumbar/document/duplicate-id", test_duplicate_id);
  g_test_add_func ("/lumbar/document/too-deep", test_too_deep);
  g_test_add_func ("/lumbar/document/too-many-entries", test_too_many_entries);
  g_test_add_func ("/lumbar/document/too-large-file", test_too_large_file);
  g_test_add_func ("/lumbar/document/only-regular-files", test_only_regular_files);
  g_test_add_func ("/lumbar/document/read-regular-limit", test_read_regular_limit);
  g_test_add_func ("/lumbar/document/mutations", test_mutations);

  return g_test_run ();
}
