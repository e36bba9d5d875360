/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-daily"

#include "config.h"

#include "lumbar-daily.h"

static void
add_entry (LumbarDaily *d,
           LumbarEntry *entry)
{
  switch (lumbar_entry_get_kind (entry))
    {
    case LUMBAR_KIND_PAIN:
      {
        int local = lumbar_entry_get_local (entry);
        int radiating = lumbar_entry_get_radiating (entry);

        /* Running mean: the sums stay exact for any count we accept. */
        d->local_mean = (d->local_mean * d->n_pain + local) / (d->n_pain + 1);
        d->local_min = d->n_pain ? MIN (d->local_min, local) : local;
        d->local_max = d->n_pain ? MAX (d->local_max, local) : local;
        d->n_pain++;

        if (radiating != LUMBAR_RADIATING_NONE)
          {
            d->radiating_mean = (d->radiating_mean * d->n_radiating + radiating) / (d->n_radiating + 1);
            d->radiating_min = d->n_radiating ? MIN (d->radiating_min, radiating) : radiating;
            d->radiating_max = d->n_radiating ? MAX (d->radiating_max, radiating) : radiating;
            d->n_radiating++;
          }
        d->flags |= lumbar_entry_get_flags (entry);
      }
      break;

    case LUMBAR_KIND_SPASM:
      d->spasm_max = MAX (d->spasm_max, lumbar_entry_get_intensity (entry));
      d->n_spasms++;
      break;

    case LUMBAR_KIND_REST:
      d->rest_minutes += lumbar_entry_get_minutes (entry);
      d->n_rest++;
      break;

    case LUMBAR_KIND_INCLINE:
      d->incline_minutes += lumbar_entry_get_minutes (entry);
      d->n_incline++;
      break;

    case LUMBAR_KIND_THERAPY:
      d->n_therapy++;
      if (lumbar_entry_get_therapy (entry) == LUMBAR_THERAPY_MANUAL)
        d->n_manual_therapy++;
      break;

    case LUMBAR_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * lumbar_daily_collect_entries:
 * @entries: (element-type LumbarEntry): entries in any order
 * @first: first day
 * @last: last day, inclusive
 *
 * Returns: (transfer full) (element-type LumbarDaily): one element for every
 *   day from @first to @last, in order, empty days included
 */
GArray *
lumbar_daily_collect_entries (GPtrArray *entries,
                              LumbarDay  first,
                              LumbarDay  last)
{
  GArray *days;
  guint n = last >= first ? (guint) (last - first + 1) : 0;

  days = g_array_sized_new (FALSE, TRUE, sizeof (LumbarDaily), n);
  g_array_set_size (days, n);
  for (guint i = 0; i < n; i++)
    {
      LumbarDaily *d = &g_array_index (days, LumbarDaily, i);

      d->day = first + (LumbarDay) i;
      d->local_min = d->local_max = -1;
      d->radiating_min = d->radiating_max = -1;
      d->spasm_max = -1;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LumbarEntry *entry = g_ptr_array_index (entries, i);
      LumbarDay day = lumbar_entry_get_day (entry);

      if (day < first || day > last)
        continue;
      add_entry (&g_array_index (days, LumbarDaily, day - first), entry);
    }

  return days;
}

/**
 * lumbar_daily_collect:
 * @journal: a journal
 * @first: first day
 * @last: last day, inclusive
 *
 * Like lumbar_daily_collect_entries() but reads only the entries of the
 * requested days, through the journal's day index.
 *
 * Returns: (transfer full) (element-type LumbarDaily): one element per day
 */
GArray *
lumbar_daily_collect (LumbarJournal *journal,
                      LumbarDay      first,
                      LumbarDay      last)
{
  g_autoptr(GPtrArray) entries = lumbar_journal_get_days (journal, first, last);

  return lumbar_daily_collect_entries (entries, first, last);
}

gboolean
lumbar_daily_has_data (const LumbarDaily *daily)
{
  return daily->n_pain || daily->n_spasms || daily->n_rest || daily->n_incline || daily->n_therapy;
}
