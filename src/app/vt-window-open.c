/* vt-window-open.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-open"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-canvas-error.h"
#include "canvas/vt-iiif-source.h"
#include "canvas/vt-image-view.h"
#include "canvas/vt-local-source.h"
#include "net/vt-net-error.h"

#include "vt-client-fetcher.h"
#include "vt-window-private.h"

/* From what the user gave to what the window loads: the input is resolved
 * (Ghent object number, manifest or link URL, file), the loading page
 * shows, and the manifest or local image is opened. */

static VtApplication *
get_application (VtWindow *self)
{
  return VT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
is_local_image (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *type = info ? g_file_info_get_content_type (info) : NULL;

  return type != NULL && g_content_type_is_mime_type (type, "image/*");
}

static void
source_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autoptr(VtImageService) service = NULL;
  g_autoptr(VtIiifSource) source = NULL;

  service = vt_loader_load_image_service_finish (VT_LOADER (object), result, &pyramid, &error);
  /* Closed meanwhile: the window has left the application. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (service == NULL)
    {
      g_autoptr(GError) canvas_error = vt_client_fetcher_map_error (error);

      /* The metadata stays; the canvas says why it has nothing to draw. */
      vt_image_view_fail (self->image_view, canvas_error);
      return;
    }

  if (pyramid == NULL || vt_tile_pyramid_get_n_levels (pyramid) == 0)
    {
      g_autoptr(GError) canvas_error =
        g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                             _("The image service describes no image that can be shown"));

      vt_image_view_fail (self->image_view, canvas_error);
      return;
    }

  source = vt_iiif_source_new (vt_application_get_fetcher (get_application (self)), pyramid);
  vt_image_view_set_source (self->image_view, VT_TILE_SOURCE (source));
}

/**
 * _vt_window_open_canvas_source:
 *
 * Starts drawing @canvas: from its image service when it has one (the
 * info.json arrives first), else from its plain image.
 */
void
_vt_window_open_canvas_source (VtWindow *self,
                               VtCanvas *canvas)
{
  VtContentResource *image = vt_canvas_get_image (canvas);
  VtServiceRef *service = vt_canvas_get_image_service (canvas);

  g_cancellable_cancel (self->canvas_cancellable);
  g_clear_object (&self->canvas_cancellable);
  self->canvas_cancellable = g_cancellable_new ();

  vt_image_view_clear (self->image_view);

  if (!vt_canvas_is_image (canvas) || image == NULL)
    return;

  if (service != NULL && service->id != NULL)
    {
      vt_image_view_begin_loading (self->image_view);
      vt_loader_load_image_service_async (vt_application_get_loader (get_application (self)),
                                          service->id, self->canvas_cancellable,
                                          source_ready_cb, g_object_ref (self));
    }
  else if (image->id != NULL)
    {
      gint64 width = image->width > 0 ? image->width : canvas->width;
      gint64 height = image->height > 0 ? image->height : canvas->height;
      g_autoptr(VtIiifSource) source =
        vt_iiif_source_new_static (vt_application_get_fetcher (get_application (self)),
                                   image->id, width, height);

      if (source != NULL)
        vt_image_view_set_source (self->image_view, VT_TILE_SOURCE (source));
      else
        {
          g_autoptr(GError) error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                                                         _("The image has no size"));

          vt_image_view_fail (self->image_view, error);
        }
    }
}

static void
open_local_image (VtWindow   *self,
                  const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtLocalSource) source = path ? vt_local_source_new (path, &error) : NULL;

  if (source == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                     _("Only local image files can be opened."));
      _vt_window_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->manifest, vt_manifest_unref);
  g_free (self->object_title);
  self->object_title = g_strdup (basename);
  gtk_window_set_title (GTK_WINDOW (self), basename);

  _vt_window_strip_set_manifest (self, NULL);
  vt_image_view_set_source (self->image_view, VT_TILE_SOURCE (source));
  _vt_window_set_state (self, VT_WINDOW_STATE_VIEWER);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  _vt_window_add_recent (self, self->location, basename);
  gtk_widget_grab_focus (GTK_WIDGET (self->image_view));
}

static void
start_loading (VtWindow *self,
               gboolean  reload)
{
  g_autofree char *loading = NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_clear_pointer (&self->object_title, g_free);
  vt_history_push (self->history, self->location);

  if (g_str_has_prefix (self->manifest_url, "file:") && is_local_image (self->manifest_url))
    {
      open_local_image (self, self->manifest_url);
      return;
    }

  /* Translators: %s is an object number such as dmg:1987-1049, or an address */
  loading = g_strdup_printf (_("Opening %s…"), self->display_name);
  gtk_label_set_text (self->loading_label, loading);
  _vt_window_set_state (self, VT_WINDOW_STATE_LOADING);

  _vt_window_fetch_manifest (self, reload);
}

/**
 * vt_window_open_input:
 * @self: a #VtWindow
 * @input: an object number, a manifest URL, a IIIF link or a file URI
 *
 * Opens what the user typed, pasted, dropped or passed on the command line.
 */
void
vt_window_open_input (VtWindow   *self,
                      const char *input)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (input != NULL);

  stripped = g_strstrip (g_strdup (input));
  if (*stripped == '\0')
    return;

  g_free (self->input);
  self->input = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), _vt_window_input_pspec ());

  if (!_vt_window_resolve_input (self, self->input, &error))
    {
      /* Whatever layer said no, to the user this is input to correct. */
      g_autoptr(GError) input_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                           error->message);

      g_cancellable_cancel (self->load_cancellable);
      gtk_widget_add_css_class (GTK_WIDGET (self->object_entry), "error");
      _vt_window_show_error (self, input_error);
      return;
    }

  start_loading (self, FALSE);
}

/**
 * vt_window_reload:
 *
 * Loads the current object again, bypassing the caches: what Retry does.
 */
void
vt_window_reload (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  if (self->manifest_url == NULL)
    return;

  start_loading (self, TRUE);
}

/**
 * vt_window_cancel:
 *
 * Stops loading, and goes back to what was shown before.
 */
void
vt_window_cancel (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->canvas_cancellable);

  if (self->state != VT_WINDOW_STATE_LOADING)
    return;

  if (self->manifest != NULL)
    _vt_window_set_state (self, VT_WINDOW_STATE_VIEWER);
  else
    _vt_window_set_state (self, VT_WINDOW_STATE_WELCOME);
}
