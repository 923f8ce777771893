/* vt-placement.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

#include "vt-viewport.h"

G_BEGIN_DECLS

/**
 * VtPlacement:
 * @rect: where the image lies, in scene coordinates
 * @cropped: whether only @crop of the source shows
 * @crop: the part of the source shown, in its full-size pixels
 * @turn: clockwise quarter turns of the (cropped) source, in degrees
 *
 * Where a tile layer's source lies in a scene: the maths between the
 * scene's viewport and the layer's own.
 */
typedef struct
{
  graphene_rect_t rect;
  gboolean cropped;
  graphene_rect_t crop;
  guint turn;
} VtPlacement;

void     vt_placement_derive_viewport    (const VtPlacement *self,
                                          double             source_width,
                                          double             source_height,
                                          VtViewport        *scene,
                                          VtViewport        *out);
gboolean vt_placement_in_view            (const VtPlacement *self,
                                          VtViewport        *scene);

G_END_DECLS
