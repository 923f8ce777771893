/* test-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "export-test-util.h"
#include "iiif/vt-iiif.h"
#include "net/vt-loader.h"
#include "vt-testbed.h"

/* The exporter against the real servers: IIPImage (level 1, JPEG tiles
 * re-encoded from the pyramidal TIFF), lighttpd's level 0 tiles, and local
 * files; pixels against libvips' own crop of the source TIFF. */

#define MIN_PSNR 38.0

static VtTestbed *testbed;
static char *tmpdir;

static VtTestbed *
get_testbed (void)
{
  if (testbed == NULL)
    testbed = vt_testbed_start_or_skip ();
  return testbed;
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static VipsImage *
source_crop (int x, int y, int w, int h)
{
  g_autofree char *path = g_build_filename (vt_testbed_get_fixtures_dir (), "ghent.tif", NULL);
  g_autoptr (VipsImage) tif = vips_image_new_from_file (path, NULL);
  VipsImage *crop = NULL;

  g_assert_nonnull (tif);
  g_assert_cmpint (vips_crop (tif, &crop, x, y, w, h, NULL), ==, 0);
  return crop;
}

static VtExport *
iip_export (VtClient *client)
{
  g_autofree char *info = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN "/info.json");
  g_autoptr (VtTilePyramid) pyramid = export_test_load_pyramid (client, info);

  return vt_export_new_for_pyramid (client, pyramid);
}

/* A small region: one server request, within IIPImage's limits. */
static void
test_region_single_request (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VipsImage) reference = source_crop (1000, 1000, 3000, 2000);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("single.tif");
  double psnr;

  if (get_testbed () == NULL)
    return;
  export = iip_export (client);
  g_assert_true (vt_export_set_region (export, 1000, 1000, 3000, 2000, &error));
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_true (vt_export_get_used_single_request (export));
  psnr = export_test_psnr (path, reference);
  g_test_message ("single request 3000×2000: PSNR %.2f dB", psnr);
  g_assert_cmpfloat (psnr, >=, MIN_PSNR);
}

/* A region too large for one request, not on tile boundaries: stitched. */
static void
test_region_stitched (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VipsImage) reference = source_crop (1234, 567, 6000, 4000);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("stitched.png");
  double psnr;

  if (get_testbed () == NULL)
    return;
  export = iip_export (client);
  g_assert_true (vt_export_set_region (export, 1234, 567, 6000, 4000, &error));
  vt_export_set_format (export, VT_EXPORT_FORMAT_PNG);
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_false (vt_export_get_used_single_request (export));
  psnr = export_test_psnr (path, reference);
  g_test_message ("stitched 6000×4000 at 1234,567: PSNR %.2f dB", psnr);
  g_assert_cmpfloat (psnr, >=, MIN_PSNR);
}

/* The whole 12000 × 9000 image at full resolution, from tiles. */
static void
test_whole_image (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VipsImage) reference = source_crop (0, 0, 12000, 9000);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("whole.tif");
  double psnr;

  if (get_testbed () == NULL)
    return;
  export = iip_export (client);
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  psnr = export_test_psnr (path, reference);
  g_test_message ("whole 12000×9000: PSNR %.2f dB", psnr);
  g_assert_cmpfloat (psnr, >=, MIN_PSNR);
  g_assert_cmpfloat (vt_export_get_progress (export), ==, 1.0);
  g_unlink (path);
}

/* A chosen size from tiles of a coarser level: the same picture. */
static void
test_scaled (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VipsImage) crop = source_crop (0, 0, 12000, 9000);
  g_autoptr (VipsImage) reference = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("scaled.tif");
  double psnr;

  if (get_testbed () == NULL)
    return;
  export = iip_export (client);
  g_assert_true (vt_export_set_size (export, 1500, 1125, &error));
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vips_resize (crop, &reference, 1500.0 / 12000, NULL), ==, 0);
  psnr = export_test_psnr (path, reference);
  g_test_message ("1500×1125 of the whole: PSNR %.2f dB", psnr);
  g_assert_cmpfloat (psnr, >=, 30.0);
}

/* Level 0 (lighttpd, tiles only): a region at full resolution, stitched,
 * is the same as the tiles joined by libvips. */
static void
test_level0_region (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *path = out_path ("level0.tif");
  g_autofree char *tile_path = NULL;
  g_autoptr (VipsImage) tile = NULL;
  g_autoptr (VipsImage) tile_crop = NULL;
  g_autoptr (VipsImage) out = NULL;
  g_autoptr (VipsImage) out_crop = NULL;
  double max;

  if (get_testbed () == NULL)
    return;
  info = vt_testbed_get_url (testbed, VT_TESTBED_LEVEL0_V3 "/info.json");
  pyramid = export_test_load_pyramid (client, info);
  export = vt_export_new_for_pyramid (client, pyramid);
  g_assert_true (vt_export_set_region (export, 300, 200, 2000, 1500, &error));
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_false (vt_export_get_used_single_request (export));

  /* The tile at 256,256 (full resolution) holds the image from 256,256:
   * export pixels from 0,56 on (the region starts at 300,200). */
  tile_path = g_build_filename (vt_testbed_get_fixtures_dir (), "level0-v3", "photo",
                                "256,256,256,256", "256,256", "0", "default.jpg", NULL);
  tile = vips_image_new_from_file (tile_path, NULL);
  g_assert_nonnull (tile);
  g_assert_cmpint (vips_crop (tile, &tile_crop, 44, 0, 200, 200, NULL), ==, 0);
  out = vips_image_new_from_file (path, NULL);
  g_assert_cmpint (vips_image_get_width (out), ==, 2000);
  g_assert_cmpint (vips_image_get_height (out), ==, 1500);
  g_assert_cmpint (vips_crop (out, &out_crop, 0, 56, 200, 200, NULL), ==, 0);
  {
    g_autoptr (VipsImage) d = NULL;
    g_autoptr (VipsImage) a = NULL;

    g_assert_cmpint (vips_subtract (out_crop, tile_crop, &d, NULL), ==, 0);
    g_assert_cmpint (vips_abs (d, &a, NULL), ==, 0);
    g_assert_cmpint (vips_max (a, &max, NULL), ==, 0);
  }
  g_assert_cmpfloat (max, <=, 1.0);
}

/* A local file: libvips directly, the same pixels as its own crop. */
static void
test_local_identical (void)
{
  g_autofree char *source = g_build_filename (vt_testbed_get_fixtures_dir (), "ghent.tif", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (source);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VipsImage) reference = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("local.png");
  g_autofree char *tif_path = out_path ("local.tif");

  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no test bed fixtures");
      return;
    }
  export = vt_export_new_for_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vt_export_get_image_width (export), ==, 12000);
  g_assert_true (vt_export_set_region (export, 2001, 3003, 1500, 1000, &error));
  vt_export_set_format (export, VT_EXPORT_FORMAT_PNG);
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  reference = source_crop (2001, 3003, 1500, 1000);
  g_assert_cmpfloat (export_test_max_diff (path, reference), ==, 0.0);

  vt_export_set_format (export, VT_EXPORT_FORMAT_TIFF);
  g_assert_true (export_test_run (export, tif_path, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (export_test_max_diff (tif_path, reference), ==, 0.0);
}

static void
progress_cb (VtExport   *export,
             GParamSpec *pspec,
             gpointer    user_data)
{
  if (vt_export_get_progress (export) >= 0.1)
    g_cancellable_cancel (user_data);
}

static void
cancel_run_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (vt_export_run_finish (VT_EXPORT (object), result, error));
}

/* Cancelled in the middle: no file, no temporary file. */
static void
test_cancel (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "cancel", NULL);
  g_autofree char *path = g_build_filename (dir, "cancelled.tif", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GDir) listing = NULL;
  double progress;

  if (get_testbed () == NULL)
    return;
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  export = iip_export (client);
  g_signal_connect (export, "notify::progress", G_CALLBACK (progress_cb), cancellable);
  vt_export_run_async (export, file, cancellable, cancel_run_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  progress = vt_export_get_progress (export);
  g_assert_cmpfloat (progress, >=, 0.1);
  g_assert_cmpfloat (progress, <, 0.9);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (dir);
}

/* An info.json with limits, in front of IIPImage's image: maxWidth 2000,
 * maxArea 3,000,000 and tiles only from scale factor 8. Full resolution
 * is impossible and said so with the largest size; that size works in
 * one request within the limits. */
static void
test_server_limits (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VtImageService) service = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VipsImage) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = out_path ("limited.jpg");
  gint64 w, h;

  if (get_testbed () == NULL)
    return;
  id = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN);
  json = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                          " \"@id\": \"%s\", \"protocol\": \"http://iiif.io/api/image\","
                          " \"width\": 12000, \"height\": 9000,"
                          " \"maxWidth\": 2000, \"maxArea\": 3000000,"
                          " \"tiles\": [{\"width\": 256, \"scaleFactors\": [8, 16, 32, 64]}],"
                          " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}", id);
  bytes = g_bytes_new_take (json, strlen (json));
  json = NULL;
  service = vt_image_service_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  pyramid = vt_tile_pyramid_new (service);
  export = vt_export_new_for_pyramid (client, pyramid);

  g_assert_false (vt_export_get_max_size (export, &w, &h));
  g_assert_cmpint (w, ==, 2000);
  g_assert_cmpint (h, ==, 1500);
  g_assert_false (export_test_run (export, path, &error));
  g_assert_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_LIMITED);
  g_assert_nonnull (strstr (error->message, "2000 × 1500"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The largest size: one request of 2000 × 1500 (area 3,000,000). */
  g_assert_true (vt_export_set_size (export, w, h, &error));
  vt_export_set_format (export, VT_EXPORT_FORMAT_JPEG);
  g_assert_true (export_test_run (export, path, &error));
  g_assert_no_error (error);
  g_assert_true (vt_export_get_used_single_request (export));
  out = vips_image_new_from_file (path, NULL);
  g_assert_cmpint (vips_image_get_width (out), ==, 2000);
  g_assert_cmpint (vips_image_get_height (out), ==, 1500);

  /* A region whose full resolution is within the limits: allowed. */
  g_assert_true (vt_export_set_region (export, 100, 100, 1500, 1000, &error));
  g_assert_true (vt_export_get_max_size (export, &w, &h));
  g_assert_cmpint (w, ==, 1500);
}


typedef struct
{
  gboolean        done;
  VtIiifDocument *doc;
  GError         *error;
} DocWait;

static void
doc_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DocWait *w = user_data;

  w->doc = vt_loader_load_document_finish (VT_LOADER (object), result, NULL, &w->error);
  w->done = TRUE;
}

/* Rights, credit and source of a Ghent canvas, read back from each format
 * by libvips. */
static void
test_xmp_read_back (void)
{
  static const struct { VtExportFormat format; const char *name; } formats[] = {
    { VT_EXPORT_FORMAT_TIFF, "xmp.tif" },
    { VT_EXPORT_FORMAT_JPEG, "xmp.jpg" },
    { VT_EXPORT_FORMAT_PNG, "xmp.png" },
  };
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtLoader) loader = NULL;
  g_autoptr (VtExport) export = NULL;
  g_autoptr (VtExportMetadata) metadata = NULL;
  g_autofree char *url = NULL;
  g_autofree char *info = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  DocWait w = { 0 };

  if (get_testbed () == NULL)
    return;
  loader = vt_loader_new (client);
  url = vt_testbed_get_manifest_url (testbed, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS);
  vt_loader_load_document_async (loader, url, VT_FETCH_FLAGS_NONE, NULL, doc_loaded_cb, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (w.error);

  metadata = vt_export_metadata_new_for_canvas (w.doc->manifest, 0, NULL);
  g_assert_nonnull (metadata->rights_uri);
  g_assert_true (vt_export_metadata_allows_reuse (metadata));
  info = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN "/info.json");
  pyramid = export_test_load_pyramid (client, info);
  export = vt_export_new_for_pyramid (client, pyramid);
  vt_export_set_metadata (export, metadata);
  g_assert_true (vt_export_set_region (export, 0, 0, 1200, 900, NULL));
  g_assert_true (vt_export_set_size (export, 600, 450, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = out_path (formats[i].name);
      g_autofree char *xmp = NULL;
      g_autofree char *exiv2 = NULL;
      g_autoptr (GError) error = NULL;

      vt_export_set_format (export, formats[i].format);
      g_assert_true (export_test_run (export, path, &error));
      g_assert_no_error (error);
      xmp = export_test_read_xmp (path);
      g_assert_nonnull (xmp);
      g_test_message ("%s: %s", formats[i].name, xmp);
      g_assert_nonnull (strstr (xmp, "<xmpRights:WebStatement>"));
      g_assert_nonnull (strstr (xmp, metadata->rights_uri));
      g_assert_nonnull (strstr (xmp, VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION));
      g_assert_nonnull (strstr (xmp, "<dc:source>"));
      g_assert_nonnull (strstr (xmp, url));

      /* And as another reader sees it (Debian's exiv2, when installed). */
      exiv2 = g_find_program_in_path ("exiv2");
      if (exiv2 != NULL)
        {
          const char *argv[] = { "exiv2", "-px", path, NULL };
          g_autofree char *out = NULL;
          int status;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                       NULL, NULL, &out, NULL, &status, NULL));
          g_assert_nonnull (strstr (out, "Xmp.xmpRights.WebStatement"));
          g_assert_nonnull (strstr (out, metadata->rights_uri));
          g_assert_nonnull (strstr (out, "Xmp.photoshop.Credit"));
          g_assert_nonnull (strstr (out, VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION));

          /* JPEG also carries IPTC. */
          if (formats[i].format == VT_EXPORT_FORMAT_JPEG)
            {
              const char *iptc_argv[] = { "exiv2", "-pi", path, NULL };
              g_autofree char *iptc = NULL;

              g_assert_true (g_spawn_sync (NULL, (char **) iptc_argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &iptc, NULL, &status, NULL));
              g_assert_nonnull (strstr (iptc, "Iptc.Application2.Copyright"));
              g_assert_nonnull (strstr (iptc, metadata->rights_uri));
              g_assert_nonnull (strstr (iptc, "Iptc.Application2.Credit"));
            }
        }
      else
        g_test_message ("exiv2 not installed: XMP read back by libvips only");
    }

  /* Canvas 2 is In Copyright, with the manifest's attribution only. */
  g_clear_pointer (&metadata, vt_export_metadata_free);
  metadata = vt_export_metadata_new_for_canvas (w.doc->manifest, 1, NULL);
  g_assert_false (vt_export_metadata_allows_reuse (metadata));
  g_assert_cmpstr (metadata->attribution, ==, VT_TESTBED_RIGHTS_MANIFEST_ATTRIBUTION);
  g_clear_pointer (&w.doc, vt_iiif_document_unref);
}

static char *
xpath_text (xmlDoc     *doc,
            const char *expression)
{
  g_autoptr (GString) text = g_string_new (NULL);
  xmlXPathContext *ctx = xmlXPathNewContext (doc);
  xmlXPathObject *result;

  xmlXPathRegisterNs (ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs (ctx, BAD_CAST "rdf", BAD_CAST "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  xmlXPathRegisterNs (ctx, BAD_CAST "xmpRights", BAD_CAST "http://ns.adobe.com/xap/1.0/rights/");
  xmlXPathRegisterNs (ctx, BAD_CAST "photoshop", BAD_CAST "http://ns.adobe.com/photoshop/1.0/");
  result = xmlXPathEvalExpression (BAD_CAST expression, ctx);
  g_assert_nonnull (result);
  if (result->nodesetval != NULL && result->nodesetval->nodeNr == 1)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      g_string_append (text, (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Labels are the publisher's: markup, entities, control characters and a
 * closing packet in them stay text, and the packet stays well-formed. */
static void
test_xmp_hostile (void)
{
  g_autoptr (VtExportMetadata) metadata = vt_export_metadata_new ();
  g_autofree char *xmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *statement = NULL;
  xmlDoc *doc;

  metadata->title = g_strdup ("</rdf:li></rdf:Alt><evil/> & \"q\" 'a' \x01\x1b<?xpacket end=\"w\"?>]]>");
  metadata->attribution = g_strdup ("Bořek Šípek & <b>Design Museum Gent</b>");
  metadata->rights_uri = g_strdup ("http://rightsstatements.org/vocab/InC/1.0/?a=1&b=<2>");
  xmp = vt_export_metadata_to_xmp (metadata);

  doc = xmlReadMemory (xmp, strlen (xmp), NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  title = xpath_text (doc, "//dc:title/rdf:Alt/rdf:li");
  g_assert_cmpstr (title, ==, "</rdf:li></rdf:Alt><evil/> & \"q\" 'a' <?xpacket end=\"w\"?>]]>");
  credit = xpath_text (doc, "//photoshop:Credit");
  g_assert_cmpstr (credit, ==, metadata->attribution);
  statement = xpath_text (doc, "//xmpRights:WebStatement");
  g_assert_cmpstr (statement, ==, metadata->rights_uri);
  xmlFreeDoc (doc);
}


/* Wider than JPEG's 65,535 px: TIFF holds it, JPEG says so before writing. */
static void
test_beyond_jpeg_limit (void)
{
  g_autofree char *source = out_path ("wide.v");
  g_autofree char *tif = out_path ("wide.tif");
  g_autofree char *jpg = out_path ("wide.jpg");
  g_autoptr (GFile) file = g_file_new_for_path (source);
  g_autoptr (VipsImage) black = NULL;
  g_autoptr (VipsImage) noise = NULL;
  g_autoptr (VipsImage) back = NULL;
  g_autoptr (VtExport) export = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (vips_gaussnoise (&noise, 70000, 64, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (noise, &black, NULL), ==, 0);
  g_assert_cmpint (vips_image_write_to_file (black, source, NULL), ==, 0);

  export = vt_export_new_for_file (file, &error);
  g_assert_no_error (error);
  vt_export_set_format (export, VT_EXPORT_FORMAT_JPEG);
  g_assert_false (export_test_run (export, jpg, &error));
  g_assert_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  vt_export_set_format (export, VT_EXPORT_FORMAT_TIFF);
  g_assert_true (export_test_run (export, tif, &error));
  g_assert_no_error (error);
  back = vips_image_new_from_file (tif, NULL);
  g_assert_cmpint (vips_image_get_width (back), ==, 70000);
  g_assert_cmpfloat (export_test_max_diff (tif, black), ==, 0.0);
}

static void
test_jpeg_too_large (void)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtTilePyramid) pyramid = vt_tile_pyramid_new_static ("http://127.0.0.1:9/huge.jpg", 70000, 100);
  g_autoptr (VtExport) export = vt_export_new_for_pyramid (client, pyramid);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = out_path ("huge.jpg");

  vt_export_set_format (export, VT_EXPORT_FORMAT_JPEG);
  g_assert_false (export_test_run (export, path, &error));
  g_assert_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (VIPS_INIT (argv[0]) != 0)
    g_error ("libvips");
  tmpdir = g_dir_make_tmp ("vitrine-export-XXXXXX", NULL);

  g_test_add_func ("/export/region/single-request", test_region_single_request);
  g_test_add_func ("/export/region/stitched", test_region_stitched);
  g_test_add_func ("/export/region/level0", test_level0_region);
  g_test_add_func ("/export/whole-image", test_whole_image);
  g_test_add_func ("/export/scaled", test_scaled);
  g_test_add_func ("/export/local-identical", test_local_identical);
  g_test_add_func ("/export/cancel", test_cancel);
  g_test_add_func ("/export/server-limits", test_server_limits);
  g_test_add_func ("/export/jpeg-too-large", test_jpeg_too_large);
  g_test_add_func ("/export/beyond-jpeg-limit", test_beyond_jpeg_limit);
  g_test_add_func ("/export/xmp/read-back", test_xmp_read_back);
  g_test_add_func ("/export/xmp/hostile", test_xmp_hostile);

  status = g_test_run ();
  g_clear_pointer (&testbed, vt_testbed_free);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  g_free (tmpdir);
  return status;
}
