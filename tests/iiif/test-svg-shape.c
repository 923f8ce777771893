/* test-svg-shape.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "vt-iiif-test-util.h"

/* The SvgSelector subset: what the cookbook's recipes write, and what a
 * hostile or broken document does to it. */

static VtSvgShape *
parse_ok (const char *svg)
{
  g_autoptr(GError) error = NULL;
  VtSvgShape *shape = vt_svg_shape_parse (svg, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (shape);
  return shape;
}

static void
assert_bounds (const VtSvgShape *shape,
               double x, double y, double w, double h)
{
  g_assert_cmpfloat_with_epsilon (shape->x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (shape->y, y, 1e-6);
  g_assert_cmpfloat_with_epsilon (shape->width, w, 1e-6);
  g_assert_cmpfloat_with_epsilon (shape->height, h, 1e-6);
}

/* Recipe 0261's shape: a path of absolute line-tos, closed, in a g. */
static void
test_cookbook_path (void)
{
  g_autoptr(VtSvgShape) shape =
    parse_ok ("<svg xmlns='http://www.w3.org/2000/svg'><g><path d='M270.000,1900.000 "
              "L1530.000,1900.000 L1530.000,1610.000 L1315.000,1300.000 L1200.000,986.000 "
              "L904.000,661.000 L600.000,986.000 L382.000,1300.000 L270.000,1630.000 z' /></g></svg>");
  VtSvgSubpath *s;

  g_assert_cmpuint (shape->subpaths->len, ==, 1);
  s = g_ptr_array_index (shape->subpaths, 0);
  g_assert_true (s->closed);
  g_assert_cmpuint (s->points->len, ==, 9);
  assert_bounds (shape, 270, 661, 1260, 1239);

  g_assert_true (vt_svg_shape_contains (shape, 900, 1500, 0));
  g_assert_false (vt_svg_shape_contains (shape, 300, 700, 0));   /* in the box, outside the polygon */
  g_assert_false (vt_svg_shape_contains (shape, 100, 100, 5));
  g_assert_true (vt_svg_shape_contains (shape, 269, 1800, 2));    /* near its edge */
}

static void
test_elements (void)
{
  g_autoptr(VtSvgShape) shape =
    parse_ok ("<svg xmlns='http://www.w3.org/2000/svg'>"
              "<rect x='10' y='20' width='30' height='40'/>"
              "<circle cx='100' cy='100' r='10'/>"
              "<ellipse cx='200' cy='100' rx='20' ry='5'/>"
              "<polygon points='300,300 310,300 305,310'/>"
              "<polyline points='400 400, 410 410 420 400'/>"
              "<line x1='0' y1='500' x2='5' y2='505'/>"
              "<defs><rect x='9000' y='9000' width='1' height='1'/></defs>"
              "<text x='8000'>not a shape</text>"
              "</svg>");
  VtSvgSubpath *polyline;

  g_assert_cmpuint (shape->subpaths->len, ==, 6);
  assert_bounds (shape, 0, 20, 420, 485);
  polyline = g_ptr_array_index (shape->subpaths, 4);
  g_assert_false (polyline->closed);
  g_assert_cmpuint (polyline->points->len, ==, 3);

  g_assert_true (vt_svg_shape_contains (shape, 25, 40, 0));      /* rect */
  g_assert_true (vt_svg_shape_contains (shape, 100, 105, 0));    /* circle */
  g_assert_false (vt_svg_shape_contains (shape, 109, 109, 0));   /* its bounding box only */
  g_assert_true (vt_svg_shape_contains (shape, 215, 100, 0));    /* ellipse */
  g_assert_true (vt_svg_shape_contains (shape, 405, 405, 0.5));  /* on the polyline */
  g_assert_false (vt_svg_shape_contains (shape, 410, 402, 0.5)); /* an open line has no inside */
}

static void
test_path_commands (void)
{
  g_autoptr(VtSvgShape) rel = NULL;
  g_autoptr(VtSvgShape) curves = NULL;
  g_autoptr(VtSvgShape) arc = NULL;
  g_autoptr(GError) error = NULL;

  /* Relative moves and lines, H and V, implicit line-tos after M. */
  rel = vt_svg_shape_parse_path ("m10 10 20 0 v20 h-20 z m100,100 l10,0 0,10 Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rel->subpaths->len, ==, 2);
  assert_bounds (rel, 10, 10, 110, 110);   /* m after z starts from (10,10) */

  /* Curves are flattened but end where they should; numbers run into one
   * another as SVG allows ("1.5.5", "-1-1", exponents). */
  curves = vt_svg_shape_parse_path ("M0,0C0,10 10,10 10,0S20-10 20,0Q25,10 30,0T40,0"
                                    "L1.5.5 1e1-1e0", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (curves->subpaths->len, ==, 1);
  g_assert_cmpuint (vt_svg_shape_get_n_points (curves), >, 40);
  g_assert_cmpfloat (curves->x + curves->width, ==, 40);

  /* A half circle arc from (0,0) to (20,0) through y = 10 (sweep 1 goes
   * below in SVG's y-down space... the arc stays within its radius). */
  arc = vt_svg_shape_parse_path ("M0,0 A10,10 0 0 1 20,0", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (arc->height - 10), <, 0.5);
  g_assert_cmpfloat (fabs (arc->width - 20), <, 1e-6);
}

static void
test_malformed (void)
{
  static const char * const bad[] = {
    "",
    "not xml at all",
    "<svg",
    "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
    "<svg><path/></svg>",
    "<svg><path d=''/></svg>",
    "<svg><path d='L10,10 20,20'/></svg>",         /* no moveto first */
    "<svg><path d='M10,10'/></svg>",               /* one point draws nothing */
    "<svg><path d='M nan,nan L inf,1'/></svg>",
    "<svg><path d='M 0x10,0 L1,1'/></svg>",
    "<svg><path d='M 1e400,0 L1,1'/></svg>",
    "<svg><circle cx='1' cy='1' r='-5'/></svg>",
    "<svg><rect x='1' y='1' width='0' height='4'/></svg>",
    "<svg><rect width='10em' height='4'/></svg>",   /* units a canvas has not */
    "<svg><polygon points='1'/></svg>",
    "<!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
    "<svg><path d='&b;'/></svg>",
    "<!DOCTYPE svg SYSTEM 'http://127.0.0.1:1/x.dtd'><svg><path d='M0'/></svg>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtSvgShape) shape = vt_svg_shape_parse (bad[i], -1, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (shape);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE);
    }
}

/* What comes before an error in path data is kept (SVG's own rule). */
static void
test_partial (void)
{
  g_autoptr(VtSvgShape) shape = parse_ok ("<svg><path d='M0,0 L10,0 L10,10 X 99,99 L500,500'/></svg>");

  g_assert_cmpuint (vt_svg_shape_get_n_points (shape), ==, 3);
  assert_bounds (shape, 0, 0, 10, 10);
}

/* Bounded whatever comes in: a path of a million points, a million
 * elements, nesting far beyond any drawing. */
static void
test_limits (void)
{
  g_autoptr(GString) path = g_string_new ("<svg><path d='M0,0");
  g_autoptr(GString) many = g_string_new ("<svg>");
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(VtSvgShape) big = NULL;
  g_autoptr(VtSvgShape) elements = NULL;
  g_autoptr(VtSvgShape) nested = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (path, " L%u,%u", i % 1000, i / 1000);
  g_string_append (path, "'/></svg>");
  big = parse_ok (path->str);
  g_assert_cmpuint (vt_svg_shape_get_n_points (big), ==, VT_SVG_SHAPE_MAX_POINTS);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (many, "<rect x='%u' y='0' width='1' height='1'/>", i);
  g_string_append (many, "</svg>");
  elements = parse_ok (many->str);
  g_assert_cmpuint (elements->subpaths->len, ==, VT_SVG_SHAPE_MAX_ELEMENTS);

  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "<g>");
  g_string_append (deep, "<rect width='1' height='1'/>");
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "</g>");
  nested = vt_svg_shape_parse (deep->str, -1, &error);
  g_assert_null (nested);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE);
}

/* Every prefix of a good document, and every byte flipped, gives a shape
 * or an error, never a crash (the fuzzer does this at length). */
static void
test_truncated (void)
{
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg'><g><path d='M1,2 C3,4 5,6 7,8 "
                    "A5,5 30 1 0 20,20 Q1,1 2,2 T9,9 S1,1 5,5 z'/><circle cx='5' cy='5' r='2'/>"
                    "<polygon points='1,1 5,1 3,3'/></g></svg>";
  gsize len = strlen (svg);

  for (gsize i = 0; i <= len; i++)
    {
      g_autoptr(VtSvgShape) shape = vt_svg_shape_parse (svg, i, NULL);
      g_autofree char *flipped = g_strdup (svg);

      if (shape != NULL)
        g_assert_cmpuint (shape->subpaths->len, >, 0);
      if (i < len)
        {
          g_autoptr(VtSvgShape) other = NULL;

          flipped[i] = "0.-eZzMAa ,<>"[i % 13];
          other = vt_svg_shape_parse (flipped, -1, NULL);
          if (other != NULL)
            g_assert_true (isfinite (other->width) && isfinite (other->height));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/svg-shape/cookbook-path", test_cookbook_path);
  g_test_add_func ("/vitrine/iiif/svg-shape/elements", test_elements);
  g_test_add_func ("/vitrine/iiif/svg-shape/path-commands", test_path_commands);
  g_test_add_func ("/vitrine/iiif/svg-shape/malformed", test_malformed);
  g_test_add_func ("/vitrine/iiif/svg-shape/partial", test_partial);
  g_test_add_func ("/vitrine/iiif/svg-shape/limits", test_limits);
  g_test_add_func ("/vitrine/iiif/svg-shape/truncated", test_truncated);

  return g_test_run ();
}
