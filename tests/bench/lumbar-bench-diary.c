/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"

#include "config.h"

#include "lumbar-bench-diary.h"

static void
stamp (LumbarEntry *entry,
       LumbarDay    day,
       int          minute_of_day,
       int          offset)
{
  lumbar_entry_set_time (entry, (gint64) day * 86400 + minute_of_day * 60 - offset, offset);
}

/* Ids from the seeded generator, so the bytes are the same every run. */
static void
add (GPtrArray   *entries,
     LumbarEntry *entry,
     GRand       *rand)
{
  g_autofree char *id = g_strdup_printf ("%08x-%04x-4%03x-8%03x-%08x%04x",
                                         g_rand_int (rand), g_rand_int (rand) & 0xFFFF,
                                         g_rand_int (rand) & 0xFFF, g_rand_int (rand) & 0xFFF,
                                         g_rand_int (rand), g_rand_int (rand) & 0xFFFF);

  lumbar_entry_set_id (entry, id);
  g_ptr_array_add (entries, entry);
}

static int
clamp_pain (double value)
{
  return (int) CLAMP (value + 0.5, 0, 10);
}

/**
 * lumbar_bench_make_diary:
 * @years: how many years of diary
 * @last_day: the newest day
 * @seed: the random seed, so every run sees the same diary
 *
 * About four entries a day, as DESIGN.md's benchmark describes: two pain
 * readings, a rest, an inclined sitting, a spasm on some days, a therapy
 * visit now and then, with a slowly wandering pain level and the offsets of
 * a place with summer time.
 *
 * Returns: (transfer full) (element-type LumbarEntry): the entries
 */
GPtrArray *
lumbar_bench_make_diary (guint     years,
                         LumbarDay last_day,
                         guint32   seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  LumbarDay first_day = last_day - (LumbarDay) (years * 365.25) + 1;
  double level = 4.0;

  for (LumbarDay day = first_day; day <= last_day; day++)
    {
      int month;
      int offset;
      LumbarEntry *e;

      lumbar_day_to_ymd (day, NULL, &month, NULL);
      offset = (month >= 4 && month <= 10) ? 7200 : 3600;
      level = CLAMP (level + g_rand_double_range (rand, -0.6, 0.6), 1.0, 9.0);

      for (int reading = 0; reading < 2; reading++)
        {
          e = lumbar_entry_new (LUMBAR_KIND_PAIN);
          stamp (e, day, reading == 0 ? 8 * 60 + g_rand_int_range (rand, 0, 60)
                                      : 20 * 60 + g_rand_int_range (rand, 0, 60), offset);
          lumbar_entry_set_local (e, clamp_pain (level + g_rand_double_range (rand, -1, 1)));
          lumbar_entry_set_radiating (e, clamp_pain (level / 2 + g_rand_double_range (rand, -1, 1)));
          if (g_rand_int_range (rand, 0, 10) == 0)
            lumbar_entry_set_note (e, "Stiff after the drive home; stretching helped a little.");
          add (entries, e, rand);
        }

      e = lumbar_entry_new (LUMBAR_KIND_REST);
      stamp (e, day, 13 * 60, offset);
      lumbar_entry_set_minutes (e, g_rand_int_range (rand, 10, 60));
      add (entries, e, rand);

      e = lumbar_entry_new (LUMBAR_KIND_INCLINE);
      stamp (e, day, 17 * 60, offset);
      lumbar_entry_set_minutes (e, g_rand_int_range (rand, 15, 90));
      lumbar_entry_set_support (e, g_rand_int_range (rand, 0, 3));
      lumbar_entry_set_legs_supported (e, TRUE);
      lumbar_entry_set_knees_bent (e, g_rand_boolean (rand));
      add (entries, e, rand);

      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          e = lumbar_entry_new (LUMBAR_KIND_SPASM);
          stamp (e, day, 11 * 60, offset);
          lumbar_entry_set_intensity (e, clamp_pain (level + 1));
          lumbar_entry_set_trigger (e, "bending to tie shoes");
          add (entries, e, rand);
        }

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          e = lumbar_entry_new (LUMBAR_KIND_THERAPY);
          stamp (e, day, 15 * 60, offset);
          lumbar_entry_set_therapy (e, LUMBAR_THERAPY_MANUAL);
          add (entries, e, rand);
        }
    }

  return entries;
}
