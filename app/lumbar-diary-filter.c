/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-diary-filter"

#include "config.h"

#include <string.h>

#include "lumbar-diary-filter.h"

/* What the Diary's search bar asks for: words that must all appear in an
 * entry's note or spasm trigger, the kinds to show and whether only pain
 * readings with warning signs count.
 *
 * Words match anywhere in the text (German compounds: "schmerz" finds
 * "Rückenschmerz"), whatever the case and the accents ("Ruckenschmerz"
 * finds it too): both sides are case-folded, decomposed and stripped of
 * their combining marks. Most notes are plain ASCII, and those are
 * compared in place, without folding a copy: filtering ten years of diary
 * happens while the person types. */

struct _LumbarDiaryFilter
{
  gatomicrefcount ref_count;
  char          **words;        /* folded, never empty strings */
  guint           kinds;
  gboolean        warning_signs;
};

G_DEFINE_BOXED_TYPE (LumbarDiaryFilter, lumbar_diary_filter,
                     lumbar_diary_filter_ref, lumbar_diary_filter_unref)

/**
 * lumbar_diary_filter_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text case-folded, without accents
 */
char *
lumbar_diary_filter_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * lumbar_diary_filter_new:
 * @query: (nullable): words to look for, separated by spaces
 * @kinds: the kinds to show, LUMBAR_KIND_MASK() bits (0 counts as all)
 * @warning_signs: only pain readings with warning signs
 *
 * Returns: (transfer full): a filter
 */
LumbarDiaryFilter *
lumbar_diary_filter_new (const char *query,
                         guint       kinds,
                         gboolean    warning_signs)
{
  LumbarDiaryFilter *self = g_new0 (LumbarDiaryFilter, 1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  g_atomic_ref_count_init (&self->ref_count);
  kinds &= LUMBAR_ALL_KINDS;
  self->kinds = kinds == 0 ? LUMBAR_ALL_KINDS : kinds;
  self->warning_signs = !!warning_signs;

  if (query != NULL && g_utf8_validate (query, -1, NULL))
    {
      g_autofree char *folded = lumbar_diary_filter_fold (query);
      g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (words, g_strdup (parts[i]));
    }
  g_ptr_array_add (words, NULL);
  self->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);

  return self;
}

LumbarDiaryFilter *
lumbar_diary_filter_ref (LumbarDiaryFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lumbar_diary_filter_unref (LumbarDiaryFilter *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_strfreev (self->words);
      g_free (self);
    }
}

/* Whether the filter lets every entry through. */
gboolean
lumbar_diary_filter_is_empty (LumbarDiaryFilter *self)
{
  return self == NULL ||
         (self->words[0] == NULL && self->kinds == LUMBAR_ALL_KINDS && !self->warning_signs);
}

gboolean
lumbar_diary_filter_equal (LumbarDiaryFilter *a,
                           LumbarDiaryFilter *b)
{
  if (lumbar_diary_filter_is_empty (a) || lumbar_diary_filter_is_empty (b))
    return lumbar_diary_filter_is_empty (a) == lumbar_diary_filter_is_empty (b);
  return a->kinds == b->kinds &&
         a->warning_signs == b->warning_signs &&
         g_strv_equal ((const char * const *) a->words, (const char * const *) b->words);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* @word (folded) in ASCII @text, ignoring case. */
static gboolean
ascii_contains (const char *text,
                const char *word)
{
  gsize n = strlen (word);

  for (const char *p = text; *p; p++)
    if (g_ascii_tolower (*p) == word[0] && g_ascii_strncasecmp (p, word, n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @word is in @text or, folded, in @folded (made when first needed). */
static gboolean
text_contains (const char *text,
               char      **folded,
               const char *word)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  if (*folded == NULL && is_ascii (text))
    return is_ascii (word) && ascii_contains (text, word);
  if (*folded == NULL)
    *folded = lumbar_diary_filter_fold (text);
  return strstr (*folded, word) != NULL;
}

/**
 * lumbar_diary_filter_match:
 * @self: (nullable): a filter; %NULL lets everything through
 * @entry: an entry
 *
 * Returns: whether @entry is one the filter asks for
 */
gboolean
lumbar_diary_filter_match (LumbarDiaryFilter *self,
                           LumbarEntry       *entry)
{
  g_autofree char *folded_note = NULL;
  g_autofree char *folded_trigger = NULL;
  const char *note, *trigger;
  LumbarKind kind;

  g_return_val_if_fail (LUMBAR_IS_ENTRY (entry), FALSE);

  if (self == NULL)
    return TRUE;

  kind = lumbar_entry_get_kind (entry);
  if ((self->kinds & LUMBAR_KIND_MASK (kind)) == 0)
    return FALSE;
  if (self->warning_signs && lumbar_entry_get_flags (entry) == LUMBAR_FLAG_NONE)
    return FALSE;
  if (self->words[0] == NULL)
    return TRUE;

  note = lumbar_entry_get_note (entry);
  trigger = kind == LUMBAR_KIND_SPASM ? lumbar_entry_get_trigger (entry) : NULL;
  for (guint i = 0; self->words[i] != NULL; i++)
    if (!text_contains (note, &folded_note, self->words[i]) &&
        !text_contains (trigger, &folded_trigger, self->words[i]))
      return FALSE;
  return TRUE;
}
