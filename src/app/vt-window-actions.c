/* vt-window-actions.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-image-view.h"

#include "iiif/vt-markup.h"
#include "vt-canvas-pane.h"
#include "vt-export-dialog.h"
#include "vt-window-private.h"

static void
open_input_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);

  g_assert (VT_IS_WINDOW (self));

  vt_window_open_input (self, g_variant_get_string (param, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  if (_vt_window_leave_compare (VT_WINDOW (widget)))
    return;
  vt_navigation_go_back (VT_WINDOW (widget)->navigation);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  vt_navigation_go_forward (VT_WINDOW (widget)->navigation);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  vt_window_reload (VT_WINDOW (widget));
}

static void
retry_canvas_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VtViewing *viewing = _vt_window_get_active_viewing (VT_WINDOW (widget));

  if (viewing != NULL)
    vt_viewing_retry_page (viewing);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);

  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return;
    }

  if (_vt_window_leave_compare (self))
    return;
  vt_window_cancel (self);
}

static void
focus_entry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->header_revealer, TRUE);
  vt_find_bar_focus (self->find_bar);
}

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(VtWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *uri = g_file_get_uri (file);

      vt_window_open_input (self, uri);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) manifests = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Manifest or an Image"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (all, _("Manifests and Images"));
  gtk_file_filter_add_mime_type (all, "application/json");
  gtk_file_filter_add_mime_type (all, "application/ld+json");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_mime_type (all, "image/tiff");
  gtk_file_filter_add_mime_type (all, "image/jpeg");
  gtk_file_filter_add_mime_type (all, "image/png");
  gtk_file_filter_add_mime_type (all, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_file_filter_set_name (manifests, _("IIIF Manifests"));
  gtk_file_filter_add_mime_type (manifests, "application/json");
  gtk_file_filter_add_mime_type (manifests, "application/ld+json");
  gtk_file_filter_add_pattern (manifests, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), manifests);

  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_mime_type (images, "image/tiff");
  gtk_file_filter_add_mime_type (images, "image/jpeg");
  gtk_file_filter_add_mime_type (images, "image/png");
  gtk_file_filter_add_mime_type (images, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
location_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  VtWindow *self = VT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkEditable *entry = user_data;

  if (g_strcmp0 (response, "open") == 0)
    vt_window_open_input (self, gtk_editable_get_text (entry));
}

static void
location_entry_activate_cb (GtkEntry         *entry,
                            AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "open");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
open_location_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Location"),
                                   _("Enter the address of a IIIF manifest or collection, "
                                     "or a link that carries one."));
  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://…/manifest.json");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (location_dialog_response_cb), entry);
  g_signal_connect (entry, "activate", G_CALLBACK (location_entry_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
clear_recent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);

  g_settings_reset (self->settings, "recent-objects");
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);

  adw_flap_set_reveal_flap (self->flap, reveal);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
open_web_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VtViewing *viewing = _vt_window_get_active_viewing (VT_WINDOW (widget));
  const char *url = viewing ? vt_viewing_get_web_page_url (viewing) : NULL;

  if (url != NULL)
    gtk_show_uri (GTK_WINDOW (widget), url, GDK_CURRENT_TIME);
}

/* A link in an annotation: to a canvas of the object, that page; to the
 * web, a browser; anything else, nothing. */
static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);

  if (vt_canvas_pane_show_canvas_link (vt_window_get_canvas_pane (VT_WINDOW (widget)), uri))
    return;
  if (vt_markup_is_openable_uri (uri))
    gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
  else
    g_debug ("Not opening a link that is not http(s): %s", uri);
}

static void
copy_manifest_url_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  VtViewing *viewing = _vt_window_get_active_viewing (self);
  const char *url = viewing ? vt_viewing_get_manifest_url (viewing) : NULL;

  if (url == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  _vt_window_toast (self, _("Manifest address copied"));
}

/* The main canvas, or the active pane of the compare view. */
static VtImageView *
get_image_view (GtkWidget *widget)
{
  return _vt_window_get_active_image_view (VT_WINDOW (widget));
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  VtSession *session = vt_navigation_get_session (self->navigation);
  VtViewing *viewing = _vt_window_get_active_viewing (self);
  VtExportDialog *dialog;

  if (viewing == NULL)
    return;
  dialog = vt_export_dialog_new (GTK_WINDOW (self), session, viewing,
                                 get_image_view (widget), self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  vt_image_view_zoom_in (get_image_view (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  vt_image_view_zoom_out (get_image_view (widget));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  vt_image_view_zoom_fit (get_image_view (widget), TRUE);
}

/* The shapes of the annotations over the image, on or off. */
static void
toggle_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  VtCanvasPane *pane = VT_WINDOW (widget)->canvas_pane;

  vt_canvas_pane_set_show_annotations (pane, !vt_canvas_pane_get_show_annotations (pane));
}

/* 100 %: one image pixel per device pixel, as the canvas' "1" key. */
static void
zoom_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VtImageView *view = get_image_view (widget);

  /* One image pixel on one device pixel, whatever the canvas's size. */
  vt_image_view_zoom_to (view, vt_image_view_get_pixel_scale (view) / gtk_widget_get_scale_factor (widget), TRUE);
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  vt_image_view_rotate (get_image_view (widget), 1);
}

/* Pages turn by views: a spread, a scroll, or one canvas, in the order of
 * the book (its right-to-left spreads included: "next" is the next spread
 * whichever side it opens on). */
static void
go_canvas_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VtViewing *viewing = _vt_window_get_active_viewing (VT_WINDOW (widget));
  VtBook *book = viewing ? vt_viewing_get_book (viewing) : NULL;
  guint n = viewing ? vt_viewing_get_n_canvases (viewing) : 0;
  guint index;

  if (n == 0)
    return;

  index = vt_viewing_get_canvas_index (viewing);

  if (book != NULL)
    {
      guint canvas = index;
      gboolean found;

      if (g_str_equal (action_name, "win.next-canvas"))
        found = vt_book_step (book, index, 1, &canvas);
      else if (g_str_equal (action_name, "win.previous-canvas"))
        found = vt_book_step (book, index, -1, &canvas);
      else
        found = vt_book_get_end (book, g_str_equal (action_name, "win.last-canvas"), &canvas);
      if (found)
        vt_viewing_set_canvas_index (viewing, canvas);
      return;
    }

  if (g_str_equal (action_name, "win.next-canvas"))
    index = MIN (index + 1, n - 1);
  else if (g_str_equal (action_name, "win.previous-canvas"))
    index = index > 0 ? index - 1 : 0;
  else if (g_str_equal (action_name, "win.first-canvas"))
    index = 0;
  else if (g_str_equal (action_name, "win.last-canvas"))
    index = n - 1;

  vt_viewing_set_canvas_index (viewing, index);
}

void
_vt_window_update_actions (VtWindow *self)
{
  VtViewing *viewing = _vt_window_get_active_viewing (self);
  VtViewingState state = viewing ? vt_viewing_get_state (viewing) : VT_VIEWING_CANCELLED;
  gboolean viewer = state == VT_VIEWING_MANIFEST || state == VT_VIEWING_IMAGE;
  gboolean shown = viewer || state == VT_VIEWING_COLLECTION;
  guint n = viewer ? vt_viewing_get_n_canvases (viewing) : 0;
  guint index = viewing ? vt_viewing_get_canvas_index (viewing) : 0;
  VtBook *book = viewer && viewing ? vt_viewing_get_book (viewing) : NULL;

  _vt_window_set_action_enabled (self, "win.go-back",
                                 _vt_window_is_comparing (self) ||
                                 vt_history_get_can_go_back (vt_navigation_get_history (self->navigation)));
  _vt_window_set_action_enabled (self, "win.go-forward",
                                 vt_history_get_can_go_forward (vt_navigation_get_history (self->navigation)));
  _vt_window_set_action_enabled (self, "win.retry",
                                 viewing != NULL && vt_viewing_get_target (viewing) != NULL &&
                                 state != VT_VIEWING_LOADING);
  _vt_window_set_action_enabled (self, "win.retry-canvas", state == VT_VIEWING_MANIFEST);
  _vt_window_set_action_enabled (self, "win.cancel",
                                 state == VT_VIEWING_LOADING || _vt_window_is_comparing (self) ||
                                 gtk_window_is_fullscreen (GTK_WINDOW (self)));
  _vt_window_set_action_enabled (self, "win.show-sidebar", state == VT_VIEWING_MANIFEST);
  _vt_window_set_action_enabled (self, "win.open-web-page",
                                 viewing != NULL && vt_viewing_get_web_page_url (viewing) != NULL);
  _vt_window_set_action_enabled (self, "win.copy-manifest-url",
                                 shown && vt_viewing_get_manifest_url (viewing) != NULL);
  _vt_window_set_action_enabled (self, "win.export-image", viewer);
  _vt_window_update_export_actions (self, viewer);
  _vt_window_set_action_enabled (self, "win.zoom-in", viewer);
  _vt_window_set_action_enabled (self, "win.zoom-out", viewer);
  _vt_window_set_action_enabled (self, "win.zoom-fit", viewer);
  _vt_window_set_action_enabled (self, "win.zoom-original", viewer);
  _vt_window_set_action_enabled (self, "win.rotate", viewer);
  _vt_window_set_action_enabled (self, "win.toggle-annotations", viewer);
  if (book != NULL && n > 1)
    {
      guint canvas, first = 0, last = 0;
      gboolean back = vt_book_step (book, index, -1, &canvas);
      gboolean on = vt_book_step (book, index, 1, &canvas);

      vt_book_get_end (book, FALSE, &first);
      vt_book_get_end (book, TRUE, &last);
      _vt_window_set_action_enabled (self, "win.previous-canvas", back);
      _vt_window_set_action_enabled (self, "win.first-canvas", back || index != first);
      _vt_window_set_action_enabled (self, "win.next-canvas", on);
      _vt_window_set_action_enabled (self, "win.last-canvas", on || index != last);
    }
  else
    {
      _vt_window_set_action_enabled (self, "win.previous-canvas", n > 1 && index > 0);
      _vt_window_set_action_enabled (self, "win.first-canvas", n > 1 && index > 0);
      _vt_window_set_action_enabled (self, "win.next-canvas", n > 1 && index + 1 < n);
      _vt_window_set_action_enabled (self, "win.last-canvas", n > 1 && index + 1 < n);
    }
  _vt_window_share_update_actions (self);
  _vt_window_update_compare_actions (self);
}

void
_vt_window_class_actions_init (VtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-input", "s", open_input_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.retry-canvas", NULL, retry_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-location", NULL, open_location_action);
  gtk_widget_class_install_action (widget_class, "win.clear-recent", NULL, clear_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.open-web-page", NULL, open_web_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.copy-manifest-url", NULL,
                                   copy_manifest_url_action);

  gtk_widget_class_install_action (widget_class, "win.export-image", NULL, export_image_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-original", NULL, zoom_original_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-annotations", NULL, toggle_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.rotate", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "win.next-canvas", NULL, go_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.previous-canvas", NULL, go_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.first-canvas", NULL, go_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.last-canvas", NULL, go_canvas_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next-canvas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous-canvas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.first-canvas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.last-canvas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.retry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.retry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-location", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-annotations", NULL);
}
