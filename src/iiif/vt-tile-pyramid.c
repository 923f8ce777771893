/* vt-tile-pyramid.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-pyramid"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

#define DEFAULT_TILE_SIZE 512

typedef struct
{
  VtTileLevel  public;
  guint        scale_factor;  /* integer scale of a tiled level, else 0 */
  VtImageSize  size;          /* requested size of a single-image level */
  gboolean     full_max;      /* single image requested as full/max */
} Level;

struct _VtTilePyramid
{
  VtImageService *service;    /* NULL for a static image */
  char           *static_url;
  gint64          width;
  gint64          height;
  GArray         *levels;     /* Level, finest first */
};

static void
vt_tile_pyramid_clear (VtTilePyramid *self)
{
  g_clear_pointer (&self->service, vt_image_service_unref);
  g_clear_pointer (&self->static_url, g_free);
  g_clear_pointer (&self->levels, g_array_unref);
}

VT_DEFINE_RC (VtTilePyramid, vt_tile_pyramid, vt_tile_pyramid_clear)
G_DEFINE_BOXED_TYPE (VtTilePyramid, vt_tile_pyramid, vt_tile_pyramid_ref, vt_tile_pyramid_unref)

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return (a + b - 1) / b;
}

static gint
compare_levels (gconstpointer a,
                gconstpointer b)
{
  const Level *x = a;
  const Level *y = b;

  return x->public.scale < y->public.scale ? -1 : x->public.scale > y->public.scale;
}

static gboolean
has_scale (GArray *levels,
           double  scale)
{
  for (guint i = 0; i < levels->len; i++)
    if (fabs (g_array_index (levels, Level, i).public.scale - scale) < 1e-9)
      return TRUE;
  return FALSE;
}

static gboolean
size_allowed (const VtImageService *service,
              gint64                w,
              gint64                h)
{
  if (service->max_width > 0 && w > service->max_width)
    return FALSE;
  if (service->max_height > 0 && h > service->max_height)
    return FALSE;
  if (service->max_area > 0 && w * h > service->max_area)
    return FALSE;
  return TRUE;
}

static void
add_tiled_level (VtTilePyramid *self,
                 guint          tw,
                 guint          th,
                 guint          s)
{
  Level level = { { 0 }, 0 };
  gint64 span_w = (gint64) tw * s;
  gint64 span_h = (gint64) th * s;
  gint64 cols = ceil_div (self->width, span_w);
  gint64 rows = ceil_div (self->height, span_h);

  if (has_scale (self->levels, s))
    return;
  /* A level whose tiles the server would refuse (maxWidth & co.) is no use. */
  if (self->service != NULL && !size_allowed (self->service, MIN (tw, ceil_div (self->width, s)),
                                              MIN (th, ceil_div (self->height, s))))
    return;
  if (cols > G_MAXUINT || rows > G_MAXUINT)
    return;

  level.scale_factor = s;
  level.public.scale = s;
  level.public.width = ceil_div (self->width, s);
  level.public.height = ceil_div (self->height, s);
  level.public.tile_width = tw;
  level.public.tile_height = th;
  level.public.columns = (guint) cols;
  level.public.rows = (guint) rows;
  level.public.single_image = FALSE;
  g_array_append_val (self->levels, level);
}

static void
add_single_level (VtTilePyramid *self,
                  gint64         w,
                  gint64         h,
                  gboolean       full_max)
{
  Level level = { { 0 }, 0 };
  double scale;

  if (w <= 0 || h <= 0 || w > VT_IIIF_MAX_DIMENSION || h > VT_IIIF_MAX_DIMENSION)
    return;
  scale = (double) self->width / (double) w;
  if (scale < 1.0)
    scale = 1.0;
  if (has_scale (self->levels, scale))
    return;

  level.public.scale = scale;
  level.public.width = w;
  level.public.height = h;
  level.public.tile_width = (guint) MIN (w, (gint64) G_MAXUINT);
  level.public.tile_height = (guint) MIN (h, (gint64) G_MAXUINT);
  level.public.columns = 1;
  level.public.rows = 1;
  level.public.single_image = TRUE;
  level.size.width = w;
  level.size.height = h;
  level.full_max = full_max;
  g_array_append_val (self->levels, level);
}

static void
build_levels (VtTilePyramid *self)
{
  VtImageService *service = self->service;

  /* 1. The tiles the service lists: only those scale factors, only that
   *    tile size (all a level-0 server has). */
  for (guint i = 0; i < service->tiles->len; i++)
    {
      VtImageTiles *tiles = g_ptr_array_index (service->tiles, i);

      for (guint j = 0; j < tiles->scale_factors->len; j++)
        add_tiled_level (self, tiles->width, tiles->height,
                         g_array_index (tiles->scale_factors, guint, j));
    }

  /* 2. No tiles but a server that cuts any region: our own tiles, scale
   *    factors 2^k until one tile holds the whole image. */
  if (self->levels->len == 0 && service->level >= 1)
    {
      gint64 t = DEFAULT_TILE_SIZE;

      if (service->max_width > 0)
        t = MIN (t, service->max_width);
      if (service->max_height > 0)
        t = MIN (t, service->max_height);
      if (service->max_area > 0)
        t = MIN (t, (gint64) floor (sqrt ((double) service->max_area)));
      t = MAX (t, 1);

      for (guint s = 1; s <= VT_IIIF_MAX_SCALE_FACTOR; s *= 2)
        {
          add_tiled_level (self, (guint) t, (guint) t, s);
          if (ceil_div (self->width, s) <= t && ceil_div (self->height, s) <= t)
            break;
        }
    }

  /* 3. Level 0 without tiles: exactly the listed sizes, plus the full image
   *    at its maximum size. */
  if (self->levels->len == 0)
    {
      gint64 mw, mh;

      for (guint i = 0; i < service->sizes->len; i++)
        {
          VtImageSize *size = &g_array_index (service->sizes, VtImageSize, i);

          if (size->width <= self->width && size->height <= self->height &&
              size_allowed (service, size->width, size->height))
            add_single_level (self, size->width, size->height, FALSE);
        }

      vt_image_service_get_max_size (service, &mw, &mh);
      add_single_level (self, mw, mh, TRUE);
    }

  g_array_sort (self->levels, compare_levels);
}

/**
 * vt_tile_pyramid_new:
 * @service: an image service (from info.json or a manifest reference)
 *
 * Returns: (transfer full): the pyramid of @service
 */
VtTilePyramid *
vt_tile_pyramid_new (VtImageService *service)
{
  VtTilePyramid *self;

  g_return_val_if_fail (service != NULL, NULL);

  self = g_atomic_rc_box_new0 (VtTilePyramid);
  self->service = vt_image_service_ref (service);
  self->width = service->width;
  self->height = service->height;
  self->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  build_levels (self);
  return self;
}

/**
 * vt_tile_pyramid_new_static:
 * @image_url: URL of the whole image
 * @width: its width
 * @height: its height
 *
 * A one-level pyramid for an image without an image service.
 *
 * Returns: (nullable) (transfer full): the pyramid, or %NULL for an invalid
 *   size
 */
VtTilePyramid *
vt_tile_pyramid_new_static (const char *image_url,
                            gint64      width,
                            gint64      height)
{
  VtTilePyramid *self;

  g_return_val_if_fail (image_url != NULL, NULL);

  if (!vt_dimension_valid (width) || !vt_dimension_valid (height))
    return NULL;

  self = g_atomic_rc_box_new0 (VtTilePyramid);
  self->static_url = g_strdup (image_url);
  self->width = width;
  self->height = height;
  self->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  add_single_level (self, width, height, TRUE);
  return self;
}

/**
 * vt_tile_pyramid_get_service:
 *
 * Returns: (nullable) (transfer none): the service, %NULL for a static image
 */
VtImageService *
vt_tile_pyramid_get_service (const VtTilePyramid *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->service;
}

gint64
vt_tile_pyramid_get_width (const VtTilePyramid *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

gint64
vt_tile_pyramid_get_height (const VtTilePyramid *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

guint
vt_tile_pyramid_get_n_levels (const VtTilePyramid *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->levels->len;
}

/**
 * vt_tile_pyramid_get_level:
 *
 * Returns: (nullable) (transfer none): the level, or %NULL if out of range
 */
const VtTileLevel *
vt_tile_pyramid_get_level (const VtTilePyramid *self,
                           guint                level)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (level >= self->levels->len)
    return NULL;
  return &g_array_index (self->levels, Level, level).public;
}

/**
 * vt_tile_pyramid_get_tile:
 * @out_tile: (out): the region of the full image the tile covers and its
 *   size in pixels
 *
 * Returns: %FALSE when (@level, @x, @y) is outside the pyramid
 */
gboolean
vt_tile_pyramid_get_tile (const VtTilePyramid *self,
                          guint                level,
                          guint                x,
                          guint                y,
                          VtTile              *out_tile)
{
  const Level *l;
  gint64 s, span_w, span_h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_tile != NULL, FALSE);

  if (level >= self->levels->len)
    return FALSE;
  l = &g_array_index (self->levels, Level, level);
  if (x >= l->public.columns || y >= l->public.rows)
    return FALSE;

  if (l->public.single_image)
    {
      out_tile->region.x = 0;
      out_tile->region.y = 0;
      out_tile->region.width = self->width;
      out_tile->region.height = self->height;
      out_tile->width = l->size.width;
      out_tile->height = l->size.height;
      return TRUE;
    }

  /* Image API 3.0 implementation notes §3, in 64-bit integers. */
  s = l->scale_factor;
  span_w = (gint64) l->public.tile_width * s;
  span_h = (gint64) l->public.tile_height * s;
  out_tile->region.x = (gint64) x * span_w;
  out_tile->region.y = (gint64) y * span_h;
  if (out_tile->region.x >= self->width || out_tile->region.y >= self->height)
    return FALSE;
  out_tile->region.width = MIN (span_w, self->width - out_tile->region.x);
  out_tile->region.height = MIN (span_h, self->height - out_tile->region.y);
  out_tile->width = ceil_div (out_tile->region.width, s);
  out_tile->height = ceil_div (out_tile->region.height, s);
  return TRUE;
}

/* The canonical URL of a region at a size, in the service's version: one
 * spelling with the core's other Image API addresses. */
static char *
format_url (const VtTilePyramid *self,
            const char          *region,
            gint64               width,
            gint64               height,
            gboolean             full_size)
{
  VtImageApiVersion version = self->service->version;
  g_autofree char *size = vt_image_api_dup_size (version, width, height, full_size);

  return vt_image_api_dup_url (version, self->service->id, region, size);
}

/**
 * vt_tile_pyramid_dup_tile_url:
 *
 * The exact URL to request for a tile, in the canonical form of the
 * service's version (static level-0 servers only have that spelling):
 * 1.x `…/x,y,w,h/w,/0/native.jpg`, 2.x `…/x,y,w,h/w,/0/default.jpg`, 3.0
 * `…/x,y,w,h/w,h/0/default.jpg`; `full` for a region covering the whole
 * image, and `full` (2.x, 1.x) or `max` (3.0) for the full size (the
 * spelling of vt_image_service_dup_size_url()).
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL when the tile does
 *   not exist or the service has no usable id (see
 *   vt_image_service_info_url())
 */
char *
vt_tile_pyramid_dup_tile_url (const VtTilePyramid *self,
                              guint                level,
                              guint                x,
                              guint                y)
{
  const Level *l;
  VtTile tile;
  g_autofree char *region = NULL;
  gboolean whole;

  g_return_val_if_fail (self != NULL, NULL);

  if (!vt_tile_pyramid_get_tile (self, level, x, y, &tile))
    return NULL;

  if (self->static_url != NULL)
    return g_strdup (self->static_url);

  l = &g_array_index (self->levels, Level, level);
  whole = tile.region.x == 0 && tile.region.y == 0 &&
          tile.region.width == self->width && tile.region.height == self->height;

  if (whole)
    region = g_strdup ("full");
  else
    region = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              tile.region.x, tile.region.y, tile.region.width, tile.region.height);

  return format_url (self, region, tile.width, tile.height,
                     whole && (l->full_max || (tile.width == self->width && tile.height == self->height)));
}

/**
 * vt_tile_pyramid_choose_level:
 * @zoom: logical (widget) pixels per full-image pixel
 * @device_scale: device pixels per logical pixel (1, 2…)
 *
 * The level to draw: the coarsest one that still gives at least one image
 * pixel per device pixel, or the finest level when none does.
 *
 * Returns: a level index
 */
guint
vt_tile_pyramid_choose_level (const VtTilePyramid *self,
                              double               zoom,
                              double               device_scale)
{
  double max_scale;
  guint best = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->levels->len == 0)
    return 0;
  if (!(zoom > 0) || !(device_scale > 0) || !isfinite (zoom) || !isfinite (device_scale))
    return self->levels->len - 1;

  /* A level of scale s has 1/s level pixels per image pixel; we need
   * 1/s >= zoom * device_scale. */
  max_scale = 1.0 / (zoom * device_scale);
  for (guint i = 0; i < self->levels->len; i++)
    if (g_array_index (self->levels, Level, i).public.scale <= max_scale + 1e-9)
      best = i;

  return best;
}

/**
 * vt_tile_pyramid_dup_overview_url:
 * @max_side: the longest side the overview may have
 * @width: (out): the overview's width
 * @height: (out): its height
 *
 * One request for the whole image at most @max_side pixels on a side, for
 * a viewer that needs a small placeholder where even the coarsest level
 * has many tiles (a service that lists only fine scale factors, or none
 * small enough). The largest fitting entry of `sizes` is preferred (any
 * compliance level serves those); a level 1 or 2 service that lists none
 * large enough is asked for `full/w,/` (`full/w,h/` in 3.0), sized to fit
 * and within maxWidth, maxHeight and maxArea.
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL when the service
 *   offers nothing that small (a level 0 service without such `sizes`), or
 *   for a static image
 */
char *
vt_tile_pyramid_dup_overview_url (const VtTilePyramid *self,
                                  gint64               max_side,
                                  gint64              *width,
                                  gint64              *height)
{
  const VtImageService *service;
  gint64 best_w = 0, best_h = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width != NULL && height != NULL, NULL);

  service = self->service;
  if (service == NULL || service->id == NULL || max_side <= 0)
    return NULL;

  for (guint i = 0; i < service->sizes->len; i++)
    {
      VtImageSize *size = &g_array_index (service->sizes, VtImageSize, i);

      if (size->width <= max_side && size->height <= max_side &&
          size->width <= self->width && size->height <= self->height &&
          size_allowed (service, size->width, size->height) && size->width > best_w)
        {
          best_w = size->width;
          best_h = size->height;
        }
    }

  /* Any size at all: fit @max_side, then the server's limits. A listed
   * size less than half as large is not worth keeping instead. */
  if (service->level >= 1 && MAX (best_w, best_h) * 2 < MIN (max_side, MAX (self->width, self->height)))
    {
      double scale = MIN (1.0, (double) max_side / (double) MAX (self->width, self->height));
      gint64 w, h;

      if (service->max_width > 0)
        scale = MIN (scale, (double) service->max_width / (double) self->width);
      if (service->max_height > 0)
        scale = MIN (scale, (double) service->max_height / (double) self->height);
      if (service->max_area > 0)
        scale = MIN (scale, sqrt ((double) service->max_area / ((double) self->width * (double) self->height)));
      w = MAX (1, (gint64) floor ((double) self->width * scale));
      h = MAX (1, (gint64) floor ((double) self->height * scale));
      if (size_allowed (service, w, h))
        {
          best_w = w;
          best_h = h;
        }
    }

  if (best_w <= 0 || best_h <= 0)
    return NULL;

  *width = best_w;
  *height = best_h;
  return format_url (self, "full", best_w, best_h, best_w == self->width && best_h == self->height);
}
