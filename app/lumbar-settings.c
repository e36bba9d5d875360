/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-settings"

#include "config.h"

#include <string.h>

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
  GStrv        reminder_times;  /* valid, sorted, unique, at most 3 */
  gboolean     welcome_shown;
  gboolean     ask_radiating;
  LumbarSupport default_support;
};

G_DEFINE_FINAL_TYPE (LumbarSettings, lumbar_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHART_RANGE,
  PROP_CHART_SHOW_TABLE,
  PROP_REMINDER_TIMES,
  PROP_WELCOME_SHOWN,
  PROP_ASK_RADIATING,
  PROP_DEFAULT_SUPPORT,
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
      g_settings_unbind (self, "reminder-times");
      g_settings_unbind (self, "welcome-shown");
      g_settings_unbind (self, "ask-radiating");
      g_settings_unbind (self, "default-support");
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lumbar_settings_parent_class)->dispose (object);
}

static void
lumbar_settings_finalize (GObject *object)
{
  LumbarSettings *self = (LumbarSettings *) object;

  g_strfreev (self->reminder_times);

  G_OBJECT_CLASS (lumbar_settings_parent_class)->finalize (object);
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
    case PROP_REMINDER_TIMES:
      g_value_set_boxed (value, self->reminder_times);
      break;
    case PROP_WELCOME_SHOWN:
      g_value_set_boolean (value, self->welcome_shown);
      break;
    case PROP_ASK_RADIATING:
      g_value_set_boolean (value, self->ask_radiating);
      break;
    case PROP_DEFAULT_SUPPORT:
      g_value_set_enum (value, self->default_support);
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
    case PROP_REMINDER_TIMES:
      lumbar_settings_set_reminder_times (self, g_value_get_boxed (value));
      break;
    case PROP_WELCOME_SHOWN:
      lumbar_settings_set_welcome_shown (self, g_value_get_boolean (value));
      break;
    case PROP_ASK_RADIATING:
      lumbar_settings_set_ask_radiating (self, g_value_get_boolean (value));
      break;
    case PROP_DEFAULT_SUPPORT:
      lumbar_settings_set_default_support (self, g_value_get_enum (value));
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
  object_class->finalize = lumbar_settings_finalize;
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

  /**
   * LumbarSettings:reminder-times:
   *
   * Local times "HH:MM" at which to remind the person to log pain
   * (`reminder-times`): valid, sorted, without duplicates, at most
   * %LUMBAR_SETTINGS_MAX_REMINDERS. Never %NULL; empty = no reminders.
   */
  properties[PROP_REMINDER_TIMES] =
    g_param_spec_boxed ("reminder-times", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSettings:welcome-shown:
   *
   * Whether the first-run welcome was seen (`welcome-shown`).
   */
  properties[PROP_WELCOME_SHOWN] =
    g_param_spec_boolean ("welcome-shown", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSettings:ask-radiating:
   *
   * Whether the pain form opens with radiating pain switched on
   * (`ask-radiating`).
   */
  properties[PROP_ASK_RADIATING] =
    g_param_spec_boolean ("ask-radiating", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarSettings:default-support:
   *
   * The back support preselected for inclined sitting (`default-support`).
   */
  properties[PROP_DEFAULT_SUPPORT] =
    g_param_spec_enum ("default-support", NULL, NULL,
                       LUMBAR_TYPE_SUPPORT, LUMBAR_SUPPORT_PILLOWS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lumbar_settings_init (LumbarSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->chart_range = LUMBAR_RANGE_1_MONTH;
  self->reminder_times = g_new0 (char *, 1);
  self->default_support = LUMBAR_SUPPORT_PILLOWS;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  /* GSettings maps the enum to the key's string by the values' nicks. */
  g_settings_bind (self->settings, "chart-range", self, "chart-range", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-show-table", self, "chart-show-table", G_SETTINGS_BIND_DEFAULT);
  /* A hand-edited key (dconf-editor) goes through the setter, which keeps
   * only valid times. */
  g_settings_bind (self->settings, "reminder-times", self, "reminder-times", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "welcome-shown", self, "welcome-shown", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "ask-radiating", self, "ask-radiating", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-support", self, "default-support", G_SETTINGS_BIND_DEFAULT);
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

/**
 * lumbar_settings_parse_time:
 * @text: a local time of day as stored in `reminder-times`
 * @hour: (out) (optional): 0–23
 * @minute: (out) (optional): 0–59
 *
 * Reads "HH:MM" (also "H:MM"): what the key holds and the preferences
 * accept.
 *
 * Returns: whether @text is such a time
 */
gboolean
lumbar_settings_parse_time (const char *text,
                            int        *hour,
                            int        *minute)
{
  int h = 0;
  int m = 0;
  const char *p = text;
  int digits = 0;

  if (text == NULL)
    return FALSE;

  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    h = h * 10 + (*p - '0');
  if (digits == 0 || *p != ':')
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return FALSE;
  m = (p[0] - '0') * 10 + (p[1] - '0');
  if (h > 23 || m > 59)
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * lumbar_settings_dup_reminder_times:
 * @self: the settings
 *
 * Returns: (transfer full): the reminder times, "HH:MM", sorted; empty
 *   when reminders are off
 */
GStrv
lumbar_settings_dup_reminder_times (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), NULL);
  return g_strdupv (self->reminder_times);
}

/**
 * lumbar_settings_set_reminder_times:
 * @self: the settings
 * @times: (nullable) (array zero-terminated=1): local times "HH:MM"
 *
 * Keeps the valid times, normalized to two-digit hours, sorted and
 * without duplicates, and at most %LUMBAR_SETTINGS_MAX_REMINDERS of
 * them; %NULL or an empty list switches reminders off.
 */
void
lumbar_settings_set_reminder_times (LumbarSettings     *self,
                                    const char * const *times)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) result = NULL;

  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  for (gsize i = 0; times != NULL && times[i] != NULL; i++)
    {
      int hour, minute;

      if (lumbar_settings_parse_time (times[i], &hour, &minute))
        g_ptr_array_add (kept, g_strdup_printf ("%02d:%02d", hour, minute));
    }
  g_ptr_array_sort (kept, compare_times);
  for (guint i = 1; i < kept->len;)
    {
      if (strcmp (g_ptr_array_index (kept, i - 1), g_ptr_array_index (kept, i)) == 0)
        g_ptr_array_remove_index (kept, i);
      else
        i++;
    }
  if (kept->len > LUMBAR_SETTINGS_MAX_REMINDERS)
    g_ptr_array_set_size (kept, LUMBAR_SETTINGS_MAX_REMINDERS);
  g_ptr_array_add (kept, NULL);
  result = (GStrv) g_ptr_array_free (g_steal_pointer (&kept), FALSE);

  if (g_strv_equal ((const char * const *) result, (const char * const *) self->reminder_times))
    return;
  g_strfreev (self->reminder_times);
  self->reminder_times = g_steal_pointer (&result);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_TIMES]);
}

gboolean
lumbar_settings_get_welcome_shown (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), FALSE);
  return self->welcome_shown;
}

void
lumbar_settings_set_welcome_shown (LumbarSettings *self,
                                   gboolean        shown)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  shown = !!shown;
  if (shown == self->welcome_shown)
    return;
  self->welcome_shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WELCOME_SHOWN]);
}

gboolean
lumbar_settings_get_ask_radiating (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), FALSE);
  return self->ask_radiating;
}

void
lumbar_settings_set_ask_radiating (LumbarSettings *self,
                                   gboolean        ask)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  ask = !!ask;
  if (ask == self->ask_radiating)
    return;
  self->ask_radiating = ask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASK_RADIATING]);
}

LumbarSupport
lumbar_settings_get_default_support (LumbarSettings *self)
{
  g_return_val_if_fail (LUMBAR_IS_SETTINGS (self), LUMBAR_SUPPORT_PILLOWS);
  return self->default_support;
}

/**
 * lumbar_settings_set_default_support:
 * @self: the settings
 * @support: the back support to preselect for inclined sitting
 */
void
lumbar_settings_set_default_support (LumbarSettings *self,
                                     LumbarSupport   support)
{
  g_return_if_fail (LUMBAR_IS_SETTINGS (self));

  if (support > LUMBAR_SUPPORT_OTHER || support == self->default_support)
    return;
  self->default_support = support;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_SUPPORT]);
}
