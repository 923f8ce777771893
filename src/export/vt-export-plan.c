/* vt-export-plan.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-export"

#include "config.h"

#include <math.h>

#include "vt-decode-gate.h"
#include "vt-export-private.h"

/* Which pixels an export is made of: one server request, when the
 * service's level and its maxWidth/maxHeight/maxArea allow it and the
 * result fits the decoder's budget; else the tiles of the coarsest level
 * that has a pixel for each one asked for, whose own requests are within
 * the limits. What is left when neither reaches full resolution is the
 * largest size, which the export names. */

/* Whether a request of @width × @height is within the service's limits. */
static gboolean
within_limits (const VtImageService *service,
               gint64                width,
               gint64                height)
{
  if (service == NULL)
    return TRUE;
  return (service->max_width <= 0 || width <= service->max_width) &&
         (service->max_height <= 0 || height <= service->max_height) &&
         (service->max_area <= 0 || width * height <= service->max_area);
}

static gboolean
can_single_request (const VtImageService *service)
{
  return service != NULL && service->id != NULL &&
         (service->level >= 1 || vt_image_service_supports (service, "regionByPx")) &&
         service->version >= VT_IMAGE_API_2;
}

/* The largest size one request can give for the region, keeping its
 * shape: within the limits and the decoder's budget. */
static void
single_max_size (VtExport *self,
                 gint64   *width,
                 gint64   *height)
{
  const VtImageService *service = vt_tile_pyramid_get_service (self->pyramid);
  double f = 1.0;

  if (service->max_width > 0)
    f = MIN (f, (double) service->max_width / self->rw);
  if (service->max_height > 0)
    f = MIN (f, (double) service->max_height / self->rh);
  if (service->max_area > 0)
    f = MIN (f, sqrt ((double) service->max_area / ((double) self->rw * self->rh)));
  f = MIN (f, sqrt ((double) VT_EXPORT_SINGLE_REQUEST_MAX_PIXELS / ((double) self->rw * self->rh)));
  *width = MAX (1, (gint64) floor (self->rw * f + 1e-9));
  *height = MAX (1, (gint64) floor (self->rh * f + 1e-9));
  while (!within_limits (service, *width, *height) && *width > 1 && *height > 1)
    {
      (*width)--;
      *height = MAX (1, (gint64) floor ((double) *width * self->rh / self->rw));
    }
}

/* The region and size of the one request. At full resolution, the
 * region widened to whole 8 px blocks from the image's origin, when that
 * is still within the limits: a server that re-encodes JPEG (IIPImage
 * over JPEG-compressed tiles) then keeps the source's block grid, which
 * loses about 2 dB less than a grid shifted by a few pixels. The export
 * crops the widened answer back. */
static void
single_region (VtExport             *self,
               const VtImageService *service,
               gint64                width,
               gint64                height,
               Plan                 *plan)
{
  gint64 x0 = self->rx / 8 * 8, y0 = self->ry / 8 * 8;
  gint64 x1 = MIN (self->image_width, (self->rx + self->rw + 7) / 8 * 8);
  gint64 y1 = MIN (self->image_height, (self->ry + self->rh + 7) / 8 * 8);

  plan->lx = self->rx;
  plan->ly = self->ry;
  plan->lw = plan->sw = self->rw;
  plan->lh = plan->sh = self->rh;
  if (width != self->rw || height != self->rh ||
      (x1 - x0) * (y1 - y0) > VT_EXPORT_SINGLE_REQUEST_MAX_PIXELS ||
      !within_limits (service, x1 - x0, y1 - y0))
    {
      plan->sw = width;
      plan->sh = height;
      return;
    }
  plan->lx = x0;
  plan->ly = y0;
  plan->lw = plan->sw = x1 - x0;
  plan->lh = plan->sh = y1 - y0;
}

/* The region in the pixels of @level, rounded outwards. */
static void
level_region (VtExport          *self,
              const VtTileLevel *info,
              Plan              *plan)
{
  gint64 right = (gint64) ceil ((self->rx + self->rw) / info->scale - 1e-9);
  gint64 bottom = (gint64) ceil ((self->ry + self->rh) / info->scale - 1e-9);

  plan->lx = (gint64) floor (self->rx / info->scale + 1e-9);
  plan->ly = (gint64) floor (self->ry / info->scale + 1e-9);
  plan->lw = MAX (1, MIN (right, info->width) - plan->lx);
  plan->lh = MAX (1, MIN (bottom, info->height) - plan->ly);
}

/* A level whose tile requests are within the service's limits. */
static gboolean
level_usable (VtExport          *self,
              const VtTileLevel *info)
{
  const VtImageService *service = vt_tile_pyramid_get_service (self->pyramid);

  return within_limits (service, info->tile_width, info->tile_height) &&
         (!info->single_image || (guint64) info->width * info->height <= VT_DECODER_MAX_PIXELS);
}

gboolean
vt_export_choose_plan (VtExport *self,
             gint64    width,
             gint64    height,
             Plan     *plan)
{
  const VtImageService *service;
  guint n_levels;
  gboolean found = FALSE;

  if (self->path != NULL)
    {
      plan->kind = PLAN_LOCAL;
      return TRUE;
    }

  service = vt_tile_pyramid_get_service (self->pyramid);
  if (can_single_request (service) &&
      width * height <= VT_EXPORT_SINGLE_REQUEST_MAX_PIXELS &&
      within_limits (service, width, height))
    {
      plan->kind = PLAN_SINGLE;
      single_region (self, service, width, height, plan);
      return TRUE;
    }

  /* The coarsest level that still has a pixel for each one asked for. */
  n_levels = vt_tile_pyramid_get_n_levels (self->pyramid);
  for (guint l = 0; l < n_levels; l++)
    {
      const VtTileLevel *info = vt_tile_pyramid_get_level (self->pyramid, l);
      Plan candidate = { PLAN_TILES, l, 0, 0, 0, 0, 0, 0 };

      if (!level_usable (self, info))
        continue;
      level_region (self, info, &candidate);
      if (candidate.lw + 1 < width || candidate.lh + 1 < height)
        continue;
      if (!found || info->scale > vt_tile_pyramid_get_level (self->pyramid, plan->level)->scale)
        {
          *plan = candidate;
          found = TRUE;
        }
    }
  return found;
}

/**
 * vt_export_get_max_size:
 * @width: (out): the largest width the region can be exported at
 * @height: (out): and height
 *
 * Where the server's `maxWidth`, `maxHeight` or `maxArea` (or its levels)
 * stop short of full resolution, the largest size that is possible.
 *
 * Returns: whether that is the region's full resolution
 */
gboolean
vt_export_get_max_size (VtExport *self,
                        gint64   *width,
                        gint64   *height)
{
  gint64 best_w = 0, best_h = 0;

  g_return_val_if_fail (VT_IS_EXPORT (self), FALSE);

  if (self->path != NULL)
    {
      best_w = self->rw;
      best_h = self->rh;
    }
  else
    {
      const VtImageService *service = vt_tile_pyramid_get_service (self->pyramid);
      guint n_levels = vt_tile_pyramid_get_n_levels (self->pyramid);

      if (can_single_request (service))
        single_max_size (self, &best_w, &best_h);
      for (guint l = 0; l < n_levels; l++)
        {
          const VtTileLevel *info = vt_tile_pyramid_get_level (self->pyramid, l);
          gint64 w = MIN (self->rw, (gint64) floor (self->rw / info->scale + 1e-9));
          gint64 h = MIN (self->rh, (gint64) floor (self->rh / info->scale + 1e-9));

          if (level_usable (self, info) && w * h > best_w * best_h)
            {
              best_w = MAX (1, w);
              best_h = MAX (1, h);
            }
        }
    }
  if (width)
    *width = best_w;
  if (height)
    *height = best_h;
  return best_w == self->rw && best_h == self->rh;
}
