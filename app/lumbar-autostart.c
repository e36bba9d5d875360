/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-autostart"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lumbar-autostart.h"
#include "lumbar-file.h"

/* Starting at login on the host, for reminders with no window open: an
 * XDG autostart entry that runs Lumbar as a service (DESIGN.md, "Settings
 * and reminders"). Inside a Flatpak sandbox the host's autostart folder is
 * out of reach; the application asks the Background portal instead. */

/* Not translated: the session reads it, nobody sees it in a menu. */
static const char autostart_entry[] =
  "[Desktop Entry]\n"
  "Type=Application\n"
  "Name=Lumbar\n"
  "Comment=Reminders to log back pain\n"
  "Exec=lumbar --gapplication-service\n"
  "Icon=" APPLICATION_ID "\n"
  "Terminal=false\n"
  "NoDisplay=true\n"
  "X-GNOME-Autostart-enabled=true\n";

/**
 * lumbar_autostart_dup_path:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/autostart/APPLICATION_ID.desktop`
 */
char *
lumbar_autostart_dup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

/**
 * lumbar_autostart_in_sandbox:
 *
 * Returns: whether Lumbar runs inside a Flatpak sandbox, where starting at
 *   login goes through the Background portal
 */
gboolean
lumbar_autostart_in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * lumbar_autostart_get_enabled:
 *
 * Returns: whether the autostart entry is there
 */
gboolean
lumbar_autostart_get_enabled (void)
{
  g_autofree char *path = lumbar_autostart_dup_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/**
 * lumbar_autostart_set_enabled:
 * @enabled: whether Lumbar starts at login
 * @error: why the entry could not be written or removed
 *
 * Writes the autostart entry (mode 0600) or removes it. An entry that is
 * already as it should be is left alone.
 *
 * Returns: whether the entry is now there exactly when @enabled
 */
gboolean
lumbar_autostart_set_enabled (gboolean   enabled,
                              GError   **error)
{
  g_autofree char *path = lumbar_autostart_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *current = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_file_get_contents (path, &current, NULL, NULL) &&
      strcmp (current, autostart_entry) == 0)
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  return lumbar_file_write_private (path, autostart_entry, strlen (autostart_entry), error);
}
