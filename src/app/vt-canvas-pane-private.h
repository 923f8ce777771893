/* vt-canvas-pane-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-canvas-pane.h"
#include "vt-canvas-media.h"
#include "vt-canvas-status.h"
#include "vt-canvas-timeline.h"
#include "vt-composite-scene.h"
#include "vt-look-ahead.h"
#include "vt-region-request.h"
#include "vt-view-readout.h"

G_BEGIN_DECLS

struct _VtCanvasPane
{
  AdwBin          parent_instance;

  VtSession      *session;
  VtViewing      *viewing;
  GSignalGroup   *viewing_signals;
  GSignalGroup   *page_signals;
  GSignalGroup   *book_signals;
  VtCanvasStrip  *canvas_strip;
  VtCanvasStatus *status;      /* why the canvas shows nothing, or not all */
  VtViewReadout  *readout;     /* the zoom level, the page indicator, the image's name */
  VtLookAhead    *look_ahead;  /* the views either side of the one shown, loaded ahead */
  VtSpread       *spread;      /* the view shown when it has several canvases */
  VtCompositeScene *scene;     /* a composite page's layers, and the Layers button */
  VtCanvasTimeline *timeline;  /* the clock of a composite page with a duration */
  GtkDropDown    *order_dropdown; /* in the strip: the book's orders, when it has several */
  GtkStringList  *order_labels;
  gboolean        setting_orders;
  VtCanvasMedia  *media;       /* the player of sound and video canvases */
  VtRegionRequest *region_request; /* the region a link asked to show */

  /* Template widgets */
  VtImageView    *image_view;
  VtAnnotationOverlay *annotation_overlay;
  GtkWidget      *annotations_button;
  VtRegionSelector *region_selector;
  GtkToggleButton *select_region_button;
  GtkProgressBar *progress_bar;
  GtkWidget      *zoom_controls;
  GtkMenuButton  *zoom_menu_button;
  GtkWidget      *page_controls;
  GtkLabel       *page_label;
  GtkButton      *previous_page_button;
  GtkButton      *next_page_button;
  AdwStatusPage  *canvas_status_page;
  GtkButton      *canvas_web_page_button;
  GtkButton      *canvas_retry_button;
  GtkRevealer    *strip_revealer;
  GtkBox         *strip_box;
  GtkRevealer    *tiles_failed_revealer;
  GtkLabel       *tiles_failed_label;
};

void _vt_canvas_pane_sync_orders       (VtCanvasPane     *self);
void _vt_canvas_pane_order_selected_cb (VtCanvasPane     *self);
void _vt_canvas_pane_sync_direction    (VtCanvasPane     *self);

G_END_DECLS
