/* vt-tile-cache.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-cache"

#include "config.h"

#include "vt-decoder.h"
#include "vt-tile-cache.h"

/* An LRU of decoded tiles bounded in bytes rather than in tiles (libshumate
 * and OpenSeadragon count tiles, which means nothing once tiles are 256 or
 * 1024 px). The owner pins what must stay (the placeholder level and the
 * visible tiles) through a predicate asked at eviction time, so the pinned
 * set never has to be kept in sync. Pinned tiles may push the cache past
 * its bound: a visible tile is never dropped to honour a number. */

struct _VtTileCache
{
  GObject parent_instance;

  GHashTable *entries;  /* key → Entry */
  GQueue lru;           /* head = most recently used */
  guint64 bytes;
  guint64 max_bytes;
  VtTileCachePinFunc pin_func;
  gpointer pin_data;
};

typedef struct
{
  guint64 key;
  GdkTexture *texture;
  guint64 bytes;
  GList link;
} Entry;

G_DEFINE_FINAL_TYPE (VtTileCache, vt_tile_cache, G_TYPE_OBJECT)

static guint
key_hash (gconstpointer v)
{
  guint64 k = *(const guint64 *) v;

  return (guint) (k ^ (k >> 29) ^ (k >> 56));
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_object (&e->texture);
  g_free (e);
}

/* The bytes of the memory copy, as stored: 3 a pixel for the decoder's
 * RGB tiles, 4 with alpha. The GPU upload is not counted. */
static guint64
texture_bytes (GdkTexture *texture)
{
  return vt_texture_get_stored_size (texture);
}

static void
remove_entry (VtTileCache *self,
              Entry       *e)
{
  g_queue_unlink (&self->lru, &e->link);
  self->bytes -= e->bytes;
  g_hash_table_remove (self->entries, &e->key);
}

static void
vt_tile_cache_finalize (GObject *object)
{
  VtTileCache *self = VT_TILE_CACHE (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (vt_tile_cache_parent_class)->finalize (object);
}

static void
vt_tile_cache_class_init (VtTileCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_tile_cache_finalize;
}

static void
vt_tile_cache_init (VtTileCache *self)
{
  self->entries = g_hash_table_new_full (key_hash, g_int64_equal, NULL, entry_free);
  g_queue_init (&self->lru);
  self->max_bytes = VT_TILE_CACHE_DEFAULT_SIZE;
}

VtTileCache *
vt_tile_cache_new (guint64 max_bytes)
{
  VtTileCache *self = g_object_new (VT_TYPE_TILE_CACHE, NULL);

  self->max_bytes = max_bytes;
  return self;
}

void
vt_tile_cache_set_pin_func (VtTileCache        *self,
                            VtTileCachePinFunc  func,
                            gpointer            user_data)
{
  g_return_if_fail (VT_IS_TILE_CACHE (self));

  self->pin_func = func;
  self->pin_data = user_data;
}

guint64
vt_tile_cache_get_max_bytes (VtTileCache *self)
{
  g_return_val_if_fail (VT_IS_TILE_CACHE (self), 0);
  return self->max_bytes;
}

void
vt_tile_cache_set_max_bytes (VtTileCache *self,
                             guint64      max_bytes)
{
  g_return_if_fail (VT_IS_TILE_CACHE (self));

  self->max_bytes = max_bytes;
  vt_tile_cache_trim (self);
}

guint64
vt_tile_cache_get_bytes (VtTileCache *self)
{
  g_return_val_if_fail (VT_IS_TILE_CACHE (self), 0);
  return self->bytes;
}

guint
vt_tile_cache_get_n_tiles (VtTileCache *self)
{
  g_return_val_if_fail (VT_IS_TILE_CACHE (self), 0);
  return g_hash_table_size (self->entries);
}

/**
 * vt_tile_cache_lookup:
 *
 * Returns: (transfer none) (nullable): the tile, now marked most recently used
 */
GdkTexture *
vt_tile_cache_lookup (VtTileCache *self,
                      guint64      key)
{
  Entry *e;

  g_return_val_if_fail (VT_IS_TILE_CACHE (self), NULL);

  e = g_hash_table_lookup (self->entries, &key);
  if (e == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &e->link);
  g_queue_push_head_link (&self->lru, &e->link);
  return e->texture;
}

/**
 * vt_tile_cache_peek:
 *
 * Returns: (transfer none) (nullable): the tile, without touching its age;
 *   for drawing fallbacks, which must not keep stale tiles alive
 */
GdkTexture *
vt_tile_cache_peek (VtTileCache *self,
                    guint64      key)
{
  Entry *e;

  g_return_val_if_fail (VT_IS_TILE_CACHE (self), NULL);

  e = g_hash_table_lookup (self->entries, &key);
  return e ? e->texture : NULL;
}

void
vt_tile_cache_store (VtTileCache *self,
                     guint64      key,
                     GdkTexture  *texture)
{
  Entry *e;

  g_return_if_fail (VT_IS_TILE_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  e = g_hash_table_lookup (self->entries, &key);
  if (e != NULL)
    remove_entry (self, e);

  e = g_new0 (Entry, 1);
  e->key = key;
  e->texture = g_object_ref (texture);
  e->bytes = texture_bytes (texture);
  e->link.data = e;
  g_hash_table_insert (self->entries, &e->key, e);
  g_queue_push_head_link (&self->lru, &e->link);
  self->bytes += e->bytes;

  vt_tile_cache_trim (self);
}

/* Evicts the least recently used unpinned tiles until under the bound. */
void
vt_tile_cache_trim (VtTileCache *self)
{
  GList *l;

  g_return_if_fail (VT_IS_TILE_CACHE (self));

  l = self->lru.tail;
  while (self->bytes > self->max_bytes && l != NULL)
    {
      Entry *e = l->data;

      l = l->prev;
      if (self->pin_func && self->pin_func (e->key, self->pin_data))
        continue;
      remove_entry (self, e);
    }
}

void
vt_tile_cache_clear (VtTileCache *self)
{
  g_return_if_fail (VT_IS_TILE_CACHE (self));

  g_queue_init (&self->lru);
  self->bytes = 0;
  g_hash_table_remove_all (self->entries);
}
