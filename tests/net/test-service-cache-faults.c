/* test-service-cache-faults.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The image-service cache against an in-process server that answers what
 * the test bed never does: broken info.json documents, and as many
 * distinct services as it is asked for. It counts what it is asked,
 * which checks the sharing from the server's side too. */

#define G_LOG_DOMAIN "test-service-cache-faults"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <libsoup/soup.h>
#include <string.h>

#include "iiif/vt-iiif-error.h"
#include "net-test-util.h"
#include "net/vt-net-error.h"
#include "net/vt-service-cache.h"

typedef struct
{
  SoupServer     *server;
  char           *base;
  GHashTable     *hits;    /* path → count */
  VtServiceCache *cache;
} Fixture;

static void
load (Fixture    *f,
      const char *path,
      ServiceResult       *r)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);

  service_result_clear (r);
  vt_service_cache_load_async (f->cache, url, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL,
                               service_result_cb, r);
  run_until_true (&r->done);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;

  hit_count_add (f->hits, path);

  if (g_str_equal (path, "/no-size/info.json"))
    server_respond (msg, 200, "application/json",
             "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"x\","
             " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}");
  else if (g_str_equal (path, "/truncated/info.json"))
    server_respond (msg, 200, "application/ld+json",
             "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"width\": 10");
  else if (g_str_equal (path, "/list/info.json"))
    server_respond (msg, 200, "application/json", "[1, 2, 3]");
  else if (g_str_equal (path, "/html/info.json"))
    server_respond (msg, 200, "text/html", "<!DOCTYPE html><html><body>Log in</body></html>");
  else if (g_str_has_prefix (path, "/svc/") && g_str_has_suffix (path, "/info.json"))
    {
      /* A valid service per path: /svc/N/info.json is N+1 pixels wide. */
      guint n = (guint) g_ascii_strtoull (path + strlen ("/svc/"), NULL, 10);
      g_autofree char *id = g_strndup (path, strlen (path) - strlen ("/info.json"));
      g_autofree char *body = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                                               " \"@id\": \"%s%s\", \"width\": %u, \"height\": 10,"
                                               " \"profile\": [\"http://iiif.io/api/image/2/level1.json\"]}",
                                               f->base, id, n + 1);

      server_respond (msg, 200, "application/ld+json", body);
    }
  else
    server_respond (msg, 404, NULL, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VtClient) client = vt_client_new (NULL);

  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->server = server_new_local (server_cb, f, &f->base);

  f->cache = vt_service_cache_new (client);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->cache);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->hits, g_hash_table_unref);
  g_free (f->base);
}

/* Broken documents where an info.json should be: the parser's and the
 * client's errors come through as they are, and nothing is remembered. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const struct { const char *path; GQuark domain; int code; } cases[] = {
    { "/no-size", VT_IIIF_ERROR, VT_IIIF_ERROR_MISSING_FIELD },
    { "/truncated/info.json", VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON },
    { "/list/", VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF },
    { "/html", VT_NET_ERROR, VT_NET_ERROR_BAD_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ServiceResult) r = { 0 };
      g_auto(ServiceResult) again = { 0 };

      g_test_message ("%s", cases[i].path);
      load (f, cases[i].path, &r);
      g_assert_error (r.error, cases[i].domain, cases[i].code);

      /* Asked again: asked again. */
      load (f, cases[i].path, &again);
      g_assert_error (again.error, cases[i].domain, cases[i].code);
    }

  g_assert_cmpuint (hit_count (f->hits, "/no-size/info.json"), ==, 2);
  g_assert_cmpuint (hit_count (f->hits, "/truncated/info.json"), ==, 2);
  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, 0);
}

/* Many loads of one service at once: the server is asked once. */
static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->base, "/svc/7", NULL);
  ServiceResult loads[8] = { { 0 } };
  guint n_done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      loads[i].n_done = &n_done;
      vt_service_cache_load_async (f->cache, i % 2 ? url : "", VT_FETCH_FLAGS_NONE,
                                   VT_FETCH_PRIORITY_DEFAULT, NULL, service_result_cb, &loads[i]);
    }
  run_until_count (&n_done, G_N_ELEMENTS (loads));

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      if (i % 2)
        {
          g_assert_no_error (loads[i].error);
          g_assert_true (loads[i].service == loads[G_N_ELEMENTS (loads) - 1].service);
          g_assert_cmpint (loads[i].service->width, ==, 8);
        }
      else
        g_assert_error (loads[i].error, VT_NET_ERROR, VT_NET_ERROR_UNSUPPORTED_URI);
      service_result_clear (&loads[i]);
    }
  g_assert_cmpuint (hit_count (f->hits, "/svc/7/info.json"), ==, 1);
}

/* However many services a session meets, at most the bound is kept: the
 * most recent ones, which need no request again. */
static void
test_bound (Fixture       *f,
            gconstpointer  data)
{
  const guint n = VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES + 44;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/svc/%u", i);
      g_auto(ServiceResult) r = { 0 };

      load (f, path, &r);
      g_assert_no_error (r.error);
      g_assert_cmpint (r.service->width, ==, i + 1);
    }
  g_assert_cmpuint (vt_service_cache_get_n_entries (f->cache), ==, VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/svc/%u", f->base, i);
      g_autoptr(VtImageService) service = vt_service_cache_lookup (f->cache, url, NULL);

      g_assert_true ((service != NULL) == (i >= n - VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES));
    }

  /* The kept ones load from memory. */
  for (guint i = n - VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/svc/%u", i);
      g_auto(ServiceResult) r = { 0 };

      load (f, path, &r);
      g_assert_no_error (r.error);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, f->hits);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      total += GPOINTER_TO_UINT (value);
  }
  g_assert_cmpuint (total, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/net/service-cache/faults/malformed", Fixture, NULL, fixture_setup, test_malformed, fixture_teardown);
  g_test_add ("/net/service-cache/faults/shared", Fixture, NULL, fixture_setup, test_shared, fixture_teardown);
  g_test_add ("/net/service-cache/faults/bound", Fixture, NULL, fixture_setup, test_bound, fixture_teardown);

  return g_test_run ();
}
