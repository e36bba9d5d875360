/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lumbar-entry.h"

G_BEGIN_DECLS

GPtrArray *lumbar_test_diary_new (guint     n_days,
                                  LumbarDay last_day,
                                  guint32   seed);

G_END_DECLS
