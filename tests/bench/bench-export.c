/* bench-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export at full resolution (issue 14). Not a test: it prints a table and
 * never fails on a number.
 *
 * The 16384 × 12288 benchmark image served by IIPImage, exported whole by
 * vitrine-export (a process of its own, so that its peak RSS is its own)
 * as TIFF and as JPEG, against the baseline of what it cannot avoid:
 * fetching every full-resolution tile through the same client (bytes
 * only) plus `vips crop` of the same region from the local pyramid into
 * the same format. The ratio is export time / (transfer + vips).
 *
 * Run: meson compile -C BUILD testbed-bench-image &&
 *      meson test -C BUILD --benchmark --suite export -v
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "export/vt-export.h"
#include "net/vt-service-cache.h"
#include "vt-testbed.h"

typedef struct
{
  double seconds;
  double rss_mib;
  int    status;
} Run;

static Run
run_process (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GPid pid;
  gint64 start = g_get_monotonic_time ();
  int status;
  Run run = { 0 };

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_SEARCH_PATH,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4");
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.rss_mib = usage.ru_maxrss / 1024.0;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return run;
}

typedef struct
{
  guint   pending;
  guint   failed;
  guint64 bytes;
} Transfer;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Transfer *t = user_data;
  g_autoptr (GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, NULL);

  if (bytes != NULL)
    t->bytes += g_bytes_get_size (bytes);
  else
    t->failed++;
  t->pending--;
}

static void
service_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  VtTilePyramid **pyramid = user_data;
  g_autoptr (GError) error = NULL;
  VtImageService *service;

  service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result, pyramid, &error);
  if (service == NULL)
    g_error ("info.json: %s", error->message);
  vt_image_service_unref (service);
}

/* Every full-resolution tile through the client, bytes only. */
static double
transfer_tiles (const char *info_url,
                guint      *n_tiles,
                guint64    *n_bytes)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtServiceCache) cache = vt_service_cache_new (client);
  VtTilePyramid *pyramid = NULL;
  const VtTileLevel *level;
  Transfer t = { 0 };
  gint64 start;

  vt_service_cache_load_async (cache, info_url, VT_FETCH_FLAGS_NONE, 0, NULL, service_cb, &pyramid);
  while (pyramid == NULL)
    g_main_context_iteration (NULL, TRUE);
  level = vt_tile_pyramid_get_level (pyramid, 0);

  start = g_get_monotonic_time ();
  for (guint y = 0; y < level->rows; y++)
    for (guint x = 0; x < level->columns; x++)
      {
        g_autofree char *url = vt_tile_pyramid_dup_tile_url (pyramid, 0, x, y);

        t.pending++;
        vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE, 0, NULL,
                               fetched_cb, &t);
      }
  *n_tiles = t.pending;
  while (t.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  if (t.failed > 0)
    g_error ("%u tiles failed", t.failed);
  *n_bytes = t.bytes;
  vt_tile_pyramid_unref (pyramid);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (VtTestbed) testbed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bench = NULL;
  g_autofree char *info = NULL;
  g_autofree char *dir = NULL;
  const char *formats[] = { "tif", "jpg" };
  guint n_tiles;
  guint64 n_bytes;
  double transfer;

  bench = g_build_filename (vt_testbed_get_fixtures_dir (), "bench.tif", NULL);
  if (!g_file_test (bench, G_FILE_TEST_EXISTS))
    {
      g_print ("bench-export: no %s; run `meson compile -C BUILD testbed-bench-image`\n", bench);
      return 77;
    }
  testbed = vt_testbed_start (&error);
  if (testbed == NULL)
    g_error ("test bed: %s", error->message);
  info = vt_testbed_get_url (testbed, "/iiif/bench.tif/info.json");
  dir = g_dir_make_tmp ("vitrine-bench-export-XXXXXX", NULL);

  /* Once to warm IIPImage and the page cache, then measured. */
  transfer_tiles (info, &n_tiles, &n_bytes);
  transfer = transfer_tiles (info, &n_tiles, &n_bytes);

  g_print ("\nFull-resolution export of the 16384 x 12288 image from IIPImage (%u tiles, %.1f MB)\n\n",
           n_tiles, n_bytes / 1e6);
  g_print ("| format | vitrine-export | peak RSS | tile transfer | vips crop (local) | transfer + vips | ratio |\n");
  g_print ("|---|---|---|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/export.%s", dir, formats[i]);
      g_autofree char *ref = NULL;
      g_autofree char *vips_out = NULL;
      const char *export_argv[] = { VITRINE_EXPORT_PATH, "--quiet", info, "-o", out, NULL };
      Run ex, vips;

      ex = run_process (export_argv);
      if (ex.status != 0)
        g_error ("vitrine-export failed (%d)", ex.status);
      /* The same format and options the exporter uses. */
      if (g_str_equal (formats[i], "tif"))
        vips_out = g_strdup_printf ("%s/vips.tif[tile,tile-width=256,tile-height=256,compression=deflate,predictor=horizontal]", dir);
      else
        vips_out = g_strdup_printf ("%s/vips.jpg[Q=92]", dir);
      {
        const char *vips_argv[] = { "vips", "crop", bench, vips_out, "0", "0", "16384", "12288", NULL };

        vips = run_process (vips_argv);
      }
      if (vips.status != 0)
        g_error ("vips crop failed (%d)", vips.status);
      g_print ("| %s | %.1f s | %.0f MiB | %.1f s | %.1f s (%.0f MiB) | %.1f s | %.2f |\n",
               formats[i], ex.seconds, ex.rss_mib, transfer, vips.seconds, vips.rss_mib,
               transfer + vips.seconds, ex.seconds / (transfer + vips.seconds));
      g_unlink (out);
      ref = g_strdup_printf ("%s/vips.%s", dir, formats[i]);
      g_unlink (ref);
    }
  g_print ("\n");
  g_rmdir (dir);
  return 0;
}
