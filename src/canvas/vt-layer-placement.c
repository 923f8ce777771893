/* vt-layer-placement.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-layer-placement"

#include "config.h"

#include <math.h>

#include "vt-layer-placement.h"
#include "vt-placement.h"
#include "vt-tile-grid.h"

/* Where a VtTileLayer lies in a scene, and the viewports it plans and
 * draws with. An unplaced layer (a single image) uses the scene's
 * viewport, and the animation's destination, as they are. A placed one
 * (several images on one IIIF canvas, or several canvases in one view)
 * lies at a rectangle of the scene, maybe cropped and turned: it follows
 * the scene through viewports of its own, derived from the scene's, in
 * its source's pixels (unconstrained, so the image may be anywhere in
 * them), so that its level follows the zoom times its placement's scale.
 *
 * The layer keeps the tiles; this keeps the geometry (VtPlacement does
 * the maths). Each setter says whether anything changed, for the layer to
 * plan and redraw. */

struct _VtLayerPlacement
{
  GObject parent_instance;

  VtViewport *scene;        /* the view's viewport, followed */
  VtViewport *scene_plan;   /* the animation's destination, or NULL */
  VtViewport *viewport;     /* planned and drawn with: the scene's, or derived */
  VtViewport *plan;         /* likewise for the destination, or NULL */
  VtViewport *own_plan;     /* the derived destination, kept for reuse */

  gboolean placed;
  VtPlacement placement;
  graphene_point_t origin;  /* of the derived viewport's widget in the scene's */
};

G_DEFINE_FINAL_TYPE (VtLayerPlacement, vt_layer_placement, G_TYPE_OBJECT)

static void
derive_viewport (VtLayerPlacement *self,
                 VtTileSource     *source,
                 VtViewport       *scene,
                 VtViewport       *out,
                 graphene_point_t *origin)
{
  vt_placement_derive_viewport (&self->placement, vt_tile_source_get_image_width (source),
                                vt_tile_source_get_image_height (source), scene, out, origin);
}

static VtViewport *
new_derived_viewport (void)
{
  VtViewport *viewport = vt_viewport_new ();

  vt_viewport_set_constrained (viewport, FALSE);
  return viewport;
}

static void
vt_layer_placement_dispose (GObject *object)
{
  VtLayerPlacement *self = VT_LAYER_PLACEMENT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->scene_plan);
  g_clear_object (&self->own_plan);
  g_clear_object (&self->viewport);
  g_clear_object (&self->scene);

  G_OBJECT_CLASS (vt_layer_placement_parent_class)->dispose (object);
}

static void
vt_layer_placement_class_init (VtLayerPlacementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_layer_placement_dispose;
}

static void
vt_layer_placement_init (VtLayerPlacement *self)
{
}

/**
 * vt_layer_placement_new:
 * @scene: (nullable): the scene's viewport; a new one if %NULL
 *
 * Returns: (transfer full): an unplaced layer's placement
 */
VtLayerPlacement *
vt_layer_placement_new (VtViewport *scene)
{
  VtLayerPlacement *self;

  g_return_val_if_fail (scene == NULL || VT_IS_VIEWPORT (scene), NULL);

  self = g_object_new (VT_TYPE_LAYER_PLACEMENT, NULL);
  self->scene = scene ? g_object_ref (scene) : vt_viewport_new ();
  self->viewport = g_object_ref (self->scene);
  return self;
}

/* Returns: (transfer none): the scene's viewport */
VtViewport *
vt_layer_placement_get_scene (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), NULL);
  return self->scene;
}

/* Returns: (transfer none): the viewport the layer plans and draws with */
VtViewport *
vt_layer_placement_get_viewport (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), NULL);
  return self->viewport;
}

/* Returns: (transfer none) (nullable): the destination the layer loads
 * for during an animation */
VtViewport *
vt_layer_placement_get_plan (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), NULL);
  return self->plan;
}

/* Where the viewport's widget lies in the scene's (placed layers). */
const graphene_point_t *
vt_layer_placement_get_origin (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), NULL);
  return &self->origin;
}

/**
 * vt_layer_placement_sync:
 * @source: (nullable): the layer's source
 *
 * Brings the layer's own viewports up to the scene's.
 */
void
vt_layer_placement_sync (VtLayerPlacement *self,
                         VtTileSource     *source)
{
  g_return_if_fail (VT_IS_LAYER_PLACEMENT (self));

  if (!self->placed)
    return;
  if (source != NULL)
    derive_viewport (self, source, self->scene, self->viewport, &self->origin);
  if (self->scene_plan != NULL && source != NULL)
    {
      if (self->own_plan == NULL)
        self->own_plan = new_derived_viewport ();
      derive_viewport (self, source, self->scene_plan, self->own_plan, NULL);
      g_set_object (&self->plan, self->own_plan);
    }
  else
    g_clear_object (&self->plan);
}

/**
 * vt_layer_placement_set_scene_plan:
 * @plan: (nullable): where the scene's animation is going
 * @source: (nullable): the layer's source
 *
 * Returns: whether the plan changed
 */
gboolean
vt_layer_placement_set_scene_plan (VtLayerPlacement *self,
                                   VtViewport       *plan,
                                   VtTileSource     *source)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  if (!g_set_object (&self->scene_plan, plan))
    return FALSE;
  if (self->placed)
    vt_layer_placement_sync (self, source);
  else
    g_set_object (&self->plan, plan);
  return TRUE;
}

/* Whether the layer is placed and, if so, its rectangle is in (or the
 * animation goes to) the scene's view. */
gboolean
vt_layer_placement_in_view (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  if (!self->placed)
    return TRUE;
  return vt_placement_in_view (&self->placement, self->scene) ||
         (self->scene_plan != NULL && vt_placement_in_view (&self->placement, self->scene_plan));
}

/* The tiles of @source a sharp view of the scene's @viewport needs, in
 * the order to ask. */
void
vt_layer_placement_get_minimal_set (VtLayerPlacement *self,
                                    VtTileSource     *source,
                                    VtViewport       *viewport,
                                    int               scale_factor,
                                    GArray           *keys)
{
  g_return_if_fail (VT_IS_LAYER_PLACEMENT (self));
  g_return_if_fail (VT_IS_TILE_SOURCE (source));

  if (self->placed)
    {
      g_autoptr (VtViewport) derived = new_derived_viewport ();

      derive_viewport (self, source, viewport, derived, NULL);
      vt_tile_grid_get_minimal_set (source, derived, scale_factor, keys);
      return;
    }
  vt_tile_grid_get_minimal_set (source, viewport, scale_factor, keys);
}

/**
 * vt_layer_placement_set_rect:
 * @rect: (nullable): where the source (its crop, turned) lies, in scene
 *   coordinates; %NULL: the source is the scene (a single image)
 *
 * Returns: whether anything changed
 */
gboolean
vt_layer_placement_set_rect (VtLayerPlacement      *self,
                             const graphene_rect_t *rect)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  if (rect == NULL)
    {
      if (!self->placed)
        return FALSE;
      self->placed = FALSE;
      g_set_object (&self->viewport, self->scene);
      g_set_object (&self->plan, self->scene_plan);
    }
  else
    {
      if (self->placed && graphene_rect_equal (&self->placement.rect, rect))
        return FALSE;
      if (!self->placed)
        {
          g_autoptr (VtViewport) derived = new_derived_viewport ();

          g_set_object (&self->viewport, derived);
          g_clear_object (&self->plan);
        }
      self->placed = TRUE;
      graphene_rect_normalize_r (rect, &self->placement.rect);
    }
  return TRUE;
}

/**
 * vt_layer_placement_get_rect:
 * @rect: (out) (optional): where the layer lies in the scene
 *
 * Returns: whether the layer is placed
 */
gboolean
vt_layer_placement_get_rect (VtLayerPlacement *self,
                             graphene_rect_t  *rect)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  if (rect != NULL && self->placed)
    *rect = self->placement.rect;
  return self->placed;
}

gboolean
vt_layer_placement_is_placed (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);
  return self->placed;
}

/**
 * vt_layer_placement_set_crop:
 * @region: (nullable): the part of the source to show, in its full-size
 *   pixels; %NULL (or empty) for all of it
 *
 * Returns: whether the crop changed
 */
gboolean
vt_layer_placement_set_crop (VtLayerPlacement      *self,
                             const graphene_rect_t *region)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  if (region == NULL || region->size.width <= 0 || region->size.height <= 0)
    {
      if (!self->placement.cropped)
        return FALSE;
      self->placement.cropped = FALSE;
    }
  else
    {
      if (self->placement.cropped && graphene_rect_equal (&self->placement.crop, region))
        return FALSE;
      self->placement.cropped = TRUE;
      self->placement.crop = *region;
    }
  return TRUE;
}

/**
 * vt_layer_placement_set_turn:
 * @degrees: a clockwise turn of the (cropped) source, rounded to quarter
 *   turns
 *
 * Returns: whether the turn changed
 */
gboolean
vt_layer_placement_set_turn (VtLayerPlacement *self,
                             guint             degrees)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), FALSE);

  degrees = ((degrees % 360 + 45) / 90 * 90) % 360;
  if (self->placement.turn == degrees)
    return FALSE;
  self->placement.turn = degrees;
  return TRUE;
}

guint
vt_layer_placement_get_turn (VtLayerPlacement *self)
{
  g_return_val_if_fail (VT_IS_LAYER_PLACEMENT (self), 0);
  return self->placement.turn;
}

/**
 * vt_layer_placement_get_widget_bounds:
 * @bounds: (out): where the placement is drawn, in the scene's widget
 *   coordinates (the whole image for an unplaced layer)
 */
void
vt_layer_placement_get_widget_bounds (VtLayerPlacement *self,
                                      graphene_rect_t  *bounds)
{
  graphene_rect_t r;
  double ax, ay, bx, by;

  g_return_if_fail (VT_IS_LAYER_PLACEMENT (self));

  if (self->placed)
    r = self->placement.rect;
  else
    graphene_rect_init (&r, 0, 0, vt_viewport_get_image_width (self->scene),
                        vt_viewport_get_image_height (self->scene));
  vt_viewport_image_to_widget (self->scene, r.origin.x, r.origin.y, &ax, &ay);
  vt_viewport_image_to_widget (self->scene, r.origin.x + r.size.width,
                               r.origin.y + r.size.height, &bx, &by);
  graphene_rect_init (bounds, MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay));
}
