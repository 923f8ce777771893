/* vt-image-view-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-image-view.h"
#include "vt-scene.h"
#include "vt-tile-cache.h"
#include "vt-tile-layer.h"

G_BEGIN_DECLS

/* Shared by vt-image-view.c (state, properties, drawing) and
 * vt-image-view-input.c (gestures, animation); nothing outside those two
 * touches it. The tiles are VtTileLayer's. */
struct _VtImageView
{
  GtkWidget parent_instance;

  VtViewport *viewport;
  VtTileLayer *layer;       /* the single source's, unplaced */
  VtScene *scene;           /* placed layers, drawn over it */

  VtImageViewState state;
  GError *error;
  GdkPaintable *backdrop;

  /* Zoom animation, from (zoom, centre) to the destination viewport. */
  guint anim_tick_id;
  gint64 anim_start_us;
  double anim_z0, anim_cx0, anim_cy0;
  VtViewport *anim_target;
  gboolean anim_to_fit;

  /* Kinetic panning. */
  guint kinetic_tick_id;
  gint64 kinetic_last_us;
  double vel_x, vel_y;
  gboolean deferring;

  /* Gestures. */
  double drag_last_x, drag_last_y;
  double pinch_start_zoom;
  double pinch_last_x, pinch_last_y;
  double pointer_x, pointer_y;

  /* Source pixels per view unit (vt_image_view_set_pixel_scale()). */
  double pixel_scale;
};

void         vt_image_view_queue_update     (VtImageView    *self);
void         vt_image_view_stop_motion      (VtImageView    *self);
void         vt_image_view_input_class_init (GtkWidgetClass *widget_class);
void         vt_image_view_input_init       (VtImageView    *self);

/* Introspection for the tests and the benchmark; the layer's debug hook
 * tells which tiles were asked for and which were cancelled. */
VtTileLayer *vt_image_view_get_layer        (VtImageView *self);
guint        vt_image_view_get_level        (VtImageView *self);
guint        vt_image_view_get_n_loading    (VtImageView *self);
gboolean     vt_image_view_has_pixels       (VtImageView *self);
void         vt_image_view_get_minimal_set  (VtImageView *self,
                                             VtViewport  *viewport,
                                             GArray      *keys);
VtTileCache *vt_image_view_get_cache        (VtImageView *self);
void         vt_image_view_update_now       (VtImageView *self);
gboolean     vt_image_view_is_animating     (VtImageView *self);
gboolean     vt_image_view_is_deferring     (VtImageView *self);
void         vt_image_view_fling            (VtImageView *self,
                                             double       velocity_x,
                                             double       velocity_y);

G_END_DECLS
