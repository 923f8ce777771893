/* vt-canvas-test-util.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vt-canvas-test-util.h"
#include "vt-local-source.h"

static gboolean have_display;
static char *fixture_dir;

void
vt_pixels_free (VtPixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

static void
remove_fixture_dir (void)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (fixture_dir == NULL)
    return;
  dir = g_dir_open (fixture_dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture_dir);
  g_clear_pointer (&fixture_dir, g_free);
}

static void
log_free (gpointer data)
{
  VtTestLog *log = data;

  g_array_unref (log->requests);
  g_array_unref (log->cancels);
  g_array_unref (log->prefetches);
  g_free (log);
}

static void
log_event (VtTileLayer      *layer,
           VtTileDebugEvent  event,
           guint64           key,
           gpointer          user_data)
{
  VtTestLog *log = user_data;

  switch (event)
    {
    case VT_TILE_DEBUG_REQUEST:
      g_array_append_val (log->requests, key);
      break;
    case VT_TILE_DEBUG_PREFETCH:
      g_array_append_val (log->prefetches, key);
      break;
    case VT_TILE_DEBUG_CANCEL:
    default:
      g_array_append_val (log->cancels, key);
      break;
    }
}

/* Starts logging the view's requests and cancellations; the log lives as
 * long as the view. */
VtTestLog *
vt_test_log_attach (VtImageView *view)
{
  VtTestLog *log = g_new0 (VtTestLog, 1);

  log->requests = g_array_new (FALSE, FALSE, sizeof (guint64));
  log->cancels = g_array_new (FALSE, FALSE, sizeof (guint64));
  log->prefetches = g_array_new (FALSE, FALSE, sizeof (guint64));
  vt_tile_layer_set_debug_hook (vt_image_view_get_layer (view), log_event, log, log_free);
  return log;
}

void
vt_test_log_reset (VtTestLog *log)
{
  g_array_set_size (log->requests, 0);
  g_array_set_size (log->cancels, 0);
  g_array_set_size (log->prefetches, 0);
}

/* Shows a local file through a VtLocalSource, as the window does. */
gboolean
vt_test_open_file (VtImageView *view,
                   const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VtLocalSource) source = vt_local_source_new (path, &error);

  if (source == NULL)
    {
      vt_image_view_fail (view, error);
      return FALSE;
    }
  vt_image_view_set_source (view, VT_TILE_SOURCE (source));
  return TRUE;
}

/* Opens the display if there is one; the tests skip cleanly otherwise. */
gboolean
vt_test_init_display (int    *argc,
                      char ***argv)
{
  g_test_init (argc, argv, NULL);
  vt_decoder_get_default ();
  have_display = gtk_init_check ();
  fixture_dir = g_dir_make_tmp ("vitrine-canvas-XXXXXX", NULL);
  g_assert_nonnull (fixture_dir);
  atexit (remove_fixture_dir);
  return have_display;
}

gboolean
vt_test_skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("no display (run under xvfb-run)");
  return !have_display;
}

/* A smooth, textured RGB image: Worley cells in red, a horizontal ramp in
 * green and a vertical ramp in blue. Smooth, so that resampling with any
 * reasonable filter agrees closely, yet every region differs from the
 * next, so a misplaced tile shows. */
VipsImage *
vt_test_make_image (int width,
                    int height)
{
  g_autoptr (VipsImage) worley = NULL, red = NULL, xy = NULL, x = NULL, y = NULL;
  g_autoptr (VipsImage) green = NULL, blue = NULL;
  VipsImage *bands[3];
  VipsImage *out = NULL;

  g_assert_cmpint (vips_worley (&worley, width, height, "cell_size", 150, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (worley, &red, 1.5, 20, "uchar", TRUE, NULL), ==, 0);
  g_assert_cmpint (vips_xyz (&xy, width, height, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &x, 0, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &y, 1, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (x, &green, 255.0 / width, 0, "uchar", TRUE, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (y, &blue, 255.0 / height, 0, "uchar", TRUE, NULL), ==, 0);
  bands[0] = red;
  bands[1] = green;
  bands[2] = blue;
  g_assert_cmpint (vips_bandjoin (bands, &out, 3, NULL), ==, 0);
  out->Type = VIPS_INTERPRETATION_sRGB;
  return out;
}

/* Writes @image into the test's temporary directory; returns its path. */
char *
vt_test_write_fixture (VipsImage  *image,
                       const char *name,
                       const char *options)
{
  g_autofree char *path = g_build_filename (fixture_dir, name, NULL);
  g_autofree char *target = g_strdup_printf ("%s%s", path, options ? options : "");

  g_assert_cmpint (vips_image_write_to_file (image, target, NULL), ==, 0);
  return g_steal_pointer (&path);
}

GtkWidget *
vt_test_window_new (int           width,
                    int           height,
                    VtImageView **view)
{
  GtkWidget *window = gtk_window_new ();

  *view = VT_IMAGE_VIEW (vt_image_view_new ());
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*view));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
vt_test_wait_for_size (GtkWidget *view)
{
  while (gtk_widget_get_width (view) == 0 || !gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done; @max_seconds only guards against a
 * hang (it is not a performance assertion). */
gboolean
vt_test_wait_until (gboolean   (*done) (VtImageView *view),
                    VtImageView *view,
                    guint        max_seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (max_seconds, timeout_cb, &timed_out);

  /* Progress is recomputed in an idle after a change; do it now so a
   * stale "sharp" from before the change does not end the wait. */
  vt_image_view_update_now (view);
  while (!done (view) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
is_sharp (VtImageView *view)
{
  return vt_image_view_get_sharp (view) && vt_image_view_get_n_loading (view) == 0;
}

gboolean
vt_test_wait_sharp (VtImageView *view)
{
  return vt_test_wait_until (is_sharp, view, 60);
}

static gboolean
is_settled (VtImageView *view)
{
  return !vt_image_view_is_animating (view) && vt_image_view_get_n_loading (view) == 0 &&
         vt_image_view_get_visible_tiles (view) > 0 &&
         vt_image_view_get_loaded_tiles (view) == vt_image_view_get_visible_tiles (view);
}

/* Every visible tile either loaded or failed, nothing in flight. */
gboolean
vt_test_wait_settled (VtImageView *view)
{
  return vt_test_wait_until (is_settled, view, 60);
}

void
vt_test_set_view (VtImageView *view,
                  double       zoom,
                  double       center_x,
                  double       center_y)
{
  VtViewport *vp = vt_image_view_get_viewport (view);

  vt_viewport_set_zoom (vp, zoom);
  vt_viewport_set_center (vp, center_x, center_y);
}

/* Renders the view the way its window would, with the window's renderer
 * (GL under Xvfb when Mesa is there, else Cairo). */
VtPixels *
vt_test_render (VtImageView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  VtPixels *pixels = g_new0 (VtPixels, 1);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  pixels->width = w;
  pixels->height = h;
  pixels->data = g_malloc0 ((gsize) w * h * 4);
  if (node == NULL)
    return pixels;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, w);

  /* gdk_texture_download gives premultiplied B, G, R, A in memory order. */
  gdk_texture_download (texture, pixels->data, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      guchar *p = pixels->data + i * 4, b = p[0];

      p[0] = p[2];
      p[2] = b;
    }
  return pixels;
}

/* libvips' own rendering of what @viewport shows (rotation 0): the full
 * image resized by the zoom with its default (Lanczos 3) kernel, then the
 * widget's window cut out of it. */
VtPixels *
vt_test_reference (VipsImage  *full,
                   VtViewport *viewport)
{
  double zoom = vt_viewport_get_zoom (viewport);
  double ox, oy;
  g_autoptr (VipsImage) scaled = NULL;
  g_autoptr (VipsImage) embedded = NULL;
  g_autoptr (VipsImage) rgba = NULL;
  VtPixels *pixels = g_new0 (VtPixels, 1);
  size_t size;
  int w = (int) vt_viewport_get_width (viewport);
  int h = (int) vt_viewport_get_height (viewport);

  /* Widget pixel x shows resized pixel x + ox. */
  ox = vt_viewport_get_center_x (viewport) * zoom - w / 2.0;
  oy = vt_viewport_get_center_y (viewport) * zoom - h / 2.0;

  if (zoom == 1.0)
    scaled = g_object_ref (full);
  else
    g_assert_cmpint (vips_resize (full, &scaled, zoom, NULL), ==, 0);
  /* Outside the image is transparent, as in the view. */
  g_assert_cmpint (vips_bandjoin_const1 (scaled, &rgba, 255, NULL), ==, 0);
  g_assert_cmpint (vips_embed (rgba, &embedded, (int) -round (ox), (int) -round (oy), w, h,
                               "extend", VIPS_EXTEND_BLACK, NULL), ==, 0);
  pixels->width = w;
  pixels->height = h;
  /* In this thread, like the decoder: no libvips worker threads. */
  {
    g_autoptr (VipsRegion) region = vips_region_new (embedded);
    VipsRect rect = { 0, 0, w, h };

    g_assert_cmpint (vips_region_prepare (region, &rect), ==, 0);
    size = (gsize) w * h * 4;
    pixels->data = g_malloc (size);
    for (int y = 0; y < h; y++)
      memcpy (pixels->data + (gsize) y * w * 4, VIPS_REGION_ADDR (region, 0, y), (gsize) w * 4);
  }
  return pixels;
}

/* PSNR over the pixels both images cover (alpha 255 in the reference). */
double
vt_test_psnr (VtPixels *a,
              VtPixels *b,
              int      *max_error)
{
  double sum = 0;
  guint64 n = 0;
  int worst = 0;

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (gsize i = 0; i < (gsize) a->width * a->height; i++)
    {
      const guchar *pa = a->data + i * 4, *pb = b->data + i * 4;

      if (pb[3] != 255)
        continue;
      for (int c = 0; c < 3; c++)
        {
          int d = (int) pa[c] - (int) pb[c];

          sum += d * d;
          worst = MAX (worst, ABS (d));
        }
      n += 3;
    }
  if (max_error)
    *max_error = worst;
  if (n == 0 || sum == 0)
    return 99;
  return 10 * log10 (255.0 * 255.0 / (sum / n));
}

/* Pixels inside the image (opaque in @reference) that are not fully
 * opaque in @pixels: where the window's background would show through,
 * i.e. seams or holes. */
guint
vt_test_count_holes (VtPixels *pixels,
                     VtPixels *reference)
{
  guint holes = 0;

  for (gsize i = 0; i < (gsize) pixels->width * pixels->height; i++)
    if (reference->data[i * 4 + 3] == 255 && pixels->data[i * 4 + 3] != 255)
      holes++;
  return holes;
}
