/* vt-pyramid-cache.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VT_TYPE_PYRAMID_CACHE (vt_pyramid_cache_get_type ())

G_DECLARE_FINAL_TYPE (VtPyramidCache, vt_pyramid_cache, VT, PYRAMID_CACHE, GObject)

/* What the cached pyramids of large local images may take on disk. */
#define VT_PYRAMID_CACHE_DEFAULT_MAX_BYTES ((guint64) 1024 * 1024 * 1024)
/* Images of at least this many pixels that are not pyramidal already get
 * a cached pyramid; smaller ones are resized on the fly. */
#define VT_PYRAMID_CACHE_DEFAULT_MIN_PIXELS ((guint64) 4096 * 4096)

VtPyramidCache *vt_pyramid_cache_get_default    (void);
VtPyramidCache *vt_pyramid_cache_new            (const char      *directory);

const char     *vt_pyramid_cache_get_directory  (VtPyramidCache  *self);
guint64         vt_pyramid_cache_get_max_bytes  (VtPyramidCache  *self);
void            vt_pyramid_cache_set_max_bytes  (VtPyramidCache  *self,
                                                 guint64          max_bytes);
guint64         vt_pyramid_cache_get_min_pixels (VtPyramidCache  *self);
void            vt_pyramid_cache_set_min_pixels (VtPyramidCache  *self,
                                                 guint64          min_pixels);
guint           vt_pyramid_cache_get_n_builds   (VtPyramidCache  *self);

char           *vt_pyramid_cache_get_path       (VtPyramidCache  *self,
                                                 const char      *source_path);
char           *vt_pyramid_cache_lookup         (VtPyramidCache  *self,
                                                 const char      *source_path);
void            vt_pyramid_cache_discard        (VtPyramidCache  *self,
                                                 const char      *source_path);
void            vt_pyramid_cache_evict          (VtPyramidCache  *self,
                                                 const char      *keep);

G_END_DECLS
