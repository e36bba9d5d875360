/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-cli.h"
#include "lumbar-document.h"

G_BEGIN_DECLS

LumbarDocument *lumbar_cli_load_source   (const char  *file,
                                          GError     **error);
void            lumbar_cli_print_error   (const char  *file,
                                          GError      *error);

G_END_DECLS
