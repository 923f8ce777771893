/* bench-net.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints tables, asserts nothing: `meson test -C BUILD --benchmark net`.
 *
 * 1. Opening each public Ghent object of the test bed (manifest, info.json,
 *    the tiles of a first screen) cold, warm (disk cache, new session
 *    memory) and with the server stopped.
 * 2. Loading 300 tiles of the 12000x9000 IIPImage image with 1, 2, 4, 6 and
 *    8 connections per host (libsoup's default is 2). */

#define G_LOG_DOMAIN "bench-net"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "net/vt-ghent-catalogue.h"
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
#include "net/vt-service-cache.h"
#include "vt-testbed.h"

typedef struct
{
  guint pending;
  guint failed;
} Counter;

typedef struct
{
  gboolean        done;
  VtIiifDocument *doc;
} DocResult;

static void
document_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  DocResult *r = user_data;
  g_autoptr(GError) error = NULL;

  r->doc = vt_loader_load_document_finish (VT_LOADER (object), res, NULL, &error);
  if (r->doc == NULL)
    g_printerr ("document: %s\n", error->message);
  r->done = TRUE;
}

typedef struct
{
  gboolean       done;
  VtTilePyramid *pyramid;
} ServiceResult;

static void
service_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  ServiceResult *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = NULL;

  service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), res, &r->pyramid, &error);
  if (service == NULL)
    g_printerr ("service: %s\n", error->message);
  r->done = TRUE;
}

static void
tile_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  Counter *counter = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), res, NULL, NULL, &error);

  if (bytes == NULL)
    counter->failed++;
  counter->pending--;
}

/* Loads tiles level by level from the coarsest, all at once, until
 * max_tiles are asked for. */
static guint
load_tiles (VtClient      *client,
            VtTilePyramid *pyramid,
            guint          max_tiles,
            guint         *failed)
{
  Counter counter = { 0 };
  guint n = 0;

  for (int l = (int) vt_tile_pyramid_get_n_levels (pyramid) - 1; l >= 0 && n < max_tiles; l--)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, l);

      for (guint y = 0; y < level->rows && n < max_tiles; y++)
        for (guint x = 0; x < level->columns && n < max_tiles; x++)
          {
            g_autofree char *url = vt_tile_pyramid_dup_tile_url (pyramid, l, x, y);

            counter.pending++;
            n++;
            vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                                   VT_FETCH_PRIORITY_VISIBLE, NULL, tile_cb, &counter);
          }
    }

  while (counter.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  *failed = counter.failed;
  return n;
}

static gboolean
open_object (VtLoader       *loader,
             VtServiceCache *services,
             VtTestbed      *tb,
             const char     *id,
             guint           max_tiles,
             guint          *n_requests)
{
  g_autofree char *org = NULL;
  g_autofree char *number = NULL;
  g_autofree char *url = NULL;
  DocResult doc = { 0 };
  ServiceResult svc = { 0 };
  VtCanvas *canvas;
  guint failed = 0;
  gboolean ok;

  vt_ghent_parse_input (id, NULL, &org, &number, NULL);
  url = vt_ghent_build_manifest_url (vt_testbed_get_base_url (tb), org, number);
  vt_loader_load_document_async (loader, url, VT_FETCH_FLAGS_NONE, NULL, document_cb, &doc);
  while (!doc.done)
    g_main_context_iteration (NULL, TRUE);
  if (doc.doc == NULL)
    return FALSE;

  canvas = g_ptr_array_index (doc.doc->manifest->canvases, 0);
  vt_service_cache_load_async (services, vt_canvas_get_image_service (canvas)->id, VT_FETCH_FLAGS_NONE,
                               VT_FETCH_PRIORITY_DEFAULT, NULL, service_cb, &svc);
  while (!svc.done)
    g_main_context_iteration (NULL, TRUE);
  vt_iiif_document_unref (doc.doc);
  if (svc.pyramid == NULL)
    return FALSE;

  *n_requests = 2 + load_tiles (vt_service_cache_get_client (services), svc.pyramid, max_tiles, &failed);
  ok = failed == 0;
  vt_tile_pyramid_unref (svc.pyramid);
  return ok;
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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *objects[] = {
    VT_TESTBED_OBJECT_DMG, VT_TESTBED_OBJECT_TWO_CANVASES, VT_TESTBED_OBJECT_HVA,
    VT_TESTBED_OBJECT_INDUSTRIEMUSEUM, VT_TESTBED_OBJECT_STAM, VT_TESTBED_OBJECT_ARCHIEFGENT,
  };
  const guint conns[] = { 1, 2, 4, 6, 8 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTestbed) tb = NULL;
  char *reason = NULL;

  if (!vt_testbed_check_available (&reason))
    {
      g_print ("bench-net: skipped: %s\n", reason);
      g_free (reason);
      return 0;
    }

  tb = vt_testbed_start (&error);
  if (tb == NULL)
    {
      g_printerr ("bench-net: %s\n", error->message);
      return 1;
    }

  g_print ("\nOpening a Ghent object: manifest + info.json + up to 48 first-screen tiles\n");
  g_print ("%-32s %9s %10s %10s %12s\n", "object", "requests", "cold ms", "warm ms", "offline ms");

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("vitrine-bench-XXXXXX", NULL);
      g_autoptr(VtClient) client = vt_client_new (dir);
      g_autoptr(VtLoader) cold = vt_loader_new (client);
      g_autoptr(VtLoader) warm = vt_loader_new (client);
      g_autoptr(VtServiceCache) cold_services = vt_service_cache_new (client);
      g_autoptr(VtServiceCache) warm_services = vt_service_cache_new (client);
      guint n_cold = 0, n_warm = 0, n_offline = 0;
      guint net_before, net_cold, net_warm;
      double cold_ms, warm_ms, offline_ms = -1;
      gint64 start;

      net_before = vt_client_get_n_network_answers (client);
      start = g_get_monotonic_time ();
      open_object (cold, cold_services, tb, objects[i], 48, &n_cold);
      cold_ms = ms_since (start);
      net_cold = vt_client_get_n_network_answers (client) - net_before;
      vt_client_save_cache (client);

      start = g_get_monotonic_time ();
      open_object (warm, warm_services, tb, objects[i], 48, &n_warm);
      warm_ms = ms_since (start);
      net_warm = vt_client_get_n_network_answers (client) - net_before - net_cold;

      if (i == 0)
        {
          g_autoptr(VtClient) client2 = NULL;
          g_autoptr(VtLoader) offline = NULL;
          g_autoptr(VtServiceCache) offline_services = NULL;

          vt_testbed_stop (tb, NULL);
          client2 = vt_client_new (dir);
          offline = vt_loader_new (client2);
          offline_services = vt_service_cache_new (client2);
          start = g_get_monotonic_time ();
          if (open_object (offline, offline_services, tb, objects[i], 48, &n_offline))
            offline_ms = ms_since (start);
          vt_testbed_restart (tb, NULL);
        }

      g_print ("%-32s %4u/%-4u %10.1f %10.1f", objects[i], net_cold, net_warm, cold_ms, warm_ms);
      if (offline_ms >= 0)
        g_print (" %12.1f\n", offline_ms);
      else
        g_print (" %12s\n", "-");

      g_clear_object (&cold);
      g_clear_object (&warm);
      g_clear_object (&cold_services);
      g_clear_object (&warm_services);
      g_clear_object (&client);
      remove_tree (dir);
    }
  g_print ("(requests: network answers cold/warm; warm = same disk cache, fresh session memory)\n");

  g_print ("\n300 tiles of %s (12000x9000, IIPImage), no disk cache\n", VT_TESTBED_IIP_MAIN);
  g_print ("%-22s %10s %12s\n", "connections per host", "ms", "tiles/s");

  for (guint i = 0; i < G_N_ELEMENTS (conns); i++)
    {
      g_autoptr(VtClient) client = vt_client_new (NULL);
      g_autoptr(VtServiceCache) services = vt_service_cache_new (client);
      g_autofree char *id = vt_testbed_get_url (tb, VT_TESTBED_IIP_MAIN);
      ServiceResult svc = { 0 };
      guint failed = 0, n;
      gint64 start;
      double ms;

      vt_client_set_max_conns_per_host (client, conns[i]);
      vt_service_cache_load_async (services, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL,
                                   service_cb, &svc);
      while (!svc.done)
        g_main_context_iteration (NULL, TRUE);
      if (svc.pyramid == NULL)
        return 1;

      start = g_get_monotonic_time ();
      n = load_tiles (client, svc.pyramid, 300, &failed);
      vt_tile_pyramid_unref (svc.pyramid);
      ms = ms_since (start);
      g_print ("%-22u %10.1f %12.0f%s\n", conns[i], ms, n / (ms / 1000.0), failed ? " (failures)" : "");
    }

  return 0;
}
