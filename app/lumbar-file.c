/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-file"
/* fchmod(), fsync() and O_CLOEXEC under -std=c11 */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
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
 * lumbar_file_resolve_links:
 * @path: a file
 *
 * The file a write to @path lands in: @path itself, or, when @path is a
 * symbolic link (a diary kept in a synced folder), the file it points to,
 * so that the link stays a link.
 *
 * Returns: (transfer full): the path of that file
 */
char *
lumbar_file_resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  /* As many hops as the kernel follows before ELOOP. */
  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *directory = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (directory, target, NULL);

          g_free (target);
          target = g_steal_pointer (&joined);
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  return g_steal_pointer (&current);
}

/**
 * lumbar_file_dup_temp_prefix:
 * @path: a file Lumbar writes
 *
 * The name of the temporary files a write to @path uses, ".NAME.saving"
 * beside it; each write adds ".XXXXXX". Nothing else has these names, so
 * the store removes exactly these after an interrupted save and never a
 * file of the user's such as "journal.json.backup".
 *
 * Returns: (transfer full): the prefix's full path
 */
char *
lumbar_file_dup_temp_prefix (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".saving", NULL);

  return g_build_filename (directory, name, NULL);
}

/**
 * lumbar_file_is_temp_name:
 * @name: a file name in a folder
 * @base: the name of a file Lumbar writes in that folder
 *
 * Returns: whether @name is one of the temporary names of writes to @base:
 *   ".BASE.saving" or ".BASE.saving.XXXXXX" (six letters or digits)
 */
gboolean
lumbar_file_is_temp_name (const char *name,
                          const char *base)
{
  gsize base_len = strlen (base);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0)
    return FALSE;
  rest = name + 1 + base_len;
  if (!g_str_has_prefix (rest, ".saving"))
    return FALSE;
  rest += strlen (".saving");
  if (*rest == '\0')
    return TRUE;
  if (*rest != '.' || strlen (rest + 1) != 6)
    return FALSE;
  for (const char *p = rest + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
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
 * file it replaces had. The bytes go to ".NAME.saving.XXXXXX" beside the
 * file first (see lumbar_file_dup_temp_prefix()). When @path is a symbolic
 * link, the file it points to is replaced, in that file's folder, and the
 * link stays.
 *
 * Returns: whether @path now holds @data
 */
gboolean
lumbar_file_write_private (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *temp_path = NULL;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  target = lumbar_file_resolve_links (path);
  prefix = lumbar_file_dup_temp_prefix (target);
  temp_path = g_strconcat (prefix, ".XXXXXX", NULL);

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
  if (g_rename (temp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail (saved_errno, error);
    }
  sync_directory (target);
  return TRUE;
}
