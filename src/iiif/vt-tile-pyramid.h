/* vt-tile-pyramid.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-image-service.h"

G_BEGIN_DECLS

/**
 * VtTileLevel:
 * @scale: full-image pixels per level pixel (the scale factor; may be
 *   fractional for levels taken from `sizes`); >= 1
 * @width: level width in pixels = ceil (full width / scale)
 * @height: level height in pixels
 * @tile_width: tile width in level pixels (= @width for a single-image level)
 * @tile_height: tile height in level pixels
 * @columns: number of tile columns
 * @rows: number of tile rows
 * @single_image: %TRUE when the level is one request for the whole image
 *   (level 0 `sizes`, no tiles at all, a static image)
 *
 * One resolution level of a pyramid.
 */
typedef struct
{
  double   scale;
  gint64   width;
  gint64   height;
  guint    tile_width;
  guint    tile_height;
  guint    columns;
  guint    rows;
  gboolean single_image;
} VtTileLevel;

/**
 * VtTile:
 * @region: the area of the full image the tile covers (full-image pixels)
 * @width: pixel width of the tile as returned by the server
 * @height: pixel height
 *
 * Geometry of one tile, for placing it.
 */
typedef struct
{
  VtRect region;
  gint64 width;
  gint64 height;
} VtTile;

/**
 * VtTilePyramid:
 *
 * The levels of an image and the exact URL of each tile. Levels are
 * ordered from the most detailed (index 0, smallest scale) to the coarsest.
 * Immutable; reference counted.
 */
typedef struct _VtTilePyramid VtTilePyramid;

#define VT_TYPE_TILE_PYRAMID (vt_tile_pyramid_get_type ())

GType              vt_tile_pyramid_get_type      (void) G_GNUC_CONST;
VtTilePyramid     *vt_tile_pyramid_new           (VtImageService *service);
VtTilePyramid     *vt_tile_pyramid_new_static    (const char     *image_url,
                                                  gint64          width,
                                                  gint64          height);
VtTilePyramid     *vt_tile_pyramid_ref           (VtTilePyramid  *self);
void               vt_tile_pyramid_unref         (VtTilePyramid  *self);
VtImageService    *vt_tile_pyramid_get_service   (const VtTilePyramid *self);
gint64             vt_tile_pyramid_get_width     (const VtTilePyramid *self);
gint64             vt_tile_pyramid_get_height    (const VtTilePyramid *self);
guint              vt_tile_pyramid_get_n_levels  (const VtTilePyramid *self);
const VtTileLevel *vt_tile_pyramid_get_level     (const VtTilePyramid *self,
                                                  guint                level);
gboolean           vt_tile_pyramid_get_tile      (const VtTilePyramid *self,
                                                  guint                level,
                                                  guint                x,
                                                  guint                y,
                                                  VtTile              *out_tile);
char              *vt_tile_pyramid_dup_tile_url  (const VtTilePyramid *self,
                                                  guint                level,
                                                  guint                x,
                                                  guint                y);
guint              vt_tile_pyramid_choose_level  (const VtTilePyramid *self,
                                                  double               zoom,
                                                  double               device_scale);
char              *vt_tile_pyramid_dup_overview_url (const VtTilePyramid *self,
                                                     gint64               max_side,
                                                     gint64              *width,
                                                     gint64              *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTilePyramid, vt_tile_pyramid_unref)

G_END_DECLS
