/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-diary-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lumbar-diary-day.h"
#include "lumbar-diary-filter.h"
#include "lumbar-diary-model.h"

/* The diary as one flat list, newest day first: a LumbarDiaryDay heading,
 * then that day's entries, newest first, then the next day's heading…
 *
 * GtkListView in GTK 4.8 has no section headers, so the headings are items
 * of their own. The model follows the journal's items-changed with small
 * edits (an entry added, removed or replaced costs a binary search and a
 * memmove), and rebuilds in one linear pass only when most of the journal
 * changed (loading, importing) or the search asks for other entries.
 *
 * With a filter (the Diary's search), only the entries it lets through are
 * shown, and only the days that have one get a heading. */

#define MAX_INCREMENTAL_CHANGES 256

typedef struct
{
  LumbarDay       day;
  guint           entry_start;  /* index into display */
  guint           n_entries;
  LumbarDiaryDay *heading;      /* created when first asked for */
} DiaryGroup;

struct _LumbarDiaryModel
{
  GObject        parent_instance;

  LumbarJournal *journal;
  gulong         items_changed_id;

  /* The journal's entries in its own (time) order, borrowed: tells which
   * entries an items-changed removed, since they are gone from the journal
   * by then. */
  GPtrArray     *mirror;
  /* The same entries in display order (day, time, id all descending), owned. */
  GPtrArray     *display;
  /* One group per day with entries, in display order. */
  GArray        *groups;
  /* What is shown of the journal; NULL shows everything. */
  LumbarDiaryFilter *filter;
};

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LumbarDiaryModel, lumbar_diary_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static inline DiaryGroup *
group_at (LumbarDiaryModel *self,
          guint             index)
{
  return &g_array_index (self->groups, DiaryGroup, index);
}

static inline guint
group_flat_start (LumbarDiaryModel *self,
                  guint             index)
{
  return group_at (self, index)->entry_start + index;
}

static guint
n_flat_items (LumbarDiaryModel *self)
{
  return self->display->len + self->groups->len;
}

/* Negative when @a is shown above @b. */
static int
display_compare (LumbarEntry *a,
                 LumbarEntry *b)
{
  LumbarDay da = lumbar_entry_get_day (a);
  LumbarDay db = lumbar_entry_get_day (b);
  gint64 ta, tb;

  if (da != db)
    return da > db ? -1 : 1;
  ta = lumbar_entry_get_time (a);
  tb = lumbar_entry_get_time (b);
  if (ta != tb)
    return ta > tb ? -1 : 1;
  return -g_strcmp0 (lumbar_entry_get_id (a), lumbar_entry_get_id (b));
}

static int
display_compare_ptrs (gconstpointer a,
                      gconstpointer b)
{
  return display_compare (*(LumbarEntry **) a, *(LumbarEntry **) b);
}

/* First display index whose entry is not shown above @entry. */
static guint
display_lower_bound (LumbarDiaryModel *self,
                     LumbarEntry      *entry)
{
  guint lo = 0, hi = self->display->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (display_compare (g_ptr_array_index (self->display, mid), entry) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
display_find (LumbarDiaryModel *self,
              LumbarEntry      *entry)
{
  for (guint i = display_lower_bound (self, entry); i < self->display->len; i++)
    {
      LumbarEntry *other = g_ptr_array_index (self->display, i);

      if (other == entry)
        return i;
      if (display_compare (other, entry) != 0)
        break;
    }
  return G_MAXUINT;
}

/* The group of @day, or where it would go; *found says which. */
static guint
group_find_day (LumbarDiaryModel *self,
                LumbarDay         day,
                gboolean         *found)
{
  guint lo = 0, hi = self->groups->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (group_at (self, mid)->day > day)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < self->groups->len && group_at (self, lo)->day == day;
  return lo;
}

/* The group holding flat position @position (its heading or an entry). */
static guint
group_find_flat (LumbarDiaryModel *self,
                 guint             position)
{
  guint lo = 0, hi = self->groups->len;

  /* Last group whose heading is at or before @position. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (group_flat_start (self, mid) <= position)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
shift_groups (LumbarDiaryModel *self,
              guint             from,
              int               delta)
{
  for (guint g = from; g < self->groups->len; g++)
    group_at (self, g)->entry_start += delta;
}

static void
clear_group (gpointer data)
{
  DiaryGroup *group = data;

  g_clear_object (&group->heading);
}

static void
rebuild (LumbarDiaryModel *self)
{
  guint old_n_items = n_flat_items (self);
  guint n = self->journal ? lumbar_journal_get_n_entries (self->journal) : 0;
  gboolean sorted = TRUE;

  g_ptr_array_set_size (self->mirror, 0);
  g_ptr_array_set_size (self->display, 0);
  g_array_set_size (self->groups, 0);

  /* The journal is in time order; reversed, that is display order except
   * where a change of UTC offset put days out of step with time. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mirror, lumbar_journal_get_entry (self->journal, i));
  for (guint i = n; i > 0; i--)
    {
      LumbarEntry *entry = g_ptr_array_index (self->mirror, i - 1);

      if (!lumbar_diary_filter_match (self->filter, entry))
        continue;
      if (sorted && self->display->len > 0 &&
          display_compare (g_ptr_array_index (self->display, self->display->len - 1), entry) > 0)
        sorted = FALSE;
      g_ptr_array_add (self->display, g_object_ref (entry));
    }
  if (!sorted)
    g_ptr_array_sort (self->display, display_compare_ptrs);

  for (guint i = 0; i < self->display->len; i++)
    {
      LumbarDay day = lumbar_entry_get_day (g_ptr_array_index (self->display, i));

      if (self->groups->len == 0 || group_at (self, self->groups->len - 1)->day != day)
        {
          DiaryGroup group = { day, i, 0, NULL };

          g_array_append_val (self->groups, group);
        }
      group_at (self, self->groups->len - 1)->n_entries++;
    }

  if (old_n_items > 0 || n_flat_items (self) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_flat_items (self));
}

static void
insert_entry (LumbarDiaryModel *self,
              LumbarEntry      *entry)
{
  guint index = display_lower_bound (self, entry);
  LumbarDay day = lumbar_entry_get_day (entry);
  gboolean found;
  guint g = group_find_day (self, day, &found);

  g_ptr_array_insert (self->display, index, g_object_ref (entry));

  if (found)
    {
      group_at (self, g)->n_entries++;
      shift_groups (self, g + 1, 1);
      g_list_model_items_changed (G_LIST_MODEL (self), index + g + 1, 0, 1);
    }
  else
    {
      DiaryGroup group = { day, index, 1, NULL };

      g_array_insert_val (self->groups, g, group);
      shift_groups (self, g + 1, 1);
      g_list_model_items_changed (G_LIST_MODEL (self), index + g, 0, 2);
    }
}

static void
remove_entry (LumbarDiaryModel *self,
              LumbarEntry      *entry)
{
  guint index = display_find (self, entry);
  gboolean found;
  guint g;
  DiaryGroup *group;

  g_return_if_fail (index != G_MAXUINT);

  g = group_find_day (self, lumbar_entry_get_day (entry), &found);
  g_return_if_fail (found);
  group = group_at (self, g);

  g_ptr_array_remove_index (self->display, index);
  shift_groups (self, g + 1, -1);

  if (--group->n_entries == 0)
    {
      g_array_remove_index (self->groups, g);
      g_list_model_items_changed (G_LIST_MODEL (self), index + g, 2, 0);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), index + g + 1, 1, 0);
}

/* @new_entry takes the place of @old_entry, which sorts the same. */
static void
swap_entry (LumbarDiaryModel *self,
            LumbarEntry      *old_entry,
            LumbarEntry      *new_entry)
{
  guint index = display_find (self, old_entry);
  gboolean found;
  guint g;

  g_return_if_fail (index != G_MAXUINT);

  g = group_find_day (self, lumbar_entry_get_day (old_entry), &found);
  g_ptr_array_index (self->display, index) = g_object_ref (new_entry);
  g_object_unref (old_entry);
  g_list_model_items_changed (G_LIST_MODEL (self), index + g + 1, 1, 1);
}

static void
mirror_splice (LumbarDiaryModel *self,
               guint             position,
               guint             removed,
               guint             added)
{
  guint old_len = self->mirror->len;

  if (added > removed)
    g_ptr_array_set_size (self->mirror, old_len + added - removed);
  memmove (self->mirror->pdata + position + added,
           self->mirror->pdata + position + removed,
           (old_len - position - removed) * sizeof (gpointer));
  if (removed > added)
    g_ptr_array_set_size (self->mirror, old_len + added - removed);
  for (guint i = 0; i < added; i++)
    self->mirror->pdata[position + i] = lumbar_journal_get_entry (self->journal, position + i);
}

static void
on_journal_items_changed (LumbarDiaryModel *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *journal)
{
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) arrived = NULL;

  if (removed + added > 2 * MAX_INCREMENTAL_CHANGES &&
      (removed == 0 || added == 0))
    {
      rebuild (self);
      return;
    }

  /* A replace reports every entry between the old and the new place as
   * changed; only those that are not the same object really changed. */
  gone = g_ptr_array_new ();
  arrived = g_ptr_array_new ();
  if (removed <= 8 && added <= 8)
    {
      for (guint i = 0; i < removed; i++)
        {
          LumbarEntry *old_entry = g_ptr_array_index (self->mirror, position + i);
          gboolean kept = FALSE;

          for (guint j = 0; j < added && !kept; j++)
            kept = lumbar_journal_get_entry (self->journal, position + j) == old_entry;
          if (!kept)
            g_ptr_array_add (gone, old_entry);
        }
      for (guint j = 0; j < added; j++)
        {
          LumbarEntry *new_entry = lumbar_journal_get_entry (self->journal, position + j);
          gboolean kept = FALSE;

          for (guint i = 0; i < removed && !kept; i++)
            kept = g_ptr_array_index (self->mirror, position + i) == new_entry;
          if (!kept)
            g_ptr_array_add (arrived, new_entry);
        }
    }
  else
    {
      g_autoptr(GHashTable) old_set = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;

      for (guint i = 0; i < removed; i++)
        g_hash_table_add (old_set, g_ptr_array_index (self->mirror, position + i));
      for (guint j = 0; j < added; j++)
        {
          LumbarEntry *new_entry = lumbar_journal_get_entry (self->journal, position + j);

          if (!g_hash_table_remove (old_set, new_entry))
            g_ptr_array_add (arrived, new_entry);
        }
      g_hash_table_iter_init (&iter, old_set);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (gone, key);
    }

  mirror_splice (self, position, removed, added);

  if (gone->len + arrived->len > MAX_INCREMENTAL_CHANGES)
    {
      rebuild (self);
      return;
    }

  /* What the filter hides was not shown and is not to be. */
  if (self->filter != NULL)
    {
      for (guint i = gone->len; i > 0; i--)
        if (display_find (self, g_ptr_array_index (gone, i - 1)) == G_MAXUINT)
          g_ptr_array_remove_index_fast (gone, i - 1);
      for (guint j = arrived->len; j > 0; j--)
        if (!lumbar_diary_filter_match (self->filter, g_ptr_array_index (arrived, j - 1)))
          g_ptr_array_remove_index_fast (arrived, j - 1);
    }

  for (guint i = 0; i < gone->len; i++)
    {
      LumbarEntry *old_entry = g_ptr_array_index (gone, i);
      gboolean swapped = FALSE;

      /* An edit that kept the time (a new note, another pain value) keeps
       * its row where it is. */
      for (guint j = 0; j < arrived->len && !swapped; j++)
        {
          LumbarEntry *new_entry = g_ptr_array_index (arrived, j);

          if (display_compare (old_entry, new_entry) == 0)
            {
              swap_entry (self, old_entry, new_entry);
              g_ptr_array_remove_index_fast (arrived, j);
              swapped = TRUE;
            }
        }
      if (!swapped)
        remove_entry (self, old_entry);
    }
  for (guint j = 0; j < arrived->len; j++)
    insert_entry (self, g_ptr_array_index (arrived, j));
}

static GType
lumbar_diary_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
lumbar_diary_model_get_n_items (GListModel *model)
{
  return n_flat_items (LUMBAR_DIARY_MODEL (model));
}

static gpointer
lumbar_diary_model_get_item (GListModel *model,
                             guint       position)
{
  LumbarDiaryModel *self = LUMBAR_DIARY_MODEL (model);
  DiaryGroup *group;
  guint g, start;

  if (position >= n_flat_items (self))
    return NULL;

  g = group_find_flat (self, position);
  group = group_at (self, g);
  start = group->entry_start + g;

  if (position == start)
    {
      if (group->heading == NULL)
        group->heading = lumbar_diary_day_new (group->day);
      return g_object_ref (group->heading);
    }

  return g_object_ref (g_ptr_array_index (self->display, group->entry_start + position - start - 1));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lumbar_diary_model_get_item_type;
  iface->get_n_items = lumbar_diary_model_get_n_items;
  iface->get_item = lumbar_diary_model_get_item;
}

static void
lumbar_diary_model_dispose (GObject *object)
{
  LumbarDiaryModel *self = (LumbarDiaryModel *) object;

  g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->filter, lumbar_diary_filter_unref);

  G_OBJECT_CLASS (lumbar_diary_model_parent_class)->dispose (object);
}

static void
lumbar_diary_model_finalize (GObject *object)
{
  LumbarDiaryModel *self = (LumbarDiaryModel *) object;

  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->display, g_ptr_array_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (lumbar_diary_model_parent_class)->finalize (object);
}

static void
lumbar_diary_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LumbarDiaryModel *self = LUMBAR_DIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LumbarDiaryModel *self = LUMBAR_DIARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      lumbar_diary_model_set_journal (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      lumbar_diary_model_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_model_class_init (LumbarDiaryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_diary_model_dispose;
  object_class->finalize = lumbar_diary_model_finalize;
  object_class->get_property = lumbar_diary_model_get_property;
  object_class->set_property = lumbar_diary_model_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        LUMBAR_TYPE_DIARY_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_diary_model_init (LumbarDiaryModel *self)
{
  self->mirror = g_ptr_array_new ();
  self->display = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_array_new (FALSE, FALSE, sizeof (DiaryGroup));
  g_array_set_clear_func (self->groups, clear_group);
}

LumbarDiaryModel *
lumbar_diary_model_new (LumbarJournal *journal)
{
  g_return_val_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_DIARY_MODEL, "journal", journal, NULL);
}

/**
 * lumbar_diary_model_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal shown
 */
LumbarJournal *
lumbar_diary_model_get_journal (LumbarDiaryModel *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), NULL);
  return self->journal;
}

void
lumbar_diary_model_set_journal (LumbarDiaryModel *self,
                                LumbarJournal    *journal)
{
  g_return_if_fail (LUMBAR_IS_DIARY_MODEL (self));
  g_return_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    self->items_changed_id =
      g_signal_connect_object (journal, "items-changed",
                               G_CALLBACK (on_journal_items_changed), self,
                               G_CONNECT_SWAPPED);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

guint
lumbar_diary_model_get_n_days (LumbarDiaryModel *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), 0);
  return self->groups->len;
}

/* Whether @position holds a day's heading (TRUE past the end too, so a
 * caller can ask about an entry's neighbours without bounds checks). */
gboolean
lumbar_diary_model_is_heading (LumbarDiaryModel *self,
                               guint             position)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), FALSE);

  if (position >= n_flat_items (self))
    return TRUE;
  return group_flat_start (self, group_find_flat (self, position)) == position;
}

/* The position of @entry in the model, or G_MAXUINT. */
guint
lumbar_diary_model_find_entry (LumbarDiaryModel *self,
                               LumbarEntry      *entry)
{
  guint index;
  gboolean found;
  guint g;

  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (LUMBAR_IS_ENTRY (entry), G_MAXUINT);

  index = display_find (self, entry);
  if (index == G_MAXUINT)
    return G_MAXUINT;
  g = group_find_day (self, lumbar_entry_get_day (entry), &found);
  return index + g + 1;
}

/**
 * lumbar_diary_model_get_filter:
 *
 * Returns: (transfer none) (nullable): what is shown of the journal
 */
LumbarDiaryFilter *
lumbar_diary_model_get_filter (LumbarDiaryModel *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), NULL);
  return self->filter;
}

/**
 * lumbar_diary_model_set_filter:
 * @self: a diary model
 * @filter: (nullable): the entries to show; %NULL or an empty filter shows all
 */
void
lumbar_diary_model_set_filter (LumbarDiaryModel  *self,
                               LumbarDiaryFilter *filter)
{
  g_return_if_fail (LUMBAR_IS_DIARY_MODEL (self));

  if (lumbar_diary_filter_is_empty (filter))
    filter = NULL;
  if (lumbar_diary_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, lumbar_diary_filter_unref);
  if (filter != NULL)
    self->filter = lumbar_diary_filter_ref (filter);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * lumbar_diary_model_find_day:
 * @self: a diary model
 * @day: a day
 *
 * Returns: the position of @day's heading or, when @day has no entries
 *   shown, of the nearest earlier day that has (else the oldest day);
 *   G_MAXUINT when nothing is shown
 */
guint
lumbar_diary_model_find_day (LumbarDiaryModel *self,
                             LumbarDay         day)
{
  gboolean found;
  guint g;

  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), G_MAXUINT);

  if (self->groups->len == 0)
    return G_MAXUINT;
  /* Groups go newest first: the first at or before @day. */
  g = group_find_day (self, day, &found);
  if (g >= self->groups->len)
    g = self->groups->len - 1;
  return group_flat_start (self, g);
}

/**
 * lumbar_diary_model_get_day_at:
 *
 * Returns: the day of the heading or entry at @position, or 0
 */
LumbarDay
lumbar_diary_model_get_day_at (LumbarDiaryModel *self,
                               guint             position)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_MODEL (self), 0);

  if (position >= n_flat_items (self))
    return 0;
  return group_at (self, group_find_flat (self, position))->day;
}
