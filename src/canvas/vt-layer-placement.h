/* vt-layer-placement.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_LAYER_PLACEMENT (vt_layer_placement_get_type ())

G_DECLARE_FINAL_TYPE (VtLayerPlacement, vt_layer_placement, VT, LAYER_PLACEMENT, GObject)

VtLayerPlacement       *vt_layer_placement_new               (VtViewport            *scene);

VtViewport             *vt_layer_placement_get_scene         (VtLayerPlacement      *self);
VtViewport             *vt_layer_placement_get_viewport      (VtLayerPlacement      *self);
VtViewport             *vt_layer_placement_get_plan          (VtLayerPlacement      *self);
const graphene_point_t *vt_layer_placement_get_origin        (VtLayerPlacement      *self);

gboolean                vt_layer_placement_set_scene_plan    (VtLayerPlacement      *self,
                                                              VtViewport            *plan,
                                                              VtTileSource          *source);
gboolean                vt_layer_placement_set_rect          (VtLayerPlacement      *self,
                                                              const graphene_rect_t *rect);
gboolean                vt_layer_placement_get_rect          (VtLayerPlacement      *self,
                                                              graphene_rect_t       *rect);
gboolean                vt_layer_placement_is_placed         (VtLayerPlacement      *self);
gboolean                vt_layer_placement_set_crop          (VtLayerPlacement      *self,
                                                              const graphene_rect_t *region);
gboolean                vt_layer_placement_set_turn          (VtLayerPlacement      *self,
                                                              guint                  degrees);
guint                   vt_layer_placement_get_turn          (VtLayerPlacement      *self);

void                    vt_layer_placement_sync              (VtLayerPlacement      *self,
                                                              VtTileSource          *source);
gboolean                vt_layer_placement_in_view           (VtLayerPlacement      *self);
void                    vt_layer_placement_get_minimal_set   (VtLayerPlacement      *self,
                                                              VtTileSource          *source,
                                                              VtViewport            *viewport,
                                                              int                    scale_factor,
                                                              GArray                *keys);
void                    vt_layer_placement_get_widget_bounds (VtLayerPlacement      *self,
                                                              graphene_rect_t       *bounds);

G_END_DECLS
