/* vt-annotation-image.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-image"

#include "config.h"

#include "vt-annotation-image.h"

/* A body of an annotation that is an image on the web (cookbook 0377: a
 * comment that is a picture), in its row of the sidebar: a small picture
 * over its link, the caption, which the row makes. The picture comes
 * through the session's thumbnail loader, so its bytes are fetched at
 * thumbnail priority and decoded and shrunk behind the canvas decoder's
 * checks, off the main thread, never by GdkPixbuf; the load is cancelled
 * when the widget goes, and one that fails leaves the link alone. */

struct _VtAnnotationImage
{
  GtkWidget         parent_instance;

  VtAnnotationBody *body;
  GtkPicture       *picture;
  GtkLabel         *caption;
  GCancellable     *cancellable;
  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (VtAnnotationImage, vt_annotation_image, GTK_TYPE_WIDGET)

/**
 * vt_annotation_image_accepts:
 *
 * Returns: whether @body is an image (type Image, or an image/ media
 *   type) on the web; file:, data: and the rest stay links that do not
 *   open
 */
gboolean
vt_annotation_image_accepts (const VtAnnotationBody *body)
{
  const char *scheme;

  g_return_val_if_fail (body != NULL, FALSE);

  if (body->is_text || body->id == NULL)
    return FALSE;
  scheme = g_uri_peek_scheme (body->id);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return FALSE;
  return body->kind == VT_CONTENT_IMAGE || g_strcmp0 (body->type, "Image") == 0 ||
         (body->format != NULL && g_ascii_strncasecmp (body->format, "image/", 6) == 0);
}

static void
vt_annotation_image_dispose (GObject *object)
{
  VtAnnotationImage *self = VT_ANNOTATION_IMAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->body, vt_annotation_body_unref);

  G_OBJECT_CLASS (vt_annotation_image_parent_class)->dispose (object);
}

static void
vt_annotation_image_finalize (GObject *object)
{
  VtAnnotationImage *self = VT_ANNOTATION_IMAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vt_annotation_image_parent_class)->finalize (object);
}

static void
vt_annotation_image_class_init (VtAnnotationImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_annotation_image_dispose;
  object_class->finalize = vt_annotation_image_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
vt_annotation_image_init (VtAnnotationImage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  self->cancellable = g_cancellable_new ();

  /* As large as it came (at most VT_ANNOTATION_IMAGE_SIZE, which fits the
   * narrowest sidebar), its shape kept. Not shrinkable: in a box a
   * shrinkable picture asks for no height at all, and is never seen.
   * Hidden until it has loaded. */
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->picture), GTK_WIDGET (self));
}

/**
 * vt_annotation_image_new:
 * @body: a body vt_annotation_image_accepts()
 * @caption: the link to show under the picture
 *
 * Returns: (transfer floating): the widget, its picture not loaded yet
 */
GtkWidget *
vt_annotation_image_new (VtAnnotationBody *body,
                         GtkLabel         *caption)
{
  VtAnnotationImage *self;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (GTK_IS_LABEL (caption), NULL);

  self = g_object_new (VT_TYPE_ANNOTATION_IMAGE, NULL);
  self->body = vt_annotation_body_ref (body);
  self->caption = caption;
  gtk_widget_add_css_class (GTK_WIDGET (caption), "caption");
  gtk_widget_set_parent (GTK_WIDGET (caption), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

VtAnnotationBody *
vt_annotation_image_get_body (VtAnnotationImage *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_IMAGE (self), NULL);

  return self->body;
}

GtkLabel *
vt_annotation_image_get_caption (VtAnnotationImage *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_IMAGE (self), NULL);

  return self->caption;
}

GtkPicture *
vt_annotation_image_get_picture (VtAnnotationImage *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_IMAGE (self), NULL);

  return self->picture;
}

/**
 * vt_annotation_image_set_name:
 * @name: what a screen reader calls the picture
 */
void
vt_annotation_image_set_name (VtAnnotationImage *self,
                              const char        *name)
{
  g_return_if_fail (VT_IS_ANNOTATION_IMAGE (self));

  gtk_picture_set_alternative_text (self->picture, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

typedef struct
{
  GWeakRef    image;
  GtkPicture *picture;
} Load;

/* The widget may be gone by now: the load was cancelled then, and the
 * picture is only held here. */
static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(VtAnnotationImage) self = g_weak_ref_get (&load->image);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = vt_thumbnail_loader_load_finish (VT_THUMBNAIL_LOADER (object), result, &error);
  if (self != NULL)
    self->loading = FALSE;
  if (texture != NULL)
    {
      gtk_picture_set_paintable (load->picture, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (GTK_WIDGET (load->picture), TRUE);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("image of an annotation: %s", error->message);

  g_weak_ref_clear (&load->image);
  g_object_unref (load->picture);
  g_free (load);
}

/**
 * vt_annotation_image_load:
 * @loader: the session's thumbnail loader
 *
 * Starts loading the picture; until it has loaded, and if it fails, the
 * caption shows alone.
 */
void
vt_annotation_image_load (VtAnnotationImage *self,
                          VtThumbnailLoader *loader)
{
  Load *load;

  g_return_if_fail (VT_IS_ANNOTATION_IMAGE (self));
  g_return_if_fail (VT_IS_THUMBNAIL_LOADER (loader));

  if (self->loading || gtk_picture_get_paintable (self->picture) != NULL)
    return;
  load = g_new0 (Load, 1);
  g_weak_ref_init (&load->image, self);
  load->picture = g_object_ref (self->picture);
  self->loading = TRUE;
  vt_thumbnail_loader_load_uri_async (loader, self->body->id, VT_ANNOTATION_IMAGE_SIZE, self->cancellable,
                                      loaded_cb, load);
}

/**
 * vt_annotation_image_is_loading:
 *
 * Returns: whether the picture is on its way
 */
gboolean
vt_annotation_image_is_loading (VtAnnotationImage *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_IMAGE (self), FALSE);

  return self->loading;
}
