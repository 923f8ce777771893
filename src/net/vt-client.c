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

#include "vt-client.h"
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
 * while the app runs and so that what waits is ordered by priority.
 *
 * A client lives on the thread that created it (the main thread).
 */

#define CHUNK_SIZE            (64 * 1024)
#define MAX_ERROR_BODY        (64 * 1024)
#define MAX_REDIRECTS         5
#define SOUP_CONNS_PER_HOST   16
#define SOUP_CONNS_TOTAL      64
#define SAVE_CACHE_DELAY_S    5

#define DEFAULT_CONNS_PER_HOST   6
#define DEFAULT_DISK_CACHE_MIB   512
#define DEFAULT_IO_TIMEOUT_MS    (20 * 1000)
#define DEFAULT_REQUEST_TIMEOUT_MS (90 * 1000)
#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_RETRY_BASE_MS    500
#define DEFAULT_RETRY_MAX_MS     (30 * 1000)

struct _VtClient
{
  GObject       parent_instance;

  SoupSession  *session;
  SoupCache    *cache;
  char         *cache_dir;
  GMainContext *context;

  /* host key ("scheme://host:port") → HostQueue */
  GHashTable   *hosts;

  gsize         body_limits[VT_N_FETCH_KINDS];
  guint         max_conns_per_host;
  guint         disk_cache_size_mib;
  guint         io_timeout_ms;
  guint         request_timeout_ms;
  guint         max_retries;
  guint         retry_base_ms;
  guint         retry_max_ms;

  guint         n_active;
  guint         n_queued;
  guint         n_network;
  guint64       next_seq;
  guint         save_cache_id;
};

G_DEFINE_FINAL_TYPE (VtClient, vt_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  PROP_MAX_CONNS_PER_HOST,
  PROP_DISK_CACHE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GQueue pending;   /* of Request*, sorted by priority then arrival */
  guint  n_active;
} HostQueue;

typedef enum
{
  REQUEST_NEW,
  REQUEST_QUEUED,
  REQUEST_ACTIVE,
  REQUEST_WAITING,  /* for a retry */
  REQUEST_DONE,
} RequestState;

typedef struct
{
  VtClient      *client;        /* strong */
  GTask         *task;          /* owned until the request completes */
  char          *uri;           /* the address asked for */
  char          *current_uri;   /* after redirects */
  char          *host_key;
  HostQueue     *host;          /* owned by client->hosts */
  GList         *link;          /* in host->pending while queued */

  VtFetchKind    kind;
  VtFetchFlags   flags;
  int            priority;
  guint64        seq;
  gsize          limit;

  RequestState   state;
  guint          attempt;
  guint          n_redirects;
  gboolean       from_stale_cache;
  GError        *first_error;   /* kept while trying the stale cache */

  GCancellable  *cancellable;   /* the caller's */
  gulong         cancelled_id;
  GCancellable  *io_cancellable;
  SoupMessage   *msg;
  GInputStream  *stream;
  GByteArray    *body;
  char          *content_type;
  guint          status;
  gboolean       reading_error_body;

  guint          idle_timeout_id;
  guint          deadline_id;
  guint          retry_id;
} Request;

static void request_start   (Request *req);
static void finish_body     (Request *req);
static void request_fail    (Request *req,
                             GError  *error);
static void host_pump       (VtClient  *self,
                             HostQueue *host);

static void
host_queue_free (gpointer data)
{
  HostQueue *host = data;

  g_queue_clear (&host->pending);
  g_free (host);
}

static void
request_clear (Request *req)
{
  g_assert (req->link == NULL);
  g_assert (req->cancelled_id == 0);
  g_assert (req->idle_timeout_id == 0 && req->deadline_id == 0 && req->retry_id == 0);

  g_clear_object (&req->task);
  g_clear_object (&req->cancellable);
  g_clear_object (&req->io_cancellable);
  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_data (req->msg, req);
  g_clear_object (&req->msg);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->body, g_byte_array_unref);
  g_clear_pointer (&req->content_type, g_free);
  g_clear_pointer (&req->uri, g_free);
  g_clear_pointer (&req->current_uri, g_free);
  g_clear_pointer (&req->host_key, g_free);
  g_clear_error (&req->first_error);
  g_clear_object (&req->client);
}

static Request *
request_ref (Request *req)
{
  return g_rc_box_acquire (req);
}

static void
request_unref (Request *req)
{
  g_rc_box_release_full (req, (GDestroyNotify) request_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_unref)

/* ------------------------------------------------------------------ */
/* Slots and queues                                                    */

static gint
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Request *ra = a;
  const Request *rb = b;

  if (ra->priority != rb->priority)
    return ra->priority < rb->priority ? -1 : 1;

  return ra->seq < rb->seq ? -1 : (ra->seq > rb->seq ? 1 : 0);
}

static void
request_enqueue (Request *req)
{
  VtClient *self = req->client;

  g_assert (req->state == REQUEST_NEW || req->state == REQUEST_WAITING);

  req->state = REQUEST_QUEUED;
  g_queue_insert_sorted (&req->host->pending, req, compare_requests, NULL);
  req->link = g_queue_find (&req->host->pending, req);
  self->n_queued++;

  host_pump (self, req->host);
}

static void
clear_timers (Request *req)
{
  g_clear_handle_id (&req->idle_timeout_id, g_source_remove);
  g_clear_handle_id (&req->deadline_id, g_source_remove);
  g_clear_handle_id (&req->retry_id, g_source_remove);
}

/* Gives back whatever the request holds (its place in the queue or its
 * connection slot) and stops its I/O. Called the moment its outcome is
 * known, so that the next request can start at once. */
static void
request_release (Request *req)
{
  VtClient *self = req->client;

  clear_timers (req);

  switch (req->state)
    {
    case REQUEST_QUEUED:
      g_queue_delete_link (&req->host->pending, req->link);
      req->link = NULL;
      self->n_queued--;
      break;

    case REQUEST_ACTIVE:
      req->host->n_active--;
      self->n_active--;
      g_cancellable_cancel (req->io_cancellable);
      break;

    case REQUEST_NEW:
    case REQUEST_WAITING:
    case REQUEST_DONE:
    default:
      break;
    }
}

static void
request_complete (Request *req,
                  GBytes  *bytes,
                  GError  *error)
{
  g_autoptr(GTask) task = NULL;
  VtClient *self = req->client;
  RequestState old_state = req->state;

  if (req->state == REQUEST_DONE)
    {
      g_clear_error (&error);
      return;
    }

  request_release (req);
  req->state = REQUEST_DONE;

  if (req->cancelled_id != 0)
    {
      g_cancellable_disconnect (req->cancellable, req->cancelled_id);
      req->cancelled_id = 0;
    }

  task = g_steal_pointer (&req->task);

  if (error != NULL)
    {
      g_debug ("%s: %s", req->uri, error->message);
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
    }

  if (old_state == REQUEST_ACTIVE)
    host_pump (self, req->host);

  /* I/O callbacks still pending only look at the state now; the request
   * must not keep the client alive for them. */
  req->host = NULL;
  g_clear_object (&req->client);
}

static void
host_pump (VtClient  *self,
           HostQueue *host)
{
  while (host->n_active < self->max_conns_per_host &&
         !g_queue_is_empty (&host->pending))
    {
      Request *req = g_queue_pop_head (&host->pending);

      req->link = NULL;
      self->n_queued--;
      req->state = REQUEST_ACTIVE;
      host->n_active++;
      self->n_active++;

      request_start (req);
    }
}

/* ------------------------------------------------------------------ */
/* Cancellation                                                        */

static gboolean
cancel_in_idle (gpointer data)
{
  Request *req = data;

  request_complete (req, NULL,
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         _("The request was cancelled")));

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              Request      *req)
{
  GSource *source;

  if (req->state == REQUEST_DONE)
    return;

  /* The slot is given back right here when the caller cancels on our
   * thread (the usual case), so that the next request can start before
   * the main loop turns. The task itself completes from an idle, since
   * a handler must not disconnect itself. */
  if (g_main_context_acquire (req->client->context))
    {
      RequestState old_state = req->state;

      request_release (req);
      /* Nothing restarts a waiting request but its retry timer, which
       * request_release() removed. */
      req->state = REQUEST_WAITING;
      if (old_state == REQUEST_ACTIVE)
        host_pump (req->client, req->host);
      g_main_context_release (req->client->context);
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, cancel_in_idle, request_ref (req), (GDestroyNotify) request_unref);
  g_source_set_static_name (source, "[vitrine] cancel request");
  g_source_attach (source, req->client->context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* Timeouts and retries                                                */

static gboolean
on_idle_timeout (gpointer data)
{
  Request *req = data;
  g_autofree char *host = NULL;
  g_autoptr(GUri) guri = g_uri_parse (req->current_uri, G_URI_FLAGS_ENCODED, NULL);

  req->idle_timeout_id = 0;

  /* An error page that stalls: its status is what counts. */
  if (req->reading_error_body)
    {
      finish_body (req);
      return G_SOURCE_REMOVE;
    }

  host = g_strdup (guri != NULL && g_uri_get_host (guri) ? g_uri_get_host (guri) : req->current_uri);
  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, req->status, req->uri, NULL,
                                       _("The server “%s” stopped answering."), host));

  return G_SOURCE_REMOVE;
}

static gboolean
on_deadline (gpointer data)
{
  Request *req = data;
  g_autofree char *host = NULL;
  g_autoptr(GUri) guri = g_uri_parse (req->current_uri, G_URI_FLAGS_ENCODED, NULL);

  req->deadline_id = 0;
  host = g_strdup (guri != NULL && g_uri_get_host (guri) ? g_uri_get_host (guri) : req->current_uri);

  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, req->status, req->uri, NULL,
                                       _("The server “%s” took too long to answer."), host));

  return G_SOURCE_REMOVE;
}

/* Any sign of life (headers, a chunk of body) restarts the idle timer. */
static void
touch (Request *req)
{
  g_clear_handle_id (&req->idle_timeout_id, g_source_remove);
  if (req->client->io_timeout_ms > 0)
    req->idle_timeout_id = g_timeout_add (req->client->io_timeout_ms, on_idle_timeout, req);
}

static gboolean
on_retry_timeout (gpointer data)
{
  Request *req = data;

  req->retry_id = 0;
  request_enqueue (req);

  return G_SOURCE_REMOVE;
}

/* Seconds from a Retry-After header (delta-seconds or an HTTP date), or
 * -1 when there is none or it does not parse. */
static gint64
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  char *end = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end != NULL && *end == '\0')
        return (gint64) MIN (seconds, G_MAXINT32);
      return -1;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (date, now) / G_TIME_SPAN_SECOND);
}

/* Exponential backoff with "equal jitter": half the step is fixed, half
 * random, so that many clients that failed together come back spread out
 * but never sooner than half the step. */
static guint
backoff_delay_ms (VtClient *self,
                  guint     attempt)
{
  guint64 step = self->retry_base_ms;
  guint half;

  for (guint i = 1; i < attempt && step < self->retry_max_ms; i++)
    step *= 2;

  step = MIN (step, self->retry_max_ms);
  half = (guint) (step / 2);

  return half + (half > 0 ? (guint) g_random_int_range (0, (gint32) half + 1) : 0);
}

/* Schedules another attempt if the policy allows one; returns FALSE when
 * the failure is final. retry_after_s is the server's wish, or -1. */
static gboolean
request_maybe_retry (Request *req,
                     gint64   retry_after_s)
{
  VtClient *self = req->client;
  guint delay_ms;

  if (req->attempt > self->max_retries || req->from_stale_cache)
    return FALSE;

  delay_ms = backoff_delay_ms (self, req->attempt);

  if (retry_after_s >= 0)
    {
      /* A server that asks for a longer pause than we would ever wait
       * gets its error shown instead of a spinner that never ends. */
      if ((guint64) retry_after_s * 1000 > self->retry_max_ms)
        return FALSE;
      delay_ms = MAX (delay_ms, (guint) retry_after_s * 1000);
    }

  g_debug ("%s: attempt %u failed, retrying in %u ms", req->uri, req->attempt, delay_ms);

  request_release (req);
  req->state = REQUEST_WAITING;
  host_pump (self, req->host);

  req->retry_id = g_timeout_add (delay_ms, on_retry_timeout, req);

  return TRUE;
}

/* A failure with no answer from the server: before giving up, ask the
 * disk cache for whatever it holds, however old. A stale picture of the
 * object beats an error page when the network is gone. */
static gboolean
request_try_stale_cache (Request *req,
                         GError  *error)
{
  VtClient *self = req->client;

  if (self->cache == NULL || req->from_stale_cache ||
      !g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_OFFLINE))
    return FALSE;

  g_debug ("%s: offline, trying the disk cache", req->uri);

  req->from_stale_cache = TRUE;
  req->first_error = error;

  request_release (req);
  req->state = REQUEST_WAITING;
  host_pump (self, req->host);

  g_clear_pointer (&req->current_uri, g_free);
  req->current_uri = g_strdup (req->uri);
  req->n_redirects = 0;
  request_enqueue (req);

  return TRUE;
}

static void
request_fail (Request *req,
              GError  *error)
{
  if (req->from_stale_cache && req->first_error != NULL)
    {
      /* The cache had nothing either: report what went wrong first. */
      g_clear_error (&error);
      error = g_steal_pointer (&req->first_error);
    }

  request_complete (req, NULL, error);
}

/* ------------------------------------------------------------------ */
/* The request itself                                                  */

static void
on_got_headers (SoupMessage *msg,
                Request     *req)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *cache_control = soup_message_headers_get_list (headers, "Cache-Control");
  gboolean explicit = FALSE;

  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    return;

  if (cache_control != NULL && *cache_control != '\0')
    {
      GHashTable *params = soup_header_parse_param_list (cache_control);

      explicit = g_hash_table_contains (params, "max-age") ||
                 g_hash_table_contains (params, "s-maxage") ||
                 g_hash_table_contains (params, "no-cache") ||
                 g_hash_table_contains (params, "no-store") ||
                 g_hash_table_contains (params, "must-revalidate");
      soup_header_free_param_list (params);
    }

  if (soup_message_headers_get_one (headers, "Expires") != NULL)
    explicit = TRUE;

  if (!explicit)
    {
      g_autofree char *value = g_strdup_printf ("max-age=%u", _vt_fetch_kind_default_max_age (req->kind));

      soup_message_headers_append (headers, "Cache-Control", value);
    }
}

static void read_next_chunk (Request *req);

static void
request_fail_too_large (Request *req)
{
  g_autofree char *size = g_format_size (req->limit);

  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TOO_LARGE, req->status, req->uri, NULL,
                                       _("The answer is larger than the %s allowed (expected: %s)."),
                                       size, _vt_fetch_kind_describe (req->kind)));
}

static void
finish_body (Request *req)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  clear_timers (req);

  if (req->reading_error_body)
    {
      request_fail (req, _vt_net_error_from_status (req->status, req->uri, req->content_type,
                                                    req->body->data, req->body->len));
      return;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&req->body));

  if (!_vt_fetch_kind_check_content (req->kind, req->uri, req->content_type, bytes, &error))
    {
      request_fail (req, g_steal_pointer (&error));
      return;
    }

  request_complete (req, bytes, NULL);
}

static void
on_chunk_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) req = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (req->state != REQUEST_ACTIVE)
    return;

  if (error != NULL)
    {
      if (req->reading_error_body)
        {
          /* The status is what matters; a truncated explanation is fine. */
          finish_body (req);
          return;
        }

      if (_vt_net_error_is_retryable (error) && request_maybe_retry (req, -1))
        return;

      request_fail (req, _vt_net_error_from_transport (error, req->uri));
      return;
    }

  len = g_bytes_get_size (chunk);
  if (len == 0)
    {
      finish_body (req);
      return;
    }

  touch (req);

  if (req->body->len + len > req->limit)
    {
      if (req->reading_error_body)
        {
          g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), req->limit - req->body->len);
          finish_body (req);
          return;
        }

      request_fail_too_large (req);
      return;
    }

  g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), len);
  read_next_chunk (req);
}

static void
read_next_chunk (Request *req)
{
  gsize want = CHUNK_SIZE;

  /* Never ask for more than one byte past the cap: the byte past it is
   * what tells an oversized body from one that fits exactly. */
  if (!req->reading_error_body)
    want = MIN (want, req->limit - req->body->len + 1);

  g_input_stream_read_bytes_async (req->stream, want, G_PRIORITY_DEFAULT,
                                   req->io_cancellable, on_chunk_read, request_ref (req));
}

static gboolean
handle_redirect (Request *req)
{
  const char *location;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;
  const char *scheme;

  location = soup_message_headers_get_one (soup_message_get_response_headers (req->msg), "Location");
  if (location == NULL)
    return FALSE;

  base = g_uri_parse (req->current_uri, G_URI_FLAGS_ENCODED, NULL);
  target = base != NULL ? g_uri_parse_relative (base, location, G_URI_FLAGS_ENCODED, &error) : NULL;
  scheme = target != NULL ? g_uri_get_scheme (target) : NULL;

  if (target == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (target) == NULL || *g_uri_get_host (target) == '\0')
    {
      request_fail (req,
                    vt_net_error_new_full (VT_NET_ERROR_UNSUPPORTED_URI, req->status, req->uri, NULL,
                                           _("The server redirected to “%s”, which is not an http or https address."),
                                           location));
      return TRUE;
    }

  if (++req->n_redirects > MAX_REDIRECTS)
    {
      request_fail (req,
                    vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, req->status, req->uri, NULL,
                                           _("The server redirected more than %d times."), MAX_REDIRECTS));
      return TRUE;
    }

  g_free (req->current_uri);
  req->current_uri = g_uri_to_string (target);

  g_debug ("%s: redirected to %s", req->uri, req->current_uri);

  /* The old answer's body is dropped unread; the slot stays ours. */
  g_cancellable_cancel (req->io_cancellable);
  clear_timers (req);
  request_start (req);

  return TRUE;
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Request) req = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  goffset length;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  /* Cancelled, timed out or redirected meanwhile: the outcome is known. */
  if (req->state != REQUEST_ACTIVE || msg != req->msg)
    return;

  if (error != NULL)
    {
      GError *mapped;

      if (_vt_net_error_is_retryable (error) && request_maybe_retry (req, -1))
        return;

      mapped = _vt_net_error_from_transport (error, req->uri);
      if (request_try_stale_cache (req, mapped))
        return;

      request_fail (req, mapped);
      return;
    }

  touch (req);

  /* An answer from the disk cache has no connection behind it. */
  if (soup_message_get_connection_id (msg) != 0)
    req->client->n_network++;

  req->stream = g_steal_pointer (&stream);
  req->status = soup_message_get_status (msg);
  g_clear_pointer (&req->content_type, g_free);
  req->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
  g_clear_pointer (&req->body, g_byte_array_unref);
  req->body = g_byte_array_new ();

  if (SOUP_STATUS_IS_REDIRECTION (req->status) && req->status != SOUP_STATUS_NOT_MODIFIED)
    {
      if (handle_redirect (req))
        return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (req->status))
    {
      if (_vt_net_status_is_retryable (req->status) &&
          request_maybe_retry (req, parse_retry_after (msg)))
        return;

      /* Read a little of the body: it may say why (Ghent's 403 does). */
      req->reading_error_body = TRUE;
      req->limit = MAX_ERROR_BODY;
      read_next_chunk (req);
      return;
    }

  if (_vt_fetch_kind_rejects_type (req->kind, req->content_type))
    {
      g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
      GError *bad = NULL;

      _vt_fetch_kind_check_content (req->kind, req->uri, req->content_type, empty, &bad);
      request_fail (req, bad);
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (msg)) == SOUP_ENCODING_CONTENT_LENGTH &&
      length > 0 && (guint64) length > req->limit)
    {
      request_fail_too_large (req);
      return;
    }

  read_next_chunk (req);
}

static SoupMessagePriority
soup_priority_for (int priority)
{
  if (priority <= VT_FETCH_PRIORITY_VISIBLE)
    return SOUP_MESSAGE_PRIORITY_VERY_HIGH;
  if (priority < VT_FETCH_PRIORITY_THUMBNAIL)
    return SOUP_MESSAGE_PRIORITY_NORMAL;
  if (priority < VT_FETCH_PRIORITY_PREFETCH)
    return SOUP_MESSAGE_PRIORITY_LOW;
  return SOUP_MESSAGE_PRIORITY_VERY_LOW;
}

static void
request_start (Request *req)
{
  VtClient *self = req->client;
  SoupMessageHeaders *headers;
  g_autoptr(GError) error = NULL;

  g_assert (req->state == REQUEST_ACTIVE);

  req->attempt++;
  req->status = 0;
  req->reading_error_body = FALSE;
  req->limit = self->body_limits[req->kind];
  g_clear_object (&req->stream);
  g_clear_pointer (&req->body, g_byte_array_unref);

  g_clear_object (&req->io_cancellable);
  req->io_cancellable = g_cancellable_new ();

  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_func (req->msg, on_got_headers, req);
  g_clear_object (&req->msg);

  req->msg = soup_message_new (SOUP_METHOD_GET, req->current_uri);
  if (req->msg == NULL)
    {
      request_fail (req,
                    vt_net_error_new_full (VT_NET_ERROR_UNSUPPORTED_URI, 0, req->uri, NULL,
                                           _("“%s” is not a valid web address."), req->current_uri));
      return;
    }

  /* Redirects are followed here, not by libsoup, to allow only http and
   * https targets and at most MAX_REDIRECTS of them. */
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_set_priority (req->msg, soup_priority_for (req->priority));

  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", _vt_fetch_kind_accept (req->kind));
  if (req->from_stale_cache)
    soup_message_headers_replace (headers, "Cache-Control", "max-stale");
  else if (req->flags & VT_FETCH_FLAGS_RELOAD)
    soup_message_headers_replace (headers, "Cache-Control", "max-age=0");

  g_signal_connect (req->msg, "got-headers", G_CALLBACK (on_got_headers), req);

  touch (req);
  if (self->request_timeout_ms > 0)
    {
      g_clear_handle_id (&req->deadline_id, g_source_remove);
      req->deadline_id = g_timeout_add (self->request_timeout_ms, on_deadline, req);
    }

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->io_cancellable, on_sent, request_ref (req));
}

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
  g_autoptr(Request) req = NULL;
  g_autofree char *normalised = NULL;
  const char *scheme;
  HostQueue *host;

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

  req = g_rc_box_new0 (Request);
  req->client = g_object_ref (self);
  req->task = g_object_ref (task);
  req->uri = g_strdup (normalised);
  req->current_uri = g_strdup (normalised);
  req->kind = kind;
  req->flags = flags;
  req->priority = priority;
  req->seq = self->next_seq++;
  req->state = REQUEST_NEW;
  req->host_key = host_key_for (guri);
  req->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  host = g_hash_table_lookup (self->hosts, req->host_key);
  if (host == NULL)
    {
      host = g_new0 (HostQueue, 1);
      g_queue_init (&host->pending);
      g_hash_table_insert (self->hosts, g_strdup (req->host_key), host);
    }
  req->host = host;

  /* The task holds the request until it completes; every pending I/O
   * callback holds a reference of its own. */
  g_task_set_task_data (task, request_ref (req), (GDestroyNotify) request_unref);

  if (cancellable != NULL)
    req->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                               request_ref (req), (GDestroyNotify) request_unref);

  request_enqueue (req);
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
  Request *req;
  GBytes *bytes;

  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_client_fetch_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes == NULL)
    return NULL;

  req = g_task_get_task_data (G_TASK (result));
  if (content_type != NULL)
    *content_type = g_strdup (req->content_type);
  if (final_uri != NULL)
    *final_uri = g_strdup (req->current_uri);

  return bytes;
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
 * How many requests run at once against one server. Takes effect at once:
 * a higher value starts waiting requests; a lower one lets the running
 * ones finish.
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
    host_pump (self, value);

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
 *   waiting for headers, or between two pieces of body); 0 for none
 * @request_timeout_ms: fail when one attempt takes longer than this in
 *   all, even if the server trickles; 0 for none
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
 * vt_client_set_retry_policy:
 * @self: a #VtClient
 * @max_retries: attempts after the first one, for GETs that failed on the
 *   connection or with 502, 503, 504 or 429
 * @base_delay_ms: the first backoff step (doubled at each attempt)
 * @max_delay_ms: the longest pause; a Retry-After beyond it is not waited
 *   for
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
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, host_queue_free);
  self->max_conns_per_host = DEFAULT_CONNS_PER_HOST;
  self->disk_cache_size_mib = DEFAULT_DISK_CACHE_MIB;
  self->io_timeout_ms = DEFAULT_IO_TIMEOUT_MS;
  self->request_timeout_ms = DEFAULT_REQUEST_TIMEOUT_MS;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->retry_base_ms = DEFAULT_RETRY_BASE_MS;
  self->retry_max_ms = DEFAULT_RETRY_MAX_MS;

  for (guint i = 0; i < VT_N_FETCH_KINDS; i++)
    self->body_limits[i] = _vt_fetch_kind_default_limit ((VtFetchKind) i);
}
