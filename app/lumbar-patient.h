/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-document-days.h"
#include "lumbar-summary.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_PATIENT (lumbar_patient_get_type ())

G_DECLARE_FINAL_TYPE (LumbarPatient, lumbar_patient, LUMBAR, PATIENT, GObject)

LumbarPatient     *lumbar_patient_new_for_file       (GFile          *file,
                                                      LumbarDay       today);
GFile             *lumbar_patient_get_file           (LumbarPatient  *self);
const char        *lumbar_patient_get_title          (LumbarPatient  *self);
const char        *lumbar_patient_get_name           (LumbarPatient  *self);
const char        *lumbar_patient_get_error          (LumbarPatient  *self);
const LumbarDocumentDays *lumbar_patient_get_days    (LumbarPatient  *self);
LumbarDay          lumbar_patient_get_last_entry_day (LumbarPatient  *self);
LumbarSummary     *lumbar_patient_get_summary        (LumbarPatient  *self);
gboolean           lumbar_patient_get_red_flags      (LumbarPatient  *self);
guint              lumbar_patient_get_n_skipped      (LumbarPatient  *self);
char              *lumbar_patient_dup_pain_text      (LumbarPatient  *self);
char              *lumbar_patient_dup_tips_text      (LumbarPatient  *self);
int                lumbar_patient_compare            (LumbarPatient  *a,
                                                      LumbarPatient  *b);

G_END_DECLS
