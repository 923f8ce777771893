/* vt-tile-grid.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-grid"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vt-tile-cache.h"
#include "vt-tile-grid.h"

/* The tile layer's arithmetic: which tiles of a source a viewport shows,
 * which level to load and which is the placeholder. No state, no
 * allocation beyond the keys asked for, so VtTileLayer can ask as often
 * as it likes and the tests can check it without a display.
 *
 * Level choice: the coarsest level with at least one level pixel per device
 * pixel (the HiDPI scale counts), so the drawn texture is minified by at
 * most 2×. OpenSeadragon by default fetches one level finer still
 * (minPixelRatio 0.5), which costs four times the tiles for no visible gain
 * on a 1:1 display; libshumate takes the floor, which is up to 2× blurry.
 *
 * Scaling filter: GTK 4.8 has no public way to choose a GskScalingFilter
 * (gtk_snapshot_append_scaled_texture and GskTextureScaleNode are 4.10); a
 * texture node is sampled linearly by the GL renderer and with Cairo's
 * GOOD filter by the Cairo one. Because of the level choice above, the
 * minification is always within (0.5, 1], where linear sampling of the
 * right mipmap level is what trilinear filtering would do anyway, so
 * nothing is lost below 100 %. Above native resolution (only up to the
 * 400 % maximum) tiles are magnified linearly; Loupe's nearest filter
 * there needs GTK 4.10.
 *
 * No seams: every tile's rectangle is computed from the shared pyramid
 * edges and rounded to device pixels, so neighbours share an edge exactly. */

guint64
vt_tile_range_count (const VtTileRange *range)
{
  return (guint64) (range->x1 - range->x0) * (range->y1 - range->y0);
}

gboolean
vt_tile_range_contains (const VtTileRange *range,
                        guint64            key)
{
  guint x = VT_TILE_KEY_X (key), y = VT_TILE_KEY_Y (key);

  return VT_TILE_KEY_LEVEL (key) == range->level &&
         x >= range->x0 && x < range->x1 && y >= range->y0 && y < range->y1;
}

void
vt_tile_range_append_keys (const VtTileRange *range,
                           GArray            *keys)
{
  for (guint y = range->y0; y < range->y1; y++)
    for (guint x = range->x0; x < range->x1; x++)
      {
        guint64 key = VT_TILE_KEY (range->level, x, y);
        g_array_append_val (keys, key);
      }
}

/**
 * vt_tile_range_count_cached:
 * @failed: (nullable): a set of failed tile keys
 * @n_cached: (out): how many tiles of @range @cache holds
 * @n_failed: (out) (optional): how many others @failed lists
 *
 * Returns: the number of tiles in @range
 */
guint
vt_tile_range_count_cached (const VtTileRange *range,
                            VtTileCache       *cache,
                            GHashTable        *failed,
                            guint             *n_cached,
                            guint             *n_failed)
{
  guint cached = 0, lost = 0;

  for (guint y = range->y0; y < range->y1; y++)
    for (guint x = range->x0; x < range->x1; x++)
      {
        guint64 key = VT_TILE_KEY (range->level, x, y);

        if (vt_tile_cache_peek (cache, key))
          cached++;
        else if (failed != NULL && g_hash_table_contains (failed, &key))
          lost++;
      }
  *n_cached = cached;
  if (n_failed)
    *n_failed = lost;
  return (guint) vt_tile_range_count (range);
}

/**
 * vt_tile_grid_get_range:
 * @margin: tiles to add on every side
 * @range: (out): the tiles of @level that @viewport shows
 *
 * Returns: %FALSE when nothing of the image is in view
 */
gboolean
vt_tile_grid_get_range (VtTileSource *source,
                        VtViewport   *viewport,
                        guint         level,
                        guint         margin,
                        VtTileRange  *range)
{
  const VtSourceLevel *l;
  double W = vt_tile_source_get_image_width (source);
  double H = vt_tile_source_get_image_height (source);
  double x, y, w, h, sx, sy, lx0, ly0, lx1, ly1;
  guint cols, rows;

  if (level >= vt_tile_source_get_n_levels (source) ||
      W <= 0 || H <= 0 || vt_viewport_get_width (viewport) <= 0)
    return FALSE;
  l = vt_tile_source_get_level (source, level);

  vt_viewport_get_visible_rect (viewport, &x, &y, &w, &h);
  x = MAX (x, 0);
  y = MAX (y, 0);
  w = MIN (x + w, W) - x;
  h = MIN (y + h, H) - y;
  if (w <= 0 || h <= 0)
    return FALSE;

  sx = l->width / W;
  sy = l->height / H;
  /* The epsilon keeps a view edge that falls exactly on a tile edge from
   * pulling in a whole row of tiles of which nothing shows. */
  lx0 = floor (x * sx + 1e-6);
  ly0 = floor (y * sy + 1e-6);
  lx1 = ceil ((x + w) * sx - 1e-6);
  ly1 = ceil ((y + h) * sy - 1e-6);

  vt_tile_source_get_grid_size (source, level, &cols, &rows);
  range->level = level;
  range->x0 = (guint) MAX (0, lx0 / l->tile_width);
  range->y0 = (guint) MAX (0, ly0 / l->tile_height);
  range->x1 = MIN (cols, (guint) ceil (lx1 / l->tile_width));
  range->y1 = MIN (rows, (guint) ceil (ly1 / l->tile_height));
  range->x0 = range->x0 > margin ? range->x0 - margin : 0;
  range->y0 = range->y0 > margin ? range->y0 - margin : 0;
  range->x1 = MIN (cols, range->x1 + margin);
  range->y1 = MIN (rows, range->y1 + margin);
  return range->x1 > range->x0 && range->y1 > range->y0;
}

/**
 * vt_tile_grid_choose_level:
 * @scale_factor: device pixels per widget pixel
 *
 * Returns: the level a sharp view of @viewport draws
 */
guint
vt_tile_grid_choose_level (VtTileSource *source,
                           VtViewport   *viewport,
                           int           scale_factor)
{
  return vt_tile_source_choose_level (source, vt_viewport_get_zoom (viewport) * scale_factor);
}

/**
 * vt_tile_grid_get_budget:
 *
 * The most tiles of @level that a view of @viewport's size can need: as
 * many as cover it at 2× minification (the most the level choice allows)
 * plus a partial tile on every side, and never more than
 * %VT_TILE_GRID_MAX_TILES. A level that would need more is not loaded.
 */
guint64
vt_tile_grid_get_budget (VtTileSource *source,
                         VtViewport   *viewport,
                         int           scale_factor,
                         guint         level)
{
  const VtSourceLevel *l = vt_tile_source_get_level (source, level);
  double w = vt_viewport_get_width (viewport) * MAX (scale_factor, 1);
  double h = vt_viewport_get_height (viewport) * MAX (scale_factor, 1);
  double cols, rows;

  if (vt_viewport_get_rotation (viewport) % 180 != 0)
    {
      double t = w;

      w = h;
      h = t;
    }
  cols = ceil (2.1 * w / l->tile_width) + 2;
  rows = ceil (2.1 * h / l->tile_height) + 2;
  return (guint64) MIN (cols * rows, (double) VT_TILE_GRID_MAX_TILES);
}

/* The visible tiles of @level, if there are not too many to load. */
static gboolean
get_loadable_range (VtTileSource *source,
                    VtViewport   *viewport,
                    int           scale_factor,
                    guint         level,
                    VtTileRange  *range,
                    gboolean     *too_many)
{
  *too_many = FALSE;
  if (!vt_tile_grid_get_range (source, viewport, level, 0, range))
    return FALSE;
  *too_many = vt_tile_range_count (range) > vt_tile_grid_get_budget (source, viewport, scale_factor, level);
  return !*too_many;
}

/**
 * vt_tile_grid_plan:
 * @scale_factor: device pixels per widget pixel
 * @margin: tiles to add around the visible ones (not to a whole level)
 * @plan: (out): the tiles @viewport needs
 *
 * The placeholder is the coarsest level: all of it when it has a handful
 * of tiles (the usual single tile, or a source's overview), else what is
 * in view, unless that is more than the view could show
 * (@placeholder_too_large: nothing small exists; the caller says so). The
 * detail is what is in view of the level chosen for a sharp view, or of
 * the finest coarser level when that would be too many tiles (a source
 * whose levels are far apart). Nothing listed is ever more than
 * vt_tile_grid_get_budget() tiles of a level, whatever the image's size.
 */
void
vt_tile_grid_plan (VtTileSource *source,
                   VtViewport   *viewport,
                   int           scale_factor,
                   guint         margin,
                   VtTilePlan   *plan)
{
  VtTileRange r;
  gboolean too_many;
  guint cols, rows, level;

  memset (plan, 0, sizeof *plan);
  if (vt_tile_source_get_n_levels (source) == 0 || vt_viewport_get_width (viewport) <= 0)
    return;

  vt_tile_source_get_grid_size (source, 0, &cols, &rows);
  if ((guint64) cols * rows <= VT_TILE_GRID_MAX_PLACEHOLDER_TILES)
    {
      plan->placeholder = (VtTileRange) { 0, 0, 0, cols, rows };
      plan->placeholder_whole = plan->has_placeholder = TRUE;
    }
  else if (get_loadable_range (source, viewport, scale_factor, 0, &r, &too_many))
    plan->has_placeholder = vt_tile_grid_get_range (source, viewport, 0, margin, &plan->placeholder);
  else
    plan->placeholder_too_large = too_many;

  level = vt_tile_grid_choose_level (source, viewport, scale_factor);
  while (!get_loadable_range (source, viewport, scale_factor, level, &r, &too_many) && too_many && level > 0)
    level--;
  if (!too_many)
    plan->has_detail = vt_tile_grid_get_range (source, viewport, level, margin, &plan->detail);
}

gboolean
vt_tile_plan_contains (const VtTilePlan *plan,
                       guint64           key)
{
  return (plan->has_placeholder && vt_tile_range_contains (&plan->placeholder, key)) ||
         (plan->has_detail && vt_tile_range_contains (&plan->detail, key));
}

/**
 * vt_tile_grid_get_priority:
 *
 * Returns: the placeholder first, then by squared distance from the
 *   centre of @viewport, in tiles
 */
int
vt_tile_grid_get_priority (VtTileSource *source,
                           VtViewport   *viewport,
                           guint64       key)
{
  guint level = VT_TILE_KEY_LEVEL (key);
  const VtSourceLevel *l;
  double cx, cy, dx, dy;

  if (level == 0)
    return VT_TILE_PRIORITY_PLACEHOLDER;

  l = vt_tile_source_get_level (source, level);
  cx = vt_viewport_get_center_x (viewport) * l->width / vt_tile_source_get_image_width (source);
  cy = vt_viewport_get_center_y (viewport) * l->height / vt_tile_source_get_image_height (source);
  dx = ((VT_TILE_KEY_X (key) + 0.5) * l->tile_width - cx) / l->tile_width;
  dy = ((VT_TILE_KEY_Y (key) + 0.5) * l->tile_height - cy) / l->tile_height;
  return VT_TILE_PRIORITY_VISIBLE + (int) MIN (dx * dx + dy * dy, 10000);
}

typedef struct
{
  guint64 key;
  int priority;
} Candidate;

static int
candidate_compare (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority < cb->priority ? -1 : 1;
  return (ca->key > cb->key) - (ca->key < cb->key);
}

/**
 * vt_tile_plan_append_keys:
 * @viewport: the view whose centre comes first
 *
 * Appends the tiles of @plan to @keys in the order to ask for them: the
 * placeholder, then the detail nearest the centre first.
 */
void
vt_tile_plan_append_keys (const VtTilePlan *plan,
                          VtTileSource     *source,
                          VtViewport       *viewport,
                          GArray           *keys)
{
  g_autoptr (GArray) candidates = NULL;
  const VtTileRange *r = &plan->detail;

  if (plan->has_placeholder)
    vt_tile_range_append_keys (&plan->placeholder, keys);
  if (!plan->has_detail)
    return;

  candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), (guint) vt_tile_range_count (r));
  for (guint y = r->y0; y < r->y1; y++)
    for (guint x = r->x0; x < r->x1; x++)
      {
        Candidate c = { VT_TILE_KEY (r->level, x, y), 0 };

        if (plan->has_placeholder && vt_tile_range_contains (&plan->placeholder, c.key))
          continue;
        c.priority = vt_tile_grid_get_priority (source, viewport, c.key);
        g_array_append_val (candidates, c);
      }
  g_array_sort (candidates, candidate_compare);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (keys, g_array_index (candidates, Candidate, i).key);
}

/**
 * vt_tile_grid_get_minimal_set:
 *
 * Appends to @keys the tiles a sharp view of @viewport needs, in the
 * order to ask for them.
 */
void
vt_tile_grid_get_minimal_set (VtTileSource *source,
                              VtViewport   *viewport,
                              int           scale_factor,
                              GArray       *keys)
{
  VtTilePlan plan;

  vt_tile_grid_plan (source, viewport, scale_factor, 0, &plan);
  vt_tile_plan_append_keys (&plan, source, viewport, keys);
}

/**
 * vt_tile_grid_get_tile_bounds:
 * @bounds: (out): where the tile is drawn, in widget pixels
 *
 * Returns: %FALSE when the tile covers no device pixel
 */
gboolean
vt_tile_grid_get_tile_bounds (VtTileSource    *source,
                              VtViewport      *viewport,
                              int              scale_factor,
                              guint64          key,
                              graphene_rect_t *bounds)
{
  guint level = VT_TILE_KEY_LEVEL (key);
  const VtSourceLevel *l = vt_tile_source_get_level (source, level);
  double W = vt_tile_source_get_image_width (source);
  double H = vt_tile_source_get_image_height (source);
  int scale = MAX (scale_factor, 1);
  guint rx, ry, rw, rh;
  double ax, ay, bx, by, x0, y0, x1, y1;

  vt_tile_source_get_tile_rect (source, level, VT_TILE_KEY_X (key), VT_TILE_KEY_Y (key),
                                &rx, &ry, &rw, &rh);
  vt_viewport_image_to_widget (viewport, rx * W / l->width, ry * H / l->height, &ax, &ay);
  vt_viewport_image_to_widget (viewport, (rx + rw) * W / l->width, (ry + rh) * H / l->height, &bx, &by);

  /* Snap to device pixels: neighbours compute the same shared edge. */
  x0 = round (MIN (ax, bx) * scale) / scale;
  y0 = round (MIN (ay, by) * scale) / scale;
  x1 = round (MAX (ax, bx) * scale) / scale;
  y1 = round (MAX (ay, by) * scale) / scale;
  graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
  return x1 > x0 && y1 > y0;
}

/**
 * vt_tile_grid_get_image_bounds:
 * @bounds: (out): the whole image's area, in widget pixels
 */
void
vt_tile_grid_get_image_bounds (VtTileSource    *source,
                               VtViewport      *viewport,
                               int              scale_factor,
                               graphene_rect_t *bounds)
{
  int scale = MAX (scale_factor, 1);
  double ax, ay, bx, by;

  vt_viewport_image_to_widget (viewport, 0, 0, &ax, &ay);
  vt_viewport_image_to_widget (viewport, vt_tile_source_get_image_width (source),
                               vt_tile_source_get_image_height (source), &bx, &by);
  graphene_rect_init (bounds, round (MIN (ax, bx) * scale) / scale, round (MIN (ay, by) * scale) / scale,
                      round (fabs (bx - ax) * scale) / scale, round (fabs (by - ay) * scale) / scale);
}
