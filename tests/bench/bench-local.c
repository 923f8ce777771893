/* bench-local.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Local images that are not pyramidal (issue 13, finding 6). Not a test:
 * it prints a table and never fails on a number.
 *
 * A 9000 × 7000 RGB strip TIFF (189 MB, uncompressed, as a scanner writes
 * it) against the same image as a tiled pyramidal TIFF (JPEG, Q 90), each
 * opened in a 1280 × 800 view: time to the first tile on screen, to sharp
 * at fit, and the same again for a second open (a new source, an empty
 * tile cache: what reopening the file does). A baseline JPEG of the same
 * image shows what shrink-on-load gives. The strip TIFF's pyramid goes
 * to an empty cache directory first. Both files are freshly written, so
 * they are in the page cache: the numbers are for a warm disk.
 *
 * Run: xvfb-run -a -s '-screen 0 1280x1024x24' meson test -C BUILD --benchmark --suite local -v
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <time.h>

#include "vt-decoder-private.h"
#include "vt-image-view-private.h"
#include "vt-local-source.h"
#include "vt-pyramid-cache.h"

#define BENCH_W 9000
#define BENCH_H 7000
#define VIEW_W  1280
#define VIEW_H  800

typedef struct
{
  double cpu;
  double header;
  double first;
  double sharp;
  double complete;
} Times;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_tile (VtImageView *view)
{
  return vt_tile_cache_get_n_tiles (vt_tile_layer_get_cache (vt_image_view_get_layer (view))) > 0;
}

static gboolean
is_sharp (VtImageView *view)
{
  return !vt_image_view_is_animating (view) && vt_image_view_get_sharp (view) &&
         vt_image_view_get_n_loading (view) == 0;
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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static Times
open_once (VtImageView *view,
           const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VtLocalSource) source = NULL;
  gint64 start = g_get_monotonic_time ();
  Times t = { -1, -1, -1, -1, -1 };
  struct timespec cpu0, cpu1;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu0);

  vt_image_view_clear (view);
  source = vt_local_source_new (path, &error);
  g_assert_no_error (error);
  t.header = ms_since (start);
  vt_image_view_set_source (view, VT_TILE_SOURCE (source));
  vt_image_view_zoom_fit (view, FALSE);
  if (wait_for (has_tile, view, 120))
    t.first = ms_since (start);
  if (wait_for (is_sharp, view, 120))
    t.sharp = ms_since (start);
  while (vt_local_source_get_stage (source) != VT_LOCAL_SOURCE_STAGE_COMPLETE)
    g_main_context_iteration (NULL, TRUE);
  t.complete = ms_since (start);
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu1);
  t.cpu = (cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6;
  return t;
}

static void
print_row (const char *name,
           const char *open,
           Times       t)
{
  g_print ("%-22s %-7s %8.0f %12.0f %14.0f %12.0f %10.0f\n", name, open, t.header, t.first,
           t.sharp, t.complete, t.cpu);
}

static VipsImage *
make_image (void)
{
  g_autoptr (VipsImage) xy = NULL, x = NULL, y = NULL, z = NULL;
  g_autoptr (VipsImage) xu = NULL, yu = NULL, zu = NULL;
  VipsImage *bands[3];
  VipsImage *out = NULL;

  g_assert_cmpint (vips_xyz (&xy, BENCH_W, BENCH_H, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &x, 0, NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (xy, &y, 1, NULL), ==, 0);
  g_assert_cmpint (vips_eorimage (x, y, &z, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (x, &xu, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (y, &yu, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (z, &zu, NULL), ==, 0);
  bands[0] = xu;
  bands[1] = yu;
  bands[2] = zu;
  g_assert_cmpint (vips_bandjoin (bands, &out, 3, NULL), ==, 0);
  out->Type = VIPS_INTERPRETATION_sRGB;
  return out;
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
  g_autofree char *dir = g_dir_make_tmp ("vitrine-bench-local-XXXXXX", NULL);
  g_autofree char *cache_home = g_build_filename (dir, "cache", NULL);
  g_autofree char *strip = g_build_filename (dir, "strip.tif", NULL);
  g_autofree char *pyramid = g_build_filename (dir, "pyramid.tif", NULL);
  g_autofree char *jpeg = g_build_filename (dir, "large.jpg", NULL);
  g_autoptr (VipsImage) image = NULL;
  VtImageView *view;
  GtkWidget *window;
  struct stat st;
  Times t;

  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  if (!gtk_init_check ())
    {
      g_print ("no display: run under xvfb-run\n");
      return 77;
    }
  vt_decoder_get_default ();

  image = make_image ();
  g_assert_cmpint (vips_tiffsave (image, strip, NULL), ==, 0);
  g_assert_cmpint (vips_tiffsave (image, pyramid, "tile", TRUE, "pyramid", TRUE,
                                  "tile_width", 256, "tile_height", 256,
                                  "compression", VIPS_FOREIGN_TIFF_COMPRESSION_JPEG,
                                  "Q", 90, NULL), ==, 0);
  g_assert_cmpint (vips_jpegsave (image, jpeg, "Q", 90, NULL), ==, 0);

  window = gtk_window_new ();
  view = VT_IMAGE_VIEW (vt_image_view_new ());
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  g_print ("\nLocal images, %d × %d RGB, in a %d × %d view (ms from opening; %u cores)\n\n",
           BENCH_W, BENCH_H, VIEW_W, VIEW_H, g_get_num_processors ());
  g_print ("%-22s %-7s %8s %12s %14s %12s %10s\n", "file", "open", "header", "first view",
           "sharp at fit", "all levels", "CPU");

  t = open_once (view, strip);
  print_row ("strip TIFF (189 MB)", "first", t);
  t = open_once (view, strip);
  print_row ("strip TIFF (189 MB)", "second", t);
  t = open_once (view, jpeg);
  print_row ("JPEG", "first", t);
  t = open_once (view, jpeg);
  print_row ("JPEG", "second", t);
  t = open_once (view, pyramid);
  print_row ("pyramidal TIFF", "first", t);
  t = open_once (view, pyramid);
  print_row ("pyramidal TIFF", "second", t);

  {
    g_autofree char *cached = vt_pyramid_cache_lookup (vt_pyramid_cache_get_default (), strip);

    if (cached != NULL && stat (cached, &st) == 0)
      g_print ("\ncached pyramid of the strip TIFF: %.1f MB; builds: %u\n", st.st_size / 1e6,
               vt_pyramid_cache_get_n_builds (vt_pyramid_cache_get_default ()));
  }
  g_print ("load average: ");
  {
    g_autofree char *load = NULL;

    if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
      g_print ("%s", load);
  }

  vt_image_view_clear (view);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
  return 0;
}
