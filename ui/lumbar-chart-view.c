/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-chart-day.h"
#include "lumbar-chart-view.h"
#include "lumbar-compat.h"
#include "lumbar-enums.h"
#include "lumbar-format.h"

/* The pain chart with its period buttons and a switch that shows the same
 * days as a table, for anyone who would rather read numbers than a
 * drawing (screen reader users among them). */
struct _LumbarChartView
{
  AdwBin         parent_instance;

  gboolean       show_table;
  gboolean       table_stale;
  GSimpleAction *range_action;  /* view.range */
  GListStore    *table;

  LumbarChart   *chart;
  GtkColumnView *column_view;
  GtkDropDown   *range_dropdown;
  GtkStack      *stack;
  GtkSwitch     *table_switch;
};

enum {
  PROP_0,
  PROP_TRACKER,
  PROP_RANGE,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarChartView, lumbar_chart_view, ADW_TYPE_BIN)

/* The drop-down lists the periods in the enum's order, up to "All". */
#define N_RANGES (LUMBAR_RANGE_ALL + 1)

typedef enum {
  COLUMN_DATE,
  COLUMN_LOCAL,
  COLUMN_RANGE,
  COLUMN_RADIATING,
  COLUMN_SPASMS,
  COLUMN_SPASM_MAX,
  COLUMN_REST,
  COLUMN_INCLINE,
  COLUMN_THERAPY,
  N_COLUMNS
} Column;

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_DATE:
      /* Translators: table column */
      return _("Date");
    case COLUMN_LOCAL:
      /* Translators: table column; the day's mean local pain */
      return _("Local pain");
    case COLUMN_RANGE:
      /* Translators: table column; the day's lowest and highest local pain */
      return _("Lowest–highest");
    case COLUMN_RADIATING:
      /* Translators: table column; the day's mean radiating pain */
      return _("Radiating pain");
    case COLUMN_SPASMS:
      /* Translators: table column; number of spasms that day */
      return _("Spasms");
    case COLUMN_SPASM_MAX:
      /* Translators: table column; intensity of the day's strongest spasm */
      return _("Strongest spasm");
    case COLUMN_REST:
      /* Translators: table column; minutes of rest that day */
      return _("Rest (min)");
    case COLUMN_INCLINE:
      /* Translators: table column; minutes of inclined sitting that day */
      return _("Inclined sitting (min)");
    case COLUMN_THERAPY:
      /* Translators: table column */
      return _("Therapy");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* What a cell says; "—" where the day has nothing of that kind. */
static char *
cell_text (const LumbarDaily *d,
           Column             column)
{
  switch (column)
    {
    case COLUMN_DATE:
      return lumbar_format_date (d->day, LUMBAR_DATE_SHORT_WEEKDAY);
    case COLUMN_LOCAL:
      return d->n_pain ? lumbar_format_decimal (d->local_mean, LUMBAR_NUMBERS_LOCALE) : g_strdup ("—");
    case COLUMN_RANGE:
      if (d->n_pain == 0)
        return g_strdup ("—");
      if (d->local_min == d->local_max)
        return g_strdup_printf ("%d", d->local_min);
      return g_strdup_printf ("%d–%d", d->local_min, d->local_max);
    case COLUMN_RADIATING:
      return d->n_radiating ? lumbar_format_decimal (d->radiating_mean, LUMBAR_NUMBERS_LOCALE) : g_strdup ("—");
    case COLUMN_SPASMS:
      return d->n_spasms ? g_strdup_printf ("%u", (guint) d->n_spasms) : g_strdup ("—");
    case COLUMN_SPASM_MAX:
      return d->n_spasms ? g_strdup_printf ("%d", d->spasm_max) : g_strdup ("—");
    case COLUMN_REST:
      return d->rest_minutes ? g_strdup_printf ("%d", d->rest_minutes) : g_strdup ("—");
    case COLUMN_INCLINE:
      return d->incline_minutes ? g_strdup_printf ("%d", d->incline_minutes) : g_strdup ("—");
    case COLUMN_THERAPY:
      if (d->n_manual_therapy)
        return g_strdup (_("Manual therapy"));
      if (d->n_therapy)
        return g_strdup (_("Therapy"));
      return g_strdup ("—");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Column column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_DATE || column == COLUMN_THERAPY ? 0 : 1);
  if (column != COLUMN_DATE && column != COLUMN_THERAPY)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  LumbarChartDay *day = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (lumbar_chart_day_get_daily (day), GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_columns (LumbarChartView *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (column));
      view_column = gtk_column_view_column_new (column_title (column), factory);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* The days that have anything logged, newest first. */
static void
rebuild_table (LumbarChartView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const LumbarDaily *days;
  guint n_days;

  days = lumbar_chart_get_days (self->chart, &n_days);
  for (guint i = n_days; i > 0; i--)
    if (lumbar_daily_has_data (&days[i - 1]))
      g_ptr_array_add (items, lumbar_chart_day_new (&days[i - 1]));

  g_list_store_splice (self->table, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table)),
                       items->pdata, items->len);
  self->table_stale = FALSE;
}

static void
update_page (LumbarChartView *self)
{
  if (!self->show_table)
    {
      gtk_stack_set_visible_child_name (self->stack, "chart");
      return;
    }

  if (self->table_stale)
    rebuild_table (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->table)) > 0
                                    ? "table" : "table-empty");
}

static void
days_changed_cb (LumbarChartView *self)
{
  /* A hidden table is rebuilt when it is shown. */
  self->table_stale = TRUE;
  if (self->show_table)
    update_page (self);
}

static void
chart_range_cb (LumbarChartView *self)
{
  LumbarRange range = lumbar_chart_get_range (self->chart);

  if (gtk_drop_down_get_selected (self->range_dropdown) != (guint) range)
    gtk_drop_down_set_selected (self->range_dropdown, range);
  if (self->range_action != NULL)
    g_simple_action_set_state (self->range_action, g_variant_new_string (lumbar_range_to_nick (range)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

static void
range_change_state_cb (LumbarChartView *self,
                       GVariant        *state)
{
  LumbarRange range;

  if (lumbar_range_from_nick (g_variant_get_string (state, NULL), &range))
    lumbar_chart_view_set_range (self, range);
}

static void
dropdown_selected_cb (LumbarChartView *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (selected < N_RANGES)
    lumbar_chart_view_set_range (self, selected);
}

static void
lumbar_chart_view_dispose (GObject *object)
{
  LumbarChartView *self = LUMBAR_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_CHART_VIEW);

  G_OBJECT_CLASS (lumbar_chart_view_parent_class)->dispose (object);
}

static void
lumbar_chart_view_finalize (GObject *object)
{
  LumbarChartView *self = LUMBAR_CHART_VIEW (object);

  g_clear_object (&self->table);
  g_clear_object (&self->range_action);

  G_OBJECT_CLASS (lumbar_chart_view_parent_class)->finalize (object);
}

static void
lumbar_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LumbarChartView *self = LUMBAR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      g_value_set_object (value, lumbar_chart_view_get_tracker (self));
      break;
    case PROP_RANGE:
      g_value_set_enum (value, lumbar_chart_view_get_range (self));
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LumbarChartView *self = LUMBAR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      lumbar_chart_view_set_tracker (self, g_value_get_object (value));
      break;
    case PROP_RANGE:
      lumbar_chart_view_set_range (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_TABLE:
      lumbar_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_chart_view_class_init (LumbarChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_chart_view_dispose;
  object_class->finalize = lumbar_chart_view_finalize;
  object_class->get_property = lumbar_chart_view_get_property;
  object_class->set_property = lumbar_chart_view_set_property;

  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL,
                         LUMBAR_TYPE_SUMMARY_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       LUMBAR_TYPE_RANGE, LUMBAR_RANGE_1_MONTH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LUMBAR_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarChartView, chart);
  gtk_widget_class_bind_template_child (widget_class, LumbarChartView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LumbarChartView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LumbarChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, LumbarChartView, table_switch);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
}

static void
lumbar_chart_view_init (LumbarChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lumbar_accessible_name_once (GTK_WIDGET (self->table_switch));

  self->table = g_list_store_new (LUMBAR_TYPE_CHART_DAY);
  self->table_stale = TRUE;
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->table)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
  add_columns (self);

  g_signal_connect_object (self->chart, "notify::range", G_CALLBACK (chart_range_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "days-changed", G_CALLBACK (days_changed_cb), self, G_CONNECT_SWAPPED);
  chart_range_cb (self);
  g_signal_connect_object (self->range_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);

  /* The period buttons share one stateful action, its state the range's
   * nick: a widget-class property action takes no enums on GTK 4.8, and a
   * GPropertyAction would hold the view alive. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    self->range_action = g_simple_action_new_stateful ("range", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string (lumbar_range_to_nick (lumbar_chart_get_range (self->chart))));
    g_signal_connect_object (self->range_action, "change-state", G_CALLBACK (range_change_state_cb),
                             self, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->range_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (group));
  }

  update_page (self);
}

GtkWidget *
lumbar_chart_view_new (void)
{
  return g_object_new (LUMBAR_TYPE_CHART_VIEW, NULL);
}

LumbarSummaryTracker *
lumbar_chart_view_get_tracker (LumbarChartView *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_VIEW (self), NULL);

  return lumbar_chart_get_tracker (self->chart);
}

void
lumbar_chart_view_set_tracker (LumbarChartView      *self,
                               LumbarSummaryTracker *tracker)
{
  g_return_if_fail (LUMBAR_IS_CHART_VIEW (self));

  if (lumbar_chart_get_tracker (self->chart) == tracker)
    return;

  lumbar_chart_set_tracker (self->chart, tracker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}

LumbarRange
lumbar_chart_view_get_range (LumbarChartView *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_VIEW (self), LUMBAR_RANGE_1_MONTH);

  return lumbar_chart_get_range (self->chart);
}

/**
 * lumbar_chart_view_set_range:
 * @self: a chart view
 * @range: a period ending today; %LUMBAR_RANGE_CUSTOM is ignored
 *
 * Shows that period; the chart notifies, and so does the view.
 */
void
lumbar_chart_view_set_range (LumbarChartView *self,
                             LumbarRange      range)
{
  g_return_if_fail (LUMBAR_IS_CHART_VIEW (self));

  lumbar_chart_set_range (self->chart, range);
}

gboolean
lumbar_chart_view_get_show_table (LumbarChartView *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_VIEW (self), FALSE);

  return self->show_table;
}

void
lumbar_chart_view_set_show_table (LumbarChartView *self,
                                  gboolean         show_table)
{
  g_return_if_fail (LUMBAR_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;

  self->show_table = show_table;
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

LumbarChart *
lumbar_chart_view_get_chart (LumbarChartView *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * lumbar_chart_view_get_table_model:
 * @self: a chart view
 *
 * Returns: (transfer none): the table's rows, #LumbarChartDay items, newest
 *   first; current while the table is shown
 */
GListModel *
lumbar_chart_view_get_table_model (LumbarChartView *self)
{
  g_return_val_if_fail (LUMBAR_IS_CHART_VIEW (self), NULL);

  return G_LIST_MODEL (self->table);
}
