/* bench-network.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The network benchmark of issue 15. Not a test: it prints tables and
 * never fails on a number.
 *
 * Four set-ups, each with a fresh client: the test bed on loopback over
 * HTTP/1.1 (http://) and HTTP/2 (https://, h2 by ALPN), then the same
 * behind tests/bench/delay-proxy.py at 80 ms RTT (40 ms each way) and
 * 50 Mbit/s per direction. In each:
 *
 * 1. The deep-zoom walk of bench-canvas.c (open → home, zoom ×8, pan 5 %,
 *    zoom to 100 %, pan 2 %, home) over IIPImage, on bench.tif when the
 *    build made it (testbed-bench-image), else ghent.tif. Every view
 *    change is set at once, without animation, and timed from there: the
 *    issue measures the network, and the app's 200–360 ms view animations
 *    (which make no requests of their own) would otherwise be counted as
 *    time above the round-trip limit. The first step opens info.json
 *    through the canvas test service.
 * 2. 20 objects opened in a row, cycling through the public Ghent objects
 *    of the test bed, through the app's own route: a VtSession on one
 *    client (its connections stay), a new VtViewing on the manifest URL
 *    (what Enter does), shown by a new VtCanvasPane, so that VtPage asks
 *    for the placeholder beside info.json as the app does. Timed from the
 *    open call ("Enter") to the first pixels and to the sharp fit view.
 *    vt_session_forget() before each open: nothing of the object is known
 *    but its URL.
 *
 * Sharp: the view's tiles in view are all drawn (vt_image_view_get_sharp(),
 * no animation), not waiting for the tiles a settled view asks ahead.
 * First pixels: the first time the view draws anything of the image, its
 * placeholder included (vt_image_view_has_pixels()).
 *
 * Requests not for the view in front of the user (the tiles just outside
 * a settled view and the next canvas, asked at VT_FETCH_PRIORITY_PREFETCH;
 * the strip's thumbnails and the backdrop, at THUMBNAIL) are counted apart
 * ("pf") and left out of a step's tiles and limit. Between walk steps an
 * untimed pause lets the prefetches end, as a user's would. "min" is the
 * minimal sharp set of a step: the tiles its sharp view needs
 * (vt_image_view_get_minimal_set()) that the view before it did not.
 * Preconnects (messages libsoup queues but never sends) are not requests;
 * their connections count as opened from the moment they were asked.
 *
 * Two limits are printed. "limit", below, is the pure round-trip limit.
 * "srv lim" is the same critical path with each request costing at least
 * its observed answer time (headers written → body's end): it includes
 * the server's time (IIPImage making a tile, under this machine's load)
 * and what the proxy adds, and leaves only the client's own gaps; a ratio
 * near 1 there says the rest of the gap is the server's, not Vitrine's.
 *
 * Targets (issue 15): walk ≤ 1.15 × limit on HTTP/1.1 and ≤ 1.10 × on
 * HTTP/2; first pixels ≤ 2 RTT + 30 ms; an open from Enter to sharp ≤
 * 4 RTT + 100 ms on HTTP/2 and ≤ 1.15 × its limit on HTTP/1.1; tiles ≤
 * 1.05 × min.
 *
 * The test bed runs IIPImage as several FastCGI processes (tests/testbed/
 * vitrine-testbed, VITRINE_TESTBED_IIPSRV_PROCS), as a real image server
 * does; with one, tiles asked together are made in turn.
 *
 * Per step: tiles requested, bytes, first pixels (the first tile decoded
 * and ready to draw), time until sharp, and the round-trip limit of the
 * step's own requests, with the ratio sharp / limit.
 *
 * The round-trip limit. Every HTTP request the step made is logged from
 * libsoup's signals: when it was queued, its connection, its protocol and
 * the bytes of its answer (headers and body, from libsoup's metrics).
 * With R the round-trip time and C the bandwidth cap:
 *   - a request depends on the last document (manifest or info.json) of
 *     the step that had finished before it was queued: a tile needs its
 *     info.json, an info.json its manifest;
 *   - over HTTP/1.1, a request also waits for the one before it on the
 *     same connection (no pipelining); over HTTP/2 streams do not wait for
 *     each other;
 *   - a connection first used in the step costs 1 R for TCP, plus 1 R for
 *     TLS 1.3 on https, before its first request;
 *   - a request costs R plus its bytes at C:
 *       end(i) = max (end(parent), end(previous on the connection, h1),
 *                     0) + setup + R + bytes(i) / C
 *   - limit = max (max end(i), the same path with no bytes + all the
 *     step's bytes at C), the second term since the connections share C.
 * So the limit keeps Vitrine's own requests and, over HTTP/1.1, their
 * spread over its connections; what it leaves out is every gap the client
 * leaves itself: time between an answer and the next request, decoding,
 * animation, painting. On loopback R and C are unknown (≈ 0) and no limit
 * is printed.
 *
 * Run: meson compile -C BUILD testbed-bench-image   (optional)
 *      xvfb-run -a meson test -C BUILD --benchmark --suite network -v
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "app/vt-canvas-pane.h"
#include "app/vt-session.h"
#include "app/vt-viewing.h"
#include "canvas/vt-iiif-source.h"
#include "canvas/vt-image-view-private.h"
#include "net/vt-client-private.h"
#include "vt-canvas-test-service.h"
#include "vt-testbed.h"

#define VIEW_W      1280
#define VIEW_H      800
#define N_OBJECTS   20
#define DELAY_MS    40
#define RATE_MBIT   50
/* SETTINGS_MAX_CONCURRENT_STREAMS of the test bed's lighttpd 1.4.69 (read
 * off its SETTINGS frame): at most this many requests of one HTTP/2
 * connection are answered at once. */
#define H2_SERVER_STREAMS 8

/* ------------------------------------------------------------------ */
/* The request log                                                     */

typedef enum { KIND_MANIFEST, KIND_INFO, KIND_TILE } Kind;

typedef struct
{
  gint64   queued;
  gint64   sent;     /* its headers written */
  gint64   end;
  guint64  conn;
  guint64  bytes;
  gboolean h2;
  gboolean done;
  Kind     kind;
  gboolean prefetch; /* not for the view: asked at VT_FETCH_PRIORITY_PREFETCH
                      * (or THUMBNAIL: the strip, the backdrop), still so at
                      * its end */
  char    *uri;
} Entry;

typedef struct
{
  GArray     *entries;   /* of Entry */
  GArray     *gaps;      /* ms between an answer's end and the next
                          * request on its HTTP/1.1 connection, in a step */
  GHashTable *conns;     /* connections used by earlier steps */
  VtClient   *client;
} ReqLog;

static Kind
kind_of (const char *uri)
{
  if (g_str_has_suffix (uri, "/info.json"))
    return KIND_INFO;
  if (strstr (uri, VT_TESTBED_MANIFEST_PATH) != NULL)
    return KIND_MANIFEST;
  return KIND_TILE;
}

static void
on_wrote_headers (SoupMessage *msg,
                  ReqLog      *log)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "bench-index")) - 1;
  Entry *e = &g_array_index (log->entries, Entry, index);

  if (e->sent == 0)
    e->sent = g_get_monotonic_time ();
}

/* The answer's end: its body read whole ("got-body"), or "finished" for
 * one that has none. libsoup may signal "finished" only after the client
 * has already acted on the body. */
static void
on_got_body (SoupMessage *msg,
             ReqLog      *log)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "bench-index")) - 1;
  Entry *e = &g_array_index (log->entries, Entry, index);

  if (e->end == 0)
    e->end = g_get_monotonic_time ();
}

static void
on_finished (SoupMessage *msg,
             ReqLog      *log)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "bench-index")) - 1;
  Entry *e = &g_array_index (log->entries, Entry, index);
  SoupMessageMetrics *metrics = soup_message_get_metrics (msg);

  if (e->end == 0)
    e->end = g_get_monotonic_time ();
  e->conn = soup_message_get_connection_id (msg);
  e->h2 = soup_message_get_http_version (msg) == SOUP_HTTP_2_0;
  e->done = TRUE;
  e->prefetch = soup_message_get_priority (msg) <= SOUP_MESSAGE_PRIORITY_LOW;
  if (metrics != NULL)
    e->bytes = soup_message_metrics_get_response_header_bytes_received (metrics) +
               soup_message_metrics_get_response_body_bytes_received (metrics);
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *msg,
                   ReqLog      *log)
{
  g_autofree char *uri = g_uri_to_string (soup_message_get_uri (msg));
  Entry e = { g_get_monotonic_time (), 0, 0, 0, 0, FALSE, FALSE, kind_of (uri),
              soup_message_get_priority (msg) <= SOUP_MESSAGE_PRIORITY_LOW, g_strdup (uri) };

  soup_message_add_flags (msg, SOUP_MESSAGE_COLLECT_METRICS);
  g_array_append_val (log->entries, e);
  g_object_set_data (G_OBJECT (msg), "bench-index", GUINT_TO_POINTER (log->entries->len));
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (on_wrote_headers), log);
  g_signal_connect (msg, "got-body", G_CALLBACK (on_got_body), log);
  g_signal_connect (msg, "finished", G_CALLBACK (on_finished), log);
}

static ReqLog *
req_log_new (VtClient *client)
{
  ReqLog *log = g_new0 (ReqLog, 1);

  log->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  log->gaps = g_array_new (FALSE, FALSE, sizeof (double));
  log->conns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  log->client = client;
  g_signal_connect (client->session, "request-queued", G_CALLBACK (on_request_queued), log);
  return log;
}

static void
req_log_free (ReqLog *log)
{
  g_signal_handlers_disconnect_by_data (log->client->session, log);
  for (guint i = 0; i < log->entries->len; i++)
    g_free (g_array_index (log->entries, Entry, i).uri);
  g_array_unref (log->entries);
  g_array_unref (log->gaps);
  g_hash_table_unref (log->conns);
  g_free (log);
}

typedef struct
{
  double limit_ms;     /* 0 on loopback */
  double limit_srv_ms; /* the same with the server's own answer times */
  guint  n_tiles;
  guint  n_prefetch;
  guint  n_requests;
  guint  n_new_conns;
  guint  n_h2;
  guint  depth;        /* round trips on the critical path, setup included */
  guint64 bytes;
  double first_request_ms;
} StepStats;

/* The limit of the requests logged from FIRST on, for a step that began
 * at START (see the top of the file). */
static StepStats
step_stats_full (ReqLog  *log,
                 guint    first,
                 gint64   start,
                 double   rtt_ms,
                 double   cap_bytes_per_ms,
                 gboolean tls,
                 gboolean observed)
{
  StepStats s = { 0 };
  /* The observed limit leaves the log as it is: it works on a copy of
   * the connections known before the step, and records no gaps. */
  g_autoptr (GHashTable) known_copy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *known = observed ? known_copy : log->conns;

  guint n = log->entries->len - first;
  g_autofree double *end = g_new0 (double, MAX (n, 1));
  g_autofree double *end_rtt = g_new0 (double, MAX (n, 1));
  g_autofree guint *depth = g_new0 (guint, MAX (n, 1));
  g_autoptr(GHashTable) conn_last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* HTTP/2: per connection, the ends of the requests of its
   * H2_SERVER_STREAMS streams (indices + 1; 0 for a free stream) */
  g_autoptr(GHashTable) lanes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* connections opened in this step → when their handshakes end */
  g_autoptr(GHashTable) ready = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  double path_max = 0, rtt_max = 0;

  if (observed)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, log->conns);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (known_copy, g_memdup2 (key, sizeof (guint64)));
    }

  s.first_request_ms = -1;
  for (guint i = 0; i < n; i++)
    {
      Entry *e = &g_array_index (log->entries, Entry, first + i);
      double begin = 0, begin_rtt = 0, setup = 0;
      guint d = 0;
      gpointer last;

      if (!observed && g_getenv ("BENCH_NETWORK_LOG") != NULL)
        g_print ("   %8.1f %8.1f %8.1f conn %3" G_GUINT64_FORMAT " %s%s%7" G_GUINT64_FORMAT " %s\n",
                 (e->queued - start) / 1000.0, e->sent ? (e->sent - start) / 1000.0 : -1,
                 e->end ? (e->end - start) / 1000.0 : -1, e->conn, e->h2 ? "h2 " : "", e->prefetch ? "pf " : "",
                 e->bytes, e->uri);
      if (e->sent == 0)
        {
          /* Never written: a preconnect (libsoup queues a message it
           * never sends), or a request cancelled before it left. A
           * preconnect's connection is opened from the moment it was
           * asked, beside the request that asked for it. */
          if (e->conn != 0 && !g_hash_table_contains (known, &e->conn))
            {
              double at = 0;

              for (guint j = i; j-- > 0;)
                {
                  Entry *p = &g_array_index (log->entries, Entry, first + j);

                  if (p->kind != KIND_TILE && p->sent != 0 && p->end != 0 && p->end <= e->queued)
                    {
                      at = end[j];
                      break;
                    }
                }
              g_hash_table_add (known, g_memdup2 (&e->conn, sizeof e->conn));
              s.n_new_conns++;
              g_hash_table_insert (ready, g_memdup2 (&e->conn, sizeof e->conn),
                                   g_memdup2 (&(double) { at + (tls ? 2 : 1) * rtt_ms }, sizeof (double)));
            }
          end[i] = end_rtt[i] = 0;
          continue;
        }
      if (e->prefetch)
        {
          /* Left out of the limit: it is not needed for sharp. */
          s.n_prefetch++;
          end[i] = end_rtt[i] = 0;
          continue;
        }
      s.n_requests++;
      s.bytes += e->bytes;
      if (e->kind == KIND_TILE)
        s.n_tiles++;
      if (e->h2)
        s.n_h2++;
      if (s.first_request_ms < 0)
        s.first_request_ms = (e->queued - start) / 1000.0;

      /* The parent: the last document finished before this was queued. */
      for (guint j = i; j-- > 0;)
        {
          Entry *p = &g_array_index (log->entries, Entry, first + j);

          if (p->kind != KIND_TILE && p->sent != 0 && p->end != 0 && p->end <= e->queued)
            {
              begin = end[j];
              begin_rtt = end_rtt[j];
              d = depth[j];
              break;
            }
        }

      if (!g_hash_table_contains (known, &e->conn))
        {
          guint64 *key = g_memdup2 (&e->conn, sizeof e->conn);

          g_hash_table_add (known, key);
          s.n_new_conns++;
          setup = (tls ? 2 : 1) * rtt_ms;
          d += tls ? 2 : 1;
          g_hash_table_insert (ready, g_memdup2 (&e->conn, sizeof e->conn),
                               g_memdup2 (&(double) { begin + setup }, sizeof (double)));
        }
      else if (e->h2)
        {
          /* The stream that frees first, if all are taken. */
          guint *lane = g_hash_table_lookup (lanes, &e->conn);

          if (lane != NULL)
            {
              guint best = 0;

              for (guint l = 1; l < H2_SERVER_STREAMS; l++)
                if (lane[l] == 0 || (lane[best] != 0 && end[lane[l] - 1] < end[lane[best] - 1]))
                  best = l;
              if (lane[best] != 0 && end[lane[best] - 1] > begin)
                {
                  begin = end[lane[best] - 1];
                  d = depth[lane[best] - 1];
                }
            }
        }
      else if (g_hash_table_lookup_extended (conn_last, &e->conn, NULL, &last))
        {
          guint j = GPOINTER_TO_UINT (last);
          Entry *prev = &g_array_index (log->entries, Entry, first + j);

          /* libsoup may signal the previous answer's end a moment after
           * the client has already sent the next request: no gap. */
          if (prev->end != 0 && e->sent != 0)
            {
              double gap = MAX (0, e->sent - prev->end) / 1000.0;

              if (!observed)
                g_array_append_val (log->gaps, gap);
            }

          if (end[j] > begin)
            {
              begin = end[j];
              d = depth[j];
            }
          begin_rtt = MAX (begin_rtt, end_rtt[j]);
        }
      {
        double *conn_ready = g_hash_table_lookup (ready, &e->conn);

        /* A later request on a connection opened in this step waits for
         * its handshake too. */
        if (setup == 0 && conn_ready != NULL && *conn_ready > begin)
          begin = *conn_ready;
      }
      {
        double cost = rtt_ms + (cap_bytes_per_ms > 0 ? e->bytes / cap_bytes_per_ms : 0);

        /* Observed: a request costs at least what its answer took from
         * its headers written to its end, the server's time included. */
        if (observed && e->sent != 0 && e->end > e->sent)
          cost = MAX (cost, (e->end - e->sent) / 1000.0);
        end[i] = begin + setup + cost;
      }
      end_rtt[i] = begin_rtt + setup + rtt_ms;
      depth[i] = d + 1;
      g_hash_table_insert (conn_last, g_memdup2 (&e->conn, sizeof e->conn), GUINT_TO_POINTER (i));
      if (e->h2)
        {
          guint *lane = g_hash_table_lookup (lanes, &e->conn);
          guint best = 0;

          if (lane == NULL)
            {
              lane = g_new0 (guint, H2_SERVER_STREAMS);
              g_hash_table_insert (lanes, g_memdup2 (&e->conn, sizeof e->conn), lane);
            }
          for (guint l = 1; l < H2_SERVER_STREAMS; l++)
            if (lane[l] == 0 || (lane[best] != 0 && end[lane[l] - 1] < end[lane[best] - 1]))
              best = l;
          lane[best] = i + 1;
        }
      if (end[i] > path_max)
        {
          path_max = end[i];
          s.depth = depth[i];
        }
      rtt_max = MAX (rtt_max, end_rtt[i]);
    }

  if (rtt_ms > 0)
    s.limit_ms = MAX (path_max, rtt_max + (cap_bytes_per_ms > 0 ? s.bytes / cap_bytes_per_ms : 0));
  return s;
}

static StepStats
step_stats (ReqLog  *log,
            guint    first,
            gint64   start,
            double   rtt_ms,
            double   cap_bytes_per_ms,
            gboolean tls)
{
  StepStats observed = step_stats_full (log, first, start, rtt_ms, cap_bytes_per_ms, tls, TRUE);
  StepStats s = step_stats_full (log, first, start, rtt_ms, cap_bytes_per_ms, tls, FALSE);

  s.limit_srv_ms = observed.limit_ms;
  return s;
}

/* ------------------------------------------------------------------ */
/* A set-up: where the test bed is and how far                          */

typedef struct
{
  const char   *name;
  const char   *base;      /* http(s)://127.0.0.1:PORT, maybe a proxy */
  gboolean      tls;
  double        rtt_ms;    /* 0 on loopback */
  GTlsDatabase *database;
  const char   *image;     /* "/iiif/bench.tif" or ghent.tif */
  gint64        image_w, image_h;
  GPtrArray    *objects;   /* of (manifest URL, info URL) pairs, flattened */
} Setup;

typedef struct
{
  double sharp_ms, limit_ms, limit_srv_ms, first_px_ms;
  double median_sharp_ms; /* opens: the median from Enter to sharp */
  double net_sharp_ms;  /* over the steps that made requests */
  guint  tiles, prefetch, min_tiles;
  guint64 bytes;
} Totals;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_sharp (VtImageView *view)
{
  /* Not n_loading: it counts the tiles asked ahead just outside the
   * view, which a sharp view asks for at once. */
  return vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY &&
         !vt_image_view_is_animating (view) && vt_image_view_get_sharp (view);
}

/* Runs the main loop until VIEW is sharp (or failed); *FIRST_PX gets the
 * time of the first decoded tile when it is still < 0. */
static gboolean
wait_sharp (VtImageView *view,
            gint64       start,
            double      *first_px,
            guint        seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  vt_image_view_update_now (view);
  while (!timed_out && !is_sharp (view) && vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_ERROR)
    {
      g_main_context_iteration (NULL, TRUE);
      if (first_px != NULL && *first_px < 0 && vt_image_view_has_pixels (view))
        *first_px = (g_get_monotonic_time () - start) / 1000.0;
    }
  if (!timed_out)
    g_source_remove (id);
  return !timed_out && vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY;
}

/* The tiles a sharp view of VIEW needs now, as a set of keys. */
static GHashTable *
minimal_set (VtImageView *view)
{
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (vt_image_view_get_source (view) != NULL)
    vt_image_view_get_minimal_set (view, vt_image_view_get_viewport (view), keys);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (keys, guint64, i), sizeof (guint64)));
  return set;
}

/* The minimal set of a step: what the sharp view needs that the view
 * before it did not (those are in the cache already). */
static guint
minimal_new (VtImageView *view,
             GHashTable  *before)
{
  g_autoptr (GHashTable) after = minimal_set (view);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (before == NULL || !g_hash_table_contains (before, key))
      n++;
  return n;
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  *strchr (text, ' ') = '\0';
  return g_steal_pointer (&text);
}

static void
settle (VtImageView *view)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!timed_out && vt_image_view_get_n_loading (view) > 0)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void
print_header (void)
{
  g_print ("%-26s %6s %4s %4s %9s %9s %9s %9s %6s %7s %6s %6s %5s %5s\n", "step", "tiles", "min", "pf", "bytes",
           "first px", "sharp", "limit", "ratio", "srv lim", "ratio", "1st rq", "RTTs", "conns");
}

static void
print_row (const char      *name,
           const StepStats *s,
           guint            min_tiles,
           double           first_px,
           double           sharp_ms)
{
  g_autofree char *px = first_px >= 0 ? g_strdup_printf ("%.0f", first_px) : g_strdup ("-");
  g_autofree char *limit = s->limit_ms > 0 ? g_strdup_printf ("%.0f", s->limit_ms) : g_strdup ("-");
  g_autofree char *ratio = s->limit_ms > 0 ? g_strdup_printf ("%.2f", sharp_ms / s->limit_ms) : g_strdup ("-");
  g_autofree char *srv = s->limit_ms > 0 ? g_strdup_printf ("%.0f", s->limit_srv_ms) : g_strdup ("-");
  g_autofree char *srv_ratio = s->limit_ms > 0 ? g_strdup_printf ("%.2f", sharp_ms / s->limit_srv_ms) : g_strdup ("-");

  g_print ("%-26s %6u %4u %4u %9" G_GUINT64_FORMAT " %9s %9.0f %9s %6s %7s %6s %6.0f %5u %5u\n", name, s->n_tiles,
           min_tiles, s->n_prefetch, s->bytes, px, sharp_ms, limit, ratio, srv, srv_ratio,
           MAX (s->first_request_ms, 0), s->depth, s->n_new_conns);
}

static void
print_total (const char   *name,
             const Totals *t,
             double        worst_px)
{
  g_autofree char *px = t->first_px_ms >= 0 ? g_strdup_printf ("%.0f", t->first_px_ms) : g_strdup ("");
  g_autofree char *limit = t->limit_ms > 0 ? g_strdup_printf ("%.0f", t->limit_ms) : g_strdup ("-");
  g_autofree char *ratio = t->limit_ms > 0 ? g_strdup_printf ("%.2f", t->sharp_ms / t->limit_ms) : g_strdup ("-");
  g_autofree char *srv = t->limit_ms > 0 ? g_strdup_printf ("%.0f", t->limit_srv_ms) : g_strdup ("-");
  g_autofree char *srv_ratio = t->limit_ms > 0 ? g_strdup_printf ("%.2f", t->sharp_ms / t->limit_srv_ms) : g_strdup ("-");

  g_print ("%-26s %6u %4u %4u %9" G_GUINT64_FORMAT " %9s %9.0f %9s %6s %7s %6s", name, t->tiles, t->min_tiles,
           t->prefetch, t->bytes, px, t->sharp_ms, limit, ratio, srv, srv_ratio);
  if (worst_px >= 0)
    g_print ("   (worst first px %.0f)", worst_px);
  g_print ("\n");
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* What the issue measured: how long a connection idles between an answer
 * and the next request on it, within a step. */
static void
print_gaps (ReqLog *log)
{
  if (log->gaps->len == 0)
    return;
  g_array_sort (log->gaps, compare_doubles);
  g_print ("HTTP/1.1 connection reuse gap (an answer's end → the next request written on that connection): "
           "median %.1f ms, 90th percentile %.1f ms, %u gaps\n",
           g_array_index (log->gaps, double, log->gaps->len / 2),
           g_array_index (log->gaps, double, log->gaps->len * 9 / 10), log->gaps->len);
}

/* HTTP/2 requests that libsoup held back (their headers written more than
 * 2 ms after they were handed over, as when the server's stream limit is
 * reached): how long after the last answer that ended before they were
 * written, on the same connection. About 0 when a freed stream is reused
 * at once; about a round trip or more when they wait for something else. */
static void
print_h2_deferred (ReqLog *log)
{
  g_autoptr (GArray) waits = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < log->entries->len; i++)
    {
      Entry *e = &g_array_index (log->entries, Entry, i);
      gint64 freed = 0;
      double wait;

      if (!e->h2 || e->sent == 0 || e->sent - e->queued < 2000)
        continue;
      for (guint j = 0; j < log->entries->len; j++)
        {
          Entry *o = &g_array_index (log->entries, Entry, j);

          if (j != i && o->conn == e->conn && o->end != 0 && o->end <= e->sent && o->end > freed)
            freed = o->end;
        }
      if (freed == 0 || freed < e->queued)
        continue;
      wait = (e->sent - freed) / 1000.0;
      g_array_append_val (waits, wait);
    }
  if (waits->len == 0)
    return;
  g_array_sort (waits, compare_doubles);
  g_print ("HTTP/2 requests held back by libsoup: %u; written after the last answer before them: "
           "median %.1f ms, 90th percentile %.1f ms\n", waits->len,
           g_array_index (waits, double, waits->len / 2), g_array_index (waits, double, waits->len * 9 / 10));
}

static GtkWindow *
window_new (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, VIEW_W, VIEW_H);
  return window;
}

static VtImageView *
window_show_view (GtkWindow *window)
{
  VtImageView *view = VT_IMAGE_VIEW (vt_image_view_new ());

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  return view;
}

static VtTestService *
service_new (const Setup *setup)
{
  VtTestService *service = vt_test_service_new ();

  if (setup->database != NULL)
    vt_client_set_tls_database (service->client, setup->database);
  return service;
}

static const char *walk_steps[] = {
  "open → home (fit)", "zoom ×8 about the centre", "pan right 5 % of width",
  "zoom to 100 %", "pan down 2 % of height", "home",
};

static void
run_walk (const Setup *setup,
          Totals      *totals)
{
  g_autoptr (VtTestService) service = service_new (setup);
  g_autofree char *url = g_strconcat (setup->base, setup->image, "/info.json", NULL);
  ReqLog *log = req_log_new (service->client);
  GtkWindow *window = window_new ();
  VtImageView *view = window_show_view (window);
  VtViewport *vp = vt_image_view_get_viewport (view);
  double cap = setup->rtt_ms > 0 ? RATE_MBIT * 1e6 / 8 / 1000 : 0;

  g_print ("\nWalk, %s: %s (%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT "), view %d × %d\n", setup->name,
           setup->image, setup->image_w, setup->image_h, gtk_widget_get_width (GTK_WIDGET (view)),
           gtk_widget_get_height (GTK_WIDGET (view)));
  print_header ();
  *totals = (Totals) { 0 };
  totals->first_px_ms = -1;

  for (guint step = 0; step < G_N_ELEMENTS (walk_steps); step++)
    {
      guint first = log->entries->len;
      g_autoptr (GHashTable) before = minimal_set (view);
      gint64 start = g_get_monotonic_time ();
      double first_px = -1, ms;
      guint min;
      StepStats s;

      switch (step)
        {
        case 0:
          vt_test_service_open (service, view, url);
          break;
        case 1:
          vt_image_view_zoom_to (view, 8 * vt_viewport_get_zoom (vp), FALSE);
          break;
        case 2:
          vt_viewport_set_center (vp, vt_viewport_get_center_x (vp) + 0.05 * setup->image_w,
                                  vt_viewport_get_center_y (vp));
          break;
        case 3:
          vt_image_view_zoom_to (view, 1.0 / gtk_widget_get_scale_factor (GTK_WIDGET (view)), FALSE);
          break;
        case 4:
          vt_viewport_set_center (vp, vt_viewport_get_center_x (vp),
                                  vt_viewport_get_center_y (vp) + 0.02 * setup->image_h);
          break;
        default:
          vt_image_view_zoom_fit (view, FALSE);
          break;
        }
      if (!wait_sharp (view, start, step == 0 ? &first_px : NULL, 120))
        {
          g_printerr ("%s: step %u did not become sharp\n", setup->name, step);
          if (step == 0)
            break;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      min = minimal_new (view, before);
      /* A user's pause, untimed: the tiles asked ahead of the settled
       * view arrive (counted in pf) before the next step. */
      settle (view);
      s = step_stats (log, first, start, setup->rtt_ms, cap, setup->tls);
      print_row (walk_steps[step], &s, min, first_px, ms);
      totals->min_tiles += min;
      totals->prefetch += s.n_prefetch;
      totals->sharp_ms += ms;
      if (s.n_requests > 0)
        totals->net_sharp_ms += ms;
      totals->limit_ms += s.limit_ms;
      totals->limit_srv_ms += s.limit_srv_ms;
      totals->tiles += s.n_tiles;
      totals->bytes += s.bytes;
      if (step == 0)
        totals->first_px_ms = first_px;
    }
  print_total ("whole walk", totals, -1);
  print_gaps (log);
  print_h2_deferred (log);
  req_log_free (log);
  gtk_window_destroy (window);
}

/* The open is through the app's route: VtViewing loads the manifest,
 * its VtPage asks for info.json and the placeholder together, and the
 * pane hands the page's source to its image view. */
static gboolean
open_settled (VtViewing   *viewing,
              VtImageView *view)
{
  return vt_viewing_get_state (viewing) == VT_VIEWING_FAILED || is_sharp (view) ||
         vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_ERROR;
}

static void
run_objects (const Setup *setup,
             Totals      *totals)
{
  g_autoptr (VtClient) client = vt_client_new (NULL);
  g_autoptr (VtSession) session = NULL;
  ReqLog *log;
  GtkWindow *window = window_new ();
  double cap = setup->rtt_ms > 0 ? RATE_MBIT * 1e6 / 8 / 1000 : 0;
  g_autoptr (GArray) px = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sharp = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_pairs = setup->objects->len / 2;

  if (setup->database != NULL)
    vt_client_set_tls_database (client, setup->database);
  session = vt_session_new (client);
  vt_session_set_api_base (session, setup->base);
  log = req_log_new (client);

  g_print ("\n%u objects opened in a row, %s (the app's route: Enter → manifest → info.json + placeholder → fit view)\n",
           N_OBJECTS, setup->name);
  print_header ();
  *totals = (Totals) { 0 };

  for (guint i = 0; i < N_OBJECTS; i++)
    {
      const char *manifest = g_ptr_array_index (setup->objects, 2 * (i % n_pairs));
      VtCanvasPane *pane = g_object_new (VT_TYPE_CANVAS_PANE, NULL);
      VtImageView *view = vt_canvas_pane_get_image_view (pane);
      g_autoptr (VtViewing) viewing = NULL;
      gboolean timed_out = FALSE;
      guint timeout, first;
      double first_px = -1, ms;
      g_autofree char *name = NULL;
      gint64 start;
      StepStats s;

      vt_canvas_pane_set_session (pane, session);
      gtk_window_set_child (window, GTK_WIDGET (pane));
      gtk_window_present (window);
      while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
        g_main_context_iteration (NULL, TRUE);
      /* Nothing of the object is known but its manifest's URL. */
      vt_session_forget (session);

      first = log->entries->len;
      start = g_get_monotonic_time ();
      viewing = vt_viewing_new (session, manifest, NULL);
      vt_canvas_pane_set_viewing (pane, viewing);
      vt_viewing_load (viewing, FALSE);

      timeout = g_timeout_add_seconds (120, timeout_cb, &timed_out);
      while (!timed_out && !open_settled (viewing, view))
        {
          g_main_context_iteration (NULL, TRUE);
          if (first_px < 0 && vt_image_view_has_pixels (view))
            first_px = (g_get_monotonic_time () - start) / 1000.0;
        }
      if (!timed_out)
        g_source_remove (timeout);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (timed_out || !is_sharp (view))
        g_printerr ("%s: object %u did not become sharp\n", setup->name, i);
      s = step_stats (log, first, start, setup->rtt_ms, cap, setup->tls);
      name = g_strdup_printf ("%2u %.22s", i + 1, strrchr (manifest, '/') + 1);
      print_row (name, &s, minimal_new (view, NULL), first_px, ms);
      totals->sharp_ms += ms;
      totals->net_sharp_ms += ms;
      totals->limit_ms += s.limit_ms;
      totals->limit_srv_ms += s.limit_srv_ms;
      totals->tiles += s.n_tiles;
      totals->prefetch += s.n_prefetch;
      totals->min_tiles += minimal_new (view, NULL);
      totals->bytes += s.bytes;
      g_array_append_val (px, first_px);
      g_array_append_val (sharp, ms);
      vt_canvas_pane_set_viewing (pane, NULL);
      vt_viewing_cancel (viewing);
      gtk_window_set_child (window, NULL);
    }
  {
    double sum = 0, worst = 0;

    for (guint i = 0; i < px->len; i++)
      {
        sum += g_array_index (px, double, i);
        worst = MAX (worst, g_array_index (px, double, i));
      }
    totals->first_px_ms = sum / px->len;
    print_total ("all objects (px: mean)", totals, worst);
    /* The summary gives the median. */
    g_array_sort (px, compare_doubles);
    totals->first_px_ms = g_array_index (px, double, px->len / 2);
    g_array_sort (sharp, compare_doubles);
    totals->median_sharp_ms = g_array_index (sharp, double, sharp->len / 2);
  }
  print_gaps (log);
  print_h2_deferred (log);
  req_log_free (log);
  gtk_window_destroy (window);
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

static guint16
free_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* delay-proxy.py from LISTEN to TARGET; it stops when we exit (its stdin
 * is our pipe). */
static GSubprocess *
proxy_start (guint16 listen,
             guint16 target)
{
  g_autofree char *listen_s = g_strdup_printf ("%u", listen);
  g_autofree char *target_s = g_strdup_printf ("%u", target);
  g_autofree char *delay_s = g_strdup_printf ("%d", DELAY_MS);
  g_autofree char *rate_s = g_strdup_printf ("%d", RATE_MBIT);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proxy;

  proxy = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            VT_TESTBED_PYTHON, DELAY_PROXY, "--listen", listen_s, "--target", target_s,
                            "--delay", delay_s, "--rate", rate_s, NULL);
  g_assert_no_error (error);
  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proxy));
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "READY "))
    g_error ("delay-proxy did not start: %s", error ? error->message : line ? line : "end of file");
  return proxy;
}

/* Pairs (manifest URL, info.json URL) of the public Ghent objects with a
 * working image, from the test bed's index, with BASE for their base. */
static GPtrArray *
list_objects (VtTestbed  *tb,
              const char *base)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autofree char *url = vt_testbed_get_url (tb, VT_TESTBED_INDEX);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  JsonObject *index;
  JsonArray *ghent;
  const char *old_base;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  index = json_node_get_object (json_parser_get_root (parser));
  old_base = json_object_get_string_member (index, "base");
  ghent = json_object_get_array_member (index, "ghent");
  for (guint i = 0; i < json_array_get_length (ghent); i++)
    {
      JsonObject *o = json_array_get_object_element (ghent, i);
      const char *manifest = json_object_get_string_member (o, "url");
      const char *image;

      if (json_object_get_int_member (o, "status") != 200 || json_object_has_member (o, "image_status"))
        continue;
      image = json_array_get_string_element (json_object_get_array_member (o, "images"), 0);
      g_ptr_array_add (pairs, g_strconcat (base, manifest + strlen (old_base), NULL));
      g_ptr_array_add (pairs, g_strconcat (base, image + strlen (old_base), "/info.json", NULL));
    }
  g_assert_cmpuint (pairs->len, >, 0);
  return pairs;
}

int
main (int argc, char *argv[])
{
  g_autoptr (VtTestbed) near = NULL;
  g_autoptr (VtTestbed) far = NULL;
  g_autoptr (GSubprocess) proxy_http = NULL;
  g_autoptr (GSubprocess) proxy_https = NULL;
  g_autoptr (GTlsDatabase) near_db = NULL;
  g_autoptr (GTlsDatabase) far_db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bench_tif = NULL;
  g_autofree char *far_http = NULL;
  g_autofree char *far_https = NULL;
  g_autofree char *public_http = NULL;
  g_autofree char *public_https = NULL;
  g_autofree char *load = NULL;
  Setup setups[4];
  Totals walk[4], objects[4];
  guint16 port_http, port_https;
  const char *image = "/iiif/bench.tif";
  gint64 w = 16384, h = 12288;

  gtk_init ();
  adw_init ();

  bench_tif = g_build_filename (vt_testbed_get_fixtures_dir (), "bench.tif", NULL);
  if (!g_file_test (bench_tif, G_FILE_TEST_EXISTS))
    {
      g_print ("(bench.tif not built: walking ghent.tif; `meson compile -C BUILD testbed-bench-image`)\n");
      image = VT_TESTBED_IIP_MAIN;
      w = VT_TESTBED_MAIN_WIDTH;
      h = VT_TESTBED_MAIN_HEIGHT;
    }

  near = vt_testbed_start_full (VT_TESTBED_FLAGS_HTTPS, NULL, &error);
  if (near == NULL)
    {
      g_print ("1..0 # SKIP the test bed with HTTPS cannot run: %s\n", error->message);
      return 0;
    }

  /* The far test bed names the proxies in its documents, so that every
   * URL a manifest leads to goes through them too. */
  port_http = free_port ();
  do
    port_https = free_port ();
  while (port_https == port_http);
  public_http = g_strdup_printf ("http://127.0.0.1:%u", port_http);
  public_https = g_strdup_printf ("https://127.0.0.1:%u", port_https);
  {
    const char *args[] = { "--public-base", public_http, "--public-https-base", public_https, NULL };

    far = vt_testbed_start_full (VT_TESTBED_FLAGS_HTTPS, args, &error);
    g_assert_no_error (error);
  }
  proxy_http = proxy_start (port_http, vt_testbed_get_port (far));
  proxy_https = proxy_start (port_https, vt_testbed_get_https_port (far));

  near_db = vt_testbed_new_tls_database (near, &error);
  g_assert_no_error (error);
  far_db = vt_testbed_new_tls_database (far, &error);
  g_assert_no_error (error);

  setups[0] = (Setup) { "loopback, HTTP/1.1", vt_testbed_get_base_url (near), FALSE, 0, NULL };
  setups[1] = (Setup) { "loopback, HTTP/2", vt_testbed_get_https_base_url (near), TRUE, 0, near_db };
  setups[2] = (Setup) { "80 ms, 50 Mbit/s, HTTP/1.1", public_http, FALSE, 2 * DELAY_MS, NULL };
  setups[3] = (Setup) { "80 ms, 50 Mbit/s, HTTP/2", public_https, TRUE, 2 * DELAY_MS, far_db };
  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      setups[i].image = image;
      setups[i].image_w = w;
      setups[i].image_h = h;
      setups[i].objects = list_objects (i < 2 ? near : far, setups[i].base);
    }

  g_print ("Network benchmark (issue 15). Columns: tiles requested, bytes of answers, first px = "
           "first tile decoded (ms), sharp = until sharp (ms), limit = round-trip limit of the "
           "step's own requests (ms; see bench-network.c), ratio = sharp / limit, 1st rq = first "
           "request after the step began (ms), RTTs = round trips on the critical path, conns = "
           "connections opened.\n");
  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      run_walk (&setups[i], &walk[i]);
      run_objects (&setups[i], &objects[i]);
    }

  load = load_average ();
  g_print ("\nSummary (ms), load average %s. walk: the six steps, limit and srv lim summed over them. "
           "first px, Enter→sharp: medians of the 20 opens; target: 2 RTT + 30 ms, and 4 RTT + 100 ms on "
           "HTTP/2 (on HTTP/1.1 the opens' ratio to their limit is the target, ≤ 1.15). tiles/min: all tiles "
           "(walk and opens) over their minimal sharp sets, prefetches apart.\n", load);
  g_print ("%-28s %6s %6s %5s %6s %5s | %5s %4s | %6s %4s %5s %5s | %9s %4s\n", "", "walk", "limit", "ratio",
           "srvlim", "ratio", "1stpx", "tgt", "sharp", "tgt", "ratio", "srv", "tiles/min", "pf");
  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      const Totals *wt = &walk[i], *ot = &objects[i];
      double rtt = setups[i].rtt_ms;
      g_autofree char *px_target = rtt > 0 ? g_strdup_printf ("%.0f", 2 * rtt + 30) : g_strdup ("");
      g_autofree char *open_target = rtt > 0 && setups[i].tls ? g_strdup_printf ("%.0f", 4 * rtt + 100) : g_strdup ("");
      g_autofree char *wl = wt->limit_ms > 0 ? g_strdup_printf ("%.0f", wt->limit_ms) : g_strdup ("-");
      g_autofree char *wr = wt->limit_ms > 0 ? g_strdup_printf ("%.2f", wt->sharp_ms / wt->limit_ms) : g_strdup ("-");
      g_autofree char *ws = wt->limit_ms > 0 ? g_strdup_printf ("%.0f", wt->limit_srv_ms) : g_strdup ("-");
      g_autofree char *wsr = wt->limit_ms > 0 ? g_strdup_printf ("%.2f", wt->sharp_ms / wt->limit_srv_ms) : g_strdup ("-");
      g_autofree char *orr = ot->limit_ms > 0 ? g_strdup_printf ("%.2f", ot->sharp_ms / ot->limit_ms) : g_strdup ("-");
      g_autofree char *osr = ot->limit_ms > 0 ? g_strdup_printf ("%.2f", ot->sharp_ms / ot->limit_srv_ms) : g_strdup ("-");
      g_autofree char *tiles = g_strdup_printf ("%u/%u", wt->tiles + ot->tiles, wt->min_tiles + ot->min_tiles);

      g_print ("%-28s %6.0f %6s %5s %6s %5s | %5.0f %4s | %6.0f %4s %5s %5s | %9s %4u\n", setups[i].name,
               wt->sharp_ms, wl, wr, ws, wsr, ot->first_px_ms, px_target, ot->median_sharp_ms, open_target, orr, osr,
               tiles, wt->prefetch + ot->prefetch);
      g_ptr_array_unref (setups[i].objects);
    }
  g_print ("Targets (issue 15): walk ≤ 1.15 × limit on HTTP/1.1, ≤ 1.10 × on HTTP/2; first pixels ≤ 2 RTT + 30 ms; "
           "Enter→sharp ≤ 4 RTT + 100 ms on HTTP/2, ≤ 1.15 × limit on HTTP/1.1; tiles ≤ 1.05 × min. "
           "srvlim: the same limit with each request's observed answer time (server time included).\n");
  return 0;
}
