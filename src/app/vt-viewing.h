/* vt-viewing.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "iiif/vt-iiif-document.h"

#include "vt-book.h"
#include "vt-page.h"
#include "vt-session.h"
#include "vt-target.h"

G_BEGIN_DECLS

/**
 * VtViewingState:
 * @VT_VIEWING_LOADING: the document (or file) is being fetched and read
 * @VT_VIEWING_MANIFEST: a manifest is shown
 * @VT_VIEWING_COLLECTION: a collection is shown: a list of its members
 * @VT_VIEWING_IMAGE: a local image file is shown, with no document
 * @VT_VIEWING_FAILED: nothing could be shown; #VtViewing:error says why
 * @VT_VIEWING_CANCELLED: loading was stopped before it ended
 *
 * Where the opening of an object stands.
 */
typedef enum
{
  VT_VIEWING_LOADING,
  VT_VIEWING_MANIFEST,
  VT_VIEWING_COLLECTION,
  VT_VIEWING_IMAGE,
  VT_VIEWING_FAILED,
  VT_VIEWING_CANCELLED,
} VtViewingState;

GType vt_viewing_state_get_type (void) G_GNUC_CONST;
#define VT_TYPE_VIEWING_STATE (vt_viewing_state_get_type ())

#define VT_TYPE_VIEWING (vt_viewing_get_type ())

G_DECLARE_FINAL_TYPE (VtViewing, vt_viewing, VT, VIEWING, GObject)

VtViewing      *vt_viewing_new                (VtSession     *session,
                                               const char    *input,
                                               const char    *default_organisation);
void            vt_viewing_load               (VtViewing     *self,
                                               gboolean       reload);
void            vt_viewing_cancel             (VtViewing     *self);
void            vt_viewing_retry_page         (VtViewing     *self);

const char     *vt_viewing_get_input          (VtViewing     *self);
const VtTarget *vt_viewing_get_target         (VtViewing     *self);
const char     *vt_viewing_get_location       (VtViewing     *self);
const char     *vt_viewing_get_display_name   (VtViewing     *self);
const char     *vt_viewing_get_organisation   (VtViewing     *self);
const char     *vt_viewing_get_manifest_url   (VtViewing     *self);
const char     *vt_viewing_get_web_page_url   (VtViewing     *self);

VtViewingState  vt_viewing_get_state          (VtViewing     *self);
gboolean        vt_viewing_is_loading         (VtViewing     *self);
const GError   *vt_viewing_get_error          (VtViewing     *self);
const char     *vt_viewing_get_title          (VtViewing     *self);
VtIiifDocument *vt_viewing_get_document       (VtViewing     *self);
VtManifest     *vt_viewing_get_manifest       (VtViewing     *self);
VtCollection   *vt_viewing_get_collection     (VtViewing     *self);

guint           vt_viewing_get_n_canvases     (VtViewing     *self);
guint           vt_viewing_get_canvas_index   (VtViewing     *self);
void            vt_viewing_set_canvas_index   (VtViewing     *self,
                                               guint          index);
VtPage         *vt_viewing_get_page           (VtViewing     *self);
VtBook         *vt_viewing_get_book           (VtViewing     *self);
void            vt_viewing_set_order          (VtViewing     *self,
                                               guint          order);
GdkPaintable   *vt_viewing_get_logo           (VtViewing     *self);
VtCatalogueRecord *vt_viewing_get_catalogue_record (VtViewing  *self);

G_END_DECLS
