/* test-page-schedule.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "app/vt-client-fetcher.h"
#include "app/vt-navigation.h"
#include "canvas/vt-tile-grid.h"
#include "vt-testbed.h"

/* Fewer round trips before the first pixels, against the real test bed
 * (IIPImage): when the manifest names a level 1 or 2 image service and
 * the image's size, the placeholder is asked for beside info.json, not
 * after it, and the canvas' first request is that same one. Orderings
 * from VtClient's timings, never durations. */

typedef struct
{
  VtTestbed    *testbed;
  char         *cache_dir;
  VtClient     *client;
  VtSession    *session;
  VtNavigation *navigation;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  f->testbed = vt_testbed_start_or_skip ();
  if (f->testbed == NULL)
    return;

  f->cache_dir = g_dir_make_tmp ("vitrine-page-schedule-XXXXXX", NULL);
  g_assert_nonnull (f->cache_dir);
  f->client = vt_client_new (f->cache_dir);
  vt_client_set_record_timings (f->client, TRUE);
  f->session = vt_session_new (f->client);
  vt_session_set_api_base (f->session, vt_testbed_get_base_url (f->testbed));
  f->navigation = vt_navigation_new (f->session);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_clear_object (&f->navigation);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (f->cache_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->cache_dir);

      (void) system (command);
      g_free (f->cache_dir);
    }
  g_clear_pointer (&f->testbed, vt_testbed_free);
}

static void
wait_for (VtViewing *viewing)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      VtPage *page = vt_viewing_get_page (viewing);

      if (!vt_viewing_is_loading (viewing) &&
          (page == NULL || vt_page_get_state (page) != VT_PAGE_LOADING))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The requests made for @uri so far. */
static guint
count_requests (VtClient   *client,
                const char *uri,
                VtClientTiming *out)
{
  g_autoptr(GArray) timings = vt_client_dup_timings (client);
  guint n = 0;

  for (guint i = 0; i < timings->len; i++)
    {
      VtClientTiming *t = &g_array_index (timings, VtClientTiming, i);

      if (g_strcmp0 (t->uri, uri) != 0)
        continue;
      if (out != NULL && n == 0)
        {
          *out = *t;
          out->uri = NULL;
        }
      n++;
    }
  return n;
}

static void
tile_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = vt_tile_source_load_tile_finish (VT_TILE_SOURCE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_placeholder_beside_info (Fixture       *f,
                              gconstpointer  user_data)
{
  VtViewing *viewing;
  VtPage *page;
  VtTileSource *source;
  const char *placeholder;
  g_autofree char *info_url = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  VtClientTiming info = { 0 }, early = { 0 };
  guint n_used = 0;

  if (f->testbed == NULL)
    return;

  viewing = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_DMG, NULL);
  wait_for (viewing);
  page = vt_viewing_get_page (viewing);
  g_assert_nonnull (page);
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_READY);

  /* Ghent's manifests name a level 2 service and the image's size. */
  placeholder = vt_page_get_placeholder_url (page);
  g_assert_nonnull (placeholder);
  g_assert_true (g_str_has_prefix (placeholder, vt_testbed_get_base_url (f->testbed)));
  g_assert_nonnull (strstr (placeholder, "/full/"));

  info_url = g_strdup (vt_canvas_get_image_service (vt_page_get_canvas (page))->id);
  {
    g_autoptr(GArray) timings = vt_client_dup_timings (f->client);

    for (guint i = 0; i < timings->len; i++)
      {
        VtClientTiming *t = &g_array_index (timings, VtClientTiming, i);

        if (t->kind == VT_FETCH_KIND_INFO)
          {
            info = *t;
            info.uri = NULL;
          }
      }
  }
  g_assert_cmpuint (info.id, !=, 0);
  g_assert_cmpuint (count_requests (f->client, placeholder, &early), ==, 1);

  g_test_message ("info.json: new connection %d; placeholder: new connection %d",
                  info.new_connection, early.new_connection);
  /* Neither waited for a connection of its own: they were opened while
   * the manifest was on its way. */
  g_assert_false (info.new_connection);
  g_assert_false (early.new_connection);

  /* Asked for before info.json's answer came, not after it. */
  g_assert_cmpint (early.sent_us, <=, info.first_byte_us);
  g_assert_cmpuint (early.id, >, info.id);

  /* The canvas' placeholder level is that request: loading it asks for
   * nothing more. */
  source = vt_page_get_source (page);
  vt_tile_source_load_tile_async (source, 0, 0, 0, VT_TILE_PRIORITY_PLACEHOLDER, NULL, tile_cb, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, vt_tile_source_get_level (source, 0)->width);
  g_assert_cmpuint (count_requests (f->client, placeholder, NULL), ==, 1);
  g_assert_cmpuint (vt_client_fetcher_get_n_ahead (VT_CLIENT_FETCHER (vt_session_get_fetcher (f->session)),
                                                   &n_used), ==, 1);
  g_assert_cmpuint (n_used, ==, 1);
}

static guint
n_busy (gpointer data)
{
  VtClient *client = data;

  return vt_client_get_n_active (client) + vt_client_get_n_queued (client);
}

static void
count_tile_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_tile_source_load_tile_finish (VT_TILE_SOURCE (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (texture);
  (*n_done)++;
}

/* The canvas after the one shown, loaded ahead at prefetch priority: when
 * the page is turned, its info.json, placeholder and fit view need no
 * request at all. */
static void
test_next_canvas_ahead (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(VtPage) next = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(VtViewport) viewport = vt_viewport_new ();
  VtClientFetcher *fetcher;
  VtViewing *viewing;
  VtPage *page;
  VtTileSource *source;
  guint mark, n_used_before, n_used_after, n_done = 0;
  gint64 deadline;

  if (f->testbed == NULL)
    return;

  fetcher = VT_CLIENT_FETCHER (vt_session_get_fetcher (f->session));
  viewing = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_TWO_CANVASES, NULL);
  wait_for (viewing);
  g_assert_cmpuint (vt_viewing_get_n_canvases (viewing), >=, 2);
  g_assert_cmpint (vt_page_get_state (vt_viewing_get_page (viewing)), ==, VT_PAGE_READY);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (n_busy (f->client) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  before = vt_client_dup_timings (f->client);
  mark = before->len;
  next = vt_page_new (f->session, vt_viewing_get_manifest (viewing), 1);
  vt_page_prefetch (next, 1280, 800, 1);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (vt_page_get_state (next) == VT_PAGE_LOADING || n_busy (f->client) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (vt_page_get_state (next), ==, VT_PAGE_READY);
  g_assert_cmpuint (vt_page_get_n_fit_ahead (next), >, 0);

  /* Everything asked ahead waited behind anything on screen. */
  before = (g_array_unref (before), vt_client_dup_timings (f->client));
  g_assert_cmpuint (before->len, >, mark);
  for (guint i = mark; i < before->len; i++)
    g_assert_cmpint (g_array_index (before, VtClientTiming, i).priority, ==, VT_FETCH_PRIORITY_PREFETCH);

  /* Turn the page: the page shown is a new one, and its fit view (the
   * placeholder first) comes without a request. */
  vt_client_fetcher_get_n_ahead (fetcher, &n_used_before);
  vt_viewing_set_canvas_index (viewing, 1);
  wait_for (viewing);
  page = vt_viewing_get_page (viewing);
  g_assert_true (page != next);
  g_assert_cmpuint (vt_page_get_index (page), ==, 1);
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_READY);
  source = vt_page_get_source (page);

  vt_viewport_set_size (viewport, 1280, 800);
  vt_viewport_set_image_size (viewport, vt_tile_source_get_image_width (source),
                              vt_tile_source_get_image_height (source));
  vt_viewport_fit (viewport);
  vt_tile_grid_get_minimal_set (source, viewport, 1, keys);
  g_assert_cmpuint (keys->len, >, 1);
  for (guint i = 0; i < keys->len; i++)
    {
      guint64 key = g_array_index (keys, guint64, i);

      vt_tile_source_load_tile_async (source, VT_TILE_KEY_LEVEL (key), VT_TILE_KEY_X (key),
                                      VT_TILE_KEY_Y (key), VT_TILE_PRIORITY_VISIBLE, NULL,
                                      count_tile_cb, &n_done);
    }
  while (n_done < keys->len)
    g_main_context_iteration (NULL, TRUE);

  after = vt_client_dup_timings (f->client);
  g_assert_cmpuint (after->len, ==, before->len);
  vt_client_fetcher_get_n_ahead (fetcher, &n_used_after);
  g_assert_cmpuint (n_used_after - n_used_before, ==, keys->len);
}

static void
test_level0_waits (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  VtViewing *viewing;
  VtPage *page;

  if (f->testbed == NULL)
    return;

  /* A level 0 service serves only what its info.json lists. */
  url = vt_testbed_get_url (f->testbed, VT_TESTBED_MANIFEST_V2_LEVEL0);
  viewing = vt_navigation_open (f->navigation, url, NULL);
  wait_for (viewing);
  page = vt_viewing_get_page (viewing);
  g_assert_nonnull (page);
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_READY);
  g_assert_null (vt_page_get_placeholder_url (page));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-schedule/placeholder-beside-info", Fixture, NULL,
              fixture_set_up, test_placeholder_beside_info, fixture_tear_down);
  g_test_add ("/page-schedule/next-canvas-ahead", Fixture, NULL,
              fixture_set_up, test_next_canvas_ahead, fixture_tear_down);
  g_test_add ("/page-schedule/level0-waits", Fixture, NULL,
              fixture_set_up, test_level0_waits, fixture_tear_down);

  return g_test_run ();
}
