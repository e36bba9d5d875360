/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (DESIGN.md). */
#define LUMBAR_EXIT_OK     0
#define LUMBAR_EXIT_INPUT  1
#define LUMBAR_EXIT_USAGE  2

gboolean lumbar_cli_wants_command_line (int     argc,
                                        char  **argv);
int      lumbar_cli_run                (int     argc,
                                        char  **argv);

G_END_DECLS
