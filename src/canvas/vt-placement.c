/* vt-placement.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "vt-placement.h"

/* The source rectangle shown (the crop, or the whole source) and its
 * width once turned. */
static void
get_shown (const VtPlacement *self,
           double             source_width,
           double             source_height,
           graphene_rect_t   *shown,
           double            *turned_w)
{
  if (self->cropped)
    *shown = self->crop;
  else
    graphene_rect_init (shown, 0, 0, source_width, source_height);
  *turned_w = self->turn % 180 != 0 ? shown->size.height : shown->size.width;
}

/* The source point that lies at the scene point (@x, @y). */
static void
scene_to_source (const VtPlacement     *self,
                 const graphene_rect_t *shown,
                 double                 s,
                 double                 x,
                 double                 y,
                 double                *sx,
                 double                *sy)
{
  double u = (x - self->rect.origin.x) / s, v = (y - self->rect.origin.y) / s;
  double rw = shown->size.width, rh = shown->size.height, a, b;

  /* Undo the clockwise turn of the crop (see vt_viewport_image_to_widget). */
  switch (self->turn)
    {
    case 90:
      a = v;
      b = rh - u;
      break;
    case 180:
      a = rw - u;
      b = rh - v;
      break;
    case 270:
      a = rw - v;
      b = u;
      break;
    default:
      a = u;
      b = v;
      break;
    }
  *sx = shown->origin.x + a;
  *sy = shown->origin.y + b;
}

/**
 * vt_placement_derive_viewport:
 * @out: an unconstrained viewport (vt_viewport_set_constrained())
 * @origin: (out) (optional): where @out's widget lies in @scene's widget
 *
 * Sets @out to the part of @scene's widget that the placement covers
 * (whole logical pixels; empty when out of view), seen in the source's
 * pixels: the zoom times the placement's scale, the scene's turn plus the
 * placement's. A source drawn with @out and moved by @origin lands on its
 * placement in @scene, and @out asks only for the tiles of the shown part
 * (of the crop) in view.
 */
void
vt_placement_derive_viewport (const VtPlacement *self,
                              double             source_width,
                              double             source_height,
                              VtViewport        *scene,
                              VtViewport        *out,
                              graphene_point_t  *origin)
{
  graphene_rect_t shown, bounds, window, part;
  double tw, s, ax, ay, bx, by, cx, cy, px, py;

  get_shown (self, source_width, source_height, &shown, &tw);
  if (tw <= 0 || self->rect.size.width <= 0)
    return;
  s = self->rect.size.width / tw;

  vt_viewport_image_to_widget (scene, self->rect.origin.x, self->rect.origin.y, &ax, &ay);
  vt_viewport_image_to_widget (scene, self->rect.origin.x + self->rect.size.width,
                               self->rect.origin.y + self->rect.size.height, &bx, &by);
  graphene_rect_init (&bounds, floor (MIN (ax, bx)), floor (MIN (ay, by)), 0, 0);
  bounds.size.width = ceil (MAX (ax, bx)) - bounds.origin.x;
  bounds.size.height = ceil (MAX (ay, by)) - bounds.origin.y;
  graphene_rect_init (&window, 0, 0, vt_viewport_get_width (scene), vt_viewport_get_height (scene));
  if (!graphene_rect_intersection (&bounds, &window, &part))
    graphene_rect_init (&part, 0, 0, 0, 0);

  vt_viewport_widget_to_image (scene, part.origin.x + part.size.width / 2,
                               part.origin.y + part.size.height / 2, &cx, &cy);
  scene_to_source (self, &shown, s, cx, cy, &px, &py);

  if (vt_viewport_get_image_width (out) != source_width ||
      vt_viewport_get_image_height (out) != source_height)
    vt_viewport_set_image_size (out, source_width, source_height);
  vt_viewport_set_size (out, part.size.width, part.size.height);
  vt_viewport_set_rotation (out, (vt_viewport_get_rotation (scene) + self->turn) % 360);
  vt_viewport_set_zoom (out, vt_viewport_get_zoom (scene) * s);
  vt_viewport_set_center (out, px, py);
  if (origin != NULL)
    *origin = part.origin;
}

/* Whether the placement meets what @scene shows. */
gboolean
vt_placement_in_view (const VtPlacement *self,
                      VtViewport        *scene)
{
  graphene_rect_t visible;
  double x, y, w, h;

  vt_viewport_get_visible_rect (scene, &x, &y, &w, &h);
  graphene_rect_init (&visible, x, y, w, h);
  return graphene_rect_intersection (&visible, &self->rect, NULL);
}
