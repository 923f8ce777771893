/* vt-local-source.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-tile-source.h"

G_BEGIN_DECLS

#define VT_TYPE_LOCAL_SOURCE (vt_local_source_get_type ())

G_DECLARE_FINAL_TYPE (VtLocalSource, vt_local_source, VT, LOCAL_SOURCE, VtTileSource)

#define VT_LOCAL_SOURCE_TILE_SIZE 256

VtLocalSource *vt_local_source_new (const char  *path,
                                    GError     **error);

G_END_DECLS
