/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lumbar-chart-painter.h"
#include "lumbar-chart.h"
#include "lumbar-enums.h"
#include "lumbar-summary-tracker.h"

/* The pain chart as a widget: it collects the days of its range from its
 * tracker's journal, ending on the tracker's day, and collects them again
 * whenever the tracker has news (coalesced there). It paints them with the engine's painter (the same code draws the
 * PDF report) and adds what only a screen has: theme colours, hover and
 * keyboard focus on a day, and an accessible description in words. */
struct _LumbarChart
{
  GtkWidget          parent_instance;

  LumbarSummaryTracker *tracker;
  LumbarRange        range;       /* never LUMBAR_RANGE_CUSTOM */

  GArray            *days;        /* LumbarDaily, oldest first */
  LumbarDay          first;
  LumbarDay          last;
  guint64            revision;
  gboolean           dirty;
  char              *description;

  LumbarChartStyle   style;
  PangoFontDescription *font;
  LumbarChartColor   focus_color;

  GskRenderNode     *node;        /* the painted chart, until size, data or style change */
  int                node_width;
  int                node_height;
  LumbarChartLayout  layout;

  LumbarDay          focus_day;   /* LUMBAR_DAY_INVALID when none */
  LumbarDay          hover_day;
  GtkPopover        *popover;
  GtkLabel          *popover_label;
};

enum {
  PROP_0,
  PROP_TRACKER,
  PROP_RANGE,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  DAYS_CHANGED,
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LumbarChart, lumbar_chart, GTK_TYPE_WIDGET)

#define MIN_DAYS 14

static LumbarDay
effective_today (LumbarChart *self)
{
  return self->tracker != NULL ? lumbar_summary_tracker_get_today (self->tracker) : lumbar_day_today ();
}

static LumbarJournal *
get_journal (LumbarChart *self)
{
  return self->tracker != NULL ? lumbar_summary_tracker_get_journal (self->tracker) : NULL;
}

static void
compute_span (LumbarChart *self,
              LumbarDay   *first,
              LumbarDay   *last)
{
  int n = (int) lumbar_range_get_days (self->range);

  *last = effective_today (self);
  if (n > 0)
    *first = *last - (n - 1);
  else
    {
      LumbarDay span_first, span_last;

      *first = *last - (MIN_DAYS - 1);
      if (get_journal (self) != NULL &&
          lumbar_journal_get_day_span (get_journal (self), &span_first, &span_last) &&
          span_first < *first)
        *first = span_first;
    }
}

static void
invalidate_node (LumbarChart *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const LumbarDaily *
day_at (LumbarChart *self,
        LumbarDay    day)
{
  if (self->days == NULL || day == LUMBAR_DAY_INVALID || day < self->first || day > self->last)
    return NULL;
  return &g_array_index (self->days, LumbarDaily, day - self->first);
}

static void update_popover (LumbarChart *self);

/* Collects the days again if the range, the date or the journal changed. */
static void
update_days (LumbarChart *self)
{
  LumbarJournal *journal = get_journal (self);
  LumbarDay first, last;
  guint64 revision = journal ? lumbar_journal_get_revision (journal) : 0;
  g_autofree char *description = NULL;

  compute_span (self, &first, &last);
  if (!self->dirty && self->days != NULL &&
      first == self->first && last == self->last && revision == self->revision)
    return;

  g_clear_pointer (&self->days, g_array_unref);
  if (journal != NULL)
    self->days = lumbar_daily_collect (journal, first, last);
  else
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      self->days = lumbar_daily_collect_entries (none, first, last);
    }
  self->first = first;
  self->last = last;
  self->revision = revision;
  self->dirty = FALSE;

  description = lumbar_chart_describe ((const LumbarDaily *) (gpointer) self->days->data,
                                       self->days->len, effective_today (self));
  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }

  if (day_at (self, self->focus_day) == NULL)
    self->focus_day = LUMBAR_DAY_INVALID;
  if (day_at (self, self->hover_day) == NULL)
    self->hover_day = LUMBAR_DAY_INVALID;

  invalidate_node (self);
  update_popover (self);
  g_signal_emit (self, signals[DAYS_CHANGED], 0);
}

/* The tracker moved on: a new journal, new entries or a new day. */
static void
tracker_changed_cb (LumbarChart *self)
{
  self->dirty = TRUE;
  update_days (self);
}

/* Theme */

static void
to_chart_color (const GdkRGBA    *rgba,
                double            alpha,
                LumbarChartColor *out)
{
  out->red = rgba->red;
  out->green = rgba->green;
  out->blue = rgba->blue;
  out->alpha = rgba->alpha * alpha;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
lookup (GtkStyleContext  *context,
        const char       *name,
        double            alpha,
        LumbarChartColor *color)
{
  GdkRGBA rgba;

  /* The fallback in @color stays when the theme does not name the colour. */
  if (gtk_style_context_lookup_color (context, name, &rgba))
    to_chart_color (&rgba, alpha, color);
}

static gboolean
style_equal (const LumbarChartStyle *a,
             const LumbarChartStyle *b)
{
  const LumbarChartColor *ca = a->colors, *cb = b->colors;

  for (guint i = 0; i < LUMBAR_CHART_N_COLORS; i++)
    if (ca[i].red != cb[i].red || ca[i].green != cb[i].green ||
        ca[i].blue != cb[i].blue || ca[i].alpha != cb[i].alpha)
      return FALSE;
  return a->scale == b->scale;
}

static void
update_style (LumbarChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  g_autoptr(PangoFontDescription) font = NULL;
  LumbarChartStyle style;
  GdkRGBA fg;
  gboolean dark;
  double size;

  gtk_style_context_get_color (context, &fg);
  dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;

  lumbar_chart_style_init (&style, dark);
  to_chart_color (&fg, 1, &style.colors[LUMBAR_CHART_COLOR_FOREGROUND]);
  lookup (context, "view_bg_color", 1, &style.colors[LUMBAR_CHART_COLOR_BACKGROUND]);
  to_chart_color (&fg, high_contrast ? 0.3 : (dark ? 0.14 : 0.11), &style.colors[LUMBAR_CHART_COLOR_GRID]);
  lookup (context, "accent_color", 1, &style.colors[LUMBAR_CHART_COLOR_LOCAL]);
  lookup (context, "accent_color", high_contrast ? 0.35 : (dark ? 0.28 : 0.2), &style.colors[LUMBAR_CHART_COLOR_BAND]);
  lookup (context, dark ? "orange_2" : "orange_5", 1, &style.colors[LUMBAR_CHART_COLOR_RADIATING]);
  to_chart_color (&fg, high_contrast ? 0.9 : 0.7, &style.colors[LUMBAR_CHART_COLOR_MEAN]);
  lookup (context, "destructive_color", 1, &style.colors[LUMBAR_CHART_COLOR_SPASM]);
  lookup (context, dark ? "purple_1" : "purple_3", 1, &style.colors[LUMBAR_CHART_COLOR_THERAPY]);
  lookup (context, dark ? "green_2" : "green_5", 0.9, &style.colors[LUMBAR_CHART_COLOR_REST]);
  lookup (context, dark ? "yellow_2" : "yellow_5", 0.9, &style.colors[LUMBAR_CHART_COLOR_INCLINE]);
  self->focus_color = style.colors[LUMBAR_CHART_COLOR_LOCAL];
  lookup (context, "accent_color", 1, &self->focus_color);

  /* Labels a little smaller than the body text, following text scaling. */
  font = pango_font_description_copy (pango_context_get_font_description (pango));
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * pango_cairo_context_get_resolution (pango) / 72.0;
  if (size <= 0)
    size = 14;
  pango_font_description_set_absolute_size (font, size * 0.86 * PANGO_SCALE);

  if (!style_equal (&style, &self->style) ||
      self->font == NULL || !pango_font_description_equal (font, self->font))
    {
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = g_steal_pointer (&font);
      self->style = style;
      self->style.font = self->font;
      invalidate_node (self);
    }
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* Focus and hover */

static GdkRectangle
day_rect (LumbarChart *self,
          LumbarDay    day)
{
  const LumbarChartLayout *l = &self->layout;
  double x = lumbar_chart_layout_day_to_x (l, (guint) (day - self->first));
  double slot = l->n_days ? l->plot.width / l->n_days : l->plot.width;
  int half = (int) MAX (1, slot / 2);

  return (GdkRectangle) { (int) x - half, (int) l->plot.y, 2 * half, (int) MAX (1, l->plot.height) };
}

static void
update_popover_full (LumbarChart *self,
                     gboolean     even_hidden)
{
  const LumbarDaily *daily = day_at (self, self->focus_day);
  g_autofree char *text = NULL;
  GdkRectangle rect;

  if (self->popover == NULL ||
      (!even_hidden && !gtk_widget_get_visible (GTK_WIDGET (self->popover))))
    return;
  if (daily == NULL || self->layout.n_days == 0)
    {
      gtk_popover_popdown (self->popover);
      return;
    }

  text = lumbar_chart_describe_day (daily);
  gtk_label_set_text (self->popover_label, text);

  /* Point at the day's mean (or the middle of the scale), so the details
   * cover the chart above the day rather than the controls above it. */
  rect = day_rect (self, self->focus_day);
  rect.y = (int) lumbar_chart_layout_value_to_y (&self->layout, daily->n_pain ? daily->local_mean : 5) - 8;
  rect.height = 16;
  gtk_popover_set_pointing_to (self->popover, &rect);
}

static void
update_popover (LumbarChart *self)
{
  update_popover_full (self, FALSE);
}

static void
show_popover (LumbarChart *self)
{
  if (day_at (self, self->focus_day) == NULL || self->layout.n_days == 0)
    return;
  update_popover_full (self, TRUE);
  gtk_popover_popup (self->popover);
}

static void
set_focus_day (LumbarChart *self,
               LumbarDay    day,
               gboolean     popup)
{
  if (self->days == NULL || self->days->len == 0)
    return;

  day = CLAMP (day, self->first, self->last);
  if (day != self->focus_day)
    {
      self->focus_day = day;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (popup)
    show_popover (self);
  else
    update_popover (self);
}

/* Keyboard: actions, so the keys are listed in one place below and tests
 * can move the focused day as a person would. */
static void
move_focus (LumbarChart *self,
            int          delta)
{
  LumbarDay current = self->focus_day;

  /* The first press lands on the newest day, the one people ask about. */
  if (current == LUMBAR_DAY_INVALID)
    current = delta < 0 ? self->last + 1 : self->last - delta;
  set_focus_day (self, current + delta, TRUE);
}

static int
page_days (LumbarChart *self)
{
  return self->days != NULL && self->days->len > 92 ? 30 : 7;
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_focus (LUMBAR_CHART (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_focus (LUMBAR_CHART (widget), 1);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  move_focus (self, -page_days (self));
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  move_focus (self, page_days (self));
}

static void
first_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  set_focus_day (self, self->first, TRUE);
}

static void
last_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  set_focus_day (self, self->last, TRUE);
}

/* Enter or space: the focused day, as a click on it. */
static void
activate_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  if (day_at (self, self->focus_day) != NULL)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->focus_day);
}

/* Escape closes the day's details, and only then counts as handled. */
static gboolean
close_details (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return FALSE;
  gtk_popover_popdown (self->popover);
  return TRUE;
}

static void
focus_leave_cb (LumbarChart *self)
{
  gtk_popover_popdown (self->popover);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_enter_cb (LumbarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (LumbarChart *self,
           double       x,
           double       y)
{
  guint index;
  LumbarDay day = LUMBAR_DAY_INVALID;

  if (lumbar_chart_layout_x_to_day (&self->layout, x, &index) &&
      y >= self->layout.markers.y &&
      y <= self->layout.minutes.y + self->layout.minutes.height)
    day = self->first + (LumbarDay) index;

  if (day != self->hover_day)
    {
      self->hover_day = day;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (LumbarChart *self)
{
  if (self->hover_day != LUMBAR_DAY_INVALID)
    {
      self->hover_day = LUMBAR_DAY_INVALID;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (LumbarChart     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint index;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (lumbar_chart_layout_x_to_day (&self->layout, x, &index))
    {
      set_focus_day (self, self->first + (LumbarDay) index, TRUE);
      /* A click on a day opens it (in the main window: in the Diary). */
      if (n_press == 1)
        g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->focus_day);
    }
}

static gboolean
lumbar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  LumbarChart *self = LUMBAR_CHART (widget);
  const LumbarDaily *daily;
  g_autofree char *text = NULL;
  GdkRectangle rect;
  guint index;

  if (keyboard_tooltip || gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return FALSE;
  if (!lumbar_chart_layout_x_to_day (&self->layout, x, &index) ||
      y < self->layout.markers.y || y > self->layout.minutes.y + self->layout.minutes.height)
    return FALSE;

  daily = day_at (self, self->first + (LumbarDay) index);
  if (daily == NULL)
    return FALSE;

  text = lumbar_chart_describe_day (daily);
  gtk_tooltip_set_text (tooltip, text);
  rect = day_rect (self, daily->day);
  rect.y = (int) self->layout.markers.y;
  rect.height = (int) (self->layout.minutes.y + self->layout.minutes.height - self->layout.markers.y);
  gtk_tooltip_set_tip_area (tooltip, &rect);
  return TRUE;
}

/* GtkWidget */

static void
lumbar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 640;
    }
  else
    {
      *minimum = 260;
      *natural = 360;
    }
}

static void
lumbar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  LumbarChart *self = LUMBAR_CHART (widget);

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
append_highlight (LumbarChart    *self,
                  GtkSnapshot    *snapshot,
                  LumbarDay       day,
                  double          alpha)
{
  const LumbarChartLayout *l = &self->layout;
  const LumbarDaily *daily = day_at (self, day);
  double x;
  GdkRGBA color = {
    self->focus_color.red, self->focus_color.green, self->focus_color.blue,
    self->focus_color.alpha * alpha,
  };

  if (daily == NULL || l->n_days == 0)
    return;

  x = lumbar_chart_layout_day_to_x (l, (guint) (day - self->first));
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (x - 1, l->markers.y, 2,
                                                  l->minutes.y + l->minutes.height - l->markers.y));

  if (daily->n_pain > 0)
    {
      double y = lumbar_chart_layout_value_to_y (l, daily->local_mean);
      GskRoundedRect dot;
      GdkRGBA bg = {
        self->style.colors[LUMBAR_CHART_COLOR_BACKGROUND].red, self->style.colors[LUMBAR_CHART_COLOR_BACKGROUND].green,
        self->style.colors[LUMBAR_CHART_COLOR_BACKGROUND].blue, 1,
      };

      color.alpha = self->focus_color.alpha;
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 6, y - 6, 12, 12), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 3, y - 3, 6, 6), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &bg, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
lumbar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LumbarChart *self = LUMBAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  /* Normally done by the idle before the frame; this covers a first frame
   * or a date change without signals in the middle of a snapshot. */
  if (self->days == NULL)
    return;

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      GtkSnapshot *chart = gtk_snapshot_new ();
      cairo_t *cr;

      g_clear_pointer (&self->node, gsk_render_node_unref);
      cr = gtk_snapshot_append_cairo (chart, &GRAPHENE_RECT_INIT (0, 0, width, height));
      lumbar_chart_paint (cr, width, height,
                          (const LumbarDaily *) (gpointer) self->days->data, self->days->len,
                          &self->style, LUMBAR_CHART_SHOW_ALL, &self->layout);
      cairo_destroy (cr);
      self->node = gtk_snapshot_free_to_node (chart);
      self->node_width = width;
      self->node_height = height;
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);

  if (self->hover_day != LUMBAR_DAY_INVALID && self->hover_day != self->focus_day)
    append_highlight (self, snapshot, self->hover_day, 0.35);
  if (self->focus_day != LUMBAR_DAY_INVALID && gtk_widget_has_focus (widget))
    append_highlight (self, snapshot, self->focus_day, 0.8);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA color = {
        self->focus_color.red, self->focus_color.green, self->focus_color.blue, 0.5,
      };
      GdkRGBA colors[4] = { color, color, color, color };
      float widths[4] = { 2, 2, 2, 2 };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 11);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
lumbar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (lumbar_chart_parent_class)->css_changed (widget, change);

  update_style (LUMBAR_CHART (widget));
}

static void
lumbar_chart_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lumbar_chart_parent_class)->root (widget);

  update_style (LUMBAR_CHART (widget));
}

/* GObject */

static void
lumbar_chart_dispose (GObject *object)
{
  LumbarChart *self = LUMBAR_CHART (object);

  g_clear_object (&self->tracker);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
      self->popover_label = NULL;
    }
  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (lumbar_chart_parent_class)->dispose (object);
}

static void
lumbar_chart_finalize (GObject *object)
{
  LumbarChart *self = LUMBAR_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (lumbar_chart_parent_class)->finalize (object);
}

static void
lumbar_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LumbarChart *self = LUMBAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      g_value_set_object (value, self->tracker);
      break;
    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;    case PROP_DESCRIPTION:
      g_value_set_string (value, lumbar_chart_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LumbarChart *self = LUMBAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      lumbar_chart_set_tracker (self, g_value_get_object (value));
      break;
    case PROP_RANGE:
      lumbar_chart_set_range (self, g_value_get_enum (value));
      break;    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_chart_class_init (LumbarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_chart_dispose;
  object_class->finalize = lumbar_chart_finalize;
  object_class->get_property = lumbar_chart_get_property;
  object_class->set_property = lumbar_chart_set_property;

  widget_class->measure = lumbar_chart_measure;
  widget_class->size_allocate = lumbar_chart_size_allocate;
  widget_class->snapshot = lumbar_chart_snapshot;
  widget_class->css_changed = lumbar_chart_css_changed;
  widget_class->root = lumbar_chart_root;
  widget_class->query_tooltip = lumbar_chart_query_tooltip;

  /**
   * LumbarChart:tracker:
   *
   * The diary shown and its last day; without one, an empty chart ending
   * on the current date.
   */
  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarChart:range:
   *
   * How much of the diary to show, ending today; a custom range is
   * not one the chart shows.
   */
  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       LUMBAR_TYPE_RANGE, LUMBAR_RANGE_1_MONTH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarChart:description:
   *
   * The trend of the shown days in words; also the accessible description.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LumbarChart::days-changed:
   *
   * The shown days were collected again (range, date or journal changed).
   */
  signals[DAYS_CHANGED] =
    g_signal_new ("days-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LumbarChart::day-activated:
   * @self: the chart
   * @day: the LumbarDay clicked, or focused when Enter or space was pressed
   *
   * The person asked to see a day: the main window opens it in the Diary.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.activate-day", NULL, activate_day_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "chart.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "chart.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "chart.first-day", NULL, first_day_action);
  gtk_widget_class_install_action (widget_class, "chart.last-day", NULL, last_day_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "chart.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "chart.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "chart.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "chart.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "chart.first-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "chart.last-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chart.activate-day", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_details, NULL);

  gtk_widget_class_set_css_name (widget_class, "lumbar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lumbar_chart_init (LumbarChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->range = LUMBAR_RANGE_1_MONTH;
  self->focus_day = LUMBAR_DAY_INVALID;
  self->hover_day = LUMBAR_DAY_INVALID;
  lumbar_chart_style_init (&self->style, FALSE);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (widget, "card");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain chart"),
                                  -1);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  self->popover_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_label, 0);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->popover_label));
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_TOP);
  gtk_widget_set_can_focus (GTK_WIDGET (self->popover), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), widget);

  update_days (self);
}

/* API */

GtkWidget *
lumbar_chart_new (void)
{
  return g_object_new (LUMBAR_TYPE_CHART, NULL);
}

LumbarSummaryTracker *
lumbar_chart_get_tracker (LumbarChart *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART (self), NULL);

  return self->tracker;
}

/**
 * lumbar_chart_set_tracker:
 * @self: a chart
 * @tracker: (nullable): the diary to show and its last day
 */
void
lumbar_chart_set_tracker (LumbarChart          *self,
                          LumbarSummaryTracker *tracker)
{
  g_return_if_fail (LUMBAR_IS_CHART (self));
  g_return_if_fail (tracker == NULL || LUMBAR_IS_SUMMARY_TRACKER (tracker));

  if (self->tracker == tracker)
    return;

  if (self->tracker != NULL)
    g_signal_handlers_disconnect_by_func (self->tracker, tracker_changed_cb, self);
  g_set_object (&self->tracker, tracker);
  if (tracker != NULL)
    g_signal_connect_object (tracker, "notify::summary", G_CALLBACK (tracker_changed_cb),
                             self, G_CONNECT_SWAPPED);

  tracker_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}

LumbarRange
lumbar_chart_get_range (LumbarChart *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART (self), LUMBAR_RANGE_1_MONTH);

  return self->range;
}

/**
 * lumbar_chart_set_range:
 * @self: a chart
 * @range: a period ending today; %LUMBAR_RANGE_CUSTOM is ignored
 */
void
lumbar_chart_set_range (LumbarChart *self,
                        LumbarRange  range)
{
  g_return_if_fail (LUMBAR_IS_CHART (self));

  if (range > LUMBAR_RANGE_ALL || range == self->range)
    return;

  self->range = range;
  update_days (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

/**
 * lumbar_chart_get_description:
 * @self: a chart
 *
 * Returns: the trend of the shown days in words, as given to assistive
 *   technology
 */
const char *
lumbar_chart_get_description (LumbarChart *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART (self), NULL);

  return self->description;
}

/**
 * lumbar_chart_get_days:
 * @self: a chart
 * @n_days: (out): number of days
 *
 * Returns: (array length=n_days) (transfer none): the shown days, oldest
 *   first, valid until the next #LumbarChart::days-changed
 */
const LumbarDaily *
lumbar_chart_get_days (LumbarChart *self,
                       guint       *n_days)
{
  g_return_val_if_fail (LUMBAR_IS_CHART (self), NULL);
  g_return_val_if_fail (n_days != NULL, NULL);


  *n_days = self->days->len;
  return (const LumbarDaily *) (gpointer) self->days->data;
}

/**
 * lumbar_chart_get_focused_day:
 * @self: a chart
 * @daily: (out) (optional): the focused day's values
 *
 * Returns: %TRUE if a day has keyboard focus (or was clicked)
 */
gboolean
lumbar_chart_get_focused_day (LumbarChart *self,
                              LumbarDaily *daily)
{
  const LumbarDaily *d;

  g_return_val_if_fail (LUMBAR_IS_CHART (self), FALSE);

  d = day_at (self, self->focus_day);
  if (d == NULL)
    return FALSE;
  if (daily)
    *daily = *d;
  return TRUE;
}

/**
 * lumbar_chart_focus_day:
 * @self: a chart
 * @day: a day in the shown range (clamped to it)
 *
 * Moves the focused day, as the arrow keys do.
 */
void
lumbar_chart_focus_day (LumbarChart *self,
                        LumbarDay    day)
{
  g_return_if_fail (LUMBAR_IS_CHART (self));

  set_focus_day (self, day, gtk_widget_has_focus (GTK_WIDGET (self)));
}
