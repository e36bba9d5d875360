/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-error.h"
#include "lumbar-journal.h"

/* Offsets allowed by ISO 8601 are within ±18 h, so a day's entries lie
 * within this many seconds either side of its UTC midnight-to-midnight. */
#define MAX_OFFSET_SECONDS (18 * 3600)

struct _LumbarJournal
{
  GObject     parent_instance;

  /* Entries in time order (then by id), so the last days are at the end
   * and a range of days is found by binary search on the time. */
  GPtrArray  *entries;
  GHashTable *by_id;
  guint64     revision;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LumbarJournal, lumbar_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
lumbar_journal_get_item_type (GListModel *model)
{
  return LUMBAR_TYPE_ENTRY;
}

static guint
lumbar_journal_get_n_items (GListModel *model)
{
  return LUMBAR_JOURNAL (model)->entries->len;
}

static gpointer
lumbar_journal_get_item (GListModel *model,
                         guint       position)
{
  LumbarJournal *self = LUMBAR_JOURNAL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lumbar_journal_get_item_type;
  iface->get_n_items = lumbar_journal_get_n_items;
  iface->get_item = lumbar_journal_get_item;
}

static void
lumbar_journal_finalize (GObject *object)
{
  LumbarJournal *self = (LumbarJournal *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (lumbar_journal_parent_class)->finalize (object);
}

static void
lumbar_journal_class_init (LumbarJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lumbar_journal_finalize;
}

static void
lumbar_journal_init (LumbarJournal *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

LumbarJournal *
lumbar_journal_new (void)
{
  return g_object_new (LUMBAR_TYPE_JOURNAL, NULL);
}

static int
compare_entries (LumbarEntry *a,
                 LumbarEntry *b)
{
  gint64 ta = lumbar_entry_get_time (a);
  gint64 tb = lumbar_entry_get_time (b);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return g_strcmp0 (lumbar_entry_get_id (a), lumbar_entry_get_id (b));
}

static int
compare_entry_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return compare_entries (*(LumbarEntry **) a, *(LumbarEntry **) b);
}

static gboolean
is_sorted (GPtrArray *entries)
{
  for (guint i = 1; i < entries->len; i++)
    if (compare_entries (g_ptr_array_index (entries, i - 1), g_ptr_array_index (entries, i)) > 0)
      return FALSE;
  return TRUE;
}

/* First position whose entry sorts after @entry. */
static guint
find_insert_position (LumbarJournal *self,
                      LumbarEntry   *entry)
{
  guint lo = 0, hi = self->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_entries (g_ptr_array_index (self->entries, mid), entry) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* First position whose entry's time is at least @time. */
static guint
find_time (LumbarJournal *self,
           gint64         time)
{
  guint lo = 0, hi = self->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (lumbar_entry_get_time (g_ptr_array_index (self->entries, mid)) < time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
find_position (LumbarJournal *self,
               LumbarEntry   *entry)
{
  guint pos = find_time (self, lumbar_entry_get_time (entry));

  for (; pos < self->entries->len; pos++)
    if (g_ptr_array_index (self->entries, pos) == entry)
      return pos;
  g_return_val_if_reached (G_MAXUINT);
}

guint
lumbar_journal_get_n_entries (LumbarJournal *self)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), 0);
  return self->entries->len;
}

/**
 * lumbar_journal_get_entry:
 * @self: a journal
 * @position: index in time order
 *
 * Returns: (transfer none) (nullable): the entry at @position
 */
LumbarEntry *
lumbar_journal_get_entry (LumbarJournal *self,
                          guint          position)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), NULL);
  if (position >= self->entries->len)
    return NULL;
  return g_ptr_array_index (self->entries, position);
}

/**
 * lumbar_journal_lookup:
 *
 * Returns: (transfer none) (nullable): the entry with @id
 */
LumbarEntry *
lumbar_journal_lookup (LumbarJournal *self,
                       const char    *id)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

static void
insert_entry (LumbarJournal *self,
              LumbarEntry   *entry,
              gboolean       notify)
{
  guint pos = find_insert_position (self, entry);

  g_ptr_array_insert (self->entries, pos, g_object_ref (entry));
  g_hash_table_insert (self->by_id, (char *) lumbar_entry_get_id (entry), entry);
  self->revision++;
  if (notify)
    g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

/**
 * lumbar_journal_add:
 * @self: a journal
 * @entry: a valid entry whose id is not in the journal yet
 * @error: why it was refused
 *
 * Adds @entry in time order. The journal keeps a reference; do not change
 * the entry afterwards, use lumbar_journal_replace() with a copy.
 */
gboolean
lumbar_journal_add (LumbarJournal  *self,
                    LumbarEntry    *entry,
                    GError        **error)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (LUMBAR_IS_ENTRY (entry), FALSE);

  if (!lumbar_entry_validate (entry, error))
    return FALSE;

  if (g_hash_table_contains (self->by_id, lumbar_entry_get_id (entry)))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   _("another entry already has the id “%s”"), lumbar_entry_get_id (entry));
      return FALSE;
    }

  insert_entry (self, entry, TRUE);
  return TRUE;
}

/**
 * lumbar_journal_replace:
 * @self: a journal
 * @entry: the new version of an entry already in the journal (same id)
 * @error: why it was refused
 *
 * Replaces the entry with the same id, moving it if its time changed.
 */
gboolean
lumbar_journal_replace (LumbarJournal  *self,
                        LumbarEntry    *entry,
                        GError        **error)
{
  LumbarEntry *old;
  guint old_pos, new_pos;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (LUMBAR_IS_ENTRY (entry), FALSE);

  if (!lumbar_entry_validate (entry, error))
    return FALSE;

  old = g_hash_table_lookup (self->by_id, lumbar_entry_get_id (entry));
  if (old == NULL)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   _("the entry was deleted in the meantime"));
      return FALSE;
    }

  if (old == entry)
    return TRUE;

  old_pos = find_position (self, old);
  g_hash_table_remove (self->by_id, lumbar_entry_get_id (old));
  g_ptr_array_remove_index (self->entries, old_pos);

  new_pos = find_insert_position (self, entry);
  g_ptr_array_insert (self->entries, new_pos, g_object_ref (entry));
  g_hash_table_insert (self->by_id, (char *) lumbar_entry_get_id (entry), entry);
  self->revision++;

  if (old_pos == new_pos)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_pos, new_pos),
                                  ABS ((int) old_pos - (int) new_pos) + 1,
                                  ABS ((int) old_pos - (int) new_pos) + 1);
    }

  return TRUE;
}

/**
 * lumbar_journal_remove:
 * @self: a journal
 * @id: the id of the entry to remove
 *
 * Returns: (transfer full) (nullable): the removed entry, for undo
 */
LumbarEntry *
lumbar_journal_remove (LumbarJournal *self,
                       const char    *id)
{
  LumbarEntry *entry;
  guint pos;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), NULL);

  entry = lumbar_journal_lookup (self, id);
  if (entry == NULL)
    return NULL;

  pos = find_position (self, entry);
  g_hash_table_remove (self->by_id, id);
  entry = g_ptr_array_steal_index (self->entries, pos);
  self->revision++;
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);

  return entry;
}

/**
 * lumbar_journal_remove_ids:
 * @self: a journal
 * @ids: (element-type utf8): ids of entries to remove; unknown ones are
 *   passed over
 *
 * Removes many entries in one change (undoing an import), with one
 * items-changed for the whole list rather than one per entry.
 *
 * Returns: how many entries were removed
 */
guint
lumbar_journal_remove_ids (LumbarJournal *self,
                           GPtrArray     *ids)
{
  g_autoptr(GHashTable) doomed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = NULL;
  guint old_len;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), 0);
  g_return_val_if_fail (ids != NULL, 0);

  for (guint i = 0; i < ids->len; i++)
    if (g_hash_table_contains (self->by_id, g_ptr_array_index (ids, i)))
      g_hash_table_add (doomed, g_ptr_array_index (ids, i));
  if (g_hash_table_size (doomed) == 0)
    return 0;

  old_len = self->entries->len;
  kept = g_ptr_array_new_full (old_len, g_object_unref);
  for (guint i = 0; i < old_len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_hash_table_contains (doomed, lumbar_entry_get_id (entry)))
        g_hash_table_remove (self->by_id, lumbar_entry_get_id (entry));
      else
        g_ptr_array_add (kept, g_object_ref (entry));
    }
  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (kept, i)));
  self->revision++;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);

  return old_len - self->entries->len;
}

/**
 * lumbar_journal_set_entries:
 * @self: a journal
 * @entries: (element-type LumbarEntry): valid entries with unique ids
 *
 * Replaces the whole journal, as after loading a file.
 */
void
lumbar_journal_set_entries (LumbarJournal *self,
                            GPtrArray     *entries)
{
  guint old_len;

  g_return_if_fail (LUMBAR_IS_JOURNAL (self));
  g_return_if_fail (entries != NULL);

  old_len = self->entries->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->entries, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      const char *id = lumbar_entry_get_id (entry);

      /* One hash lookup per entry: insert, and keep the entry if the id was
       * new. A repeated id (rare: readers drop them) gives the first back
       * its place. */
      if (!g_hash_table_insert (self->by_id, (char *) id, entry))
        {
          for (guint j = 0; j < self->entries->len; j++)
            {
              LumbarEntry *first = g_ptr_array_index (self->entries, j);

              if (g_str_equal (lumbar_entry_get_id (first), id))
                {
                  g_hash_table_insert (self->by_id, (char *) lumbar_entry_get_id (first), first);
                  break;
                }
            }
          continue;
        }
      g_ptr_array_add (self->entries, g_object_ref (entry));
    }

  /* A diary file is written in time order: sort only when it is not. */
  if (!is_sorted (self->entries))
    g_ptr_array_sort (self->entries, compare_entry_ptrs);
  self->revision++;

  if (old_len > 0 || self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);
}

/**
 * lumbar_journal_take_entries:
 * @self: a journal
 * @from: a journal that nothing else uses, such as one filled with
 *   lumbar_journal_set_entries() in a worker thread
 *
 * Replaces the whole journal with the entries of @from, leaving @from empty.
 * Checking ids, indexing and sorting are done when @from is filled, so this
 * costs the calling thread nothing that grows with the diary.
 */
void
lumbar_journal_take_entries (LumbarJournal *self,
                             LumbarJournal *from)
{
  GPtrArray *old_entries;
  GHashTable *old_by_id;
  guint old_len;

  g_return_if_fail (LUMBAR_IS_JOURNAL (self));
  g_return_if_fail (LUMBAR_IS_JOURNAL (from));
  g_return_if_fail (self != from);

  old_entries = self->entries;
  old_by_id = self->by_id;
  old_len = old_entries->len;

  self->entries = g_steal_pointer (&from->entries);
  self->by_id = g_steal_pointer (&from->by_id);
  g_hash_table_remove_all (old_by_id);
  g_ptr_array_set_size (old_entries, 0);
  from->entries = old_entries;
  from->by_id = old_by_id;
  from->revision++;
  self->revision++;

  if (old_len > 0 || self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);
  if (self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (from), 0, self->entries->len, 0);
}

/**
 * lumbar_journal_merge:
 * @self: a journal
 * @entries: (element-type LumbarEntry): valid entries
 *
 * Adds the entries whose id the journal does not have yet (imports merge by id).
 *
 * Returns: how many entries were added
 */
guint
lumbar_journal_merge (LumbarJournal *self,
                      GPtrArray     *entries)
{
  guint added = 0;
  guint old_len;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), 0);

  old_len = self->entries->len;
  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_contains (self->by_id, lumbar_entry_get_id (entry)) ||
          !lumbar_entry_validate (entry, NULL))
        continue;
      g_ptr_array_add (self->entries, g_object_ref (entry));
      g_hash_table_insert (self->by_id, (char *) lumbar_entry_get_id (entry), entry);
      added++;
    }

  if (added > 0)
    {
      g_ptr_array_sort (self->entries, compare_entry_ptrs);
      self->revision++;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);
    }

  return added;
}

/**
 * lumbar_journal_dup_entries:
 *
 * Returns: (transfer container) (element-type LumbarEntry): all entries in
 *   time order, as a snapshot that later changes do not affect
 */
GPtrArray *
lumbar_journal_dup_entries (LumbarJournal *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), NULL);

  copy = g_ptr_array_new_full (self->entries->len, g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (self->entries, i)));
  return copy;
}

/**
 * lumbar_journal_get_days:
 * @self: a journal
 * @first: first day, inclusive
 * @last: last day, inclusive
 *
 * The day index: finds the entries whose day lies in @first…@last by binary
 * search on the time, so reading the last weeks costs the same whatever the
 * journal's length.
 *
 * Returns: (transfer container) (element-type LumbarEntry): the entries, in
 *   time order
 */
GPtrArray *
lumbar_journal_get_days (LumbarJournal *self,
                         LumbarDay      first,
                         LumbarDay      last)
{
  GPtrArray *result;
  gint64 end;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (last < first)
    return result;

  end = ((gint64) last + 1) * 86400 + MAX_OFFSET_SECONDS;
  for (guint i = find_time (self, (gint64) first * 86400 - MAX_OFFSET_SECONDS);
       i < self->entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (self->entries, i);
      LumbarDay day;

      if (lumbar_entry_get_time (entry) >= end)
        break;
      day = lumbar_entry_get_day (entry);
      if (day >= first && day <= last)
        g_ptr_array_add (result, g_object_ref (entry));
    }

  return result;
}

/**
 * lumbar_journal_get_day_span:
 * @self: a journal
 * @first: (out) (optional): the earliest day with an entry
 * @last: (out) (optional): the latest day with an entry
 *
 * Returns: %FALSE if the journal is empty
 */
gboolean
lumbar_journal_get_day_span (LumbarJournal *self,
                             LumbarDay     *first,
                             LumbarDay     *last)
{
  LumbarDay lo = G_MAXINT32, hi = G_MININT32;
  guint n;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), FALSE);

  n = self->entries->len;
  if (n == 0)
    return FALSE;

  /* Entries are in time order; only those within the offset window of the
   * ends can have the earliest or latest day. */
  for (guint i = 0; i < n; i++)
    {
      LumbarEntry *e = g_ptr_array_index (self->entries, i);

      if (lumbar_entry_get_time (e) > lumbar_entry_get_time (g_ptr_array_index (self->entries, 0)) + 2 * MAX_OFFSET_SECONDS)
        break;
      lo = MIN (lo, lumbar_entry_get_day (e));
    }
  for (guint i = n; i > 0; i--)
    {
      LumbarEntry *e = g_ptr_array_index (self->entries, i - 1);

      if (lumbar_entry_get_time (e) < lumbar_entry_get_time (g_ptr_array_index (self->entries, n - 1)) - 2 * MAX_OFFSET_SECONDS)
        break;
      hi = MAX (hi, lumbar_entry_get_day (e));
    }

  if (first)
    *first = lo;
  if (last)
    *last = hi;
  return TRUE;
}

/* Grows by one with every change, so a saver can tell whether it is behind. */
guint64
lumbar_journal_get_revision (LumbarJournal *self)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (self), 0);
  return self->revision;
}
