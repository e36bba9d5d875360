/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-chart-view.h"
#include "lumbar-diary-page.h"
#include "lumbar-import.h"
#include "lumbar-settings.h"
#include "lumbar-summary-tracker.h"
#include "lumbar-tips-page.h"
#include "lumbar-today-page.h"
#include "lumbar-undo.h"
#include "lumbar-window.h"

G_BEGIN_DECLS

struct _LumbarWindow
{
  AdwApplicationWindow  parent_instance;

  LumbarStore          *store;
  LumbarSummaryTracker *tracker;   /* shared by the tip card, the chart and the Tips page */
  LumbarSettings       *settings;
  gboolean              broken_dismissed;
  LumbarImport         *import;       /* the last import, while its toast offers Undo */
  AdwToast             *import_toast; /* not owned: the overlay has it until dismissed */
  LumbarUndo           *undo;         /* the session's changes to the diary, for Ctrl+Z */
  GHashTable           *undo_toasts;  /* change number → its toast, not owned, while shown or queued */

  GtkWidget            *banner_revealer;
  GtkWidget            *broken_banner;
  GtkLabel             *broken_label;
  /* Built after the first frame, or when first shown (see ensure_pages()). */
  LumbarChartView      *chart_view;
  LumbarDiaryPage      *diary_page;
  LumbarTipsPage       *tips_page;
  AdwBin               *today_bin;
  AdwBin               *diary_bin;
  AdwBin               *history_bin;
  GtkStack             *history_stack;  /* the chart, or a word on an empty diary */
  AdwBin               *tips_bin;
  AdwViewStackPage     *tips_stack_page;
  guint                 pages_idle_id;
  guint                 loading_timeout_id;
  GtkStack             *main_stack;
  GtkWidget            *read_only_banner;
  GtkLabel             *read_only_label;
  GtkWidget            *save_banner;
  GtkLabel             *save_label;
  GtkWidget            *loading_box;
  GtkSpinner           *spinner;
  LumbarTodayPage      *today_page;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;

  guint                 diary_shown : 1;
  guint                 pages_ready : 1;
};

void _lumbar_window_class_actions_init (LumbarWindowClass *klass);
void _lumbar_window_actions_update     (LumbarWindow      *self);
void _lumbar_window_forget_import      (LumbarWindow      *self);
void _lumbar_window_undo_change        (LumbarWindow      *self,
                                        guint              change);

G_END_DECLS
