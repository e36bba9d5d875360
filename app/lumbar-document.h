/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lumbar-entry.h"

G_BEGIN_DECLS

#define LUMBAR_FORMAT_NAME     "lumbar-journal"
#define LUMBAR_FORMAT_VERSION  1
#define LUMBAR_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define LUMBAR_MAX_DEPTH       64
#define LUMBAR_MAX_ENTRIES     500000

/* Something wrong with one entry (entry > 0) or with the document (entry 0).
 * Line and column are 1-based, 0 when not known. */
typedef struct {
  guint  entry;
  guint  line;
  guint  column;
  char  *message;
} LumbarProblem;

typedef enum {
  LUMBAR_PARSE_DEFAULT      = 0,
  /* Read a document of a newer version as well as possible instead of
   * refusing it; the caller must then treat it as read-only. */
  LUMBAR_PARSE_ALLOW_NEWER  = 1 << 0,
} LumbarParseFlags;

typedef struct {
  int         version;
  GPtrArray  *entries;      /* LumbarEntry, valid, unique ids, file order */
  GPtrArray  *problems;     /* LumbarProblem: entries that were skipped */
  char       *exported_at;  /* ISO 8601, or NULL for a journal */
  char       *patient_name; /* or NULL */
  LumbarDay   range_from;   /* LUMBAR_DAY_INVALID when absent */
  LumbarDay   range_to;
} LumbarDocument;

LumbarDocument *lumbar_document_new          (void);
void            lumbar_document_free         (LumbarDocument    *doc);
LumbarDocument *lumbar_document_parse        (const char        *data,
                                              gsize              length,
                                              LumbarParseFlags   flags,
                                              GError           **error);
gboolean        lumbar_document_verify       (const char        *data,
                                              gsize              length,
                                              GPtrArray         *expected,
                                              GError           **error);
LumbarDocument *lumbar_document_load_file    (GFile             *file,
                                              LumbarParseFlags   flags,
                                              GError           **error);
gboolean        lumbar_file_read_regular     (const char        *path,
                                              gsize              max,
                                              char             **contents,
                                              gsize             *length,
                                              GError           **error);
GBytes         *lumbar_document_to_bytes     (LumbarDocument    *doc);
GBytes         *lumbar_entries_to_bytes      (GPtrArray         *entries);
gboolean        lumbar_json_check_syntax     (const char        *data,
                                              gsize              length,
                                              guint             *n_entries,
                                              GError           **error);

GBytes         *lumbar_json_builder_to_bytes (JsonBuilder       *builder,
                                              guint              indent);

void            lumbar_problem_free          (LumbarProblem     *problem);
char           *lumbar_problem_to_string     (LumbarProblem     *problem,
                                              const char        *file_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LumbarDocument, lumbar_document_free)

G_END_DECLS
