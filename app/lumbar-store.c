/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-store"
/* flock(), lstat() and O_CLOEXEC under -std=c11 */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lumbar-backup.h"
#include "lumbar-document.h"
#include "lumbar-error.h"
#include "lumbar-file.h"
#include "lumbar-store.h"

/*
 * The diary on disk (DESIGN.md, "Storage promises"):
 *
 *   DIR/journal.json                     the diary, format 1
 *   DIR/journal.json.broken-YYYYMMDD-HHMMSS   a diary that failed to load, kept as it was
 *   DIR/timers.json                      running (and just stopped) timers
 *   DIR/lock                             flock()ed by the one process that writes
 *   DIR/backups/journal-YYYY-MM-DD.json  the diary as it was before that day's first save
 *
 * Loading and writing the diary run in worker threads; everything that
 * touches the journal model, the timers or a property runs on the main
 * context the store was created in.
 */

#define JOURNAL_NAME            "journal.json"
#define TIMERS_NAME             "timers.json"
#define BACKUPS_NAME            "backups"
#define BROKEN_INFIX            ".broken-"
#define N_BACKUPS_KEPT          14
#define DEFAULT_SAVE_DELAY_MS   300
#define DEFAULT_RETRY_DELAY_MS  3000
#define TIMERS_FORMAT_NAME      "lumbar-timers"
#define TIMERS_FORMAT_VERSION   1
#define TIMERS_MAX_SIZE         (256 * 1024)

/* lumbar_file_write_private() writes "NAME.XXXXXX" beside NAME (g_mkstemp). */

typedef struct {
  LumbarKind   kind;
  char        *id;        /* becomes the entry's id, so a stop is never logged twice */
  GDateTime   *start;     /* whole seconds, in the offset it was started with */
  LumbarEntry *entry;     /* once stopped: the entry on its way to the disk */
  guint64      revision;  /* the journal revision that first held @entry */
} Timer;

struct _LumbarStore
{
  GObject        parent_instance;

  char          *directory;
  char          *journal_path;
  char          *timers_path;
  char          *backups_dir;
  LumbarJournal *journal;
  GMainContext  *context;
  int            lock_fd;
  GPtrArray     *timers;

  guint          save_delay;
  guint          retry_delay;
  guint          failed_saves;  /* in a row, 0 after a save that worked */
  GSource       *save_source;
  GSource       *retry_source;
  gulong         changed_handler;
  guint64        saved_revision;  /* newest journal revision known to be on disk */

  /* Shared with save workers: one write at a time, never an older one last. */
  GMutex         write_mutex;
  guint64        disk_revision;

  char          *save_error;
  char          *broken_path;
  char          *restored_from;
  char          *read_only_reason;
  guint          n_skipped;

  guint          loading : 1;
  guint          loaded : 1;
  guint          tracking : 1;
  guint          saving : 1;
  guint          save_again : 1;
  guint          read_only : 1;
  guint          has_unsaved : 1;
};

G_DEFINE_FINAL_TYPE (LumbarStore, lumbar_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BROKEN_PATH,
  PROP_DIRECTORY,
  PROP_FAILED_SAVES,
  PROP_HAS_UNSAVED,
  PROP_JOURNAL,
  PROP_LOADED,
  PROP_N_SKIPPED,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_RESTORED_FROM,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_save (LumbarStore *self);
static void start_save    (LumbarStore *self);

/* ---------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------- */

static void
timer_free (Timer *timer)
{
  if (timer == NULL)
    return;
  g_free (timer->id);
  g_clear_pointer (&timer->start, g_date_time_unref);
  g_clear_object (&timer->entry);
  g_free (timer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Timer, timer_free)

static gboolean
is_timer_kind (LumbarKind kind)
{
  return kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE;
}

static char *
format_time (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Whether @name is "journal-YYYY-MM-DD.json" (a daily backup) or
 * "journal-YYYY-MM-DD-HHMMSS.json" (the diary as it was before a restore). */
static gboolean
is_backup_name (const char *name)
{
  gsize daily_len = strlen ("journal-YYYY-MM-DD.json");
  gsize len = strlen (name);
  char date[11];
  LumbarDay day;

  if (!g_str_has_prefix (name, "journal-") || !g_str_has_suffix (name, ".json"))
    return FALSE;
  if (len == daily_len + strlen ("-HHMMSS"))
    {
      for (gsize i = 0; i < 6; i++)
        if (!g_ascii_isdigit (name[strlen ("journal-YYYY-MM-DD-") + i]))
          return FALSE;
      if (name[strlen ("journal-YYYY-MM-DD")] != '-')
        return FALSE;
    }
  else if (len != daily_len)
    return FALSE;
  memcpy (date, name + strlen ("journal-"), 10);
  date[10] = '\0';
  return lumbar_day_parse (date, &day);
}

typedef struct {
  char     *name;
  gint64    mtime;
  gboolean  future;   /* written when the clock was ahead */
} Backup;

static void
backup_clear (Backup *backup)
{
  g_free (backup->name);
}

/* Newest written first. A clock that was set back leaves backups "from
 * the future": they rank below every honest one, so they neither replace
 * a newer diary on recovery nor push out the backup just written. */
static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const Backup *x = a, *y = b;

  if (x->future != y->future)
    return x->future ? 1 : -1;
  if (x->mtime != y->mtime)
    return x->mtime > y->mtime ? -1 : 1;
  return -strcmp (x->name, y->name);
}

/* Backups in @backups_dir, ranked by when they were written. */
static GArray *
list_backups (const char *backups_dir)
{
  g_autoptr(GArray) backups = g_array_new (FALSE, FALSE, sizeof (Backup));
  g_autoptr(GDir) dir = g_dir_open (backups_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  g_array_set_clear_func (backups, (GDestroyNotify) backup_clear);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      Backup backup;

      if (!is_backup_name (name))
        continue;
      path = g_build_filename (backups_dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      backup.name = g_strdup (name);
      backup.mtime = (gint64) st.st_mtime;
      /* A second's leeway for file systems that round times up. */
      backup.future = backup.mtime > now + 1;
      g_array_append_val (backups, backup);
    }
  g_array_sort (backups, compare_backups);
  return g_steal_pointer (&backups);
}

/* Removes what an interrupted save left in @directory: exactly the
 * temporary names of writes to one of @bases (see
 * lumbar_file_is_temp_name()); with @bases NULL, those of any backup. */
static void
remove_stale_temp_files (const char  *directory,
                         const char **bases)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      gboolean stale = FALSE;

      if (bases != NULL)
        {
          for (guint i = 0; bases[i] && !stale; i++)
            stale = lumbar_file_is_temp_name (name, bases[i]);
        }
      else if (name[0] == '.')
        {
          /* ".journal-….json.saving[.XXXXXX]" */
          const char *end = strstr (name, ".json.saving");
          g_autofree char *base = end ? g_strndup (name + 1, end + strlen (".json") - name - 1) : NULL;

          stale = base != NULL && is_backup_name (base) && lumbar_file_is_temp_name (name, base);
        }

      if (stale)
        {
          g_autofree char *path = g_build_filename (directory, name, NULL);
          GStatBuf st;

          if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
            {
              g_debug ("Removing %s, left by an interrupted save", path);
              g_unlink (path);
            }
        }
    }
}

/* Tightens a file's or folder's mode to @mode when it is looser. */
static void
restrict_mode (const char *path,
               int         mode)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && !S_ISLNK (st.st_mode) && (int) (st.st_mode & 07777) != mode)
    g_chmod (path, mode);
}

static gboolean
ensure_directory (const char  *path,
                  GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO,
                   /* Translators: %s is a folder, then the system's reason */
                   _("could not create the folder “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The common reasons a write fails, in plain words that stay the same from
 * one retry to the next (GLib's messages name the random temporary file);
 * GLib's own message for the rest. */
static const char *
describe_write_error (const GError *error)
{
  if (error->domain == G_FILE_ERROR)
    switch (error->code)
      {
      case G_FILE_ERROR_NOSPC:
        return _("the disk is full");
      case G_FILE_ERROR_ACCES:
      case G_FILE_ERROR_PERM:
        return _("Lumbar is not allowed to write to the diary’s folder");
      case G_FILE_ERROR_ROFS:
        return _("the disk is read-only");
      case G_FILE_ERROR_ISDIR:
        return _("a folder is in the place of the diary file");
      case G_FILE_ERROR_NOENT:
      case G_FILE_ERROR_NOTDIR:
        return _("the diary’s folder is missing");
      case G_FILE_ERROR_IO:
        return _("the disk reported an error");
      default:
        break;
      }
  return error->message;
}

static gboolean
diary_full (GError **error)
{
  g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
               /* Translators: %d is a number of entries, then of MiB */
               _("the diary is full (at most %'d entries or %d MiB): export older entries to a file to keep them, then delete them from the diary"),
               LUMBAR_MAX_ENTRIES, LUMBAR_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* Only the lock holder writes, and the lock is on the folder it opened: a
 * folder moved away and replaced while the app runs (a second instance
 * then locks the new one) must not be written through its old path. */
static gboolean
check_locked_folder (LumbarStore  *self,
                     GError      **error)
{
  GStatBuf here;
  struct stat locked;

  if (self->lock_fd < 0 || fstat (self->lock_fd, &locked) != 0)
    return TRUE;
  if (g_stat (self->directory, &here) == 0 && here.st_dev == locked.st_dev && here.st_ino == locked.st_ino)
    return TRUE;

  g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
                       _("the diary’s folder was moved or replaced while Lumbar was open, so nothing was "
                         "written there; to keep the new entries, export them before you close Lumbar"));
  return FALSE;
}

/* Serialises @entries, reads the bytes back and only then replaces @path. */
static gboolean
write_entries (const char  *path,
               GPtrArray   *entries,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  /* A file past the limits that every reader enforces could never be
   * opened again: say so, rather than that it did not read back. */
  if (entries->len > LUMBAR_MAX_ENTRIES)
    return diary_full (error);
  bytes = lumbar_entries_to_bytes (entries);
  data = g_bytes_get_data (bytes, &length);
  if (length > LUMBAR_MAX_FILE_SIZE)
    return diary_full (error);

  /* Every entry must read back equal to the one in memory. */
  if (!lumbar_document_verify (data, length, entries, NULL))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE, "%s",
                   _("the new version of the file did not read back correctly, so the old one was kept"));
      return FALSE;
    }

  return lumbar_file_write_private (path, data, length, error);
}

/* ---------------------------------------------------------------------------
 * timers.json
 * ------------------------------------------------------------------------- */

static GBytes *
timers_to_bytes (GPtrArray *timers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, TIMERS_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TIMERS_FORMAT_VERSION);
  json_builder_set_member_name (builder, "timers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timers->len; i++)
    {
      Timer *timer = g_ptr_array_index (timers, i);
      g_autofree char *start = format_time (timer->start);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, timer->id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, lumbar_kind_to_string (timer->kind));
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
      if (timer->entry != NULL)
        {
          /* Everything needed to log the session again after a crash. */
          json_builder_set_member_name (builder, "stopped");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "minutes");
          json_builder_add_int_value (builder, lumbar_entry_get_minutes (timer->entry));
          if (timer->kind == LUMBAR_KIND_INCLINE)
            {
              json_builder_set_member_name (builder, "support");
              json_builder_add_string_value (builder, lumbar_support_to_string (lumbar_entry_get_support (timer->entry)));
              json_builder_set_member_name (builder, "legs_supported");
              json_builder_add_boolean_value (builder, lumbar_entry_get_legs_supported (timer->entry));
              json_builder_set_member_name (builder, "knees_bent");
              json_builder_add_boolean_value (builder, lumbar_entry_get_knees_bent (timer->entry));
            }
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, lumbar_entry_get_note (timer->entry));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return lumbar_json_builder_to_bytes (builder, 2);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int_member (JsonObject *object,
                const char *name,
                gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool_member (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static Timer *
read_timer (JsonNode *node)
{
  g_autoptr(Timer) timer = g_new0 (Timer, 1);
  JsonObject *object, *stopped;
  const char *id, *kind, *start, *support;
  gint64 minutes;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);

  id = get_string_member (object, "id");
  kind = get_string_member (object, "kind");
  start = get_string_member (object, "start");
  if (id == NULL || *id == '\0' || kind == NULL || start == NULL ||
      !lumbar_kind_from_string (kind, &timer->kind) || !is_timer_kind (timer->kind))
    return NULL;
  timer->id = g_strdup (id);
  timer->start = g_date_time_new_from_iso8601 (start, NULL);
  if (timer->start == NULL)
    return NULL;

  if (!json_object_has_member (object, "stopped"))
    return g_steal_pointer (&timer);

  node = json_object_get_member (object, "stopped");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  stopped = json_node_get_object (node);

  timer->entry = lumbar_entry_new_bare (timer->kind);
  lumbar_entry_set_id (timer->entry, timer->id);
  lumbar_entry_set_date_time (timer->entry, timer->start);
  if (!get_int_member (stopped, "minutes", &minutes) ||
      minutes < LUMBAR_MINUTES_MIN || minutes > LUMBAR_MINUTES_MAX)
    return NULL;
  lumbar_entry_set_minutes (timer->entry, (int) minutes);
  if (timer->kind == LUMBAR_KIND_INCLINE)
    {
      LumbarSupport value = LUMBAR_SUPPORT_PILLOWS;

      support = get_string_member (stopped, "support");
      if (support != NULL && !lumbar_support_from_string (support, &value))
        return NULL;
      lumbar_entry_set_support (timer->entry, value);
      lumbar_entry_set_legs_supported (timer->entry, get_bool_member (stopped, "legs_supported"));
      lumbar_entry_set_knees_bent (timer->entry, get_bool_member (stopped, "knees_bent"));
    }
  lumbar_entry_set_note (timer->entry, get_string_member (stopped, "note"));
  if (!lumbar_entry_validate (timer->entry, NULL))
    return NULL;

  return g_steal_pointer (&timer);
}

/* Reads timers.json; a missing or unreadable file means no timers. Timers
 * are a convenience: losing a damaged file must not stop the diary loading. */
static GPtrArray *
read_timers (const char *path)
{
  g_autoptr(GPtrArray) timers = g_ptr_array_new_with_free_func ((GDestroyNotify) timer_free);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean seen[LUMBAR_N_KINDS] = { FALSE, };
  JsonObject *root;
  JsonArray *array;
  gsize length = 0;
  gint64 version;

  /* Only a regular file, and never more than a timers file can hold. */
  if (!lumbar_file_read_regular (path, TIMERS_MAX_SIZE, &contents, &length, &error) ||
      !lumbar_json_check_syntax (contents, length, NULL, &error))
    {
      g_debug ("Ignoring %s: %s", path, error->message);
      return g_steal_pointer (&timers);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, contents, (gssize) length, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_steal_pointer (&timers);

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (get_string_member (root, "format"), TIMERS_FORMAT_NAME) != 0 ||
      !get_int_member (root, "version", &version) || version != TIMERS_FORMAT_VERSION ||
      !json_object_has_member (root, "timers") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "timers")))
    return g_steal_pointer (&timers);

  array = json_object_get_array_member (root, "timers");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Timer *timer = read_timer (json_array_get_element (array, i));

      if (timer == NULL)
        continue;
      /* At most one running timer of each kind. */
      if (timer->entry == NULL && seen[timer->kind])
        {
          timer_free (timer);
          continue;
        }
      if (timer->entry == NULL)
        seen[timer->kind] = TRUE;
      g_ptr_array_add (timers, timer);
    }

  return g_steal_pointer (&timers);
}

static gboolean
write_timers (LumbarStore  *self,
              GError      **error)
{
  g_autoptr(GBytes) bytes = timers_to_bytes (self->timers);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert (!self->read_only);

  if (!check_locked_folder (self, error))
    return FALSE;
  if (!lumbar_file_write_private (self->timers_path, data, length, &local_error))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
                   /* Translators: %s is the system's reason */
                   _("Lumbar could not save the timer: %s"), describe_write_error (local_error));
      return FALSE;
    }
  return TRUE;
}

static Timer *
find_running_timer (LumbarStore *self,
                    LumbarKind   kind)
{
  for (guint i = 0; i < self->timers->len; i++)
    {
      Timer *timer = g_ptr_array_index (self->timers, i);

      if (timer->kind == kind && timer->entry == NULL)
        return timer;
    }
  return NULL;
}

/* Once the journal on disk holds a stopped timer's entry, the timer can go. */
static void
forget_saved_timers (LumbarStore *self)
{
  gboolean changed = FALSE;

  for (guint i = self->timers->len; i > 0; i--)
    {
      Timer *timer = g_ptr_array_index (self->timers, i - 1);

      if (timer->entry != NULL && timer->revision <= self->saved_revision)
        {
          g_ptr_array_remove_index (self->timers, i - 1);
          changed = TRUE;
        }
    }

  if (changed && !self->read_only)
    {
      g_autoptr(GError) error = NULL;

      /* If this fails the marker stays; the next start sees the entry in the
       * journal and drops it then. */
      if (!write_timers (self, &error))
        g_debug ("%s", error->message);
    }
}

/* ---------------------------------------------------------------------------
 * Properties
 * ------------------------------------------------------------------------- */

static void
set_bool (LumbarStore *self,
          gboolean     value,
          guint        prop)
{
  gboolean old = FALSE;

  value = !!value;
  switch (prop)
    {
    case PROP_LOADED:      old = self->loaded;      self->loaded = value;      break;
    case PROP_READ_ONLY:   old = self->read_only;   self->read_only = value;   break;
    case PROP_HAS_UNSAVED: old = self->has_unsaved; self->has_unsaved = value; break;
    default:
      g_assert_not_reached ();
    }
  if (old != value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (LumbarStore  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_failed_saves (LumbarStore *self,
                  guint        value)
{
  if (self->failed_saves == value)
    return;
  self->failed_saves = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_SAVES]);
}

static void
update_has_unsaved (LumbarStore *self)
{
  set_bool (self,
            self->tracking && lumbar_journal_get_revision (self->journal) > self->saved_revision,
            PROP_HAS_UNSAVED);
}

/* ---------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------- */

typedef struct {
  LumbarStore *self;      /* kept alive by the task's callback data */
  GPtrArray   *entries;   /* snapshot; entries in a journal never change */
  guint64      revision;
  char        *journal_path;
  char        *backups_dir;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_free (job->journal_path);
  g_free (job->backups_dir);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Only a reference per entry is taken on the main thread; serialising,
 * reading back and writing happen in the worker. */
static SaveJob *
save_job_new (LumbarStore *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = self;
  job->entries = lumbar_journal_dup_entries (self->journal);
  job->revision = lumbar_journal_get_revision (self->journal);
  job->journal_path = g_strdup (self->journal_path);
  job->backups_dir = g_strdup (self->backups_dir);
  return job;
}

/* Keeps the N_BACKUPS_KEPT most recently written backups, and always
 * @just_written. */
static void
rotate_backups (const char *backups_dir,
                const char *just_written)
{
  g_autoptr(GArray) backups = list_backups (backups_dir);
  guint kept = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      const Backup *backup = &g_array_index (backups, Backup, i);

      if (g_strcmp0 (backup->name, just_written) == 0)
        continue;
      /* A place is left for the one just written. */
      if (kept < N_BACKUPS_KEPT - (just_written ? 1 : 0))
        kept++;
      else
        {
          g_autofree char *path = g_build_filename (backups_dir, backup->name, NULL);

          g_unlink (path);
        }
    }
}

/* Before the first save of each (local) day, the file as it is now goes to
 * backups/journal-YYYY-MM-DD.json. The backup of the day existing is what
 * says the day's first save happened, so restarts do not matter. */
static gboolean
make_daily_backup (const char  *journal_path,
                   const char  *backups_dir,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "journal-%Y-%m-%d.json");
  g_autofree char *path = g_build_filename (backups_dir, name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!lumbar_file_read_regular (journal_path, LUMBAR_MAX_FILE_SIZE, &contents, &length, &local_error))
    {
      /* No diary on disk yet: nothing to keep. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
                   /* Translators: %s is the system's reason */
                   _("the daily backup could not be made: %s"), describe_write_error (local_error));
      return FALSE;
    }

  if (!ensure_directory (backups_dir, &local_error) ||
      !lumbar_file_write_private (path, contents, length, &local_error))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
                   _("the daily backup could not be made: %s"), describe_write_error (local_error));
      return FALSE;
    }
  restrict_mode (backups_dir, 0700);

  rotate_backups (backups_dir, name);
  return TRUE;
}

/* Runs in a worker (autosave) or on the main thread (flush). */
static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  LumbarStore *self = job->self;
  g_autoptr(GMutexLocker) locker = NULL;

  locker = g_mutex_locker_new (&self->write_mutex);

  /* A newer snapshot reached the disk first (a flush during an autosave):
   * writing this one would put older data back. */
  if (job->revision <= self->disk_revision)
    return TRUE;

  if (!check_locked_folder (self, error))
    return FALSE;
  if (!make_daily_backup (job->journal_path, job->backups_dir, error))
    return FALSE;
  if (!write_entries (job->journal_path, job->entries, error))
    return FALSE;

  self->disk_revision = job->revision;
  return TRUE;
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static GSource *
add_timeout (LumbarStore *self,
             guint        milliseconds,
             GSourceFunc  func,
             const char  *name)
{
  GSource *source = g_timeout_source_new (milliseconds);

  g_source_set_callback (source, func, self, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, self->context);
  return source;
}

static void
save_succeeded (LumbarStore *self,
                guint64      revision)
{
  self->saved_revision = MAX (self->saved_revision, revision);
  if (self->saved_revision >= lumbar_journal_get_revision (self->journal))
    clear_source (&self->retry_source);
  set_string (self, &self->save_error, NULL, PROP_SAVE_ERROR);
  set_failed_saves (self, 0);
  update_has_unsaved (self);
  forget_saved_timers (self);
}

static gboolean
retry_cb (gpointer data)
{
  LumbarStore *self = data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
save_failed (LumbarStore *self,
             guint64      revision,
             GError      *error)
{
  g_autofree char *message = NULL;

  /* Superseded by a newer save that worked. */
  if (revision <= self->saved_revision)
    return;

  message = g_strdup_printf (/* Translators: %s is why, e.g. "No space left on device" */
                             _("Your diary could not be saved: %s. Your entries are kept while Lumbar is open, and saving is tried again every few seconds."),
                             describe_write_error (error));
  set_string (self, &self->save_error, message, PROP_SAVE_ERROR);
  set_failed_saves (self, self->failed_saves + 1);

  if (self->retry_source == NULL)
    self->retry_source = add_timeout (self, self->retry_delay, retry_cb, "[lumbar] save retry");
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  /* Returning is the last thing: the store is only kept alive until the
   * callback has run. */
  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LumbarStore) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_succeeded (self, job->revision);
  else
    save_failed (self, job->revision, error);

  /* Changes made during the save. */
  if (self->save_again)
    {
      self->save_again = FALSE;
      start_save (self);
    }
  else if (self->save_error == NULL && self->has_unsaved)
    schedule_save (self);
}

static void
start_save (LumbarStore *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->loaded || self->read_only || !self->has_unsaved)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  self->saving = TRUE;
  task = g_task_new (NULL, NULL, save_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, save_job_new (self), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout_cb (gpointer data)
{
  LumbarStore *self = data;

  g_clear_pointer (&self->save_source, g_source_unref);
  start_save (self);
  return G_SOURCE_REMOVE;
}

/* The delay counts from the first change, not the last, so a stream of
 * changes cannot hold the save off. */
static void
schedule_save (LumbarStore *self)
{
  if (self->save_source != NULL || self->read_only || !self->loaded)
    return;
  self->save_source = add_timeout (self, self->save_delay, save_timeout_cb, "[lumbar] autosave");
}

static void
journal_items_changed_cb (LumbarStore *self)
{
  update_has_unsaved (self);
  if (self->has_unsaved)
    schedule_save (self);
}

/* ---------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

typedef struct {
  char      *directory;
  char      *journal_path;
  char      *timers_path;
  char      *backups_dir;

  int        lock_fd;           /* -1 unless this process may write */
  char      *read_only_reason;
  GPtrArray *entries;
  LumbarJournal *prepared;      /* the entries, indexed in the worker */
  guint      n_skipped;
  char      *broken_path;
  char      *restored_from;
  gboolean   on_disk;           /* journal.json holds what was loaded */
  GPtrArray *timers;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  if (job->lock_fd >= 0)
    close (job->lock_fd);
  g_free (job->directory);
  g_free (job->journal_path);
  g_free (job->timers_path);
  g_free (job->backups_dir);
  g_free (job->read_only_reason);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_object (&job->prepared);
  g_free (job->broken_path);
  g_free (job->restored_from);
  g_clear_pointer (&job->timers, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

static LoadJob *
load_job_new (LumbarStore *self)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->directory = g_strdup (self->directory);
  job->journal_path = g_strdup (self->journal_path);
  job->timers_path = g_strdup (self->timers_path);
  job->backups_dir = g_strdup (self->backups_dir);
  job->lock_fd = -1;
  job->on_disk = TRUE;
  return job;
}

static void
take_lock (LoadJob *job)
{
  int fd, saved_errno;

  /* The lock is on the folder itself: a lock file could be deleted while
   * the app runs, and a second instance would then lock a new one and
   * write too. A folder that holds the diary cannot be removed. */
  fd = open (job->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      saved_errno = errno;
      job->read_only_reason =
        g_strdup_printf (/* Translators: %s is the system's reason */
                         _("Lumbar cannot write to the diary’s folder (%s), so this window only shows the diary."),
                         g_strerror (saved_errno));
      return;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      saved_errno = errno;
      close (fd);
      if (saved_errno == EWOULDBLOCK)
        job->read_only_reason = g_strdup (_("Another Lumbar window is already open, so this one only shows the diary. Make changes in the other window."));
      else
        job->read_only_reason =
          g_strdup_printf (_("Lumbar cannot write to the diary’s folder (%s), so this window only shows the diary."),
                           g_strerror (saved_errno));
      return;
    }

  job->lock_fd = fd;
}

/* Renames the diary to journal.json.broken-YYYYMMDD-HHMMSS: its bytes stay
 * as they were, and the name says when it was found broken. */
static gboolean
move_aside (LoadJob  *job,
            GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_strconcat (job->journal_path, BROKEN_INFIX, stamp, NULL);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s" BROKEN_INFIX "%s-%u", job->journal_path, stamp, n);
    }

  if (g_rename (job->journal_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO, "%s", g_strerror (saved_errno));
      return FALSE;
    }

  job->broken_path = g_steal_pointer (&path);
  return TRUE;
}

/* The newest backup that loads, or none. */
static void
load_newest_backup (LoadJob *job)
{
  g_autoptr(GArray) backups = list_backups (job->backups_dir);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *path = g_build_filename (job->backups_dir, g_array_index (backups, Backup, i).name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(LumbarDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &error);
      if (doc == NULL)
        {
          g_debug ("Skipping backup %s: %s", path, error->message);
          continue;
        }

      g_clear_pointer (&job->entries, g_ptr_array_unref);
      job->entries = g_ptr_array_ref (doc->entries);
      job->restored_from = g_steal_pointer (&path);
      return;
    }
}

static gboolean
load_job_read (LoadJob  *job,
               GError  **error)
{
  const char *temp_bases[] = { JOURNAL_NAME, TIMERS_NAME, NULL };
  g_autoptr(GFile) file = NULL;
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean locked;
  GStatBuf st;

  job->entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ensure_directory (job->directory, error))
    return FALSE;

  take_lock (job);
  locked = job->lock_fd >= 0;

  if (locked)
    {
      g_autofree char *target = lumbar_file_resolve_links (job->journal_path);

      restrict_mode (job->directory, 0700);
      remove_stale_temp_files (job->directory, temp_bases);
      remove_stale_temp_files (job->backups_dir, NULL);

      /* A diary that is a link is saved in its target's folder. */
      if (g_strcmp0 (target, job->journal_path) != 0)
        {
          g_autofree char *directory = g_path_get_dirname (target);
          g_autofree char *base = g_path_get_basename (target);
          const char *bases[2] = { base, NULL };

          remove_stale_temp_files (directory, bases);
        }
    }

  job->timers = read_timers (job->timers_path);

  if (g_lstat (job->journal_path, &st) != 0 && errno == ENOENT)
    return TRUE;  /* a new diary */

  file = g_file_new_for_path (job->journal_path);
  doc = lumbar_document_load_file (file, LUMBAR_PARSE_ALLOW_NEWER, &local_error);

  if (doc == NULL &&
      !g_error_matches (local_error, LUMBAR_ERROR, LUMBAR_ERROR_PARSE) &&
      !g_error_matches (local_error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR) &&
      !g_error_matches (local_error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE))
    {
      /* Not the content but the file system (permissions, a folder in its
       * place): moving or replacing the file could lose it. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (doc == NULL)
    {
      /* Broken: keep the bytes under another name and fall back on the
       * newest backup that loads. */
      g_debug ("%s: %s", job->journal_path, local_error->message);
      if (locked)
        {
          g_autoptr(GError) move_error = NULL;

          if (!move_aside (job, &move_error))
            {
              job->read_only_reason =
                g_strdup_printf (/* Translators: %s is the system's reason */
                                 _("Your diary could not be read, and Lumbar could not move it aside (%s). It will not be changed."),
                                 move_error->message);
              close (job->lock_fd);
              job->lock_fd = -1;
              locked = FALSE;
            }
        }

      load_newest_backup (job);
      if (locked && job->restored_from != NULL)
        job->on_disk = write_entries (job->journal_path, job->entries, NULL);
      return TRUE;
    }

  g_clear_pointer (&job->entries, g_ptr_array_unref);
  job->entries = g_ptr_array_ref (doc->entries);
  job->n_skipped = doc->problems->len;

  if (doc->version > LUMBAR_FORMAT_VERSION)
    {
      if (job->read_only_reason == NULL)
        job->read_only_reason = g_strdup (_("Your diary was saved by a newer version of Lumbar. This version shows what it can, but does not change the file."));
      return TRUE;
    }

  if (locked)
    restrict_mode (job->journal_path, 0600);

  if (job->n_skipped > 0 && locked)
    {
      g_autoptr(GError) move_error = NULL;

      /* Saving would silently drop the entries that could not be read:
       * keep the original file whole, then write what was read. */
      if (!move_aside (job, &move_error))
        {
          job->read_only_reason =
            g_strdup_printf (_("Parts of your diary could not be read, and Lumbar could not move it aside (%s). It will not be changed."),
                             move_error->message);
          close (job->lock_fd);
          job->lock_fd = -1;
          return TRUE;
        }
      job->on_disk = write_entries (job->journal_path, job->entries, NULL);
    }

  return TRUE;
}

static gboolean
load_job_run (LoadJob  *job,
              GError  **error)
{
  if (!load_job_read (job, error))
    return FALSE;

  /* Checking ids and indexing grow with the diary: do them here, so that
   * the main context only swaps the result in. */
  job->prepared = lumbar_journal_new ();
  lumbar_journal_set_entries (job->prepared, job->entries);
  return TRUE;
}

/* Back on the main context: hand the results to the journal and properties. */
static void
apply_load (LumbarStore *self,
            LoadJob     *job,
            GError      *error)
{
  g_object_freeze_notify (G_OBJECT (self));

  self->loading = FALSE;
  self->lock_fd = job->lock_fd;
  job->lock_fd = -1;

  if (error != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (/* Translators: %s is why, e.g. "Permission denied" */
                         _("Your diary could not be opened: %s. Lumbar will not change it."),
                         error->message);

      if (self->lock_fd >= 0)
        {
          close (self->lock_fd);
          self->lock_fd = -1;
        }
      set_string (self, &self->read_only_reason, reason, PROP_READ_ONLY_REASON);
      set_bool (self, TRUE, PROP_READ_ONLY);
      self->saved_revision = lumbar_journal_get_revision (self->journal);
      self->tracking = TRUE;
      self->changed_handler = g_signal_connect_swapped (self->journal, "items-changed",
                                                        G_CALLBACK (journal_items_changed_cb), self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  lumbar_journal_take_entries (self->journal, job->prepared);
  g_ptr_array_extend_and_steal (self->timers, g_steal_pointer (&job->timers));

  set_string (self, &self->read_only_reason, job->read_only_reason, PROP_READ_ONLY_REASON);
  set_bool (self, job->read_only_reason != NULL, PROP_READ_ONLY);
  set_string (self, &self->broken_path, job->broken_path, PROP_BROKEN_PATH);
  set_string (self, &self->restored_from, job->restored_from, PROP_RESTORED_FROM);
  if (self->n_skipped != job->n_skipped)
    {
      self->n_skipped = job->n_skipped;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKIPPED]);
    }

  self->saved_revision = job->on_disk ? lumbar_journal_get_revision (self->journal) : 0;
  g_mutex_lock (&self->write_mutex);
  self->disk_revision = self->saved_revision;
  g_mutex_unlock (&self->write_mutex);

  self->tracking = TRUE;
  self->changed_handler = g_signal_connect_swapped (self->journal, "items-changed",
                                                    G_CALLBACK (journal_items_changed_cb), self);
  set_bool (self, TRUE, PROP_LOADED);

  if (!self->read_only)
    {
      gboolean timers_changed = FALSE;

      /* Stopped timers from a run that ended before their entry reached the
       * disk: log the entry now. Those already in the journal are done. */
      for (guint i = self->timers->len; i > 0; i--)
        {
          Timer *timer = g_ptr_array_index (self->timers, i - 1);

          if (timer->entry == NULL && lumbar_journal_lookup (self->journal, timer->id) == NULL)
            continue;

          if (timer->entry != NULL && lumbar_journal_lookup (self->journal, timer->id) == NULL &&
              lumbar_journal_add (self->journal, timer->entry, NULL))
            {
              timer->revision = lumbar_journal_get_revision (self->journal);
              continue;
            }

          g_ptr_array_remove_index (self->timers, i - 1);
          timers_changed = TRUE;
        }

      if (timers_changed)
        {
          g_autoptr(GError) timers_error = NULL;

          if (!write_timers (self, &timers_error))
            g_debug ("%s", timers_error->message);
        }
    }

  update_has_unsaved (self);
  if (self->has_unsaved)
    schedule_save (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_thread_done_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  LumbarStore *self = g_task_get_source_object (outer);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  apply_load (self, job, error);

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
lumbar_store_constructed (GObject *object)
{
  LumbarStore *self = (LumbarStore *) object;

  G_OBJECT_CLASS (lumbar_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = lumbar_store_dup_default_directory ();
  self->journal_path = g_build_filename (self->directory, JOURNAL_NAME, NULL);
  self->timers_path = g_build_filename (self->directory, TIMERS_NAME, NULL);
  self->backups_dir = g_build_filename (self->directory, BACKUPS_NAME, NULL);
}

static void
lumbar_store_dispose (GObject *object)
{
  LumbarStore *self = (LumbarStore *) object;

  clear_source (&self->save_source);
  clear_source (&self->retry_source);

  /* The application flushes on quit; this is the safety net for a store
   * dropped with changes still waiting for the autosave. */
  if (self->loaded && !self->read_only && self->journal != NULL &&
      lumbar_journal_get_revision (self->journal) > self->saved_revision)
    {
      g_autoptr(SaveJob) job = save_job_new (self);
      g_autoptr(GError) error = NULL;

      if (save_job_run (job, &error))
        self->saved_revision = job->revision;
      else
        g_debug ("Final save failed: %s", error->message);
    }

  if (self->journal != NULL)
    g_clear_signal_handler (&self->changed_handler, self->journal);

  G_OBJECT_CLASS (lumbar_store_parent_class)->dispose (object);
}

static void
lumbar_store_finalize (GObject *object)
{
  LumbarStore *self = (LumbarStore *) object;

  /* Closing the descriptor releases the lock. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);

  g_free (self->directory);
  g_free (self->journal_path);
  g_free (self->timers_path);
  g_free (self->backups_dir);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->timers, g_ptr_array_unref);
  g_free (self->save_error);
  g_free (self->broken_path);
  g_free (self->restored_from);
  g_free (self->read_only_reason);
  g_mutex_clear (&self->write_mutex);

  G_OBJECT_CLASS (lumbar_store_parent_class)->finalize (object);
}

static void
lumbar_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LumbarStore *self = LUMBAR_STORE (object);

  switch (prop_id)
    {
    case PROP_BROKEN_PATH:
      g_value_set_string (value, self->broken_path);
      break;
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_FAILED_SAVES:
      g_value_set_uint (value, self->failed_saves);
      break;
    case PROP_HAS_UNSAVED:
      g_value_set_boolean (value, self->has_unsaved);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->n_skipped);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;
    case PROP_RESTORED_FROM:
      g_value_set_string (value, self->restored_from);
      break;
    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LumbarStore *self = LUMBAR_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_store_class_init (LumbarStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lumbar_store_constructed;
  object_class->dispose = lumbar_store_dispose;
  object_class->finalize = lumbar_store_finalize;
  object_class->get_property = lumbar_store_get_property;
  object_class->set_property = lumbar_store_set_property;

  /* Where the diary that failed to load was moved, or %NULL. */
  properties[PROP_BROKEN_PATH] = g_param_spec_string ("broken-path", NULL, NULL, NULL, ro);
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Saves that failed in a row (each retry counts); 0 once one works. */
  properties[PROP_FAILED_SAVES] = g_param_spec_uint ("failed-saves", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HAS_UNSAVED] = g_param_spec_boolean ("has-unsaved", NULL, NULL, FALSE, ro);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
  /* Entries of the user's own diary that could not be read and were left out. */
  properties[PROP_N_SKIPPED] = g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY_REASON] = g_param_spec_string ("read-only-reason", NULL, NULL, NULL, ro);
  /* The backup loaded in place of a broken diary, or %NULL. */
  properties[PROP_RESTORED_FROM] = g_param_spec_string ("restored-from", NULL, NULL, NULL, ro);
  properties[PROP_SAVE_ERROR] = g_param_spec_string ("save-error", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_store_init (LumbarStore *self)
{
  self->journal = lumbar_journal_new ();
  self->context = g_main_context_ref_thread_default ();
  self->lock_fd = -1;
  self->timers = g_ptr_array_new_with_free_func ((GDestroyNotify) timer_free);
  self->save_delay = DEFAULT_SAVE_DELAY_MS;
  self->retry_delay = DEFAULT_RETRY_DELAY_MS;
  g_mutex_init (&self->write_mutex);
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

/**
 * lumbar_store_dup_default_directory:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/lumbar`
 */
char *
lumbar_store_dup_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "lumbar", NULL);
}

/**
 * lumbar_store_dup_default_journal_path:
 *
 * Returns: (transfer full): the user's journal.json, which the command line
 *   reads and never writes
 */
char *
lumbar_store_dup_default_journal_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lumbar", JOURNAL_NAME, NULL);
}

/**
 * lumbar_store_new:
 * @directory: (nullable): the folder holding journal.json, or %NULL for
 *   lumbar_store_dup_default_directory()
 *
 * Creates a store. Nothing is read or written before lumbar_store_load()
 * or lumbar_store_load_async().
 *
 * Returns: (transfer full): a new store
 */
LumbarStore *
lumbar_store_new (const char *directory)
{
  return g_object_new (LUMBAR_TYPE_STORE, "directory", directory, NULL);
}

const char *
lumbar_store_get_directory (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->directory;
}

char *
lumbar_store_dup_journal_path (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return g_strdup (self->journal_path);
}

/**
 * lumbar_store_get_journal:
 *
 * The journal is the same object for the store's lifetime; it is filled
 * when loading completes.
 *
 * Returns: (transfer none): the journal
 */
LumbarJournal *
lumbar_store_get_journal (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->journal;
}

/**
 * lumbar_store_load:
 * @self: a store
 * @error: why the diary could not be opened
 *
 * Loads the diary on the calling thread. A diary that is broken is not an
 * error: it is moved aside and the newest good backup is loaded (see
 * #LumbarStore:broken-path and #LumbarStore:restored-from). The store is
 * read-only when another process holds the lock, when the file comes from a
 * newer version, or when loading fails.
 *
 * Returns: %FALSE if the diary could not be opened at all
 */
gboolean
lumbar_store_load (LumbarStore  *self,
                   GError      **error)
{
  g_autoptr(LoadJob) job = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->loading && !self->loaded && !self->tracking, FALSE);

  self->loading = TRUE;
  job = load_job_new (self);
  load_job_run (job, &local_error);
  apply_load (self, job, local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * lumbar_store_load_async:
 * @self: a store
 * @cancellable: (nullable): a cancellable
 * @callback: called on the current thread-default main context when done
 * @user_data: data for @callback
 *
 * Like lumbar_store_load(), but reads and parses in a worker thread; the
 * journal is filled on the calling thread's main context before @callback
 * runs, whether or not lumbar_store_load_finish() is called.
 */
void
lumbar_store_load_async (LumbarStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (LUMBAR_IS_STORE (self));
  g_return_if_fail (!self->loading && !self->loaded && !self->tracking);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lumbar_store_load_async);

  self->loading = TRUE;
  inner = g_task_new (NULL, NULL, load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, lumbar_store_load_async);
  g_task_set_task_data (inner, load_job_new (self), (GDestroyNotify) load_job_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
lumbar_store_load_finish (LumbarStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
lumbar_store_get_loaded (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  return self->loaded;
}

gboolean
lumbar_store_get_read_only (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * lumbar_store_get_has_unsaved:
 *
 * Returns: whether the journal holds changes that are not on disk yet
 *   (also when the store is read-only and they never will be)
 */
gboolean
lumbar_store_get_has_unsaved (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  return self->has_unsaved;
}

/**
 * lumbar_store_get_failed_saves:
 *
 * Returns: how many saves in a row have failed, retries included; 0 once
 *   one works
 */
guint
lumbar_store_get_failed_saves (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), 0);
  return self->failed_saves;
}

/**
 * lumbar_store_get_save_error:
 *
 * Returns: (nullable): a sentence for the user saying why the last save
 *   failed, or %NULL while saving works
 */
const char *
lumbar_store_get_save_error (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->save_error;
}

const char *
lumbar_store_get_broken_path (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->broken_path;
}

const char *
lumbar_store_get_restored_from (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->restored_from;
}

const char *
lumbar_store_get_read_only_reason (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  return self->read_only_reason;
}

guint
lumbar_store_get_n_skipped (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), 0);
  return self->n_skipped;
}

static gboolean
check_writable (LumbarStore  *self,
                GError      **error)
{
  if (!self->loaded || self->read_only)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_READ_ONLY, "%s",
                   self->read_only_reason ? self->read_only_reason
                                          : _("The diary is not open for changes."));
      return FALSE;
    }
  return TRUE;
}

/**
 * lumbar_store_get_loading:
 *
 * Returns: whether a load has started and not finished
 */
gboolean
lumbar_store_get_loading (LumbarStore *self)
{
  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  return self->loading;
}

/**
 * lumbar_store_list_backups:
 * @self: a store
 *
 * The backups of the diary, most recently written first (the order
 * recovery tries them in). They are not read yet: call
 * lumbar_backup_read() on each, from a worker for long diaries.
 *
 * Returns: (transfer full): a list model of #LumbarBackup
 */
GListModel *
lumbar_store_list_backups (LumbarStore *self)
{
  g_autoptr(GArray) backups = NULL;
  GListStore *list;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);

  list = g_list_store_new (LUMBAR_TYPE_BACKUP);
  backups = list_backups (self->backups_dir);
  for (guint i = 0; i < backups->len; i++)
    {
      const Backup *backup = &g_array_index (backups, Backup, i);
      g_autofree char *path = g_build_filename (self->backups_dir, backup->name, NULL);
      g_autoptr(GDateTime) written = g_date_time_new_from_unix_local (backup->mtime);
      g_autoptr(LumbarBackup) item = NULL;

      if (written == NULL)
        continue;
      item = lumbar_backup_new (path, written);
      g_list_store_append (list, item);
    }
  return G_LIST_MODEL (list);
}

/**
 * lumbar_store_restore_backup:
 * @self: a loaded, writable store
 * @path: a backup (or any diary file) to make the diary
 * @saved_as: (out) (optional) (transfer full): where the diary as it was
 *   before was saved
 * @error: why nothing changed
 *
 * Makes the diary what @path holds. The diary as it is now, unsaved
 * changes included, is first written to
 * backups/journal-YYYY-MM-DD-HHMMSS.json (one of the fourteen kept), so a
 * restore can itself be undone from the Backups window.
 *
 * Returns: whether the diary was restored and saved
 */
gboolean
lumbar_store_restore_backup (LumbarStore  *self,
                             const char   *path,
                             char        **saved_as,
                             GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *aside = NULL;
  LumbarDocument *doc;
  gsize length;
  const char *data;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_writable (self, error) || !check_locked_folder (self, error))
    return FALSE;

  file = g_file_new_for_path (path);
  doc = lumbar_document_load_file (file, LUMBAR_PARSE_DEFAULT, &local_error);
  if (doc == NULL)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_IO,
                   /* Translators: %s says why the backup cannot be read */
                   _("The backup cannot be read: %s"), local_error->message);
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  name = g_date_time_format (now, "journal-%Y-%m-%d-%H%M%S.json");
  aside = g_build_filename (self->backups_dir, name, NULL);
  current = lumbar_journal_dup_entries (self->journal);
  bytes = lumbar_entries_to_bytes (current);
  data = g_bytes_get_data (bytes, &length);
  if (!ensure_directory (self->backups_dir, &local_error) ||
      !lumbar_file_write_private (aside, data, length, &local_error))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
                   /* Translators: %s is the system's reason */
                   _("The diary as it is now could not be kept as a backup, so nothing was restored: %s"),
                   describe_write_error (local_error));
      lumbar_document_free (doc);
      return FALSE;
    }
  rotate_backups (self->backups_dir, name);

  lumbar_journal_set_entries (self->journal, doc->entries);
  lumbar_document_free (doc);
  if (saved_as != NULL)
    *saved_as = g_steal_pointer (&aside);
  return lumbar_store_flush (self, error);
}

/**
 * lumbar_store_flush:
 * @self: a store
 * @error: why the changes could not be saved
 *
 * Saves pending changes now, on the calling thread (on quit). Does nothing
 * when there is nothing to save.
 *
 * Returns: %TRUE if every change is on disk
 */
gboolean
lumbar_store_flush (LumbarStore  *self,
                    GError      **error)
{
  g_autoptr(SaveJob) job = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);

  if (lumbar_journal_get_revision (self->journal) <= self->saved_revision)
    return TRUE;
  if (!check_writable (self, error))
    return FALSE;

  clear_source (&self->save_source);
  job = save_job_new (self);
  if (!save_job_run (job, &local_error))
    {
      save_failed (self, job->revision, local_error);
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE, "%s",
                   self->save_error ? self->save_error : local_error->message);
      return FALSE;
    }

  save_succeeded (self, job->revision);
  return TRUE;
}

/**
 * lumbar_store_set_save_delay:
 * @self: a store
 * @milliseconds: how long after a change the autosave starts (300 by default)
 */
void
lumbar_store_set_save_delay (LumbarStore *self,
                             guint        milliseconds)
{
  g_return_if_fail (LUMBAR_IS_STORE (self));
  self->save_delay = milliseconds;
}

/**
 * lumbar_store_set_retry_delay:
 * @self: a store
 * @milliseconds: how long after a failed save it is tried again (3000 by default)
 */
void
lumbar_store_set_retry_delay (LumbarStore *self,
                              guint        milliseconds)
{
  g_return_if_fail (LUMBAR_IS_STORE (self));
  self->retry_delay = milliseconds;
}

/**
 * lumbar_store_get_timer:
 * @self: a store
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 * @start: (out) (optional) (transfer full): when the running timer started
 *
 * Returns: whether a timer of @kind is running
 */
gboolean
lumbar_store_get_timer (LumbarStore  *self,
                        LumbarKind    kind,
                        GDateTime   **start)
{
  Timer *timer;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_timer_kind (kind), FALSE);

  timer = find_running_timer (self, kind);
  if (start != NULL)
    *start = timer ? g_date_time_ref (timer->start) : NULL;
  return timer != NULL;
}

/**
 * lumbar_store_start_timer:
 * @self: a loaded, writable store
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 * @start: when the session started (kept to the second, with its offset)
 * @error: %LUMBAR_ERROR_READ_ONLY, %LUMBAR_ERROR_TIMER if one runs already,
 *   or %LUMBAR_ERROR_SAVE
 *
 * Starts a timer and writes it to timers.json right away, so it survives
 * the window closing or a crash.
 */
gboolean
lumbar_store_start_timer (LumbarStore  *self,
                          LumbarKind    kind,
                          GDateTime    *start,
                          GError      **error)
{
  g_autofree char *text = NULL;
  Timer *timer;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_timer_kind (kind), FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (find_running_timer (self, kind) != NULL)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER, "%s",
                   kind == LUMBAR_KIND_REST ? _("A rest is already being timed.")
                                            : _("Inclined sitting is already being timed."));
      return FALSE;
    }

  /* Whole seconds, as the diary keeps them, so a restart gives back
   * exactly what was started. */
  text = format_time (start);
  timer = g_new0 (Timer, 1);
  timer->kind = kind;
  timer->id = lumbar_uuid_new ();
  timer->start = g_date_time_new_from_iso8601 (text, NULL);
  g_ptr_array_add (self->timers, timer);

  if (!write_timers (self, error))
    {
      g_ptr_array_remove (self->timers, timer);
      return FALSE;
    }
  return TRUE;
}

/* Elapsed minutes rounded up, at least 1 (a clock set back gives a
 * minute, not nothing). Not capped: a longer session is the caller's to
 * refuse, never to shorten. */
static gint64
session_minutes (GDateTime *start,
                 GDateTime *now)
{
  gint64 seconds = g_date_time_to_unix (now) - g_date_time_to_unix (start);
  gint64 minutes = (seconds + 59) / 60;

  return MAX (minutes, LUMBAR_MINUTES_MIN);
}

/**
 * lumbar_store_stop_timer:
 *
 * lumbar_store_stop_timer_full() without details.
 *
 * Returns: (transfer full) (nullable): the entry added to the journal
 */
LumbarEntry *
lumbar_store_stop_timer (LumbarStore  *self,
                         LumbarKind    kind,
                         GDateTime    *now,
                         GError      **error)
{
  return lumbar_store_stop_timer_full (self, kind, now, NULL, error);
}

/**
 * lumbar_store_stop_timer_full:
 * @self: a loaded, writable store
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 * @now: when the session ended
 * @details: (nullable): an entry whose note (and for inclined sitting,
 *   support, legs_supported and knees_bent) the new entry takes
 * @error: %LUMBAR_ERROR_READ_ONLY, %LUMBAR_ERROR_TIMER if none runs or
 *   the session is over 24 hours, %LUMBAR_ERROR_INVALID_ENTRY or
 *   %LUMBAR_ERROR_SAVE
 *
 * Stops the timer and adds its session to the journal: it starts at the
 * timer's start and lasts the elapsed minutes rounded up, at least 1. A
 * session longer than 1440 minutes (the format's limit) is refused with
 * %LUMBAR_ERROR_TIMER and the timer keeps running: a timer forgotten that
 * long is not a rest that long, so ask when it ended and use
 * lumbar_store_stop_timer_at().
 *
 * Crash safety: the stop is first written to timers.json with everything
 * the entry needs; the timer is removed from timers.json only after a save
 * of the journal containing the entry. A restart in between logs the entry
 * again if the journal lacks it (the entry's id is the timer's id, so it is
 * never logged twice).
 *
 * Returns: (transfer full) (nullable): the entry added to the journal
 */
LumbarEntry *
lumbar_store_stop_timer_full (LumbarStore  *self,
                              LumbarKind    kind,
                              GDateTime    *now,
                              LumbarEntry  *details,
                              GError      **error)
{
  g_autoptr(LumbarEntry) entry = NULL;
  gint64 minutes;
  Timer *timer;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  g_return_val_if_fail (is_timer_kind (kind), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (details == NULL || LUMBAR_IS_ENTRY (details), NULL);

  if (!check_writable (self, error))
    return NULL;

  timer = find_running_timer (self, kind);
  if (timer == NULL)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER, "%s",
                   kind == LUMBAR_KIND_REST ? _("No rest is being timed.")
                                            : _("No inclined sitting is being timed."));
      return NULL;
    }

  minutes = session_minutes (timer->start, now);
  if (minutes > LUMBAR_MINUTES_MAX)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER, "%s",
                   kind == LUMBAR_KIND_REST
                   ? _("This rest would last more than 24 hours. Say when it ended.")
                   : _("This inclined sitting would last more than 24 hours. Say when it ended."));
      return NULL;
    }

  entry = lumbar_entry_new_bare (kind);
  lumbar_entry_set_id (entry, timer->id);
  lumbar_entry_set_date_time (entry, timer->start);
  lumbar_entry_set_minutes (entry, (int) minutes);
  if (details != NULL)
    {
      lumbar_entry_set_note (entry, lumbar_entry_get_note (details));
      if (kind == LUMBAR_KIND_INCLINE)
        {
          lumbar_entry_set_support (entry, lumbar_entry_get_support (details));
          lumbar_entry_set_legs_supported (entry, lumbar_entry_get_legs_supported (details));
          lumbar_entry_set_knees_bent (entry, lumbar_entry_get_knees_bent (details));
        }
    }
  if (!lumbar_entry_validate (entry, error))
    return NULL;

  timer->entry = g_object_ref (entry);
  if (!write_timers (self, error))
    {
      g_clear_object (&timer->entry);
      return NULL;
    }

  if (!lumbar_journal_add (self->journal, entry, error))
    {
      g_autoptr(GError) timers_error = NULL;

      g_clear_object (&timer->entry);
      if (!write_timers (self, &timers_error))
        g_debug ("%s", timers_error->message);
      return NULL;
    }
  timer->revision = lumbar_journal_get_revision (self->journal);

  return g_steal_pointer (&entry);
}


/**
 * lumbar_store_stop_timer_at:
 * @self: a loaded, writable store
 * @kind: %LUMBAR_KIND_REST or %LUMBAR_KIND_INCLINE
 * @end: when the person says the session ended
 * @details: (nullable): as for lumbar_store_stop_timer_full()
 * @error: as for lumbar_store_stop_timer_full(), and %LUMBAR_ERROR_TIMER
 *   when @end is before the timer's start
 *
 * Stops a timer that was left running at the end the person chose, e.g.
 * after it crossed midnight. Whether @end has passed is the caller's to
 * check: the store does not read the clock.
 *
 * Returns: (transfer full) (nullable): the entry added to the journal
 */
LumbarEntry *
lumbar_store_stop_timer_at (LumbarStore  *self,
                            LumbarKind    kind,
                            GDateTime    *end,
                            LumbarEntry  *details,
                            GError      **error)
{
  Timer *timer;

  g_return_val_if_fail (LUMBAR_IS_STORE (self), NULL);
  g_return_val_if_fail (is_timer_kind (kind), NULL);
  g_return_val_if_fail (end != NULL, NULL);

  /* Unlike "now" from a clock set back, a chosen end before the start is
   * a mistake to point out, not a one-minute session. */
  timer = find_running_timer (self, kind);
  if (timer != NULL && g_date_time_compare (end, timer->start) < 0)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TIMER, "%s",
                   _("It cannot end before it started."));
      return NULL;
    }

  return lumbar_store_stop_timer_full (self, kind, end, details, error);
}
