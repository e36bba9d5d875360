/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_STORE (lumbar_store_get_type ())

G_DECLARE_FINAL_TYPE (LumbarStore, lumbar_store, LUMBAR, STORE, GObject)

char          *lumbar_store_dup_default_directory (void);
char          *lumbar_store_dup_default_journal_path (void);
LumbarStore   *lumbar_store_new                (const char          *directory);
const char    *lumbar_store_get_directory      (LumbarStore         *self);
char          *lumbar_store_dup_journal_path   (LumbarStore         *self);
LumbarJournal *lumbar_store_get_journal        (LumbarStore         *self);

gboolean       lumbar_store_load               (LumbarStore         *self,
                                                GError             **error);
void           lumbar_store_load_async         (LumbarStore         *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       lumbar_store_load_finish        (LumbarStore         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

gboolean       lumbar_store_get_loading        (LumbarStore         *self);
gboolean       lumbar_store_get_loaded         (LumbarStore         *self);
gboolean       lumbar_store_get_read_only      (LumbarStore         *self);
gboolean       lumbar_store_get_has_unsaved    (LumbarStore         *self);
const char    *lumbar_store_get_save_error     (LumbarStore         *self);
guint          lumbar_store_get_failed_saves   (LumbarStore         *self);
const char    *lumbar_store_get_broken_path    (LumbarStore         *self);
const char    *lumbar_store_get_restored_from  (LumbarStore         *self);
const char    *lumbar_store_get_read_only_reason (LumbarStore       *self);
guint          lumbar_store_get_n_skipped      (LumbarStore         *self);

GListModel    *lumbar_store_list_backups       (LumbarStore         *self);
gboolean       lumbar_store_restore_backup     (LumbarStore         *self,
                                                const char          *path,
                                                char               **saved_as,
                                                GError             **error);

gboolean       lumbar_store_flush              (LumbarStore         *self,
                                                GError             **error);
void           lumbar_store_set_save_delay     (LumbarStore         *self,
                                                guint                milliseconds);
void           lumbar_store_set_retry_delay    (LumbarStore         *self,
                                                guint                milliseconds);

gboolean       lumbar_store_get_timer          (LumbarStore         *self,
                                                LumbarKind           kind,
                                                GDateTime          **start);
gboolean       lumbar_store_start_timer        (LumbarStore         *self,
                                                LumbarKind           kind,
                                                GDateTime           *start,
                                                GError             **error);
LumbarEntry   *lumbar_store_stop_timer         (LumbarStore         *self,
                                                LumbarKind           kind,
                                                GDateTime           *now,
                                                GError             **error);
/* Like lumbar_store_stop_timer(), but the entry takes the note (and for
 * inclined sitting the support, legs_supported and knees_bent) of @details.
 * Sessions are logged in minutes rounded up, 1 to 1440; a longer one is
 * refused (LUMBAR_ERROR_TIMER): ask when it ended, then stop it at that
 * time with lumbar_store_stop_timer_at(). */
LumbarEntry   *lumbar_store_stop_timer_full    (LumbarStore         *self,
                                                LumbarKind           kind,
                                                GDateTime           *now,
                                                LumbarEntry         *details,
                                                GError             **error);
LumbarEntry   *lumbar_store_stop_timer_at      (LumbarStore         *self,
                                                LumbarKind           kind,
                                                GDateTime           *end,
                                                LumbarEntry         *details,
                                                GError             **error);

G_END_DECLS
