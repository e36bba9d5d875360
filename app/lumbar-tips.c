/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-tips"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lumbar-tips.h"

typedef struct {
  guint64 num;
  guint64 den;
} Fraction;

/* Every threshold of the rules (DESIGN.md, "Tips"), and nothing else
 * decides whether a tip or a red flag shows. Fractions keep the boundaries
 * exact: see lumbar_mean_compare(). */
static const struct {
  guint     min_days_w7;          /* days of W7 with pain readings for status "ok" */
  Fraction  rest_daily_pain;      /* rest: a day of L3 with mean pain at least this */
  Fraction  rest_rise;            /* rest: mean(L3) ≥ mean(B7) + this */
  Fraction  incline_mean;         /* incline: mean(W7) at least this … */
  guint     incline_days;         /* … and inclined sitting on fewer distinct days of W7 */
  guint     therapy_min_days_28;  /* manual therapy (a): days with readings in the last 28 */
  Fraction  therapy_mean;         /* (a): mean(W7) at least this */
  Fraction  therapy_ratio;        /* (a): mean(W7) above this × mean(P14) */
  Fraction  therapy_radiating;    /* (b): mean radiating pain over W7 at least this */
  Fraction  red_flag_pain;        /* red flag: daily pain at least this … */
  guint     red_flag_days;        /* … on this many consecutive days of W7 */
  guint     study_local_percent;  /* what the manual-therapy study found, on average */
  guint     study_radiating_percent;
} rules = {
  .min_days_w7             = 3,
  .rest_daily_pain         = { 7, 1 },
  .rest_rise               = { 1, 1 },
  .incline_mean            = { 4, 1 },
  .incline_days            = 3,
  .therapy_min_days_28     = 14,
  .therapy_mean            = { 4, 1 },
  .therapy_ratio           = { 7, 10 },
  .therapy_radiating       = { 4, 1 },
  .red_flag_pain           = { 8, 1 },
  .red_flag_days           = 3,
  .study_local_percent     = 22,
  .study_radiating_percent = 35,
};

static const char *tip_names[LUMBAR_N_TIPS] = {
  [LUMBAR_TIP_REST]           = "rest",
  [LUMBAR_TIP_INCLINE]        = "incline",
  [LUMBAR_TIP_MANUAL_THERAPY] = "manual-therapy",
};

G_DEFINE_BOXED_TYPE (LumbarTip, lumbar_tip, lumbar_tip_copy, lumbar_tip_free)
G_DEFINE_BOXED_TYPE (LumbarRedFlags, lumbar_red_flags, lumbar_red_flags_copy, lumbar_red_flags_free)

/**
 * lumbar_tip_id_to_string:
 * @id: a tip
 *
 * Returns: the tip's stable id: "rest", "incline" or "manual-therapy"
 */
const char *
lumbar_tip_id_to_string (LumbarTipId id)
{
  g_return_val_if_fail (id < LUMBAR_N_TIPS, NULL);
  return tip_names[id];
}

/**
 * lumbar_tip_id_from_string:
 * @text: a stable id such as "rest"
 * @id: (out) (optional): the tip
 *
 * Returns: whether @text names a tip
 */
gboolean
lumbar_tip_id_from_string (const char  *text,
                           LumbarTipId *id)
{
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    if (g_strcmp0 (text, tip_names[i]) == 0)
      {
        if (id)
          *id = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * lumbar_tips_status_to_string:
 * @status: a status
 *
 * Returns: "ok" or "not-enough-data", as in the JSON summary
 */
const char *
lumbar_tips_status_to_string (LumbarTipsStatus status)
{
  return status == LUMBAR_TIPS_STATUS_OK ? "ok" : "not-enough-data";
}

/* The same sentence to the person, in their own window, or about the
 * patient, for whoever reads their export (DESIGN.md → Voice). Both are
 * whole sentences for the translators; only the one needed is looked up. */
#define VOICED(voice, person, therapist) ((voice) == LUMBAR_VOICE_THERAPIST ? (therapist) : (person))

/* What the patient is told, for the therapist who reads it. */
static char *
therapist_advice (LumbarTipId id)
{
  switch (id)
    {
    case LUMBAR_TIP_REST:
      return g_strdup (_("When the back flares up, the patient should ease off for a little while instead "
                         "of pushing through: stop whatever strains the back, settle into a comfortable "
                         "position, then return to gentle everyday movement. This is short, relative "
                         "rest, not bed rest: a break of minutes to hours, not days lying down. A muscle "
                         "in spasm gets less blood and loses its flexibility, and forcing it can injure "
                         "it further."));
    case LUMBAR_TIP_INCLINE:
      return g_strdup (_("The patient sits leaning back at a comfortable angle, with the back supported "
                         "by pillows or a recliner, the legs supported and the knees slightly bent. In "
                         "this position the lower back carries less pressure, which gives tight muscles "
                         "a chance to let go."));
    case LUMBAR_TIP_MANUAL_THERAPY:
      /* Translators: the numbers are percentages from a study, e.g. "22% less local pain". */
      return g_strdup_printf (_("Manual therapy is hands-on treatment: a physical therapist works on the "
                                "joints and muscles with their hands. In a study, people who had it "
                                "reported on average %u%% less local pain and %u%% less radiating pain. "
                                "Lumbar suggests that the patient ask their doctor or a physical therapist "
                                "whether it is right for them."),
                              rules.study_local_percent, rules.study_radiating_percent);
    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lumbar_tip_get_title:
 * @id: a tip
 * @voice: to the person (advice) or about the patient (what it is)
 *
 * Returns: the tip's translated title
 */
const char *
lumbar_tip_get_title (LumbarTipId id,
                      LumbarVoice voice)
{
  switch (id)
    {
    case LUMBAR_TIP_REST:
      return VOICED (voice, _("Take a short, relative rest"),
                     /* Translators: a tip's title in a therapist's review */
                     _("Short, relative rest"));
    case LUMBAR_TIP_INCLINE:
      return VOICED (voice, _("Sit inclined with your back supported"),
                     /* Translators: a tip's title in a therapist's review */
                     _("Inclined sitting with back support"));
    case LUMBAR_TIP_MANUAL_THERAPY:
      return VOICED (voice, _("Ask about manual therapy"),
                     /* Translators: a tip's title in a therapist's review */
                     _("Manual therapy"));
    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lumbar_tip_dup_advice:
 * @id: a tip
 * @voice: to the person, or about the patient (what the patient is told)
 *
 * The general advice of a tip, shown whether or not it is indicated.
 *
 * Returns: (transfer full): translated text of a few sentences
 */
char *
lumbar_tip_dup_advice (LumbarTipId id,
                       LumbarVoice voice)
{
  if (voice == LUMBAR_VOICE_THERAPIST)
    return therapist_advice (id);

  switch (id)
    {
    case LUMBAR_TIP_REST:
      return g_strdup (_("When your back flares up, ease off for a little while instead of pushing "
                         "through. Stop whatever strains your back, settle into a comfortable "
                         "position, and then go back to gentle everyday movement. This is short, "
                         "relative rest, not bed rest: the aim is a break of minutes to hours, not "
                         "days lying down. A muscle in spasm gets less blood and loses its "
                         "flexibility, and forcing it can injure it further."));
    case LUMBAR_TIP_INCLINE:
      return g_strdup (_("Sit leaning back at a comfortable angle, with your back supported by "
                         "pillows or a recliner, your legs supported and your knees slightly "
                         "bent. In this position your lower back carries less pressure, which "
                         "gives tight muscles a chance to let go."));
    case LUMBAR_TIP_MANUAL_THERAPY:
      /* Translators: the numbers are percentages from a study, e.g. "22% less local pain". */
      return g_strdup_printf (_("Manual therapy is hands-on treatment: a physical therapist works "
                                "on your joints and muscles with their hands. In a study, people "
                                "who had it reported on average %u%% less local pain and %u%% "
                                "less radiating pain. Ask your doctor or a physical therapist "
                                "whether it is right for you."),
                              rules.study_local_percent, rules.study_radiating_percent);
    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A threshold as written in the rules: whole numbers without decimals. */
static char *
format_threshold (Fraction      f,
                  LumbarNumbers numbers)
{
  if (f.num % f.den == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, f.num / f.den);
  return lumbar_format_decimal ((double) f.num / f.den, numbers);
}

static char *
format_day (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_FULL);
}

/* Appends a whole sentence, separated from what comes before. */
static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

G_GNUC_PRINTF (2, 3)
static void
append_printf (GString    *text,
               const char *format,
               ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  append_sentence (text, sentence);
}

/**
 * lumbar_tips_get_status:
 * @trends: trends
 *
 * Returns: %LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA when fewer than 3 days of
 *   the last seven have pain readings, %LUMBAR_TIPS_STATUS_OK otherwise
 */
LumbarTipsStatus
lumbar_tips_get_status (const LumbarTrends *trends)
{
  g_return_val_if_fail (trends != NULL, LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA);

  if (trends->local[LUMBAR_PERIOD_W7].n_days < rules.min_days_w7)
    return LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA;
  return LUMBAR_TIPS_STATUS_OK;
}

static guint
rest_high_days (const LumbarTrends *trends,
                double             *highest)
{
  guint n = 0;

  *highest = 0;
  for (LumbarDay day = lumbar_trends_window_first (trends, LUMBAR_PERIOD_L3); day <= trends->today; day++)
    {
      const LumbarDaily *d = lumbar_trends_get_daily (trends, day);

      if (d->n_pain > 0)
        *highest = MAX (*highest, d->local_mean);
      if (lumbar_trends_daily_at_least (d, rules.rest_daily_pain.num, rules.rest_daily_pain.den))
        n++;
    }
  return n;
}

static gboolean
rest_rising (const LumbarTrends *trends)
{
  const LumbarMean *l3 = &trends->local[LUMBAR_PERIOD_L3];
  const LumbarMean *b7 = &trends->local[LUMBAR_PERIOD_B7];

  return l3->n_days > 0 && b7->n_days > 0 &&
         lumbar_mean_compare (l3, 1, 1, b7, rules.rest_rise.num, rules.rest_rise.den) >= 0;
}

static gboolean
therapy_not_improving (const LumbarTrends *trends)
{
  const LumbarMean *w7 = &trends->local[LUMBAR_PERIOD_W7];
  const LumbarMean *p14 = &trends->local[LUMBAR_PERIOD_P14];

  return trends->local[LUMBAR_PERIOD_LAST28].n_days >= rules.therapy_min_days_28 &&
         lumbar_mean_compare (w7, 0, 1, NULL, rules.therapy_mean.num, rules.therapy_mean.den) >= 0 &&
         p14->n_days > 0 &&
         lumbar_mean_compare (w7, rules.therapy_ratio.num, rules.therapy_ratio.den, p14, 0, 1) > 0;
}

static gboolean
therapy_radiating (const LumbarTrends *trends)
{
  const LumbarMean *r7 = &trends->radiating[LUMBAR_PERIOD_W7];

  return r7->n_days > 0 &&
         lumbar_mean_compare (r7, 0, 1, NULL, rules.therapy_radiating.num, rules.therapy_radiating.den) >= 0;
}

/**
 * lumbar_tips_is_indicated:
 * @trends: trends
 * @id: a tip
 *
 * Applies the rule of @id (DESIGN.md, "Tips") to @trends; no tip is
 * indicated when the status is not-enough-data.
 *
 * Returns: whether the tip is indicated
 */
gboolean
lumbar_tips_is_indicated (const LumbarTrends *trends,
                          LumbarTipId         id)
{
  double highest;

  g_return_val_if_fail (trends != NULL, FALSE);
  g_return_val_if_fail (id < LUMBAR_N_TIPS, FALSE);

  if (lumbar_tips_get_status (trends) != LUMBAR_TIPS_STATUS_OK)
    return FALSE;

  switch (id)
    {
    case LUMBAR_TIP_REST:
      return trends->spasms_l3 > 0 || rest_high_days (trends, &highest) > 0 || rest_rising (trends);

    case LUMBAR_TIP_INCLINE:
      return lumbar_mean_compare (&trends->local[LUMBAR_PERIOD_W7], 0, 1, NULL,
                                  rules.incline_mean.num, rules.incline_mean.den) >= 0 &&
             trends->incline_days_w7 < rules.incline_days;

    case LUMBAR_TIP_MANUAL_THERAPY:
      return trends->therapy_last14 == 0 &&
             (therapy_not_improving (trends) || therapy_radiating (trends));

    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
append_not_enough (GString            *text,
                   const LumbarTrends *trends,
                   LumbarVoice         voice)
{
  guint n = trends->local[LUMBAR_PERIOD_W7].n_days;

  if (n == 0)
    append_printf (text,
                   /* Translators: %u is at least 2. */
                   VOICED (voice,
                           ngettext ("You have not logged pain in the last seven days; personal tips need readings on at least %u day.",
                                     "You have not logged pain in the last seven days; personal tips need readings on at least %u days.",
                                     rules.min_days_w7),
                           ngettext ("The patient logged no pain in the last seven days; personal tips need readings on at least %u day.",
                                     "The patient logged no pain in the last seven days; personal tips need readings on at least %u days.",
                                     rules.min_days_w7)),
                   rules.min_days_w7);
  else
    append_printf (text,
                   /* Translators: "%u of the last seven days", then the minimum number of days. */
                   VOICED (voice,
                           ngettext ("You logged pain on only %u of the last seven days; personal tips need at least %u.",
                                     "You logged pain on only %u of the last seven days; personal tips need at least %u.",
                                     n),
                           ngettext ("The patient logged pain on only %u of the last seven days; personal tips need at least %u.",
                                     "The patient logged pain on only %u of the last seven days; personal tips need at least %u.",
                                     n)),
                   n, rules.min_days_w7);
}

static void
append_rest_minutes (GString            *text,
                     const LumbarTrends *trends,
                     LumbarVoice         voice)
{
  int minutes = trends->rest_minutes_l3;

  if (minutes == 0)
    append_sentence (text, VOICED (voice, _("You logged no rest in the last three days."),
                                   _("The patient logged no rest in the last three days.")));
  else
    append_printf (text,
                   VOICED (voice,
                           ngettext ("You logged %d minute of rest in the last three days.",
                                     "You logged %d minutes of rest in the last three days.",
                                     minutes),
                           ngettext ("The patient logged %d minute of rest in the last three days.",
                                     "The patient logged %d minutes of rest in the last three days.",
                                     minutes)),
                   minutes);
}

static void
rest_evidence (GString            *text,
               const LumbarTrends *trends,
               LumbarNumbers       numbers,
               LumbarVoice         voice)
{
  const LumbarMean *l3 = &trends->local[LUMBAR_PERIOD_L3];
  const LumbarMean *b7 = &trends->local[LUMBAR_PERIOD_B7];
  g_autofree char *l3_text = lumbar_format_decimal (l3->value, numbers);
  g_autofree char *b7_text = lumbar_format_decimal (b7->value, numbers);
  double highest;
  guint high_days = rest_high_days (trends, &highest);
  gboolean indicated = lumbar_tips_is_indicated (trends, LUMBAR_TIP_REST);

  if (trends->spasms_l3 > 0)
    append_printf (text,
                   VOICED (voice,
                           ngettext ("You had %u spasm in the last three days.",
                                     "You had %u spasms in the last three days.",
                                     trends->spasms_l3),
                           ngettext ("The patient had %u spasm in the last three days.",
                                     "The patient had %u spasms in the last three days.",
                                     trends->spasms_l3)),
                   trends->spasms_l3);

  if (high_days > 0)
    {
      g_autofree char *threshold = format_threshold (rules.rest_daily_pain, numbers);
      g_autofree char *highest_text = lumbar_format_decimal (highest, numbers);

      append_printf (text,
                     /* Translators: "On 2 of the last three days your pain averaged 7 or
                      * more (highest 7.5)." */
                     VOICED (voice,
                             ngettext ("On %u of the last three days your pain averaged %s or more (highest %s).",
                                       "On %u of the last three days your pain averaged %s or more (highest %s).",
                                       high_days),
                             ngettext ("On %u of the last three days the patient’s pain averaged %s or more (highest %s).",
                                       "On %u of the last three days the patient’s pain averaged %s or more (highest %s).",
                                       high_days)),
                     high_days, threshold, highest_text);
    }

  if (indicated && rest_rising (trends))
    {
      int minutes = trends->rest_minutes_l3;

      if (minutes == 0)
        append_printf (text,
                       /* Translators: pain rose from the mean of the seven days before to
                        * the mean of the last three days. */
                       VOICED (voice, _("Your pain rose from %s to %s over the last three days; you logged no rest."),
                               _("The patient’s pain rose from %s to %s over the last three days; they logged no rest.")),
                       b7_text, l3_text);
      else
        append_printf (text,
                       /* Translators: "Your pain rose from 4.2 to 5.8 over the last three
                        * days; you logged 10 minutes of rest." */
                       VOICED (voice,
                               ngettext ("Your pain rose from %s to %s over the last three days; you logged %d minute of rest.",
                                         "Your pain rose from %s to %s over the last three days; you logged %d minutes of rest.",
                                         minutes),
                               ngettext ("The patient’s pain rose from %s to %s over the last three days; they logged %d minute of rest.",
                                         "The patient’s pain rose from %s to %s over the last three days; they logged %d minutes of rest.",
                                         minutes)),
                       b7_text, l3_text, minutes);
      return;
    }

  if (!indicated)
    {
      if (l3->n_days > 0 && b7->n_days > 0)
        append_printf (text,
                       VOICED (voice, _("Your pain averaged %s over the last three days and %s in the seven days before."),
                               _("The patient’s pain averaged %s over the last three days and %s in the seven days before.")),
                       l3_text, b7_text);
      else if (l3->n_days > 0)
        append_printf (text, VOICED (voice, _("Your pain averaged %s over the last three days."),
                                     _("The patient’s pain averaged %s over the last three days.")),
                       l3_text);
      else
        append_sentence (text, VOICED (voice, _("You logged no pain in the last three days."),
                                       _("The patient logged no pain in the last three days.")));
    }
  append_rest_minutes (text, trends, voice);
}

static void
incline_evidence (GString            *text,
                  const LumbarTrends *trends,
                  LumbarNumbers       numbers,
                  LumbarVoice         voice)
{
  g_autofree char *w7 = lumbar_format_decimal (trends->local[LUMBAR_PERIOD_W7].value, numbers);
  guint days = trends->incline_days_w7;

  if (days == 0)
    append_printf (text,
                   VOICED (voice, _("Your pain averaged %s over the last seven days; you did not sit inclined on any of them."),
                           _("The patient’s pain averaged %s over the last seven days; they did not sit inclined on any of them.")),
                   w7);
  else
    append_printf (text,
                   /* Translators: "…; you sat inclined on 2 of them." */
                   VOICED (voice,
                           ngettext ("Your pain averaged %s over the last seven days; you sat inclined on %u of them.",
                                     "Your pain averaged %s over the last seven days; you sat inclined on %u of them.",
                                     days),
                           ngettext ("The patient’s pain averaged %s over the last seven days; they sat inclined on %u of them.",
                                     "The patient’s pain averaged %s over the last seven days; they sat inclined on %u of them.",
                                     days)),
                   w7, days);
}

static void
therapy_evidence (GString            *text,
                  const LumbarTrends *trends,
                  LumbarNumbers       numbers,
                  LumbarVoice         voice)
{
  const LumbarMean *w7 = &trends->local[LUMBAR_PERIOD_W7];
  const LumbarMean *p14 = &trends->local[LUMBAR_PERIOD_P14];
  const LumbarMean *r7 = &trends->radiating[LUMBAR_PERIOD_W7];
  g_autofree char *w7_text = lumbar_format_decimal (w7->value, numbers);
  g_autofree char *p14_text = lumbar_format_decimal (p14->value, numbers);
  guint days28 = trends->local[LUMBAR_PERIOD_LAST28].n_days;

  if (trends->therapy_last14 > 0)
    {
      append_printf (text,
                     VOICED (voice,
                             ngettext ("You logged %u therapy visit in the last 14 days.",
                                       "You logged %u therapy visits in the last 14 days.",
                                       trends->therapy_last14),
                             ngettext ("The patient logged %u therapy visit in the last 14 days.",
                                       "The patient logged %u therapy visits in the last 14 days.",
                                       trends->therapy_last14)),
                     trends->therapy_last14);
      return;
    }

  if (p14->n_days > 0 && trends->local_w7_p14.has_percent)
    {
      g_autofree char *percent = lumbar_format_percent (trends->local_w7_p14.percent);

      append_printf (text,
                     /* Translators: "Your pain averaged 5.1 over the last seven days,
                      * against 5.6 in the two weeks before (−9%)." */
                     VOICED (voice, _("Your pain averaged %s over the last seven days, against %s in the two weeks before (%s)."),
                             _("The patient’s pain averaged %s over the last seven days, against %s in the two weeks before (%s).")),
                     w7_text, p14_text, percent);
    }
  else if (p14->n_days > 0)
    append_printf (text,
                   VOICED (voice, _("Your pain averaged %s over the last seven days, against %s in the two weeks before."),
                           _("The patient’s pain averaged %s over the last seven days, against %s in the two weeks before.")),
                   w7_text, p14_text);
  else
    append_printf (text,
                   VOICED (voice, _("Your pain averaged %s over the last seven days; there are no readings from the two weeks before to compare with."),
                           _("The patient’s pain averaged %s over the last seven days; there are no readings from the two weeks before to compare with.")),
                   w7_text);

  if (days28 < rules.therapy_min_days_28)
    append_printf (text,
                   ngettext ("Only %u of the last 28 days has pain readings.",
                             "Only %u of the last 28 days have pain readings.",
                             days28),
                   days28);

  if (r7->n_days > 0)
    {
      g_autofree char *r7_text = lumbar_format_decimal (r7->value, numbers);

      append_printf (text, VOICED (voice, _("Your radiating pain averaged %s over the last seven days."),
                                   _("The patient’s radiating pain averaged %s over the last seven days.")),
                     r7_text);
    }

  append_sentence (text, VOICED (voice, _("You have not logged a therapy visit in the last 14 days."),
                                 _("The patient logged no therapy visit in the last 14 days.")));
}

static char *
activity_comparison (const LumbarComparison *cmp,
                     LumbarTipId             id,
                     LumbarNumbers           numbers,
                     LumbarVoice             voice)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  if (!cmp->available)
    return NULL;

  text = g_string_new (NULL);
  with = lumbar_format_decimal (cmp->with.value, numbers);
  without = lumbar_format_decimal (cmp->without.value, numbers);

  if (id == LUMBAR_TIP_INCLINE)
    append_printf (text,
                   VOICED (voice,
                           ngettext ("In the last four weeks, on the %u day you sat inclined, your pain averaged %s.",
                                     "In the last four weeks, on the %u days you sat inclined, your pain averaged %s.",
                                     cmp->with.n_days),
                           ngettext ("In the last four weeks, on the %u day the patient sat inclined, their pain averaged %s.",
                                     "In the last four weeks, on the %u days the patient sat inclined, their pain averaged %s.",
                                     cmp->with.n_days)),
                   cmp->with.n_days, with);
  else
    append_printf (text,
                   VOICED (voice,
                           ngettext ("In the last four weeks, on the %u day you rested, your pain averaged %s.",
                                     "In the last four weeks, on the %u days you rested, your pain averaged %s.",
                                     cmp->with.n_days),
                           ngettext ("In the last four weeks, on the %u day the patient rested, their pain averaged %s.",
                                     "In the last four weeks, on the %u days the patient rested, their pain averaged %s.",
                                     cmp->with.n_days)),
                   cmp->with.n_days, with);

  append_printf (text,
                 /* Translators: follows "…on the 9 days you sat inclined, your pain
                  * averaged 4.1." or "…on the 9 days you rested…". */
                 ngettext ("On the %u day without, it averaged %s.",
                           "On the %u days without, it averaged %s.",
                           cmp->without.n_days),
                 cmp->without.n_days, without);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
therapy_comparison (const LumbarTrends *trends,
                    LumbarNumbers       numbers,
                    LumbarVoice         voice)
{
  const LumbarTherapyChange *tc = &trends->therapy_change;
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;

  if (!tc->has_session || !tc->local.valid)
    return NULL;

  text = g_string_new (NULL);
  date = format_day (tc->first_session);

  {
    g_autofree char *before = lumbar_format_decimal (tc->local_before.value, numbers);
    g_autofree char *after = lumbar_format_decimal (tc->local_after.value, numbers);

    if (tc->local.has_percent)
      {
        g_autofree char *percent = lumbar_format_percent (tc->local.percent);

        append_printf (text,
                       /* Translators: "Since your first manual-therapy session on 3 November
                        * 2026, your pain went from 6.0 to 4.5 (−25%)." */
                       VOICED (voice, _("Since your first manual-therapy session on %s, your pain went from %s to %s (%s)."),
                               _("Since the patient’s first manual-therapy session on %s, their pain went from %s to %s (%s).")),
                       date, before, after, percent);
      }
    else
      append_printf (text,
                     VOICED (voice, _("Since your first manual-therapy session on %s, your pain went from %s to %s."),
                             _("Since the patient’s first manual-therapy session on %s, their pain went from %s to %s.")),
                     date, before, after);
  }

  if (tc->radiating.valid)
    {
      g_autofree char *before = lumbar_format_decimal (tc->radiating_before.value, numbers);
      g_autofree char *after = lumbar_format_decimal (tc->radiating_after.value, numbers);

      if (tc->radiating.has_percent)
        {
          g_autofree char *percent = lumbar_format_percent (tc->radiating.percent);

          append_printf (text, VOICED (voice, _("Your radiating pain went from %s to %s (%s)."),
                                       _("Their radiating pain went from %s to %s (%s).")),
                         before, after, percent);
        }
      else
        append_printf (text, VOICED (voice, _("Your radiating pain went from %s to %s."),
                                     _("Their radiating pain went from %s to %s.")),
                       before, after);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
rule_text (LumbarTipId   id,
           LumbarNumbers numbers,
           LumbarVoice   voice)
{
  switch (id)
    {
    case LUMBAR_TIP_REST:
      {
        g_autofree char *pain = format_threshold (rules.rest_daily_pain, numbers);
        g_autofree char *rise = lumbar_format_decimal ((double) rules.rest_rise.num / rules.rest_rise.den, numbers);

        /* Translators: "…a day's average pain reached 7 or more, or your average
         * pain was at least 1.0 points higher…" */
        return g_strdup_printf (VOICED (voice,
                                        _("Lumbar suggests a short rest when, in the last three days, you had a "
                                          "spasm, a day’s average pain reached %s or more, or your average pain "
                                          "was at least %s points higher than in the seven days before. A spasm "
                                          "or a sudden rise in pain is a sign to ease off for a while rather "
                                          "than push through."),
                                        _("Lumbar suggests a short rest when, in the last three days, the patient "
                                          "had a spasm, a day’s average pain reached %s or more, or their average "
                                          "pain was at least %s points higher than in the seven days before. A "
                                          "spasm or a sudden rise in pain is a sign to ease off for a while rather "
                                          "than push through.")),
                                pain, rise);
      }

    case LUMBAR_TIP_INCLINE:
      {
        g_autofree char *mean = format_threshold (rules.incline_mean, numbers);

        return g_strdup_printf (VOICED (voice,
                                        ngettext ("Lumbar suggests inclined sitting when your pain averaged %s or more "
                                                  "over the last seven days and you sat inclined on fewer than %u "
                                                  "of them. Leaning back with support takes pressure off the lower back.",
                                                  "Lumbar suggests inclined sitting when your pain averaged %s or more "
                                                  "over the last seven days and you sat inclined on fewer than %u "
                                                  "of them. Leaning back with support takes pressure off the lower back.",
                                                  rules.incline_days),
                                        ngettext ("Lumbar suggests inclined sitting when the patient’s pain averaged %s "
                                                  "or more over the last seven days and they sat inclined on fewer than %u "
                                                  "of them. Leaning back with support takes pressure off the lower back.",
                                                  "Lumbar suggests inclined sitting when the patient’s pain averaged %s "
                                                  "or more over the last seven days and they sat inclined on fewer than %u "
                                                  "of them. Leaning back with support takes pressure off the lower back.",
                                                  rules.incline_days)),
                                mean, rules.incline_days);
      }

    case LUMBAR_TIP_MANUAL_THERAPY:
      {
        g_autofree char *mean = format_threshold (rules.therapy_mean, numbers);
        g_autofree char *radiating = format_threshold (rules.therapy_radiating, numbers);
        guint improvement = (guint) ((rules.therapy_ratio.den - rules.therapy_ratio.num) * 100 / rules.therapy_ratio.den);

        /* Translators: %1$u is a percentage (30), %2$u a number of days (14),
         * %3$s and %4$s pain levels (4). */
        return g_strdup_printf (VOICED (voice,
                                        ngettext ("Lumbar suggests manual therapy when no therapy visit is logged in the "
                                                  "last 14 days and either your pain has not improved by %1$u%% or more "
                                                  "over the last seven days compared with the two weeks before — with "
                                                  "pain logged on at least %2$u day of the last 28 and an average of %3$s "
                                                  "or more — or your radiating pain averaged %4$s or more over the last "
                                                  "seven days. An improvement of %1$u%% is generally seen as clinically "
                                                  "meaningful.",
                                                  "Lumbar suggests manual therapy when no therapy visit is logged in the "
                                                  "last 14 days and either your pain has not improved by %1$u%% or more "
                                                  "over the last seven days compared with the two weeks before — with "
                                                  "pain logged on at least %2$u days of the last 28 and an average of %3$s "
                                                  "or more — or your radiating pain averaged %4$s or more over the last "
                                                  "seven days. An improvement of %1$u%% is generally seen as clinically "
                                                  "meaningful.",
                                                  rules.therapy_min_days_28),
                                        ngettext ("Lumbar suggests manual therapy when no therapy visit is logged in the "
                                                  "last 14 days and either the patient’s pain has not improved by %1$u%% "
                                                  "or more over the last seven days compared with the two weeks before — "
                                                  "with pain logged on at least %2$u day of the last 28 and an average of "
                                                  "%3$s or more — or their radiating pain averaged %4$s or more over the "
                                                  "last seven days. An improvement of %1$u%% is generally seen as "
                                                  "clinically meaningful.",
                                                  "Lumbar suggests manual therapy when no therapy visit is logged in the "
                                                  "last 14 days and either the patient’s pain has not improved by %1$u%% "
                                                  "or more over the last seven days compared with the two weeks before — "
                                                  "with pain logged on at least %2$u days of the last 28 and an average of "
                                                  "%3$s or more — or their radiating pain averaged %4$s or more over the "
                                                  "last seven days. An improvement of %1$u%% is generally seen as "
                                                  "clinically meaningful.",
                                                  rules.therapy_min_days_28)),
                                improvement, rules.therapy_min_days_28, mean, radiating);
      }

    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lumbar_tip_evaluate:
 * @trends: trends
 * @id: a tip
 * @numbers: how to write decimals in the texts
 * @voice: to the person or about the patient
 *
 * Applies the rule of @id and writes its texts in the person's numbers.
 *
 * Returns: (transfer full): the tip; free with lumbar_tip_free()
 */
LumbarTip *
lumbar_tip_evaluate (const LumbarTrends *trends,
                     LumbarTipId         id,
                     LumbarNumbers       numbers,
                     LumbarVoice         voice)
{
  LumbarTip *tip;
  g_autoptr(GString) evidence = NULL;
  g_autoptr(GString) why = NULL;
  g_autofree char *rule = NULL;
  gboolean ok;

  g_return_val_if_fail (trends != NULL, NULL);
  g_return_val_if_fail (id < LUMBAR_N_TIPS, NULL);

  tip = g_new0 (LumbarTip, 1);
  tip->id = id;
  tip->indicated = lumbar_tips_is_indicated (trends, id);
  ok = lumbar_tips_get_status (trends) == LUMBAR_TIPS_STATUS_OK;

  evidence = g_string_new (NULL);
  if (!ok)
    append_not_enough (evidence, trends, voice);
  else if (id == LUMBAR_TIP_REST)
    rest_evidence (evidence, trends, numbers, voice);
  else if (id == LUMBAR_TIP_INCLINE)
    incline_evidence (evidence, trends, numbers, voice);
  else
    therapy_evidence (evidence, trends, numbers, voice);

  if (id == LUMBAR_TIP_REST)
    tip->comparison = activity_comparison (&trends->rest, id, numbers, voice);
  else if (id == LUMBAR_TIP_INCLINE)
    tip->comparison = activity_comparison (&trends->incline, id, numbers, voice);
  else
    tip->comparison = therapy_comparison (trends, numbers, voice);

  rule = rule_text (id, numbers, voice);
  why = g_string_new (rule);
  g_string_append (why, "\n\n");
  if (!ok)
    {
      g_autoptr(GString) verdict = g_string_new (NULL);

      append_printf (verdict,
                     VOICED (voice,
                             ngettext ("Lumbar needs pain readings on at least %u of the last seven days to look at your trend; until then this tip is general advice.",
                                       "Lumbar needs pain readings on at least %u of the last seven days to look at your trend; until then this tip is general advice.",
                                       rules.min_days_w7),
                             ngettext ("Lumbar needs pain readings on at least %u of the last seven days to look at the patient’s trend; until then this tip is general advice.",
                                       "Lumbar needs pain readings on at least %u of the last seven days to look at the patient’s trend; until then this tip is general advice.",
                                       rules.min_days_w7)),
                     rules.min_days_w7);
      g_string_append (why, verdict->str);
    }
  else if (tip->indicated)
    g_string_append (why, VOICED (voice, _("This applies to you now."),
                                  _("This applies to the patient now.")));
  else
    g_string_append (why, VOICED (voice, _("This does not apply to you at the moment."),
                                  _("This does not apply to the patient at the moment.")));
  g_string_append_c (why, ' ');
  g_string_append (why, evidence->str);

  tip->evidence = g_string_free (g_steal_pointer (&evidence), FALSE);
  tip->why = g_string_free (g_steal_pointer (&why), FALSE);

  return tip;
}

/**
 * lumbar_tip_copy:
 * @tip: a tip
 *
 * Returns: (transfer full): a copy
 */
LumbarTip *
lumbar_tip_copy (const LumbarTip *tip)
{
  LumbarTip *copy;

  g_return_val_if_fail (tip != NULL, NULL);

  copy = g_new0 (LumbarTip, 1);
  copy->id = tip->id;
  copy->indicated = tip->indicated;
  copy->evidence = g_strdup (tip->evidence);
  copy->comparison = g_strdup (tip->comparison);
  copy->why = g_strdup (tip->why);
  return copy;
}

/**
 * lumbar_tip_free:
 * @tip: (nullable): a tip
 *
 * Frees @tip and its texts.
 */
void
lumbar_tip_free (LumbarTip *tip)
{
  if (tip == NULL)
    return;
  g_free (tip->evidence);
  g_free (tip->comparison);
  g_free (tip->why);
  g_free (tip);
}

static char *
flag_reason (LumbarFlags  flag,
             const char  *days,
             LumbarVoice  voice)
{
  switch (flag)
    {
    case LUMBAR_FLAG_BOTH_LEGS:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged pain or tingling in both legs on %s."),
                                      _("The patient logged pain or tingling in both legs on %s.")), days);
    case LUMBAR_FLAG_SADDLE_NUMBNESS:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged numbness around the groin or buttocks on %s."),
                                      _("The patient logged numbness around the groin or buttocks on %s.")), days);
    case LUMBAR_FLAG_BLADDER_BOWEL:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged new trouble passing urine or controlling bladder or bowel on %s."),
                                      _("The patient logged new trouble passing urine or controlling bladder or bowel on %s.")), days);
    case LUMBAR_FLAG_LEG_WEAKNESS:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged worsening weakness in one or both legs on %s."),
                                      _("The patient logged worsening weakness in one or both legs on %s.")), days);
    case LUMBAR_FLAG_FEVER:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged fever or feeling generally unwell on %s."),
                                      _("The patient logged fever or feeling generally unwell on %s.")), days);
    case LUMBAR_FLAG_AFTER_FALL:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged pain that began after a fall or accident on %s."),
                                      _("The patient logged pain that began after a fall or accident on %s.")), days);
    case LUMBAR_FLAG_NIGHT_PAIN:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged severe pain at night or at rest on %s."),
                                      _("The patient logged severe pain at night or at rest on %s.")), days);
    case LUMBAR_FLAG_LEG_NUMBNESS:
      /* Translators: %s is one date or a list of dates. */
      return g_strdup_printf (VOICED (voice, _("You logged numbness in a leg on %s."),
                                      _("The patient logged numbness in a leg on %s.")), days);
    case LUMBAR_FLAG_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* g_strv_builder_take() is newer than our GLib. */
static void
strv_builder_take (GStrvBuilder *builder,
                   char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static void
append_day (GString   *list,
            LumbarDay  day)
{
  g_autofree char *text = format_day (day);

  if (list->len > 0)
    /* Translators: separates the dates of a list, "24 November, 25 November". */
    g_string_append (list, C_("list of dates", ", "));
  g_string_append (list, text);
}

/**
 * lumbar_red_flags_evaluate:
 * @trends: trends
 * @voice: to the person or about the patient
 *
 * Red flags are active when any entry of the last seven days carries a
 * red-flag symptom, or when the daily pain was 8 or more on three
 * consecutive days of the last seven (a day without readings breaks the
 * run). Each symptom gives one reason with the days it was logged; each
 * run gives one reason with its days.
 *
 * Returns: (transfer full): the red flags; free with lumbar_red_flags_free()
 */
LumbarRedFlags *
lumbar_red_flags_evaluate (const LumbarTrends *trends,
                           LumbarVoice         voice)
{
  LumbarRedFlags *red_flags;
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  LumbarDay first, run_start = 0;
  guint run = 0;

  g_return_val_if_fail (trends != NULL, NULL);

  red_flags = g_new0 (LumbarRedFlags, 1);
  first = lumbar_trends_window_first (trends, LUMBAR_PERIOD_W7);

  for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
    {
      LumbarFlags flag = 1u << bit;
      g_autoptr(GString) days = g_string_new (NULL);

      for (LumbarDay day = first; day <= trends->today; day++)
        if (lumbar_trends_get_daily (trends, day)->flags & flag)
          append_day (days, day);

      if (days->len > 0)
        {
          red_flags->flags |= flag;
          strv_builder_take (reasons, flag_reason (flag, days->str, voice));
        }
    }

  /* One more step past today closes a run that reaches today. */
  for (LumbarDay day = first; day <= trends->today + 1; day++)
    {
      const LumbarDaily *d = day <= trends->today ? lumbar_trends_get_daily (trends, day) : NULL;

      if (d != NULL && lumbar_trends_daily_at_least (d, rules.red_flag_pain.num, rules.red_flag_pain.den))
        {
          if (run++ == 0)
            run_start = day;
          continue;
        }

      red_flags->longest_run = MAX (red_flags->longest_run, run);
      if (run >= rules.red_flag_days)
        {
          g_autoptr(GString) days = g_string_new (NULL);
          g_autofree char *threshold = format_threshold (rules.red_flag_pain, LUMBAR_NUMBERS_LOCALE);

          for (LumbarDay r = run_start; r < run_start + (LumbarDay) run; r++)
            append_day (days, r);
          strv_builder_take (reasons,
                               g_strdup_printf (
                                 /* Translators: "Your daily pain was 8 or more on 3 days in a row
                                  * (24 November, 25 November, 26 November)." */
                                 VOICED (voice,
                                         ngettext ("Your daily pain was %s or more on %u day in a row (%s).",
                                                   "Your daily pain was %s or more on %u days in a row (%s).",
                                                   run),
                                         ngettext ("The patient’s daily pain was %s or more on %u day in a row (%s).",
                                                   "The patient’s daily pain was %s or more on %u days in a row (%s).",
                                                   run)),
                                 threshold, run, days->str));
        }
      run = 0;
    }

  red_flags->active = red_flags->flags != 0 || red_flags->longest_run >= rules.red_flag_days;
  red_flags->reasons = g_strv_builder_end (reasons);

  return red_flags;
}

/**
 * lumbar_red_flags_copy:
 * @red_flags: red flags
 *
 * Returns: (transfer full): a copy
 */
LumbarRedFlags *
lumbar_red_flags_copy (const LumbarRedFlags *red_flags)
{
  LumbarRedFlags *copy;

  g_return_val_if_fail (red_flags != NULL, NULL);

  copy = g_memdup2 (red_flags, sizeof *red_flags);
  copy->reasons = g_strdupv (red_flags->reasons);
  return copy;
}

/**
 * lumbar_red_flags_free:
 * @red_flags: (nullable): red flags
 *
 * Frees @red_flags and its reasons.
 */
void
lumbar_red_flags_free (LumbarRedFlags *red_flags)
{
  if (red_flags == NULL)
    return;
  g_strfreev (red_flags->reasons);
  g_free (red_flags);
}

/**
 * lumbar_red_flags_get_message:
 * @voice: to the person or about the patient
 *
 * Returns: the translated advice shown with active red flags; about the
 *   patient, it says what the patient was advised
 */
const char *
lumbar_red_flags_get_message (LumbarVoice voice)
{
  return VOICED (voice,
                 _("Some of what you logged can be a sign of a problem that needs a doctor. Please seek "
                   "medical care promptly: contact your doctor today. If you suddenly cannot pass urine or "
                   "control your bladder or bowel, or lose feeling around the groin, or your legs grow weak "
                   "quickly, call emergency services."),
                 _("Some of what the patient logged can be a sign of a problem that needs a doctor. Lumbar "
                   "advised the patient to seek medical care promptly, and to call emergency services if "
                   "they suddenly cannot pass urine or control their bladder or bowel, lose feeling around "
                   "the groin, or their legs grow weak quickly."));
}

/**
 * lumbar_red_flags_dup_watch_list:
 *
 * What to watch for: the warning signs that need prompt medical care.
 *
 * Returns: (transfer full): translated items, without final full stops
 */
GStrv
lumbar_red_flags_dup_watch_list (void)
{
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_autofree char *pain = format_threshold (rules.red_flag_pain, LUMBAR_NUMBERS_LOCALE);

  g_strv_builder_add (list, _("Numbness around the groin, buttocks or inner thighs"));
  g_strv_builder_add (list, _("New trouble passing urine or controlling the bladder or bowel"));
  g_strv_builder_add (list, _("Weakness in one or both legs, or weakness that is getting worse"));
  g_strv_builder_add (list, _("Pain, tingling or numbness in both legs"));
  g_strv_builder_add (list, _("Fever or feeling generally unwell along with back pain"));
  g_strv_builder_add (list, _("Back pain that began after a fall or accident"));
  g_strv_builder_add (list, _("Severe pain at night or pain that does not ease with rest"));
  strv_builder_take (list,
                       /* Translators: %s is a pain level, 8; %u a number of days, 3. */
                       g_strdup_printf (ngettext ("Pain of %s or more on %u day in a row",
                                                  "Pain of %s or more on %u days in a row",
                                                  rules.red_flag_days),
                                        pain, rules.red_flag_days));
  return g_strv_builder_end (list);
}
