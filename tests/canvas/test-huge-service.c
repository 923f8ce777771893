/* test-huge-service.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "vt-canvas-error.h"
#include "vt-canvas-test-service.h"
#include "vt-canvas-test-util.h"
#include "vt-tile-grid.h"

/* Image services whose announced size is out of all proportion (issue 10):
 * the view must never list or queue more tiles than it can show, whatever
 * the info.json says. The info.json comes from an in-process SoupServer;
 * tiles 404, except a whole-image request (the overview), which gets a
 * grey JPEG of the size asked for. */

#define VIEW_W 800
#define VIEW_H 600

static VtTestService *service;
static SoupServer *server;
static char *base_url;
static guint tile_hits;
static guint overview_hits;
static char *last_overview;

typedef struct
{
  const char *name;
  gint64 width;
  gint64 height;
  int level;
  const char *scale_factors;
  const char *sizes;  /* JSON array, or NULL */
} HugeCase;

static const HugeCase cases[] = {
  { "billion-level2", 1000000000, 1000000000, 2, "[1, 2, 4]", NULL },
  { "billion-level0", 1000000000, 1000000000, 0, "[1, 2, 4]", NULL },
  { "wide-level0", 200000, 200000, 0, "[1]", NULL },
  { "wide-level0-sizes", 200000, 200000, 0, "[1]",
    "[{\"width\": 1000, \"height\": 1000}, {\"width\": 2000, \"height\": 2000}]" },
};

static const HugeCase *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].name, name))
      return &cases[i];
  return NULL;
}

static void
send_grey_jpeg (SoupServerMessage *msg,
                int                width,
                int                height)
{
  g_autoptr (VipsImage) black = NULL;
  g_autoptr (VipsImage) grey = NULL;
  void *buf = NULL;
  size_t len = 0;

  g_assert_cmpint (vips_black (&black, width, height, "bands", 3, NULL), ==, 0);
  g_assert_cmpint (vips_linear1 (black, &grey, 1.0, 128, "uchar", TRUE, NULL), ==, 0);
  g_assert_cmpint (vips_image_write_to_buffer (grey, ".jpg", &buf, &len, NULL), ==, 0);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_TAKE, buf, len);
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  const HugeCase *hc = n >= 2 ? find_case (parts[1]) : NULL;

  if (hc == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  if (n == 3 && g_str_equal (parts[2], "info.json"))
    {
      g_autofree char *json = g_strdup_printf (
        "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"%s%s\","
        " \"protocol\": \"http://iiif.io/api/image\", \"width\": %" G_GINT64_FORMAT ", \"height\": %" G_GINT64_FORMAT ","
        " \"profile\": [\"http://iiif.io/api/image/2/level%d.json\"],"
        " \"tiles\": [{\"width\": 256, \"scaleFactors\": %s}]%s%s}",
        base_url, hc->name, hc->width, hc->height, hc->level, hc->scale_factors,
        hc->sizes ? ", \"sizes\": " : "", hc->sizes ? hc->sizes : "");

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
      return;
    }

  /* /name/region/size/0/default.jpg */
  if (n == 6 && g_str_equal (parts[2], "full"))
    {
      int w = atoi (parts[3]);
      int h = (int) (w * (double) hc->height / hc->width + 0.5);

      overview_hits++;
      g_free (last_overview);
      last_overview = g_strdup (path);
      if (w > 0 && w <= 4096)
        {
          send_grey_jpeg (msg, w, MAX (h, 1));
          return;
        }
    }
  else
    tile_hits++;
  soup_server_message_set_status (msg, 404, NULL);
}

typedef struct
{
  guint not_found;
  guint too_large;
  guint other;
} Errors;

static void
load_error_cb (VtImageView  *view,
               const GError *error,
               Errors       *errors)
{
  g_test_message ("load-error: %s", error->message);
  if (g_error_matches (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_FOUND))
    errors->not_found++;
  else if (g_error_matches (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE))
    errors->too_large++;
  else
    errors->other++;
}

static gboolean
is_ready (VtImageView *view)
{
  return vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_LOADING;
}

static gboolean
is_idle (VtImageView *view)
{
  return vt_image_view_get_n_loading (view) == 0;
}

/* The most tiles a view of this size may ask for at its top level, plus
 * a placeholder. */
static guint64
bound (VtImageView *view)
{
  VtTileSource *source = vt_image_view_get_source (view);
  guint64 most = 0;

  for (guint l = 0; l < vt_tile_source_get_n_levels (source); l++)
    most = MAX (most, vt_tile_grid_get_budget (source, vt_image_view_get_viewport (view),
                                               gtk_widget_get_scale_factor (GTK_WIDGET (view)), l));
  return most + VT_TILE_GRID_MAX_PLACEHOLDER_TILES;
}

static GtkWidget *
open_case (const HugeCase  *hc,
           VtImageView    **view,
           VtTestLog      **log,
           Errors          *errors)
{
  g_autofree char *url = g_strdup_printf ("%s%s/info.json", base_url, hc->name);
  GtkWidget *window = vt_test_window_new (VIEW_W, VIEW_H, view);

  *log = vt_test_log_attach (*view);
  g_signal_connect (*view, "load-error", G_CALLBACK (load_error_cb), errors);
  vt_test_wait_for_size (GTK_WIDGET (*view));
  tile_hits = overview_hits = 0;
  vt_test_service_open (service, *view, url);
  g_assert_true (vt_test_wait_until (is_ready, *view, 30));
  g_assert_cmpint (vt_image_view_get_state (*view), ==, VT_IMAGE_VIEW_STATE_READY);
  vt_image_view_update_now (*view);
  return window;
}

/* Zooms to 100 % about the centre: a normal number of tiles, however
 * large the image. */
static void
check_native (VtImageView *view,
              VtTestLog   *log)
{
  VtViewport *vp = vt_image_view_get_viewport (view);

  vt_test_log_reset (log);
  vt_test_set_view (view, 1.0, vt_viewport_get_image_width (vp) / 2, vt_viewport_get_image_height (vp) / 2);
  vt_image_view_update_now (view);
  g_test_message ("at 100 %%: %u requests, %u loading (bound %" G_GUINT64_FORMAT ")",
                  log->requests->len, vt_image_view_get_n_loading (view), bound (view));
  g_assert_cmpuint (log->requests->len, >, 0);
  g_assert_cmpuint (log->requests->len, <=, bound (view));
  g_assert_true (vt_test_wait_until (is_idle, view, 60));
  g_assert_cmpuint (log->requests->len, <=, bound (view));
}

/* 10^9 × 10^9 px, level 2, scale factors 1, 2, 4: the coarsest level has
 * 10^12 tiles. One overview request stands in for them. */
static void
test_billion_level2 (void)
{
  Errors errors = { 0 };
  VtImageView *view;
  VtTestLog *log;
  GtkWidget *window;

  if (vt_test_skip_without_display ())
    return;

  window = open_case (find_case ("billion-level2"), &view, &log, &errors);
  g_test_message ("fit: %u requests", log->requests->len);
  g_assert_cmpuint (log->requests->len, ==, 1);
  g_assert_cmpuint (VT_TILE_KEY_LEVEL (g_array_index (log->requests, guint64, 0)), ==, 0);
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_cmpuint (overview_hits, ==, 1);
  g_assert_cmpuint (tile_hits, ==, 0);
  g_assert_cmpstr (last_overview, ==, "/billion-level2/full/1024,/0/default.jpg");
  g_assert_cmpuint (errors.not_found + errors.too_large + errors.other, ==, 0);

  check_native (view, log);
  g_assert_cmpuint (tile_hits, <=, bound (view));
  g_assert_cmpuint (errors.not_found, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The same at level 0 without sizes: nothing small exists. The view shows
 * nothing at fit, says so once, and still works when zoomed in. */
static void
test_billion_level0 (void)
{
  Errors errors = { 0 };
  VtImageView *view;
  VtTestLog *log;
  GtkWidget *window;

  if (vt_test_skip_without_display ())
    return;

  window = open_case (find_case ("billion-level0"), &view, &log, &errors);
  g_assert_cmpuint (log->requests->len, ==, 0);
  g_assert_cmpuint (errors.too_large, ==, 1);
  g_assert_error ((GError *) vt_image_view_get_error (view), VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE);
  g_assert_cmpint (vt_image_view_get_state (view), ==, VT_IMAGE_VIEW_STATE_READY);

  check_native (view, log);
  g_assert_cmpuint (errors.too_large, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 200,000² px at level 0 with scale factor 1 only: 611,524 tiles. It
 * opens with at most what is visible plus a placeholder; here nothing is
 * small enough, so nothing at all. */
static void
test_wide_level0 (void)
{
  Errors errors = { 0 };
  VtImageView *view;
  VtTestLog *log;
  GtkWidget *window;

  if (vt_test_skip_without_display ())
    return;

  window = open_case (find_case ("wide-level0"), &view, &log, &errors);
  g_test_message ("fit: %u requests", log->requests->len);
  g_assert_cmpuint (log->requests->len, <=, bound (view));
  g_assert_cmpuint (log->requests->len, ==, 0);
  g_assert_cmpuint (vt_client_get_n_queued (service->client) + vt_client_get_n_active (service->client),
                    <=, bound (view));
  g_assert_cmpuint (errors.too_large, ==, 1);

  check_native (view, log);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The same with `sizes`: the largest that fits is the placeholder. */
static void
test_wide_level0_sizes (void)
{
  Errors errors = { 0 };
  VtImageView *view;
  VtTestLog *log;
  GtkWidget *window;

  if (vt_test_skip_without_display ())
    return;

  window = open_case (find_case ("wide-level0-sizes"), &view, &log, &errors);
  g_assert_cmpuint (log->requests->len, ==, 1);
  g_assert_true (vt_test_wait_sharp (view));
  g_assert_cmpstr (last_overview, ==, "/wide-level0-sizes/full/1000,/0/default.jpg");
  g_assert_cmpuint (tile_hits, ==, 0);
  g_assert_cmpuint (errors.too_large + errors.not_found + errors.other, ==, 0);

  check_native (view, log);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  int ret;

  vt_test_init_display (&argc, &argv);
  service = vt_test_service_new ();

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/", handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/vitrine/image-view/huge/billion-level2", test_billion_level2);
  g_test_add_func ("/vitrine/image-view/huge/billion-level0", test_billion_level0);
  g_test_add_func ("/vitrine/image-view/huge/wide-level0", test_wide_level0);
  g_test_add_func ("/vitrine/image-view/huge/wide-level0-sizes", test_wide_level0_sizes);

  ret = g_test_run ();
  g_clear_object (&server);
  g_clear_pointer (&base_url, g_free);
  g_clear_pointer (&last_overview, g_free);
  g_clear_pointer (&service, vt_test_service_free);
  return ret;
}
