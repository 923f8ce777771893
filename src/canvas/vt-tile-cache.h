/* vt-tile-cache.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

#define VT_TYPE_TILE_CACHE (vt_tile_cache_get_type ())

G_DECLARE_FINAL_TYPE (VtTileCache, vt_tile_cache, VT, TILE_CACHE, GObject)

#define VT_TILE_CACHE_DEFAULT_SIZE ((guint64) 256 * 1024 * 1024)

/* A tile key: level, column and row packed into 64 bits. */
#define VT_TILE_KEY(level, x, y) \
  ((((guint64) (level) & 0xff) << 56) | (((guint64) (x) & 0xfffffff) << 28) | ((guint64) (y) & 0xfffffff))
#define VT_TILE_KEY_LEVEL(key) ((guint) ((key) >> 56))
#define VT_TILE_KEY_X(key)     ((guint) (((key) >> 28) & 0xfffffff))
#define VT_TILE_KEY_Y(key)     ((guint) ((key) & 0xfffffff))
/* Columns and rows a key can address. */
#define VT_TILE_KEY_MAX_INDEX  0x10000000u

/**
 * VtTileCachePinFunc:
 *
 * Returns: %TRUE if the tile under @key must not be evicted now
 */
typedef gboolean (*VtTileCachePinFunc) (guint64  key,
                                        gpointer user_data);

VtTileCache *vt_tile_cache_new          (guint64             max_bytes);
void         vt_tile_cache_set_pin_func (VtTileCache        *self,
                                         VtTileCachePinFunc  func,
                                         gpointer            user_data);
guint64      vt_tile_cache_get_max_bytes (VtTileCache       *self);
void         vt_tile_cache_set_max_bytes (VtTileCache       *self,
                                          guint64            max_bytes);
guint64      vt_tile_cache_get_bytes     (VtTileCache       *self);
guint        vt_tile_cache_get_n_tiles   (VtTileCache       *self);

GdkTexture  *vt_tile_cache_lookup       (VtTileCache        *self,
                                         guint64             key);
GdkTexture  *vt_tile_cache_peek         (VtTileCache        *self,
                                         guint64             key);
void         vt_tile_cache_store        (VtTileCache        *self,
                                         guint64             key,
                                         GdkTexture         *texture);
void         vt_tile_cache_trim         (VtTileCache        *self);
void         vt_tile_cache_clear        (VtTileCache        *self);

G_END_DECLS
