/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lumbar-fault-saver: the real store, saving in a loop, for tests that
 * kill it, fill its disk or pull files away under it (tests/test-fault.py).
 *
 *   lumbar-fault-saver [OPTION…] DIR
 *
 * Loads the diary in DIR with lumbar_store_load(), then adds entries with
 * known ids ("PREFIX-N") one at a time and prints "saved ID" only once the
 * store says the entry is on disk: after lumbar_store_flush() returned
 * TRUE, or with --autosave once the autosave in a worker thread has left
 * nothing unsaved. Everything printed is line-buffered and flushed, so a
 * line the test has read is a promise the store made.
 *
 * Lines:  restored-from PATH | broken-path PATH | loaded N | read-only REASON |
 *         load-failed MESSAGE | saved ID | not-saved ID MESSAGE |
 *         save-error MESSAGE | paused | holding
 * Status: 0 done, 1 usage or internal error, 2 the diary could not be
 *         opened, 3 the store is read-only, 4 a flush failed.
 */
#define G_LOG_DOMAIN "lumbar-fault-saver"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "lumbar-entry.h"
#include "lumbar-journal.h"
#include "lumbar-store.h"

enum {
  EXIT_DONE = 0,
  EXIT_USAGE = 1,
  EXIT_LOAD_FAILED = 2,
  EXIT_READ_ONLY = 3,
  EXIT_SAVE_FAILED = 4,
};

static int count = 0;
static int note_size = 0;
static int retry_delay = 50;
static int pause_after = 0;
static char *prefix = NULL;
static gboolean autosave = FALSE;
static gboolean wait_go = FALSE;
static gboolean hold = FALSE;

static const GOptionEntry options[] = {
  { "count", 0, 0, G_OPTION_ARG_INT, &count, "Stop after N entries saved (0: until killed)", "N" },
  { "note-size", 0, 0, G_OPTION_ARG_INT, &note_size, "Give each entry a note of N characters (at most 4000), so saves take longer", "N" },
  { "prefix", 0, 0, G_OPTION_ARG_STRING, &prefix, "Ids are PREFIX-1, PREFIX-2, … (default: p<pid>)", "PREFIX" },
  { "autosave", 0, 0, G_OPTION_ARG_NONE, &autosave, "Let the autosave write in a worker thread instead of flushing", NULL },
  { "retry-delay", 0, 0, G_OPTION_ARG_INT, &retry_delay, "Milliseconds before a failed autosave is retried (default 50)", "MS" },
  { "wait-go", 0, 0, G_OPTION_ARG_NONE, &wait_go, "After loading, wait for a line on standard input before saving", NULL },
  { "pause-after", 0, 0, G_OPTION_ARG_INT, &pause_after, "After N entries saved, print “paused” and wait for a line on standard input", "N" },
  { "hold", 0, 0, G_OPTION_ARG_NONE, &hold, "After the last entry, keep the store open until standard input closes", NULL },
  { NULL }
};

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* Messages go on one line: the test reads lines. */
static char *
one_line (const char *message)
{
  return g_strdelimit (g_strdup (message ? message : ""), "\r\n", ' ');
}

static void
save_error_changed_cb (LumbarStore *store)
{
  g_autofree char *message = NULL;

  if (lumbar_store_get_save_error (store) == NULL)
    return;
  message = one_line (lumbar_store_get_save_error (store));
  say ("save-error %s", message);
}

/* Blocks until standard input has a line (TRUE) or is closed (FALSE). */
static gboolean
read_stdin_line (void)
{
  char line[64];

  return fgets (line, sizeof line, stdin) != NULL;
}

static LumbarEntry *
make_entry (int n)
{
  LumbarEntry *entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autofree char *id = g_strdup_printf ("%s-%d", prefix, n);
  g_autofree char *note = NULL;

  lumbar_entry_set_id (entry, id);
  lumbar_entry_set_local (entry, n % 11);
  if (note_size > 0)
    {
      /* Varied text, so the bytes on disk differ from save to save. */
      note = g_malloc (note_size + 1);
      for (int i = 0; i < note_size; i++)
        note[i] = 'a' + (n + i) % 26;
      note[note_size] = '\0';
      lumbar_entry_set_note (entry, note);
    }
  return entry;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarStore) store = NULL;
  LumbarJournal *journal;
  int saved = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      count < 0 || note_size < 0 || note_size > LUMBAR_NOTE_MAX_CHARS || retry_delay < 0 ||
      pause_after < 0)
    {
      g_printerr ("usage: %s [--count N] [--note-size N] [--prefix P] [--autosave] "
                  "[--retry-delay MS] [--wait-go] [--pause-after N] [--hold] DIR%s%s\n",
                  g_get_prgname (), error ? ": " : "", error ? error->message : "");
      return EXIT_USAGE;
    }
  if (prefix == NULL)
    prefix = g_strdup_printf ("p%d", (int) getpid ());

  store = lumbar_store_new (argv[1]);
  if (!lumbar_store_load (store, &error))
    {
      g_autofree char *message = one_line (error->message);

      say ("load-failed %s", message);
      return EXIT_LOAD_FAILED;
    }

  journal = lumbar_store_get_journal (store);
  if (lumbar_store_get_broken_path (store) != NULL)
    say ("broken-path %s", lumbar_store_get_broken_path (store));
  if (lumbar_store_get_restored_from (store) != NULL)
    say ("restored-from %s", lumbar_store_get_restored_from (store));
  say ("loaded %u", lumbar_journal_get_n_entries (journal));

  if (lumbar_store_get_read_only (store))
    {
      g_autofree char *message = one_line (lumbar_store_get_read_only_reason (store));

      say ("read-only %s", message);
      return EXIT_READ_ONLY;
    }

  if (wait_go)
    (void) read_stdin_line ();

  lumbar_store_set_retry_delay (store, retry_delay);
  /* In flush mode the autosave must not write in between. */
  lumbar_store_set_save_delay (store, autosave ? 0 : G_MAXINT);
  g_signal_connect (store, "notify::save-error", G_CALLBACK (save_error_changed_cb), NULL);

  for (int n = 1; count == 0 || saved < count; n++)
    {
      g_autoptr(LumbarEntry) entry = make_entry (n);

      if (!lumbar_journal_add (journal, entry, &error))
        {
          g_printerr ("%s: could not add %s: %s\n", g_get_prgname (),
                      lumbar_entry_get_id (entry), error->message);
          return EXIT_USAGE;
        }

      if (autosave)
        {
          /* The worker's result comes back on this context; until then
           * the entry is only in memory. */
          while (lumbar_store_get_has_unsaved (store))
            g_main_context_iteration (NULL, TRUE);
        }
      else if (!lumbar_store_flush (store, &error))
        {
          g_autofree char *message = one_line (error->message);

          say ("not-saved %s %s", lumbar_entry_get_id (entry), message);
          return EXIT_SAVE_FAILED;
        }

      say ("saved %s", lumbar_entry_get_id (entry));
      saved++;

      if (saved == pause_after)
        {
          say ("paused");
          (void) read_stdin_line ();
        }
    }

  if (hold)
    {
      say ("holding");
      while (read_stdin_line ())
        ;
    }

  return EXIT_DONE;
}
