/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-backup.h"
#include "lumbar-document.h"

/* One file in backups/: when it was written, and once read, how many
 * entries it holds over which days, or why it cannot be read. What the
 * Backups window lists; lumbar_store_list_backups() makes them. */

struct _LumbarBackup
{
  GObject    parent_instance;

  char      *path;
  GDateTime *written;
  gboolean   read;
  char      *error;
  guint      n_entries;
  LumbarDay  first;
  LumbarDay  last;
};

G_DEFINE_FINAL_TYPE (LumbarBackup, lumbar_backup, G_TYPE_OBJECT)

static void
lumbar_backup_finalize (GObject *object)
{
  LumbarBackup *self = LUMBAR_BACKUP (object);

  g_free (self->path);
  g_clear_pointer (&self->written, g_date_time_unref);
  g_free (self->error);

  G_OBJECT_CLASS (lumbar_backup_parent_class)->finalize (object);
}

static void
lumbar_backup_class_init (LumbarBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lumbar_backup_finalize;
}

static void
lumbar_backup_init (LumbarBackup *self)
{
  self->first = self->last = LUMBAR_DAY_INVALID;
}

/**
 * lumbar_backup_new:
 * @path: the backup file
 * @written: when it was written (its modification time)
 *
 * Returns: (transfer full): a backup, not read yet
 */
LumbarBackup *
lumbar_backup_new (const char *path,
                   GDateTime  *written)
{
  LumbarBackup *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (written != NULL, NULL);

  self = g_object_new (LUMBAR_TYPE_BACKUP, NULL);
  self->path = g_strdup (path);
  self->written = g_date_time_ref (written);
  return self;
}

const char *
lumbar_backup_get_path (LumbarBackup *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), NULL);
  return self->path;
}

/**
 * lumbar_backup_get_written:
 *
 * Returns: (transfer none): when the backup was written, in local time
 */
GDateTime *
lumbar_backup_get_written (LumbarBackup *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), NULL);
  return self->written;
}

/**
 * lumbar_backup_read:
 * @self: a backup
 *
 * Reads the file to count its entries and find its period. Safe to call
 * from a worker thread before the backup is shown; a second call does
 * nothing.
 *
 * Returns: whether the backup can be read
 */
gboolean
lumbar_backup_read (LumbarBackup *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LumbarDocument *doc;

  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), FALSE);

  if (self->read)
    return self->error == NULL;
  self->read = TRUE;

  file = g_file_new_for_path (self->path);
  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &error);
  if (doc == NULL)
    {
      self->error = g_strdup (error->message);
      return FALSE;
    }

  self->n_entries = doc->entries->len;
  for (guint i = 0; i < doc->entries->len; i++)
    {
      LumbarDay day = lumbar_entry_get_day (g_ptr_array_index (doc->entries, i));

      if (self->first == LUMBAR_DAY_INVALID || day < self->first)
        self->first = day;
      if (self->last == LUMBAR_DAY_INVALID || day > self->last)
        self->last = day;
    }
  lumbar_document_free (doc);
  return TRUE;
}

/**
 * lumbar_backup_get_error:
 *
 * Returns: (nullable): why the backup cannot be read, after
 *   lumbar_backup_read()
 */
const char *
lumbar_backup_get_error (LumbarBackup *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), NULL);
  return self->error;
}

guint
lumbar_backup_get_n_entries (LumbarBackup *self)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), 0);
  return self->n_entries;
}

/**
 * lumbar_backup_get_period:
 * @first: (out): the first day with an entry
 * @last: (out): the last day with an entry
 *
 * Returns: whether the backup was read and holds entries
 */
gboolean
lumbar_backup_get_period (LumbarBackup *self,
                          LumbarDay    *first,
                          LumbarDay    *last)
{
  g_return_val_if_fail (LUMBAR_IS_BACKUP (self), FALSE);

  if (self->n_entries == 0)
    return FALSE;
  *first = self->first;
  *last = self->last;
  return TRUE;
}
