/* vt-scene.h
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

#define VT_TYPE_SCENE (vt_scene_get_type ())

G_DECLARE_FINAL_TYPE (VtScene, vt_scene, VT, SCENE, GObject)

/* The placed layers of a VtImageView, bottom first; the view uses it
 * through vt_image_view_add_layer() and friends. */
VtScene     *vt_scene_new             (VtViewport            *viewport);

VtTileLayer *vt_scene_add             (VtScene               *self,
                                       VtTileSource          *source,
                                       const graphene_rect_t *placement);
void         vt_scene_remove          (VtScene               *self,
                                       VtTileLayer           *layer);
void         vt_scene_clear           (VtScene               *self);
VtTextLayer *vt_scene_add_text        (VtScene               *self,
                                       const graphene_rect_t *placement);
void         vt_scene_set_sheet       (VtScene               *self,
                                       gboolean               sheet);
guint        vt_scene_get_n_texts     (VtScene               *self);
VtTextLayer *vt_scene_get_text        (VtScene               *self,
                                       guint                  position);
guint        vt_scene_get_n_layers    (VtScene               *self);
VtTileLayer *vt_scene_get_layer       (VtScene               *self,
                                       guint                  position);

void         vt_scene_set_plan        (VtScene               *self,
                                       VtViewport            *plan);
void         vt_scene_set_deferring   (VtScene               *self,
                                       gboolean               deferring);
void         vt_scene_set_scale_factor (VtScene              *self,
                                        int                   scale_factor);
void         vt_scene_set_cache_size  (VtScene               *self,
                                       guint64                max_bytes);
void         vt_scene_queue_update    (VtScene               *self);
void         vt_scene_update_now      (VtScene               *self);

void         vt_scene_get_progress    (VtScene               *self,
                                       guint                 *visible,
                                       guint                 *loaded,
                                       gboolean              *sharp);
double       vt_scene_get_max_detail  (VtScene               *self);
void         vt_scene_snapshot        (VtScene               *self,
                                       GtkWidget             *widget,
                                       GtkSnapshot           *snapshot);

G_END_DECLS
