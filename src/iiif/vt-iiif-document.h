/* vt-iiif-document.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-collection.h"
#include "vt-iiif-types.h"
#include "vt-image-service.h"
#include "vt-manifest.h"

G_BEGIN_DECLS

/**
 * VtIiifDocumentKind:
 * @VT_IIIF_DOCUMENT_MANIFEST: a manifest (#VtIiifDocument.manifest)
 * @VT_IIIF_DOCUMENT_COLLECTION: a collection or a page of one
 *   (#VtIiifDocument.collection)
 * @VT_IIIF_DOCUMENT_CANVAS: a lone canvas or v2 sequence, wrapped in a
 *   manifest with those canvases (#VtIiifDocument.manifest)
 * @VT_IIIF_DOCUMENT_ANNOTATIONS: a v2 AnnotationList or Layer, v3
 *   AnnotationPage or AnnotationCollection, or a lone annotation (only
 *   counted: #VtIiifDocument.n_annotations; for a collection or layer, its
 *   "total", else 0)
 * @VT_IIIF_DOCUMENT_IMAGE_SERVICE: an Image API info.json
 *   (#VtIiifDocument.image_service)
 */
typedef enum
{
  VT_IIIF_DOCUMENT_MANIFEST,
  VT_IIIF_DOCUMENT_COLLECTION,
  VT_IIIF_DOCUMENT_CANVAS,
  VT_IIIF_DOCUMENT_ANNOTATIONS,
  VT_IIIF_DOCUMENT_IMAGE_SERVICE,
} VtIiifDocumentKind;

/**
 * VtIiifDocument:
 * @kind: what the document is
 * @version: Presentation version (%VT_PRESENTATION_UNKNOWN for info.json)
 * @manifest: (nullable): for manifests, canvases and sequences
 * @collection: (nullable): for collections
 * @image_service: (nullable): for info.json
 * @n_annotations: for annotation lists/pages
 * @warnings: (element-type utf8): translated, human-readable warnings about
 *   parts that were skipped or repaired (capped at VT_IIIF_MAX_WARNINGS)
 *
 * The result of parsing any IIIF JSON document.
 */
typedef struct
{
  VtIiifDocumentKind     kind;
  VtPresentationVersion  version;
  VtManifest            *manifest;
  VtCollection          *collection;
  VtImageService        *image_service;
  guint                  n_annotations;
  GPtrArray             *warnings;
} VtIiifDocument;

#define VT_TYPE_IIIF_DOCUMENT (vt_iiif_document_get_type ())

GType           vt_iiif_document_get_type (void) G_GNUC_CONST;
VtIiifDocument *vt_iiif_document_parse    (GBytes         *bytes,
                                           const char     *base_uri,
                                           GError        **error);
VtIiifDocument *vt_iiif_document_ref      (VtIiifDocument *self);
void            vt_iiif_document_unref    (VtIiifDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtIiifDocument, vt_iiif_document_unref)

G_END_DECLS
