/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-patient.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_PATIENT_LIST (lumbar_patient_list_get_type ())

G_DECLARE_FINAL_TYPE (LumbarPatientList, lumbar_patient_list, LUMBAR, PATIENT_LIST, GObject)

LumbarPatientList *lumbar_patient_list_new         (void);
void               lumbar_patient_list_add_files   (LumbarPatientList  *self,
                                                    GFile             **files,
                                                    guint               n_files);
gboolean           lumbar_patient_list_set_folder  (LumbarPatientList  *self,
                                                    GFile              *folder,
                                                    GError            **error);
GFile             *lumbar_patient_list_get_folder  (LumbarPatientList  *self);
gboolean           lumbar_patient_list_get_loading (LumbarPatientList  *self);
void               lumbar_patient_list_set_today   (LumbarPatientList  *self,
                                                    LumbarDay           today);
guint              lumbar_patient_list_get_n_red_flags (LumbarPatientList *self);

G_END_DECLS
