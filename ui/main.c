/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lumbar-application.h"
#include "lumbar-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LumbarApplication) app = NULL;
  const char *localedir = g_getenv ("LUMBAR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command line needs no display and must not start GTK. */
  if (lumbar_cli_wants_command_line (argc, argv))
    return lumbar_cli_run (argc, argv);

  app = lumbar_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
