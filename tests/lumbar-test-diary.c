/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-test-diary"

#include "config.h"

#include <math.h>

#include "lumbar-test-diary.h"

/* A made-up but plausible diary for chart tests and screenshots: a slowly
 * wandering pain level with a flare every few months that settles over
 * weeks, spasms and rest mostly during flares, manual therapy while a
 * flare lasts, some unlogged days and the odd week away. Seeded, so every
 * run draws the same picture. */

static void
stamp (LumbarEntry *entry,
       LumbarDay    day,
       int          minute)
{
  lumbar_entry_set_time (entry, (gint64) day * 86400 + minute * 60 - 3600, 3600);
}

static int
pain (double value)
{
  return (int) CLAMP (floor (value + 0.5), 0, 10);
}

/**
 * lumbar_test_diary_new:
 * @n_days: how many days, ending with @last_day
 * @last_day: the newest day
 * @seed: seed of the random generator
 *
 * Returns: (transfer full) (element-type LumbarEntry): the entries
 */
GPtrArray *
lumbar_test_diary_new (guint     n_days,
                       LumbarDay last_day,
                       guint32   seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  double base = 3.0;
  double flare = 0;
  int away = 0;

  for (LumbarDay day = last_day - (LumbarDay) n_days + 1; day <= last_day; day++)
    {
      LumbarDay age = last_day - day;
      double level;
      int readings;

      base = CLAMP (base + g_rand_double_range (rand, -0.25, 0.25), 1.5, 5.0);
      flare *= 0.9;
      /* A flare every few months, and one that began ten days ago. */
      if (age == 10 || g_rand_int_range (rand, 0, 100) == 0)
        flare = g_rand_double_range (rand, 2.5, 4.5);
      level = base + flare;

      if (away > 0)
        {
          away--;
          continue;
        }
      if (age > 20 && g_rand_int_range (rand, 0, 250) == 0)
        {
          away = g_rand_int_range (rand, 4, 10);
          continue;
        }
      if (age != 0 && g_rand_int_range (rand, 0, 12) == 0)
        continue;

      readings = g_rand_int_range (rand, 1, 4);
      for (int r = 0; r < readings; r++)
        {
          LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_PAIN);

          stamp (e, day, 7 * 60 + r * 300 + g_rand_int_range (rand, 0, 90));
          lumbar_entry_set_local (e, pain (level + g_rand_double_range (rand, -1.3, 1.3)));
          if (g_rand_int_range (rand, 0, 10) < 7)
            lumbar_entry_set_radiating (e, pain (level * 0.45 + flare * 0.3 + g_rand_double_range (rand, -1, 1)));
          g_ptr_array_add (entries, e);
        }

      if (g_rand_double (rand) < 0.04 + flare * 0.07)
        {
          LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_SPASM);

          stamp (e, day, 10 * 60 + g_rand_int_range (rand, 0, 300));
          lumbar_entry_set_intensity (e, pain (level + 1 + g_rand_double_range (rand, -1.5, 1.5)));
          lumbar_entry_set_trigger (e, "lifting");
          g_ptr_array_add (entries, e);
        }

      if (g_rand_double (rand) < 0.25 + flare * 0.15)
        {
          LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_REST);

          stamp (e, day, 13 * 60);
          lumbar_entry_set_minutes (e, g_rand_int_range (rand, 10, 20 + (int) (flare * 12)));
          g_ptr_array_add (entries, e);
        }

      if (g_rand_double (rand) < 0.45)
        {
          LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_INCLINE);

          stamp (e, day, 18 * 60);
          lumbar_entry_set_minutes (e, g_rand_int_range (rand, 15, 60));
          lumbar_entry_set_support (e, LUMBAR_SUPPORT_PILLOWS);
          lumbar_entry_set_legs_supported (e, TRUE);
          lumbar_entry_set_knees_bent (e, TRUE);
          g_ptr_array_add (entries, e);
        }

      if ((flare > 1.5 && g_rand_int_range (rand, 0, 4) == 0) || g_rand_int_range (rand, 0, 30) == 0)
        {
          LumbarEntry *e = lumbar_entry_new (LUMBAR_KIND_THERAPY);

          stamp (e, day, 16 * 60);
          lumbar_entry_set_therapy (e, flare > 1.5 ? LUMBAR_THERAPY_MANUAL : LUMBAR_THERAPY_EXERCISE);
          g_ptr_array_add (entries, e);
        }
    }

  return entries;
}
