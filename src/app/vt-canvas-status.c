/* vt-canvas-status.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-status"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-canvas-error.h"

#include "vt-canvas-status.h"
#include "vt-thumbnail-loader.h"

/* What the canvas pane says when its image cannot be shown, or not all of
 * it: the status page with its reason (and the retry and web page
 * buttons), the notice over an image some of whose tiles failed, and, for
 * an image with nothing small enough to show whole, the canvas' thumbnail
 * under its tiles. */

struct _VtCanvasStatus
{
  GObject            parent_instance;

  VtImageView       *image_view;
  VtSession         *session;
  VtThumbnailLoader *thumbnails;
  GCancellable      *backdrop_cancellable;

  /* The pane's widgets */
  AdwStatusPage     *status_page;
  GtkButton         *retry_button;
  GtkButton         *web_page_button;
  GtkRevealer       *tiles_failed_revealer;
  GtkLabel          *tiles_failed_label;
};

G_DEFINE_FINAL_TYPE (VtCanvasStatus, vt_canvas_status, G_TYPE_OBJECT)

#define BACKDROP_SIZE 1024

static void
backdrop_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtCanvasStatus) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_thumbnail_loader_load_finish (VT_THUMBNAIL_LOADER (object),
                                                                   result, &error);

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No stand-in for an image without overview: %s", error->message);
      return;
    }
  if (self->image_view == NULL)
    return;  /* disposed meanwhile */

  vt_image_view_set_backdrop (self->image_view, GDK_PAINTABLE (texture));
}

/* An image whose service offers nothing small enough to show whole (a
 * level 0 service without sizes) gets the canvas' thumbnail under its
 * tiles, so that the user sees the whole and where to zoom. */
static void
load_backdrop (VtCanvasStatus *self,
               VtPage         *page)
{
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;

  if (canvas == NULL || self->session == NULL || self->backdrop_cancellable != NULL ||
      vt_image_view_get_backdrop (self->image_view) != NULL)
    return;

  if (self->thumbnails == NULL)
    self->thumbnails = vt_thumbnail_loader_new (vt_session_get_client (self->session),
                                                vt_session_get_service_cache (self->session));
  self->backdrop_cancellable = g_cancellable_new ();
  vt_thumbnail_loader_load_async (self->thumbnails, canvas, BACKDROP_SIZE, self->backdrop_cancellable,
                                  backdrop_loaded_cb, g_object_ref (self));
}

/**
 * vt_canvas_status_update:
 * @viewing: (nullable): the object on screen
 * @played: whether the player shows its page, so that nothing need be said
 *
 * Says why the page shown shows nothing, or that parts of its image
 * failed.
 */
void
vt_canvas_status_update (VtCanvasStatus *self,
                         VtViewing      *viewing,
                         gboolean        played)
{
  VtPage *page = viewing ? vt_viewing_get_page (viewing) : NULL;
  VtPageState page_state = page ? vt_page_get_state (page) : VT_PAGE_EMPTY;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtImageViewState state = vt_image_view_get_state (self->image_view);
  const GError *error = vt_image_view_get_error (self->image_view);
  const char *web_page = viewing ? vt_viewing_get_web_page_url (viewing) : NULL;
  const char *icon = NULL;
  const char *title = NULL;
  g_autofree char *description = NULL;
  gboolean actions = FALSE;

  if (page_state == VT_PAGE_NOT_IMAGE && canvas != NULL && played)
    ;  /* the player shows it */
  else if (page_state == VT_PAGE_NOT_IMAGE && canvas != NULL)
    {
      gboolean time_based = vt_canvas_is_time_based (canvas);

      if (!time_based)
        icon = "x-office-document-symbolic";
      else if (vt_canvas_has_video (canvas))
        icon = "video-x-generic-symbolic";
      else
        icon = "audio-x-generic-symbolic";
      title = _("Not an Image");
      description = g_strdup (time_based
                              ? _("This part of the object is sound or video, which Vitrine "
                                  "does not play. Its description is in the sidebar.")
                              : _("This part of the object has no image to show. Its "
                                  "description is in the sidebar."));
    }
  else if (state == VT_IMAGE_VIEW_STATE_NOT_PUBLIC)
    {
      icon = "image-missing-symbolic";
      title = _("Image Not Public");
      description = g_strdup (_("The museum describes this object but does not show its image "
                                "online, usually because of copyright."));
      actions = TRUE;
    }
  else if (state == VT_IMAGE_VIEW_STATE_ERROR)
    {
      icon = "image-missing-symbolic";
      title = _("The Image Could Not Be Shown");
      /* Always the reason of this canvas' failure, never a generic line. */
      description = g_strdup (error != NULL ? error->message
                                            : _("The image service gave no reason."));
      actions = TRUE;
    }

  /* Tiles that fail while the rest of the image shows: say which reason,
   * over the image, with a way to ask again; never a silent blank. */
  if (state == VT_IMAGE_VIEW_STATE_READY &&
      g_error_matches (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE))
    {
      gtk_label_set_text (self->tiles_failed_label, error->message);
      load_backdrop (self, page);
    }
  else if (state == VT_IMAGE_VIEW_STATE_READY && error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Parts of the image could not be loaded. %s"),
                                               error->message);

      gtk_label_set_text (self->tiles_failed_label, text);
    }
  gtk_revealer_set_reveal_child (self->tiles_failed_revealer,
                                 state == VT_IMAGE_VIEW_STATE_READY && error != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->status_page), title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), actions);
  gtk_widget_set_visible (GTK_WIDGET (self->web_page_button), actions && web_page != NULL);

  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title ? title : "");
  adw_status_page_set_description (self->status_page, description);
}

/**
 * vt_canvas_status_cancel_backdrop:
 *
 * Stops loading the thumbnail of the page shown before: another is shown.
 */
void
vt_canvas_status_cancel_backdrop (VtCanvasStatus *self)
{
  g_return_if_fail (VT_IS_CANVAS_STATUS (self));

  g_cancellable_cancel (self->backdrop_cancellable);
  g_clear_object (&self->backdrop_cancellable);
}

void
vt_canvas_status_set_session (VtCanvasStatus *self,
                              VtSession      *session)
{
  g_return_if_fail (VT_IS_CANVAS_STATUS (self));

  g_set_object (&self->session, session);
}

/**
 * vt_canvas_status_get_title:
 *
 * Returns: (nullable): the title of the page that says why the canvas
 *   shows nothing, or %NULL when it shows an image
 */
const char *
vt_canvas_status_get_title (VtCanvasStatus *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STATUS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_page)))
    return NULL;

  return adw_status_page_get_title (self->status_page);
}

const char *
vt_canvas_status_get_icon (VtCanvasStatus *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STATUS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_page)))
    return NULL;

  return adw_status_page_get_icon_name (self->status_page);
}

const char *
vt_canvas_status_get_description (VtCanvasStatus *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STATUS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_page)))
    return NULL;

  return adw_status_page_get_description (self->status_page);
}

/**
 * vt_canvas_status_get_tiles_failed_text:
 *
 * Returns: (nullable): what the notice over a partly loaded image says, or
 *   %NULL while every tile asked for has come
 */
const char *
vt_canvas_status_get_tiles_failed_text (VtCanvasStatus *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STATUS (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->tiles_failed_revealer))
    return NULL;

  return gtk_label_get_text (self->tiles_failed_label);
}

static void
vt_canvas_status_dispose (GObject *object)
{
  VtCanvasStatus *self = VT_CANVAS_STATUS (object);

  vt_canvas_status_cancel_backdrop (self);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->session);
  g_clear_object (&self->image_view);
  self->status_page = NULL;
  self->retry_button = NULL;
  self->web_page_button = NULL;
  self->tiles_failed_revealer = NULL;
  self->tiles_failed_label = NULL;

  G_OBJECT_CLASS (vt_canvas_status_parent_class)->dispose (object);
}

static void
vt_canvas_status_class_init (VtCanvasStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_canvas_status_dispose;
}

static void
vt_canvas_status_init (VtCanvasStatus *self)
{
}

/**
 * vt_canvas_status_new:
 * @image_view: the view whose state is told
 *
 * The widgets belong to the caller, who keeps them while the status
 * lives.
 */
VtCanvasStatus *
vt_canvas_status_new (VtImageView   *image_view,
                      AdwStatusPage *status_page,
                      GtkButton     *retry_button,
                      GtkButton     *web_page_button,
                      GtkRevealer   *tiles_failed_revealer,
                      GtkLabel      *tiles_failed_label)
{
  VtCanvasStatus *self;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_CANVAS_STATUS, NULL);
  self->image_view = g_object_ref (image_view);
  self->status_page = status_page;
  self->retry_button = retry_button;
  self->web_page_button = web_page_button;
  self->tiles_failed_revealer = tiles_failed_revealer;
  self->tiles_failed_label = tiles_failed_label;

  return self;
}
