/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "lumbar-summary.h"

#include "diary-builder.h"

/* today = 2026-11-27; a day number in the diary is "days before today".
 * Windows: W7 0…6, P14 7…20, L3 0…2, B7 3…9, last 14 0…13, last 28 0…27. */
typedef struct {
  const char *name;
  const char *diary;
  gboolean    enough;      /* status "ok" */
  gboolean    rest;
  gboolean    incline;
  gboolean    therapy;
  gboolean    red_flags;
  LumbarTipId tip;         /* whose evidence to check, if evidence is set */
  const char *evidence;    /* a sentence the person must see */
} TipsCase;

#define OK TRUE
#define NED FALSE

static const TipsCase cases[] = {
  /* Status: at least 3 days of W7 with pain readings. */
  { "empty", "", NED, 0, 0, 0, 0,
    LUMBAR_TIP_REST, "You have not logged pain in the last seven days; personal tips need readings on at least 3 days." },
  { "w7-two-days-not-enough", "P0=9 P1=9 S0=8", NED, 0, 0, 0, 0,
    LUMBAR_TIP_INCLINE, "You logged pain on only 2 of the last seven days; personal tips need at least 3." },
  { "w7-three-days-enough", "P0=2 P1=2 P2=2 S0=8", OK, 1, 0, 0, 0,
    LUMBAR_TIP_REST, "You had 1 spasm in the last three days." },
  { "w7-gaps-three-days-enough", "P0=2 P3=2 P6=2", OK, 0, 0, 0, 0, 0, NULL },
  { "w7-days-before-window-dont-count", "P0=2 P1=2 P7=2 P8=2", NED, 0, 0, 0, 0, 0, NULL },
  { "red-flags-whatever-the-status", "P0=2!fever", NED, 0, 0, 0, 1, 0, NULL },

  /* Rest: a spasm in L3, a daily pain ≥ 7 in L3, or mean(L3) ≥ mean(B7) + 1.0. */
  { "rest-rise-exactly-1", "P9..3=2 P2..0=3", OK, 1, 0, 0, 0,
    LUMBAR_TIP_REST, "Your pain rose from 2.0 to 3.0 over the last three days; you logged no rest." },
  { "rest-rise-just-below-1", "P9..3=2 P2..1=3 P0=3,3,2", OK, 0, 0, 0, 0,
    LUMBAR_TIP_REST, "Your pain averaged 2.9 over the last three days and 2.0 in the seven days before." },
  /* 1.4 and 0.4 as means of fifths: in doubles 1.4 < 0.4 + 1.0. */
  { "rest-rise-exact-in-fifths", "P9..3=0,0,0,1,1 P2..0=1,1,1,2,2", OK, 1, 0, 0, 0, 0, NULL },
  { "rest-rise-one-minute", "P9..3=2 P2..0=3 R1=1", OK, 1, 0, 0, 0,
    LUMBAR_TIP_REST, "Your pain rose from 2.0 to 3.0 over the last three days; you logged 1 minute of rest." },
  { "rest-rise-ten-minutes", "P9..3=2 P2..0=3 R1=4 R0=6 R3=30", OK, 1, 0, 0, 0,
    LUMBAR_TIP_REST, "you logged 10 minutes of rest." },
  { "rest-no-b7-no-rise", "P2..0=5", OK, 0, 1, 0, 0,
    LUMBAR_TIP_REST, "Your pain averaged 5.0 over the last three days. You logged no rest in the last three days." },
  { "rest-daily-exactly-7", "P9..3=6 P2..1=6 P0=7", OK, 1, 1, 0, 0,
    LUMBAR_TIP_REST, "On 1 of the last three days your pain averaged 7 or more (highest 7.0)." },
  { "rest-daily-6.9", "P9..3=6 P2..1=6 P0=7,7,7,7,7,7,7,7,7,6", OK, 0, 1, 0, 0, 0, NULL },
  { "rest-daily-7-in-b7-only", "P9..4=6 P3=7 P2..0=6", OK, 0, 1, 0, 0, 0, NULL },
  { "rest-spasm-in-l3", "P6..0=2 S2=5", OK, 1, 0, 0, 0, 0, NULL },
  { "rest-spasms-plural", "P6..0=2 S2=5 S0=6", OK, 1, 0, 0, 0,
    LUMBAR_TIP_REST, "You had 2 spasms in the last three days." },
  { "rest-spasm-before-l3", "P6..0=2 S3=5", OK, 0, 0, 0, 0, 0, NULL },

  /* Incline: mean(W7) ≥ 4 and inclined sitting on fewer than 3 distinct days of W7. */
  { "incline-mean-exactly-4", "P6..0=4", OK, 0, 1, 0, 0,
    LUMBAR_TIP_INCLINE, "Your pain averaged 4.0 over the last seven days; you did not sit inclined on any of them." },
  { "incline-mean-just-below-4", "P6..1=4 P0=4,4,4,4,4,4,4,4,4,3", OK, 0, 0, 0, 0, 0, NULL },
  { "incline-on-2-days", "P6..0=5 I0=30 I3=30", OK, 0, 1, 0, 0,
    LUMBAR_TIP_INCLINE, "Your pain averaged 5.0 over the last seven days; you sat inclined on 2 of them." },
  { "incline-on-3-days", "P6..0=5 I0=30 I3=30 I6=30", OK, 0, 0, 0, 0, 0, NULL },
  { "incline-3-sessions-on-2-days", "P6..0=5 I0=30@09:00 I0=20@18:00 I3=30", OK, 0, 1, 0, 0, 0, NULL },
  { "incline-day-before-w7-doesnt-count", "P6..0=5 I0=30 I3=30 I7=30", OK, 0, 1, 0, 0, 0, NULL },
  /* The mean of daily means, not of readings: (10 + 2 + 0) / 3 = 4. */
  { "incline-mean-of-daily-means", "P2=10 P1=2,2,2,2,2 P0=0", OK, 1, 1, 0, 0, 0, NULL },

  /* Manual therapy: no therapy in the last 14 days and (a) ≥ 14 days with
   * readings in the last 28, mean(W7) ≥ 4, mean(W7) > 0.7 × mean(P14);
   * or (b) mean radiating over W7 ≥ 4. */
  { "therapy-14-days-of-readings", "P13..0=5", OK, 0, 1, 1, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "You have not logged a therapy visit in the last 14 days." },
  { "therapy-13-days-of-readings", "P12..0=5", OK, 0, 1, 0, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "Only 13 of the last 28 days have pain readings." },
  { "therapy-day-27-counts", "P27=5 P12..0=5", OK, 0, 1, 1, 0, 0, NULL },
  { "therapy-day-28-does-not", "P28=5 P12..0=5", OK, 0, 1, 0, 0, 0, NULL },
  /* 4.2 = 0.7 × 6 exactly; in doubles 4.2 > 0.7 × 6. */
  { "therapy-w7-exactly-0.7-p14", "P20..7=6 P6..1=4 P0=5,5,5,6,6", OK, 0, 1, 0, 0, 0, NULL },
  { "therapy-w7-just-above-0.7-p14", "P20..7=6 P6..1=4 P0=5,5,6,6,6", OK, 0, 1, 1, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "Your pain averaged 4.2 over the last seven days, against 6.0 in the two weeks before (−30%)." },
  { "therapy-improved-30-percent", "P20..7=8 P6..0=4", OK, 0, 1, 0, 0, 0, NULL },
  { "therapy-w7-below-4", "P20..7=5 P6..0=3,4", OK, 0, 0, 0, 0, 0, NULL },
  { "therapy-no-p14-no-comparison", "P27..21=5 P6..0=5", OK, 0, 1, 0, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "there are no readings from the two weeks before to compare with." },
  { "therapy-radiating-exactly-4", "P2..0=2/4", OK, 0, 0, 1, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "Your radiating pain averaged 4.0 over the last seven days." },
  { "therapy-radiating-below-4", "P2..1=2/4 P0=2/4,2/3", OK, 0, 0, 0, 0, 0, NULL },
  { "therapy-radiating-absent", "P6..0=2", OK, 0, 0, 0, 0, 0, NULL },
  { "therapy-13-days-ago", "P13..0=5/5 T13=m", OK, 0, 1, 0, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "You logged 1 therapy visit in the last 14 days." },
  { "therapy-14-days-ago", "P13..0=5/5 T14=m", OK, 0, 1, 1, 0, 0, NULL },
  { "therapy-any-kind-counts", "P13..0=5/5 T3=e T2=o", OK, 0, 1, 0, 0,
    LUMBAR_TIP_MANUAL_THERAPY, "You logged 2 therapy visits in the last 14 days." },

  /* Days belong to the date in their own offset; nothing after today counts. */
  { "after-today-ignored", "P6..0=2 P-1=10!fever S-1=9 P-4..-2=10 I-1=30 T-1=m", OK, 0, 0, 0, 0, 0, NULL },
  { "after-today-in-own-offset", "P6..0=2 P-1=10!saddle-numbness@00:30+14:00", OK, 0, 0, 0, 0, 0, NULL },
  { "before-midnight-west-stays-in-b7", "P9..3=6 P2..0=6 P3=9@23:30-05:00", OK, 0, 1, 0, 0, 0, NULL },
  { "after-midnight-east-lands-in-l3", "P9..3=6 P2..0=6 P2=9@01:00+09:00", OK, 1, 1, 0, 0, 0, NULL },
  { "today-late-west-is-today", "P6..1=2 P0=2 S0=5@23:59-11:00", OK, 1, 0, 0, 0, 0, NULL },

  /* Red flags: a flag in W7, or daily pain ≥ 8 on 3 consecutive days of W7. */
  { "red-flag-on-first-day-of-w7", "P6..0=2 P6=2!bladder-bowel", OK, 0, 0, 0, 1, 0, NULL },
  { "red-flag-before-w7", "P6..0=2 P7=2!bladder-bowel", OK, 0, 0, 0, 0, 0, NULL },
  { "red-run-3-consecutive", "P6..3=2 P2..0=8", OK, 1, 1, 0, 1, 0, NULL },
  { "red-run-not-consecutive", "P4=8 P3=2 P2=8 P1=2 P0=8", OK, 1, 1, 0, 0, 0, NULL },
  { "red-run-broken-by-day-without-readings", "P3=8 P2=8 P0=8", OK, 1, 1, 0, 0, 0, NULL },
  { "red-run-broken-by-7.9", "P2..1=8 P0=8,8,8,8,8,8,8,8,8,7", OK, 1, 1, 0, 0, 0, NULL },
  { "red-run-mostly-before-w7", "P8..6=9 P5..0=2", OK, 0, 0, 0, 0, 0, NULL },
  { "red-run-ends-at-w7-start", "P6..4=9 P3..0=2", OK, 0, 1, 0, 1, 0, NULL },
};

static void
check_summary (const TipsCase *c,
               LumbarSummary  *summary)
{
  const LumbarRedFlags *red = lumbar_summary_get_red_flags (summary);

  g_assert_cmpstr (lumbar_tips_status_to_string (lumbar_summary_get_status (summary)), ==,
                   c->enough ? "ok" : "not-enough-data");
  g_assert_cmpint (lumbar_summary_get_tip (summary, LUMBAR_TIP_REST)->indicated, ==, c->rest);
  g_assert_cmpint (lumbar_summary_get_tip (summary, LUMBAR_TIP_INCLINE)->indicated, ==, c->incline);
  g_assert_cmpint (lumbar_summary_get_tip (summary, LUMBAR_TIP_MANUAL_THERAPY)->indicated, ==, c->therapy);
  g_assert_cmpint (red->active, ==, c->red_flags);
  g_assert_cmpint (g_strv_length (red->reasons) > 0, ==, c->red_flags);

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    {
      const LumbarTip *tip = lumbar_summary_get_tip (summary, i);

      g_assert_cmpint (tip->id, ==, i);
      g_assert_nonnull (tip->evidence);
      g_assert_cmpstr (tip->evidence, !=, "");
      g_assert_true (g_str_has_suffix (tip->evidence, "."));
      g_assert_nonnull (strstr (tip->why, tip->evidence));
    }

  if (c->evidence != NULL && strstr (lumbar_summary_get_tip (summary, c->tip)->evidence, c->evidence) == NULL)
    g_error ("“%s” evidence is “%s”, expected it to contain “%s”",
             lumbar_tip_id_to_string (c->tip), lumbar_summary_get_tip (summary, c->tip)->evidence, c->evidence);
}

/* The same diary as a journal (day index) and as a plain list (exports). */
static void
test_case (gconstpointer data)
{
  const TipsCase *c = data;
  g_autoptr(GPtrArray) entries = diary_build (c->diary, DIARY_TODAY);
  g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
  g_autoptr(LumbarSummary) from_journal = NULL;
  g_autoptr(LumbarSummary) from_entries = NULL;

  lumbar_journal_set_entries (journal, entries);
  from_journal = lumbar_summary_new (journal, DIARY_TODAY, LUMBAR_VOICE_PERSON);
  from_entries = lumbar_summary_new_for_entries (entries, DIARY_TODAY, LUMBAR_VOICE_PERSON);

  check_summary (c, from_journal);
  check_summary (c, from_entries);

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    g_assert_cmpstr (lumbar_summary_get_tip (from_journal, i)->evidence, ==,
                     lumbar_summary_get_tip (from_entries, i)->evidence);
}

static LumbarSummary *
summary_for (const char *diary)
{
  g_autoptr(GPtrArray) entries = diary_build (diary, DIARY_TODAY);

  return lumbar_summary_new_for_entries (entries, DIARY_TODAY, LUMBAR_VOICE_PERSON);
}

static void
test_red_flag_reasons (void)
{
  g_autoptr(LumbarSummary) summary = summary_for ("P6..0=2 P6=2!bladder-bowel P1=3!leg-weakness,fever P0=2!leg-weakness "
                                                  "P9..3=2 P13=9 P12=9 P11=9");
  const LumbarRedFlags *red = lumbar_summary_get_red_flags (summary);

  /* today−6 is 21 November. One reason per symptom, in a fixed order, with its days. */
  g_assert_true (red->active);
  g_assert_cmpuint (red->flags, ==, LUMBAR_FLAG_BLADDER_BOWEL | LUMBAR_FLAG_LEG_WEAKNESS | LUMBAR_FLAG_FEVER);
  g_assert_cmpuint (g_strv_length (red->reasons), ==, 3);
  g_assert_cmpstr (red->reasons[0], ==, "You logged new trouble passing urine or controlling bladder or bowel on 21 November 2026.");
  g_assert_cmpstr (red->reasons[1], ==, "You logged worsening weakness in one or both legs on 26 November 2026, 27 November 2026.");
  g_assert_cmpstr (red->reasons[2], ==, "You logged fever or feeling generally unwell on 26 November 2026.");
}


/* Whether @text addresses its reader: "you", "your", "yours" as words. */
static gboolean
speaks_to_reader (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(you|your|yours|yourself)\\b", G_REGEX_CASELESS, 0, NULL);

  return text != NULL && g_regex_match (regex, text, 0, NULL);
}

/* Every text a therapist reads speaks about the patient (DESIGN.md →
 * Voice), with the same figures the patient's own window shows. Checked
 * over every diary of the rule table, so that no branch is missed. */
static void
test_therapist_voice (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) entries = diary_build (cases[c].diary, DIARY_TODAY);
      g_autoptr(LumbarSummary) person = lumbar_summary_new_for_entries (entries, DIARY_TODAY, LUMBAR_VOICE_PERSON);
      g_autoptr(LumbarSummary) about = lumbar_summary_new_for_entries (entries, DIARY_TODAY, LUMBAR_VOICE_THERAPIST);
      const LumbarRedFlags *red = lumbar_summary_get_red_flags (about);

      g_assert_cmpint (lumbar_summary_get_voice (about), ==, LUMBAR_VOICE_THERAPIST);
      for (guint i = 0; i < LUMBAR_N_TIPS; i++)
        {
          const LumbarTip *p = lumbar_summary_get_tip (person, i);
          const LumbarTip *t = lumbar_summary_get_tip (about, i);

          g_assert_cmpint (p->indicated, ==, t->indicated);
          if (speaks_to_reader (t->evidence) || speaks_to_reader (t->comparison) || speaks_to_reader (t->why))
            g_error ("%s, tip %s speaks to the reader:\n%s\n%s\n%s", cases[c].name, lumbar_tip_id_to_string (i),
                     t->evidence, t->comparison ? t->comparison : "", t->why);
          /* The person's window does speak to the person. */
          g_assert_true (speaks_to_reader (p->why));
        }
      for (guint i = 0; red->reasons[i]; i++)
        g_assert_false (speaks_to_reader (red->reasons[i]));
    }

  g_assert_false (speaks_to_reader (lumbar_red_flags_get_message (LUMBAR_VOICE_THERAPIST)));
  g_assert_nonnull (strstr (lumbar_red_flags_get_message (LUMBAR_VOICE_THERAPIST),
                            "advised the patient to seek medical care promptly"));
}

static void
test_therapist_voice_sentences (void)
{
  g_autoptr(GPtrArray) entries = diary_build ("P6..0=2 P1=3!leg-weakness P0=2!leg-weakness P9..3=2 P2..0=6 S0=7", DIARY_TODAY);
  g_autoptr(LumbarSummary) about = lumbar_summary_new_for_entries (entries, DIARY_TODAY, LUMBAR_VOICE_THERAPIST);
  const LumbarRedFlags *red = lumbar_summary_get_red_flags (about);

  g_assert_cmpstr (red->reasons[0], ==,
                   "The patient logged worsening weakness in one or both legs on 26 November 2026, 27 November 2026.");
  g_assert_true (g_str_has_prefix (lumbar_summary_get_tip (about, LUMBAR_TIP_REST)->evidence,
                                   "The patient had 1 spasm in the last three days."));
}

static void
test_red_flag_run_reason (void)
{
  g_autoptr(LumbarSummary) summary = summary_for ("P6=2 P5..2=8 P1=9,8 P0=3");
  const LumbarRedFlags *red = lumbar_summary_get_red_flags (summary);
  g_auto(GStrv) watch = lumbar_red_flags_dup_watch_list ();

  g_assert_true (red->active);
  g_assert_cmpuint (red->flags, ==, 0);
  g_assert_cmpuint (red->longest_run, ==, 5);
  g_assert_cmpuint (g_strv_length (red->reasons), ==, 1);
  g_assert_cmpstr (red->reasons[0], ==,
                   "Your daily pain was 8 or more on 5 days in a row "
                   "(22 November 2026, 23 November 2026, 24 November 2026, 25 November 2026, 26 November 2026).");

  g_assert_nonnull (strstr (lumbar_red_flags_get_message (LUMBAR_VOICE_PERSON), "seek medical care promptly"));
  g_assert_cmpuint (g_strv_length (watch), >=, 7);
  g_assert_cmpstr (watch[g_strv_length (watch) - 1], ==, "Pain of 8 or more on 3 days in a row");
}

static void
test_no_red_flags_no_reasons (void)
{
  g_autoptr(LumbarSummary) summary = summary_for ("P6..0=7 P0=7!fever@12:00 P-1=9!fever");
  const LumbarRedFlags *red = lumbar_summary_get_red_flags (summary);

  /* 7 on every day is not 8; the flag on today counts, the one after does not. */
  g_assert_cmpuint (red->longest_run, ==, 0);
  g_assert_cmpuint (red->flags, ==, LUMBAR_FLAG_FEVER);
  g_assert_cmpuint (g_strv_length (red->reasons), ==, 1);
  g_assert_cmpstr (red->reasons[0], ==, "You logged fever or feeling generally unwell on 27 November 2026.");
}

static void
test_comparison_gate (void)
{
  /* Rest on 3 days with readings and 3 days without: a comparison. */
  g_autoptr(LumbarSummary) three = summary_for ("P5..0=4 P2..0=6 R5=10 R4=10 R3=10");
  /* Rest on only 2 days: no comparison. */
  g_autoptr(LumbarSummary) two = summary_for ("P5..0=4 R5=10 R4=10");
  /* Inclined sitting on 3 days, and on a day without readings, which is on neither side. */
  g_autoptr(LumbarSummary) incline = summary_for ("P20..15=5 P14..12=3 I14..12=30 I8=30");

  g_assert_cmpstr (lumbar_summary_get_tip (three, LUMBAR_TIP_REST)->comparison, ==,
                   "In the last four weeks, on the 3 days you rested, your pain averaged 4.0. "
                   "On the 3 days without, it averaged 5.0.");
  g_assert_null (lumbar_summary_get_tip (two, LUMBAR_TIP_REST)->comparison);
  g_assert_null (lumbar_summary_get_tip (three, LUMBAR_TIP_INCLINE)->comparison);
  g_assert_cmpstr (lumbar_summary_get_tip (incline, LUMBAR_TIP_INCLINE)->comparison, ==,
                   "In the last four weeks, on the 3 days you sat inclined, your pain averaged 3.0. "
                   "On the 6 days without, it averaged 5.0.");
}

static void
test_therapy_change (void)
{
  /* First manual session 17 days ago; the week before it averaged 6 local
   * and 4 radiating; W7 averages 4.5 and 17/7. A later session and an
   * exercise session before it change nothing. */
  g_autoptr(LumbarSummary) summary = summary_for ("P24..18=6/4 T17=m T15=m T30=e P16..7=5 "
                                                  "P6..2=4/3,5/3 P1..0=4/1,5/1");
  const LumbarTip *tip = lumbar_summary_get_tip (summary, LUMBAR_TIP_MANUAL_THERAPY);

  g_assert_cmpstr (tip->comparison, ==,
                   "Since your first manual-therapy session on 10 November 2026, your pain went from "
                   "6.0 to 4.5 (−25%). Your radiating pain went from 4.0 to 2.4 (−39%).");

  /* Without readings in the week before the session there is nothing to compare. */
  {
    g_autoptr(LumbarSummary) none = summary_for ("T17=m P16..0=5");

    g_assert_null (lumbar_summary_get_tip (none, LUMBAR_TIP_MANUAL_THERAPY)->comparison);
  }
}

static void
test_study_figures_and_advice (void)
{
  g_autofree char *therapy = lumbar_tip_dup_advice (LUMBAR_TIP_MANUAL_THERAPY, LUMBAR_VOICE_PERSON);
  g_autofree char *rest = lumbar_tip_dup_advice (LUMBAR_TIP_REST, LUMBAR_VOICE_PERSON);
  g_autofree char *incline = lumbar_tip_dup_advice (LUMBAR_TIP_INCLINE, LUMBAR_VOICE_PERSON);

  g_assert_nonnull (strstr (therapy, "22% less local pain"));
  g_assert_nonnull (strstr (therapy, "35% less radiating pain"));
  g_assert_nonnull (strstr (therapy, "hands-on"));
  g_assert_nonnull (strstr (rest, "not bed rest"));
  g_assert_nonnull (strstr (incline, "pillows or a recliner"));
  g_assert_nonnull (strstr (incline, "knees slightly bent"));

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    {
      LumbarTipId id;

      g_assert_nonnull (lumbar_tip_get_title (i, LUMBAR_VOICE_PERSON));
      g_assert_true (lumbar_tip_id_from_string (lumbar_tip_id_to_string (i), &id));
      g_assert_cmpint (id, ==, i);
    }
  g_assert_cmpstr (lumbar_tip_id_to_string (LUMBAR_TIP_MANUAL_THERAPY), ==, "manual-therapy");
  g_assert_false (lumbar_tip_id_from_string ("nap", NULL));
}

static void
test_why_explains_rule (void)
{
  g_autoptr(LumbarSummary) summary = summary_for ("P9..3=2 P2..0=3");
  const LumbarTip *rest = lumbar_summary_get_tip (summary, LUMBAR_TIP_REST);
  const LumbarTip *incline = lumbar_summary_get_tip (summary, LUMBAR_TIP_INCLINE);
  const LumbarTip *therapy = lumbar_summary_get_tip (summary, LUMBAR_TIP_MANUAL_THERAPY);
  g_autoptr(LumbarSummary) sparse = summary_for ("P0=3");

  g_assert_nonnull (strstr (rest->why, "reached 7 or more"));
  g_assert_nonnull (strstr (rest->why, "at least 1.0 points higher"));
  g_assert_nonnull (strstr (rest->why, "This applies to you now. Your pain rose from 2.0 to 3.0"));
  g_assert_nonnull (strstr (incline->why, "averaged 4 or more"));
  g_assert_nonnull (strstr (incline->why, "fewer than 3 of them"));
  g_assert_nonnull (strstr (incline->why, "This does not apply to you at the moment."));
  g_assert_nonnull (strstr (therapy->why, "not improved by 30% or more"));
  g_assert_nonnull (strstr (therapy->why, "at least 14 days of the last 28"));
  g_assert_nonnull (strstr (lumbar_summary_get_tip (sparse, LUMBAR_TIP_REST)->why, "until then this tip is general advice"));
}

/* Decimals follow the locale in the UI and are always '.' for JSON. */
static void
test_locale_decimals (void)
{
  g_autoptr(LumbarSummary) summary = NULL;
  g_autoptr(LumbarTip) ascii = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    g_error ("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh");

  summary = summary_for ("P9..3=4,4,4,4,5 P2..0=6,6,5,5,6 R1=10");
  ascii = lumbar_summary_dup_tip (summary, LUMBAR_TIP_REST, LUMBAR_NUMBERS_ASCII);
  setlocale (LC_NUMERIC, old);

  g_assert_cmpstr (lumbar_summary_get_tip (summary, LUMBAR_TIP_REST)->evidence, ==,
                   "Your pain rose from 4,2 to 5,6 over the last three days; you logged 10 minutes of rest.");
  g_assert_cmpstr (ascii->evidence, ==,
                   "Your pain rose from 4.2 to 5.6 over the last three days; you logged 10 minutes of rest.");
}

static void
test_summary_means (void)
{
  g_autoptr(LumbarSummary) summary = summary_for ("P20..7=6 P6..1=4 P0=5,5,5,6,6 P6=1/3");

  g_assert_cmpint (lumbar_summary_get_today (summary), ==, DIARY_TODAY);
  g_assert_cmpfloat_with_epsilon (lumbar_summary_get_pain_mean (summary, LUMBAR_PERIOD_P14)->value, 6.0, 1e-12);
  /* today−6 holds 4 and 1: 2.5; then 4 × 5 and 5.4. */
  g_assert_cmpfloat_with_epsilon (lumbar_summary_get_pain_mean (summary, LUMBAR_PERIOD_W7)->value, 27.9 / 7, 1e-12);
  g_assert_cmpuint (lumbar_summary_get_radiating_mean (summary, LUMBAR_PERIOD_W7)->n_days, ==, 1);
  g_assert_cmpuint (lumbar_summary_get_radiating_mean (summary, LUMBAR_PERIOD_P14)->n_days, ==, 0);
}

/* Under de_DE.UTF-8 the tips speak German, with German plural forms. Runs
 * in a subprocess so that the other tests keep the English source text. */
static void
test_translated (void)
{
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");
  g_autoptr(LumbarSummary) summary = NULL;
  const char *evidence;

  if (localedir == NULL)
    {
      g_test_skip ("LUMBAR_LOCALEDIR is not set");
      return;
    }

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* A real German locale: glibc 2.41 ignores LANGUAGE under C.UTF-8. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh");
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  summary = summary_for ("P9..3=2 P2..0=3 R1=1 S0=4");
  evidence = lumbar_summary_get_tip (summary, LUMBAR_TIP_REST)->evidence;
  g_assert_cmpstr (lumbar_tip_get_title (LUMBAR_TIP_REST, LUMBAR_VOICE_PERSON), !=, "Take a short, relative rest");
  if (strstr (evidence, "1 Muskelkrampf") == NULL || strstr (evidence, "1 Minute") == NULL)
    g_error ("untranslated or wrong plural forms: %s", evidence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lumbar/tips/rule/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lumbar/tips/red-flag-reasons", test_red_flag_reasons);
  g_test_add_func ("/lumbar/tips/red-flag-run-reason", test_red_flag_run_reason);
  g_test_add_func ("/lumbar/tips/therapist-voice", test_therapist_voice);
  g_test_add_func ("/lumbar/tips/therapist-voice-sentences", test_therapist_voice_sentences);
  g_test_add_func ("/lumbar/tips/red-flag-only-in-w7", test_no_red_flags_no_reasons);
  g_test_add_func ("/lumbar/tips/comparison-gate", test_comparison_gate);
  g_test_add_func ("/lumbar/tips/therapy-change", test_therapy_change);
  g_test_add_func ("/lumbar/tips/study-figures-and-advice", test_study_figures_and_advice);
  g_test_add_func ("/lumbar/tips/why-explains-rule", test_why_explains_rule);
  g_test_add_func ("/lumbar/tips/locale-decimals", test_locale_decimals);
  g_test_add_func ("/lumbar/tips/summary-means", test_summary_means);
  g_test_add_func ("/lumbar/tips/translated", test_translated);

  return g_test_run ();
}
