/* vt-client-fetcher.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-client-fetcher"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-canvas-error.h"
#include "net/vt-net-error.h"

#include "vt-client-fetcher.h"

/* The canvas' tile fetcher over the application's VtClient: tiles and
 * static images go through the client's per-host priority queue, disk
 * cache, caps and retries, and its errors come back as canvas errors, so
 * that the canvas never sees the network layer. This is also the one place
 * where network errors become canvas errors (the window maps a failed
 * info.json with the same function). */

/* Bytes fetched ahead (a placeholder requested beside info.json, the
 * next canvas' tiles): a fetch of the same URL takes them, or joins the
 * request still under way, so that asking ahead never costs a second
 * request. Unclaimed answers are kept within a small budget, oldest
 * dropped first. */
#define AHEAD_MAX_ENTRIES 96
#define AHEAD_MAX_BYTES   (16 * 1024 * 1024)

typedef struct
{
  VtClientFetcher *self;      /* NULL once the entry left the table */
  char            *uri;
  GTask           *waiter;    /* the fetch that claimed it under way */
  GCancellable    *cancellable;  /* the request's own */
  GCancellable    *owner;     /* the asker's */
  gulong           owner_id;
  GBytes          *bytes;
  GError          *error;
  gboolean         done;
} Ahead;

struct _VtClientFetcher
{
  GObject parent_instance;

  VtClient *client;

  GHashTable *ahead;          /* uri → Ahead (a reference) */
  GQueue      ahead_done;     /* of Ahead, unclaimed answers, oldest first */
  gsize       ahead_bytes;    /* held by ahead_done */
  guint       n_ahead;
  guint       n_ahead_used;
};

static void vt_client_fetcher_iface_init (VtTileFetcherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtClientFetcher, vt_client_fetcher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VT_TYPE_TILE_FETCHER, vt_client_fetcher_iface_init))

static char *
host_of (const char *uri)
{
  g_autoptr (GUri) guri = uri ? g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL) : NULL;

  if (guri != NULL && g_uri_get_host (guri) != NULL)
    return g_strdup (g_uri_get_host (guri));
  return NULL;
}

static VtCanvasError
canvas_code (VtNetError code)
{
  switch (code)
    {
    case VT_NET_ERROR_NOT_PUBLIC:
      return VT_CANVAS_ERROR_NOT_PUBLIC;
    case VT_NET_ERROR_AUTH_REQUIRED:
      return VT_CANVAS_ERROR_AUTH_REQUIRED;
    case VT_NET_ERROR_NOT_FOUND:
      return VT_CANVAS_ERROR_NOT_FOUND;
    case VT_NET_ERROR_SERVER:
      return VT_CANVAS_ERROR_SERVER;
    case VT_NET_ERROR_TIMEOUT:
      return VT_CANVAS_ERROR_TIMEOUT;
    case VT_NET_ERROR_OFFLINE:
    case VT_NET_ERROR_TLS:
    case VT_NET_ERROR_CONNECTION_LOST:
    case VT_NET_ERROR_UNSUPPORTED_URI:
      return VT_CANVAS_ERROR_UNREACHABLE;
    case VT_NET_ERROR_TOO_LARGE:
    case VT_NET_ERROR_BAD_RESPONSE:
    case VT_NET_ERROR_BAD_REQUEST:
    default:
      return VT_CANVAS_ERROR_BAD_RESPONSE;
    }
}

/* For an error that came without a sentence of its own. */
static char *
fallback_message (VtCanvasError  code,
                  const char    *host)
{
  if (host == NULL)
    host = _("the image server");

  switch ((int) code)
    {
    case VT_CANVAS_ERROR_NOT_PUBLIC:
      /* Translators: %s is a server's name, such as iiif.example.org */
      return g_strdup_printf (_("The image is not public: %s refused to show it."), host);
    case VT_CANVAS_ERROR_AUTH_REQUIRED:
      return g_strdup_printf (_("%s shows this image only to visitors who log in."), host);
    case VT_CANVAS_ERROR_NOT_FOUND:
      return g_strdup_printf (_("%s has no image at this address."), host);
    case VT_CANVAS_ERROR_UNREACHABLE:
      return g_strdup_printf (_("Could not reach %s to load the image. Check the network connection."), host);
    case VT_CANVAS_ERROR_TIMEOUT:
      return g_strdup_printf (_("%s did not send the image in time."), host);
    case VT_CANVAS_ERROR_SERVER:
      return g_strdup_printf (_("%s had a problem sending the image. Try again later."), host);
    default:
      return g_strdup_printf (_("%s sent something that is not an image Vitrine can read."), host);
    }
}

/**
 * vt_client_fetcher_map_error:
 * @net_error: an error of the network layer (or of reading info.json)
 *
 * The canvas error that says the same: %VT_NET_ERROR_NOT_PUBLIC becomes
 * %VT_CANVAS_ERROR_NOT_PUBLIC, offline, refused, unknown host, untrusted
 * certificate and a lost connection become %VT_CANVAS_ERROR_UNREACHABLE, a
 * body that is not what was asked for (or too large) and an info.json that
 * does not parse become %VT_CANVAS_ERROR_BAD_RESPONSE, and so on. The
 * message stays the network layer's sentence, which names the server.
 * %G_IO_ERROR_CANCELLED and canvas errors are copied unchanged.
 *
 * Returns: (transfer full): a #VT_CANVAS_ERROR, or a copy of a
 *   cancellation
 */
GError *
vt_client_fetcher_map_error (const GError *net_error)
{
  g_autofree char *host = NULL;
  g_autofree char *message = NULL;
  VtCanvasError code;

  g_return_val_if_fail (net_error != NULL, NULL);

  if (net_error->domain == VT_CANVAS_ERROR ||
      g_error_matches (net_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (net_error);

  if (net_error->domain == VT_NET_ERROR)
    {
      code = canvas_code (net_error->code);
      host = host_of (vt_net_error_get_uri (net_error));
    }
  else
    code = VT_CANVAS_ERROR_BAD_RESPONSE;

  if (net_error->message != NULL && *net_error->message != '\0')
    return g_error_new_literal (VT_CANVAS_ERROR, code, net_error->message);

  message = fallback_message (code, host);
  return g_error_new_literal (VT_CANVAS_ERROR, code, message);
}

/**
 * vt_client_fetcher_map_priority:
 * @priority: a canvas priority, `VT_TILE_PRIORITY_*` or above
 *
 * The canvas' priorities (placeholder first, then by squared distance from
 * the centre in tiles) mapped into VtClient's band for visible tiles;
 * tiles asked ahead (`VT_TILE_PRIORITY_PREFETCH` and above) wait behind
 * everything else, at %VT_FETCH_PRIORITY_PREFETCH.
 *
 * Returns: a `VT_FETCH_PRIORITY_*` value
 */
int
vt_client_fetcher_map_priority (int priority)
{
  if (priority <= VT_TILE_PRIORITY_PLACEHOLDER)
    return VT_FETCH_PRIORITY_VISIBLE - 50;
  if (priority >= VT_TILE_PRIORITY_PREFETCH)
    return VT_FETCH_PRIORITY_PREFETCH;
  return VT_FETCH_PRIORITY_VISIBLE + CLAMP (priority - VT_TILE_PRIORITY_VISIBLE, 0, 99);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (bytes == NULL)
    g_task_return_error (task, vt_client_fetcher_map_error (error));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
ahead_clear (gpointer data)
{
  Ahead *ahead = data;

  g_clear_pointer (&ahead->uri, g_free);
  g_assert (ahead->owner_id == 0);
  g_clear_object (&ahead->waiter);
  g_clear_object (&ahead->cancellable);
  g_clear_object (&ahead->owner);
  g_clear_pointer (&ahead->bytes, g_bytes_unref);
  g_clear_error (&ahead->error);
}

static void
ahead_unref (Ahead *ahead)
{
  g_rc_box_release_full (ahead, ahead_clear);
}

/* The table's reference: the entry no longer points back. */
static void
ahead_drop (gpointer data)
{
  Ahead *ahead = data;

  ahead->self = NULL;
  ahead_unref (ahead);
}

static void
return_ahead (GTask *task,
              Ahead *ahead)
{
  if (ahead->bytes != NULL)
    g_task_return_pointer (task, g_bytes_ref (ahead->bytes), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, g_error_copy (ahead->error));
}

/* Takes @ahead out of the table (and the unclaimed answers). */
static void
ahead_forget (VtClientFetcher *self,
              Ahead           *ahead)
{
  GList *link = g_queue_find (&self->ahead_done, ahead);

  if (link != NULL)
    {
      self->ahead_bytes -= ahead->bytes != NULL ? g_bytes_get_size (ahead->bytes) : 0;
      g_queue_delete_link (&self->ahead_done, link);
    }
  ahead->self = NULL;
  g_hash_table_remove (self->ahead, ahead->uri);
}

static void
ahead_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Ahead *ahead = user_data;
  VtClientFetcher *self = ahead->self;
  g_autoptr (GError) error = NULL;

  /* Not from the handler itself: disconnecting there would deadlock. */
  if (ahead->owner_id != 0)
    g_cancellable_disconnect (ahead->owner, ahead->owner_id);
  ahead->owner_id = 0;

  ahead->bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (ahead->bytes == NULL)
    ahead->error = vt_client_fetcher_map_error (error);
  ahead->done = TRUE;

  if (ahead->waiter != NULL)
    {
      g_autoptr (GTask) waiter = g_steal_pointer (&ahead->waiter);

      return_ahead (waiter, ahead);
    }
  else if (self != NULL)
    {
      /* A failure is not kept: whoever needs the URL asks again. */
      if (ahead->bytes == NULL)
        ahead_forget (self, ahead);
      else
        {
          g_queue_push_tail (&self->ahead_done, ahead);
          self->ahead_bytes += g_bytes_get_size (ahead->bytes);
          while (self->ahead_bytes > AHEAD_MAX_BYTES && !g_queue_is_empty (&self->ahead_done))
            ahead_forget (self, g_queue_peek_head (&self->ahead_done));
        }
    }

  ahead_unref (ahead);
}

/* The asker gave up: a request nobody claimed yet stops; one a fetch took
 * over goes on for it. */
static void
ahead_owner_cancelled (GCancellable *owner,
                       Ahead        *ahead)
{
  if (ahead->waiter == NULL)
    g_cancellable_cancel (ahead->cancellable);
}

/**
 * vt_client_fetcher_fetch_ahead:
 * @uri: what will be wanted soon
 * @kind: as for vt_tile_fetcher_fetch_async()
 * @priority: a canvas priority (`VT_TILE_PRIORITY_*`)
 * @cancellable: (nullable): the asker's; cancelling it stops the request
 *   unless a fetch has joined it
 *
 * Starts fetching @uri now; the next vt_tile_fetcher_fetch_async() of the
 * same URL takes the answer, or joins the request under way, instead of
 * asking again. Nothing is started when @uri is already asked ahead, or
 * when too many requests ahead are under way (answers nobody took make
 * room, oldest first).
 *
 * Returns: whether a request was started
 */
gboolean
vt_client_fetcher_fetch_ahead (VtClientFetcher *self,
                               const char      *uri,
                               VtTileFetchKind  kind,
                               int              priority,
                               GCancellable    *cancellable)
{
  Ahead *ahead;

  g_return_val_if_fail (VT_IS_CLIENT_FETCHER (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (g_hash_table_contains (self->ahead, uri))
    return FALSE;
  /* Room is made by dropping the oldest answers nobody took; requests
   * still under way are never dropped for a newer one. */
  while (g_hash_table_size (self->ahead) >= AHEAD_MAX_ENTRIES && !g_queue_is_empty (&self->ahead_done))
    ahead_forget (self, g_queue_peek_head (&self->ahead_done));
  if (g_hash_table_size (self->ahead) >= AHEAD_MAX_ENTRIES)
    return FALSE;

  ahead = g_rc_box_new0 (Ahead);
  ahead->self = self;
  ahead->uri = g_strdup (uri);
  ahead->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->ahead, ahead->uri, g_rc_box_acquire (ahead));
  self->n_ahead++;

  vt_client_fetch_async (self->client, uri,
                         kind == VT_TILE_FETCH_IMAGE ? VT_FETCH_KIND_THUMBNAIL : VT_FETCH_KIND_TILE,
                         VT_FETCH_FLAGS_NONE, vt_client_fetcher_map_priority (priority),
                         ahead->cancellable, ahead_fetched_cb, ahead);
  /* After the request: an asker already cancelled stops it at once. */
  if (cancellable != NULL)
    {
      ahead->owner = g_object_ref (cancellable);
      ahead->owner_id = g_cancellable_connect (cancellable, G_CALLBACK (ahead_owner_cancelled), ahead, NULL);
    }
  return TRUE;
}

/**
 * vt_client_fetcher_get_n_ahead:
 * @n_used: (out) (optional): how many of them a fetch took
 *
 * For statistics and tests.
 *
 * Returns: how many requests were started ahead
 */
guint
vt_client_fetcher_get_n_ahead (VtClientFetcher *self,
                               guint           *n_used)
{
  g_return_val_if_fail (VT_IS_CLIENT_FETCHER (self), 0);

  if (n_used != NULL)
    *n_used = self->n_ahead_used;
  return self->n_ahead;
}

static void
vt_client_fetcher_fetch_async (VtTileFetcher       *fetcher,
                               const char          *uri,
                               VtTileFetchKind      kind,
                               int                  priority,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  VtClientFetcher *self = VT_CLIENT_FETCHER (fetcher);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Ahead *ahead;

  g_task_set_source_tag (task, vt_client_fetcher_fetch_async);

  ahead = g_hash_table_lookup (self->ahead, uri);
  /* Given up by its asker before it ended: ask anew. */
  if (ahead != NULL && !ahead->done && g_cancellable_is_cancelled (ahead->cancellable))
    {
      ahead_forget (self, ahead);
      ahead = NULL;
    }
  if (ahead != NULL && ahead->waiter == NULL)
    {
      self->n_ahead_used++;
      if (ahead->done)
        {
          return_ahead (task, ahead);
          g_object_unref (task);
          ahead_forget (self, ahead);
        }
      else
        {
          /* Under way: it answers this fetch when it ends, and must not
           * wait behind others any longer than the fetch would. */
          ahead->waiter = task;
          vt_client_reprioritize (self->client, ahead->cancellable,
                                  vt_client_fetcher_map_priority (priority));
          ahead->self = NULL;
          g_hash_table_remove (self->ahead, uri);
        }
      return;
    }

  vt_client_fetch_async (self->client, uri,
                         kind == VT_TILE_FETCH_IMAGE ? VT_FETCH_KIND_THUMBNAIL : VT_FETCH_KIND_TILE,
                         VT_FETCH_FLAGS_NONE, vt_client_fetcher_map_priority (priority),
                         cancellable, fetched_cb, task);
}

static GBytes *
vt_client_fetcher_fetch_finish (VtTileFetcher  *fetcher,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, fetcher), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
vt_client_fetcher_reprioritize (VtTileFetcher *fetcher,
                                GCancellable  *cancellable,
                                int            priority)
{
  VtClientFetcher *self = VT_CLIENT_FETCHER (fetcher);

  vt_client_reprioritize (self->client, cancellable, vt_client_fetcher_map_priority (priority));
}

static void
vt_client_fetcher_iface_init (VtTileFetcherInterface *iface)
{
  iface->fetch_async = vt_client_fetcher_fetch_async;
  iface->fetch_finish = vt_client_fetcher_fetch_finish;
  iface->reprioritize = vt_client_fetcher_reprioritize;
}

static void
vt_client_fetcher_finalize (GObject *object)
{
  VtClientFetcher *self = VT_CLIENT_FETCHER (object);

  g_clear_object (&self->client);
  g_queue_clear (&self->ahead_done);
  g_clear_pointer (&self->ahead, g_hash_table_unref);

  G_OBJECT_CLASS (vt_client_fetcher_parent_class)->finalize (object);
}

static void
vt_client_fetcher_class_init (VtClientFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_client_fetcher_finalize;
}

static void
vt_client_fetcher_init (VtClientFetcher *self)
{
  self->ahead = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, ahead_drop);
}

/**
 * vt_client_fetcher_new:
 * @client: the client that fetches
 *
 * Returns: (transfer full): a tile fetcher over @client
 */
VtClientFetcher *
vt_client_fetcher_new (VtClient *client)
{
  VtClientFetcher *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);

  self = g_object_new (VT_TYPE_CLIENT_FETCHER, NULL);
  self->client = g_object_ref (client);
  return self;
}

/**
 * vt_client_fetcher_get_client:
 *
 * Returns: (transfer none): the client
 */
VtClient *
vt_client_fetcher_get_client (VtClientFetcher *self)
{
  g_return_val_if_fail (VT_IS_CLIENT_FETCHER (self), NULL);
  return self->client;
}
