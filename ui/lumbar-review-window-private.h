/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-chart-view.h"
#include "lumbar-diary-page.h"
#include "lumbar-import.h"
#include "lumbar-review-window.h"
#include "lumbar-summary-tracker.h"
#include "lumbar-tips-page.h"

G_BEGIN_DECLS

/* One exported log, shown for a therapist: its summary and chart, the tips
 * as they stood at the end of the exported period, and every entry. The
 * entries live in a journal of their own that nothing saves; no widget in
 * the window can change them, and the file is only ever read. */
struct _LumbarReviewWindow
{
  AdwApplicationWindow  parent_instance;

  GFile                *file;
  char                 *file_name;     /* for people: the display name */
  LumbarJournal        *journal;
  LumbarSummaryTracker *tracker;   /* the journal as of tips_day, for the tips and the chart */
  GPtrArray            *problems;      /* char *, one line per problem */
  guint                 n_skipped;     /* entries left out */
  int                   version;
  char                 *patient_name;
  LumbarDay             from;
  LumbarDay             to;
  LumbarDay             exported_day;  /* LUMBAR_DAY_INVALID for a plain diary */
  LumbarDay             tips_day;
  GCancellable         *cancellable;   /* waiting for the person's own diary */
  LumbarImport         *import;        /* added to the person's diary, while Undo is offered */
  AdwToast             *import_toast;  /* not owned: the overlay has it until dismissed */

  AdwPreferencesGroup  *activity_group;
  LumbarChartView      *chart_view;
  GtkWidget            *details_button;
  LumbarDiaryPage      *diary_page;
  AdwViewStackPage     *overview_stack_page;
  AdwPreferencesGroup  *pain_group;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *red_flag_badge;
  GtkWidget            *red_flag_card;
  GtkLabel             *red_flag_heading;
  GtkLabel             *red_flag_message;
  GtkBox               *red_flag_reasons;
  GtkLabel             *skipped_label;
  GtkRevealer          *skipped_revealer;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *switcher_none;
  AdwSqueezer          *switcher_squeezer;
  LumbarTipsPage       *tips_page;
  AdwViewStackPage     *tips_stack_page;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwWindowTitle       *window_title;
};

void _lumbar_review_window_class_actions_init (LumbarReviewWindowClass *klass);
void _lumbar_review_window_actions_update     (LumbarReviewWindow      *self);

G_END_DECLS
