/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-journal.h"

G_BEGIN_DECLS

/* What one calendar day of the diary holds. Trends, tips, the chart, the
 * table view and the PDF report all read these, built once per change. */
typedef struct {
  LumbarDay    day;
  guint16      n_pain;            /* pain readings */
  guint16      n_radiating;       /* readings that have "radiating" */
  gint8        local_min;         /* -1 when n_pain == 0 */
  gint8        local_max;
  gint8        radiating_min;     /* -1 when n_radiating == 0 */
  gint8        radiating_max;
  double       local_mean;        /* valid when n_pain > 0 */
  double       radiating_mean;    /* valid when n_radiating > 0 */
  guint16      n_spasms;
  gint8        spasm_max;         /* -1 when no spasm */
  guint16      n_rest;
  guint16      n_incline;
  int          rest_minutes;      /* sessions counted on their start day */
  int          incline_minutes;
  guint16      n_therapy;         /* visits of any kind */
  guint16      n_manual_therapy;
  LumbarFlags  flags;             /* red-flag symptoms logged that day */
} LumbarDaily;

GArray   *lumbar_daily_collect          (LumbarJournal *journal,
                                         LumbarDay      first,
                                         LumbarDay      last);
GArray   *lumbar_daily_collect_entries  (GPtrArray     *entries,
                                         LumbarDay      first,
                                         LumbarDay      last);
gboolean  lumbar_daily_has_data         (const LumbarDaily *daily);

G_END_DECLS
