/* vt-image-url.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-image-url"

#include "config.h"

#include <string.h>

#include "vt-iiif-private.h"
#include "vt-manifest.h"

/* Image API addresses, written in one place: a service's info.json, and
 * the request URIs `{id}/{region}/{size}/{rotation}/{quality}.{format}`
 * in the canonical spelling of each version (static level 0 servers only
 * have that spelling on disk, and caches only agree on one spelling):
 *
 *   size          1.x       2.x       3.0
 *   full size     full      full      max
 *   w × h         w,        w,        w,h
 *   quality       native    default   default
 *
 * Ids are used verbatim (never re-encoded). */

#define INFO_JSON "/info.json"

/* A fragment never reaches the server, so nothing written after one
 * would either. */
static gboolean
id_usable (const char *id)
{
  return id != NULL && *id != '\0' && strchr (id, '#') == NULL;
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return (a + b - 1) / b;
}

/**
 * vt_image_service_id_from_info_url:
 * @info_url: (nullable): an info.json address, or a service id
 *
 * The service id an info.json address belongs to: one trailing
 * `/info.json` and then any trailing slashes removed, so that `…/abc`,
 * `…/abc/` and `…/abc/info.json` all give `…/abc`. Anything else is kept
 * verbatim (a query too).
 *
 * Returns: (nullable) (transfer full): the id, or %NULL for %NULL or when
 *   nothing is left
 */
char *
vt_image_service_id_from_info_url (const char *info_url)
{
  gsize len;

  if (info_url == NULL)
    return NULL;

  /* Every trailing "/info.json" and slash: an id written as
   * ".../info.json/" (seen in the wild, and by the fuzzer) must give the
   * same id back from its own info.json address. */
  len = strlen (info_url);
  for (;;)
    {
      if (len > 0 && info_url[len - 1] == '/')
        len--;
      else if (len >= strlen (INFO_JSON) &&
               strncmp (info_url + len - strlen (INFO_JSON), INFO_JSON, strlen (INFO_JSON)) == 0)
        len -= strlen (INFO_JSON);
      else
        break;
    }
  if (len == 0)
    return NULL;
  return g_strndup (info_url, len);
}

/**
 * vt_image_service_info_url:
 * @service_id_or_info_url: (nullable): a service id, or its info.json
 *   address
 *
 * The info.json address of a service: the id as
 * vt_image_service_id_from_info_url() gives it, plus `/info.json`.
 *
 * Odd ids: a query is kept and `/info.json` goes after it, which is right
 * for IIPImage's `iipsrv.fcgi?IIIF=image.tif` form (the whole Image API
 * path is in the query) and harmless elsewhere; an id with a fragment
 * (`#…`) gives %NULL, since nothing appended after a fragment reaches the
 * server. The same holds for every request URL built from an id.
 *
 * Returns: (nullable) (transfer full): the address, or %NULL for an
 *   empty id or one with a fragment
 */
char *
vt_image_service_info_url (const char *service_id_or_info_url)
{
  g_autofree char *id = vt_image_service_id_from_info_url (service_id_or_info_url);

  if (!id_usable (id))
    return NULL;
  return g_strconcat (id, INFO_JSON, NULL);
}

/**
 * vt_image_service_dup_info_url:
 *
 * Returns: (nullable) (transfer full): the service's info.json address
 *   (see vt_image_service_info_url())
 */
char *
vt_image_service_dup_info_url (const VtImageService *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return vt_image_service_info_url (self->id);
}

/* The size segment: the full (maximum) size, or w × h spelled as the
 * version wants it (before 3.0 the server derives the height). */
char *
vt_image_api_dup_size (VtImageApiVersion version,
                       gint64            width,
                       gint64            height,
                       gboolean          max)
{
  if (max)
    return g_strdup (version >= VT_IMAGE_API_3 ? "max" : "full");
  if (version >= VT_IMAGE_API_3)
    return g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, width, height);
  return g_strdup_printf ("%" G_GINT64_FORMAT ",", width);
}

/* A whole request URI, unrotated JPEG. An unknown version is read as 2
 * (as vt_image_service_new_from_ref() does). */
char *
vt_image_api_dup_url (VtImageApiVersion  version,
                      const char        *id,
                      const char        *region,
                      const char        *size)
{
  gboolean v1 = version == VT_IMAGE_API_1_0 || version == VT_IMAGE_API_1_1;

  if (!id_usable (id))
    return NULL;
  return g_strdup_printf ("%s/%s/%s/0/%s.jpg", id, region, size, v1 ? "native" : "default");
}

/* What a level 0 server has on disk for the whole image, besides the full
 * size: the listed `sizes`, and every level whose one tile covers it. */
static gboolean
level0_serves (const VtImageService *self,
               gint64                width,
               gint64                height)
{
  for (guint i = 0; i < self->sizes->len; i++)
    {
      const VtImageSize *size = &g_array_index (self->sizes, VtImageSize, i);

      if (size->width == width && size->height == height)
        return TRUE;
    }

  for (guint i = 0; i < self->tiles->len; i++)
    {
      const VtImageTiles *tiles = g_ptr_array_index (self->tiles, i);

      for (guint j = 0; j < tiles->scale_factors->len; j++)
        {
          guint s = g_array_index (tiles->scale_factors, guint, j);

          if (ceil_div (self->width, s) == width && ceil_div (self->height, s) == height &&
              width <= tiles->width && height <= tiles->height)
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * vt_image_service_dup_size_url:
 * @self: an image service
 * @width: the width wanted
 * @height: the height wanted
 *
 * The URL of the whole image at @width × @height: `full/max` (3.0) or
 * `full/full` (earlier) for the largest size the server delivers (see
 * vt_image_service_get_max_size()), else `full/w,h` (3.0) or `full/w,`
 * (earlier: the server derives the height). Never larger than that size;
 * a level 0 service only gives what it lists (`sizes`, or a tile level
 * whose one tile covers the whole image).
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL when the service
 *   does not serve that size or has no usable id
 */
char *
vt_image_service_dup_size_url (const VtImageService *self,
                               gint64                width,
                               gint64                height)
{
  g_autofree char *size = NULL;
  gint64 max_width, max_height;
  gboolean max;

  g_return_val_if_fail (self != NULL, NULL);

  if (width < 1 || height < 1)
    return NULL;

  vt_image_service_get_max_size (self, &max_width, &max_height);
  max = width == max_width && height == max_height;
  /* Within the maximum size is within maxWidth, maxHeight and maxArea. */
  if (width > max_width || height > max_height)
    return NULL;
  if (!max && self->level < 1 && !level0_serves (self, width, height))
    return NULL;

  size = vt_image_api_dup_size (self->version, width, height, max);
  return vt_image_api_dup_url (self->version, self->id, "full", size);
}

/* Fits width × height into a side × side box, never enlarging. */
static void
fit_box (gint64  width,
         gint64  height,
         guint   side,
         gint64 *out_width,
         gint64 *out_height)
{
  double scale = MIN (1.0, MIN ((double) side / (double) width, (double) side / (double) height));

  *out_width = CLAMP ((gint64) ((double) width * scale + 0.5), 1, width);
  *out_height = CLAMP ((gint64) ((double) height * scale + 0.5), 1, height);
}

/**
 * vt_image_size_fit:
 * @width: a full width, > 0
 * @height: a full height, > 0
 * @max_side: the box's side
 * @out_width: (out): @width scaled to fit a @max_side square, never
 *   enlarged
 * @out_height: (out): the same for @height
 *
 * The size vt_image_service_dup_fit_url() and vt_service_ref_dup_fit_url()
 * ask for, for an image whose full size is @width × @height.
 */
void
vt_image_size_fit (gint64  width,
                   gint64  height,
                   guint   max_side,
                   gint64 *out_width,
                   gint64 *out_height)
{
  g_return_if_fail (width > 0 && height > 0 && max_side > 0);
  g_return_if_fail (out_width != NULL && out_height != NULL);

  fit_box (width, height, max_side, out_width, out_height);
}

/**
 * vt_image_service_dup_fit_url:
 * @self: an image service of level 1 or 2
 * @max_side: the longest side wanted, in pixels
 *
 * The URL of the whole image scaled to fit @max_side × @max_side, never
 * enlarged nor larger than the server delivers (as
 * vt_image_service_dup_size_url() spells it).
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL for a level 0
 *   service (its info.json lists what it has: pick from
 *   vt_tile_pyramid_new()'s levels), for @max_side 0 or an id without use
 */
char *
vt_image_service_dup_fit_url (const VtImageService *self,
                              guint                 max_side)
{
  gint64 max_width, max_height, width, height;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->level < 1 || max_side == 0)
    return NULL;

  vt_image_service_get_max_size (self, &max_width, &max_height);
  fit_box (max_width, max_height, max_side, &width, &height);
  return vt_image_service_dup_size_url (self, width, height);
}

/**
 * vt_service_ref_dup_fit_url:
 * @ref: an image service reference from a manifest
 * @width: the full image width (the canvas or painted image), or 0 when
 *   not known; a size stated on @ref wins
 * @height: the full image height, or 0
 * @max_side: the longest side wanted, in pixels
 *
 * vt_image_service_dup_fit_url() for a service known only by its
 * reference, before (or instead of) fetching its info.json. Without a
 * size, only a request that keeps the aspect ratio will do: `!s,s` at
 * level 2, `,s` (the height) at level 1.
 *
 * Returns: (nullable) (transfer full): the URL, or %NULL for a level 0 or
 *   unstated level (only info.json says what it allows), a reference
 *   without an id, or @max_side 0
 */
char *
vt_service_ref_dup_fit_url (const VtServiceRef *ref,
                            gint64              width,
                            gint64              height,
                            guint               max_side)
{
  g_autoptr(VtImageService) service = NULL;
  g_autofree char *id = NULL;
  g_autofree char *size = NULL;

  g_return_val_if_fail (ref != NULL, NULL);

  if (ref->level < 1 || max_side == 0 || ref->id == NULL)
    return NULL;

  service = vt_image_service_new_from_ref (ref, width, height, NULL);
  if (service != NULL)
    return vt_image_service_dup_fit_url (service, max_side);

  if (ref->level >= 2)
    size = g_strdup_printf ("!%u,%u", max_side, max_side);
  else
    size = g_strdup_printf (",%u", max_side);
  id = vt_image_service_id_from_info_url (ref->id);
  return vt_image_api_dup_url (ref->image_version, id, "full", size);
}

static const char *
first_web_id (GPtrArray *resources)
{
  for (guint i = 0; resources != NULL && i < resources->len; i++)
    {
      VtResource *resource = g_ptr_array_index (resources, i);

      if (resource->id != NULL &&
          (g_str_has_prefix (resource->id, "https://") || g_str_has_prefix (resource->id, "http://")))
        return resource->id;
    }
  return NULL;
}

/**
 * vt_manifest_dup_thumbnail_url:
 * @max_side: the longest side wanted, in pixels
 *
 * An address to show the object small from, without fetching anything
 * more: the manifest's own thumbnail, else its first canvas' thumbnail,
 * else a whole-image request to the first canvas' image service where its
 * level allows one (see vt_service_ref_dup_fit_url()). Ghent's manifests
 * give no thumbnail; their level 2 services make one.
 *
 * Returns: (nullable) (transfer full): the address, or %NULL when there is
 *   none to be had that way
 */
char *
vt_manifest_dup_thumbnail_url (const VtManifest *self,
                               guint             max_side)
{
  const char *id;
  VtCanvas *canvas;
  VtServiceRef *ref;

  g_return_val_if_fail (self != NULL, NULL);

  if ((id = first_web_id (self->thumbnail)) != NULL)
    return g_strdup (id);

  if (vt_manifest_get_n_canvases (self) == 0)
    return NULL;
  canvas = vt_manifest_get_canvas (self, 0);
  if ((id = first_web_id (canvas->thumbnail)) != NULL)
    return g_strdup (id);

  ref = vt_canvas_get_image_service (canvas);
  if (ref != NULL && ref->id != NULL &&
      (g_str_has_prefix (ref->id, "https://") || g_str_has_prefix (ref->id, "http://")))
    {
      VtContentResource *image = vt_canvas_get_image (canvas);
      gint64 width = image != NULL && image->width > 0 ? image->width : canvas->width;
      gint64 height = image != NULL && image->height > 0 ? image->height : canvas->height;

      return vt_service_ref_dup_fit_url (ref, width, height, max_side);
    }
  return NULL;
}
