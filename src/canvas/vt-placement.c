/* vt-placement.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

/**
 * vt_placement_derive_viewport:
 * @out: an unconstrained viewport (vt_viewport_set_constrained())
 *
 * Sets @out to what @scene shows, in the source's pixels: the same
 * widget, the zoom times the placement's scale, the scene's turn plus the
 * placement's, and the source point under the scene's centre at the
 * centre. A source drawn with @out then lands on its placement in @scene.
 */
void
vt_placement_derive_viewport (const VtPlacement *self,
                              double             source_width,
                              double             source_height,
                              VtViewport        *scene,
                              VtViewport        *out)
{
  graphene_rect_t shown;
  double tw, s, u, v, a, b, rw, rh;

  get_shown (self, source_width, source_height, &shown, &tw);
  if (tw <= 0 || self->rect.size.width <= 0)
    return;
  s = self->rect.size.width / tw;
  rw = shown.size.width;
  rh = shown.size.height;

  u = (vt_viewport_get_center_x (scene) - self->rect.origin.x) / s;
  v = (vt_viewport_get_center_y (scene) - self->rect.origin.y) / s;
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

  if (vt_viewport_get_image_width (out) != source_width ||
      vt_viewport_get_image_height (out) != source_height)
    vt_viewport_set_image_size (out, source_width, source_height);
  vt_viewport_set_size (out, vt_viewport_get_width (scene), vt_viewport_get_height (scene));
  vt_viewport_set_rotation (out, (vt_viewport_get_rotation (scene) + self->turn) % 360);
  vt_viewport_set_zoom (out, vt_viewport_get_zoom (scene) * s);
  vt_viewport_set_center (out, shown.origin.x + a, shown.origin.y + b);
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
