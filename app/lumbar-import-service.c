/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-import-service"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-import-service.h"

/* `lumbar --import FILE` while the app runs: only the lock holder may
 * write the diary, so the command line hands the file to the running app
 * over the session bus and prints what the app answers. The app merges
 * without a preview (the person asked from a terminal) and shows a toast
 * with Undo; "imported" tells it to.
 *
 * A method of our own rather than GApplication's command-line forwarding:
 * that needs G_APPLICATION_HANDLES_COMMAND_LINE on the app, which would
 * route every launch (files, activation) through one handler. */

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" LUMBAR_IMPORT_SERVICE_INTERFACE "'>"
  "    <method name='ImportFile'>"
  "      <arg type='s' name='path' direction='in'/>"
  "      <arg type='s' name='counts' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _LumbarImportService
{
  GObject          parent_instance;

  LumbarStore     *store;
  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (LumbarImportService, lumbar_import_service, G_TYPE_OBJECT)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lumbar_import_service_dispose (GObject *object)
{
  LumbarImportService *self = LUMBAR_IMPORT_SERVICE (object);

  lumbar_import_service_unexport (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lumbar_import_service_parent_class)->dispose (object);
}

static void
lumbar_import_service_class_init (LumbarImportServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_import_service_dispose;

  /**
   * LumbarImportService::imported:
   * @import: the applied import, for its Undo
   * @path: the file as the command line named it
   *
   * The diary took a file handed in from the command line.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    LUMBAR_TYPE_IMPORT, G_TYPE_STRING);
}

static void
lumbar_import_service_init (LumbarImportService *self)
{
}

/**
 * lumbar_import_service_new:
 * @store: the person's own diary, loaded or not
 *
 * Returns: (transfer full): a service, not on any bus yet
 */
LumbarImportService *
lumbar_import_service_new (LumbarStore *store)
{
  LumbarImportService *self;

  g_return_val_if_fail (LUMBAR_IS_STORE (store), NULL);

  self = g_object_new (LUMBAR_TYPE_IMPORT_SERVICE, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Merges @path into the diary and saves it, or changes nothing. */
static char *
import_file (LumbarImportService  *self,
             const char           *path,
             GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LumbarImport) import = NULL;
  g_autoptr(GError) local_error = NULL;
  LumbarDocument *doc;

  /* The app reads the diary when its window is first shown; an app that
   * runs only review windows or as a service reads it now. */
  if (!lumbar_store_get_loaded (self->store))
    {
      if (lumbar_store_get_loading (self->store))
        {
          g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY,
                               _("Lumbar is still opening the diary; try again in a moment"));
          return NULL;
        }
      lumbar_store_load (self->store, NULL);
    }
  if (lumbar_store_get_read_only (self->store))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY, "%s",
                   lumbar_store_get_read_only_reason (self->store)
                     ? lumbar_store_get_read_only_reason (self->store)
                     : _("The diary is not open for changes."));
      return NULL;
    }

  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, error);
  if (doc == NULL)
    return NULL;
  import = lumbar_import_new (lumbar_store_get_journal (self->store), doc, error);
  lumbar_document_free (doc);
  if (import == NULL || !lumbar_import_apply (import, error))
    return NULL;

  /* Saved before the answer, so the counts printed are on disk. */
  if (!lumbar_store_flush (self->store, &local_error))
    {
      lumbar_import_undo (import, NULL);
      lumbar_store_flush (self->store, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_signal_emit (self, signals[IMPORTED], 0, import, path);
  return lumbar_import_dup_counts (import);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  LumbarImportService *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  const char *path;

  g_variant_get (parameters, "(&s)", &path);
  if (!g_path_is_absolute (path))
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                                     "the path must be absolute");
      return;
    }

  counts = import_file (self, path, &error);
  if (counts == NULL)
    g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                                   error->message);
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(s)", counts));
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

/**
 * lumbar_import_service_export:
 * @self: a service
 * @connection: the session bus the application registered on
 * @object_path: the application's object path
 * @error: why it could not be exported
 *
 * Offers ImportFile on @connection (from the application's dbus_register).
 *
 * Returns: whether it is exported
 */
gboolean
lumbar_import_service_export (LumbarImportService  *self,
                              GDBusConnection      *connection,
                              const char           *object_path,
                              GError              **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (LUMBAR_IS_IMPORT_SERVICE (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;
  self->registration_id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
lumbar_import_service_unexport (LumbarImportService *self)
{
  g_return_if_fail (LUMBAR_IS_IMPORT_SERVICE (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

/**
 * lumbar_import_service_call:
 * @connection: a session bus
 * @bus_name: the running application's name
 * @object_path: its object path
 * @path: an absolute path to the file to import
 * @counts: (out) (transfer full): "N new, N already there, N conflicts"
 * @error: the app's reason, as the app words it
 *
 * The command line's side: hands @path to the running app and waits for
 * the merge (and save) to finish.
 *
 * Returns: whether the app imported the file
 */
gboolean
lumbar_import_service_call (GDBusConnection  *connection,
                            const char       *bus_name,
                            const char       *object_path,
                            const char       *path,
                            char            **counts,
                            GError          **error)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (connection, bus_name, object_path, LUMBAR_IMPORT_SERVICE_INTERFACE,
                                       "ImportFile", g_variant_new ("(s)", path), G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, G_MAXINT, NULL, error);
  if (reply == NULL)
    {
      if (error != NULL && *error != NULL)
        g_dbus_error_strip_remote_error (*error);
      return FALSE;
    }
  g_variant_get (reply, "(s)", counts);
  return TRUE;
}
