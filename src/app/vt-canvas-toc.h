/* vt-canvas-toc.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-manifest.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_TOC (vt_canvas_toc_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasToc, vt_canvas_toc, VT, CANVAS_TOC, GtkWidget)

GtkWidget  *vt_canvas_toc_new          (void);
void        vt_canvas_toc_set_manifest (VtCanvasToc *self,
                                        VtManifest  *manifest);
GListModel *vt_canvas_toc_get_model    (VtCanvasToc *self);
gboolean    vt_canvas_toc_activate     (VtCanvasToc *self,
                                        guint        position);

G_END_DECLS
