/* vt-image-view-input.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-image-view"

#include "config.h"

#include <math.h>

#include "vt-image-view-private.h"

/* How VtImageView moves: zoom animations (200 ms, log-space), kinetic
 * panning, and the gestures and keys that drive them. The state and the
 * drawing are in vt-image-view.c, the tiles in VtTileLayer; whatever
 * changes the animation's destination or the deferring of loads calls
 * vt_image_view_queue_update(), which tells the layer. */

#define KINETIC_FRICTION    4.0   /* 1/s, as libshumate */
#define KINETIC_MIN_SPEED   20.0  /* px/s below which a fling stops */
#define DEFER_SPEED_FACTOR  2.0   /* viewport diagonals per second */
#define ZOOM_STEP           2.0   /* + and - keys, double click */
#define ZOOM_TO_RECT_FILL   0.9   /* a region zoomed to leaves a margin */
#define WHEEL_STEP          1.25  /* one wheel detent */
#define SMOOTH_SCROLL_RATE  0.01  /* ln zoom per px of touchpad scroll */
#define ARROW_PAN_PX        64.0

static void stop_animation (VtImageView *self);
static void stop_kinetic (VtImageView *self);

/* ------------------------------------------------------------------ */
/* Animation */

static double
ease_out_cubic (double t)
{
  double p = t - 1;
  return p * p * p + 1;
}

static gboolean
anim_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  double t, e, z, z1, cx, cy, cx1, cy1, k;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->anim_start_us == 0)
    self->anim_start_us = now;
  t = CLAMP ((now - self->anim_start_us) / (VT_IMAGE_VIEW_ANIMATION_MS * 1000.0), 0, 1);
  e = ease_out_cubic (t);

  z1 = vt_viewport_get_zoom (self->anim_target);
  cx1 = vt_viewport_get_center_x (self->anim_target);
  cy1 = vt_viewport_get_center_y (self->anim_target);

  /* Log-space zoom feels uniform; the centre moves affinely in 1 / zoom,
   * which keeps the anchor point of a zoom-at-pointer fixed on screen. */
  z = exp (log (self->anim_z0) + (log (z1) - log (self->anim_z0)) * e);
  if (fabs (1 / z1 - 1 / self->anim_z0) > 1e-12)
    k = (1 / z - 1 / self->anim_z0) / (1 / z1 - 1 / self->anim_z0);
  else
    k = e;
  cx = self->anim_cx0 + (cx1 - self->anim_cx0) * k;
  cy = self->anim_cy0 + (cy1 - self->anim_cy0) * k;

  if (t >= 1)
    {
      gboolean to_fit = self->anim_to_fit;

      self->anim_tick_id = 0;
      g_clear_object (&self->anim_target);
      if (to_fit)
        vt_viewport_fit (self->viewport);
      else
        {
          vt_viewport_set_zoom (self->viewport, z1);
          vt_viewport_set_center (self->viewport, cx1, cy1);
        }
      vt_image_view_queue_update (self);
      return G_SOURCE_REMOVE;
    }

  g_object_freeze_notify (G_OBJECT (self->viewport));
  vt_viewport_set_zoom (self->viewport, z);
  vt_viewport_set_center (self->viewport, cx, cy);
  g_object_thaw_notify (G_OBJECT (self->viewport));
  return G_SOURCE_CONTINUE;
}

static void
stop_animation (VtImageView *self)
{
  if (self->anim_tick_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->anim_tick_id);
  self->anim_tick_id = 0;
  if (self->anim_target != NULL)
    {
      g_clear_object (&self->anim_target);
      vt_image_view_queue_update (self);
    }
}

/* Takes ownership of @target, the viewport to reach. */
static void
animate_to (VtImageView *self,
            VtViewport  *target,
            gboolean     to_fit,
            gboolean     animate)
{
  stop_animation (self);
  stop_kinetic (self);

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      vt_viewport_get_zoom (target) <= 0)
    {
      if (to_fit)
        vt_viewport_fit (self->viewport);
      else
        {
          vt_viewport_set_zoom (self->viewport, vt_viewport_get_zoom (target));
          vt_viewport_set_center (self->viewport, vt_viewport_get_center_x (target),
                                  vt_viewport_get_center_y (target));
        }
      g_object_unref (target);
      vt_image_view_queue_update (self);
      return;
    }

  self->anim_target = target;
  self->anim_to_fit = to_fit;
  self->anim_z0 = vt_viewport_get_zoom (self->viewport);
  self->anim_cx0 = vt_viewport_get_center_x (self->viewport);
  self->anim_cy0 = vt_viewport_get_center_y (self->viewport);
  self->anim_start_us = 0;
  self->anim_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), anim_tick_cb, NULL, NULL);
  vt_image_view_queue_update (self);
}

static void
zoom_at_animated (VtImageView *self,
                  double       zoom,
                  double       wx,
                  double       wy,
                  gboolean     animate)
{
  VtViewport *target;

  /* A second press during an animation compounds on its destination. */
  target = vt_viewport_copy (self->anim_target ? self->anim_target : self->viewport);
  vt_viewport_zoom_at (target, zoom, wx, wy);
  animate_to (self, target, FALSE, animate);
}

static double
current_target_zoom (VtImageView *self)
{
  return vt_viewport_get_zoom (self->anim_target ? self->anim_target : self->viewport);
}

/* ------------------------------------------------------------------ */
/* Kinetic panning */

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt, decay, speed, diag;
  gboolean was_deferring = self->deferring;

  if (self->kinetic_last_us == 0)
    self->kinetic_last_us = now;
  dt = (now - self->kinetic_last_us) / 1e6;
  self->kinetic_last_us = now;

  vt_viewport_pan (self->viewport, self->vel_x * dt, self->vel_y * dt);
  decay = exp (-KINETIC_FRICTION * dt);
  self->vel_x *= decay;
  self->vel_y *= decay;

  speed = hypot (self->vel_x, self->vel_y);
  diag = hypot (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  /* While flinging fast, load nothing: the view will be elsewhere before
   * the tiles arrive. */
  self->deferring = speed > DEFER_SPEED_FACTOR * diag;
  if (was_deferring != self->deferring)
    vt_image_view_queue_update (self);

  if (speed < KINETIC_MIN_SPEED)
    {
      self->kinetic_tick_id = 0;
      self->deferring = FALSE;
      vt_image_view_queue_update (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
stop_kinetic (VtImageView *self)
{
  if (self->kinetic_tick_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick_id);
  self->kinetic_tick_id = 0;
  if (self->deferring)
    {
      self->deferring = FALSE;
      vt_image_view_queue_update (self);
    }
}

/**
 * vt_image_view_fling:
 * @velocity_x: widget pixels per second
 *
 * Starts kinetic panning, as a swipe does.
 */
void
vt_image_view_fling (VtImageView *self,
                     double       velocity_x,
                     double       velocity_y)
{
  double diag;

  stop_kinetic (self);
  if (hypot (velocity_x, velocity_y) < KINETIC_MIN_SPEED)
    return;
  self->vel_x = velocity_x;
  self->vel_y = velocity_y;
  diag = hypot (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  self->deferring = hypot (velocity_x, velocity_y) > DEFER_SPEED_FACTOR * diag;
  vt_image_view_queue_update (self);
  self->kinetic_last_us = 0;
  self->kinetic_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Input */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               VtImageView    *self)
{
  stop_animation (self);
  stop_kinetic (self);
  self->drag_last_x = 0;
  self->drag_last_y = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                VtImageView    *self)
{
  vt_viewport_pan (self->viewport, dx - self->drag_last_x, dy - self->drag_last_y);
  self->drag_last_x = dx;
  self->drag_last_y = dy;
}

static void
swipe_cb (GtkGestureSwipe *gesture,
          double           vx,
          double           vy,
          VtImageView     *self)
{
  vt_image_view_fling (self, vx, vy);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           VtImageView              *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (event != NULL)
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx, ny, tx, ty;

      if (gdk_event_get_position (event, &nx, &ny) && native != NULL)
        {
          gtk_native_get_surface_transform (native, &tx, &ty);
          /* On failure x and y keep the widget's centre. */
          gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                            nx - tx, ny - ty, &x, &y);
        }
    }

  stop_kinetic (self);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    {
      /* Whole detents animate; high-resolution wheels send fractions,
       * which zoom at once, continuously. */
      double factor = pow (WHEEL_STEP, -dy);

      zoom_at_animated (self, current_target_zoom (self) * factor, x, y, fabs (dy) >= 1);
    }
  else
    {
      stop_animation (self);
      vt_viewport_zoom_at (self->viewport,
                           vt_viewport_get_zoom (self->viewport) * exp (-dy * SMOOTH_SCROLL_RATE), x, y);
      vt_image_view_queue_update (self);
    }
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                VtImageView      *self)
{
  stop_animation (self);
  stop_kinetic (self);
  self->pinch_start_zoom = vt_viewport_get_zoom (self->viewport);
  gtk_gesture_get_bounding_box_center (gesture, &self->pinch_last_x, &self->pinch_last_y);
}

static void
pinch_scale_cb (GtkGestureZoom *gesture,
                double          scale,
                VtImageView    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  /* Follow the centroid as it moves, then zoom about it. */
  vt_viewport_pan (self->viewport, x - self->pinch_last_x, y - self->pinch_last_y);
  self->pinch_last_x = x;
  self->pinch_last_y = y;
  vt_viewport_zoom_at (self->viewport, self->pinch_start_zoom * scale, x, y);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  VtImageView     *self)
{
  GdkModifierType mods;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press != 2)
    return;
  mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  zoom_at_animated (self,
                    current_target_zoom (self) * ((mods & GDK_SHIFT_MASK) ? 1 / ZOOM_STEP : ZOOM_STEP),
                    x, y, TRUE);
}

static gboolean
key_zoom_in (GtkWidget *widget, GVariant *args, gpointer data)
{
  vt_image_view_zoom_in (VT_IMAGE_VIEW (widget));
  return TRUE;
}

static gboolean
key_zoom_out (GtkWidget *widget, GVariant *args, gpointer data)
{
  vt_image_view_zoom_out (VT_IMAGE_VIEW (widget));
  return TRUE;
}

static gboolean
key_fit (GtkWidget *widget, GVariant *args, gpointer data)
{
  vt_image_view_zoom_fit (VT_IMAGE_VIEW (widget), TRUE);
  return TRUE;
}

static gboolean
key_native (GtkWidget *widget, GVariant *args, gpointer data)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);

  /* 100 % means one image pixel per device pixel. */
  vt_image_view_zoom_to (self, self->pixel_scale / gtk_widget_get_scale_factor (widget), TRUE);
  return TRUE;
}

/**
 * vt_image_view_set_pixel_scale:
 * @scale: how many of the image's own pixels one unit of the source
 *   holds; 1 unless the source is an image drawn stretched to another
 *   size (a plain image over a larger or smaller IIIF canvas)
 *
 * Makes the "1" key (one image pixel per device pixel) and the deepest
 * zoom count in the image's pixels. Set after vt_image_view_set_source(),
 * which puts it back to 1.
 */
void
vt_image_view_set_pixel_scale (VtImageView *self,
                               double       scale)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;
  self->pixel_scale = scale;
  /* An image larger than its source zooms as far into its own pixels as
   * any other. */
  if (scale > 1 && vt_viewport_get_max_zoom (self->viewport) < VT_VIEWPORT_DEFAULT_MAX_ZOOM * scale)
    vt_viewport_set_max_zoom (self->viewport, VT_VIEWPORT_DEFAULT_MAX_ZOOM * scale);
}

double
vt_image_view_get_pixel_scale (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 1.0);

  return self->pixel_scale;
}

static gboolean
key_pan (GtkWidget *widget, GVariant *args, gpointer data)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  stop_kinetic (self);
  vt_viewport_pan (self->viewport, dx, dy);
  return TRUE;
}

static gboolean
key_rotate (GtkWidget *widget, GVariant *args, gpointer data)
{
  vt_image_view_rotate (VT_IMAGE_VIEW (widget), g_variant_get_int32 (args));
  return TRUE;
}

void
vt_image_view_stop_motion (VtImageView *self)
{
  stop_animation (self);
  stop_kinetic (self);
}

void
vt_image_view_input_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, key_zoom_in, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, key_zoom_in, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, key_zoom_in, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, key_zoom_out, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, key_zoom_out, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, key_fit, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, key_fit, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, 0, key_native, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_1, 0, key_native, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, key_pan, "(dd)", ARROW_PAN_PX, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, key_pan, "(dd)", -ARROW_PAN_PX, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, key_pan, "(dd)", 0.0, ARROW_PAN_PX);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, key_pan, "(dd)", 0.0, -ARROW_PAN_PX);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_r, 0, key_rotate, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_R, GDK_SHIFT_MASK, key_rotate, "i", -1);
}

void
vt_image_view_input_init (VtImageView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  self->pixel_scale = 1.0;

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_swipe_new ();
  g_signal_connect (gesture, "swipe", G_CALLBACK (swipe_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);
}

static double
widget_center_x (VtImageView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
}

static double
widget_center_y (VtImageView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

void
vt_image_view_zoom_in (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  zoom_at_animated (self, current_target_zoom (self) * ZOOM_STEP,
                    widget_center_x (self), widget_center_y (self), TRUE);
}

void
vt_image_view_zoom_out (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  zoom_at_animated (self, current_target_zoom (self) / ZOOM_STEP,
                    widget_center_x (self), widget_center_y (self), TRUE);
}

/**
 * vt_image_view_zoom_to:
 * @zoom: widget pixels per image pixel (1.0 = 100 % on a scale-1 display)
 *
 * Zooms about the centre of the view.
 */
void
vt_image_view_zoom_to (VtImageView *self,
                       double       zoom,
                       gboolean     animate)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  zoom_at_animated (self, zoom, widget_center_x (self), widget_center_y (self), animate);
}

/**
 * vt_image_view_zoom_to_rect:
 * @x: left of the region, in the view's image coordinates
 * @width: its width; a region of no size (a point) is centred at the
 *   zoom shown
 *
 * Zooms and pans so that the region fills the view, with a margin, as far
 * as the zoom limits allow.
 */
void
vt_image_view_zoom_to_rect (VtImageView *self,
                            double       x,
                            double       y,
                            double       width,
                            double       height,
                            gboolean     animate)
{
  VtViewport *target;
  double view_w = gtk_widget_get_width (GTK_WIDGET (self));
  double view_h = gtk_widget_get_height (GTK_WIDGET (self));
  guint rotation;

  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  if (!isfinite (x) || !isfinite (y) || !isfinite (width) || !isfinite (height))
    return;

  target = vt_viewport_copy (self->anim_target ? self->anim_target : self->viewport);
  rotation = vt_viewport_get_rotation (target);
  if (rotation == 90 || rotation == 270)
    {
      double t = width;

      width = height;
      height = t;
    }
  if (width > 0 && height > 0 && view_w > 0 && view_h > 0)
    vt_viewport_set_zoom (target, ZOOM_TO_RECT_FILL * MIN (view_w / width, view_h / height));
  else
    vt_viewport_set_zoom (target, vt_viewport_get_zoom (target));
  if (rotation == 90 || rotation == 270)
    vt_viewport_set_center (target, x + height / 2, y + width / 2);
  else
    vt_viewport_set_center (target, x + width / 2, y + height / 2);
  animate_to (self, target, FALSE, animate);
}

/* Fit, and follow the window's size again. */
void
vt_image_view_zoom_fit (VtImageView *self,
                        gboolean     animate)
{
  VtViewport *target;

  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  target = vt_viewport_copy (self->viewport);
  vt_viewport_fit (target);
  animate_to (self, target, TRUE, animate);
}

void
vt_image_view_rotate (VtImageView *self,
                      int          quarter_turns)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  stop_animation (self);
  stop_kinetic (self);
  vt_viewport_rotate (self->viewport, quarter_turns);
}

gboolean
vt_image_view_is_animating (VtImageView *self)
{
  return self->anim_target != NULL || self->kinetic_tick_id != 0;
}

gboolean
vt_image_view_is_deferring (VtImageView *self)
{
  return self->deferring;
}
