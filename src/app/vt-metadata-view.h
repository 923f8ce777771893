/* vt-metadata-view.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "catalogue/vt-catalogue-record.h"
#include "iiif/vt-manifest.h"

G_BEGIN_DECLS

#define VT_TYPE_METADATA_VIEW (vt_metadata_view_get_type ())

G_DECLARE_FINAL_TYPE (VtMetadataView, vt_metadata_view, VT, METADATA_VIEW, GtkWidget)

GtkWidget   *vt_metadata_view_new                  (void);
void         vt_metadata_view_set_manifest         (VtMetadataView *self,
                                                    VtManifest     *manifest,
                                                    const char     *manifest_url);
VtManifest  *vt_metadata_view_get_manifest         (VtMetadataView *self);
const char  *vt_metadata_view_get_manifest_url     (VtMetadataView *self);
void         vt_metadata_view_set_canvas_index     (VtMetadataView *self,
                                                    guint           index);
guint        vt_metadata_view_get_canvas_index     (VtMetadataView *self);
void         vt_metadata_view_set_ghent_page_url   (VtMetadataView *self,
                                                    const char     *url);
const char  *vt_metadata_view_get_ghent_page_url   (VtMetadataView *self);
void         vt_metadata_view_set_ghent_object     (VtMetadataView *self,
                                                    const char     *number,
                                                    const char     *organisation);
void         vt_metadata_view_set_language         (VtMetadataView *self,
                                                    const char     *language);
const char  *vt_metadata_view_get_language         (VtMetadataView *self);
char       **vt_metadata_view_get_languages        (VtMetadataView *self);
const char  *vt_metadata_view_get_logo_url         (VtMetadataView *self);
GdkPaintable *vt_metadata_view_get_logo            (VtMetadataView *self);
void         vt_metadata_view_set_logo             (VtMetadataView *self,
                                                    GdkPaintable   *logo);
void         vt_metadata_view_set_catalogue_record (VtMetadataView    *self,
                                                    VtCatalogueRecord *record);
void         vt_metadata_view_copy_manifest_url    (VtMetadataView *self);

/* For tests and for the window's own checks: what the view shows now. */
const char  *vt_metadata_view_get_title            (VtMetadataView *self);
char        *vt_metadata_view_get_summary_markup   (VtMetadataView *self);
char       **vt_metadata_view_get_row_texts        (VtMetadataView *self);
char        *vt_metadata_view_get_row_markup       (VtMetadataView *self,
                                                    const char     *label);
gboolean     vt_metadata_view_is_openable_uri      (const char     *uri);

G_END_DECLS
