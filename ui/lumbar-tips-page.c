/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-tips-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-summary-tracker.h"
#include "lumbar-tips-page.h"
#include "lumbar-style.h"
#include "lumbar-tips-shared.h"

/* Days of the last seven that need pain readings before tips look at the
 * person's trend (DESIGN.md, "Tips"). */
#define MIN_DAYS_W7 3

/* One tip's card. The three cards live as long as the page and move
 * between the "indicated" and the "general advice" boxes, so an open
 * "Why am I seeing this?" stays open while entries are added. */
typedef struct {
  GtkWidget   *card;
  GtkWidget   *badge;
  GtkWidget   *title;
  GtkWidget   *advice;
  GtkWidget   *evidence;
  GtkWidget   *comparison;
  GtkExpander *expander;
  GtkWidget   *why;
} TipView;

/* The three tips with the person's numbers, the red-flag notice above
 * them when it is active, and an explanation while there are too few
 * readings. Shows its tracker's summary, redrawn whenever the tracker
 * has a new one. */
struct _LumbarTipsPage
{
  AdwBin          parent_instance;

  LumbarSummaryTracker *tracker;
  LumbarSummary  *summary;
  TipView         tips[LUMBAR_N_TIPS];

  GtkBox         *general_box;
  GtkWidget      *general_heading;
  GtkBox         *indicated_box;
  GtkWidget      *notice;
  GtkLabel       *notice_body;
  GtkLabel       *notice_detail;
  GtkImage       *notice_icon;
  GtkLabel       *notice_title;
  GtkWidget      *red_flag_card;
  GtkLabel       *red_flag_heading;
  GtkLabel       *red_flag_message;
  GtkBox         *red_flag_reasons;
  GtkBox         *red_flag_watch;
  GtkWidget      *secondary_label;
};

enum {
  PROP_0,
  PROP_TRACKER,
  PROP_N_INDICATED,
  PROP_RED_FLAGS_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarTipsPage, lumbar_tips_page, ADW_TYPE_BIN)

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
tip_view_init (TipView     *view,
               LumbarTipId  id)
{
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *icon;

  view->card = g_object_new (GTK_TYPE_BOX,
                             "orientation", GTK_ORIENTATION_VERTICAL,
                             "spacing", 12,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                             NULL);
  g_object_ref_sink (view->card);
  gtk_widget_add_css_class (view->card, "card");
  gtk_widget_add_css_class (view->card, "lumbar-tip");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", lumbar_tips_get_icon_name (id),
                       "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_widget_add_css_class (icon, "lumbar-tip-icon");
  gtk_box_append (GTK_BOX (header), icon);

  heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (heading, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (heading, TRUE);
  view->badge = new_label ("lumbar-tip-badge");
  /* Translators: marks a tip that the person's own trend calls for. */
  gtk_label_set_label (GTK_LABEL (view->badge), _("Recommended now"));
  gtk_widget_set_halign (view->badge, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (heading), view->badge);
  view->title = new_label ("title-4");
  gtk_box_append (GTK_BOX (heading), view->title);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (view->card), header);

  view->advice = new_label (NULL);
  gtk_box_append (GTK_BOX (view->card), view->advice);

  view->evidence = new_label ("lumbar-tip-evidence");
  gtk_box_append (GTK_BOX (view->card), view->evidence);

  view->comparison = new_label ("lumbar-tip-comparison");
  gtk_box_append (GTK_BOX (view->card), view->comparison);

  view->why = new_label ("lumbar-tip-why");
  view->expander = GTK_EXPANDER (gtk_expander_new (NULL));
  gtk_expander_set_child (view->expander, view->why);
  gtk_box_append (GTK_BOX (view->card), GTK_WIDGET (view->expander));
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

static void
tip_view_update (TipView         *view,
                 const LumbarTip *tip,
                 LumbarVoice      voice,
                 gboolean         secondary)
{
  g_autofree char *advice = lumbar_tip_dup_advice (tip->id, voice);
  const char *title = lumbar_tip_get_title (tip->id, voice);

  /* The person reads advice; a therapist reads what the patient is told. */
  gtk_label_set_label (GTK_LABEL (view->title), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->card), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_label (GTK_LABEL (view->advice), advice);

  gtk_widget_set_visible (view->badge, tip->indicated);
  if (tip->indicated && !secondary)
    gtk_widget_add_css_class (view->card, "lumbar-tip-indicated");
  else
    gtk_widget_remove_css_class (view->card, "lumbar-tip-indicated");

  /* The evidence of a tip that does not apply is in its explanation. */
  set_label (view->evidence, tip->indicated ? tip->evidence : NULL);
  set_label (view->comparison, tip->comparison);

  {
    const char *question = !tip->indicated ? _("When does Lumbar suggest this?")
                           : voice == LUMBAR_VOICE_THERAPIST ? _("Why is this suggested?")
                           : _("Why am I seeing this?");

    gtk_expander_set_label (view->expander, question);
    /* GTK 4.8 names the expander's button after its class otherwise. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (view->expander), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  }
  gtk_label_set_label (GTK_LABEL (view->why), tip->why);
}

/* Puts the cards into their boxes in the engine's order, moving only
 * those whose place changed. */
static void
place_cards (LumbarTipsPage *self)
{
  GtkWidget *after_indicated = NULL;
  GtkWidget *after_general = self->general_heading;
  guint n_general = 0;

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    {
      const LumbarTip *tip = lumbar_summary_get_tip (self->summary, i);
      GtkWidget *card = self->tips[i].card;
      GtkBox *box = tip->indicated ? self->indicated_box : self->general_box;
      GtkWidget **after = tip->indicated ? &after_indicated : &after_general;
      GtkWidget *parent = gtk_widget_get_parent (card);

      if (parent != GTK_WIDGET (box))
        {
          if (parent != NULL)
            gtk_box_remove (GTK_BOX (parent), card);
          gtk_box_insert_child_after (box, card, *after);
        }
      else
        gtk_box_reorder_child_after (box, card, *after);
      *after = card;

      if (!tip->indicated)
        n_general++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->indicated_box), after_indicated != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->general_box), n_general > 0);
}

static void
update_notice (LumbarTipsPage *self)
{
  LumbarTipsStatus status = lumbar_summary_get_status (self->summary);
  gboolean red_flags = lumbar_summary_get_red_flags_active (self->summary);
  gboolean about = lumbar_summary_get_voice (self->summary) == LUMBAR_VOICE_THERAPIST;

  if (status == LUMBAR_TIPS_STATUS_NOT_ENOUGH_DATA)
    {
      guint n = lumbar_summary_get_pain_mean (self->summary, LUMBAR_PERIOD_W7)->n_days;
      g_autofree char *body = NULL;
      g_autofree char *detail = NULL;

      if (!about)
        body = g_strdup_printf (ngettext ("Log your pain on at least %u of the last 7 days to get tips based on your own trend. Until then, all three tips are shown as general advice.",
                                          "Log your pain on at least %u of the last 7 days to get tips based on your own trend. Until then, all three tips are shown as general advice.",
                                          MIN_DAYS_W7),
                                MIN_DAYS_W7);
      else
        body = g_strdup_printf (ngettext ("Tips based on the patient’s own trend need pain readings on at least %u of the last 7 days. Until then, all three tips are shown as general advice.",
                                          "Tips based on the patient’s own trend need pain readings on at least %u of the last 7 days. Until then, all three tips are shown as general advice.",
                                          MIN_DAYS_W7),
                                MIN_DAYS_W7);
      if (n == 0)
        detail = g_strdup (about ? _("The patient logged no pain in the last 7 days.")
                                 : _("You have not logged any pain in the last 7 days."));
      else if (!about)
        detail = g_strdup_printf (ngettext ("So far you have logged pain on %u of the last 7 days.",
                                            "So far you have logged pain on %u of the last 7 days.",
                                            n),
                                  n);
      else
        detail = g_strdup_printf (ngettext ("The patient logged pain on %u of the last 7 days.",
                                            "The patient logged pain on %u of the last 7 days.",
                                            n),
                                  n);

      gtk_image_set_from_icon_name (self->notice_icon, "dialog-information-symbolic");
      gtk_label_set_label (self->notice_title, _("Not enough readings yet"));
      set_label (GTK_WIDGET (self->notice_body), body);
      set_label (GTK_WIDGET (self->notice_detail), detail);
      gtk_widget_set_visible (self->notice, TRUE);
    }
  else if (lumbar_summary_get_n_indicated (self->summary) == 0 && !red_flags)
    {
      gtk_image_set_from_icon_name (self->notice_icon, "emblem-ok-symbolic");
      gtk_label_set_label (self->notice_title, _("Nothing stands out right now"));
      set_label (GTK_WIDGET (self->notice_body),
                 about ? _("The patient’s recent readings do not call for any of the three tips. They are shown as general advice.")
                       : _("Your recent readings do not call for any of the three tips. They are here as general advice for the next time your back flares up."));
      set_label (GTK_WIDGET (self->notice_detail), NULL);
      gtk_widget_set_visible (self->notice, TRUE);
    }
  else
    gtk_widget_set_visible (self->notice, FALSE);
}

static void
update_red_flags (LumbarTipsPage *self)
{
  const LumbarRedFlags *red_flags = lumbar_summary_get_red_flags (self->summary);
  LumbarVoice voice = lumbar_summary_get_voice (self->summary);

  gtk_widget_set_visible (self->red_flag_card, red_flags->active);
  if (!red_flags->active)
    return;
  gtk_label_set_label (self->red_flag_heading,
                       voice == LUMBAR_VOICE_THERAPIST
                       /* Translators: heading of the red-flag warning in a review of a patient's log */
                       ? _("Warning signs logged: prompt medical care advised")
                       : _("Get medical care today"));
  gtk_label_set_label (self->red_flag_message, lumbar_red_flags_get_message (voice));
  lumbar_tips_fill_list (self->red_flag_reasons, (const char * const *) red_flags->reasons);
}

static void
update (LumbarTipsPage *self)
{
  guint old_n_indicated = 0;
  gboolean old_red_flags = FALSE;
  gboolean secondary;

  if (self->summary != NULL)
    {
      old_n_indicated = lumbar_summary_get_n_indicated (self->summary);
      old_red_flags = lumbar_summary_get_red_flags_active (self->summary);
    }

  g_clear_object (&self->summary);
  if (self->tracker != NULL)
    self->summary = g_object_ref (lumbar_summary_tracker_get_summary (self->tracker));
  else
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      self->summary = lumbar_summary_new_for_entries (none, lumbar_day_today (), LUMBAR_VOICE_PERSON);
    }

  secondary = lumbar_summary_get_red_flags_active (self->summary);

  update_red_flags (self);
  update_notice (self);
  gtk_widget_set_visible (self->secondary_label, secondary);
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    tip_view_update (&self->tips[i], lumbar_summary_get_tip (self->summary, i),
                     lumbar_summary_get_voice (self->summary), secondary);
  place_cards (self);

  if (old_n_indicated != lumbar_summary_get_n_indicated (self->summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INDICATED]);
  if (old_red_flags != secondary)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAGS_ACTIVE]);
}

static void
lumbar_tips_page_dispose (GObject *object)
{
  LumbarTipsPage *self = LUMBAR_TIPS_PAGE (object);

  g_clear_object (&self->tracker);
  /* AdwBin keeps its own pointer to the child; let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_TIPS_PAGE);
  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    g_clear_object (&self->tips[i].card);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (lumbar_tips_page_parent_class)->dispose (object);
}

static void
lumbar_tips_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LumbarTipsPage *self = LUMBAR_TIPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      g_value_set_object (value, self->tracker);
      break;

    case PROP_N_INDICATED:
      g_value_set_uint (value, lumbar_tips_page_get_n_indicated (self));
      break;

    case PROP_RED_FLAGS_ACTIVE:
      g_value_set_boolean (value, lumbar_tips_page_get_red_flags_active (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_tips_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LumbarTipsPage *self = LUMBAR_TIPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      lumbar_tips_page_set_tracker (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_tips_page_class_init (LumbarTipsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_tips_page_dispose;
  object_class->get_property = lumbar_tips_page_get_property;
  object_class->set_property = lumbar_tips_page_set_property;

  /**
   * LumbarTipsPage:tracker:
   *
   * The diary and day the tips are computed for; %NULL shows the tips as
   * general advice. A review window passes one built from an exported log.
   */
  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarTipsPage:n-indicated:
   *
   * How many tips the person's trend calls for, e.g. for the badge of the
   * page's view-stack tab.
   */
  properties[PROP_N_INDICATED] =
    g_param_spec_uint ("n-indicated", NULL, NULL,
                       0, LUMBAR_N_TIPS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarTipsPage:red-flags-active:
   *
   * Whether the red-flag notice is shown, e.g. for the "needs-attention"
   * of the page's view-stack tab.
   */
  properties[PROP_RED_FLAGS_ACTIVE] =
    g_param_spec_boolean ("red-flags-active", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-tips-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, general_box);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, general_heading);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, indicated_box);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, notice);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, notice_body);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, notice_detail);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, notice_icon);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, notice_title);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, red_flag_card);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, red_flag_heading);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, red_flag_message);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, red_flag_reasons);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, red_flag_watch);
  gtk_widget_class_bind_template_child (widget_class, LumbarTipsPage, secondary_label);

  gtk_widget_class_set_css_name (widget_class, "lumbartipspage");
}

static void
lumbar_tips_page_init (LumbarTipsPage *self)
{
  g_auto(GStrv) watch = lumbar_red_flags_dup_watch_list ();

  lumbar_style_ensure ("lumbar-tips.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  lumbar_tips_fill_list (self->red_flag_watch, (const char * const *) watch);

  for (guint i = 0; i < LUMBAR_N_TIPS; i++)
    tip_view_init (&self->tips[i], i);

  update (self);
}

/**
 * lumbar_tips_page_new:
 * @tracker: (nullable): the diary and day to show
 *
 * Returns: (transfer floating): a new tips page
 */
GtkWidget *
lumbar_tips_page_new (LumbarSummaryTracker *tracker)
{
  return g_object_new (LUMBAR_TYPE_TIPS_PAGE, "tracker", tracker, NULL);
}

/**
 * lumbar_tips_page_get_tracker:
 * @self: a tips page
 *
 * Returns: (transfer none) (nullable): the diary and day shown
 */
LumbarSummaryTracker *
lumbar_tips_page_get_tracker (LumbarTipsPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_TIPS_PAGE (self), NULL);
  return self->tracker;
}

/**
 * lumbar_tips_page_set_tracker:
 * @self: a tips page
 * @tracker: (nullable): the diary and day to show
 *
 * Shows the tracker's summary at once and follows its changes.
 */
void
lumbar_tips_page_set_tracker (LumbarTipsPage       *self,
                              LumbarSummaryTracker *tracker)
{
  g_return_if_fail (LUMBAR_IS_TIPS_PAGE (self));
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

/**
 * lumbar_tips_page_get_summary:
 * @self: a tips page
 *
 * Returns: (transfer none): the summary shown
 */
LumbarSummary *
lumbar_tips_page_get_summary (LumbarTipsPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_TIPS_PAGE (self), NULL);
  return self->summary;
}

/**
 * lumbar_tips_page_get_n_indicated:
 * @self: a tips page
 *
 * Returns: how many tips are shown as recommended now
 */
guint
lumbar_tips_page_get_n_indicated (LumbarTipsPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_TIPS_PAGE (self), 0);
  return self->summary ? lumbar_summary_get_n_indicated (self->summary) : 0;
}

/**
 * lumbar_tips_page_get_red_flags_active:
 * @self: a tips page
 *
 * Returns: whether the red-flag notice is shown
 */
gboolean
lumbar_tips_page_get_red_flags_active (LumbarTipsPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_TIPS_PAGE (self), FALSE);
  return self->summary ? lumbar_summary_get_red_flags_active (self->summary) : FALSE;
}
