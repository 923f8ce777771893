/* vt-page.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-tile-source.h"
#include "iiif/vt-manifest.h"

#include "vt-session.h"

G_BEGIN_DECLS

/**
 * VtPageState:
 * @VT_PAGE_EMPTY: nothing to draw yet (or cancelled)
 * @VT_PAGE_LOADING: the canvas' image service is being described
 * @VT_PAGE_READY: #VtPage:source draws the canvas
 * @VT_PAGE_NOT_IMAGE: the canvas is sound, video or text only
 * @VT_PAGE_FAILED: the canvas' image cannot be drawn; #VtPage:error says why
 *
 * Where the image of a page stands.
 */
typedef enum
{
  VT_PAGE_EMPTY,
  VT_PAGE_LOADING,
  VT_PAGE_READY,
  VT_PAGE_NOT_IMAGE,
  VT_PAGE_FAILED,
} VtPageState;

GType vt_page_state_get_type (void) G_GNUC_CONST;
#define VT_TYPE_PAGE_STATE (vt_page_state_get_type ())

#define VT_TYPE_PAGE (vt_page_get_type ())

G_DECLARE_FINAL_TYPE (VtPage, vt_page, VT, PAGE, GObject)

VtPage       *vt_page_new             (VtSession    *session,
                                       VtManifest   *manifest,
                                       guint         index);
VtPage       *vt_page_new_for_canvas  (VtSession    *session,
                                       VtCanvas     *canvas);
VtPage       *vt_page_new_for_source  (VtTileSource *source);
void          vt_page_load            (VtPage       *self,
                                       gboolean      reload);
void          vt_page_cancel          (VtPage       *self);
void          vt_page_prefetch        (VtPage       *self,
                                       int           width,
                                       int           height,
                                       int           scale_factor);
guint         vt_page_get_n_fit_ahead (VtPage       *self);

guint         vt_page_get_index       (VtPage       *self);
VtCanvas     *vt_page_get_canvas      (VtPage       *self);
VtPageState   vt_page_get_state       (VtPage       *self);
VtTileSource *vt_page_get_source      (VtPage       *self);
const GError *vt_page_get_error       (VtPage       *self);
const char   *vt_page_get_rights      (VtPage       *self);
char         *vt_page_dup_attribution (VtPage       *self);
const char   *vt_page_get_placeholder_url (VtPage   *self);
GListModel   *vt_page_get_layers      (VtPage       *self);

G_END_DECLS
