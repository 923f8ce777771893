/* test-export-rss.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>

#include "export-test-util.h"
#include "vt-testbed.h"

/* Peak memory of a full-resolution export, in a process of its own (the
 * peak RSS of a process never goes down). With the benchmark image
 * (16384 × 12288, `meson compile -C BUILD testbed-bench-image`) that is
 * the case; without it, the 12000 × 9000 image, whose 309 MiB of
 * RGB pixels alone are over the bound, so only a streaming export passes
 * either way. */

#define MAX_RSS_MIB 300

/* Sanitizers keep freed memory in quarantine and add shadow memory: the
 * RSS of such a build says nothing about the export's. */
#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#  define SANITIZED 1
# endif
#endif

static void
test_peak_rss (void)
{
  g_autoptr (VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (VtExport) export = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bench = NULL;
  g_autofree char *info = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  struct rusage usage;
  double mib;

  if (testbed == NULL)
    return;
#ifdef SANITIZED
  g_test_skip ("a sanitizer build: its peak RSS says nothing about the export's");
  return;
#endif
  bench = g_build_filename (vt_testbed_get_fixtures_dir (), "bench.tif", NULL);
  info = vt_testbed_get_url (testbed, g_file_test (bench, G_FILE_TEST_EXISTS)
                                      ? "/iiif/bench.tif/info.json"
                                      : VT_TESTBED_IIP_MAIN "/info.json");
  pyramid = export_test_load_pyramid (client, info);
  export = vt_export_new_for_pyramid (client, pyramid);
  dir = g_dir_make_tmp ("vitrine-export-rss-XXXXXX", NULL);
  path = g_build_filename (dir, "full.tif", NULL);

  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  mib = usage.ru_maxrss / 1024.0;
  g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " at full resolution: peak RSS %.0f MiB",
                  vt_export_get_image_width (export), vt_export_get_image_height (export), mib);
  g_assert_cmpfloat (mib, <=, MAX_RSS_MIB);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (VIPS_INIT (argv[0]) != 0)
    g_error ("libvips");
  g_test_add_func ("/export/peak-rss", test_peak_rss);
  return g_test_run ();
}
