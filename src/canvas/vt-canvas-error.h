/* vt-canvas-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_CANVAS_ERROR (vt_canvas_error_quark ())

/**
 * VtCanvasError:
 * @VT_CANVAS_ERROR_DECODE: the tile bytes are not an image libvips can read
 * @VT_CANVAS_ERROR_WRONG_SIZE: the tile's dimensions are far from what was asked
 * @VT_CANVAS_ERROR_TOO_LARGE: the image is beyond what we decode
 * @VT_CANVAS_ERROR_NO_IMAGE: the canvas has nothing to draw
 *
 * Errors of the canvas: decoding and drawing tiles.
 */
typedef enum
{
  VT_CANVAS_ERROR_DECODE,
  VT_CANVAS_ERROR_WRONG_SIZE,
  VT_CANVAS_ERROR_TOO_LARGE,
  VT_CANVAS_ERROR_NO_IMAGE,
} VtCanvasError;

GQuark vt_canvas_error_quark (void);

G_END_DECLS
