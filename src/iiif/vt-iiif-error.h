/* vt-iiif-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_IIIF_ERROR (vt_iiif_error_quark ())

/**
 * VtIiifError:
 * @VT_IIIF_ERROR_NOT_JSON: the document is not JSON
 * @VT_IIIF_ERROR_NOT_IIIF: JSON, but not a IIIF document of a kind we read
 *   (no or unknown context and no recognisable type, a nonsense type)
 * @VT_IIIF_ERROR_UNSUPPORTED_VERSION: a IIIF version we do not read
 *   (Presentation 1, Presentation 4 drafts, Image API 4)
 * @VT_IIIF_ERROR_MISSING_FIELD: a field without which the document means
 *   nothing (an info.json without width/height, a manifest without canvases)
 * @VT_IIIF_ERROR_TOO_LARGE: a size or count beyond our limits (document
 *   bytes, number of canvases or ranges, image dimensions)
 * @VT_IIIF_ERROR_TOO_DEEP: JSON nesting beyond our limits, found before the
 *   JSON parser runs so deep input cannot exhaust the stack
 * @VT_IIIF_ERROR_INVALID_VALUE: a field holds a value of the wrong type or
 *   out of range
 * @VT_IIIF_ERROR_INVALID_UTF8: the document is not valid UTF-8 (for example
 *   cp1252 text served as JSON)
 *
 * Errors of the IIIF core: parsing and normalising IIIF documents.
 * New codes are only ever appended.
 */
typedef enum
{
  VT_IIIF_ERROR_NOT_JSON,
  VT_IIIF_ERROR_NOT_IIIF,
  VT_IIIF_ERROR_UNSUPPORTED_VERSION,
  VT_IIIF_ERROR_MISSING_FIELD,
  VT_IIIF_ERROR_TOO_LARGE,
  VT_IIIF_ERROR_TOO_DEEP,
  VT_IIIF_ERROR_INVALID_VALUE,
  VT_IIIF_ERROR_INVALID_UTF8,
} VtIiifError;

GQuark vt_iiif_error_quark (void);

G_END_DECLS
