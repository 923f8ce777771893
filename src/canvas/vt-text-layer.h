/* vt-text-layer.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_TEXT_LAYER (vt_text_layer_get_type ())

G_DECLARE_FINAL_TYPE (VtTextLayer, vt_text_layer, VT, TEXT_LAYER, GObject)

/* Text painted on a scene (IIIF cookbook 0561): laid out once in the
 * placement's own proportions and drawn scaled with the view, like an
 * image. The view uses it through vt_image_view_add_text_layer(). */
VtTextLayer *vt_text_layer_new               (VtViewport            *viewport,
                                              const graphene_rect_t *placement);

void         vt_text_layer_set_markup        (VtTextLayer           *self,
                                              const char            *markup);
const char  *vt_text_layer_get_text          (VtTextLayer           *self);
void         vt_text_layer_get_placement     (VtTextLayer           *self,
                                              graphene_rect_t       *placement);
void         vt_text_layer_set_visible       (VtTextLayer           *self,
                                              gboolean               visible);
gboolean     vt_text_layer_get_visible       (VtTextLayer           *self);
void         vt_text_layer_set_opacity       (VtTextLayer           *self,
                                              double                 opacity);
double       vt_text_layer_get_opacity       (VtTextLayer           *self);

double       vt_text_layer_get_font_size     (VtTextLayer           *self,
                                              GtkWidget             *widget);
void         vt_text_layer_get_widget_bounds (VtTextLayer           *self,
                                              graphene_rect_t       *bounds);
void         vt_text_layer_snapshot          (VtTextLayer           *self,
                                              GtkWidget             *widget,
                                              GtkSnapshot           *snapshot);

G_END_DECLS
