/* vt-window-share.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-share"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "iiif/vt-content-state.h"

#include "vt-window-private.h"

/* Links to a view, out and in: "Copy Link to This View" writes a IIIF
 * Content State (the manifest, the canvas shown and the region in view,
 * in canvas pixels), also as the `?iiif-content=` query any IIIF viewer's
 * address takes, and as a IIIF drag-and-drop link dragged from the header
 * bar's share handle. Opening one shows exactly that view (the region is
 * filled in by the canvas pane); pasting one on the window opens it.
 *
 * Why no full viewer URL: a desktop application has no address of its
 * own, and the Content State API names no neutral viewer; the query is
 * what the specification defines (§3.1), ready to be appended to the
 * address of whichever web viewer the colleague uses. */

/**
 * vt_window_dup_view_content_state:
 *
 * The view on screen as a content state: the manifest, the canvas shown,
 * and what of it is in view, rounded to canvas pixels.
 *
 * Returns: (transfer full) (nullable): the state, or %NULL when nothing
 *   shown came from the web
 */
VtContentState *
vt_window_dup_view_content_state (VtWindow *self)
{
  g_autoptr(VtContentState) state = NULL;
  const char *manifest;
  VtPage *page;
  VtCanvas *canvas;
  VtContentStateTarget *target;
  double x, y, w, h;

  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  if (self->viewing == NULL || vt_viewing_get_state (self->viewing) != VT_VIEWING_MANIFEST)
    return NULL;
  manifest = vt_viewing_get_manifest_url (self->viewing);
  if (manifest == NULL || !(g_str_has_prefix (manifest, "http://") || g_str_has_prefix (manifest, "https://")))
    return NULL;

  page = vt_viewing_get_page (self->viewing);
  canvas = page != NULL ? vt_page_get_canvas (page) : NULL;

  state = vt_content_state_new ();
  target = vt_content_state_add_target (state, manifest, canvas != NULL ? canvas->id : NULL);
  if (canvas != NULL && canvas->id != NULL &&
      vt_canvas_pane_get_visible_region (self->canvas_pane, &x, &y, &w, &h))
    {
      /* Whole pixels that hold what is in view: one pixel either way at
       * most, which the round trip allows. */
      double x0 = round (x), y0 = round (y);

      vt_content_state_target_set_region (target, x0, y0,
                                          MAX (round (x + w) - x0, 1), MAX (round (y + h) - y0, 1));
    }

  return g_steal_pointer (&state);
}

static void
copy_view_link_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  g_autoptr(VtContentState) state = vt_window_dup_view_content_state (self);
  g_autofree char *text = NULL;

  if (state == NULL)
    return;

  if (g_str_equal (action_name, "win.copy-view-query"))
    text = vt_content_state_to_query (state);
  else
    text = vt_content_state_encode (state);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _vt_window_toast (self, _("Link to this view copied"));
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _vt_window_toast (self, _("The clipboard holds no text to open"));
      return;
    }

  /* The window may have closed while the clipboard answered. */
  if (self->navigation != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    vt_window_open_input (self, text);
}

/* Ctrl+V on the window (not in an entry, which takes it first): what
 * was copied opens, as if typed. */
static void
paste_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_read_cb, g_object_ref (widget));
}

/* text/x-moz-url: UTF-16 "URL\nTitle", what Firefox drags and takes. */
static GBytes *
moz_url_bytes (const char *url,
               const char *title)
{
  g_autofree char *text = g_strconcat (url, "\n", title ? title : url, NULL);
  glong n = 0;
  gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

  return utf16 != NULL ? g_bytes_new_take (utf16, n * sizeof (gunichar2)) : g_bytes_new (NULL, 0);
}

/**
 * vt_window_create_view_drag_content:
 *
 * What dragging the view carries: its IIIF drag-and-drop link as
 * text/uri-list, text/x-moz-url and plain text.
 *
 * Returns: (transfer full) (nullable): the content, or %NULL when nothing
 *   shown came from the web
 */
GdkContentProvider *
vt_window_create_view_drag_content (VtWindow *self)
{
  g_autoptr(VtContentState) state = vt_window_dup_view_content_state (self);
  g_autofree char *link = NULL;
  g_autofree char *uri_list = NULL;
  g_autoptr(GBytes) uri_list_bytes = NULL;
  g_autoptr(GBytes) moz_bytes = NULL;
  const char *title;
  GdkContentProvider *providers[3];

  if (state == NULL)
    return NULL;

  link = vt_content_state_to_drag_link (state);
  uri_list = g_strconcat (link, "\r\n", NULL);
  title = vt_viewing_get_title (self->viewing);
  uri_list_bytes = g_bytes_new (uri_list, strlen (uri_list));
  moz_bytes = moz_url_bytes (link, title);

  /* The providers take their own references to the bytes. */
  providers[0] = gdk_content_provider_new_for_bytes ("text/uri-list", uri_list_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/x-moz-url", moz_bytes);
  providers[2] = gdk_content_provider_new_typed (G_TYPE_STRING, link);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 VtWindow      *self)
{
  return vt_window_create_view_drag_content (self);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               VtWindow      *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self->share_handle));

  gtk_drag_source_set_icon (source, icon, 8, 8);
  /* Dropped back on this window, the view would only open again. */
  g_object_set_data (G_OBJECT (self), "vt-share-drag", drag);
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             VtWindow      *self)
{
  g_object_set_data (G_OBJECT (self), "vt-share-drag", NULL);
}

/**
 * _vt_window_share_is_own_drag:
 * @drag: (nullable): the drag of a drop on the window
 *
 * Returns: whether @drag is this window's own share handle being dragged
 */
gboolean
_vt_window_share_is_own_drag (VtWindow *self,
                              GdkDrag  *drag)
{
  return drag != NULL && g_object_get_data (G_OBJECT (self), "vt-share-drag") == drag;
}

/**
 * vt_window_open_content_state:
 * @state: a content state, with one target or more
 *
 * Opens what @state names: one target in this window, at its canvas and
 * region; several side by side in the compare view, each at its own
 * canvas and region.
 */
void
vt_window_open_content_state (VtWindow             *self,
                              const VtContentState *state)
{
  g_autoptr(GStrvBuilder) inputs = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n;

  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (state != NULL);

  n = vt_content_state_get_n_targets (state);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtContentState) one = vt_content_state_new ();
      const VtContentStateTarget *target = vt_content_state_get_target (state, i);
      VtContentStateTarget *copy = vt_content_state_add_target (one, target->manifest_uri, target->canvas_id);
      g_autofree char *encoded = NULL;

      copy->has_region = target->has_region;
      copy->region_percent = target->region_percent;
      copy->x = target->x;
      copy->y = target->y;
      copy->width = target->width;
      copy->height = target->height;
      copy->has_time = target->has_time;
      copy->time_start = target->time_start;
      copy->time_end = target->time_end;
      encoded = vt_content_state_encode (one);
      g_strv_builder_add (inputs, encoded);
    }
  strv = g_strv_builder_end (inputs);

  /* Each pane's canvas pane shows its own target's region, as this
   * window's does for one. */
  if (n == 1)
    vt_window_open_input (self, strv[0]);
  else if (n > 1)
    vt_window_compare (self, (const char * const *) strv);
}

/* A content state of several targets is several views at once: opened
 * by vt_window_open_content_state(), not as one input. */
gboolean
_vt_window_share_open_several (VtWindow   *self,
                               const char *input)
{
  g_autoptr(VtContentState) state = vt_content_state_parse (input, NULL);

  if (state == NULL || vt_content_state_get_n_targets (state) < 2)
    return FALSE;

  vt_window_open_content_state (self, state);
  return TRUE;
}

/* A content state given by reference (the address of its annotation)
 * says what it names only once fetched: several targets are several
 * views, as when given inline, so the object loading (the first target's
 * manifest) gives way to the compare view. */
static void
viewing_target_changed_cb (VtWindow *self)
{
  const VtTarget *target = self->viewing ? vt_viewing_get_target (self->viewing) : NULL;
  g_autoptr(VtContentState) state = NULL;

  if (target == NULL || target->content_state == NULL ||
      vt_content_state_get_n_targets (target->content_state) < 2 ||
      !vt_viewing_is_loading (self->viewing))
    return;

  /* The target goes with the viewing cancelled. */
  state = vt_content_state_copy (target->content_state);
  vt_window_cancel (self);
  vt_window_open_content_state (self, state);
}

void
_vt_window_share_update_actions (VtWindow *self)
{
  VtViewing *viewing = self->viewing;
  const char *manifest = viewing ? vt_viewing_get_manifest_url (viewing) : NULL;
  gboolean can = viewing != NULL && vt_viewing_get_state (viewing) == VT_VIEWING_MANIFEST &&
                 manifest != NULL &&
                 (g_str_has_prefix (manifest, "http://") || g_str_has_prefix (manifest, "https://"));

  _vt_window_set_action_enabled (self, "win.copy-view-link", can);
  _vt_window_set_action_enabled (self, "win.copy-view-query", can);
  /* A narrow header bar has no room for it; the menu keeps the actions. */
  if (self->share_handle != NULL)
    gtk_widget_set_visible (self->share_handle, can && !vt_find_bar_get_compact (self->find_bar));
}

void
_vt_window_share_init (VtWindow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();

  /* The handle to drag the view from, at the end of the header bar. */
  self->share_handle = gtk_image_new_from_icon_name ("insert-link-symbolic");
  gtk_widget_set_tooltip_text (self->share_handle, _("Drag to Share This View"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->share_handle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link to This View"),
                                  -1);
  gtk_widget_set_margin_start (self->share_handle, 6);
  gtk_widget_set_margin_end (self->share_handle, 6);
  gtk_widget_set_visible (self->share_handle, FALSE);
  adw_header_bar_pack_end (self->header_bar, self->share_handle);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY | GDK_ACTION_LINK);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (self->share_handle, GTK_EVENT_CONTROLLER (source));

  g_signal_group_connect_swapped (self->viewing_signals, "notify::target",
                                  G_CALLBACK (viewing_target_changed_cb), self);
  g_signal_connect_object (self->find_bar, "notify::compact",
                           G_CALLBACK (_vt_window_share_update_actions), self, G_CONNECT_SWAPPED);
}

void
_vt_window_class_share_init (VtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.copy-view-link", NULL, copy_view_link_action);
  gtk_widget_class_install_action (widget_class, "win.copy-view-query", NULL, copy_view_link_action);
  gtk_widget_class_install_action (widget_class, "win.paste-link", NULL, paste_link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-view-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-link", NULL);
}
