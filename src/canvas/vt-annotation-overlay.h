/* vt-annotation-overlay.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-annotation-target.h"
#include "iiif/vt-svg-shape.h"

#include "vt-image-view.h"

G_BEGIN_DECLS

#define VT_TYPE_ANNOTATION_OVERLAY (vt_annotation_overlay_get_type ())

G_DECLARE_FINAL_TYPE (VtAnnotationOverlay, vt_annotation_overlay, VT, ANNOTATION_OVERLAY, GtkWidget)

GtkWidget   *vt_annotation_overlay_new          (void);
void         vt_annotation_overlay_set_view     (VtAnnotationOverlay      *self,
                                                 VtImageView              *view);
VtImageView *vt_annotation_overlay_get_view     (VtAnnotationOverlay      *self);

void         vt_annotation_overlay_clear        (VtAnnotationOverlay      *self);
int          vt_annotation_overlay_add_target   (VtAnnotationOverlay      *self,
                                                 const VtAnnotationTarget *target,
                                                 gint64                    canvas_width,
                                                 gint64                    canvas_height);
guint        vt_annotation_overlay_get_n_items  (VtAnnotationOverlay      *self);
gboolean     vt_annotation_overlay_get_bounds   (VtAnnotationOverlay      *self,
                                                 int                       item,
                                                 graphene_rect_t          *out_bounds);
gboolean     vt_annotation_overlay_get_view_bounds (VtAnnotationOverlay *self,
                                                    int                  item,
                                                    graphene_rect_t     *out_bounds);
void         vt_annotation_overlay_set_item_hidden (VtAnnotationOverlay *self,
                                                    int                  item,
                                                    gboolean             hidden);
gboolean     vt_annotation_overlay_get_item_hidden (VtAnnotationOverlay *self,
                                                    int                  item);
int          vt_annotation_overlay_pick         (VtAnnotationOverlay      *self,
                                                 double                    widget_x,
                                                 double                    widget_y);

int          vt_annotation_overlay_get_selected (VtAnnotationOverlay      *self);
void         vt_annotation_overlay_set_selected (VtAnnotationOverlay      *self,
                                                 int                       item);
int          vt_annotation_overlay_get_highlighted (VtAnnotationOverlay   *self);
void         vt_annotation_overlay_set_highlighted (VtAnnotationOverlay   *self,
                                                    int                    item);

G_END_DECLS
