/* vt-client-request.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-client-private.h"
#include "vt-fetch-kind-private.h"
#include "vt-net-error-private.h"
#include "vt-rate-floor-private.h"

/* One request of VtClient, from the queue to the last byte: its slot in
 * its host's queue, the first-byte, idle, body-rate and deadline timers,
 * retries with backoff, manual redirects, the body read in chunks against
 * its cap, the content check, and the disk-cache fallback when the
 * network is gone. */

#define CHUNK_SIZE            (64 * 1024)
#define MAX_ERROR_BODY        (64 * 1024)
#define MAX_REDIRECTS         5
/* A request whose headers libsoup writes this long after it got it was
 * held back (see _vt_client_host_limit()). */
#define HELD_BACK_US          (20 * 1000)

typedef enum
{
  REQUEST_NEW,
  REQUEST_QUEUED,
  REQUEST_ACTIVE,
  REQUEST_FINISHING, /* body read, slot given back, outcome not yet handed over */
  REQUEST_WAITING,  /* for a retry */
  REQUEST_DONE,
} RequestState;

struct _VtRequest
{
  VtClient      *client;        /* strong */
  GTask         *task;          /* owned until the request completes */
  char          *uri;           /* the address asked for */
  char          *current_uri;   /* after redirects */
  char          *host_key;
  VtHostQueue     *host;          /* owned by client->hosts */
  GSequenceIter *link;          /* in host->pending while queued */

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
  SoupMessageHeaders *response_headers; /* of the final answer */
  guint          status;
  gboolean       reading_error_body;
  gboolean       written;       /* libsoup wrote the headers of msg, and
                                 * its body has not ended */
  gint64         started;       /* when msg was handed to libsoup */

  guint          idle_timeout_id;
  guint          deadline_id;
  guint          retry_id;
  guint          rate_id;       /* the body-rate floor, once body flows */
  VtRateFloor    rate;
};

static void request_start   (VtRequest *req);
static void finish_body     (VtRequest *req);
static void request_fail    (VtRequest *req,
                             GError    *error);

static void
request_clear (VtRequest *req)
{
  g_assert (req->link == NULL);
  g_assert (req->cancelled_id == 0);
  g_assert (req->idle_timeout_id == 0 && req->deadline_id == 0 && req->retry_id == 0);
  g_assert (req->rate_id == 0);

  g_clear_object (&req->task);
  g_clear_object (&req->cancellable);
  g_clear_object (&req->io_cancellable);
  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_data (req->msg, req);
  g_clear_object (&req->msg);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->body, g_byte_array_unref);
  g_clear_pointer (&req->content_type, g_free);
  g_clear_pointer (&req->response_headers, soup_message_headers_unref);
  g_clear_pointer (&req->uri, g_free);
  g_clear_pointer (&req->current_uri, g_free);
  g_clear_pointer (&req->host_key, g_free);
  g_clear_error (&req->first_error);
  g_clear_object (&req->client);
}

static VtRequest *
request_ref (VtRequest *req)
{
  return g_rc_box_acquire (req);
}

void
_vt_request_unref (VtRequest *req)
{
  g_rc_box_release_full (req, (GDestroyNotify) request_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtRequest, _vt_request_unref)

/* ------------------------------------------------------------------ */
/* Slots and queues                                                    */

static gint
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const VtRequest *ra = a;
  const VtRequest *rb = b;

  if (ra->priority != rb->priority)
    return ra->priority < rb->priority ? -1 : 1;

  return ra->seq < rb->seq ? -1 : (ra->seq > rb->seq ? 1 : 0);
}

static void
request_enqueue (VtRequest *req)
{
  VtClient *self = req->client;

  g_assert (req->state == REQUEST_NEW || req->state == REQUEST_WAITING);

  req->state = REQUEST_QUEUED;
  req->link = g_sequence_insert_sorted (req->host->pending, req, compare_requests, NULL);
  self->n_queued++;

  _vt_client_pump (self, req->host);
}

/* Moves the queued request made with @cancellable up to @priority: a
 * caller that shares one request between several waiters (the image
 * service cache) hurries it when a more urgent waiter joins. A request
 * already under way or done is left alone. */
gboolean
_vt_client_hurry (VtClient     *self,
                  GCancellable *cancellable,
                  int           priority)
{
  GHashTableIter iter;
  VtHostQueue *host;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), FALSE);

  g_hash_table_iter_init (&iter, self->hosts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &host))
    for (GSequenceIter *it = g_sequence_get_begin_iter (host->pending);
         !g_sequence_iter_is_end (it);
         it = g_sequence_iter_next (it))
      {
        VtRequest *req = g_sequence_get (it);

        if (req->cancellable != cancellable)
          continue;
        if (priority < req->priority)
          {
            req->priority = priority;
            g_sequence_sort_changed (it, compare_requests, NULL);
          }
        return TRUE;
      }
  return FALSE;
}

static void
clear_timers (VtRequest *req)
{
  g_clear_handle_id (&req->idle_timeout_id, g_source_remove);
  g_clear_handle_id (&req->deadline_id, g_source_remove);
  g_clear_handle_id (&req->retry_id, g_source_remove);
  g_clear_handle_id (&req->rate_id, g_source_remove);
}

/* The request's stream (or connection) is no longer in use: see
 * _vt_client_host_limit(). */
static void
request_forget_written (VtRequest *req)
{
  if (req->written && req->host != NULL)
    req->host->n_written--;
  req->written = FALSE;
}

static void
on_wrote_headers (SoupMessage *msg,
                  VtRequest   *req)
{
  VtHostQueue *host = req->host;

  if (req->state != REQUEST_ACTIVE || msg != req->msg || req->written || host == NULL)
    return;

  /* Written well after it was handed over, with as many streams open as
   * ever: it waited for a free stream, so the server's limit is reached.
   * Twice at the same peak, since once could be a busy main loop. */
  if (host->multiplexed && host->n_written + 1 >= host->peak_written &&
      g_get_monotonic_time () - req->started > HELD_BACK_US &&
      ++host->n_held >= 2)
    host->held_back = TRUE;

  req->written = TRUE;
  host->n_written++;
  if (host->n_written > host->peak_written)
    {
      host->peak_written = host->n_written;
      host->n_held = 0;
      /* On HTTP/2 the limit follows the peak: room for one more now. */
      if (host->multiplexed)
        _vt_client_pump (req->client, host);
    }
}

/* The server closed the stream (or the connection is free again). */
static void
on_got_body (SoupMessage *msg,
             VtRequest   *req)
{
  if (msg != req->msg)
    return;
  request_forget_written (req);
}

/* Gives back whatever the request holds (its place in the queue or its
 * connection slot) and stops its I/O. Called the moment its outcome is
 * known, so that the next request can start at once. */
static void
request_release (VtRequest *req)
{
  VtClient *self = req->client;

  clear_timers (req);
  request_forget_written (req);

  switch (req->state)
    {
    case REQUEST_QUEUED:
      g_sequence_remove (req->link);
      req->link = NULL;
      self->n_queued--;
      break;

    case REQUEST_ACTIVE:
      req->host->n_active--;
      self->n_active--;
      g_cancellable_cancel (req->io_cancellable);
      break;

    case REQUEST_NEW:
    case REQUEST_FINISHING:
    case REQUEST_WAITING:
    case REQUEST_DONE:
    default:
      break;
    }
}

/* The whole body is in, so the connection is free for the next request:
 * start it now, before this body's checks and its caller's callbacks
 * (decoding, parsing, drawing) run. A response's end is the one moment a
 * queued request may leave without leaving a connection idle; an idle
 * source or the caller's callback would let the main loop's other work
 * in between. */
static void
request_free_slot (VtRequest *req)
{
  VtClient *self = req->client;

  if (req->state != REQUEST_ACTIVE)
    return;

  clear_timers (req);
  request_forget_written (req);
  req->host->n_active--;
  self->n_active--;
  req->state = REQUEST_FINISHING;

  /* Dropping the body's stream is what ends the message for libsoup and
   * gives its connection back; held until the caller is done, libsoup
   * would open another connection for the next request instead. */
  g_clear_object (&req->stream);

  self->pump_cause = req->seq + 1;
  _vt_client_pump (self, req->host);
  self->pump_cause = 0;
}

typedef struct
{
  GTask  *task;
  GBytes *bytes;
  GError *error;
} Outcome;

static gboolean
return_outcome (gpointer data)
{
  Outcome *outcome = data;

  if (outcome->error != NULL)
    g_task_return_error (outcome->task, g_steal_pointer (&outcome->error));
  else
    g_task_return_pointer (outcome->task, g_steal_pointer (&outcome->bytes),
                           (GDestroyNotify) g_bytes_unref);
  return G_SOURCE_REMOVE;
}

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_object (&outcome->task);
  g_clear_pointer (&outcome->bytes, g_bytes_unref);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

/* Hands the outcome to the caller from the main loop's next turn, at
 * default priority: libsoup's queue, attached long before, runs first in
 * that turn and writes the request just started in the slot this one
 * freed. Returned at once, the caller's callback (and whatever it starts
 * synchronously) would run first, with the connection idle. */
static void
return_later (VtClient *self,
              GTask    *task,
              GBytes   *bytes,
              GError   *error)
{
  Outcome *outcome = g_new0 (Outcome, 1);
  GSource *source = g_idle_source_new ();

  outcome->task = task;
  outcome->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  outcome->error = error;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, return_outcome, outcome, outcome_free);
  g_source_set_static_name (source, "[vitrine] request outcome");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
request_complete (VtRequest *req,
                  GBytes    *bytes,
                  GError    *error)
{
  g_autoptr(GTask) task = NULL;
  VtClient *self = req->client;
  RequestState old_state = req->state;
  VtClientTiming *timing;

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

  /* The slot first, the caller's callback after (see request_free_slot()). */
  if (old_state == REQUEST_ACTIVE)
    {
      self->pump_cause = req->seq + 1;
      _vt_client_pump (self, req->host);
      self->pump_cause = 0;
    }

  if ((timing = _vt_client_timing (self, req->seq)) != NULL)
    {
      SoupMessageMetrics *metrics = req->msg != NULL ? soup_message_get_metrics (req->msg) : NULL;

      timing->done_us = g_get_monotonic_time ();
      timing->failed = error != NULL;
      if (metrics != NULL && timing->network)
        {
          timing->wire_sent_us = (gint64) soup_message_metrics_get_request_start (metrics);
          timing->new_connection = soup_message_metrics_get_connect_start (metrics) != 0;
        }
    }

  if (error != NULL)
    g_debug ("%s: %s", req->uri, error->message);
  return_later (self, g_steal_pointer (&task), bytes, error);

  /* I/O callbacks still pending only look at the state now; the request
   * must not keep the client alive for them. */
  req->host = NULL;
  g_clear_object (&req->client);
}

void
_vt_client_pump (VtClient    *self,
                 VtHostQueue *host)
{
  guint limit = _vt_client_host_limit (self, host);
  VtClientTiming *timing;

  while (host->n_active < limit &&
         !g_sequence_is_empty (host->pending))
    {
      GSequenceIter *first = g_sequence_get_begin_iter (host->pending);
      VtRequest *req = g_sequence_get (first);

      g_sequence_remove (first);
      req->link = NULL;
      self->n_queued--;
      req->state = REQUEST_ACTIVE;
      host->n_active++;
      self->n_active++;

      if ((timing = _vt_client_timing (self, req->seq)) != NULL)
        timing->freed_by = self->pump_cause;

      request_start (req);
    }
}

/* ------------------------------------------------------------------ */
/* Cancellation                                                        */

static gboolean
cancel_in_idle (gpointer data)
{
  VtRequest *req = data;

  request_complete (req, NULL,
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         _("The request was cancelled")));

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              VtRequest    *req)
{
  GSource *source;

  if (req->state == REQUEST_DONE)
    return;

  /* The slot is given back right here when the caller cancels on our
   * thread (the usual case), so that the next request can start before
   * the main loop turns. The task itself completes from an idle, since
   * a handler must not disconnect itself. */
  if (req->state != REQUEST_FINISHING && g_main_context_acquire (req->client->context))
    {
      RequestState old_state = req->state;

      request_release (req);
      /* Nothing restarts a waiting request but its retry timer, which
       * request_release() removed. */
      req->state = REQUEST_WAITING;
      if (old_state == REQUEST_ACTIVE)
        _vt_client_pump (req->client, req->host);
      g_main_context_release (req->client->context);
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, cancel_in_idle, request_ref (req), (GDestroyNotify) _vt_request_unref);
  g_source_set_static_name (source, "[vitrine] cancel request");
  g_source_attach (source, req->client->context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* Timeouts and retries                                                */

static gboolean
on_idle_timeout (gpointer data)
{
  VtRequest *req = data;
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
  if (req->status == 0)
    request_fail (req,
                  vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, 0, req->uri, NULL,
                                         _("The server “%s” did not answer in time."), host));
  else
    request_fail (req,
                  vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, req->status, req->uri, NULL,
                                         _("The server “%s” stopped answering."), host));

  return G_SOURCE_REMOVE;
}

static gboolean
on_deadline (gpointer data)
{
  VtRequest *req = data;
  g_autofree char *host = NULL;
  g_autoptr(GUri) guri = g_uri_parse (req->current_uri, G_URI_FLAGS_ENCODED, NULL);

  req->deadline_id = 0;
  host = g_strdup (guri != NULL && g_uri_get_host (guri) ? g_uri_get_host (guri) : req->current_uri);

  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, req->status, req->uri, NULL,
                                       _("The server “%s” took too long to answer."), host));

  return G_SOURCE_REMOVE;
}

static void
arm_idle_timer (VtRequest *req,
                guint      timeout_ms)
{
  g_clear_handle_id (&req->idle_timeout_id, g_source_remove);
  if (timeout_ms > 0)
    req->idle_timeout_id = g_timeout_add (timeout_ms, on_idle_timeout, req);
}

/* Any sign of life (headers, a chunk of body) restarts the idle timer. */
static void
touch (VtRequest *req)
{
  arm_idle_timer (req, req->client->io_timeout_ms);
}

/* Until the headers come, the server may be thinking: a kind that is
 * often made on request gets longer than the idle timeout, never less. */
static void
wait_for_first_byte (VtRequest *req)
{
  VtClient *self = req->client;

  if (self->io_timeout_ms == 0)
    arm_idle_timer (req, 0);
  else
    arm_idle_timer (req, MAX (self->io_timeout_ms, self->first_byte_ms[req->kind]));
}

static gboolean
on_rate_tick (gpointer data)
{
  VtRequest *req = data;
  g_autofree char *host = NULL;
  g_autofree char *rate = NULL;
  g_autoptr(GUri) guri = NULL;

  if (_vt_rate_floor_tick (&req->rate, req->body != NULL ? req->body->len : 0))
    return G_SOURCE_CONTINUE;

  req->rate_id = 0;

  /* An error page that drips: its status is what counts. */
  if (req->reading_error_body)
    {
      finish_body (req);
      return G_SOURCE_REMOVE;
    }

  guri = g_uri_parse (req->current_uri, G_URI_FLAGS_ENCODED, NULL);
  host = g_strdup (guri != NULL && g_uri_get_host (guri) ? g_uri_get_host (guri) : req->current_uri);
  rate = g_format_size_full (req->client->min_body_rate, G_FORMAT_SIZE_IEC_UNITS);
  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, req->status, req->uri, NULL,
                                       /* Translators: the second %s is a size such as “1.0 kB” */
                                       _("The server “%s” sent its answer too slowly (less than %s per second)."),
                                       host, rate));

  return G_SOURCE_REMOVE;
}

/* Called as the first piece of body arrives. */
static void
start_rate_floor (VtRequest *req)
{
  VtClient *self = req->client;

  if (req->rate_id != 0 || self->min_body_rate == 0 || self->body_rate_window_ms == 0)
    return;

  _vt_rate_floor_start (&req->rate, self->min_body_rate, self->body_rate_window_ms, 0);
  req->rate_id = g_timeout_add (_vt_rate_floor_interval_ms (self->body_rate_window_ms),
                                on_rate_tick, req);
}

static gboolean
on_retry_timeout (gpointer data)
{
  VtRequest *req = data;

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
request_maybe_retry (VtRequest *req,
                     gint64     retry_after_s)
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
  self->n_retries++;

  request_release (req);
  req->state = REQUEST_WAITING;
  _vt_client_pump (self, req->host);

  req->retry_id = g_timeout_add (delay_ms, on_retry_timeout, req);

  return TRUE;
}

/* A failure with no answer from the server: before giving up, ask the
 * disk cache for whatever it holds, however old. A stale picture of the
 * object beats an error page when the network is gone. */
static gboolean
request_try_stale_cache (VtRequest *req,
                         GError    *error)
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
  _vt_client_pump (self, req->host);

  g_clear_pointer (&req->current_uri, g_free);
  req->current_uri = g_strdup (req->uri);
  req->n_redirects = 0;
  request_enqueue (req);

  return TRUE;
}

static void
request_fail (VtRequest *req,
              GError    *error)
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
                VtRequest     *req)
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

static void read_next_chunk       (VtRequest *req);
static void read_next_chunk_async (VtRequest *req);

static void
request_fail_too_large (VtRequest *req)
{
  g_autofree char *size = g_format_size (req->limit);

  request_fail (req,
                vt_net_error_new_full (VT_NET_ERROR_TOO_LARGE, req->status, req->uri, NULL,
                                       _("The answer is larger than the %s allowed (expected: %s)."),
                                       size, _vt_fetch_kind_describe (req->kind)));
}

static void
finish_body (VtRequest *req)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VtClientTiming *timing;

  if ((timing = _vt_client_timing (req->client, req->seq)) != NULL)
    timing->body_end_us = g_get_monotonic_time ();

  request_free_slot (req);

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

/* Takes the @len bytes just appended to the body (0: the end of it), or
 * the error that came instead. Returns whether to read on. */
static gboolean
take_chunk (VtRequest    *req,
            gsize         len,
            const GError *error)
{
  if (error != NULL)
    {
      if (req->reading_error_body)
        {
          /* The status is what matters; a truncated explanation is fine. */
          finish_body (req);
          return FALSE;
        }

      if (_vt_net_error_is_retryable (error) && request_maybe_retry (req, -1))
        return FALSE;

      request_fail (req, _vt_net_error_from_transport (error, req->uri));
      return FALSE;
    }

  if (len == 0)
    {
      finish_body (req);
      return FALSE;
    }

  touch (req);
  start_rate_floor (req);

  if (req->body->len > req->limit)
    {
      if (req->reading_error_body)
        {
          g_byte_array_set_size (req->body, req->limit);
          finish_body (req);
          return FALSE;
        }

      request_fail_too_large (req);
      return FALSE;
    }

  return TRUE;
}

static void
on_chunk_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtRequest) req = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (req->state != REQUEST_ACTIVE)
    return;

  if (chunk != NULL)
    g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (take_chunk (req, chunk != NULL ? g_bytes_get_size (chunk) : 0, error))
    read_next_chunk (req);
}

static void
read_next_chunk (VtRequest *req)
{
  /* What has arrived already is taken at once, without a turn of the
   * main loop per chunk: above all the end of the body, which frees the
   * slot for the next request (see request_free_slot()). */
  while (req->state == REQUEST_ACTIVE && G_IS_POLLABLE_INPUT_STREAM (req->stream) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (req->stream)))
    {
      g_autoptr(GError) error = NULL;
      guint old = req->body->len;
      gsize want = CHUNK_SIZE;
      gssize n;

      if (!req->reading_error_body)
        want = MIN (want, req->limit - req->body->len + 1);
      g_byte_array_set_size (req->body, old + want);
      n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (req->stream),
                                                    req->body->data + old, want,
                                                    req->io_cancellable, &error);
      g_byte_array_set_size (req->body, old + MAX (n, 0));
      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        break;
      if (!take_chunk (req, MAX (n, 0), error))
        return;
    }

  if (req->state == REQUEST_ACTIVE)
    read_next_chunk_async (req);
}

static void
read_next_chunk_async (VtRequest *req)
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
handle_redirect (VtRequest *req)
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
  g_autoptr(VtRequest) req = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  VtClientTiming *timing;
  goffset length;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  /* Cancelled, timed out or redirected meanwhile: the outcome is known. */
  if (req->state != REQUEST_ACTIVE || msg != req->msg)
    return;

  /* The first answer over HTTP/2 lifts the host's limit from connections
   * to streams: start what waits now, not at the next completion. */
  if (error == NULL && !req->host->multiplexed &&
      soup_message_get_http_version (msg) == SOUP_HTTP_2_0)
    {
      req->host->multiplexed = TRUE;
      _vt_client_pump (req->client, req->host);
    }

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

  if ((timing = _vt_client_timing (req->client, req->seq)) != NULL)
    {
      timing->first_byte_us = g_get_monotonic_time ();
      timing->connection_id = soup_message_get_connection_id (msg);
      timing->network = timing->connection_id != 0;
    }

  req->stream = g_steal_pointer (&stream);
  req->status = soup_message_get_status (msg);
  g_clear_pointer (&req->content_type, g_free);
  req->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
  g_clear_pointer (&req->response_headers, soup_message_headers_unref);
  req->response_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
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
request_start (VtRequest *req)
{
  VtClient *self = req->client;
  SoupMessageHeaders *headers;
  VtClientTiming *timing;
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
    {
      g_signal_handlers_disconnect_by_func (req->msg, on_got_headers, req);
      g_signal_handlers_disconnect_by_func (req->msg, on_wrote_headers, req);
      g_signal_handlers_disconnect_by_func (req->msg, on_got_body, req);
    }
  g_clear_object (&req->msg);
  request_forget_written (req);

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
  g_signal_connect (req->msg, "wrote-headers", G_CALLBACK (on_wrote_headers), req);
  g_signal_connect (req->msg, "got-body", G_CALLBACK (on_got_body), req);
  req->started = g_get_monotonic_time ();

  wait_for_first_byte (req);
  if (self->request_timeout_ms > 0)
    {
      g_clear_handle_id (&req->deadline_id, g_source_remove);
      req->deadline_id = g_timeout_add (self->request_timeout_ms, on_deadline, req);
    }

  if ((timing = _vt_client_timing (self, req->seq)) != NULL)
    {
      soup_message_add_flags (req->msg, SOUP_MESSAGE_COLLECT_METRICS);
      timing->sent_us = g_get_monotonic_time ();
    }

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->io_cancellable, on_sent, request_ref (req));
}


/* ------------------------------------------------------------------ */
/* Submitting                                                          */

/**
 * _vt_request_submit:
 * @self: the client
 * @task: the caller's task; it holds the request until it completes
 * @uri: a normalised http or https address
 * @host_key: "scheme://host:port", the queue it waits in
 *
 * Creates a request and queues it (or starts it, if its host has a free
 * slot).
 */
void
_vt_request_submit (VtClient     *self,
                    GTask        *task,
                    const char   *uri,
                    const char   *host_key,
                    VtFetchKind   kind,
                    VtFetchFlags  flags,
                    int           priority,
                    GCancellable *cancellable)
{
  g_autoptr(VtRequest) req = NULL;
  VtClientTiming *timing;
  VtHostQueue *host;

  req = g_rc_box_new0 (VtRequest);
  req->client = g_object_ref (self);
  req->task = g_object_ref (task);
  req->uri = g_strdup (uri);
  req->current_uri = g_strdup (uri);
  req->kind = kind;
  req->flags = flags;
  req->priority = priority;
  req->seq = self->next_seq++;
  req->state = REQUEST_NEW;

  if ((timing = _vt_client_timing (self, req->seq)) != NULL)
    {
      timing->id = req->seq + 1;
      timing->uri = g_strdup (uri);
      timing->kind = kind;
      timing->priority = priority;
      timing->queued_us = g_get_monotonic_time ();
    }
  req->host_key = g_strdup (host_key);
  req->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  host = g_hash_table_lookup (self->hosts, req->host_key);
  if (host == NULL)
    {
      host = g_new0 (VtHostQueue, 1);
      host->pending = g_sequence_new (NULL);
      g_hash_table_insert (self->hosts, g_strdup (req->host_key), host);
    }
  req->host = host;

  /* The task holds the request until it completes; every pending I/O
   * callback holds a reference of its own. */
  g_task_set_task_data (task, request_ref (req), (GDestroyNotify) _vt_request_unref);

  if (cancellable != NULL)
    req->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                               request_ref (req), (GDestroyNotify) _vt_request_unref);

  request_enqueue (req);
}

const char *
_vt_request_get_content_type (VtRequest *req)
{
  return req->content_type;
}

const char *
_vt_request_get_final_uri (VtRequest *req)
{
  return req->current_uri;
}

const char *
_vt_request_get_response_header (VtRequest  *req,
                                 const char *name)
{
  return req->response_headers != NULL ? soup_message_headers_get_list (req->response_headers, name) : NULL;
}

void
_vt_host_queue_free (gpointer data)
{
  VtHostQueue *host = data;

  g_clear_pointer (&host->pending, g_sequence_free);
  g_free (host);
}
