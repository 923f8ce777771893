/* test-tile-pyramid.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

/* Every expected value below was computed by hand from Image API 3.0
 * implementation notes §3 (see the comments for the arithmetic). */

typedef struct
{
  guint       level;
  guint       x;
  guint       y;
  const char *url;      /* NULL: the tile does not exist */
} TileCase;

typedef struct
{
  double scale;
  gint64 width;
  gint64 height;
  guint  tile_width;
  guint  tile_height;
  guint  columns;
  guint  rows;
} LevelCase;

static void
check_levels (VtTilePyramid   *pyramid,
              const LevelCase *cases,
              guint            n_cases)
{
  g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), ==, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);

      g_assert_nonnull (level);
      g_assert_cmpfloat_with_epsilon (level->scale, cases[i].scale, 1e-9);
      g_assert_cmpint (level->width, ==, cases[i].width);
      g_assert_cmpint (level->height, ==, cases[i].height);
      g_assert_cmpuint (level->tile_width, ==, cases[i].tile_width);
      g_assert_cmpuint (level->tile_height, ==, cases[i].tile_height);
      g_assert_cmpuint (level->columns, ==, cases[i].columns);
      g_assert_cmpuint (level->rows, ==, cases[i].rows);
    }
  g_assert_null (vt_tile_pyramid_get_level (pyramid, n_cases));
}

static void
check_tiles (VtTilePyramid  *pyramid,
             const TileCase *cases,
             guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *url = vt_tile_pyramid_dup_tile_url (pyramid, cases[i].level, cases[i].x, cases[i].y);

      g_assert_cmpstr (url, ==, cases[i].url);
    }
}

static VtTilePyramid *
pyramid_for (const char *fixture,
             const char *requested_id)
{
  g_autoptr(VtImageService) service = vt_test_parse_info (fixture, requested_id);

  return vt_tile_pyramid_new (service);
}

/* v2, W=5000 H=3000, tiles 1024×768 at s=1,2 and 512×512 at s=4,5,8
 * (non-square, several entries, a non-power-of-two factor). */
static void
test_v2_tiles (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v2-tiles.json", NULL);
  static const LevelCase levels[] = {
    /* cols = ceil(5000/(tw*s)), rows = ceil(3000/(th*s)) */
    { 1, 5000, 3000, 1024, 768, 5, 4 },
    { 2, 2500, 1500, 1024, 768, 3, 2 },
    { 4, 1250, 750, 512, 512, 3, 2 },
    { 5, 1000, 600, 512, 512, 2, 2 },
    { 8, 625, 375, 512, 512, 2, 1 },
  };
#define B "https://images.example.org/iiif/2/ms%252F12"
  static const TileCase tiles[] = {
    { 0, 0, 0, B "/0,0,1024,768/1024,/0/default.jpg" },
    /* xr=4096 yr=2304 wr=5000-4096=904 hr=3000-2304=696 */
    { 0, 4, 3, B "/4096,2304,904,696/904,/0/default.jpg" },
    { 0, 5, 0, NULL },
    { 0, 0, 4, NULL },
    { 1, 0, 0, B "/0,0,2048,1536/1024,/0/default.jpg" },
    /* xr=4096 yr=1536 wr=904 hr=1464, ws=ceil(904/2)=452 */
    { 1, 2, 1, B "/4096,1536,904,1464/452,/0/default.jpg" },
    /* xr=4096 yr=2048 wr=904 hr=952, ws=ceil(904/4)=226 */
    { 2, 2, 1, B "/4096,2048,904,952/226,/0/default.jpg" },
    /* xr=2560 yr=2560 wr=2440 hr=440, ws=ceil(2440/5)=488 */
    { 3, 1, 1, B "/2560,2560,2440,440/488,/0/default.jpg" },
    { 3, 0, 0, B "/0,0,2560,2560/512,/0/default.jpg" },
    /* xr=4096 wr=904 hr=3000, ws=ceil(904/8)=113 */
    { 4, 1, 0, B "/4096,0,904,3000/113,/0/default.jpg" },
    { 4, 0, 0, B "/0,0,4096,3000/512,/0/default.jpg" },
    { 5, 0, 0, NULL },
  };
#undef B
  VtTile tile;

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));

  g_assert_true (vt_tile_pyramid_get_tile (pyramid, 1, 2, 1, &tile));
  g_assert_cmpint (tile.region.x, ==, 4096);
  g_assert_cmpint (tile.region.y, ==, 1536);
  g_assert_cmpint (tile.region.width, ==, 904);
  g_assert_cmpint (tile.region.height, ==, 1464);
  g_assert_cmpint (tile.width, ==, 452);
  g_assert_cmpint (tile.height, ==, 732);
  g_assert_false (vt_tile_pyramid_get_tile (pyramid, 9, 0, 0, &tile));
}

/* v3, W=2500 H=1700, tiles 1000×600 at s=1,3: the coarsest level is one
 * tile covering the whole image, so the region is "full". */
static void
test_v3_tiles (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v3-tiles.json", NULL);
  static const LevelCase levels[] = {
    { 1, 2500, 1700, 1000, 600, 3, 3 },
    /* ceil(2500/3)=834, ceil(1700/3)=567; one 3000×1800 span */
    { 3, 834, 567, 1000, 600, 1, 1 },
  };
#define B "https://images.example.org/iiif/3/p%C3%A9riode-1"
  static const TileCase tiles[] = {
    { 0, 0, 0, B "/0,0,1000,600/1000,600/0/default.jpg" },
    { 0, 1, 1, B "/1000,600,1000,600/1000,600/0/default.jpg" },
    /* xr=2000 yr=1200 wr=500 hr=500 */
    { 0, 2, 2, B "/2000,1200,500,500/500,500/0/default.jpg" },
    { 0, 2, 0, B "/2000,0,500,600/500,600/0/default.jpg" },
    { 1, 0, 0, B "/full/834,567/0/default.jpg" },
    { 1, 1, 0, NULL },
  };
#undef B

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
}

/* v1.1, W=3000 H=2000, tiles 512×256, scale factors 1,2,3; "native". */
static void
test_v11_tiles (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v1.1.json", NULL);
  static const LevelCase levels[] = {
    { 1, 3000, 2000, 512, 256, 6, 8 },
    { 2, 1500, 1000, 512, 256, 3, 4 },
    /* ceil(3000/1536)=2, ceil(2000/768)=3 */
    { 3, 1000, 667, 512, 256, 2, 3 },
  };
#define B "https://images.example.org/iiif/1.1/plate%2F7"
  static const TileCase tiles[] = {
    /* xr=2560 yr=1792 wr=440 hr=208 */
    { 0, 5, 7, B "/2560,1792,440,208/440,/0/native.jpg" },
    /* s=2: xr=2048 yr=1536 wr=952 hr=464, ws=ceil(952/2)=476 */
    { 1, 2, 3, B "/2048,1536,952,464/476,/0/native.jpg" },
    { 1, 3, 0, NULL },
    /* xr=1536 yr=1536 wr=1464 hr=464, ws=ceil(1464/3)=488 */
    { 2, 1, 2, B "/1536,1536,1464,464/488,/0/native.jpg" },
    { 2, 0, 0, B "/0,0,1536,768/512,/0/native.jpg" },
  };
#undef B

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
}

/* v1.0 gives only an identifier: the base comes from the request. */
static void
test_v10_tiles (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v1.0.json", "https://images.example.org/iiif/abc/info.json");
  static const LevelCase levels[] = {
    { 1, 5000, 3500, 1024, 1024, 5, 4 },
    { 2, 2500, 1750, 1024, 1024, 3, 2 },
    { 4, 1250, 875, 1024, 1024, 2, 1 },
  };
  static const TileCase tiles[] = {
    /* xr=4096 wr=904 hr=3500 ws=ceil(904/4)=226 */
    { 2, 1, 0, "https://images.example.org/iiif/abc/4096,0,904,3500/226,/0/native.jpg" },
    /* xr=4096 yr=3072 wr=904 hr=428 */
    { 0, 4, 3, "https://images.example.org/iiif/abc/4096,3072,904,428/904,/0/native.jpg" },
    /* s=2: xr=4096 yr=2048 wr=904 hr=1452, ws=ceil(904/2)=452 */
    { 1, 2, 1, "https://images.example.org/iiif/abc/4096,2048,904,1452/452,/0/native.jpg" },
  };

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
}

/* Level 0 with sizes only: exactly the listed sizes (the one larger than
 * the image left out) plus the full image at "max". */
static void
test_level0_sizes (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v3-level0-sizes.json", NULL);
  static const LevelCase levels[] = {
    { 1, 2400, 1600, 2400, 1600, 1, 1 },
    { 2, 1200, 800, 1200, 800, 1, 1 },
    { 4, 600, 400, 600, 400, 1, 1 },
    { 16, 150, 100, 150, 100, 1, 1 },
  };
#define B "https://static.example.org/iiif/fig-3"
  static const TileCase tiles[] = {
    { 0, 0, 0, B "/full/max/0/default.jpg" },
    { 1, 0, 0, B "/full/1200,800/0/default.jpg" },
    { 2, 0, 0, B "/full/600,400/0/default.jpg" },
    { 3, 0, 0, B "/full/150,100/0/default.jpg" },
    { 3, 1, 0, NULL },
  };
#undef B

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
  for (guint i = 0; i < 4; i++)
    g_assert_true (vt_tile_pyramid_get_level (pyramid, i)->single_image);
}

/* Level 0 with neither tiles nor sizes: the full image, v2 spelling. */
static void
test_level0_bare (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v2-level0-bare.json", NULL);
  static const LevelCase levels[] = {
    { 1, 1000, 800, 1000, 800, 1, 1 },
  };
  static const TileCase tiles[] = {
    { 0, 0, 0, "https://static.example.org/iiif/2/bare/full/full/0/default.jpg" },
  };

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
}

/* Level 2 without tiles: our own 512 tiles, scale factors 2^k until one
 * tile holds the image (ceil(10000/32)=313 <= 512); maxWidth 2000 does not
 * hinder 512-pixel tiles. */
static void
test_no_tiles_level2 (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v3-notiles-max.json", NULL);
  static const LevelCase levels[] = {
    { 1, 10000, 6000, 512, 512, 20, 12 },
    { 2, 5000, 3000, 512, 512, 10, 6 },
    { 4, 2500, 1500, 512, 512, 5, 3 },
    { 8, 1250, 750, 512, 512, 3, 2 },
    { 16, 625, 375, 512, 512, 2, 1 },
    { 32, 313, 188, 512, 512, 1, 1 },
  };
#define B "https://images.example.org/iiif/3/big"
  static const TileCase tiles[] = {
    /* xr=9728 yr=5632 wr=272 hr=368 */
    { 0, 19, 11, B "/9728,5632,272,368/272,368/0/default.jpg" },
    /* s=2: xr=9216 yr=5120 wr=784 hr=880 -> 392,440 */
    { 1, 9, 5, B "/9216,5120,784,880/392,440/0/default.jpg" },
    /* s=4: xr=8192 yr=4096 wr=1808 hr=1904 -> ceil(1808/4)=452, 476 */
    { 2, 4, 2, B "/8192,4096,1808,1904/452,476/0/default.jpg" },
    /* s=8: same region -> 226,238 */
    { 3, 2, 1, B "/8192,4096,1808,1904/226,238/0/default.jpg" },
    /* ceil(10000/32)=313, ceil(6000/32)=188 */
    { 5, 0, 0, B "/full/313,188/0/default.jpg" },
    /* xr=8192 wr=1808 hr=6000; ws=ceil(1808/16)=113, hs=375 */
    { 4, 1, 0, B "/8192,0,1808,6000/113,375/0/default.jpg" },
  };
#undef B

  check_levels (pyramid, levels, G_N_ELEMENTS (levels));
  check_tiles (pyramid, tiles, G_N_ELEMENTS (tiles));
}

/* maxWidth/maxArea on a level-0 service: the full level is the largest
 * size the server gives (implementation notes §4). */
static void
test_max_size (void)
{
  const char *json = "{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"https://x.example/i\","
                     " \"type\": \"ImageService3\", \"profile\": \"level0\", \"width\": 4000, \"height\": 3000,"
                     " \"maxWidth\": 1000}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = vt_image_service_parse (bytes, NULL, &error);
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autofree char *url = NULL;
  gint64 w, h;

  g_assert_no_error (error);
  /* only maxWidth: maxHeight = maxWidth; scale = min(1000/4000, 1000/3000) */
  g_assert_cmpint (service->max_height, ==, 1000);
  vt_image_service_get_max_size (service, &w, &h);
  g_assert_cmpint (w, ==, 1000);
  g_assert_cmpint (h, ==, 750);

  pyramid = vt_tile_pyramid_new (service);
  g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), ==, 1);
  g_assert_cmpint (vt_tile_pyramid_get_level (pyramid, 0)->width, ==, 1000);
  g_assert_cmpfloat_with_epsilon (vt_tile_pyramid_get_level (pyramid, 0)->scale, 4.0, 1e-9);
  url = vt_tile_pyramid_dup_tile_url (pyramid, 0, 0, 0);
  g_assert_cmpstr (url, ==, "https://x.example/i/full/max/0/default.jpg");
}

/* The coarsest level with at least one image pixel per device pixel. */
static void
test_choose_level (void)
{
  g_autoptr(VtTilePyramid) pyramid = pyramid_for ("info-v2-tiles.json", NULL);

  /* scales are 1, 2, 4, 5, 8 */
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 2.0, 1.0), ==, 0);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 1.0, 1.0), ==, 0);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.5, 1.0), ==, 1);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.25, 1.0), ==, 2);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.25, 2.0), ==, 1);
  /* 1/0.19 = 5.26: scale 5 is fine, 8 is too coarse */
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.19, 1.0), ==, 3);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.1, 1.0), ==, 4);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.001, 1.0), ==, 4);
  /* 0.5 at device scale 2 needs full resolution */
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.5, 2.0), ==, 0);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, 0.0, 1.0), ==, 4);
  g_assert_cmpuint (vt_tile_pyramid_choose_level (pyramid, -1.0, 1.0), ==, 4);
}

static void
test_static (void)
{
  g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new_static ("https://x.example/a.jpg", 640, 480);
  g_autofree char *url = vt_tile_pyramid_dup_tile_url (pyramid, 0, 0, 0);

  g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), ==, 1);
  g_assert_cmpstr (url, ==, "https://x.example/a.jpg");
  g_assert_null (vt_tile_pyramid_get_service (pyramid));
  g_assert_null (vt_tile_pyramid_new_static ("https://x.example/a.jpg", 0, 480));
  g_assert_null (vt_tile_pyramid_new_static ("https://x.example/a.jpg", 640, G_GINT64_CONSTANT (1) << 31));
}

/* A manifest's reference alone gives a usable provisional pyramid. */
static void
test_from_ref (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-ghent.json");
  VtServiceRef *ref = vt_canvas_get_image_service (vt_manifest_get_canvas (doc->manifest, 0));
  g_autoptr(VtImageService) service = NULL;
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *info = NULL;

  g_assert_nonnull (ref);
  service = vt_image_service_new_from_ref (ref, 4000, 3000, &error);
  g_assert_no_error (error);
  g_assert_true (service->from_reference);
  g_assert_cmpint (service->version, ==, VT_IMAGE_API_2);
  g_assert_cmpint (service->level, ==, 2);
  info = vt_image_service_dup_info_url (service);
  g_assert_cmpstr (info, ==, "https://museum.example.org/iiif/image/iiif/2/0f3e-transcode-1999-0042$1.jpg/info.json");

  pyramid = vt_tile_pyramid_new (service);
  /* 512 tiles: 1, 2, 4, 8 (ceil(4000/8)=500 <= 512) */
  g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), ==, 4);
  url = vt_tile_pyramid_dup_tile_url (pyramid, 3, 0, 0);
  g_assert_cmpstr (url, ==, "https://museum.example.org/iiif/image/iiif/2/0f3e-transcode-1999-0042$1.jpg/full/500,/0/default.jpg");

  /* no size known: no service */
  {
    g_autoptr(GError) error2 = NULL;
    g_autoptr(VtImageService) none = vt_image_service_new_from_ref (ref, 0, 0, &error2);

    g_assert_null (none);
    g_assert_error (error2, VT_IIIF_ERROR, VT_IIIF_ERROR_MISSING_FIELD);
  }
}

/* Huge but valid numbers: 64-bit maths, no overflow, no allocation per
 * tile. */
static void
test_extremes (void)
{
  const char *json = "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/h\","
                     " \"width\": 2147483646, \"height\": 2147483646, \"profile\": [\"level2\"],"
                     " \"tiles\": [{\"width\": 1, \"scaleFactors\": [1, 1048576]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = vt_image_service_parse (bytes, NULL, &error);
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  pyramid = vt_tile_pyramid_new (service);
  g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), ==, 2);
  g_assert_cmpuint (vt_tile_pyramid_get_level (pyramid, 0)->columns, ==, 2147483646);
  url = vt_tile_pyramid_dup_tile_url (pyramid, 0, 2147483645, 2147483645);
  g_assert_cmpstr (url, ==, "https://x.example/h/2147483645,2147483645,1,1/1,/0/default.jpg");
  g_clear_pointer (&url, g_free);
  /* ceil(2147483646/1048576)=2048 */
  g_assert_cmpint (vt_tile_pyramid_get_level (pyramid, 1)->width, ==, 2048);
  url = vt_tile_pyramid_dup_tile_url (pyramid, 1, 2047, 0);
  g_assert_cmpstr (url, ==, "https://x.example/h/2146435072,0,1048574,1048576/1,/0/default.jpg");
  g_assert_null (vt_tile_pyramid_dup_tile_url (pyramid, 1, 2048, 0));
}

static VtTilePyramid *
pyramid_from_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = vt_image_service_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  return vt_tile_pyramid_new (service);
}

/* One small whole-image request for a placeholder, where the service can
 * give one. */
static void
test_overview (void)
{
  g_autoptr(VtTilePyramid) huge = NULL;
  g_autoptr(VtTilePyramid) huge_v3 = NULL;
  g_autoptr(VtTilePyramid) level0 = NULL;
  g_autoptr(VtTilePyramid) level0_sizes = NULL;
  g_autoptr(VtTilePyramid) capped = NULL;
  g_autoptr(VtTilePyramid) still = vt_tile_pyramid_new_static ("https://x.example/a.jpg", 640, 480);
  char *url;
  gint64 w = 0, h = 0;

  /* Level 2, 10^9 × 5·10^8, fine scale factors only: full/w, fitting
   * 1024 (500000000 · 1024 / 10^9 = 512). */
  huge = pyramid_from_json ("{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/h\","
                            " \"width\": 1000000000, \"height\": 500000000, \"profile\": [\"level2\"],"
                            " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4]}]}");
  url = vt_tile_pyramid_dup_overview_url (huge, 1024, &w, &h);
  g_assert_cmpstr (url, ==, "https://x.example/h/full/1024,/0/default.jpg");
  g_assert_cmpint (w, ==, 1024);
  g_assert_cmpint (h, ==, 512);
  g_free (url);

  /* 3.0 spells both sides; maxArea 100000 caps it: sqrt (10^5 / (10^9 · 5·10^8)) · 10^9 = 447.2 */
  huge_v3 = pyramid_from_json ("{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"https://x.example/h3\","
                               " \"type\": \"ImageService3\", \"profile\": \"level1\", \"width\": 1000000000,"
                               " \"height\": 500000000, \"maxArea\": 100000,"
                               " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4]}]}");
  url = vt_tile_pyramid_dup_overview_url (huge_v3, 1024, &w, &h);
  g_assert_cmpstr (url, ==, "https://x.example/h3/full/447,223/0/default.jpg");
  g_assert_cmpint (w * h, <=, 100000);
  g_free (url);

  /* Level 0 without sizes: nothing. */
  level0 = pyramid_from_json ("{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/z\","
                              " \"width\": 200000, \"height\": 200000, \"profile\": [\"level0\"],"
                              " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1]}]}");
  g_assert_null (vt_tile_pyramid_dup_overview_url (level0, 1024, &w, &h));

  /* Level 0 with sizes: the largest that fits, spelt as listed. */
  level0_sizes = pyramid_for ("info-v3-level0-sizes.json", NULL);
  url = vt_tile_pyramid_dup_overview_url (level0_sizes, 1024, &w, &h);
  g_assert_cmpstr (url, ==, "https://static.example.org/iiif/fig-3/full/600,400/0/default.jpg");
  g_free (url);
  url = vt_tile_pyramid_dup_overview_url (level0_sizes, 100, &w, &h);
  g_assert_null (url);

  /* maxWidth below the request: within the server's limit. */
  capped = pyramid_from_json ("{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"https://x.example/c\","
                              " \"width\": 40000, \"height\": 30000, \"maxWidth\": 800, \"profile\": [\"level1\"],"
                              " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2]}]}");
  url = vt_tile_pyramid_dup_overview_url (capped, 1024, &w, &h);
  g_assert_cmpstr (url, ==, "https://x.example/c/full/800,/0/default.jpg");
  g_assert_cmpint (h, ==, 600);
  g_free (url);

  /* A static image is its own overview. */
  g_assert_null (vt_tile_pyramid_dup_overview_url (still, 1024, &w, &h));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/tile-pyramid/v2-tiles", test_v2_tiles);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/v3-tiles", test_v3_tiles);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/v1.1-tiles", test_v11_tiles);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/v1.0-tiles", test_v10_tiles);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/level0-sizes", test_level0_sizes);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/level0-bare", test_level0_bare);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/no-tiles-level2", test_no_tiles_level2);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/max-size", test_max_size);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/choose-level", test_choose_level);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/static", test_static);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/from-ref", test_from_ref);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/extremes", test_extremes);
  g_test_add_func ("/vitrine/iiif/tile-pyramid/overview", test_overview);

  return g_test_run ();
}
