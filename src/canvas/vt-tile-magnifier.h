/* vt-tile-magnifier.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-tile-cache.h"
#include "vt-tile-grid.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_TILE_MAGNIFIER (vt_tile_magnifier_get_type ())

G_DECLARE_FINAL_TYPE (VtTileMagnifier, vt_tile_magnifier, VT, TILE_MAGNIFIER, GObject)

/* From this magnification of a texture (its pixels per widget pixel, so
 * 200 % of the full image), it is drawn nearest-neighbour, as Loupe does:
 * a curator sees single pixels as blocks, not blurs. */
#define VT_TILE_MAGNIFIER_MIN_ZOOM   2.0
/* Textures are magnified in chunks of at most this many pixels a side, by
 * a whole factor of at most VT_TILE_MAGNIFIER_MAX_FACTOR (2048 px, 16 MiB). */
#define VT_TILE_MAGNIFIER_CHUNK      256
#define VT_TILE_MAGNIFIER_MAX_FACTOR 8
/* Cache keys of magnified chunks have this bit in their level. */
#define VT_TILE_MAGNIFIER_KEY_FLAG   0x80

VtTileMagnifier *vt_tile_magnifier_new           (VtTileCache           *cache);

guint            vt_tile_magnifier_get_factor    (VtTileMagnifier       *self,
                                                  VtTileSource          *source,
                                                  VtViewport            *viewport,
                                                  int                    scale_factor);
void             vt_tile_magnifier_update        (VtTileMagnifier       *self,
                                                  VtTileSource          *source,
                                                  VtViewport            *viewport,
                                                  int                    scale_factor,
                                                  const VtTilePlan      *plan);
void             vt_tile_magnifier_cancel_all    (VtTileMagnifier       *self);
guint            vt_tile_magnifier_get_n_loading (VtTileMagnifier       *self);

void             vt_tile_magnifier_append_tile   (VtTileMagnifier       *self,
                                                  GtkSnapshot           *snapshot,
                                                  VtTileSource          *source,
                                                  guint64                key,
                                                  GdkTexture            *texture,
                                                  const graphene_rect_t *rect,
                                                  guint                  factor,
                                                  int                    snap_scale);

G_END_DECLS
