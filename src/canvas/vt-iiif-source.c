/* vt-iiif-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-source"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vt-canvas-error.h"
#include "vt-decoder.h"
#include "vt-iiif-source.h"
#include "vt-tile-cache.h"
#include "vt-tile-grid.h"
#include "vt-tile-fetcher.h"

/* Tiles of an IIIF Image API service (any version, any level: the core's
 * VtTilePyramid does the URL and level maths, including the `sizes` ladder
 * of a level-0 service without tiles), or of a static image with no
 * service at all (one whole-image level). Bytes come through a
 * VtTileFetcher (the application's is VtClientFetcher, over VtClient's
 * priority queue) and are decoded in the decoder pool. Reading info.json
 * is not done here: the network layer caches image services per session.
 *
 * The pyramid lists levels finest first; the canvas wants coarsest first,
 * so the levels are mapped in reverse. When even the coarsest level has
 * many tiles (a service listing only fine scale factors), an overview (one
 * small whole-image request, if the service can give one) comes first, so
 * that the canvas has a placeholder; levels whose grid a tile key cannot
 * address are left out. */

#define OVERVIEW          G_MAXUINT
#define OVERVIEW_MAX_SIDE 1024

struct _VtIiifSource
{
  VtTileSource parent_instance;

  VtTileFetcher *fetcher;
  VtTilePyramid *pyramid;
  GArray *levels;           /* canvas level → pyramid level or OVERVIEW */
  char *overview_url;
  gint64 overview_width;
  gint64 overview_height;
  gboolean is_static;
  gboolean early_placeholder;  /* the overview was asked for before info.json */
  guint64 bytes_loaded;
};

G_DEFINE_FINAL_TYPE (VtIiifSource, vt_iiif_source, VT_TYPE_TILE_SOURCE)

typedef struct
{
  guint expected_width;
  guint expected_height;
  int priority;
  /* For the overview: the coarsest level's single tile, asked for when the
   * overview fails, so that a failed overview still leaves an image. */
  char *fallback_url;
  guint fallback_width;
  guint fallback_height;
} TileData;

static void
tile_data_free (gpointer p)
{
  TileData *data = p;

  g_free (data->fallback_url);
  g_free (data);
}

/* The URL and size of a tile of a canvas level, or %NULL. */
static char *
dup_tile_url (VtIiifSource *self,
              guint         level,
              guint         x,
              guint         y,
              VtTile       *tile)
{
  guint plevel;

  if (level >= self->levels->len)
    return NULL;
  plevel = g_array_index (self->levels, guint, level);
  if (plevel == OVERVIEW)
    {
      if (x != 0 || y != 0)
        return NULL;
      tile->width = self->overview_width;
      tile->height = self->overview_height;
      return g_strdup (self->overview_url);
    }
  if (!vt_tile_pyramid_get_tile (self->pyramid, plevel, x, y, tile))
    return NULL;
  return vt_tile_pyramid_dup_tile_url (self->pyramid, plevel, x, y);
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

  bytes = vt_tile_fetcher_fetch_finish (VT_TILE_FETCHER (object), result, &error);
  if (bytes == NULL && data->fallback_url != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_autofree char *url = g_steal_pointer (&data->fallback_url);

      g_debug ("overview failed (%s); fetch %s", error->message, url);
      g_clear_error (&error);
      data->expected_width = data->fallback_width;
      data->expected_height = data->fallback_height;
      vt_tile_fetcher_fetch_async (self->fetcher, url, VT_TILE_FETCH_TILE, data->priority,
                                   g_task_get_cancellable (task), fetched_cb, g_object_ref (task));
      return;
    }
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

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_iiif_source_load_tile_async);

  if ((url = dup_tile_url (self, level, x, y, &tile)) == NULL)
    {
      g_task_return_new_error (task, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                               _("The image service has no tile %u/%u/%u"), level, x, y);
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
  if (g_array_index (self->levels, guint, level) == OVERVIEW)
    {
      guint n = vt_tile_pyramid_get_n_levels (self->pyramid);
      const VtTileLevel *coarsest = n > 0 ? vt_tile_pyramid_get_level (self->pyramid, n - 1) : NULL;
      VtTile single;

      if (coarsest != NULL && coarsest->columns == 1 && coarsest->rows == 1 &&
          vt_tile_pyramid_get_tile (self->pyramid, n - 1, 0, 0, &single))
        {
          data->fallback_url = vt_tile_pyramid_dup_tile_url (self->pyramid, n - 1, 0, 0);
          data->fallback_width = (guint) single.width;
          data->fallback_height = (guint) single.height;
        }
    }
  g_task_set_task_data (task, data, tile_data_free);

  g_debug ("fetch %s (priority %d)", url, priority);
  vt_tile_fetcher_fetch_async (self->fetcher, url,
                               self->is_static ? VT_TILE_FETCH_IMAGE : VT_TILE_FETCH_TILE,
                               priority, cancellable, fetched_cb, g_steal_pointer (&task));
}

static GdkTexture *
vt_iiif_source_load_tile_finish (VtTileSource  *source,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A tile asked ahead that came into view: its request moves up if it
 * still waits; under way, it goes on (its bytes are as good as any). */
static gboolean
vt_iiif_source_reprioritize (VtTileSource *source,
                             GCancellable *cancellable,
                             int           priority)
{
  VtIiifSource *self = VT_IIIF_SOURCE (source);

  vt_tile_fetcher_reprioritize (self->fetcher, cancellable, priority);
  return TRUE;
}

static void
vt_iiif_source_finalize (GObject *object)
{
  VtIiifSource *self = VT_IIIF_SOURCE (object);

  g_clear_object (&self->fetcher);
  g_clear_pointer (&self->pyramid, vt_tile_pyramid_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->overview_url, g_free);

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
  source_class->reprioritize = vt_iiif_source_reprioritize;
}

static void
vt_iiif_source_init (VtIiifSource *self)
{
  self->levels = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
add_level (VtIiifSource *self,
           GArray       *levels,
           guint         plevel,
           gint64        width,
           gint64        height,
           guint         tile_width,
           guint         tile_height)
{
  VtSourceLevel l = { (guint) CLAMP (width, 0, G_MAXINT32), (guint) CLAMP (height, 0, G_MAXINT32),
                      tile_width, tile_height };

  /* VtTileSource drops empty levels; tile keys hold 28-bit columns and
   * rows, and 8-bit levels. */
  if (l.width == 0 || l.height == 0 || l.tile_width == 0 || l.tile_height == 0 ||
      (l.width - 1) / l.tile_width >= VT_TILE_KEY_MAX_INDEX ||
      (l.height - 1) / l.tile_height >= VT_TILE_KEY_MAX_INDEX || levels->len > 255)
    return;
  g_array_append_val (levels, l);
  g_array_append_val (self->levels, plevel);
}

static void
set_geometry_from_pyramid (VtIiifSource *self)
{
  guint n = vt_tile_pyramid_get_n_levels (self->pyramid);
  g_autoptr (GArray) levels = g_array_new (FALSE, FALSE, sizeof (VtSourceLevel));
  const VtTileLevel *coarsest = n > 0 ? vt_tile_pyramid_get_level (self->pyramid, n - 1) : NULL;

  if (self->overview_url == NULL && coarsest != NULL && !self->is_static &&
      (guint64) coarsest->columns * coarsest->rows > VT_TILE_GRID_MAX_PLACEHOLDER_TILES)
    self->overview_url = vt_tile_pyramid_dup_overview_url (self->pyramid,
                                                           MIN (OVERVIEW_MAX_SIDE, MAX (coarsest->width, coarsest->height)),
                                                           &self->overview_width, &self->overview_height);
  if (self->overview_url != NULL)
    {
      g_debug ("overview %s", self->overview_url);
      add_level (self, levels, OVERVIEW, self->overview_width, self->overview_height,
                 (guint) self->overview_width, (guint) self->overview_height);
    }

  for (guint i = 0; i < n; i++)
    {
      const VtTileLevel *l = vt_tile_pyramid_get_level (self->pyramid, n - 1 - i);
      guint tw;
      guint th;

      /* Under a placeholder asked for before info.json, coarser levels
       * would only be asked for again. */
      if (self->early_placeholder && l->width <= self->overview_width && i + 1 < n)
        continue;
      tw = l->single_image ? (guint) CLAMP (l->width, 0, G_MAXINT32) : l->tile_width;
      th = l->single_image ? (guint) CLAMP (l->height, 0, G_MAXINT32) : l->tile_height;

      add_level (self, levels, n - 1 - i, l->width, l->height, tw, th);
    }
  vt_tile_source_set_geometry (VT_TILE_SOURCE (self),
                               (guint) vt_tile_pyramid_get_width (self->pyramid),
                               (guint) vt_tile_pyramid_get_height (self->pyramid),
                               (VtSourceLevel *) (gpointer) levels->data, levels->len);
}

/**
 * vt_iiif_source_new:
 * @fetcher: what fetches the tiles' bytes
 * @pyramid: the image service's pyramid
 *
 * Returns: (transfer full): a source of the service's tiles
 */
VtIiifSource *
vt_iiif_source_new (VtTileFetcher *fetcher,
                    VtTilePyramid *pyramid)
{
  VtIiifSource *self;

  g_return_val_if_fail (VT_IS_TILE_FETCHER (fetcher), NULL);
  g_return_val_if_fail (pyramid != NULL, NULL);

  vt_decoder_get_default ();
  self = g_object_new (VT_TYPE_IIIF_SOURCE, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->pyramid = vt_tile_pyramid_ref (pyramid);
  self->is_static = vt_tile_pyramid_get_service (pyramid) == NULL;
  set_geometry_from_pyramid (self);
  return self;
}

/* Whether @service, as its info.json describes it, answers a request for
 * the full region at @width × @height. */
static gboolean
serves_size (const VtImageService *service,
             gint64                width,
             gint64                height)
{
  if (service == NULL)
    return FALSE;
  if (service->level >= 1)
    return TRUE;
  for (guint i = 0; service->sizes != NULL && i < service->sizes->len; i++)
    {
      const VtImageSize *size = &g_array_index (service->sizes, VtImageSize, i);

      if (size->width == width && size->height == height)
        return TRUE;
    }
  return FALSE;
}

/* Whether @url is a request to @service as its info.json names it. The
 * placeholder is asked for at the service the manifest names, before
 * info.json arrives; info.json may name another (a static info.json
 * describing a level 1 server's image, a moved service): its tiles then
 * load while the early placeholder fails, and where the coarsest level
 * has several tiles nothing stands in for it, so the canvas showed a
 * tile error over an image that loads. */
static gboolean
is_of_service (const VtImageService *service,
               const char           *url)
{
  gsize n;

  if (service == NULL || service->id == NULL)
    return FALSE;
  n = strlen (service->id);
  while (n > 0 && service->id[n - 1] == '/')
    n--;
  return strncmp (url, service->id, n) == 0 && url[n] == '/';
}

/**
 * vt_iiif_source_new_with_placeholder:
 * @fetcher: what fetches the tiles' bytes
 * @pyramid: the image service's pyramid
 * @placeholder_url: a whole-image request of the same service, already
 *   asked for (before its info.json arrived)
 * @width: the size it was asked at
 * @height: its height
 *
 * A source whose coarsest level, the placeholder drawn first, is
 * @placeholder_url, so that the request made beside info.json is the one
 * the canvas waits for; pyramid levels no finer than it are left out.
 * A placeholder of a size the service does not serve (info.json says level
 * 0 and does not list it in `sizes`) is not kept; one that fails anyway is
 * replaced by the coarsest level's tile when that is a single tile.
 *
 * Returns: (transfer full): a source of the service's tiles
 */
VtIiifSource *
vt_iiif_source_new_with_placeholder (VtTileFetcher *fetcher,
                                     VtTilePyramid *pyramid,
                                     const char    *placeholder_url,
                                     gint64         width,
                                     gint64         height)
{
  VtIiifSource *self;

  g_return_val_if_fail (VT_IS_TILE_FETCHER (fetcher), NULL);
  g_return_val_if_fail (pyramid != NULL, NULL);
  g_return_val_if_fail (placeholder_url != NULL, NULL);

  vt_decoder_get_default ();
  self = g_object_new (VT_TYPE_IIIF_SOURCE, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->pyramid = vt_tile_pyramid_ref (pyramid);
  self->is_static = vt_tile_pyramid_get_service (pyramid) == NULL;
  /* Only a reduction is a placeholder, and only one the service serves:
   * the manifest may claim level 1 where info.json says level 0, and a
   * level 0 server (static tiles) has only the sizes it lists; asking it
   * again for a size it lacks would only fail and show a tile error. */
  if (!self->is_static && width > 0 && height > 0 && width < vt_tile_pyramid_get_width (pyramid) &&
      serves_size (vt_tile_pyramid_get_service (pyramid), width, height) &&
      is_of_service (vt_tile_pyramid_get_service (pyramid), placeholder_url))
    {
      self->early_placeholder = TRUE;
      self->overview_url = g_strdup (placeholder_url);
      self->overview_width = width;
      self->overview_height = height;
    }
  set_geometry_from_pyramid (self);
  return self;
}

/**
 * vt_iiif_source_new_static:
 * @image_url: a plain image (no image service)
 * @width: its width as the manifest gives it
 * @height: its height
 *
 * Returns: (transfer full) (nullable): a one-level source, or %NULL when
 *   the size is not valid
 */
VtIiifSource *
vt_iiif_source_new_static (VtTileFetcher *fetcher,
                           const char    *image_url,
                           gint64         width,
                           gint64         height)
{
  g_autoptr (VtTilePyramid) pyramid = NULL;

  g_return_val_if_fail (VT_IS_TILE_FETCHER (fetcher), NULL);
  g_return_val_if_fail (image_url != NULL, NULL);

  pyramid = vt_tile_pyramid_new_static (image_url, width, height);
  if (pyramid == NULL)
    return NULL;
  return vt_iiif_source_new (fetcher, pyramid);
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

/**
 * vt_iiif_source_dup_tile_url:
 * @level: a canvas level (coarsest first)
 *
 * The address a tile is fetched from, for whoever fetches it ahead.
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL when the tile
 *   does not exist
 */
char *
vt_iiif_source_dup_tile_url (VtIiifSource *self,
                             guint         level,
                             guint         x,
                             guint         y)
{
  VtTile tile;

  g_return_val_if_fail (VT_IS_IIIF_SOURCE (self), NULL);
  return dup_tile_url (self, level, x, y, &tile);
}
