/* vt-manifest.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-canvas.h"
#include "vt-iiif-types.h"
#include "vt-language-map.h"
#include "vt-range.h"
#include "vt-resource.h"

G_BEGIN_DECLS

/**
 * VtManifest:
 * @version: Presentation version it was read from
 * @id: manifest id, or %NULL
 * @label: (nullable): label
 * @summary: (nullable): v3 summary / v2 description (may hold HTML)
 * @metadata: (element-type VtMetadataEntry): metadata pairs in order
 * @required_statement: (nullable): v3 requiredStatement, or the v2
 *   attribution (label %NULL); the manifest's own, see
 *   vt_manifest_get_canvas_required_statement() for what holds for a page
 * @rights: v3 rights / first v2 license, or %NULL; the manifest's own, see
 *   vt_manifest_get_canvas_rights()
 * @provider: (element-type VtAgent): v3 providers; a v2 `logo` becomes an
 *   agent with only a logo
 * @homepage: (element-type VtResource): v3 homepage / v2 related
 * @rendering: (element-type VtResource): alternative renderings
 * @see_also: (element-type VtResource): machine-readable descriptions
 * @part_of: (element-type VtResource): v3 partOf / v2 within
 * @thumbnail: (element-type VtResource): thumbnails
 * @nav_date: navDate as written, or %NULL
 * @viewing_direction: reading order
 * @behavior: (array zero-terminated=1): v3 behavior / v2 viewingHint values
 * @services: (element-type VtServiceRef): manifest `service` and v3
 *   top-level `services` (search, auth…)
 * @canvases: (element-type VtCanvas): the canvases, in order (v2: of the
 *   first sequence)
 * @structures: (element-type VtRange): the roots of the table of contents
 * @start_canvas: id of the canvas to show first, or %NULL
 * @start_selector: (nullable): the selector of a `start` SpecificResource
 *   (a PointSelector with `t`: where to start playing; a FragmentSelector)
 * @behavior_flags: the known values of @behavior
 * @nav_place: (nullable): `navPlace`
 * @placeholder_canvas: (nullable): v3 `placeholderCanvas` of the manifest
 * @accompanying_canvas: (nullable): v3 `accompanyingCanvas` of the manifest
 * @annotation_pages: (element-type VtAnnotationPage): v3 `annotations` of
 *   the manifest itself
 *
 * A manifest, normalised from Presentation 2.x or 3.0. Immutable once parsed.
 */
typedef struct
{
  VtPresentationVersion  version;
  char                  *id;
  VtLanguageMap         *label;
  VtLanguageMap         *summary;
  GPtrArray             *metadata;
  VtMetadataEntry       *required_statement;
  char                  *rights;
  GPtrArray             *provider;
  GPtrArray             *homepage;
  GPtrArray             *rendering;
  GPtrArray             *see_also;
  GPtrArray             *part_of;
  GPtrArray             *thumbnail;
  char                  *nav_date;
  VtViewingDirection     viewing_direction;
  char                 **behavior;
  GPtrArray             *services;
  GPtrArray             *canvases;
  GPtrArray             *structures;
  char                  *start_canvas;
  VtSelector            *start_selector;
  VtBehaviorFlags        behavior_flags;
  VtNavPlace            *nav_place;
  VtCanvas              *placeholder_canvas;
  VtCanvas              *accompanying_canvas;
  GPtrArray             *annotation_pages;
} VtManifest;

#define VT_TYPE_MANIFEST (vt_manifest_get_type ())

GType            vt_manifest_get_type        (void) G_GNUC_CONST;
VtManifest      *vt_manifest_ref             (VtManifest       *self);
void             vt_manifest_unref           (VtManifest       *self);
guint            vt_manifest_get_n_canvases  (const VtManifest *self);
VtCanvas        *vt_manifest_get_canvas      (const VtManifest *self,
                                              guint             index);
VtCanvas        *vt_manifest_find_canvas     (const VtManifest *self,
                                              const char       *canvas_id,
                                              guint            *out_index);
char           **vt_manifest_dup_languages   (const VtManifest *self);
const char      *vt_manifest_get_canvas_rights             (const VtManifest *self,
                                                            guint             canvas_index);
VtLanguageMap   *vt_manifest_get_canvas_attribution        (const VtManifest *self,
                                                            guint             canvas_index);
VtMetadataEntry *vt_manifest_get_canvas_required_statement (const VtManifest *self,
                                                            guint             canvas_index);
const char      *vt_manifest_get_logo_url                  (const VtManifest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtManifest, vt_manifest_unref)

G_END_DECLS
