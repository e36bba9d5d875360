/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LUMBAR_TYPE_TIME_PICKER (lumbar_time_picker_get_type ())

G_DECLARE_FINAL_TYPE (LumbarTimePicker, lumbar_time_picker, LUMBAR, TIME_PICKER, GtkWidget)

GtkWidget *lumbar_time_picker_new          (void);
GDateTime *lumbar_time_picker_dup_time     (LumbarTimePicker *self);
void       lumbar_time_picker_set_time     (LumbarTimePicker *self,
                                            GDateTime        *time);
void       lumbar_time_picker_set_latest   (LumbarTimePicker *self,
                                            GDateTime        *latest);

G_END_DECLS
