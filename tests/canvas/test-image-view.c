/* test-image-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "vt-canvas-error.h"
#include "vt-canvas-test-util.h"
#include "vt-local-source.h"

/* The view over the local-file source: pixels against libvips' own
 * rendering, seams, the request set, cancellation and "never blank". */

#define IMAGE_W 2000
#define IMAGE_H 1500
#define VIEW_W  640
#define VIEW_H  480

static char *pyramid_path;
static char *flat_path;

typedef enum
{
  ZOOM_FIT,
  ZOOM_NATIVE,
  ZOOM_FRACTIONAL,
} ZoomKind;

typedef struct
{
  char **path;
  ZoomKind zoom;
  double min_psnr;
} PixelCase;

/* Places the view so that libvips' reference window starts on a whole
 * pixel of the resized image (see vt_test_reference). */
static void
apply_zoom (VtImageView *view,
            ZoomKind     kind)
{
  VtViewport *vp = vt_image_view_get_viewport (view);
  double z;

  switch (kind)
    {
    case ZOOM_FIT:
      vt_viewport_fit (vp);
      return;
    case ZOOM_NATIVE:
      z = 1.0;
      break;
    case ZOOM_FRACTIONAL:
      z = 0.61;
      break;
    default:
      g_assert_not_reached ();
    }
  vt_test_set_view (view, z, (300 + VIEW_W / 2.0) / z, (200 + VIEW_H / 2.0) / z);
}

/* Mean absolute error over whole columns (or rows) of the widget. */
static double
line_error (VtPixels *a,
            VtPixels *b,
            int       index,
            gboolean  column)
{
  int n = column ? a->height : a->width;
  double sum = 0;

  for (int i = 0; i < n; i++)
    {
      gsize off = column ? ((gsize) i * a->width + index) * 4 : ((gsize) index * a->width + i) * 4;

      for (int c = 0; c < 3; c++)
        sum += fabs ((double) a->data[off + c] - b->data[off + c]);
    }
  return sum / (3.0 * n);
}

/* A seam is a line along a tile edge that differs from the reference more
 * than the lines beside it: compare each edge line with its neighbours two
 * pixels away (a seam is one or two pixels wide). */
static void
assert_no_seams (VtImageView *view,
                 VtPixels    *shown,
                 VtPixels    *reference)
{
  VtTileSource *source = vt_image_view_get_source (view);
  VtViewport *vp = vt_image_view_get_viewport (view);
  guint level = vt_image_view_get_level (view);
  const VtSourceLevel *l = vt_tile_source_get_level (source, level);
  guint checked = 0;

  for (int axis = 0; axis < 2; axis++)
    {
      guint size = axis == 0 ? l->width : l->height;
      guint tile = axis == 0 ? l->tile_width : l->tile_height;
      double image_size = axis == 0 ? IMAGE_W : IMAGE_H;
      int limit = axis == 0 ? shown->width : shown->height;

      for (guint edge = tile; edge < size; edge += tile)
        {
          double wx, wy;
          int pos;
          double at, before, after;

          vt_viewport_image_to_widget (vp, axis == 0 ? edge * image_size / size : 0,
                                       axis == 1 ? edge * image_size / size : 0, &wx, &wy);
          pos = (int) round (axis == 0 ? wx : wy);
          if (pos < 3 || pos > limit - 4)
            continue;
          at = MAX (line_error (shown, reference, pos, axis == 0),
                    line_error (shown, reference, pos - 1, axis == 0));
          before = line_error (shown, reference, pos - 3, axis == 0);
          after = line_error (shown, reference, pos + 2, axis == 0);
          g_test_message ("edge at %d: %.2f (neighbours %.2f, %.2f)", pos, at, before, after);
          g_assert_cmpfloat (at, <=, 2 * MAX (before, after) + 1.0);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_pixels (gconstpointer data)
{
  const PixelCase *pc = data;
  g_autoptr (VipsImage) full = NULL;
  g_autoptr (VtPixels) shown = NULL;
  g_autoptr (VtPixels) reference = NULL;
  VtImageView *view;
  GtkWidget *window;
  double psnr;
  int max_error;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, VIEW_W);
  g_assert_true (vt_test_open_file (view, *pc->path));
  apply_zoom (view, pc->zoom);
  g_assert_true (vt_test_wait_sharp (view));

  shown = vt_test_render (view);
  full = vips_image_new_from_file (*pc->path, "access", VIPS_ACCESS_RANDOM, NULL);
  g_assert_nonnull (full);
  reference = vt_test_reference (full, vt_image_view_get_viewport (view));

  /* The image fills the view at all three zooms: a pixel that is not
   * opaque is a hole or a seam. */
  g_assert_cmpuint (vt_test_count_holes (shown, reference), ==, 0);

  psnr = vt_test_psnr (shown, reference, &max_error);
  g_test_message ("%s zoom %.4f level %u: PSNR %.1f dB, max error %d",
                  *pc->path, vt_viewport_get_zoom (vt_image_view_get_viewport (view)),
                  vt_image_view_get_level (view), psnr, max_error);
  g_assert_cmpfloat (psnr, >=, pc->min_psnr);

  if (pc->zoom == ZOOM_FRACTIONAL)
    assert_no_seams (view, shown, reference);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
key_in (GArray  *keys,
        guint64  key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, guint64, i) == key)
      return TRUE;
  return FALSE;
}

static void
assert_no_duplicates (GArray *keys)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < keys->len; i++)
    g_assert_true (g_hash_table_add (seen, &g_array_index (keys, guint64, i)));
}

static void
test_requests (void)
{
  g_autoptr (GArray) home = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) zoomed = g_array_new (FALSE, FALSE, sizeof (guint64));
  VtImageView *view;
  GtkWidget *window;
  VtTestLog *tiles;
  GArray *log;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  tiles = vt_test_log_attach (view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, pyramid_path));
  /* A new image asks for its first tiles in the same call, before the
   * main loop turns (no idle, no frame in between). */
  g_assert_cmpuint (tiles->requests->len, >, 0);
  g_assert_cmpuint (vt_image_view_get_n_loading (view), >, 0);
  g_assert_true (vt_test_wait_sharp (view));

  /* Home: exactly the minimal set, placeholder first. */
  vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), home);
  log = tiles->requests;
  assert_no_duplicates (log);
  g_assert_cmpuint (log->len, ==, home->len);
  for (guint i = 0; i < home->len; i++)
    g_assert_true (key_in (log, g_array_index (home, guint64, i)));
  g_assert_cmpuint (VT_TILE_KEY_LEVEL (g_array_index (log, guint64, 0)), ==, 0);

  /* After a zoom: the new level's visible tiles, nothing twice. */
  vt_test_log_reset (tiles);
  apply_zoom (view, ZOOM_FRACTIONAL);
  g_assert_true (vt_test_wait_sharp (view));
  vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), zoomed);
  assert_no_duplicates (log);
  for (guint i = 0; i < log->len; i++)
    g_assert_true (key_in (zoomed, g_array_index (log, guint64, i)));
  for (guint i = 0; i < zoomed->len; i++)
    {
      guint64 key = g_array_index (zoomed, guint64, i);

      /* Cached from home or asked now, never both. */
      if (key_in (log, key) == key_in (home, key))
        g_test_message ("tile %u/%u/%u: asked %d, home %d", VT_TILE_KEY_LEVEL (key),
                        VT_TILE_KEY_X (key), VT_TILE_KEY_Y (key), key_in (log, key), key_in (home, key));
      g_assert_true (key_in (log, key) != key_in (home, key));
    }
  g_assert_cmpuint (tiles->cancels->len, ==, 0);

  /* Back home: everything is still cached, nothing is asked again. */
  vt_test_log_reset (tiles);
  vt_viewport_fit (vt_image_view_get_viewport (view));
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_cmpuint (tiles->requests->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_idle (VtImageView *view)
{
  return vt_image_view_get_n_loading (view) == 0;
}

/* Tiles just outside a settled, sharp view are asked ahead (apart from the
 * requests, which stay the view's minimal set), never before the view is
 * sharp, and are dropped when the view moves elsewhere. */
static void
test_prefetch (void)
{
  g_autoptr (GArray) minimal = g_array_new (FALSE, FALSE, sizeof (guint64));
  VtImageView *view;
  GtkWidget *window;
  VtTestLog *tiles;
  VtTileLayer *layer;
  guint n_prefetched;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  tiles = vt_test_log_attach (view);
  layer = vt_image_view_get_layer (view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, pyramid_path));
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_true (vt_test_wait_until (is_idle, view, 60));
  /* Home shows the whole image: nothing lies outside it. */
  g_assert_cmpuint (tiles->prefetches->len, ==, 0);

  /* Zoom to 100 %: the visible tiles first, nothing ahead yet. */
  vt_test_log_reset (tiles);
  apply_zoom (view, ZOOM_NATIVE);
  vt_image_view_update_now (view);
  g_assert_cmpuint (tiles->requests->len, >, 0);
  g_assert_cmpuint (tiles->prefetches->len, ==, 0);
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_true (vt_test_wait_until (is_idle, view, 60));

  /* Requests are exactly the visible set; the ring around it came after,
   * counted apart. */
  vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), minimal);
  assert_no_duplicates (tiles->requests);
  g_assert_cmpuint (tiles->requests->len * 100, <=, minimal->len * 105);
  for (guint i = 0; i < tiles->requests->len; i++)
    g_assert_true (key_in (minimal, g_array_index (tiles->requests, guint64, i)));
  g_assert_cmpuint (tiles->prefetches->len, >, 0);
  g_assert_cmpuint (vt_tile_layer_get_n_prefetched (layer), ==, tiles->prefetches->len);
  for (guint i = 0; i < tiles->prefetches->len; i++)
    {
      guint64 key = g_array_index (tiles->prefetches, guint64, i);

      g_assert_false (key_in (minimal, key));
      g_assert_cmpuint (VT_TILE_KEY_LEVEL (key), ==, vt_image_view_get_level (view));
      g_assert_nonnull (vt_tile_cache_lookup (vt_image_view_get_cache (view), key));
    }

  /* One tile to the right: the tiles that came into view were asked ahead,
   * so the view is sharp at once, with no request. */
  vt_test_log_reset (tiles);
  vt_viewport_set_center (vt_image_view_get_viewport (view),
                          vt_viewport_get_center_x (vt_image_view_get_viewport (view)) + 256,
                          vt_viewport_get_center_y (vt_image_view_get_viewport (view)));
  vt_image_view_update_now (view);
  g_assert_cmpuint (tiles->requests->len, ==, 0);
  g_assert_true (vt_image_view_get_sharp (view));
  /* The new ring is under way: zooming out to the whole image (another
   * level) drops all of it. */
  n_prefetched = tiles->prefetches->len;
  g_assert_cmpuint (n_prefetched, >, 0);
  g_assert_cmpuint (tiles->cancels->len, ==, 0);
  vt_viewport_fit (vt_image_view_get_viewport (view));
  vt_image_view_update_now (view);
  for (guint i = 0; i < n_prefetched; i++)
    g_assert_true (key_in (tiles->cancels, g_array_index (tiles->prefetches, guint64, i)));
  g_assert_true (vt_test_wait_sharp (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fast_pan_cancels (void)
{
  VtImageView *view;
  GtkWidget *window;
  VtViewport *vp;
  GArray *cancelled;
  VtTestLog *tiles;
  guint asked;
  g_autoptr (GArray) now = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  tiles = vt_test_log_attach (view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, flat_path));
  g_assert_true (vt_test_wait_sharp (view));
  vp = vt_image_view_get_viewport (view);

  /* Zoom into the top-left corner and ask for its tiles... */
  vt_test_log_reset (tiles);
  vt_test_set_view (view, 1.0, 0, 0);
  vt_image_view_update_now (view);
  asked = tiles->requests->len;
  g_assert_cmpuint (asked, >, 0);

  /* ...then, before any arrives, pan to the opposite corner. */
  vt_viewport_set_center (vp, IMAGE_W, IMAGE_H);
  vt_image_view_update_now (view);
  cancelled = tiles->cancels;
  g_assert_cmpuint (cancelled->len, >, 0);
  vt_image_view_get_minimal_set (view, vp, now);
  for (guint i = 0; i < cancelled->len; i++)
    g_assert_false (key_in (now, g_array_index (cancelled, guint64, i)));

  g_assert_true (vt_test_wait_sharp (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_never_blank (void)
{
  g_autoptr (VtPixels) first = NULL;
  g_autoptr (VtPixels) loading = NULL;
  VtImageView *view;
  GtkWidget *window;
  guint backdrop = 0;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, pyramid_path));

  /* Before any tile: the image's area is marked, not empty. */
  first = vt_test_render (view);
  for (gsize i = 0; i < (gsize) first->width * first->height; i++)
    if (first->data[i * 4 + 3] != 0)
      backdrop++;
  g_assert_cmpuint (backdrop, ==, (guint) (first->width * first->height));
  g_assert_cmpuint (vt_image_view_get_loaded_tiles (view), ==, 0);

  g_assert_true (vt_test_wait_sharp (view));

  /* Zoom in and draw before any new tile arrived: coarser tiles cover
   * everything, no hole. */
  vt_test_set_view (view, 1.0, IMAGE_W / 2.0, IMAGE_H / 2.0);
  vt_image_view_update_now (view);
  g_assert_cmpuint (vt_image_view_get_n_loading (view), >, 0);
  g_assert_false (vt_image_view_get_sharp (view));
  g_assert_cmpuint (vt_image_view_get_loaded_tiles (view), <, vt_image_view_get_visible_tiles (view));
  loading = vt_test_render (view);
  for (gsize i = 0; i < (gsize) loading->width * loading->height; i++)
    g_assert_cmpuint (loading->data[i * 4 + 3], ==, 255);

  g_assert_true (vt_test_wait_sharp (view));
  g_assert_cmpuint (vt_image_view_get_loaded_tiles (view), ==, vt_image_view_get_visible_tiles (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_animating (VtImageView *view)
{
  return !vt_image_view_is_animating (view);
}

static void
test_zoom_commands (void)
{
  VtImageView *view;
  GtkWidget *window;
  VtViewport *vp;
  double fit;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, pyramid_path));
  vp = vt_image_view_get_viewport (view);
  fit = vt_viewport_get_zoom (vp);
  g_assert_cmpfloat_with_epsilon (fit, (double) VIEW_W / IMAGE_W, 1e-9);

  /* Animated: while it runs the view is not sharp; it ends exactly there. */
  vt_image_view_zoom_in (view);
  g_assert_true (vt_image_view_is_animating (view));
  g_assert_true (vt_test_wait_until (not_animating, view, 10));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 2 * fit, 1e-9);
  g_assert_false (vt_viewport_get_fitted (vp));
  g_assert_true (vt_test_wait_sharp (view));

  vt_image_view_zoom_to (view, 1.0, TRUE);
  g_assert_true (vt_test_wait_until (not_animating, view, 10));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), 1.0, 1e-9);

  vt_image_view_zoom_fit (view, TRUE);
  g_assert_true (vt_test_wait_until (not_animating, view, 10));
  g_assert_true (vt_viewport_get_fitted (vp));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), fit, 1e-9);

  vt_image_view_rotate (view, 1);
  g_assert_cmpuint (vt_viewport_get_rotation (vp), ==, 90);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vp), (double) VIEW_H / IMAGE_W, 1e-9);
  g_assert_true (vt_test_wait_sharp (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rotation_pixels (void)
{
  g_autoptr (VipsImage) full = NULL;
  g_autoptr (VipsImage) turned = NULL;
  g_autoptr (VtViewport) upright = vt_viewport_new ();
  g_autoptr (VtPixels) shown = NULL;
  g_autoptr (VtPixels) reference = NULL;
  VtImageView *view;
  GtkWidget *window;
  VtViewport *vp;
  double psnr;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, pyramid_path));
  vt_image_view_rotate (view, 1);
  vp = vt_image_view_get_viewport (view);
  g_assert_true (vt_test_wait_sharp (view));

  /* libvips turns the image a quarter clockwise; an upright viewport on
   * that, at the same zoom and centre, must show the same pixels. */
  full = vips_image_new_from_file (pyramid_path, "access", VIPS_ACCESS_RANDOM, NULL);
  g_assert_cmpint (vips_rot (full, &turned, VIPS_ANGLE_D90, NULL), ==, 0);
  vt_viewport_set_size (upright, VIEW_W, VIEW_H);
  vt_viewport_set_image_size (upright, IMAGE_H, IMAGE_W);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (upright), vt_viewport_get_zoom (vp), 1e-12);

  shown = vt_test_render (view);
  reference = vt_test_reference (turned, upright);
  g_assert_cmpuint (vt_test_count_holes (shown, reference), ==, 0);
  psnr = vt_test_psnr (shown, reference, NULL);
  g_test_message ("rotated 90° at fit: PSNR %.1f dB", psnr);
  g_assert_cmpfloat (psnr, >=, 40);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_error (VtImageView  *view,
             const GError *error,
             guint        *count)
{
  (*count)++;
}

static void
test_missing_file (void)
{
  VtImageView *view;
  GtkWidget *window;
  guint errors = 0;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  g_signal_connect (view, "load-error", G_CALLBACK (count_error), &errors);
  g_assert_false (vt_test_open_file (view, "/nonexistent/image.tif"));
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_ERROR);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
  g_assert_cmpuint (errors, ==, 1);

  /* A good file afterwards clears the error. */
  g_assert_true (vt_test_open_file (view, pyramid_path));
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);
  g_assert_null (vt_image_view_get_error (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint errors;
  guint state_notifies;
  gboolean error_with_state;  /* the error was there when the state said so */
} StateWatch;

static void
state_notify_cb (VtImageView *view,
                 GParamSpec  *pspec,
                 StateWatch  *watch)
{
  VtImageViewState state = vt_image_view_get_state (view);
  gboolean failed = state == VT_IMAGE_VIEW_STATE_ERROR || state == VT_IMAGE_VIEW_STATE_NOT_PUBLIC;

  watch->state_notifies++;
  watch->error_with_state = failed == (vt_image_view_get_error (view) != NULL);
}

static void
load_error_cb (VtImageView  *view,
               const GError *error,
               StateWatch   *watch)
{
  g_assert_true (error->domain == VT_CANVAS_ERROR);
  watch->errors++;
}

/* fail() and clear() as the window uses them: the state follows the
 * error's reason, the error is there before the state is announced, and
 * clearing after a failure empties the view completely. */
static void
test_state_and_error (void)
{
  g_autoptr (GError) not_public = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_PUBLIC, "403");
  g_autoptr (GError) not_found = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND, "404");
  StateWatch watch = { 0 };
  GValue value = G_VALUE_INIT;
  VtImageView *view;
  GtkWidget *window;

  if (vt_test_skip_without_display ())
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_signal_connect (view, "notify::state", G_CALLBACK (state_notify_cb), &watch);
  g_signal_connect (view, "load-error", G_CALLBACK (load_error_cb), &watch);

  g_assert_true (vt_test_open_file (view, pyramid_path));
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);

  vt_image_view_fail (view, not_public);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_NOT_PUBLIC);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_PUBLIC);
  g_assert_null (vt_image_view_get_source (view));
  g_assert_true (watch.error_with_state);
  g_assert_cmpuint (watch.errors, ==, 1);

  /* The error is a readable property. */
  g_value_init (&value, G_TYPE_ERROR);
  g_object_get_property (G_OBJECT (view), "error", &value);
  g_assert_error ((GError *) g_value_get_boxed (&value), VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_PUBLIC);
  g_value_unset (&value);

  /* Any other reason is ERROR. */
  vt_image_view_fail (view, not_found);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_ERROR);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND);
  g_assert_true (watch.error_with_state);
  g_assert_cmpuint (watch.errors, ==, 2);

  /* Clearing a failed view (which has no source already) resets it. */
  vt_image_view_clear (view);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_EMPTY);
  g_assert_null (vt_image_view_get_error (view));
  g_assert_true (watch.error_with_state);

  vt_image_view_fail (view, not_found);
  vt_image_view_begin_loading (view);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_LOADING);
  g_assert_null (vt_image_view_get_error (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static const PixelCase pixel_cases[] = {
  /* 100 %: the finest level is the file's own page, so only the two
   * decoders' rounding differs. Fit and 0.61: the view minifies a level
   * by at most 2× with linear filtering where libvips resizes the full
   * image with Lanczos 3; on this smooth image the two agree to about
   * 50 dB (measured under Xvfb); 40 dB leaves room for another renderer
   * while a missing or misplaced tile (errors of tens of levels over a
   * whole tile) cannot reach it. */
  { &pyramid_path, ZOOM_FIT, 40 },
  { &pyramid_path, ZOOM_NATIVE, 45 },
  { &pyramid_path, ZOOM_FRACTIONAL, 40 },
  { &flat_path, ZOOM_FIT, 40 },
  { &flat_path, ZOOM_NATIVE, 45 },
  { &flat_path, ZOOM_FRACTIONAL, 40 },
};

int
main (int argc, char *argv[])
{
  static const char *names[] = { "fit", "native", "fractional" };

  if (vt_test_init_display (&argc, &argv))
    {
      g_autoptr (VipsImage) image = vt_test_make_image (IMAGE_W, IMAGE_H);

      pyramid_path = vt_test_write_fixture (image, "pyramid.tif",
                                            "[tile,pyramid,compression=jpeg,Q=90,tile-width=256,tile-height=256]");
      flat_path = vt_test_write_fixture (image, "flat.png", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pixel_cases); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/vitrine/image-view/local/%s/pixels-%s",
                         pixel_cases[i].path == &pyramid_path ? "pyramid-tiff" : "flat-png",
                         names[pixel_cases[i].zoom]);
      g_test_add_data_func (path, &pixel_cases[i], test_pixels);
    }
  g_test_add_func ("/vitrine/image-view/requests/home-and-zoom", test_requests);
  g_test_add_func ("/vitrine/image-view/requests/fast-pan-cancels", test_fast_pan_cancels);
  g_test_add_func ("/vitrine/image-view/requests/prefetch", test_prefetch);
  g_test_add_func ("/vitrine/image-view/never-blank", test_never_blank);
  g_test_add_func ("/vitrine/image-view/zoom-commands", test_zoom_commands);
  g_test_add_func ("/vitrine/image-view/missing-file", test_missing_file);
  g_test_add_func ("/vitrine/image-view/state-and-error", test_state_and_error);
  g_test_add_func ("/vitrine/image-view/rotation-pixels", test_rotation_pixels);

  return g_test_run ();
}
