/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-cli.h"
#include "lumbar-document.h"

G_BEGIN_DECLS

LumbarDocument *lumbar_cli_load_source   (const char  *file,
                                          GError     **error);
void            lumbar_cli_print_error   (const char  *file,
                                          GError      *error);
int             lumbar_cli_usage_error   (const char  *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int             lumbar_cli_run_export    (const char  *format,
                                          const char  *output,
                                          const char  *from,
                                          const char  *to,
                                          const char  *patient_name,
                                          char       **files);
int             lumbar_cli_run_import    (const char  *file);
int             lumbar_cli_run_summary   (gboolean     json,
                                          const char  *today,
                                          char       **files);

G_END_DECLS
