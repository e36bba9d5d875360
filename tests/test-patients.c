/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "diary-builder.h"
#include "lumbar-export.h"
#include "lumbar-patient-list.h"
#include "lumbar-test-wait.h"

/* A therapist's folder of exports, as the Patients window reads it. */

typedef struct {
  char              *dir;
  LumbarPatientList *list;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("lumbar-patients-XXXXXX", NULL);
  f->list = lumbar_patient_list_new ();
}

static gboolean
not_loading (gpointer data)
{
  return !lumbar_patient_list_get_loading (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  /* A read still running holds the list until it is done, and the
   * worker lets go of it just after. */
  g_assert_true (lumbar_test_wait_for (not_loading, f->list, 10000));
  g_object_add_weak_pointer (G_OBJECT (f->list), (gpointer *) &f->list);
  g_object_unref (f->list);
  g_assert_true (lumbar_test_wait_for (is_null, &f->list, 10000));
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* An export of @diary made on DIARY_TODAY, by @name (or without one). */
static void
write_export (Fixture    *f,
              const char *file,
              const char *name,
              const char *diary)
{
  g_autoptr(GPtrArray) entries = diary_build (diary, DIARY_TODAY);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 27, 19, 0, 0);
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  LumbarExportOptions options = LUMBAR_EXPORT_OPTIONS_INIT;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  options.patient_name = name;
  options.now = now;
  bytes = lumbar_export_to_json (entries, &options);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static gboolean
loaded_n (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return !lumbar_patient_list_get_loading (f->list) && g_list_model_get_n_items (G_LIST_MODEL (f->list)) == n;
}

static void
wait_for_n (Fixture *f,
            guint    n)
{
  gpointer query[2] = { f, GUINT_TO_POINTER (n) };

  g_assert_true (lumbar_test_wait_for (loaded_n, query, 10000));
}

static LumbarPatient *
nth (Fixture *f,
     guint    i)
{
  g_autoptr(LumbarPatient) patient = g_list_model_get_item (G_LIST_MODEL (f->list), i);

  return patient;  /* the list keeps it */
}

static gboolean
n_red_flags_is_one (gpointer data)
{
  return lumbar_patient_list_get_n_red_flags (data) == 1;
}

static void
test_folder_order_and_changes (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (f->dir, "broken.lumbar.json", NULL);
  g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *tips = NULL;

  /* Ten steady patients, one getting worse, one with warning signs. */
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *file = g_strdup_printf ("steady-%d.lumbar.json", i);
      g_autofree char *name = g_strdup_printf ("Steady %d", i);

      write_export (f, file, name, "P20..7=4 P6..0=4");
    }
  write_export (f, "worse.lumbar.json", "Bea Worse", "P20..7=3 P6..0=6");
  write_export (f, "unnamed.json", NULL, "P20..7=5 P6..0=5");
  write_export (f, "flags.lumbar.json", "Carl Flags", "P20..7=3 P6..0=2 P1=2!saddle-numbness");
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"lumbar-journal\", \"version\": 1, \"entries\": [,]}", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not a log", -1, NULL));

  g_assert_true (lumbar_patient_list_set_folder (f->list, folder, &error));
  g_assert_no_error (error);
  wait_for_n (f, 13);

  /* Red flags first, then the patient getting worse, broken last. */
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 0)), ==, "Carl Flags");
  g_assert_true (lumbar_patient_get_red_flags (nth (f, 0)));
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 1)), ==, "Bea Worse");
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 12)), ==, "broken.lumbar.json");
  g_assert_nonnull (lumbar_patient_get_error (nth (f, 12)));
  g_assert_cmpuint (lumbar_patient_list_get_n_red_flags (f->list), ==, 1);
  /* Without a name, the file's. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < 13; i++)
      found |= g_str_equal (lumbar_patient_get_title (nth (f, i)), "unnamed.json");
    g_assert_true (found);
  }

  /* The figures are the export's own, as of its day. */
  pain = lumbar_patient_dup_pain_text (nth (f, 1));
  g_assert_cmpstr (pain, ==, "6.0 over the last 7 days, +3.0 points (+100%)");
  g_assert_cmpint (lumbar_patient_get_last_entry_day (nth (f, 1)), ==, DIARY_TODAY);
  g_assert_cmpint (lumbar_patient_get_days (nth (f, 1))->today, ==, DIARY_TODAY);
  tips = lumbar_patient_dup_tips_text (nth (f, 1));
  g_assert_nonnull (strstr (tips, "Inclined sitting with back support"));

  /* A file added to the folder comes in; one removed goes. */
  write_export (f, "new.lumbar.json", "Dana New", "P6..0=8");
  wait_for_n (f, 14);
  /* Three days of 8 or more: red flags, so among the first. */
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 1)), ==, "Dana New");
  g_assert_true (lumbar_patient_get_red_flags (nth (f, 1)));
  g_assert_cmpuint (lumbar_patient_list_get_n_red_flags (f->list), ==, 2);
  g_assert_cmpint (g_unlink (broken), ==, 0);
  wait_for_n (f, 13);

  /* A file rewritten is read again: Carl's warning sign is gone. */
  write_export (f, "flags.lumbar.json", "Carl Flags", "P20..7=3 P6..0=2");
  g_assert_true (lumbar_test_wait_for (n_red_flags_is_one, f->list, 10000));
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 0)), ==, "Dana New");
}

static void
test_files (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autofree char *path_a = g_build_filename (f->dir, "a.lumbar.json", NULL);
  g_autofree char *path_missing = g_build_filename (f->dir, "missing.json", NULL);
  GFile *files[2];

  write_export (f, "a.lumbar.json", "Anna", "P6..0=5 P0=5!fever");
  a = g_file_new_for_path (path_a);
  missing = g_file_new_for_path (path_missing);
  files[0] = missing;
  files[1] = a;
  lumbar_patient_list_add_files (f->list, files, 2);
  wait_for_n (f, 2);
  g_assert_true (lumbar_test_wait_for (n_red_flags_is_one, f->list, 1000));
  g_assert_cmpstr (lumbar_patient_get_title (nth (f, 0)), ==, "Anna");
  g_assert_nonnull (lumbar_patient_get_error (nth (f, 1)));
  g_assert_null (lumbar_patient_list_get_folder (f->list));

  /* The same file again updates its row. */
  lumbar_patient_list_add_files (f->list, files + 1, 1);
  wait_for_n (f, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/lumbar/patients/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("folder-order-and-changes", test_folder_order_and_changes);
  ADD ("files", test_files);
#undef ADD

  return g_test_run ();
}
