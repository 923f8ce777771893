/* vt-thumbnail-loader.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-thumbnail-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-decoder.h"
#include "iiif/vt-image-url.h"
#include "iiif/vt-tile-pyramid.h"
#include "vt-thumbnail-loader.h"

/* Turns a canvas into a small texture. The source is, in this order: the
 * canvas `thumbnail`; its image service asked for a small size (level 1 and
 * 2), or for one of the requests a level 0 service allows (its `sizes` or a
 * coarse tile that covers the whole image, read from info.json through the
 * session's VtServiceCache, which the canvas shares); a static image small
 * enough to shrink. Bytes come through the VtClient at thumbnail priority
 * and are decoded and shrunk by the canvas' decoder, on its worker threads
 * and behind its header checks, so the main thread never decodes and
 * nothing here reads image bytes itself. */

struct _VtThumbnailLoader
{
  GObject         parent_instance;

  VtClient       *client;
  VtServiceCache *services;
};

G_DEFINE_FINAL_TYPE (VtThumbnailLoader, vt_thumbnail_loader, G_TYPE_OBJECT)

typedef struct
{
  VtCanvas     *canvas;
  VtServiceRef *service_ref;
  struct _TileSet *tile_set;
  guint         size;
  gboolean      speculative;  /* asked the manifest's claim, before info.json */
} LoadData;

static void tile_set_free (gpointer data);
static void service_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_clear_pointer (&d->tile_set, tile_set_free);
  g_clear_pointer (&d->canvas, vt_canvas_unref);
  g_clear_pointer (&d->service_ref, vt_service_ref_unref);
  g_free (d);
}

static gboolean
is_web_uri (const char *uri)
{
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_peek_scheme (uri);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/**
 * vt_thumbnail_choose_level:
 * @pyramid: the pyramid of an image service read from info.json
 * @size: the longest side wanted, in pixels
 *
 * Picks the level a thumbnail of about @size pixels is made from, among
 * those a level 0 service promises (its `sizes`, or a tile level) that take
 * at most %VT_THUMBNAIL_MAX_TILES requests: the smallest one at least @size
 * on its longest side, else the largest smaller one.
 *
 * Returns: the level index, or -1 when every level needs too many requests
 *   or is larger than %VT_THUMBNAIL_MAX_SOURCE_PIXELS
 */
int
vt_thumbnail_choose_level (VtTilePyramid *pyramid,
                           guint          size)
{
  int best = -1;
  gint64 best_side = 0;

  g_return_val_if_fail (pyramid != NULL, -1);

  for (guint i = 0; i < vt_tile_pyramid_get_n_levels (pyramid); i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      gint64 side = MAX (level->width, level->height);

      if ((guint64) level->columns * level->rows > VT_THUMBNAIL_MAX_TILES)
        continue;
      if (level->width * level->height > VT_THUMBNAIL_MAX_SOURCE_PIXELS)
        continue;

      if (best < 0 ||
          (side >= size && (best_side < size || side < best_side)) ||
          (side < size && best_side < size && side > best_side))
        {
          best = i;
          best_side = side;
        }
    }
  return best;
}

/* Tiles of one level, put together on a decoder thread. */
typedef struct _TileSet
{
  GBytes      **tiles;
  guint         n_tiles;
  guint         pending;
  guint         columns;
  guint         tile_width;
  guint         tile_height;
  gint64        width;
  gint64        height;
  guint         size;
  GError       *error;
} TileSet;

static void
tile_set_free (gpointer data)
{
  TileSet *set = data;

  for (guint i = 0; i < set->n_tiles; i++)
    g_clear_pointer (&set->tiles[i], g_bytes_unref);
  g_free (set->tiles);
  g_clear_error (&set->error);
  g_free (set);
}

static void
shrink_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;

  texture = vt_decoder_decode_finish (VT_DECODER (object), result, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&texture), g_object_unref);
}

static void
image_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *d = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (bytes == NULL && d->speculative && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      VtThumbnailLoader *self = g_task_get_source_object (task);
      GCancellable *task_cancellable = g_task_get_cancellable (task);

      /* The manifest claimed a level the server does not have (a level 0
       * set of static tiles described as level 1): info.json says what
       * may be asked. */
      g_debug ("thumbnail of %s: %s; reading info.json", d->service_ref->id, error->message);
      g_clear_error (&error);
      d->speculative = FALSE;
      vt_service_cache_load_async (self->services, d->service_ref->id, VT_FETCH_FLAGS_NONE,
                                   VT_FETCH_PRIORITY_THUMBNAIL, task_cancellable,
                                   service_loaded_cb, g_steal_pointer (&task));
      return;
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  /* The decoder's task has the decoder as its source object, never the
   * loader: a worker thread must never hold the last reference to the
   * loader (and through it the client). Our own task keeps it alive. */
  vt_decoder_decode_thumbnail_async (vt_decoder_get_default (), bytes, d->size,
                                     G_PRIORITY_LOW, cancellable, shrink_cb, g_steal_pointer (&task));
}

static void
fetch_image (GTask      *task,
             const char *uri)
{
  VtThumbnailLoader *self = g_task_get_source_object (task);

  g_debug ("thumbnail %s", uri);
  vt_client_fetch_async (self->client, uri, VT_FETCH_KIND_THUMBNAIL, VT_FETCH_FLAGS_NONE,
                         VT_FETCH_PRIORITY_THUMBNAIL, g_task_get_cancellable (task),
                         image_fetched_cb, task);
}

/* A painting image without a usable service, if it is small enough to
 * fetch whole. */
static char *
dup_static_image_url (VtCanvas *canvas)
{
  VtContentResource *image = vt_canvas_get_image (canvas);

  if (image == NULL || !is_web_uri (image->id))
    return NULL;
  if (image->width <= 0 || image->height <= 0 ||
      image->width * image->height > VT_THUMBNAIL_MAX_SOURCE_PIXELS)
    return NULL;
  return g_strdup (image->id);
}

static void
return_no_source (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This page has no image small enough for a thumbnail"));
}

typedef struct
{
  GTask *task;
  guint  index;
} TileFetch;

static void
tile_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TileFetch *fetch = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&fetch->task);
  LoadData *d = g_task_get_task_data (task);
  TileSet *set = d->tile_set;
  g_autoptr(GPtrArray) tiles = NULL;
  GError *error = NULL;
  GBytes *bytes;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (bytes != NULL)
    set->tiles[fetch->index] = bytes;
  else if (set->error == NULL)
    set->error = error;
  else
    g_error_free (error);
  g_free (fetch);

  if (--set->pending > 0)
    return;

  if (set->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&set->error));
      return;
    }
  tiles = g_ptr_array_new_full (set->n_tiles, (GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < set->n_tiles; i++)
    g_ptr_array_add (tiles, g_steal_pointer (&set->tiles[i]));
  vt_decoder_compose_thumbnail_async (vt_decoder_get_default (), tiles, set->columns,
                                      set->tile_width, set->tile_height,
                                      (guint) set->width, (guint) set->height, set->size,
                                      G_PRIORITY_LOW, g_task_get_cancellable (task),
                                      shrink_cb, g_object_ref (task));
}

/* A level 0 image without a small enough single request: the few tiles of
 * a coarse level, joined. */
static void
fetch_tiles (GTask         *task,
             VtTilePyramid *pyramid,
             guint          level)
{
  VtThumbnailLoader *self = g_task_get_source_object (task);
  LoadData *d = g_task_get_task_data (task);
  const VtTileLevel *l = vt_tile_pyramid_get_level (pyramid, level);
  TileSet *set;

  set = g_new0 (TileSet, 1);
  set->n_tiles = l->columns * l->rows;
  set->pending = set->n_tiles;
  set->tiles = g_new0 (GBytes *, set->n_tiles);
  set->columns = l->columns;
  set->tile_width = l->tile_width;
  set->tile_height = l->tile_height;
  set->width = l->width;
  set->height = l->height;
  set->size = d->size;
  d->tile_set = set;

  for (guint y = 0; y < l->rows; y++)
    for (guint x = 0; x < l->columns; x++)
      {
        g_autofree char *uri = vt_tile_pyramid_dup_tile_url (pyramid, level, x, y);
        TileFetch *fetch = g_new0 (TileFetch, 1);

        fetch->task = g_object_ref (task);
        fetch->index = y * l->columns + x;
        g_debug ("thumbnail tile %s", uri);
        vt_client_fetch_async (self->client, uri, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                               VT_FETCH_PRIORITY_THUMBNAIL, g_task_get_cancellable (task),
                               tile_fetched_cb, fetch);
      }
  g_object_unref (task);
}

/* From a service (remembered, or just loaded): a level 1 or 2 server cuts
 * the size wanted; a level 0 one has its listed sizes and tiles. */
static void
load_from_service (GTask          *task,
                   VtImageService *service,
                   VtTilePyramid  *pyramid)
{
  LoadData *d = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  int level;

  if (service != NULL && is_web_uri (service->id))
    {
      if (service->level >= 1)
        uri = vt_image_service_dup_fit_url (service, d->size);
      else if ((level = vt_thumbnail_choose_level (pyramid, d->size)) >= 0)
        {
          const VtTileLevel *l = vt_tile_pyramid_get_level (pyramid, level);

          if (l->columns == 1 && l->rows == 1)
            uri = vt_tile_pyramid_dup_tile_url (pyramid, level, 0, 0);
          else
            {
              fetch_tiles (task, pyramid, level);
              return;
            }
        }
    }
  if (uri == NULL)
    uri = dup_static_image_url (d->canvas);
  if (uri == NULL)
    {
      return_no_source (task);
      g_object_unref (task);
      return;
    }
  fetch_image (task, uri);
}

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *d = g_task_get_task_data (task);
  g_autoptr(VtImageService) service = NULL;
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autoptr(GError) error = NULL;

  service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result, &pyramid, &error);
  if (service == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("info.json of %s: %s", d->service_ref->id, error->message);
    }
  load_from_service (g_steal_pointer (&task), service, pyramid);
}

static void
vt_thumbnail_loader_dispose (GObject *object)
{
  VtThumbnailLoader *self = (VtThumbnailLoader *)object;

  g_clear_object (&self->services);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (vt_thumbnail_loader_parent_class)->dispose (object);
}

static void
vt_thumbnail_loader_class_init (VtThumbnailLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_thumbnail_loader_dispose;
}

static void
vt_thumbnail_loader_init (VtThumbnailLoader *self)
{
}

/**
 * vt_thumbnail_loader_new:
 * @client: the client that fetches
 * @services: the session's image services (shared with the canvas, so
 *   that a service's info.json is fetched once)
 *
 * Returns: (transfer full): a new loader
 */
VtThumbnailLoader *
vt_thumbnail_loader_new (VtClient       *client,
                         VtServiceCache *services)
{
  VtThumbnailLoader *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (VT_IS_SERVICE_CACHE (services), NULL);

  self = g_object_new (VT_TYPE_THUMBNAIL_LOADER, NULL);
  self->client = g_object_ref (client);
  self->services = g_object_ref (services);
  return self;
}

/**
 * vt_thumbnail_loader_load_async:
 * @self: a loader
 * @canvas: the canvas
 * @size: the longest side wanted, in device pixels
 * @cancellable: (nullable): cancels the fetch and the decoding
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Loads a thumbnail of @canvas no larger than @size × @size. Fails with
 * %G_IO_ERROR_NOT_FOUND when the canvas has nothing to make one from, and
 * with the network or decoding error otherwise.
 */
void
vt_thumbnail_loader_load_async (VtThumbnailLoader   *self,
                                VtCanvas            *canvas,
                                guint                size,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  VtServiceRef *ref;
  LoadData *d;

  g_return_if_fail (VT_IS_THUMBNAIL_LOADER (self));
  g_return_if_fail (canvas != NULL);
  g_return_if_fail (size > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_thumbnail_loader_load_async);
  d = g_new0 (LoadData, 1);
  d->canvas = vt_canvas_ref (canvas);
  d->size = size;
  g_task_set_task_data (task, d, load_data_free);

  /* 1. The publisher's own thumbnail. */
  for (guint i = 0; canvas->thumbnail != NULL && i < canvas->thumbnail->len; i++)
    {
      VtResource *thumbnail = g_ptr_array_index (canvas->thumbnail, i);

      if (is_web_uri (thumbnail->id))
        {
          fetch_image (g_steal_pointer (&task), thumbnail->id);
          return;
        }
    }

  /* 2. The image service: as its info.json describes it when the
   * session has it already, else from the manifest's reference. */
  ref = vt_canvas_get_image_service (canvas);
  if (ref != NULL && is_web_uri (ref->id))
    {
      VtContentResource *image = vt_canvas_get_image (canvas);
      gint64 width = image != NULL && image->width > 0 ? image->width : canvas->width;
      gint64 height = image != NULL && image->height > 0 ? image->height : canvas->height;
      g_autoptr(VtImageService) known = NULL;
      g_autoptr(VtTilePyramid) pyramid = NULL;

      d->service_ref = vt_service_ref_ref (ref);
      known = vt_service_cache_lookup (self->services, ref->id, &pyramid);
      if (known != NULL)
        {
          load_from_service (g_steal_pointer (&task), known, pyramid);
          return;
        }

      uri = vt_service_ref_dup_fit_url (ref, width, height, size);
      if (uri != NULL)
        {
          d->speculative = TRUE;
          fetch_image (g_steal_pointer (&task), uri);
          return;
        }

      /* Level 0 (or unstated): only info.json says what may be asked. */
      vt_service_cache_load_async (self->services, ref->id, VT_FETCH_FLAGS_NONE,
                                   VT_FETCH_PRIORITY_THUMBNAIL, cancellable,
                                   service_loaded_cb, g_steal_pointer (&task));
      return;
    }

  /* 3. A static image, when small. */
  uri = dup_static_image_url (canvas);
  if (uri != NULL)
    {
      fetch_image (g_steal_pointer (&task), uri);
      return;
    }

  return_no_source (task);
}

/**
 * vt_thumbnail_loader_load_resources_async:
 * @thumbnails: (element-type VtResource): a resource's `thumbnail` (a
 *   range's, say), as the document gives them
 * @size: the longer side wanted, in pixels
 *
 * Loads the first of @thumbnails that is on the web, shrunk to @size off
 * the main thread as a canvas's are. Finish with
 * vt_thumbnail_loader_load_finish().
 */
void
vt_thumbnail_loader_load_resources_async (VtThumbnailLoader   *self,
                                          GPtrArray           *thumbnails,
                                          guint                size,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  const char *uri = "";

  g_return_if_fail (thumbnails != NULL);

  /* The first one on the web; with none, the load fails as a URI that is
   * not on the web does. */
  for (guint i = 0; i < thumbnails->len; i++)
    {
      VtResource *thumbnail = g_ptr_array_index (thumbnails, i);

      if (is_web_uri (thumbnail->id))
        {
          uri = thumbnail->id;
          break;
        }
    }
  vt_thumbnail_loader_load_uri_async (self, uri, size, cancellable, callback, user_data);
}

/**
 * vt_thumbnail_loader_load_uri_async:
 * @uri: an image on the web (an annotation's Image body, say)
 * @size: the longer side wanted, in pixels
 *
 * Loads @uri, shrunk to @size off the main thread as a canvas's thumbnail
 * is. Fails with %G_IO_ERROR_NOT_FOUND, without fetching, when @uri is
 * not http(s). Finish with vt_thumbnail_loader_load_finish().
 */
void
vt_thumbnail_loader_load_uri_async (VtThumbnailLoader   *self,
                                    const char          *uri,
                                    guint                size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (VT_IS_THUMBNAIL_LOADER (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (size > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_thumbnail_loader_load_async);
  d = g_new0 (LoadData, 1);
  d->size = size;
  g_task_set_task_data (task, d, load_data_free);

  if (!is_web_uri (uri))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No thumbnail on the web"));
      return;
    }
  fetch_image (g_steal_pointer (&task), uri);
}

/**
 * vt_thumbnail_loader_load_finish:
 * @self: a loader
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_thumbnail_loader_load_finish (VtThumbnailLoader  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (VT_IS_THUMBNAIL_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
