/* vt-iiif-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-source"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-image-service.h"
#include "iiif/vt-image-url.h"
#include "vt-canvas-error.h"
#include "vt-decoder.h"
#include "vt-iiif-source.h"

/* Tiles of an IIIF Image API service (any version, any level: the core's
 * VtTilePyramid does the URL and level maths, including the `sizes` ladder
 * of a level-0 service without tiles), or of a static image with no
 * service at all (one whole-image level). Bytes come through VtClient's
 * priority queue and are decoded in the decoder pool.
 *
 * The pyramid lists levels finest first; the canvas wants coarsest first,
 * so level i here is pyramid level n - 1 - i. */

struct _VtIiifSource
{
  VtTileSource parent_instance;

  VtClient *client;
  VtTilePyramid *pyramid;
  gboolean is_static;
  guint64 bytes_loaded;
};

G_DEFINE_FINAL_TYPE (VtIiifSource, vt_iiif_source, VT_TYPE_TILE_SOURCE)

typedef struct
{
  guint expected_width;
  guint expected_height;
  int priority;
} TileData;

static guint
pyramid_level (VtIiifSource *self,
               guint         level)
{
  return vt_tile_pyramid_get_n_levels (self->pyramid) - 1 - level;
}

/* The canvas' priorities (placeholder first, then by squared distance from
 * the centre in tiles) mapped into VtClient's band for visible tiles. */
static int
fetch_priority (int priority)
{
  if (priority <= VT_TILE_PRIORITY_PLACEHOLDER)
    return VT_FETCH_PRIORITY_VISIBLE - 50;
  return VT_FETCH_PRIORITY_VISIBLE + CLAMP (priority - VT_TILE_PRIORITY_VISIBLE, 0, 99);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  GdkTexture *texture;

  texture = vt_decoder_decode_finish (VT_DECODER (object), result, &error);
  if (texture)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  VtIiifSource *self = g_task_get_source_object (task);
  TileData *data = g_task_get_task_data (task);
  g_autoptr (GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->bytes_loaded += g_bytes_get_size (bytes);

  if (g_task_return_error_if_cancelled (task))
    return;

  vt_decoder_decode_async (vt_decoder_get_default (), bytes,
                           data->expected_width, data->expected_height, data->priority,
                           g_task_get_cancellable (task), decoded_cb, g_object_ref (task));
}

static void
vt_iiif_source_load_tile_async (VtTileSource        *source,
                                guint                level,
                                guint                x,
                                guint                y,
                                int                  priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  VtIiifSource *self = VT_IIIF_SOURCE (source);
  g_autoptr (GTask) task = NULL;
  g_autofree char *url = NULL;
  TileData *data;
  VtTile tile;
  guint plevel;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_iiif_source_load_tile_async);

  if (level >= vt_tile_source_get_n_levels (source) ||
      !vt_tile_pyramid_get_tile (self->pyramid, (plevel = pyramid_level (self, level)), x, y, &tile) ||
      (url = vt_tile_pyramid_dup_tile_url (self->pyramid, plevel, x, y)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "No tile %u/%u/%u", level, x, y);
      return;
    }

  data = g_new0 (TileData, 1);
  /* A static image may be of any size (the canvas size is only a hint):
   * the decoder's pixel cap guards it instead of the size check. */
  if (!self->is_static)
    {
      data->expected_width = tile.width;
      data->expected_height = tile.height;
    }
  data->priority = priority;
  g_task_set_task_data (task, data, g_free);

  g_debug ("fetch %s (priority %d)", url, priority);
  vt_client_fetch_async (self->client, url,
                         self->is_static ? VT_FETCH_KIND_THUMBNAIL : VT_FETCH_KIND_TILE,
                         VT_FETCH_FLAGS_NONE, fetch_priority (priority), cancellable,
                         fetched_cb, g_steal_pointer (&task));
}

static GdkTexture *
vt_iiif_source_load_tile_finish (VtTileSource  *source,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
vt_iiif_source_finalize (GObject *object)
{
  VtIiifSource *self = VT_IIIF_SOURCE (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->pyramid, vt_tile_pyramid_unref);

  G_OBJECT_CLASS (vt_iiif_source_parent_class)->finalize (object);
}

static void
vt_iiif_source_class_init (VtIiifSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VtTileSourceClass *source_class = VT_TILE_SOURCE_CLASS (klass);

  object_class->finalize = vt_iiif_source_finalize;
  source_class->load_tile_async = vt_iiif_source_load_tile_async;
  source_class->load_tile_finish = vt_iiif_source_load_tile_finish;
}

static void
vt_iiif_source_init (VtIiifSource *self)
{
}

static void
set_geometry_from_pyramid (VtIiifSource *self)
{
  guint n = vt_tile_pyramid_get_n_levels (self->pyramid);
  g_autofree VtSourceLevel *levels = g_new0 (VtSourceLevel, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const VtTileLevel *l = vt_tile_pyramid_get_level (self->pyramid, n - 1 - i);

      levels[i].width = (guint) CLAMP (l->width, 0, G_MAXINT32);
      levels[i].height = (guint) CLAMP (l->height, 0, G_MAXINT32);
      levels[i].tile_width = l->single_image ? levels[i].width : l->tile_width;
      levels[i].tile_height = l->single_image ? levels[i].height : l->tile_height;
    }
  vt_tile_source_set_geometry (VT_TILE_SOURCE (self),
                               (guint) vt_tile_pyramid_get_width (self->pyramid),
                               (guint) vt_tile_pyramid_get_height (self->pyramid),
                               levels, n);
}

/**
 * vt_iiif_source_new:
 * @client: the client that fetches tiles
 * @pyramid: the image service's pyramid
 *
 * Returns: (transfer full): a source of the service's tiles
 */
VtIiifSource *
vt_iiif_source_new (VtClient      *client,
                    VtTilePyramid *pyramid)
{
  VtIiifSource *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (pyramid != NULL, NULL);

  vt_decoder_get_default ();
  self = g_object_new (VT_TYPE_IIIF_SOURCE, NULL);
  self->client = g_object_ref (client);
  self->pyramid = vt_tile_pyramid_ref (pyramid);
  self->is_static = vt_tile_pyramid_get_service (pyramid) == NULL;
  set_geometry_from_pyramid (self);
  return self;
}

/**
 * vt_iiif_source_new_static:
 * @image_url: a plain image (no image service)
 * @width: its width as the manifest gives it
 * @height: its height
 *
 * Returns: (transfer full): a one-level source
 */
VtIiifSource *
vt_iiif_source_new_static (VtClient   *client,
                           const char *image_url,
                           gint64      width,
                           gint64      height)
{
  g_autoptr (VtTilePyramid) pyramid = NULL;

  g_return_val_if_fail (image_url != NULL, NULL);

  pyramid = vt_tile_pyramid_new_static (image_url, width, height);
  return vt_iiif_source_new (client, pyramid);
}

static void
info_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  VtClient *client = VT_CLIENT (object);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VtImageService) service = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;

  bytes = vt_client_fetch_finish (client, result, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  id = vt_image_service_id_from_info_url (g_task_get_task_data (task));
  service = vt_image_service_parse (bytes, id, &error);
  if (service == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pyramid = vt_tile_pyramid_new (service);
  if (pyramid == NULL || vt_tile_pyramid_get_n_levels (pyramid) == 0)
    {
      g_task_return_new_error (task, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                               _("The image service describes no image that can be shown"));
      return;
    }
  g_task_return_pointer (task, vt_iiif_source_new (client, pyramid), g_object_unref);
}

/**
 * vt_iiif_source_new_async:
 * @info_url: an info.json URL (or the service id; `/info.json` is added)
 *
 * Fetches and reads an image service's info.json. A 403 fails with
 * VT_NET_ERROR_NOT_PUBLIC.
 */
void
vt_iiif_source_new_async (VtClient            *client,
                          const char          *info_url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (VT_IS_CLIENT (client));
  g_return_if_fail (info_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_iiif_source_new_async);
  url = vt_image_service_info_url (info_url);
  if (url == NULL)
    url = g_strdup (info_url);  /* the client explains what is wrong with it */
  g_task_set_task_data (task, g_strdup (url), g_free);
  vt_client_fetch_async (client, url, VT_FETCH_KIND_INFO, VT_FETCH_FLAGS_NONE,
                         VT_FETCH_PRIORITY_DEFAULT, cancellable,
                         info_fetched_cb, g_steal_pointer (&task));
}

/**
 * vt_iiif_source_new_finish:
 *
 * Returns: (transfer full): the source, or %NULL with @error set
 */
VtIiifSource *
vt_iiif_source_new_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vt_iiif_source_get_pyramid:
 *
 * Returns: (transfer none): the pyramid
 */
VtTilePyramid *
vt_iiif_source_get_pyramid (VtIiifSource *self)
{
  g_return_val_if_fail (VT_IS_IIIF_SOURCE (self), NULL);
  return self->pyramid;
}

/* Bytes of tile bodies received, for the benchmark. */
guint64
vt_iiif_source_get_bytes_loaded (VtIiifSource *self)
{
  g_return_val_if_fail (VT_IS_IIIF_SOURCE (self), 0);
  return self->bytes_loaded;
}
