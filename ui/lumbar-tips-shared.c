/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-tips-shared"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-tips-shared.h"

/**
 * lumbar_tips_compute_summary:
 * @journal: (nullable): the diary, or %NULL for an empty one
 * @today: the day to summarise
 *
 * Returns: (transfer full): the summary of @journal as of @today
 */
LumbarSummary *
lumbar_tips_compute_summary (LumbarJournal *journal,
                             LumbarDay      today)
{
  g_autoptr(GPtrArray) none = NULL;

  if (journal != NULL)
    return lumbar_summary_new (journal, today);

  none = g_ptr_array_new ();
  return lumbar_summary_new_for_entries (none, today);
}

/**
 * lumbar_tips_fill_list:
 * @box: a vertical box that holds only the list
 * @items: sentences or short phrases
 *
 * Replaces what @box shows with @items as a bulleted list, each item's
 * lines indented past its bullet.
 */
void
lumbar_tips_fill_list (GtkBox             *box,
                       const char * const *items)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* The bullet is decoration: screen readers read the item alone. */
      GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                        "label", "•",
                                        "valign", GTK_ALIGN_START,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      GtkWidget *text = gtk_label_new (items[i]);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (box), items != NULL && items[0] != NULL);
}

/**
 * lumbar_tips_get_icon_name:
 * @id: a tip
 *
 * Returns: the symbolic icon shown with the tip
 */
const char *
lumbar_tips_get_icon_name (LumbarTipId id)
{
  switch (id)
    {
    case LUMBAR_TIP_REST:
      return "lumbar-rest-symbolic";
    case LUMBAR_TIP_INCLINE:
      return "lumbar-incline-symbolic";
    case LUMBAR_TIP_MANUAL_THERAPY:
      return "lumbar-therapy-symbolic";
    case LUMBAR_N_TIPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
source_update (LumbarTipsSource *source)
{
  g_clear_handle_id (&source->update_id, g_source_remove);
  source->update (source->owner);
}

static gboolean
on_source_update_idle (gpointer data)
{
  LumbarTipsSource *source = data;

  source->update_id = 0;
  source_update (source);
  return G_SOURCE_REMOVE;
}

/* Many changes in one main-loop iteration (an import, undo) cost one
 * summary. */
static void
on_source_items_changed (LumbarTipsSource *source,
                         guint             position,
                         guint             removed,
                         guint             added,
                         GListModel       *model)
{
  if (source->update_id == 0)
    source->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_source_update_idle, source, NULL);
}

static void
source_set_today_internal (LumbarTipsSource *source,
                           LumbarDay         today)
{
  if (source->today == today)
    return;

  source->today = today;
  source_update (source);
  g_object_notify_by_pspec (source->owner, source->today_pspec);
}

static gboolean
on_source_clock (gpointer data)
{
  LumbarTipsSource *source = data;

  source->clock_id = 0;
  source_set_today_internal (source, lumbar_day_today ());
  source->clock_id = lumbar_day_watch_midnight (on_source_clock, source);
  return G_SOURCE_REMOVE;
}

/**
 * lumbar_tips_source_init:
 * @source: a #LumbarTipsSource inside @owner
 * @owner: the widget that shows the tips
 * @today_pspec: @owner's "today" property, notified when the day changes
 * @update: recomputes what @owner shows from @source's journal and day
 *
 * Starts without a journal, following the local date. Does not call
 * @update; the owner does once it is ready.
 */
void
lumbar_tips_source_init (LumbarTipsSource *source,
                         gpointer          owner,
                         GParamSpec       *today_pspec,
                         void            (*update) (gpointer owner))
{
  source->journal = NULL;
  source->owner = owner;
  source->today_pspec = today_pspec;
  source->update = update;
  source->update_id = 0;
  source->follow_clock = TRUE;
  source->today = lumbar_day_today ();
  source->clock_id = lumbar_day_watch_midnight (on_source_clock, source);
}

/**
 * lumbar_tips_source_clear:
 * @source: a #LumbarTipsSource
 *
 * Stops the refreshes and drops the journal, for the owner's dispose.
 */
void
lumbar_tips_source_clear (LumbarTipsSource *source)
{
  g_clear_handle_id (&source->update_id, g_source_remove);
  g_clear_handle_id (&source->clock_id, g_source_remove);
  if (source->journal != NULL)
    g_signal_handlers_disconnect_by_func (source->journal, on_source_items_changed, source);
  g_clear_object (&source->journal);
}

/**
 * lumbar_tips_source_set_journal:
 * @source: a #LumbarTipsSource
 * @journal: (nullable): the diary
 *
 * Follows @journal's changes and updates the owner at once.
 *
 * Returns: %TRUE if the journal changed (the owner notifies its property)
 */
gboolean
lumbar_tips_source_set_journal (LumbarTipsSource *source,
                                LumbarJournal    *journal)
{
  if (source->journal == journal)
    return FALSE;

  if (source->journal != NULL)
    g_signal_handlers_disconnect_by_func (source->journal, on_source_items_changed, source);
  g_set_object (&source->journal, journal);
  if (source->journal != NULL)
    /* Not g_signal_connect_object(): @source is no object; clear()
     * disconnects. */
    g_signal_connect_swapped (source->journal, "items-changed",
                              G_CALLBACK (on_source_items_changed), source);

  source_update (source);
  return TRUE;
}

/**
 * lumbar_tips_source_set_today:
 * @source: a #LumbarTipsSource
 * @today: a day, or %LUMBAR_DAY_INVALID to follow the local date
 */
void
lumbar_tips_source_set_today (LumbarTipsSource *source,
                              LumbarDay         today)
{
  g_clear_handle_id (&source->clock_id, g_source_remove);
  source->follow_clock = today == LUMBAR_DAY_INVALID;
  if (source->follow_clock)
    {
      source->clock_id = lumbar_day_watch_midnight (on_source_clock, source);
      today = lumbar_day_today ();
    }
  source_set_today_internal (source, today);
}
