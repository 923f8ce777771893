/* vt-iiif.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The public API of the IIIF core in one include.
 *
 * Reading: vt_iiif_document_parse() takes any IIIF JSON (Presentation 2/3
 * manifest, collection, lone canvas or sequence, annotation list, or an
 * info.json) and gives a #VtIiifDocument with a normalised #VtManifest,
 * #VtCollection or #VtImageService plus warnings; vt_image_service_parse()
 * reads an info.json directly. Errors are in %VT_IIIF_ERROR.
 *
 * Showing: labels and values are #VtLanguageMap (vt_language_map_lookup()
 * picks the user's language); values that may hold HTML go through
 * vt_html_to_markup() before a GtkLabel sees them; vt_markup_from_values()
 * adds links for bare web addresses, and vt_markup_is_openable_uri() says
 * which links may be followed. vt_manifest_dup_metadata_rows() and its
 * siblings give what a sidebar shows as label/markup pairs. Rights URIs get their human names from
 * vt_rights_describe(); vt_manifest_get_canvas_rights() and its siblings
 * say which rights hold for the page on screen.
 *
 * Tiles: vt_canvas_get_image_service() gives a #VtServiceRef;
 * vt_image_service_new_from_ref() makes a provisional service from it until
 * info.json arrives; vt_tile_pyramid_new() gives levels, tile geometry
 * (vt_tile_pyramid_get_tile()) and exact tile URLs
 * (vt_tile_pyramid_dup_tile_url()); vt_tile_pyramid_choose_level() picks
 * the level for a zoom and device scale. vt_tile_pyramid_new_static() does
 * the same for an image without a service. vt_image_service_info_url()
 * and vt_image_service_id_from_info_url() go between a service id and its
 * info.json; vt_image_service_dup_size_url(), vt_image_service_dup_fit_url()
 * and vt_service_ref_dup_fit_url() give whole-image requests.
 *
 * All model structs are immutable after parsing and reference counted
 * (thread-safe), so a document parsed in a worker thread can be handed to
 * the main thread. */
#include "vt-annotation.h"
#include "vt-annotation-body.h"
#include "vt-annotation-page.h"
#include "vt-annotation-target.h"
#include "vt-book-layout.h"
#include "vt-canvas.h"
#include "vt-collection.h"
#include "vt-content-state.h"
#include "vt-credit.h"
#include "vt-html.h"
#include "vt-iiif-document.h"
#include "vt-iiif-error.h"
#include "vt-iiif-types.h"
#include "vt-image-service.h"
#include "vt-image-url.h"
#include "vt-language-map.h"
#include "vt-manifest.h"
#include "vt-manifest-rows.h"
#include "vt-markup.h"
#include "vt-nav-place.h"
#include "vt-physdim.h"
#include "vt-range.h"
#include "vt-resource.h"
#include "vt-rights.h"
#include "vt-selector.h"
#include "vt-svg-shape.h"
#include "vt-tile-pyramid.h"
#include "vt-webvtt.h"
