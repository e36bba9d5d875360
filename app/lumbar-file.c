/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-file"
/* fchmod(), fsync() and O_CLOEXEC under -std=c11 */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lumbar-file.h"

/* Every file Lumbar writes goes through here, so that every one of them is
 * health data readable only by its owner. g_file_set_contents_full() is not
 * enough: newer GLib (2.84, Debian 13) keeps the permissions of a file it
 * replaces, so an export over a 0644 file would stay 0644. */

/* The system's reason alone: every caller names the file the user knows,
 * and GLib's own messages would name the temporary one. */
static gboolean
fail (int          saved_errno,
      GError     **error)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder; the rename is done either way. */
  fsync (fd);
  close (fd);
}

/**
 * lumbar_file_write_private:
 * @path: the file to create or replace
 * @data: the bytes to write
 * @length: how many
 * @error: why the file could not be written: a %G_FILE_ERROR with the
 *   system's reason as its message, for the caller to put after the name
 *
 * Writes @data to @path atomically (a reader sees the old file or the whole
 * new one) and durably, in mode 0600 whatever the umask and whatever mode a
 * file it replaces had. The bytes go to "PATH.XXXXXX" beside @path first,
 * the name GLib's own atomic writes use, so the store's cleanup of
 * interrupted saves knows it.
 *
 * Returns: whether @path now holds @data
 */
gboolean
lumbar_file_write_private (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *temp_path = g_strconcat (path, ".XXXXXX", NULL);
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail (errno, error);

  /* g_mkstemp_full() creates 0600 less the umask; make it exactly 0600. */
  if (fchmod (fd, 0600) != 0 || !write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp_path);
      return fail (saved_errno, error);
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail (saved_errno, error);
    }
  if (g_rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail (saved_errno, error);
    }
  sync_directory (path);
  return TRUE;
}
