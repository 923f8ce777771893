/* vt-canvas-pane.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-annotation-overlay.h"
#include "canvas/vt-image-view.h"
#include "canvas/vt-region-selector.h"

#include "vt-canvas-strip.h"
#include "vt-canvas-timeline.h"
#include "vt-layer-popover.h"
#include "vt-media-view.h"
#include "vt-session.h"
#include "vt-spread.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_CANVAS_PANE (vt_canvas_pane_get_type ())

G_DECLARE_FINAL_TYPE (VtCanvasPane, vt_canvas_pane, VT, CANVAS_PANE, AdwBin)

void           vt_canvas_pane_set_session      (VtCanvasPane *self,
                                                VtSession    *session);
void           vt_canvas_pane_set_viewing      (VtCanvasPane *self,
                                                VtViewing    *viewing);
VtImageView   *vt_canvas_pane_get_image_view   (VtCanvasPane *self);
VtAnnotationOverlay *vt_canvas_pane_get_annotation_overlay (VtCanvasPane *self);
gboolean       vt_canvas_pane_get_show_annotations (VtCanvasPane *self);
void           vt_canvas_pane_set_show_annotations (VtCanvasPane *self,
                                                    gboolean      show);
VtRegionSelector *vt_canvas_pane_get_region_selector (VtCanvasPane *self);
VtLayerPopover *vt_canvas_pane_get_layers_popover (VtCanvasPane *self);
gboolean       vt_canvas_pane_get_layers_shown (VtCanvasPane *self);
VtMediaView   *vt_canvas_pane_get_media_view   (VtCanvasPane *self);
VtCanvasTimeline *vt_canvas_pane_get_timeline  (VtCanvasPane *self);
void           vt_canvas_pane_focus_canvas     (VtCanvasPane *self);
void           vt_canvas_pane_set_language     (VtCanvasPane *self,
                                                const char   *language);
VtCanvasStrip *vt_canvas_pane_get_strip        (VtCanvasPane *self);
VtSpread      *vt_canvas_pane_get_spread       (VtCanvasPane *self);
GtkDropDown   *vt_canvas_pane_get_order_menu   (VtCanvasPane *self);
gboolean       vt_canvas_pane_get_strip_revealed (VtCanvasPane *self);
const char    *vt_canvas_pane_get_status_title (VtCanvasPane *self);
const char    *vt_canvas_pane_get_status_icon  (VtCanvasPane *self);
const char    *vt_canvas_pane_get_status_description (VtCanvasPane *self);
const char    *vt_canvas_pane_get_tiles_failed_text (VtCanvasPane *self);
const char    *vt_canvas_pane_get_zoom_text    (VtCanvasPane *self);
const char    *vt_canvas_pane_get_page_text    (VtCanvasPane *self);
gboolean       vt_canvas_pane_get_visible_region (VtCanvasPane *self,
                                                  double       *x,
                                                  double       *y,
                                                  double       *width,
                                                  double       *height);

gboolean          vt_canvas_pane_show_canvas_link (VtCanvasPane *self,
                                                   const char   *uri);

G_END_DECLS
