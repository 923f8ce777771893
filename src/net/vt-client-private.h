/* vt-client-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "vt-client.h"

G_BEGIN_DECLS

/* Shared by vt-client.c (the object, its settings and cache) and
 * vt-client-request.c (one request's life). */

/* How many requests run at once against a server that answered over
 * HTTP/2, at most: they are streams of one connection, not connections,
 * so the per-host connection limit (a courtesy to HTTP/1.1 servers, which
 * give each connection a worker) does not apply. Below this the client
 * keeps to what the server takes (see _vt_client_host_limit()). */
#define VT_CLIENT_H2_STREAMS_PER_HOST 32

typedef struct
{
  GSequence *pending;  /* of VtRequest*, sorted by priority then arrival:
                        * insertion and removal in O(log n), so that a
                        * flood of tile requests stays cheap */
  guint  n_active;
  gboolean multiplexed; /* the server answered over HTTP/2 */
  guint  n_written;     /* requests whose headers libsoup wrote and whose
                         * body has not ended: open streams on HTTP/2 */
  guint  peak_written;  /* the most of those at once */
  gboolean held_back;   /* libsoup held a request back: peak_written is
                         * the server's SETTINGS_MAX_CONCURRENT_STREAMS */
  guint  n_held;        /* requests held back at the current peak */
} VtHostQueue;

typedef struct _VtRequest VtRequest;

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
  guint         first_byte_ms[VT_N_FETCH_KINDS];
  guint         min_body_rate;      /* bytes per second; 0 for no floor */
  guint         body_rate_window_ms;
  guint         max_retries;
  guint         retry_base_ms;
  guint         retry_max_ms;

  guint         n_active;
  guint         n_queued;
  guint         n_network;
  guint         n_retries;
  guint64       next_seq;
  guint         save_cache_id;

  /* Timings of requests, when recorded (tests, benchmarks): an array of
   * VtClientTiming indexed by the request's seq - timings_base. */
  GArray       *timings;
  guint64       timings_base;
  guint64       pump_cause;   /* seq of the request whose end pumps now */

  /* Connections opened ahead (vt_client_preconnect()): libsoup counts one
   * until its handshake returns, and warns when the session goes before. */
  GCancellable *preconnect_cancellable;
  guint        *n_preconnecting;   /* an rc box, shared with the callbacks */
};

void        _vt_client_preconnects_finish (VtClient     *self);

void        _vt_request_submit           (VtClient     *self,
                                          GTask        *task,
                                          const char   *uri,
                                          const char   *host_key,
                                          VtFetchKind   kind,
                                          VtFetchFlags  flags,
                                          int           priority,
                                          GCancellable *cancellable);
void        _vt_request_unref            (VtRequest    *req);
const char *_vt_request_get_content_type (VtRequest    *req);
const char *_vt_request_get_final_uri    (VtRequest    *req);
const char *_vt_request_get_response_header (VtRequest  *req,
                                          const char   *name);

void        _vt_client_pump              (VtClient     *self,
                                          VtHostQueue  *host);
gboolean    _vt_client_hurry             (VtClient     *self,
                                          GCancellable *cancellable,
                                          int           priority);
void        _vt_host_queue_free          (gpointer      data);
guint       _vt_client_host_limit        (VtClient     *self,
                                          VtHostQueue  *host);

VtClientTiming *_vt_client_timing        (VtClient     *self,
                                          guint64       seq);
void        _vt_client_timings_free      (VtClient     *self);

G_END_DECLS
