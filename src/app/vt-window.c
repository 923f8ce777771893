/* vt-window.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-iiif-error.h"
#include "net/vt-net-error.h"

#include "vt-window-private.h"

#define MAX_RECENT 20

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_INPUT,
  PROP_STATE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable names for the states, for tests and for the stack's pages. */
static const char *
state_to_name (VtWindowState state)
{
  switch (state)
    {
    case VT_WINDOW_STATE_WELCOME:       return "welcome";
    case VT_WINDOW_STATE_LOADING:       return "loading";
    case VT_WINDOW_STATE_VIEWER:        return "viewer";
    case VT_WINDOW_STATE_COLLECTION:    return "collection";
    case VT_WINDOW_STATE_NOT_PUBLIC:    return "not-public";
    case VT_WINDOW_STATE_NOT_FOUND:     return "not-found";
    case VT_WINDOW_STATE_AUTH_REQUIRED: return "auth-required";
    case VT_WINDOW_STATE_OFFLINE:       return "offline";
    case VT_WINDOW_STATE_TIMEOUT:       return "timeout";
    case VT_WINDOW_STATE_SERVER_ERROR:  return "server-error";
    case VT_WINDOW_STATE_NOT_IIIF:      return "not-iiif";
    case VT_WINDOW_STATE_INVALID_INPUT: return "invalid-input";
    case VT_WINDOW_STATE_FAILED:        return "failed";
    default:                            g_assert_not_reached ();
    }
}

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

void
_vt_window_set_state (VtWindow      *self,
                      VtWindowState  state)
{
  const char *page;

  switch (state)
    {
    case VT_WINDOW_STATE_WELCOME:
    case VT_WINDOW_STATE_LOADING:
    case VT_WINDOW_STATE_VIEWER:
    case VT_WINDOW_STATE_COLLECTION:
      page = state_to_name (state);
      break;

    case VT_WINDOW_STATE_NOT_PUBLIC:
    case VT_WINDOW_STATE_NOT_FOUND:
    case VT_WINDOW_STATE_AUTH_REQUIRED:
    case VT_WINDOW_STATE_OFFLINE:
    case VT_WINDOW_STATE_TIMEOUT:
    case VT_WINDOW_STATE_SERVER_ERROR:
    case VT_WINDOW_STATE_NOT_IIIF:
    case VT_WINDOW_STATE_INVALID_INPUT:
    case VT_WINDOW_STATE_FAILED:
    default:
      page = "error";
      break;
    }

  gtk_spinner_set_spinning (self->loading_spinner, state == VT_WINDOW_STATE_LOADING);
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), state == VT_WINDOW_STATE_VIEWER);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_NAME]);
    }

  _vt_window_update_actions (self);
}

static void
set_error_page (VtWindow   *self,
                const char *icon_name,
                const char *title,
                const char *description,
                const char *message,
                const char *primary_label,
                const char *primary_action,
                const char *secondary_label,
                const char *secondary_action,
                const char *details)
{
  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);

  gtk_label_set_text (self->error_message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_message_label), message != NULL && *message);

  gtk_button_set_label (self->error_primary_button, primary_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_primary_button), primary_action);

  gtk_widget_set_visible (GTK_WIDGET (self->error_secondary_button), secondary_label != NULL);
  if (secondary_label != NULL)
    {
      gtk_button_set_label (self->error_secondary_button, secondary_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_secondary_button),
                                      secondary_action);
    }

  gtk_label_set_text (self->error_details_label, details ? details : "");
  gtk_expander_set_expanded (self->error_details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_details_expander), details != NULL);
}

static char *
describe_host (const GError *error,
               const char   *fallback)
{
  const char *uri = vt_net_error_get_uri (error);
  g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;

  if (parsed != NULL && g_uri_get_host (parsed) != NULL)
    return g_strdup (g_uri_get_host (parsed));

  return g_strdup (fallback);
}

/**
 * _vt_window_show_error:
 *
 * Shows the designed page for @error: each kind of failure says what
 * happened in words a curator understands, and offers the one action that
 * helps.
 */
void
_vt_window_show_error (VtWindow     *self,
                       const GError *error)
{
  g_autofree char *description = NULL;
  g_autofree char *host = describe_host (error, _("the server"));
  const char *what = self->object_title ? self->object_title : self->input;
  const char *server_message = NULL;
  VtWindowState state = VT_WINDOW_STATE_FAILED;

  if (error->domain == VT_NET_ERROR)
    server_message = vt_net_error_get_server_message (error);

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC))
    {
      state = VT_WINDOW_STATE_NOT_PUBLIC;
      description = g_strdup_printf (_("The image of %s is not public. Usually this is because "
                                       "of copyright: the museum may not show it online yet. "
                                       "The object’s own web page may still tell you more."),
                                     what);
      set_error_page (self, "image-missing-symbolic", _("No Public Image"), description,
                      server_message,
                      self->web_page_url ? _("Open _Web Page") : _("Try _Another Object"),
                      self->web_page_url ? "win.open-web-page" : "win.focus-entry",
                      self->web_page_url ? _("Try _Another Object") : NULL,
                      "win.focus-entry", NULL);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND))
    {
      state = VT_WINDOW_STATE_NOT_FOUND;
      description = g_strdup_printf (_("There is no object %s. Check the number, or whether "
                                       "it belongs to another organisation."), what);
      set_error_page (self, "edit-find-symbolic", _("Object Not Found"), description,
                      server_message, _("Try _Another Object"), "win.focus-entry",
                      NULL, NULL, NULL);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_AUTH_REQUIRED))
    {
      state = VT_WINDOW_STATE_AUTH_REQUIRED;
      description = g_strdup_printf (_("%s only shows this object to visitors who log in, "
                                       "which Vitrine cannot do."), host);
      set_error_page (self, "dialog-password-symbolic", _("Login Required"), description,
                      server_message, _("Try _Another Object"), "win.focus-entry",
                      NULL, NULL, NULL);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_OFFLINE) ||
           g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_CONNECTION_LOST))
    {
      state = VT_WINDOW_STATE_OFFLINE;
      description = g_strdup_printf (_("Vitrine could not reach %s. Check your internet "
                                       "connection, then try again."), host);
      set_error_page (self, "network-offline-symbolic", _("No Connection"), description,
                      NULL, _("_Retry"), "win.retry", NULL, NULL, NULL);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT))
    {
      state = VT_WINDOW_STATE_TIMEOUT;
      description = g_strdup_printf (_("%s did not answer in time. It may be busy; "
                                       "try again in a moment."), host);
      set_error_page (self, "network-error-symbolic", _("The Server Is Not Answering"),
                      description, NULL, _("_Retry"), "win.retry", NULL, NULL, NULL);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_SERVER))
    {
      state = VT_WINDOW_STATE_SERVER_ERROR;
      description = g_strdup_printf (_("%s ran into a problem of its own while answering. "
                                       "This is not your fault; try again later."), host);
      set_error_page (self, "dialog-warning-symbolic", _("The Server Had a Problem"),
                      description, server_message, _("_Retry"), "win.retry", NULL, NULL,
                      error->message);
    }
  else if (error->domain == VT_IIIF_ERROR ||
           g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_BAD_RESPONSE) ||
           g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_TOO_LARGE))
    {
      state = VT_WINDOW_STATE_NOT_IIIF;
      set_error_page (self, "dialog-question-symbolic", _("Not a IIIF Manifest"),
                      _("What was opened is not a IIIF manifest or collection that "
                        "Vitrine can read. The details below say what is wrong with it."),
                      NULL, _("Try _Another Object"), "win.focus-entry", NULL, NULL,
                      error->message);
    }
  else if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_UNSUPPORTED_URI) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      state = VT_WINDOW_STATE_INVALID_INPUT;
      set_error_page (self, "dialog-information-symbolic", _("Cannot Open This"),
                      error->message, NULL, _("Try _Again"), "win.focus-entry",
                      NULL, NULL, NULL);
    }
  else
    {
      set_error_page (self, "dialog-error-symbolic", _("Could Not Open the Object"),
                      _("Something went wrong while opening it."),
                      NULL, _("_Retry"), "win.retry", NULL, NULL, error->message);
    }

  _vt_window_set_state (self, state);

  /* After a failure the next thing to do is usually to type another number. */
  if (state == VT_WINDOW_STATE_NOT_PUBLIC ||
      state == VT_WINDOW_STATE_NOT_FOUND ||
      state == VT_WINDOW_STATE_INVALID_INPUT ||
      state == VT_WINDOW_STATE_NOT_IIIF)
    gtk_widget_grab_focus (GTK_WIDGET (self->object_entry));
}

void
_vt_window_reload_recent (VtWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-objects");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = g_strsplit (recent[i], "\t", 2);
      const char *location = parts[0];
      const char *title = parts[1] && *parts[1] ? parts[1] : location;
      g_autofree char *label = NULL;

      /* Mnemonic underscores in titles would otherwise vanish. */
      label = g_strdelimit (g_strdup (title), "_", ' ');
      if (g_strcmp0 (title, location) != 0)
        {
          g_free (label);
          label = g_strdup_printf ("%s — %s", title, location);
        }

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-input",
                                               g_variant_new_string (location));
      g_menu_append_item (self->recent_section, item);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), recent[0] != NULL);
}

/**
 * _vt_window_add_recent:
 *
 * Puts @location first in the recent objects, with the title it had, so
 * that the menu reads as a list of objects rather than of addresses.
 */
void
_vt_window_add_recent (VtWindow   *self,
                       const char *location,
                       const char *title)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-objects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *clean_title = g_strdup (title ? title : "");
  g_autofree char *entry = NULL;
  guint n = 1;

  g_strdelimit (clean_title, "\t\n\r", ' ');
  entry = g_strdup_printf ("%s\t%s", location, clean_title);
  g_strv_builder_add (builder, entry);

  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      g_auto(GStrv) parts = g_strsplit (recent[i], "\t", 2);

      if (g_strcmp0 (parts[0], location) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-objects", (const char * const *) updated);
}

static void
recent_changed_cb (VtWindow *self)
{
  _vt_window_reload_recent (self);
}

static void
history_changed_cb (VtWindow *self)
{
  _vt_window_update_actions (self);
}

static void
object_entry_activate_cb (VtWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->object_entry));

  if (*text != '\0')
    vt_window_open_input (self, text);
}

static void
object_entry_changed_cb (VtWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->object_entry), "error");
}

static void
fullscreen_changed_cb (VtWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_revealer_set_reveal_child (self->header_revealer, !fullscreen);
  _vt_window_update_actions (self);
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
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->canvas_cancellable);
  g_clear_object (&self->canvas_cancellable);
  g_clear_pointer (&self->manifest, vt_manifest_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

static void
vt_window_finalize (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_pointer (&self->input, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->manifest_url, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->start_canvas_id, g_free);
  g_clear_pointer (&self->web_page_url, g_free);
  g_clear_pointer (&self->object_title, g_free);

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
    case PROP_INPUT:
      g_value_set_string (value, self->input);
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

  /**
   * VtWindow:input:
   *
   * What the user last asked this window to open: an object number, a URL
   * or a file URI, as given.
   */
  properties[PROP_INPUT] =
    g_param_spec_string ("input", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * VtWindow:state-name:
   *
   * The state the window shows: "welcome", "loading", "viewer",
   * "not-public", "not-found", "offline", "timeout", "server-error",
   * "not-iiif", …
   */
  properties[PROP_STATE_NAME] =
    g_param_spec_string ("state-name", NULL, NULL,
                         "welcome",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, canvas_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, canvas_status_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, collection_list);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, collection_summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, collection_title_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_details_expander);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_details_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_message_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_primary_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_secondary_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, examples_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, object_entry);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, strip_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, strip_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, zoom_controls);
  gtk_widget_class_bind_template_callback (widget_class, object_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, object_entry_changed_cb);

  _vt_window_class_actions_init (klass);
}

static void
vt_window_init (VtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  self->history = vt_history_new ();
  self->state = VT_WINDOW_STATE_WELCOME;

  g_signal_connect_object (self->history, "notify::current",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-objects",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreen_changed_cb), NULL);

  vt_window_restore_state (self);
  _vt_window_reload_recent (self);
  _vt_window_dnd_init (self);
  _vt_window_view_init (self);
  _vt_window_organisations_init (self);
  _vt_window_set_state (self, VT_WINDOW_STATE_WELCOME);
}

GParamSpec *
_vt_window_input_pspec (void)
{
  return properties[PROP_INPUT];
}

VtWindow *
vt_window_new (VtApplication *application)
{
  return g_object_new (VT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
vt_window_get_input (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->input;
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

  return state_to_name (self->state);
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
