/* test-decoder-bombs.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vt-canvas-error.h"
#include "vt-decoder-private.h"

/* Decompression bombs: a few bytes (a few hundred KB at most) that claim,
 * or really hold, hundreds of megapixels. Every decode path is tried on
 * each: a tile (an expected size), a static image (no expected size) and a
 * thumbnail or logo (shrunk to a size). Each bomb is decoded in a process
 * of its own (g_test_trap_subprocess), which measures its own peak RSS:
 * the high-water mark of a process that already decoded something else
 * would hide the growth. The bombs are made here, in the parent, in the
 * shapes found in the wild: a JPEG or PNG header claiming 65000 × 65000, a
 * 500 KB PNG and a 250 KB TIFF of deflated zeros, a 35-byte GIF whose
 * frame buffer is 1 GB, a 30-byte lossless WebP of 268 Mpx, and a real
 * 20000 × 20000 JPEG, which a static image may be and is shrunk. */

/* The most a refused bomb may cost: libvips' own buffers, no pixels. */
#define REFUSED_MAX_KIB (32 * 1024)
/* AddressSanitizer keeps freed blocks in a quarantine (256 MiB by
 * default) and adds its shadow memory: what a decode frees on the way
 * still counts in its peak. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_SLACK_KIB (320 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_SLACK_KIB (320 * 1024)
#endif
#endif
#ifndef SANITIZER_SLACK_KIB
#define SANITIZER_SLACK_KIB 0
#endif
/* A 20000² JPEG shrunk to 4096² px: 48 MiB of RGB, its pipeline in strips. */
#define SHRUNK_MAX_KIB (160 * 1024 + SANITIZER_SLACK_KIB)

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
put_be32 (GByteArray *array,
          guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, b, 4);
}

static void
put_le16 (GByteArray *array,
          guint16     value)
{
  guint8 b[2] = { value, value >> 8 };

  g_byte_array_append (array, b, 2);
}

static void
put_le32 (GByteArray *array,
          guint32     value)
{
  guint8 b[4] = { value, value >> 8, value >> 16, value >> 24 };

  g_byte_array_append (array, b, 4);
}

static guint32
crc32 (const guint8 *data,
       gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

/* A zlib stream of @n zero bytes, made in no time: @chunk zeros deflated
 * once and ended with a sync flush, so that the block stands alone (its
 * matches reach no further back than itself), then repeated. */
static GBytes *
zlib_zeros (gsize n,
            gsize chunk)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GZlibCompressor) deflater = NULL;
  g_autofree guint8 *zeros = g_malloc0 (chunk);
  guint8 block[65536];
  gsize in = 0, written = 0;
  GConverterResult result;

  g_assert_cmpuint (n % chunk, ==, 0);
  deflater = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9);
  do
    {
      gsize read = 0, produced = 0;

      result = g_converter_convert (G_CONVERTER (deflater), zeros + in, chunk - in,
                                    block + written, sizeof block - written,
                                    G_CONVERTER_FLUSH, &read, &produced, NULL);
      g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
      in += read;
      written += produced;
    }
  while (result != G_CONVERTER_FLUSHED);
  g_assert_cmpuint (in, ==, chunk);

  g_byte_array_append (out, (const guint8 *) "\x78\x01", 2);
  for (gsize i = 0; i < n / chunk; i++)
    g_byte_array_append (out, block, written);
  /* An empty final block (fixed codes), then Adler-32 of n zeros. */
  g_byte_array_append (out, (const guint8 *) "\x03\x00", 2);
  put_be32 (out, ((guint32) (n % 65521) << 16) | 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
png_chunk (GByteArray   *png,
           const char   *type,
           const guint8 *data,
           gsize         len)
{
  gsize start;

  put_be32 (png, len);
  start = png->len;
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, len);
  put_be32 (png, crc32 (png->data + start, png->len - start));
}

/* An 8-bit grey PNG of @width × @height whose rows are all zeros; with
 * @real, its IDAT really holds them (filter byte and pixels, deflated),
 * otherwise it holds 16 rows' worth and the header lies. */
static GBytes *
make_png (guint32  width,
          guint32  height,
          gboolean real)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autoptr (GByteArray) ihdr = g_byte_array_new ();
  g_autoptr (GBytes) idat = NULL;

  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  put_be32 (ihdr, width);
  put_be32 (ihdr, height);
  g_byte_array_append (ihdr, (const guint8 *) "\x08\x00\x00\x00\x00", 5);
  png_chunk (png, "IHDR", ihdr->data, ihdr->len);
  idat = zlib_zeros ((gsize) (width + 1) * (real ? height : 16), width + 1);
  png_chunk (png, "IDAT", g_bytes_get_data (idat, NULL), g_bytes_get_size (idat));
  png_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* A 16 × 16 JPEG whose start-of-frame claims @width × @height. */
static GBytes *
make_lying_jpeg (guint16 width,
                 guint16 height)
{
  g_autoptr (VipsImage) image = NULL;
  g_autofree guint8 *data = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_black (&image, 16, 16, "bands", 3, NULL), ==, 0);
  g_assert_cmpint (vips_image_write_to_buffer (image, ".jpg", (void **) &data, &len, NULL), ==, 0);
  for (gsize i = 0; i + 9 < len; i++)
    if (data[i] == 0xff && data[i + 1] == 0xc0)
      {
        data[i + 5] = height >> 8;
        data[i + 6] = height & 0xff;
        data[i + 7] = width >> 8;
        data[i + 8] = width & 0xff;
        return g_bytes_new (data, len);
      }
  g_assert_not_reached ();
}

/* A real JPEG of @size × @size black pixels (6 MB for 20000²). */
static GBytes *
make_black_jpeg (int size)
{
  g_autoptr (VipsImage) image = NULL;
  void *data = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_black (&image, size, size, "bands", 3, NULL), ==, 0);
  g_assert_cmpint (vips_image_write_to_buffer (image, ".jpg", &data, &len, NULL), ==, 0);
  return g_bytes_new_take (data, len);
}

/* A GIF whose screen and single frame are @size × @size, with two codes
 * of LZW data: the decoder's frame buffer is the bomb (1 GB at 16000). */
static GBytes *
make_gif (guint16 size)
{
  g_autoptr (GByteArray) gif = g_byte_array_new ();

  g_byte_array_append (gif, (const guint8 *) "GIF89a", 6);
  put_le16 (gif, size);
  put_le16 (gif, size);
  /* A global colour table of two colours: black, white. */
  g_byte_array_append (gif, (const guint8 *) "\x80\x00\x00" "\x00\x00\x00" "\xff\xff\xff", 9);
  g_byte_array_append (gif, (const guint8 *) ",", 1);
  put_le16 (gif, 0);
  put_le16 (gif, 0);
  put_le16 (gif, size);
  put_le16 (gif, size);
  /* No local table; LZW of minimum code size 2: clear, 0, end (3 bits
   * each), then the end of the image data and of the file. */
  g_byte_array_append (gif, (const guint8 *) "\x00" "\x02" "\x02\x44\x01" "\x00" ";", 7);
  return g_byte_array_free_to_bytes (g_steal_pointer (&gif));
}

typedef struct
{
  guint64 value;
  int n_bits;
  GByteArray *out;
} Bits;

static void
put_bits (Bits    *bits,
          guint32  value,
          int      n)
{
  for (int i = 0; i < n; i++)
    {
      bits->value |= (guint64) ((value >> i) & 1) << bits->n_bits;
      if (++bits->n_bits == 8)
        {
          guint8 byte = bits->value;

          g_byte_array_append (bits->out, &byte, 1);
          bits->value = 0;
          bits->n_bits = 0;
        }
    }
}

/* A lossless WebP of @size × @size opaque black in 30 bytes: each of its
 * five prefix codes has a single symbol, so a pixel takes no bits at all
 * and libwebp would fill size² × 4 bytes (1 GiB at 16383). */
static GBytes *
make_webp (guint size)
{
  g_autoptr (GByteArray) vp8l = g_byte_array_new ();
  g_autoptr (GByteArray) webp = g_byte_array_new ();
  const guint8 symbols[] = { 0, 0, 0, 255, 0 };  /* green, red, blue, alpha, distance */
  Bits bits = { 0, 0, vp8l };

  g_byte_array_append (vp8l, (const guint8 *) "\x2f", 1);
  put_bits (&bits, size - 1, 14);
  put_bits (&bits, size - 1, 14);
  put_bits (&bits, 0, 1);   /* no alpha */
  put_bits (&bits, 0, 3);   /* version 0 */
  put_bits (&bits, 0, 1);   /* no transform */
  put_bits (&bits, 0, 1);   /* no colour cache */
  put_bits (&bits, 0, 1);   /* no meta prefix codes */
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      put_bits (&bits, 1, 1);   /* a simple code */
      put_bits (&bits, 0, 1);   /* of one symbol */
      if (symbols[i] < 2)
        {
          put_bits (&bits, 0, 1);
          put_bits (&bits, symbols[i], 1);
        }
      else
        {
          put_bits (&bits, 1, 1);
          put_bits (&bits, symbols[i], 8);
        }
    }
  while (bits.n_bits != 0)
    put_bits (&bits, 0, 1);
  if (vp8l->len % 2 != 0)
    g_byte_array_append (vp8l, (const guint8 *) "", 1);

  g_byte_array_append (webp, (const guint8 *) "RIFF", 4);
  put_le32 (webp, 4 + 8 + vp8l->len);
  g_byte_array_append (webp, (const guint8 *) "WEBPVP8L", 8);
  put_le32 (webp, vp8l->len);
  g_byte_array_append (webp, vp8l->data, vp8l->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&webp));
}

static void
tiff_entry (GByteArray *tiff,
            guint16     tag,
            guint16     type,
            guint32     value)
{
  put_le16 (tiff, tag);
  put_le16 (tiff, type);
  put_le32 (tiff, 1);
  if (type == 3)
    {
      put_le16 (tiff, value);
      put_le16 (tiff, 0);
    }
  else
    put_le32 (tiff, value);
}

/* An 8-bit grey TIFF of @size × @size zeros in one deflated strip. */
static GBytes *
make_tiff (guint32 size)
{
  g_autoptr (GByteArray) tiff = g_byte_array_new ();
  g_autoptr (GBytes) strip = zlib_zeros ((gsize) size * size, size);
  const guint16 n_entries = 9;
  guint32 data_offset = 8 + 2 + 12 * n_entries + 4;

  g_byte_array_append (tiff, (const guint8 *) "II*\0", 4);
  put_le32 (tiff, 8);
  put_le16 (tiff, n_entries);
  tiff_entry (tiff, 256, 4, size);                  /* ImageWidth */
  tiff_entry (tiff, 257, 4, size);                  /* ImageLength */
  tiff_entry (tiff, 258, 3, 8);                     /* BitsPerSample */
  tiff_entry (tiff, 259, 3, 8);                     /* Compression: deflate */
  tiff_entry (tiff, 262, 3, 1);                     /* BlackIsZero */
  tiff_entry (tiff, 273, 4, data_offset);           /* StripOffsets */
  tiff_entry (tiff, 277, 3, 1);                     /* SamplesPerPixel */
  tiff_entry (tiff, 278, 4, size);                  /* RowsPerStrip */
  tiff_entry (tiff, 279, 4, g_bytes_get_size (strip)); /* StripByteCounts */
  put_le32 (tiff, 0);
  g_assert_cmpuint (tiff->len, ==, data_offset);
  g_byte_array_append (tiff, g_bytes_get_data (strip, NULL), g_bytes_get_size (strip));
  return g_byte_array_free_to_bytes (g_steal_pointer (&tiff));
}

/* What the child expects of a static image or a thumbnail: a refusal
 * from the header, a refusal at the first damaged row, or an image shrunk
 * while loading. */
typedef enum
{
  REFUSED,
  DAMAGED,
  SHRUNK,
} Outcome;

typedef struct
{
  const char *name;
  GBytes *(*make) (void);
  Outcome outcome;
  glong max_kib;
} Bomb;

static GBytes *make_jpeg_header_bomb (void) { return make_lying_jpeg (65000, 65000); }
static GBytes *make_jpeg_20000 (void) { return make_black_jpeg (20000); }
static GBytes *make_png_header_bomb (void) { return make_png (65000, 65000, FALSE); }
static GBytes *make_png_zlib_bomb (void) { return make_png (22000, 22000, TRUE); }
static GBytes *make_gif_bomb (void) { return make_gif (16000); }
static GBytes *make_webp_bomb (void) { return make_webp (16383); }
static GBytes *make_tiff_bomb (void) { return make_tiff (16000); }

/* A JPEG claiming 65000² px would be 8125² at libjpeg's 1/8 scale, inside
 * the budget, but 800 bytes cannot code its 66 million blocks: damaged. */
static const Bomb bombs[] = {
  { "jpeg-header", make_jpeg_header_bomb, DAMAGED, REFUSED_MAX_KIB },
  { "jpeg-20000", make_jpeg_20000, SHRUNK, SHRUNK_MAX_KIB },
  { "png-header", make_png_header_bomb, REFUSED, REFUSED_MAX_KIB },
  { "png-zlib", make_png_zlib_bomb, REFUSED, REFUSED_MAX_KIB },
  { "gif", make_gif_bomb, REFUSED, REFUSED_MAX_KIB },
  { "webp", make_webp_bomb, REFUSED, REFUSED_MAX_KIB },
  { "tiff", make_tiff_bomb, REFUSED, REFUSED_MAX_KIB },
};

static void
assert_fits (GdkTexture *texture,
             guint       size)
{
  g_assert_true (GDK_IS_TEXTURE (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), <=, size);
  g_assert_cmpint (gdk_texture_get_height (texture), <=, size);
  g_assert_cmpint (MAX (gdk_texture_get_width (texture), gdk_texture_get_height (texture)), >=, size / 2);
}

/* Where the parent leaves a bomb for its child: named after the parent,
 * which the child knows as its own parent. */
static char *
bomb_path (const Bomb *bomb,
           pid_t       parent)
{
  g_autofree char *name = g_strdup_printf ("vitrine-bomb-%d-%s", (int) parent, bomb->name);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
assert_outcome (Outcome      outcome,
                GdkTexture  *texture,
                GError     **error,
                guint        size)
{
  switch (outcome)
    {
    case REFUSED:
      g_assert_null (texture);
      g_assert_error (*error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE);
      break;
    case DAMAGED:
      g_assert_null (texture);
      g_assert_error (*error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
      break;
    case SHRUNK:
    default:
      g_assert_no_error (*error);
      assert_fits (texture, size);
      break;
    }
  g_clear_error (error);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* In the child: every decode path on the bomb the parent wrote. The
 * memory is checked first, so that a decoder without the gate fails on
 * what it cost, not only on what it returned. */
static void
decode_bomb (const Bomb *bomb)
{
  g_autofree char *path = bomb_path (bomb, getppid ());
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) tile_error = NULL;
  g_autoptr (GError) thumbnail_error = NULL;
  g_autoptr (GError) static_error = NULL;
  g_autoptr (GdkTexture) tile = NULL;
  g_autoptr (GdkTexture) thumbnail = NULL;
  g_autoptr (GdkTexture) still = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  glong before;
  double cpu;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  before = max_rss_kib ();
  cpu = cpu_seconds ();

  /* As a tile, a thumbnail or logo, and a static image of unknown size. */
  tile = vt_decode_bytes (bytes, 256, 256, &tile_error);
  thumbnail = vt_decode_thumbnail (bytes, 256, &thumbnail_error);
  still = vt_decode_bytes (bytes, 0, 0, &static_error);

  /* A TAP comment in the parent's log (a subprocess' own messages are
   * silenced). */
  g_print ("# %s: %" G_GSIZE_FORMAT " bytes, peak RSS grew by %ld KiB, %.2f s of CPU\n",
           bomb->name, len, max_rss_kib () - before, cpu_seconds () - cpu);
  g_assert_cmpint (max_rss_kib () - before, <, bomb->max_kib);

  /* A tile is refused from its header, whatever it is. */
  g_assert_null (tile);
  g_assert_error (tile_error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE);
  assert_outcome (bomb->outcome, thumbnail, &thumbnail_error, 256);
  assert_outcome (bomb->outcome, still, &static_error, VT_DECODER_SHRINK_TO);
}

static void
test_bomb (gconstpointer data)
{
  const Bomb *bomb = data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      decode_bomb (bomb);
      return;
    }

  bytes = bomb->make ();
  path = bomb_path (bomb, getpid ());
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unlink (path);
  g_test_trap_assert_passed ();
}

/* The bombs are what they claim: each is read as an image of that size,
 * so that a refusal above is the gate at work, not a broken fixture. */
static void
test_fixtures (void)
{
  struct { GBytes *(*make) (void); int width; } cases[] = {
    { make_jpeg_header_bomb, 65000 },
    { make_png_header_bomb, 65000 },
    { make_png_zlib_bomb, 22000 },
    { make_gif_bomb, 16000 },
    { make_webp_bomb, 16383 },
    { make_tiff_bomb, 16000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = cases[i].make ();
      g_autoptr (VipsImage) image = vips_image_new_from_buffer (g_bytes_get_data (bytes, NULL),
                                                                g_bytes_get_size (bytes), "", NULL);

      g_assert_nonnull (image);
      g_assert_cmpint (vips_image_get_width (image), ==, cases[i].width);
      g_assert_cmpint (vips_image_get_height (image), ==, cases[i].width);
    }

  /* And their pixels decode: small ones of the same making. */
  {
    g_autoptr (GBytes) png = make_png (64, 48, TRUE);
    g_autoptr (GBytes) webp = make_webp (64);
    g_autoptr (GBytes) gif = make_gif (64);
    g_autoptr (GBytes) tiff = make_tiff (64);
    GBytes *all[] = { png, webp, gif, tiff };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (GdkTexture) texture = vt_decode_bytes (all[i], 0, 0, &error);

        g_assert_no_error (error);
        g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
      }
  }
}

/* libvips warns about damaged images; that is the point here. */
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
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  vt_decoder_get_default ();

  g_test_add_func ("/vitrine/decoder-bombs/fixtures", test_fixtures);
  for (guint i = 0; i < G_N_ELEMENTS (bombs); i++)
    {
      g_autofree char *path = g_strconcat ("/vitrine/decoder-bombs/", bombs[i].name, NULL);

      g_test_add_data_func (path, &bombs[i], test_bomb);
    }

  return g_test_run ();
}
