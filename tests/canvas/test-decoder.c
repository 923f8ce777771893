/* test-decoder.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <sys/resource.h>

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

/* A textured RGB image whose pixel (x, y) is (x, y, x ^ y) mod 256. */
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

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_bomb (void)
{
  g_autoptr (VipsImage) black = NULL;
  g_autoptr (GBytes) bomb = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  glong before;

  /* 20000 × 20000 px = 1.2 GB of RGB once decoded, 5 MB as a JPEG. */
  g_assert_cmpint (vips_black (&black, 20000, 20000, "bands", 3, NULL), ==, 0);
  bomb = encode (black, ".jpg");
  g_clear_object (&black);
  before = max_rss_kib ();

  /* As a tile: refused from its header. */
  g_assert_null (vt_decode_bytes (bomb, 256, 256, &error));
  g_assert_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);
  g_clear_error (&error);

  /* As a static image of unknown size: shrunk while loading. */
  texture = vt_decode_bytes (bomb, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, VT_DECODER_SHRINK_TO);
  g_assert_cmpint (gdk_texture_get_height (texture), <=, VT_DECODER_SHRINK_TO);

  /* Peak memory stayed far below the 1.2 GB a full decode takes: at most
   * the shrunk image (48 MiB of RGB) and libjpeg's buffers. */
  g_test_message ("peak RSS grew by %ld KiB", max_rss_kib () - before);
  g_assert_cmpint (max_rss_kib () - before, <, 256 * 1024);
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
  g_test_add_func ("/vitrine/decoder/bomb", test_bomb);
  g_test_add_func ("/vitrine/decoder/async", test_async);

  return g_test_run ();
}
