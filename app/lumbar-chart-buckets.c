/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-format.h"
#include "lumbar-trends.h"

/* Days merged into pixel-column buckets, the model every layer draws. */

/* Buckets */

static void
rolling_means (const LumbarDaily *days,
               guint              n_days,
               double            *out)
{
  double sum = 0;
  guint count = 0;

  for (guint i = 0; i < n_days; i++)
    {
      if (days[i].n_pain > 0)
        {
          sum += days[i].local_mean;
          count++;
        }
      if (i >= ROLLING_DAYS && days[i - ROLLING_DAYS].n_pain > 0)
        {
          sum -= days[i - ROLLING_DAYS].local_mean;
          count--;
        }
      out[i] = count > 0 ? sum / count : -1;
    }
}

/**
 * lumbar_chart_compute_buckets:
 * @days: (array length=n_days): consecutive days
 * @n_days: number of days
 * @max_columns: how many columns there is room for; 0 for one per day
 *
 * Merges consecutive days into at most @max_columns buckets of nearly equal
 * size, keeping the true minimum and maximum of every bucket.
 *
 * Returns: (transfer full) (element-type LumbarChartBucket): the buckets
 */
GArray *
lumbar_chart_compute_buckets (const LumbarDaily *days,
                              guint              n_days,
                              guint              max_columns)
{
  g_autofree double *rolling = NULL;
  GArray *buckets;
  guint n_buckets;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  n_buckets = (max_columns == 0 || n_days <= max_columns) ? n_days : max_columns;
  buckets = g_array_sized_new (FALSE, TRUE, sizeof (LumbarChartBucket), n_buckets);
  g_array_set_size (buckets, n_buckets);
  if (n_days == 0)
    return buckets;

  rolling = g_new (double, n_days);
  rolling_means (days, n_days, rolling);

  for (guint b = 0; b < n_buckets; b++)
    {
      LumbarChartBucket *bucket = &g_array_index (buckets, LumbarChartBucket, b);
      guint first = (guint) ((guint64) b * n_days / n_buckets);
      guint end = (guint) ((guint64) (b + 1) * n_days / n_buckets);
      double local_sum = 0, radiating_sum = 0, rolling_sum = 0;
      double rest = 0, incline = 0;
      guint n_rolling = 0;

      bucket->first = first;
      bucket->n_days = end - first;
      bucket->local_min = bucket->local_max = -1;
      bucket->radiating_min = bucket->radiating_max = -1;
      bucket->spasm_max = -1;

      for (guint i = first; i < end; i++)
        {
          const LumbarDaily *d = &days[i];

          if (d->n_pain > 0)
            {
              bucket->local_min = bucket->n_pain_days ? MIN (bucket->local_min, d->local_min) : d->local_min;
              bucket->local_max = MAX (bucket->local_max, d->local_max);
              local_sum += d->local_mean;
              bucket->n_pain_days++;
            }
          if (d->n_radiating > 0)
            {
              bucket->radiating_min = bucket->n_radiating_days ? MIN (bucket->radiating_min, d->radiating_min) : d->radiating_min;
              bucket->radiating_max = MAX (bucket->radiating_max, d->radiating_max);
              radiating_sum += d->radiating_mean;
              bucket->n_radiating_days++;
            }
          if (rolling[i] >= 0)
            {
              rolling_sum += rolling[i];
              n_rolling++;
            }
          if (d->n_spasms > 0)
            {
              bucket->n_spasms += d->n_spasms;
              bucket->n_spasm_days++;
              bucket->spasm_max = MAX (bucket->spasm_max, d->spasm_max);
            }
          bucket->n_therapy += d->n_therapy;
          bucket->n_manual_therapy += d->n_manual_therapy;
          rest += d->rest_minutes;
          incline += d->incline_minutes;
        }

      bucket->local_mean = bucket->n_pain_days ? local_sum / bucket->n_pain_days : 0;
      bucket->radiating_mean = bucket->n_radiating_days ? radiating_sum / bucket->n_radiating_days : 0;
      bucket->rolling_mean = n_rolling ? rolling_sum / n_rolling : -1;
      bucket->rest_minutes = rest / bucket->n_days;
      bucket->incline_minutes = incline / bucket->n_days;
    }

  return buckets;
}
