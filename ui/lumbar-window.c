/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lumbar-application.h"
#include "lumbar-chart-view.h"
#include "lumbar-compat.h"
#include "lumbar-diary-page.h"
#include "lumbar-export-dialog.h"
#include "lumbar-import-dialog.h"
#include "lumbar-review-window.h"
#include "lumbar-settings.h"
#include "lumbar-tips-page.h"
#include "lumbar-today-page.h"
#include "lumbar-window-private.h"



G_DEFINE_FINAL_TYPE (LumbarWindow, lumbar_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DIARY_SHOWN,
  PROP_PAGES_READY,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (LumbarWindow *self)
{
  int width, height;
  gboolean maximized;

  if (!lumbar_settings_get_window_state (self->settings, &width, &height, &maximized))
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 720, 820);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (360, width), MAX (294, height));
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (LumbarWindow *self)
{
  int width, height;

  /* The default size follows the window while it is not maximized, so it
   * is the size to come back to after unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  lumbar_settings_save_window_state (self->settings, width, height,
                                     gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Banners */

static char *
dup_broken_message (LumbarStore *store)
{
  const char *broken = lumbar_store_get_broken_path (store);
  const char *restored = lumbar_store_get_restored_from (store);
  guint n_skipped = lumbar_store_get_n_skipped (store);

  if (n_skipped > 0)
    return g_strdup_printf (ngettext ("%u entry in your diary could not be read and was left out. "
                                      "The original file was kept unchanged as %s.",
                                      "%u entries in your diary could not be read and were left out. "
                                      "The original file was kept unchanged as %s.",
                                      n_skipped),
                            n_skipped, broken);
  if (restored != NULL)
    return g_strdup_printf (_("Your diary could not be read. The damaged file was moved to %s, "
                              "and the backup %s was loaded instead."),
                            broken, restored);
  return g_strdup_printf (_("Your diary could not be read. The damaged file was moved to %s. "
                            "No backup could be loaded, so Lumbar started a new, empty diary."),
                          broken);
}

static void
update_banners (LumbarWindow *self)
{
  const char *save_error = NULL;
  const char *read_only_reason = NULL;
  gboolean broken = FALSE;

  if (self->store != NULL)
    {
      save_error = lumbar_store_get_save_error (self->store);
      broken = lumbar_store_get_broken_path (self->store) != NULL && !self->broken_dismissed;
      if (lumbar_store_get_read_only (self->store))
        {
          read_only_reason = lumbar_store_get_read_only_reason (self->store);
          if (read_only_reason == NULL)
            read_only_reason = _("Your diary is open read-only. Nothing can be logged in this window.");
        }
    }

  if (broken)
    {
      g_autofree char *message = dup_broken_message (self->store);

      gtk_label_set_text (self->broken_label, message);
    }
  gtk_widget_set_visible (self->broken_banner, broken);

  gtk_label_set_text (self->save_label, save_error ? save_error : "");
  gtk_widget_set_visible (self->save_banner, save_error != NULL);

  gtk_label_set_text (self->read_only_label, read_only_reason ? read_only_reason : "");
  gtk_widget_set_visible (self->read_only_banner, read_only_reason != NULL);

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner_revealer),
                                 broken || save_error != NULL || read_only_reason != NULL);
}

static void
on_broken_dismissed (LumbarWindow *self)
{
  self->broken_dismissed = TRUE;
  update_banners (self);
}

static void on_store_changed (LumbarWindow *self);

/* The primary menu's popover is built the first time it opens: a popover
 * menu builds a row for every item, which the first frame does not need. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  LumbarWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Pages
 *
 * The window's first frame holds only the header; the Today
 * page is built right after it, and the Diary, History and Tips pages after
 * the frame that shows Today (or at once when one of them is asked for),
 * so the window appears as fast as an empty one and fills in. */

static void
ensure_today_page (LumbarWindow *self)
{
  if (self->today_page)
    return;

  self->today_page = LUMBAR_TODAY_PAGE (g_object_new (LUMBAR_TYPE_TODAY_PAGE, NULL));
  adw_bin_set_child (self->today_bin, GTK_WIDGET (self->today_page));
  if (self->store)
    lumbar_today_page_set_store (self->today_page, self->store);
  lumbar_today_page_set_tracker (self->today_page, self->tracker);
  lumbar_today_page_set_settings (self->today_page, self->settings);
  on_store_changed (self);
}


static void
bind_pages (LumbarWindow *self)
{
  LumbarJournal *journal = self->store ? lumbar_store_get_journal (self->store) : NULL;

  lumbar_diary_page_set_journal (self->diary_page, journal);
  lumbar_chart_view_set_tracker (self->chart_view, self->tracker);
  lumbar_tips_page_set_tracker (self->tips_page, self->tracker);
}

/* The Diary's deletes and edits go on the window's one undo stack, with
 * the window's toasts, like everything logged on Today. */
static gboolean
on_diary_record_change (LumbarWindow *self,
                        LumbarEntry  *before,
                        LumbarEntry  *after,
                        const char   *title)
{
  lumbar_window_record_change (self, before, after, title);
  return TRUE;
}

/* An empty diary has no chart to show: History says so, and where to
 * start, instead of an empty grid. */
static GtkWidget *
new_history_empty_page (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Go to _Today"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "lumbar-history-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Logged Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Once you log pain, spasms, rest or inclined sitting on the Today page, "
                                     "this page charts them day by day."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "today");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static void
update_history (LumbarWindow *self)
{
  gboolean empty;

  if (self->history_stack == NULL)
    return;
  /* A diary still loading is not empty yet. */
  empty = self->store != NULL && lumbar_store_get_loaded (self->store) &&
          lumbar_journal_get_n_entries (lumbar_store_get_journal (self->store)) == 0;
  gtk_stack_set_visible_child_name (self->history_stack, empty ? "empty" : "chart");
}

/* A day clicked on the chart (or Enter on it) opens in the Diary. */
static void
on_chart_day_activated (LumbarWindow *self,
                        LumbarDay     day)
{
  lumbar_window_set_visible_page_name (self, "diary");
  lumbar_diary_page_show_day (self->diary_page, day);
}

static void
ensure_pages (LumbarWindow *self)
{
  GtkWidget *scroller, *clamp;

  g_clear_handle_id (&self->pages_idle_id, g_source_remove);
  ensure_today_page (self);
  if (self->diary_page)
    return;

  self->diary_page = LUMBAR_DIARY_PAGE (g_object_new (LUMBAR_TYPE_DIARY_PAGE, NULL));
  adw_bin_set_child (self->diary_bin, GTK_WIDGET (self->diary_page));
  g_signal_connect_object (self->diary_page, "record-change",
                           G_CALLBACK (on_diary_record_change), self, G_CONNECT_SWAPPED);

  self->chart_view = LUMBAR_CHART_VIEW (g_object_new (LUMBAR_TYPE_CHART_VIEW, NULL));
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart_view), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chart_view), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->chart_view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chart_view), 12);
  /* The person's own chart opens as they left it. */
  g_object_bind_property (self->settings, "chart-range", self->chart_view, "range",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->settings, "chart-show-table", self->chart_view, "show-table",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (lumbar_chart_view_get_chart (self->chart_view), "day-activated",
                           G_CALLBACK (on_chart_day_activated), self, G_CONNECT_SWAPPED);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->chart_view));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  self->history_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->history_stack, new_history_empty_page (), "empty");
  gtk_stack_add_named (self->history_stack, scroller, "chart");
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_stack));
  update_history (self);

  self->tips_page = LUMBAR_TIPS_PAGE (g_object_new (LUMBAR_TYPE_TIPS_PAGE, NULL));
  adw_bin_set_child (self->tips_bin, GTK_WIDGET (self->tips_page));
  g_object_bind_property (self->tips_page, "n-indicated", self->tips_stack_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->tips_page, "red-flags-active", self->tips_stack_page, "needs-attention",
                          G_BINDING_SYNC_CREATE);

  bind_pages (self);
  on_store_changed (self);
}

static gboolean
ensure_pages_idle (gpointer user_data)
{
  LumbarWindow *self = user_data;

  self->pages_idle_id = 0;
  if (self->today_page == NULL)
    ensure_today_page (self);
  else
    ensure_pages (self);
  return G_SOURCE_REMOVE;
}

static gboolean
store_settled (LumbarWindow *self)
{
  return self->store == NULL ||
         lumbar_store_get_loaded (self->store) ||
         lumbar_store_get_read_only (self->store);
}

/* After each frame, build the next pages, until all are there: Today
 * first; the others only once a frame has shown Today with the diary, so
 * they never hold that frame up. (When the diary arrives, the switch from
 * the loading page to the pages paints another frame.) */
static void
on_first_frame (GdkFrameClock *clock,
                LumbarWindow  *self)
{
  if (self->diary_page != NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
      return;
    }
  if (self->today_page != NULL && !store_settled (self))
    return;
  if (self->pages_idle_id == 0)
    self->pages_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, ensure_pages_idle, self, NULL);
}

static void
on_realize (LumbarWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
on_visible_page_changed (LumbarWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "today") != 0)
    ensure_pages (self);
}

/* Loading
 *
 * Most diaries are on screen within a fraction of a second, so the loading
 * page stays blank at first and shows its spinner only if loading goes on
 * for longer than LOADING_INDICATOR_DELAY_MS: a quick load never flashes it
 * (and the first frame loads no spinner image). */

#define LOADING_INDICATOR_DELAY_MS 400

static gboolean
show_loading_indicator (gpointer user_data)
{
  LumbarWindow *self = user_data;

  self->loading_timeout_id = 0;
  gtk_widget_set_visible (self->loading_box, TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  return G_SOURCE_REMOVE;
}

static void
update_loading (LumbarWindow *self)
{
  /* A diary that could not be opened at all leaves the store unloaded but
   * read-only; the banner says why, and the pages show what there is. */
  gboolean done = self->today_page != NULL &&
                  (self->store == NULL ||
                   lumbar_store_get_loaded (self->store) ||
                   lumbar_store_get_read_only (self->store));

  if (done)
    {
      g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
      gtk_spinner_set_spinning (self->spinner, FALSE);
    }
  else if (self->loading_timeout_id == 0 && !gtk_widget_get_visible (self->loading_box))
    {
      self->loading_timeout_id = g_timeout_add (LOADING_INDICATOR_DELAY_MS, show_loading_indicator, self);
    }
  /* Fade in from the spinner, but not from a blank page: that would only
   * show the diary later, and fainter. */
  gtk_stack_set_transition_type (self->main_stack,
                                 gtk_widget_get_visible (self->loading_box) ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                                                           : GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child_name (self->main_stack, done ? "pages" : "loading");
}

static void
on_store_changed (LumbarWindow *self)
{
  /* The diary can be edited only where the Today page can log. */
  if (self->diary_page)
    lumbar_diary_page_set_read_only (self->diary_page,
                                     self->store == NULL ||
                                     !lumbar_store_get_loaded (self->store) ||
                                     lumbar_store_get_read_only (self->store));
  update_loading (self);
  update_banners (self);
  update_history (self);
  _lumbar_window_actions_update (self);

  if (self->store && self->today_page && lumbar_store_get_loaded (self->store))
    {
      if (!self->diary_shown)
        {
          self->diary_shown = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY_SHOWN]);
        }
      if (self->diary_page && !self->pages_ready)
        {
          self->pages_ready = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES_READY]);
        }
    }
}

/* GtkWindow */

static gboolean
lumbar_window_close_request (GtkWindow *window)
{
  LumbarWindow *self = LUMBAR_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);

  save_window_state (self);

  if (LUMBAR_IS_APPLICATION (app) && !lumbar_application_confirm_close (LUMBAR_APPLICATION (app), window))
    return TRUE;

  return GTK_WINDOW_CLASS (lumbar_window_parent_class)->close_request (window);
}

/* GObject */

static void
lumbar_window_set_store (LumbarWindow *self,
                         LumbarStore  *store)
{
  g_return_if_fail (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->tracker = lumbar_summary_tracker_new (lumbar_store_get_journal (store));
  self->undo = lumbar_undo_new (lumbar_store_get_journal (store));
  g_signal_connect_object (self->undo, "notify::can-undo",
                           G_CALLBACK (_lumbar_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::loaded", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::read-only", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::read-only-reason", G_CALLBACK (update_banners), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::save-error", G_CALLBACK (update_banners), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::broken-path", G_CALLBACK (update_banners), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::restored-from", G_CALLBACK (update_banners), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::n-skipped", G_CALLBACK (update_banners), self, G_CONNECT_SWAPPED);

  if (self->today_page)
    {
      lumbar_today_page_set_store (self->today_page, store);
      lumbar_today_page_set_tracker (self->today_page, self->tracker);
    }
  g_signal_connect_object (lumbar_store_get_journal (store), "items-changed",
                           G_CALLBACK (_lumbar_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lumbar_store_get_journal (store), "items-changed",
                           G_CALLBACK (update_history), self, G_CONNECT_SWAPPED);
  if (self->diary_page)
    bind_pages (self);
  on_store_changed (self);
}

static void
lumbar_window_constructed (GObject *object)
{
  LumbarWindow *self = (LumbarWindow *) object;

  G_OBJECT_CLASS (lumbar_window_parent_class)->constructed (object);

  restore_window_state (self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);
  update_loading (self);
  update_banners (self);
}

static void
lumbar_window_dispose (GObject *object)
{
  LumbarWindow *self = (LumbarWindow *) object;

  g_clear_handle_id (&self->pages_idle_id, g_source_remove);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUMBAR_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->tracker);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->undo_toasts, g_hash_table_unref);
  g_clear_object (&self->import);
  self->import_toast = NULL;

  G_OBJECT_CLASS (lumbar_window_parent_class)->dispose (object);
}

static void
lumbar_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LumbarWindow *self = LUMBAR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DIARY_SHOWN:
      g_value_set_boolean (value, self->diary_shown);
      break;

    case PROP_PAGES_READY:
      g_value_set_boolean (value, self->pages_ready);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LumbarWindow *self = LUMBAR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lumbar_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lumbar_window_class_init (LumbarWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lumbar_window_constructed;
  object_class->dispose = lumbar_window_dispose;
  object_class->get_property = lumbar_window_get_property;
  object_class->set_property = lumbar_window_set_property;

  window_class->close_request = lumbar_window_close_request;

  /**
   * LumbarWindow:diary-shown:
   *
   * Whether the loaded diary is on the Today page (it loads off the main
   * thread after the window appears). Becomes %TRUE once.
   */
  properties[PROP_DIARY_SHOWN] =
    g_param_spec_boolean ("diary-shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LumbarWindow:pages-ready:
   *
   * Whether every page, shown or not, has been built and holds the loaded
   * diary. Becomes %TRUE once.
   */
  properties[PROP_PAGES_READY] =
    g_param_spec_boolean ("pages-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LUMBAR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);


  _lumbar_window_class_actions_init (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lumbar/Lumbar/lumbar-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, broken_banner);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, broken_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, diary_bin);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, tips_bin);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, tips_stack_page);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, today_bin);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LumbarWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_broken_dismissed);
}

static void
lumbar_window_init (LumbarWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lumbar_menu_button_name_inner (self->primary_menu_button, _("Main menu"));

  lumbar_review_window_install_drop_target (GTK_WIDGET (self), NULL);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = lumbar_settings_new ();
  self->undo_toasts = g_hash_table_new (NULL, NULL);
}

/**
 * lumbar_window_new:
 * @application: the application
 * @store: the store whose diary the window shows; it may still be loading
 *
 * Returns: (transfer full): a new main window
 */
LumbarWindow *
lumbar_window_new (LumbarApplication *application,
                   LumbarStore       *store)
{
  g_return_val_if_fail (LUMBAR_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LUMBAR_IS_STORE (store), NULL);

  return g_object_new (LUMBAR_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

LumbarStore *
lumbar_window_get_store (LumbarWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * lumbar_window_add_toast:
 * @self: a window
 * @toast: (transfer full): the toast to show
 */
void
lumbar_window_add_toast (LumbarWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (LUMBAR_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  lumbar_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_import_toast_dismissed (LumbarWindow *self,
                           AdwToast     *toast)
{
  /* Undo goes with the toast that offers it. */
  if (toast != self->import_toast)
    return;
  self->import_toast = NULL;
  g_clear_object (&self->import);
  _lumbar_window_actions_update (self);
}

/**
 * lumbar_window_show_import:
 * @self: a window
 * @import: an import just applied to the window's diary
 *
 * Says how many entries were added, with Undo ("win.undo-import") for as
 * long as the toast shows. A newer import takes the place of an older one.
 */
void
lumbar_window_show_import (LumbarWindow *self,
                           LumbarImport *import)
{
  AdwToast *toast;

  g_return_if_fail (LUMBAR_IS_WINDOW (self));
  g_return_if_fail (LUMBAR_IS_IMPORT (import));

  _lumbar_window_forget_import (self);

  toast = lumbar_import_toast_new (import);
  self->import = g_object_ref (import);
  self->import_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_import_toast_dismissed), self, G_CONNECT_SWAPPED);
  lumbar_window_add_toast (self, toast);
  _lumbar_window_actions_update (self);
}

/* No more Undo for the last import: a newer one came, it was undone, or
 * the diary was replaced. */
void
_lumbar_window_forget_import (LumbarWindow *self)
{
  AdwToast *toast = g_steal_pointer (&self->import_toast);

  g_clear_object (&self->import);
  if (toast != NULL)
    adw_toast_dismiss (toast);
  _lumbar_window_actions_update (self);
}

/**
 * lumbar_window_set_visible_page_name:
 * @self: a window
 * @name: a page of the view stack, e.g. "today"; unknown names are ignored
 */
void
lumbar_window_set_visible_page_name (LumbarWindow *self,
                                     const char   *name)
{
  g_return_if_fail (LUMBAR_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  ensure_pages (self);
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * lumbar_window_get_today_page:
 * @self: a window
 *
 * Returns: (transfer none): the Today page, built now if it was not yet
 */
LumbarTodayPage *
lumbar_window_get_today_page (LumbarWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_WINDOW (self), NULL);

  ensure_today_page (self);
  return self->today_page;
}

const char *
lumbar_window_get_visible_page_name (LumbarWindow *self)
{
  g_return_val_if_fail (LUMBAR_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Undo
 *
 * Every change to the diary made in this window is recorded on one stack:
 * its toast's Undo takes back exactly that change, and Ctrl+Z takes back
 * the newest change not yet undone. */

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
on_change_toast_dismissed (LumbarWindow *self,
                           AdwToast     *toast)
{
  guint change = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "lumbar-change"));

  /* The change stays on the stack for Ctrl+Z; only its button is gone. */
  if (self->undo_toasts != NULL && g_hash_table_lookup (self->undo_toasts, GUINT_TO_POINTER (change)) == toast)
    g_hash_table_remove (self->undo_toasts, GUINT_TO_POINTER (change));
}

/**
 * lumbar_window_record_change:
 * @self: the main window
 * @before: (nullable): the entry as it was; %NULL if @after was added
 * @after: (nullable): the entry as it is now; %NULL if @before was deleted
 * @toast_title: what the toast says, e.g. "Pain logged"
 *
 * Records a change just made to the window's diary: shows a toast with an
 * Undo button for exactly this change and pushes it on the session's undo
 * stack, which Ctrl+Z ("win.undo") takes back newest first.
 */
void
lumbar_window_record_change (LumbarWindow *self,
                             LumbarEntry  *before,
                             LumbarEntry  *after,
                             const char   *toast_title)
{
  gboolean added = FALSE;
  AdwToast *toast;
  guint change;

  g_return_if_fail (LUMBAR_IS_WINDOW (self));
  g_return_if_fail (before == NULL || LUMBAR_IS_ENTRY (before));
  g_return_if_fail (after == NULL || LUMBAR_IS_ENTRY (after));
  g_return_if_fail (before != NULL || after != NULL);
  g_return_if_fail (toast_title != NULL);

  if (self->undo == NULL)
    {
      lumbar_window_add_toast (self, adw_toast_new (toast_title));
      return;
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
      adw_toast_set_title (toast, toast_title);
    }
  else
    {
      toast = adw_toast_new (toast_title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-change");
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_change_toast_dismissed), self, G_CONNECT_SWAPPED);
      added = TRUE;
    }
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (change));
  g_object_set_data (G_OBJECT (toast), "lumbar-change", GUINT_TO_POINTER (change));
  g_hash_table_insert (self->undo_toasts, GUINT_TO_POINTER (change), toast);
  if (added)
    lumbar_window_add_toast (self, toast);
  _lumbar_window_actions_update (self);
}

/**
 * lumbar_window_focus_pain_form:
 * @self: the main window
 *
 * Shows the Today page, ready to log a pain reading.
 */
void
lumbar_window_focus_pain_form (LumbarWindow *self)
{
  g_return_if_fail (LUMBAR_IS_WINDOW (self));

  ensure_today_page (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "today");
  lumbar_today_page_focus_pain_form (self->today_page);
}
