/* vt-layer-popover.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_LAYER_POPOVER (vt_layer_popover_get_type ())

G_DECLARE_FINAL_TYPE (VtLayerPopover, vt_layer_popover, VT, LAYER_POPOVER, GtkPopover)

GtkWidget  *vt_layer_popover_new        (void);
void        vt_layer_popover_set_layers (VtLayerPopover *self,
                                         GListModel     *layers);
GListModel *vt_layer_popover_get_layers (VtLayerPopover *self);
GtkWidget  *vt_layer_popover_get_toggle (VtLayerPopover *self,
                                         guint           position);
GtkWidget  *vt_layer_popover_get_scale  (VtLayerPopover *self,
                                         guint           position);

G_END_DECLS
