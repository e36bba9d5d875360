/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-error"

#include "config.h"

#include "lumbar-error.h"

typedef struct {
  guint line;
  guint column;
} LumbarErrorPrivate;

static void
lumbar_error_private_init (LumbarErrorPrivate *priv)
{
  priv->line = 0;
  priv->column = 0;
}

static void
lumbar_error_private_copy (const LumbarErrorPrivate *src,
                           LumbarErrorPrivate       *dest)
{
  *dest = *src;
}

static void
lumbar_error_private_clear (LumbarErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (LumbarError, lumbar_error)

/**
 * lumbar_error_new_at:
 * @code: what went wrong
 * @line: the line, from 1
 * @column: the column in characters, from 1
 * @message: the message, without the position
 *
 * Returns: (transfer full): an error of %LUMBAR_ERROR that knows where it is
 */
GError *
lumbar_error_new_at (LumbarError  code,
                     guint        line,
                     guint        column,
                     const char  *message)
{
  GError *error = g_error_new_literal (LUMBAR_ERROR, code, message);
  LumbarErrorPrivate *priv = lumbar_error_get_private (error);

  priv->line = line;
  priv->column = column;
  return error;
}

/**
 * lumbar_error_get_position:
 * @error: any error
 * @line: (out) (optional): its line
 * @column: (out) (optional): its column
 *
 * Returns: whether @error is a %LUMBAR_ERROR with a position in a file
 */
gboolean
lumbar_error_get_position (const GError *error,
                           guint        *line,
                           guint        *column)
{
  LumbarErrorPrivate *priv;

  if (error == NULL || error->domain != LUMBAR_ERROR)
    return FALSE;
  priv = lumbar_error_get_private (error);
  if (priv == NULL || priv->line == 0)
    return FALSE;
  if (line)
    *line = priv->line;
  if (column)
    *column = priv->column;
  return TRUE;
}
