/* test-image-url.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

/* Image API addresses: a service id and its info.json, and whole-image
 * requests in each version's canonical spelling (Image API 1.1 §4, 2.1
 * §4.7 and 3.0 §4.7 "canonical URI syntax"). */

static VtImageService *
parse (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  VtImageService *service = vt_image_service_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (service);
  return service;
}

static void
check_info (const char *input,
            const char *expected_info,
            const char *expected_id)
{
  g_autofree char *info = vt_image_service_info_url (input);
  g_autofree char *id = vt_image_service_id_from_info_url (input);

  g_test_message ("%s", input != NULL ? input : "(null)");
  g_assert_cmpstr (info, ==, expected_info);
  g_assert_cmpstr (id, ==, expected_id);

  /* Both directions agree: the id of the info.json is the id. */
  if (info != NULL)
    {
      g_autofree char *back = vt_image_service_id_from_info_url (info);
      g_autofree char *again = vt_image_service_info_url (info);

      g_assert_cmpstr (back, ==, expected_id);
      g_assert_cmpstr (again, ==, info);
    }
}

static void
test_info_url (void)
{
  /* The three spellings of one service. */
  check_info ("https://x.example/iiif/2/abc", "https://x.example/iiif/2/abc/info.json",
              "https://x.example/iiif/2/abc");
  check_info ("https://x.example/iiif/2/abc/", "https://x.example/iiif/2/abc/info.json",
              "https://x.example/iiif/2/abc");
  check_info ("https://x.example/iiif/2/abc/info.json", "https://x.example/iiif/2/abc/info.json",
              "https://x.example/iiif/2/abc");
  check_info ("https://x.example/iiif/2/abc//info.json", "https://x.example/iiif/2/abc/info.json",
              "https://x.example/iiif/2/abc");
  /* Found by fuzz-info: an id written with its info.json and a slash, or
   * with info.json twice, names the same service both ways. */
  check_info ("https://x.example/iiif/2/info.json/", "https://x.example/iiif/2/info.json",
              "https://x.example/iiif/2");
  check_info ("https://x.example/iiif/2/abc/info.json/info.json", "https://x.example/iiif/2/abc/info.json",
              "https://x.example/iiif/2/abc");

  /* Verbatim: no re-encoding, no case folding, raw `$` as Ghent has it. */
  check_info ("https://x.example/iiif/2/A%20b$1.JPG", "https://x.example/iiif/2/A%20b$1.JPG/info.json",
              "https://x.example/iiif/2/A%20b$1.JPG");

  /* IIPImage's query form: the Image API path goes inside the query. */
  check_info ("https://x.example/fcgi-bin/iipsrv.fcgi?IIIF=/images/a.tif",
              "https://x.example/fcgi-bin/iipsrv.fcgi?IIIF=/images/a.tif/info.json",
              "https://x.example/fcgi-bin/iipsrv.fcgi?IIIF=/images/a.tif");

  /* A fragment: nothing after it reaches the server. */
  check_info ("https://x.example/iiif/abc#xywh=0,0,10,10", NULL, "https://x.example/iiif/abc#xywh=0,0,10,10");

  /* Nothing left. */
  check_info (NULL, NULL, NULL);
  check_info ("", NULL, NULL);
  check_info ("/", NULL, NULL);
  check_info ("/info.json", NULL, NULL);
}

/* The service a parsed info.json gives: its id and its info.json agree. */
static void
test_service_info_url (void)
{
  g_autoptr(VtImageService) service =
    parse ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
           " \"@id\": \"https://x.example/iiif/abc/\", \"width\": 100, \"height\": 50}");
  g_autoptr(VtImageService) fragment =
    parse ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
           " \"@id\": \"https://x.example/iiif/abc#frag\", \"width\": 100, \"height\": 50,"
           " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}");
  g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new (fragment);
  g_autofree char *info = vt_image_service_dup_info_url (service);

  g_assert_cmpstr (service->id, ==, "https://x.example/iiif/abc");
  g_assert_cmpstr (info, ==, "https://x.example/iiif/abc/info.json");
  g_assert_true (vt_image_service_is_degraded (service, "https://x.example/iiif/other/info.json"));
  g_assert_false (vt_image_service_is_degraded (service, "https://x.example/iiif/abc/info.json"));
  g_assert_false (vt_image_service_is_degraded (service, "/"));

  /* A fragment id gives no address at all, tiles included. */
  g_assert_null (vt_image_service_dup_info_url (fragment));
  g_assert_null (vt_image_service_dup_size_url (fragment, 100, 50));
  g_assert_null (vt_image_service_dup_fit_url (fragment, 20));
  g_assert_null (vt_tile_pyramid_dup_tile_url (pyramid, 0, 0, 0));
}

#define IIP_V2 \
  "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/iiif/g.tif\"," \
  " \"protocol\": \"http://iiif.io/api/image\", \"width\": 12000, \"height\": 9000," \
  " \"sizes\": [{\"width\": 375, \"height\": 281}, {\"width\": 750, \"height\": 563}]," \
  " \"tiles\": [{\"width\": 256, \"height\": 256, \"scaleFactors\": [1, 2, 4, 8, 16, 32, 64]}]," \
  " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}"

static void
check_url (char       *url,
           const char *expected)
{
  g_assert_cmpstr (url, ==, expected);
  g_free (url);
}

static void
test_size_url_v2 (void)
{
  g_autoptr(VtImageService) service = parse (IIP_V2);

  /* The full size is `full` before 3.0; any smaller size `w,`. */
  check_url (vt_image_service_dup_size_url (service, 12000, 9000),
             "https://x.example/iiif/g.tif/full/full/0/default.jpg");
  check_url (vt_image_service_dup_size_url (service, 120, 90),
             "https://x.example/iiif/g.tif/full/120,/0/default.jpg");
  /* Level 1 cuts any size, listed or not. */
  check_url (vt_image_service_dup_size_url (service, 1000, 750),
             "https://x.example/iiif/g.tif/full/1000,/0/default.jpg");

  /* Never larger than the image; nothing empty. */
  g_assert_null (vt_image_service_dup_size_url (service, 12001, 9000));
  g_assert_null (vt_image_service_dup_size_url (service, 12000, 9001));
  g_assert_null (vt_image_service_dup_size_url (service, 0, 90));
  g_assert_null (vt_image_service_dup_size_url (service, 120, -1));

  /* Fit into a box: landscape limited by the width. */
  check_url (vt_image_service_dup_fit_url (service, 120),
             "https://x.example/iiif/g.tif/full/120,/0/default.jpg");
  check_url (vt_image_service_dup_fit_url (service, 20000),
             "https://x.example/iiif/g.tif/full/full/0/default.jpg");
  g_assert_null (vt_image_service_dup_fit_url (service, 0));
}

static void
test_size_url_limits (void)
{
  /* maxWidth 5000: the largest size is 5000×3750, requested as `full`
   * before 3.0 and `max` in 3.0; more is refused. */
  g_autoptr(VtImageService) v2 =
    parse ("{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/a\","
           " \"width\": 12000, \"height\": 9000,"
           " \"profile\": [\"http://iiif.io/api/image/2/level2.json\", {\"maxWidth\": 5000}]}");
  g_autoptr(VtImageService) v3 =
    parse ("{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"https://x.example/b\","
           " \"type\": \"ImageService3\", \"profile\": \"level2\", \"width\": 4000, \"height\": 3000,"
           " \"maxArea\": 3000000}");

  check_url (vt_image_service_dup_size_url (v2, 5000, 3750), "https://x.example/a/full/full/0/default.jpg");
  g_assert_null (vt_image_service_dup_size_url (v2, 6000, 4500));
  g_assert_null (vt_image_service_dup_size_url (v2, 12000, 9000));
  check_url (vt_image_service_dup_fit_url (v2, 10000), "https://x.example/a/full/full/0/default.jpg");
  check_url (vt_image_service_dup_fit_url (v2, 4000), "https://x.example/a/full/4000,/0/default.jpg");

  /* maxArea 3 000 000 of 12 000 000: half the sides, 2000×1500. */
  check_url (vt_image_service_dup_size_url (v3, 2000, 1500), "https://x.example/b/full/max/0/default.jpg");
  g_assert_null (vt_image_service_dup_size_url (v3, 2001, 1500));
  g_assert_null (vt_image_service_dup_size_url (v3, 4000, 3000));
  check_url (vt_image_service_dup_size_url (v3, 400, 300), "https://x.example/b/full/400,300/0/default.jpg");
  check_url (vt_image_service_dup_fit_url (v3, 120), "https://x.example/b/full/120,90/0/default.jpg");
  check_url (vt_image_service_dup_fit_url (v3, 9999), "https://x.example/b/full/max/0/default.jpg");
}

static void
test_size_url_v1 (void)
{
  g_autoptr(VtImageService) service =
    parse ("{\"@context\": \"http://library.stanford.edu/iiif/image-api/1.1/context.json\","
           " \"@id\": \"https://x.example/v1/abc\", \"width\": 1200, \"height\": 800,"
           " \"profile\": \"http://library.stanford.edu/iiif/image-api/1.1/compliance.html#level1\"}");

  g_assert_cmpint (service->version, ==, VT_IMAGE_API_1_1);
  check_url (vt_image_service_dup_size_url (service, 1200, 800), "https://x.example/v1/abc/full/full/0/native.jpg");
  check_url (vt_image_service_dup_fit_url (service, 120), "https://x.example/v1/abc/full/120,/0/native.jpg");
}

/* A level 0 server has files, not a renderer: only the listed sizes, a
 * tile level whose one tile is the whole image, and the full size. */
static void
test_size_url_level0 (void)
{
  const char *tiles = "\"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4, 8, 16, 32]}],"
                      " \"sizes\": [{\"width\": 375, \"height\": 250}]";
  g_autofree char *json3 = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/3/context.json\","
                                            " \"id\": \"https://x.example/l0\", \"type\": \"ImageService3\","
                                            " \"profile\": \"level0\", \"width\": 6000, \"height\": 4000, %s}",
                                            tiles);
  g_autofree char *json2 = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                                            " \"@id\": \"https://x.example/l0\","
                                            " \"profile\": [\"http://iiif.io/api/image/2/level0.json\"],"
                                            " \"width\": 6000, \"height\": 4000, %s}", tiles);
  g_autoptr(VtImageService) v3 = parse (json3);
  g_autoptr(VtImageService) v2 = parse (json2);

  g_assert_cmpint (v3->level, ==, 0);
  check_url (vt_image_service_dup_size_url (v3, 6000, 4000), "https://x.example/l0/full/max/0/default.jpg");
  check_url (vt_image_service_dup_size_url (v3, 375, 250), "https://x.example/l0/full/375,250/0/default.jpg");
  /* Scale factor 32: ceil (6000 / 32) × ceil (4000 / 32) fits a 256 tile. */
  check_url (vt_image_service_dup_size_url (v3, 188, 125), "https://x.example/l0/full/188,125/0/default.jpg");
  check_url (vt_image_service_dup_size_url (v2, 188, 125), "https://x.example/l0/full/188,/0/default.jpg");
  /* Scale factor 16 gives 375×250 too, but in 2×1 tiles: only `sizes`
   * lists it. Anything else is not on disk. */
  g_assert_null (vt_image_service_dup_size_url (v3, 200, 133));
  g_assert_null (vt_image_service_dup_size_url (v3, 750, 500));
  g_assert_null (vt_image_service_dup_size_url (v2, 120, 80));
  /* No fitting either: the pyramid's levels are what there is. */
  g_assert_null (vt_image_service_dup_fit_url (v3, 120));
}

/* From a manifest's reference alone, before any info.json. */
static void
test_ref_fit_url (void)
{
  VtServiceRef ref = { 0 };

  ref.id = (char *) "https://example.org/iiif/2/abc";
  ref.image_version = VT_IMAGE_API_2;
  ref.level = 2;

  check_url (vt_service_ref_dup_fit_url (&ref, 12000, 9000, 120),
             "https://example.org/iiif/2/abc/full/120,/0/default.jpg");
  /* Portrait: the height limits. */
  check_url (vt_service_ref_dup_fit_url (&ref, 3000, 4000, 120),
             "https://example.org/iiif/2/abc/full/90,/0/default.jpg");
  /* Never larger than the image: the full size. */
  check_url (vt_service_ref_dup_fit_url (&ref, 100, 50, 240),
             "https://example.org/iiif/2/abc/full/full/0/default.jpg");

  /* Size unknown: best fit at level 2, the height at level 1. */
  check_url (vt_service_ref_dup_fit_url (&ref, 0, 0, 120),
             "https://example.org/iiif/2/abc/full/!120,120/0/default.jpg");
  ref.level = 1;
  check_url (vt_service_ref_dup_fit_url (&ref, 0, 0, 120),
             "https://example.org/iiif/2/abc/full/,120/0/default.jpg");

  /* Image API 3: the canonical `w,h`. */
  ref.image_version = VT_IMAGE_API_3;
  check_url (vt_service_ref_dup_fit_url (&ref, 12000, 9000, 120),
             "https://example.org/iiif/2/abc/full/120,90/0/default.jpg");

  /* A size stated on a v3 reference wins over the canvas. */
  ref.width = 400;
  ref.height = 800;
  check_url (vt_service_ref_dup_fit_url (&ref, 12000, 9000, 120),
             "https://example.org/iiif/2/abc/full/60,120/0/default.jpg");
  ref.width = ref.height = 0;

  /* Image API 1.1: `native`. */
  ref.image_version = VT_IMAGE_API_1_1;
  check_url (vt_service_ref_dup_fit_url (&ref, 1200, 800, 120),
             "https://example.org/iiif/2/abc/full/120,/0/native.jpg");

  /* A reference written as its info.json address, unknown size. */
  ref.image_version = VT_IMAGE_API_2;
  ref.id = (char *) "https://example.org/iiif/2/abc/info.json";
  check_url (vt_service_ref_dup_fit_url (&ref, 0, 0, 64),
             "https://example.org/iiif/2/abc/full/,64/0/default.jpg");
  ref.id = (char *) "https://example.org/iiif/2/abc";

  /* Level 0 or unstated: only info.json knows. No id, no size wanted. */
  ref.level = 0;
  g_assert_null (vt_service_ref_dup_fit_url (&ref, 1200, 800, 120));
  ref.level = -1;
  g_assert_null (vt_service_ref_dup_fit_url (&ref, 1200, 800, 120));
  ref.level = 2;
  g_assert_null (vt_service_ref_dup_fit_url (&ref, 1200, 800, 0));
  ref.id = NULL;
  g_assert_null (vt_service_ref_dup_fit_url (&ref, 1200, 800, 120));
}

/* A thumbnail address without fetching anything more: the manifest's
 * own, else (Ghent, which gives none) a request to the first canvas'
 * level 2 service; nothing from a manifest without canvases. */
static void
test_manifest_thumbnail_url (void)
{
  g_autoptr(VtIiifDocument) v3 = vt_test_parse_fixture ("manifest-v3.json");
  g_autoptr(VtIiifDocument) ghent = vt_test_parse_fixture ("manifest-v2-ghent.json");
  g_autofree char *own = vt_manifest_dup_thumbnail_url (v3->manifest, 320);
  g_autofree char *made = vt_manifest_dup_thumbnail_url (ghent->manifest, 320);
  static const char empty_json[] =
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://x.example/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"x\"]},"
    " \"items\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (empty_json, sizeof empty_json - 1);
  g_autoptr(VtIiifDocument) empty = vt_iiif_document_parse (bytes, NULL, NULL);
  g_autofree char *none = NULL;

  g_assert_cmpstr (own, ==, "https://museum.example.org/iiif/image3/7-front/full/200,/0/default.jpg");
  g_assert_cmpstr (made, ==, "https://museum.example.org/iiif/image/iiif/2/0f3e-transcode-1999-0042$1.jpg"
                             "/full/320,/0/default.jpg");
  g_assert_nonnull (empty);
  none = vt_manifest_dup_thumbnail_url (empty->manifest, 320);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/image-url/info-url", test_info_url);
  g_test_add_func ("/vitrine/iiif/image-url/service-info-url", test_service_info_url);
  g_test_add_func ("/vitrine/iiif/image-url/size-v2", test_size_url_v2);
  g_test_add_func ("/vitrine/iiif/image-url/size-limits", test_size_url_limits);
  g_test_add_func ("/vitrine/iiif/image-url/size-v1", test_size_url_v1);
  g_test_add_func ("/vitrine/iiif/image-url/size-level0", test_size_url_level0);
  g_test_add_func ("/vitrine/iiif/image-url/ref-fit", test_ref_fit_url);
  g_test_add_func ("/vitrine/iiif/image-url/manifest-thumbnail", test_manifest_thumbnail_url);

  return g_test_run ();
}
