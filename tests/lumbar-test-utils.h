/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lumbar-test-wait.h"
#include "lumbar-window.h"

G_BEGIN_DECLS

/* Shared set-up for the UI tests and the screenshot programs: private XDG
 * folders, a headless GTK, waiting on the main loop, finding widgets and
 * rendering them to PNG. */

char      *lumbar_test_make_private_dir     (const char          *root,
                                             const char          *name);
char      *lumbar_test_use_private_xdg_dirs (const char          *tmpl);
void       lumbar_test_remove_tree          (const char          *path);
void       lumbar_test_use_test_a11y        (void);
void       lumbar_test_bind_textdomain      (void);
void       lumbar_test_use_language         (const char          *lang);

gboolean   lumbar_test_init_gtk             (void);
void       lumbar_test_flush                (GtkWidget           *widget);

gboolean   lumbar_test_has_accessible_name  (GtkWidget           *widget,
                                             const char          *name);
GtkWidget *lumbar_test_find_named           (GtkWidget           *root,
                                             const char          *name,
                                             GType                type);
GtkWidget *lumbar_test_find_of_type         (GtkWidget           *root,
                                             GType                type);
GtkWindow *lumbar_test_find_toplevel        (GType                type);
gboolean   lumbar_test_toplevel_shown       (gpointer             type);
gboolean   lumbar_test_toplevel_gone        (gpointer             type);
void       lumbar_test_collect_of_type      (GtkWidget           *root,
                                             GType                type,
                                             GPtrArray           *found);

void       lumbar_test_assert_one_format    (GtkWidget           *root);

gboolean   lumbar_test_save_png             (GtkWidget           *widget,
                                             const char          *path);

typedef void (*LumbarTestWindowBody) (LumbarWindow *window,
                                      gpointer      data);

void       lumbar_test_run_main_window      (LumbarTestWindowBody body,
                                             gpointer             data);

G_END_DECLS
