/* vt-tile-grid.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

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
 * @placeholder: the coarse tiles drawn underneath while others load
 * @has_detail: whether there is a finer level to load
 * @detail: the tiles of the level a sharp view draws
 *
 * The tiles a view of a source needs.
 */
typedef struct
{
  gboolean    has_placeholder;
  gboolean    placeholder_whole;
  VtTileRange placeholder;
  gboolean    has_detail;
  VtTileRange detail;
} VtTilePlan;

/* A placeholder level of at most this many tiles is loaded whole. */
#define VT_TILE_GRID_MAX_PLACEHOLDER_TILES 16

guint64  vt_tile_range_count           (const VtTileRange *range);
gboolean vt_tile_range_contains        (const VtTileRange *range,
                                        guint64            key);
void     vt_tile_range_append_keys     (const VtTileRange *range,
                                        GArray            *keys);

gboolean vt_tile_grid_get_range        (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        guint              level,
                                        guint              margin,
                                        VtTileRange       *range);
guint    vt_tile_grid_choose_level     (VtTileSource      *source,
                                        VtViewport        *viewport,
                                        int                scale_factor);
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
