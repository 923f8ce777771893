/* vt-image-view.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-text-layer.h"
#include "vt-tile-layer.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

/**
 * VtImageViewState:
 * @VT_IMAGE_VIEW_STATE_EMPTY: nothing opened
 * @VT_IMAGE_VIEW_STATE_LOADING: the image (its description) is being opened
 * @VT_IMAGE_VIEW_STATE_READY: the image is shown (tiles may still load)
 * @VT_IMAGE_VIEW_STATE_ERROR: the image could not be opened; see the error
 * @VT_IMAGE_VIEW_STATE_NOT_PUBLIC: the image exists but is not public
 *   (the error is %VT_CANVAS_ERROR_NOT_PUBLIC)
 *
 * What the view is doing, for the window to show.
 */
typedef enum
{
  VT_IMAGE_VIEW_STATE_EMPTY,
  VT_IMAGE_VIEW_STATE_LOADING,
  VT_IMAGE_VIEW_STATE_READY,
  VT_IMAGE_VIEW_STATE_ERROR,
  VT_IMAGE_VIEW_STATE_NOT_PUBLIC,
} VtImageViewState;

#define VT_TYPE_IMAGE_VIEW_STATE (vt_image_view_state_get_type ())
GType vt_image_view_state_get_type (void) G_GNUC_CONST;

#define VT_TYPE_IMAGE_VIEW (vt_image_view_get_type ())

G_DECLARE_FINAL_TYPE (VtImageView, vt_image_view, VT, IMAGE_VIEW, GtkWidget)

/* Zoom animations take this long, interpolated in log space. */
#define VT_IMAGE_VIEW_ANIMATION_MS 200

GtkWidget        *vt_image_view_new             (void);

VtViewport       *vt_image_view_get_viewport    (VtImageView  *self);
VtTileSource     *vt_image_view_get_source      (VtImageView  *self);
void              vt_image_view_set_source      (VtImageView  *self,
                                                 VtTileSource *source);
void              vt_image_view_set_backdrop    (VtImageView  *self,
                                                 GdkPaintable *backdrop);
GdkPaintable     *vt_image_view_get_backdrop    (VtImageView  *self);
void              vt_image_view_clear           (VtImageView  *self);

/* A scene: several images at once, each placed at a rectangle of the
 * scene's coordinate space (for IIIF, the canvas's), each with its own tile
 * source and level choice, opacity and visibility:
 *
 *   vt_image_view_set_scene_size (view, canvas_width, canvas_height);
 *   base = vt_image_view_add_layer (view, base_source, &GRAPHENE_RECT_INIT (0, 0, w, h));
 *   detail = vt_image_view_add_layer (view, NULL, &target);   (still opening)
 *   ...
 *   vt_tile_layer_set_source (detail, detail_source);          (opened)
 *   vt_tile_layer_set_failure (detail, message);               (or failed)
 *   vt_tile_layer_set_opacity (detail, 0.5);
 *
 * Zoom, centre and the visible rectangle are then in scene coordinates.
 * vt_image_view_set_source() (one image, its pixels the scene) and
 * vt_image_view_set_scene_size() each drop the other's layers. A layer may
 * also show only a region of its source (vt_tile_layer_set_crop()) turned
 * by quarter turns (vt_tile_layer_set_turn()); its placement is then
 * where that turned region lies. Layers whose placement is out of view
 * load nothing. */
void              vt_image_view_set_scene_size  (VtImageView           *self,
                                                 double                 width,
                                                 double                 height);
VtTileLayer      *vt_image_view_add_layer       (VtImageView           *self,
                                                 VtTileSource          *source,
                                                 const graphene_rect_t *placement);
VtTextLayer      *vt_image_view_add_text_layer  (VtImageView           *self,
                                                 const graphene_rect_t *placement);
void              vt_image_view_set_blank_sheet (VtImageView           *self,
                                                 gboolean               blank);
guint             vt_image_view_get_n_text_layers (VtImageView         *self);
VtTextLayer      *vt_image_view_get_nth_text_layer (VtImageView        *self,
                                                    guint               position);
void              vt_image_view_remove_layer    (VtImageView           *self,
                                                 VtTileLayer           *layer);
guint             vt_image_view_get_n_layers    (VtImageView           *self);
VtTileLayer      *vt_image_view_get_nth_layer   (VtImageView           *self,
                                                 guint                  position);

VtImageViewState  vt_image_view_get_state       (VtImageView  *self);
const GError     *vt_image_view_get_error       (VtImageView  *self);
guint             vt_image_view_get_visible_tiles (VtImageView *self);
guint             vt_image_view_get_loaded_tiles  (VtImageView *self);
gboolean          vt_image_view_get_sharp       (VtImageView  *self);
guint64           vt_image_view_get_cache_size  (VtImageView  *self);
void              vt_image_view_set_cache_size  (VtImageView  *self,
                                                 guint64       max_bytes);

void              vt_image_view_zoom_in         (VtImageView  *self);
void              vt_image_view_zoom_out        (VtImageView  *self);
void              vt_image_view_zoom_to         (VtImageView  *self,
                                                 double        zoom,
                                                 gboolean      animate);
void              vt_image_view_zoom_fit        (VtImageView  *self,
                                                 gboolean      animate);
void              vt_image_view_zoom_to_rect    (VtImageView  *self,
                                                 double        x,
                                                 double        y,
                                                 double        width,
                                                 double        height,
                                                 gboolean      animate);
void              vt_image_view_set_pixel_scale (VtImageView  *self,
                                                 double        scale);
double            vt_image_view_get_pixel_scale (VtImageView  *self);
void              vt_image_view_rotate          (VtImageView  *self,
                                                 int           quarter_turns);

/* For whoever opens a source asynchronously (an IIIF service): it puts the
 * view in LOADING, then hands it the source or a VT_CANVAS_ERROR. */
void              vt_image_view_begin_loading   (VtImageView  *self);
void              vt_image_view_fail            (VtImageView  *self,
                                                 const GError *error);

G_END_DECLS
