/* vt-viewport.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-viewport"

#include "config.h"

#include <math.h>

#include "vt-viewport.h"

/* The viewport is a pure model, in the manner of ShumateViewport: where the
 * image sits in a widget of a given size. It knows nothing of tiles or GTK,
 * so every rule (clamping, fit, zooming about a point) is unit-testable.
 *
 * Widget coordinates are logical pixels with (0, 0) at the top-left corner.
 * Image coordinates are full-resolution image pixels. The image point
 * (center_x, center_y) is drawn at the widget's centre, scaled by zoom and
 * turned clockwise by rotation degrees.
 */

struct _VtViewport
{
  GObject parent_instance;

  double image_width;
  double image_height;
  double width;
  double height;
  double zoom;
  double max_zoom;
  double min_zoom_factor;
  double center_x;
  double center_y;
  guint rotation;
  gboolean fitted;
  gboolean unconstrained;
};

G_DEFINE_FINAL_TYPE (VtViewport, vt_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IMAGE_WIDTH,
  PROP_IMAGE_HEIGHT,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_ZOOM,
  PROP_MIN_ZOOM,
  PROP_MAX_ZOOM,
  PROP_CENTER_X,
  PROP_CENTER_Y,
  PROP_ROTATION,
  PROP_FITTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  double zoom;
  double min_zoom;
  double center_x;
  double center_y;
  guint rotation;
  gboolean fitted;
} State;

static void
save_state (VtViewport *self,
            State      *state)
{
  state->zoom = self->zoom;
  state->min_zoom = vt_viewport_get_min_zoom (self);
  state->center_x = self->center_x;
  state->center_y = self->center_y;
  state->rotation = self->rotation;
  state->fitted = self->fitted;
}

static void
notify_changes (VtViewport  *self,
                const State *old)
{
  if (old->zoom != self->zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (old->min_zoom != vt_viewport_get_min_zoom (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_ZOOM]);
  if (old->center_x != self->center_x)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_X]);
  if (old->center_y != self->center_y)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_Y]);
  if (old->rotation != self->rotation)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
  if (old->fitted != self->fitted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FITTED]);
}

static gboolean
is_sideways (VtViewport *self)
{
  return self->rotation == 90 || self->rotation == 270;
}

/* The image's extent along the widget's x and y axes, in image pixels. */
static void
rotated_image_size (VtViewport *self,
                    double     *w,
                    double     *h)
{
  *w = is_sideways (self) ? self->image_height : self->image_width;
  *h = is_sideways (self) ? self->image_width : self->image_height;
}

static gboolean
has_geometry (VtViewport *self)
{
  return self->image_width > 0 && self->image_height > 0 &&
         self->width > 0 && self->height > 0;
}

/* Keep the zoom in range and the image in view: an axis on which the image
 * is smaller than the widget is centred; on the others no empty band shows
 * beyond the image's edge. */
static void
normalize (VtViewport *self)
{
  double half_x, half_y;

  /* A layer's view of its own image in a scene: whatever the scene's
   * viewport says, even far outside the image. */
  if (self->unconstrained)
    return;

  if (!has_geometry (self))
    {
      self->center_x = self->image_width / 2;
      self->center_y = self->image_height / 2;
      return;
    }

  if (self->fitted)
    self->zoom = vt_viewport_get_fit_zoom (self);
  self->zoom = CLAMP (self->zoom, vt_viewport_get_min_zoom (self), vt_viewport_get_max_zoom (self));

  /* Half the view, in image pixels along the image's own axes. */
  half_x = (is_sideways (self) ? self->height : self->width) / (2 * self->zoom);
  half_y = (is_sideways (self) ? self->width : self->height) / (2 * self->zoom);

  if (self->fitted || 2 * half_x >= self->image_width)
    self->center_x = self->image_width / 2;
  else
    self->center_x = CLAMP (self->center_x, half_x, self->image_width - half_x);

  if (self->fitted || 2 * half_y >= self->image_height)
    self->center_y = self->image_height / 2;
  else
    self->center_y = CLAMP (self->center_y, half_y, self->image_height - half_y);
}

static void
vt_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VtViewport *self = VT_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_IMAGE_WIDTH:
      g_value_set_double (value, self->image_width);
      break;
    case PROP_IMAGE_HEIGHT:
      g_value_set_double (value, self->image_height);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_MIN_ZOOM:
      g_value_set_double (value, vt_viewport_get_min_zoom (self));
      break;
    case PROP_MAX_ZOOM:
      g_value_set_double (value, vt_viewport_get_max_zoom (self));
      break;
    case PROP_CENTER_X:
      g_value_set_double (value, self->center_x);
      break;
    case PROP_CENTER_Y:
      g_value_set_double (value, self->center_y);
      break;
    case PROP_ROTATION:
      g_value_set_uint (value, self->rotation);
      break;
    case PROP_FITTED:
      g_value_set_boolean (value, self->fitted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_viewport_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VtViewport *self = VT_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      vt_viewport_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_MAX_ZOOM:
      vt_viewport_set_max_zoom (self, g_value_get_double (value));
      break;
    case PROP_ROTATION:
      vt_viewport_set_rotation (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_viewport_class_init (VtViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = vt_viewport_get_property;
  object_class->set_property = vt_viewport_set_property;

  properties[PROP_IMAGE_WIDTH] = g_param_spec_double ("image-width", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_IMAGE_HEIGHT] = g_param_spec_double ("image-height", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_HEIGHT] = g_param_spec_double ("height", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0, G_MAXDOUBLE, 1, rw);
  properties[PROP_MIN_ZOOM] = g_param_spec_double ("min-zoom", NULL, NULL, 0, G_MAXDOUBLE, 1, ro);
  properties[PROP_MAX_ZOOM] = g_param_spec_double ("max-zoom", NULL, NULL, 0, G_MAXDOUBLE,
                                                   VT_VIEWPORT_DEFAULT_MAX_ZOOM, rw);
  properties[PROP_CENTER_X] = g_param_spec_double ("center-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_CENTER_Y] = g_param_spec_double ("center-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_ROTATION] = g_param_spec_uint ("rotation", NULL, NULL, 0, 270, 0, rw);
  properties[PROP_FITTED] = g_param_spec_boolean ("fitted", NULL, NULL, TRUE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_viewport_init (VtViewport *self)
{
  self->zoom = 1.0;
  self->max_zoom = VT_VIEWPORT_DEFAULT_MAX_ZOOM;
  self->min_zoom_factor = 1.0;
  self->fitted = TRUE;
}

VtViewport *
vt_viewport_new (void)
{
  return g_object_new (VT_TYPE_VIEWPORT, NULL);
}

/**
 * vt_viewport_copy:
 *
 * Returns: (transfer full): a detached viewport with the same state, used to
 *   plan what an animation's destination needs.
 */
VtViewport *
vt_viewport_copy (VtViewport *self)
{
  VtViewport *copy;

  g_return_val_if_fail (VT_IS_VIEWPORT (self), NULL);

  copy = vt_viewport_new ();
  copy->image_width = self->image_width;
  copy->image_height = self->image_height;
  copy->width = self->width;
  copy->height = self->height;
  copy->zoom = self->zoom;
  copy->max_zoom = self->max_zoom;
  copy->min_zoom_factor = self->min_zoom_factor;
  copy->center_x = self->center_x;
  copy->center_y = self->center_y;
  copy->rotation = self->rotation;
  copy->fitted = self->fitted;
  copy->unconstrained = self->unconstrained;
  return copy;
}

/**
 * vt_viewport_set_constrained:
 * @constrained: %FALSE to leave zoom and centre as they are set
 *
 * A viewport is constrained by default: its zoom stays between the fit and
 * the maximum, and the image stays in view. A tile layer placed in a scene
 * plans with an unconstrained one, derived from the scene's, in which its
 * image may be anywhere (or out of view) at any zoom.
 */
void
vt_viewport_set_constrained (VtViewport *self,
                             gboolean    constrained)
{
  g_return_if_fail (VT_IS_VIEWPORT (self));

  self->unconstrained = !constrained;
  normalize (self);
}

/* A new image starts fitted, like a freshly opened viewer. */
void
vt_viewport_set_image_size (VtViewport *self,
                            double      width,
                            double      height)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  save_state (self, &old);
  g_object_freeze_notify (G_OBJECT (self));
  self->image_width = MAX (width, 0);
  self->image_height = MAX (height, 0);
  self->fitted = TRUE;
  normalize (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_WIDTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_HEIGHT]);
  notify_changes (self, &old);
  g_object_thaw_notify (G_OBJECT (self));
}

double
vt_viewport_get_image_width (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->image_width;
}

double
vt_viewport_get_image_height (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->image_height;
}

/* While fitted the image follows the widget's size; otherwise the image
 * point at the centre stays at the centre. */
void
vt_viewport_set_size (VtViewport *self,
                      double      width,
                      double      height)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  if (self->width == width && self->height == height)
    return;

  save_state (self, &old);
  g_object_freeze_notify (G_OBJECT (self));
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  normalize (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
  notify_changes (self, &old);
  g_object_thaw_notify (G_OBJECT (self));
}

double
vt_viewport_get_width (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->width;
}

double
vt_viewport_get_height (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->height;
}

double
vt_viewport_get_zoom (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 1);
  return self->zoom;
}

/**
 * vt_viewport_get_fit_zoom:
 *
 * Returns: the zoom at which the whole (rotated) image fits the widget,
 *   never more than the maximum zoom so a small image is not blown up.
 */
double
vt_viewport_get_fit_zoom (VtViewport *self)
{
  double w, h;

  g_return_val_if_fail (VT_IS_VIEWPORT (self), 1);

  if (!has_geometry (self))
    return 1.0;

  rotated_image_size (self, &w, &h);
  return MIN (MIN (self->width / w, self->height / h), self->max_zoom);
}

double
vt_viewport_get_min_zoom (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 1);
  return vt_viewport_get_fit_zoom (self) * self->min_zoom_factor;
}

/**
 * vt_viewport_set_min_zoom_factor:
 * @factor: how far below the fit zoom the view may go, in (0, 1]
 *
 * A lone image never gets smaller than the widget; beside another one at
 * true scale it must, when the other object is larger.
 */
void
vt_viewport_set_min_zoom_factor (VtViewport *self,
                                 double      factor)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  factor = CLAMP (factor, 1e-3, 1.0);
  if (factor == self->min_zoom_factor)
    return;

  save_state (self, &old);
  self->min_zoom_factor = factor;
  normalize (self);
  notify_changes (self, &old);
}

double
vt_viewport_get_max_zoom (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 1);
  return self->max_zoom;
}

void
vt_viewport_set_max_zoom (VtViewport *self,
                          double      max_zoom)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));
  g_return_if_fail (max_zoom > 0);

  if (self->max_zoom == max_zoom)
    return;

  save_state (self, &old);
  g_object_freeze_notify (G_OBJECT (self));
  self->max_zoom = max_zoom;
  normalize (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ZOOM]);
  notify_changes (self, &old);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Any explicit zoom ends fit mode, even one that lands on the fit zoom:
 * the user chose it. */
void
vt_viewport_set_zoom (VtViewport *self,
                      double      zoom)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  if (!(zoom > 0) || !isfinite (zoom))
    return;

  save_state (self, &old);
  self->fitted = FALSE;
  self->zoom = zoom;
  normalize (self);
  notify_changes (self, &old);
}

double
vt_viewport_get_center_x (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->center_x;
}

double
vt_viewport_get_center_y (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->center_y;
}

void
vt_viewport_set_center (VtViewport *self,
                        double      x,
                        double      y)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  if (!isfinite (x) || !isfinite (y))
    return;

  save_state (self, &old);
  /* Panning a fitted image changes nothing, so it keeps following resizes. */
  self->center_x = x;
  self->center_y = y;
  normalize (self);
  notify_changes (self, &old);
}

guint
vt_viewport_get_rotation (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), 0);
  return self->rotation;
}

/* Only quarter turns: every tile edge stays on the device pixel grid. */
void
vt_viewport_set_rotation (VtViewport *self,
                          guint       degrees)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  degrees = ((degrees + 45) / 90 * 90) % 360;
  if (degrees == self->rotation)
    return;

  save_state (self, &old);
  self->rotation = degrees;
  normalize (self);
  notify_changes (self, &old);
}

void
vt_viewport_rotate (VtViewport *self,
                    int         quarter_turns)
{
  int r;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  r = ((int) self->rotation / 90 + quarter_turns) % 4;
  if (r < 0)
    r += 4;
  vt_viewport_set_rotation (self, (guint) r * 90);
}

gboolean
vt_viewport_get_fitted (VtViewport *self)
{
  g_return_val_if_fail (VT_IS_VIEWPORT (self), FALSE);
  return self->fitted;
}

void
vt_viewport_fit (VtViewport *self)
{
  State old;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  save_state (self, &old);
  self->fitted = TRUE;
  normalize (self);
  notify_changes (self, &old);
}

/**
 * vt_viewport_zoom_at:
 * @zoom: the new zoom
 * @widget_x: (in): a widget point whose image point must stay under it
 *
 * Zooms keeping the image point under (@widget_x, @widget_y) in place, as
 * the wheel and pinch do. Clamping may move it when the image edge is hit.
 */
void
vt_viewport_zoom_at (VtViewport *self,
                     double      zoom,
                     double      widget_x,
                     double      widget_y)
{
  State old;
  double ix, iy, cx, cy;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  if (!(zoom > 0) || !isfinite (zoom) || !has_geometry (self))
    return;

  save_state (self, &old);
  vt_viewport_widget_to_image (self, widget_x, widget_y, &ix, &iy);
  self->fitted = FALSE;
  self->zoom = CLAMP (zoom, vt_viewport_get_min_zoom (self), vt_viewport_get_max_zoom (self));
  /* Where the image point would land now, then shift the centre back. */
  self->center_x = ix;
  self->center_y = iy;
  vt_viewport_image_to_widget (self, ix, iy, &cx, &cy);
  vt_viewport_widget_to_image (self,
                               self->width / 2 + (cx - widget_x),
                               self->height / 2 + (cy - widget_y),
                               &self->center_x, &self->center_y);
  normalize (self);
  notify_changes (self, &old);
}

/* Moves the image by (@dx, @dy) widget pixels, as a drag does. */
void
vt_viewport_pan (VtViewport *self,
                 double      dx,
                 double      dy)
{
  double x, y;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  vt_viewport_widget_to_image (self, self->width / 2 - dx, self->height / 2 - dy, &x, &y);
  vt_viewport_set_center (self, x, y);
}

void
vt_viewport_widget_to_image (VtViewport *self,
                             double      wx,
                             double      wy,
                             double     *ix,
                             double     *iy)
{
  double dx, dy, rx, ry;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  dx = (wx - self->width / 2) / self->zoom;
  dy = (wy - self->height / 2) / self->zoom;

  /* Undo a clockwise turn. */
  switch (self->rotation)
    {
    case 90:
      rx = dy;
      ry = -dx;
      break;
    case 180:
      rx = -dx;
      ry = -dy;
      break;
    case 270:
      rx = -dy;
      ry = dx;
      break;
    default:
      rx = dx;
      ry = dy;
      break;
    }

  *ix = self->center_x + rx;
  *iy = self->center_y + ry;
}

void
vt_viewport_image_to_widget (VtViewport *self,
                             double      ix,
                             double      iy,
                             double     *wx,
                             double     *wy)
{
  double dx, dy, rx, ry;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  dx = ix - self->center_x;
  dy = iy - self->center_y;

  /* A clockwise turn in a y-down frame: (x, y) → (−y, x). */
  switch (self->rotation)
    {
    case 90:
      rx = -dy;
      ry = dx;
      break;
    case 180:
      rx = -dx;
      ry = -dy;
      break;
    case 270:
      rx = dy;
      ry = -dx;
      break;
    default:
      rx = dx;
      ry = dy;
      break;
    }

  *wx = self->width / 2 + rx * self->zoom;
  *wy = self->height / 2 + ry * self->zoom;
}

/**
 * vt_viewport_get_visible_rect:
 *
 * The part of the image plane the widget shows, in image pixels (not
 * clipped to the image).
 */
void
vt_viewport_get_visible_rect (VtViewport *self,
                              double     *x,
                              double     *y,
                              double     *width,
                              double     *height)
{
  double x0, y0, x1, y1;

  g_return_if_fail (VT_IS_VIEWPORT (self));

  vt_viewport_widget_to_image (self, 0, 0, &x0, &y0);
  vt_viewport_widget_to_image (self, self->width, self->height, &x1, &y1);
  *x = MIN (x0, x1);
  *y = MIN (y0, y1);
  *width = fabs (x1 - x0);
  *height = fabs (y1 - y0);
}
