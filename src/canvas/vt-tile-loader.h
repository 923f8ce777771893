/* vt-tile-loader.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-tile-cache.h"
#include "vt-tile-grid.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

/**
 * VtTileDebugEvent:
 * @VT_TILE_DEBUG_REQUEST: a tile was asked of the source
 * @VT_TILE_DEBUG_CANCEL: a tile under way was cancelled
 * @VT_TILE_DEBUG_PREFETCH: a tile not in view was asked of the source at
 *   prefetch priority (counted apart from requests)
 *
 * What the debug hook is told about.
 */
typedef enum
{
  VT_TILE_DEBUG_REQUEST,
  VT_TILE_DEBUG_CANCEL,
  VT_TILE_DEBUG_PREFETCH,
} VtTileDebugEvent;

/**
 * VtTileLoaderEventFunc:
 * @key: the tile (a VT_TILE_KEY value)
 *
 * Told of each request, prefetch and cancellation, in order.
 */
typedef void (*VtTileLoaderEventFunc) (VtTileDebugEvent  event,
                                       guint64           key,
                                       gpointer          user_data);

#define VT_TYPE_TILE_LOADER (vt_tile_loader_get_type ())

G_DECLARE_FINAL_TYPE (VtTileLoader, vt_tile_loader, VT, TILE_LOADER, GObject)

VtTileLoader *vt_tile_loader_new              (GObject               *owner,
                                               VtTileCache           *cache);
void          vt_tile_loader_set_source       (VtTileLoader          *self,
                                               VtTileSource          *source);
void          vt_tile_loader_set_event_func   (VtTileLoader          *self,
                                               VtTileLoaderEventFunc  func,
                                               gpointer               user_data);

void          vt_tile_loader_request          (VtTileLoader          *self,
                                               VtViewport            *viewport,
                                               GArray                *keys);
void          vt_tile_loader_prefetch         (VtTileLoader          *self,
                                               VtViewport            *viewport,
                                               int                    scale_factor,
                                               const VtTilePlan      *pinned);
void          vt_tile_loader_cancel_outside   (VtTileLoader          *self,
                                               const VtTilePlan      *keep);
void          vt_tile_loader_cancel_all       (VtTileLoader          *self);

gboolean      vt_tile_loader_has_failed       (VtTileLoader          *self,
                                               guint64                key);
GHashTable   *vt_tile_loader_get_failed       (VtTileLoader          *self);
guint         vt_tile_loader_get_n_loading    (VtTileLoader          *self);
guint         vt_tile_loader_get_n_prefetched (VtTileLoader          *self);

G_END_DECLS
