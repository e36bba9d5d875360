/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

/* One bit per LumbarKind. */
#define LUMBAR_KIND_MASK(kind) (1u << (kind))
#define LUMBAR_ALL_KINDS       ((1u << LUMBAR_N_KINDS) - 1)

typedef struct _LumbarDiaryFilter LumbarDiaryFilter;

#define LUMBAR_TYPE_DIARY_FILTER (lumbar_diary_filter_get_type ())

GType              lumbar_diary_filter_get_type      (void) G_GNUC_CONST;
LumbarDiaryFilter *lumbar_diary_filter_new           (const char        *query,
                                                      guint              kinds,
                                                      gboolean           warning_signs);
LumbarDiaryFilter *lumbar_diary_filter_ref           (LumbarDiaryFilter *self);
void               lumbar_diary_filter_unref         (LumbarDiaryFilter *self);
gboolean           lumbar_diary_filter_is_empty      (LumbarDiaryFilter *self);
gboolean           lumbar_diary_filter_equal         (LumbarDiaryFilter *a,
                                                      LumbarDiaryFilter *b);
gboolean           lumbar_diary_filter_match         (LumbarDiaryFilter *self,
                                                      LumbarEntry       *entry);
char              *lumbar_diary_filter_fold          (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LumbarDiaryFilter, lumbar_diary_filter_unref)

G_END_DECLS
