/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-cli-private.h"
#include "lumbar-document-days.h"
#include "lumbar-document.h"
#include "lumbar-period-stats.h"
#include "lumbar-store.h"
#include "lumbar-summary.h"

/* `lumbar --summary [--json] [--today=YYYY-MM-DD] [FILE…]`
 *
 * Reads the user's journal or FILE without writing anything. Entries with
 * problems are listed on stderr exactly as --check lists them and left
 * out; the rest is still summarised, so a person sees what can be seen,
 * but the exit status is 1 so that a script knows the summary is partial. */

/* JSON by hand: json-glib 1.6 writes some doubles as invalid JSON, and the
 * numbers must use '.' whatever the locale. */
static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* At most two decimals, none when the value is whole: 4, 4.5, 4.33. */
static void
json_number (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (value * 100) / 100;
  char *end;

  if (rounded == 0)
    rounded = 0;  /* no "-0" */
  g_ascii_formatd (buf, sizeof buf, "%.2f", rounded);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, buf);
}

static void
json_mean (GString          *out,
           const LumbarMean *mean)
{
  if (mean->n_days == 0)
    g_string_append (out, "null");
  else
    json_number (out, mean->value);
}

static void
json_percent (GString            *out,
              const LumbarChange *change)
{
  if (!change->valid || !change->has_percent)
    g_string_append (out, "null");
  else
    json_number (out, change->percent);
}

static const char *window_keys[LUMBAR_N_PERIODS] = {
  [LUMBAR_PERIOD_W7]     = "w7",
  [LUMBAR_PERIOD_P14]    = "p14",
  [LUMBAR_PERIOD_L3]     = "l3",
  [LUMBAR_PERIOD_B7]     = "b7",
  [LUMBAR_PERIOD_LAST14] = "last14",
  [LUMBAR_PERIOD_LAST28] = "last28",
};

static void
json_means (GString            *out,
            const LumbarMean   *means,
            const LumbarChange *change)
{
  g_string_append (out, "{\n");
  for (guint w = 0; w < LUMBAR_N_PERIODS; w++)
    {
      g_string_append_printf (out, "    \"mean_%s\": ", window_keys[w]);
      json_mean (out, &means[w]);
      g_string_append (out, ",\n");
    }
  for (guint w = 0; w < LUMBAR_N_PERIODS; w++)
    g_string_append_printf (out, "    \"days_%s\": %u,\n", window_keys[w], means[w].n_days);
  g_string_append (out, "    \"change_w7_p14_percent\": ");
  json_percent (out, change);
  g_string_append (out, "\n  }");
}

static void
json_uint_member (GString    *out,
                  const char *name,
                  guint       value)
{
  g_string_append_printf (out, ",\n    \"%s\": %u", name, value);
}

static void
json_mean_member (GString          *out,
                  const char       *name,
                  const LumbarMean *mean)
{
  g_string_append_printf (out, ",\n    \"%s\": ", name);
  json_mean (out, mean);
}

/* "period": the figures of LumbarPeriodStats, as the review window and the
 * PDF show them; null when there is nothing to describe. */
static void
json_period (GString                 *out,
             const LumbarPeriodStats *stats)
{
  static const LumbarMean none = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_string_append (out, ",\n  \"period\": ");
  if (stats == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  from = lumbar_day_to_string (stats->from);
  to = lumbar_day_to_string (stats->to);
  g_string_append (out, "{\n    \"from\": ");
  json_string (out, from);
  g_string_append (out, ",\n    \"to\": ");
  json_string (out, to);
  json_uint_member (out, "days", stats->n_days);
  json_uint_member (out, "days_with_pain", stats->local.n_days);
  json_mean_member (out, "mean_local", &stats->local);
  json_uint_member (out, "days_with_radiating", stats->radiating.n_days);
  json_mean_member (out, "mean_radiating", &stats->radiating);
  json_mean_member (out, "mean_first_week", stats->compared ? &stats->first_week : &none);
  json_mean_member (out, "mean_last_week", stats->compared ? &stats->last_week : &none);
  json_uint_member (out, "spasms", stats->n_spasms);
  g_string_append (out, ",\n    \"strongest_spasm\": ");
  if (stats->strongest_spasm < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", stats->strongest_spasm);
  json_uint_member (out, "rest_sessions", stats->n_rest);
  json_uint_member (out, "rest_minutes", (guint) stats->rest_minutes);
  json_uint_member (out, "incline_sessions", stats->n_incline);
  json_uint_member (out, "incline_minutes", (guint) stats->incline_minutes);
  json_uint_member (out, "therapy_visits", stats->n_therapy);
  json_uint_member (out, "manual_therapy_visits", stats->n_manual_therapy);
  g_string_append (out, "\n  }");
}

static char *
summary_to_json (LumbarSummary           *summary,
                 const LumbarPeriodStats *period,
                 guint                    skipped)
{
  const LumbarTrends *trends = lumbar_summary_get_trends (summary);
  const LumbarRedFlags *red_flags = lumbar_summary_get_red_flags (summary);
  const LumbarTherapyChange *tc = &trends->therapy_change;
  g_autoptr(GString) out = g_string_new ("{\n");
  g_autofree char *today = lumbar_day_to_string (trends->today);
  g_autofree char *first_session = NULL;

  g_string_append (out, "  \"today\": ");
  json_string (out, today);
  g_string_append (out, ",\n  \"status\": ");
  json_string (out, lumbar_tips_status_to_string (lumbar_summary_get_status (summary)));

  g_string_append (out, ",\n  \"tips\": [");
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    {
      g_autoptr(LumbarTip) tip = lumbar_summary_dup_tip (summary, i, LUMBAR_NUMBERS_ASCII);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      g_string_append (out, "\n      \"id\": ");
      json_string (out, lumbar_tip_id_to_string (i));
      g_string_append_printf (out, ",\n      \"indicated\": %s", tip->indicated ? "true" : "false");
      g_string_append (out, ",\n      \"title\": ");
      json_string (out, lumbar_tip_get_title (i, lumbar_summary_get_voice (summary)));
      g_string_append (out, ",\n      \"evidence\": ");
      json_string (out, tip->evidence);
      g_string_append (out, ",\n      \"comparison\": ");
      json_string (out, tip->comparison);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, "\n  ]");

  g_string_append_printf (out, ",\n  \"red_flags\": {\n    \"active\": %s,\n    \"reasons\": [",
                          red_flags->active ? "true" : "false");
  for (guint i = 0; red_flags->reasons[i]; i++)
    {
      g_string_append (out, i == 0 ? "\n      " : ",\n      ");
      json_string (out, red_flags->reasons[i]);
    }
  g_string_append (out, red_flags->reasons[0] ? "\n    ],\n    \"flags\": [" : "],\n    \"flags\": [");
  for (guint bit = 0, n = 0; bit < LUMBAR_N_FLAGS; bit++)
    if (red_flags->flags & (1u << bit))
      {
        g_string_append (out, n++ == 0 ? "" : ", ");
        json_string (out, lumbar_flag_to_string (1u << bit));
      }
  g_string_append (out, "],\n    \"message\": ");
  json_string (out, red_flags->active ? lumbar_red_flags_get_message (lumbar_summary_get_voice (summary)) : NULL);
  g_string_append (out, "\n  }");

  g_string_append (out, ",\n  \"pain\": ");
  json_means (out, trends->local, &trends->local_w7_p14);
  g_string_append (out, ",\n  \"radiating\": ");
  json_means (out, trends->radiating, &trends->radiating_w7_p14);

  g_string_append_printf (out,
                          ",\n  \"activity\": {\n"
                          "    \"incline_days_w7\": %u,\n"
                          "    \"rest_minutes_l3\": %d,\n"
                          "    \"spasms_l3\": %u,\n"
                          "    \"therapy_last14\": %u\n"
                          "  }",
                          trends->incline_days_w7, trends->rest_minutes_l3,
                          trends->spasms_l3, trends->therapy_last14);

  if (tc->has_session)
    first_session = lumbar_day_to_string (tc->first_session);
  g_string_append (out, ",\n  \"manual_therapy\": {\n    \"first_session\": ");
  json_string (out, first_session);
  g_string_append (out, ",\n    \"local_before\": ");
  json_mean (out, &tc->local_before);
  g_string_append (out, ",\n    \"local_after\": ");
  json_mean (out, &tc->local_after);
  g_string_append (out, ",\n    \"local_percent\": ");
  json_percent (out, &tc->local);
  g_string_append (out, ",\n    \"radiating_before\": ");
  json_mean (out, &tc->radiating_before);
  g_string_append (out, ",\n    \"radiating_after\": ");
  json_mean (out, &tc->radiating_after);
  g_string_append (out, ",\n    \"radiating_percent\": ");
  json_percent (out, &tc->radiating);
  g_string_append (out, "\n  }");

  json_period (out, period);
  g_string_append_printf (out, ",\n  \"skipped_entries\": %u\n}\n", skipped);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef enum {
  LINE_PAIN_W7,
  LINE_PAIN_P14,
  LINE_RADIATING_W7,
  LINE_RADIATING_P14,
} MeanLine;

static void
text_mean (GString          *out,
           MeanLine          line,
           const LumbarMean *mean)
{
  g_autofree char *value = lumbar_format_decimal (mean->value, LUMBAR_NUMBERS_LOCALE);
  guint n = mean->n_days;

  switch (line)
    {
    case LINE_PAIN_W7:
      if (n == 0)
        g_string_append (out, _("Pain over the last 7 days: no readings"));
      else
        g_string_append_printf (out, ngettext ("Pain over the last 7 days: %s on average (%u day with readings)",
                                               "Pain over the last 7 days: %s on average (%u days with readings)", n),
                                value, n);
      break;

    case LINE_PAIN_P14:
      if (n == 0)
        g_string_append (out, _("Pain in the 14 days before: no readings"));
      else
        g_string_append_printf (out, ngettext ("Pain in the 14 days before: %s on average (%u day with readings)",
                                               "Pain in the 14 days before: %s on average (%u days with readings)", n),
                                value, n);
      break;

    case LINE_RADIATING_W7:
      if (n == 0)
        g_string_append (out, _("Radiating pain over the last 7 days: no readings"));
      else
        g_string_append_printf (out, ngettext ("Radiating pain over the last 7 days: %s on average (%u day with readings)",
                                               "Radiating pain over the last 7 days: %s on average (%u days with readings)", n),
                                value, n);
      break;

    case LINE_RADIATING_P14:
    default:
      if (n == 0)
        g_string_append (out, _("Radiating pain in the 14 days before: no readings"));
      else
        g_string_append_printf (out, ngettext ("Radiating pain in the 14 days before: %s on average (%u day with readings)",
                                               "Radiating pain in the 14 days before: %s on average (%u days with readings)", n),
                                value, n);
      break;
    }
  g_string_append_c (out, '\n');
}

static void
text_tip (GString         *out,
          LumbarSummary   *summary,
          LumbarTipId      id,
          gboolean         with_advice)
{
  const LumbarTip *tip = lumbar_summary_get_tip (summary, id);
  LumbarVoice voice = lumbar_summary_get_voice (summary);

  g_string_append_printf (out, "  %s\n", lumbar_tip_get_title (id, voice));
  if (lumbar_summary_get_status (summary) == LUMBAR_TIPS_STATUS_OK)
    g_string_append_printf (out, "    %s\n", tip->evidence);
  if (tip->comparison)
    g_string_append_printf (out, "    %s\n", tip->comparison);
  if (with_advice)
    {
      g_autofree char *advice = lumbar_tip_dup_advice (id, voice);

      g_string_append_printf (out, "    %s\n", advice);
    }
}

/* The period's figures, in the words of the review window and the PDF. */
static void
text_period (GString                 *out,
             const LumbarPeriodStats *stats)
{
  LumbarStat pain[LUMBAR_N_PAIN_STATS] = { { 0 } };
  LumbarStat activity[LUMBAR_N_ACTIVITY_STATS] = { { 0 } };
  g_autofree char *period = lumbar_format_period (stats->from, stats->to);
  LumbarStat *all[] = { pain, activity };
  guint counts[] = { LUMBAR_N_PAIN_STATS, LUMBAR_N_ACTIVITY_STATS };

  lumbar_period_stats_describe_pain (stats, pain);
  lumbar_period_stats_describe_activity (stats, activity);
  /* Translators: heading of the period figures in `lumbar --summary` */
  g_string_append_printf (out, _("Period %s:"), period);
  g_string_append_c (out, '\n');
  for (guint g = 0; g < G_N_ELEMENTS (all); g++)
    for (guint i = 0; i < counts[g]; i++)
      {
        LumbarStat *stat = &all[g][i];

        if (stat->detail)
          /* Translators: a figure in `lumbar --summary`: its name, value and detail */
          g_string_append_printf (out, C_("summary figure", "  %s: %s — %s\n"), stat->label, stat->value, stat->detail);
        else
          /* Translators: a figure in `lumbar --summary`: its name and value */
          g_string_append_printf (out, C_("summary figure", "  %s: %s\n"), stat->label, stat->value);
        lumbar_stat_clear (stat);
      }
  g_string_append_c (out, '\n');
}

static char *
summary_to_text (LumbarSummary           *summary,
                 const LumbarPeriodStats *period)
{
  const LumbarTrends *trends = lumbar_summary_get_trends (summary);
  const LumbarRedFlags *red_flags = lumbar_summary_get_red_flags (summary);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *today = lumbar_format_date (trends->today, LUMBAR_DATE_FULL);
  gboolean about = lumbar_summary_get_voice (summary) == LUMBAR_VOICE_THERAPIST;

  g_string_append_printf (out, _("Lumbar summary for %s"), today);
  g_string_append (out, "\n\n");

  if (red_flags->active)
    {
      g_auto(GStrv) watch = lumbar_red_flags_dup_watch_list ();

      g_string_append_printf (out, "%s\n", about ? _("Red flags: prompt medical care advised")
                                                  : _("Red flags: seek medical care promptly"));
      for (guint i = 0; red_flags->reasons[i]; i++)
        g_string_append_printf (out, "  • %s\n", red_flags->reasons[i]);
      g_string_append_printf (out, "  %s\n", lumbar_red_flags_get_message (lumbar_summary_get_voice (summary)));
      g_string_append_printf (out, "  %s\n", _("Watch for:"));
      for (guint i = 0; watch[i]; i++)
        g_string_append_printf (out, "  • %s\n", watch[i]);
      g_string_append_c (out, '\n');
    }

  text_mean (out, LINE_PAIN_W7, &trends->local[LUMBAR_PERIOD_W7]);
  text_mean (out, LINE_PAIN_P14, &trends->local[LUMBAR_PERIOD_P14]);
  if (trends->radiating[LUMBAR_PERIOD_W7].n_days > 0 || trends->radiating[LUMBAR_PERIOD_P14].n_days > 0)
    {
      text_mean (out, LINE_RADIATING_W7, &trends->radiating[LUMBAR_PERIOD_W7]);
      text_mean (out, LINE_RADIATING_P14, &trends->radiating[LUMBAR_PERIOD_P14]);
    }
  g_string_append_c (out, '\n');

  if (period != NULL)
    text_period (out, period);

  if (lumbar_summary_get_status (summary) != LUMBAR_TIPS_STATUS_OK)
    {
      /* Every tip carries the same explanation while data is missing. */
      g_string_append_printf (out, "%s\n\n", lumbar_summary_get_tip (summary, 0)->evidence);
      g_string_append_printf (out, "%s\n", _("General advice:"));
      for (guint i = 0; i < LUMBAR_N_TIPS; i++)
        text_tip (out, summary, i, TRUE);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (lumbar_summary_get_n_indicated (summary) > 0)
    {
      g_string_append_printf (out, "%s\n", about ? _("Suggested for the patient:") : _("Suggested for you:"));
      for (guint i = 0; i < LUMBAR_N_TIPS; i++)
        if (lumbar_summary_get_tip (summary, i)->indicated)
          text_tip (out, summary, i, TRUE);
    }
  else
    g_string_append_printf (out, "%s\n", about ? _("No tip is indicated by the patient’s recent entries.")
                                                : _("No tip is indicated by your recent entries."));

  if (lumbar_summary_get_n_indicated (summary) < LUMBAR_N_TIPS)
    {
      g_string_append_printf (out, "\n%s\n", _("Not indicated at the moment:"));
      for (guint i = 0; i < LUMBAR_N_TIPS; i++)
        if (!lumbar_summary_get_tip (summary, i)->indicated)
          text_tip (out, summary, i, FALSE);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One FILE (or the journal, @file NULL) as a text block or a JSON object.
 * @multi: one of several: each is headed by its file (and patient), and a
 * file that cannot be read is reported in its place. */
static int
summarise_one (const char *file,
               gboolean    json,
               LumbarDay   today,
               gboolean    today_given,
               gboolean    multi,
               GString    *out)
{
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(LumbarSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  LumbarDocumentDays days;
  LumbarPeriodStats period;

  name = file != NULL ? g_strdup (file) : lumbar_store_dup_default_journal_path ();
  doc = lumbar_cli_load_source (file, &error);
  if (doc == NULL)
    {
      lumbar_cli_print_error (name, error);
      if (multi && json)
        {
          g_string_append (out, "{\n  \"file\": ");
          json_string (out, file);
          g_string_append (out, ",\n  \"patient\": null,\n  \"error\": ");
          json_string (out, error->message);
          g_string_append (out, "\n}");
        }
      else if (multi)
        /* Translators: a file named on the command line, then why it cannot be read */
        {
          g_string_append_printf (out, _("%s: cannot be read: %s"), file, error->message);
          g_string_append_c (out, '\n');
        }
      return LUMBAR_EXIT_INPUT;
    }

  for (guint i = 0; i < doc->problems->len; i++)
    {
      g_autofree char *line = lumbar_problem_to_string (g_ptr_array_index (doc->problems, i), name);

      g_printerr ("%s\n", line);
    }

  lumbar_document_days_resolve (doc, today, today_given, &days);
  summary = lumbar_summary_new_for_entries (doc->entries, days.today, days.voice);
  lumbar_period_stats_compute_entries (&period, doc->entries, days.from, days.to);

  if (json)
    {
      body = summary_to_json (summary, &period, doc->problems->len);
      if (multi)
        {
          /* The same object, with whose it is first. */
          g_string_append (out, "{\n  \"file\": ");
          json_string (out, file);
          g_string_append (out, ",\n  \"patient\": ");
          json_string (out, doc->patient_name);
          g_string_append_c (out, ',');
          g_string_append_len (out, body + 1, strlen (body + 1) - 2);
          g_string_append_c (out, '}');
        }
      else
        g_string_append (out, body);
    }
  else
    {
      if (multi)
        {
          if (doc->patient_name != NULL && *doc->patient_name != '\0')
            /* Translators: a file named on the command line, then the patient's name */
            g_string_append_printf (out, _("%s (%s)"), file, doc->patient_name);
          else
            g_string_append (out, file);
          g_string_append (out, "\n\n");
        }
      body = summary_to_text (summary, &period);
      g_string_append (out, body);
    }

  return doc->problems->len > 0 ? LUMBAR_EXIT_INPUT : LUMBAR_EXIT_OK;
}

/**
 * lumbar_cli_run_summary:
 * @json: print the JSON object of DESIGN.md instead of text
 * @today_text: (nullable): the day to summarise as YYYY-MM-DD, or %NULL
 *   for the local date (an export's own day for an export)
 * @files: (nullable): the FILEs; %NULL or empty for the journal
 *
 * With two or more FILEs, one block per file in argument order (a JSON
 * array of objects that name their file and patient); a FILE that cannot
 * be read is reported in its place and the others still print.
 *
 * Returns: the exit status: 0 on success, 1 when some input is bad (even
 *   if a summary of its valid entries was printed), 2 on a usage error
 */
int
lumbar_cli_run_summary (gboolean     json,
                        const char  *today_text,
                        char       **files)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_files = files != NULL ? g_strv_length (files) : 0;
  gboolean multi = n_files > 1;
  int status = LUMBAR_EXIT_OK;
  LumbarDay today;

  if (today_text == NULL)
    today = lumbar_day_today ();
  else if (!lumbar_day_parse (today_text, &today))
    {
      g_autofree char *message = g_strdup_printf (_("invalid --today “%s”: expected a date as YYYY-MM-DD"),
                                                  today_text);

      return lumbar_cli_usage_error ("%s", message);
    }

  if (!multi)
    {
      status = summarise_one (n_files == 1 ? files[0] : NULL, json, today, today_text != NULL, FALSE, out);
      g_print ("%s", out->str);
      return status;
    }

  if (json)
    g_string_append (out, "[\n");
  for (guint i = 0; i < n_files; i++)
    {
      if (i > 0)
        g_string_append (out, json ? ",\n" : "\n");
      if (summarise_one (files[i], json, today, today_text != NULL, TRUE, out) != LUMBAR_EXIT_OK)
        status = LUMBAR_EXIT_INPUT;
    }
  if (json)
    g_string_append (out, "\n]\n");
  g_print ("%s", out->str);
  return status;
}
