/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-style"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-style.h"

#define RESOURCE_PREFIX "/io/github/lumbar/Lumbar"
#define ICONS_PATH RESOURCE_PREFIX "/icons"

/* Whether the icon theme already looks in Lumbar's icons. GtkApplication
 * adds them as "…/icons/" from the resource base path; adding them again,
 * with or without the slash, would make GTK read the whole icon theme
 * again and look up every icon on screen anew. */
static gboolean
has_lumbar_icons (GtkIconTheme *icon_theme)
{
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (icon_theme);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      if (g_str_equal (paths[i], ICONS_PATH) || g_str_equal (paths[i], ICONS_PATH "/"))
        return TRUE;
    }
  return FALSE;
}

/**
 * lumbar_style_ensure:
 * @css_name: a style sheet among the resources, such as "lumbar-diary.css"
 *
 * Loads @css_name once for the default display and makes Lumbar's icons
 * available there. Widgets with a style sheet of their own call this when
 * they are created: they also work outside the application (tests and the
 * screenshot programs), where its resource base path does not do it.
 */
void
lumbar_style_ensure (const char *css_name)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  GtkIconTheme *icon_theme;

  g_return_if_fail (css_name != NULL);

  if (display == NULL)
    return;

  key = g_strconcat ("lumbar-style-", css_name, NULL);
  if (g_object_get_data (G_OBJECT (display), key) != NULL)
    return;

  path = g_strconcat (RESOURCE_PREFIX "/", css_name, NULL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), key, g_object_ref (provider), g_object_unref);

  icon_theme = gtk_icon_theme_get_for_display (display);
  if (!has_lumbar_icons (icon_theme))
    gtk_icon_theme_add_resource_path (icon_theme, ICONS_PATH);
}
