/* vt-canvas-status.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-image-view.h"

#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_STATUS (vt_canvas_status_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasStatus, vt_canvas_status, VT, CANVAS_STATUS, GObject)

VtCanvasStatus *vt_canvas_status_new             (VtImageView    *image_view,
                                                  AdwStatusPage  *status_page,
                                                  GtkButton      *retry_button,
                                                  GtkButton      *web_page_button,
                                                  GtkRevealer    *tiles_failed_revealer,
                                                  GtkLabel       *tiles_failed_label);
void            vt_canvas_status_set_session     (VtCanvasStatus *self,
                                                  VtSession      *session);
void            vt_canvas_status_update          (VtCanvasStatus *self,
                                                  VtViewing      *viewing,
                                                  gboolean        played);
void            vt_canvas_status_cancel_backdrop (VtCanvasStatus *self);
const char     *vt_canvas_status_get_title       (VtCanvasStatus *self);
const char     *vt_canvas_status_get_icon        (VtCanvasStatus *self);
const char     *vt_canvas_status_get_description (VtCanvasStatus *self);
const char     *vt_canvas_status_get_tiles_failed_text (VtCanvasStatus *self);

G_END_DECLS
