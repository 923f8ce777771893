/* vt-region-selector-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-region-selector.h"

G_BEGIN_DECLS

/* Shared by vt-region-selector.c (state, geometry, drawing) and
 * vt-region-selector-input.c (pointer and keys), as the image view's two
 * halves are; nothing else touches it. */

typedef enum
{
  DRAG_NONE,
  DRAG_NEW,
  DRAG_MOVE,
  DRAG_HANDLE,
} DragMode;

struct _VtRegionSelector
{
  GtkWidget   parent_instance;

  VtViewport *viewport;
  gboolean    active;
  gboolean    has_region;
  double      x0, y0, x1, y1;   /* image pixels, whole numbers */

  DragMode    drag;
  double      drag_wx, drag_wy; /* where the drag began, widget */
  double      anchor_x, anchor_y; /* DRAG_NEW: its image point */
  double      start[4];         /* the region when the drag began */
  int         edge_x, edge_y;   /* DRAG_HANDLE: -1 moves x0/y0, 1 x1/y1, 0 none */
  double      pan_last_x, pan_last_y;
};

/* Handles, clockwise from the top left, as (x, y) directions on screen. */
extern const int vt_region_selector_handle_dirs[8][2];

double vt_region_selector_image_width         (VtRegionSelector      *self);
double vt_region_selector_image_height        (VtRegionSelector      *self);
void   vt_region_selector_widget_rect         (VtRegionSelector      *self,
                                               graphene_rect_t       *rect);
void   vt_region_selector_screen_to_image_dir (VtRegionSelector      *self,
                                               int                    sx,
                                               int                    sy,
                                               int                   *ix,
                                               int                   *iy);
void   vt_region_selector_handle_center       (const graphene_rect_t *rect,
                                               int                    handle,
                                               double                *x,
                                               double                *y);
void   vt_region_selector_set_corners         (VtRegionSelector      *self,
                                               double                 ax,
                                               double                 ay,
                                               double                 bx,
                                               double                 by);
void   vt_region_selector_input_init          (VtRegionSelector      *self);

G_END_DECLS
