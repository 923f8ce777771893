/* vt-client.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "vt-client-private.h"
#include "vt-fetch-kind-private.h"
#include "vt-net-error-private.h"

/**
 * VtClient:
 *
 * The one HTTP client of the app: a single #SoupSession with a disk
 * cache, and in front of it a queue per server that lets visible tiles
 * overtake prefetches and thumbnails. Every request can be cancelled, and
 * cancelling frees its place at once; every failure ends in one
 * #VtNetError state.
 *
 * libsoup's own per-host limit is set high and never reached: the queue
 * here enforces #VtClient:max-conns-per-host, so that the limit can change
 * while the app runs and so that what waits is ordered by priority. Once a
 * server has answered over HTTP/2 (libsoup offers h2 by ALPN on every TLS
 * connection), its requests are streams on one connection and up to
 * VT_CLIENT_H2_STREAMS_PER_HOST of them run at once.
 *
 * A client lives on the thread that created it (the main thread).
 */

#define SOUP_CONNS_PER_HOST   16
#define SOUP_CONNS_TOTAL      64
#define SAVE_CACHE_DELAY_S    5

#define DEFAULT_CONNS_PER_HOST   6
#define DEFAULT_DISK_CACHE_MIB   512
#define DEFAULT_IO_TIMEOUT_MS    (20 * 1000)
#define DEFAULT_REQUEST_TIMEOUT_MS (90 * 1000)
/* The slowest body accepted: 1 KiB/s over any 10 s once it has started.
 * Far below any real link (a Ghent manifest of a few kB arrives in one
 * piece), far above a server that drips a byte at a time, which then ends
 * after about 10 s instead of at the 90 s deadline. */
#define DEFAULT_MIN_BODY_RATE    1024
#define DEFAULT_RATE_WINDOW_MS   (10 * 1000)
#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_RETRY_BASE_MS    500
#define DEFAULT_RETRY_MAX_MS     (30 * 1000)

G_DEFINE_FINAL_TYPE (VtClient, vt_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  PROP_MAX_CONNS_PER_HOST,
  PROP_DISK_CACHE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/* Addresses copied out of manifests are not always valid URIs: Ghent's
 * image identifiers may hold raw spaces, other publishers use non-ASCII
 * paths. Percent-encode what a browser would (spaces, non-ASCII bytes,
 * the few ASCII characters never allowed, a '%' that starts no escape)
 * and keep everything else, existing escapes included, as it is. */
static char *
normalise_uri (const char *uri)
{
  static const char hex[] = "0123456789ABCDEF";
  GString *out = g_string_sized_new (strlen (uri) + 16);

  for (const guchar *p = (const guchar *) uri; *p != '\0'; p++)
    {
      gboolean escape = *p <= 0x20 || *p >= 0x7F || strchr ("\"<>\\^`{|}", *p) != NULL;

      if (*p == '%' && !(g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2])))
        escape = TRUE;

      if (escape)
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xF]);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
host_key_for (GUri *uri)
{
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri),
                          g_uri_get_port (uri));
}

/**
 * vt_client_fetch_async:
 * @self: a #VtClient
 * @uri: an http or https address
 * @kind: what is fetched; picks the cap and the content check
 * @flags: #VtFetchFlags
 * @priority: lower runs first, see `VT_FETCH_PRIORITY_*`
 * @cancellable: (nullable): cancelling gives the slot back at once and the
 *   request then completes with %G_IO_ERROR_CANCELLED
 * @callback: called when the body has arrived and passed its checks
 * @user_data: data for @callback
 *
 * Fetches @uri with retries, caps and the disk cache.
 */
void
vt_client_fetch_async (VtClient            *self,
                       const char          *uri,
                       VtFetchKind          kind,
                       VtFetchFlags         flags,
                       int                  priority,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) guri = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *host_key = NULL;
  const char *scheme;

  g_return_if_fail (VT_IS_CLIENT (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail ((guint) kind < VT_N_FETCH_KINDS);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_client_fetch_async);

  /* A leading or trailing space is a copying accident, not part of it. */
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (uri));

    normalised = normalise_uri (trimmed);
  }
  guri = g_uri_parse (normalised, G_URI_FLAGS_ENCODED, NULL);
  scheme = guri != NULL ? g_uri_get_scheme (guri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (guri) == NULL || *g_uri_get_host (guri) == '\0')
    {
      g_task_return_error (task,
                           vt_net_error_new_full (VT_NET_ERROR_UNSUPPORTED_URI, 0, uri, NULL,
                                                  _("Only http and https addresses can be opened, not “%s”."),
                                                  uri));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  host_key = host_key_for (guri);
  _vt_request_submit (self, task, normalised, host_key, kind, flags, priority, cancellable);
}

/**
 * vt_client_fetch_finish:
 * @self: a #VtClient
 * @result: the result
 * @content_type: (out) (optional) (nullable): the declared content type,
 *   without parameters
 * @final_uri: (out) (optional): the address after redirects
 * @error: a #VT_NET_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the body
 */
GBytes *
vt_client_fetch_finish (VtClient      *self,
                        GAsyncResult  *result,
                        char         **content_type,
                        char         **final_uri,
                        GError       **error)
{
  VtRequest *req;
  GBytes *bytes;

  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_client_fetch_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes == NULL)
    return NULL;

  req = g_task_get_task_data (G_TASK (result));
  if (content_type != NULL)
    *content_type = g_strdup (_vt_request_get_content_type (req));
  if (final_uri != NULL)
    *final_uri = g_strdup (_vt_request_get_final_uri (req));

  return bytes;
}

/**
 * vt_client_fetch_dup_response_header:
 * @self: a #VtClient
 * @result: the result given to the callback of vt_client_fetch_async()
 * @name: a header name, e.g. "Cache-Control"
 *
 * A header of the final answer (after redirects; from the disk cache
 * when the answer came from there), for callers that keep their own
 * record of what may change, such as the catalogue's harvest.
 *
 * Returns: (transfer full) (nullable): the header's value, repeated
 *   headers joined with ", "
 */
char *
vt_client_fetch_dup_response_header (VtClient     *self,
                                     GAsyncResult *result,
                                     const char   *name)
{
  VtRequest *req;

  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  req = g_task_get_task_data (G_TASK (result));
  return req != NULL ? g_strdup (_vt_request_get_response_header (req, name)) : NULL;
}

/* ------------------------------------------------------------------ */
/* Cache                                                               */

static gboolean
save_cache_cb (gpointer data)
{
  VtClient *self = data;

  /* Only the index: answers still being written are saved next time. */
  self->save_cache_id = 0;
  if (self->cache != NULL)
    soup_cache_dump (self->cache);

  return G_SOURCE_REMOVE;
}

static void
on_request_finished (SoupSession *session,
                     SoupMessage *msg,
                     VtClient    *self)
{
  /* Write the cache index a little after the last request, so that a
   * crash or a kill loses at most a few seconds of cache. */
  if (self->cache != NULL && self->save_cache_id == 0)
    self->save_cache_id = g_timeout_add_seconds (SAVE_CACHE_DELAY_S, save_cache_cb, self);
}

/**
 * vt_client_save_cache:
 * @self: a #VtClient
 *
 * Finishes writing the answers still streaming into the disk cache (an
 * answer is only served from the cache once it is written whole), then
 * writes the cache's index so that the next run finds it. Iterates the
 * thread-default main context while it waits (10 s at most), so call it
 * at quiet moments: on shutdown, or in tests. The index alone is also
 * written by itself a few seconds after requests, and on dispose.
 */
void
vt_client_save_cache (VtClient *self)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  g_clear_handle_id (&self->save_cache_id, g_source_remove);
  if (self->cache != NULL)
    {
      soup_cache_flush (self->cache);
      soup_cache_dump (self->cache);
    }
}

/**
 * vt_client_clear_cache:
 * @self: a #VtClient
 *
 * Empties the disk cache (the "clear cache" action).
 */
void
vt_client_clear_cache (VtClient *self)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  if (self->cache != NULL)
    {
      soup_cache_clear (self->cache);
      soup_cache_dump (self->cache);
    }
}

/* ------------------------------------------------------------------ */
/* Settings                                                            */

const char *
vt_client_get_cache_dir (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);

  return self->cache_dir;
}

guint
vt_client_get_max_conns_per_host (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->max_conns_per_host;
}

/**
 * vt_client_set_max_conns_per_host:
 * @self: a #VtClient
 * @max_conns: 1 to 16
 *
 * How many requests run at once against one server over HTTP/1.1. Takes
 * effect at once: a higher value starts waiting requests; a lower one lets
 * the running ones finish. A server that answers over HTTP/2 gets up to
 * 32 requests at once, as streams of one connection.
 */
void
vt_client_set_max_conns_per_host (VtClient *self,
                                  guint     max_conns)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (VT_IS_CLIENT (self));

  max_conns = CLAMP (max_conns, 1, SOUP_CONNS_PER_HOST);
  if (max_conns == self->max_conns_per_host)
    return;

  self->max_conns_per_host = max_conns;

  g_hash_table_iter_init (&iter, self->hosts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _vt_client_pump (self, value);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONNS_PER_HOST]);
}

guint
vt_client_get_disk_cache_size (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->disk_cache_size_mib;
}

/**
 * vt_client_set_disk_cache_size:
 * @self: a #VtClient
 * @size_mib: the disk cache size in MiB
 */
void
vt_client_set_disk_cache_size (VtClient *self,
                               guint     size_mib)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  size_mib = MAX (size_mib, 1);
  if (size_mib == self->disk_cache_size_mib)
    return;

  self->disk_cache_size_mib = size_mib;
  if (self->cache != NULL)
    soup_cache_set_max_size (self->cache, (guint) MIN ((guint64) size_mib * 1024 * 1024, G_MAXUINT));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_CACHE_SIZE]);
}

gsize
vt_client_get_body_limit (VtClient    *self,
                          VtFetchKind  kind)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);
  g_return_val_if_fail ((guint) kind < VT_N_FETCH_KINDS, 0);

  return self->body_limits[kind];
}

/**
 * vt_client_set_body_limit:
 * @self: a #VtClient
 * @kind: a kind of fetch
 * @max_bytes: the largest body accepted; a larger one fails with
 *   %VT_NET_ERROR_TOO_LARGE as soon as the byte past the cap arrives
 */
void
vt_client_set_body_limit (VtClient    *self,
                          VtFetchKind  kind,
                          gsize        max_bytes)
{
  g_return_if_fail (VT_IS_CLIENT (self));
  g_return_if_fail ((guint) kind < VT_N_FETCH_KINDS);

  self->body_limits[kind] = max_bytes;
}

/**
 * vt_client_set_timeouts:
 * @self: a #VtClient
 * @io_timeout_ms: fail when nothing arrives for this long (connecting,
 *   waiting for headers, or between two pieces of body); 0 for none. A
 *   kind with a longer first-byte timeout (see
 *   vt_client_set_first_byte_timeout()) gets that long for its headers.
 * @request_timeout_ms: fail when one attempt takes longer than this in
 *   all, even if the server trickles; 0 for none
 *
 * The defaults are 20 s and 90 s.
 */
void
vt_client_set_timeouts (VtClient *self,
                        guint     io_timeout_ms,
                        guint     request_timeout_ms)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  self->io_timeout_ms = io_timeout_ms;
  self->request_timeout_ms = request_timeout_ms;
}

/**
 * vt_client_get_first_byte_timeout:
 * @self: a #VtClient
 * @kind: a kind of fetch
 *
 * Returns: the least time the server gets to start answering a request of
 *   @kind, in milliseconds; 0 when the idle timeout alone applies
 */
guint
vt_client_get_first_byte_timeout (VtClient    *self,
                                  VtFetchKind  kind)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);
  g_return_val_if_fail ((guint) kind < VT_N_FETCH_KINDS, 0);

  return self->first_byte_ms[kind];
}

/**
 * vt_client_set_first_byte_timeout:
 * @self: a #VtClient
 * @kind: a kind of fetch
 * @timeout_ms: the least time the server gets between the request and
 *   the headers of its answer; 0 for the idle timeout alone
 *
 * Servers that build their answer on request think longer than the idle
 * timeout allows: Ghent's manifest generator takes 17 s for a typical
 * cold request. The idle timeout still applies when it is the longer one,
 * and once the headers are in. The default is 45 s for
 * %VT_FETCH_KIND_MANIFEST and 0 for the image kinds.
 */
void
vt_client_set_first_byte_timeout (VtClient    *self,
                                  VtFetchKind  kind,
                                  guint        timeout_ms)
{
  g_return_if_fail (VT_IS_CLIENT (self));
  g_return_if_fail ((guint) kind < VT_N_FETCH_KINDS);

  self->first_byte_ms[kind] = timeout_ms;
}

/**
 * vt_client_set_min_body_rate:
 * @self: a #VtClient
 * @bytes_per_second: the slowest body accepted; 0 for no floor
 * @window_ms: the window it is measured over, starting with the first
 *   byte of body
 *
 * A body that brings less than @bytes_per_second × @window_ms over any
 * window of @window_ms fails with %VT_NET_ERROR_TIMEOUT (not retried),
 * instead of holding the user until the request timeout; an error page
 * that slow ends with its status. A body that is done within one window
 * is never judged. The default is 1 KiB/s over 10 s.
 */
void
vt_client_set_min_body_rate (VtClient *self,
                             guint     bytes_per_second,
                             guint     window_ms)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  self->min_body_rate = bytes_per_second;
  self->body_rate_window_ms = window_ms;
}

/**
 * vt_client_set_retry_policy:
 * @self: a #VtClient
 * @max_retries: attempts after the first one, for GETs that failed on the
 *   connection (closed or cut short) or with 502, 503, 504 or 429. A 500
 *   is not retried: it is the server failing on this request (Ghent's
 *   "Something went wrong while generating the manifest" comes back the
 *   same every time), where 502, 503 and 504 are a gateway or a busy
 *   server that the next attempt may well find in better shape.
 * @base_delay_ms: the first backoff step (doubled at each attempt, half
 *   of it random)
 * @max_delay_ms: the longest pause; a Retry-After up to it is honoured,
 *   one beyond it is not waited for (the error is shown at once)
 *
 * The defaults are 3 retries, 500 ms and 30 s.
 */
void
vt_client_set_retry_policy (VtClient *self,
                            guint     max_retries,
                            guint     base_delay_ms,
                            guint     max_delay_ms)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  self->max_retries = max_retries;
  self->retry_base_ms = base_delay_ms;
  self->retry_max_ms = MAX (max_delay_ms, base_delay_ms);
}

/**
 * vt_client_set_tls_database:
 * @self: a #VtClient
 * @database: (nullable): the certificates to trust, or %NULL for the
 *   system's
 *
 * Which certificate authorities HTTPS servers are checked against. For
 * tests and benchmarks only, which trust the CA of the local test bed
 * (g_tls_file_database_new() on vt_testbed_get_ca_file()); the app never
 * calls it, so it always checks against the system's store, and no
 * environment variable changes that. Connections already open keep the
 * database they were made with.
 */
void
vt_client_set_tls_database (VtClient     *self,
                            GTlsDatabase *database)
{
  g_return_if_fail (VT_IS_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (database != NULL)
    {
      soup_session_set_tls_database (self->session, database);
    }
  else
    {
      g_autoptr(GTlsDatabase) system = g_tls_backend_get_default_database (g_tls_backend_get_default ());

      soup_session_set_tls_database (self->session, system);
    }
}

/* How many requests of HOST may run at once. On HTTP/2, as many streams
 * as the server takes, up to VT_CLIENT_H2_STREAMS_PER_HOST. libsoup does
 * not say how many that is (SETTINGS_MAX_CONCURRENT_STREAMS; lighttpd
 * allows 8, nginx 128), and libsoup 3.2 holds a request beyond it back
 * until something else wakes the connection, often a round trip after a
 * stream is free (the network benchmark measured medians of 60-90 ms).
 * So the limit climbs one above the most streams open at once until
 * libsoup holds a request back; from then on it is that most. What waits
 * waits here, in priority order, and leaves the moment a slot frees. */
guint
_vt_client_host_limit (VtClient    *self,
                       VtHostQueue *host)
{
  if (host->multiplexed)
    return CLAMP (host->peak_written + (host->held_back ? 0 : 1),
                  self->max_conns_per_host, VT_CLIENT_H2_STREAMS_PER_HOST);
  return self->max_conns_per_host;
}

/**
 * vt_client_get_n_active:
 * @self: a #VtClient
 *
 * Returns: how many requests hold a connection slot now
 */
guint
vt_client_get_n_active (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->n_active;
}

/**
 * vt_client_get_n_queued:
 * @self: a #VtClient
 *
 * Returns: how many requests wait for a slot
 */
guint
vt_client_get_n_queued (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->n_queued;
}

/**
 * vt_client_get_n_network_answers:
 * @self: a #VtClient
 *
 * For statistics and tests: how many answers came over the network
 * rather than from the disk cache (a 304 revalidation counts as network).
 *
 * Returns: the count since the client was made
 */
guint
vt_client_get_n_network_answers (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->n_network;
}

/**
 * vt_client_get_n_retries:
 * @self: a #VtClient
 *
 * For statistics and tests: how many attempts were made again after a
 * retryable failure (see vt_client_set_retry_policy()).
 *
 * Returns: the count since the client was made
 */
guint
vt_client_get_n_retries (VtClient *self)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), 0);

  return self->n_retries;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

/**
 * vt_client_dup_default_cache_dir:
 *
 * Returns: (transfer full): where the app keeps its disk cache, in the
 *   user cache directory
 */
char *
vt_client_dup_default_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "http", NULL);
}

/**
 * vt_client_new:
 * @cache_dir: (nullable): where the disk cache lives, or %NULL for no
 *   disk cache
 *
 * Returns: (transfer full): a new client
 */
VtClient *
vt_client_new (const char *cache_dir)
{
  return g_object_new (VT_TYPE_CLIENT, "cache-dir", cache_dir, NULL);
}

static void
vt_client_constructed (GObject *object)
{
  VtClient *self = VT_CLIENT (object);

  G_OBJECT_CLASS (vt_client_parent_class)->constructed (object);

  self->session = soup_session_new_with_options ("user-agent", "Vitrine/" PACKAGE_VERSION,
                                                 "max-conns", SOUP_CONNS_TOTAL,
                                                 "max-conns-per-host", SOUP_CONNS_PER_HOST,
                                                 NULL);
  g_signal_connect_object (self->session, "request-unqueued",
                           G_CALLBACK (on_request_finished), self, 0);

  if (self->cache_dir != NULL)
    {
      self->cache = soup_cache_new (self->cache_dir, SOUP_CACHE_SINGLE_USER);
      soup_cache_set_max_size (self->cache,
                               (guint) MIN ((guint64) self->disk_cache_size_mib * 1024 * 1024, G_MAXUINT));
      soup_cache_load (self->cache);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cache));
    }
}

static void
vt_client_dispose (GObject *object)
{
  VtClient *self = VT_CLIENT (object);

  /* Requests hold a reference on the client, so none is running here. */
  g_clear_handle_id (&self->save_cache_id, g_source_remove);
  if (self->cache != NULL)
    soup_cache_dump (self->cache);

  _vt_client_preconnects_finish (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (vt_client_parent_class)->dispose (object);
}

static void
vt_client_finalize (GObject *object)
{
  VtClient *self = VT_CLIENT (object);

  g_clear_pointer (&self->hosts, g_hash_table_unref);
  g_clear_pointer (&self->cache_dir, g_free);
  _vt_client_timings_free (self);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (vt_client_parent_class)->finalize (object);
}

static void
vt_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtClient *self = VT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_MAX_CONNS_PER_HOST:
      g_value_set_uint (value, self->max_conns_per_host);
      break;

    case PROP_DISK_CACHE_SIZE:
      g_value_set_uint (value, self->disk_cache_size_mib);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VtClient *self = VT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;

    case PROP_MAX_CONNS_PER_HOST:
      vt_client_set_max_conns_per_host (self, g_value_get_uint (value));
      break;

    case PROP_DISK_CACHE_SIZE:
      vt_client_set_disk_cache_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_client_class_init (VtClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vt_client_constructed;
  object_class->dispose = vt_client_dispose;
  object_class->finalize = vt_client_finalize;
  object_class->get_property = vt_client_get_property;
  object_class->set_property = vt_client_set_property;

  /**
   * VtClient:cache-dir:
   *
   * The disk cache's directory, or %NULL for none.
   */
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * VtClient:max-conns-per-host:
   *
   * Requests running at once against one server (the
   * `connections-per-host` setting).
   */
  properties[PROP_MAX_CONNS_PER_HOST] =
    g_param_spec_uint ("max-conns-per-host", NULL, NULL,
                       1, SOUP_CONNS_PER_HOST, DEFAULT_CONNS_PER_HOST,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtClient:disk-cache-size:
   *
   * The disk cache size in MiB (the `disk-cache-size` setting).
   */
  properties[PROP_DISK_CACHE_SIZE] =
    g_param_spec_uint ("disk-cache-size", NULL, NULL,
                       1, G_MAXUINT, DEFAULT_DISK_CACHE_MIB,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_client_init (VtClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _vt_host_queue_free);
  self->max_conns_per_host = DEFAULT_CONNS_PER_HOST;
  self->disk_cache_size_mib = DEFAULT_DISK_CACHE_MIB;
  self->io_timeout_ms = DEFAULT_IO_TIMEOUT_MS;
  self->request_timeout_ms = DEFAULT_REQUEST_TIMEOUT_MS;
  self->min_body_rate = DEFAULT_MIN_BODY_RATE;
  self->body_rate_window_ms = DEFAULT_RATE_WINDOW_MS;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->retry_base_ms = DEFAULT_RETRY_BASE_MS;
  self->retry_max_ms = DEFAULT_RETRY_MAX_MS;

  for (guint i = 0; i < VT_N_FETCH_KINDS; i++)
    {
      self->body_limits[i] = _vt_fetch_kind_default_limit ((VtFetchKind) i);
      self->first_byte_ms[i] = _vt_fetch_kind_default_first_byte_ms ((VtFetchKind) i);
    }
}
