/* vt-book-layout.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-manifest.h"
#include "vt-range.h"

G_BEGIN_DECLS

/**
 * VtBookMode:
 * @VT_BOOK_MODE_INDIVIDUALS: one canvas a view ("individuals", "unordered"
 *   and no behaviour at all)
 * @VT_BOOK_MODE_PAGED: two-page spreads with a single first page ("paged")
 * @VT_BOOK_MODE_CONTINUOUS: every canvas joined in one view ("continuous":
 *   scrolls, foldouts)
 *
 * How the canvases of a manifest (or of one of its orders) are shown.
 */
typedef enum
{
  VT_BOOK_MODE_INDIVIDUALS,
  VT_BOOK_MODE_PAGED,
  VT_BOOK_MODE_CONTINUOUS,
} VtBookMode;

/**
 * VtBookPlacement:
 * @canvas: index of the canvas in the manifest
 * @x: left of the canvas in the view, in view units
 * @y: top
 * @width: width, > 0
 * @height: height, > 0
 *
 * Where one canvas goes in a view. A view's units are those of its
 * tallest canvas (or widest, in a vertical scroll): every other canvas is
 * scaled to the same height (width).
 */
typedef struct
{
  guint  canvas;
  double x;
  double y;
  double width;
  double height;
} VtBookPlacement;

/**
 * VtBookView:
 * @placements: (array length=n_placements): the canvases of the view in
 *   reading order (in a right-to-left spread the first is on the right)
 * @n_placements: at least 1
 * @width: the view's width, in view units
 * @height: its height
 *
 * What is on screen at once: one canvas, a spread or a whole scroll.
 */
typedef struct
{
  VtBookPlacement *placements;
  guint            n_placements;
  double           width;
  double           height;
} VtBookView;

#define VT_TYPE_BOOK_LAYOUT (vt_book_layout_get_type ())

G_DECLARE_FINAL_TYPE (VtBookLayout, vt_book_layout, VT, BOOK_LAYOUT, GObject)

VtBookLayout       *vt_book_layout_new                (VtManifest         *manifest,
                                                       const VtRange      *order);
VtBookMode          vt_book_layout_get_mode           (VtBookLayout       *self);
VtViewingDirection  vt_book_layout_get_direction      (VtBookLayout       *self);
gboolean            vt_book_layout_is_reversed        (VtBookLayout       *self);
gboolean            vt_book_layout_is_vertical        (VtBookLayout       *self);
guint               vt_book_layout_get_n_views        (VtBookLayout       *self);
const VtBookView   *vt_book_layout_get_view           (VtBookLayout       *self,
                                                       guint               view);
gboolean            vt_book_layout_find_view          (VtBookLayout       *self,
                                                       guint               canvas,
                                                       guint              *out_view);
guint               vt_book_layout_get_n_order        (VtBookLayout       *self);
guint               vt_book_layout_get_order_canvas   (VtBookLayout       *self,
                                                       guint               position);
guint               vt_book_layout_get_view_first     (VtBookLayout       *self,
                                                       guint               view);
guint               vt_book_layout_get_view_last      (VtBookLayout       *self,
                                                       guint               view);
gboolean            vt_book_layout_step               (VtBookLayout       *self,
                                                       guint               canvas,
                                                       int                 delta,
                                                       guint              *out_canvas);

GPtrArray          *vt_manifest_collect_ranges        (const VtManifest   *manifest,
                                                       VtBehaviorFlags     behavior);
GArray             *vt_range_collect_canvases         (const VtRange      *range,
                                                       const VtManifest   *manifest);

G_END_DECLS
