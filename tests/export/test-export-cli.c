/* test-export-cli.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vt-testbed.h"

/* vitrine-export as scripts see it: exit codes, the one-line errors, the
 * licence warning, and no file when it fails. */

static VtTestbed *testbed;
static char *tmpdir;

static VtTestbed *
get_testbed (void)
{
  if (testbed == NULL)
    testbed = vt_testbed_start_or_skip ();
  return testbed;
}

static int
run (char       **out_stderr,
     const char  *first,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) VITRINE_EXPORT_PATH);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, out_stderr, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_usage (void)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run (&err, "whatever.json", NULL), ==, 1);
  g_assert_cmpint (run (&err2, "x", "--format", "gif", "-o", "x.gif", NULL), ==, 1);
  g_assert_nonnull (strstr (err2, "vitrine-export: usage: "));
}

static void
test_manifest_canvas (void)
{
  g_autofree char *url = NULL;
  g_autofree char *out = g_build_filename (tmpdir, "canvas2.jpg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;

  if (get_testbed () == NULL)
    return;
  url = vt_testbed_get_manifest_url (testbed, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS);

  /* Canvas 2 (In Copyright): exported, with the warning. */
  g_assert_cmpint (run (&err, url, "--canvas", "2", "--region", "0,0,1000,800",
                        "--size", "500,400", "-o", out, NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "does not allow reuse"));

  /* No canvas 9; a region outside the image; a size beyond the region. */
  g_assert_cmpint (run (&err2, url, "--canvas", "9", "-o", out, NULL), ==, 4);
  g_assert_nonnull (strstr (err2, "vitrine-export: no-image: "));
  g_assert_cmpint (run (&err3, url, "--region", "11000,0,2000,100", "-o", out, NULL), ==, 5);
  g_assert_nonnull (strstr (err3, "vitrine-export: invalid: "));
  g_assert_cmpint (run (&err4, url, "--region", "0,0,100,100", "--size", "200,200", "-o", out, NULL), ==, 5);
}

static void
test_network_errors (void)
{
  g_autofree char *missing = NULL;
  g_autofree char *forbidden = NULL;
  g_autofree char *out = g_build_filename (tmpdir, "missing.tif", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  if (get_testbed () == NULL)
    return;
  /* The manifest is there, its image is not (IIPImage's 404). */
  missing = vt_testbed_get_manifest_url (testbed, VT_TESTBED_OBJECT_IMAGE_MISSING);
  g_assert_cmpint (run (&err, missing, "-o", out, NULL), ==, 8);
  g_assert_nonnull (strstr (err, "vitrine-export: not-found: "));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  forbidden = vt_testbed_get_manifest_url (testbed, VT_TESTBED_OBJECT_FORBIDDEN);
  g_assert_cmpint (run (&err2, forbidden, "-o", out, NULL), ==, 8);
  g_assert_nonnull (strstr (err2, "vitrine-export: not-public: "));
}

static void
test_too_large_and_local (void)
{
  g_autofree char *source = g_build_filename (vt_testbed_get_fixtures_dir (), "ghent.tif", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "local.png", NULL);
  g_autofree char *not_image = g_build_filename (tmpdir, "text.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;

  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no test bed fixtures");
      return;
    }
  g_assert_cmpint (run (&err, source, "--region", "10,20,300,200", "-o", out, NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (&err2, "/nonexistent/file.tif", "-o", out, NULL), ==, 2);
  g_assert_true (g_file_set_contents (not_image, "hello", -1, NULL));
  g_assert_cmpint (run (&err3, not_image, "-o", out, NULL), ==, 2);
  /* Unwritable destination: a folder that does not exist. */
  g_assert_cmpint (run (&err4, source, "--region", "0,0,10,10", "-o", "/nonexistent/dir/x.png", NULL), ==, 10);
  g_assert_nonnull (strstr (err4, "vitrine-export: write: "));
}


/* A local info.json with limits in front of IIPImage: full resolution is
 * refused with the largest size named, and --size max exports that. */
static void
test_limited (void)
{
  g_autofree char *info = g_build_filename (tmpdir, "limited-info.json", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "limited.jpg", NULL);
  g_autofree char *id = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  if (get_testbed () == NULL)
    return;
  id = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN);
  json = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                          " \"@id\": \"%s\", \"protocol\": \"http://iiif.io/api/image\","
                          " \"width\": 12000, \"height\": 9000,"
                          " \"maxWidth\": 2000, \"maxArea\": 3000000,"
                          " \"tiles\": [{\"width\": 256, \"scaleFactors\": [8, 16, 32, 64]}],"
                          " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}", id);
  g_assert_true (g_file_set_contents (info, json, -1, NULL));

  g_assert_cmpint (run (&err, info, "-o", out, NULL), ==, 6);
  g_assert_nonnull (strstr (err, "vitrine-export: limited: "));
  g_assert_nonnull (strstr (err, "2000"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (&err2, info, "--size", "max", "-o", out, NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vitrine-export-cli-XXXXXX", NULL);

  g_test_add_func ("/export-cli/usage", test_usage);
  g_test_add_func ("/export-cli/manifest-canvas", test_manifest_canvas);
  g_test_add_func ("/export-cli/network-errors", test_network_errors);
  g_test_add_func ("/export-cli/local", test_too_large_and_local);
  g_test_add_func ("/export-cli/limited", test_limited);

  status = g_test_run ();
  g_clear_pointer (&testbed, vt_testbed_free);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  g_free (tmpdir);
  return status;
}
