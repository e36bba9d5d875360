/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-report.h"

G_BEGIN_DECLS

GtkPrintOperation *lumbar_print_operation_new (LumbarReport *report);
void               lumbar_print_report        (GtkWindow    *parent,
                                               LumbarReport *report);

G_END_DECLS
