/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-bench"
/* fsync() and O_CLOEXEC under -std=c11 */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "lumbar-bench-diary.h"
#include "lumbar-bench-private.h"
#include "lumbar-document.h"
#include "lumbar-journal.h"
#include "lumbar-store.h"

/* Every figure is a ratio against a baseline measured alternately in the
 * same run (these machines are noisy), or a median of repeated runs. */

static gboolean opt_json;
static gboolean opt_quick;
static int opt_runs = 0;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len == 0)
    return 0;
  if (samples->len % 2)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1) +
          g_array_index (samples, double, samples->len / 2)) / 2;
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
bench_runs (int full)
{
  if (opt_runs > 0)
    return opt_runs;
  return opt_quick ? MAX (3, full / 3) : full;
}

gboolean
bench_is_quick (void)
{
  return opt_quick;
}

/* load + validate (into a journal) ÷ bare json_parser_load_from_data */
static double
measure_load (GBytes *bytes)
{
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (int run = 0; run < bench_runs (9); run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(LumbarJournal) journal = lumbar_journal_new ();
      g_autoptr(LumbarDocument) doc = NULL;
      double t0, t1, t2;

      t0 = bench_now_ms ();
      json_parser_load_from_data (parser, data, (gssize) len, NULL);
      t1 = bench_now_ms ();
      doc = lumbar_document_parse (data, len, LUMBAR_PARSE_ALLOW_NEWER, NULL);
      lumbar_journal_set_entries (journal, doc->entries);
      t2 = bench_now_ms ();

      g_assert (doc->problems->len == 0);
      g_array_append_val (base, (double) { t1 - t0 });
      g_array_append_val (ours, (double) { t2 - t1 });
    }

  return bench_median (ours) / bench_median (base);
}

/* The bare parse time of the 10-year diary, for data_shown_ratio. */
static double
bench_bare_parse_ms (GBytes *bytes)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (int run = 0; run < bench_runs (9); run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      double t0 = bench_now_ms ();

      json_parser_load_from_data (parser, data, (gssize) len, NULL);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
    }
  return bench_median (samples);
}

static void
touch_journal (LumbarJournal *journal,
               guint          run)
{
  LumbarEntry *first = lumbar_journal_get_entry (journal, 0);
  g_autoptr(LumbarEntry) copy = lumbar_entry_copy (first);

  lumbar_entry_set_note (copy, run % 2 ? "changed" : "changed again");
  lumbar_journal_replace (journal, copy, NULL);
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* The store's save (serialise, read back, durable atomic write) ÷
 * json_generator_to_data of the same document + the same durable write. */
static double
measure_save (GPtrArray  *entries,
              GBytes     *bytes,
              const char *dir)
{
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LumbarStore) store = lumbar_store_new (dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *base_path = g_build_filename (dir, "baseline.json", NULL);
  LumbarJournal *journal;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  json_parser_load_from_data (parser, data, (gssize) len, NULL);
  json_generator_set_root (generator, json_parser_get_root (parser));

  lumbar_store_load (store, NULL);
  journal = lumbar_store_get_journal (store);
  lumbar_journal_set_entries (journal, entries);
  /* The first save of the day also makes the daily backup; not measured. */
  lumbar_store_flush (store, NULL);

  for (int run = 0; run < bench_runs (9); run++)
    {
      g_autofree char *text = NULL;
      gsize text_len;
      double t0, t1, t2;

      t0 = bench_now_ms ();
      text = json_generator_to_data (generator, &text_len);
      g_file_set_contents_full (base_path, text, (gssize) text_len,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, NULL);
      /* A durable replace also syncs the folder, which GLib leaves out
       * and the storage promises require. */
      sync_folder (dir);
      t1 = bench_now_ms ();
      touch_journal (journal, run);
      if (!lumbar_store_flush (store, NULL))
        g_error ("the store could not save");
      t2 = bench_now_ms ();

      g_array_append_val (base, (double) { t1 - t0 });
      g_array_append_val (ours, (double) { t2 - t1 });
    }

  g_unlink (base_path);
  return bench_median (ours) / bench_median (base);
}

/* Main-thread time of adding one entry to the 10-year journal with the
 * store attached (the save itself runs later, in a worker thread). */
static double
measure_add_entry (GPtrArray  *entries,
                   const char *dir)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LumbarStore) store = lumbar_store_new (dir);
  LumbarJournal *journal;

  lumbar_store_load (store, NULL);
  journal = lumbar_store_get_journal (store);
  lumbar_journal_set_entries (journal, entries);
  lumbar_store_flush (store, NULL);

  for (int run = 0; run < bench_runs (201); run++)
    {
      g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
      double t0;

      lumbar_entry_set_local (entry, run % 11);
      t0 = bench_now_ms ();
      lumbar_journal_add (journal, entry, NULL);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });

      /* Let the store's scheduled save run now and then, as in real use. */
      if (run % 50 == 49)
        lumbar_store_flush (store, NULL);
    }

  return bench_median (samples);
}

typedef struct {
  const char *key;
  const char *what;
  const char *goal;
  double      value;
  gboolean    measured;
} Figure;

static void
print_table (Figure  *figures,
             guint    n,
             guint    years_entries[3])
{
  g_print ("Lumbar benchmark (%s run)\n", opt_quick ? "quick" : "full");
  g_print ("Synthetic diaries: 1 year = %u entries, 5 years = %u, 10 years = %u\n\n",
           years_entries[0], years_entries[1], years_entries[2]);
  g_print ("%-26s %12s %8s  %s\n", "key", "value", "goal", "what");
  for (guint i = 0; i < n; i++)
    {
      if (figures[i].measured)
        g_print ("%-26s %12.3f %8s  %s\n", figures[i].key, figures[i].value, figures[i].goal, figures[i].what);
      else
        g_print ("%-26s %12s %8s  %s\n", figures[i].key, "missing", figures[i].goal, figures[i].what);
    }
}

static void
print_json (Figure *figures,
            guint   n)
{
  g_print ("{");
  for (guint i = 0; i < n; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_print ("%s\"%s\": ", i ? ", " : "", figures[i].key);
      if (figures[i].measured)
        g_print ("%s", g_ascii_formatd (buf, sizeof buf, "%.4f", figures[i].value));
      else
        g_print ("null");
    }
  g_print ("}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) ten = NULL;
  g_autoptr(GPtrArray) five = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GBytes) ten_bytes = NULL;
  guint counts[3];
  LumbarDay today;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print one JSON object", NULL },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick, "A smaller, faster run (checks the bench works)", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Repetitions per figure", "N" },
    { NULL }
  };
  Figure figures[] = {
    { "load_ratio", "load + validate 10 years / bare json_parser_load_from_data", "<= 1.5" },
    { "save_ratio", "save 10 years / json_generator_to_data + durable write", "<= 1.5" },
    { "add_entry_main_thread_ms", "main-thread time to add one entry to 10 years", "<= 2" },
    { "summary_ms", "trends + tips on 10 years", "<= 1" },
    { "chart_ratio", "paint 10 years / paint 30 days at 1000x400", "<= 2" },
    { "startup_ratio", "first frame with 10 years / empty AdwApplicationWindow", "<= 1.25" },
    { "data_shown_ratio", "(data on screen - first frame) / bare parse", "<= 1.5" },
    { "rss_extra_mib", "peak memory with 10 years shown - empty window", "<= 40" },
    { "patients_ratio", "open 100 exports in the Patients model / read them as --check", "<= 1.5" },
    { "patients_ms", "open a folder of 100 exports (8 weeks each)", "<= 1000" },
    { "search_ms", "filter 10 years for a word and rebuild the Diary's list", "<= 50" },
  };

  context = g_option_context_new ("— measure Lumbar against its performance targets");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("lumbar-bench-XXXXXX", &error);
  g_assert_no_error (error);

  today = lumbar_day_today ();
  one = lumbar_bench_make_diary (1, today, 1);
  five = lumbar_bench_make_diary (5, today, 5);
  ten = lumbar_bench_make_diary (opt_quick ? 2 : 10, today, 10);
  counts[0] = one->len;
  counts[1] = five->len;
  counts[2] = ten->len;
  ten_bytes = lumbar_entries_to_bytes (ten);

  {
    g_autofree char *save_dir = g_build_filename (dir, "save", NULL);
    g_autofree char *add_dir = g_build_filename (dir, "add", NULL);

    figures[0].value = measure_load (ten_bytes);
    figures[0].measured = TRUE;
    figures[1].value = measure_save (ten, ten_bytes, save_dir);
    figures[1].measured = TRUE;
    figures[2].value = measure_add_entry (ten, add_dir);
    figures[2].measured = TRUE;
  }

  figures[3].measured = bench_summary_ms (ten, today, &figures[3].value);
  figures[4].measured = bench_chart_ratio (ten, today, &figures[4].value);
  figures[8].measured = bench_patients_ratio (ten, today, dir, &figures[8].value, &figures[9].value);
  figures[9].measured = figures[8].measured;
  figures[10].measured = bench_search_ms (ten, &figures[10].value);
  {
    BenchApp app = { 0 };

    if (bench_app (ten_bytes, dir, &app))
      {
        figures[5].value = app.startup_ratio;
        figures[5].measured = TRUE;
        figures[6].value = app.data_shown_ms / bench_bare_parse_ms (ten_bytes);
        figures[6].measured = TRUE;
        figures[7].value = app.rss_extra_mib;
        figures[7].measured = TRUE;
      }
  }

  if (opt_json)
    print_json (figures, G_N_ELEMENTS (figures));
  else
    print_table (figures, G_N_ELEMENTS (figures), counts);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    int status;

    g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL);
  }

  return 0;
}
