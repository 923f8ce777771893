/* test-service-cache.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The image-service cache against the real test bed: IIPImage's info.json
 * and the static level 0 sets. What goes over the network is read from
 * the client's own counters: a request waiting or under way
 * (vt_client_get_n_active() + vt_client_get_n_queued()) and answers that
 * came over a connection (vt_client_get_n_network_answers()). */

#define G_LOG_DOMAIN "test-service-cache"

#include "config.h"

#undef G_DISABLE_ASSERT

#include "iiif/vt-iiif-error.h"
#include "iiif/vt-image-url.h"
#include "net-test-util.h"
#include "net/vt-ghent-catalogue.h"
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
#include "net/vt-service-cache.h"
#include "vt-testbed.h"

static void
start (VtServiceCache *cache,
       const char     *id,
       VtFetchFlags    flags,
       int             priority,
       GCancellable   *cancellable,
       ServiceResult  *r)
{
  service_result_clear (r);
  vt_service_cache_load_async (cache, id, flags, priority, cancellable, service_result_cb, r);
}

static void
load (VtServiceCache *cache,
      const char     *id,
      ServiceResult  *r)
{
  start (cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, r);
  run_until_true (&r->done);
}

static guint
n_requests (VtClient *client)
{
  return vt_client_get_n_active (client) + vt_client_get_n_queued (client);
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for a while: whatever was still on its way (a
 * cancelled request's own end, a late answer) arrives, so that a test
 * can see that it changed nothing. */
static void
spin (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add_once (ms, set_true, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gboolean        done;
  VtIiifDocument *document;
  GError        **error;
} DocumentLoad;

static void
document_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DocumentLoad *d = user_data;

  d->document = vt_loader_load_document_finish (VT_LOADER (object), result, NULL, d->error);
  d->done = TRUE;
}

static VtIiifDocument *
load_document (VtLoader    *loader,
               const char  *url,
               GError     **error)
{
  DocumentLoad d = { FALSE, NULL, error };

  vt_loader_load_document_async (loader, url, VT_FETCH_FLAGS_NONE, NULL, document_cb, &d);
  run_until_true (&d.done);
  return d.document;
}

typedef struct
{
  VtTestbed      *tb;
  VtServiceCache *cache;
  VtClient       *client;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VtClient) client = NULL;

  f->tb = vt_testbed_start_or_skip ();
  if (f->tb == NULL)
    return;
  client = vt_client_new (NULL);
  f->cache = vt_service_cache_new (client);
  f->client = vt_service_cache_get_client (f->cache);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->cache != NULL)
    g_assert_finalize_object (f->cache);
  g_clear_pointer (&f->tb, vt_testbed_free);
}

/* info.json from IIPImage and from both static level 0 sets, the same
 * service from memory under its other spellings, and the first and last
 * tile of the coarsest level of each. */
static void
test_tile_sets (Fixture       *f,
                gconstpointer  data)
{
  const struct { const char *path; gint64 width, height; VtImageApiVersion version; int level; } sets[] = {
    { VT_TESTBED_IIP_MAIN, VT_TESTBED_MAIN_WIDTH, VT_TESTBED_MAIN_HEIGHT, VT_IMAGE_API_2, 1 },
    { VT_TESTBED_IIP_PORTRAIT, VT_TESTBED_PORTRAIT_WIDTH, VT_TESTBED_PORTRAIT_HEIGHT, VT_IMAGE_API_2, 1 },
    { VT_TESTBED_LEVEL0_V2, VT_TESTBED_LEVEL0_WIDTH, VT_TESTBED_LEVEL0_HEIGHT, VT_IMAGE_API_2, 0 },
    { VT_TESTBED_LEVEL0_V3, VT_TESTBED_LEVEL0_WIDTH, VT_TESTBED_LEVEL0_HEIGHT, VT_IMAGE_API_3, 0 },
  };

  if (f->tb == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *id = vt_testbed_get_url (f->tb, sets[i].path);
      g_autofree char *info = vt_image_service_info_url (id);
      g_autofree char *slash = g_strconcat (id, "/", NULL);
      g_autoptr(VtTilePyramid) looked_up = NULL;
      g_autoptr(VtImageService) service = NULL;
      g_auto(ServiceResult) svc = { 0 };
      g_auto(ServiceResult) again = { 0 };
      guint n_levels, last, before;
      const VtTileLevel *level;

      g_test_message ("%s", id);
      g_assert_null (vt_service_cache_lookup (f->cache, id, NULL));
      load (f->cache, id, &svc);
      g_assert_no_error (svc.error);
      g_assert_cmpstr (svc.service->id, ==, id);
      g_assert_cmpint (svc.service->version, ==, sets[i].version);
      g_assert_cmpint (svc.service->level, ==, sets[i].level);
      g_assert_cmpint (svc.service->width, ==, sets[i].width);
      g_assert_cmpint (svc.service->height, ==, sets[i].height);
      g_assert_true (vt_tile_pyramid_get_service (svc.pyramid) == svc.service);

      /* The same service by its info.json address, or with a slash:
       * from memory, with no request at all. */
      before = vt_client_get_n_network_answers (f->client);
      start (f->cache, info, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &again);
      g_assert_cmpuint (n_requests (f->client), ==, 0);
      run_until_true (&again.done);
      g_assert_true (again.service == svc.service);
      g_assert_true (again.pyramid == svc.pyramid);
      service = vt_service_cache_lookup (f->cache, slash, &looked_up);
      g_assert_true (service == svc.service);
      g_assert_true (looked_up == svc.pyramid);
      g_assert_cmpuint (vt_client_get_n_network_answers (f->client), ==, before);

      n_levels = vt_tile_pyramid_get_n_levels (svc.pyramid);
      g_assert_cmpuint (n_levels, >, 1);
      last = n_levels - 1;
      level = vt_tile_pyramid_get_level (svc.pyramid, last);

      for (guint corner = 0; corner < 2; corner++)
        {
          guint x = corner == 0 ? 0 : level->columns - 1;
          guint y = corner == 0 ? 0 : level->rows - 1;
          g_autofree char *url = vt_tile_pyramid_dup_tile_url (svc.pyramid, last, x, y);
          g_auto(FetchResult) tile = { 0 };

          fetch_sync (f->client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE, &tile);
          g_assert_no_error (tile.error);
          g_assert_true (bytes_are_jpeg (tile.bytes));
        }

      /* A whole-image request the service allows: what a thumbnail asks. */
      {
        g_autofree char *url = vt_image_service_dup_fit_url (svc.service, 120);
        g_auto(FetchResult) image = { 0 };

        if (sets[i].level == 0)
          {
            g_assert_null (url);
            continue;
          }
        fetch_sync (f->client, url, VT_FETCH_KIND_THUMBNAIL, VT_FETCH_FLAGS_NONE, &image);
        g_assert_no_error (image.error);
        g_assert_true (bytes_are_jpeg (image.bytes));
      }
    }

  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, G_N_ELEMENTS (sets));
}

/* Each canvas of a Ghent manifest leads, through its image service, to a
 * pyramid of the canvas's size and a tile; an image gone from the image
 * server is NOT_FOUND. */
static void
test_ghent_canvases (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtLoader) loader = NULL;
  g_autoptr(VtIiifDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (f->tb == NULL)
    return;

  loader = vt_loader_new (f->client);
  url = vt_ghent_build_manifest_url (vt_testbed_get_base_url (f->tb), "dmg", "2011-0075_0-2");
  g_assert_true (g_str_has_suffix (VT_TESTBED_OBJECT_TWO_CANVASES, "2011-0075_0-2"));
  document = load_document (loader, url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_manifest_get_n_canvases (document->manifest), ==, 2);

  for (guint i = 0; i < vt_manifest_get_n_canvases (document->manifest); i++)
    {
      VtCanvas *canvas = vt_manifest_get_canvas (document->manifest, i);
      VtServiceRef *ref = vt_canvas_get_image_service (canvas);
      g_autofree char *tile_url = NULL;
      g_auto(FetchResult) tile = { 0 };
      g_auto(ServiceResult) svc = { 0 };

      g_assert_nonnull (ref);
      load (f->cache, ref->id, &svc);
      g_assert_no_error (svc.error);
      g_assert_cmpint (svc.service->width, ==, canvas->width);
      g_assert_cmpint (svc.service->height, ==, canvas->height);

      tile_url = vt_tile_pyramid_dup_tile_url (svc.pyramid, 0, 0, 0);
      fetch_sync (f->client, tile_url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE, &tile);
      g_assert_no_error (tile.error);
      g_assert_true (bytes_are_jpeg (tile.bytes));
    }

  {
    g_autofree char *missing = vt_ghent_build_manifest_url (vt_testbed_get_base_url (f->tb), "stam", "07391");
    g_autoptr(VtIiifDocument) gone = NULL;
    g_auto(ServiceResult) svc = { 0 };

    g_assert_true (g_str_has_suffix (VT_TESTBED_OBJECT_IMAGE_MISSING, "07391"));
    gone = load_document (loader, missing, &error);
    g_assert_no_error (error);
    load (f->cache, vt_canvas_get_image_service (vt_manifest_get_canvas (gone->manifest, 0))->id, &svc);
    g_assert_error (svc.error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND);
  }
}

/* Loads that overlap share one request: the first starts it, the others
 * (under any spelling of the id) wait on it. */
static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *info = NULL;
  g_auto(ServiceResult) a = { 0 };
  g_auto(ServiceResult) b = { 0 };
  g_auto(ServiceResult) c = { 0 };
  guint before;

  if (f->tb == NULL)
    return;

  id = vt_testbed_get_url (f->tb, VT_TESTBED_IIP_MAIN);
  info = vt_image_service_info_url (id);
  before = vt_client_get_n_network_answers (f->client);

  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &a);
  g_assert_cmpuint (n_requests (f->client), ==, 1);
  start (f->cache, info, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &b);
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_THUMBNAIL, NULL, &c);
  g_assert_cmpuint (n_requests (f->client), ==, 1);

  run_until_true (&a.done);
  run_until_true (&b.done);
  run_until_true (&c.done);
  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_no_error (c.error);
  g_assert_true (a.service == b.service && b.service == c.service);
  g_assert_true (a.pyramid == b.pyramid && b.pyramid == c.pyramid);
  g_assert_cmpuint (vt_client_get_n_network_answers (f->client) - before, ==, 1);
  g_assert_cmpuint (a.n_calls + b.n_calls + c.n_calls, ==, 3);
}

typedef struct
{
  guint n_done;
  guint n_done_at_service;
  ServiceResult *load;
} Race;

static void
race_tile_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Race *race = user_data;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  race->n_done++;
}

static void
race_service_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Race *race = user_data;

  service_result_cb (object, result, race->load);
  race->n_done_at_service = race->n_done;
}

/* A more urgent load (the canvas, after the strip's thumbnails asked)
 * moves the one request up its host's queue: with one connection, the
 * info.json overtakes the thumbnails queued before it. */
static void
test_hurry (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_auto(ServiceResult) thumbnail = { 0 };
  g_auto(ServiceResult) canvas = { 0 };
  Race race = { 0, 0, &canvas };
  const guint n_tiles = 8;

  if (f->tb == NULL)
    return;

  vt_client_set_max_conns_per_host (f->client, 1);
  id = vt_testbed_get_url (f->tb, VT_TESTBED_IIP_PORTRAIT);

  for (guint i = 0; i < n_tiles; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%u,0,256,256/256,/0/default.jpg", id, i * 256);

      vt_client_fetch_async (f->client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                             VT_FETCH_PRIORITY_THUMBNAIL, NULL, race_tile_cb, &race);
    }
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_THUMBNAIL, NULL, &thumbnail);
  service_result_clear (&canvas);
  vt_service_cache_load_async (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_VISIBLE, NULL,
                               race_service_cb, &race);
  g_assert_cmpuint (n_requests (f->client), ==, n_tiles + 1);

  run_until_true (&thumbnail.done);
  run_until_true (&canvas.done);
  g_assert_no_error (thumbnail.error);
  g_assert_no_error (canvas.error);
  g_assert_true (thumbnail.service == canvas.service);
  /* The first tile had the connection already; the rest waited. */
  g_test_message ("%u of %u tiles before the service", race.n_done_at_service, n_tiles);
  g_assert_cmpuint (race.n_done_at_service, <, n_tiles);

  run_until_count (&race.n_done, n_tiles);
  g_assert_cmpuint (thumbnail.n_calls, ==, 1);
  g_assert_cmpuint (canvas.n_calls, ==, 1);
  g_assert_cmpuint (vt_client_get_n_network_answers (f->client), ==, n_tiles + 1);
}

/* One of two waiters leaves: it hears so at once, the other still gets
 * the service from the one request. */
static void
test_cancel_one (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *id = NULL;
  g_auto(ServiceResult) a = { 0 };
  g_auto(ServiceResult) b = { 0 };

  if (f->tb == NULL)
    return;

  id = vt_testbed_get_url (f->tb, VT_TESTBED_LEVEL0_V3);

  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, cancellable, &a);
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &b);
  g_cancellable_cancel (cancellable);

  run_until_true (&a.done);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Before the request could have been answered. */
  g_assert_false (b.done);
  g_assert_cmpuint (n_requests (f->client), ==, 1);

  run_until_true (&b.done);
  g_assert_no_error (b.error);
  g_assert_cmpint (b.service->width, ==, VT_TESTBED_LEVEL0_WIDTH);
  g_assert_cmpuint (a.n_calls, ==, 1);
  g_assert_cmpuint (vt_client_get_n_network_answers (f->client), ==, 1);
}

/* Every waiter leaves: the request goes too, nothing is remembered, and
 * the next load asks again. */
static void
test_cancel_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GCancellable) ca = g_cancellable_new ();
  g_autoptr(GCancellable) cb = g_cancellable_new ();
  g_autofree char *id = NULL;
  g_auto(ServiceResult) a = { 0 };
  g_auto(ServiceResult) b = { 0 };
  g_auto(ServiceResult) c = { 0 };

  if (f->tb == NULL)
    return;

  id = vt_testbed_get_url (f->tb, VT_TESTBED_IIP_MAIN);

  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, ca, &a);
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, cb, &b);
  g_assert_cmpuint (n_requests (f->client), ==, 1);
  g_cancellable_cancel (ca);
  g_cancellable_cancel (cb);

  run_until_true (&a.done);
  run_until_true (&b.done);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The request gave its slot back. */
  g_assert_cmpuint (n_requests (f->client), ==, 0);

  spin (200);
  g_assert_null (vt_service_cache_lookup (f->cache, id, NULL));
  g_assert_cmpuint (a.n_calls + b.n_calls, ==, 2);

  /* A later load starts a request of its own. */
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &c);
  g_assert_cmpuint (n_requests (f->client), ==, 1);
  run_until_true (&c.done);
  g_assert_no_error (c.error);
}

/* A reload asks the server again, even with the service in memory, and
 * does not join a load that the disk cache may answer. */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_auto(ServiceResult) first = { 0 };
  g_auto(ServiceResult) plain = { 0 };
  g_auto(ServiceResult) reload = { 0 };
  g_auto(ServiceResult) joined = { 0 };

  if (f->tb == NULL)
    return;

  id = vt_testbed_get_url (f->tb, VT_TESTBED_LEVEL0_V2);
  load (f->cache, id, &first);
  g_assert_no_error (first.error);

  start (f->cache, id, VT_FETCH_FLAGS_RELOAD, VT_FETCH_PRIORITY_DEFAULT, NULL, &reload);
  g_assert_cmpuint (n_requests (f->client), ==, 1);
  /* A plain load meanwhile gets the memory; a second reload joins. */
  start (f->cache, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &plain);
  start (f->cache, id, VT_FETCH_FLAGS_RELOAD, VT_FETCH_PRIORITY_DEFAULT, NULL, &joined);
  g_assert_cmpuint (n_requests (f->client), ==, 1);
  run_until_true (&plain.done);
  run_until_true (&reload.done);
  run_until_true (&joined.done);
  g_assert_no_error (reload.error);
  g_assert_true (plain.service == first.service);
  g_assert_true (reload.service != first.service);
  g_assert_true (joined.service == reload.service);
  g_assert_cmpuint (vt_client_get_n_network_answers (f->client), ==, 2);

  /* The fresh one replaced the old one in memory. */
  {
    g_autoptr(VtImageService) now = vt_service_cache_lookup (f->cache, id, NULL);

    g_assert_true (now == reload.service);
    g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 1);
  }
}

/* The image server refuses, has nothing, or the id is no address: the
 * errors the window shows, and nothing remembered. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtLoader) loader = NULL;

  if (f->tb == NULL)
    return;

  loader = vt_loader_new (f->client);

  /* A public manifest whose image service answers 403, in plain text. */
  {
    g_autofree char *url = vt_ghent_build_manifest_url (vt_testbed_get_base_url (f->tb), "hva", "1982-280");
    g_autoptr(VtIiifDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(ServiceResult) r = { 0 };
    g_auto(ServiceResult) again = { 0 };
    VtServiceRef *ref;

    g_assert_true (g_str_has_suffix (VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, "1982-280"));
    document = load_document (loader, url, &error);
    g_assert_no_error (error);
    ref = vt_canvas_get_image_service (vt_manifest_get_canvas (document->manifest, 0));
    load (f->cache, ref->id, &r);
    g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC);
    g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, 403);
    g_assert_cmpstr (vt_net_error_get_server_message (r.error), ==, "403 Forbidden");
    g_assert_null (vt_service_cache_lookup (f->cache, ref->id, NULL));

    /* Asked again, asked again: a refusal is not remembered here. */
    start (f->cache, ref->id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &again);
    g_assert_cmpuint (n_requests (f->client), ==, 1);
    run_until_true (&again.done);
    g_assert_error (again.error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC);
  }

  /* IIPImage's own 404. */
  {
    g_autofree char *id = vt_testbed_get_url (f->tb, "/iiif/nothing-here.tif");
    g_auto(ServiceResult) r = { 0 };

    load (f->cache, id, &r);
    g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND);
  }

  /* Not an address at all: no request. */
  {
    const char *odd[] = { "", "/", "https://x.example/iiif/abc#frag" };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_auto(ServiceResult) r = { 0 };

        start (f->cache, odd[i], VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL, &r);
        g_assert_cmpuint (n_requests (f->client), ==, 0);
        run_until_true (&r.done);
        g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_UNSUPPORTED_URI);
      }
  }

  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 0);
}

/* The memory is bounded: the least recently used service goes first. */
static void
test_lru (Fixture       *f,
          gconstpointer  data)
{
  const char *paths[] = { VT_TESTBED_IIP_MAIN, VT_TESTBED_IIP_PORTRAIT, VT_TESTBED_LEVEL0_V2,
                          VT_TESTBED_LEVEL0_V3 };
  char *ids[G_N_ELEMENTS (paths)];

  if (f->tb == NULL)
    return;

  vt_service_cache_set_max_entries (f->cache, 2);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    ids[i] = vt_testbed_get_url (f->tb, paths[i]);

  for (guint i = 0; i < 3; i++)
    {
      g_auto(ServiceResult) r = { 0 };

      load (f->cache, ids[i], &r);
      g_assert_no_error (r.error);
      g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, MIN (i + 1, 2));
    }

  /* 0 went; using 1 makes 2 the oldest, which the next one pushes out. */
  g_assert_null (vt_service_cache_lookup (f->cache, ids[0], NULL));
  vt_image_service_unref (vt_service_cache_lookup (f->cache, ids[1], NULL));
  {
    g_auto(ServiceResult) r = { 0 };

    load (f->cache, ids[3], &r);
    g_assert_no_error (r.error);
  }
  g_assert_null (vt_service_cache_lookup (f->cache, ids[2], NULL));
  vt_image_service_unref (vt_service_cache_lookup (f->cache, ids[1], NULL));
  vt_image_service_unref (vt_service_cache_lookup (f->cache, ids[3], NULL));
  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 2);

  /* Shrinking forgets at once; forgetting forgets all. */
  vt_service_cache_set_max_entries (f->cache, 1);
  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 1);
  vt_image_service_unref (vt_service_cache_lookup (f->cache, ids[3], NULL));
  vt_service_cache_forget (f->cache);
  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 0);
  g_assert_null (vt_service_cache_lookup (f->cache, ids[3], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (ids[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/net/service-cache/tile-sets", Fixture, NULL,
              fixture_setup, test_tile_sets, fixture_teardown);
  g_test_add ("/net/service-cache/ghent-canvases", Fixture, NULL,
              fixture_setup, test_ghent_canvases, fixture_teardown);
  g_test_add ("/net/service-cache/shared", Fixture, NULL,
              fixture_setup, test_shared, fixture_teardown);
  g_test_add ("/net/service-cache/hurry", Fixture, NULL,
              fixture_setup, test_hurry, fixture_teardown);
  g_test_add ("/net/service-cache/cancel-one", Fixture, NULL,
              fixture_setup, test_cancel_one, fixture_teardown);
  g_test_add ("/net/service-cache/cancel-all", Fixture, NULL,
              fixture_setup, test_cancel_all, fixture_teardown);
  g_test_add ("/net/service-cache/reload", Fixture, NULL,
              fixture_setup, test_reload, fixture_teardown);
  g_test_add ("/net/service-cache/errors", Fixture, NULL,
              fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/net/service-cache/lru", Fixture, NULL,
              fixture_setup, test_lru, fixture_teardown);

  return g_test_run ();
}
