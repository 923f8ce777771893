/* vt-canvas-strip-item.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-canvas.h"

G_BEGIN_DECLS

/**
 * VtThumbnailState:
 * @VT_THUMBNAIL_STATE_NONE: not asked for yet (or cancelled when its row
 *   scrolled away)
 * @VT_THUMBNAIL_STATE_LOADING: being fetched or decoded
 * @VT_THUMBNAIL_STATE_LOADED: the texture is there
 * @VT_THUMBNAIL_STATE_FAILED: the fetch or the decoding failed, or there was
 *   nothing to make a thumbnail from: a placeholder shows
 */
typedef enum
{
  VT_THUMBNAIL_STATE_NONE,
  VT_THUMBNAIL_STATE_LOADING,
  VT_THUMBNAIL_STATE_LOADED,
  VT_THUMBNAIL_STATE_FAILED,
} VtThumbnailState;

#define VT_TYPE_CANVAS_STRIP_ITEM (vt_canvas_strip_item_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasStripItem, vt_canvas_strip_item, VT, CANVAS_STRIP_ITEM, GObject)

VtCanvasStripItem *vt_canvas_strip_item_new             (VtCanvas          *canvas,
                                                         guint              index);
VtCanvas          *vt_canvas_strip_item_get_canvas      (VtCanvasStripItem *self);
guint              vt_canvas_strip_item_get_index       (VtCanvasStripItem *self);
const char        *vt_canvas_strip_item_get_label       (VtCanvasStripItem *self);
const char        *vt_canvas_strip_item_get_title       (VtCanvasStripItem *self);
char              *vt_canvas_strip_item_dup_tooltip     (VtCanvasStripItem *self);
const char        *vt_canvas_strip_item_get_placeholder_icon (VtCanvasStripItem *self);
GdkTexture        *vt_canvas_strip_item_get_texture     (VtCanvasStripItem *self);
VtThumbnailState   vt_canvas_strip_item_get_state       (VtCanvasStripItem *self);
void               vt_canvas_strip_item_set_loading     (VtCanvasStripItem *self,
                                                         GCancellable      *cancellable);
void               vt_canvas_strip_item_cancel          (VtCanvasStripItem *self);
void               vt_canvas_strip_item_set_texture     (VtCanvasStripItem *self,
                                                         GdkTexture        *texture);
void               vt_canvas_strip_item_set_failed      (VtCanvasStripItem *self);

gboolean           vt_canvas_label_looks_like_file_name (const char        *label);

G_END_DECLS
