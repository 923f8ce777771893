/* vt-tile-painter.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-tile-cache.h"
#include "vt-tile-loader.h"
#include "vt-tile-magnifier.h"
#include "vt-tile-source.h"
#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_TILE_PAINTER (vt_tile_painter_get_type ())

G_DECLARE_FINAL_TYPE (VtTilePainter, vt_tile_painter, VT, TILE_PAINTER, GObject)

VtTilePainter *vt_tile_painter_new      (VtTileCache     *cache,
                                         VtTileLoader    *loader,
                                         VtTileMagnifier *magnifier);
void           vt_tile_painter_snapshot (VtTilePainter   *self,
                                         GtkSnapshot     *snapshot,
                                         VtTileSource    *source,
                                         VtViewport      *viewport,
                                         int              scale_factor);

G_END_DECLS
