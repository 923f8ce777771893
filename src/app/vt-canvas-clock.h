/* vt-canvas-clock.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-canvas.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_CLOCK (vt_canvas_clock_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasClock, vt_canvas_clock, VT, CANVAS_CLOCK, GtkMediaStream)

VtCanvasClock  *vt_canvas_clock_new              (double         duration);
VtCanvasClock  *vt_canvas_clock_new_for_canvas   (VtCanvas      *canvas);
gboolean        vt_canvas_clock_is_for           (VtCanvas      *canvas);
void            vt_canvas_clock_add_segment      (VtCanvasClock *self,
                                                  double         start,
                                                  double         end,
                                                  const char    *uri);
double          vt_canvas_clock_get_position     (VtCanvasClock *self);
int             vt_canvas_clock_get_segment      (VtCanvasClock *self);
GtkMediaStream *vt_canvas_clock_get_segment_stream (VtCanvasClock *self);
const char     *vt_canvas_clock_get_segment_uri  (VtCanvasClock *self);
VtPaintingAnnotation *vt_canvas_clock_get_segment_annotation (VtCanvasClock *self);

G_END_DECLS
