/* vt-image-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-image-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "net/vt-net-error.h"
#include "vt-canvas-error.h"
#include "vt-iiif-source.h"
#include "vt-image-view-private.h"
#include "vt-local-source.h"
#include "vt-tile-cache.h"

/* The deep-zoom widget. It follows libshumate's split: the VtViewport model
 * says where the image is, the VtTileSource says what tiles exist and loads
 * them, this widget decides which tiles to ask for, keeps them in a
 * VtTileCache and draws them. Tiles are not widgets.
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
 * edges and rounded to device pixels, so neighbours share an edge exactly.
 *
 * Never blank: the coarsest level is loaded first and pinned in the cache;
 * while a level loads, cached tiles of coarser levels (underneath) and of
 * up to two finer levels (downscaled) fill the holes, and a faint backdrop
 * marks the image's area before even the placeholder has arrived. */

#define MAX_PLACEHOLDER_TILES 16

typedef struct
{
  VtImageView *self;
  guint64 key;
  GCancellable *cancellable;
} Load;

G_DEFINE_ENUM_TYPE (VtImageViewState, vt_image_view_state,
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_NOT_PUBLIC, "not-public"))

G_DEFINE_FINAL_TYPE (VtImageView, vt_image_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEWPORT,
  PROP_SOURCE,
  PROP_STATE,
  PROP_ERROR,
  PROP_VISIBLE_TILES,
  PROP_LOADED_TILES,
  PROP_SHARP,
  PROP_CACHE_SIZE,
  N_PROPS
};

enum {
  LOAD_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Tile geometry */

typedef struct
{
  guint x0, y0, x1, y1;  /* x1, y1 exclusive */
} TileRange;

static gboolean
get_tile_range (VtImageView *self,
                VtViewport  *vp,
                guint        level,
                guint        margin,
                TileRange   *range)
{
  const VtSourceLevel *l = vt_tile_source_get_level (self->source, level);
  double W = vt_tile_source_get_image_width (self->source);
  double H = vt_tile_source_get_image_height (self->source);
  double x, y, w, h, sx, sy, lx0, ly0, lx1, ly1;
  guint cols, rows;

  if (l == NULL || W <= 0 || H <= 0 || vt_viewport_get_width (vp) <= 0)
    return FALSE;

  vt_viewport_get_visible_rect (vp, &x, &y, &w, &h);
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

  vt_tile_source_get_grid_size (self->source, level, &cols, &rows);
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

static guint
level_for_viewport (VtImageView *self,
                    VtViewport  *vp)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  return vt_tile_source_choose_level (self->source, vt_viewport_get_zoom (vp) * scale);
}

/* The coarsest level is the placeholder; all of it when it is small (the
 * usual one-tile case), else only what is in view. */
static gboolean
placeholder_is_whole (VtImageView *self)
{
  guint cols, rows;

  vt_tile_source_get_grid_size (self->source, 0, &cols, &rows);
  return (guint64) cols * rows <= MAX_PLACEHOLDER_TILES;
}

static void
add_range_keys (guint      level,
                TileRange *r,
                GArray    *keys)
{
  for (guint y = r->y0; y < r->y1; y++)
    for (guint x = r->x0; x < r->x1; x++)
      {
        guint64 key = VT_TILE_KEY (level, x, y);
        g_array_append_val (keys, key);
      }
}

/**
 * vt_image_view_get_minimal_set:
 *
 * Appends to @keys the tiles a sharp view of @viewport needs: the
 * placeholder level plus the visible tiles of the chosen level.
 */
void
vt_image_view_get_minimal_set (VtImageView *self,
                               VtViewport  *viewport,
                               GArray      *keys)
{
  TileRange r;
  guint level;

  if (self->source == NULL || vt_tile_source_get_n_levels (self->source) == 0)
    return;

  if (placeholder_is_whole (self))
    {
      vt_tile_source_get_grid_size (self->source, 0, &r.x1, &r.y1);
      r.x0 = r.y0 = 0;
      add_range_keys (0, &r, keys);
    }
  else if (get_tile_range (self, viewport, 0, 0, &r))
    add_range_keys (0, &r, keys);

  level = level_for_viewport (self, viewport);
  if (level != 0 && get_tile_range (self, viewport, level, 0, &r))
    add_range_keys (level, &r, keys);
}

/* ------------------------------------------------------------------ */
/* Loading */

static void
load_free (Load *load)
{
  g_clear_object (&load->cancellable);
  g_clear_object (&load->self);
  g_free (load);
}

static void
report_error (VtImageView  *self,
              const GError *error)
{
  /* Once per image, not per tile: the window shows one message. */
  if (self->error != NULL)
    return;
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_signal_emit (self, signals[LOAD_ERROR], 0, self->error);
}

static void
tile_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Load *load = user_data;
  VtImageView *self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  VtTileSource *source = VT_TILE_SOURCE (object);

  texture = vt_tile_source_load_tile_finish (source, result, &error);

  /* Cancelled earlier: the view already forgot this load (and may be gone). */
  if (self == NULL)
    {
      g_free (load);
      return;
    }

  g_hash_table_steal (self->loading, &load->key);

  if (source != self->source)
    ;
  else if (texture != NULL)
    {
      vt_tile_cache_store (self->cache, load->key, texture);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      vt_image_view_queue_update (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("tile %u/%u/%u failed: %s", VT_TILE_KEY_LEVEL (load->key),
               VT_TILE_KEY_X (load->key), VT_TILE_KEY_Y (load->key), error->message);
      g_hash_table_add (self->failed, g_memdup2 (&load->key, sizeof load->key));
      report_error (self, error);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      vt_image_view_queue_update (self);
    }

  load_free (load);
}

static void
cancel_load (VtImageView *self,
             Load        *load)
{
  g_array_append_val (self->cancel_log, load->key);
  g_cancellable_cancel (load->cancellable);
  g_hash_table_steal (self->loading, &load->key);
  /* The callback still runs; it frees the shell. */
  g_clear_object (&load->cancellable);
  g_clear_object (&load->self);
  load->self = NULL;
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

  return (ca->priority > cb->priority) - (ca->priority < cb->priority);
}

static void
start_load (VtImageView *self,
            guint64      key,
            int          priority)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->key = key;
  load->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->loading, &load->key, load);
  g_array_append_val (self->request_log, key);
  vt_tile_source_load_tile_async (self->source, VT_TILE_KEY_LEVEL (key),
                                  VT_TILE_KEY_X (key), VT_TILE_KEY_Y (key),
                                  priority, load->cancellable, tile_loaded_cb, load);
}

static gboolean
in_range (guint64          key,
          guint            level,
          const TileRange *r)
{
  guint x = VT_TILE_KEY_X (key), y = VT_TILE_KEY_Y (key);

  return VT_TILE_KEY_LEVEL (key) == level &&
         x >= r->x0 && x < r->x1 && y >= r->y0 && y < r->y1;
}

static void
set_progress (VtImageView *self,
              guint        visible,
              guint        loaded,
              gboolean     sharp)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->visible_tiles != visible)
    {
      self->visible_tiles = visible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_TILES]);
    }
  if (self->loaded_tiles != loaded)
    {
      self->loaded_tiles = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED_TILES]);
    }
  if (self->sharp != sharp)
    {
      self->sharp = sharp;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARP]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Decides what to load, what to cancel and what to pin; updates progress.
 * Runs from an idle so that many viewport notifications make one pass. */
static void
update_tiles (VtImageView *self)
{
  VtViewport *plan;
  g_autoptr (GArray) wanted = NULL;
  g_autoptr (GArray) candidates = NULL;
  GHashTableIter iter;
  gpointer value;
  TileRange keep_range, cur_range;
  gboolean have_keep, have_cur;
  guint plan_level, cur_level, visible = 0, loaded = 0, done = 0;
  double cx, cy;
  const VtSourceLevel *pl;
  g_autoptr (GPtrArray) to_cancel = g_ptr_array_new ();

  if (self->source == NULL || vt_tile_source_get_n_levels (self->source) == 0 ||
      vt_viewport_get_width (self->viewport) <= 0)
    {
      set_progress (self, 0, 0, FALSE);
      return;
    }

  /* During an animation, load for its destination, not the frames between. */
  plan = self->anim_target ? self->anim_target : self->viewport;
  plan_level = level_for_viewport (self, plan);
  cur_level = level_for_viewport (self, self->viewport);
  if (cur_level != self->current_level)
    {
      self->current_level = cur_level;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  /* Pins: the placeholder level and what is visible now. */
  g_hash_table_remove_all (self->pinned);
  wanted = g_array_new (FALSE, FALSE, sizeof (guint64));
  vt_image_view_get_minimal_set (self, self->viewport, wanted);
  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (self->pinned, g_memdup2 (&g_array_index (wanted, guint64, i), sizeof (guint64)));

  /* Progress counts the visible tiles of the level drawn now. */
  have_cur = get_tile_range (self, self->viewport, cur_level, 0, &cur_range);
  if (have_cur)
    for (guint y = cur_range.y0; y < cur_range.y1; y++)
      for (guint x = cur_range.x0; x < cur_range.x1; x++)
        {
          guint64 key = VT_TILE_KEY (cur_level, x, y);

          visible++;
          if (vt_tile_cache_peek (self->cache, key))
            loaded++, done++;
          else if (g_hash_table_contains (self->failed, &key))
            done++;
        }
  set_progress (self, visible, done,
                visible > 0 && loaded == visible && self->anim_target == NULL);

  /* Cancel loads that left the view plus a one-tile margin, or whose
   * level is no longer wanted. */
  have_keep = get_tile_range (self, plan, plan_level, 1, &keep_range);
  g_hash_table_iter_init (&iter, self->loading);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Load *load = value;
      guint level = VT_TILE_KEY_LEVEL (load->key);

      if (level == 0 && placeholder_is_whole (self))
        continue;
      if (have_keep && in_range (load->key, plan_level, &keep_range))
        continue;
      if (level == 0)
        {
          TileRange r0;

          if (get_tile_range (self, plan, 0, 1, &r0) && in_range (load->key, 0, &r0))
            continue;
        }
      g_ptr_array_add (to_cancel, load);
    }
  for (guint i = 0; i < to_cancel->len; i++)
    cancel_load (self, g_ptr_array_index (to_cancel, i));

  if (self->deferring)
    return;

  /* Start what the plan needs, placeholder first, then nearest the centre. */
  g_array_set_size (wanted, 0);
  vt_image_view_get_minimal_set (self, plan, wanted);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  pl = vt_tile_source_get_level (self->source, plan_level);
  cx = vt_viewport_get_center_x (plan) * pl->width / vt_tile_source_get_image_width (self->source);
  cy = vt_viewport_get_center_y (plan) * pl->height / vt_tile_source_get_image_height (self->source);
  for (guint i = 0; i < wanted->len; i++)
    {
      guint64 key = g_array_index (wanted, guint64, i);
      Candidate c = { key, VT_TILE_PRIORITY_PLACEHOLDER };

      if (vt_tile_cache_lookup (self->cache, key) ||
          g_hash_table_contains (self->loading, &key) ||
          g_hash_table_contains (self->failed, &key))
        continue;
      if (VT_TILE_KEY_LEVEL (key) != 0)
        {
          double dx = ((VT_TILE_KEY_X (key) + 0.5) * pl->tile_width - cx) / pl->tile_width;
          double dy = ((VT_TILE_KEY_Y (key) + 0.5) * pl->tile_height - cy) / pl->tile_height;

          c.priority = VT_TILE_PRIORITY_VISIBLE + (int) MIN (dx * dx + dy * dy, 10000);
        }
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, candidate_compare);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      start_load (self, c->key, c->priority);
    }
}

static gboolean
update_idle_cb (gpointer user_data)
{
  VtImageView *self = user_data;

  self->update_idle_id = 0;
  update_tiles (self);
  return G_SOURCE_REMOVE;
}

void
vt_image_view_queue_update (VtImageView *self)
{
  if (self->update_idle_id != 0)
    return;
  /* Above redraw priority so the loads start before the frame is drawn. */
  self->update_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_idle_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->update_idle_id),
                            "[vitrine] update tiles");
}

static gboolean
pin_func (guint64  key,
          gpointer user_data)
{
  VtImageView *self = user_data;

  return VT_TILE_KEY_LEVEL (key) == 0 || g_hash_table_contains (self->pinned, &key);
}

static void
cancel_all (VtImageView *self)
{
  g_autoptr (GPtrArray) loads = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->loading);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (loads, value);
  for (guint i = 0; i < loads->len; i++)
    cancel_load (self, g_ptr_array_index (loads, i));
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
draw_tile (VtImageView *self,
           GtkSnapshot *snapshot,
           guint        level,
           guint        x,
           guint        y,
           GdkTexture  *texture,
           int          scale)
{
  const VtSourceLevel *l = vt_tile_source_get_level (self->source, level);
  double W = vt_tile_source_get_image_width (self->source);
  double H = vt_tile_source_get_image_height (self->source);
  guint rx, ry, rw, rh;
  double ax, ay, bx, by, x0, y0, x1, y1;
  guint rotation = vt_viewport_get_rotation (self->viewport);
  graphene_rect_t rect;

  vt_tile_source_get_tile_rect (self->source, level, x, y, &rx, &ry, &rw, &rh);
  vt_viewport_image_to_widget (self->viewport, rx * W / l->width, ry * H / l->height, &ax, &ay);
  vt_viewport_image_to_widget (self->viewport, (rx + rw) * W / l->width, (ry + rh) * H / l->height, &bx, &by);

  /* Snap to device pixels: neighbours compute the same shared edge. */
  x0 = round (MIN (ax, bx) * scale) / scale;
  y0 = round (MIN (ay, by) * scale) / scale;
  x1 = round (MAX (ax, bx) * scale) / scale;
  y1 = round (MAX (ay, by) * scale) / scale;
  if (x1 <= x0 || y1 <= y0)
    return;

  if (texture == NULL)
    {
      GdkRGBA quiet = { 0.5, 0.5, 0.5, 0.12 };

      graphene_rect_init (&rect, x0, y0, x1 - x0, y1 - y0);
      gtk_snapshot_append_color (snapshot, &quiet, &rect);
      return;
    }

  if (rotation == 0)
    {
      graphene_rect_init (&rect, x0, y0, x1 - x0, y1 - y0);
      gtk_snapshot_append_texture (snapshot, texture, &rect);
      return;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((x0 + x1) / 2, (y0 + y1) / 2));
  gtk_snapshot_rotate (snapshot, rotation);
  if (rotation == 180)
    graphene_rect_init (&rect, -(x1 - x0) / 2, -(y1 - y0) / 2, x1 - x0, y1 - y0);
  else
    graphene_rect_init (&rect, -(y1 - y0) / 2, -(x1 - x0) / 2, y1 - y0, x1 - x0);
  gtk_snapshot_append_texture (snapshot, texture, &rect);
  gtk_snapshot_restore (snapshot);
}

/* Draws the cached tiles of @level in view; returns whether all were. */
static gboolean
draw_level (VtImageView *self,
            GtkSnapshot *snapshot,
            guint        level,
            int          scale,
            gboolean     mark_failed)
{
  TileRange r;
  gboolean complete = TRUE;

  if (!get_tile_range (self, self->viewport, level, 0, &r))
    return TRUE;

  for (guint y = r.y0; y < r.y1; y++)
    for (guint x = r.x0; x < r.x1; x++)
      {
        guint64 key = VT_TILE_KEY (level, x, y);
        GdkTexture *texture = vt_tile_cache_peek (self->cache, key);

        if (texture != NULL)
          draw_tile (self, snapshot, level, x, y, texture, scale);
        else
          {
            complete = FALSE;
            if (mark_failed && g_hash_table_contains (self->failed, &key))
              draw_tile (self, snapshot, level, x, y, NULL, scale);
          }
      }
  return complete;
}

static gboolean
level_complete (VtImageView *self,
                guint        level)
{
  TileRange r;

  if (!get_tile_range (self, self->viewport, level, 0, &r))
    return TRUE;
  for (guint y = r.y0; y < r.y1; y++)
    for (guint x = r.x0; x < r.x1; x++)
      if (vt_tile_cache_peek (self->cache, VT_TILE_KEY (level, x, y)) == NULL)
        return FALSE;
  return TRUE;
}

static void
vt_image_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  guint n_levels, level;

  if (self->source == NULL || (n_levels = vt_tile_source_get_n_levels (self->source)) == 0)
    return;

  level = MIN (level_for_viewport (self, self->viewport), n_levels - 1);

  if (!level_complete (self, level))
    {
      double ax, ay, bx, by;
      GdkRGBA backdrop = { 0.5, 0.5, 0.5, 0.12 };

      /* The image's area, so that even the first frame is not blank. */
      vt_viewport_image_to_widget (self->viewport, 0, 0, &ax, &ay);
      vt_viewport_image_to_widget (self->viewport,
                                   vt_tile_source_get_image_width (self->source),
                                   vt_tile_source_get_image_height (self->source), &bx, &by);
      gtk_snapshot_append_color (snapshot, &backdrop,
                                 &GRAPHENE_RECT_INIT (round (MIN (ax, bx) * scale) / scale,
                                                      round (MIN (ay, by) * scale) / scale,
                                                      round (fabs (bx - ax) * scale) / scale,
                                                      round (fabs (by - ay) * scale) / scale));
      /* Coarse underneath, then finer ones downscaled, the right level on top. */
      for (guint l = 0; l < level; l++)
        draw_level (self, snapshot, l, scale, FALSE);
      for (guint l = MIN (n_levels - 1, level + 2); l > level; l--)
        draw_level (self, snapshot, l, scale, FALSE);
    }
  draw_level (self, snapshot, level, scale, TRUE);
}

/* ------------------------------------------------------------------ */
/* GObject / GtkWidget */

static void
viewport_notify_cb (VtViewport  *viewport,
                    GParamSpec  *pspec,
                    VtImageView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  vt_image_view_queue_update (self);
}

static void
vt_image_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);

  vt_viewport_set_size (self->viewport, width, height);
  if (self->anim_target)
    vt_viewport_set_size (self->anim_target, width, height);
}

static void
vt_image_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 0;
  *natural = 256;
}

static void
scale_factor_cb (VtImageView *self)
{
  vt_image_view_queue_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vt_image_view_dispose (GObject *object)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  vt_image_view_stop_motion (self);
  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->loading)
    cancel_all (self);
  if (self->viewport)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (vt_image_view_parent_class)->dispose (object);
}

static void
vt_image_view_finalize (GObject *object)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  g_clear_object (&self->viewport);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
  g_clear_pointer (&self->pinned, g_hash_table_unref);
  g_clear_pointer (&self->request_log, g_array_unref);
  g_clear_pointer (&self->cancel_log, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vt_image_view_parent_class)->finalize (object);
}

static void
vt_image_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_VISIBLE_TILES:
      g_value_set_uint (value, self->visible_tiles);
      break;
    case PROP_LOADED_TILES:
      g_value_set_uint (value, self->loaded_tiles);
      break;
    case PROP_SHARP:
      g_value_set_boolean (value, self->sharp);
      break;
    case PROP_CACHE_SIZE:
      g_value_set_uint64 (value, vt_tile_cache_get_max_bytes (self->cache));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_image_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      vt_image_view_set_source (self, g_value_get_object (value));
      break;
    case PROP_CACHE_SIZE:
      vt_image_view_set_cache_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_image_view_class_init (VtImageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_image_view_dispose;
  object_class->finalize = vt_image_view_finalize;
  object_class->get_property = vt_image_view_get_property;
  object_class->set_property = vt_image_view_set_property;

  widget_class->snapshot = vt_image_view_snapshot;
  widget_class->size_allocate = vt_image_view_size_allocate;
  widget_class->measure = vt_image_view_measure;

  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, VT_TYPE_VIEWPORT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, VT_TYPE_TILE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VT_TYPE_IMAGE_VIEW_STATE, VT_IMAGE_VIEW_STATE_EMPTY, ro);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_VISIBLE_TILES] =
    g_param_spec_uint ("visible-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOADED_TILES] =
    g_param_spec_uint ("loaded-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SHARP] =
    g_param_spec_boolean ("sharp", NULL, NULL, FALSE, ro);
  properties[PROP_CACHE_SIZE] =
    g_param_spec_uint64 ("cache-size", NULL, NULL, 1024 * 1024, G_MAXUINT64, VT_TILE_CACHE_DEFAULT_SIZE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtImageView::load-error:
   * @error: the first error
   *
   * Emitted once per image, for the first tile (or the image itself) that
   * failed; later failures are drawn as quiet placeholders only.
   */
  signals[LOAD_ERROR] =
    g_signal_new ("load-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  vt_image_view_input_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "vt-image-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vt_image_view_init (VtImageView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->viewport = vt_viewport_new ();
  self->cache = vt_tile_cache_new (VT_TILE_CACHE_DEFAULT_SIZE);
  vt_tile_cache_set_pin_func (self->cache, pin_func, self);
  self->loading = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->failed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pinned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->request_log = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->cancel_log = g_array_new (FALSE, FALSE, sizeof (guint64));

  g_signal_connect (self->viewport, "notify", G_CALLBACK (viewport_notify_cb), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (widget, "grab");

  vt_image_view_input_init (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
vt_image_view_new (void)
{
  return g_object_new (VT_TYPE_IMAGE_VIEW, NULL);
}

/**
 * vt_image_view_get_viewport:
 *
 * Returns: (transfer none): the view's viewport model
 */
VtViewport *
vt_image_view_get_viewport (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return self->viewport;
}

/**
 * vt_image_view_get_source:
 *
 * Returns: (transfer none) (nullable): the tile source
 */
VtTileSource *
vt_image_view_get_source (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return self->source;
}

static void
set_state (VtImageView      *self,
           VtImageViewState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
reset (VtImageView *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  vt_image_view_stop_motion (self);
  cancel_all (self);
  vt_tile_cache_clear (self->cache);
  g_hash_table_remove_all (self->failed);
  g_hash_table_remove_all (self->pinned);
  if (self->error)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
}

/**
 * vt_image_view_set_source:
 * @source: (nullable): a ready tile source
 *
 * Shows @source, fitted to the view.
 */
void
vt_image_view_set_source (VtImageView  *self,
                          VtTileSource *source)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (source == NULL || VT_IS_TILE_SOURCE (source));

  if (self->source == source)
    return;

  reset (self);
  g_set_object (&self->source, source);
  if (source)
    vt_viewport_set_image_size (self->viewport,
                                vt_tile_source_get_image_width (source),
                                vt_tile_source_get_image_height (source));
  else
    vt_viewport_set_image_size (self->viewport, 0, 0);
  self->current_level = 0;
  set_state (self, source ? VT_IMAGE_VIEW_STATE_READY : VT_IMAGE_VIEW_STATE_EMPTY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  vt_image_view_queue_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vt_image_view_open_file:
 * @path: a local image file
 *
 * Shows a local TIFF, JPEG, PNG, … through a VtLocalSource.
 *
 * Returns: %FALSE if the file could not be opened (the view is then in the
 *   ERROR state and has emitted VtImageView::load-error)
 */
gboolean
vt_image_view_open_file (VtImageView *self,
                         const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VtLocalSource) source = NULL;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), FALSE);

  source = vt_local_source_new (path, &error);
  if (source == NULL)
    {
      vt_image_view_fail (self, error);
      return FALSE;
    }
  vt_image_view_set_source (self, VT_TILE_SOURCE (source));
  return TRUE;
}

static void
service_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (VtImageView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (VtIiifSource) source = NULL;

  source = vt_iiif_source_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);
  if (source == NULL)
    vt_image_view_fail (self, error);
  else
    vt_image_view_set_source (self, VT_TILE_SOURCE (source));
}

/**
 * vt_image_view_open_service:
 * @client: the client to fetch with
 * @info_url: an IIIF Image API service (its id or its info.json URL)
 *
 * Opens an image service of any version and level. The view is LOADING
 * until the info.json arrives, then READY, ERROR or (after a 403)
 * NOT_PUBLIC.
 */
void
vt_image_view_open_service (VtImageView *self,
                            VtClient    *client,
                            const char  *info_url)
{
  GCancellable *cancellable;

  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (VT_IS_CLIENT (client));
  g_return_if_fail (info_url != NULL);

  vt_image_view_begin_loading (self);
  cancellable = self->open_cancellable = g_cancellable_new ();
  vt_iiif_source_new_async (client, info_url, cancellable, service_opened_cb, g_object_ref (self));
}

/**
 * vt_image_view_open_static:
 * @image_url: a plain image with no image service
 * @width: the width the manifest gives (the image may differ; it is drawn
 *   into this size)
 *
 * Shows a single image.
 */
void
vt_image_view_open_static (VtImageView *self,
                           VtClient    *client,
                           const char  *image_url,
                           gint64       width,
                           gint64       height)
{
  g_autoptr (VtIiifSource) source = NULL;

  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (VT_IS_CLIENT (client));

  source = vt_iiif_source_new_static (client, image_url, width, height);
  if (source == NULL || vt_tile_source_get_n_levels (VT_TILE_SOURCE (source)) == 0)
    {
      g_autoptr (GError) error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                                                      _("The image has no size"));
      vt_image_view_fail (self, error);
      return;
    }
  vt_image_view_set_source (self, VT_TILE_SOURCE (source));
}

void
vt_image_view_clear (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  vt_image_view_set_source (self, NULL);
}

void
vt_image_view_begin_loading (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  vt_image_view_set_source (self, NULL);
  set_state (self, VT_IMAGE_VIEW_STATE_LOADING);
}

/**
 * vt_image_view_fail:
 *
 * The image could not be opened. An HTTP 403 (VT_NET_ERROR_NOT_PUBLIC)
 * puts the view in the NOT_PUBLIC state, anything else in ERROR.
 */
void
vt_image_view_fail (VtImageView  *self,
                    const GError *error)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (error != NULL);

  vt_image_view_set_source (self, NULL);
  set_state (self, g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC)
                   ? VT_IMAGE_VIEW_STATE_NOT_PUBLIC : VT_IMAGE_VIEW_STATE_ERROR);
  report_error (self, error);
}

VtImageViewState
vt_image_view_get_state (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), VT_IMAGE_VIEW_STATE_EMPTY);
  return self->state;
}

/**
 * vt_image_view_get_error:
 *
 * Returns: (transfer none) (nullable): the first error of this image
 */
const GError *
vt_image_view_get_error (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return self->error;
}

/* "n of m visible tiles": m is the visible tiles of the level drawn now,
 * n those loaded or failed; the view is sharp when all m are loaded. */
guint
vt_image_view_get_visible_tiles (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return self->visible_tiles;
}

guint
vt_image_view_get_loaded_tiles (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return self->loaded_tiles;
}

gboolean
vt_image_view_get_sharp (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), FALSE);
  return self->sharp;
}

guint64
vt_image_view_get_cache_size (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return vt_tile_cache_get_max_bytes (self->cache);
}

void
vt_image_view_set_cache_size (VtImageView *self,
                              guint64      max_bytes)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  if (vt_tile_cache_get_max_bytes (self->cache) == max_bytes)
    return;
  vt_tile_cache_set_max_bytes (self->cache, max_bytes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_SIZE]);
}

/* Private API for the tests and the benchmark. */

GArray *
vt_image_view_get_request_log (VtImageView *self)
{
  return self->request_log;
}

GArray *
vt_image_view_get_cancel_log (VtImageView *self)
{
  return self->cancel_log;
}

void
vt_image_view_reset_logs (VtImageView *self)
{
  g_array_set_size (self->request_log, 0);
  g_array_set_size (self->cancel_log, 0);
}

guint
vt_image_view_get_level (VtImageView *self)
{
  return self->source ? level_for_viewport (self, self->viewport) : 0;
}

guint
vt_image_view_get_n_loading (VtImageView *self)
{
  return g_hash_table_size (self->loading);
}

VtTileCache *
vt_image_view_get_cache (VtImageView *self)
{
  return self->cache;
}

/* Runs the pending tile update at once, so a test can act between two
 * updates without the main loop delivering tiles in between. */
void
vt_image_view_update_now (VtImageView *self)
{
  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  update_tiles (self);
}

