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
 * @VT_IIIF_ERROR_NOT_JSON: the document is not JSON (or not UTF-8)
 * @VT_IIIF_ERROR_NOT_IIIF: JSON, but not a IIIF document of a kind we read
 * @VT_IIIF_ERROR_UNSUPPORTED_VERSION: a IIIF version we do not read (Presentation 1, 4 drafts)
 * @VT_IIIF_ERROR_MISSING_FIELD: a field without which the document means nothing
 * @VT_IIIF_ERROR_TOO_LARGE: a size or count beyond our limits
 * @VT_IIIF_ERROR_TOO_DEEP: nesting beyond our limits
 * @VT_IIIF_ERROR_INVALID_VALUE: a field holds a value of the wrong type or range
 *
 * Errors of the IIIF core: parsing and normalising IIIF documents.
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
} VtIiifError;

GQuark vt_iiif_error_quark (void);

G_END_DECLS
