/* test-tile-cache.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "vt-decoder-private.h"
#include "vt-tile-cache.h"

/* A 16 × 16 texture counts 1 KiB. */
static GdkTexture *
make_texture (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_malloc0 (16 * 16 * 4), 16 * 16 * 4);

  return gdk_memory_texture_new (16, 16, GDK_MEMORY_R8G8B8A8, bytes, 16 * 4);
}

static void
store (VtTileCache *cache,
       guint64      key)
{
  g_autoptr (GdkTexture) texture = make_texture ();

  vt_tile_cache_store (cache, key, texture);
}

static void
test_keys (void)
{
  guint64 key = VT_TILE_KEY (17, 123456, 654321);

  g_assert_cmpuint (VT_TILE_KEY_LEVEL (key), ==, 17);
  g_assert_cmpuint (VT_TILE_KEY_X (key), ==, 123456);
  g_assert_cmpuint (VT_TILE_KEY_Y (key), ==, 654321);
  g_assert_cmpuint (VT_TILE_KEY (1, 2, 3), !=, VT_TILE_KEY (1, 3, 2));
}

static void
test_lru_bytes (void)
{
  g_autoptr (VtTileCache) cache = vt_tile_cache_new (4 * 1024);

  for (guint i = 0; i < 4; i++)
    store (cache, VT_TILE_KEY (1, i, 0));
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 4 * 1024);
  g_assert_cmpuint (vt_tile_cache_get_n_tiles (cache), ==, 4);

  /* Touch tile 0, so tile 1 is now the oldest. */
  g_assert_nonnull (vt_tile_cache_lookup (cache, VT_TILE_KEY (1, 0, 0)));
  store (cache, VT_TILE_KEY (1, 4, 0));
  g_assert_cmpuint (vt_tile_cache_get_n_tiles (cache), ==, 4);
  g_assert_nonnull (vt_tile_cache_peek (cache, VT_TILE_KEY (1, 0, 0)));
  g_assert_null (vt_tile_cache_peek (cache, VT_TILE_KEY (1, 1, 0)));

  /* peek does not refresh: tile 2 goes next even after a peek. */
  g_assert_nonnull (vt_tile_cache_peek (cache, VT_TILE_KEY (1, 2, 0)));
  store (cache, VT_TILE_KEY (1, 5, 0));
  g_assert_null (vt_tile_cache_peek (cache, VT_TILE_KEY (1, 2, 0)));

  /* Storing a key again replaces it without double counting. */
  store (cache, VT_TILE_KEY (1, 5, 0));
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 4 * 1024);

  vt_tile_cache_set_max_bytes (cache, 2 * 1024);
  g_assert_cmpuint (vt_tile_cache_get_n_tiles (cache), ==, 2);
  vt_tile_cache_clear (cache);
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 0);
  g_assert_null (vt_tile_cache_peek (cache, VT_TILE_KEY (1, 5, 0)));
}

static gboolean
pin_level_zero (guint64  key,
                gpointer user_data)
{
  guint *asked = user_data;

  (*asked)++;
  return VT_TILE_KEY_LEVEL (key) == 0;
}

static void
test_pins (void)
{
  g_autoptr (VtTileCache) cache = vt_tile_cache_new (2 * 1024);
  guint asked = 0;

  vt_tile_cache_set_pin_func (cache, pin_level_zero, &asked);
  store (cache, VT_TILE_KEY (0, 0, 0));
  store (cache, VT_TILE_KEY (0, 1, 0));
  for (guint i = 0; i < 10; i++)
    store (cache, VT_TILE_KEY (3, i, 0));

  /* The pinned placeholder survives; only the newest other tile fits
   * beside it... and none, since pins already fill the bound. */
  g_assert_nonnull (vt_tile_cache_peek (cache, VT_TILE_KEY (0, 0, 0)));
  g_assert_nonnull (vt_tile_cache_peek (cache, VT_TILE_KEY (0, 1, 0)));
  g_assert_cmpuint (vt_tile_cache_get_n_tiles (cache), ==, 2);
  g_assert_cmpuint (asked, >, 0);
}

/* Tiles count the bytes they are stored in: a decoded JPEG tile is RGB, 3
 * bytes a pixel, where a count of 4 would let the cache hold a quarter
 * fewer tiles than its budget allows. */
static void
test_stored_bytes (void)
{
  g_autoptr (VtTileCache) cache = vt_tile_cache_new (VT_TILE_CACHE_DEFAULT_SIZE);
  g_autoptr (VipsImage) image = NULL;
  g_autoptr (GBytes) rgb = g_bytes_new_take (g_malloc0 (16 * 16 * 3), 16 * 16 * 3);
  g_autoptr (GBytes) rgba = g_bytes_new_take (g_malloc0 (16 * 16 * 4), 16 * 16 * 4);
  g_autoptr (GdkTexture) rgb_texture = vt_memory_texture_new (16, 16, GDK_MEMORY_R8G8B8, rgb, 16 * 3);
  g_autoptr (GdkTexture) rgba_texture = vt_memory_texture_new (16, 16, GDK_MEMORY_R8G8B8A8, rgba, 16 * 4);
  g_autoptr (GdkTexture) tile = NULL;
  g_autoptr (GError) error = NULL;
  void *jpeg = NULL;
  size_t len = 0;

  vt_tile_cache_store (cache, VT_TILE_KEY (0, 0, 0), rgb_texture);
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 16 * 16 * 3);
  vt_tile_cache_store (cache, VT_TILE_KEY (0, 1, 0), rgba_texture);
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 16 * 16 * 7);
  vt_tile_cache_clear (cache);

  /* What the decoder makes of a JPEG tile. */
  vt_decoder_get_default ();
  g_assert_cmpint (vips_black (&image, 256, 256, "bands", 3, NULL), ==, 0);
  g_assert_cmpint (vips_image_write_to_buffer (image, ".jpg", &jpeg, &len, NULL), ==, 0);
  {
    g_autoptr (GBytes) bytes = g_bytes_new_take (jpeg, len);

    tile = vt_decode_bytes (bytes, 256, 256, &error);
  }
  g_assert_no_error (error);
  vt_tile_cache_store (cache, VT_TILE_KEY (0, 0, 0), tile);
  g_assert_cmpuint (vt_tile_cache_get_bytes (cache), ==, 256 * 256 * 3);
  g_assert_cmpuint (vt_texture_get_stored_size (tile), ==, 256 * 256 * 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/tile-cache/keys", test_keys);
  g_test_add_func ("/vitrine/tile-cache/lru-bytes", test_lru_bytes);
  g_test_add_func ("/vitrine/tile-cache/pins", test_pins);
  g_test_add_func ("/vitrine/tile-cache/stored-bytes", test_stored_bytes);

  return g_test_run ();
}
