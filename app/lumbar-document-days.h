/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-document.h"
#include "lumbar-format.h"

G_BEGIN_DECLS

/* The days a view of a document is about, decided once for every view (a
 * review window, `--summary FILE`, the Patients window). */
typedef struct {
  LumbarDay   exported;  /* the day of "exported_at" where it was made, or
                          * LUMBAR_DAY_INVALID for a diary or backup */
  LumbarDay   from;      /* the period shown */
  LumbarDay   to;
  LumbarDay   today;     /* the day tips, trends and figures are as of */
  LumbarVoice voice;     /* about the patient for an export; to the
                          * person for their own diary or backup */
} LumbarDocumentDays;

void      lumbar_document_days_resolve (const LumbarDocument *doc,
                                        LumbarDay             today,
                                        gboolean              today_given,
                                        LumbarDocumentDays   *days);
LumbarDay lumbar_document_exported_day (const LumbarDocument *doc);

G_END_DECLS
