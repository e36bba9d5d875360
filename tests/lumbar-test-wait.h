/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*LumbarTestCondition) (gpointer data);

gboolean lumbar_test_wait_for (LumbarTestCondition  condition,
                               gpointer             data,
                               guint                timeout_ms);

G_END_DECLS
