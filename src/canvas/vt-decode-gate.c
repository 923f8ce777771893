/* vt-decode-gate.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-decoder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vt-canvas-error.h"
#include "vt-decode-gate.h"

/* The part of the gate for untrusted image bytes (see vt-decode.c) that
 * needs no GTK: recognising the format, reading the header first, the
 * size and pixel-budget checks. The canvas' decoder builds textures on it;
 * the exporter (src/export), which must not link GTK, opens tiles with
 * vt_gate_open_checked(), so both go through the same checks. */


typedef int (*LoadFunc) (void *buf, size_t len, VipsImage **out, ...);

/* IIIF servers round level sizes either way, and some return a pixel more
 * or less than asked; anything beyond a quarter off is not the tile we
 * asked for (an error page rendered as an image, or a decompression bomb). */
gboolean
vt_size_is_close (guint got,
                  guint expected)
{
  if (expected == 0)
    return TRUE;
  return got + 2 >= expected * 3 / 4 && got <= expected * 5 / 4 + 2;
}

/* Only common raster formats: no SVG, PDF, ImageMagick or other loaders
 * libvips could reach by sniffing, and no cost of asking every loader in
 * turn (which is most of the time a 256 px tile takes). */
VtGateFormat
vt_gate_sniff_format (const guchar *d,
              gsize         len)
{
  if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
    return VT_GATE_FORMAT_JPEG;
  if (len >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return VT_GATE_FORMAT_PNG;
  if (len >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return VT_GATE_FORMAT_WEBP;
  if (len >= 4 && memcmp (d, "GIF8", 4) == 0)
    return VT_GATE_FORMAT_GIF;
  if (len >= 4 && (memcmp (d, "II*\0", 4) == 0 || memcmp (d, "MM\0*", 4) == 0))
    return VT_GATE_FORMAT_TIFF;
  if ((len >= 12 && memcmp (d, "\0\0\0\x0cjP  \r\n\x87\n", 12) == 0) ||
      (len >= 4 && d[0] == 0xff && d[1] == 0x4f && d[2] == 0xff && d[3] == 0x51))
    return VT_GATE_FORMAT_JP2K;
  return VT_GATE_FORMAT_NONE;
}

static LoadFunc
gate_loader_for (VtGateFormat format)
{
  switch (format)
    {
    case VT_GATE_FORMAT_JPEG:
      return (LoadFunc) vips_jpegload_buffer;
    case VT_GATE_FORMAT_PNG:
      return (LoadFunc) vips_pngload_buffer;
    case VT_GATE_FORMAT_WEBP:
      return (LoadFunc) vips_webpload_buffer;
    case VT_GATE_FORMAT_GIF:
      return (LoadFunc) vips_gifload_buffer;
    case VT_GATE_FORMAT_TIFF:
      return (LoadFunc) vips_tiffload_buffer;
    case VT_GATE_FORMAT_JP2K:
      return (LoadFunc) vips_jp2kload_buffer;
    case VT_GATE_FORMAT_NONE:
    default:
      return NULL;
    }
}

void
vt_gate_set_vips_error (GError     **error,
                int          code,
                const char  *message)
{
  g_debug ("libvips: %s", vips_error_buffer ());
  vips_error_clear ();
  g_set_error_literal (error, VT_CANVAS_ERROR, code, message);
}

void
vt_gate_set_not_an_image (GError **error)
{
  g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                       _("The server sent something that is not an image"));
}

void
vt_gate_set_wrong_size (GError **error,
                guint    width,
                guint    height,
                guint    expected_width,
                guint    expected_height)
{
  g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE,
               _("The server sent an image of %u × %u pixels where %u × %u were asked for"),
               width, height, expected_width, expected_height);
}

void
vt_gate_set_too_large (GError **error,
               guint    width,
               guint    height)
{
  g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE,
               _("The image is too large to show (%u × %u pixels)"), width, height);
}

/* Opens @data lazily: libvips reads the header here and the pixels only
 * when the image is rendered. @shrink is libjpeg's DCT scaling (1, 2, 4
 * or 8), for JPEG only. */
VipsImage *
vt_gate_open_image (VtGateFormat         format,
            const guchar  *data,
            gsize          len,
            int            shrink,
            VipsAccess     access,
            GError       **error)
{
  LoadFunc load = gate_loader_for (format);
  VipsImage *image = NULL;
  int status;

  if (load == NULL)
    {
      vt_gate_set_not_an_image (error);
      return NULL;
    }
  /* A JPEG stops at its first warning, as the TurboJPEG path does: a
   * header that claims more than its data holds (65000² px over 800 bytes)
   * otherwise decodes seconds of grey from a stream that ran out. */
  if (format == VT_GATE_FORMAT_JPEG)
    status = load ((void *) data, len, &image,
                   "access", access,
                   "fail_on", VIPS_FAIL_ON_WARNING,
                   "shrink", shrink,
                   NULL);
  else
    status = load ((void *) data, len, &image,
                   "access", access,
                   "fail_on", VIPS_FAIL_ON_TRUNCATED,
                   NULL);
  if (status != 0)
    {
      vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return NULL;
    }
  return image;
}

/* The canvas size of a WebP, from its first chunk. */
static gboolean
gate_webp_size (const guchar *d,
           gsize         len,
           guint        *width,
           guint        *height)
{
  if (len < 30)
    return FALSE;
  if (memcmp (d + 12, "VP8 ", 4) == 0 && d[23] == 0x9d && d[24] == 0x01 && d[25] == 0x2a)
    {
      *width = (d[26] | d[27] << 8) & 0x3fff;
      *height = (d[28] | d[29] << 8) & 0x3fff;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8L", 4) == 0 && d[20] == 0x2f)
    {
      guint32 bits = d[21] | d[22] << 8 | d[23] << 16 | (guint32) d[24] << 24;

      *width = (bits & 0x3fff) + 1;
      *height = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8X", 4) == 0)
    {
      *width = (d[24] | d[25] << 8 | d[26] << 16) + 1;
      *height = (d[27] | d[28] << 8 | d[29] << 16) + 1;
      return TRUE;
    }
  return FALSE;
}

/* Reads the size from the header, before any pixel. libvips' lazy loaders
 * do that, and the image they open (in @image) serves the decode; but its
 * WebP loader sets up the whole frame while reading the header (1 GiB for
 * the 16383² px a 30-byte WebP may claim), so a WebP's size is read here
 * and it is opened only once that size has passed the checks. */
gboolean
vt_gate_read_header (VtGateFormat         format,
             const guchar  *data,
             gsize          len,
             VipsImage    **image,
             guint         *width,
             guint         *height,
             GError       **error)
{
  *image = NULL;
  if (format == VT_GATE_FORMAT_WEBP)
    {
      if (!gate_webp_size (data, len, width, height))
        {
          g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
          return FALSE;
        }
      return TRUE;
    }

  *image = vt_gate_open_image (format, data, len, 1, VIPS_ACCESS_SEQUENTIAL, error);
  if (*image == NULL)
    return FALSE;
  *width = vips_image_get_width (*image);
  *height = vips_image_get_height (*image);
  return TRUE;
}

/* The scale an image of @width × @height loads at so that its longest side
 * comes down to about @target, and refuses it when even that scale is over
 * the pixel budget. Only JPEG shrinks while loading; a PNG, GIF, WebP or
 * TIFF is decoded whole (libvips' thumbnailer streams it, but still spends
 * the CPU of every pixel) and must fit the budget as it is. */
gboolean
vt_gate_choose_load_shrink (VtGateFormat    format,
                    gsize     len,
                    guint     width,
                    guint     height,
                    guint     target,
                    int      *shrink,
                    GError  **error)
{
  guint longest = MAX (width, height);
  int s = 1;

  if (format == VT_GATE_FORMAT_JPEG)
    while (s < 8 && target > 0 && longest / (guint) (s * 2) >= target)
      s *= 2;

  /* Entropy decoding visits every 8 × 8 block whatever the scale, and no
   * JPEG encoder spends less than a bit on eight of them: a header that
   * claims more blocks than its data could code (an 800-byte JPEG of
   * 65000² px) is a lie, refused before libjpeg spends a second on it. */
  if (format == VT_GATE_FORMAT_JPEG &&
      (guint64) len * 64 < (guint64) ((width + 7) / 8) * ((height + 7) / 8))
    {
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return FALSE;
    }

  if ((guint64) ((width + s - 1) / s) * ((height + s - 1) / s) > VT_DECODER_MAX_PIXELS)
    {
      vt_gate_set_too_large (error, width, height);
      return FALSE;
    }
  *shrink = s;
  return TRUE;
}

/**
 * vt_gate_open_checked:
 * @bytes: an encoded image from the network
 * @expected_width: the width asked for, or 0 if unknown
 * @expected_height: the height asked for, or 0 if unknown
 *
 * The gate's rules without a texture: the format from its magic bytes, the
 * header read before any pixel, an image far from the expected size or
 * over %VT_DECODER_MAX_PIXELS refused. The image is opened lazily; its
 * pixels are decoded when it is rendered, stopping at the first damage.
 * Keeps a reference to @bytes for as long as the image lives. Safe to
 * call from any thread once libvips is started.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
VipsImage *
vt_gate_open_checked (GBytes  *bytes,
                      guint    expected_width,
                      guint    expected_height,
                      GError **error)
{
  g_autoptr (VipsImage) image = NULL;
  const guchar *data;
  VtGateFormat format;
  gsize len;
  guint width, height;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  format = vt_gate_sniff_format (data, len);
  if (format == VT_GATE_FORMAT_NONE)
    {
      vt_gate_set_not_an_image (error);
      return NULL;
    }
  if (!vt_gate_read_header (format, data, len, &image, &width, &height, error))
    return NULL;
  if (!vt_size_is_close (width, expected_width) || !vt_size_is_close (height, expected_height))
    {
      vt_gate_set_wrong_size (error, width, height, expected_width, expected_height);
      return NULL;
    }
  if ((guint64) width * height > VT_DECODER_MAX_PIXELS)
    {
      vt_gate_set_too_large (error, width, height);
      return NULL;
    }
  if (image == NULL &&
      (image = vt_gate_open_image (format, data, len, 1, VIPS_ACCESS_SEQUENTIAL, error)) == NULL)
    return NULL;
  /* libvips reads from the buffer while rendering: it must outlive it. */
  g_signal_connect_data (image, "close", G_CALLBACK (g_bytes_unref),
                         g_bytes_ref (bytes), NULL, G_CONNECT_SWAPPED);
  return g_steal_pointer (&image);
}
