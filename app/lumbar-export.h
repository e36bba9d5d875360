/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

typedef enum {
  LUMBAR_EXPORT_CSV,
  LUMBAR_EXPORT_JSON,
  LUMBAR_EXPORT_PDF,
  LUMBAR_EXPORT_FHIR,
} LumbarExportFormat;

/* What to export. Bounds are days (LUMBAR_DAY_INVALID = open); @today is
 * the local date the report's tips are evaluated against and @now the
 * "exported_at" moment (the current time when NULL). */
typedef struct {
  LumbarDay   from;
  LumbarDay   to;
  const char *patient_name;  /* or NULL */
  LumbarDay   today;         /* LUMBAR_DAY_INVALID = lumbar_day_today () */
  GDateTime  *now;           /* or NULL */
} LumbarExportOptions;

#define LUMBAR_EXPORT_OPTIONS_INIT \
  { LUMBAR_DAY_INVALID, LUMBAR_DAY_INVALID, NULL, LUMBAR_DAY_INVALID, NULL }

/* The CSV header row (without the line end). */
#define LUMBAR_EXPORT_CSV_HEADER \
  "date,time,kind,local_pain,radiating_pain,intensity,minutes,details,flags,note"

gboolean    lumbar_export_format_from_string (const char                *text,
                                              LumbarExportFormat        *format);
const char *lumbar_export_format_to_string   (LumbarExportFormat         format);

GPtrArray  *lumbar_export_filter             (GPtrArray                 *entries,
                                              LumbarDay                  from,
                                              LumbarDay                  to);
void        lumbar_export_resolve_range      (GPtrArray                 *entries,
                                              LumbarDay                  from,
                                              LumbarDay                  to,
                                              LumbarDay                  today,
                                              LumbarDay                 *out_from,
                                              LumbarDay                 *out_to);

GBytes     *lumbar_export_to_json            (GPtrArray                 *entries,
                                              const LumbarExportOptions *options);
GBytes     *lumbar_export_to_csv             (GPtrArray                 *entries,
                                              const LumbarExportOptions *options);
GBytes     *lumbar_export_to_fhir            (GPtrArray                 *entries,
                                              const LumbarExportOptions *options);
GBytes     *lumbar_export_to_pdf             (GPtrArray                 *entries,
                                              const LumbarExportOptions *options,
                                              double                     width,
                                              double                     height,
                                              GError                   **error);
GBytes     *lumbar_export_to_bytes           (LumbarExportFormat         format,
                                              GPtrArray                 *entries,
                                              const LumbarExportOptions *options,
                                              GError                   **error);
gboolean    lumbar_export_write_file         (LumbarExportFormat         format,
                                              GPtrArray                 *entries,
                                              const LumbarExportOptions *options,
                                              const char                *path,
                                              GError                   **error);

char       *lumbar_export_csv_cell           (const char                *text);
void        lumbar_export_get_paper_size     (double                    *width,
                                              double                    *height);

G_END_DECLS
