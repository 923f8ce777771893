/* test-pixel-zoom.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "vt-canvas-test-util.h"
#include "vt-tile-magnifier.h"

/* From 200 % the view shows single pixels as uniform blocks with hard
 * edges (nearest-neighbour, as Loupe does), below it stays smooth. Rendered
 * under Xvfb with the window's renderer and compared, device pixel by
 * device pixel, with the source pixel each one shows.
 *
 * Set VT_TEST_SCREENSHOT_DIR to keep the 400 % frame as a PNG. */

#define IMAGE_W 600
#define IMAGE_H 400
#define VIEW_W  640
#define VIEW_H  480

static char *fixture_path;
static guchar *source_pixels;   /* RGB */

/* Pixel-art-like: every pixel its own colour, next to very different
 * ones, so any blend between two pixels shows as a mismatch. */
static VipsImage *
make_pixel_art (void)
{
  g_autoptr (VipsImage) xy = NULL, x = NULL, y = NULL, xr = NULL, yr = NULL, z = NULL, zr = NULL;
  g_autoptr (VipsImage) ru = NULL, gu = NULL, bu = NULL;
  VipsImage *bands[3];
  VipsImage *out = NULL;

  g_assert_cmpint (vips_xyz (&xy, IMAGE_W, IMAGE_H, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &x, 0, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &y, 1, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (x, &xr, 53, 0, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (y, &yr, 97, 0, NULL), ==, 0);
  g_assert_cmpint (vips_eorimage (x, y, &z, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (z, &zr, 29, 0, NULL), ==, 0);
  {
    g_autoptr (VipsImage) r = NULL, g = NULL, b = NULL;

    g_assert_cmpint (vips_remainder_const1 (xr, &r, 256, NULL), ==, 0);
    g_assert_cmpint (vips_remainder_const1 (yr, &g, 256, NULL), ==, 0);
    g_assert_cmpint (vips_remainder_const1 (zr, &b, 256, NULL), ==, 0);
    g_assert_cmpint (vips_cast_uchar (r, &ru, NULL), ==, 0);
    g_assert_cmpint (vips_cast_uchar (g, &gu, NULL), ==, 0);
    g_assert_cmpint (vips_cast_uchar (b, &bu, NULL), ==, 0);
  }
  bands[0] = ru;
  bands[1] = gu;
  bands[2] = bu;
  g_assert_cmpint (vips_bandjoin (bands, &out, 3, NULL), ==, 0);
  out->Type = VIPS_INTERPRETATION_sRGB;
  return out;
}

/* Device pixels (of those showing the image, away from a pixel boundary)
 * whose colour is not exactly that of the source pixel under their centre. */
static double
mismatch_fraction (VtImageView *view,
                   VtPixels    *shown)
{
  VtViewport *vp = vt_image_view_get_viewport (view);
  guint checked = 0, mismatched = 0;

  for (int py = 0; py < shown->height; py++)
    for (int px = 0; px < shown->width; px++)
      {
        const guchar *s = shown->data + ((gsize) py * shown->width + px) * 4;
        const guchar *e;
        double ix, iy;
        gboolean same = TRUE;

        vt_viewport_widget_to_image (vp, px + 0.5, py + 0.5, &ix, &iy);
        if (ix < 0 || iy < 0 || ix >= IMAGE_W || iy >= IMAGE_H ||
            fabs (ix - round (ix)) < 0.01 || fabs (iy - round (iy)) < 0.01)
          continue;
        e = source_pixels + ((gsize) floor (iy) * IMAGE_W + (gsize) floor (ix)) * 3;
        for (int b = 0; b < 3; b++)
          same = same && ABS ((int) s[b] - (int) e[b]) <= 1;
        checked++;
        mismatched += !same;
      }
  g_assert_cmpuint (checked, >, (guint) (VIEW_W * VIEW_H / 4));
  return (double) mismatched / checked;
}

static void
save_screenshot (VtPixels   *shown,
                 const char *name)
{
  const char *dir = g_getenv ("VT_TEST_SCREENSHOT_DIR");
  g_autoptr (VipsImage) image = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  image = vips_image_new_from_memory (shown->data, (gsize) shown->width * shown->height * 4,
                                      shown->width, shown->height, 4, VIPS_FORMAT_UCHAR);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (vips_pngsave (image, path, NULL), ==, 0);
  g_test_message ("saved %s", path);
}

static GtkWidget *
open_view (VtImageView **view)
{
  GtkWidget *window = vt_test_window_new (VIEW_W, VIEW_H, view);

  vt_test_wait_for_size (GTK_WIDGET (*view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (*view)), ==, VIEW_W);
  g_assert_true (vt_test_open_file (*view, fixture_path));
  return window;
}

typedef struct
{
  double zoom;
  gboolean nearest;
} ZoomCase;

static void
test_zoom (gconstpointer data)
{
  const ZoomCase *zc = data;
  g_autoptr (VtPixels) shown = NULL;
  VtImageView *view;
  GtkWidget *window;
  double fraction;

  if (vt_test_skip_without_display ())
    return;

  window = open_view (&view);
  /* Centred on a pixel corner, so that at a whole zoom pixel edges fall
   * on device pixel edges. */
  vt_test_set_view (view, zc->zoom, IMAGE_W / 2, IMAGE_H / 2);
  g_assert_true (vt_test_wait_sharp (view));

  shown = vt_test_render (view);
  fraction = mismatch_fraction (view, shown);
  g_test_message ("zoom %.2f: %.2f %% of device pixels are not their source pixel",
                  zc->zoom, fraction * 100);
  if (zc->nearest)
    {
      /* Every device pixel is exactly its source pixel: uniform blocks,
       * hard edges, nothing blended. */
      g_assert_cmpfloat (fraction, ==, 0.0);
      if (zc->zoom == 4.0)
        save_screenshot (shown, "pixel-zoom-400.png");
    }
  else
    /* Smooth: most pixels at 150 % blend two or four neighbours. */
    g_assert_cmpfloat (fraction, >, 0.25);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The upscaled chunks are bounded by the tile cache: with too small a
 * budget the view stays smooth rather than evicting what it shows, and it
 * settles (nothing is asked for again and again). */
static void
test_budget (void)
{
  VtImageView *view;
  GtkWidget *window;
  VtTileCache *cache;

  if (vt_test_skip_without_display ())
    return;

  window = open_view (&view);
  vt_image_view_set_cache_size (view, 12 * 1024 * 1024);
  vt_test_set_view (view, 8.0, IMAGE_W / 2, IMAGE_H / 2);
  g_assert_true (vt_test_wait_sharp (view));
  cache = vt_tile_layer_get_cache (vt_image_view_get_layer (view));
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), <=, vt_tile_cache_get_max_bytes (cache));
  g_assert_cmpuint (vt_image_view_get_n_loading (view), ==, 0);
  {
    g_autoptr (VtPixels) shown = vt_test_render (view);

    g_assert_cmpfloat (mismatch_fraction (view, shown), >, 0.25);
  }

  /* With the default budget, 800 % is magnified, and the cache stays
   * within it. */
  vt_image_view_set_cache_size (view, VT_TILE_CACHE_DEFAULT_SIZE);
  vt_test_set_view (view, 7.9, IMAGE_W / 2, IMAGE_H / 2);
  g_assert_true (vt_test_wait_sharp (view));
  vt_test_set_view (view, 8.0, IMAGE_W / 2, IMAGE_H / 2);
  g_assert_true (vt_test_wait_sharp (view));
  {
    g_autoptr (VtPixels) shown = vt_test_render (view);

    g_assert_cmpfloat (mismatch_fraction (view, shown), ==, 0.0);
  }
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), <=, vt_tile_cache_get_max_bytes (cache));

  gtk_window_destroy (GTK_WINDOW (window));
}

static const ZoomCase zoom_cases[] = {
  { 1.5, FALSE },
  { 2.0, TRUE },
  { 3.0, TRUE },
  { 4.0, TRUE },
};

int
main (int argc, char *argv[])
{
  if (vt_test_init_display (&argc, &argv))
    {
      g_autoptr (VipsImage) image = make_pixel_art ();
      size_t size;

      fixture_path = vt_test_write_fixture (image, "pixel-art.png", NULL);
      source_pixels = vips_image_write_to_memory (image, &size);
      g_assert_cmpuint (size, ==, (gsize) IMAGE_W * IMAGE_H * 3);
    }

  for (guint i = 0; i < G_N_ELEMENTS (zoom_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vitrine/pixel-zoom/%s-%.0f",
                                               zoom_cases[i].nearest ? "nearest" : "smooth",
                                               zoom_cases[i].zoom * 100);

      g_test_add_data_func (path, &zoom_cases[i], test_zoom);
    }
  g_test_add_func ("/vitrine/pixel-zoom/budget", test_budget);

  return g_test_run ();
}
