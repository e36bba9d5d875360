/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-diary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-compat.h"
#include "lumbar-diary-model.h"
#include "lumbar-diary-page.h"
#include "lumbar-diary-row.h"
#include "lumbar-entry-editor.h"
#include "lumbar-style.h"
#include "lumbar-undo.h"

/* The whole diary, newest day first. A GtkListView over a flat model of
 * day headings and entries keeps the number of widgets to what fits on the
 * screen, whatever the length of the diary. */
struct _LumbarDiaryPage
{
  AdwBin            parent_instance;

  LumbarJournal    *journal;
  gboolean          read_only;

  LumbarDiaryModel *model;
  /* Given to the list view when the page is first mapped: a list view
   * builds rows as soon as it has items, and a hidden page needs none. */
  GtkSelectionModel *selection;
  /* The rows the list view has made (it owns them), to refresh them in
   * place when their neighbours change. */
  GPtrArray        *rows;
  /* Changes made here, when no window takes them (see
   * LumbarDiaryPage::record-change), and their toasts by change number
   * (not owned) while shown or queued. */
  LumbarUndo       *undo;
  GHashTable       *undo_toasts;
  /* The day "Today" means in the headings, checked at midnight while shown. */
  LumbarDay         headings_day;
  guint             clock_id;

  /* The day a jump asked for, focused once its row is there. */
  guint             jump_position;
  guint             jump_tick_id;
  guint             jump_frames;

  GtkCalendar      *calendar;
  GtkPopover       *date_popover;
  AdwStatusPage    *empty_page;
  GtkMenuButton    *date_button;
  GtkMenuButton    *filter_button;
  GtkCheckButton   *kind_incline;
  GtkCheckButton   *kind_pain;
  GtkCheckButton   *kind_rest;
  GtkCheckButton   *kind_spasm;
  GtkCheckButton   *kind_therapy;
  GtkListView      *list_view;
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  AdwToastOverlay  *toast_overlay;
  GtkCheckButton   *warning_signs;
};

enum {
  RECORD_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LumbarDiaryPage, lumbar_diary_page, ADW_TYPE_BIN)

#define LIST_ITEM_KEY "lumbar-list-item"

/* The page works outside the application too (review windows, tests), so
 * it brings its own style sheet and icons. */
static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GtkListItem *
row_dup_list_item (LumbarDiaryRow *row)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (row), LIST_ITEM_KEY);

  return ref ? g_weak_ref_get (ref) : NULL;
}

static void
refresh_row (LumbarDiaryPage *self,
             LumbarDiaryRow  *row)
{
  g_autoptr(GObject) list_item = G_OBJECT (row_dup_list_item (row));
  LumbarEntry *entry = lumbar_diary_row_get_entry (row);
  guint position;

  if (list_item == NULL)
    return;

  lumbar_diary_row_set_read_only (row, self->read_only);
  gtk_list_item_set_activatable (GTK_LIST_ITEM (list_item), entry != NULL && !self->read_only);
  position = gtk_list_item_get_position (GTK_LIST_ITEM (list_item));
  if (entry != NULL && position != GTK_INVALID_LIST_POSITION)
    lumbar_diary_row_set_edges (row,
                                lumbar_diary_model_is_heading (self->model, position - 1),
                                lumbar_diary_model_is_heading (self->model, position + 1));
}

static void
refresh_rows (LumbarDiaryPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    refresh_row (self, g_ptr_array_index (self->rows, i));
}

static void
on_row_finalized (gpointer  data,
                  GObject  *row)
{
  LumbarDiaryPage *self = data;

  g_ptr_array_remove_fast (self->rows, row);
}

static void
on_setup (LumbarDiaryPage          *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  GtkWidget *row = lumbar_diary_row_new ();
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, list_item);
  g_object_set_data_full (G_OBJECT (row), LIST_ITEM_KEY, ref, free_weak_ref);
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  g_ptr_array_add (self->rows, row);

  /* In GTK 4.8 a list item takes the keyboard focus only when it is
   * selectable (a no-op with GtkNoSelection), and the arrow keys stop at an
   * item that cannot take it, so every row, heading or not, is selectable. */
  gtk_list_item_set_selectable (list_item, TRUE);
  gtk_list_item_set_child (list_item, row);
}

static void
on_bind (LumbarDiaryPage          *self,
         GtkListItem              *list_item,
         GtkSignalListItemFactory *factory)
{
  LumbarDiaryRow *row = LUMBAR_DIARY_ROW (gtk_list_item_get_child (list_item));

  lumbar_diary_row_set_item (row, gtk_list_item_get_item (list_item));
  refresh_row (self, row);
}

static void
on_unbind (LumbarDiaryPage          *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  lumbar_diary_row_set_item (LUMBAR_DIARY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* The list, or why it is empty: nothing logged yet, or nothing found. */
static void
update_stack (LumbarDiaryPage *self)
{
  const char *name = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    name = lumbar_diary_model_get_filter (self->model) != NULL ? "no-match" : "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
on_model_items_changed (LumbarDiaryPage *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  update_stack (self);
  /* Neighbours of a change may have become the first or last of their day. */
  refresh_rows (self);
}

static LumbarDiaryRow *
find_row_at (LumbarDiaryPage *self,
             guint            position)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LumbarDiaryRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GObject) list_item = G_OBJECT (row_dup_list_item (row));

      if (list_item != NULL &&
          gtk_list_item_get_position (GTK_LIST_ITEM (list_item)) == position &&
          lumbar_diary_row_get_item (row) != NULL)
        return row;
    }
  return NULL;
}

/* The row with the keyboard focus, if any. */
static LumbarDiaryRow *
find_focused_row (LumbarDiaryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (LUMBAR_IS_DIARY_ROW (w))
        return LUMBAR_DIARY_ROW (w);
      /* The list view's own row widget has the focus; ours is its child. */
      if (child != NULL && LUMBAR_IS_DIARY_ROW (child))
        return LUMBAR_DIARY_ROW (child);
    }
  return NULL;
}

static void
focus_near (LumbarDiaryPage *self,
            guint            position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  LumbarDiaryRow *row;

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  /* Skip a heading, towards older entries first. */
  if (lumbar_diary_model_is_heading (self->model, position))
    position = position + 1 < n ? position + 1 : (position > 0 ? position - 1 : position);

  row = find_row_at (self, position);
  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
}

/* Every change made on the page goes through here, so that each gets its
 * toast with an Undo of its own. */
static void
record_change (LumbarDiaryPage *self,
               LumbarEntry     *before,
               LumbarEntry     *after,
               const char      *title)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[RECORD_CHANGE], 0, before, after, title, &handled);
}

/* The toast about the last change while it shows, taken out of
 * @undo_toasts (which holds at most that one). */
static AdwToast *
take_change_toast (GHashTable *undo_toasts)
{
  g_autoptr(GList) toasts = g_hash_table_get_values (undo_toasts);

  g_hash_table_remove_all (undo_toasts);
  return toasts ? toasts->data : NULL;
}

static void
on_toast_dismissed (LumbarDiaryPage *self,
                    AdwToast        *toast)
{
  guint change = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "lumbar-change"));

  if (self->undo_toasts != NULL && g_hash_table_lookup (self->undo_toasts, GUINT_TO_POINTER (change)) == toast)
    g_hash_table_remove (self->undo_toasts, GUINT_TO_POINTER (change));
}

/* The page's own undo, for a page no window records changes for. */
static gboolean
lumbar_diary_page_real_record_change (LumbarDiaryPage *self,
                                      LumbarEntry     *before,
                                      LumbarEntry     *after,
                                      const char      *title)
{
  gboolean added = FALSE;
  AdwToast *toast;
  guint change;

  if (self->undo == NULL)
    {
      lumbar_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return TRUE;
    }

  change = lumbar_undo_push (self->undo, before, after);
  /* The toast about the change before, while it shows, becomes this
   * change's toast (its title and its Undo): the Undo on screen is always
   * about the change just made, and Ctrl+Z still takes back the one
   * before. (A new toast of high priority would queue the older one
   * again, but libadwaita 1.2 aborts when two come in a row, and
   * dismissing a toast that has just appeared crashes it too.) */
  toast = take_change_toast (self->undo_toasts);
  if (toast != NULL)
    {
      adw_toast_set_title (toast, title);
    }
  else
    {
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "diary.undo");
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                               G_CONNECT_SWAPPED);
      added = TRUE;
    }
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (change));
  g_object_set_data (G_OBJECT (toast), "lumbar-change", GUINT_TO_POINTER (change));
  g_hash_table_insert (self->undo_toasts, GUINT_TO_POINTER (change), toast);
  if (added)
    lumbar_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

static void
delete_entry (LumbarDiaryPage *self,
              const char      *id)
{
  g_autoptr(LumbarEntry) entry = NULL;
  LumbarEntry *current;
  LumbarDiaryRow *focused;
  gboolean had_focus;
  guint position;

  if (self->read_only || self->journal == NULL || id == NULL)
    return;

  current = lumbar_journal_lookup (self->journal, id);
  if (current == NULL)
    return;

  focused = find_focused_row (self);
  had_focus = focused != NULL;
  position = lumbar_diary_model_find_entry (self->model, current);

  entry = lumbar_journal_remove (self->journal, id);
  if (entry == NULL)
    return;

  record_change (self, entry, NULL, _("Entry deleted"));

  if (had_focus && position != G_MAXUINT)
    focus_near (self, position);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_entry (LUMBAR_DIARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
delete_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (widget);
  LumbarDiaryRow *row = find_focused_row (self);
  LumbarEntry *entry = row ? lumbar_diary_row_get_entry (row) : NULL;

  if (entry != NULL)
    delete_entry (self, lumbar_entry_get_id (entry));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (widget);
  guint change = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  toast = g_hash_table_lookup (self->undo_toasts, GUINT_TO_POINTER (change));
  if (toast != NULL)
    {
      g_hash_table_remove (self->undo_toasts, GUINT_TO_POINTER (change));
      adw_toast_dismiss (toast);
    }
  if (self->undo == NULL || self->read_only || !lumbar_undo_has_change (self->undo, change))
    return;

  if (!lumbar_undo_undo (self->undo, change, &error))
    lumbar_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
on_editor_saved (LumbarDiaryPage   *self,
                 LumbarEntry       *entry,
                 LumbarEntryEditor *editor)
{
  LumbarEntry *before = g_object_get_data (G_OBJECT (editor), "lumbar-before");

  /* Save without a change puts nothing into the journal. */
  if (before == NULL || lumbar_entry_equal (before, entry))
    return;
  record_change (self, before, entry, _("Entry changed"));
}

static void
open_editor (LumbarDiaryPage *self,
             LumbarEntry     *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LumbarEntryEditor *editor;

  if (self->read_only || self->journal == NULL || entry == NULL)
    return;

  editor = lumbar_entry_editor_new_for_entry (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->journal, entry);
  /* What Undo puts back: the entry as it was when the editor opened. */
  g_object_set_data_full (G_OBJECT (editor), "lumbar-before", lumbar_entry_copy (entry), g_object_unref);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (widget);

  if (self->journal != NULL)
    open_editor (self, lumbar_journal_lookup (self->journal, g_variant_get_string (parameter, NULL)));
}

static void
on_list_view_activate (LumbarDiaryPage *self,
                       guint            position,
                       GtkListView     *list_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (LUMBAR_IS_ENTRY (item))
    open_editor (self, LUMBAR_ENTRY (item));
}

/* Search and filters
 *
 * They apply while the search bar is open: closing it (Escape) shows the
 * whole diary again, so no entry stays hidden by a filter out of sight. */

static void
on_filter_changed (LumbarDiaryPage *self)
{
  g_autoptr(LumbarDiaryFilter) filter = NULL;
  struct { GtkCheckButton *check; LumbarKind kind; } kinds[] = {
    { self->kind_pain, LUMBAR_KIND_PAIN },
    { self->kind_spasm, LUMBAR_KIND_SPASM },
    { self->kind_rest, LUMBAR_KIND_REST },
    { self->kind_incline, LUMBAR_KIND_INCLINE },
    { self->kind_therapy, LUMBAR_KIND_THERAPY },
  };
  guint mask = 0;
  gboolean warning_signs;

  /* Called while the template is built, before there is a model. */
  if (self->model == NULL)
    return;

  warning_signs = gtk_check_button_get_active (self->warning_signs);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (gtk_check_button_get_active (kinds[i].check))
      mask |= LUMBAR_KIND_MASK (kinds[i].kind);

  /* A filter in use shows on its button, the popover closed. */
  if (mask != 0 || warning_signs)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  if (gtk_search_bar_get_search_mode (self->search_bar))
    filter = lumbar_diary_filter_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                      mask, warning_signs);
  lumbar_diary_model_set_filter (self->model, filter);
  update_stack (self);
}

static void
on_search_mode_changed (LumbarDiaryPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkCheckButton *checks[] = {
        self->kind_pain, self->kind_spasm, self->kind_rest, self->kind_incline,
        self->kind_therapy, self->warning_signs,
      };

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
        gtk_check_button_set_active (checks[i], FALSE);
    }
  on_filter_changed (self);
}

/**
 * lumbar_diary_page_start_search:
 * @self: a diary page
 *
 * Opens the search bar (Ctrl+F) with the keyboard in its entry.
 */
void
lumbar_diary_page_start_search (LumbarDiaryPage *self)
{
  g_return_if_fail (LUMBAR_IS_DIARY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Jump to a date
 *
 * GTK 4.8's list view scrolls to an item through its "list.scroll-to-item"
 * action; the row is built on the next layout, so the focus follows on a
 * later frame. */

#define JUMP_MAX_FRAMES 30

static gboolean
jump_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  LumbarDiaryPage *self = user_data;
  LumbarDiaryRow *row = find_row_at (self, self->jump_position);

  if (row == NULL && ++self->jump_frames < JUMP_MAX_FRAMES)
    return G_SOURCE_CONTINUE;
  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
  self->jump_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * lumbar_diary_page_show_day:
 * @self: a diary page
 * @day: a day
 *
 * Scrolls the list to @day's entries, or to those of the nearest earlier
 * day that has some, and gives that day's heading the keyboard focus.
 *
 * Returns: the day shown, or 0 when the list is empty
 */
LumbarDay
lumbar_diary_page_show_day (LumbarDiaryPage *self,
                            LumbarDay        day)
{
  guint position;

  g_return_val_if_fail (LUMBAR_IS_DIARY_PAGE (self), 0);

  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, self->selection);

  position = lumbar_diary_model_find_day (self->model, day);
  if (position == G_MAXUINT)
    return 0;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->jump_position = position;
  self->jump_frames = 0;
  if (self->jump_tick_id == 0)
    self->jump_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), jump_tick, self, NULL);
  return lumbar_diary_model_get_day_at (self->model, position);
}

static void
on_date_popover_show (LumbarDiaryPage *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, today);
}

static void
on_go_clicked (LumbarDiaryPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  gtk_popover_popdown (self->date_popover);
  lumbar_diary_page_show_day (self, lumbar_day_from_ymd (g_date_time_get_year (date),
                                                         g_date_time_get_month (date),
                                                         g_date_time_get_day_of_month (date)));
}

static void
update_actions (LumbarDiaryPage *self)
{
  gboolean writable = !self->read_only && self->journal != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.delete-focused", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.undo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.edit", writable);

  adw_status_page_set_description (self->empty_page,
                                   self->read_only
                                   ? _("This diary has no entries.")
                                   : _("Pain readings, spasms, rest and inclined sitting that you log on the Today page appear here, newest first. Select an entry to correct it."));
}

/* "Today" and "Yesterday" move on at midnight: while the page is shown it
 * renames its headings then, and showing it again catches up. */
static void
refresh_headings (LumbarDiaryPage *self)
{
  self->headings_day = lumbar_day_today ();
  for (guint i = 0; i < self->rows->len; i++)
    lumbar_diary_row_refresh (g_ptr_array_index (self->rows, i));
}

static gboolean
on_clock (gpointer user_data)
{
  LumbarDiaryPage *self = user_data;

  self->clock_id = 0;
  if (lumbar_day_today () != self->headings_day)
    refresh_headings (self);
  self->clock_id = lumbar_day_watch_midnight (on_clock, self);
  return G_SOURCE_REMOVE;
}

static void
lumbar_diary_page_map (GtkWidget *widget)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (widget);

  GTK_WIDGET_CLASS (lumbar_diary_page_parent_class)->map (widget);

  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, self->selection);

  refresh_headings (self);
  if (self->clock_id == 0)
    self->clock_id = lumbar_day_watch_midnight (on_clock, self);
}

static void
lumbar_diary_page_unmap (GtkWidget *widget)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (lumbar_diary_page_parent_class)->unmap (widget);
}

static void
lumbar_diary_page_dispose (GObject *object)
{
  LumbarDiaryPage *self = (LumbarDiaryPage *) object;

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->jump_tick_id != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->jump_tick_id);
  self->jump_tick_id = 0;
  /* AdwBin keeps its own pointer to the child; let it unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_DIARY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->journal);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->undo_toasts, g_hash_table_unref);

  G_OBJECT_CLASS (lumbar_diary_page_parent_class)->dispose (object);
}

static void
lumbar_diary_page_finalize (GObject *object)
{
  LumbarDiaryPage *self = (LumbarDiaryPage *) object;

  for (guint i = 0; i < self->rows->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->rows, i), on_row_finalized, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lumbar_diary_page_parent_class)->finalize (object);
}

static void
lumbar_diary_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LumbarDiaryPage *self = LUMBAR_DIARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      lumbar_diary_page_set_journal (self, g_value_get_object (value));
      break;

    case PROP_READ_ONLY:
      lumbar_diary_page_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_diary_page_class_init (LumbarDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lumbar_diary_page_dispose;
  object_class->finalize = lumbar_diary_page_finalize;
  object_class->get_property = lumbar_diary_page_get_property;
  object_class->set_property = lumbar_diary_page_set_property;

  widget_class->map = lumbar_diary_page_map;
  widget_class->unmap = lumbar_diary_page_unmap;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LUMBAR_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LumbarDiaryPage::record-change:
   * @self: the page
   * @before: (nullable): the entry as it was, %NULL if @after was added
   * @after: (nullable): the entry as it is now, %NULL if @before was deleted
   * @title: what the toast about it says
   *
   * Emitted after the page changed the journal (a delete, an edit). The
   * main window records the change on its session's undo stack and toasts
   * it; left unhandled, the page toasts it with an Undo of its own.
   *
   * Returns: %TRUE if the change was taken care of
   */
  signals[RECORD_CHANGE] =
    g_signal_new_class_handler ("record-change",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (lumbar_diary_page_real_record_change),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 3, LUMBAR_TYPE_ENTRY, LUMBAR_TYPE_ENTRY, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, kind_incline);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, kind_pain);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, kind_rest);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, kind_spasm);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, kind_therapy);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LumbarDiaryPage, warning_signs);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_go_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_install_action (widget_class, "diary.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "diary.delete-focused", NULL, delete_focused_action);
  gtk_widget_class_install_action (widget_class, "diary.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "diary.undo", "u", undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "diary.delete-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "diary.delete-focused", NULL);

  gtk_widget_class_set_css_name (widget_class, "lumbardiarypage");
}

static void
lumbar_diary_page_init (LumbarDiaryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  lumbar_style_ensure ("lumbar-diary.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a menu button's inner button after its class. */
  lumbar_menu_button_name_inner (self->date_button, _("Go to Date…"));
  lumbar_menu_button_name_inner (self->filter_button, C_("diary search", "Filter"));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->rows = g_ptr_array_new ();
  self->undo_toasts = g_hash_table_new (NULL, NULL);
  self->model = lumbar_diary_model_new (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));

  /* After the list view's own handler, so row positions are current. */
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

GtkWidget *
lumbar_diary_page_new (LumbarJournal *journal)
{
  g_return_val_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal), NULL);

  return g_object_new (LUMBAR_TYPE_DIARY_PAGE, "journal", journal, NULL);
}

/**
 * lumbar_diary_page_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal shown
 */
LumbarJournal *
lumbar_diary_page_get_journal (LumbarDiaryPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_PAGE (self), NULL);
  return self->journal;
}

void
lumbar_diary_page_set_journal (LumbarDiaryPage *self,
                               LumbarJournal   *journal)
{
  g_return_if_fail (LUMBAR_IS_DIARY_PAGE (self));
  g_return_if_fail (journal == NULL || LUMBAR_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  /* Undo belongs to the journal the changes were made to. */
  g_clear_object (&self->undo);
  if (journal != NULL)
    self->undo = lumbar_undo_new (journal);
  lumbar_diary_model_set_journal (self->model, journal);
  update_stack (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

gboolean
lumbar_diary_page_get_read_only (LumbarDiaryPage *self)
{
  g_return_val_if_fail (LUMBAR_IS_DIARY_PAGE (self), FALSE);
  return self->read_only;
}

/**
 * lumbar_diary_page_set_read_only:
 * @self: a diary page
 * @read_only: whether the diary is only shown
 *
 * A read-only page (a therapist reviewing an exported log) shows no delete
 * buttons, opens no editor and ignores the Delete key.
 */
void
lumbar_diary_page_set_read_only (LumbarDiaryPage *self,
                                 gboolean         read_only)
{
  g_return_if_fail (LUMBAR_IS_DIARY_PAGE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  if (read_only && self->undo != NULL)
    lumbar_undo_clear (self->undo);
  refresh_rows (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
