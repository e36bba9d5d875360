/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-diary-day"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-diary-day.h"

/* The heading item of a day in the diary list: the diary model interleaves
 * one of these before each day's entries. */
struct _LumbarDiaryDay
{
  GObject   parent_instance;

  LumbarDay day;
};

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarDiaryDay, lumbar_diary_day, G_TYPE_OBJECT)

static void
lumbar_diary_day_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LumbarDiaryDay *self = LUMBAR_DIARY_DAY (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_day_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LumbarDiaryDay *self = LUMBAR_DIARY_DAY (object);

  switch (prop_id)
    {
    case PROP_DAY:
      self->day = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_day_class_init (LumbarDiaryDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lumbar_diary_day_get_property;
  object_class->set_property = lumbar_diary_day_set_property;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_diary_day_init (LumbarDiaryDay *self)
{
}

LumbarDiaryDay *
lumbar_diary_day_new (LumbarDay day)
{
  return g_object_new (LUMBAR_TYPE_DIARY_DAY, "day", day, NULL);
}

LumbarDay
lumbar_diary_day_get_day (LumbarDiaryDay *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_DAY (self), LUMBAR_DAY_INVALID);
  return self->day;
}
