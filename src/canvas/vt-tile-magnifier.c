/* vt-tile-magnifier.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-magnifier"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vt-decoder.h"
#include "vt-tile-magnifier.h"

/* Nearest-neighbour pixels at high zoom, for VtTileLayer. GTK 4.10 draws a
 * texture with a chosen filter (gtk_snapshot_append_scaled_texture); GTK
 * 4.8, Debian 12's, always filters linearly, so a pixel at 400 % is a blur
 * four pixels wide. There, the finest level's tiles in view are upscaled
 * by a whole factor near the zoom, pixel by pixel, in the decoder's
 * threads, and the result is drawn instead: GTK then scales it by at most
 * about 1.25, and at a whole zoom (200 %, 400 %, 800 %) not at all, so a
 * pixel is a uniform block with a hard edge.
 *
 * The upscaled chunks are tiles of the layer's VtTileCache, keyed by tile,
 * chunk and factor, so they share its byte budget and its LRU order; when
 * the chunks a view needs would take more than three quarters of that
 * budget (counted at 4 bytes a pixel, though opaque ones take 3), the view
 * stays smooth rather than churn. At the default 256 MiB that allows 800 %
 * on a 4K screen. */

#define MAGNIFY_PRIORITY (VT_TILE_PRIORITY_VISIBLE + 1000000)

typedef struct
{
  VtTileMagnifier *self;
  guint64 key;
  GCancellable *cancellable;
} Job;

typedef struct
{
  GdkTexture *tile;
  guint x, y, w, h;
  guint factor;
} MagnifyData;

struct _VtTileMagnifier
{
  GObject parent_instance;

  VtTileCache *cache;
  GHashTable *loading;      /* guint64 key → Job */
};

G_DEFINE_FINAL_TYPE (VtTileMagnifier, vt_tile_magnifier, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#if !GTK_CHECK_VERSION (4, 10, 0)
static guint
chunks_per_tile (guint tile_size)
{
  return (tile_size + VT_TILE_MAGNIFIER_CHUNK - 1) / VT_TILE_MAGNIFIER_CHUNK;
}

static guint64
chunk_key (const VtSourceLevel *l,
           guint64              tile_key,
           guint                i,
           guint                j,
           guint                factor)
{
  return VT_TILE_KEY (VT_TILE_MAGNIFIER_KEY_FLAG | factor,
                      VT_TILE_KEY_X (tile_key) * chunks_per_tile (l->tile_width) + i,
                      VT_TILE_KEY_Y (tile_key) * chunks_per_tile (l->tile_height) + j);
}
#endif

/* ------------------------------------------------------------------ */
/* Upscaling, in a decoder thread */

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
magnify_data_free (gpointer data)
{
  MagnifyData *d = data;

  g_object_unref (d->tile);
  g_free (d);
}

static GdkTexture *
magnify_func (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  MagnifyData *d = data;
  int tw = gdk_texture_get_width (d->tile);
  g_autofree guchar *src = g_malloc ((gsize) tw * gdk_texture_get_height (d->tile) * 4);
  guint f = d->factor, ow = d->w * f, oh = d->h * f, bpp;
  gboolean opaque = TRUE;
  gsize stride;
  guchar *out;

  /* A memory texture is immutable: reading it here is safe. */
  gdk_texture_download (d->tile, src, (gsize) tw * 4);

  for (guint y = 0; y < d->h && opaque; y++)
    for (guint x = 0; x < d->w && opaque; x++)
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      opaque = src[(((gsize) d->y + y) * tw + d->x + x) * 4 + 3] == 255;
#else
      opaque = src[(((gsize) d->y + y) * tw + d->x + x) * 4] == 255;
#endif

  /* Opaque images (most) keep three bytes a pixel, as their tiles do. */
  bpp = opaque ? 3 : 4;
  stride = (gsize) ow * bpp;
  out = g_malloc (stride * oh);
  for (guint y = 0; y < d->h; y++)
    {
      guchar *row = out + (gsize) y * f * stride;
      guchar *o = row;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_free (out);
          return NULL;
        }
      for (guint x = 0; x < d->w; x++)
        {
          const guchar *p = src + (((gsize) d->y + y) * tw + d->x + x) * 4;

#if G_BYTE_ORDER == G_BIG_ENDIAN
          if (opaque)
            p++;
#endif
          for (guint k = 0; k < f; k++, o += bpp)
            memcpy (o, p, bpp);
        }
      for (guint k = 1; k < f; k++)
        memcpy (row + k * stride, row, stride);
    }

  {
    g_autoptr (GBytes) bytes = g_bytes_new_take (out, stride * oh);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
    GdkMemoryFormat format = opaque ? GDK_MEMORY_B8G8R8 : GDK_MEMORY_DEFAULT;
#else
    GdkMemoryFormat format = opaque ? GDK_MEMORY_R8G8B8 : GDK_MEMORY_DEFAULT;
#endif

    return vt_memory_texture_new (ow, oh, format, bytes, stride);
  }
}

static void
job_free (Job *job)
{
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
  g_free (job);
}

static void
magnified_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  VtTileMagnifier *self = job->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled earlier: the magnifier already forgot this job. */
  if (self == NULL)
    {
      g_free (job);
      return;
    }

  g_hash_table_steal (self->loading, &job->key);
  if (texture != NULL)
    {
      vt_tile_cache_store (self->cache, job->key, texture);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("magnifying failed: %s", error->message);
  job_free (job);
}
#endif

static void
cancel_job (VtTileMagnifier *self,
            Job             *job)
{
  g_cancellable_cancel (job->cancellable);
  g_hash_table_steal (self->loading, &job->key);
  /* The callback still runs; it frees the shell. */
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
}

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
start_job (VtTileMagnifier *self,
           guint64          key,
           GdkTexture      *tile,
           guint            i,
           guint            j,
           guint            factor)
{
  MagnifyData *d = g_new0 (MagnifyData, 1);
  Job *job = g_new0 (Job, 1);
  guint tw = gdk_texture_get_width (tile), th = gdk_texture_get_height (tile);

  d->tile = g_object_ref (tile);
  d->x = i * VT_TILE_MAGNIFIER_CHUNK;
  d->y = j * VT_TILE_MAGNIFIER_CHUNK;
  d->w = MIN (tw - d->x, VT_TILE_MAGNIFIER_CHUNK);
  d->h = MIN (th - d->y, VT_TILE_MAGNIFIER_CHUNK);
  d->factor = factor;

  job->self = g_object_ref (self);
  job->key = key;
  job->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->loading, &job->key, job);
  vt_decoder_run_async (vt_decoder_get_default (), NULL, magnify_func, d, magnify_data_free,
                        MAGNIFY_PRIORITY, job->cancellable, magnified_cb, job);
}
#endif

/* ------------------------------------------------------------------ */
/* Public API */

/**
 * vt_tile_magnifier_get_factor:
 *
 * Returns: the whole factor the finest level's tiles are upscaled by for
 *   @viewport, or 0 below %VT_TILE_MAGNIFIER_MIN_ZOOM (drawn smooth)
 */
guint
vt_tile_magnifier_get_factor (VtTileMagnifier *self,
                              VtTileSource    *source,
                              VtViewport      *viewport,
                              int              scale_factor)
{
  guint n_levels;
  double zoom;

  g_return_val_if_fail (VT_IS_TILE_MAGNIFIER (self), 0);

  if (source == NULL || (n_levels = vt_tile_source_get_n_levels (source)) == 0)
    return 0;
  zoom = vt_viewport_get_zoom (viewport) / vt_tile_source_get_level_scale (source, n_levels - 1);
  /* A hair under, so that 200 % reached by animation counts. */
  if (zoom < VT_TILE_MAGNIFIER_MIN_ZOOM - 1e-6)
    return 0;
  return CLAMP ((guint) round (zoom * MAX (scale_factor, 1)), 2, VT_TILE_MAGNIFIER_MAX_FACTOR);
}

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
request_chunks (VtTileMagnifier  *self,
                VtTileSource     *source,
                VtViewport       *viewport,
                int               scale_factor,
                const VtTilePlan *plan,
                GHashTable       *wanted)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  const VtTileRange *r = &plan->detail;
  const VtSourceLevel *l = NULL;
  guint factor = vt_tile_magnifier_get_factor (self, source, viewport, scale_factor);
  if (factor != 0 && plan->has_detail &&
      r->level + 1 == vt_tile_source_get_n_levels (source))
    {
      guint64 chunk_bytes = (guint64) VT_TILE_MAGNIFIER_CHUNK * factor * VT_TILE_MAGNIFIER_CHUNK *
                            factor * 4;
      guint64 n_chunks;

      l = vt_tile_source_get_level (source, r->level);
      n_chunks = vt_tile_range_count (r) * chunks_per_tile (l->tile_width) *
                 chunks_per_tile (l->tile_height);
      if (n_chunks * chunk_bytes <= vt_tile_cache_get_max_bytes (self->cache) / 4 * 3)
        vt_tile_range_append_keys (r, keys);
    }

  for (guint n = 0; n < keys->len; n++)
    {
      guint64 tile_key = g_array_index (keys, guint64, n);
      GdkTexture *tile = vt_tile_cache_peek (self->cache, tile_key);
      guint nx, ny;

      if (tile == NULL)
        continue;
      nx = chunks_per_tile (gdk_texture_get_width (tile));
      ny = chunks_per_tile (gdk_texture_get_height (tile));
      for (guint j = 0; j < ny; j++)
        for (guint i = 0; i < nx; i++)
          {
            guint64 key = chunk_key (l, tile_key, i, j, factor);
            guint64 *stored = g_new (guint64, 1);

            *stored = key;
            g_hash_table_add (wanted, stored);
            /* Looked up, not peeked: what is in view stays freshest. */
            if (vt_tile_cache_lookup (self->cache, key) == NULL &&
                !g_hash_table_contains (self->loading, &key))
              start_job (self, key, tile, i, j, factor);
          }
    }
}
#endif

/**
 * vt_tile_magnifier_update:
 * @plan: what the layer loads for the view
 *
 * Upscales the loaded tiles of @plan's detail range when it is the finest
 * level at high zoom; cancels what is no longer wanted.
 */
void
vt_tile_magnifier_update (VtTileMagnifier  *self,
                          VtTileSource     *source,
                          VtViewport       *viewport,
                          int               scale_factor,
                          const VtTilePlan *plan)
{
  g_autoptr (GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) to_cancel = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (VT_IS_TILE_MAGNIFIER (self));

#if !GTK_CHECK_VERSION (4, 10, 0)
  request_chunks (self, source, viewport, scale_factor, plan, wanted);
#endif

  g_hash_table_iter_init (&iter, self->loading);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (wanted, &((Job *) value)->key))
      g_ptr_array_add (to_cancel, value);
  for (guint n = 0; n < to_cancel->len; n++)
    cancel_job (self, g_ptr_array_index (to_cancel, n));
}

void
vt_tile_magnifier_cancel_all (VtTileMagnifier *self)
{
  GList *jobs;

  g_return_if_fail (VT_IS_TILE_MAGNIFIER (self));

  jobs = g_hash_table_get_values (self->loading);
  for (GList *j = jobs; j != NULL; j = j->next)
    cancel_job (self, j->data);
  g_list_free (jobs);
}

guint
vt_tile_magnifier_get_n_loading (VtTileMagnifier *self)
{
  g_return_val_if_fail (VT_IS_TILE_MAGNIFIER (self), 0);
  return g_hash_table_size (self->loading);
}

static double
snap (double v,
      int    scale)
{
  return scale > 0 ? round (v * scale) / scale : v;
}

#if !GTK_CHECK_VERSION (4, 10, 0)
/* The upscaled chunks of a tile, when they are all here. */
static void
append_chunks (VtTileMagnifier       *self,
               GtkSnapshot           *snapshot,
               VtTileSource          *source,
               guint64                key,
               GdkTexture            *texture,
               const graphene_rect_t *rect,
               guint                  factor,
               int                    snap_scale)
{
  const VtSourceLevel *l = vt_tile_source_get_level (source, VT_TILE_KEY_LEVEL (key));
  guint tw = gdk_texture_get_width (texture), th = gdk_texture_get_height (texture);
  guint nx = chunks_per_tile (tw), ny = chunks_per_tile (th), use = 0;

  /* The factor wanted, else the nearest one whose chunks are all here. */
  for (guint d = 0; d <= VT_TILE_MAGNIFIER_MAX_FACTOR && use == 0; d++)
    for (int sign = -1; sign <= 1 && use == 0; sign += 2)
      {
        int f = (int) factor + sign * (int) d;
        gboolean all = TRUE;

        if (f < 2 || f > VT_TILE_MAGNIFIER_MAX_FACTOR)
          continue;
        for (guint j = 0; j < ny && all; j++)
          for (guint i = 0; i < nx && all; i++)
            all = vt_tile_cache_peek (self->cache, chunk_key (l, key, i, j, f)) != NULL;
        if (all)
          use = f;
      }

  if (use == 0)
    {
      gtk_snapshot_append_texture (snapshot, texture, rect);
      return;
    }

  for (guint j = 0; j < ny; j++)
    for (guint i = 0; i < nx; i++)
      {
        GdkTexture *chunk = vt_tile_cache_peek (self->cache, chunk_key (l, key, i, j, use));
        double x0 = rect->origin.x + rect->size.width * i * VT_TILE_MAGNIFIER_CHUNK / tw;
        double y0 = rect->origin.y + rect->size.height * j * VT_TILE_MAGNIFIER_CHUNK / th;
        double x1 = rect->origin.x + rect->size.width * MIN (tw, (i + 1) * VT_TILE_MAGNIFIER_CHUNK) / tw;
        double y1 = rect->origin.y + rect->size.height * MIN (th, (j + 1) * VT_TILE_MAGNIFIER_CHUNK) / th;

        x0 = snap (x0, snap_scale);
        y0 = snap (y0, snap_scale);
        x1 = snap (x1, snap_scale);
        y1 = snap (y1, snap_scale);
        gtk_snapshot_append_texture (snapshot, chunk, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
      }
}
#endif

/**
 * vt_tile_magnifier_append_tile:
 * @rect: where the tile goes
 * @factor: vt_tile_magnifier_get_factor() for the view drawn
 * @snap_scale: the scale factor to snap chunk edges to device pixels with,
 *   or 0 when @rect is not in widget coordinates (a rotated view)
 *
 * Draws a tile: nearest-neighbour when @factor says so and its chunks are
 * ready (of that factor or, while those come, of another), else as is.
 */
void
vt_tile_magnifier_append_tile (VtTileMagnifier       *self,
                               GtkSnapshot           *snapshot,
                               VtTileSource          *source,
                               guint64                key,
                               GdkTexture            *texture,
                               const graphene_rect_t *rect,
                               guint                  factor,
                               int                    snap_scale)
{
  g_return_if_fail (VT_IS_TILE_MAGNIFIER (self));

  if (factor == 0 || VT_TILE_KEY_LEVEL (key) + 1 != vt_tile_source_get_n_levels (source))
    {
      gtk_snapshot_append_texture (snapshot, texture, rect);
      return;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_snapshot_append_scaled_texture (snapshot, texture, GSK_SCALING_FILTER_NEAREST, rect);
#else
  append_chunks (self, snapshot, source, key, texture, rect, factor, snap_scale);
#endif
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
vt_tile_magnifier_dispose (GObject *object)
{
  VtTileMagnifier *self = VT_TILE_MAGNIFIER (object);

  if (self->loading)
    vt_tile_magnifier_cancel_all (self);

  G_OBJECT_CLASS (vt_tile_magnifier_parent_class)->dispose (object);
}

static void
vt_tile_magnifier_finalize (GObject *object)
{
  VtTileMagnifier *self = VT_TILE_MAGNIFIER (object);

  g_clear_object (&self->cache);
  g_clear_pointer (&self->loading, g_hash_table_unref);

  G_OBJECT_CLASS (vt_tile_magnifier_parent_class)->finalize (object);
}

static void
vt_tile_magnifier_class_init (VtTileMagnifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_tile_magnifier_dispose;
  object_class->finalize = vt_tile_magnifier_finalize;

  /**
   * VtTileMagnifier::changed:
   *
   * An upscaled chunk arrived: the layer redraws.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_tile_magnifier_init (VtTileMagnifier *self)
{
  self->loading = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/**
 * vt_tile_magnifier_new:
 * @cache: the layer's tile cache: tiles are read from it and upscaled
 *   chunks stored in it
 *
 * Returns: (transfer full): a magnifier
 */
VtTileMagnifier *
vt_tile_magnifier_new (VtTileCache *cache)
{
  VtTileMagnifier *self;

  g_return_val_if_fail (VT_IS_TILE_CACHE (cache), NULL);

  self = g_object_new (VT_TYPE_TILE_MAGNIFIER, NULL);
  self->cache = g_object_ref (cache);
  return self;
}
