/* vt-tile-painter.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-painter"

#include "config.h"

#include "vt-tile-grid.h"
#include "vt-tile-painter.h"

/* Draws what a VtTileLayer has of its source for a viewport, and asks
 * for nothing: the cached tiles of the level in view, failed ones as a
 * quiet mark, and, while that level loads, a faint backdrop over the
 * image's area with cached tiles of coarser levels (underneath) and of
 * up to two finer levels (downscaled) filling the holes, so that the view
 * is never blank. At high zoom the magnifier's nearest-neighbour pixels
 * stand in for the tiles. */

struct _VtTilePainter
{
  GObject parent_instance;

  VtTileCache *cache;
  VtTileLoader *loader;         /* what failed */
  VtTileMagnifier *magnifier;

  /* For the frame being drawn. */
  VtTileSource *source;
  VtViewport *viewport;
  int scale_factor;
  guint draw_factor;            /* the magnifier's */
};

G_DEFINE_FINAL_TYPE (VtTilePainter, vt_tile_painter, G_TYPE_OBJECT)

static void
draw_tile (VtTilePainter *self,
           GtkSnapshot   *snapshot,
           guint64        key,
           GdkTexture    *texture)
{
  guint rotation = vt_viewport_get_rotation (self->viewport);
  graphene_rect_t rect;
  float w, h;

  if (!vt_tile_grid_get_tile_bounds (self->source, self->viewport, self->scale_factor, key, &rect))
    return;

  if (texture == NULL)
    {
      GdkRGBA quiet = { 0.5, 0.5, 0.5, 0.12 };

      gtk_snapshot_append_color (snapshot, &quiet, &rect);
      return;
    }

  if (rotation == 0)
    {
      vt_tile_magnifier_append_tile (self->magnifier, snapshot, self->source, key, texture,
                                     &rect, self->draw_factor, self->scale_factor);
      return;
    }

  w = rect.size.width;
  h = rect.size.height;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + w / 2, rect.origin.y + h / 2));
  gtk_snapshot_rotate (snapshot, rotation);
  if (rotation == 180)
    graphene_rect_init (&rect, -w / 2, -h / 2, w, h);
  else
    graphene_rect_init (&rect, -h / 2, -w / 2, h, w);
  vt_tile_magnifier_append_tile (self->magnifier, snapshot, self->source, key, texture,
                                 &rect, self->draw_factor, 0);
  gtk_snapshot_restore (snapshot);
}

/* Draws the cached tiles of @r, or of @level in view if @r is NULL (not
 * when that is more tiles than any view shows: nothing of it is cached). */
static void
draw_level (VtTilePainter     *self,
            GtkSnapshot       *snapshot,
            guint              level,
            const VtTileRange *r,
            gboolean           mark_failed)
{
  VtTileRange visible;

  if (r == NULL)
    {
      if (!vt_tile_grid_get_range (self->source, self->viewport, level, 0, &visible) ||
          vt_tile_range_count (&visible) > VT_TILE_GRID_MAX_TILES)
        return;
      r = &visible;
    }

  for (guint y = r->y0; y < r->y1; y++)
    for (guint x = r->x0; x < r->x1; x++)
      {
        guint64 key = VT_TILE_KEY (r->level, x, y);
        GdkTexture *texture = vt_tile_cache_peek (self->cache, key);

        if (texture != NULL)
          draw_tile (self, snapshot, key, texture);
        else if (mark_failed && vt_tile_loader_has_failed (self->loader, key))
          draw_tile (self, snapshot, key, NULL);
      }
}

static void
draw (VtTilePainter *self,
      GtkSnapshot   *snapshot)
{
  VtTilePlan plan;
  guint n_levels, level, cached = 0;

  if (self->source == NULL || (n_levels = vt_tile_source_get_n_levels (self->source)) == 0)
    return;

  /* Planned afresh: the frame may come before the next update. */
  vt_tile_grid_plan (self->source, self->viewport, self->scale_factor, 0, &plan);
  level = plan.has_detail ? plan.detail.level : 0;
  self->draw_factor = vt_tile_magnifier_get_factor (self->magnifier, self->source,
                                                    self->viewport, self->scale_factor);

  if (plan.has_detail)
    vt_tile_range_count_cached (&plan.detail, self->cache, NULL, &cached, NULL);
  if (!plan.has_detail || cached < vt_tile_range_count (&plan.detail))
    {
      GdkRGBA backdrop = { 0.5, 0.5, 0.5, 0.12 };
      graphene_rect_t area;

      /* The image's area, so that even the first frame is not blank. */
      vt_tile_grid_get_image_bounds (self->source, self->viewport, self->scale_factor, &area);
      gtk_snapshot_append_color (snapshot, &backdrop, &area);
      /* Coarse underneath, then finer ones downscaled, the right level on top. */
      for (guint l = 0; l < level; l++)
        draw_level (self, snapshot, l, NULL, FALSE);
      for (guint l = MIN (n_levels - 1, level + 2); l > level; l--)
        draw_level (self, snapshot, l, NULL, FALSE);
      if (!plan.has_detail && plan.has_placeholder)
        draw_level (self, snapshot, 0, &plan.placeholder, FALSE);
    }
  if (plan.has_detail)
    draw_level (self, snapshot, level, &plan.detail, TRUE);
}

static void
vt_tile_painter_finalize (GObject *object)
{
  VtTilePainter *self = VT_TILE_PAINTER (object);

  g_clear_object (&self->cache);
  g_clear_object (&self->loader);
  g_clear_object (&self->magnifier);

  G_OBJECT_CLASS (vt_tile_painter_parent_class)->finalize (object);
}

static void
vt_tile_painter_class_init (VtTilePainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_tile_painter_finalize;
}

static void
vt_tile_painter_init (VtTilePainter *self)
{
}

/**
 * vt_tile_painter_new:
 * @cache: the tiles to draw
 * @loader: what failed (drawn as a quiet mark)
 * @magnifier: draws the tiles at high zoom
 *
 * Returns: (transfer full): a painter
 */
VtTilePainter *
vt_tile_painter_new (VtTileCache     *cache,
                     VtTileLoader    *loader,
                     VtTileMagnifier *magnifier)
{
  VtTilePainter *self;

  g_return_val_if_fail (VT_IS_TILE_CACHE (cache), NULL);
  g_return_val_if_fail (VT_IS_TILE_LOADER (loader), NULL);
  g_return_val_if_fail (VT_IS_TILE_MAGNIFIER (magnifier), NULL);

  self = g_object_new (VT_TYPE_TILE_PAINTER, NULL);
  self->cache = g_object_ref (cache);
  self->loader = g_object_ref (loader);
  self->magnifier = g_object_ref (magnifier);
  return self;
}

/**
 * vt_tile_painter_snapshot:
 * @source: (nullable): the source whose tiles are cached
 * @viewport: the view to draw, in its widget's coordinates
 *
 * Draws the cached tiles of @source that @viewport shows.
 */
void
vt_tile_painter_snapshot (VtTilePainter *self,
                          GtkSnapshot   *snapshot,
                          VtTileSource  *source,
                          VtViewport    *viewport,
                          int            scale_factor)
{
  g_return_if_fail (VT_IS_TILE_PAINTER (self));
  g_return_if_fail (VT_IS_VIEWPORT (viewport));

  self->source = source;
  self->viewport = viewport;
  self->scale_factor = scale_factor;
  draw (self, snapshot);
  self->source = NULL;
  self->viewport = NULL;
}
