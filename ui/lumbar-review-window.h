/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-document.h"
#include "lumbar-import.h"
#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_REVIEW_WINDOW (lumbar_review_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarReviewWindow, lumbar_review_window, LUMBAR, REVIEW_WINDOW, AdwApplicationWindow)

LumbarReviewWindow *lumbar_review_window_new                 (GtkApplication     *application,
                                                              GFile              *file,
                                                              LumbarDocument     *document);
GFile              *lumbar_review_window_get_file            (LumbarReviewWindow *self);
LumbarJournal      *lumbar_review_window_get_journal         (LumbarReviewWindow *self);
const char         *lumbar_review_window_get_patient_name    (LumbarReviewWindow *self);
void                lumbar_review_window_get_period          (LumbarReviewWindow *self,
                                                              LumbarDay          *from,
                                                              LumbarDay          *to);
LumbarDay           lumbar_review_window_get_tips_day        (LumbarReviewWindow *self);
guint               lumbar_review_window_get_n_skipped       (LumbarReviewWindow *self);
char               *lumbar_review_window_dup_skipped_text    (LumbarReviewWindow *self);
void                lumbar_review_window_set_visible_page_name (LumbarReviewWindow *self,
                                                              const char         *name);
void                lumbar_review_window_show_import         (LumbarReviewWindow *self,
                                                              LumbarImport       *import);

void                lumbar_review_window_open_files          (GtkApplication     *application,
                                                              GFile             **files,
                                                              int                 n_files,
                                                              GtkWindow          *parent);
void                lumbar_review_window_choose_files        (GtkApplication     *application,
                                                              GtkWindow          *parent);
void                lumbar_review_window_install_drop_target (GtkWidget          *widget,
                                                              GtkApplication     *application);

G_END_DECLS
