/* vt-client-timings.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-client"

#include "config.h"

#include "vt-client-private.h"

/* Scheduling helpers for callers that ask ahead, and the record of when
 * each request was queued, sent, answered and read,
 * kept only when asked for: the tests of the scheduling (a slot freed
 * by one request's end is taken by the next from the same call) and the
 * network benchmark read it. Off, it costs one pointer test a request. */

static void
timing_clear (gpointer data)
{
  VtClientTiming *timing = data;

  g_clear_pointer (&timing->uri, g_free);
}

/* The record of request @seq, or %NULL when timings are not kept (or it
 * was submitted before they were). */
VtClientTiming *
_vt_client_timing (VtClient *self,
                   guint64   seq)
{
  guint64 index;

  if (self->timings == NULL || seq < self->timings_base)
    return NULL;

  index = seq - self->timings_base;
  if (index >= G_MAXUINT)
    return NULL;
  if (index >= self->timings->len)
    g_array_set_size (self->timings, (guint) index + 1);
  return &g_array_index (self->timings, VtClientTiming, index);
}

void
_vt_client_timings_free (VtClient *self)
{
  g_clear_pointer (&self->timings, g_array_unref);
}

static void
preconnected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  guint *n_preconnecting = user_data;
  g_autoptr(GError) error = NULL;

  /* A failure shows again, with its reason, on the request itself. */
  if (!soup_session_preconnect_finish (SOUP_SESSION (object), result, &error))
    g_debug ("preconnect: %s", error->message);
  (*n_preconnecting)--;
  g_rc_box_release (n_preconnecting);
}

/* Called on dispose, before the session goes: connections still being
 * opened are cancelled, and their handshakes are let return (for a
 * bounded time), since libsoup checks that a session it drops has no
 * connection left. */
void
_vt_client_preconnects_finish (VtClient *self)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  GMainContext *context = self->context;

  if (self->n_preconnecting != NULL && *self->n_preconnecting > 0)
    {
      g_cancellable_cancel (self->preconnect_cancellable);
      if (g_main_context_acquire (context))
        {
          while (*self->n_preconnecting > 0 && g_get_monotonic_time () < deadline)
            if (!g_main_context_iteration (context, FALSE))
              g_usleep (1000);
          g_main_context_release (context);
        }
    }
  g_clear_object (&self->preconnect_cancellable);
  g_clear_pointer (&self->n_preconnecting, g_rc_box_release);
}

/**
 * vt_client_preconnect:
 * @self: a #VtClient
 * @uri: an address on the host that will be asked soon
 * @n_connections: how many connections to open (at most the host's cap)
 *
 * Opens connections to @uri's host ahead of the requests that will use
 * them, so that a burst of requests (info.json beside a placeholder, a
 * fit view's tiles) leaves at once rather than one connection round trip
 * later. Idle connections already there count (libsoup opens none while
 * one is idle); opened ones stay idle until a request takes them.
 */
void
vt_client_preconnect (VtClient   *self,
                      const char *uri,
                      guint       n_connections)
{
  g_autoptr(GUri) guri = NULL;
  const char *scheme;

  g_return_if_fail (VT_IS_CLIENT (self));
  g_return_if_fail (uri != NULL);

  /* Only what vt_client_fetch_async() would ask for. */
  guri = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  scheme = guri != NULL ? g_uri_get_scheme (guri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (guri) == NULL || *g_uri_get_host (guri) == '\0')
    return;

  /* A host that answered over HTTP/2 takes the whole burst on the one
   * connection it has: more would be TLS handshakes for nothing. */
  {
    g_autofree char *key = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (guri), g_uri_get_host (guri),
                                            g_uri_get_port (guri));
    VtHostQueue *host = g_hash_table_lookup (self->hosts, key);

    if (host != NULL && host->multiplexed)
      return;
  }

  n_connections = MIN (n_connections, self->max_conns_per_host);
  for (guint i = 0; i < n_connections; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (SOUP_METHOD_GET, guri);

      if (msg == NULL)
        return;
      if (self->n_preconnecting == NULL)
        {
          self->n_preconnecting = g_rc_box_new0 (guint);
          self->preconnect_cancellable = g_cancellable_new ();
        }
      (*self->n_preconnecting)++;
      soup_session_preconnect_async (self->session, msg, G_PRIORITY_DEFAULT,
                                     self->preconnect_cancellable, preconnected_cb,
                                     g_rc_box_acquire (self->n_preconnecting));
    }
}

/**
 * vt_client_reprioritize:
 * @self: a #VtClient
 * @cancellable: the cancellable a request was made with
 * @priority: its new priority, if more urgent
 *
 * Moves a request still waiting for a slot up to @priority: a request
 * asked ahead at prefetch priority that something on screen now waits
 * for must not wait behind every visible one. A request under way, or
 * already more urgent, is left alone.
 *
 * Returns: whether a request made with @cancellable is still queued
 */
gboolean
vt_client_reprioritize (VtClient     *self,
                        GCancellable *cancellable,
                        int           priority)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), FALSE);

  return _vt_client_hurry (self, cancellable, priority);
}

/**
 * vt_client_set_record_timings:
 * @self: a #VtClient
 * @record: whether to keep a #VtClientTiming of each request submitted
 *   from now on
 *
 * For tests and benchmarks. Turning it on clears what was kept before.
 */
void
vt_client_set_record_timings (VtClient *self,
                              gboolean  record)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  _vt_client_timings_free (self);
  if (record)
    {
      self->timings = g_array_new (FALSE, TRUE, sizeof (VtClientTiming));
      g_array_set_clear_func (self->timings, timing_clear);
      self->timings_base = self->next_seq;
    }
}

/**
 * vt_client_clear_timings:
 * @self: a #VtClient
 *
 * Forgets the timings kept so far; requests submitted from now on are
 * recorded (if recording is on).
 */
void
vt_client_clear_timings (VtClient *self)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  if (self->timings != NULL)
    vt_client_set_record_timings (self, TRUE);
}

/**
 * vt_client_dup_timings:
 * @self: a #VtClient
 *
 * Returns: (transfer full) (element-type VtClientTiming): a copy of the
 *   timings kept, in order of submission (empty when recording is off);
 *   requests still under way have zeros where they have not got to
 */
GArray *
vt_client_dup_timings (VtClient *self)
{
  GArray *copy;

  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);

  copy = g_array_new (FALSE, TRUE, sizeof (VtClientTiming));
  g_array_set_clear_func (copy, timing_clear);
  if (self->timings == NULL)
    return copy;

  for (guint i = 0; i < self->timings->len; i++)
    {
      VtClientTiming timing = g_array_index (self->timings, VtClientTiming, i);

      timing.uri = g_strdup (timing.uri);
      g_array_append_val (copy, timing);
    }
  return copy;
}
