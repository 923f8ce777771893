/* vt-compare-pane.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-image-view.h"

#include "vt-canvas-pane.h"
#include "vt-metadata-view.h"
#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_COMPARE_PANE (vt_compare_pane_get_type ())

G_DECLARE_FINAL_TYPE (VtComparePane, vt_compare_pane, VT, COMPARE_PANE, AdwBin)

VtComparePane  *vt_compare_pane_new                 (VtSession      *session);
void            vt_compare_pane_set_session         (VtComparePane  *self,
                                                     VtSession      *session);
void            vt_compare_pane_open                (VtComparePane  *self,
                                                     const char     *input,
                                                     const char     *default_organisation,
                                                     int             canvas_index);
VtViewing      *vt_compare_pane_get_viewing         (VtComparePane  *self);
VtCanvasPane   *vt_compare_pane_get_canvas_pane     (VtComparePane  *self);
VtImageView    *vt_compare_pane_get_image_view      (VtComparePane  *self);
VtViewport     *vt_compare_pane_get_viewport        (VtComparePane  *self);
VtMetadataView *vt_compare_pane_get_metadata_view   (VtComparePane  *self);
gboolean        vt_compare_pane_get_sidebar_revealed (VtComparePane *self);
void            vt_compare_pane_set_sidebar_revealed (VtComparePane *self,
                                                      gboolean       revealed);
void            vt_compare_pane_set_closable        (VtComparePane  *self,
                                                     gboolean        closable);
void            vt_compare_pane_set_active          (VtComparePane  *self,
                                                     gboolean        active);
gboolean        vt_compare_pane_get_mm_per_pixel    (VtComparePane  *self,
                                                     double         *mm);

G_END_DECLS
