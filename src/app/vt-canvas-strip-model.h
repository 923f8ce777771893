/* vt-canvas-strip-model.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-manifest.h"

#include "vt-canvas-strip-item.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_STRIP_MODEL (vt_canvas_strip_model_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasStripModel, vt_canvas_strip_model, VT, CANVAS_STRIP_MODEL, GObject)

VtCanvasStripModel *vt_canvas_strip_model_new            (void);
void                vt_canvas_strip_model_set_manifest   (VtCanvasStripModel *self,
                                                          VtManifest         *manifest);
VtManifest         *vt_canvas_strip_model_get_manifest   (VtCanvasStripModel *self);
void                vt_canvas_strip_model_cancel_all     (VtCanvasStripModel *self);
guint               vt_canvas_strip_model_get_n_made     (VtCanvasStripModel *self);

G_END_DECLS
