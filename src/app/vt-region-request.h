/* vt-region-request.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"

#include "vt-spread.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_REGION_REQUEST (vt_region_request_get_type ())

G_DECLARE_FINAL_TYPE (VtRegionRequest, vt_region_request, VT, REGION_REQUEST, GObject)

VtRegionRequest *vt_region_request_new          (VtImageView     *image_view);
void             vt_region_request_set_viewing  (VtRegionRequest *self,
                                                 VtViewing       *viewing);
void             vt_region_request_page_changed (VtRegionRequest *self);
void             vt_region_request_show         (VtRegionRequest *self);
void             vt_region_request_ask          (VtRegionRequest *self,
                                                 const char      *canvas_id,
                                                 double           x,
                                                 double           y,
                                                 double           width,
                                                 double           height);
void             vt_region_request_set_spread   (VtRegionRequest *self,
                                                 VtSpread        *spread);

G_END_DECLS
