/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lumbar-day.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_DIARY_DAY (lumbar_diary_day_get_type ())

G_DECLARE_FINAL_TYPE (LumbarDiaryDay, lumbar_diary_day, LUMBAR, DIARY_DAY, GObject)

LumbarDiaryDay *lumbar_diary_day_new     (LumbarDay       day);
LumbarDay       lumbar_diary_day_get_day (LumbarDiaryDay *self);

G_END_DECLS
