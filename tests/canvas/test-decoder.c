/* test-decoder.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include "vt-canvas-error.h"
#include "vt-decoder-private.h"

static GBytes *
encode (VipsImage  *image,
        const char *suffix)
{
  void *buf = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_image_write_to_buffer (image, suffix, &buf, &len, NULL), ==, 0);
  return g_bytes_new_take (buf, len);
}

/* A textured RGB image whose pixel (x, y) is (x, y, x ^ y), each clipped
 * to 255. */
static VipsImage *
make_rgb (int w, int h)
{
  g_autoptr (VipsImage) xy = NULL, x = NULL, y = NULL, z = NULL, xu = NULL, yu = NULL, zu = NULL;
  VipsImage *out = NULL;
  VipsImage *bands[3];

  g_assert_cmpint (vips_xyz (&xy, w, h, NULL), ==, 0);
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
  vips_image_set_int (out, "interpretation", VIPS_INTERPRETATION_sRGB);
  out->Type = VIPS_INTERPRETATION_sRGB;
  return out;
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  guchar *data = g_malloc ((gsize) w * h * 4);

  *stride = (gsize) w * 4;
  gdk_texture_download (texture, data, *stride);
  return data;
}

static void
test_png_exact (void)
{
  g_autoptr (VipsImage) image = make_rgb (256, 200);
  g_autoptr (GBytes) bytes = encode (image, ".png");
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride;

  texture = vt_decode_bytes (bytes, 256, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 256);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 200);

  /* Lossless: every pixel as encoded (download gives B, G, R, A). */
  pixels = download (texture, &stride);
  for (int y = 0; y < 200; y += 7)
    for (int x = 0; x < 256; x += 5)
      {
        guchar *p = pixels + y * stride + x * 4;

        g_assert_cmpuint (p[2], ==, x & 0xff);
        g_assert_cmpuint (p[1], ==, y & 0xff);
        g_assert_cmpuint (p[0], ==, (x ^ y) & 0xff);
        g_assert_cmpuint (p[3], ==, 0xff);
      }
}

static void
test_jpeg_and_grey (void)
{
  g_autoptr (VipsImage) image = make_rgb (256, 256);
  g_autoptr (VipsImage) grey = NULL;
  g_autoptr (GBytes) jpeg = encode (image, ".jpg[Q=90]");
  g_autoptr (GBytes) grey_jpeg = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GdkTexture) grey_texture = NULL;

  texture = vt_decode_bytes (jpeg, 256, 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 256);

  /* The TurboJPEG fast path gives exactly libvips' own decode. */
  {
    g_autoptr (VipsImage) loaded = NULL;
    g_autoptr (GdkTexture) by_vips = NULL;
    g_autofree guchar *a = NULL, *b = NULL;
    gsize stride;

    g_assert_cmpint (vips_jpegload_buffer ((void *) g_bytes_get_data (jpeg, NULL),
                                           g_bytes_get_size (jpeg), &loaded, NULL), ==, 0);
    by_vips = vt_texture_new_from_vips (loaded, &error);
    g_assert_no_error (error);
    a = download (texture, &stride);
    b = download (by_vips, &stride);
    g_assert_cmpmem (a, stride * 256, b, stride * 256);
  }

  g_assert_cmpint (vips_colourspace (image, &grey, VIPS_INTERPRETATION_B_W, NULL), ==, 0);
  grey_jpeg = encode (grey, ".jpg");
  /* A server may round a level's size by a pixel. */
  grey_texture = vt_decode_bytes (grey_jpeg, 255, 257, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (grey_texture), ==, 256);
}

static void
test_html (void)
{
  const char *html = "<!DOCTYPE html><html><body>Error 500</body></html>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;

  texture = vt_decode_bytes (bytes, 256, 256, &error);
  g_assert_null (texture);
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
  g_clear_error (&error);

  texture = vt_decode_bytes (empty, 256, 256, &error);
  g_assert_null (texture);
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
}

static void
test_svg_refused (void)
{
  const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"/>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr (GError) error = NULL;

  /* Only raster loaders: no SVG, PDF or ImageMagick from the network. */
  g_assert_null (vt_decode_bytes (bytes, 256, 256, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
}

static void
test_truncated (void)
{
  g_autoptr (VipsImage) image = make_rgb (256, 256);
  g_autoptr (GBytes) jpeg = encode (image, ".jpg");
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) / 2);
  g_autoptr (GError) error = NULL;

  g_assert_null (vt_decode_bytes (half, 256, 256, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
}

static void
test_wrong_size (void)
{
  g_autoptr (VipsImage) image = make_rgb (512, 512);
  g_autoptr (GBytes) jpeg = encode (image, ".jpg");
  g_autoptr (GError) error = NULL;

  g_assert_null (vt_decode_bytes (jpeg, 256, 256, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);
  g_clear_error (&error);
  g_assert_null (vt_decode_bytes (jpeg, 1024, 512, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);

  g_assert_true (vt_size_is_close (256, 256));
  g_assert_true (vt_size_is_close (255, 256));
  g_assert_true (vt_size_is_close (1, 1));
  g_assert_true (vt_size_is_close (3, 1));
  g_assert_false (vt_size_is_close (512, 256));
  g_assert_false (vt_size_is_close (20000, 256));
  g_assert_false (vt_size_is_close (100, 256));
}

/* Thumbnails and logos: any size in, at most max_size out, never enlarged,
 * in the right proportions and colours. */
static void
test_thumbnail (void)
{
  g_autoptr (VipsImage) image = make_rgb (1000, 500);
  const char *suffixes[] = { ".jpg", ".png", ".webp", ".tif", ".gif" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr (GBytes) bytes = encode (image, suffixes[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GdkTexture) small = vt_decode_thumbnail (bytes, 200, &error);
      g_autoptr (GdkTexture) same = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (small), ==, 200);
      g_assert_cmpint (gdk_texture_get_height (small), ==, 100);

      /* Never enlarged. */
      same = vt_decode_thumbnail (bytes, 4000, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (same), ==, 1000);
      g_assert_cmpint (gdk_texture_get_height (same), ==, 500);
    }

  /* A JPEG is shrunk while loading (1/4 here) and still sharp: the mean
   * of a row matches libvips' own full decode shrunk the same way. */
  {
    g_autoptr (VipsImage) big = make_rgb (2048, 1024);
    g_autoptr (GBytes) jpeg = encode (big, ".jpg");
    g_autoptr (GError) error = NULL;
    g_autoptr (GdkTexture) texture = vt_decode_thumbnail (jpeg, 512, &error);
    g_autofree guchar *pixels = NULL;
    gsize stride;

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 512);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 256);
    pixels = download (texture, &stride);
    /* Green is y in the full image (up to 255): row 40 of the thumbnail
     * averages rows 160 to 163. */
    g_assert_cmpint (ABS ((int) pixels[40 * stride + 4 * 10 + 1] - 161), <=, 6);
  }

  /* A WebP with alpha (an extended, VP8X, file), as logos often are. */
  {
    g_autoptr (VipsImage) rgba = NULL;
    g_autoptr (GBytes) webp = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (GdkTexture) texture = NULL;

    g_assert_cmpint (vips_bandjoin_const1 (image, &rgba, 128, NULL), ==, 0);
    webp = encode (rgba, ".webp");
    g_assert_cmpmem ((const guchar *) g_bytes_get_data (webp, NULL) + 12, 4, "VP8X", 4);
    texture = vt_decode_thumbnail (webp, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 50);
  }

  /* The same refusals as tiles: not an image, SVG. */
  {
    const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"/>";
    g_autoptr (GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
    g_autoptr (GError) error = NULL;

    g_assert_null (vt_decode_thumbnail (bytes, 100, &error));
    g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
  }
}

/* The tiles of a level 0 service's coarse level, joined and shrunk. */
static void
test_tiles_thumbnail (void)
{
  g_autoptr (VipsImage) image = make_rgb (600, 300);
  g_autoptr (GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride;

  /* 256 px tiles: 3 × 2, the right and bottom ones cut short. */
  for (int y = 0; y < 300; y += 256)
    for (int x = 0; x < 600; x += 256)
      {
        g_autoptr (VipsImage) tile = NULL;

        g_assert_cmpint (vips_crop (image, &tile, x, y, MIN (256, 600 - x), MIN (256, 300 - y), NULL), ==, 0);
        g_ptr_array_add (tiles, encode (tile, ".png"));
      }

  texture = vt_decode_tiles_thumbnail (tiles, 3, 256, 256, 600, 300, 300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 300);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 150);
  /* Red (byte 2 of a downloaded BGRA pixel) is x in the full image, up
   * to 255: pixel 60 of the thumbnail averages 120 and 121. */
  pixels = download (texture, &stride);
  g_assert_cmpint (ABS ((int) pixels[50 * stride + 4 * 60 + 2] - 120), <=, 4);

  /* A tile larger than the level promised is refused before decoding. */
  {
    g_autoptr (VipsImage) black = NULL;

    g_assert_cmpint (vips_black (&black, 2000, 2000, "bands", 3, NULL), ==, 0);
    g_bytes_unref (g_ptr_array_index (tiles, 1));
    g_ptr_array_index (tiles, 1) = encode (black, ".jpg");
    g_assert_null (vt_decode_tiles_thumbnail (tiles, 3, 256, 256, 600, 300, 300, &error));
    g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);
    g_clear_error (&error);
  }

  /* And a level over the pixel budget is refused outright. */
  g_assert_null (vt_decode_tiles_thumbnail (tiles, 3, 256, 256, 60000, 30000, 300, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE);
}

static void
test_lying_header (void)
{
  g_autoptr (VipsImage) image = make_rgb (16, 16);
  g_autoptr (GBytes) jpeg = encode (image, ".jpg");
  g_autofree guchar *data = g_memdup2 (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  gsize len = g_bytes_get_size (jpeg);
  g_autoptr (GBytes) liar = NULL;
  g_autoptr (GError) error = NULL;
  gboolean patched = FALSE;

  /* Claim 20000 × 20000 in the SOF0 marker over 16 × 16 of data. */
  for (gsize i = 0; i + 9 < len; i++)
    if (data[i] == 0xff && data[i + 1] == 0xc0)
      {
        data[i + 5] = 20000 >> 8;
        data[i + 6] = 20000 & 0xff;
        data[i + 7] = 20000 >> 8;
        data[i + 8] = 20000 & 0xff;
        patched = TRUE;
        break;
      }
  g_assert_true (patched);
  liar = g_bytes_new (data, len);

  g_assert_null (vt_decode_bytes (liar, 256, 256, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);
  g_clear_error (&error);
  /* Unknown size: shrink-on-load either notices the missing data or
   * yields a bounded image; never a 20000 × 20000 decode. */
  {
    g_autoptr (GdkTexture) texture = vt_decode_bytes (liar, 0, 0, &error);

    if (texture == NULL)
      g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
    else
      {
        g_assert_no_error (error);
        g_assert_cmpint (gdk_texture_get_width (texture), <=, VT_DECODER_SHRINK_TO);
        g_assert_cmpint (gdk_texture_get_height (texture), <=, VT_DECODER_SHRINK_TO);
      }
  }
}

typedef struct
{
  GMainLoop *loop;
  GdkTexture *texture;
  GError *error;
} AsyncResult;

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->texture = vt_decoder_decode_finish (VT_DECODER (object), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async (void)
{
  VtDecoder *decoder = vt_decoder_get_default ();
  g_autoptr (VipsImage) image = make_rgb (256, 256);
  g_autoptr (GBytes) jpeg = encode (image, ".jpg");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncResult r = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  g_assert_cmpuint (vt_decoder_get_n_threads (decoder), ==, MAX (1, g_get_num_processors ()));

  vt_decoder_decode_async (decoder, jpeg, 256, 256, 0, NULL, decoded_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_true (GDK_IS_TEXTURE (r.texture));
  g_clear_object (&r.texture);

  /* A job cancelled before it runs costs nothing and says so. */
  g_cancellable_cancel (cancellable);
  vt_decoder_decode_async (decoder, jpeg, 256, 256, 0, cancellable, decoded_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_null (r.texture);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);

  /* Thumbnails go through the same pool. */
  vt_decoder_decode_thumbnail_async (decoder, jpeg, 64, G_PRIORITY_LOW, NULL, decoded_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_cmpint (gdk_texture_get_width (r.texture), ==, 64);
  g_clear_object (&r.texture);

  {
    g_autoptr (GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

    g_ptr_array_add (tiles, g_bytes_ref (jpeg));
    g_ptr_array_add (tiles, g_bytes_ref (jpeg));
    vt_decoder_compose_thumbnail_async (decoder, tiles, 2, 256, 256, 512, 256, 128,
                                        G_PRIORITY_LOW, NULL, decoded_cb, &r);
    g_main_loop_run (r.loop);
    g_assert_no_error (r.error);
    g_assert_cmpint (gdk_texture_get_width (r.texture), ==, 128);
    g_assert_cmpint (gdk_texture_get_height (r.texture), ==, 64);
    g_clear_object (&r.texture);
  }
  g_main_loop_unref (r.loop);
}

/* Damaged tiles make libvips warn ("error in tile …"); that is the point
 * of these tests, so its warnings are not fatal here. Ours still are. */
static gboolean
ignore_vips (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  return g_strcmp0 (log_domain, "VIPS") != 0;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (ignore_vips, NULL);
  /* g_test_init () makes warnings of every domain fatal through the
   * always-fatal mask, which no handler overrides for libvips' threads. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  vt_decoder_get_default ();

  g_test_add_func ("/vitrine/decoder/png-exact", test_png_exact);
  g_test_add_func ("/vitrine/decoder/jpeg-and-grey", test_jpeg_and_grey);
  g_test_add_func ("/vitrine/decoder/html", test_html);
  g_test_add_func ("/vitrine/decoder/svg-refused", test_svg_refused);
  g_test_add_func ("/vitrine/decoder/truncated", test_truncated);
  g_test_add_func ("/vitrine/decoder/wrong-size", test_wrong_size);
  g_test_add_func ("/vitrine/decoder/lying-header", test_lying_header);
  g_test_add_func ("/vitrine/decoder/thumbnail", test_thumbnail);
  g_test_add_func ("/vitrine/decoder/tiles-thumbnail", test_tiles_thumbnail);
  g_test_add_func ("/vitrine/decoder/async", test_async);

  return g_test_run ();
}
