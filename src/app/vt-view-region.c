/* vt-view-region.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-view-region"

#include "config.h"

#include "vt-view-region.h"

/* A region of a canvas, as a IIIF Content State writes it (`xywh` in the
 * canvas' own pixels), and the view of the canvas' image: what of the
 * canvas is in view, and a view that fills itself with a region. Any
 * pane that shows a page can use these (the canvas pane, and the panes
 * of a comparison). */

/* The scale from canvas to image pixels: an image painted on a canvas
 * fills it, whatever their sizes. */
static gboolean
canvas_scale (VtImageView *view,
              VtPage      *page,
              double      *sx,
              double      *sy)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  double iw = vt_viewport_get_image_width (viewport);
  double ih = vt_viewport_get_image_height (viewport);

  if (page == NULL || iw <= 0 || ih <= 0 || vt_image_view_get_source (view) != vt_page_get_source (page))
    return FALSE;

  *sx = canvas != NULL && canvas->width > 0 ? iw / canvas->width : 1;
  *sy = canvas != NULL && canvas->height > 0 ? ih / canvas->height : 1;
  return TRUE;
}

/**
 * vt_view_region_get_pixel_scale:
 * @page: (nullable): the page shown
 *
 * How many of the image's own pixels one unit of the view holds. An image
 * service is shown in its own pixels; a plain image is drawn stretched
 * over its canvas (see vt-page.c), which may be larger or smaller than
 * the image (cookbook 0004: a 640 × 360 still on a 1920 × 1080 canvas):
 * "100 %" and "Original Size" must still put one image pixel on one
 * device pixel, not one canvas unit.
 *
 * Returns: image pixels per view unit; 1 when @page's image is not what
 *   the view shows, or its size is not stated
 */
double
vt_view_region_get_pixel_scale (VtImageView *view,
                                VtPage      *page)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtContentResource *image = canvas ? vt_canvas_get_image (canvas) : NULL;
  double iw = vt_viewport_get_image_width (viewport);

  if (image == NULL || image->width <= 0 || iw <= 0 ||
      vt_image_view_get_source (view) == NULL ||
      vt_image_view_get_source (view) != vt_page_get_source (page) ||
      vt_canvas_get_image_service (canvas) != NULL)
    return 1.0;
  return image->width / iw;
}

/**
 * vt_view_region_get_visible:
 * @view: the view showing @page's image
 * @page: (nullable): the page shown
 * @x: (out): left, in canvas pixels
 * @y: (out): top
 * @width: (out): width
 * @height: (out): height
 *
 * What of the canvas is in view, in the canvas' own coordinates, cut to
 * the canvas.
 *
 * Returns: %FALSE when @view shows no image of @page, or has no size
 */
gboolean
vt_view_region_get_visible (VtImageView *view,
                            VtPage      *page,
                            double      *x,
                            double      *y,
                            double      *width,
                            double      *height)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  double sx, sy, x0, y0, w, h, iw, ih;

  if (vt_viewport_get_width (viewport) <= 0 || !canvas_scale (view, page, &sx, &sy))
    return FALSE;

  iw = vt_viewport_get_image_width (viewport);
  ih = vt_viewport_get_image_height (viewport);
  vt_viewport_get_visible_rect (viewport, &x0, &y0, &w, &h);
  w = CLAMP (x0 + w, 0, iw) - CLAMP (x0, 0, iw);
  h = CLAMP (y0 + h, 0, ih) - CLAMP (y0, 0, ih);
  x0 = CLAMP (x0, 0, iw);
  y0 = CLAMP (y0, 0, ih);
  if (w <= 0 || h <= 0)
    return FALSE;

  *x = x0 / sx;
  *y = y0 / sy;
  *width = w / sx;
  *height = h / sy;
  return TRUE;
}

/* Fills the view with a region of a canvas @cw × @ch, whose pixel
 * (0, 0) lies at (@ox, @oy) of the view's image or scene, @sx × @sy of
 * its units to a canvas pixel. */
static gboolean
show_mapped (VtImageView *view,
             double       ox,
             double       oy,
             double       sx,
             double       sy,
             double       cw,
             double       ch,
             double       x,
             double       y,
             double       width,
             double       height,
             gboolean     percent)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  double vw = vt_viewport_get_width (viewport);
  double vh = vt_viewport_get_height (viewport);
  guint rotation = vt_viewport_get_rotation (viewport);

  if (vw <= 0 || vh <= 0)
    return FALSE;

  if (percent)
    {
      x *= cw / 100;
      y *= ch / 100;
      width *= cw / 100;
      height *= ch / 100;
    }
  /* A region beyond the canvas shows what of it lies on the canvas. */
  width = MIN (x + width, cw) - MIN (x, cw);
  height = MIN (y + height, ch) - MIN (y, ch);
  x = MIN (x, cw);
  y = MIN (y, ch);
  if (!(width > 0) || !(height > 0))
    return FALSE;

  if (rotation == 90 || rotation == 270)
    {
      double t = vw;

      vw = vh;
      vh = t;
    }
  vt_viewport_set_zoom (viewport, MIN (vw / (width * sx), vh / (height * sy)));
  vt_viewport_set_center (viewport, ox + (x + width / 2) * sx, oy + (y + height / 2) * sy);
  return TRUE;
}

/**
 * vt_view_region_show:
 * @view: the view showing @page's image
 * @page: the page shown
 * @percent: whether the region is in per cent of the canvas' size
 *
 * Fills @view with a region of @page's canvas (as much as the zoom limits
 * allow), centred on it.
 *
 * Returns: %FALSE when it cannot be done yet (no image or no size) or at
 *   all (a region outside the canvas)
 */
gboolean
vt_view_region_show (VtImageView *view,
                     VtPage      *page,
                     double       x,
                     double       y,
                     double       width,
                     double       height,
                     gboolean     percent)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  double sx, sy;

  if (!canvas_scale (view, page, &sx, &sy))
    return FALSE;

  return show_mapped (view, 0, 0, sx, sy,
                      vt_viewport_get_image_width (viewport) / sx,
                      vt_viewport_get_image_height (viewport) / sy,
                      x, y, width, height, percent);
}

/**
 * vt_view_region_show_placed:
 * @placement: where @page's canvas lies in the view's scene (a spread)
 *
 * As vt_view_region_show(), for a canvas shown as part of a scene: the
 * region, in canvas pixels (or per cent), is mapped through @placement.
 *
 * Returns: %FALSE when it cannot be done yet (no view size) or at all
 */
gboolean
vt_view_region_show_placed (VtImageView           *view,
                            VtPage                *page,
                            const graphene_rect_t *placement,
                            double                 x,
                            double                 y,
                            double                 width,
                            double                 height,
                            gboolean               percent)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  double cw, ch;

  if (placement == NULL || placement->size.width <= 0 || placement->size.height <= 0 ||
      vt_viewport_get_image_width (viewport) <= 0 || vt_viewport_get_image_height (viewport) <= 0)
    return FALSE;

  /* A canvas of no size is as large as where it is placed. */
  cw = canvas != NULL && canvas->width > 0 ? canvas->width : placement->size.width;
  ch = canvas != NULL && canvas->height > 0 ? canvas->height : placement->size.height;
  return show_mapped (view, placement->origin.x, placement->origin.y,
                      placement->size.width / cw, placement->size.height / ch, cw, ch,
                      x, y, width, height, percent);
}
