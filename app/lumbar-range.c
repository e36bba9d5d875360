/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-range"

#include "config.h"

#include "lumbar-enums.h"
#include "lumbar-range.h"

/**
 * lumbar_range_get_days:
 * @range: a period
 *
 * Returns: how many days @range spans, today included; 0 for the whole
 *   diary and for days picked by hand
 */
guint
lumbar_range_get_days (LumbarRange range)
{
  switch (range)
    {
    case LUMBAR_RANGE_2_WEEKS:
      return 14;
    case LUMBAR_RANGE_1_MONTH:
      return 30;
    case LUMBAR_RANGE_3_MONTHS:
      return 91;
    case LUMBAR_RANGE_1_YEAR:
      return 365;
    case LUMBAR_RANGE_ALL:
    case LUMBAR_RANGE_CUSTOM:
    default:
      return 0;
    }
}

/**
 * lumbar_range_from_nick:
 * @nick: "2w", "1m", "3m", "1y", "all" or "custom"
 * @out_range: (out): the period
 *
 * Returns: %TRUE if @nick names a period
 */
gboolean
lumbar_range_from_nick (const char  *nick,
                        LumbarRange *out_range)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LUMBAR_TYPE_RANGE);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value == NULL)
    return FALSE;
  *out_range = value->value;
  return TRUE;
}

/**
 * lumbar_range_to_nick:
 * @range: a period
 *
 * Returns: its short name, as in the settings
 */
const char *
lumbar_range_to_nick (LumbarRange range)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LUMBAR_TYPE_RANGE);
  GEnumValue *value = g_enum_get_value (klass, range);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}
