/* vt-svg-shape.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The most points one shape keeps (curves and circles are flattened into
 * points); the rest of a bigger shape is dropped. */
#define VT_SVG_SHAPE_MAX_POINTS   65536
/* The most shape elements read from one SVG document. */
#define VT_SVG_SHAPE_MAX_ELEMENTS 1024

/**
 * VtSvgPoint:
 * @x: in the SVG's user units, which are the target's (canvas) pixels
 * @y:
 */
typedef struct
{
  double x;
  double y;
} VtSvgPoint;

/**
 * VtSvgSubpath:
 * @points: (element-type VtSvgPoint): at least one point, all finite
 * @closed: whether the last point joins the first (a polygon, a `Z`, a
 *   rect, circle or ellipse); an open one (polyline, line, a path without
 *   `Z`) is only a line
 */
typedef struct
{
  GArray   *points;
  gboolean  closed;
} VtSvgSubpath;

/**
 * VtSvgShape:
 * @subpaths: (element-type VtSvgSubpath): the outlines, in document order;
 *   never empty
 * @x: left of the bounding box of every point
 * @y: top
 * @width: >= 0
 * @height: >= 0
 *
 * The geometry of an SvgSelector: the subset of SVG the cookbook's
 * annotations use (`path`, `polygon`, `polyline`, `line`, `rect`,
 * `circle`, `ellipse`, in any `g` or `svg`), flattened into polygons and
 * polylines. Styling, `transform`, `use` and everything else is ignored
 * (the Web Annotation model asks publishers to leave them out).
 * Immutable once parsed.
 */
typedef struct
{
  GPtrArray *subpaths;
  double     x;
  double     y;
  double     width;
  double     height;
} VtSvgShape;

#define VT_TYPE_SVG_SHAPE (vt_svg_shape_get_type ())

GType       vt_svg_shape_get_type     (void) G_GNUC_CONST;
VtSvgShape *vt_svg_shape_parse        (const char       *svg,
                                       gssize            length,
                                       GError          **error);
VtSvgShape *vt_svg_shape_parse_path   (const char       *d,
                                       GError          **error);
VtSvgShape *vt_svg_shape_ref          (VtSvgShape       *self);
void        vt_svg_shape_unref        (VtSvgShape       *self);
guint       vt_svg_shape_get_n_points (const VtSvgShape *self);
gboolean    vt_svg_shape_contains     (const VtSvgShape *self,
                                       double            x,
                                       double            y,
                                       double            tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSvgShape, vt_svg_shape_unref)

G_END_DECLS
