/* vt-canvas-media.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"

#include "vt-media-view.h"
#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_MEDIA (vt_canvas_media_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasMedia, vt_canvas_media, VT, CANVAS_MEDIA, GObject)

VtCanvasMedia *vt_canvas_media_new           (VtImageView   *image_view);
void           vt_canvas_media_set_session   (VtCanvasMedia *self,
                                              VtSession     *session);
void           vt_canvas_media_set_language  (VtCanvasMedia *self,
                                              const char    *language);
void           vt_canvas_media_sync          (VtCanvasMedia *self,
                                              VtViewing     *viewing,
                                              VtPage        *page);
gboolean       vt_canvas_media_plays         (VtCanvasMedia *self,
                                              VtPage        *page);
VtMediaView   *vt_canvas_media_get_view      (VtCanvasMedia *self);

G_END_DECLS
