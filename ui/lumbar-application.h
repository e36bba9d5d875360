/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-settings.h"
#include "lumbar-store.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_APPLICATION (lumbar_application_get_type ())

G_DECLARE_FINAL_TYPE (LumbarApplication, lumbar_application, LUMBAR, APPLICATION, AdwApplication)

void               lumbar_application_init_i18n (void);
LumbarApplication *lumbar_application_new           (void);
LumbarStore       *lumbar_application_get_store     (LumbarApplication *self);
LumbarSettings    *lumbar_application_get_settings  (LumbarApplication *self);
gboolean           lumbar_application_confirm_close (LumbarApplication *self,
                                                     GtkWindow         *window);
void               lumbar_application_load_store_async  (LumbarApplication   *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
LumbarStore       *lumbar_application_load_store_finish (LumbarApplication   *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
