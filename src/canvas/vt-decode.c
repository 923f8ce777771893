/* vt-decode.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-decoder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <turbojpeg.h>

#include "vt-canvas-error.h"
#include "vt-decode-gate.h"
#include "vt-decoder-private.h"

/* The gate for untrusted image bytes: tiles, static images, thumbnails and
 * logos all come through here, and nowhere else in Vitrine decodes bytes
 * from the network. The rules, the same on every path:
 *
 * - only common raster formats, recognised by their magic bytes;
 * - the header is read before any pixel;
 * - an image whose size is far from the one asked for is refused;
 * - no image is decoded into more than VT_DECODER_MAX_PIXELS pixels at the
 *   scale it loads at. When nobody said what size to expect (a static
 *   image, a thumbnail, a logo), a JPEG is shrunk while loading (libjpeg
 *   scales in the DCT, by up to 8) so that it fits; any other format, or a
 *   JPEG that would not fit even at 1/8, is refused from its header. A
 *   205-byte PNG claiming 65000 × 65000 px, or a 500 KB PNG of zeros, then
 *   costs nothing instead of seconds of CPU and hundreds of MiB.
 *
 * All of it runs on the decoder's threads (see vt-decoder.c); each
 * function here is safe to call from any thread once libvips is started
 * (vt_decoder_get_default ()). */

/* Rows computed at once when rendering a libvips pipeline: a whole tile,
 * a bounded slice of anything larger. */
#define STRIP_HEIGHT 256

/**
 * vt_memory_texture_new:
 *
 * gdk_memory_texture_new(), remembering how many bytes the pixels take, so
 * that the tile cache counts what is stored (3 bytes a pixel for RGB):
 * GTK 4.8 has no getter for a texture's format.
 *
 * Returns: (transfer full): the texture
 */
GdkTexture *
vt_memory_texture_new (int              width,
                       int              height,
                       GdkMemoryFormat  format,
                       GBytes          *bytes,
                       gsize            stride)
{
  GdkTexture *texture = gdk_memory_texture_new (width, height, format, bytes, stride);

  g_object_set_qdata (G_OBJECT (texture), g_quark_from_static_string ("vt-stored-size"),
                      GSIZE_TO_POINTER (g_bytes_get_size (bytes)));
  return texture;
}

/**
 * vt_texture_get_stored_size:
 *
 * Returns: the bytes @texture's pixels take in memory: exact for a texture
 *   of vt_memory_texture_new(), 4 a pixel for any other
 */
guint64
vt_texture_get_stored_size (GdkTexture *texture)
{
  gpointer size;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), 0);

  size = g_object_get_qdata (G_OBJECT (texture), g_quark_try_string ("vt-stored-size"));
  if (size != NULL)
    return GPOINTER_TO_SIZE (size);
  return (guint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
}

/* One TurboJPEG decompressor per decoder thread. */
static GPrivate tj_handle = G_PRIVATE_INIT ((GDestroyNotify) tjDestroy);

typedef enum
{
  TJ_OK,
  TJ_FAILED,      /* a real error: @error is set */
  TJ_NOT_MINE,    /* not something TurboJPEG decodes whole (CMYK, too large): use libvips */
} TjResult;

/* JPEG tiles, by far the most common, are decoded with libjpeg-turbo's
 * TurboJPEG API directly: the same library libvips uses underneath, minus
 * the pipeline set-up and thread hand-offs that made libvips take several
 * times as long as the decode itself on a 256 px tile (see the benchmark
 * in tests/bench). The rules are the same: header first, refuse a wrong
 * size before any pixel, stop on a truncated or corrupt stream, and a cap
 * on progressive scans against scan bombs. */
static TjResult
decode_jpeg_turbo (const guchar  *data,
                   gsize          len,
                   guint          expected_width,
                   guint          expected_height,
                   GdkTexture   **texture,
                   GError       **error)
{
  tjhandle tj = g_private_get (&tj_handle);
  g_autoptr (GBytes) bytes = NULL;
  guchar *pixels;
  int width, height, subsamp, colorspace;

  if (tj == NULL)
    {
      tj = tjInitDecompress ();
      if (tj == NULL)
        return TJ_NOT_MINE;
      g_private_set (&tj_handle, tj);
    }

  if (len > G_MAXULONG ||
      tjDecompressHeader3 (tj, data, len, &width, &height, &subsamp, &colorspace) != 0)
    return TJ_NOT_MINE;
  if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
    return TJ_NOT_MINE;

  if (!vt_size_is_close (width, expected_width) || !vt_size_is_close (height, expected_height))
    {
      vt_gate_set_wrong_size (error, width, height, expected_width, expected_height);
      return TJ_FAILED;
    }
  if ((guint64) width * height > VT_DECODER_MAX_PIXELS)
    return TJ_NOT_MINE;  /* refused, or shrunk while loading, below */

  pixels = g_malloc ((gsize) width * height * 3);
  if (tjDecompress2 (tj, data, len, pixels, width, width * 3, height, TJPF_RGB,
                     TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0)
    {
      g_debug ("turbojpeg: %s", tjGetErrorStr2 (tj));
      g_free (pixels);
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return TJ_FAILED;
    }
  bytes = g_bytes_new_take (pixels, (gsize) width * height * 3);
  *texture = vt_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, (gsize) width * 3);
  return TJ_OK;
}

/**
 * vt_vips_to_display:
 *
 * The pipeline that turns @image into 8-bit sRGB (with alpha if it has
 * one): what a texture is made of, and what a cached pyramid stores.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
VipsImage *
vt_vips_to_display (VipsImage  *image,
                    GError    **error)
{
  g_autoptr (VipsImage) srgb = NULL;
  VipsInterpretation interp = vips_image_get_interpretation (image);
  int bands = vips_image_get_bands (image);

  if (bands >= 3 && bands <= 4 &&
      (interp == VIPS_INTERPRETATION_sRGB || interp == VIPS_INTERPRETATION_RGB) &&
      vips_image_get_format (image) == VIPS_FORMAT_UCHAR)
    return g_object_ref (image);

  if (vips_colourspace (image, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0)
    {
      vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
      return NULL;
    }
  if (vips_image_get_bands (srgb) > 4)
    {
      g_autoptr (VipsImage) four = NULL;

      if (vips_extract_band (srgb, &four, 0, "n", 4, NULL) != 0)
        {
          vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
          return NULL;
        }
      g_set_object (&srgb, four);
    }
  if (vips_image_get_format (srgb) != VIPS_FORMAT_UCHAR)
    {
      g_autoptr (VipsImage) u8 = NULL;

      if (vips_cast_uchar (srgb, &u8, NULL) != 0)
        {
          vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
          return NULL;
        }
      g_set_object (&srgb, u8);
    }
  return g_steal_pointer (&srgb);
}

/**
 * vt_texture_new_from_vips:
 *
 * Renders @image into memory as 8-bit sRGB (with alpha if it has one).
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_texture_new_from_vips (VipsImage  *image,
                          GError    **error)
{
  g_autoptr (VipsImage) rgb = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GdkMemoryFormat format;
  void *pixels;
  size_t size;
  int bands, width, height;

  rgb = vt_vips_to_display (image, error);
  if (rgb == NULL)
    return NULL;

  bands = vips_image_get_bands (rgb);
  width = vips_image_get_width (rgb);
  height = vips_image_get_height (rgb);
  format = bands == 4 ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8;

  /* Compute the pixels in this thread with one region, rather than with
   * vips_image_write_to_memory (), whose thread pool hand-offs cost more
   * than decoding a whole 256 px tile. A large image is computed in
   * strips: in one piece, every step of a shrinking pipeline would hold
   * its whole input at once (300 MiB for a JPEG shrunk to 4096 px). */
  {
    g_autoptr (VipsRegion) region = vips_region_new (rgb);
    gsize line = (gsize) width * bands;

    size = line * height;
    pixels = NULL;
    for (int top = 0; top < height; top += STRIP_HEIGHT)
      {
        VipsRect rect = { 0, top, width, MIN (STRIP_HEIGHT, height - top) };

        if (vips_region_prepare (region, &rect) != 0)
          {
            g_free (pixels);
            vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
            return NULL;
          }
        /* Only once the first rows decoded: a damaged image costs no
         * more than them. */
        if (pixels == NULL)
          pixels = g_malloc (size);
        for (int y = rect.top; y < rect.top + rect.height; y++)
          memcpy ((guchar *) pixels + y * line, VIPS_REGION_ADDR (region, 0, y), line);
      }
  }
  bytes = g_bytes_new_take (pixels, size);
  return vt_memory_texture_new (width, height, format, bytes, (gsize) width * bands);
}

/* Loads @data at the scale that brings its longest side down to about
 * @target (refusing it from the header when that is over the budget), and
 * resizes it to fit a @target × @target box, never enlarging. */
static GdkTexture *
decode_shrunk (VtGateFormat         format,
               const guchar  *data,
               gsize          len,
               guint          width,
               guint          height,
               guint          target,
               GError       **error)
{
  g_autoptr (VipsImage) image = NULL;
  g_autoptr (VipsImage) small = NULL;
  int shrink;

  if (!vt_gate_choose_load_shrink (format, len, width, height, target, &shrink, error))
    return NULL;
  image = vt_gate_open_image (format, data, len, shrink, VIPS_ACCESS_SEQUENTIAL, error);
  if (image == NULL)
    return NULL;
  /* Already small enough (a logo, often): turned upright, not resized,
   * which costs libvips milliseconds even for a few pixels. */
  if (shrink == 1 && MAX (width, height) <= target)
    {
      if (vips_autorot (image, &small, NULL) != 0)
        {
          vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
          return NULL;
        }
      return vt_texture_new_from_vips (small, error);
    }
  if (vips_thumbnail_image (image, &small, target,
                            "height", target,
                            "size", VIPS_SIZE_DOWN,
                            NULL) != 0)
    {
      vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return NULL;
    }
  return vt_texture_new_from_vips (small, error);
}

/**
 * vt_decode_bytes:
 * @expected_width: the width asked for, or 0 if unknown
 * @expected_height: the height asked for, or 0 if unknown
 *
 * Decodes an encoded image (JPEG, PNG, WebP, GIF, TIFF, JPEG 2000) into a
 * texture. With an expected size (a tile), an image far from it, or over
 * %VT_DECODER_MAX_PIXELS, is refused from its header. Without one (a
 * static image), an image over the budget is shrunk while loading to
 * %VT_DECODER_SHRINK_TO when it is a JPEG, refused otherwise. Safe to call
 * from any thread.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_decode_bytes (GBytes  *bytes,
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
  if (format == VT_GATE_FORMAT_JPEG)
    {
      GdkTexture *texture = NULL;

      switch (decode_jpeg_turbo (data, len, expected_width, expected_height, &texture, error))
        {
        case TJ_OK:
          return texture;
        case TJ_FAILED:
          return NULL;
        case TJ_NOT_MINE:
        default:
          break;
        }
    }
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
      if (expected_width != 0 || expected_height != 0)
        {
          vt_gate_set_too_large (error, width, height);
          return NULL;
        }
      return decode_shrunk (format, data, len, width, height, VT_DECODER_SHRINK_TO, error);
    }

  if (image == NULL &&
      (image = vt_gate_open_image (format, data, len, 1, VIPS_ACCESS_SEQUENTIAL, error)) == NULL)
    return NULL;
  return vt_texture_new_from_vips (image, error);
}

/**
 * vt_decode_thumbnail:
 * @bytes: an encoded image of any size
 * @max_size: the longest side wanted, in pixels
 *
 * Decodes @bytes into a texture whose longest side is at most @max_size,
 * never enlarging: for thumbnails and logos. A JPEG is shrunk while
 * loading; an image whose header promises more than
 * %VT_DECODER_MAX_PIXELS at the scale it loads at is refused before any
 * pixel. Safe to call from any thread.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_decode_thumbnail (GBytes  *bytes,
                     guint    max_size,
                     GError **error)
{
  g_autoptr (VipsImage) header = NULL;
  const guchar *data;
  VtGateFormat format;
  gsize len;
  guint width, height;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (max_size > 0, NULL);

  data = g_bytes_get_data (bytes, &len);
  format = vt_gate_sniff_format (data, len);
  if (format == VT_GATE_FORMAT_NONE)
    {
      vt_gate_set_not_an_image (error);
      return NULL;
    }
  if (!vt_gate_read_header (format, data, len, &header, &width, &height, error))
    return NULL;
  return decode_shrunk (format, data, len, width, height, max_size, error);
}

/**
 * vt_decode_tiles_thumbnail:
 * @tiles: (element-type GBytes): the encoded tiles of one level, row by row
 * @columns: how many tiles make a row
 * @tile_width: the width of a tile (edge tiles may be narrower)
 * @tile_height: the height of a tile
 * @width: the width of the level
 * @height: the height of the level
 * @max_size: the longest side wanted, in pixels
 *
 * Joins the tiles of a coarse level of a level 0 image service and shrinks
 * the result to fit @max_size: for thumbnails. A tile larger than promised,
 * or a level over %VT_DECODER_MAX_PIXELS, is refused before any pixel.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_decode_tiles_thumbnail (GPtrArray  *tiles,
                           guint       columns,
                           guint       tile_width,
                           guint       tile_height,
                           guint       width,
                           guint       height,
                           guint       max_size,
                           GError    **error)
{
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (VipsImage) joined = NULL;
  g_autoptr (VipsImage) cropped = NULL;
  g_autoptr (VipsImage) small = NULL;

  g_return_val_if_fail (tiles != NULL && tiles->len > 0, NULL);
  g_return_val_if_fail (columns > 0 && tile_width > 0 && tile_height > 0, NULL);
  g_return_val_if_fail (max_size > 0, NULL);

  if ((guint64) width * height > VT_DECODER_MAX_PIXELS ||
      (guint64) tile_width * tile_height > VT_DECODER_MAX_PIXELS)
    {
      vt_gate_set_too_large (error, width, height);
      return NULL;
    }

  images = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tiles->len; i++)
    {
      g_autoptr (VipsImage) header = NULL;
      const guchar *data;
      VtGateFormat format;
      gsize len;
      guint w, h;
      VipsImage *tile;

      data = g_bytes_get_data (g_ptr_array_index (tiles, i), &len);
      format = vt_gate_sniff_format (data, len);
      if (format == VT_GATE_FORMAT_NONE)
        {
          vt_gate_set_not_an_image (error);
          return NULL;
        }
      if (!vt_gate_read_header (format, data, len, &header, &w, &h, error))
        return NULL;
      /* Each tile must be the size the level promised (edge tiles less). */
      if (w > tile_width + 1 || h > tile_height + 1)
        {
          vt_gate_set_wrong_size (error, w, h, tile_width, tile_height);
          return NULL;
        }
      tile = vt_gate_open_image (format, data, len, 1, VIPS_ACCESS_RANDOM, error);
      if (tile == NULL)
        return NULL;
      g_ptr_array_add (images, tile);
    }

  if (vips_arrayjoin ((VipsImage **) images->pdata, &joined, images->len,
                      "across", columns,
                      "hspacing", tile_width,
                      "vspacing", tile_height,
                      NULL) != 0 ||
      vips_crop (joined, &cropped, 0, 0,
                 MIN (width, (guint) vips_image_get_width (joined)),
                 MIN (height, (guint) vips_image_get_height (joined)), NULL) != 0 ||
      vips_thumbnail_image (cropped, &small, max_size,
                            "height", max_size,
                            "size", VIPS_SIZE_DOWN,
                            NULL) != 0)
    {
      vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return NULL;
    }

  return vt_texture_new_from_vips (small, error);
}
