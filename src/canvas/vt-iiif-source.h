/* vt-iiif-source.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iiif/vt-tile-pyramid.h"
#include "vt-tile-fetcher.h"
#include "vt-tile-source.h"

G_BEGIN_DECLS

#define VT_TYPE_IIIF_SOURCE (vt_iiif_source_get_type ())

G_DECLARE_FINAL_TYPE (VtIiifSource, vt_iiif_source, VT, IIIF_SOURCE, VtTileSource)

VtIiifSource  *vt_iiif_source_new              (VtTileFetcher *fetcher,
                                                VtTilePyramid *pyramid);
VtIiifSource  *vt_iiif_source_new_with_placeholder (VtTileFetcher *fetcher,
                                                    VtTilePyramid *pyramid,
                                                    const char    *placeholder_url,
                                                    gint64         width,
                                                    gint64         height);
VtIiifSource  *vt_iiif_source_new_static       (VtTileFetcher *fetcher,
                                                const char    *image_url,
                                                gint64         width,
                                                gint64         height);

VtTilePyramid *vt_iiif_source_get_pyramid      (VtIiifSource  *self);
guint64        vt_iiif_source_get_bytes_loaded (VtIiifSource  *self);
char          *vt_iiif_source_dup_tile_url     (VtIiifSource  *self,
                                                guint          level,
                                                guint          x,
                                                guint          y);

G_END_DECLS
