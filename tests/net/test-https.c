/* test-https.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VtClient over HTTPS and HTTP/2, against the test bed's HTTPS endpoint
 * (lighttpd with mod_openssl and its own HTTP/2, a certificate signed by a
 * CA the test bed makes at start). The client trusts that CA only through
 * vt_client_set_tls_database(); without it the same request fails as a
 * TLS error. libsoup negotiates h2 by ALPN, and then the client runs more
 * requests at once than its HTTP/1.1 limit of connections per host. */

#include "config.h"

#include "net-test-util.h"
#include "net/vt-client-private.h"
#include "net/vt-net-error.h"
#include "vt-testbed.h"

#define N_TILES 40

/* What libsoup did with the client's messages, seen from the session. */
typedef struct
{
  guint       in_flight;     /* headers written, not finished */
  guint       peak;
  guint       peak_active;   /* the client's own count at the peak */
  guint       n_h2;
  guint       n_h1;
  GHashTable *connections;   /* ids of the connections used */
  GPtrArray  *messages;      /* watched, to disconnect from at the end */
  VtClient   *client;
} Watch;

static void
on_wrote_headers (SoupMessage *msg,
                  Watch       *watch)
{
  g_object_set_data (G_OBJECT (msg), "vt-test-written", GINT_TO_POINTER (1));
  watch->in_flight++;
  if (watch->in_flight > watch->peak)
    {
      watch->peak = watch->in_flight;
      watch->peak_active = vt_client_get_n_active (watch->client);
    }
}

static void
on_got_headers (SoupMessage *msg,
                Watch       *watch)
{
  if (soup_message_get_http_version (msg) == SOUP_HTTP_2_0)
    watch->n_h2++;
  else
    watch->n_h1++;
  g_hash_table_add (watch->connections,
                    g_memdup2 (&(guint64) { soup_message_get_connection_id (msg) }, sizeof (guint64)));
}

static void
on_finished (SoupMessage *msg,
             Watch       *watch)
{
  if (g_object_steal_data (G_OBJECT (msg), "vt-test-written") != NULL)
    watch->in_flight--;
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *msg,
                   Watch       *watch)
{
  g_ptr_array_add (watch->messages, g_object_ref (msg));
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (on_wrote_headers), watch);
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), watch);
  g_signal_connect (msg, "finished", G_CALLBACK (on_finished), watch);
}

static void
watch_init (Watch    *watch,
            VtClient *client)
{
  *watch = (Watch) { 0 };
  watch->client = client;
  watch->connections = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  watch->messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (client->session, "request-queued", G_CALLBACK (on_request_queued), watch);
}

static void
watch_clear (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->client->session, watch);
  /* libsoup may keep a message, and signal on it, after the client is
   * done with it: the watch lives on this test's stack. */
  for (guint i = 0; i < watch->messages->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watch->messages, i), watch);
  g_clear_pointer (&watch->messages, g_ptr_array_unref);
  g_clear_pointer (&watch->connections, g_hash_table_unref);
}

/* A client with the app's timeouts, but under valgrind on a loaded
 * machine a TLS handshake can outlast the 20 s idle timeout: the first
 * request of /https/untrusted-is-a-tls-error then failed as a timeout
 * instead of as a TLS error. */
static VtClient *
new_client (void)
{
  VtClient *client = vt_client_new (NULL);

  if (g_getenv ("VITRINE_UNDER_VALGRIND") != NULL)
    vt_client_set_timeouts (client, 90 * 1000, 240 * 1000);
  return client;
}

static VtClient *
trusting_client (VtTestbed *tb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) db = vt_testbed_new_tls_database (tb, &error);
  VtClient *client;

  g_assert_no_error (error);
  client = new_client ();
  vt_client_set_tls_database (client, db);
  return client;
}

static void
test_trusted (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_HTTPS);
  g_autoptr(VtClient) client = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  g_auto(FetchResult) result = { 0 };
  Watch watch;
  const char *body;
  gsize len;

  if (tb == NULL)
    return;

  client = trusting_client (tb);
  watch_init (&watch, client);
  url = vt_testbed_get_https_url (tb, VT_TESTBED_IIP_MAIN "/info.json");
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));
  fetch_sync (client, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);

  /* IIPImage knows it is behind TLS: the id it gives is the HTTPS one. */
  body = g_bytes_get_data (result.bytes, &len);
  id = g_strdup_printf ("\"%s%s\"", vt_testbed_get_https_base_url (tb), VT_TESTBED_IIP_MAIN);
  g_assert_nonnull (g_strstr_len (body, len, id));

  /* libsoup offered h2 by ALPN and lighttpd took it. */
  g_assert_cmpuint (watch.n_h2, ==, 1);
  g_assert_cmpuint (watch.n_h1, ==, 0);
  watch_clear (&watch);
}

static void
test_untrusted (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_HTTPS);
  g_autoptr(VtClient) client = NULL;
  g_autofree char *url = NULL;
  g_auto(FetchResult) result = { 0 };
  g_auto(FetchResult) again = { 0 };

  if (tb == NULL)
    return;

  /* The system's store, as the app has: the test bed's CA is not in it. */
  client = new_client ();
  url = vt_testbed_get_https_url (tb, VT_TESTBED_IIP_MAIN "/info.json");
  fetch_sync (client, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &result);
  g_assert_error (result.error, VT_NET_ERROR, VT_NET_ERROR_TLS);
  g_assert_null (result.bytes);
  g_test_message ("without the test CA: %s", result.error->message);
  g_assert_nonnull (strstr (result.error->message, "127.0.0.1"));
  g_assert_cmpuint (vt_client_get_n_retries (client), ==, 0);

  /* Trusting the CA afterwards is enough for new connections. */
  {
    g_autoptr(GTlsDatabase) db = vt_testbed_new_tls_database (tb, NULL);

    vt_client_set_tls_database (client, db);
  }
  fetch_sync (client, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &again);
  g_assert_no_error (again.error);

  /* And back to the system's store: refused again. */
  fetch_result_clear (&again);
  vt_client_set_tls_database (client, NULL);
  {
    /* A fresh connection, not the one already trusted. */
    g_autoptr(VtClient) other = new_client ();

    vt_client_set_tls_database (other, NULL);
    fetch_sync (other, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &again);
    g_assert_error (again.error, VT_NET_ERROR, VT_NET_ERROR_TLS);
  }
}

/* N_TILES distinct tiles of the 12000 × 9000 image at once; returns the
 * watch's numbers. */
static void
fetch_many (VtClient  *client,
            VtTestbed *tb,
            gboolean   https,
            Watch     *watch)
{
  FetchResult results[N_TILES] = { 0 };
  guint n_done = 0;

  watch_init (watch, client);
  for (guint i = 0; i < N_TILES; i++)
    {
      g_autofree char *path = g_strdup_printf (VT_TESTBED_IIP_MAIN "/%u,%u,512,512/256,/0/default.jpg",
                                               (i % 8) * 512, (i / 8) * 512);
      g_autofree char *url = https ? vt_testbed_get_https_url (tb, path) : vt_testbed_get_url (tb, path);

      results[i].n_done = &n_done;
      vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                             VT_FETCH_PRIORITY_VISIBLE, NULL, fetch_cb, &results[i]);
    }
  run_until_count (&n_done, N_TILES);
  for (guint i = 0; i < N_TILES; i++)
    {
      g_assert_no_error (results[i].error);
      g_assert_true (bytes_are_jpeg (results[i].bytes));
      fetch_result_clear (&results[i]);
    }
  g_test_message ("%s: %u requests, at most %u in flight (client: %u active), %u connection(s), "
                  "%u over HTTP/2", https ? "HTTPS" : "HTTP", N_TILES, watch->peak, watch->peak_active,
                  g_hash_table_size (watch->connections), watch->n_h2);
}

static void
test_h2_many_in_flight (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_HTTPS);
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtClient) plain = NULL;
  Watch watch;

  if (tb == NULL)
    return;

  /* HTTP/1.1 first, on the same server: the limit of connections holds. */
  plain = new_client ();
  fetch_many (plain, tb, FALSE, &watch);
  g_assert_cmpuint (watch.n_h2, ==, 0);
  g_assert_cmpuint (watch.peak, <=, vt_client_get_max_conns_per_host (plain));
  g_assert_cmpuint (g_hash_table_size (watch.connections), <=, vt_client_get_max_conns_per_host (plain));
  watch_clear (&watch);

  /* HTTP/2: every answer came over h2, on few connections, and more
   * requests than the HTTP/1.1 limit were on the wire together. */
  client = trusting_client (tb);
  g_assert_cmpuint (vt_client_get_max_conns_per_host (client), ==, 6);
  fetch_many (client, tb, TRUE, &watch);
  g_assert_cmpuint (watch.n_h2, ==, N_TILES);
  g_assert_cmpuint (watch.peak, >, vt_client_get_max_conns_per_host (client));
  g_assert_cmpuint (watch.peak_active, >, vt_client_get_max_conns_per_host (client));
  g_assert_cmpuint (g_hash_table_size (watch.connections), <, watch.peak);
  /* But no more than the server takes at once (lighttpd: 8 streams): the
   * rest wait in the client's queue, in priority order, not in libsoup's,
   * which holds them back until something wakes the connection. */
  g_assert_cmpuint (watch.peak_active, <=, watch.peak + 2);
  watch_clear (&watch);
}

static void
count_queued (SoupSession *session,
              SoupMessage *msg,
              guint       *n)
{
  (*n)++;
}

/* The manifest's host is preconnected for the burst that follows it; a
 * host known to answer over HTTP/2 takes that burst on its one
 * connection, so nothing is opened (libsoup queues a message for each
 * connection it is asked to open). */
static void
test_h2_no_preconnect (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_HTTPS);
  g_autoptr(VtClient) client = NULL;
  g_autofree char *url = NULL;
  g_auto(FetchResult) result = { 0 };
  guint n_queued = 0;
  gulong id;

  if (tb == NULL)
    return;

  client = trusting_client (tb);
  url = vt_testbed_get_https_url (tb, VT_TESTBED_IIP_MAIN "/info.json");
  id = g_signal_connect (client->session, "request-queued", G_CALLBACK (count_queued), &n_queued);

  /* Not known yet: connections are opened, as for HTTP/1.1. */
  vt_client_preconnect (client, url, 5);
  g_assert_cmpuint (n_queued, ==, 5);

  fetch_sync (client, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);

  n_queued = 0;
  vt_client_preconnect (client, url, 5);
  g_assert_cmpuint (n_queued, ==, 0);
  g_signal_handler_disconnect (client->session, id);
}

static gboolean
body_contains (FetchResult *result,
               const char  *needle)
{
  gsize len;
  const char *body = g_bytes_get_data (result->bytes, &len);

  return g_strstr_len (body, len, needle) != NULL;
}

/* The test bed's side: HTTPS documents name HTTPS URLs, a restart keeps
 * both ports (with a new CA), and --public-base goes into the documents. */
static void
test_testbed_https (void)
{
  const char *args[] = { "--public-base", "http://127.0.0.1:9", NULL };
  g_autoptr(VtTestbed) tb = vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_HTTPS);
  g_autoptr(VtTestbed) proxied = NULL;
  g_autoptr(VtClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *level0 = NULL;
  g_autofree char *service = NULL;
  g_autofree char *ca = NULL;
  g_auto(FetchResult) result = { 0 };
  guint16 port, https_port;

  if (tb == NULL)
    return;

  client = trusting_client (tb);
  manifest = g_strconcat (vt_testbed_get_https_base_url (tb), VT_TESTBED_MANIFEST_PATH,
                          VT_TESTBED_OBJECT_DMG, NULL);
  fetch_sync (client, manifest, VT_FETCH_KIND_MANIFEST, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);
  service = g_strdup_printf ("\"@id\":\"%s/iiif/image/iiif/2/", vt_testbed_get_https_base_url (tb));
  g_assert_true (body_contains (&result, service));
  g_assert_false (body_contains (&result, vt_testbed_get_base_url (tb)));

  level0 = vt_testbed_get_https_url (tb, VT_TESTBED_LEVEL0_V3 "/info.json");
  fetch_sync (client, level0, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);
  g_assert_true (body_contains (&result, vt_testbed_get_https_base_url (tb)));

  port = vt_testbed_get_port (tb);
  https_port = vt_testbed_get_https_port (tb);
  ca = g_strdup (vt_testbed_get_ca_file (tb));
  g_assert_true (vt_testbed_restart (tb, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vt_testbed_get_port (tb), ==, port);
  g_assert_cmpuint (vt_testbed_get_https_port (tb), ==, https_port);
  g_assert_cmpstr (vt_testbed_get_ca_file (tb), !=, ca);
  g_clear_object (&client);
  client = trusting_client (tb);
  fetch_sync (client, level0, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);

  proxied = vt_testbed_start_full (VT_TESTBED_FLAGS_NONE, args, &error);
  g_assert_no_error (error);
  g_assert_null (vt_testbed_get_https_base_url (proxied));
  g_free (manifest);
  manifest = vt_testbed_get_manifest_url (proxied, VT_TESTBED_OBJECT_DMG);
  fetch_sync (client, manifest, VT_FETCH_KIND_MANIFEST, VT_FETCH_FLAGS_NONE, &result);
  g_assert_no_error (result.error);
  g_assert_true (body_contains (&result, "\"@id\":\"http://127.0.0.1:9/iiif/image/iiif/2/"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/https/testbed", test_testbed_https);
  g_test_add_func ("/https/trusted-test-ca-h2", test_trusted);
  g_test_add_func ("/https/untrusted-is-a-tls-error", test_untrusted);
  g_test_add_func ("/https/h2-more-than-six-in-flight", test_h2_many_in_flight);
  g_test_add_func ("/https/h2-no-preconnect", test_h2_no_preconnect);

  return g_test_run ();
}
