/* vt-local-source.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-tile-source.h"

G_BEGIN_DECLS

/**
 * VtLocalSourceStage:
 * @VT_LOCAL_SOURCE_STAGE_HEADER: only the header is read; tiles of the
 *   reduced levels wait
 * @VT_LOCAL_SOURCE_STAGE_PREVIEW: a preview serves the coarse levels while
 *   the pyramid is built
 * @VT_LOCAL_SOURCE_STAGE_COMPLETE: every level can be served
 *
 * How far a local image is ready. A pyramidal file, a small image or one
 * whose pyramid is cached is complete at once.
 */
typedef enum
{
  VT_LOCAL_SOURCE_STAGE_HEADER,
  VT_LOCAL_SOURCE_STAGE_PREVIEW,
  VT_LOCAL_SOURCE_STAGE_COMPLETE,
} VtLocalSourceStage;

#define VT_TYPE_LOCAL_SOURCE_STAGE (vt_local_source_stage_get_type ())
GType vt_local_source_stage_get_type (void) G_GNUC_CONST;

#define VT_TYPE_LOCAL_SOURCE (vt_local_source_get_type ())

G_DECLARE_FINAL_TYPE (VtLocalSource, vt_local_source, VT, LOCAL_SOURCE, VtTileSource)

#define VT_LOCAL_SOURCE_TILE_SIZE 256
/* The preview is the largest level whose sides are at most this: what a
 * view at fit shows in a window of about 1280 px, and quick to make (a
 * larger one costs libvips twice the time for a strip TIFF). */
#define VT_LOCAL_SOURCE_PREVIEW_SIZE 1280

VtLocalSource      *vt_local_source_new              (const char    *path,
                                                      GError       **error);
VtLocalSourceStage  vt_local_source_get_stage        (VtLocalSource *self);
const char         *vt_local_source_get_pyramid_path (VtLocalSource *self);

/* For tests: while closed, pyramid builds wait after their preview. */
void                vt_local_source_set_build_gate   (gboolean       closed);

G_END_DECLS
