/* vt-canvas-timeline.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "canvas/vt-image-view.h"

#include "vt-canvas-clock.h"
#include "vt-page.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_TIMELINE (vt_canvas_timeline_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasTimeline, vt_canvas_timeline, VT, CANVAS_TIMELINE, GObject)

VtCanvasTimeline *vt_canvas_timeline_new       (GtkOverlay       *overlay,
                                                VtImageView      *image_view);
void              vt_canvas_timeline_show      (VtCanvasTimeline *self,
                                                VtManifest       *manifest,
                                                VtPage           *page);
void              vt_canvas_timeline_drop      (VtCanvasTimeline *self);
VtCanvasClock    *vt_canvas_timeline_get_clock (VtCanvasTimeline *self);
GtkWidget        *vt_canvas_timeline_get_controls (VtCanvasTimeline *self);
GtkWidget        *vt_canvas_timeline_get_picture  (VtCanvasTimeline *self);
gboolean          vt_canvas_timeline_wants     (VtPage           *page);

G_END_DECLS
