/* vt-view-readout.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "canvas/vt-image-view.h"

#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_VIEW_READOUT (vt_view_readout_get_type ())

G_DECLARE_FINAL_TYPE (VtViewReadout, vt_view_readout, VT, VIEW_READOUT, GObject)

VtViewReadout *vt_view_readout_new        (VtImageView   *image_view,
                                           GtkMenuButton *zoom_button,
                                           GtkWidget     *page_controls,
                                           GtkLabel      *page_label);
void           vt_view_readout_sync_label (VtViewReadout *self,
                                           VtViewing     *viewing);
void           vt_view_readout_sync_page  (VtViewReadout *self,
                                           VtViewing     *viewing);
const char    *vt_view_readout_get_page_text (VtViewReadout *self);
void           vt_view_readout_set_painted_text (VtViewReadout *self,
                                                 const char    *text);

void           vt_view_readout_sync_zoom     (VtViewReadout *self);

G_END_DECLS
