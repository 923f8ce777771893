/* vt-range.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-iiif-types.h"
#include "vt-language-map.h"
#include "vt-selector.h"

G_BEGIN_DECLS

typedef struct _VtRange VtRange;

/**
 * VtRangeItem:
 * @range: (nullable): a child range, or %NULL when this item is a canvas
 * @canvas_id: (nullable): the canvas id (fragment removed) when this item is
 *   a canvas
 * @has_region: whether @region holds the `#xywh=` part of the canvas
 * @region: the part of the canvas
 * @has_time: whether @time_start and @time_end hold the `#t=` part of a
 *   time-based canvas (a track of a recording)
 * @time_start: seconds
 * @time_end: seconds, or -1 when open-ended
 *
 * One entry of a range, in order: a sub-range or (a part of) a canvas.
 */
typedef struct
{
  VtRange *range;
  char    *canvas_id;
  gboolean has_region;
  VtRect   region;
  gboolean has_time;
  double   time_start;
  double   time_end;
} VtRangeItem;

/**
 * VtRange:
 * @id: range id or %NULL
 * @label: (nullable): label (ranges without one are not shown in a TOC)
 * @items: (element-type VtRangeItem): ordered children
 * @behavior: (array zero-terminated=1): v3 behavior / v2 viewingHint values
 *   ("top", "no-nav", "sequence", "thumbnail-nav"…)
 * @behavior_flags: the known values of @behavior
 * @thumbnail: (element-type VtResource): thumbnails
 * @viewing_direction: v3 `viewingDirection` / v2 `viewingDirection`
 * @start_selector: (nullable): v3 `start`'s selector (a PointSelector's
 *   time), or %NULL
 *
 * A node of the table of contents. v2 flat `structures` are linked into a
 * tree by id (roots: ranges marked "top", else ranges no other range
 * references); v3 nests them in `items`.
 */
struct _VtRange
{
  char          *id;
  VtLanguageMap *label;
  GPtrArray     *items;
  char         **behavior;
  VtBehaviorFlags behavior_flags;
  GPtrArray     *thumbnail;
  VtViewingDirection viewing_direction;
  VtSelector    *start_selector;
};

VtRange  *vt_range_ref         (VtRange *self);
void      vt_range_unref       (VtRange *self);
gboolean  vt_range_has_behavior (const VtRange *self,
                                 const char    *behavior);
gboolean  vt_range_is_navigable (const VtRange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtRange, vt_range_unref)

G_END_DECLS
