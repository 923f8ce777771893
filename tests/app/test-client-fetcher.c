/* test-client-fetcher.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include "app/vt-client-fetcher.h"
#include "canvas/vt-canvas-error.h"
#include "iiif/vt-iiif-error.h"
#include "net/vt-net-error.h"
#include "vt-testbed.h"

/* VtClientFetcher: the one mapping from network errors to the canvas'
 * reasons, its priorities, and one real fetch of each outcome from the
 * test bed. */

typedef struct
{
  VtNetError net;
  VtCanvasError canvas;
} Mapping;

static const Mapping mappings[] = {
  { VT_NET_ERROR_NOT_PUBLIC, VT_CANVAS_ERROR_NOT_PUBLIC },
  { VT_NET_ERROR_AUTH_REQUIRED, VT_CANVAS_ERROR_AUTH_REQUIRED },
  { VT_NET_ERROR_NOT_FOUND, VT_CANVAS_ERROR_NOT_FOUND },
  { VT_NET_ERROR_SERVER, VT_CANVAS_ERROR_SERVER },
  { VT_NET_ERROR_TIMEOUT, VT_CANVAS_ERROR_TIMEOUT },
  { VT_NET_ERROR_OFFLINE, VT_CANVAS_ERROR_UNREACHABLE },
  { VT_NET_ERROR_TLS, VT_CANVAS_ERROR_UNREACHABLE },
  { VT_NET_ERROR_CONNECTION_LOST, VT_CANVAS_ERROR_UNREACHABLE },
  { VT_NET_ERROR_UNSUPPORTED_URI, VT_CANVAS_ERROR_UNREACHABLE },
  { VT_NET_ERROR_TOO_LARGE, VT_CANVAS_ERROR_BAD_RESPONSE },
  { VT_NET_ERROR_BAD_RESPONSE, VT_CANVAS_ERROR_BAD_RESPONSE },
  { VT_NET_ERROR_BAD_REQUEST, VT_CANVAS_ERROR_BAD_RESPONSE },
};

static void
test_map_codes (void)
{
  /* Every network error has its reason. */
  g_assert_cmpuint (G_N_ELEMENTS (mappings), ==, VT_NET_N_ERRORS);

  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    {
      g_autoptr (GError) net = vt_net_error_new_full (mappings[i].net, 0, "https://images.example.org/iiif/a/info.json",
                                                      NULL, "The server “%s” said no.", "images.example.org");
      g_autoptr (GError) canvas = vt_client_fetcher_map_error (net);

      g_test_message ("%s → %d", vt_net_error_to_nick (mappings[i].net), canvas->code);
      g_assert_error (canvas, VT_CANVAS_ERROR, (int) mappings[i].canvas);
      /* The network layer's sentence, which names the server, stays. */
      g_assert_cmpstr (canvas->message, ==, net->message);
    }
}

static void
test_map_fallback_message (void)
{
  g_autoptr (GError) net = vt_net_error_new_full (VT_NET_ERROR_NOT_FOUND, 404, "https://images.example.org/x/0,0,256,256/256,/0/default.jpg",
                                                  NULL, "%s", "");
  g_autoptr (GError) canvas = vt_client_fetcher_map_error (net);

  g_assert_error (canvas, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (canvas->message, "images.example.org"));
}

static void
test_map_other_domains (void)
{
  g_autoptr (GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  g_autoptr (GError) decode = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE, "damaged");
  g_autoptr (GError) iiif = g_error_new_literal (VT_IIIF_ERROR, 0, "not an info.json");
  g_autoptr (GError) mapped = NULL;

  mapped = vt_client_fetcher_map_error (cancelled);
  g_assert_error (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&mapped);

  mapped = vt_client_fetcher_map_error (decode);
  g_assert_error (mapped, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE);
  g_assert_cmpstr (mapped->message, ==, "damaged");
  g_clear_error (&mapped);

  /* An info.json that does not parse is not what was asked for. */
  mapped = vt_client_fetcher_map_error (iiif);
  g_assert_error (mapped, VT_CANVAS_ERROR, VT_CANVAS_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (mapped->message, ==, "not an info.json");
}

static void
test_priorities (void)
{
  /* The placeholder before every visible tile; nearer before farther;
   * all of them in the client's band for what is on screen. */
  g_assert_cmpint (vt_client_fetcher_map_priority (VT_TILE_PRIORITY_PLACEHOLDER), <,
                   vt_client_fetcher_map_priority (VT_TILE_PRIORITY_VISIBLE));
  g_assert_cmpint (vt_client_fetcher_map_priority (VT_TILE_PRIORITY_VISIBLE + 1), <,
                   vt_client_fetcher_map_priority (VT_TILE_PRIORITY_VISIBLE + 5));
  g_assert_cmpint (vt_client_fetcher_map_priority (VT_TILE_PRIORITY_VISIBLE + 10000), <,
                   VT_FETCH_PRIORITY_DEFAULT);
  /* Tiles asked ahead wait behind everything else. */
  g_assert_cmpint (vt_client_fetcher_map_priority (VT_TILE_PRIORITY_PREFETCH), ==,
                   VT_FETCH_PRIORITY_PREFETCH);
}

typedef struct
{
  GMainLoop *loop;
  GBytes *bytes;
  GError *error;
} Fetch;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *f = user_data;

  f->bytes = vt_tile_fetcher_fetch_finish (VT_TILE_FETCHER (object), result, &f->error);
  g_main_loop_quit (f->loop);
}

static void
fetch (VtTileFetcher   *fetcher,
       const char      *url,
       VtTileFetchKind  kind,
       Fetch           *f)
{
  f->loop = g_main_loop_new (NULL, FALSE);
  vt_tile_fetcher_fetch_async (fetcher, url, kind, VT_TILE_PRIORITY_VISIBLE, NULL, fetched_cb, f);
  g_main_loop_run (f->loop);
  g_main_loop_unref (f->loop);
}

static void
test_fetch (void)
{
  g_autoptr (VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr (VtClient) client = NULL;
  g_autoptr (VtClientFetcher) fetcher = NULL;
  g_autofree char *tile = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *image = NULL;
  Fetch f = { 0 };

  if (testbed == NULL)
    return;

  client = vt_client_new (NULL);
  fetcher = vt_client_fetcher_new (client);
  g_assert_true (vt_client_fetcher_get_client (fetcher) == client);

  tile = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN "/0,0,256,256/256,/0/default.jpg");
  fetch (VT_TILE_FETCHER (fetcher), tile, VT_TILE_FETCH_TILE, &f);
  g_assert_no_error (f.error);
  g_assert_cmpuint (g_bytes_get_size (f.bytes), >, 0);
  g_clear_pointer (&f.bytes, g_bytes_unref);

  image = vt_testbed_get_url (testbed, VT_TESTBED_STATIC_IMAGE);
  fetch (VT_TILE_FETCHER (fetcher), image, VT_TILE_FETCH_IMAGE, &f);
  g_assert_no_error (f.error);
  g_clear_pointer (&f.bytes, g_bytes_unref);

  missing = vt_testbed_get_url (testbed, "/static/nothing-here.jpg");
  fetch (VT_TILE_FETCHER (fetcher), missing, VT_TILE_FETCH_IMAGE, &f);
  g_assert_null (f.bytes);
  g_assert_error (f.error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (f.error->message, "127.0.0.1"));
  g_clear_error (&f.error);
}

static guint
n_requests (VtClient *client)
{
  g_autoptr (GArray) timings = vt_client_dup_timings (client);

  return timings->len;
}

/* Fetching ahead: a fetch of the same URL joins the request under way or
 * takes its answer, once; unclaimed answers make room, oldest first. */
static void
test_fetch_ahead (void)
{
  g_autoptr (VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr (VtClient) client = NULL;
  g_autoptr (VtClientFetcher) fetcher = NULL;
  g_autoptr (GCancellable) owner = g_cancellable_new ();
  g_autofree char *joined = NULL;
  g_autofree char *taken = NULL;
  Fetch f = { 0 };
  guint n_used = 0, n_done = 0;

  if (testbed == NULL)
    return;

  client = vt_client_new (NULL);
  vt_client_set_record_timings (client, TRUE);
  fetcher = vt_client_fetcher_new (client);
  joined = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN "/256,0,256,256/256,/0/default.jpg");
  taken = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN "/512,0,256,256/256,/0/default.jpg");

  /* Joined while under way. */
  g_assert_true (vt_client_fetcher_fetch_ahead (fetcher, joined, VT_TILE_FETCH_TILE, VT_TILE_PRIORITY_PREFETCH, owner));
  g_assert_false (vt_client_fetcher_fetch_ahead (fetcher, joined, VT_TILE_FETCH_TILE, VT_TILE_PRIORITY_PREFETCH, owner));
  fetch (VT_TILE_FETCHER (fetcher), joined, VT_TILE_FETCH_TILE, &f);
  g_assert_no_error (f.error);
  g_assert_cmpuint (g_bytes_get_size (f.bytes), >, 0);
  g_clear_pointer (&f.bytes, g_bytes_unref);
  g_assert_cmpuint (n_requests (client), ==, 1);

  /* Taken once done; the asker cancelling afterwards changes nothing. */
  g_assert_true (vt_client_fetcher_fetch_ahead (fetcher, taken, VT_TILE_FETCH_TILE, VT_TILE_PRIORITY_PREFETCH, owner));
  while (vt_client_get_n_active (client) + vt_client_get_n_queued (client) > 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_cancellable_cancel (owner);
  fetch (VT_TILE_FETCHER (fetcher), taken, VT_TILE_FETCH_TILE, &f);
  g_assert_no_error (f.error);
  g_clear_pointer (&f.bytes, g_bytes_unref);
  g_assert_cmpuint (n_requests (client), ==, 2);
  g_assert_cmpuint (vt_client_fetcher_get_n_ahead (fetcher, &n_used), ==, 2);
  g_assert_cmpuint (n_used, ==, 2);

  /* Only once: the next fetch asks the network. */
  fetch (VT_TILE_FETCHER (fetcher), taken, VT_TILE_FETCH_TILE, &f);
  g_assert_no_error (f.error);
  g_clear_pointer (&f.bytes, g_bytes_unref);
  g_assert_cmpuint (n_requests (client), ==, 3);

  /* Given up by its asker while under way: a fetch asks anew, and gets
   * the bytes rather than the cancellation. */
  {
    g_autoptr (GCancellable) quitter = g_cancellable_new ();

    g_assert_true (vt_client_fetcher_fetch_ahead (fetcher, joined, VT_TILE_FETCH_TILE,
                                                  VT_TILE_PRIORITY_PREFETCH, quitter));
    g_cancellable_cancel (quitter);
    fetch (VT_TILE_FETCHER (fetcher), joined, VT_TILE_FETCH_TILE, &f);
    g_assert_no_error (f.error);
    g_assert_cmpuint (g_bytes_get_size (f.bytes), >, 0);
    g_clear_pointer (&f.bytes, g_bytes_unref);
  }

  /* More answers than the table holds, none taken: the newest are still
   * asked, the oldest dropped. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%s/%u,%u,256,256/64,/0/default.jpg",
                                              vt_testbed_get_base_url (testbed), VT_TESTBED_IIP_MAIN + 1,
                                              (i % 40) * 256, (i / 40) * 256);

      if (i % 24 == 23)
        while (vt_client_get_n_active (client) + vt_client_get_n_queued (client) > 0)
          g_main_context_iteration (NULL, TRUE);
      if (vt_client_fetcher_fetch_ahead (fetcher, url, VT_TILE_FETCH_TILE, VT_TILE_PRIORITY_PREFETCH, NULL))
        n_done++;
    }
  g_assert_cmpuint (n_done, ==, 120);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/client-fetcher/map/codes", test_map_codes);
  g_test_add_func ("/vitrine/client-fetcher/map/fallback-message", test_map_fallback_message);
  g_test_add_func ("/vitrine/client-fetcher/map/other-domains", test_map_other_domains);
  g_test_add_func ("/vitrine/client-fetcher/priorities", test_priorities);
  g_test_add_func ("/vitrine/client-fetcher/fetch", test_fetch);
  g_test_add_func ("/vitrine/client-fetcher/fetch-ahead", test_fetch_ahead);

  return g_test_run ();
}
