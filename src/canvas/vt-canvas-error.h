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
 * @VT_CANVAS_ERROR_NOT_PUBLIC: the image server refused access (HTTP 403):
 *   the image exists but is not public
 * @VT_CANVAS_ERROR_AUTH_REQUIRED: the image server wants a login (HTTP 401)
 * @VT_CANVAS_ERROR_NOT_FOUND: there is no image at the address (404, 410)
 * @VT_CANVAS_ERROR_UNREACHABLE: the image server could not be reached
 *   (offline, refused, unknown name, untrusted certificate, connection lost)
 * @VT_CANVAS_ERROR_TIMEOUT: the image server did not answer in time
 * @VT_CANVAS_ERROR_SERVER: the image server failed (5xx, too many requests)
 * @VT_CANVAS_ERROR_BAD_RESPONSE: the answer is not what was asked for: not
 *   an image, not a valid info.json, or too large a body
 *
 * Errors of the canvas: getting, decoding and drawing tiles. Each is a
 * reason the window can show; the message is a sentence for the user.
 * Tile fetchers (VtTileFetcher) fail with these, so that nothing in the
 * canvas needs to know the network layer's errors.
 */
typedef enum
{
  VT_CANVAS_ERROR_DECODE,
  VT_CANVAS_ERROR_WRONG_SIZE,
  VT_CANVAS_ERROR_TOO_LARGE,
  VT_CANVAS_ERROR_NO_IMAGE,
  VT_CANVAS_ERROR_NOT_PUBLIC,
  VT_CANVAS_ERROR_AUTH_REQUIRED,
  VT_CANVAS_ERROR_NOT_FOUND,
  VT_CANVAS_ERROR_UNREACHABLE,
  VT_CANVAS_ERROR_TIMEOUT,
  VT_CANVAS_ERROR_SERVER,
  VT_CANVAS_ERROR_BAD_RESPONSE,
} VtCanvasError;

GQuark vt_canvas_error_quark (void);

G_END_DECLS
