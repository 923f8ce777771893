/* vt-selector.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-iiif-types.h"

G_BEGIN_DECLS

/**
 * VtSelectorKind:
 * @VT_SELECTOR_OTHER: a selector type Vitrine does not read (@type says which)
 * @VT_SELECTOR_FRAGMENT: a media fragment (`FragmentSelector`, or the
 *   `#xywh=…&t=…` of a URI): a region and/or a time range
 * @VT_SELECTOR_IMAGE_API: an `ImageApiSelector` (region, size, rotation,
 *   quality, format of an image service request)
 * @VT_SELECTOR_SVG: an `SvgSelector` (the SVG text in @value)
 * @VT_SELECTOR_POINT: a `PointSelector` (x, y and/or t)
 *
 * What a #VtSelector selects with.
 */
typedef enum
{
  VT_SELECTOR_OTHER = 0,
  VT_SELECTOR_FRAGMENT,
  VT_SELECTOR_IMAGE_API,
  VT_SELECTOR_SVG,
  VT_SELECTOR_POINT,
} VtSelectorKind;

/**
 * VtSelector:
 * @kind: what it is
 * @type: the type as written (e.g. "oa:SvgSelector"), or %NULL for a URI
 *   fragment
 * @value: FragmentSelector: its value as written; SvgSelector: the SVG
 *   document (raw, at most %VT_IIIF_MAX_TEXT_LENGTH bytes; never trusted);
 *   else %NULL
 * @has_rect: whether @x, @y, @width, @height hold a region (xywh or an
 *   ImageApiSelector region `x,y,w,h` / `pct:x,y,w,h`)
 * @percent: whether the region is in per cent of the target's size
 *   (`xywh=percent:`, `pct:`) instead of pixels; see vt_selector_get_rect()
 * @x: left; finite and >= 0
 * @y: top; finite and >= 0
 * @width: > 0
 * @height: > 0
 * @has_time: whether @time_start (and maybe @time_end) hold a time
 *   (`t=` of a fragment, `t` of a PointSelector)
 * @time_start: seconds, >= 0
 * @time_end: seconds, > @time_start, or -1 for an open range or a point
 * @has_point: whether @point_x, @point_y hold a PointSelector's point
 * @point_x: x in the target's pixels
 * @point_y: y
 * @region: ImageApiSelector region as written ("full", "square", "x,y,w,h",
 *   "pct:…"), or %NULL
 * @size: ImageApiSelector size as written, or %NULL
 * @rotation: ImageApiSelector rotation in degrees clockwise, [0, 360)
 * @mirror: ImageApiSelector `!` mirroring (before rotating)
 * @quality: ImageApiSelector quality, or %NULL
 * @format: ImageApiSelector format, or %NULL
 *
 * A selector of a SpecificResource (the part of a body or target meant),
 * Presentation 2 `oa:` spellings included. Immutable once parsed.
 */
typedef struct
{
  VtSelectorKind kind;
  char          *type;
  char          *value;
  gboolean       has_rect;
  gboolean       percent;
  double         x;
  double         y;
  double         width;
  double         height;
  gboolean       has_time;
  double         time_start;
  double         time_end;
  gboolean       has_point;
  double         point_x;
  double         point_y;
  char          *region;
  char          *size;
  double         rotation;
  gboolean       mirror;
  char          *quality;
  char          *format;
} VtSelector;

#define VT_TYPE_SELECTOR (vt_selector_get_type ())

GType       vt_selector_get_type      (void) G_GNUC_CONST;
VtSelector *vt_selector_new           (VtSelectorKind  kind);
VtSelector *vt_selector_new_from_fragment (const char *fragment);
VtSelector *vt_selector_ref           (VtSelector     *self);
void        vt_selector_unref         (VtSelector     *self);
gboolean    vt_selector_get_rect      (const VtSelector *self,
                                       gint64            target_width,
                                       gint64            target_height,
                                       VtRect           *out_rect);
const char *vt_selector_kind_to_string (VtSelectorKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSelector, vt_selector_unref)

G_END_DECLS
