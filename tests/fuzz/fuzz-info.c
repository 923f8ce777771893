/* fuzz-info.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iiif/vt-iiif.h"

/* libFuzzer target: any bytes through vt_image_service_parse(), then the
 * tile pyramid and the URLs of its corner tiles. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = vt_image_service_parse (bytes, "https://fuzz.example/iiif/x", &error);
  g_autoptr(VtTilePyramid) pyramid = NULL;

  if (service == NULL)
    {
      g_assert (error != NULL && error->domain == VT_IIIF_ERROR);
      return 0;
    }

  g_assert (service->width > 0 && service->height > 0);
  pyramid = vt_tile_pyramid_new (service);
  g_assert (vt_tile_pyramid_get_n_levels (pyramid) > 0);
  for (guint i = 0; i < vt_tile_pyramid_get_n_levels (pyramid); i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      VtTile tile;
      g_autofree char *first = vt_tile_pyramid_dup_tile_url (pyramid, i, 0, 0);
      g_autofree char *last = vt_tile_pyramid_dup_tile_url (pyramid, i, level->columns - 1, level->rows - 1);

      g_assert (first != NULL && last != NULL);
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
