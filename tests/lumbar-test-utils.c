/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-test-utils"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lumbar-application.h"
#include "lumbar-test-utils.h"

/**
 * lumbar_test_make_private_dir:
 * @root: an existing folder
 * @name: the new folder's name
 *
 * Creates @root/@name with mode 0700; the test fails if it exists.
 *
 * Returns: (transfer full): the new folder's path
 */
char *
lumbar_test_make_private_dir (const char *root,
                              const char *name)
{
  char *path = g_build_filename (root, name, NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return path;
}

/**
 * lumbar_test_use_private_xdg_dirs:
 * @tmpl: a g_dir_make_tmp() template, e.g. "lumbar-test-foo-XXXXXX"
 *
 * Makes a fresh 0700 temporary folder with 0700 "data", "config", "cache"
 * and "runtime" folders in it and points XDG_DATA_HOME, XDG_CONFIG_HOME,
 * XDG_CACHE_HOME and XDG_RUNTIME_DIR at them. Call it first in main(),
 * before GLib caches any of them.
 *
 * Returns: (transfer full): the temporary folder, for
 *   lumbar_test_remove_tree() at the end
 */
char *
lumbar_test_use_private_xdg_dirs (const char *tmpl)
{
  static const struct {
    const char *variable;
    const char *name;
  } dirs[] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = lumbar_test_make_private_dir (root, dirs[i].name);

      g_setenv (dirs[i].variable, path, TRUE);
    }
  return root;
}

/**
 * lumbar_test_remove_tree:
 * @path: a folder
 *
 * Removes @path and everything in it, without following symbolic links.
 */
void
lumbar_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lumbar_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * lumbar_test_use_test_a11y:
 *
 * Selects GTK's test accessibility backend, which records roles and
 * accessible names without a bus, so tests can find controls by them.
 * Call it before gtk_init().
 */
void
lumbar_test_use_test_a11y (void)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
}

/**
 * lumbar_test_bind_textdomain:
 *
 * Reads translations from the build's catalogues ($LUMBAR_LOCALEDIR, set
 * by meson test) or else the installed ones.
 */
void
lumbar_test_bind_textdomain (void)
{
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * lumbar_test_use_language:
 * @lang: (nullable): "de" for German, anything else for English
 *
 * German (de_DE.UTF-8: messages, dates and numbers) or English (C.UTF-8)
 * with the build's catalogues. German needs the real locale, which
 * build-aux/setup-debian.sh generates: glibc 2.41 ignores LANGUAGE under
 * C.UTF-8. Call it before gtk_init(); it keeps GTK from setting the locale
 * again.
 */
void
lumbar_test_use_language (const char *lang)
{
  gboolean german = g_strcmp0 (lang, "de") == 0;

  g_setenv ("LANGUAGE", german ? "de" : "en", TRUE);
  if (!german)
    setlocale (LC_ALL, "C.UTF-8");
  else if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh");
  lumbar_test_bind_textdomain ();
  gtk_disable_setlocale ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
run_pending (void)
{
  /* Bounded: an animation keeps its source ready forever. */
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
paint_twice (GtkWidget *window,
             GtkWidget *widget)
{
  if (!lumbar_test_wait_for (is_mapped, window, 5000))
    g_error ("%s was not mapped within 5 s", G_OBJECT_TYPE_NAME (window));
  for (int frame = 0; frame < 2; frame++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      gboolean painted = FALSE;
      gulong handler;

      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
      gtk_widget_queue_draw (widget);
      gtk_widget_queue_draw (window);
      if (!lumbar_test_wait_for (is_true, &painted, 5000))
        g_error ("%s did not paint within 5 s", G_OBJECT_TYPE_NAME (window));
      g_signal_handler_disconnect (clock, handler);
    }
}

/**
 * lumbar_test_flush:
 * @widget: (nullable): a widget, or %NULL for every shown window
 *
 * Runs what is pending in the main context and waits (with a deadline)
 * until @widget's window — or every shown window — is mapped and has
 * painted two frames after the call, so that what it shows reflects every
 * change made before: the screen, not the clock. It is also what "nothing
 * happened" waits for.
 */
void
lumbar_test_flush (GtkWidget *widget)
{
  run_pending ();
  if (widget != NULL)
    {
      GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

      if (window != NULL && gtk_widget_get_visible (window))
        paint_twice (window, widget);
    }
  else
    {
      g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (gtk_widget_get_visible (window))
            paint_twice (window, window);
        }
    }
  run_pending ();
}

/**
 * lumbar_test_has_accessible_name:
 * @widget: a widget
 * @name: the expected name
 *
 * Needs the test accessibility backend (lumbar_test_use_test_a11y()).
 *
 * Returns: %TRUE if @widget's accessible label is @name
 */
gboolean
lumbar_test_has_accessible_name (GtkWidget  *widget,
                                 const char *name)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return mismatch == NULL;
}

/**
 * lumbar_test_find_named:
 * @root: where to start
 * @name: an accessible name
 * @type: the widget type wanted
 *
 * The first widget of @type named @name at or below @root, depth first (a
 * label's own text also counts as its name, so the type tells the label
 * and the control apart).
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
lumbar_test_find_named (GtkWidget  *root,
                        const char *name,
                        GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && lumbar_test_has_accessible_name (root, name))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lumbar_test_find_named (child, name, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * lumbar_test_find_of_type:
 * @root: where to start
 * @type: the widget type wanted
 *
 * Returns: (transfer none) (nullable): the first widget of @type at or
 *   below @root, depth first
 */
GtkWidget *
lumbar_test_find_of_type (GtkWidget *root,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lumbar_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * lumbar_test_find_toplevel:
 * @type: the window type wanted
 *
 * Returns: (transfer none) (nullable): a shown toplevel window of @type,
 *   in the application or not (dialogs)
 */
GtkWindow *
lumbar_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/**
 * lumbar_test_toplevel_shown:
 * @type: the window type, as GSIZE_TO_POINTER (type)
 *
 * A #LumbarTestCondition: whether a toplevel of @type is shown.
 */
gboolean
lumbar_test_toplevel_shown (gpointer type)
{
  return lumbar_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

/**
 * lumbar_test_toplevel_gone:
 * @type: the window type, as GSIZE_TO_POINTER (type)
 *
 * A #LumbarTestCondition: whether no toplevel of @type is shown.
 */
gboolean
lumbar_test_toplevel_gone (gpointer type)
{
  return lumbar_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

/**
 * lumbar_test_collect_of_type:
 * @root: where to start
 * @type: the widget type wanted
 * @found: (element-type GtkWidget): receives the widgets, unreferenced
 *
 * Adds every widget of @type at or below @root to @found, depth first.
 */
void
lumbar_test_collect_of_type (GtkWidget *root,
                             GType      type,
                             GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lumbar_test_collect_of_type (child, type, found);
}

/**
 * lumbar_test_save_png:
 * @widget: a realized widget, usually a window
 * @path: the file to write
 *
 * Renders @widget at its current size with its native's renderer and
 * writes it to @path as PNG.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
lumbar_test_save_png (GtkWidget  *widget,
                      const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static void
collect_label_texts (GtkWidget *widget,
                     GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, out);
}

/**
 * lumbar_test_assert_one_format:
 * @root: a window or page, in English
 *
 * Fails when any label under @root writes a date, duration or percentage
 * other than the way app/lumbar-format.c does: the month before the day
 * ("Nov 27", "November 27, 2026"), padded or spelled-out durations
 * ("1 h 05 min", "2 hours") or a space before the percent sign.
 */
void
lumbar_test_assert_one_format (GtkWidget *root)
{
  static const char *wrong[] = {
    "\\b(January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}\\b",
    "\\d h 0\\d min",
    "\\b\\d+ hours?\\b",
    "\\d %",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  collect_label_texts (root, text);
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (wrong[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, text->str, 0, &match))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);

          g_error ("“%s” is not written by the formatters (pattern %s) in:\n%s", found, wrong[i], text->str);
        }
    }
}

static gboolean
init_check (gpointer data)
{
  return gtk_init_check ();
}

/**
 * lumbar_test_init_gtk:
 *
 * Initialises GTK for a UI test. Without a display at all (no DISPLAY or
 * WAYLAND_DISPLAY) the test skips. With one, a display that cannot be
 * opened is retried for a few seconds (a loaded Xvfb can refuse a
 * connection for a moment) and then fails the test: a UI suite that
 * silently skips under CI would prove nothing.
 *
 * Returns: %TRUE when GTK is ready, %FALSE to skip
 */
gboolean
lumbar_test_init_gtk (void)
{
  const char *display = g_getenv ("DISPLAY");
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if ((display == NULL || *display == '\0') && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return FALSE;

  /* Blocks in the main context between tries: GTK is not needed for that. */
  if (!lumbar_test_wait_for (init_check, NULL, 10000))
    g_error ("could not open the display “%s”", display ? display : g_getenv ("WAYLAND_DISPLAY"));
  /* The first-run welcome would sit over every window under test; a
   * welcome test sets the key back. */
  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, "io.github.lumbar.Lumbar", TRUE) : NULL;
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      g_settings_set_boolean (settings, "welcome-shown", TRUE);
    }
  return TRUE;
}

/* Running the real application */

#define RUN_WAIT_MS 5000

typedef struct {
  LumbarApplication   *app;
  LumbarTestWindowBody body;
  gpointer             data;
  GWeakRef             store_ref;
} MainWindowRun;

static gboolean
store_settled (gpointer data)
{
  LumbarStore *store = data;

  return lumbar_store_get_loaded (store) || lumbar_store_get_read_only (store);
}

static gboolean
store_released (gpointer data)
{
  g_autoptr(GObject) store = g_weak_ref_get (data);

  return store == NULL;
}

static gboolean
main_window_run_body (gpointer data)
{
  MainWindowRun *run = data;
  LumbarWindow *window = LUMBAR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  LumbarStore *store;

  g_assert_true (LUMBAR_IS_WINDOW (window));
  store = lumbar_window_get_store (window);
  g_assert_true (store == lumbar_application_get_store (run->app));
  g_weak_ref_set (&run->store_ref, store);

  g_assert_true (lumbar_test_wait_for (store_settled, store, RUN_WAIT_MS));
  /* Mapped and laid out. */
  lumbar_test_flush (GTK_WIDGET (window));

  run->body (window, run->data);

  /* Quit the way the menu and Ctrl+Q do. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
main_window_run_activate (GApplication  *app,
                          MainWindowRun *run)
{
  g_idle_add_full (G_PRIORITY_LOW, main_window_run_body, run, NULL);
}

/**
 * lumbar_test_run_main_window:
 * @body: what the test does with the window
 * @data: passed to @body
 *
 * Starts Lumbar as `lumbar`, runs @body once its main window shows the
 * diary (read, or found read-only), quits as the menu does, and waits
 * until the store, and with it the diary's lock, is gone: a save still on
 * its way back holds the store until it lands.
 */
void
lumbar_test_run_main_window (LumbarTestWindowBody body,
                             gpointer             data)
{
  MainWindowRun run = { NULL, body, data };
  int status;

  g_weak_ref_init (&run.store_ref, NULL);
  run.app = lumbar_application_new ();
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (main_window_run_activate), &run);

  status = g_application_run (G_APPLICATION (run.app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  g_clear_object (&run.app);
  g_assert_true (lumbar_test_wait_for (store_released, &run.store_ref, RUN_WAIT_MS));
  g_weak_ref_clear (&run.store_ref);
}
