/* test-viewport.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "vt-viewport.h"

static VtViewport *
make_viewport (double iw, double ih, double w, double h)
{
  VtViewport *vp = vt_viewport_new ();

  vt_viewport_set_size (vp, w, h);
  vt_viewport_set_image_size (vp, iw, ih);
  return vp;
}

static void
test_fit (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);

  /* 800 / 9000 is tighter than 1280 / 12000. */
  g_assert_true (vt_viewport_get_fitted (vp));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 9000, 1e-12);
  g_assert_cmpfloat (vt_viewport_get_center_x (vp), ==, 6000);
  g_assert_cmpfloat (vt_viewport_get_center_y (vp), ==, 4500);
  g_assert_cmpfloat (vt_viewport_get_min_zoom (vp), ==, vt_viewport_get_zoom (vp));

  /* Fit follows resizes while nobody zoomed. */
  vt_viewport_set_size (vp, 2400, 800);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 9000, 1e-12);
  vt_viewport_set_size (vp, 600, 800);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 600.0 / 12000, 1e-12);

  /* A zoom ends it; a resize then keeps the zoom. */
  vt_viewport_set_zoom (vp, 0.5);
  g_assert_false (vt_viewport_get_fitted (vp));
  vt_viewport_set_size (vp, 1280, 800);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, 0.5);

  vt_viewport_fit (vp);
  g_assert_true (vt_viewport_get_fitted (vp));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 9000, 1e-12);
}

/* Beside a larger object at true scale, an image may be smaller than its
 * widget: centred, never pushed off. */
static void
test_min_zoom_factor (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);
  double fit = vt_viewport_get_fit_zoom (vp);

  vt_viewport_set_zoom (vp, fit / 4);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), fit, 1e-12);

  vt_viewport_set_min_zoom_factor (vp, 1.0 / 8);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_min_zoom (vp), fit / 8, 1e-12);
  vt_viewport_set_zoom (vp, fit / 4);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), fit / 4, 1e-12);
  vt_viewport_set_center (vp, 100, 100);
  g_assert_cmpfloat (vt_viewport_get_center_x (vp), ==, 6000);
  g_assert_cmpfloat (vt_viewport_get_center_y (vp), ==, 4500);

  /* Back to a lone image: the zoom comes back up to fit. */
  vt_viewport_set_min_zoom_factor (vp, 1.0);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), fit, 1e-12);
}

static void
test_small_image (void)
{
  g_autoptr (VtViewport) vp = make_viewport (100, 50, 1280, 800);

  /* A tiny image is not blown up past the maximum zoom. */
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, VT_VIEWPORT_DEFAULT_MAX_ZOOM);
  vt_viewport_set_zoom (vp, 100);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, VT_VIEWPORT_DEFAULT_MAX_ZOOM);
  vt_viewport_set_zoom (vp, 0.001);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, VT_VIEWPORT_DEFAULT_MAX_ZOOM);
}

static void
test_clamp_zoom (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);

  vt_viewport_set_zoom (vp, 1000);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, 4.0);
  vt_viewport_set_zoom (vp, 1e-6);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 9000, 1e-12);
  vt_viewport_set_zoom (vp, NAN);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 9000, 1e-12);
  vt_viewport_set_max_zoom (vp, 2.0);
  vt_viewport_set_zoom (vp, 3.0);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, 2.0);
}

static void
test_clamp_center (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);

  vt_viewport_set_zoom (vp, 1.0);
  vt_viewport_set_center (vp, -500, 1e9);
  /* No empty band beyond the image's edges. */
  g_assert_cmpfloat (vt_viewport_get_center_x (vp), ==, 640);
  g_assert_cmpfloat (vt_viewport_get_center_y (vp), ==, 9000 - 400);

  /* An axis on which the image is smaller than the view is centred. */
  vt_viewport_set_zoom (vp, 0.1);
  vt_viewport_set_center (vp, 0, 0);
  g_assert_cmpfloat (vt_viewport_get_center_x (vp), ==, 6000);
  g_assert_cmpfloat (vt_viewport_get_center_y (vp), ==, 4000);
}

static void
test_round_trip (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);

  vt_viewport_set_zoom (vp, 0.37);
  vt_viewport_set_center (vp, 5000, 4000);

  for (guint r = 0; r < 4; r++)
    {
      double ix, iy, wx, wy;

      vt_viewport_set_rotation (vp, r * 90);
      g_assert_cmpuint (vt_viewport_get_rotation (vp), ==, r * 90);
      vt_viewport_widget_to_image (vp, 640, 400, &ix, &iy);
      g_assert_cmpfloat_with_epsilon (ix, vt_viewport_get_center_x (vp), 1e-9);
      g_assert_cmpfloat_with_epsilon (iy, vt_viewport_get_center_y (vp), 1e-9);

      vt_viewport_widget_to_image (vp, 100, 700, &ix, &iy);
      vt_viewport_image_to_widget (vp, ix, iy, &wx, &wy);
      g_assert_cmpfloat_with_epsilon (wx, 100, 1e-9);
      g_assert_cmpfloat_with_epsilon (wy, 700, 1e-9);
    }
}

static void
test_rotation (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);
  double wx, wy, cx, cy;

  /* A clockwise quarter turn: the image's top-left corner goes top-right. */
  vt_viewport_set_rotation (vp, 90);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 800.0 / 12000, 1e-12);
  vt_viewport_image_to_widget (vp, 0, 0, &wx, &wy);
  vt_viewport_image_to_widget (vp, 6000, 4500, &cx, &cy);
  g_assert_cmpfloat (wx, >, cx);
  g_assert_cmpfloat (wy, <, cy);
  g_assert_cmpfloat_with_epsilon (wy, 0, 1e-9);

  vt_viewport_rotate (vp, -2);
  g_assert_cmpuint (vt_viewport_get_rotation (vp), ==, 270);
  vt_viewport_rotate (vp, 1);
  g_assert_cmpuint (vt_viewport_get_rotation (vp), ==, 0);
  vt_viewport_set_rotation (vp, 100);
  g_assert_cmpuint (vt_viewport_get_rotation (vp), ==, 90);
}

static void
test_zoom_at (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);
  double ix0, iy0, ix1, iy1;

  vt_viewport_set_zoom (vp, 0.25);
  vt_viewport_set_center (vp, 6000, 4500);
  vt_viewport_widget_to_image (vp, 300, 200, &ix0, &iy0);
  vt_viewport_zoom_at (vp, 1.0, 300, 200);
  g_assert_cmpfloat (vt_viewport_get_zoom (vp), ==, 1.0);
  vt_viewport_widget_to_image (vp, 300, 200, &ix1, &iy1);
  /* The point under the pointer stays under it. */
  g_assert_cmpfloat_with_epsilon (ix0, ix1, 1e-9);
  g_assert_cmpfloat_with_epsilon (iy0, iy1, 1e-9);
  g_assert_false (vt_viewport_get_fitted (vp));
}

static void
test_pan (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);

  vt_viewport_set_zoom (vp, 0.5);
  vt_viewport_set_center (vp, 6000, 4500);
  /* Dragging the image right by 100 px shows what is left of it. */
  vt_viewport_pan (vp, 100, -50);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_x (vp), 5800, 1e-9);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_y (vp), 4600, 1e-9);
}

static void
test_visible_rect (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);
  double x, y, w, h;

  vt_viewport_set_zoom (vp, 0.5);
  vt_viewport_set_center (vp, 6000, 4500);
  vt_viewport_get_visible_rect (vp, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (x, 6000 - 1280, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 4500 - 800, 1e-9);
  g_assert_cmpfloat_with_epsilon (w, 2560, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 1600, 1e-9);

  vt_viewport_set_rotation (vp, 90);
  vt_viewport_get_visible_rect (vp, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 1600, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 2560, 1e-9);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr (VtViewport) vp = make_viewport (12000, 9000, 1280, 800);
  guint count = 0;

  g_signal_connect (vp, "notify::zoom", G_CALLBACK (count_notify), &count);
  vt_viewport_set_zoom (vp, 1.0);
  g_assert_cmpuint (count, ==, 1);
  vt_viewport_set_zoom (vp, 1.0);
  g_assert_cmpuint (count, ==, 1);
  vt_viewport_set_center (vp, 100, 100);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_empty (void)
{
  g_autoptr (VtViewport) vp = vt_viewport_new ();
  double x, y;

  /* No geometry: nothing divides by zero. */
  vt_viewport_zoom_at (vp, 2, 10, 10);
  vt_viewport_fit (vp);
  vt_viewport_widget_to_image (vp, 10, 10, &x, &y);
  g_assert_true (isfinite (x) && isfinite (y));
  g_assert_cmpfloat (vt_viewport_get_fit_zoom (vp), ==, 1.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/viewport/fit", test_fit);
  g_test_add_func ("/vitrine/viewport/small-image", test_small_image);
  g_test_add_func ("/vitrine/viewport/clamp-zoom", test_clamp_zoom);
  g_test_add_func ("/vitrine/viewport/clamp-center", test_clamp_center);
  g_test_add_func ("/vitrine/viewport/round-trip", test_round_trip);
  g_test_add_func ("/vitrine/viewport/rotation", test_rotation);
  g_test_add_func ("/vitrine/viewport/zoom-at", test_zoom_at);
  g_test_add_func ("/vitrine/viewport/pan", test_pan);
  g_test_add_func ("/vitrine/viewport/visible-rect", test_visible_rect);
  g_test_add_func ("/vitrine/viewport/notify", test_notify);
  g_test_add_func ("/vitrine/viewport/empty", test_empty);
  g_test_add_func ("/vitrine/viewport/min-zoom-factor", test_min_zoom_factor);

  return g_test_run ();
}
