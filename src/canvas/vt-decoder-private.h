/* vt-decoder-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* libvips stays inside src/canvas: only the canvas' own sources (and its
 * tests) include this header, so nothing above the canvas sees a libvips
 * type or needs libvips' include flags. */

#include <vips/vips.h>

#include "vt-decode-gate.h"
#include "vt-decoder.h"
#include "vt-pyramid-cache.h"

G_BEGIN_DECLS

GdkTexture *vt_texture_new_from_vips  (VipsImage  *image,
                                       GError    **error);
VipsImage  *vt_vips_to_display        (VipsImage  *image,
                                       GError    **error);

/* In vt-pyramid-cache.c: libvips types stay out of its public header. */
char       *vt_pyramid_cache_build    (VtPyramidCache  *self,
                                       const char      *source_path,
                                       VipsImage       *half,
                                       GCancellable    *cancellable,
                                       GError         **error);

G_END_DECLS
