/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-summary.h"

G_BEGIN_DECLS

/* Helpers shared by the tips page and the Today page's tip card. */

LumbarSummary *lumbar_tips_compute_summary   (LumbarJournal      *journal,
                                              LumbarDay           today);
void           lumbar_tips_fill_list         (GtkBox             *box,
                                              const char * const *items);
const char    *lumbar_tips_get_icon_name     (LumbarTipId         id);

/* The diary and the day a tips widget shows, embedded in the widget:
 * journal changes cost one refresh per main-loop idle, and while it
 * follows the clock the day moves on at midnight. */
typedef struct {
  LumbarJournal *journal;
  LumbarDay      today;
  gboolean       follow_clock;
  guint          clock_id;
  guint          update_id;
  GObject       *owner;
  GParamSpec    *today_pspec;
  void         (*update) (gpointer owner);
} LumbarTipsSource;

void           lumbar_tips_source_init        (LumbarTipsSource   *source,
                                               gpointer            owner,
                                               GParamSpec         *today_pspec,
                                               void              (*update) (gpointer owner));
void           lumbar_tips_source_clear       (LumbarTipsSource   *source);
gboolean       lumbar_tips_source_set_journal (LumbarTipsSource   *source,
                                               LumbarJournal      *journal);
void           lumbar_tips_source_set_today   (LumbarTipsSource   *source,
                                               LumbarDay           today);

G_END_DECLS
