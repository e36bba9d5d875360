/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-patient-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-patient-list.h"

/* The Patients window's model: one #LumbarPatient per exported log, in
 * lumbar_patient_compare() order (red flags first). Files are read in a
 * worker, a batch at a time, and swapped in with one items-changed. A
 * folder is watched: a file added, changed or removed there is read again
 * or dropped. */

struct _LumbarPatientList
{
  GObject       parent_instance;

  GPtrArray    *patients;     /* sorted */
  GFile        *folder;
  GFileMonitor *monitor;
  GCancellable *cancellable;
  guint         n_loading;    /* batches being read */
  LumbarDay     today;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LumbarPatientList, lumbar_patient_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_RED_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return LUMBAR_TYPE_PATIENT;
}

static guint
get_n_items (GListModel *model)
{
  return LUMBAR_PATIENT_LIST (model)->patients->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LumbarPatientList *self = LUMBAR_PATIENT_LIST (model);

  if (position >= self->patients->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->patients, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
lumbar_patient_list_dispose (GObject *object)
{
  LumbarPatientList *self = LUMBAR_PATIENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (lumbar_patient_list_parent_class)->dispose (object);
}

static void
lumbar_patient_list_finalize (GObject *object)
{
  LumbarPatientList *self = LUMBAR_PATIENT_LIST (object);

  g_clear_pointer (&self->patients, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lumbar_patient_list_parent_class)->finalize (object);
}

static void
lumbar_patient_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LumbarPatientList *self = LUMBAR_PATIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, lumbar_patient_list_get_loading (self));
      break;
    case PROP_N_RED_FLAGS:
      g_value_set_uint (value, lumbar_patient_list_get_n_red_flags (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_patient_list_class_init (LumbarPatientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_patient_list_dispose;
  object_class->finalize = lumbar_patient_list_finalize;
  object_class->get_property = lumbar_patient_list_get_property;

  /**
   * LumbarPatientList:loading:
   *
   * Whether files are being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarPatientList:n-red-flags:
   *
   * How many patients have active red flags.
   */
  properties[PROP_N_RED_FLAGS] =
    g_param_spec_uint ("n-red-flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_patient_list_init (LumbarPatientList *self)
{
  self->patients = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->today = LUMBAR_DAY_INVALID;
}

/**
 * lumbar_patient_list_new:
 *
 * Returns: (transfer full): an empty list
 */
LumbarPatientList *
lumbar_patient_list_new (void)
{
  return g_object_new (LUMBAR_TYPE_PATIENT_LIST, NULL);
}

static int
compare_patients (gconstpointer a,
                  gconstpointer b)
{
  return lumbar_patient_compare (*(LumbarPatient **) a, *(LumbarPatient **) b);
}

static gint
find_file (LumbarPatientList *self,
           GFile             *file)
{
  for (guint i = 0; i < self->patients->len; i++)
    if (g_file_equal (lumbar_patient_get_file (g_ptr_array_index (self->patients, i)), file))
      return (gint) i;
  return -1;
}

/* Replaces the patients of the same files, adds the others, re-sorts and
 * tells the views once. */
static void
merge (LumbarPatientList *self,
       GPtrArray         *read)
{
  guint old_len = self->patients->len;
  guint old_red = lumbar_patient_list_get_n_red_flags (self);

  for (guint i = 0; i < read->len; i++)
    {
      LumbarPatient *patient = g_ptr_array_index (read, i);
      gint at = find_file (self, lumbar_patient_get_file (patient));

      if (at >= 0)
        {
          g_object_unref (g_ptr_array_index (self->patients, at));
          g_ptr_array_index (self->patients, at) = g_object_ref (patient);
        }
      else
        g_ptr_array_add (self->patients, g_object_ref (patient));
    }
  g_ptr_array_sort (self->patients, compare_patients);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->patients->len);
  if (old_red != lumbar_patient_list_get_n_red_flags (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RED_FLAGS]);
}

typedef struct {
  GPtrArray *files;   /* GFile */
  LumbarDay  today;
} Batch;

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->files);
  g_free (batch);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Batch *batch = task_data;
  GPtrArray *read = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < batch->files->len && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (read, lumbar_patient_new_for_file (g_ptr_array_index (batch->files, i), batch->today));
  g_task_return_pointer (task, read, (GDestroyNotify) g_ptr_array_unref);
}

static void
read_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LumbarPatientList *self = LUMBAR_PATIENT_LIST (source_object);
  g_autoptr(GPtrArray) read = g_task_propagate_pointer (G_TASK (result), NULL);

  if (read != NULL && !g_cancellable_is_cancelled (self->cancellable))
    merge (self, read);
  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
read_files (LumbarPatientList *self,
            GPtrArray         *files)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_done, NULL);
  Batch *batch = g_new0 (Batch, 1);

  batch->files = g_ptr_array_ref (files);
  batch->today = self->today != LUMBAR_DAY_INVALID ? self->today : lumbar_day_today ();
  g_task_set_source_tag (task, read_files);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_task_run_in_thread (task, read_thread);
}

/**
 * lumbar_patient_list_add_files:
 * @self: a list
 * @files: (array length=n_files): exported logs
 * @n_files: how many
 *
 * Reads @files in a worker and adds them (or updates those already in
 * the list).
 */
void
lumbar_patient_list_add_files (LumbarPatientList  *self,
                               GFile             **files,
                               guint               n_files)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (LUMBAR_IS_PATIENT_LIST (self));

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));
  if (list->len > 0)
    read_files (self, list);
}

/* Exported logs in a folder: JSON files, hidden ones left out. */
static gboolean
is_log_name (const char *name)
{
  return name[0] != '.' && g_str_has_suffix (name, ".json");
}

static void
remove_file (LumbarPatientList *self,
             GFile             *file)
{
  gint at = find_file (self, file);
  guint old_red;

  if (at < 0)
    return;
  old_red = lumbar_patient_list_get_n_red_flags (self);
  g_ptr_array_remove_index (self->patients, (guint) at);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) at, 1, 0);
  if (old_red != lumbar_patient_list_get_n_red_flags (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RED_FLAGS]);
}

static void
on_folder_changed (LumbarPatientList *self,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other ? g_file_get_basename (other) : NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      if (is_log_name (name))
        g_ptr_array_add (files, g_object_ref (file));
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      remove_file (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      remove_file (self, file);
      if (other != NULL && is_log_name (other_name))
        g_ptr_array_add (files, g_object_ref (other));
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      /* A file being written is read when it is done. */
      break;
    }
  if (files->len > 0)
    read_files (self, files);
}

/**
 * lumbar_patient_list_set_folder:
 * @self: an empty list
 * @folder: a folder of exported logs
 * @error: why the folder cannot be read
 *
 * Reads every JSON file in @folder (in a worker) and follows the folder:
 * a file added, changed or removed there is read again or dropped.
 *
 * Returns: whether the folder could be listed
 */
gboolean
lumbar_patient_list_set_folder (LumbarPatientList  *self,
                                GFile              *folder,
                                GError            **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  g_return_val_if_fail (LUMBAR_IS_PATIENT_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (self->folder == NULL, FALSE);

  /* Watch first, so a file added while listing is not missed. */
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self, G_CONNECT_SWAPPED);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return FALSE;
  self->folder = g_object_ref (folder);

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY && is_log_name (g_file_info_get_name (info)))
        g_ptr_array_add (files, g_file_get_child (folder, g_file_info_get_name (info)));
    }
  if (files->len > 0)
    read_files (self, files);
  return TRUE;
}

/**
 * lumbar_patient_list_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder followed
 */
GFile *
lumbar_patient_list_get_folder (LumbarPatientList *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT_LIST (self), NULL);
  return self->folder;
}

gboolean
lumbar_patient_list_get_loading (LumbarPatientList *self)
{
  g_return_val_if_fail (LUMBAR_IS_PATIENT_LIST (self), FALSE);
  return self->n_loading > 0;
}

/**
 * lumbar_patient_list_set_today:
 * @self: a list
 * @today: the local date for files that are not exports, or
 *   %LUMBAR_DAY_INVALID for the clock's
 *
 * For tests: exports are read as of their own day whatever this says.
 */
void
lumbar_patient_list_set_today (LumbarPatientList *self,
                               LumbarDay          today)
{
  g_return_if_fail (LUMBAR_IS_PATIENT_LIST (self));
  self->today = today;
}

guint
lumbar_patient_list_get_n_red_flags (LumbarPatientList *self)
{
  guint n = 0;

  g_return_val_if_fail (LUMBAR_IS_PATIENT_LIST (self), 0);

  for (guint i = 0; i < self->patients->len; i++)
    n += lumbar_patient_get_red_flags (g_ptr_array_index (self->patients, i));
  return n;
}
