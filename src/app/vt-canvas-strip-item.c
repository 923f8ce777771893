/* vt-canvas-strip-item.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-strip-item"

#include "config.h"

#include <string.h>

#include "vt-canvas-strip-item.h"
#include "vt-text.h"

/* One canvas in the strip's model: what its row shows and where its
 * thumbnail stands. The row widgets are recycled; the item keeps the state. */

struct _VtCanvasStripItem
{
  GObject           parent_instance;

  VtCanvas         *canvas;
  char             *label;
  char             *title;
  GdkTexture       *texture;
  GCancellable     *cancellable;
  guint             index;
  VtThumbnailState  state;
};

enum {
  PROP_0,
  PROP_TEXTURE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (VtCanvasStripItem, vt_canvas_strip_item, G_TYPE_OBJECT)

static const char * const image_suffixes[] = {
  ".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".jp2", ".jpx", ".j2k",
  ".gif", ".webp", ".bmp", ".ptif", ".json", NULL,
};

/**
 * vt_canvas_label_looks_like_file_name:
 * @label: (nullable): a canvas label
 *
 * Whether a label is a file name rather than words, as Ghent's are
 * (`60dc1dc2…-transcode-0710.jpg`): one token ending in an image suffix.
 * The strip shows the page number instead of such labels.
 *
 * Returns: %TRUE for a file name
 */
gboolean
vt_canvas_label_looks_like_file_name (const char *label)
{
  g_autofree char *lower = NULL;

  if (label == NULL || *label == '\0' || strpbrk (label, " \t\n") != NULL)
    return FALSE;

  lower = g_ascii_strdown (label, -1);
  for (guint i = 0; image_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, image_suffixes[i]) && strlen (lower) > strlen (image_suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
vt_canvas_strip_item_dispose (GObject *object)
{
  VtCanvasStripItem *self = (VtCanvasStripItem *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (vt_canvas_strip_item_parent_class)->dispose (object);
}

static void
vt_canvas_strip_item_finalize (GObject *object)
{
  VtCanvasStripItem *self = (VtCanvasStripItem *)object;

  g_clear_pointer (&self->canvas, vt_canvas_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (vt_canvas_strip_item_parent_class)->finalize (object);
}

static void
vt_canvas_strip_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VtCanvasStripItem *self = VT_CANVAS_STRIP_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_canvas_strip_item_class_init (VtCanvasStripItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_canvas_strip_item_dispose;
  object_class->finalize = vt_canvas_strip_item_finalize;
  object_class->get_property = vt_canvas_strip_item_get_property;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A VtThumbnailState (no GEnum type is registered for it). */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      VT_THUMBNAIL_STATE_NONE, VT_THUMBNAIL_STATE_FAILED, VT_THUMBNAIL_STATE_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_canvas_strip_item_init (VtCanvasStripItem *self)
{
}

/**
 * vt_canvas_strip_item_new:
 * @canvas: the canvas
 * @index: its position in the manifest, from 0
 *
 * Returns: (transfer full): a new item
 */
VtCanvasStripItem *
vt_canvas_strip_item_new (VtCanvas *canvas,
                          guint     index)
{
  VtCanvasStripItem *self;
  const char *label = NULL;

  g_return_val_if_fail (canvas != NULL, NULL);

  self = g_object_new (VT_TYPE_CANVAS_STRIP_ITEM, NULL);
  self->canvas = vt_canvas_ref (canvas);
  self->index = index;

  if (canvas->label != NULL)
    label = vt_language_map_get_first (canvas->label, g_get_language_names ());
  if (label != NULL && *label != '\0')
    self->title = g_strdup (label);

  /* The row ellipsizes the label, but Pango shapes all of it first: a
   * label of a megabyte would stall every bind. */
  if (self->title == NULL || vt_canvas_label_looks_like_file_name (self->title))
    self->label = g_strdup_printf ("%u", index + 1);
  else
    self->label = vt_text_ellipsize (self->title, VT_TEXT_MAX_TITLE_CHARS);

  return self;
}

VtCanvas *
vt_canvas_strip_item_get_canvas (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);
  return self->canvas;
}

guint
vt_canvas_strip_item_get_index (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), 0);
  return self->index;
}

/**
 * vt_canvas_strip_item_get_label:
 *
 * Returns: what shows under the thumbnail: the canvas label, or the page
 *   number when the label is missing or a file name
 */
const char *
vt_canvas_strip_item_get_label (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);
  return self->label;
}

/**
 * vt_canvas_strip_item_get_title:
 *
 * Returns: (nullable): the canvas label as the manifest gives it (in the
 *   user's language), for the tooltip; %NULL when it has none
 */
const char *
vt_canvas_strip_item_get_title (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);
  return self->title;
}

/**
 * vt_canvas_strip_item_dup_tooltip:
 *
 * Returns: (transfer full): the row's tooltip: the canvas label as the
 *   manifest gives it, else the page number; ellipsized past
 *   %VT_TEXT_MAX_TOOLTIP_CHARS characters
 */
char *
vt_canvas_strip_item_dup_tooltip (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);
  return vt_text_ellipsize (self->title != NULL ? self->title : self->label,
                            VT_TEXT_MAX_TOOLTIP_CHARS);
}

/**
 * vt_canvas_strip_item_get_placeholder_icon:
 *
 * Returns: the icon shown while there is no thumbnail: what the canvas
 *   holds, or a broken image once loading failed
 */
const char *
vt_canvas_strip_item_get_placeholder_icon (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);

  if (vt_canvas_is_time_based (self->canvas))
    {
      return vt_canvas_has_video (self->canvas) ? "video-x-generic-symbolic"
                                                : "audio-x-generic-symbolic";
    }
  if (self->state == VT_THUMBNAIL_STATE_FAILED)
    return "image-missing-symbolic";
  return "image-x-generic-symbolic";
}

/**
 * vt_canvas_strip_item_get_texture:
 *
 * Returns: (transfer none) (nullable): the thumbnail, once loaded
 */
GdkTexture *
vt_canvas_strip_item_get_texture (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), NULL);
  return self->texture;
}

VtThumbnailState
vt_canvas_strip_item_get_state (VtCanvasStripItem *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_ITEM (self), VT_THUMBNAIL_STATE_NONE);
  return self->state;
}

static void
set_state (VtCanvasStripItem *self,
           VtThumbnailState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * vt_canvas_strip_item_set_loading:
 * @cancellable: cancels the load; kept until the load ends
 *
 * Marks the thumbnail as being loaded.
 */
void
vt_canvas_strip_item_set_loading (VtCanvasStripItem *self,
                                  GCancellable      *cancellable)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP_ITEM (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
  set_state (self, VT_THUMBNAIL_STATE_LOADING);
}

/**
 * vt_canvas_strip_item_cancel:
 *
 * Cancels a load in progress (its row scrolled away); the next bind asks
 * again. Does nothing in any other state.
 */
void
vt_canvas_strip_item_cancel (VtCanvasStripItem *self)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP_ITEM (self));

  if (self->state != VT_THUMBNAIL_STATE_LOADING)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_state (self, VT_THUMBNAIL_STATE_NONE);
}

/**
 * vt_canvas_strip_item_set_texture:
 * @texture: (nullable): the thumbnail, or %NULL to drop it (to bound memory)
 */
void
vt_canvas_strip_item_set_texture (VtCanvasStripItem *self,
                                  GdkTexture        *texture)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP_ITEM (self));
  g_return_if_fail (!texture || GDK_IS_TEXTURE (texture));

  g_clear_object (&self->cancellable);
  if (g_set_object (&self->texture, texture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
  set_state (self, texture != NULL ? VT_THUMBNAIL_STATE_LOADED : VT_THUMBNAIL_STATE_NONE);
}

/**
 * vt_canvas_strip_item_set_failed:
 *
 * Marks the thumbnail as impossible: the row keeps a placeholder.
 */
void
vt_canvas_strip_item_set_failed (VtCanvasStripItem *self)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP_ITEM (self));

  g_clear_object (&self->cancellable);
  set_state (self, VT_THUMBNAIL_STATE_FAILED);
}
