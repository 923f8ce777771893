/* vt-export-metadata.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "iiif/vt-manifest.h"

G_BEGIN_DECLS

/**
 * VtExportMetadata:
 * @title: (nullable): the canvas or object label (dc:title)
 * @rights_uri: (nullable): the licence or rights statement URI
 *   (xmpRights:WebStatement)
 * @rights: (nullable): the rights in words (dc:rights)
 * @usage_terms: (nullable): the required statement (xmpRights:UsageTerms)
 * @attribution: (nullable): who to credit (dc:creator, photoshop:Credit)
 * @source: (nullable): where the image comes from: manifest and canvas,
 *   or the image service (dc:source)
 *
 * What an exported file says about itself, as XMP.
 */
typedef struct
{
  char *title;
  char *rights_uri;
  char *rights;
  char *usage_terms;
  char *attribution;
  char *source;
} VtExportMetadata;

#define VT_TYPE_EXPORT_METADATA (vt_export_metadata_get_type ())

GType             vt_export_metadata_get_type      (void) G_GNUC_CONST;
VtExportMetadata *vt_export_metadata_new           (void);
VtExportMetadata *vt_export_metadata_copy          (const VtExportMetadata *self);
void              vt_export_metadata_free          (VtExportMetadata       *self);
VtExportMetadata *vt_export_metadata_new_for_canvas (const VtManifest      *manifest,
                                                     guint                  canvas_index,
                                                     const char * const    *languages);
gboolean          vt_export_metadata_allows_reuse  (const VtExportMetadata *self);
char             *vt_export_metadata_to_xmp        (const VtExportMetadata *self);
GBytes           *vt_export_metadata_to_iptc       (const VtExportMetadata *self,
                                                    gboolean                photoshop);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtExportMetadata, vt_export_metadata_free)

G_END_DECLS
