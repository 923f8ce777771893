/* export-test-util.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "export-test-util.h"

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} Wait;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *w = user_data;
  VtImageService *service;

  service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result,
                                          (VtTilePyramid **) &w->result, &w->error);
  g_clear_pointer (&service, vt_image_service_unref);
  w->done = TRUE;
}

VtTilePyramid *
export_test_load_pyramid (VtClient   *client,
                          const char *info_url)
{
  g_autoptr (VtServiceCache) cache = vt_service_cache_new (client);
  Wait w = { 0 };

  vt_service_cache_load_async (cache, info_url, VT_FETCH_FLAGS_NONE, 0, NULL, loaded_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (w.error);
  return w.result;
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Wait *w = user_data;

  vt_export_run_finish (VT_EXPORT (object), result, &w->error);
  w->done = TRUE;
}

gboolean
export_test_run (VtExport    *export,
                 const char  *path,
                 GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  Wait w = { 0 };

  vt_export_run_async (export, file, NULL, run_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }
  return TRUE;
}

static VipsImage *
squared_difference (const char *path,
                    VipsImage  *reference)
{
  g_autoptr (VipsImage) image = vips_image_new_from_file (path, NULL);
  VipsImage *diff = NULL;

  g_assert_nonnull (image);
  g_assert_cmpint (vips_image_get_width (image), ==, vips_image_get_width (reference));
  g_assert_cmpint (vips_image_get_height (image), ==, vips_image_get_height (reference));
  g_assert_cmpint (vips_subtract (image, reference, &diff, NULL), ==, 0);
  return diff;
}

/* Over all bands, as IIIF servers' JPEG re-encoding is measured. */
double
export_test_psnr (const char *path,
                  VipsImage  *reference)
{
  g_autoptr (VipsImage) diff = squared_difference (path, reference);
  g_autoptr (VipsImage) square = NULL;
  double mse;

  g_assert_cmpint (vips_multiply (diff, diff, &square, NULL), ==, 0);
  g_assert_cmpint (vips_avg (square, &mse, NULL), ==, 0);
  if (mse == 0)
    return INFINITY;
  return 10 * log10 (255.0 * 255.0 / mse);
}

double
export_test_max_diff (const char *path,
                      VipsImage  *reference)
{
  g_autoptr (VipsImage) diff = squared_difference (path, reference);
  g_autoptr (VipsImage) absolute = NULL;
  double max;

  g_assert_cmpint (vips_abs (diff, &absolute, NULL), ==, 0);
  g_assert_cmpint (vips_max (absolute, &max, NULL), ==, 0);
  return max;
}

/* What libvips reads back from the file as XMP, as text. */
char *
export_test_read_xmp (const char *path)
{
  g_autoptr (VipsImage) image = vips_image_new_from_file (path, NULL);
  const void *data;
  size_t len;

  g_assert_nonnull (image);
  if (!vips_image_get_typeof (image, "xmp-data") ||
      vips_image_get_blob (image, "xmp-data", &data, &len) != 0)
    return NULL;
  return g_strndup (data, len);
}
