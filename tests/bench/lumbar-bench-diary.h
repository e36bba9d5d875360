/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-journal.h"

G_BEGIN_DECLS

GPtrArray *lumbar_bench_make_diary (guint     years,
                                    LumbarDay last_day,
                                    guint32   seed);

G_END_DECLS
