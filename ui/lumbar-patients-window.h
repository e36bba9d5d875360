/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-patient-list.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_PATIENTS_WINDOW (lumbar_patients_window_get_type ())

G_DECLARE_FINAL_TYPE (LumbarPatientsWindow, lumbar_patients_window, LUMBAR, PATIENTS_WINDOW, AdwApplicationWindow)

LumbarPatientsWindow *lumbar_patients_window_new_for_files  (GtkApplication        *application,
                                                             GFile                **files,
                                                             guint                  n_files);
LumbarPatientsWindow *lumbar_patients_window_new_for_folder (GtkApplication        *application,
                                                             GFile                 *folder);
GFile                *lumbar_patients_window_route          (GtkApplication        *application,
                                                             GFile                **files,
                                                             guint                  n_files);
void                  lumbar_patients_window_choose_folder  (GtkApplication        *application,
                                                             GtkWindow             *parent);
LumbarPatientList    *lumbar_patients_window_get_list       (LumbarPatientsWindow  *self);
GFile                *lumbar_patients_window_get_folder     (LumbarPatientsWindow  *self);

G_END_DECLS
