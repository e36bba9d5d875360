/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_REPORT (lumbar_report_get_type ())

G_DECLARE_FINAL_TYPE (LumbarReport, lumbar_report, LUMBAR, REPORT, GObject)

LumbarReport *lumbar_report_new            (GPtrArray    *entries,
                                            LumbarDay     from,
                                            LumbarDay     to,
                                            const char   *patient_name,
                                            LumbarDay     today);
LumbarDay     lumbar_report_get_from       (LumbarReport *self);
LumbarDay     lumbar_report_get_to         (LumbarReport *self);
const char   *lumbar_report_get_patient_name (LumbarReport *self);
LumbarDay     lumbar_report_get_today      (LumbarReport *self);

int           lumbar_report_get_n_pages    (LumbarReport *self,
                                            double        width,
                                            double        height);
void          lumbar_report_draw_page      (LumbarReport *self,
                                            cairo_t      *cr,
                                            double        width,
                                            double        height,
                                            int           page);


G_END_DECLS
