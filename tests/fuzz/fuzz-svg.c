/* fuzz-svg.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "iiif/vt-iiif.h"

/* libFuzzer target: any bytes as an SvgSelector's SVG document and as
 * path data. The result is a bounded shape of finite points that the
 * overlay can draw and hit-test, or an error. */

static void
check_shape (VtSvgShape *shape)
{
  guint n = 0;

  if (shape == NULL)
    return;
  g_assert (shape->subpaths->len > 0);
  g_assert (isfinite (shape->x) && isfinite (shape->y));
  g_assert (isfinite (shape->width) && shape->width >= 0);
  g_assert (isfinite (shape->height) && shape->height >= 0);
  for (guint i = 0; i < shape->subpaths->len; i++)
    {
      VtSvgSubpath *s = g_ptr_array_index (shape->subpaths, i);

      g_assert (s->points->len >= 2);
      n += s->points->len;
    }
  g_assert (n <= VT_SVG_SHAPE_MAX_POINTS);
  vt_svg_shape_contains (shape, shape->x + shape->width / 2, shape->y + shape->height / 2, 1);
  vt_svg_shape_unref (shape);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;

  check_shape (vt_svg_shape_parse ((const char *) data, size, NULL));

  text = g_strndup ((const char *) data, size);
  check_shape (vt_svg_shape_parse_path (text, NULL));
  return 0;
}
