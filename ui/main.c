/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-application.h"
#include "lumbar-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LumbarApplication) app = NULL;

  lumbar_application_init_i18n ();

  /* The command line needs no display and must not start GTK. */
  if (lumbar_cli_wants_command_line (argc, argv))
    return lumbar_cli_run (argc, argv);

  app = lumbar_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
