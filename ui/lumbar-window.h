/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-application.h"
#include "lumbar-import.h"
#include "lumbar-store.h"
#include "lumbar-today-page.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_WINDOW (lumbar_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarWindow, lumbar_window, LUMBAR, WINDOW, AdwApplicationWindow)

LumbarWindow *lumbar_window_new                   (LumbarApplication *application,
                                                   LumbarStore       *store);
LumbarStore  *lumbar_window_get_store             (LumbarWindow      *self);
void          lumbar_window_add_toast             (LumbarWindow      *self,
                                                   AdwToast          *toast);
void          lumbar_window_import_file           (LumbarWindow      *self,
                                                   GFile             *file);
void          lumbar_window_show_import           (LumbarWindow      *self,
                                                   LumbarImport      *import);
void          lumbar_window_set_visible_page_name (LumbarWindow      *self,
                                                   const char        *name);
const char   *lumbar_window_get_visible_page_name (LumbarWindow      *self);
LumbarTodayPage *lumbar_window_get_today_page     (LumbarWindow      *self);
void          lumbar_window_record_change         (LumbarWindow      *self,
                                                   LumbarEntry       *before,
                                                   LumbarEntry       *after,
                                                   const char        *toast_title);
void          lumbar_window_focus_pain_form       (LumbarWindow      *self);

G_END_DECLS
