/* vt-service-cache.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-service-cache"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iiif/vt-image-url.h"
#include "vt-client-private.h"
#include "vt-net-error.h"
#include "vt-service-cache.h"

/**
 * VtServiceCache:
 *
 * The session's image services: each info.json is fetched through the
 * #VtClient, parsed off the main thread with its tile pyramid, and kept
 * (the most recently used ones, up to a bound), so that a strip of
 * thumbnails and the canvas ask the network once for a service they
 * share. Loads of one service that overlap wait on one request; each
 * waiter can leave on its own, the request is cancelled when the last one
 * has left, and a more urgent waiter moves it up the client's queue.
 *
 * A service is known by its id: `…/abc`, `…/abc/` and `…/abc/info.json`
 * are one service (see vt_image_service_id_from_info_url()).
 */

typedef struct _Pending Pending;

/* One remembered service; also its own link in the LRU queue. */
typedef struct
{
  GList           link;
  char           *key;
  VtImageService *service;
  VtTilePyramid  *pyramid;
} Memo;

struct _VtServiceCache
{
  GObject     parent_instance;

  VtClient   *client;

  GHashTable *memo;       /* key → Memo (owned) */
  GQueue      lru;        /* of Memo, most recently used first */
  guint       max_entries;

  GHashTable *pending;    /* key → Pending (a reference) */
};

G_DEFINE_FINAL_TYPE (VtServiceCache, vt_service_cache, G_TYPE_OBJECT)

/* One info.json on its way: the request, then the parse, and everyone
 * waiting for it. Main thread only. */
struct _Pending
{
  guint           ref_count;
  VtServiceCache *self;
  char           *key;
  char           *info_url;
  VtFetchFlags    flags;
  int             priority;
  GPtrArray      *waiters;      /* of GTask (owned) */
  GCancellable   *cancellable;  /* of the request and the parse; also
                                 * names the request in the client */
  gboolean        finished;
};

/* The task data of one load. */
typedef struct
{
  Pending       *pending;       /* while waiting; not a reference */
  gulong         cancelled_id;
  VtTilePyramid *pyramid;       /* the answer, with the service */
} Waiter;

typedef struct
{
  VtImageService *service;
  VtTilePyramid  *pyramid;
} Parsed;

static void
memo_free (gpointer data)
{
  Memo *memo = data;

  g_free (memo->key);
  g_clear_pointer (&memo->service, vt_image_service_unref);
  g_clear_pointer (&memo->pyramid, vt_tile_pyramid_unref);
  g_free (memo);
}

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  g_assert (waiter->cancelled_id == 0);
  g_clear_pointer (&waiter->pyramid, vt_tile_pyramid_unref);
  g_free (waiter);
}

static void
parsed_free (gpointer data)
{
  Parsed *parsed = data;

  g_clear_pointer (&parsed->service, vt_image_service_unref);
  g_clear_pointer (&parsed->pyramid, vt_tile_pyramid_unref);
  g_free (parsed);
}

static Pending *
pending_ref (Pending *pending)
{
  pending->ref_count++;
  return pending;
}

static void
pending_unref (Pending *pending)
{
  if (--pending->ref_count > 0)
    return;

  g_assert (pending->waiters->len == 0);
  g_ptr_array_unref (pending->waiters);
  g_clear_object (&pending->cancellable);
  g_free (pending->key);
  g_free (pending->info_url);
  g_object_unref (pending->self);
  g_free (pending);
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */

static void
memo_remove (VtServiceCache *self,
             Memo           *memo)
{
  g_queue_unlink (&self->lru, &memo->link);
  g_hash_table_remove (self->memo, memo->key);
}

static void
evict (VtServiceCache *self)
{
  while (self->lru.length > self->max_entries)
    memo_remove (self, g_queue_peek_tail (&self->lru));
}

static void
memo_insert (VtServiceCache *self,
             const char     *key,
             VtImageService *service,
             VtTilePyramid  *pyramid)
{
  Memo *memo = g_hash_table_lookup (self->memo, key);

  if (memo != NULL)
    memo_remove (self, memo);

  memo = g_new0 (Memo, 1);
  memo->link.data = memo;
  memo->key = g_strdup (key);
  memo->service = vt_image_service_ref (service);
  memo->pyramid = vt_tile_pyramid_ref (pyramid);
  g_hash_table_insert (self->memo, memo->key, memo);
  g_queue_push_head_link (&self->lru, &memo->link);
  evict (self);
}

static Memo *
memo_use (VtServiceCache *self,
          const char     *key)
{
  Memo *memo = g_hash_table_lookup (self->memo, key);

  if (memo != NULL)
    {
      g_queue_unlink (&self->lru, &memo->link);
      g_queue_push_head_link (&self->lru, &memo->link);
    }
  return memo;
}

/* ------------------------------------------------------------------ */
/* Waiters                                                             */

static void
waiter_detach (GTask *task)
{
  Waiter *waiter = g_task_get_task_data (task);

  waiter->pending = NULL;
  if (waiter->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), waiter->cancelled_id);
      waiter->cancelled_id = 0;
    }
}

static void
pending_leave (Pending *pending)
{
  VtServiceCache *self = pending->self;

  if (g_hash_table_lookup (self->pending, pending->key) == pending)
    g_hash_table_remove (self->pending, pending->key);
}

/* Answers everyone, once. The waiters are taken first: a callback may
 * load the same service again, which must find the memo or start anew. */
static void
pending_finish (Pending        *pending,
                VtImageService *service,
                VtTilePyramid  *pyramid,
                const GError   *error)
{
  g_autoptr(GPtrArray) waiters = NULL;

  pending_ref (pending);
  pending->finished = TRUE;
  pending_leave (pending);
  waiters = g_steal_pointer (&pending->waiters);
  pending->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);
      Waiter *waiter = g_task_get_task_data (task);

      waiter_detach (task);
      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        {
          waiter->pyramid = vt_tile_pyramid_ref (pyramid);
          g_task_return_pointer (task, vt_image_service_ref (service),
                                 (GDestroyNotify) vt_image_service_unref);
        }
    }
  pending_unref (pending);
}

static gboolean
waiter_cancel_in_idle (gpointer data)
{
  GTask *task = data;
  Waiter *waiter = g_task_get_task_data (task);
  Pending *pending = waiter->pending;

  /* Answered meanwhile: GTask turns a late answer into CANCELLED. */
  if (pending == NULL)
    return G_SOURCE_REMOVE;

  waiter_detach (task);
  g_object_ref (task);
  g_ptr_array_remove_fast (pending->waiters, task);
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  if (pending->waiters->len == 0 && !pending->finished)
    {
      g_debug ("%s: nobody waits any more", pending->info_url);
      pending->finished = TRUE;
      pending_leave (pending);
      g_cancellable_cancel (pending->cancellable);
    }
  return G_SOURCE_REMOVE;
}

/* A handler must not disconnect itself, and may run on another thread:
 * the waiter leaves from an idle of its own context. */
static void
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, waiter_cancel_in_idle, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[vitrine] service load cancelled");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* The request                                                         */

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Pending *pending = task_data;
  GBytes *bytes = g_object_get_data (G_OBJECT (task), "bytes");
  GError *error = NULL;
  Parsed *parsed;
  VtImageService *service;

  /* The key is the id asked for: it stands in for a 1.0 document without
   * one, and tells a degraded (Auth 1) answer apart. */
  service = vt_image_service_parse (bytes, pending->key, &error);
  if (service == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  parsed = g_new0 (Parsed, 1);
  parsed->service = service;
  parsed->pyramid = vt_tile_pyramid_new (service);
  g_task_return_pointer (task, parsed, parsed_free);
}

static void
on_parsed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;
  Parsed *parsed;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (!pending->finished)
    {
      if (parsed != NULL)
        {
          memo_insert (pending->self, pending->key, parsed->service, parsed->pyramid);
          pending_finish (pending, parsed->service, parsed->pyramid, NULL);
        }
      else
        pending_finish (pending, NULL, NULL, error);
    }

  g_clear_pointer (&parsed, parsed_free);
  pending_unref (pending);
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse = NULL;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);

  /* Nobody waits any more: the request was cancelled for that. */
  if (pending->finished)
    {
      pending_unref (pending);
      return;
    }

  if (bytes == NULL)
    pending_finish (pending, NULL, NULL, error);
  else
    {
      /* info.json is small, but can be a few MiB of hostile JSON. */
      parse = g_task_new (NULL, pending->cancellable, on_parsed, pending_ref (pending));
      g_task_set_source_tag (parse, on_fetched);
      g_task_set_task_data (parse, pending, NULL);
      g_object_set_data_full (G_OBJECT (parse), "bytes", g_steal_pointer (&bytes),
                              (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (parse, parse_thread);
    }
  pending_unref (pending);
}

static Pending *
pending_new (VtServiceCache *self,
             const char     *key,
             const char     *info_url,
             VtFetchFlags    flags,
             int             priority)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->ref_count = 1;
  pending->self = g_object_ref (self);
  pending->key = g_strdup (key);
  pending->info_url = g_strdup (info_url);
  pending->flags = flags;
  pending->priority = priority;
  pending->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  pending->cancellable = g_cancellable_new ();
  /* The table holds the first reference. */
  g_hash_table_replace (self->pending, pending->key, pending);

  vt_client_fetch_async (self->client, info_url, VT_FETCH_KIND_INFO, flags, priority,
                         pending->cancellable, on_fetched, pending_ref (pending));
  return pending;
}

/* The request waits in its host's queue at the priority of the load that
 * started it; a more urgent load (the canvas, after the strip's
 * thumbnails asked) moves it up while it waits. */
static void
pending_hurry (Pending *pending,
               int      priority)
{
  if (priority >= pending->priority)
    return;

  pending->priority = priority;
  if (_vt_client_hurry (pending->self->client, pending->cancellable, priority))
    g_debug ("%s: priority %d", pending->info_url, priority);
}

/* ------------------------------------------------------------------ */
/* API                                                                 */

/**
 * vt_service_cache_load_async:
 * @self: a #VtServiceCache
 * @service_id_or_info_url: the service id (`…/iiif/2/abc`) or its
 *   info.json address
 * @flags: %VT_FETCH_FLAGS_RELOAD skips the memory and revalidates the
 *   disk cache
 * @priority: the request's priority (`VT_FETCH_PRIORITY_*`)
 * @cancellable: (nullable): makes this load alone fail at once with
 *   %G_IO_ERROR_CANCELLED; the request goes on for the other loads
 * @callback: called with the service and its pyramid
 * @user_data: data for @callback
 *
 * Loads an image service: from memory when it was loaded before,
 * otherwise by its info.json, sharing the request with every other load of
 * the same service meanwhile. Errors: #VT_NET_ERROR (could not get it),
 * #VT_IIIF_ERROR (got it, but it is not a usable info.json).
 */
void
vt_service_cache_load_async (VtServiceCache      *self,
                             const char          *service_id_or_info_url,
                             VtFetchFlags         flags,
                             int                  priority,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autofree char *info_url = NULL;
  Pending *pending;
  Waiter *waiter;
  Memo *memo;

  g_return_if_fail (VT_IS_SERVICE_CACHE (self));
  g_return_if_fail (service_id_or_info_url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_service_cache_load_async);
  waiter = g_new0 (Waiter, 1);
  g_task_set_task_data (task, waiter, waiter_free);

  key = vt_image_service_id_from_info_url (service_id_or_info_url);
  info_url = vt_image_service_info_url (service_id_or_info_url);
  if (info_url == NULL)
    {
      g_task_return_error (task,
                           vt_net_error_new_full (VT_NET_ERROR_UNSUPPORTED_URI, 0, service_id_or_info_url, NULL,
                                                  _("“%s” is not the address of an image service."),
                                                  service_id_or_info_url));
      return;
    }

  if (!(flags & VT_FETCH_FLAGS_RELOAD) && (memo = memo_use (self, key)) != NULL)
    {
      waiter->pyramid = vt_tile_pyramid_ref (memo->pyramid);
      g_task_return_pointer (task, vt_image_service_ref (memo->service),
                             (GDestroyNotify) vt_image_service_unref);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A reload does not join a request that may be answered from the disk
   * cache; anything joins a reload. */
  pending = g_hash_table_lookup (self->pending, key);
  if (pending != NULL && (flags & VT_FETCH_FLAGS_RELOAD) && !(pending->flags & VT_FETCH_FLAGS_RELOAD))
    pending = NULL;

  if (pending == NULL)
    pending = pending_new (self, key, info_url, flags, priority);
  else
    pending_hurry (pending, priority);

  waiter->pending = pending;
  g_ptr_array_add (pending->waiters, g_object_ref (task));
  if (cancellable != NULL)
    waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled),
                                                  g_object_ref (task), g_object_unref);
}

/**
 * vt_service_cache_load_finish:
 * @self: a #VtServiceCache
 * @result: the result
 * @pyramid: (out) (optional) (transfer full): the service's tile pyramid
 * @error: a #VT_NET_ERROR, #VT_IIIF_ERROR or #G_IO_ERROR
 *
 * Returns: (transfer full): the service, or %NULL with @error set
 */
VtImageService *
vt_service_cache_load_finish (VtServiceCache  *self,
                              GAsyncResult    *result,
                              VtTilePyramid  **pyramid,
                              GError         **error)
{
  VtImageService *service;

  g_return_val_if_fail (VT_IS_SERVICE_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_service_cache_load_async, NULL);

  service = g_task_propagate_pointer (G_TASK (result), error);
  if (service != NULL && pyramid != NULL)
    {
      Waiter *waiter = g_task_get_task_data (G_TASK (result));

      *pyramid = vt_tile_pyramid_ref (waiter->pyramid);
    }
  return service;
}

/**
 * vt_service_cache_lookup:
 * @self: a #VtServiceCache
 * @service_id_or_info_url: the service id or its info.json address
 * @pyramid: (out) (optional) (transfer full): its tile pyramid
 *
 * The service if it was loaded before and is still remembered; counts as
 * a use.
 *
 * Returns: (nullable) (transfer full): the service, or %NULL
 */
VtImageService *
vt_service_cache_lookup (VtServiceCache  *self,
                         const char      *service_id_or_info_url,
                         VtTilePyramid  **pyramid)
{
  g_autofree char *key = NULL;
  Memo *memo;

  g_return_val_if_fail (VT_IS_SERVICE_CACHE (self), NULL);

  key = vt_image_service_id_from_info_url (service_id_or_info_url);
  memo = key != NULL ? memo_use (self, key) : NULL;
  if (memo == NULL)
    return NULL;

  if (pyramid != NULL)
    *pyramid = vt_tile_pyramid_ref (memo->pyramid);
  return vt_image_service_ref (memo->service);
}

/**
 * vt_service_cache_set_max_entries:
 * @self: a #VtServiceCache
 * @max_entries: how many services to remember, at least 1
 *
 * The least recently used services beyond that are forgotten.
 */
void
vt_service_cache_set_max_entries (VtServiceCache *self,
                                  guint           max_entries)
{
  g_return_if_fail (VT_IS_SERVICE_CACHE (self));
  g_return_if_fail (max_entries > 0);

  self->max_entries = max_entries;
  evict (self);
}

/**
 * vt_service_cache_get_n_entries:
 *
 * Returns: how many services are remembered now
 */
guint
vt_service_cache_get_n_entries (VtServiceCache *self)
{
  g_return_val_if_fail (VT_IS_SERVICE_CACHE (self), 0);
  return self->lru.length;
}

/**
 * vt_service_cache_forget:
 * @self: a #VtServiceCache
 *
 * Forgets every service (with "clear cache"). Loads under way go on.
 */
void
vt_service_cache_forget (VtServiceCache *self)
{
  g_return_if_fail (VT_IS_SERVICE_CACHE (self));

  g_hash_table_remove_all (self->memo);
  g_queue_init (&self->lru);
}

VtClient *
vt_service_cache_get_client (VtServiceCache *self)
{
  g_return_val_if_fail (VT_IS_SERVICE_CACHE (self), NULL);
  return self->client;
}

/**
 * vt_service_cache_new:
 * @client: the session's #VtClient
 *
 * Returns: (transfer full): a new cache; one per session
 */
VtServiceCache *
vt_service_cache_new (VtClient *client)
{
  VtServiceCache *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);

  self = g_object_new (VT_TYPE_SERVICE_CACHE, NULL);
  self->client = g_object_ref (client);
  return self;
}

static void
vt_service_cache_dispose (GObject *object)
{
  VtServiceCache *self = VT_SERVICE_CACHE (object);

  vt_service_cache_forget (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (vt_service_cache_parent_class)->dispose (object);
}

static void
vt_service_cache_finalize (GObject *object)
{
  VtServiceCache *self = VT_SERVICE_CACHE (object);

  /* Loads hold the cache alive: none can be left. */
  g_assert (g_hash_table_size (self->pending) == 0);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->memo, g_hash_table_unref);

  G_OBJECT_CLASS (vt_service_cache_parent_class)->finalize (object);
}

static void
vt_service_cache_class_init (VtServiceCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_service_cache_dispose;
  object_class->finalize = vt_service_cache_finalize;
}

static void
vt_service_cache_init (VtServiceCache *self)
{
  self->memo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, memo_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) pending_unref);
  g_queue_init (&self->lru);
  self->max_entries = VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES;
}
