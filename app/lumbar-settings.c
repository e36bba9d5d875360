/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-settings"

#include "config.h"

#include "lumbar-enums.h"
#include "lumbar-settings.h"

#define SETTINGS_SCHEMA_ID "io.github.lumbar.Lumbar"

/* The one object that knows the app's GSettings schema. Windows bind their
 * widgets' properties to it; no widget opens the schema itself, so a
 * review window simply does not bind and a chart view is reusable.
 *
 * Without the compiled schema (an uninstalled build, a test that does not
 * set GSETTINGS_SCHEMA_DIR) the values live in this object only, instead
 * of GSettings aborting. */
struct _LumbarSettings
{
  GObject      parent_instance;

  GSettings   *settings;    /* NULL without the schema */
  LumbarRange  chart_range;
  gboolean     chart_show_table;
};

G_DEFINE_FINAL_TYPE (LumbarSettings, lumbar_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHART_RANGE,
  PROP_CHART_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lumbar_settings_dispose (GObject *object)
{
  LumbarSettings *self = (LumbarSettings *) object;

  if (self->settings != NULL)
    {
      g_settings_unbind (self, "chart-range");
      g_settings_unbind (self, "chart-show-table");
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lumbar_settings_parent_class)->dispose (object);
}

static void
lumbar_settings_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LumbarSettings *self = LUMBAR_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_CHART_RANGE:
      g_value_set_enum (value, self->chart_range);
      break;
    case PROP_CHART_SHOW_TABLE:
      g_value_set_boolean (value, self->chart_show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_settings_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LumbarSettings *self = LUMBAR_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_CHART_RANGE:
      lumbar_settings_set_chart_range (self, g_value_get_enum (value));
      break;
    case PROP_CHART_SHOW_TABLE:
      lumbar_settings_set_chart_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_settings_class_init (LumbarSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lumbar_settings_dispose;
  object_class->get_property = lumbar_settings_get_property;
  object_class->set_property = lumbar_settings_set_property;

  /**
   * LumbarSettings:chart-range:
   *
   * The period the person's own chart shows (`chart-range`).
   */
  properties[PROP_CHART_RANGE] =
    g_param_spec_enum ("chart-range", NULL, NULL,
                       LUMBAR_TYPE_RANGE, LUMBAR_RANGE_1_MONTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSettings:chart-show-table:
   *
   * Whether the chart is shown as a table (`chart-show-table`).
   */
  properties[PROP_CHART_SHOW_TABLE] =
    g_param_spec_boolean ("chart-show-table", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_settings_init (LumbarSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->chart_range = LUMBAR_RANGE_1_MONTH;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  /* GSettings maps the enum to the key's string by the values' nicks. */
  g_settings_bind (self->settings, "chart-range", self, "chart-range", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-show-table", self, "chart-show-table", G_SETTINGS_BIND_DEFAULT);
}

/**
 * lumbar_settings_new:
 *
 * Returns: (transfer full): the app's settings
 */
LumbarSettings *
lumbar_settings_new (void)
{
  return g_object_new (LUMBAR_TYPE_SETTINGS, NULL);
}

/**
 * lumbar_settings_get_persistent:
 * @self: the settings
 *
 * Returns: whether changes outlive the process (the schema is installed)
 */
gboolean
lumbar_settings_get_persistent (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), FALSE);
  return self->settings != NULL;
}

LumbarRange
lumbar_settings_get_chart_range (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), LUMBAR_RANGE_1_MONTH);
  return self->chart_range;
}

/**
 * lumbar_settings_set_chart_range:
 * @self: the settings
 * @range: a period the chart shows; %LUMBAR_RANGE_CUSTOM is ignored
 */
void
lumbar_settings_set_chart_range (LumbarSettings *self,
                                 LumbarRange     range)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  if (range > LUMBAR_RANGE_ALL || range == self->chart_range)
    return;
  self->chart_range = range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_RANGE]);
}

gboolean
lumbar_settings_get_chart_show_table (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), FALSE);
  return self->chart_show_table;
}

void
lumbar_settings_set_chart_show_table (LumbarSettings *self,
                                      gboolean        show_table)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  show_table = !!show_table;
  if (show_table == self->chart_show_table)
    return;
  self->chart_show_table = show_table;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_SHOW_TABLE]);
}

/**
 * lumbar_settings_get_window_state:
 * @self: the settings
 * @width: (out): the main window's last width
 * @height: (out): its last height
 * @maximized: (out): whether it was maximized
 *
 * Returns: %FALSE when nothing was saved, for want of the schema
 */
gboolean
lumbar_settings_get_window_state (LumbarSettings *self,
                                  int            *width,
                                  int            *height,
                                  gboolean       *maximized)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), FALSE);

  if (self->settings == NULL)
    return FALSE;

  *width = g_settings_get_int (self->settings, "window-width");
  *height = g_settings_get_int (self->settings, "window-height");
  *maximized = g_settings_get_boolean (self->settings, "window-maximized");
  return TRUE;
}

/**
 * lumbar_settings_save_window_state:
 * @self: the settings
 * @width: the size to come back to, or 0 to keep the saved one
 * @height: likewise
 * @maximized: whether the window is maximized
 */
void
lumbar_settings_save_window_state (LumbarSettings *self,
                                   int             width,
                                   int             height,
                                   gboolean        maximized)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}
