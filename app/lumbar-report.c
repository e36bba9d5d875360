/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "lumbar-chart-painter.h"
#include "lumbar-daily.h"
#include "lumbar-format.h"
#include "lumbar-period-stats.h"
#include "lumbar-report.h"
#include "lumbar-summary.h"

/* The report a patient hands to a therapist: page 1 sums the period up,
 * the following pages list it day by day. Pages are drawn on any cairo_t
 * in points, so the PDF export and a GtkPrintOperation (unit points, full
 * page) share one layout. Text is laid out in a context of its own with
 * unhinted metrics: pagination then does not depend on the target. */

#define MARGIN_X        42.0
#define MARGIN_TOP      42.0
#define MARGIN_BOTTOM   54.0
#define FOOTER_OFFSET   30.0  /* footer baseline area above the sheet's bottom edge */

#define FONT_TITLE      "Sans Bold 20"
#define FONT_HEADING    "Sans Bold 12"
#define FONT_BODY       "Sans 10"
#define FONT_BODY_BOLD  "Sans Bold 10"
#define FONT_LABEL      "Sans 8.5"
#define FONT_VALUE      "Sans Bold 11"
#define FONT_TABLE      "Sans 8.5"
#define FONT_TABLE_HEAD "Sans Bold 8"
#define FONT_SMALL      "Sans 8"
#define FONT_TIP_TITLE  "Sans Bold 9.5"
#define FONT_TIP        "Sans 8.5"
#define FONT_CHART      "Sans 7"

#define COLOR_TEXT      0x241f31
#define COLOR_MUTED     0x5e5c64
#define COLOR_RULE      0xc0bfbc
#define COLOR_SHADE     0xf2f2f0
#define COLOR_HEAD      0xe4e4e0
#define COLOR_ALERT     0xa51d2d
#define COLOR_ALERT_BG  0xfcebed
#define COLOR_ACCENT    0x1a5fb4

#define CHART_MIN       110.0
#define CHART_MAX       230.0

#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0

/* Columns of the day-by-day table */
typedef enum {
  COL_DATE,
  COL_LOCAL,
  COL_RADIATING,
  COL_SPASMS,
  COL_REST,
  COL_INCLINE,
  COL_THERAPY,
  COL_NOTES,
  N_COLUMNS
} Column;

/* A row's share of one page: the whole row, or, for a day whose notes run
 * longer than a page, some of its note lines (the rest follow on the next
 * page). Notes are never cut short. */
typedef struct {
  guint   row;
  guint   line_from;    /* first line of the notes shown here */
  guint   line_to;      /* one past the last */
  double  height;
} Segment;

/* One line of the day-by-day table: a day that has entries. */
typedef struct {
  guint   daily;        /* index into self->dailies */
  guint8  therapies;    /* bit per LumbarTherapy */
  char   *notes;        /* markup, or NULL */
} Row;

struct _LumbarReport
{
  GObject       parent_instance;

  GPtrArray    *entries;
  LumbarDay     from;
  LumbarDay     to;
  LumbarDay     today;
  char         *patient_name;

  GArray       *dailies;
  GArray       *rows;

  /* Summary of the period */
  LumbarPeriodStats stats;

  /* Tips and red flags as of the period's last day (or today) */
  LumbarDay      tips_day;
  LumbarSummary *summary;

  PangoContext *context;

  /* Pagination for one page size */
  double        layout_width;
  double        layout_height;
  GArray       *segments;        /* Segment, in order */
  GArray       *page_first_segment;  /* first segment of each table page, then segments->len */
  double        column_x[N_COLUMNS + 1];  /* left edge of each column, then the right edge */
  double        chart_height;     /* page 1 */
  int           tip_lines;        /* page 1: 0, or the most lines of each tip text */
};

G_DEFINE_FINAL_TYPE (LumbarReport, lumbar_report, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->notes, g_free);
}

static void
lumbar_report_finalize (GObject *object)
{
  LumbarReport *self = (LumbarReport *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->patient_name, g_free);
  g_clear_pointer (&self->dailies, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->page_first_segment, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lumbar_report_parent_class)->finalize (object);
}

static void
lumbar_report_class_init (LumbarReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lumbar_report_finalize;
}

static void
lumbar_report_init (LumbarReport *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_language (self->context, pango_language_get_default ());
  cairo_font_options_destroy (options);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

/* ---------------------------------------------------------------------------
 * Building the summary
 * ------------------------------------------------------------------------- */

/* Control characters would show as boxes; a note is one run of text here. */
static char *
plain_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static void
append_note (GString    *notes,
             const char *text)
{
  g_autofree char *plain = plain_text (text);
  g_autofree char *escaped = NULL;

  if (*plain == '\0')
    return;
  escaped = g_markup_escape_text (plain, -1);
  if (notes->len)
    g_string_append (notes, " · ");
  g_string_append (notes, escaped);
}

static void
build_rows (LumbarReport *self)
{
  guint n_days = self->dailies->len;
  g_autofree guint8 *therapies = g_new0 (guint8, n_days);
  g_autofree GString **day_notes = g_new0 (GString *, n_days);

  for (guint i = 0; i < self->entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (self->entries, i);
      LumbarDay day = lumbar_entry_get_day (entry);
      guint index;
      GString *text;

      if (day < self->from || day > self->to)
        continue;
      index = (guint) (day - self->from);
      if (day_notes[index] == NULL)
        day_notes[index] = g_string_new (NULL);
      text = day_notes[index];

      if (lumbar_entry_get_kind (entry) == LUMBAR_KIND_THERAPY)
        therapies[index] |= 1u << lumbar_entry_get_therapy (entry);

      if (lumbar_entry_get_kind (entry) == LUMBAR_KIND_SPASM && *lumbar_entry_get_trigger (entry))
        {
          g_autofree char *trigger = plain_text (lumbar_entry_get_trigger (entry));
          /* Translators: in the report's notes column; %s is what set off a spasm */
          g_autofree char *line = g_strdup_printf (_("Spasm trigger: %s"), trigger);

          append_note (text, line);
        }
      append_note (text, lumbar_entry_get_note (entry));
    }

  for (guint i = 0; i < n_days; i++)
    {
      const LumbarDaily *d = &g_array_index (self->dailies, LumbarDaily, i);
      Row row = { .daily = i, .therapies = therapies[i] };
      GString *markup;

      if (!lumbar_daily_has_data (d))
        {
          if (day_notes[i])
            g_string_free (day_notes[i], TRUE);
          continue;
        }

      markup = g_string_new (NULL);
      if (d->flags)
        {
          g_autoptr(GString) labels = g_string_new (NULL);

          for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
            if (d->flags & (1u << bit))
              {
                if (labels->len)
                  g_string_append (labels, "; ");
                g_string_append (labels, lumbar_flag_get_label (1u << bit));
              }
          {
            g_autofree char *escaped = g_markup_escape_text (labels->str, -1);

            g_string_append_printf (markup, "<span foreground=\"#%06x\" weight=\"bold\">%s</span>",
                                    COLOR_ALERT, escaped);
          }
        }
      if (day_notes[i] && day_notes[i]->len)
        {
          if (markup->len)
            g_string_append (markup, " · ");
          g_string_append (markup, day_notes[i]->str);
        }
      if (day_notes[i])
        g_string_free (day_notes[i], TRUE);

      if (markup->len)
        row.notes = g_string_free (markup, FALSE);
      else
        g_string_free (markup, TRUE);
      g_array_append_val (self->rows, row);
    }
}

/**
 * lumbar_report_new:
 * @entries: (element-type LumbarEntry): the whole diary: the entries of
 *   @from … @to are reported, and the tips are those of the period's last
 *   day, from every entry up to it
 * @from: first day of the period
 * @to: last day of the period, inclusive
 * @patient_name: (nullable): whose diary it is
 * @today: the day the report is made
 *
 * Returns: (transfer full): a report
 */
LumbarReport *
lumbar_report_new (GPtrArray  *entries,
                   LumbarDay   from,
                   LumbarDay   to,
                   const char *patient_name,
                   LumbarDay   today)
{
  LumbarReport *self;

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (from != LUMBAR_DAY_INVALID && to != LUMBAR_DAY_INVALID && from <= to, NULL);

  self = g_object_new (LUMBAR_TYPE_REPORT, NULL);
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      if (lumbar_entry_get_day (entry) >= from && lumbar_entry_get_day (entry) <= to)
        g_ptr_array_add (self->entries, g_object_ref (entry));
    }
  self->from = from;
  self->to = to;
  self->today = today;
  if (patient_name)
    {
      g_autofree char *name = plain_text (patient_name);

      if (*name)
        self->patient_name = g_steal_pointer (&name);
    }

  self->dailies = lumbar_daily_collect_entries (self->entries, from, to);
  lumbar_period_stats_compute (&self->stats, (const LumbarDaily *) (gpointer) self->dailies->data,
                               self->dailies->len, from, to);
  build_rows (self);

  /* Tips are what the app showed on the period's last day (or today, for
   * a period that has not ended): worked out from the whole diary, so a
   * first manual-therapy session before the period still counts. */
  self->tips_day = MIN (today, to);
  self->summary = lumbar_summary_new_for_entries (entries, self->tips_day, LUMBAR_VOICE_THERAPIST);

  return self;
}

LumbarDay
lumbar_report_get_from (LumbarReport *self)
{
  g_return_val_if_fail (LUMBAR_IS_REPORT (self), LUMBAR_DAY_INVALID);
  return self->from;
}

LumbarDay
lumbar_report_get_to (LumbarReport *self)
{
  g_return_val_if_fail (LUMBAR_IS_REPORT (self), LUMBAR_DAY_INVALID);
  return self->to;
}

const char *
lumbar_report_get_patient_name (LumbarReport *self)
{
  g_return_val_if_fail (LUMBAR_IS_REPORT (self), NULL);
  return self->patient_name;
}

LumbarDay
lumbar_report_get_today (LumbarReport *self)
{
  g_return_val_if_fail (LUMBAR_IS_REPORT (self), LUMBAR_DAY_INVALID);
  return self->today;
}

/* ---------------------------------------------------------------------------
 * Text helpers. Every block is placed by one function that measures when
 * given no cairo_t and draws when given one, so both passes agree.
 * ------------------------------------------------------------------------- */

static char *
format_long_day (LumbarDay day)
{
  return lumbar_format_date (day, LUMBAR_DATE_FULL);
}

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
new_layout (LumbarReport *self,
            const char   *font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

typedef enum {
  TEXT_PLAIN      = 0,
  TEXT_MARKUP     = 1 << 0,
} TextFlags;

/* Lays out (and with @cr draws) text at x, y in a box @width wide;
 * @max_lines > 0 ellipsizes what would not fit. Returns its height. */
static double
put_text (LumbarReport   *self,
          cairo_t        *cr,
          double          x,
          double          y,
          double          width,
          const char     *font,
          guint32         color,
          PangoAlignment  alignment,
          int             max_lines,
          TextFlags       flags,
          const char     *text)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font, width);
  double height;

  if (flags & TEXT_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  height = layout_height (layout);

  if (cr)
    {
      cairo_save (cr);
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return height;
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   line_width,
       guint32  color)
{
  if (cr == NULL)
    return;
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height,
           guint32  color)
{
  if (cr == NULL)
    return;
  cairo_save (cr);
  set_color (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------
 * Page 1
 * ------------------------------------------------------------------------- */

static char *
format_mean (double mean)
{
  return lumbar_format_decimal (mean, LUMBAR_NUMBERS_LOCALE);
}

static char *
format_mean_range (double mean,
                   int    lowest,
                   int    highest)
{
  g_autofree char *value = format_mean (mean);

  /* Translators: a day's mean pain, then its lowest and highest reading */
  return g_strdup_printf (_("%s (%d–%d)"), value, lowest, highest);
}

static double
put_stat (LumbarReport *self,
          cairo_t      *cr,
          double        x,
          double        y,
          double        width,
          LumbarStat   *stat)
{
  g_autofree char *value = g_markup_escape_text (stat->value, -1);
  g_autofree char *markup = NULL;
  double height;

  if (stat->detail)
    {
      g_autofree char *detail = g_markup_escape_text (stat->detail, -1);

      markup = g_strdup_printf ("%s  <span font=\"" FONT_LABEL "\" weight=\"normal\" foreground=\"#%06x\">%s</span>",
                                value, COLOR_MUTED, detail);
    }
  else
    markup = g_steal_pointer (&value);

  height = put_text (self, cr, x, y, width, FONT_LABEL, COLOR_MUTED, PANGO_ALIGN_LEFT, 1, TEXT_PLAIN, stat->label);
  height += 1;
  height += put_text (self, cr, x, y + height, width, FONT_VALUE, COLOR_TEXT, PANGO_ALIGN_LEFT, 2, TEXT_MARKUP, markup);
  return height;
}

static double
put_heading (LumbarReport *self,
             cairo_t      *cr,
             double        x,
             double        y,
             double        width,
             const char   *text)
{
  double height = put_text (self, cr, x, y, width, FONT_HEADING, COLOR_TEXT, PANGO_ALIGN_LEFT, 1, TEXT_PLAIN, text);

  hline (cr, x, x + width, y + height + 2, 0.6, COLOR_RULE);
  return height + 6;
}

static double
put_field (LumbarReport *self,
           cairo_t      *cr,
           double        x,
           double        y,
           double        width,
           const char   *label,
           const char   *value)
{
  double label_width = MIN (110, width / 3);
  double a = put_text (self, cr, x, y, label_width, FONT_BODY, COLOR_MUTED, PANGO_ALIGN_LEFT, 1, TEXT_PLAIN, label);
  double b = put_text (self, cr, x + label_width, y, width - label_width, FONT_BODY_BOLD, COLOR_TEXT,
                       PANGO_ALIGN_LEFT, 2, TEXT_PLAIN, value);

  return MAX (a, b);
}

static char *
bullets (GPtrArray *items)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (markup, "%s•  %s", i ? "\n" : "", (char *) g_ptr_array_index (items, i));
  return g_string_free (markup, FALSE);
}

/* Active red flags (as of the tips' day) with the app's advice, and every
 * red-flag symptom logged in the period. Nothing when there is neither. */
static double
put_red_flags (LumbarReport *self,
               cairo_t      *cr,
               double        x,
               double        y,
               double        width)
{
  const LumbarRedFlags *red_flags = lumbar_summary_get_red_flags (self->summary);
  gboolean active = red_flags && red_flags->active;
  double pad = 8, inner = width - 2 * pad - 3, height;

  if (!active && self->stats.n_flags == 0)
    return 0;

  height = pad;
  if (active)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *day = format_long_day (self->tips_day);
      /* Translators: %s is a date */
      g_autofree char *title = g_strdup_printf (_("Red flags active on %s"), day);
      g_autofree char *list = NULL;

      for (guint i = 0; red_flags->reasons && red_flags->reasons[i]; i++)
        g_ptr_array_add (items, g_markup_escape_text (red_flags->reasons[i], -1));
      list = bullets (items);

      height += put_text (self, cr, x + pad + 3, y + height, inner, FONT_BODY_BOLD, COLOR_ALERT,
                          PANGO_ALIGN_LEFT, 0, TEXT_PLAIN, title);
      height += 3;
      if (*list)
        height += put_text (self, cr, x + pad + 3, y + height, inner, FONT_TIP, COLOR_TEXT,
                            PANGO_ALIGN_LEFT, 0, TEXT_MARKUP, list) + 3;
      height += put_text (self, cr, x + pad + 3, y + height, inner, FONT_TIP, COLOR_TEXT,
                          PANGO_ALIGN_LEFT, 0, TEXT_PLAIN, lumbar_red_flags_get_message (LUMBAR_VOICE_THERAPIST));
      if (self->stats.n_flags)
        height += 8;
    }

  if (self->stats.n_flags)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; i < self->stats.n_flags; i++)
        {
          const LumbarFlagCount *count = &self->stats.flags[i];
          g_autofree char *label = g_markup_escape_text (lumbar_flag_get_label (count->flag), -1);
          g_autofree char *last = format_long_day (count->last_day);
          /* Translators: how often a red-flag symptom was logged; %s is a date */
          g_autofree char *when = g_strdup_printf (ngettext ("on %u day, most recently on %s",
                                                             "on %u days, most recently on %s",
                                                             count->n_days),
                                                   count->n_days, last);
          g_autofree char *escaped = g_markup_escape_text (when, -1);

          g_ptr_array_add (items, g_strdup_printf ("<b>%s</b> — %s", label, escaped));
        }
      list = bullets (items);

      height += put_text (self, cr, x + pad + 3, y + height, inner, active ? FONT_TIP_TITLE : FONT_BODY_BOLD,
                          active ? COLOR_TEXT : COLOR_ALERT, PANGO_ALIGN_LEFT, 0, TEXT_PLAIN,
                          _("Red-flag symptoms logged in this period"));
      height += 3;
      height += put_text (self, cr, x + pad + 3, y + height, inner, FONT_TIP, COLOR_TEXT,
                          PANGO_ALIGN_LEFT, 0, TEXT_MARKUP, list);
    }
  height += pad;

  if (cr)
    {
      /* The box goes under the text already drawn. */
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
      set_color (cr, COLOR_ALERT_BG);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
      fill_rect (cr, x, y, 3, height, COLOR_ALERT);
    }
  return height;
}

static void
paint_chart (LumbarReport *self,
             cairo_t      *cr,
             double        x,
             double        y,
             double        width,
             double        height)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_CHART);
  LumbarChartStyle style;

  lumbar_chart_style_init (&style, FALSE);
  style.colors[LUMBAR_CHART_COLOR_BACKGROUND].alpha = 0;  /* paper */
  style.font = font;
  /* The painter counts in screen pixels at 96 dpi; the page in points. */
  style.scale = 72.0 / 96.0;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  lumbar_chart_paint (cr, width, height,
                      (const LumbarDaily *) (gpointer) self->dailies->data, self->dailies->len,
                      &style, LUMBAR_CHART_SHOW_ALL, NULL);
  cairo_restore (cr);
  pango_font_description_free (font);
}

static const char *
tip_state (LumbarReport    *self,
           const LumbarTip *tip,
           guint32         *color)
{
  if (lumbar_summary_get_status (self->summary) == LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA)
    {
      *color = COLOR_MUTED;
      /* Translators: a tip's state in the report, when there were too few readings */
      return C_("report", "General advice");
    }
  if (tip->indicated)
    {
      *color = COLOR_ACCENT;
      /* Translators: a tip's state in the report */
      return C_("report", "Indicated");
    }
  *color = COLOR_MUTED;
  /* Translators: a tip's state in the report */
  return C_("report", "Not indicated");
}

static double
put_tips (LumbarReport *self,
          cairo_t      *cr,
          double        x,
          double        y,
          double        width,
          int           max_lines)
{
  g_autofree char *day = format_long_day (self->tips_day);
  /* Translators: heading of the report's tips; %s is a date */
  g_autofree char *title = g_strdup_printf (_("Tips on %s"), day);
  double state_width = MIN (120, width / 4);
  double start = y;

  y += put_heading (self, cr, x, y, width, title);
  if (lumbar_summary_get_status (self->summary) == LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA)
    y += put_text (self, cr, x, y, width, FONT_SMALL, COLOR_MUTED, PANGO_ALIGN_LEFT, 0, TEXT_PLAIN,
                   _("Fewer than three of the last seven days have pain readings, so no tip is indicated; the app shows all three as general advice.")) + 4;
  else
    y += put_text (self, cr, x, y, width, FONT_SMALL, COLOR_MUTED, PANGO_ALIGN_LEFT, 0, TEXT_PLAIN,
                   _("As the app shows them to the patient, worked out from the last days of the period.")) + 4;

  for (guint id = 0; id < LUMBAR_N_TIPS; id++)
    {
      const LumbarTip *tip = lumbar_summary_get_tip (self->summary, id);
      guint32 color;
      const char *state = tip_state (self, tip, &color);
      double a, b;

      a = put_text (self, cr, x, y, width - state_width, FONT_TIP_TITLE, COLOR_TEXT, PANGO_ALIGN_LEFT, 1,
                    TEXT_PLAIN, lumbar_tip_get_title (id, LUMBAR_VOICE_THERAPIST));
      b = put_text (self, cr, x + width - state_width, y, state_width, FONT_TIP_TITLE, color, PANGO_ALIGN_RIGHT, 1,
                    TEXT_PLAIN, state);
      y += MAX (a, b) + 1;
      if (tip->evidence && *tip->evidence)
        y += put_text (self, cr, x, y, width, FONT_TIP, COLOR_TEXT, PANGO_ALIGN_LEFT, max_lines,
                       TEXT_PLAIN, tip->evidence);
      if (tip->comparison && *tip->comparison)
        y += put_text (self, cr, x, y, width, FONT_TIP, COLOR_MUTED, PANGO_ALIGN_LEFT, max_lines,
                       TEXT_PLAIN, tip->comparison);
      y += 6;
    }
  return y - start;
}

/* Page 1. With @cr NULL it only measures; @chart_height 0 leaves the chart
 * out. Returns the bottom of what it placed. */
static double
draw_summary_page (LumbarReport *self,
                   cairo_t      *cr,
                   double        width,
                   double        chart_height,
                   int           tip_lines)
{
  double x = MARGIN_X, y = MARGIN_TOP, w = width - 2 * MARGIN_X;
  double column = (w - 24) / 2;
  LumbarStat pain[LUMBAR_N_PAIN_STATS] = { { 0 } }, activity[LUMBAR_N_ACTIVITY_STATS] = { { 0 } };
  g_autofree char *from = format_long_day (self->from);
  g_autofree char *to = format_long_day (self->to);
  g_autofree char *today = format_long_day (self->today);
  g_autofree char *period = NULL;
  guint n_days = (guint) (self->to - self->from + 1);
  double red_flags;

  y += put_text (self, cr, x, y, w, FONT_TITLE, COLOR_TEXT, PANGO_ALIGN_LEFT, 1, TEXT_PLAIN, _("Lumbar pain diary"));
  y += 8;

  if (self->patient_name)
    y += put_field (self, cr, x, y, w, C_("report", "Patient"), self->patient_name) + 2;
  /* Translators: the report's period: first date, last date, number of days */
  period = g_strdup_printf (ngettext ("%s to %s (%u day)", "%s to %s (%u days)", n_days), from, to, n_days);
  y += put_field (self, cr, x, y, w, C_("report", "Period"), period) + 2;
  y += put_field (self, cr, x, y, w, C_("report", "Exported on"), today);
  y += 12;

  red_flags = put_red_flags (self, cr, x, y, w);
  if (red_flags > 0)
    y += red_flags + 12;

  y += put_heading (self, cr, x, y, w, C_("report", "Summary"));
  y += 2;

  lumbar_period_stats_describe_pain (&self->stats, pain);
  lumbar_period_stats_describe_activity (&self->stats, activity);
  for (guint i = 0; i < G_N_ELEMENTS (pain); i++)
    {
      double a = put_stat (self, cr, x, y, column, &pain[i]);
      double b = put_stat (self, cr, x + column + 24, y, column, &activity[i]);

      y += MAX (a, b) + 6;
      lumbar_stat_clear (&pain[i]);
      lumbar_stat_clear (&activity[i]);
    }
  y += put_text (self, cr, x, y, w, FONT_SMALL, COLOR_MUTED, PANGO_ALIGN_LEFT, 0, TEXT_PLAIN,
                 _("Pain is rated from 0 (no pain) to 10 (worst imaginable). Means are taken over the daily means of the days with readings."));
  y += 12;

  if (chart_height > 0)
    {
      y += put_heading (self, cr, x, y, w, _("Pain day by day"));
      if (cr)
        paint_chart (self, cr, x, y, w, chart_height);
      y += chart_height + 12;
    }

  y += put_tips (self, cr, x, y, w, tip_lines);

  return y;
}

/* Page 1 must fit on one sheet: the chart takes the room the text leaves,
 * within bounds, and when even the smallest chart does not fit, the tips'
 * texts are cut short. */
static void
layout_summary_page (LumbarReport *self,
                     double        width,
                     double        height)
{
  static const int tip_lines[] = { 0, 4, 3, 2, 1 };
  double bottom = height - MARGIN_BOTTOM;

  for (guint i = 0; i < G_N_ELEMENTS (tip_lines); i++)
    {
      double text = draw_summary_page (self, NULL, width, 0, tip_lines[i]);
      double heading = put_heading (self, NULL, MARGIN_X, 0, width - 2 * MARGIN_X, _("Pain day by day"));
      double room = bottom - text - heading - 12;

      self->tip_lines = tip_lines[i];
      self->chart_height = MIN (room, CHART_MAX);
      if (room >= CHART_MIN)
        return;
    }
  /* A page too small for any chart: leave it out. */
  self->chart_height = 0;
}

/* ---------------------------------------------------------------------------
 * The day-by-day table
 * ------------------------------------------------------------------------- */

static const char *
column_title (Column column)
{
  switch (column)
    {
    /* Translators: column titles of the report's day-by-day table; keep
     * them short. A soft hyphen (U+00AD) lets a long word break. */
    case COL_DATE: return C_("report", "Date");
    case COL_LOCAL: return C_("report", "Local pain");
    case COL_RADIATING: return C_("report", "Radiating pain");
    case COL_SPASMS: return C_("report", "Spasms");
    case COL_REST: return _("Rest, min");
    case COL_INCLINE: return _("Inclined, min");
    case COL_THERAPY: return C_("report", "Therapy");
    case COL_NOTES: return C_("report", "Notes");
    case N_COLUMNS:
    default: g_return_val_if_reached ("");
    }
}

static PangoAlignment
column_alignment (Column column)
{
  switch (column)
    {
    case COL_SPASMS:
    case COL_REST:
    case COL_INCLINE:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static char *
row_cell (LumbarReport *self,
          Row          *row,
          Column        column,
          TextFlags    *flags)
{
  const LumbarDaily *d = &g_array_index (self->dailies, LumbarDaily, row->daily);

  *flags = TEXT_PLAIN;
  switch (column)
    {
    case COL_DATE:
      /* Translators: a date in the report's table, see g_date_time_format();
       * e.g. "%a, %-d. %b %Y" in German */
      return lumbar_format_date (d->day, LUMBAR_DATE_SHORT_WEEKDAY);

    case COL_LOCAL:
      if (d->n_pain == 0)
        return g_strdup ("");
      if (d->local_min == d->local_max)
        return g_strdup_printf ("%d", d->local_min);
      /* Translators: a day's mean pain, then its lowest and highest reading */
      return format_mean_range (d->local_mean, d->local_min, d->local_max);

    case COL_RADIATING:
      if (d->n_radiating == 0)
        return g_strdup ("");
      if (d->radiating_min == d->radiating_max)
        return g_strdup_printf ("%d", d->radiating_min);
      return format_mean_range (d->radiating_mean, d->radiating_min, d->radiating_max);

    case COL_SPASMS:
      if (d->n_spasms == 0)
        return g_strdup ("");
      /* Translators: number of spasms, then the strongest intensity */
      return g_strdup_printf (_("%u (%d)"), d->n_spasms, d->spasm_max);

    case COL_REST:
      return d->rest_minutes ? g_strdup_printf ("%d", d->rest_minutes) : g_strdup ("");

    case COL_INCLINE:
      return d->incline_minutes ? g_strdup_printf ("%d", d->incline_minutes) : g_strdup ("");

    case COL_THERAPY:
      {
        GString *out = g_string_new (NULL);

        for (guint t = LUMBAR_THERAPY_MANUAL; t <= LUMBAR_THERAPY_OTHER; t++)
          if (row->therapies & (1u << t))
            {
              if (out->len)
                g_string_append (out, ", ");
              g_string_append (out, lumbar_therapy_get_label (t));
            }
        return g_string_free (out, FALSE);
      }

    case COL_NOTES:
      *flags = TEXT_MARKUP;
      return g_strdup (row->notes ? row->notes : "");

    case N_COLUMNS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static double
natural_width (LumbarReport *self,
               const char   *font,
               const char   *text)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font, -1);
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

/* Every column but the notes as wide as its widest cell and the longest
 * word of its title (titles break at spaces and soft hyphens); the notes
 * get the rest. When that leaves the notes too little room, therapy names
 * wrap between words first, then the title that is widest beyond its
 * figures breaks inside a word (one at a time), and only then does
 * everything shrink. */
static void
compute_columns (LumbarReport *self,
                 double        content_width)
{
  double content[N_COLUMNS] = { 0 };
  double title[N_COLUMNS] = { 0 };
  double widths[N_COLUMNS] = { 0 };
  double longest_word = 0;
  double limit = content_width * 0.75;
  double pad = 2 * CELL_PAD_X + 1;
  double sum = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_auto(GStrv) words = NULL;

      if (c == COL_NOTES)
        continue;

      words = g_regex_split_simple ("[ \u00ad]", column_title (c), 0, 0);
      for (guint w = 0; words[w]; w++)
        title[c] = MAX (title[c], natural_width (self, FONT_TABLE_HEAD, words[w]) + pad);

      for (guint i = 0; i < self->rows->len; i++)
        {
          TextFlags flags;
          g_autofree char *text = row_cell (self, &g_array_index (self->rows, Row, i), c, &flags);

          if (*text == '\0')
            continue;
          content[c] = MAX (content[c], natural_width (self, FONT_TABLE, text) + pad);
          if (c == COL_THERAPY)
            {
              g_auto(GStrv) parts = g_strsplit (text, " ", -1);

              for (guint w = 0; parts[w]; w++)
                longest_word = MAX (longest_word, natural_width (self, FONT_TABLE, parts[w]) + pad);
            }
        }

      widths[c] = MAX (title[c], content[c]);
      sum += widths[c];
    }

  if (sum > limit)
    {
      double therapy_min = MAX (title[COL_THERAPY], longest_word);
      double cut = MAX (0, MIN (sum - limit, widths[COL_THERAPY] - therapy_min));

      widths[COL_THERAPY] -= cut;
      sum -= cut;
    }

  while (sum > limit)
    {
      guint widest = N_COLUMNS;
      double most = 0;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (c != COL_NOTES && widths[c] - MAX (content[c], 0.0) > most && title[c] > content[c])
          {
            most = widths[c] - content[c];
            widest = c;
          }
      if (widest == N_COLUMNS || most < 0.5)
        break;
      widths[widest] -= MIN (0.5, sum - limit);
      sum -= MIN (0.5, sum - limit);
    }

  if (sum > limit)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] *= limit / sum;
      sum = limit;
    }
  widths[COL_NOTES] = content_width - sum;

  self->column_x[0] = MARGIN_X;
  for (guint c = 0; c < N_COLUMNS; c++)
    self->column_x[c + 1] = self->column_x[c] + widths[c];
}

/* The notes of @row laid out in their column: every word of them. */
static PangoLayout *
notes_layout (LumbarReport *self,
              Row          *row)
{
  double width = self->column_x[COL_NOTES + 1] - self->column_x[COL_NOTES] - 2 * CELL_PAD_X;
  PangoLayout *layout = new_layout (self, FONT_TABLE, width);

  pango_layout_set_markup (layout, row->notes ? row->notes : "", -1);
  return layout;
}

/* The top of each line of @layout and, last, the bottom of the last one. */
static GArray *
line_edges (PangoLayout *layout)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;
  double edge;

  do
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      edge = y0 / (double) PANGO_SCALE;
      g_array_append_val (edges, edge);
    }
  while (pango_layout_iter_next_line (iter));
  edge = y1 / (double) PANGO_SCALE;
  g_array_append_val (edges, edge);
  pango_layout_iter_free (iter);
  return edges;
}

/* Draws lines @from … @to - 1 of @layout with the first one's top at @y. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        from,
            guint        to,
            guint32      color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  guint i = 0;

  cairo_save (cr);
  set_color (cr, color);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (i == from)
        top = y0 / (double) PANGO_SCALE;
      if (i >= from && i < to)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE,
                         y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < to && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (cr);
}

/* Draws (or measures) one table line: the header when @segment is NULL.
 * A segment that continues a day shows its date and the rest of its notes. */
static double
put_row (LumbarReport  *self,
         cairo_t       *cr,
         double         y,
         double         content_width,
         const Segment *segment,
         gboolean       shaded)
{
  const double *xs = self->column_x;
  Row *row = segment ? &g_array_index (self->rows, Row, segment->row) : NULL;
  double height = 0;

  for (int pass = 0; pass < (cr ? 2 : 1); pass++)
    {
      cairo_t *target = pass == 1 ? cr : NULL;

      if (target && (shaded || row == NULL))
        fill_rect (target, MARGIN_X, y, content_width, height, row ? COLOR_SHADE : COLOR_HEAD);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          double cell_width = xs[c + 1] - xs[c] - 2 * CELL_PAD_X;
          double h = 0;

          if (row == NULL)
            h = put_text (self, target, xs[c] + CELL_PAD_X, y + CELL_PAD_Y, cell_width, FONT_TABLE_HEAD,
                          COLOR_TEXT, column_alignment (c), 3, TEXT_PLAIN, column_title (c));
          else if (c == COL_NOTES)
            {
              g_autoptr(PangoLayout) layout = notes_layout (self, row);
              g_autoptr(GArray) edges = line_edges (layout);
              guint to = MIN (segment->line_to, edges->len - 1);

              if (segment->line_from < to)
                h = g_array_index (edges, double, to) - g_array_index (edges, double, segment->line_from);
              if (target && h > 0)
                show_lines (target, layout, xs[c] + CELL_PAD_X, y + CELL_PAD_Y, segment->line_from, to, COLOR_TEXT);
            }
          else if (segment->line_from == 0 || c == COL_DATE)
            {
              TextFlags flags;
              g_autofree char *text = row_cell (self, row, c, &flags);

              h = put_text (self, target, xs[c] + CELL_PAD_X, y + CELL_PAD_Y, cell_width, FONT_TABLE,
                            segment->line_from == 0 ? COLOR_TEXT : COLOR_MUTED,
                            column_alignment (c), 2, flags, text);
            }
          if (pass == 0)
            height = MAX (height, h + 2 * CELL_PAD_Y);
        }
    }

  if (cr)
    hline (cr, MARGIN_X, MARGIN_X + content_width, y + height, row ? 0.4 : 0.8, COLOR_RULE);
  return height;
}

static double
put_table_title (LumbarReport *self,
                 cairo_t      *cr,
                 double        y,
                 double        content_width,
                 gboolean      continued)
{
  double height;

  height = put_heading (self, cr, MARGIN_X, y, content_width,
                        continued ? _("Day by day (continued)") : _("Day by day"));
  if (!continued)
    {
      height += 2;
      height += put_text (self, cr, MARGIN_X, y + height, content_width, FONT_SMALL, COLOR_MUTED,
                          PANGO_ALIGN_LEFT, 0, TEXT_PLAIN,
                          _("Only days with entries are listed. Pain: the day’s mean, with its lowest and highest reading in brackets. Spasms: how many, with the strongest intensity in brackets."));
    }
  return height + 6;
}

static void
add_segment (LumbarReport *self,
             guint         row,
             guint         line_from,
             guint         line_to,
             double        content_width)
{
  Segment segment = { row, line_from, line_to, 0 };

  segment.height = put_row (self, NULL, 0, content_width, &segment, FALSE);
  g_array_append_val (self->segments, segment);
}

static void
new_table_page (LumbarReport *self,
                double       *y,
                double        content_width,
                double        header)
{
  gboolean first = self->page_first_segment->len == 0;
  guint next = self->segments->len;

  g_array_append_val (self->page_first_segment, next);
  *y = MARGIN_TOP + put_table_title (self, NULL, 0, content_width, !first) + header;
}

static void
paginate (LumbarReport *self,
          double        width,
          double        height)
{
  double content_width = width - 2 * MARGIN_X;
  double bottom = height - MARGIN_BOTTOM;
  double header, y = 0;

  if (self->segments && self->layout_width == width && self->layout_height == height)
    return;

  layout_summary_page (self, width, height);
  compute_columns (self, content_width);
  header = put_row (self, NULL, 0, content_width, NULL, FALSE);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->page_first_segment, g_array_unref);
  self->segments = g_array_sized_new (FALSE, FALSE, sizeof (Segment), self->rows->len);
  self->page_first_segment = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layout_width = width;
  self->layout_height = height;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(PangoLayout) layout = notes_layout (self, row);
      g_autoptr(GArray) edges = line_edges (layout);
      guint n_lines = row->notes ? edges->len - 1 : 0;
      Segment whole = { i, 0, n_lines, 0 };
      guint from = 0;

      whole.height = put_row (self, NULL, 0, content_width, &whole, FALSE);

      /* The whole day on this page, or on the next one if it fits there. */
      if (self->page_first_segment->len > 0 && y + whole.height <= bottom)
        {
          g_array_append_val (self->segments, whole);
          y += whole.height;
          continue;
        }
      if (self->page_first_segment->len == 0 ||
          whole.height <= bottom - (MARGIN_TOP + put_table_title (self, NULL, 0, content_width, TRUE) + header))
        {
          new_table_page (self, &y, content_width, header);
          g_array_append_val (self->segments, whole);
          y += whole.height;
          if (y <= bottom)
            continue;
          /* Taller than a page: split it after all. */
          g_array_set_size (self->segments, self->segments->len - 1);
          y -= whole.height;
        }

      /* Notes longer than a page: as many lines as fit, then the rest on
       * the pages after. */
      while (from < n_lines || (from == 0 && n_lines == 0))
        {
          double room = bottom - y - 2 * CELL_PAD_Y;
          double top = g_array_index (edges, double, from);
          guint to = from;
          gsize before = self->segments->len;

          while (to < n_lines && g_array_index (edges, double, to + 1) - top <= room)
            to++;
          /* A page always takes at least one line. */
          if (to == from && self->segments->len > g_array_index (self->page_first_segment, guint,
                                                                  self->page_first_segment->len - 1))
            {
              new_table_page (self, &y, content_width, header);
              continue;
            }
          if (to == from)
            to = MIN (from + 1, n_lines);
          add_segment (self, i, from, to, content_width);
          y += g_array_index (self->segments, Segment, before).height;
          from = to;
          if (from >= n_lines)
            break;
          new_table_page (self, &y, content_width, header);
        }
    }

  {
    guint end = self->segments->len;

    g_array_append_val (self->page_first_segment, end);
  }
}

static void
draw_table_page (LumbarReport *self,
                 cairo_t      *cr,
                 double        width,
                 guint         table_page)
{
  double content_width = width - 2 * MARGIN_X;
  guint first = g_array_index (self->page_first_segment, guint, table_page);
  guint end = g_array_index (self->page_first_segment, guint, table_page + 1);
  double y = MARGIN_TOP;

  y += put_table_title (self, cr, y, content_width, table_page > 0);
  y += put_row (self, cr, y, content_width, NULL, FALSE);

  for (guint i = first; i < end; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      y += put_row (self, cr, y, content_width, segment, segment->row % 2 == 1);
    }
}

static void
draw_footer (LumbarReport *self,
             cairo_t      *cr,
             double        width,
             double        height,
             int           page,
             int           n_pages)
{
  double content_width = width - 2 * MARGIN_X;
  double y = height - FOOTER_OFFSET;
  g_autofree char *period = lumbar_format_period (self->from, self->to);
  g_autofree char *left = NULL;
  /* Translators: page numbers in the report's footer */
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);

  if (self->patient_name)
    left = g_strdup_printf ("%s · %s · %s", _("Lumbar pain diary"), self->patient_name, period);
  else
    left = g_strdup_printf ("%s · %s", _("Lumbar pain diary"), period);

  hline (cr, MARGIN_X, MARGIN_X + content_width, y - 4, 0.5, COLOR_RULE);
  put_text (self, cr, MARGIN_X, y, content_width * 0.75, FONT_SMALL, COLOR_MUTED, PANGO_ALIGN_LEFT, 1, TEXT_PLAIN, left);
  put_text (self, cr, MARGIN_X + content_width * 0.75, y, content_width * 0.25, FONT_SMALL, COLOR_MUTED,
            PANGO_ALIGN_RIGHT, 1, TEXT_PLAIN, number);
}

/**
 * lumbar_report_get_n_pages:
 * @self: a report
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the report out for the page size (page 1 is the summary, then the
 * table over as many pages as it needs).
 *
 * Returns: the number of pages
 */
int
lumbar_report_get_n_pages (LumbarReport *self,
                           double        width,
                           double        height)
{
  g_return_val_if_fail (LUMBAR_IS_REPORT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  paginate (self, width, height);
  return 1 + (int) self->page_first_segment->len - 1;
}

/**
 * lumbar_report_draw_page:
 * @self: a report
 * @cr: where to draw, in points with the origin at the sheet's top left
 *   (for printing: GTK_UNIT_POINTS and a full-page print operation; the
 *   report keeps its own margins)
 * @width: page width in points
 * @height: page height in points
 * @page: the page, counting from 0
 */
void
lumbar_report_draw_page (LumbarReport *self,
                         cairo_t      *cr,
                         double        width,
                         double        height,
                         int           page)
{
  int n_pages;

  g_return_if_fail (LUMBAR_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  n_pages = lumbar_report_get_n_pages (self, width, height);
  g_return_if_fail (page >= 0 && page < n_pages);

  cairo_save (cr);
  if (page == 0)
    draw_summary_page (self, cr, width, self->chart_height, self->tip_lines);
  else
    draw_table_page (self, cr, width, (guint) page - 1);
  draw_footer (self, cr, width, height, page, n_pages);
  cairo_restore (cr);
}
