/* fuzz-decoder.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "canvas/vt-canvas-error.h"
#include "canvas/vt-decoder.h"

/* libFuzzer target: the canvas decoder, the one gate for untrusted image
 * bytes. The first five bytes choose the path, the rest is the image:
 *
 *   byte 0      0: a static image (no expected size), vt_decode_bytes ()
 *               1: a tile of the size in bytes 1–4 (two big-endian 16-bit
 *                  numbers), vt_decode_bytes ()
 *               2: a thumbnail of at most byte 1 + 1 px, vt_decode_thumbnail ()
 *               3: two copies as the tiles of one level, vt_decode_tiles_thumbnail ()
 *
 * Whatever the bytes, the result is a texture within the pixel budget (and
 * the size asked for) or a canvas error. */

#define PREFIX 5

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Starts libvips, as the app does once. */
  vt_decoder_get_default ();
  return 0;
}

static void
check (GdkTexture *texture,
       GError     *error,
       guint       max_width,
       guint       max_height)
{
  if (texture == NULL)
    {
      g_assert (error != NULL && error->domain == VT_CANVAS_ERROR);
      return;
    }
  g_assert (error == NULL);
  g_assert ((guint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) <=
            VT_DECODER_MAX_PIXELS);
  g_assert (max_width == 0 || (guint) gdk_texture_get_width (texture) <= max_width);
  g_assert (max_height == 0 || (guint) gdk_texture_get_height (texture) <= max_height);
  g_assert (vt_texture_get_stored_size (texture) >=
            (guint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 3);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guint width, height, max_size;

  if (size < PREFIX)
    return 0;
  bytes = g_bytes_new_static (data + PREFIX, size - PREFIX);
  width = data[1] << 8 | data[2];
  height = data[3] << 8 | data[4];
  max_size = data[1] + 1u;

  switch (data[0] & 3)
    {
    case 0:
      texture = vt_decode_bytes (bytes, 0, 0, &error);
      check (texture, error, 0, 0);
      break;
    case 1:
      texture = vt_decode_bytes (bytes, width, height, &error);
      /* A tile may be a little off the size asked for, never far. */
      check (texture, error, width == 0 ? 0 : width * 5 / 4 + 2, height == 0 ? 0 : height * 5 / 4 + 2);
      break;
    case 2:
      texture = vt_decode_thumbnail (bytes, max_size, &error);
      check (texture, error, max_size, max_size);
      break;
    case 3:
    default:
      {
        g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

        g_ptr_array_add (tiles, g_bytes_ref (bytes));
        g_ptr_array_add (tiles, g_bytes_ref (bytes));
        texture = vt_decode_tiles_thumbnail (tiles, 2, MAX (width, 1), MAX (height, 1),
                                             MAX (width, 1) * 2, MAX (height, 1), max_size, &error);
        check (texture, error, max_size, max_size);
      }
      break;
    }
  return 0;
}
