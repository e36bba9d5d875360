/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lumbar-autostart.h"
#include "lumbar-reminders.h"

/* When reminders come (DESIGN.md, "Settings and reminders"), decided on a
 * made-up clock: nothing here waits for real time. And the autostart entry
 * that starts Lumbar at login while reminders are on. */

typedef struct {
  char            *dir;
  LumbarStore     *store;
  LumbarReminders *reminders;
  GDateTime       *now;       /* what the clock says */
  GPtrArray       *reminded;  /* "HH:MM" of each ::remind */
  GArray          *overdue;   /* LumbarKind of each ::timer-overdue */
} Fixture;

static GDateTime *
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_ref (fixture->now);
}

/* A fixed zone, so the tests mean the same in every time zone and no
 * daylight-saving change falls in them. */
static GDateTime *
at (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static gint64
unix_at (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = at (year, month, day, hour, minute);

  return g_date_time_to_unix (time);
}

static void
set_now (Fixture   *fixture,
         GDateTime *now)
{
  g_clear_pointer (&fixture->now, g_date_time_unref);
  fixture->now = now;
}

static void
on_remind (LumbarReminders *reminders,
           const char      *time,
           gint64           due,
           Fixture         *fixture)
{
  g_ptr_array_add (fixture->reminded, g_strdup (time));
}

static void
on_timer_overdue (LumbarReminders *reminders,
                  int              kind,
                  gint64           start,
                  Fixture         *fixture)
{
  g_array_append_val (fixture->overdue, kind);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lumbar-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = lumbar_store_new (fixture->dir);
  g_assert_true (lumbar_store_load (fixture->store, &error));
  g_assert_no_error (error);
  fixture->reminded = g_ptr_array_new_with_free_func (g_free);
  fixture->overdue = g_array_new (FALSE, FALSE, sizeof (int));
  fixture->now = at (2026, 1, 14, 6, 0);

  fixture->reminders = lumbar_reminders_new (fixture->store);
  lumbar_reminders_set_clock (fixture->reminders, fake_clock, fixture, NULL);
  g_signal_connect (fixture->reminders, "remind", G_CALLBACK (on_remind), fixture);
  g_signal_connect (fixture->reminders, "timer-overdue", G_CALLBACK (on_timer_overdue), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->reminders);
  g_assert_true (lumbar_store_flush (fixture->store, &error));
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  g_ptr_array_unref (fixture->reminded);
  g_array_unref (fixture->overdue);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Takes @when. */
static void
log_pain_at (Fixture   *fixture,
             GDateTime *when)
{
  g_autoptr(GDateTime) owned = when;
  g_autoptr(LumbarEntry) entry = lumbar_entry_new (LUMBAR_KIND_PAIN);
  g_autoptr(GError) error = NULL;

  lumbar_entry_set_date_time (entry, when);
  lumbar_entry_set_local (entry, 4);
  g_assert_true (lumbar_journal_add (lumbar_store_get_journal (fixture->store), entry, &error));
  g_assert_no_error (error);
}

static void
test_sent_at_the_time (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *times[] = { "20:00", NULL };
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) check = NULL;

  set_now (fixture, at (2026, 1, 14, 19, 59));
  lumbar_reminders_set_times (fixture->reminders, times);
  g_assert_cmpuint (fixture->reminded->len, ==, 0);

  /* The timeout is armed for the reminder's time, to the second. */
  next = lumbar_reminders_dup_next_due (fixture->reminders);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_to_unix (next), ==, unix_at (2026, 1, 14, 20, 0));
  check = lumbar_reminders_dup_next_check (fixture->reminders);
  g_assert_cmpint (g_date_time_to_unix (check), ==, g_date_time_to_unix (next));

  set_now (fixture, at (2026, 1, 14, 20, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->reminded, 0), ==, "20:00");
}

static void
test_not_after_pain_logged (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *times[] = { "08:00", "20:00", NULL };

  /* Pain logged an hour before 20:00: no reminder then. */
  log_pain_at (fixture, at (2026, 1, 14, 19, 0));
  set_now (fixture, at (2026, 1, 14, 19, 30));
  lumbar_reminders_set_times (fixture->reminders, times);
  set_now (fixture, at (2026, 1, 14, 20, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 0);

  /* One logged more than 2 hours before does not count. */
  log_pain_at (fixture, at (2026, 1, 15, 5, 59));
  set_now (fixture, at (2026, 1, 15, 8, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->reminded, 0), ==, "08:00");
}

static void
test_not_twice (Fixture       *fixture,
                gconstpointer  data)
{
  const char *times[] = { "20:00", NULL };
  const char *same[] = { "20:00", "21:00", NULL };

  set_now (fixture, at (2026, 1, 14, 20, 0));
  lumbar_reminders_set_times (fixture->reminders, times);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);

  set_now (fixture, at (2026, 1, 14, 20, 5));
  lumbar_reminders_check (fixture->reminders);
  /* Times set again (the preferences changed) remember what was sent. */
  lumbar_reminders_set_times (fixture->reminders, same);
  set_now (fixture, at (2026, 1, 14, 20, 29));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);
}

static void
test_skipped_when_late (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *times[] = { "20:00", "23:50", NULL };
  g_autoptr(GDateTime) next = NULL;

  /* Woken from a suspend 31 minutes after the time: skipped for good. */
  set_now (fixture, at (2026, 1, 14, 19, 0));
  lumbar_reminders_set_times (fixture->reminders, times);
  set_now (fixture, at (2026, 1, 14, 20, 31));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 0);
  set_now (fixture, at (2026, 1, 14, 20, 40));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 0);

  next = lumbar_reminders_dup_next_due (fixture->reminders);
  g_assert_cmpint (g_date_time_to_unix (next), ==, unix_at (2026, 1, 14, 23, 50));

  /* 30 minutes late is still in time, across midnight too. */
  set_now (fixture, at (2026, 1, 15, 0, 20));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->reminded, 0), ==, "23:50");
}

static void
test_rearmed_next_day (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *times[] = { "08:00", NULL };
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) check = NULL;

  set_now (fixture, at (2026, 1, 14, 8, 0));
  lumbar_reminders_set_times (fixture->reminders, times);
  g_assert_cmpuint (fixture->reminded->len, ==, 1);

  next = lumbar_reminders_dup_next_due (fixture->reminders);
  g_assert_cmpint (g_date_time_to_unix (next), ==, unix_at (2026, 1, 15, 8, 0));
  /* The timeout looks again within minutes, whatever the wall clock did
   * meanwhile (a suspend stops the monotonic clock timeouts run on). */
  check = lumbar_reminders_dup_next_check (fixture->reminders);
  g_assert_cmpint (g_date_time_to_unix (check) - g_date_time_to_unix (fixture->now), <=, 5 * 60);

  set_now (fixture, at (2026, 1, 15, 8, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 2);

  /* And a day later still, without a check in between. */
  set_now (fixture, at (2026, 1, 16, 8, 1));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->reminded->len, ==, 3);

  /* No times, no reminders. */
  lumbar_reminders_set_times (fixture->reminders, NULL);
  g_clear_pointer (&next, g_date_time_unref);
  next = lumbar_reminders_dup_next_due (fixture->reminders);
  g_assert_null (next);
}

static void
count (guint *counter)
{
  (*counter)++;
}

static GDateTime *
early_morning (gpointer user_data)
{
  return at (2026, 1, 14, 6, 0);
}

static void
test_waits_for_the_diary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lumbar-reminders-XXXXXX", &error);
  g_autoptr(LumbarStore) store = lumbar_store_new (dir);
  g_autoptr(LumbarReminders) reminders = lumbar_reminders_new (store);
  g_autoptr(GDateTime) check = NULL;
  const char *times[] = { "20:00", NULL };
  guint reminded = 0;

  /* Before the diary is read nobody knows whether pain was logged. */
  lumbar_reminders_set_clock (reminders, early_morning, NULL, NULL);
  g_signal_connect_swapped (reminders, "remind", G_CALLBACK (count), &reminded);
  lumbar_reminders_set_times (reminders, times);
  g_assert_null (lumbar_reminders_dup_next_check (reminders));

  g_assert_true (lumbar_store_load (store, &error));
  g_assert_cmpuint (reminded, ==, 0);
  check = lumbar_reminders_dup_next_check (reminders);
  g_assert_nonnull (check);
  g_assert_true (lumbar_store_flush (store, &error));
  g_clear_object (&reminders);
  g_clear_object (&store);
  remove_dir (dir);
}

/* Takes @start. */
static void
start_timer (Fixture    *fixture,
             LumbarKind  kind,
             GDateTime  *start)
{
  g_autoptr(GDateTime) owned = start;
  g_autoptr(GError) error = NULL;

  g_assert_true (lumbar_store_start_timer (fixture->store, kind, start, &error));
  g_assert_no_error (error);
}

static void
test_timer_overdue_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) check = NULL;
  g_autoptr(LumbarEntry) rest = NULL;
  g_autoptr(GError) error = NULL;

  set_now (fixture, at (2026, 1, 14, 13, 0));
  start_timer (fixture, LUMBAR_KIND_REST, g_date_time_ref (fixture->now));
  start_timer (fixture, LUMBAR_KIND_INCLINE, at (2026, 1, 14, 12, 30));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->overdue->len, ==, 0);
  /* The timeout is armed for the first timer's two hours. */
  check = lumbar_reminders_dup_next_check (fixture->reminders);
  g_assert_cmpint (g_date_time_to_unix (check), <=, unix_at (2026, 1, 14, 13, 5));

  set_now (fixture, at (2026, 1, 14, 14, 30));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->overdue->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->overdue, int, 0), ==, LUMBAR_KIND_INCLINE);

  set_now (fixture, at (2026, 1, 14, 15, 0));
  lumbar_reminders_check (fixture->reminders);
  set_now (fixture, at (2026, 1, 14, 16, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->overdue->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->overdue, int, 1), ==, LUMBAR_KIND_REST);

  /* A new rest, after the first is stopped, asks again in its time. */
  rest = lumbar_store_stop_timer (fixture->store, LUMBAR_KIND_REST, fixture->now, &error);
  g_assert_no_error (error);
  lumbar_reminders_check (fixture->reminders);
  start_timer (fixture, LUMBAR_KIND_REST, g_date_time_ref (fixture->now));
  set_now (fixture, at (2026, 1, 14, 18, 0));
  lumbar_reminders_check (fixture->reminders);
  g_assert_cmpuint (fixture->overdue->len, ==, 3);
  g_assert_cmpint (g_array_index (fixture->overdue, int, 2), ==, LUMBAR_KIND_REST);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_autostart_follows_the_switch (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart",
                                                APPLICATION_ID ".desktop", NULL);
  g_autofree char *path = lumbar_autostart_dup_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (lumbar_autostart_get_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Switching off what is off is no error. */
  g_assert_true (lumbar_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (lumbar_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (lumbar_autostart_get_enabled ());
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "lumbar --gapplication-service");
  {
    g_autofree char *start_group = g_key_file_get_start_group (key_file);

    g_assert_cmpstr (start_group, ==, G_KEY_FILE_DESKTOP_GROUP);
  }

  /* Again: the same entry, still there. */
  g_assert_true (lumbar_autostart_set_enabled (TRUE, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (strstr (contents, "Exec=lumbar --gapplication-service\n") != NULL);

  g_assert_true (lumbar_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (lumbar_autostart_get_enabled ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/lumbar/reminders/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sent-at-the-time", test_sent_at_the_time);
  ADD ("not-after-pain-logged", test_not_after_pain_logged);
  ADD ("not-twice", test_not_twice);
  ADD ("skipped-when-late", test_skipped_when_late);
  ADD ("rearmed-next-day", test_rearmed_next_day);
  ADD ("timer-overdue-once", test_timer_overdue_once);
#undef ADD
  g_test_add_func ("/lumbar/reminders/waits-for-the-diary", test_waits_for_the_diary);
  g_test_add_func ("/lumbar/reminders/autostart-follows-the-switch", test_autostart_follows_the_switch);

  return g_test_run ();
}
