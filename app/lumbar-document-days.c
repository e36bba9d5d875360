/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-document-days"

#include "config.h"

#include "lumbar-document-days.h"
#include "lumbar-export.h"

/**
 * lumbar_document_exported_day:
 * @doc: a document
 *
 * Returns: the day "exported_at" names, in the offset it was written in
 *   (like every day in the file), or %LUMBAR_DAY_INVALID when @doc is not
 *   an export
 */
LumbarDay
lumbar_document_exported_day (const LumbarDocument *doc)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (doc != NULL, LUMBAR_DAY_INVALID);

  if (doc->exported_at == NULL)
    return LUMBAR_DAY_INVALID;
  date_time = g_date_time_new_from_iso8601 (doc->exported_at, NULL);
  if (date_time == NULL)
    return LUMBAR_DAY_INVALID;
  return lumbar_day_from_time (g_date_time_to_unix (date_time),
                               (int) (g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_SECOND));
}

/**
 * lumbar_document_days_resolve:
 * @doc: a document read from a file
 * @today: the local date, or the day the user asked for
 * @today_given: whether the user asked for @today (`--today`)
 * @days: (out caller-allocates): the days
 *
 * DESIGN.md → Tips: for an export the figures are as of the earlier of the
 * export's day and its range's last day, never the viewer's clock (unless
 * asked), and the period is its range, open ends closed by its entries.
 * A diary or backup is the person's own: as of @today, from its first
 * entry on.
 */
void
lumbar_document_days_resolve (const LumbarDocument *doc,
                              LumbarDay             today,
                              gboolean              today_given,
                              LumbarDocumentDays   *days)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (days != NULL);

  days->exported = lumbar_document_exported_day (doc);
  days->voice = doc->exported_at != NULL ? LUMBAR_VOICE_THERAPIST : LUMBAR_VOICE_PERSON;

  if (days->exported != LUMBAR_DAY_INVALID)
    {
      lumbar_export_resolve_range (doc->entries, doc->range_from, doc->range_to, days->exported,
                                   &days->from, &days->to);
      days->today = days->exported;
      if (doc->range_to != LUMBAR_DAY_INVALID)
        days->today = MIN (days->today, doc->range_to);
      if (today_given)
        days->today = today;
      return;
    }

  days->today = today;
  days->from = LUMBAR_DAY_INVALID;
  for (guint i = 0; i < doc->entries->len; i++)
    {
      LumbarDay day = lumbar_entry_get_day (g_ptr_array_index (doc->entries, i));

      if (day <= today && (days->from == LUMBAR_DAY_INVALID || day < days->from))
        days->from = day;
    }
  if (days->from == LUMBAR_DAY_INVALID)
    days->from = today;
  days->to = today;
}
