/* vt-page-layer.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

#include "canvas/vt-text-layer.h"
#include "canvas/vt-tile-layer.h"
#include "canvas/vt-tile-source.h"
#include "iiif/vt-canvas.h"

#include "vt-session.h"

G_BEGIN_DECLS

#define VT_TYPE_PAGE_LAYER (vt_page_layer_get_type ())

G_DECLARE_FINAL_TYPE (VtPageLayer, vt_page_layer, VT, PAGE_LAYER, GObject)

VtPageLayer       *vt_page_layer_new           (VtPaintingAnnotation  *annotation,
                                                guint                  body_index,
                                                guint                  group,
                                                const graphene_rect_t *placement);
void               vt_page_layer_load          (VtPageLayer           *self,
                                                VtSession             *session,
                                                gboolean               prefetch,
                                                GCancellable          *cancellable);

void               vt_page_layer_bind          (VtPageLayer           *self,
                                                VtTileLayer           *layer);
void               vt_page_layer_bind_text     (VtPageLayer           *self,
                                                VtTextLayer           *text);

VtContentResource *vt_page_layer_get_body      (VtPageLayer           *self);
guint              vt_page_layer_get_group     (VtPageLayer           *self);
gboolean           vt_page_layer_is_choice     (VtPageLayer           *self);
gboolean           vt_page_layer_is_text       (VtPageLayer           *self);
const char        *vt_page_layer_get_language  (VtPageLayer           *self);
char              *vt_page_layer_dup_markup    (VtPageLayer           *self);
char              *vt_page_layer_dup_label     (VtPageLayer           *self);
void               vt_page_layer_get_placement (VtPageLayer           *self,
                                                graphene_rect_t       *placement);
gboolean           vt_page_layer_get_crop      (VtPageLayer           *self,
                                                graphene_rect_t       *crop);
guint              vt_page_layer_get_turn      (VtPageLayer           *self);
gboolean           vt_page_layer_get_server_side (VtPageLayer         *self);

VtTileSource      *vt_page_layer_get_source    (VtPageLayer           *self);
const GError      *vt_page_layer_get_error     (VtPageLayer           *self);
gboolean           vt_page_layer_get_visible   (VtPageLayer           *self);
void               vt_page_layer_set_visible   (VtPageLayer           *self,
                                                gboolean               visible);
gboolean           vt_page_layer_get_time_range (VtPageLayer         *self,
                                                 double              *start,
                                                 double              *end);
void               vt_page_layer_set_time      (VtPageLayer           *self,
                                                double                 seconds);
double             vt_page_layer_get_opacity   (VtPageLayer           *self);
void               vt_page_layer_set_opacity   (VtPageLayer           *self,
                                                double                 opacity);

G_END_DECLS
