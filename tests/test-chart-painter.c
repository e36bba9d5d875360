/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lumbar-chart-painter-private.h"
#include "lumbar-daily.h"

/*
 * The chart as pixels: a fixed diary painted on an image surface, read
 * back through the painter's own day→x and pain→y mapping.
 */

#define WIDTH  800
#define HEIGHT 360

typedef struct {
  LumbarDay          today;
  GArray            *days;
  LumbarChartStyle   style;
  cairo_surface_t   *surface;
  LumbarChartLayout  layout;
} Fixture;

static LumbarDaily
empty_day (LumbarDay day)
{
  LumbarDaily d = { 0 };

  d.day = day;
  d.local_min = d.local_max = -1;
  d.radiating_min = d.radiating_max = -1;
  d.spasm_max = -1;
  return d;
}

static void
set_pain (LumbarDaily *d,
          int          min,
          int          max,
          double       mean)
{
  d->n_pain = min == max ? 1 : 2;
  d->local_min = min;
  d->local_max = max;
  d->local_mean = mean;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->today = lumbar_day_from_ymd (2026, 11, 27);
  f->days = g_array_new (FALSE, TRUE, sizeof (LumbarDaily));
  lumbar_chart_style_init (&f->style, FALSE);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_array_unref (f->days);
  cairo_surface_destroy (f->surface);
}

static void
paint (Fixture            *f,
       LumbarChartOptions  options)
{
  cairo_t *cr = cairo_create (f->surface);

  lumbar_chart_paint (cr, WIDTH, HEIGHT,
                      (const LumbarDaily *) (gpointer) f->days->data, f->days->len,
                      &f->style, options, &f->layout);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static void
pixel (Fixture *f,
       int      x,
       int      y,
       double   rgb[3])
{
  guint32 *row = (guint32 *) (gpointer) (cairo_image_surface_get_data (f->surface) +
                                         y * cairo_image_surface_get_stride (f->surface));
  guint32 p = row[x];

  /* The background is opaque, so premultiplied is plain. */
  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static double
distance (const double            rgb[3],
          const LumbarChartColor *c)
{
  return fabs (rgb[0] - c->red) + fabs (rgb[1] - c->green) + fabs (rgb[2] - c->blue);
}

/* Whether a pixel within @radius of (x, y) has nearly @color. */
static gboolean
color_near (Fixture                *f,
            double                  x,
            double                  y,
            int                     radius,
            const LumbarChartColor *color)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int px = (int) floor (x) + dx, py = (int) floor (y) + dy;
        double rgb[3];

        if (px < 0 || py < 0 || px >= WIDTH || py >= HEIGHT)
          continue;
        pixel (f, px, py, rgb);
        if (distance (rgb, color) < 0.12)
          return TRUE;
      }
  return FALSE;
}

/* Grey, white or black: the grid and the background, never a data mark. */
static gboolean
is_neutral (const double rgb[3])
{
  return fabs (rgb[0] - rgb[1]) < 0.06 && fabs (rgb[1] - rgb[2]) < 0.06 && fabs (rgb[0] - rgb[2]) < 0.06;
}

static void
make_days (Fixture   *f,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      LumbarDaily d = empty_day (f->today - (LumbarDay) (n - 1 - i));

      g_array_append_val (f->days, d);
    }
}

#define DAY(i) (&g_array_index (f->days, LumbarDaily, (i)))

static void
test_local_line_passes_known_days (Fixture       *f,
                                   gconstpointer  data)
{
  make_days (f, 30);
  for (guint i = 0; i < 30; i++)
    set_pain (DAY (i), 2 + i % 5, 4 + i % 5, 3 + i % 5);
  set_pain (DAY (17), 7, 9, 8.0);
  set_pain (DAY (18), 1, 1, 1.0);

  paint (f, LUMBAR_CHART_SHOW_ALL);

  g_assert_cmpuint (f->layout.n_days, ==, 30);
  g_assert_cmpuint (f->layout.n_columns, ==, 30);

  /* The line goes through each day's mean, at the day's x. */
  g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 17),
                             lumbar_chart_layout_value_to_y (&f->layout, 8.0), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
  g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 18),
                             lumbar_chart_layout_value_to_y (&f->layout, 1.0), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
  for (guint i = 0; i < 30; i++)
    g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, i),
                               lumbar_chart_layout_value_to_y (&f->layout, DAY (i)->local_mean),
                               1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));

  /* And not at the top of the scale where nothing was that high. */
  g_assert_false (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 18),
                              lumbar_chart_layout_value_to_y (&f->layout, 9.5), 2, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));

  /* The scale runs from 0 at the bottom to 10 at the top of the plot. */
  g_assert_cmpfloat_with_epsilon (lumbar_chart_layout_value_to_y (&f->layout, 0),
                                  f->layout.plot.y + f->layout.plot.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (lumbar_chart_layout_value_to_y (&f->layout, 10), f->layout.plot.y, 1e-9);
}

static void
test_gaps_draw_nothing (Fixture       *f,
                        gconstpointer  data)
{
  double slot;

  make_days (f, 30);
  for (guint i = 0; i < 30; i++)
    if (i < 10 || i > 16)
      {
        set_pain (DAY (i), 6, 8, 7);
        DAY (i)->n_radiating = 1;
        DAY (i)->radiating_min = DAY (i)->radiating_max = 5;
        DAY (i)->radiating_mean = 5;
      }
  /* One lone day in the middle of the gap. */
  set_pain (DAY (13), 3, 3, 3);

  /* The 7-day average bridges short gaps by design: leave it out here. */
  paint (f, LUMBAR_CHART_SHOW_ALL & ~LUMBAR_CHART_SHOW_ROLLING_MEAN);
  slot = f->layout.plot.width / f->layout.n_days;

  /* Between the last day before the gap and the lone day, and between the
   * lone day and the first day after it, the plot holds only grid and
   * background: no line is drawn across missing days. */
  for (guint from = 10; from < 17; from++)
    {
      double x0, x1;

      if (from == 12 || from == 13)
        continue;
      x0 = lumbar_chart_layout_day_to_x (&f->layout, from) - slot / 2 + 3;
      x1 = lumbar_chart_layout_day_to_x (&f->layout, from) + slot / 2 - 3;
      for (int x = (int) ceil (x0); x <= (int) floor (x1); x++)
        for (int y = (int) f->layout.plot.y; y < (int) (f->layout.plot.y + f->layout.plot.height); y++)
          {
            double rgb[3];

            pixel (f, x, y, rgb);
            if (!is_neutral (rgb))
              g_error ("pixel (%d, %d) in the gap on day %u is coloured (%.2f %.2f %.2f)",
                       x, y, from, rgb[0], rgb[1], rgb[2]);
          }
    }

  /* The lone day is a dot: at its value, but not half a day to either side. */
  g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 13),
                             lumbar_chart_layout_value_to_y (&f->layout, 3), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
  g_assert_false (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 13) - slot / 2,
                              lumbar_chart_layout_value_to_y (&f->layout, 3), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
  g_assert_false (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 13) + slot / 2,
                              lumbar_chart_layout_value_to_y (&f->layout, 3), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));

  /* Days with data either side are still drawn. */
  g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 9),
                             lumbar_chart_layout_value_to_y (&f->layout, 7), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
  g_assert_true (color_near (f, lumbar_chart_layout_day_to_x (&f->layout, 17),
                             lumbar_chart_layout_value_to_y (&f->layout, 7), 1, &f->style.colors[LUMBAR_CHART_COLOR_LOCAL]));
}

static void
test_empty_range_draws_no_data (Fixture       *f,
                                gconstpointer  data)
{
  make_days (f, 14);
  paint (f, LUMBAR_CHART_SHOW_ALL);

  for (int y = (int) f->layout.markers.y; y < (int) (f->layout.minutes.y + f->layout.minutes.height); y++)
    for (int x = (int) f->layout.plot.x; x < (int) (f->layout.plot.x + f->layout.plot.width); x++)
      {
        double rgb[3];

        pixel (f, x, y, rgb);
        g_assert_true (is_neutral (rgb));
      }
}

/* Ten years of random days, as a diary of readings would give them. */
static void
make_random_years (Fixture *f,
                   guint    n,
                   guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  make_days (f, n);
  for (guint i = 0; i < n; i++)
    {
      LumbarDaily *d = DAY (i);

      if (g_rand_int_range (rand, 0, 10) == 0)
        continue;
      d->local_min = g_rand_int_range (rand, 0, 11);
      d->local_max = g_rand_int_range (rand, d->local_min, 11);
      d->n_pain = d->local_min == d->local_max ? 1 : 2;
      d->local_mean = (d->local_min + d->local_max) / 2.0;
      if (g_rand_boolean (rand))
        {
          d->radiating_min = g_rand_int_range (rand, 0, 11);
          d->radiating_max = g_rand_int_range (rand, d->radiating_min, 11);
          d->n_radiating = 2;
          d->radiating_mean = (d->radiating_min + d->radiating_max) / 2.0;
        }
      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          d->n_spasms = g_rand_int_range (rand, 1, 3);
          d->spasm_max = g_rand_int_range (rand, 0, 11);
        }
      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          d->n_therapy = 1;
          d->n_manual_therapy = g_rand_boolean (rand);
        }
      d->rest_minutes = g_rand_int_range (rand, 0, 90);
      d->incline_minutes = g_rand_int_range (rand, 0, 90);
    }
}

static void
test_buckets_keep_extremes (Fixture       *f,
                            gconstpointer  data)
{
  static const guint columns[] = { 1000, 997, 365, 64, 1 };
  guint n = 3653;

  make_random_years (f, n, 17);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(GArray) buckets = lumbar_chart_compute_buckets ((const LumbarDaily *) (gpointer) f->days->data,
                                                                n, columns[c]);
      guint next = 0;

      g_assert_cmpuint (buckets->len, ==, columns[c]);

      for (guint b = 0; b < buckets->len; b++)
        {
          const LumbarChartBucket *bucket = &g_array_index (buckets, LumbarChartBucket, b);
          int local_min = -1, local_max = -1, radiating_min = -1, radiating_max = -1, spasm_max = -1;
          guint spasms = 0, therapy = 0, manual = 0, pain_days = 0;

          /* Buckets cover the days in order, each exactly once. */
          g_assert_cmpuint (bucket->first, ==, next);
          g_assert_cmpuint (bucket->n_days, >, 0);
          next = bucket->first + bucket->n_days;

          for (guint i = bucket->first; i < next; i++)
            {
              const LumbarDaily *d = DAY (i);

              if (d->n_pain)
                {
                  local_min = local_min < 0 ? d->local_min : MIN (local_min, d->local_min);
                  local_max = MAX (local_max, d->local_max);
                  pain_days++;
                }
              if (d->n_radiating)
                {
                  radiating_min = radiating_min < 0 ? d->radiating_min : MIN (radiating_min, d->radiating_min);
                  radiating_max = MAX (radiating_max, d->radiating_max);
                }
              spasms += d->n_spasms;
              spasm_max = MAX (spasm_max, d->spasm_max);
              therapy += d->n_therapy;
              manual += d->n_manual_therapy;
            }

          g_assert_cmpint (bucket->local_min, ==, local_min);
          g_assert_cmpint (bucket->local_max, ==, local_max);
          g_assert_cmpint (bucket->radiating_min, ==, radiating_min);
          g_assert_cmpint (bucket->radiating_max, ==, radiating_max);
          g_assert_cmpuint (bucket->n_pain_days, ==, pain_days);
          g_assert_cmpuint (bucket->n_spasms, ==, spasms);
          g_assert_cmpint (bucket->spasm_max, ==, spasm_max);
          g_assert_cmpuint (bucket->n_therapy, ==, therapy);
          g_assert_cmpuint (bucket->n_manual_therapy, ==, manual);
          if (pain_days > 0)
            {
              g_assert_cmpfloat (bucket->local_mean, >=, local_min);
              g_assert_cmpfloat (bucket->local_mean, <=, local_max);
            }
        }
      g_assert_cmpuint (next, ==, n);
    }
}

static void
test_rolling_mean (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) buckets = NULL;

  make_days (f, 20);
  set_pain (DAY (0), 2, 2, 2);
  set_pain (DAY (3), 6, 6, 6);

  buckets = lumbar_chart_compute_buckets ((const LumbarDaily *) (gpointer) f->days->data, 20, 0);

  /* The mean of the days with readings among the trailing seven. */
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 0).rolling_mean, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 2).rolling_mean, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 3).rolling_mean, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 6).rolling_mean, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 7).rolling_mean, 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (buckets, LumbarChartBucket, 9).rolling_mean, 6, 1e-9);
  g_assert_cmpfloat (g_array_index (buckets, LumbarChartBucket, 10).rolling_mean, <, 0);
}

static void
test_ten_years_fill_every_column (Fixture       *f,
                                  gconstpointer  data)
{
  guint columns_with_data = 0, columns = 0, minutes_columns = 0;

  make_random_years (f, 3653, 99);
  paint (f, LUMBAR_CHART_SHOW_ALL);

  /* Days outnumber pixels: one bucket per pixel column. */
  g_assert_cmpuint (f->layout.n_columns, ==, (guint) f->layout.plot.width);
  g_assert_cmpuint (f->layout.n_columns, <, 3653);

  for (int x = (int) f->layout.plot.x + 2; x < (int) (f->layout.plot.x + f->layout.plot.width) - 2; x += 7)
    {
      gboolean found = FALSE, minutes = FALSE;

      columns++;
      for (int y = (int) f->layout.plot.y; y < (int) (f->layout.plot.y + f->layout.plot.height) && !found; y++)
        {
          double rgb[3];

          pixel (f, x, y, rgb);
          found = !is_neutral (rgb);
        }
      for (int y = (int) f->layout.minutes.y + 1; y < (int) (f->layout.minutes.y + f->layout.minutes.height) - 2 && !minutes; y++)
        {
          double rgb[3];

          pixel (f, x, y, rgb);
          minutes = distance (rgb, &f->style.colors[LUMBAR_CHART_COLOR_REST]) < 0.3 || distance (rgb, &f->style.colors[LUMBAR_CHART_COLOR_INCLINE]) < 0.3;
        }
      columns_with_data += found;
      minutes_columns += minutes;
    }

  /* Nine days in ten have readings: every sampled column shows some. */
  g_assert_cmpuint (columns_with_data, ==, columns);
  g_assert_cmpuint (minutes_columns, ==, columns);
}

/* The dense raster path is a faster way to draw the same picture: painted
 * again with vector shapes only (as on a PDF), the chart must look the same
 * to a person. Antialiasing differs at the edges of each column, so the
 * test allows small per-pixel differences and a few larger ones, not a
 * missing or moved series. */
static void
test_raster_matches_vector (Fixture       *f,
                            gconstpointer  data)
{
  cairo_surface_t *vector = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  const guint8 *a, *b;
  int stride;
  guint64 total = 0;
  guint n_far = 0, n_pixels = 0;
  cairo_t *cr;

  make_random_years (f, 3653, 7);
  paint (f, LUMBAR_CHART_SHOW_ALL);
  g_assert_cmpuint (f->layout.n_columns, ==, (guint) f->layout.plot.width);

  cr = cairo_create (vector);
  _lumbar_chart_paint_full (cr, WIDTH, HEIGHT,
                            (const LumbarDaily *) (gpointer) f->days->data, f->days->len,
                            &f->style, LUMBAR_CHART_SHOW_ALL, FALSE, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (vector);

  a = cairo_image_surface_get_data (f->surface);
  b = cairo_image_surface_get_data (vector);
  stride = cairo_image_surface_get_stride (vector);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (f->surface));

  /* Compare the plot and the minutes lane, where the raster draws. */
  for (int y = (int) f->layout.plot.y; y < (int) (f->layout.minutes.y + f->layout.minutes.height); y++)
    for (int x = (int) f->layout.plot.x; x < (int) (f->layout.plot.x + f->layout.plot.width); x++)
      {
        int diff = 0;

        for (int c = 0; c < 3; c++)
          diff = MAX (diff, abs ((int) a[y * stride + x * 4 + c] - (int) b[y * stride + x * 4 + c]));
        total += diff;
        n_far += diff > 96;
        n_pixels++;
      }

  g_test_message ("mean difference %.2f/255, %u of %u pixels far apart",
                  (double) total / n_pixels, n_far, n_pixels);
  g_assert_cmpfloat ((double) total / n_pixels, <, 3.0);
  g_assert_cmpfloat ((double) n_far / n_pixels, <, 0.01);

  /* And the comparison can tell pictures apart: without the radiating
   * line the vector chart is another picture. */
  cr = cairo_create (vector);
  _lumbar_chart_paint_full (cr, WIDTH, HEIGHT,
                            (const LumbarDaily *) (gpointer) f->days->data, f->days->len,
                            &f->style, LUMBAR_CHART_SHOW_ALL & ~LUMBAR_CHART_SHOW_RADIATING, FALSE, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (vector);
  total = 0;
  n_pixels = 0;
  for (int y = (int) f->layout.plot.y; y < (int) (f->layout.plot.y + f->layout.plot.height); y++)
    for (int x = (int) f->layout.plot.x; x < (int) (f->layout.plot.x + f->layout.plot.width); x++)
      {
        int diff = 0;

        for (int c = 0; c < 3; c++)
          diff = MAX (diff, abs ((int) a[y * stride + x * 4 + c] - (int) b[y * stride + x * 4 + c]));
        total += diff;
        n_pixels++;
      }
  g_assert_cmpfloat ((double) total / n_pixels, >, 3.0);

  cairo_surface_destroy (vector);
}

static void
test_hit_test (Fixture       *f,
               gconstpointer  data)
{
  guint index;

  make_days (f, 91);
  lumbar_chart_layout_compute (&f->layout, NULL,
                               (const LumbarDaily *) (gpointer) f->days->data, f->days->len,
                               &f->style, LUMBAR_CHART_SHOW_ALL, WIDTH, HEIGHT);

  for (guint i = 0; i < 91; i++)
    {
      g_assert_true (lumbar_chart_layout_x_to_day (&f->layout, lumbar_chart_layout_day_to_x (&f->layout, i), &index));
      g_assert_cmpuint (index, ==, i);
    }
  g_assert_true (lumbar_chart_layout_day_to_x (&f->layout, 0) > f->layout.plot.x);
  g_assert_true (lumbar_chart_layout_day_to_x (&f->layout, 90) < f->layout.plot.x + f->layout.plot.width);

  /* Outside the plot: no day, but the nearest one for keyboard focus. */
  g_assert_false (lumbar_chart_layout_x_to_day (&f->layout, 1, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (lumbar_chart_layout_x_to_day (&f->layout, WIDTH - 1, &index));
  g_assert_cmpuint (index, ==, 90);

  /* Painting lays out the same way. */
  {
    LumbarChartLayout computed = f->layout;

    paint (f, LUMBAR_CHART_SHOW_ALL);
    g_assert_cmpfloat (computed.plot.x, ==, f->layout.plot.x);
    g_assert_cmpfloat (computed.plot.width, ==, f->layout.plot.width);
    g_assert_cmpfloat (computed.plot.y, ==, f->layout.plot.y);
    g_assert_cmpfloat (computed.plot.height, ==, f->layout.plot.height);
  }
}

static void
test_small_sizes (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 200, 120 }, { 360, 260 } };

  make_random_years (f, 400, 3);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0], sizes[i][1]);
      cairo_t *cr = cairo_create (surface);
      LumbarChartLayout layout;

      lumbar_chart_paint (cr, sizes[i][0], sizes[i][1],
                          (const LumbarDaily *) (gpointer) f->days->data, f->days->len,
                          &f->style, LUMBAR_CHART_SHOW_ALL, &layout);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpfloat (layout.plot.width, >=, 1);
      g_assert_cmpfloat (layout.plot.height, >=, 1);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A known fortnight: 6 every day of the first week, then 3, and 4 on the
 * last day (with radiating pain 4), two spasms, a manual therapy visit,
 * one rest. */
static void
make_known_fortnight (Fixture *f)
{
  make_days (f, 14);
  for (guint i = 0; i < 7; i++)
    set_pain (DAY (i), 6, 6, 6);
  set_pain (DAY (2), 5, 7, 6);
  for (guint i = 7; i < 13; i++)
    set_pain (DAY (i), 3, 3, 3);
  set_pain (DAY (13), 4, 4, 4);
  DAY (13)->n_radiating = 1;
  DAY (13)->radiating_min = DAY (13)->radiating_max = 4;
  DAY (13)->radiating_mean = 4;
  DAY (3)->n_spasms = 2;
  DAY (3)->spasm_max = 7;
  DAY (10)->n_therapy = 1;
  DAY (10)->n_manual_therapy = 1;
  DAY (5)->n_rest = 1;
  DAY (5)->rest_minutes = 20;
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *past = NULL;
  g_autofree char *day = NULL;

  make_known_fortnight (f);
  text = lumbar_chart_describe ((const LumbarDaily *) (gpointer) f->days->data, 14, f->today);
  g_assert_cmpstr (text, ==,
                   "Pain over the last 14 days: average 4.6. "
                   "It went from 6.0 in the first week to 3.1 in the last week. "
                   "The highest daily average was 6.0, on 14 Nov 2026. "
                   "Radiating pain averaged 4.0. "
                   "2 spasms were logged. "
                   "1 therapy visit was logged. "
                   "Rest was logged on 1 day.");

  /* A range that does not end today names its dates. */
  past = lumbar_chart_describe ((const LumbarDaily *) (gpointer) f->days->data, 14, f->today + 30);
  g_assert_true (g_str_has_prefix (past, "Pain from 14 Nov 2026 to 27 Nov 2026: average 4.6."));

  day = lumbar_chart_describe_day (DAY (3));
  g_assert_cmpstr (day, ==,
                   "Tuesday, 17 November 2026\n"
                   "Local pain: 6\n"
                   "Spasms: 2 (strongest 7)");

  g_array_set_size (f->days, 0);
  make_days (f, 30);
  empty = lumbar_chart_describe ((const LumbarDaily *) (gpointer) f->days->data, 30, f->today);
  g_assert_cmpstr (empty, ==, "No pain readings in this period.");
}

static void
test_describe_german (Fixture       *f,
                      gconstpointer  data)
{
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *text = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("LUMBAR_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("German translations are not built");
      return;
    }

  make_known_fortnight (f);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A real German locale: glibc 2.41 ignores LANGUAGE under C.UTF-8. */
  g_setenv ("LANGUAGE", "de", TRUE);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh");

  text = lumbar_chart_describe ((const LumbarDaily *) (gpointer) f->days->data, 14, f->today);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "14 Tagen"));
  g_assert_nonnull (strstr (text, "2 Muskelkrämpfe"));
  g_assert_null (strstr (text, "spasm"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/lumbar/chart-painter/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("local-line-passes-known-days", test_local_line_passes_known_days);
  ADD ("gaps-draw-nothing", test_gaps_draw_nothing);
  ADD ("empty-range-draws-no-data", test_empty_range_draws_no_data);
  ADD ("buckets-keep-extremes", test_buckets_keep_extremes);
  ADD ("rolling-mean", test_rolling_mean);
  ADD ("ten-years-fill-every-column", test_ten_years_fill_every_column);
  ADD ("raster-matches-vector", test_raster_matches_vector);
  ADD ("hit-test", test_hit_test);
  ADD ("small-sizes", test_small_sizes);
  ADD ("describe", test_describe);
  ADD ("describe-german", test_describe_german);

  return g_test_run ();
}
