/* bench-canvas.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The canvas benchmark of issue 5. Not a test: it prints two tables and
 * never fails on a number.
 *
 * 1. A walk over IIPImage serving the 16384 × 12288 bench TIFF (256 px
 *    tiles) in a 1280 × 800 view: open → home; zoom ×8 about the centre;
 *    pan right 5 % of the width; zoom to 100 %; pan down 2 % of the
 *    height; home. Per step: time until sharp, tiles requested, the
 *    minimal sharp set, bytes.
 * 2. Decode + texture throughput, one thread, on the same IIPImage tiles
 *    (256 and 512 px): libvips (vt_decode_bytes, what the canvas runs)
 *    against gdk_texture_new_from_bytes and libjpeg-turbo alone
 *    (tjDecompress2), each ratio against libjpeg-turbo measured in the
 *    same run; plus the canvas' pool on all cores.
 *
 * Run: meson compile -C BUILD testbed-bench-image
 *      xvfb-run -a -s '-screen 0 1280x800x24' meson test -C BUILD --benchmark --suite canvas -v
 */

#include "config.h"

#include <time.h>
#include <turbojpeg.h>

#include "vt-canvas-test-service.h"
#include "vt-decoder-private.h"
#include "vt-iiif-source.h"
#include "vt-image-view-private.h"
#include "vt-testbed.h"

#define BENCH_W      16384
#define BENCH_H      12288
#define VIEW_W       1280
#define VIEW_H       800
#define DECODE_TILES 48
#define DECODE_ROUNDS 5

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for (gboolean (*done) (VtImageView *), VtImageView *view, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  vt_image_view_update_now (view);
  while (!done (view) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
is_ready (VtImageView *view)
{
  return vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_LOADING;
}

static gboolean
is_sharp (VtImageView *view)
{
  return !vt_image_view_is_animating (view) && vt_image_view_get_sharp (view) &&
         vt_image_view_get_n_loading (view) == 0;
}

/* The tiles the layer asked for during a step, through its debug hook. */
static void
count_request (VtTileLayer      *layer,
               VtTileDebugEvent  event,
               guint64           key,
               gpointer          user_data)
{
  if (event == VT_TILE_DEBUG_REQUEST)
    g_array_append_val ((GArray *) user_data, key);
}

typedef enum
{
  STEP_OPEN,
  STEP_ZOOM8,
  STEP_PAN_RIGHT,
  STEP_NATIVE,
  STEP_PAN_DOWN,
  STEP_HOME,
} StepKind;

static const char *step_names[] = {
  "open → home (fit)", "zoom ×8 about the centre", "pan right 5 % of width",
  "zoom to 100 %", "pan down 2 % of height", "home",
};

static void
run_walk (VtTestbed *testbed)
{
  g_autoptr (VtTestService) service = vt_test_service_new ();
  g_autofree char *url = vt_testbed_get_url (testbed, "/iiif/bench.tif/info.json");
  GArray *log = g_array_new (FALSE, FALSE, sizeof (guint64));
  GtkWidget *window = gtk_window_new ();
  VtImageView *view = VT_IMAGE_VIEW (vt_image_view_new ());
  VtViewport *vp = vt_image_view_get_viewport (view);
  guint total_requested = 0, total_minimal = 0, total_new = 0;
  g_autoptr (GHashTable) ever = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint64 total_bytes = 0;
  double total_ms = 0;

  vt_tile_layer_set_debug_hook (vt_image_view_get_layer (view), count_request, log,
                                (GDestroyNotify) g_array_unref);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  g_print ("\nWalk: IIPImage, %d × %d pyramidal JPEG TIFF (256 px tiles), view %d × %d, scale %d\n",
           BENCH_W, BENCH_H, gtk_widget_get_width (GTK_WIDGET (view)),
           gtk_widget_get_height (GTK_WIDGET (view)), gtk_widget_get_scale_factor (GTK_WIDGET (view)));
  g_print ("%-28s %7s %6s %10s %9s %9s %9s %10s\n", "step", "zoom", "level", "sharp (ms)",
           "requested", "minimal", "new min.", "bytes");

  for (StepKind step = STEP_OPEN; step <= STEP_HOME; step++)
    {
      g_autoptr (GArray) minimal = g_array_new (FALSE, FALSE, sizeof (guint64));
      VtIiifSource *source;
      guint64 bytes_before = 0, bytes;
      gint64 start;
      double ms;
      guint requested, level, n_minimal = 0, n_new = 0;

      g_array_set_size (log, 0);
      source = VT_IS_IIIF_SOURCE (vt_image_view_get_source (view)) ?
               VT_IIIF_SOURCE (vt_image_view_get_source (view)) : NULL;
      if (source)
        bytes_before = vt_iiif_source_get_bytes_loaded (source);

      start = g_get_monotonic_time ();
      switch (step)
        {
        case STEP_OPEN:
          vt_test_service_open (service, view, url);
          if (!wait_for (is_ready, view, 60) || vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_READY)
            {
              g_printerr ("could not open %s\n", url);
              return;
            }
          break;
        case STEP_ZOOM8:
          vt_image_view_zoom_to (view, 8 * vt_viewport_get_zoom (vp), TRUE);
          break;
        case STEP_PAN_RIGHT:
          vt_viewport_set_center (vp, vt_viewport_get_center_x (vp) + 0.05 * BENCH_W,
                                  vt_viewport_get_center_y (vp));
          break;
        case STEP_NATIVE:
          vt_image_view_zoom_to (view, 1.0 / gtk_widget_get_scale_factor (GTK_WIDGET (view)), TRUE);
          break;
        case STEP_PAN_DOWN:
          vt_viewport_set_center (vp, vt_viewport_get_center_x (vp),
                                  vt_viewport_get_center_y (vp) + 0.02 * BENCH_H);
          break;
        case STEP_HOME:
          vt_image_view_zoom_fit (view, TRUE);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!wait_for (is_sharp, view, 120))
        g_printerr ("step %d did not become sharp\n", step);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      source = VT_IIIF_SOURCE (vt_image_view_get_source (view));
      bytes = vt_iiif_source_get_bytes_loaded (source) - bytes_before;
      requested = log->len;
      level = vt_image_view_get_level (view);

      /* The minimal sharp set: the chosen level's visible tiles, plus the
       * placeholder the first time (it stays cached and pinned). */
      vt_image_view_get_minimal_set (view, vp, minimal);
      for (guint i = 0; i < minimal->len; i++)
        {
          guint64 key = g_array_index (minimal, guint64, i);

          if (step == STEP_OPEN || VT_TILE_KEY_LEVEL (key) != 0)
            n_minimal++;
          /* "New": not fetched by an earlier step, so the least this
           * step could have asked for. */
          if (!g_hash_table_contains (ever, &key))
            n_new++;
        }
      for (guint i = 0; i < log->len; i++)
        g_hash_table_add (ever, g_memdup2 (&g_array_index (log, guint64, i), sizeof (guint64)));

      g_print ("%-28s %6.1f%% %6u %10.0f %9u %9u %9u %10" G_GUINT64_FORMAT "\n", step_names[step],
               100 * vt_viewport_get_zoom (vp), level, ms, requested, n_minimal, n_new, bytes);
      total_requested += requested;
      total_minimal += n_minimal;
      total_new += n_new;
      total_bytes += bytes;
      total_ms += ms;
    }

  g_print ("%-28s %7s %6s %10.0f %9u %9u %9u %10" G_GUINT64_FORMAT "\n", "whole walk", "", "",
           total_ms, total_requested, total_minimal, total_new, total_bytes);
  g_print ("requested / sum of minimal sets = %.3f (target ≤ 1.15)\n"
           "requested / sum of new minimal tiles = %.3f (1.000 = not one tile more than needed)\n",
           total_minimal ? (double) total_requested / total_minimal : 0,
           total_new ? (double) total_requested / total_new : 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Decode throughput */

typedef struct
{
  GMainLoop *loop;
  GBytes *bytes;
} Fetch;

static void
fetched_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Fetch *f = user_data;
  g_autoptr (GError) error = NULL;

  f->bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (error)
    g_printerr ("fetch: %s\n", error->message);
  g_main_loop_quit (f->loop);
}

static GPtrArray *
fetch_tiles (VtTestbed *testbed,
             VtClient  *client,
             int        size)
{
  GPtrArray *tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  /* Full-resolution tiles from the middle of the picture. */
  for (int i = 0; i < DECODE_TILES; i++)
    {
      int x = BENCH_W / 2 + (i % 8) * size, y = BENCH_H / 2 + (i / 8) * size;
      g_autofree char *path = g_strdup_printf ("/iiif/bench.tif/%d,%d,%d,%d/%d,/0/default.jpg",
                                               x, y, size, size, size);
      g_autofree char *url = vt_testbed_get_url (testbed, path);
      Fetch f = { g_main_loop_new (NULL, FALSE), NULL };

      vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE, 0, NULL, fetched_cb, &f);
      g_main_loop_run (f.loop);
      g_main_loop_unref (f.loop);
      if (f.bytes)
        g_ptr_array_add (tiles, f.bytes);
    }
  return tiles;
}

typedef gboolean (*DecodeFn) (GBytes *bytes, int size, gpointer scratch);

static gboolean
decode_vips (GBytes *bytes, int size, gpointer scratch)
{
  g_autoptr (GdkTexture) texture = vt_decode_bytes (bytes, size, size, NULL);

  return texture != NULL;
}

/* libvips alone, for comparison: its JPEG loader rendered to a texture. */
static gboolean
decode_vips_only (GBytes *bytes, int size, gpointer scratch)
{
  gsize len;
  gconstpointer data = g_bytes_get_data (bytes, &len);
  g_autoptr (VipsImage) image = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  if (vips_jpegload_buffer ((void *) data, len, &image, "access", VIPS_ACCESS_SEQUENTIAL, NULL) != 0)
    return FALSE;
  texture = vt_texture_new_from_vips (image, NULL);
  return texture != NULL;
}

static gboolean
decode_gdk (GBytes *bytes, int size, gpointer scratch)
{
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (bytes, NULL);

  return texture != NULL;
}

static gboolean
decode_turbo (GBytes *bytes, int size, gpointer scratch)
{
  static __thread tjhandle tj;
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  int w, h, sub, cs;

  if (tj == NULL)
    tj = tjInitDecompress ();
  if (tjDecompressHeader3 (tj, data, len, &w, &h, &sub, &cs) != 0)
    return FALSE;
  return tjDecompress2 (tj, data, len, scratch, w, w * 3, h, TJPF_RGB, 0) == 0;
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Tiles per second of wall time and per second of CPU time (all threads
 * of the process: libvips' own workers count). The machine is shared, so
 * the CPU figure is the steadier one. */
static void
measure (DecodeFn fn, GPtrArray *tiles, int size, double *wall, double *cpu)
{
  g_autofree guchar *scratch = g_malloc ((gsize) size * size * 3 + 1024);
  gint64 start;
  double cpu_start;
  guint ok = 0;

  /* One warm-up round, then the timed ones. */
  for (guint i = 0; i < tiles->len; i++)
    fn (g_ptr_array_index (tiles, i), size, scratch);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  for (int r = 0; r < DECODE_ROUNDS; r++)
    for (guint i = 0; i < tiles->len; i++)
      ok += fn (g_ptr_array_index (tiles, i), size, scratch);
  *cpu = ok / (cpu_seconds () - cpu_start);
  *wall = ok / ((g_get_monotonic_time () - start) / 1e6);
  if (ok != DECODE_ROUNDS * tiles->len)
    g_printerr ("%u of %u decodes failed\n", DECODE_ROUNDS * tiles->len - ok, DECODE_ROUNDS * tiles->len);
}

typedef struct
{
  GMainLoop *loop;
  guint pending;
} PoolRun;

static void
pool_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  PoolRun *run = user_data;
  g_autoptr (GdkTexture) texture = vt_decoder_decode_finish (VT_DECODER (object), result, NULL);

  if (--run->pending == 0)
    g_main_loop_quit (run->loop);
}

static double
measure_pool (GPtrArray *tiles, int size)
{
  VtDecoder *decoder = vt_decoder_get_default ();
  PoolRun run = { g_main_loop_new (NULL, FALSE), 0 };
  gint64 start = g_get_monotonic_time ();

  for (int r = 0; r < DECODE_ROUNDS; r++)
    for (guint i = 0; i < tiles->len; i++)
      {
        run.pending++;
        vt_decoder_decode_async (decoder, g_ptr_array_index (tiles, i), size, size, 0, NULL,
                                 pool_done_cb, &run);
      }
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  return DECODE_ROUNDS * tiles->len / ((g_get_monotonic_time () - start) / 1e6);
}

static void
run_decode (VtTestbed *testbed)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  guint cores = vt_decoder_get_n_threads (vt_decoder_get_default ());

  g_print ("\nDecode + texture throughput on IIPImage JPEG tiles of the bench TIFF (%d tiles × %d rounds,\n"
           "one thread unless said; ratios against libjpeg-turbo alone in the same run)\n",
           DECODE_TILES, DECODE_ROUNDS);
  g_print ("%-6s %-44s %10s %6s %10s %6s\n", "tile", "path", "wall t/s", "ratio", "CPU t/s", "ratio");
  for (int size = 256; size <= 512; size *= 2)
    {
      g_autoptr (GPtrArray) tiles = fetch_tiles (testbed, client, size);
      struct { const char *name; DecodeFn fn; } paths[] = {
        { "libjpeg-turbo tjDecompress2 → RGB buffer", decode_turbo },
        { "canvas decoder vt_decode_bytes → GdkTexture", decode_vips },
        { "libvips alone (jpegload → GdkTexture)", decode_vips_only },
        { "gdk_texture_new_from_bytes", decode_gdk },
      };
      double turbo_wall = 0, turbo_cpu = 0, wall, cpu, pool;
      guint64 bytes = 0;

      for (guint i = 0; i < tiles->len; i++)
        bytes += g_bytes_get_size (g_ptr_array_index (tiles, i));
      for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
        {
          measure (paths[p].fn, tiles, size, &wall, &cpu);
          if (p == 0)
            {
              turbo_wall = wall;
              turbo_cpu = cpu;
            }
          g_print ("%3d px %-44s %10.0f %6.2f %10.0f %6.2f\n", size, paths[p].name,
                   wall, wall / turbo_wall, cpu, cpu / turbo_cpu);
        }
      pool = measure_pool (tiles, size);
      g_print ("%3d px %-44s %10.0f %6.2f %10s %6s   (%u threads; wall t/s per thread)\n", size,
               "canvas decoder pool, all cores", pool / cores, pool / cores / turbo_wall, "", "", cores);
      g_print ("       (%u tiles, %.1f KiB each on average)\n", tiles->len,
               tiles->len ? bytes / 1024.0 / tiles->len : 0);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (VtTestbed) testbed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bench = NULL;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-canvas: no display; run under xvfb-run\n");
      return 77;
    }
  vt_decoder_get_default ();

  bench = g_build_filename (vt_testbed_get_fixtures_dir (), "bench.tif", NULL);
  if (!g_file_test (bench, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-canvas: %s is missing; run meson compile -C BUILD testbed-bench-image\n", bench);
      return 77;
    }
  testbed = vt_testbed_start (&error);
  if (testbed == NULL)
    {
      g_printerr ("bench-canvas: test bed: %s\n", error->message);
      return 77;
    }

  /* VT_BENCH=walk or VT_BENCH=decode runs one table only. */
  if (g_strcmp0 (g_getenv ("VT_BENCH"), "decode") != 0)
    run_walk (testbed);
  if (g_strcmp0 (g_getenv ("VT_BENCH"), "walk") != 0)
    run_decode (testbed);
  return 0;
}
