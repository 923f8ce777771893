/* vt-image-view-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-image-view.h"
#include "vt-tile-cache.h"

G_BEGIN_DECLS

/* Introspection for the tests and the benchmark: which tiles were asked
 * for and which were cancelled, in order (VT_TILE_KEY values). */
GArray      *vt_image_view_get_request_log  (VtImageView *self);
GArray      *vt_image_view_get_cancel_log   (VtImageView *self);
void         vt_image_view_reset_logs       (VtImageView *self);
guint        vt_image_view_get_level        (VtImageView *self);
guint        vt_image_view_get_n_loading    (VtImageView *self);
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
