/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LUMBAR_ERROR (lumbar_error_quark ())

typedef enum {
  LUMBAR_ERROR_PARSE,          /* malformed JSON or invalid UTF-8 */
  LUMBAR_ERROR_NOT_LUMBAR,     /* valid JSON but not a Lumbar document */
  LUMBAR_ERROR_NEWER_VERSION,  /* written by a newer Lumbar */
  LUMBAR_ERROR_TOO_LARGE,      /* over a size, depth or count limit */
  LUMBAR_ERROR_INVALID_ENTRY,  /* an entry breaks a rule of the format */
  LUMBAR_ERROR_READ_ONLY,      /* the journal is open read-only */
  LUMBAR_ERROR_SAVE,           /* a save failed */
  LUMBAR_ERROR_IO,             /* any other file problem */
  LUMBAR_ERROR_TIMER,          /* a timer runs already, or none runs */
} LumbarError;

GQuark   lumbar_error_quark        (void);

/* Where in a file an error is, as data rather than in the message (an
 * extended GError, GLib 2.68): lines and columns count from 1, 0 = none. */
GError  *lumbar_error_new_at       (LumbarError   code,
                                    guint         line,
                                    guint         column,
                                    const char   *message);
gboolean lumbar_error_get_position (const GError *error,
                                    guint        *line,
                                    guint        *column);

G_END_DECLS
