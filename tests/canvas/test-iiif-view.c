/* test-iiif-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include "vt-canvas-error.h"
#include "vt-canvas-test-service.h"
#include "vt-canvas-test-util.h"
#include "vt-iiif-source.h"
#include "vt-testbed.h"

/* The view over IIIF sources: IIPImage (Image API 2 level 1), the dzsave
 * level-0 sets (v2 and v3) and a static image, all served by the real test
 * bed, compared with libvips' own rendering of the same files; the request
 * set over the network; "image not public"; and hostile tiles from an
 * in-process SoupServer (fault injection only). */

#define VIEW_W 800
#define VIEW_H 600

static VtTestbed *testbed;
static VtTestService *service;

typedef enum
{
  ZOOM_FIT,
  ZOOM_NATIVE,
  ZOOM_FRACTIONAL,
} ZoomKind;

typedef enum
{
  SOURCE_IIPIMAGE,
  SOURCE_LEVEL0_V2,
  SOURCE_LEVEL0_V3,
} SourceKind;

typedef struct
{
  SourceKind source;
  ZoomKind zoom;
  double min_psnr;
} PixelCase;

static VtTestbed *
get_testbed (void)
{
  if (testbed == NULL)
    testbed = vt_testbed_start_or_skip ();
  return testbed;
}

static gboolean
is_ready (VtImageView *view)
{
  return vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_LOADING;
}

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
      z = 0.37;
      break;
    default:
      g_assert_not_reached ();
    }
  /* Whole resized pixels at the view's origin (see vt_test_reference). */
  vt_test_set_view (view, z, (700 + VIEW_W / 2.0) / z, (500 + VIEW_H / 2.0) / z);
}

/* The full-resolution image behind a level-0 set, put together from its
 * own scale-1 tiles with libvips, written to a file once. */
static VipsImage *
assemble_level0 (const char *dir,
                 gboolean    v3)
{
  g_autofree char *cache = g_build_filename (g_get_tmp_dir (), v3 ? "vitrine-canvas-l0v3.v" : "vitrine-canvas-l0v2.v", NULL);
  g_autoptr (VipsImage) canvas = NULL;
  int w = VT_TESTBED_LEVEL0_WIDTH, h = VT_TESTBED_LEVEL0_HEIGHT, t = VT_TESTBED_TILE_SIZE;

  g_assert_cmpint (vips_black (&canvas, w, h, "bands", 3, NULL), ==, 0);
  for (int y = 0; y < h; y += t)
    for (int x = 0; x < w; x += t)
      {
        int tw = MIN (t, w - x), th = MIN (t, h - y);
        g_autofree char *path = v3
          ? g_strdup_printf ("%s/%d,%d,%d,%d/%d,%d/0/default.jpg", dir, x, y, tw, th, tw, th)
          : g_strdup_printf ("%s/%d,%d,%d,%d/%d,/0/default.jpg", dir, x, y, tw, th, tw);
        g_autoptr (VipsImage) tile = vips_image_new_from_file (path, NULL);
        VipsImage *joined = NULL;

        g_assert_nonnull (tile);
        g_assert_cmpint (vips_insert (canvas, tile, &joined, x, y, NULL), ==, 0);
        g_set_object (&canvas, joined);
        g_object_unref (joined);
      }
  g_assert_cmpint (vips_image_write_to_file (canvas, cache, NULL), ==, 0);
  return vips_image_new_from_file (cache, NULL);
}

static VipsImage *
load_reference (SourceKind kind)
{
  const char *fixtures = vt_testbed_get_fixtures_dir ();
  g_autofree char *path = NULL;

  switch (kind)
    {
    case SOURCE_IIPIMAGE:
      path = g_build_filename (fixtures, "ghent.tif", NULL);
      return vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);
    case SOURCE_LEVEL0_V2:
      path = g_build_filename (fixtures, "level0-v2", "photo", NULL);
      return assemble_level0 (path, FALSE);
    case SOURCE_LEVEL0_V3:
      path = g_build_filename (fixtures, "level0-v3", "photo", NULL);
      return assemble_level0 (path, TRUE);
    default:
      g_assert_not_reached ();
    }
}

static const char *
service_path (SourceKind kind)
{
  switch (kind)
    {
    case SOURCE_IIPIMAGE:
      return VT_TESTBED_IIP_MAIN "/info.json";
    case SOURCE_LEVEL0_V2:
      return VT_TESTBED_LEVEL0_V2 "/info.json";
    case SOURCE_LEVEL0_V3:
      return VT_TESTBED_LEVEL0_V3 "/info.json";
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
open_service (const char   *path,
              VtImageView **view,
              VtTestLog   **log)
{
  g_autofree char *url = vt_testbed_get_url (testbed, path);
  GtkWidget *window = vt_test_window_new (VIEW_W, VIEW_H, view);

  if (log != NULL)
    *log = vt_test_log_attach (*view);
  vt_test_wait_for_size (GTK_WIDGET (*view));
  vt_test_service_open (service, *view, url);
  g_assert_cmpint (vt_image_view_get_state (*view), ==, VT_IMAGE_VIEW_STATE_LOADING);
  g_assert_true (vt_test_wait_until (is_ready, *view, 30));
  return window;
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

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  window = open_service (service_path (pc->source), &view, NULL);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);
  apply_zoom (view, pc->zoom);
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_null (vt_image_view_get_error (view));

  shown = vt_test_render (view);
  full = load_reference (pc->source);
  g_assert_nonnull (full);
  reference = vt_test_reference (full, vt_image_view_get_viewport (view));
  g_assert_cmpuint (vt_test_count_holes (shown, reference), ==, 0);

  psnr = vt_test_psnr (shown, reference, &max_error);
  g_test_message ("%s zoom %.4f level %u: PSNR %.1f dB, max error %d", service_path (pc->source),
                  vt_viewport_get_zoom (vt_image_view_get_viewport (view)),
                  vt_image_view_get_level (view), psnr, max_error);
  g_assert_cmpfloat (psnr, >=, pc->min_psnr);

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
test_requests (void)
{
  g_autoptr (GArray) home = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) zoomed = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  VtImageView *view;
  GtkWidget *window;
  VtTestLog *tiles;
  GArray *log;

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  window = open_service (VT_TESTBED_IIP_MAIN "/info.json", &view, &tiles);
  g_assert_true (vt_test_wait_sharp (view));
  vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), home);

  /* Zoom ×4 about the centre, animated: the frames in between pass
   * through two other levels, but only the destination's tiles load. */
  vt_image_view_zoom_to (view, 4 * vt_viewport_get_zoom (vt_image_view_get_viewport (view)), TRUE);
  g_assert_true (vt_image_view_is_animating (view));
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_false (vt_image_view_is_animating (view));
  vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), zoomed);

  /* Everything asked equals the union of the two minimal sets, once. */
  log = tiles->requests;
  for (guint i = 0; i < log->len; i++)
    {
      guint64 *key = &g_array_index (log, guint64, i);

      g_assert_true (g_hash_table_add (seen, key));
      g_assert_true (key_in (home, *key) || key_in (zoomed, *key));
    }
  for (guint i = 0; i < home->len; i++)
    g_assert_true (g_hash_table_contains (seen, &g_array_index (home, guint64, i)));
  for (guint i = 0; i < zoomed->len; i++)
    g_assert_true (g_hash_table_contains (seen, &g_array_index (zoomed, guint64, i)));
  g_test_message ("home %u + zoom %u tiles, %u requested", home->len, zoomed->len, log->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fast_pan_cancels (void)
{
  g_autoptr (GArray) now = g_array_new (FALSE, FALSE, sizeof (guint64));
  VtImageView *view;
  GtkWidget *window;
  VtViewport *vp;
  VtTestLog *tiles;
  GArray *cancelled;

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  window = open_service (VT_TESTBED_IIP_MAIN "/info.json", &view, &tiles);
  g_assert_true (vt_test_wait_sharp (view));
  vp = vt_image_view_get_viewport (view);

  vt_test_log_reset (tiles);
  vt_test_set_view (view, 1.0, 0, 0);
  vt_image_view_update_now (view);
  g_assert_cmpuint (vt_image_view_get_n_loading (view), >, 0);

  vt_viewport_set_center (vp, VT_TESTBED_MAIN_WIDTH, VT_TESTBED_MAIN_HEIGHT);
  vt_image_view_update_now (view);
  cancelled = tiles->cancels;
  g_assert_cmpuint (cancelled->len, >, 0);
  vt_image_view_get_minimal_set (view, vp, now);
  for (guint i = 0; i < cancelled->len; i++)
    g_assert_false (key_in (now, g_array_index (cancelled, guint64, i)));

  g_assert_true (vt_test_wait_sharp (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_deferring (VtImageView *view)
{
  return !vt_image_view_is_deferring (view);
}

static void
test_fling_defers (void)
{
  VtImageView *view;
  GtkWidget *window;
  VtTestLog *tiles;
  guint before;

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  window = open_service (VT_TESTBED_IIP_MAIN "/info.json", &view, &tiles);
  vt_test_set_view (view, 1.0, VIEW_W / 2.0, VT_TESTBED_MAIN_HEIGHT / 2.0);
  g_assert_true (vt_test_wait_sharp (view));

  /* A fast fling to the left: nothing is asked while it is fast. */
  vt_test_log_reset (tiles);
  vt_image_view_fling (view, -30000, 0);
  g_assert_true (vt_image_view_is_deferring (view));
  while (vt_image_view_is_deferring (view))
    {
      g_assert_cmpuint (tiles->requests->len, ==, 0);
      g_main_context_iteration (NULL, TRUE);
    }
  before = tiles->requests->len;
  g_test_message ("the fling moved to x = %.0f; %u requests when it slowed",
                  vt_viewport_get_center_x (vt_image_view_get_viewport (view)), before);
  g_assert_cmpfloat (vt_viewport_get_center_x (vt_image_view_get_viewport (view)), >, VIEW_W);

  /* Then it loads where it stops. */
  g_assert_true (vt_test_wait_until (not_deferring, view, 30));
  g_assert_true (vt_test_wait_sharp (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_error (VtImageView  *view,
             const GError *error,
             guint        *count)
{
  g_assert_true (error->domain == VT_CANVAS_ERROR);
  (*count)++;
}

static void
test_not_public (void)
{
  VtImageView *view;
  GtkWidget *window;
  guint errors = 0;

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  g_signal_connect (view, "load-error", G_CALLBACK (count_error), &errors);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_service ("/iiif/image/iiif/2/9a4d2c6e8b0f1e3d5c7a9b2e4f6d8a03-transcode-1982-280.jpg/info.json",
                         &view, NULL);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_NOT_PUBLIC);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_PUBLIC);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A missing image is an error, not "not public"; the message names the
   * server. */
  window = open_service ("/iiif/nothing-here.tif/info.json", &view, NULL);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_ERROR);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (vt_image_view_get_error (view)->message, "127.0.0.1"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_static (void)
{
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autoptr (VipsImage) full = NULL;
  g_autoptr (VtPixels) shown = NULL;
  g_autoptr (VtPixels) reference = NULL;
  VtImageView *view;
  GtkWidget *window;
  double psnr;

  if (vt_test_skip_without_display () || get_testbed () == NULL)
    return;

  url = vt_testbed_get_url (testbed, VT_TESTBED_STATIC_IMAGE);
  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_service_open_static (service, view, url, VT_TESTBED_STATIC_WIDTH, VT_TESTBED_STATIC_HEIGHT));
  g_assert_cmpuint (vt_tile_source_get_n_levels (vt_image_view_get_source (view)), ==, 1);
  vt_test_set_view (view, 1.0, (200 + VIEW_W / 2.0), (100 + VIEW_H / 2.0));
  g_assert_true (vt_test_wait_sharp (view));

  shown = vt_test_render (view);
  path = g_build_filename (vt_testbed_get_fixtures_dir (), "static.jpg", NULL);
  full = vips_image_new_from_file (path, NULL);
  reference = vt_test_reference (full, vt_image_view_get_viewport (view));
  psnr = vt_test_psnr (shown, reference, NULL);
  g_test_message ("static at 100 %%: PSNR %.1f dB", psnr);
  /* The same JPEG decoded by the same libvips: identical. */
  g_assert_cmpfloat (psnr, >=, 60);
  g_assert_cmpuint (vt_test_count_holes (shown, reference), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Hostile tiles */

#define HOSTILE_SIZE 2048

static GBytes *good_tile;
static GBytes *bomb;
static guint hostile_hits;

static GBytes *
encode (VipsImage  *image,
        const char *suffix)
{
  void *buf = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_image_write_to_buffer (image, suffix, &buf, &len, NULL), ==, 0);
  return g_bytes_new_take (buf, len);
}

/* The info.json says 2048², 256 px tiles, scale factors 1–8. The coarse
 * levels (scale 8, 4: whole-image placeholders) are good; at scale 1 and 2
 * tiles are HTML (as text/html and disguised as image/jpeg), truncated
 * JPEGs or a 20000 × 20000 JPEG bomb, by position. */
static void
hostile_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  int x = 0, y = 0, w = 0, h = 0, sw = 0;

  if (g_str_has_suffix (path, "/info.json"))
    {
      g_autofree char *base = g_strndup (path, strlen (path) - strlen ("/info.json"));
      GUri *uri = soup_server_message_get_uri (msg);
      g_autofree char *json = g_strdup_printf (
        "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"http://%s:%d%s\","
        " \"protocol\": \"http://iiif.io/api/image\", \"width\": %d, \"height\": %d,"
        " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"],"
        " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4, 8]}]}",
        g_uri_get_host (uri), g_uri_get_port (uri), base, HOSTILE_SIZE, HOSTILE_SIZE);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
      return;
    }

  /* …/region/size/0/default.jpg */
  if (n < 5 || sscanf (parts[n - 4], "%d,%d,%d,%d", &x, &y, &w, &h) != 4)
    {
      if (n >= 5 && g_str_equal (parts[n - 4], "full"))
        w = h = HOSTILE_SIZE;
      else
        {
          soup_server_message_set_status (msg, 404, NULL);
          return;
        }
    }
  sw = atoi (parts[n - 3]);
  hostile_hits++;

  soup_server_message_set_status (msg, 200, NULL);
  if (sw > 0 && w / sw >= 4)
    {
      /* Coarse level: a good tile of the right size. */
      g_autoptr (VipsImage) img = NULL;
      g_autoptr (GBytes) bytes = NULL;
      int th = MAX (1, (int) ceil ((double) h * sw / w));

      g_assert_cmpint (vips_black (&img, sw, th, "bands", 3, NULL), ==, 0);
      {
        g_autoptr (VipsImage) grey = NULL;

        g_assert_cmpint (vips_linear1 (img, &grey, 1.0, 128, "uchar", TRUE, NULL), ==, 0);
        bytes = encode (grey, ".jpg");
      }
      soup_message_headers_set_content_type (headers, "image/jpeg", NULL);
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      return;
    }

  switch ((x / 256 + y / 256) % 4)
    {
    case 0:
      {
        const char *html = "<!DOCTYPE html><html><body><h1>Server error</h1></body></html>";

        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html, strlen (html));
      }
      break;
    case 1:
      {
        const char *html = "<html><body>not a jpeg at all</body></html>";

        soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_STATIC, html, strlen (html));
      }
      break;
    case 2:
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (good_tile, NULL),
                                        g_bytes_get_size (good_tile) / 3);
      break;
    default:
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb));
      break;
    }
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_hostile (void)
{
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VipsImage) black = NULL;
  g_autoptr (VipsImage) tile = NULL;
  g_autoptr (VtPixels) shown = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  VtImageView *view;
  GtkWidget *window;
  guint errors = 0;
  glong rss_before;

  if (vt_test_skip_without_display ())
    return;

  g_assert_cmpint (vips_black (&black, 20000, 20000, "bands", 3, NULL), ==, 0);
  bomb = encode (black, ".jpg");
  g_assert_cmpint (vips_black (&tile, 256, 256, "bands", 3, NULL), ==, 0);
  good_tile = encode (tile, ".jpg");

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/", hostile_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  {
    g_autofree char *base = g_uri_to_string (uris->data);

    url = g_strconcat (base, "hostile/info.json", NULL);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  rss_before = max_rss_kib ();
  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_signal_connect (view, "load-error", G_CALLBACK (count_error), &errors);
  vt_test_service_open (service, view, url);
  g_assert_true (vt_test_wait_until (is_ready, view, 30));
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);

  /* Zoom to 100 %: every visible tile is hostile. */
  vt_test_set_view (view, 1.0, HOSTILE_SIZE / 2.0, HOSTILE_SIZE / 2.0);
  g_assert_true (vt_test_wait_settled (view));
  g_assert_false (vt_image_view_get_sharp (view));
  g_assert_cmpuint (hostile_hits, >, 4);

  /* One report, however many tiles failed; the view keeps working. */
  g_assert_cmpuint (errors, ==, 1);
  g_assert_nonnull (vt_image_view_get_error (view));
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);

  /* The placeholder shows where tiles failed: no hole (the image fills
   * the view at 100 %). */
  shown = vt_test_render (view);
  for (gsize i = 0; i < (gsize) shown->width * shown->height; i++)
    g_assert_cmpuint (shown->data[i * 4 + 3], ==, 255);

  /* Memory: nowhere near the 1.2 GB one decoded bomb would take. */
  g_test_message ("peak RSS grew by %ld KiB", max_rss_kib () - rss_before);
  g_assert_cmpint (max_rss_kib () - rss_before, <, 300 * 1024);

  /* Pan: still works, still no second report. */
  vt_viewport_pan (vt_image_view_get_viewport (view), 300, 300);
  g_assert_true (vt_test_wait_settled (view));
  g_assert_cmpuint (errors, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&bomb, g_bytes_unref);
  g_clear_pointer (&good_tile, g_bytes_unref);
}

static const PixelCase pixel_cases[] = {
  /* Measured under Xvfb: IIPImage 39.7 / 43.7 / 39.9 dB (it re-encodes
   * its TIFF tiles as JPEG and resamples its own levels, so that
   * generation loss bounds the match with libvips reading the TIFF);
   * level 0 sets 41.4 / 99 (identical) / 41.9 dB. The bounds leave about
   * 4 dB for another renderer; a missing or misplaced 256 px tile on this
   * textured picture costs far more than that. */
  { SOURCE_IIPIMAGE, ZOOM_FIT, 35 },
  { SOURCE_IIPIMAGE, ZOOM_NATIVE, 38 },
  { SOURCE_IIPIMAGE, ZOOM_FRACTIONAL, 35 },
  { SOURCE_LEVEL0_V2, ZOOM_FIT, 36 },
  { SOURCE_LEVEL0_V2, ZOOM_NATIVE, 60 },
  { SOURCE_LEVEL0_V2, ZOOM_FRACTIONAL, 36 },
  { SOURCE_LEVEL0_V3, ZOOM_FIT, 36 },
  { SOURCE_LEVEL0_V3, ZOOM_NATIVE, 60 },
  { SOURCE_LEVEL0_V3, ZOOM_FRACTIONAL, 36 },
};

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* A placeholder asked for beside info.json that fails (a manifest claiming
 * more than the server does): the overview falls back to the coarsest
 * level's single tile instead of leaving nothing to draw. */
static void
test_failed_placeholder (void)
{
  g_autofree char *id = NULL;
  g_autofree char *placeholder = NULL;
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GAsyncResult) tile = NULL;
  g_autoptr (VtImageService) image_service = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (VtIiifSource) source = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  const VtTileLevel *coarsest;

  if (get_testbed () == NULL)
    return;

  id = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN);
  vt_service_cache_load_async (service->services, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT,
                               NULL, result_cb, &loaded);
  image_service = vt_service_cache_load_finish (service->services, wait_result (&loaded), &pyramid, &error);
  g_assert_no_error (error);
  coarsest = vt_tile_pyramid_get_level (pyramid, vt_tile_pyramid_get_n_levels (pyramid) - 1);
  g_assert_cmpuint (coarsest->columns * coarsest->rows, ==, 1);

  /* Of the service info.json names (another's is not kept at all), in a
   * format the server does not give. */
  placeholder = g_strdup_printf ("%s/full/100,75/0/default.nosuchformat", id);
  source = vt_iiif_source_new_with_placeholder (service->fetcher, pyramid, placeholder, 100, 75);
  g_assert_cmpuint (vt_tile_source_get_level (VT_TILE_SOURCE (source), 0)->width, ==, 100);

  vt_tile_source_load_tile_async (VT_TILE_SOURCE (source), 0, 0, 0, 0, NULL, result_cb, &tile);
  texture = vt_tile_source_load_tile_finish (VT_TILE_SOURCE (source), wait_result (&tile), &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) coarsest->width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) coarsest->height);
}

int
main (int argc, char *argv[])
{
  static const char *sources[] = { "iipimage", "level0-v2", "level0-v3" };
  static const char *zooms[] = { "fit", "native", "fractional" };
  int ret;

  vt_test_init_display (&argc, &argv);
  service = vt_test_service_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pixel_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vitrine/image-view/iiif/%s/pixels-%s",
                                               sources[pixel_cases[i].source],
                                               zooms[pixel_cases[i].zoom]);
      g_test_add_data_func (path, &pixel_cases[i], test_pixels);
    }
  g_test_add_func ("/vitrine/image-view/iiif/static", test_static);
  g_test_add_func ("/vitrine/image-view/iiif/requests", test_requests);
  g_test_add_func ("/vitrine/image-view/iiif/fast-pan-cancels", test_fast_pan_cancels);
  g_test_add_func ("/vitrine/image-view/iiif/fling-defers", test_fling_defers);
  g_test_add_func ("/vitrine/image-view/iiif/not-public", test_not_public);
  g_test_add_func ("/vitrine/image-view/iiif/hostile-tiles", test_hostile);
  g_test_add_func ("/vitrine/image-view/iiif/failed-placeholder", test_failed_placeholder);

  ret = g_test_run ();
  g_clear_pointer (&service, vt_test_service_free);
  g_clear_pointer (&testbed, vt_testbed_free);
  return ret;
}
