/* vt-canvas-test-service.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "app/vt-client-fetcher.h"
#include "canvas/vt-canvas-error.h"
#include "canvas/vt-iiif-source.h"

#include "vt-canvas-test-service.h"

VtTestService *
vt_test_service_new (void)
{
  VtTestService *service = g_new0 (VtTestService, 1);

  service->client = vt_client_new (NULL);
  service->services = vt_service_cache_new (service->client);
  service->fetcher = VT_TILE_FETCHER (vt_client_fetcher_new (service->client));
  return service;
}

void
vt_test_service_free (VtTestService *service)
{
  g_clear_object (&service->fetcher);
  g_clear_object (&service->services);
  g_clear_object (&service->client);
  g_free (service);
}

typedef struct
{
  VtTestService *service;
  VtImageView *view;
} OpenData;

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr (VtImageView) view = data->view;
  g_autoptr (GError) error = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (VtImageService) image_service = NULL;
  g_autoptr (VtIiifSource) source = NULL;
  VtTestService *service = data->service;

  g_free (data);
  image_service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result, &pyramid, &error);
  if (image_service == NULL)
    {
      g_autoptr (GError) canvas_error = vt_client_fetcher_map_error (error);

      vt_image_view_fail (view, canvas_error);
      return;
    }
  if (vt_tile_pyramid_get_n_levels (pyramid) == 0)
    {
      g_autoptr (GError) canvas_error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                                                             "no levels");

      vt_image_view_fail (view, canvas_error);
      return;
    }
  source = vt_iiif_source_new (service->fetcher, pyramid);
  vt_image_view_set_source (view, VT_TILE_SOURCE (source));
}

/* Puts @view in LOADING; the source or the error follows from the main
 * loop. */
void
vt_test_service_open (VtTestService *service,
                      VtImageView   *view,
                      const char    *info_url)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->service = service;
  data->view = g_object_ref (view);
  vt_image_view_begin_loading (view);
  vt_service_cache_load_async (service->services, info_url, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT,
                               NULL, service_loaded_cb, data);
}

gboolean
vt_test_service_open_static (VtTestService *service,
                             VtImageView   *view,
                             const char    *image_url,
                             gint64         width,
                             gint64         height)
{
  g_autoptr (VtIiifSource) source = vt_iiif_source_new_static (service->fetcher, image_url, width, height);

  if (source == NULL)
    return FALSE;
  vt_image_view_set_source (view, VT_TILE_SOURCE (source));
  return TRUE;
}
