/* vt-catalogue-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_CATALOGUE_ERROR (vt_catalogue_error_quark ())

/**
 * VtCatalogueError:
 * @VT_CATALOGUE_ERROR_CORRUPT: the database file is damaged or not a
 *   catalogue; vt_catalogue_rebuild() makes a new one
 * @VT_CATALOGUE_ERROR_IO: the database could not be read or written
 * @VT_CATALOGUE_ERROR_BAD_PAGE: a stream page is not the JSON-LD it should be
 *   (truncated, malformed, not a TREE node)
 * @VT_CATALOGUE_ERROR_LOOP: the stream's relations lead back to a page
 *   already visited in this harvest
 * @VT_CATALOGUE_ERROR_NOT_FOUND: the catalogue does not know the object
 * @VT_CATALOGUE_ERROR_UNSAFE_REDIRECT: a page redirected to something that
 *   is not http or https (e.g. file://)
 * @VT_CATALOGUE_ERROR_TOO_LARGE: a page is over the size cap
 */
typedef enum
{
  VT_CATALOGUE_ERROR_CORRUPT,
  VT_CATALOGUE_ERROR_IO,
  VT_CATALOGUE_ERROR_BAD_PAGE,
  VT_CATALOGUE_ERROR_LOOP,
  VT_CATALOGUE_ERROR_NOT_FOUND,
  VT_CATALOGUE_ERROR_UNSAFE_REDIRECT,
  VT_CATALOGUE_ERROR_TOO_LARGE,
} VtCatalogueError;

GQuark vt_catalogue_error_quark (void);

G_END_DECLS
