/* test-loaders.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document loader against the real test bed: lighttpd serving
 * Ghent-shaped manifests and static tile sets, IIPImage serving pyramidal
 * TIFFs. Opening an object end to end goes through the image-service cache
 * and the client, as the window does. */

#define G_LOG_DOMAIN "test-loaders"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "iiif/vt-iiif-error.h"
#include "iiif/vt-rights.h"
#include "net/vt-client-private.h"
#include "net/vt-ghent-catalogue.h"
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
#include "net/vt-service-cache.h"
#include "net-test-util.h"
#include "vt-testbed.h"

typedef struct
{
  gboolean        done;
  VtIiifDocument *document;
  char           *final_uri;
  GError         *error;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->document, vt_iiif_document_unref);
  g_clear_pointer (&r->final_uri, g_free);
  g_clear_error (&r->error);
  r->done = FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
document_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  Result *r = user_data;

  r->document = vt_loader_load_document_finish (VT_LOADER (object), res, &r->final_uri, &r->error);
  r->done = TRUE;
}

static void
load_document (VtLoader    *loader,
               const char  *uri,
               VtFetchFlags flags,
               Result      *r)
{
  result_clear (r);
  vt_loader_load_document_async (loader, uri, flags, NULL, document_cb, r);
  run_until_true (&r->done);
}

static void
load_ghent (VtLoader   *loader,
            VtTestbed  *tb,
            const char *id,
            Result     *r)
{
  g_autofree char *org = NULL;
  g_autofree char *number = NULL;
  g_autofree char *url = NULL;

  g_assert_true (vt_ghent_parse_input (id, NULL, &org, &number, NULL));
  url = vt_ghent_build_manifest_url (vt_testbed_get_base_url (tb), org, number);
  load_document (loader, url, VT_FETCH_FLAGS_NONE, r);
}

static void
load_service (VtServiceCache *services,
              const char     *id,
              ServiceResult  *r)
{
  service_result_clear (r);
  vt_service_cache_load_async (services, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL,
                               service_result_cb, r);
  run_until_true (&r->done);
}

static VtLoader *
new_loader (const char *cache_dir)
{
  g_autoptr(VtClient) client = vt_client_new (cache_dir);

  return vt_loader_new (client);
}

/* Every object of the test bed's Ghent table loads as Ghent would answer:
 * the public ones as manifests with their canvases, the others as the
 * precise error with Ghent's own message. */
static void
test_ghent_fixtures (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(VtLoader) loader = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *table = g_test_build_filename (G_TEST_DIST, "testbed", "ghent-objects.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *objects;
  guint n_public = 0, n_forbidden = 0, n_missing = 0, n_failing = 0;

  if (tb == NULL)
    return;

  loader = new_loader (NULL);
  json_parser_load_from_file (parser, table, &error);
  g_assert_no_error (error);
  objects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "objects");

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);
      const char *id = json_object_get_string_member (object, "id");
      gint64 status = json_object_get_int_member (object, "status");
      g_auto(Result) r = { 0 };

      g_test_message ("%s (%" G_GINT64_FORMAT ")", id, status);
      load_ghent (loader, tb, id, &r);

      if (status == 200)
        {
          guint n_canvases = json_array_get_length (json_object_get_array_member (object, "canvases"));

          g_assert_no_error (r.error);
          g_assert_cmpint (r.document->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
          g_assert_cmpint (r.document->version, ==, VT_PRESENTATION_2);
          g_assert_cmpuint (vt_manifest_get_n_canvases (r.document->manifest), ==, n_canvases);
          n_public++;
        }
      else if (status == 403)
        {
          g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC);
          g_assert_cmpstr (vt_net_error_get_server_message (r.error), ==,
                           "You don't have permission to access this resource");
          n_forbidden++;
        }
      else if (status == 500)
        {
          /* Not one of the statuses worth a retry; the message is kept. */
          g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_SERVER);
          g_assert_cmpuint (vt_net_error_get_http_status (r.error), ==, 500);
          g_assert_cmpstr (vt_net_error_get_server_message (r.error), ==,
                           "Something went wrong while generating the manifest");
          n_failing++;
        }
      else
        {
          g_autofree char *expected = NULL;

          g_assert_cmpint (status, ==, 404);
          g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND);
          expected = g_strdup_printf ("Item with id %s doesn't exist in collection entities", id);
          g_assert_cmpstr (vt_net_error_get_server_message (r.error), ==, expected);
          n_missing++;
        }
    }

  g_assert_cmpuint (n_public, >=, 6);
  g_assert_cmpuint (n_forbidden, >=, 1);
  g_assert_cmpuint (n_missing, >=, 1);
  g_assert_cmpuint (n_failing, >=, 1);

  /* Any other unknown number is a 404 too. */
  {
    g_auto(Result) r = { 0 };

    load_ghent (loader, tb, "stam:S.1158", &r);
    g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND);
  }
}

/* As served, Ghent names rights per image: what holds for each page is
 * that page's, else the manifest's, never another page's. */
static void
test_ghent_rights_per_canvas (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(VtLoader) loader = NULL;
  g_auto(Result) two = { 0 };
  g_auto(Result) three = { 0 };
  const char *nl[] = { "nl", NULL };
  VtManifest *m;

  if (tb == NULL)
    return;

  loader = new_loader (NULL);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &two);
  g_assert_no_error (two.error);
  m = two.document->manifest;
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 0), ==, "https://creativecommons.org/licenses/by-nc-nd/4.0/");
  g_assert_cmpstr (vt_language_map_get_first (vt_manifest_get_canvas_attribution (m, 0), nl), ==,
                   "rightsholder: Bořek Šípek, photographer: Foto Design Museum Gent, source: Design Museum Gent");
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 1), ==, "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_cmpstr (vt_language_map_get_first (vt_manifest_get_canvas_attribution (m, 1), nl), ==,
                   "photographer: Michiel Hendryckx, source: Design Museum Gent");

  load_ghent (loader, tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, &three);
  g_assert_no_error (three.error);
  m = three.document->manifest;
  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 3);
  g_assert_true (vt_rights_allows_reuse (vt_manifest_get_canvas_rights (m, 0)));
  g_assert_cmpstr (vt_language_map_get_first (vt_manifest_get_canvas_attribution (m, 0), nl), ==,
                   VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION);
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 1), ==, "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_false (vt_rights_allows_reuse (vt_manifest_get_canvas_rights (m, 1)));
  g_assert_cmpstr (vt_language_map_get_first (vt_manifest_get_canvas_attribution (m, 1), nl), ==,
                   VT_TESTBED_RIGHTS_MANIFEST_ATTRIBUTION);
  g_assert_cmpstr (vt_language_map_get_first (vt_manifest_get_canvas_attribution (m, 2), nl), ==,
                   VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION);
}

/* Each canvas of a Ghent manifest leads, through its image service, to a
 * pyramid and a tile. */

static void
test_documents (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(VtLoader) loader = NULL;
  const struct { const char *path; VtIiifDocumentKind kind; VtPresentationVersion version; } docs[] = {
    { VT_TESTBED_MANIFEST_V3_LEVEL0, VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_3 },
    { VT_TESTBED_MANIFEST_V3_STATIC, VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_3 },
    { VT_TESTBED_MANIFEST_V3_MULTILINGUAL, VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_3 },
    { VT_TESTBED_MANIFEST_V2_LEVEL0, VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_2 },
    { VT_TESTBED_COLLECTION_GHENT, VT_IIIF_DOCUMENT_COLLECTION, VT_PRESENTATION_2 },
    { VT_TESTBED_COLLECTION_ALL, VT_IIIF_DOCUMENT_COLLECTION, VT_PRESENTATION_3 },
  };

  if (tb == NULL)
    return;

  loader = new_loader (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *url = vt_testbed_get_url (tb, docs[i].path);
      g_auto(Result) r = { 0 };
      g_auto(Result) again = { 0 };

      g_test_message ("%s", url);
      load_document (loader, url, 0, &r);
      g_assert_no_error (r.error);
      g_assert_cmpint (r.document->kind, ==, docs[i].kind);
      g_assert_cmpint (r.document->version, ==, docs[i].version);
      g_assert_cmpstr (r.final_uri, ==, url);

      /* Parsed once per session. */
      load_document (loader, url, 0, &again);
      g_assert_true (again.document == r.document);
    }

  /* Not IIIF at all: the static image and the audio, as documents. */
  {
    g_autofree char *url = vt_testbed_get_url (tb, VT_TESTBED_STATIC_IMAGE);
    g_auto(Result) r = { 0 };

    load_document (loader, url, 0, &r);
    g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_BAD_RESPONSE);
  }
}

static void
count_queued (SoupSession *session,
              SoupMessage *msg,
              guint       *n)
{
  (*n)++;
}

/* Loading a manifest opens connections to its host ahead of its images,
 * unless it is only glanced at for a thumbnail: a list of results would
 * otherwise open five per row (libsoup queues a message for each
 * connection it is asked to open, and one for the manifest). */
static void
test_no_preconnect (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autofree char *url = NULL;

  if (tb == NULL)
    return;

  url = vt_testbed_get_url (tb, VT_TESTBED_MANIFEST_V3_LEVEL0);
  for (guint glance = 0; glance < 2; glance++)
    {
      g_autoptr(VtLoader) loader = new_loader (NULL);
      VtClient *client = vt_loader_get_client (loader);
      g_auto(Result) r = { 0 };
      guint n_queued = 0;
      gulong id = g_signal_connect (client->session, "request-queued", G_CALLBACK (count_queued),
                                    &n_queued);

      load_document (loader, url, glance ? VT_FETCH_FLAGS_NO_PRECONNECT : VT_FETCH_FLAGS_NONE, &r);
      g_assert_no_error (r.error);
      if (glance)
        g_assert_cmpuint (n_queued, ==, 1);
      else
        g_assert_cmpuint (n_queued, >, 1);
      g_signal_handler_disconnect (client->session, id);
    }
}

static void
test_file (void)
{
  g_autoptr(VtLoader) loader = new_loader (NULL);
  g_autofree char *dir = g_dir_make_tmp ("vitrine-loader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_auto(Result) r = { 0 };
  const char *manifest =
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://example.org/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"Local\"]},"
    " \"items\": []}";

  g_assert_true (g_file_set_contents (path, manifest, -1, NULL));
  g_assert_true (g_file_set_contents (junk, "<html>not json</html>", -1, NULL));

  vt_loader_load_file_async (loader, file, NULL, document_cb, &r);
  run_until_true (&r.done);
  g_assert_no_error (r.error);
  g_assert_cmpint (r.document->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
  g_assert_true (g_str_has_prefix (r.final_uri, "file:"));

  result_clear (&r);
  vt_loader_load_file_async (loader, junk_file, NULL, document_cb, &r);
  run_until_true (&r.done);
  g_assert_error (r.error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON);

  result_clear (&r);
  vt_loader_load_file_async (loader, dir_file, NULL, document_cb, &r);
  run_until_true (&r.done);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  /* A file address is never fetched as a URL. */
  {
    g_autofree char *uri = g_file_get_uri (file);

    load_document (loader, uri, 0, &r);
    g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_UNSUPPORTED_URI);
  }

  g_unlink (path);
  g_unlink (junk);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

/* Opening an object as the window does: manifest, the first canvas's
 * info.json, and its visible tiles at the coarsest level. Returns the
 * number of answers that came over the network. */
static guint
open_object (VtLoader       *loader,
             VtServiceCache *services,
             VtTestbed      *tb,
             const char     *id,
             guint          *n_requests)
{
  VtClient *client = vt_loader_get_client (loader);
  guint before = vt_client_get_n_network_answers (client);
  g_auto(Result) doc = { 0 };
  g_auto(ServiceResult) svc = { 0 };
  VtCanvas *canvas;
  const VtTileLevel *level;
  guint n = 1;

  load_ghent (loader, tb, id, &doc);
  g_assert_no_error (doc.error);
  canvas = g_ptr_array_index (doc.document->manifest->canvases, 0);
  load_service (services, vt_canvas_get_image_service (canvas)->id, &svc);
  g_assert_no_error (svc.error);
  n++;

  /* Every tile of the coarsest levels, up to what a first screen of
   * about 1920×1080 needs, all at once as the canvas asks for them. */
  {
    guint n_levels = vt_tile_pyramid_get_n_levels (svc.pyramid);
    g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
    guint first = n_levels;
    guint n_tiles = 0;

    while (first > 0)
      {
        level = vt_tile_pyramid_get_level (svc.pyramid, first - 1);
        if (n_tiles + level->columns * level->rows > 48)
          break;
        n_tiles += level->columns * level->rows;
        first--;
      }

    for (guint l = first; l < n_levels; l++)
      {
        level = vt_tile_pyramid_get_level (svc.pyramid, l);
        for (guint y = 0; y < level->rows; y++)
          for (guint x = 0; x < level->columns; x++)
            {
              g_autofree char *url = vt_tile_pyramid_dup_tile_url (svc.pyramid, l, x, y);
              FetchResult *tile = g_new0 (FetchResult, 1);

              g_ptr_array_add (tiles, tile);
              vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                                     VT_FETCH_PRIORITY_VISIBLE, NULL, fetch_cb, tile);
            }
      }

    for (guint i = 0; i < tiles->len; i++)
      {
        FetchResult *tile = g_ptr_array_index (tiles, i);

        run_until_true (&tile->done);
        g_assert_no_error (tile->error);
        g_assert_true (bytes_are_jpeg (tile->bytes));
        fetch_result_clear (tile);
        g_free (tile);
        n++;
      }
  }

  *n_requests = n;
  return vt_client_get_n_network_answers (client) - before;
}

/* Cold, warm (same session), and with the server stopped (a new session
 * on the same disk cache: the app restarted without a network). */
static void
test_cache_cold_warm (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autofree char *cache_dir = NULL;
  g_autoptr(VtLoader) loader = NULL;
  g_autoptr(VtServiceCache) services = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests = 0, n_network;
  gint64 start;
  double cold_ms, warm_ms, offline_ms;

  if (tb == NULL)
    return;

  cache_dir = g_dir_make_tmp ("vitrine-cache-XXXXXX", NULL);
  loader = new_loader (cache_dir);
  services = vt_service_cache_new (vt_loader_get_client (loader));

  start = g_get_monotonic_time ();
  n_network = open_object (loader, services, tb, VT_TESTBED_OBJECT_DMG, &n_requests);
  cold_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (n_network, ==, n_requests);
  /* Let the answers finish streaming into the disk cache. */
  vt_client_save_cache (vt_loader_get_client (loader));

  /* Warm, as after going back to the object: a new loader and service
   * cache (nothing parsed in memory) on the same client and disk cache. */
  {
    g_autoptr(VtLoader) warm = vt_loader_new (vt_loader_get_client (loader));
    g_autoptr(VtServiceCache) warm_services = vt_service_cache_new (vt_loader_get_client (loader));
    guint n_warm = 0;

    start = g_get_monotonic_time ();
    n_network = open_object (warm, warm_services, tb, VT_TESTBED_OBJECT_DMG, &n_warm);
    warm_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_assert_cmpuint (n_warm, ==, n_requests);
    g_assert_cmpuint (n_network, ==, 0);
  }

  vt_client_save_cache (vt_loader_get_client (loader));
  g_clear_object (&services);
  g_clear_object (&loader);

  /* Server gone, app restarted: everything still opens. */
  g_assert_true (vt_testbed_stop (tb, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VtLoader) offline = new_loader (cache_dir);
    g_autoptr(VtServiceCache) offline_services = vt_service_cache_new (vt_loader_get_client (offline));
    guint n_offline = 0;

    start = g_get_monotonic_time ();
    n_network = open_object (offline, offline_services, tb, VT_TESTBED_OBJECT_DMG, &n_offline);
    offline_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_assert_cmpuint (n_network, ==, 0);

    /* What was never fetched is an honest "offline". */
    {
      g_auto(Result) r = { 0 };

      load_ghent (offline, tb, VT_TESTBED_OBJECT_STAM, &r);
      g_assert_error (r.error, VT_NET_ERROR, VT_NET_ERROR_OFFLINE);
    }
  }

  g_test_message ("open %s (manifest + info.json + %u tiles): cold %u network answers in %.1f ms; "
                  "warm 0 in %.1f ms; server stopped 0 in %.1f ms",
                  VT_TESTBED_OBJECT_DMG, n_requests - 2, n_requests, cold_ms, warm_ms, offline_ms);

  remove_tree (cache_dir);
}

/* The documents kept in memory are bounded by the canvases they hold, not
 * only by their number: long books are not all kept for going back. */
static void
test_memory_bounded (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autofree char *cache_dir = NULL;
  g_autoptr(VtLoader) loader = NULL;
  g_auto(Result) two = { 0 };
  g_auto(Result) three = { 0 };
  g_auto(Result) again = { 0 };

  if (tb == NULL)
    return;

  cache_dir = g_dir_make_tmp ("vitrine-loader-memory-XXXXXX", NULL);
  loader = new_loader (cache_dir);

  /* Room for one of them: 1 + 2 canvases, then 1 + 3. */
  vt_loader_set_max_cached_canvases (loader, 5);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &two);
  g_assert_no_error (two.error);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &again);
  g_assert_true (again.document == two.document);

  /* The second pushes the first out: it is parsed anew. */
  load_ghent (loader, tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, &three);
  g_assert_no_error (three.error);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &again);
  g_assert_no_error (again.error);
  g_assert_true (again.document != two.document);
  g_assert_cmpuint (vt_manifest_get_n_canvases (again.document->manifest), ==, 2);

  /* A document larger than the bound is never kept, and a smaller bound
   * drops what no longer fits. */
  vt_loader_set_max_cached_canvases (loader, 3);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &two);
  g_assert_true (two.document == again.document);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, &again);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, &three);
  g_assert_true (three.document != again.document);
  vt_loader_set_max_cached_canvases (loader, 2);
  load_ghent (loader, tb, VT_TESTBED_OBJECT_TWO_CANVASES, &again);
  g_assert_true (again.document != two.document);

  remove_tree (cache_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/loaders/ghent-fixtures", test_ghent_fixtures);
  g_test_add_func ("/net/loaders/ghent-rights-per-canvas", test_ghent_rights_per_canvas);
  g_test_add_func ("/net/loaders/documents", test_documents);
  g_test_add_func ("/net/loaders/no-preconnect", test_no_preconnect);
  g_test_add_func ("/net/loaders/file", test_file);
  g_test_add_func ("/net/loaders/cache-cold-warm", test_cache_cold_warm);
  g_test_add_func ("/net/loaders/memory-bounded", test_memory_bounded);

  return g_test_run ();
}
