/* vt-layer-watch.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "iiif/vt-canvas.h"
#include "vt-page.h"

G_BEGIN_DECLS

#define VT_TYPE_LAYER_WATCH (vt_layer_watch_get_type ())

G_DECLARE_FINAL_TYPE (VtLayerWatch, vt_layer_watch, VT, LAYER_WATCH, GObject)

VtLayerWatch *vt_layer_watch_new      (void);
void          vt_layer_watch_set_page (VtLayerWatch               *self,
                                       VtPage                     *page);
gboolean      vt_layer_watch_is_shown (VtLayerWatch               *self,
                                       const VtPaintingAnnotation *painting,
                                       const VtContentResource    *body);
void          vt_layer_watch_show     (VtLayerWatch               *self,
                                       const VtContentResource    *body);

G_END_DECLS
