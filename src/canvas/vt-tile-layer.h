/* vt-tile-layer.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-tile-cache.h"
#include "vt-tile-loader.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_TILE_LAYER (vt_tile_layer_get_type ())

G_DECLARE_FINAL_TYPE (VtTileLayer, vt_tile_layer, VT, TILE_LAYER, GObject)

/**
 * VtTileDebugFunc:
 * @key: the tile (a VT_TILE_KEY value)
 *
 * Called for each request and cancellation, for tests, the benchmark and
 * tracing; whatever it keeps is its own business.
 */
typedef void (*VtTileDebugFunc) (VtTileLayer      *layer,
                                 VtTileDebugEvent  event,
                                 guint64           key,
                                 gpointer          user_data);

VtTileLayer  *vt_tile_layer_new               (VtViewport      *viewport);

VtTileSource *vt_tile_layer_get_source        (VtTileLayer     *self);
void          vt_tile_layer_set_source        (VtTileLayer     *self,
                                               VtTileSource    *source);
void          vt_tile_layer_set_plan          (VtTileLayer     *self,
                                               VtViewport      *plan);
void          vt_tile_layer_set_deferring     (VtTileLayer     *self,
                                               gboolean         deferring);
void          vt_tile_layer_set_scale_factor  (VtTileLayer     *self,
                                               int              scale_factor);

guint         vt_tile_layer_get_visible_tiles (VtTileLayer     *self);
guint         vt_tile_layer_get_loaded_tiles  (VtTileLayer     *self);
gboolean      vt_tile_layer_has_pixels        (VtTileLayer     *self);
gboolean      vt_tile_layer_get_sharp         (VtTileLayer     *self);
guint         vt_tile_layer_get_level         (VtTileLayer     *self);
guint         vt_tile_layer_get_n_loading     (VtTileLayer     *self);
VtTileCache  *vt_tile_layer_get_cache         (VtTileLayer     *self);
guint         vt_tile_layer_get_n_prefetched  (VtTileLayer     *self);
void          vt_tile_layer_get_minimal_set   (VtTileLayer     *self,
                                               VtViewport      *viewport,
                                               GArray          *keys);

void          vt_tile_layer_queue_update      (VtTileLayer     *self);
void          vt_tile_layer_update_now        (VtTileLayer     *self);
void          vt_tile_layer_snapshot          (VtTileLayer     *self,
                                               GtkSnapshot     *snapshot);

/* Placement in a scene (see vt_image_view_add_layer()). */
void          vt_tile_layer_set_placement     (VtTileLayer           *self,
                                               const graphene_rect_t *placement);
gboolean      vt_tile_layer_get_placement     (VtTileLayer           *self,
                                               graphene_rect_t       *placement);
void          vt_tile_layer_set_crop          (VtTileLayer           *self,
                                               const graphene_rect_t *region);
void          vt_tile_layer_set_turn          (VtTileLayer           *self,
                                               guint                  degrees);
guint         vt_tile_layer_get_turn          (VtTileLayer           *self);
void          vt_tile_layer_set_opacity       (VtTileLayer           *self,
                                               double                 opacity);
double        vt_tile_layer_get_opacity       (VtTileLayer           *self);
void          vt_tile_layer_set_visible       (VtTileLayer           *self,
                                               gboolean               visible);
gboolean      vt_tile_layer_get_visible       (VtTileLayer           *self);
void          vt_tile_layer_set_failure       (VtTileLayer           *self,
                                               const char            *message);
const char   *vt_tile_layer_get_failure       (VtTileLayer           *self);
void          vt_tile_layer_get_widget_bounds (VtTileLayer           *self,
                                               graphene_rect_t       *bounds);

void          vt_tile_layer_set_debug_hook    (VtTileLayer     *self,
                                               VtTileDebugFunc  func,
                                               gpointer         user_data,
                                               GDestroyNotify   destroy);

G_END_DECLS
