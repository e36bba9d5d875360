/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-diary-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-diary-day.h"
#include "lumbar-diary-row.h"
#include "lumbar-format.h"

/* One item of the diary list: either a day's heading or an entry. The list
 * view recycles rows, so a row switches between the two as it is rebound. */
struct _LumbarDiaryRow
{
  GtkWidget  parent_instance;

  GObject   *item;
  gboolean   read_only;

  GtkButton *delete_button;
  GtkBox    *entry_box;
  GtkLabel  *flags_label;
  GtkLabel  *heading_label;
  GtkImage  *kind_icon;
  GtkLabel  *kind_label;
  GtkLabel  *note_label;
  GtkLabel  *time_label;
  GtkLabel  *values_label;
  GtkImage  *warning_icon;
};

enum {
  PROP_0,
  PROP_ITEM,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_classes[] = {
  "lumbar-kind-pain", "lumbar-kind-spasm", "lumbar-kind-rest",
  "lumbar-kind-incline", "lumbar-kind-therapy",
};

G_DEFINE_FINAL_TYPE (LumbarDiaryRow, lumbar_diary_row, GTK_TYPE_WIDGET)

/**
 * lumbar_diary_kind_icon_name:
 * @kind: a kind of entry
 *
 * Returns: the symbolic icon shown with entries of @kind (diary rows, the
 *   Today page's list)
 */
const char *
lumbar_diary_kind_icon_name (LumbarKind kind)
{
  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      return "lumbar-pain-symbolic";
    case LUMBAR_KIND_SPASM:
      return "lumbar-spasm-symbolic";
    case LUMBAR_KIND_REST:
      return "lumbar-rest-symbolic";
    case LUMBAR_KIND_INCLINE:
      return "lumbar-incline-symbolic";
    case LUMBAR_KIND_THERAPY:
    case LUMBAR_N_KINDS:
    default:
      return "lumbar-therapy-symbolic";
    }
}

/**
 * lumbar_diary_format_day:
 * @day: the day to name
 * @today: the local date today, or %LUMBAR_DAY_INVALID for dates only
 *
 * Names a day for a heading: "Today", "Yesterday" or the full date.
 *
 * Returns: (transfer full): the heading text
 */
char *
lumbar_diary_format_day (LumbarDay day,
                         LumbarDay today)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (today != LUMBAR_DAY_INVALID && day == today)
    return g_strdup (_("Today"));
  if (today != LUMBAR_DAY_INVALID && day == today - 1)
    return g_strdup (_("Yesterday"));

  return lumbar_format_date (day, LUMBAR_DATE_WEEKDAY);
}

/* When it happened (or the session began), in the offset it was recorded
 * in. Only the start: a session's length is in its details, and the row must
 * fit a phone-sized window. */
static char *
format_clock (LumbarEntry *entry)
{
  g_autoptr(GDateTime) start = lumbar_entry_dup_date_time (entry);

  return lumbar_format_time (start);
}

/**
 * lumbar_diary_format_details:
 * @entry: an entry
 *
 * Returns: (transfer full): its values as the diary shows them, e.g.
 *   "Local 6 · Radiating 2", "45 min"
 */
char *
lumbar_diary_format_details (LumbarEntry *entry)
{
  g_autoptr(GPtrArray) parts = NULL;
  const char *trigger;
  int radiating;

  switch (lumbar_entry_get_kind (entry))
    {
    case LUMBAR_KIND_PAIN:
      radiating = lumbar_entry_get_radiating (entry);
      if (radiating == LUMBAR_RADIATING_NONE)
        /* Translators: a pain reading on the 0–10 scale, e.g. "Local 6" */
        return g_strdup_printf (_("Local %d"), lumbar_entry_get_local (entry));
      /* Translators: a pain reading on the 0–10 scale, e.g. "Local 6 · Radiating 2" */
      return g_strdup_printf (_("Local %d · Radiating %d"), lumbar_entry_get_local (entry), radiating);

    case LUMBAR_KIND_SPASM:
      trigger = lumbar_entry_get_trigger (entry);
      if (trigger == NULL || trigger[0] == '\0')
        /* Translators: how strong a spasm was on the 0–10 scale */
        return g_strdup_printf (_("Intensity %d"), lumbar_entry_get_intensity (entry));
      /* Translators: how strong a spasm was on the 0–10 scale and what set it
       * off, e.g. "Intensity 7 · Set off by: lifting" */
      return g_strdup_printf (_("Intensity %d · Set off by: %s"),
                              lumbar_entry_get_intensity (entry), trigger);

    case LUMBAR_KIND_REST:
      return lumbar_format_duration (lumbar_entry_get_minutes (entry));

    case LUMBAR_KIND_INCLINE:
      parts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (parts, lumbar_format_duration (lumbar_entry_get_minutes (entry)));
      g_ptr_array_add (parts, g_strdup (lumbar_support_get_label (lumbar_entry_get_support (entry))));
      g_ptr_array_add (parts, g_strdup (lumbar_entry_get_legs_supported (entry)
                                        ? _("Legs supported") : _("Legs not supported")));
      g_ptr_array_add (parts, g_strdup (lumbar_entry_get_knees_bent (entry)
                                        ? _("Knees slightly bent") : _("Knees straight")));
      g_ptr_array_add (parts, NULL);
      /* Translators: separates the details of an entry in the diary */
      return g_strjoinv (_(" · "), (char **) parts->pdata);

    case LUMBAR_KIND_THERAPY:
      return g_strdup (lumbar_therapy_get_label (lumbar_entry_get_therapy (entry)));

    case LUMBAR_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_flags (LumbarFlags flags)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint bit = 0; bit < LUMBAR_N_FLAGS; bit++)
    if (flags & (1u << bit))
      g_ptr_array_add (labels, (char *) lumbar_flag_get_label (1u << bit));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv ("\n", (char **) labels->pdata);
}

/* A one-paragraph preview; the label ellipsizes it to two lines. */
static char *
format_note_preview (const char *note)
{
  char *preview = g_strdup (note);

  g_strstrip (preview);
  for (char *p = preview; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return preview;
}

static void
show_heading (LumbarDiaryRow *self,
              LumbarDiaryDay *heading)
{
  /* A log only read (a patient's export) is dated, never "Today" by the
   * reader's clock (DESIGN.md → Voice). */
  g_autofree char *text = lumbar_diary_format_day (lumbar_diary_day_get_day (heading),
                                                   self->read_only ? LUMBAR_DAY_INVALID : lumbar_day_today ());

  gtk_label_set_text (self->heading_label, text);
  lumbar_list_item_set_accessible_name (GTK_WIDGET (self), text);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_box), FALSE);
}

static void
show_entry (LumbarDiaryRow *self,
            LumbarEntry    *entry)
{
  LumbarKind kind = lumbar_entry_get_kind (entry);
  g_autofree char *clock = format_clock (entry);
  g_autofree char *values = lumbar_diary_format_details (entry);
  const char *note = lumbar_entry_get_note (entry);
  LumbarFlags flags = kind == LUMBAR_KIND_PAIN ? lumbar_entry_get_flags (entry) : 0;

  gtk_image_set_from_icon_name (self->kind_icon, lumbar_diary_kind_icon_name (kind));
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    {
      if (i == kind)
        gtk_widget_add_css_class (GTK_WIDGET (self->kind_icon), kind_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->kind_icon), kind_classes[i]);
    }

  gtk_label_set_text (self->kind_label, lumbar_kind_get_label (kind));
  gtk_label_set_text (self->time_label, clock);
  gtk_label_set_text (self->values_label, values);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), flags != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->flags_label), flags != 0);
  if (flags != 0)
    {
      g_autofree char *text = format_flags (flags);

      gtk_label_set_text (self->flags_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note[0] != '\0');
  if (note[0] != '\0')
    {
      g_autofree char *preview = format_note_preview (note);

      gtk_label_set_text (self->note_label, preview);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_label), note);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_label), NULL);

  /* What a screen reader says for the row: what, when, and the values. */
  {
    /* Translators: a diary entry for screen readers: its kind, its time, its values, e.g. "Pain at 08:30: Local 6 · Radiating 2" */
    g_autofree char *name = g_strdup_printf (_("%s at %s: %s"), lumbar_kind_get_label (kind), clock, values);

    if (flags != 0)
      {
        g_autofree char *signs = format_flags (flags);
        g_autofree char *with_signs = g_strdup_printf ("%s. %s", name, signs);

        g_free (name);
        name = g_steal_pointer (&with_signs);
      }
    lumbar_list_item_set_accessible_name (GTK_WIDGET (self), name);
  }

  /* The target first: the action takes the entry's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    lumbar_entry_get_id (entry));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "diary.delete");

  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_box), TRUE);
}

static void
update (LumbarDiaryRow *self)
{
  if (LUMBAR_IS_ENTRY (self->item))
    show_entry (self, LUMBAR_ENTRY (self->item));
  else if (LUMBAR_IS_DIARY_DAY (self->item))
    show_heading (self, LUMBAR_DIARY_DAY (self->item));
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->heading_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->entry_box), FALSE);
    }
}

static void
lumbar_diary_row_dispose (GObject *object)
{
  LumbarDiaryRow *self = (LumbarDiaryRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_DIARY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lumbar_diary_row_parent_class)->dispose (object);
}

static void
lumbar_diary_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LumbarDiaryRow *self = LUMBAR_DIARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LumbarDiaryRow *self = LUMBAR_DIARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      lumbar_diary_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_READ_ONLY:
      lumbar_diary_row_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_row_class_init (LumbarDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_diary_row_dispose;
  object_class->get_property = lumbar_diary_row_get_property;
  object_class->set_property = lumbar_diary_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-diary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, flags_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, values_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryRow, warning_icon);

  gtk_widget_class_set_css_name (widget_class, "lumbardiaryrow");
}

static void
lumbar_diary_row_init (LumbarDiaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lumbar_diary_row_new (void)
{
  return g_object_new (LUMBAR_TYPE_DIARY_ROW, NULL);
}

/**
 * lumbar_diary_row_get_item:
 *
 * Returns: (transfer none) (nullable): the #LumbarDiaryDay or #LumbarEntry shown
 */
GObject *
lumbar_diary_row_get_item (LumbarDiaryRow *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_ROW (self), NULL);
  return self->item;
}

void
lumbar_diary_row_set_item (LumbarDiaryRow *self,
                           GObject        *item)
{
  g_return_if_fail (LUMBAR_IS_DIARY_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (!g_set_object (&self->item, item))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * lumbar_diary_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown, or %NULL for a heading
 */
LumbarEntry *
lumbar_diary_row_get_entry (LumbarDiaryRow *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_ROW (self), NULL);
  return LUMBAR_IS_ENTRY (self->item) ? LUMBAR_ENTRY (self->item) : NULL;
}

/* Shows the item again, for a heading that said "Today" yesterday. */
void
lumbar_diary_row_refresh (LumbarDiaryRow *self)
{
  g_return_if_fail (LUMBAR_IS_DIARY_ROW (self));

  if (LUMBAR_IS_DIARY_DAY (self->item))
    update (self);
}

/* Whether the entry is the first or last of its day, for the rounded
 * corners of the day's card. */
void
lumbar_diary_row_set_edges (LumbarDiaryRow *self,
                            gboolean        first,
                            gboolean        last)
{
  g_return_if_fail (LUMBAR_IS_DIARY_ROW (self));

  if (first)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_box), "first");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_box), "first");
  if (last)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_box), "last");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_box), "last");
}

gboolean
lumbar_diary_row_get_read_only (LumbarDiaryRow *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_ROW (self), FALSE);
  return self->read_only;
}

void
lumbar_diary_row_set_read_only (LumbarDiaryRow *self,
                                gboolean        read_only)
{
  g_return_if_fail (LUMBAR_IS_DIARY_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !read_only);
  if (read_only)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_box), "read-only");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_box), "read-only");
  lumbar_diary_row_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
