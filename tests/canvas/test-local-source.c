/* test-local-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "vt-canvas-test-util.h"
#include "vt-decoder-private.h"
#include "vt-local-source.h"
#include "vt-pyramid-cache.h"

/* Large local images that are not pyramidal: a preview first, then a
 * pyramid built once into the user's cache and reused. The fixtures are
 * small strip TIFFs; the cache's size threshold is lowered to match. */

#define IMAGE_W 5400
#define IMAGE_H 1000

static char *tmp_dir;
static char *fixture;

typedef struct
{
  GdkTexture *texture;
  GError *error;
  gboolean done;
} TileResult;

static void
tile_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TileResult *r = user_data;

  r->texture = vt_tile_source_load_tile_finish (VT_TILE_SOURCE (object), result, &r->error);
  r->done = TRUE;
}

static void
tile_result_clear (TileResult *r)
{
  g_clear_object (&r->texture);
  g_clear_error (&r->error);
  r->done = FALSE;
}

static void
load_tile (VtLocalSource *source,
           guint          level,
           guint          x,
           guint          y,
           TileResult    *r)
{
  vt_tile_source_load_tile_async (VT_TILE_SOURCE (source), level, x, y, 0, NULL, tile_cb, r);
}

static void
wait_tile (TileResult *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r->error);
  g_assert_nonnull (r->texture);
}

static void
wait_stage (VtLocalSource      *source,
            VtLocalSourceStage  stage)
{
  while (vt_local_source_get_stage (source) < stage)
    g_main_context_iteration (NULL, TRUE);
}

/* Ramps across and down, and a pattern of 16 px blocks: every region
 * differs from the next, so a misplaced tile shows. */
static VipsImage *
make_image (void)
{
  g_autoptr (VipsImage) xy = NULL, x = NULL, y = NULL, xs = NULL, ys = NULL, z = NULL, zb = NULL;
  g_autoptr (VipsImage) ru = NULL, gu = NULL, bu = NULL;
  VipsImage *bands[3];
  VipsImage *out = NULL;

  g_assert_cmpint (vips_xyz (&xy, IMAGE_W, IMAGE_H, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &x, 0, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &y, 1, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (x, &ru, 255.0 / IMAGE_W, 0, "uchar", TRUE, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (y, &gu, 255.0 / IMAGE_H, 0, "uchar", TRUE, NULL), ==, 0);
  g_assert_cmpint (vips_rshift_const1 (x, &xs, 4, NULL), ==, 0);
  g_assert_cmpint (vips_rshift_const1 (y, &ys, 4, NULL), ==, 0);
  g_assert_cmpint (vips_eorimage (xs, ys, &z, NULL), ==, 0);
  g_assert_cmpint (vips_andimage_const1 (z, &zb, 255, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (zb, &bu, NULL), ==, 0);
  bands[0] = ru;
  bands[1] = gu;
  bands[2] = bu;
  g_assert_cmpint (vips_bandjoin (bands, &out, 3, NULL), ==, 0);
  out->Type = VIPS_INTERPRETATION_sRGB;
  return out;
}

/* A fresh copy of the fixture: another path is another cache entry. */
static char *
copy_fixture (const char *name)
{
  g_autofree char *contents = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static gint64
file_mtime_ns (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

static guint64
directory_size (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint64 total = 0;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      struct stat st;

      g_assert_cmpint (stat (path, &st), ==, 0);
      total += st.st_size;
    }
  return total;
}

/* The mean absolute difference of a tile from the same region of @image
 * shrunk by 2 (what the pyramid's half level holds). */
static double
half_level_error (GdkTexture *texture,
                  VipsImage  *full)
{
  g_autoptr (VipsImage) half = NULL, region = NULL;
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *shown = g_malloc ((gsize) w * h * 4);
  VipsPel *expected;
  size_t size;
  double sum = 0;

  g_assert_cmpint (vips_shrink (full, &half, 2, 2, NULL), ==, 0);
  g_assert_cmpint (vips_crop (half, &region, 0, 0, w, h, NULL), ==, 0);
  expected = vips_image_write_to_memory (region, &size);
  g_assert_nonnull (expected);
  gdk_texture_download (texture, shown, (gsize) w * 4);
  for (int i = 0; i < w * h; i++)
    for (int b = 0; b < 3; b++)
      sum += ABS ((int) shown[i * 4 + 2 - b] - (int) expected[i * 3 + b]);
  g_free (expected);
  g_test_message ("half level: mean error %.2f", sum / (w * h * 3.0));
  return sum / (w * h * 3.0);
}

static void
test_preview_first (void)
{
  g_autofree char *path = copy_fixture ("preview.tif");
  g_autoptr (VtLocalSource) source = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VipsImage) full = NULL;
  VtPyramidCache *cache = vt_pyramid_cache_get_default ();
  TileResult coarse = { 0 }, half = { 0 }, again = { 0 };
  guint n_levels, builds = vt_pyramid_cache_get_n_builds (cache);

  vt_local_source_set_build_gate (TRUE);
  source = vt_local_source_new (path, &error);
  g_assert_no_error (error);
  n_levels = vt_tile_source_get_n_levels (VT_TILE_SOURCE (source));
  g_assert_cmpuint (n_levels, ==, 6);
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_HEADER);

  /* Asked before anything is ready, both wait. */
  load_tile (source, n_levels - 2, 0, 0, &half);
  load_tile (source, 0, 0, 0, &coarse);
  g_assert_false (coarse.done);

  /* The preview serves the coarse level while the pyramid is held back. */
  wait_stage (source, VT_LOCAL_SOURCE_STAGE_PREVIEW);
  wait_tile (&coarse);
  g_assert_cmpint (gdk_texture_get_width (coarse.texture), ==, (IMAGE_W + 31) / 32);
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_PREVIEW);
  g_assert_false (half.done);
  g_assert_null (vt_local_source_get_pyramid_path (source));

  /* Then the pyramid, built once, serves the half level. */
  vt_local_source_set_build_gate (FALSE);
  wait_tile (&half);
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  g_assert_cmpuint (vt_pyramid_cache_get_n_builds (cache), ==, builds + 1);
  g_assert_nonnull (vt_local_source_get_pyramid_path (source));
  g_assert_true (g_str_has_prefix (vt_local_source_get_pyramid_path (source),
                                   vt_pyramid_cache_get_directory (cache)));
  g_assert_true (g_file_test (vt_local_source_get_pyramid_path (source), G_FILE_TEST_IS_REGULAR));

  /* In the right place, within JPEG's error. */
  full = vips_image_new_from_file (path, NULL);
  g_assert_cmpfloat (half_level_error (half.texture, full), <, 3.0);

  /* Complete: a tile of any level comes at once. */
  load_tile (source, n_levels - 3, 1, 0, &again);
  wait_tile (&again);

  tile_result_clear (&coarse);
  tile_result_clear (&half);
  tile_result_clear (&again);
}

static void
test_cache_reused (void)
{
  g_autofree char *path = copy_fixture ("reused.tif");
  g_autofree char *pyramid = NULL;
  g_autoptr (VtLocalSource) first = NULL;
  g_autoptr (VtLocalSource) second = NULL;
  VtPyramidCache *cache = vt_pyramid_cache_get_default ();
  TileResult r = { 0 };
  guint builds;
  gint64 mtime;

  first = vt_local_source_new (path, NULL);
  g_assert_nonnull (first);
  wait_stage (first, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  pyramid = g_strdup (vt_local_source_get_pyramid_path (first));
  g_assert_nonnull (pyramid);
  builds = vt_pyramid_cache_get_n_builds (cache);
  mtime = file_mtime_ns (pyramid);
  g_clear_object (&first);

  /* Opened again: complete at once, from the same file, nothing rebuilt. */
  second = vt_local_source_new (path, NULL);
  g_assert_nonnull (second);
  g_assert_cmpint (vt_local_source_get_stage (second), ==, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  g_assert_cmpstr (vt_local_source_get_pyramid_path (second), ==, pyramid);
  load_tile (second, 3, 0, 0, &r);
  wait_tile (&r);
  g_assert_cmpuint (vt_pyramid_cache_get_n_builds (cache), ==, builds);
  g_assert_cmpint (file_mtime_ns (pyramid), ==, mtime);
  tile_result_clear (&r);
}

typedef enum
{
  DAMAGE_TRUNCATE,
  DAMAGE_HEADER,
} Damage;

static void
test_cache_damaged (gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autofree char *path = copy_fixture (damage == DAMAGE_TRUNCATE ? "cut.tif" : "garbled.tif");
  g_autofree char *pyramid = NULL;
  g_autofree char *found = NULL;
  g_autoptr (VtLocalSource) source = NULL;
  VtPyramidCache *cache = vt_pyramid_cache_get_default ();
  TileResult r = { 0 };
  struct stat st;
  guint builds;

  source = vt_local_source_new (path, NULL);
  wait_stage (source, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  pyramid = g_strdup (vt_local_source_get_pyramid_path (source));
  g_assert_nonnull (pyramid);
  g_clear_object (&source);
  g_assert_cmpint (stat (pyramid, &st), ==, 0);

  if (damage == DAMAGE_TRUNCATE)
    g_assert_cmpint (truncate (pyramid, st.st_size / 2), ==, 0);
  else
    {
      /* The trailer intact, the TIFF header gone. */
      FILE *f = fopen (pyramid, "r+b");

      g_assert_nonnull (f);
      g_assert_cmpint (fwrite ("garbage!", 1, 8, f), ==, 8);
      fclose (f);
    }
  builds = vt_pyramid_cache_get_n_builds (cache);

  /* Found wanting and built again, and the image still shows. */
  source = vt_local_source_new (path, NULL);
  g_assert_nonnull (source);
  g_assert_cmpint (vt_local_source_get_stage (source), !=, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  load_tile (source, 3, 0, 0, &r);
  wait_tile (&r);
  wait_stage (source, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  g_assert_cmpuint (vt_pyramid_cache_get_n_builds (cache), ==, builds + 1);
  g_assert_cmpstr (vt_local_source_get_pyramid_path (source), ==, pyramid);
  g_assert_cmpint (stat (pyramid, &st), ==, 0);
  found = vt_pyramid_cache_lookup (cache, path);
  g_assert_cmpstr (found, ==, pyramid);
  tile_result_clear (&r);
}

static char *
build_one (const char *name,
           gint64      age)
{
  g_autofree char *path = copy_fixture (name);
  g_autoptr (VtLocalSource) source = vt_local_source_new (path, NULL);
  char *pyramid;
  struct utimbuf times;

  wait_stage (source, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  pyramid = g_strdup (vt_local_source_get_pyramid_path (source));
  g_assert_nonnull (pyramid);
  /* Used @age seconds ago, so the eviction order is known. */
  times.actime = times.modtime = time (NULL) - age;
  g_assert_cmpint (utime (pyramid, &times), ==, 0);
  return pyramid;
}

static void
test_cache_eviction (void)
{
  VtPyramidCache *cache = vt_pyramid_cache_get_default ();
  const char *dir = vt_pyramid_cache_get_directory (cache);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  guint64 one, old_max = vt_pyramid_cache_get_max_bytes (cache);

  /* Start empty. */
  vt_pyramid_cache_set_max_bytes (cache, 0);
  vt_pyramid_cache_evict (cache, NULL);
  g_assert_cmpuint (directory_size (dir), ==, 0);
  vt_pyramid_cache_set_max_bytes (cache, old_max);

  a = build_one ("evict-a.tif", 300);
  one = directory_size (dir);
  g_assert_cmpuint (one, >, 0);
  b = build_one ("evict-b.tif", 200);
  g_assert_cmpuint (directory_size (dir), ==, 2 * one);

  /* Room for two: the third pushes out the one used longest ago. */
  vt_pyramid_cache_set_max_bytes (cache, 2 * one + one / 2);
  c = build_one ("evict-c.tif", 0);
  g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (b, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (c, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (directory_size (dir), <=, vt_pyramid_cache_get_max_bytes (cache));

  vt_pyramid_cache_set_max_bytes (cache, old_max);
}

/* A JPEG: halved by libjpeg while decoding, in the right place. */
static void
test_jpeg (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "large.jpg", NULL);
  g_autoptr (VipsImage) image = make_image ();
  g_autoptr (VtLocalSource) source = NULL;
  g_autoptr (VipsImage) full = NULL;
  TileResult r = { 0 };
  guint n_levels;

  g_assert_cmpint (vips_jpegsave (image, path, "Q", 95, NULL), ==, 0);
  source = vt_local_source_new (path, NULL);
  g_assert_nonnull (source);
  wait_stage (source, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  g_assert_nonnull (vt_local_source_get_pyramid_path (source));
  n_levels = vt_tile_source_get_n_levels (VT_TILE_SOURCE (source));
  load_tile (source, n_levels - 2, 0, 0, &r);
  wait_tile (&r);
  full = vips_image_new_from_file (path, NULL);
  g_assert_cmpfloat (half_level_error (r.texture, full), <, 4.0);
  tile_result_clear (&r);
}

static gboolean
is_sharp (VtImageView *view)
{
  return vt_image_view_get_sharp (view) && vt_image_view_get_n_loading (view) == 0;
}

/* In a view: at fit the preview is all it needs, so it is sharp before
 * the pyramid exists; zoomed in further it shows the preview, whole,
 * until the pyramid's level comes. */
static void
test_view (void)
{
  g_autofree char *path = copy_fixture ("view.tif");
  g_autoptr (VipsImage) full = NULL;
  VtImageView *view;
  GtkWidget *window;
  VtLocalSource *source;

  if (vt_test_skip_without_display ())
    return;

  vt_local_source_set_build_gate (TRUE);
  window = vt_test_window_new (640, 480, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  g_assert_true (vt_test_open_file (view, path));
  source = VT_LOCAL_SOURCE (vt_image_view_get_source (view));
  vt_image_view_zoom_fit (view, FALSE);
  g_assert_true (vt_test_wait_until (is_sharp, view, 60));
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_PREVIEW);

  full = vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);
  vt_test_set_view (view, 0.4, IMAGE_W / 2.0, IMAGE_H / 2.0);
  /* The preview's tiles, all loaded at fit, are drawn under the wait. */
  vt_image_view_update_now (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    g_autoptr (VtPixels) shown = vt_test_render (view);
    g_autoptr (VtPixels) reference = vt_test_reference (full, vt_image_view_get_viewport (view));

    g_assert_false (vt_image_view_get_sharp (view));
    g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_PREVIEW);
    g_assert_cmpuint (vt_test_count_holes (shown, reference), ==, 0);
  }

  vt_local_source_set_build_gate (FALSE);
  g_assert_true (vt_test_wait_until (is_sharp, view, 60));
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  {
    g_autoptr (VtPixels) shown = vt_test_render (view);
    g_autoptr (VtPixels) reference = vt_test_reference (full, vt_image_view_get_viewport (view));
    double psnr = vt_test_psnr (shown, reference, NULL);

    g_test_message ("at 40 %% from the pyramid: PSNR %.1f dB", psnr);
    g_assert_cmpfloat (psnr, >=, 30);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_small_image (void)
{
  g_autofree char *path = copy_fixture ("small.tif");
  g_autoptr (VtLocalSource) source = NULL;
  VtPyramidCache *cache = vt_pyramid_cache_get_default ();
  guint64 old_min = vt_pyramid_cache_get_min_pixels (cache);
  guint builds = vt_pyramid_cache_get_n_builds (cache);

  /* Below the threshold: resized on the fly, complete at once, no cache. */
  vt_pyramid_cache_set_min_pixels (cache, (guint64) IMAGE_W * IMAGE_H + 1);
  source = vt_local_source_new (path, NULL);
  vt_pyramid_cache_set_min_pixels (cache, old_min);
  g_assert_nonnull (source);
  g_assert_cmpint (vt_local_source_get_stage (source), ==, VT_LOCAL_SOURCE_STAGE_COMPLETE);
  g_assert_null (vt_local_source_get_pyramid_path (source));
  g_assert_cmpuint (vt_pyramid_cache_get_n_builds (cache), ==, builds);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache_home = NULL;
  g_autoptr (VipsImage) image = NULL;
  int ret;

  tmp_dir = g_dir_make_tmp ("vitrine-local-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  /* The user's cache, before anything asks where it is. */
  cache_home = g_build_filename (tmp_dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  vt_test_init_display (&argc, &argv);
  g_assert_true (g_str_has_prefix (vt_pyramid_cache_get_directory (vt_pyramid_cache_get_default ()),
                                   cache_home));
  vt_pyramid_cache_set_min_pixels (vt_pyramid_cache_get_default (), (guint64) 1000 * 1000);

  image = make_image ();
  fixture = g_build_filename (tmp_dir, "fixture.tif", NULL);
  /* Strips, uncompressed: libvips' plain TIFF. */
  g_assert_cmpint (vips_tiffsave (image, fixture, NULL), ==, 0);

  g_test_add_func ("/vitrine/local-source/preview-first", test_preview_first);
  g_test_add_func ("/vitrine/local-source/cache-reused", test_cache_reused);
  g_test_add_data_func ("/vitrine/local-source/cache-truncated",
                        GINT_TO_POINTER (DAMAGE_TRUNCATE), test_cache_damaged);
  g_test_add_data_func ("/vitrine/local-source/cache-garbled",
                        GINT_TO_POINTER (DAMAGE_HEADER), test_cache_damaged);
  g_test_add_func ("/vitrine/local-source/cache-eviction", test_cache_eviction);
  g_test_add_func ("/vitrine/local-source/jpeg", test_jpeg);
  g_test_add_func ("/vitrine/local-source/view", test_view);
  g_test_add_func ("/vitrine/local-source/small-image", test_small_image);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (fixture);
  g_free (tmp_dir);
  return ret;
}
