/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-import"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-error.h"
#include "lumbar-import.h"

/* Import merges an exported or backed-up diary into the person's own, by
 * id (DESIGN.md → Import): an id the diary lacks is new; one it has with
 * every member equal is skipped; one it has with other content keeps the
 * diary's own entry and is a conflict. Nothing changes until apply, and
 * apply adds every new entry at once, so undo removes exactly those. */

struct _LumbarImport
{
  GObject        parent_instance;

  LumbarJournal *journal;
  GPtrArray     *new_entries;   /* of LumbarEntry, in the file's order */
  GPtrArray     *conflicts;     /* the file's versions of conflicting ids */
  guint          n_same;
  gboolean       applied;
};

G_DEFINE_FINAL_TYPE (LumbarImport, lumbar_import, G_TYPE_OBJECT)

static void
lumbar_import_finalize (GObject *object)
{
  LumbarImport *self = LUMBAR_IMPORT (object);

  g_clear_object (&self->journal);
  g_clear_pointer (&self->new_entries, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (lumbar_import_parent_class)->finalize (object);
}

static void
lumbar_import_class_init (LumbarImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lumbar_import_finalize;
}

static void
lumbar_import_init (LumbarImport *self)
{
  self->new_entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * lumbar_import_new:
 * @journal: the person's own diary
 * @document: the diary to merge into it
 * @error: why @document cannot be imported
 *
 * Compares @document with @journal without changing either. A document
 * with any problem that `lumbar --check` would list, or of a newer
 * version, is refused whole.
 *
 * Returns: (transfer full) (nullable): the import, ready to apply
 */
LumbarImport *
lumbar_import_new (LumbarJournal   *journal,
                   LumbarDocument  *document,
                   GError         **error)
{
  g_autoptr(LumbarImport) self = NULL;

  g_return_val_if_fail (LUMBAR_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  if (document->problems->len > 0)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_INVALID_ENTRY,
                   /* Translators: the file to import has problems; nothing was added */
                   ngettext ("the file has %u problem, so nothing was added (“lumbar --check” lists it)",
                             "the file has %u problems, so nothing was added (“lumbar --check” lists them)",
                             document->problems->len),
                   document->problems->len);
      return NULL;
    }
  if (document->version > LUMBAR_FORMAT_VERSION)
    {
      g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_NEWER_VERSION,
                           _("the file was written by a newer version of Lumbar, so nothing was added"));
      return NULL;
    }

  self = g_object_new (LUMBAR_TYPE_IMPORT, NULL);
  self->journal = g_object_ref (journal);

  for (guint i = 0; i < document->entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (document->entries, i);
      LumbarEntry *own = lumbar_journal_lookup (journal, lumbar_entry_get_id (entry));

      if (own == NULL)
        g_ptr_array_add (self->new_entries, g_object_ref (entry));
      else if (lumbar_entry_equal (own, entry))
        self->n_same++;
      else
        g_ptr_array_add (self->conflicts, g_object_ref (entry));
    }

  return g_steal_pointer (&self);
}

guint
lumbar_import_get_n_new (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), 0);
  return self->new_entries->len;
}

guint
lumbar_import_get_n_same (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), 0);
  return self->n_same;
}

guint
lumbar_import_get_n_conflicts (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), 0);
  return self->conflicts->len;
}

/**
 * lumbar_import_get_new:
 *
 * Returns: (transfer none) (element-type LumbarEntry): the entries the
 *   import adds
 */
GPtrArray *
lumbar_import_get_new (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), NULL);
  return self->new_entries;
}

/**
 * lumbar_import_get_conflicts:
 *
 * Returns: (transfer none) (element-type LumbarEntry): the file's versions
 *   of the entries whose id the diary has with other content; the diary's
 *   own are kept
 */
GPtrArray *
lumbar_import_get_conflicts (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), NULL);
  return self->conflicts;
}

gboolean
lumbar_import_get_applied (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), FALSE);
  return self->applied;
}

/**
 * lumbar_import_apply:
 * @self: an import not applied yet
 * @error: why nothing was added
 *
 * Adds every new entry to the diary in one change, or none: when the
 * diary changed since the comparison so that an entry's id is now taken,
 * nothing is added and the import must be made again.
 *
 * Returns: whether the entries were added
 */
gboolean
lumbar_import_apply (LumbarImport  *self,
                     GError       **error)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  for (guint i = 0; i < self->new_entries->len; i++)
    if (lumbar_journal_lookup (self->journal, lumbar_entry_get_id (g_ptr_array_index (self->new_entries, i))))
      {
        g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_IO,
                             _("the diary changed meanwhile, so nothing was added; try again"));
        return FALSE;
      }

  lumbar_journal_merge (self->journal, self->new_entries);
  self->applied = TRUE;
  return TRUE;
}

/**
 * lumbar_import_undo:
 * @self: an applied import
 * @error: unused; for symmetry with apply
 *
 * Removes exactly the entries this import added, in one change: the
 * import is undone as a whole, entries edited since included.
 *
 * Returns: %TRUE
 */
gboolean
lumbar_import_undo (LumbarImport  *self,
                    GError       **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->applied, FALSE);

  ids = g_ptr_array_new ();
  for (guint i = 0; i < self->new_entries->len; i++)
    g_ptr_array_add (ids, (char *) lumbar_entry_get_id (g_ptr_array_index (self->new_entries, i)));
  lumbar_journal_remove_ids (self->journal, ids);
  self->applied = FALSE;
  return TRUE;
}

/**
 * lumbar_import_dup_counts:
 *
 * Returns: (transfer full): "N new, N already there, N conflicts", as
 *   `lumbar --import` prints it (DESIGN.md), untranslated so scripts can
 *   read it
 */
char *
lumbar_import_dup_counts (LumbarImport *self)
{
  g_return_val_if_fail (LUMBAR_IS_IMPORT (self), NULL);
  return g_strdup_printf ("%u new, %u already there, %u conflicts",
                          self->new_entries->len, self->n_same, self->conflicts->len);
}
