/* vt-export-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_EXPORT_ERROR (vt_export_error_quark ())

/**
 * VtExportError:
 * @VT_EXPORT_ERROR_INVALID: the region or size does not fit the image
 * @VT_EXPORT_ERROR_LIMITED: the server's `maxWidth`, `maxHeight` or
 *   `maxArea` (or its levels) make the size asked for impossible; the
 *   message names the largest size that is possible
 * @VT_EXPORT_ERROR_TOO_LARGE: the format cannot hold an image this large
 *   (JPEG: 65,535 px a side); TIFF can
 * @VT_EXPORT_ERROR_NO_IMAGE: there is nothing to export (no image service,
 *   no image)
 * @VT_EXPORT_ERROR_WRITE: the file could not be written
 *
 * Errors of the exporter itself. Fetching and decoding fail with the
 * network layer's and the decoder's own errors.
 */
typedef enum
{
  VT_EXPORT_ERROR_INVALID,
  VT_EXPORT_ERROR_LIMITED,
  VT_EXPORT_ERROR_TOO_LARGE,
  VT_EXPORT_ERROR_NO_IMAGE,
  VT_EXPORT_ERROR_WRITE,
} VtExportError;

GQuark vt_export_error_quark (void);

G_END_DECLS
