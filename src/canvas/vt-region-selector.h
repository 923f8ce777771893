/* vt-region-selector.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-viewport.h"

G_BEGIN_DECLS

#define VT_TYPE_REGION_SELECTOR (vt_region_selector_get_type ())

G_DECLARE_FINAL_TYPE (VtRegionSelector, vt_region_selector, VT, REGION_SELECTOR, GtkWidget)

/* Arrow keys move the region by this many screen pixels (at least one
 * image pixel); with Ctrl, by one image pixel. */
#define VT_REGION_SELECTOR_KEY_STEP 10.0

GtkWidget  *vt_region_selector_new           (VtViewport       *viewport);

VtViewport *vt_region_selector_get_viewport  (VtRegionSelector *self);
void        vt_region_selector_set_viewport  (VtRegionSelector *self,
                                              VtViewport       *viewport);
gboolean    vt_region_selector_get_active    (VtRegionSelector *self);
void        vt_region_selector_set_active    (VtRegionSelector *self,
                                              gboolean          active);
gboolean    vt_region_selector_get_has_region (VtRegionSelector *self);
gboolean    vt_region_selector_get_region    (VtRegionSelector *self,
                                              double           *x,
                                              double           *y,
                                              double           *width,
                                              double           *height);
void        vt_region_selector_set_region    (VtRegionSelector *self,
                                              double            x,
                                              double            y,
                                              double            width,
                                              double            height);
void        vt_region_selector_clear         (VtRegionSelector *self);
char       *vt_region_selector_dup_size_text (VtRegionSelector *self);

G_END_DECLS
