/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-error"

#include "config.h"

#include "lumbar-error.h"

G_DEFINE_QUARK (lumbar-error-quark, lumbar_error)
