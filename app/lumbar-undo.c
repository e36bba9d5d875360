/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-error.h"
#include "lumbar-undo.h"

/* The changes of a session, to take back one at a time: the newest first
 * (Ctrl+Z), or one in particular (the Undo button of its toast) even when
 * newer ones came after it. Each change keeps copies of the entries
 * involved, so nothing done to the journal's entries later alters what an
 * undo puts back. An undo checks first that the journal still holds
 * exactly what the change left: one that no longer applies (the entry was
 * changed or deleted again meanwhile) says so and changes nothing, rather
 * than throwing away the later change. */

/* Enough for a session; the oldest changes go first. */
#define MAX_CHANGES 200

typedef struct
{
  guint        id;
  LumbarEntry *before;  /* NULL: the change added @after */
  LumbarEntry *after;   /* NULL: the change deleted @before */
} Change;

struct _LumbarUndo
{
  GObject        parent_instance;

  LumbarJournal *journal;
  GQueue         changes;  /* of Change, newest at the head */
  guint          last_id;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarUndo, lumbar_undo, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

static void
notify_if_emptied (LumbarUndo *self,
                   gboolean    had_changes)
{
  if (had_changes != !g_queue_is_empty (&self->changes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static GList *
find_link (LumbarUndo *self,
           guint       id)
{
  for (GList *l = self->changes.head; l != NULL; l = l->next)
    if (((Change *) l->data)->id == id)
      return l;
  return NULL;
}

static gboolean
still_applies (LumbarUndo *self,
               Change     *change)
{
  const char *id = lumbar_entry_get_id (change->after ? change->after : change->before);
  LumbarEntry *current = lumbar_journal_lookup (self->journal, id);

  if (change->after == NULL)
    return current == NULL;
  return current != NULL && lumbar_entry_equal (current, change->after);
}

static gboolean
apply_undo (LumbarUndo  *self,
            Change      *change,
            GError     **error)
{
  g_autoptr(LumbarEntry) restored = NULL;

  if (!still_applies (self, change))
    {
      g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                           change->after == NULL
                           ? _("The entry is back in the diary already; nothing was undone.")
                           : _("The entry was changed again since; nothing was undone."));
      return FALSE;
    }

  if (change->before == NULL)
    {
      g_autoptr(LumbarEntry) removed = lumbar_journal_remove (self->journal, lumbar_entry_get_id (change->after));

      return removed != NULL;
    }

  /* A copy: the journal keeps what it is given, and this change's own copy
   * must stay as it was. */
  restored = lumbar_entry_copy (change->before);
  if (change->after == NULL)
    return lumbar_journal_add (self->journal, restored, error);
  return lumbar_journal_replace (self->journal, restored, error);
}

static void
lumbar_undo_dispose (GObject *object)
{
  LumbarUndo *self = (LumbarUndo *) object;

  g_queue_clear_full (&self->changes, change_free);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (lumbar_undo_parent_class)->dispose (object);
}

static void
lumbar_undo_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LumbarUndo *self = LUMBAR_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lumbar_undo_get_can_undo (self));
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_undo_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LumbarUndo *self = LUMBAR_UNDO (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_undo_class_init (LumbarUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_undo_dispose;
  object_class->get_property = lumbar_undo_get_property;
  object_class->set_property = lumbar_undo_set_property;

  /**
   * LumbarUndo:can-undo:
   *
   * Whether there is a change left to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_undo_init (LumbarUndo *self)
{
  g_queue_init (&self->changes);
}

/**
 * lumbar_undo_new:
 * @journal: the journal whose changes are recorded
 *
 * Returns: (transfer full): an empty undo stack
 */
LumbarUndo *
lumbar_undo_new (LumbarJournal *journal)
{
  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_UNDO, "journal", journal, NULL);
}

/**
 * lumbar_undo_get_journal:
 *
 * Returns: (transfer none): the journal
 */
LumbarJournal *
lumbar_undo_get_journal (LumbarUndo *self)
{
  g_return_val_if_fail (LUMBAR_IS_UNDO (self), NULL);
  return self->journal;
}

/**
 * lumbar_undo_push:
 * @self: an undo stack
 * @before: (nullable): the entry as it was, %NULL if @after was added
 * @after: (nullable): the entry as it is now, %NULL if @before was deleted
 *
 * Records a change already made to the journal. Copies of the entries are
 * kept.
 *
 * Returns: the change's number (never 0), for lumbar_undo_undo()
 */
guint
lumbar_undo_push (LumbarUndo  *self,
                  LumbarEntry *before,
                  LumbarEntry *after)
{
  gboolean had_changes;
  Change *change;

  g_return_val_if_fail (LUMBAR_IS_UNDO (self), 0);
  g_return_val_if_fail (before == NULL || LUMBAR_IS_ENTRY (before), 0);
  g_return_val_if_fail (after == NULL || LUMBAR_IS_ENTRY (after), 0);
  g_return_val_if_fail (before != NULL || after != NULL, 0);
  g_return_val_if_fail (before == NULL || after == NULL ||
                        g_strcmp0 (lumbar_entry_get_id (before), lumbar_entry_get_id (after)) == 0, 0);

  had_changes = !g_queue_is_empty (&self->changes);
  change = g_new0 (Change, 1);
  change->id = ++self->last_id;
  change->before = before ? lumbar_entry_copy (before) : NULL;
  change->after = after ? lumbar_entry_copy (after) : NULL;
  g_queue_push_head (&self->changes, change);
  while (self->changes.length > MAX_CHANGES)
    change_free (g_queue_pop_tail (&self->changes));
  notify_if_emptied (self, had_changes);
  return change->id;
}

/**
 * lumbar_undo_undo:
 * @self: an undo stack
 * @change: a number lumbar_undo_push() returned
 * @error: why nothing was undone
 *
 * Takes back one change, whatever came after it, and forgets it. A change
 * that no longer applies (the entry was changed again since) is forgotten
 * too, with an error, and the journal stays as it is.
 *
 * Returns: whether the journal was changed back
 */
gboolean
lumbar_undo_undo (LumbarUndo  *self,
                  guint        change,
                  GError     **error)
{
  GList *link;
  Change *found;
  gboolean ok;

  g_return_val_if_fail (LUMBAR_IS_UNDO (self), FALSE);

  link = find_link (self, change);
  if (link == NULL)
    {
      g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                           _("This change was undone already."));
      return FALSE;
    }

  found = link->data;
  g_queue_delete_link (&self->changes, link);
  ok = apply_undo (self, found, error);
  change_free (found);
  notify_if_emptied (self, TRUE);
  return ok;
}

/**
 * lumbar_undo_undo_last:
 * @self: an undo stack
 * @error: why nothing was undone
 *
 * Takes back the newest change not undone yet (see lumbar_undo_undo()).
 *
 * Returns: the number of the change taken back or dropped, 0 if there was
 *   none (without an error)
 */
guint
lumbar_undo_undo_last (LumbarUndo  *self,
                       GError     **error)
{
  Change *newest;
  guint id;

  g_return_val_if_fail (LUMBAR_IS_UNDO (self), 0);

  newest = g_queue_peek_head (&self->changes);
  if (newest == NULL)
    return 0;
  id = newest->id;
  lumbar_undo_undo (self, id, error);
  return id;
}

/**
 * lumbar_undo_peek_last:
 * @self: an undo stack
 *
 * Returns: the number of the newest change not undone yet, 0 if none
 */
guint
lumbar_undo_peek_last (LumbarUndo *self)
{
  Change *newest;

  g_return_val_if_fail (LUMBAR_IS_UNDO (self), 0);

  newest = g_queue_peek_head (&self->changes);
  return newest ? newest->id : 0;
}

gboolean
lumbar_undo_has_change (LumbarUndo *self,
                        guint       change)
{
  g_return_val_if_fail (LUMBAR_IS_UNDO (self), FALSE);
  return find_link (self, change) != NULL;
}

guint
lumbar_undo_get_n_changes (LumbarUndo *self)
{
  g_return_val_if_fail (LUMBAR_IS_UNDO (self), 0);
  return self->changes.length;
}

gboolean
lumbar_undo_get_can_undo (LumbarUndo *self)
{
  g_return_val_if_fail (LUMBAR_IS_UNDO (self), FALSE);
  return !g_queue_is_empty (&self->changes);
}

/**
 * lumbar_undo_clear:
 * @self: an undo stack
 *
 * Forgets every change (the diary was replaced as a whole).
 */
void
lumbar_undo_clear (LumbarUndo *self)
{
  gboolean had_changes;

  g_return_if_fail (LUMBAR_IS_UNDO (self));

  had_changes = !g_queue_is_empty (&self->changes);
  g_queue_clear_full (&self->changes, change_free);
  notify_if_emptied (self, had_changes);
}
