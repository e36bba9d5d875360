/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-cli-private.h"
#include "lumbar-error.h"
#include "lumbar-import-service.h"
#include "lumbar-import.h"
#include "lumbar-store.h"

/* lumbar --import FILE: only the lock holder writes the diary (DESIGN.md),
 * so a running app is handed the file; with none, the command line takes
 * the lock and merges itself. */

/* The application's object path, as GApplication derives it from the ID. */
static char *
dup_object_path (void)
{
  g_autofree char *path = g_strconcat ("/", APPLICATION_ID, NULL);

  g_strdelimit (path, ".", '/');
  g_strdelimit (path, "-", '_');
  return g_steal_pointer (&path);
}

/* The session bus when the app is on it, or NULL. */
static GDBusConnection *
find_running_app (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (connection == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned ? g_steal_pointer (&connection) : NULL;
}

static int
import_headless (const char *file)
{
  g_autoptr(LumbarStore) store = lumbar_store_new (NULL);
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
  g_autoptr(LumbarImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  LumbarDocument *doc;

  /* The file first: a bad one is refused before the diary is touched. */
  doc = lumbar_document_load_file (gfile, LUMBAR_PARSE_DEFAULT, &error);
  if (doc == NULL)
    {
      lumbar_cli_print_error (file, error);
      return LUMBAR_EXIT_INPUT;
    }

  if (!lumbar_store_load (store, &error) || lumbar_store_get_read_only (store))
    {
      const char *reason = error ? error->message : lumbar_store_get_read_only_reason (store);

      g_printerr ("lumbar: %s\n", reason ? reason : _("The diary is not open for changes."));
      lumbar_document_free (doc);
      return LUMBAR_EXIT_INPUT;
    }

  import = lumbar_import_new (lumbar_store_get_journal (store), doc, &error);
  lumbar_document_free (doc);
  if (import == NULL || !lumbar_import_apply (import, &error))
    {
      lumbar_cli_print_error (file, error);
      return LUMBAR_EXIT_INPUT;
    }
  if (!lumbar_store_flush (store, &error))
    {
      g_printerr ("lumbar: %s\n", error->message);
      return LUMBAR_EXIT_INPUT;
    }

  counts = lumbar_import_dup_counts (import);
  g_print ("%s\n", counts);
  return LUMBAR_EXIT_OK;
}

/**
 * lumbar_cli_run_import:
 * @file: the file to merge into the person's own diary
 *
 * Prints "N new, N already there, N conflicts" (DESIGN.md).
 *
 * Returns: the exit status
 */
int
lumbar_cli_run_import (const char *file)
{
  g_autoptr(GDBusConnection) connection = find_running_app ();
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *path = NULL;
  g_autofree char *object_path = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GError) error = NULL;

  if (connection == NULL)
    return import_headless (file);

  gfile = g_file_new_for_commandline_arg (file);
  path = g_file_get_path (gfile);
  if (path == NULL)
    {
      g_printerr ("%s: %s\n", file, _("not a local file"));
      return LUMBAR_EXIT_INPUT;
    }

  object_path = dup_object_path ();
  if (!lumbar_import_service_call (connection, APPLICATION_ID, object_path, path, &counts, &error))
    {
      g_printerr ("%s: %s\n", file, error->message);
      return LUMBAR_EXIT_INPUT;
    }
  g_print ("%s\n", counts);
  return LUMBAR_EXIT_OK;
}
