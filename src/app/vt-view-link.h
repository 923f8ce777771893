/* vt-view-link.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-compare-grid.h"
#include "vt-compare-pane.h"
#include "vt-compare-view.h"

G_BEGIN_DECLS

#define VT_TYPE_VIEW_LINK (vt_view_link_get_type ())

G_DECLARE_FINAL_TYPE (VtViewLink, vt_view_link, VT, VIEW_LINK, GObject)

VtViewLink    *vt_view_link_new                      (VtCompareGrid *grid);
void           vt_view_link_add                      (VtViewLink    *self,
                                                      VtComparePane *pane);
void           vt_view_link_remove                   (VtViewLink    *self,
                                                      guint          index);
void           vt_view_link_set_leader               (VtViewLink    *self,
                                                      guint          index);
VtCompareSync  vt_view_link_get_sync                 (VtViewLink    *self);
void           vt_view_link_set_sync                 (VtViewLink    *self,
                                                      VtCompareSync  sync);
void           vt_view_link_set_region               (VtViewLink    *self,
                                                      guint          index,
                                                      double         x,
                                                      double         y,
                                                      double         width,
                                                      double         height);
gboolean       vt_view_link_get_pending              (VtViewLink    *self);
gboolean       vt_view_link_get_true_scale_available (VtViewLink    *self);
void           vt_view_link_update_scale             (VtViewLink    *self);

G_END_DECLS
