/* vt-compare-view.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-image-view.h"

#include "vt-canvas-pane.h"
#include "vt-metadata-view.h"
#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

/**
 * VtCompareSync:
 * @VT_COMPARE_SYNC_NONE: each pane moves on its own
 * @VT_COMPARE_SYNC_IMAGE: the same part of each image: the same centre as
 *   a fraction of the image, the same zoom relative to fit, the same turn
 * @VT_COMPARE_SYNC_TRUE_SCALE: the same physical size: one screen pixel
 *   shows as many millimetres in every pane (every canvas must know its
 *   size, see vt_compare_view_get_true_scale_available())
 *
 * How the compare view's panes follow each other.
 */
typedef enum
{
  VT_COMPARE_SYNC_NONE,
  VT_COMPARE_SYNC_IMAGE,
  VT_COMPARE_SYNC_TRUE_SCALE,
} VtCompareSync;

GType vt_compare_sync_get_type (void) G_GNUC_CONST;
#define VT_TYPE_COMPARE_SYNC (vt_compare_sync_get_type ())

#define VT_TYPE_COMPARE_VIEW (vt_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (VtCompareView, vt_compare_view, VT, COMPARE_VIEW, AdwBin)

GtkWidget      *vt_compare_view_new                 (void);
void            vt_compare_view_set_session         (VtCompareView *self,
                                                     VtSession     *session);
void            vt_compare_view_clear               (VtCompareView *self);
guint           vt_compare_view_add                 (VtCompareView *self,
                                                     const char    *input,
                                                     const char    *default_organisation,
                                                     int            canvas_index);
void            vt_compare_view_remove              (VtCompareView *self,
                                                     guint          index);
void            vt_compare_view_set_region          (VtCompareView *self,
                                                     guint          index,
                                                     double         x,
                                                     double         y,
                                                     double         width,
                                                     double         height);
guint           vt_compare_view_get_n_panes         (VtCompareView *self);

VtViewing      *vt_compare_view_get_viewing         (VtCompareView *self,
                                                     guint          index);
VtCanvasPane   *vt_compare_view_get_canvas_pane     (VtCompareView *self,
                                                     guint          index);
VtImageView    *vt_compare_view_get_image_view      (VtCompareView *self,
                                                     guint          index);
VtMetadataView *vt_compare_view_get_metadata_view   (VtCompareView *self,
                                                     guint          index);
gboolean        vt_compare_view_get_sidebar_revealed (VtCompareView *self,
                                                      guint          index);
void            vt_compare_view_set_sidebar_revealed (VtCompareView *self,
                                                      guint          index,
                                                      gboolean       revealed);
gboolean        vt_compare_view_get_mm_per_pixel    (VtCompareView *self,
                                                     guint          index,
                                                     double        *mm);

guint           vt_compare_view_get_active          (VtCompareView *self);
void            vt_compare_view_set_active          (VtCompareView *self,
                                                     guint          index);
VtViewing      *vt_compare_view_get_active_viewing  (VtCompareView *self);
VtImageView    *vt_compare_view_get_active_image_view (VtCompareView *self);

gboolean        vt_compare_view_get_linking         (VtCompareView *self);
VtCompareSync   vt_compare_view_get_sync            (VtCompareView *self);
void            vt_compare_view_set_sync            (VtCompareView *self,
                                                     VtCompareSync  sync);
gboolean        vt_compare_view_get_true_scale_available (VtCompareView *self);
gboolean        vt_compare_view_get_swipe           (VtCompareView *self);
void            vt_compare_view_set_swipe           (VtCompareView *self,
                                                     gboolean       swipe);
double          vt_compare_view_get_swipe_position  (VtCompareView *self);
void            vt_compare_view_set_swipe_position  (VtCompareView *self,
                                                     double         position);

G_END_DECLS
