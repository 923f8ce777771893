/* vt-canvas-pane-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-canvas-pane.h"
#include "vt-layer-popover.h"
#include "vt-thumbnail-loader.h"

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
  VtThumbnailLoader *thumbnails;
  GCancellable   *backdrop_cancellable;
  guint           zoom_description_id;
  GPtrArray      *ahead;       /* VtPage: the canvases of the views either side, loaded ahead */
  VtSpread       *spread;      /* the view shown when it has several canvases */
  guint           shown_first; /* the first canvas of the view shown, or G_MAXUINT */
  guint           came_from;   /* that of the view shown before it, or G_MAXUINT */
  VtPage         *scene_page;  /* the composite page whose scene the view shows */
  GtkMenuButton  *layers_button;
  VtLayerPopover *layers_popover;
  GtkDropDown    *order_dropdown; /* in the strip: the book's orders, when it has several */
  GtkStringList  *order_labels;
  gboolean        setting_orders;
  VtMediaView    *media_view;  /* made when a sound or video canvas is first shown */
  VtPage         *media_page;  /* the page it plays */
  char          **languages;   /* the window's, best first; for captions */

  /* The region of a canvas a link asked to show (canvas pixels, or per
   * cent), until it has been shown on that canvas; then, while the view
   * stays as it was put, shown again when the view changes size. */
  VtPage         *region_page;
  double          region[4];
  guint           region_percent : 1;
  guint           region_pending : 1;
  guint           region_shown : 1;
  double          region_zoom;
  double          region_center[2];

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
void _vt_canvas_pane_drop_ahead        (VtCanvasPane     *self,
                                        const VtBookView *keep);
void _vt_canvas_pane_prefetch_next     (VtCanvasPane     *self);

G_END_DECLS
