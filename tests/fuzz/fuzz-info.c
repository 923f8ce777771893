/* fuzz-info.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iiif/vt-iiif.h"

/* libFuzzer target: any bytes through vt_image_service_parse(), then the
 * tile pyramid, the URLs of its corner tiles and whole-image URLs. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = vt_image_service_parse (bytes, "https://fuzz.example/iiif/x", &error);
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fit = NULL;
  g_autofree char *max = NULL;
  gint64 max_width, max_height;

  if (service == NULL)
    {
      g_assert (error != NULL && error->domain == VT_IIIF_ERROR);
      return 0;
    }

  g_assert (service->width > 0 && service->height > 0);
  /* An id that gives an info.json gives every request URL, and back. */
  info = vt_image_service_dup_info_url (service);
  if (info != NULL)
    {
      g_autofree char *id = vt_image_service_id_from_info_url (info);

      g_assert (g_strcmp0 (id, service->id) == 0);
    }
  vt_image_service_get_max_size (service, &max_width, &max_height);
  max = vt_image_service_dup_size_url (service, max_width, max_height);
  g_assert ((max != NULL) == (info != NULL));
  fit = vt_image_service_dup_fit_url (service, 120);
  g_assert (fit == NULL || info != NULL);
  pyramid = vt_tile_pyramid_new (service);
  g_assert (vt_tile_pyramid_get_n_levels (pyramid) > 0);
  for (guint i = 0; i < vt_tile_pyramid_get_n_levels (pyramid); i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      VtTile tile;
      g_autofree char *first = vt_tile_pyramid_dup_tile_url (pyramid, i, 0, 0);
      g_autofree char *last = vt_tile_pyramid_dup_tile_url (pyramid, i, level->columns - 1, level->rows - 1);

      g_assert ((first != NULL) == (info != NULL) && (last != NULL) == (info != NULL));
      g_assert (vt_tile_pyramid_get_tile (pyramid, i, level->columns - 1, level->rows - 1, &tile));
      g_assert (tile.region.x + tile.region.width == service->width);
      g_assert (tile.region.y + tile.region.height == service->height);
      g_assert (tile.width > 0 && tile.height > 0);
    }
  (void) vt_tile_pyramid_choose_level (pyramid, 0.01, 1.0);
  {
    gint64 w = 0, h = 0;
    g_autofree char *overview = vt_tile_pyramid_dup_overview_url (pyramid, 1024, &w, &h);

    g_assert (overview == NULL || (w > 0 && h > 0 && w <= 1024 && h <= 1024));
  }
  return 0;
}
