/* vt-region-request.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-region-request"

#include "config.h"

#include <math.h>

#include "vt-region-request.h"
#include "vt-spread.h"
#include "vt-view-region.h"

/* The region of a canvas a link (a content state) asks to show: kept
 * until it has been shown on that canvas, once the image and the view
 * both have a size; then, while the user leaves the view as it was put,
 * shown again when the view changes size. Turning to another page, or
 * moving the view, forgets it. */

struct _VtRegionRequest
{
  GObject       parent_instance;

  VtImageView  *image_view;
  VtViewing    *viewing;
  /* the spread the view shows, when the page is shown as part of one */
  VtSpread     *spread;
  GSignalGroup *viewing_signals;

  /* the canvas the region is of, while it waits for its page */
  char         *canvas_id;
  /* canvas pixels, or per cent */
  VtPage       *page;
  double        region[4];
  guint         percent : 1;
  guint         pending : 1;
  guint         shown : 1;
  double        zoom;
  double        center[2];
};

G_DEFINE_FINAL_TYPE (VtRegionRequest, vt_region_request, G_TYPE_OBJECT)

static void
drop (VtRegionRequest *self)
{
  g_clear_object (&self->page);
  g_clear_pointer (&self->canvas_id, g_free);
  self->pending = FALSE;
  self->shown = FALSE;
}

/* The region the viewing's link asks for, to show on its canvas when it
 * comes; asked again when the link turned out to be a content state by
 * reference, which names the region only once fetched. */
static void
take (VtRegionRequest *self)
{
  const VtTarget *target = self->viewing ? vt_viewing_get_target (self->viewing) : NULL;
  const VtContentStateTarget *view = target ? vt_target_get_view (target) : NULL;

  drop (self);
  if (view == NULL || !view->has_region || view->canvas_id == NULL ||
      vt_viewing_get_page (self->viewing) != NULL)
    return;

  self->region[0] = view->x;
  self->region[1] = view->y;
  self->region[2] = view->width;
  self->region[3] = view->height;
  self->percent = view->region_percent;
  self->canvas_id = g_strdup (view->canvas_id);
  self->pending = TRUE;
}

/**
 * vt_region_request_show:
 *
 * Fills the view with the region asked for, if the page shown is the
 * one it was asked on and the image and the view both have a size.
 */
void
vt_region_request_show (VtRegionRequest *self)
{
  VtViewport *viewport = vt_image_view_get_viewport (self->image_view);
  VtPage *page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  double vw = vt_viewport_get_width (viewport);
  double vh = vt_viewport_get_height (viewport);

  g_return_if_fail (VT_IS_REGION_REQUEST (self));

  if (!self->pending && !self->shown)
    return;
  if (page == NULL || page != self->page)
    return;
  /* Shown already: only while the user has left the view as it was put. */
  if (self->shown &&
      (fabs (vt_viewport_get_zoom (viewport) - self->zoom) > 1e-9 ||
       fabs (vt_viewport_get_center_x (viewport) - self->center[0]) > 1e-6 ||
       fabs (vt_viewport_get_center_y (viewport) - self->center[1]) > 1e-6))
    {
      drop (self);
      return;
    }
  if (vw <= 0 || vh <= 0 || vt_viewport_get_image_width (viewport) <= 0)
    return;

  if (self->spread != NULL)
    {
      /* A page of a spread is a part of the scene shown: the region, in
       * its canvas's pixels, lies where the canvas is placed. */
      graphene_rect_t placement;
      guint n = vt_spread_get_n_pages (self->spread);
      guint i;

      for (i = 0; i < n; i++)
        if (vt_spread_get_page (self->spread, i) == page)
          break;
      if (i == n)
        return;
      vt_spread_get_placement (self->spread, i, &placement);
      if (!vt_view_region_show_placed (self->image_view, page, &placement,
                                       self->region[0], self->region[1],
                                       self->region[2], self->region[3], self->percent))
        {
          drop (self);
          return;
        }
    }
  else if (vt_image_view_get_source (self->image_view) != vt_page_get_source (page))
    return;
  else if (!vt_view_region_show (self->image_view, page, self->region[0], self->region[1],
                                 self->region[2], self->region[3], self->percent))
    {
      drop (self);
      return;
    }

  self->pending = FALSE;
  self->shown = TRUE;
  self->zoom = vt_viewport_get_zoom (viewport);
  self->center[0] = vt_viewport_get_center_x (viewport);
  self->center[1] = vt_viewport_get_center_y (viewport);
}

/**
 * vt_region_request_page_changed:
 *
 * The region belongs to the canvas the link named, shown first: call when
 * the viewing's page changes, before showing it; turning to another page
 * forgets the region.
 */
void
vt_region_request_page_changed (VtRegionRequest *self)
{
  VtPage *page;

  g_return_if_fail (VT_IS_REGION_REQUEST (self));

  page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  if (self->page != NULL && page != self->page)
    drop (self);
  else if (self->pending && self->page == NULL && page != NULL)
    {
      VtCanvas *canvas = vt_page_get_canvas (page);

      if (canvas != NULL && g_strcmp0 (canvas->id, self->canvas_id) == 0)
        self->page = g_object_ref (page);
      else
        drop (self);
    }
}

/**
 * vt_region_request_ask:
 * @canvas_id: the canvas the region is of
 * @x: the region's left, in canvas units
 * @y: its top
 * @width: its width
 * @height: its height
 *
 * Shows a region of a canvas, as a link does, for the user's own choice:
 * a range of the table of contents that starts at a part of a page (an
 * article on a newspaper page, cookbook 0025). Call before turning to the
 * page: shown once the page is, at once when it is on screen already;
 * turning to another page forgets it.
 */
void
vt_region_request_ask (VtRegionRequest *self,
                       const char      *canvas_id,
                       double           x,
                       double           y,
                       double           width,
                       double           height)
{
  VtPage *page;
  VtCanvas *canvas;

  g_return_if_fail (VT_IS_REGION_REQUEST (self));
  g_return_if_fail (canvas_id != NULL);

  drop (self);
  if (!(width > 0) || !(height > 0))
    return;
  self->region[0] = x;
  self->region[1] = y;
  self->region[2] = width;
  self->region[3] = height;
  self->percent = FALSE;
  self->canvas_id = g_strdup (canvas_id);
  self->pending = TRUE;

  page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  canvas = page ? vt_page_get_canvas (page) : NULL;
  if (canvas != NULL && g_strcmp0 (canvas->id, canvas_id) == 0)
    {
      self->page = g_object_ref (page);
      vt_region_request_show (self);
    }
}

/**
 * vt_region_request_set_viewing:
 * @viewing: (nullable): the object on screen
 *
 * Takes the region @viewing's link asks for, and again whenever its
 * target changes.
 */
void
vt_region_request_set_viewing (VtRegionRequest *self,
                               VtViewing       *viewing)
{
  g_return_if_fail (VT_IS_REGION_REQUEST (self));
  g_return_if_fail (!viewing || VT_IS_VIEWING (viewing));

  g_set_object (&self->viewing, viewing);
  g_signal_group_set_target (self->viewing_signals, viewing);
  take (self);
}

/**
 * vt_region_request_set_spread:
 * @spread: (nullable): the spread the view shows the page in, or %NULL
 *   when it shows the page's image alone
 *
 * Call when the view starts or stops showing a spread; shows the region
 * when it is waiting for it.
 */
void
vt_region_request_set_spread (VtRegionRequest *self,
                              VtSpread        *spread)
{
  g_return_if_fail (VT_IS_REGION_REQUEST (self));
  g_return_if_fail (!spread || VT_IS_SPREAD (spread));

  if (g_set_object (&self->spread, spread) && spread != NULL)
    vt_region_request_show (self);
}

static void
vt_region_request_dispose (GObject *object)
{
  VtRegionRequest *self = VT_REGION_REQUEST (object);

  if (self->viewing_signals != NULL)
    g_signal_group_set_target (self->viewing_signals, NULL);
  g_clear_object (&self->viewing_signals);
  drop (self);
  g_clear_object (&self->spread);
  g_clear_object (&self->viewing);
  g_clear_object (&self->image_view);

  G_OBJECT_CLASS (vt_region_request_parent_class)->dispose (object);
}

static void
vt_region_request_class_init (VtRegionRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_region_request_dispose;
}

static void
vt_region_request_init (VtRegionRequest *self)
{
  self->viewing_signals = g_signal_group_new (VT_TYPE_VIEWING);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::target",
                                  G_CALLBACK (take), self);
}

/**
 * vt_region_request_new:
 * @image_view: the view to show the region in
 */
VtRegionRequest *
vt_region_request_new (VtImageView *image_view)
{
  VtRegionRequest *self;
  VtViewport *viewport;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_REGION_REQUEST, NULL);
  self->image_view = g_object_ref (image_view);
  viewport = vt_image_view_get_viewport (image_view);
  g_signal_connect_object (viewport, "notify::width",
                           G_CALLBACK (vt_region_request_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::height",
                           G_CALLBACK (vt_region_request_show), self, G_CONNECT_SWAPPED);

  return self;
}
