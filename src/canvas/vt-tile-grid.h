/* vt-tile-grid.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

#include "vt-tile-cache.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

/**
 * VtTileRange:
 * @level: the level
 * @x0: first column
 * @y0: first row
 * @x1: one past the last column
 * @y1: one past the last row
 *
 * A rectangle of tiles of one level.
 */
typedef struct
{
  guint level;
  guint x0, y0, x1, y1;
} VtTileRange;

/**
 * VtTilePlan:
 * @has_placeholder: whether there is a placeholder to load
 * @placeholder_whole: whether @placeholder is its whole level
 * @placeholder_too_large: no placeholder, because even the coarsest level
 *   has more tiles in view than a view can show
 * @placeholder: the coarse tiles drawn underneath while others load
 * @has_detail: whether there is a level to draw on top
 * @detail: the tiles of that level in view (it may be the placeholder's)
 *
 * The tiles a view of a source needs; never more than a view can show.
 */
typedef struct
{
  gboolean    has_placeholder;
  gboolean    placeholder_whole;
  gboolean    placeholder_too_large;
  VtTileRange placeholder;
  gboolean    has_detail;
  VtTileRange detail;
} VtTilePlan;

/* A placeholder level of at most this many tiles is loaded whole. */
#define VT_TILE_GRID_MAX_PLACEHOLDER_TILES 16
/* No level is ever listed or drawn with more tiles than this in view
 * (a 4K screen at 2× minification of 256 px tiles needs about 700). */
#define VT_TILE_GRID_MAX_TILES 4096

guint64  vt_tile_range_count           (const VtTileRange *range);
gboolean vt_tile_range_contains        (const VtTileRange *range,
                                        guint64            key);
void     vt_tile_range_append_keys     (const VtTileRange *range,
                                        GArray            *keys);
guint    vt_tile_range_count_cached    (const VtTileRange *range,
                                        VtTileCache       *cache,
                                        GHashTable        *failed,
                                        guint             *n_cached,
                                        guint             *n_failed);

gboolean vt_tile_grid_get_range        (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        guint              level,
                                        guint              margin,
                                        VtTileRange       *range);
guint    vt_tile_grid_choose_level     (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor);
guint64  vt_tile_grid_get_budget       (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor,
                                        guint              level);
void     vt_tile_grid_plan             (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor,
                                        guint              margin,
                                        VtTilePlan        *plan);
gboolean vt_tile_plan_contains         (const VtTilePlan  *plan,
                                        guint64            key);
void     vt_tile_plan_append_keys      (const VtTilePlan  *plan,
                                        VtTileSource      *source,
                                        VtViewport        *viewport,
                                        GArray            *keys);
void     vt_tile_grid_get_minimal_set  (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor,
                                        GArray            *keys);
int      vt_tile_grid_get_priority     (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        guint64            key);
gboolean vt_tile_grid_get_tile_bounds  (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor,
                                        guint64            key,
                                        graphene_rect_t   *bounds);
void     vt_tile_grid_get_image_bounds (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor,
                                        graphene_rect_t   *bounds);

G_END_DECLS
