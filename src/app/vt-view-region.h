/* vt-view-region.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"

#include "vt-page.h"

G_BEGIN_DECLS

gboolean vt_view_region_get_visible (VtImageView *view,
                                     VtPage      *page,
                                     double      *x,
                                     double      *y,
                                     double      *width,
                                     double      *height);
gboolean vt_view_region_show        (VtImageView *view,
                                     VtPage      *page,
                                     double       x,
                                     double       y,
                                     double       width,
                                     double       height,
                                     gboolean     percent);
double   vt_view_region_get_pixel_scale (VtImageView *view,
                                         VtPage      *page);
gboolean vt_view_region_show_placed (VtImageView           *view,
                                     VtPage                *page,
                                     const graphene_rect_t *placement,
                                     double                 x,
                                     double                 y,
                                     double                 width,
                                     double                 height,
                                     gboolean               percent);

G_END_DECLS
