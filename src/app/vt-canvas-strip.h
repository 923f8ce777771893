/* vt-canvas-strip.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-manifest.h"
#include "net/vt-client.h"
#include "net/vt-service-cache.h"
#include "vt-canvas-toc.h"

G_BEGIN_DECLS

/* The longest side of a thumbnail, in logical pixels. */
#define VT_CANVAS_STRIP_THUMBNAIL_SIZE 120

#define VT_TYPE_CANVAS_STRIP (vt_canvas_strip_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasStrip, vt_canvas_strip, VT, CANVAS_STRIP, GtkWidget)

GtkWidget   *vt_canvas_strip_new          (VtClient      *client);
void         vt_canvas_strip_set_manifest (VtCanvasStrip *self,
                                           VtManifest    *manifest);
VtManifest  *vt_canvas_strip_get_manifest (VtCanvasStrip *self);
void         vt_canvas_strip_set_selected (VtCanvasStrip *self,
                                           guint          index);
guint        vt_canvas_strip_get_selected (VtCanvasStrip *self);
void         vt_canvas_strip_set_start_widget (VtCanvasStrip *self,
                                               GtkWidget     *widget);
void         vt_canvas_strip_set_reversed (VtCanvasStrip *self,
                                           gboolean       reversed);
gboolean     vt_canvas_strip_get_reversed (VtCanvasStrip *self);
GListModel  *vt_canvas_strip_get_model    (VtCanvasStrip *self);
VtCanvasToc *vt_canvas_strip_get_toc      (VtCanvasStrip *self);

G_END_DECLS
