/* vt-local-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-local-source"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-canvas-error.h"
#include "vt-decoder-private.h"
#include "vt-local-source.h"

/* A curator's own TIFF or JPEG master, deep-zoomed offline. Each level is a
 * libvips pipeline over the file (a page of a pyramidal TIFF when there is
 * one, otherwise a resize of the full image); a tile is a crop of that
 * pipeline, computed in the decoder pool. Cropping one pipeline per level,
 * rather than resizing each tile's own region, means neighbouring tiles
 * are cut from the same resampled image: no seams from resampling. */

struct _VtLocalSource
{
  VtTileSource parent_instance;

  char *path;
  GPtrArray *level_images;  /* VipsImage, coarsest first */
};

G_DEFINE_FINAL_TYPE (VtLocalSource, vt_local_source, VT_TYPE_TILE_SOURCE)

typedef struct
{
  VipsImage *image;
  guint x, y, w, h;
} CropData;

static void
crop_data_free (gpointer data)
{
  CropData *d = data;

  g_object_unref (d->image);
  g_free (d);
}

static GdkTexture *
crop_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  CropData *d = data;
  g_autoptr (VipsImage) tile = NULL;

  if (vips_crop (d->image, &tile, d->x, d->y, d->w, d->h, NULL) != 0)
    {
      g_debug ("crop: %s", vips_error_buffer ());
      vips_error_clear ();
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                           _("The image file could not be read"));
      return NULL;
    }
  return vt_texture_new_from_vips (tile, error);
}

static void
vt_local_source_load_tile_async (VtTileSource        *source,
                                 guint                level,
                                 guint                x,
                                 guint                y,
                                 int                  priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (source);
  CropData *d;

  if (level >= self->level_images->len)
    {
      g_task_report_new_error (self, callback, user_data, vt_local_source_load_tile_async,
                               VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                               "No level %u", level);
      return;
    }

  d = g_new0 (CropData, 1);
  d->image = g_object_ref (g_ptr_array_index (self->level_images, level));
  vt_tile_source_get_tile_rect (source, level, x, y, &d->x, &d->y, &d->w, &d->h);
  vt_decoder_run_async (vt_decoder_get_default (), self, crop_func, d, crop_data_free,
                        priority, cancellable, callback, user_data);
}

static GdkTexture *
vt_local_source_load_tile_finish (VtTileSource  *source,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
vt_local_source_finalize (GObject *object)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->level_images, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_local_source_parent_class)->finalize (object);
}

static void
vt_local_source_class_init (VtLocalSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VtTileSourceClass *source_class = VT_TILE_SOURCE_CLASS (klass);

  object_class->finalize = vt_local_source_finalize;
  source_class->load_tile_async = vt_local_source_load_tile_async;
  source_class->load_tile_finish = vt_local_source_load_tile_finish;
}

static void
vt_local_source_init (VtLocalSource *self)
{
  self->level_images = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The pages of a pyramidal TIFF, when each halves the previous one. */
static gboolean
open_pyramid_pages (VtLocalSource *self,
                    VipsImage     *full)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  int n_pages = vips_image_get_n_pages (full);
  const char *loader = NULL;

  if (n_pages < 2 ||
      vips_image_get_typeof (full, VIPS_META_LOADER) == 0 ||
      vips_image_get_string (full, VIPS_META_LOADER, &loader) != 0 ||
      g_strcmp0 (loader, "tiffload") != 0)
    return FALSE;

  g_ptr_array_add (pages, g_object_ref (full));
  for (int p = 1; p < n_pages; p++)
    {
      VipsImage *prev = g_ptr_array_index (pages, pages->len - 1);
      VipsImage *page = vips_image_new_from_file (self->path, "page", p,
                                                  "access", VIPS_ACCESS_RANDOM, NULL);
      int pw, ph;

      if (page == NULL)
        {
          vips_error_clear ();
          break;
        }
      pw = vips_image_get_width (prev);
      ph = vips_image_get_height (prev);
      if (ABS (vips_image_get_width (page) - (pw + 1) / 2) > 1 ||
          ABS (vips_image_get_height (page) - (ph + 1) / 2) > 1 ||
          vips_image_get_bands (page) != vips_image_get_bands (full))
        {
          g_object_unref (page);
          break;
        }
      g_ptr_array_add (pages, page);
    }

  if (pages->len < 2)
    return FALSE;

  /* Coarsest first. */
  for (guint i = pages->len; i > 0; i--)
    g_ptr_array_add (self->level_images, g_object_ref (g_ptr_array_index (pages, i - 1)));
  return TRUE;
}

static gboolean
build_resized_levels (VtLocalSource  *self,
                      VipsImage      *full,
                      GError        **error)
{
  g_autoptr (GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);
  int w = vips_image_get_width (full);
  int h = vips_image_get_height (full);
  int shift = 0;

  g_ptr_array_add (levels, g_object_ref (full));
  while ((w >> shift) > VT_LOCAL_SOURCE_TILE_SIZE || (h >> shift) > VT_LOCAL_SOURCE_TILE_SIZE)
    {
      VipsImage *level = NULL;
      double lw, lh;

      shift++;
      lw = MAX (1, (w + (1 << shift) - 1) >> shift);
      lh = MAX (1, (h + (1 << shift) - 1) >> shift);
      if (vips_resize (full, &level, lw / w, "vscale", lh / h, NULL) != 0)
        {
          g_debug ("resize: %s", vips_error_buffer ());
          vips_error_clear ();
          g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                               _("The image file could not be read"));
          return FALSE;
        }
      g_ptr_array_add (levels, level);
    }

  for (guint i = levels->len; i > 0; i--)
    g_ptr_array_add (self->level_images, g_object_ref (g_ptr_array_index (levels, i - 1)));
  return TRUE;
}

/**
 * vt_local_source_new:
 * @path: a local image file libvips can read (TIFF, JPEG, PNG, …)
 *
 * Reads the file's header (not its pixels) and plans the pyramid.
 *
 * Returns: (transfer full): the source, or %NULL with @error set
 */
VtLocalSource *
vt_local_source_new (const char  *path,
                     GError     **error)
{
  g_autoptr (VtLocalSource) self = NULL;
  g_autoptr (VipsImage) full = NULL;
  g_autofree VtSourceLevel *levels = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  vt_decoder_get_default ();

  full = vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);
  if (full == NULL)
    {
      g_debug ("open %s: %s", path, vips_error_buffer ());
      vips_error_clear ();
      g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                   _("“%s” is not an image that can be opened"), path);
      return NULL;
    }

  self = g_object_new (VT_TYPE_LOCAL_SOURCE, NULL);
  self->path = g_strdup (path);

  if (!open_pyramid_pages (self, full) && !build_resized_levels (self, full, error))
    return NULL;

  levels = g_new0 (VtSourceLevel, self->level_images->len);
  for (guint i = 0; i < self->level_images->len; i++)
    {
      VipsImage *image = g_ptr_array_index (self->level_images, i);

      levels[i].width = vips_image_get_width (image);
      levels[i].height = vips_image_get_height (image);
      levels[i].tile_width = VT_LOCAL_SOURCE_TILE_SIZE;
      levels[i].tile_height = VT_LOCAL_SOURCE_TILE_SIZE;
    }
  vt_tile_source_set_geometry (VT_TILE_SOURCE (self),
                               vips_image_get_width (full), vips_image_get_height (full),
                               levels, self->level_images->len);
  return g_steal_pointer (&self);
}
