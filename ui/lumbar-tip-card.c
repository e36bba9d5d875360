/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-tip-card"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-style.h"
#include "lumbar-summary-tracker.h"
#include "lumbar-tip-card.h"
#include "lumbar-tips-shared.h"

/* The Today page's short form of the tips: active red flags, which always
 * win, or else the first recommended tip with the person's numbers, and a
 * button to the Tips page. Hidden while there is nothing to say. */
struct _LumbarTipCard
{
  AdwBin          parent_instance;

  LumbarSummaryTracker *tracker;

  GtkWidget      *badge;
  GtkLabel       *body;
  GtkWidget      *card;
  GtkLabel       *detail;
  GtkImage       *icon;
  GtkBox         *list;
  GtkLabel       *title;
};

enum {
  PROP_0,
  PROP_TRACKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarTipCard, lumbar_tip_card, ADW_TYPE_BIN)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_red_flag_style (LumbarTipCard *self,
                    gboolean       red_flag)
{
  if (red_flag)
    {
      gtk_widget_add_css_class (self->card, "error");
      gtk_widget_add_css_class (self->card, "lumbar-red-flag");
      gtk_widget_remove_css_class (self->card, "lumbar-tip-indicated");
      gtk_widget_add_css_class (GTK_WIDGET (self->detail), "lumbar-red-flag-advice");
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->card, "error");
      gtk_widget_remove_css_class (self->card, "lumbar-red-flag");
      gtk_widget_add_css_class (self->card, "lumbar-tip-indicated");
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "lumbar-red-flag-advice");
      gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
    }
}

static void
show_red_flags (LumbarTipCard        *self,
                const LumbarRedFlags *red_flags)
{
  set_red_flag_style (self, TRUE);
  gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
  gtk_widget_set_visible (self->badge, FALSE);
  /* Translators: heading of the red-flag warning, as on the Tips page. */
  gtk_label_set_label (self->title, _("Get medical care today"));
  lumbar_tips_fill_list (self->list, (const char * const *) red_flags->reasons);
  gtk_widget_set_visible (GTK_WIDGET (self->body), FALSE);
  set_label (self->detail, _("Please seek medical care promptly: contact your doctor today."));
}

static void
show_tip (LumbarTipCard   *self,
          const LumbarTip *tip,
          guint            n_more)
{
  g_autofree char *more = NULL;

  if (n_more > 0)
    more = g_strdup_printf (ngettext ("%u more tip is recommended for you now.",
                                      "%u more tips are recommended for you now.",
                                      n_more),
                            n_more);

  set_red_flag_style (self, FALSE);
  gtk_image_set_from_icon_name (self->icon, lumbar_tips_get_icon_name (tip->id));
  gtk_widget_set_visible (self->badge, TRUE);
  gtk_label_set_label (self->title, lumbar_tip_get_title (tip->id, LUMBAR_VOICE_PERSON));
  set_label (self->body, tip->evidence);
  lumbar_tips_fill_list (self->list, NULL);
  set_label (self->detail, more);
}

static void
update (LumbarTipCard *self)
{
  LumbarSummary *summary;
  const LumbarRedFlags *red_flags;
  guint n_indicated;

  if (self->tracker == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  summary = lumbar_summary_tracker_get_summary (self->tracker);
  red_flags = lumbar_summary_get_red_flags (summary);
  n_indicated = lumbar_summary_get_n_indicated (summary);

  if (red_flags->active)
    show_red_flags (self, red_flags);
  else
    /* The engine orders the tips by urgency: a short rest first. */
    for (guint i = 0; i < LUMBAR_N_TIPS; i++)
      {
        const LumbarTip *tip = lumbar_summary_get_tip (summary, i);

        if (tip->indicated)
          {
            show_tip (self, tip, n_indicated - 1);
            break;
          }
      }

  gtk_widget_set_visible (GTK_WIDGET (self), red_flags->active || n_indicated > 0);
}

static void
lumbar_tip_card_dispose (GObject *object)
{
  LumbarTipCard *self = LUMBAR_TIP_CARD (object);

  g_clear_object (&self->tracker);
  /* AdwBin keeps its own pointer to the child; let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_TIP_CARD);

  G_OBJECT_CLASS (lumbar_tip_card_parent_class)->dispose (object);
}

static void
lumbar_tip_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LumbarTipCard *self = LUMBAR_TIP_CARD (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      g_value_set_object (value, self->tracker);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_tip_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LumbarTipCard *self = LUMBAR_TIP_CARD (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      lumbar_tip_card_set_tracker (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_tip_card_class_init (LumbarTipCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_tip_card_dispose;
  object_class->get_property = lumbar_tip_card_get_property;
  object_class->set_property = lumbar_tip_card_set_property;

  /**
   * LumbarTipCard:tracker:
   *
   * The diary and day shown; the card is hidden without one.
   */
  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-tip-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, badge);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, body);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, card);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, detail);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, icon);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, list);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipCard, title);

  gtk_widget_class_set_css_name (widget_class, "lumbartipcard");
}

static void
lumbar_tip_card_init (LumbarTipCard *self)
{
  lumbar_style_ensure ("lumbar-tips.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

/**
 * lumbar_tip_card_new:
 * @tracker: (nullable): the diary and day to show
 *
 * Returns: (transfer floating): a new tip card; it shows and hides itself
 */
GtkWidget *
lumbar_tip_card_new (LumbarSummaryTracker *tracker)
{
  return g_object_new (LUMBAR_TYPE_TIP_CARD, "tracker", tracker, NULL);
}

LumbarSummaryTracker *
lumbar_tip_card_get_tracker (LumbarTipCard *self)
{
  g_return_val_if_fail (LUMBAR_IS_TIP_CARD (self), NULL);
  return self->tracker;
}

/**
 * lumbar_tip_card_set_tracker:
 * @self: a tip card
 * @tracker: (nullable): the diary and day to show
 */
void
lumbar_tip_card_set_tracker (LumbarTipCard        *self,
                             LumbarSummaryTracker *tracker)
{
  g_return_if_fail (LUMBAR_IS_TIP_CARD (self));
  g_return_if_fail (tracker == NULL || LUMBAR_IS_SUMMARY_TRACKER (tracker));

  if (self->tracker == tracker)
    return;

  if (self->tracker != NULL)
    g_signal_handlers_disconnect_by_func (self->tracker, update, self);
  g_set_object (&self->tracker, tracker);
  if (tracker != NULL)
    g_signal_connect_object (tracker, "notify::summary", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}
