/* test-slow-servers.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Slow servers, as api.collectie.gent is one when its manifest generator
 * runs cold: a manifest that takes longer than the idle timeout to start,
 * a gateway that answers 504 before the manifest comes, a body that drips.
 * The first two against the real test bed (lighttpd and slow-server.py),
 * the faults that need exact timing against an in-process SoupServer. */

#define G_LOG_DOMAIN "test-slow-servers"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <libsoup/soup.h>
#include <string.h>

#include "net/vt-client.h"
#include "net/vt-ghent-catalogue.h"
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
#include "net/vt-rate-floor-private.h"
#include "net-test-util.h"
#include "vt-testbed.h"

/* Longer than anything here takes, so that a hang fails instead. */
#define GUARD_S 80

typedef struct
{
  SoupServer  *server;
  char        *base;
  VtClient    *client;
  GHashTable  *hits;       /* path → count */
  GPtrArray   *dripping;   /* SoupServerMessage being fed a byte at a time */
  guint        drip_ms;
  guint        drip_id;
  guint        feed_left;  /* /steady: pieces still to send */
} Fixture;

static void
wait_done (const gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + GUARD_S * G_USEC_PER_SEC;

  while (!*done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up waiting after %d s", GUARD_S);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fetch_and_wait (VtClient    *client,
                const char  *uri,
                VtFetchKind  kind,
                FetchResult *r)
{
  fetch_result_clear (r);
  vt_client_fetch_async (client, uri, kind, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT,
                         NULL, fetch_cb, r);
  wait_done (&r->done);
}

/* --- the in-process server ---------------------------------------- */

static gboolean
drip_cb (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < f->dripping->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (f->dripping, i);

      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, " ", 1);
      soup_server_message_unpause (msg);
    }

  return G_SOURCE_CONTINUE;
}

static void
on_drip_finished (SoupServerMessage *msg,
                  Fixture           *f)
{
  g_ptr_array_remove (f->dripping, msg);
}

/* Headers and a first byte at once, then one byte every f->drip_ms,
 * forever: never idle, never done. */
static void
start_drip (Fixture           *f,
            SoupServerMessage *msg,
            guint              status,
            const char        *content_type,
            const char        *first)
{
  SoupMessageHeaders *rh = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_set_encoding (rh, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (rh, content_type, NULL);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            first, strlen (first));
  g_ptr_array_add (f->dripping, msg);
  g_signal_connect (msg, "finished", G_CALLBACK (on_drip_finished), f);
  if (f->drip_id == 0)
    f->drip_id = g_timeout_add (f->drip_ms, drip_cb, f);
}

static gboolean
answer_late_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  server_respond (msg, 200, "application/json", "{\"late\": true}");
  soup_server_message_unpause (msg);
  g_object_unref (msg);

  return G_SOURCE_REMOVE;
}

/* Returns TRUE once the body is complete. */
static gboolean
steady_write_next (SoupServerMessage *msg,
                   Fixture           *f)
{
  static const char piece[256] = { [0 ... 254] = ' ', [255] = '\n' };
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (f->feed_left == 0)
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "]", 1);
      soup_message_body_complete (body);
      soup_server_message_unpause (msg);
      return TRUE;
    }

  f->feed_left--;
  soup_message_body_append (body, SOUP_MEMORY_STATIC, piece, sizeof piece);
  soup_server_message_unpause (msg);
  return FALSE;
}

static gboolean
steady_tick_cb (gpointer data)
{
  SoupServerMessage *msg = data;
  Fixture *f = g_object_get_data (G_OBJECT (msg), "fixture");

  return steady_write_next (msg, f) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *rh = soup_server_message_get_response_headers (msg);
  guint n;

  hit_count_add (f->hits, path);
  n = hit_count (f->hits, path);

  if (g_str_has_prefix (path, "/status-once/"))
    {
      /* /status-once/S: S the first time, then the document. */
      guint status = (guint) g_ascii_strtoull (path + strlen ("/status-once/"), NULL, 10);

      if (n == 1)
        server_respond (msg, status, "text/html", "<html><body>Gateway Time-out</body></html>");
      else
        server_respond (msg, 200, "application/json", "{\"second\": true}");
    }
  else if (g_str_equal (path, "/504-retry-after"))
    {
      if (n == 1)
        {
          soup_message_headers_append (rh, "Retry-After", "1");
          server_respond (msg, 504, "text/plain", "try again in a second");
        }
      else
        server_respond (msg, 200, "application/json", "{}");
    }
  else if (g_str_equal (path, "/504-retry-after-long"))
    {
      soup_message_headers_append (rh, "Retry-After", "3600");
      server_respond (msg, 504, "text/plain", "gone fishing");
    }
  else if (g_str_equal (path, "/think"))
    {
      /* Nothing, not even headers, for 1.5 s; then the answer at once. */
      soup_server_message_pause (msg);
      g_timeout_add (1500, answer_late_cb, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/drip"))
    start_drip (f, msg, 200, "application/json", "{");
  else if (g_str_equal (path, "/drip-404"))
    start_drip (f, msg, 404, "text/plain", "No such object");
  else if (g_str_equal (path, "/steady"))
    {
      /* 256 bytes every 100 ms (2.5 KiB/s) for 2 s, then done. */
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (rh, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (rh, "application/json", NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "[", 1);
      f->feed_left = 20;
      g_object_set_data (G_OBJECT (msg), "fixture", f);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 100, steady_tick_cb, g_object_ref (msg), g_object_unref);
    }
  else
    server_respond (msg, 404, "text/plain", "no such fault");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->dripping = g_ptr_array_new ();
  f->drip_ms = 100;
  f->server = server_new_local (server_cb, f, &f->base);
  f->client = vt_client_new (NULL);
  vt_client_set_retry_policy (f->client, 3, 20, 2000);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpuint (vt_client_get_n_active (f->client), ==, 0);
  g_assert_finalize_object (f->client);

  g_clear_handle_id (&f->drip_id, g_source_remove);
  for (guint i = 0; i < f->dripping->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (f->dripping, i);

      soup_message_body_complete (soup_server_message_get_response_body (msg));
      soup_server_message_unpause (msg);
    }
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_ptr_array_unref (f->dripping);
  g_hash_table_unref (f->hits);
  g_free (f->base);
}

static char *
url (Fixture    *f,
     const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

/* --- retries ------------------------------------------------------- */

/* 502, 503 and 504 are a gateway or a busy server: the next attempt may
 * well succeed. 500 is the server failing on this very request (Ghent's
 * generator says "Something went wrong" the same every time): shown at
 * once. Each retry is counted. */
static void
test_retried_statuses (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { guint status; gboolean retried; } cases[] = {
    { 500, FALSE }, { 502, TRUE }, { 503, TRUE }, { 504, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/status-once/%u", cases[i].status);
      g_autofree char *u = url (f, path);
      g_auto(FetchResult) r = { 0 };
      guint retries_before = vt_client_get_n_retries (f->client);

      fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
      g_test_message ("%u: %u request(s)", cases[i].status, hit_count (f->hits, path));
      if (cases[i].retried)
        {
          g_assert_no_error (r.error);
          g_assert_cmpuint (hit_count (f->hits, path), ==, 2);
          g_assert_cmpuint (vt_client_get_n_retries (f->client), ==, retries_before + 1);
        }
      else
        {
          g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_SERVER);
          g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, cases[i].status);
          g_assert_cmpuint (hit_count (f->hits, path), ==, 1);
          g_assert_cmpuint (vt_client_get_n_retries (f->client), ==, retries_before);
        }
    }
}

/* A 504 with a Retry-After within the cap waits as asked; one beyond the
 * cap is not waited for. */
static void
test_504_retry_after (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *u = url (f, "/504-retry-after");
  g_autofree char *u_long = url (f, "/504-retry-after-long");
  g_auto(FetchResult) r = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 waited;

  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  waited = g_get_monotonic_time () - start;
  g_assert_no_error (r.error);
  g_assert_cmpuint (hit_count (f->hits, "/504-retry-after"), ==, 2);
  /* A lower bound only: the 20 ms backoff alone comes back far sooner. */
  g_assert_cmpint (waited, >=, 950 * 1000);

  fetch_and_wait (f->client, u_long, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_SERVER);
  g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, 504);
  g_assert_cmpuint (hit_count (f->hits, "/504-retry-after-long"), ==, 1);
}

/* --- the first byte ------------------------------------------------ */

/* A server that thinks for 1.5 s before it answers, against an idle
 * timeout of 1 s: an image gives up, a document waits for it. */
static void
test_first_byte (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *u = url (f, "/think");
  g_auto(FetchResult) r = { 0 };

  vt_client_set_timeouts (f->client, 1000, 10000);
  g_assert_cmpuint (vt_client_get_first_byte_timeout (f->client, VT_FETCH_KIND_MANIFEST), >=, 30000);
  g_assert_cmpuint (vt_client_get_first_byte_timeout (f->client, VT_FETCH_KIND_TILE), ==, 0);

  fetch_and_wait (f->client, u, VT_FETCH_KIND_INFO, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT);
  g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, 0);

  vt_client_set_first_byte_timeout (f->client, VT_FETCH_KIND_MANIFEST, 5000);
  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_no_error (r.error);
  g_assert_cmpmem (g_bytes_get_data (r.bytes, NULL), g_bytes_get_size (r.bytes), "{\"late\": true}", 14);

  /* The allowance only ever lengthens the idle timeout. */
  vt_client_set_first_byte_timeout (f->client, VT_FETCH_KIND_MANIFEST, 100);
  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT);
  vt_client_set_timeouts (f->client, 3000, 10000);
  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_no_error (r.error);
}

/* --- the body-rate floor ------------------------------------------- */

/* The ring: nothing judged before a whole window, then what came over
 * exactly the last window. */
static void
test_rate_floor_ring (void)
{
  VtRateFloor rf;
  guint64 received = 0;

  g_assert_cmpuint (_vt_rate_floor_interval_ms (10000), ==, 1000);
  g_assert_cmpuint (_vt_rate_floor_interval_ms (5), ==, 1);

  /* 1000 B/s over 10 s: 10000 bytes per window. Nothing at all for nine
   * ticks is not judged yet. */
  _vt_rate_floor_start (&rf, 1000, 10000, 0);
  for (guint i = 1; i < VT_RATE_FLOOR_SLOTS; i++)
    g_assert_true (_vt_rate_floor_tick (&rf, 0));
  g_assert_false (_vt_rate_floor_tick (&rf, 9999));

  /* 1000 bytes a tick holds up indefinitely. A pause after a burst is
   * forgiven while the last window still holds enough: after a burst of
   * 5000 (tick 31), the window at the fourth tick of pause (35) holds the
   * burst and five ticks of 1000, at the fifth (36) only four. */
  _vt_rate_floor_start (&rf, 1000, 10000, 0);
  for (guint i = 1; i <= 30; i++)
    {
      received += 1000;
      g_assert_true (_vt_rate_floor_tick (&rf, received));
    }
  received += 5000;
  g_assert_true (_vt_rate_floor_tick (&rf, received));
  for (guint i = 0; i < 4; i++)
    g_assert_true (_vt_rate_floor_tick (&rf, received));
  g_assert_false (_vt_rate_floor_tick (&rf, received));
}

/* One byte every 100 ms, against a floor of 1 KiB/s over 1 s: a timeout
 * after about a second, although the idle timer never trips and the
 * request deadline is far away. */
static void
test_drip_feed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *u = url (f, "/drip");
  g_autofree char *u404 = url (f, "/drip-404");
  g_autofree char *steady = url (f, "/steady");
  g_auto(FetchResult) r = { 0 };

  vt_client_set_timeouts (f->client, 5000, 60000);
  vt_client_set_min_body_rate (f->client, 1024, 1000);

  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT);
  g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, 200);
  /* Not the deadline's message: the floor's. */
  g_assert_nonnull (strstr (r.error->message, "slowly"));
  /* Not retried. */
  g_assert_cmpuint (hit_count (f->hits, "/drip"), ==, 1);

  /* An error page that drips ends with its status. */
  fetch_and_wait (f->client, u404, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND);
  g_assert_cmpstr (vt_net_error_get_server_message (r.error), ==, "No such object");

  /* A slow but steady body above the floor, longer than the window. */
  fetch_and_wait (f->client, steady, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (g_bytes_get_size (r.bytes), ==, 2 + 20 * 256);

  /* No floor: the drip runs on until the deadline. */
  vt_client_set_timeouts (f->client, 5000, 1500);
  vt_client_set_min_body_rate (f->client, 0, 0);
  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT);
  g_assert_null (strstr (r.error->message, "slowly"));
}

/* The case from the issue with the client's defaults: one byte every
 * 2 s. It used to run to the 90 s deadline. */
static void
test_drip_feed_defaults (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *u = url (f, "/drip");
  g_auto(FetchResult) r = { 0 };
  gint64 start;
  double seconds;

  g_clear_object (&f->client);
  f->client = vt_client_new (NULL);
  f->drip_ms = 2000;

  start = g_get_monotonic_time ();
  fetch_and_wait (f->client, u, VT_FETCH_KIND_MANIFEST, &r);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("one byte every 2 s: %s after %.1f s (deadline 90 s)",
                  r.error ? r.error->message : "no error", seconds);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (r.error->message, "slowly"));
}

/* --- the real test bed --------------------------------------------- */

typedef struct
{
  gboolean        done;
  VtIiifDocument *document;
  GError         *error;
} LoadResult;

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  LoadResult *r = user_data;

  r->document = vt_loader_load_document_finish (VT_LOADER (object), res, NULL, &r->error);
  r->done = TRUE;
}

static double
load_ghent (VtLoader     *loader,
            VtTestbed    *tb,
            const char   *id,
            VtFetchFlags  flags,
            LoadResult   *r)
{
  g_autofree char *org = NULL;
  g_autofree char *number = NULL;
  g_autofree char *manifest = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (vt_ghent_parse_input (id, NULL, &org, &number, NULL));
  manifest = vt_ghent_build_manifest_url (vt_testbed_get_base_url (tb), org, number);
  vt_loader_load_document_async (loader, manifest, flags, NULL, load_cb, r);
  wait_done (&r->done);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
load_result_clear (LoadResult *r)
{
  g_clear_pointer (&r->document, vt_iiif_document_unref);
  g_clear_error (&r->error);
}

/* The gateway answers 504 twice before the manifest: it opens, after two
 * retries. */
static void
test_testbed_flaky (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtLoader) loader = NULL;
  LoadResult r = { 0 };
  double seconds;

  if (tb == NULL)
    return;

  client = vt_client_new (NULL);
  loader = vt_loader_new (client);
  seconds = load_ghent (loader, tb, VT_TESTBED_OBJECT_FLAKY, VT_FETCH_FLAGS_NONE, &r);
  g_test_message ("%s: opened after %u retries in %.1f s", VT_TESTBED_OBJECT_FLAKY,
                  vt_client_get_n_retries (client), seconds);
  g_assert_no_error (r.error);
  g_assert_cmpint (r.document->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
  g_assert_cmpuint (vt_manifest_get_n_canvases (r.document->manifest), ==, 1);
  g_assert_cmpuint (vt_client_get_n_retries (client), ==, VT_TESTBED_FLAKY_TIMES);
  load_result_clear (&r);

  /* With fewer retries than the gateway fails, the 504 shows (reloading,
   * as Retry does: the loader keeps what it opened). */
  vt_client_set_retry_policy (client, 1, 500, 30000);
  r.done = FALSE;
  load_ghent (loader, tb, VT_TESTBED_OBJECT_FLAKY, VT_FETCH_FLAGS_RELOAD, &r);
  g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_SERVER);
  g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, VT_TESTBED_FLAKY_STATUS);
  load_result_clear (&r);
}

/* The generator takes 25 s before the first byte: longer than the idle
 * timeout, within what a document gets. It opens, with the defaults. */
static void
test_testbed_slow (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtLoader) loader = NULL;
  LoadResult r = { 0 };
  double seconds;

  if (tb == NULL)
    return;

  client = vt_client_new (NULL);
  loader = vt_loader_new (client);
  seconds = load_ghent (loader, tb, VT_TESTBED_OBJECT_SLOW, VT_FETCH_FLAGS_NONE, &r);
  g_test_message ("%s: %s after %.1f s", VT_TESTBED_OBJECT_SLOW,
                  r.error ? r.error->message : "opened", seconds);
  g_assert_no_error (r.error);
  g_assert_cmpint (r.document->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
  g_assert_cmpuint (vt_manifest_get_n_canvases (r.document->manifest), ==, 1);
  g_assert_cmpuint (vt_client_get_n_retries (client), ==, 0);
  load_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/net/slow/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

  ADD ("retried-statuses", test_retried_statuses);
  ADD ("504-retry-after", test_504_retry_after);
  ADD ("first-byte", test_first_byte);
  g_test_add_func ("/net/slow/rate-floor-ring", test_rate_floor_ring);
  ADD ("drip-feed", test_drip_feed);
  ADD ("drip-feed-defaults", test_drip_feed_defaults);
  g_test_add_func ("/net/slow/testbed-flaky", test_testbed_flaky);
  g_test_add_func ("/net/slow/testbed-slow", test_testbed_slow);
#undef ADD

  return g_test_run ();
}
