/* vt-tile-loader.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-loader"

#include "config.h"

#include "vt-tile-loader.h"

/* The load queue of a VtTileLayer, as libshumate keeps its tile
 * downloads apart from ShumateMapLayer: the layer decides which tiles a
 * view needs; the loader asks its source for them, moves a tile asked
 * ahead up when it comes into view, cancels what the layer no longer
 * wants, asks for the ring around a settled view, stores what arrives in
 * the layer's cache and remembers what failed (never asked again for this
 * source).
 *
 * A load holds its owner (the layer), as it always held the layer, so
 * that the layer outlives its loads unless it cancels them. */

typedef struct
{
  VtTileLoader *self;
  GObject *owner;
  guint64 key;
  GCancellable *cancellable;
  gboolean prefetch;
} Load;

/* At most this many tiles just outside a settled view are asked ahead. */
#define PREFETCH_MAX_TILES 32

struct _VtTileLoader
{
  GObject parent_instance;

  GObject *owner;           /* unowned: it owns the loader */
  VtTileSource *source;
  VtTileCache *cache;

  GHashTable *loading;      /* guint64 key → Load */
  GHashTable *failed;       /* guint64 key set */

  VtTileLoaderEventFunc event_func;
  gpointer event_data;

  guint n_prefetched;
};

G_DEFINE_FINAL_TYPE (VtTileLoader, vt_tile_loader, G_TYPE_OBJECT)

enum {
  CHANGED,
  TILE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
event (VtTileLoader     *self,
       VtTileDebugEvent  ev,
       guint64           key)
{
  if (self->event_func != NULL)
    self->event_func (ev, key, self->event_data);
}

static void
load_free (Load *load)
{
  g_clear_object (&load->cancellable);
  g_clear_object (&load->owner);
  g_clear_object (&load->self);
  g_free (load);
}

static void
tile_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Load *load = user_data;
  VtTileLoader *self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  VtTileSource *source = VT_TILE_SOURCE (object);

  texture = vt_tile_source_load_tile_finish (source, result, &error);

  /* Cancelled earlier: the loader already forgot this load (and may be gone). */
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
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("tile %u/%u/%u failed: %s", VT_TILE_KEY_LEVEL (load->key),
               VT_TILE_KEY_X (load->key), VT_TILE_KEY_Y (load->key), error->message);
      g_hash_table_add (self->failed, g_memdup2 (&load->key, sizeof load->key));
      g_signal_emit (self, signals[TILE_ERROR], 0, load->key, error);
      g_signal_emit (self, signals[CHANGED], 0);
    }

  load_free (load);
}

static void
cancel_load (VtTileLoader *self,
             Load         *load)
{
  event (self, VT_TILE_DEBUG_CANCEL, load->key);
  g_cancellable_cancel (load->cancellable);
  g_hash_table_steal (self->loading, &load->key);
  /* The callback still runs; it frees the shell. */
  g_clear_object (&load->cancellable);
  g_clear_object (&load->owner);
  g_clear_object (&load->self);
}

static void
start_load (VtTileLoader *self,
            guint64       key,
            int           priority)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->owner = self->owner != NULL ? g_object_ref (self->owner) : NULL;
  load->key = key;
  load->cancellable = g_cancellable_new ();
  load->prefetch = priority >= VT_TILE_PRIORITY_PREFETCH;
  g_hash_table_insert (self->loading, &load->key, load);
  if (load->prefetch)
    self->n_prefetched++;
  event (self, load->prefetch ? VT_TILE_DEBUG_PREFETCH : VT_TILE_DEBUG_REQUEST, key);
  vt_tile_source_load_tile_async (self->source, VT_TILE_KEY_LEVEL (key),
                                  VT_TILE_KEY_X (key), VT_TILE_KEY_Y (key),
                                  priority, load->cancellable, tile_loaded_cb, load);
}

static void
vt_tile_loader_dispose (GObject *object)
{
  VtTileLoader *self = VT_TILE_LOADER (object);

  if (self->loading)
    vt_tile_loader_cancel_all (self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (vt_tile_loader_parent_class)->dispose (object);
}

static void
vt_tile_loader_finalize (GObject *object)
{
  VtTileLoader *self = VT_TILE_LOADER (object);

  g_clear_object (&self->cache);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);

  G_OBJECT_CLASS (vt_tile_loader_parent_class)->finalize (object);
}

static void
vt_tile_loader_class_init (VtTileLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_tile_loader_dispose;
  object_class->finalize = vt_tile_loader_finalize;

  /**
   * VtTileLoader::changed:
   *
   * A tile arrived (and is in the cache) or failed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VtTileLoader::tile-error:
   * @key: the tile (a VT_TILE_KEY value)
   * @error: why it failed
   *
   * Emitted for every tile that failed, before #VtTileLoader::changed.
   */
  signals[TILE_ERROR] =
    g_signal_new ("tile-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT64, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
vt_tile_loader_init (VtTileLoader *self)
{
  self->loading = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->failed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * vt_tile_loader_new:
 * @owner: (nullable): what each load keeps alive (the layer, which owns
 *   the loader); not referenced by the loader itself
 * @cache: where arriving tiles are stored
 *
 * Returns: (transfer full): a loader with no source
 */
VtTileLoader *
vt_tile_loader_new (GObject     *owner,
                    VtTileCache *cache)
{
  VtTileLoader *self;

  g_return_val_if_fail (owner == NULL || G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (VT_IS_TILE_CACHE (cache), NULL);

  self = g_object_new (VT_TYPE_TILE_LOADER, NULL);
  self->owner = owner;
  self->cache = g_object_ref (cache);
  return self;
}

/**
 * vt_tile_loader_set_source:
 * @source: (nullable): a ready tile source
 *
 * Cancels every load and forgets the failures of the previous source.
 */
void
vt_tile_loader_set_source (VtTileLoader *self,
                           VtTileSource *source)
{
  g_return_if_fail (VT_IS_TILE_LOADER (self));
  g_return_if_fail (source == NULL || VT_IS_TILE_SOURCE (source));

  vt_tile_loader_cancel_all (self);
  g_hash_table_remove_all (self->failed);
  g_set_object (&self->source, source);
}

/**
 * vt_tile_loader_set_event_func:
 * @func: (nullable): told of each request, prefetch and cancellation
 */
void
vt_tile_loader_set_event_func (VtTileLoader          *self,
                               VtTileLoaderEventFunc  func,
                               gpointer               user_data)
{
  g_return_if_fail (VT_IS_TILE_LOADER (self));

  self->event_func = func;
  self->event_data = user_data;
}

/**
 * vt_tile_loader_request:
 * @viewport: what the priorities are reckoned from
 * @keys: (element-type guint64): the tiles wanted, in the order to ask
 *
 * Asks for those of @keys not cached, not failed and not under way.
 */
void
vt_tile_loader_request (VtTileLoader *self,
                        VtViewport   *viewport,
                        GArray       *keys)
{
  g_return_if_fail (VT_IS_TILE_LOADER (self));
  g_return_if_fail (self->source != NULL);

  for (guint i = 0; i < keys->len; i++)
    {
      guint64 key = g_array_index (keys, guint64, i);
      Load *load = g_hash_table_lookup (self->loading, &key);

      /* A tile asked ahead that is now in view must not wait behind
       * other visible ones: its request moves up to its visible rank
       * (one under way goes on), or, from a source that cannot, it is
       * asked again. */
      if (load != NULL && load->prefetch)
        {
          int priority = vt_tile_grid_get_priority (self->source, viewport, key);

          if (vt_tile_source_reprioritize (self->source, load->cancellable, priority))
            {
              load->prefetch = FALSE;
              continue;
            }
          cancel_load (self, load);
        }
      else if (load != NULL)
        continue;
      if (vt_tile_cache_lookup (self->cache, key) ||
          g_hash_table_contains (self->failed, &key))
        continue;
      start_load (self, key, vt_tile_grid_get_priority (self->source, viewport, key));
    }
}

/**
 * vt_tile_loader_prefetch:
 * @viewport: a settled, sharp view
 * @pinned: what that view needs (and the cache keeps)
 *
 * Asks for the tiles of the view's level one tile outside it, at prefetch
 * priority, so that a small pan finds them loaded. Within the cache's
 * room (what is pinned stays), and PREFETCH_MAX_TILES at most; they are
 * cancelled like any load once the view moves away from them.
 */
void
vt_tile_loader_prefetch (VtTileLoader     *self,
                         VtViewport       *viewport,
                         int               scale_factor,
                         const VtTilePlan *pinned)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  const VtSourceLevel *l;
  VtTilePlan ring;
  guint64 room, tile_bytes, used, max;
  guint n = 0;

  g_return_if_fail (VT_IS_TILE_LOADER (self));
  g_return_if_fail (self->source != NULL);

  if (!pinned->has_detail)
    return;
  l = vt_tile_source_get_level (self->source, pinned->detail.level);
  tile_bytes = (guint64) l->tile_width * l->tile_height * 4;
  used = vt_tile_cache_get_bytes (self->cache);
  max = vt_tile_cache_get_max_bytes (self->cache);
  room = max > used && tile_bytes > 0 ? (max - used) / tile_bytes : 0;

  vt_tile_grid_plan (self->source, viewport, scale_factor, 1, &ring);
  if (!ring.has_detail)
    return;
  vt_tile_range_append_keys (&ring.detail, keys);
  for (guint i = 0; i < keys->len && n < MIN (room, PREFETCH_MAX_TILES); i++)
    {
      guint64 key = g_array_index (keys, guint64, i);

      if (vt_tile_range_contains (&pinned->detail, key) ||
          vt_tile_cache_lookup (self->cache, key) ||
          g_hash_table_contains (self->loading, &key) ||
          g_hash_table_contains (self->failed, &key))
        continue;
      start_load (self, key, VT_TILE_PRIORITY_PREFETCH +
                  vt_tile_grid_get_priority (self->source, viewport, key));
      n++;
    }
}

/* Cancels the loads not in @keep. */
void
vt_tile_loader_cancel_outside (VtTileLoader     *self,
                               const VtTilePlan *keep)
{
  g_autoptr (GPtrArray) to_cancel = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (VT_IS_TILE_LOADER (self));

  g_hash_table_iter_init (&iter, self->loading);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!vt_tile_plan_contains (keep, ((Load *) value)->key))
      g_ptr_array_add (to_cancel, value);
  for (guint i = 0; i < to_cancel->len; i++)
    cancel_load (self, g_ptr_array_index (to_cancel, i));
}

void
vt_tile_loader_cancel_all (VtTileLoader *self)
{
  GList *loads;

  g_return_if_fail (VT_IS_TILE_LOADER (self));

  loads = g_hash_table_get_values (self->loading);
  for (GList *l = loads; l != NULL; l = l->next)
    cancel_load (self, l->data);
  g_list_free (loads);
}

gboolean
vt_tile_loader_has_failed (VtTileLoader *self,
                           guint64       key)
{
  g_return_val_if_fail (VT_IS_TILE_LOADER (self), FALSE);
  return g_hash_table_contains (self->failed, &key);
}

/**
 * vt_tile_loader_get_failed:
 *
 * Returns: (transfer none): the set of failed keys (guint64 *), for
 *   vt_tile_range_count_cached()
 */
GHashTable *
vt_tile_loader_get_failed (VtTileLoader *self)
{
  g_return_val_if_fail (VT_IS_TILE_LOADER (self), NULL);
  return self->failed;
}

guint
vt_tile_loader_get_n_loading (VtTileLoader *self)
{
  g_return_val_if_fail (VT_IS_TILE_LOADER (self), 0);
  return g_hash_table_size (self->loading);
}

/* Tiles asked for ahead since the loader was made. */
guint
vt_tile_loader_get_n_prefetched (VtTileLoader *self)
{
  g_return_val_if_fail (VT_IS_TILE_LOADER (self), 0);
  return self->n_prefetched;
}
