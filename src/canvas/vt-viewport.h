/* vt-viewport.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VT_TYPE_VIEWPORT (vt_viewport_get_type ())

G_DECLARE_FINAL_TYPE (VtViewport, vt_viewport, VT, VIEWPORT, GObject)

/* Zoom is in widget (logical) pixels per image pixel; 1.0 is 100 %. */
#define VT_VIEWPORT_DEFAULT_MAX_ZOOM 4.0

VtViewport *vt_viewport_new             (void);
VtViewport *vt_viewport_copy            (VtViewport *self);
void        vt_viewport_set_constrained (VtViewport *self,
                                         gboolean    constrained);

void        vt_viewport_set_image_size  (VtViewport *self,
                                         double      width,
                                         double      height);
double      vt_viewport_get_image_width  (VtViewport *self);
double      vt_viewport_get_image_height (VtViewport *self);

void        vt_viewport_set_size        (VtViewport *self,
                                         double      width,
                                         double      height);
double      vt_viewport_get_width       (VtViewport *self);
double      vt_viewport_get_height      (VtViewport *self);

double      vt_viewport_get_zoom        (VtViewport *self);
void        vt_viewport_set_zoom        (VtViewport *self,
                                         double      zoom);
double      vt_viewport_get_min_zoom    (VtViewport *self);
void        vt_viewport_set_min_zoom_factor (VtViewport *self,
                                             double      factor);
double      vt_viewport_get_max_zoom    (VtViewport *self);
void        vt_viewport_set_max_zoom    (VtViewport *self,
                                         double      max_zoom);
double      vt_viewport_get_fit_zoom    (VtViewport *self);

double      vt_viewport_get_center_x    (VtViewport *self);
double      vt_viewport_get_center_y    (VtViewport *self);
void        vt_viewport_set_center      (VtViewport *self,
                                         double      x,
                                         double      y);

guint       vt_viewport_get_rotation    (VtViewport *self);
void        vt_viewport_set_rotation    (VtViewport *self,
                                         guint       degrees);
void        vt_viewport_rotate          (VtViewport *self,
                                         int         quarter_turns);

gboolean    vt_viewport_get_fitted      (VtViewport *self);
void        vt_viewport_fit             (VtViewport *self);

void        vt_viewport_zoom_at         (VtViewport *self,
                                         double      zoom,
                                         double      widget_x,
                                         double      widget_y);
void        vt_viewport_pan             (VtViewport *self,
                                         double      dx,
                                         double      dy);

void        vt_viewport_widget_to_image (VtViewport *self,
                                         double      wx,
                                         double      wy,
                                         double     *ix,
                                         double     *iy);
void        vt_viewport_image_to_widget (VtViewport *self,
                                         double      ix,
                                         double      iy,
                                         double     *wx,
                                         double     *wy);
void        vt_viewport_get_visible_rect (VtViewport *self,
                                          double     *x,
                                          double     *y,
                                          double     *width,
                                          double     *height);

G_END_DECLS
