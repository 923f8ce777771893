/* vt-window.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-image-url.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-accessible.h"
#include "vt-text.h"
#include "vt-window-private.h"

/* The window is the centre: it owns the object on screen (a VtViewing),
 * binds the header, the pages, the sidebar and the canvas to it, and
 * replaces it as a whole when something else is opened. Its satellites
 * (actions, drag and drop) call only into it. */

/* How long the loading page only says "Opening …" before it names the
 * server it waits for: long enough that a quick answer never shows it,
 * short enough that a user facing a slow server (Ghent's generator takes
 * 17 s cold) learns who is slow, and that Cancel is there, early on. */
#define STILL_WAITING_DELAY_MS 3000

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEWING,
  PROP_STATE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_window_save_state (VtWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximised window's size says nothing about the one to restore. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
vt_window_restore_state (VtWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

void
_vt_window_toast (VtWindow   *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
find_bar_activate_cb (VtWindow   *self,
                      const char *text)
{
  vt_window_open_input (self, text);
}

/* The object on screen */

static void
set_state_name (VtWindow   *self,
                const char *name)
{
  if (g_strcmp0 (self->state_name, name) == 0)
    return;

  g_free (self->state_name);
  self->state_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_NAME]);
}

void
_vt_window_set_state_name (VtWindow   *self,
                           const char *name)
{
  set_state_name (self, name);
}

static void
sync_title (VtWindow *self)
{
  const char *title = self->viewing ? vt_viewing_get_title (self->viewing) : NULL;
  g_autofree char *shown = NULL;

  if (title == NULL && self->viewing != NULL && vt_viewing_is_loading (self->viewing))
    title = vt_viewing_get_display_name (self->viewing);

  /* The window manager draws the title on one line, and the task switcher
   * and the window list too: a title of a megabyte would be a bar. */
  shown = vt_text_ellipsize (title, VT_TEXT_MAX_TITLE_CHARS);
  gtk_window_set_title (GTK_WINDOW (self), shown ? shown : _("Vitrine"));
}

static void
sync_sidebar (VtWindow *self)
{
  VtManifest *manifest = self->viewing ? vt_viewing_get_manifest (self->viewing) : NULL;
  const VtTarget *target = manifest ? vt_viewing_get_target (self->viewing) : NULL;
  const VtGhentOrganisation *org = target && target->organisation ? vt_ghent_lookup_organisation (target->organisation)
                                                                  : NULL;

  vt_metadata_view_set_manifest (self->metadata_view, manifest,
                                 manifest ? vt_viewing_get_manifest_url (self->viewing) : NULL);
  /* After the manifest, which puts the view back on the first page. */
  vt_metadata_view_set_canvas_index (self->metadata_view,
                                     self->viewing ? vt_viewing_get_canvas_index (self->viewing) : 0);
  vt_metadata_view_set_ghent_page_url (self->metadata_view,
                                       manifest ? vt_viewing_get_web_page_url (self->viewing) : NULL);
  vt_metadata_view_set_ghent_object (self->metadata_view, target ? target->number : NULL,
                                     org ? vt_ghent_organisation_get_display_name (org) : NULL);
  vt_metadata_view_set_logo (self->metadata_view,
                             self->viewing ? vt_viewing_get_logo (self->viewing) : NULL);
}

/* The rights and credit in the sidebar are the page's, not the object's. */
static void
page_changed_cb (VtWindow *self)
{
  vt_metadata_view_set_canvas_index (self->metadata_view, vt_viewing_get_canvas_index (self->viewing));
  _vt_window_update_actions (self);
}

static void
sync_logo (VtWindow *self)
{
  vt_metadata_view_set_logo (self->metadata_view, vt_viewing_get_logo (self->viewing));
}

/* The host of the server the object on screen comes from, or NULL for a
 * local file (or an input that named nothing). */
static char *
dup_waiting_host (VtWindow *self)
{
  const VtTarget *target = vt_viewing_get_target (self->viewing);
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (target == NULL || target->uri == NULL || target->kind == VT_TARGET_FILE)
    return NULL;

  uri = g_uri_parse (target->uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && *host != '\0' ? g_strdup (host) : NULL;
}

static void
sync_loading_label (VtWindow *self)
{
  g_autofree char *host = self->still_waiting ? dup_waiting_host (self) : NULL;
  g_autofree char *text = NULL;

  if (host != NULL)
    /* Translators: %s is a server's name, such as api.collectie.gent */
    text = g_strdup_printf (_("Still waiting for %s…"), host);
  else
    /* Translators: %s is an object number such as dmg:1987-1049, or an address */
    text = g_strdup_printf (_("Opening %s…"), vt_viewing_get_display_name (self->viewing));

  gtk_label_set_text (self->loading_label, text);
}

static gboolean
still_waiting_cb (gpointer data)
{
  VtWindow *self = data;

  self->still_waiting_id = 0;
  self->still_waiting = TRUE;
  if (self->viewing != NULL && vt_viewing_is_loading (self->viewing))
    sync_loading_label (self);

  return G_SOURCE_REMOVE;
}

/* Shows the page for the state of the object on screen. */
static void
sync_page (VtWindow *self)
{
  VtViewingState state = self->viewing ? vt_viewing_get_state (self->viewing) : VT_VIEWING_CANCELLED;
  const char *page = "welcome";
  const char *name = "welcome";

  if (self->viewing != NULL)
    {
      switch (state)
        {
        case VT_VIEWING_LOADING:
          sync_loading_label (self);
          page = name = "loading";
          break;

        case VT_VIEWING_MANIFEST:
        case VT_VIEWING_IMAGE:
          page = name = "viewer";
          break;

        case VT_VIEWING_COLLECTION:
          page = name = "collection";
          break;

        case VT_VIEWING_FAILED:
          {
            const char *what = vt_viewing_get_title (self->viewing);

            page = "error";
            name = vt_error_page_show (self->error_page, vt_viewing_get_error (self->viewing),
                                       what ? what : vt_viewing_get_display_name (self->viewing),
                                       vt_viewing_get_web_page_url (self->viewing));
          }
          break;

        case VT_VIEWING_CANCELLED:
        default:
          break;
        }
    }

  /* Nothing left to wait for. */
  if (!g_str_equal (page, "loading"))
    g_clear_handle_id (&self->still_waiting_id, g_source_remove);

  vt_collection_page_set_collection (self->collection_page,
                                     self->viewing ? vt_viewing_get_collection (self->viewing) : NULL);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
  /* Disabled rather than hidden where there is no description, so that
   * the header's entry keeps its place from one page to the next. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_button), state == VT_VIEWING_MANIFEST);

  set_state_name (self, name);
  sync_title (self);
  _vt_window_sync_catalogue (self);
  _vt_window_update_actions (self);
}

void
_vt_window_sync_page (VtWindow *self)
{
  sync_page (self);
}

/* Binds every part of the window to @viewing (or to nothing). */
static void
set_viewing (VtWindow  *self,
             VtViewing *viewing)
{
  if (self->viewing == viewing)
    return;

  g_set_object (&self->viewing, viewing);
  g_signal_group_set_target (self->viewing_signals, viewing);

  /* A new object has kept no one waiting yet. */
  g_clear_handle_id (&self->still_waiting_id, g_source_remove);
  self->still_waiting = FALSE;
  if (viewing != NULL && vt_viewing_is_loading (viewing))
    {
      self->still_waiting_id = g_timeout_add (STILL_WAITING_DELAY_MS, still_waiting_cb, self);
      g_source_set_name_by_id (self->still_waiting_id, "[vitrine] still waiting");
    }

  vt_canvas_pane_set_viewing (self->canvas_pane, viewing);
  vt_annotation_panel_set_viewing (self->annotation_panel, viewing);
  vt_find_bar_show_viewing (self->find_bar, viewing);
  sync_sidebar (self);
  sync_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWING]);
}

static void
viewing_state_changed_cb (VtWindow *self)
{
  VtViewingState state = vt_viewing_get_state (self->viewing);

  if (state == VT_VIEWING_LOADING || state == VT_VIEWING_CANCELLED)
    return;

  /* The sidebar is revealed or hidden before its page shows: AdwFlap 1.2
   * animating a reveal while its page is being mapped ends up with a NaN
   * progress, and allocates the canvas G_MININT pixels wide. */
  if (state == VT_VIEWING_IMAGE)
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else if (state == VT_VIEWING_MANIFEST &&
           (!adw_flap_get_folded (self->flap) || vt_viewing_get_n_canvases (self->viewing) == 0))
    /* Curators come for the description as much as for the image: show it
     * beside the image whenever the window is wide enough not to cover it,
     * and always when there is no image at all. */
    adw_flap_set_reveal_flap (self->flap, TRUE);

  sync_sidebar (self);
  sync_page (self);

  if (state == VT_VIEWING_MANIFEST || state == VT_VIEWING_COLLECTION || state == VT_VIEWING_IMAGE)
    {
      VtManifest *manifest = vt_viewing_get_manifest (self->viewing);
      g_autofree char *thumbnail = manifest ? vt_manifest_dup_thumbnail_url (manifest, VT_OBJECT_GRID_THUMBNAIL_SIZE)
                                            : NULL;

      vt_find_bar_add_recent (self->find_bar, vt_viewing_get_location (self->viewing),
                              vt_viewing_get_title (self->viewing), thumbnail);
    }

  switch (state)
    {
    case VT_VIEWING_MANIFEST:
      vt_canvas_pane_focus_canvas (self->canvas_pane);
      break;

    case VT_VIEWING_IMAGE:
      gtk_widget_grab_focus (GTK_WIDGET (vt_canvas_pane_get_image_view (self->canvas_pane)));
      break;

    case VT_VIEWING_FAILED:
      /* After a failure the next thing to do is usually to type another
       * number; but not where Retry is the answer. */
      if (g_strv_contains ((const char * const[]) { "not-public", "not-found", "invalid-input",
                                                    "not-iiif", NULL }, self->state_name))
        vt_find_bar_focus (self->find_bar);
      break;

    case VT_VIEWING_COLLECTION:
    case VT_VIEWING_LOADING:
    case VT_VIEWING_CANCELLED:
    default:
      break;
    }
}

static void
navigation_changed_cb (VtWindow *self)
{
  VtViewing *viewing = vt_navigation_get_viewing (self->navigation);

  set_viewing (self, viewing);

  /* Input that named nothing has failed before anyone could listen. */
  if (viewing != NULL && !vt_viewing_is_loading (viewing))
    viewing_state_changed_cb (self);
}

/**
 * vt_window_open_input:
 * @input: an object number, a manifest URL, a IIIF link or a file URI
 *
 * Opens what the user typed, pasted, dropped or passed on the command line
 * as the new object on screen.
 */
void
vt_window_open_input (VtWindow   *self,
                      const char *input)
{
  g_autofree char *organisation = NULL;

  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (input != NULL);

  if (*input == '\0' || vt_navigation_get_session (self->navigation) == NULL ||
      _vt_window_share_open_several (self, input))
    return;

  organisation = vt_find_bar_dup_default_organisation (self->find_bar);
  vt_navigation_open (self->navigation, input, organisation);
}

/**
 * vt_window_reload:
 *
 * Opens the object on screen again, bypassing the caches: what Retry does.
 */
void
vt_window_reload (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  vt_navigation_reload (self->navigation);
}

/**
 * vt_window_cancel:
 *
 * Stops loading, and brings back the object that was on screen before.
 */
void
vt_window_cancel (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  vt_navigation_cancel (self->navigation);
}

/**
 * _vt_window_set_action_enabled:
 *
 * Enables or disables one of the window's actions, and remembers it, so
 * that tests and the window's own checks can ask.
 */
void
_vt_window_set_action_enabled (VtWindow   *self,
                               const char *action_name,
                               gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, enabled);
  if (enabled)
    g_hash_table_add (self->enabled_actions, g_strdup (action_name));
  else
    g_hash_table_remove (self->enabled_actions, action_name);
}

static void
history_changed_cb (VtWindow *self)
{
  _vt_window_update_actions (self);
}

static void
fullscreen_changed_cb (VtWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_revealer_set_reveal_child (self->header_revealer, !fullscreen);
  _vt_window_update_actions (self);
}

/* Captions follow the language the reader picked for the texts. */
static void
metadata_language_changed_cb (VtWindow *self)
{
  vt_canvas_pane_set_language (self->canvas_pane, vt_metadata_view_get_language (self->metadata_view));
}

static void
metadata_link_copied_cb (VtWindow *self)
{
  _vt_window_toast (self, _("Link copied"));
}

/* The memory-cache-size setting is in MiB, the view's cap in bytes. */
static gboolean
mib_to_bytes (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_uint64 (value, (guint64) g_variant_get_uint32 (variant) * 1024 * 1024);
  return TRUE;
}

static gboolean
vt_window_close_request (GtkWindow *window)
{
  VtWindow *self = VT_WINDOW (window);

  vt_window_cancel (self);
  vt_window_save_state (self);

  return GTK_WINDOW_CLASS (vt_window_parent_class)->close_request (window);
}

static void
application_changed_cb (VtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* The session belongs to the application: every window shares its
   * client and caches. A window outlives its application only while it is
   * being destroyed, so the session is kept until then. */
  if (VT_IS_APPLICATION (app) && vt_application_get_session (VT_APPLICATION (app)) != NULL)
    {
      VtSession *session = vt_application_get_session (VT_APPLICATION (app));

      vt_navigation_set_session (self->navigation, session);
      vt_canvas_pane_set_session (self->canvas_pane, session);
      vt_annotation_panel_set_session (self->annotation_panel, session);
      vt_collection_page_set_session (self->collection_page, session);
      vt_compare_view_set_session (self->compare_view, session);
      _vt_window_welcome_set_session (self, session);
    }
}

static void
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_clear_handle_id (&self->still_waiting_id, g_source_remove);
  if (self->compare_view != NULL)
    vt_compare_view_clear (self->compare_view);
  if (self->compare_viewing_signals != NULL)
    g_signal_group_set_target (self->compare_viewing_signals, NULL);
  g_clear_object (&self->compare_viewing_signals);
  if (self->navigation != NULL)
    vt_navigation_cancel (self->navigation);
  if (self->viewing_signals != NULL)
    g_signal_group_set_target (self->viewing_signals, NULL);
  g_clear_object (&self->viewing_signals);
  g_clear_object (&self->viewing);
  g_clear_object (&self->navigation);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

static void
vt_window_finalize (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->narrow_menu);
  g_clear_pointer (&self->state_name, g_free);
  g_clear_pointer (&self->enabled_actions, g_hash_table_unref);

  G_OBJECT_CLASS (vt_window_parent_class)->finalize (object);
}

static void
vt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtWindow *self = VT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEWING:
      g_value_set_object (value, self->viewing);
      break;

    case PROP_STATE_NAME:
      g_value_set_string (value, vt_window_get_state_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_window_class_init (VtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_window_dispose;
  object_class->finalize = vt_window_finalize;
  object_class->get_property = vt_window_get_property;

  window_class->close_request = vt_window_close_request;
  _vt_window_class_adaptive_init (klass);

  /**
   * VtWindow:viewing:
   *
   * The object on screen (or loading), or %NULL on the welcome page.
   */
  properties[PROP_VIEWING] =
    g_param_spec_object ("viewing", NULL, NULL, VT_TYPE_VIEWING,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * VtWindow:state-name:
   *
   * The state the window shows: "welcome", "loading", "viewer",
   * "collection", "not-public", "not-found", "offline", "timeout",
   * "server-error", "not-iiif", "invalid-input", …
   */
  properties[PROP_STATE_NAME] =
    g_param_spec_string ("state-name", NULL, NULL,
                         "welcome",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VT_TYPE_ANNOTATION_PANEL);
  g_type_ensure (VT_TYPE_CANVAS_PANE);
  g_type_ensure (VT_TYPE_COLLECTION_PAGE);
  g_type_ensure (VT_TYPE_ERROR_PAGE);
  g_type_ensure (VT_TYPE_FIND_BAR);
  g_type_ensure (VT_TYPE_METADATA_VIEW);
  g_type_ensure (VT_TYPE_OBJECT_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, annotation_panel);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, canvas_pane);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, collection_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, examples_grid);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, forward_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, metadata_view);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_grid);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, open_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, open_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, find_bar_activate_cb);

  _vt_window_class_actions_init (klass);
  _vt_window_class_export_init (klass);
  _vt_window_class_search_init (klass);
  _vt_window_class_share_init (klass);
  _vt_window_class_compare_init (klass);
}

static void
vt_window_init (VtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  self->navigation = vt_navigation_new (NULL);
  self->state_name = g_strdup ("welcome");
  self->enabled_actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->viewing_signals = g_signal_group_new (VT_TYPE_VIEWING);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::state",
                                  G_CALLBACK (viewing_state_changed_cb), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::title",
                                  G_CALLBACK (sync_title), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::logo",
                                  G_CALLBACK (sync_logo), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::page",
                                  G_CALLBACK (page_changed_cb), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::order",
                                  G_CALLBACK (_vt_window_update_actions), self);

  g_signal_connect_object (self->navigation, "notify::viewing",
                           G_CALLBACK (navigation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vt_navigation_get_history (self->navigation), "notify::current",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreen_changed_cb), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  g_signal_connect_object (self->metadata_view, "notify::language",
                           G_CALLBACK (metadata_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metadata_view, "link-copied",
                           G_CALLBACK (metadata_link_copied_cb), self, G_CONNECT_SWAPPED);
  vt_annotation_panel_set_overlay (self->annotation_panel,
                                   vt_canvas_pane_get_annotation_overlay (self->canvas_pane));
  /* Who reads the annotations of one object usually wants them on the
   * next too. */
  g_settings_bind (self->settings, "sidebar-page", self->sidebar_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  /* The decoded tiles of the canvas are what takes memory; the user
   * bounds them in the preferences. */
  g_settings_bind_with_mapping (self->settings, "memory-cache-size",
                                vt_canvas_pane_get_image_view (self->canvas_pane), "cache-size",
                                G_SETTINGS_BIND_GET, mib_to_bytes, NULL, NULL, NULL);

  vt_window_restore_state (self);
  _vt_window_welcome_init (self);
  _vt_window_adaptive_init (self);
  _vt_window_dnd_init (self);
  _vt_window_search_init (self);
  _vt_window_share_init (self);
  _vt_window_compare_init (self);
  sync_page (self);

  vt_accessible_tidy (GTK_WIDGET (self));
  vt_accessible_follow_stack (self->stack);
}

VtWindow *
vt_window_new (VtApplication *application)
{
  return g_object_new (VT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * vt_window_get_viewing:
 *
 * Returns: (nullable) (transfer none): the object on screen, or loading
 */
VtViewing *
vt_window_get_viewing (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->viewing;
}

const char *
vt_window_get_input (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->viewing ? vt_viewing_get_input (self->viewing) : NULL;
}

/**
 * vt_window_get_state_name:
 *
 * Returns: the name of the state the window shows: "welcome", "loading",
 *   "viewer", "not-public", …
 */
const char *
vt_window_get_state_name (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->state_name;
}

/**
 * vt_window_get_loading_text:
 *
 * Returns: what the loading page says: "Opening dmg:1987-1049…" at
 *   first, "Still waiting for api.collectie.gent…" after a few seconds
 *   without an answer
 */
const char *
vt_window_get_loading_text (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->loading_label);
}

/**
 * vt_window_get_page_name:
 *
 * Returns: the name of the stack page the window shows
 */
const char *
vt_window_get_page_name (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * vt_window_get_organisation:
 *
 * Returns: (nullable): the abbreviation of the organisation the header's
 *   picker shows, or %NULL when it shows none
 */
const char *
vt_window_get_organisation (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return vt_find_bar_get_organisation (self->find_bar);
}

const char *
vt_window_get_entry_text (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return vt_find_bar_get_text (self->find_bar);
}

gboolean
vt_window_get_action_enabled (VtWindow   *self,
                              const char *action_name)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), FALSE);

  return g_hash_table_contains (self->enabled_actions, action_name);
}

VtMetadataView *
vt_window_get_metadata_view (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->metadata_view;
}

VtAnnotationPanel *
vt_window_get_annotation_panel (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->annotation_panel;
}

VtCanvasPane *
vt_window_get_canvas_pane (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->canvas_pane;
}

VtErrorPage *
vt_window_get_error_page (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->error_page;
}

VtCollectionPage *
vt_window_get_collection_page (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->collection_page;
}

/**
 * vt_window_get_compare_view:
 *
 * Returns: (transfer none): the compare view (shown or not)
 */
VtCompareView *
vt_window_get_compare_view (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);
  return self->compare_view;
}
