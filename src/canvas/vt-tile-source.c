/* vt-tile-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-source"

#include "config.h"

#include <math.h>

#include "vt-tile-source.h"

/* The grid geometry lives in the base class, so the canvas, the tests and
 * the benchmark reason about every source (IIIF service, static image,
 * local file) the same way; a subclass only says how to fetch one tile. */

typedef struct
{
  guint image_width;
  guint image_height;
  GArray *levels;
} VtTileSourcePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VtTileSource, vt_tile_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IMAGE_WIDTH,
  PROP_IMAGE_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_tile_source_finalize (GObject *object)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (VT_TILE_SOURCE (object));

  g_clear_pointer (&priv->levels, g_array_unref);

  G_OBJECT_CLASS (vt_tile_source_parent_class)->finalize (object);
}

static void
vt_tile_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtTileSource *self = VT_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_IMAGE_WIDTH:
      g_value_set_uint (value, vt_tile_source_get_image_width (self));
      break;
    case PROP_IMAGE_HEIGHT:
      g_value_set_uint (value, vt_tile_source_get_image_height (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_source_class_init (VtTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_tile_source_finalize;
  object_class->get_property = vt_tile_source_get_property;

  properties[PROP_IMAGE_WIDTH] =
    g_param_spec_uint ("image-width", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE_HEIGHT] =
    g_param_spec_uint ("image-height", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_tile_source_init (VtTileSource *self)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  priv->levels = g_array_new (FALSE, TRUE, sizeof (VtSourceLevel));
}

/**
 * vt_tile_source_set_geometry:
 * @levels: (array length=n_levels): coarsest first
 *
 * Sets the image size and the pyramid. Levels with a zero dimension are
 * dropped, so a bogus info.json cannot make the canvas divide by zero.
 */
void
vt_tile_source_set_geometry (VtTileSource      *self,
                             guint              image_width,
                             guint              image_height,
                             const VtSourceLevel *levels,
                             guint              n_levels)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  g_return_if_fail (VT_IS_TILE_SOURCE (self));

  priv->image_width = image_width;
  priv->image_height = image_height;
  g_array_set_size (priv->levels, 0);
  for (guint i = 0; i < n_levels; i++)
    {
      if (levels[i].width == 0 || levels[i].height == 0 ||
          levels[i].tile_width == 0 || levels[i].tile_height == 0)
        continue;
      g_array_append_val (priv->levels, levels[i]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_WIDTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_HEIGHT]);
}

guint
vt_tile_source_get_image_width (VtTileSource *self)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), 0);
  return priv->image_width;
}

guint
vt_tile_source_get_image_height (VtTileSource *self)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), 0);
  return priv->image_height;
}

guint
vt_tile_source_get_n_levels (VtTileSource *self)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), 0);
  return priv->levels->len;
}

const VtSourceLevel *
vt_tile_source_get_level (VtTileSource *self,
                          guint         level)
{
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), NULL);
  g_return_val_if_fail (level < priv->levels->len, NULL);
  return &g_array_index (priv->levels, VtSourceLevel, level);
}

/* Level pixels per image pixel. */
double
vt_tile_source_get_level_scale (VtTileSource *self,
                                guint         level)
{
  const VtSourceLevel *l = vt_tile_source_get_level (self, level);
  VtTileSourcePrivate *priv = vt_tile_source_get_instance_private (self);

  if (l == NULL || priv->image_width == 0)
    return 1.0;
  return (double) l->width / priv->image_width;
}

void
vt_tile_source_get_grid_size (VtTileSource *self,
                              guint         level,
                              guint        *columns,
                              guint        *rows)
{
  const VtSourceLevel *l = vt_tile_source_get_level (self, level);

  *columns = l ? (l->width + l->tile_width - 1) / l->tile_width : 0;
  *rows = l ? (l->height + l->tile_height - 1) / l->tile_height : 0;
}

/* The tile's rectangle in level pixels, clipped at the level's edge. */
void
vt_tile_source_get_tile_rect (VtTileSource *self,
                              guint         level,
                              guint         x,
                              guint         y,
                              guint        *rx,
                              guint        *ry,
                              guint        *rw,
                              guint        *rh)
{
  const VtSourceLevel *l = vt_tile_source_get_level (self, level);

  g_return_if_fail (l != NULL);

  *rx = MIN ((guint64) x * l->tile_width, l->width);
  *ry = MIN ((guint64) y * l->tile_height, l->height);
  *rw = MIN (l->tile_width, l->width - *rx);
  *rh = MIN (l->tile_height, l->height - *ry);
}

/**
 * vt_tile_source_choose_level:
 * @device_zoom: device pixels per image pixel (zoom × scale factor)
 *
 * Returns: the coarsest level that still gives at least one level pixel per
 *   device pixel ("sharp"), or the finest level when zoomed beyond it. A
 *   level within 2 % of that counts as sharp: IIIF rounds level sizes, and
 *   fetching four times the tiles for a 1 % gain is waste.
 */
guint
vt_tile_source_choose_level (VtTileSource *self,
                             double        device_zoom)
{
  guint n = vt_tile_source_get_n_levels (self);

  for (guint i = 0; i < n; i++)
    if (vt_tile_source_get_level_scale (self, i) >= device_zoom * 0.98)
      return i;
  return n > 0 ? n - 1 : 0;
}

void
vt_tile_source_load_tile_async (VtTileSource        *self,
                                guint                level,
                                guint                x,
                                guint                y,
                                int                  priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (VT_IS_TILE_SOURCE (self));

  VT_TILE_SOURCE_GET_CLASS (self)->load_tile_async (self, level, x, y, priority,
                                                    cancellable, callback, user_data);
}

/**
 * vt_tile_source_load_tile_finish:
 *
 * Returns: (transfer full): the decoded tile, or %NULL with a
 *   #VT_CANVAS_ERROR (or %G_IO_ERROR_CANCELLED) set
 */
GdkTexture *
vt_tile_source_load_tile_finish (VtTileSource  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), NULL);

  return VT_TILE_SOURCE_GET_CLASS (self)->load_tile_finish (self, result, error);
}

gboolean
vt_tile_source_reprioritize (VtTileSource *self,
                             GCancellable *cancellable,
                             int           priority)
{
  g_return_val_if_fail (VT_IS_TILE_SOURCE (self), FALSE);

  if (VT_TILE_SOURCE_GET_CLASS (self)->reprioritize)
    return VT_TILE_SOURCE_GET_CLASS (self)->reprioritize (self, cancellable, priority);
  return FALSE;
}
