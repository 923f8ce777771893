/* vt-region-selector-input.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-region-selector"

#include "config.h"

#include <math.h>

#include "vt-region-selector-private.h"

/* How the region selector is driven: drags draw, move and resize the
 * region, the wheel zooms and the middle button pans the viewport below,
 * and the keys move and resize it. The state and the drawing are in
 * vt-region-selector.c. */

#define HANDLE_REACH  10.0  /* logical px from a handle's centre that catch it */
#define WHEEL_STEP    1.25  /* as the image view's own wheel */
#define SMOOTH_RATE   0.01  /* ln zoom per px of touchpad scroll */

static const char *handle_cursors[8] = {
  "nw-resize", "n-resize", "ne-resize", "e-resize", "se-resize", "s-resize", "sw-resize", "w-resize",
};

/* The handle under (@x, @y), corners first, or -1. */
static int
pick_handle (VtRegionSelector *self,
             double            x,
             double            y)
{
  static const int order[8] = { 0, 2, 4, 6, 1, 3, 5, 7 };
  graphene_rect_t rect;

  if (!self->has_region || self->viewport == NULL)
    return -1;
  vt_region_selector_widget_rect (self, &rect);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double hx, hy;

      vt_region_selector_handle_center (&rect, order[i], &hx, &hy);
      if (fabs (x - hx) <= HANDLE_REACH && fabs (y - hy) <= HANDLE_REACH)
        return order[i];
    }
  return -1;
}

static gboolean
inside_region (VtRegionSelector *self,
               double            x,
               double            y)
{
  graphene_rect_t rect;

  if (!self->has_region || self->viewport == NULL)
    return FALSE;
  vt_region_selector_widget_rect (self, &rect);
  return graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y));
}

static void
update_cursor (VtRegionSelector *self,
               double            x,
               double            y)
{
  int handle = pick_handle (self, x, y);
  const char *name = handle >= 0 ? handle_cursors[handle] : inside_region (self, x, y) ? "move" : "crosshair";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           VtRegionSelector         *self)
{
  if (self->drag == DRAG_NONE)
    update_cursor (self, x, y);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               VtRegionSelector *self)
{
  int handle;

  if (!self->active || self->viewport == NULL || vt_region_selector_image_width (self) <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_wx = x;
  self->drag_wy = y;
  self->start[0] = self->x0;
  self->start[1] = self->y0;
  self->start[2] = self->x1;
  self->start[3] = self->y1;
  handle = pick_handle (self, x, y);
  if (handle >= 0)
    {
      self->drag = DRAG_HANDLE;
      vt_region_selector_screen_to_image_dir (self, vt_region_selector_handle_dirs[handle][0], vt_region_selector_handle_dirs[handle][1],
                           &self->edge_x, &self->edge_y);
    }
  else if (inside_region (self, x, y))
    self->drag = DRAG_MOVE;
  else
    {
      self->drag = DRAG_NEW;
      vt_viewport_widget_to_image (self->viewport, x, y, &self->anchor_x, &self->anchor_y);
    }
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            offset_x,
                double            offset_y,
                VtRegionSelector *self)
{
  double px, py, sx, sy;
  double *s = self->start;

  if (self->drag == DRAG_NONE)
    return;
  vt_viewport_widget_to_image (self->viewport, self->drag_wx + offset_x, self->drag_wy + offset_y, &px, &py);

  switch (self->drag)
    {
    case DRAG_NEW:
      vt_region_selector_set_corners (self, self->anchor_x, self->anchor_y, px, py);
      break;
    case DRAG_MOVE:
      {
        double w = s[2] - s[0], h = s[3] - s[1];
        double dx, dy, x, y;

        vt_viewport_widget_to_image (self->viewport, self->drag_wx, self->drag_wy, &sx, &sy);
        dx = round (px - sx);
        dy = round (py - sy);
        x = CLAMP (s[0] + dx, 0, vt_region_selector_image_width (self) - w);
        y = CLAMP (s[1] + dy, 0, vt_region_selector_image_height (self) - h);
        vt_region_selector_set_corners (self, x, y, x + w, y + h);
      }
      break;
    case DRAG_HANDLE:
      {
        double x0 = s[0], y0 = s[1], x1 = s[2], y1 = s[3];
        double dx, dy;

        /* The edges follow the pointer's motion, wherever on the handle
         * it took hold. */
        vt_viewport_widget_to_image (self->viewport, self->drag_wx, self->drag_wy, &sx, &sy);
        dx = round (px - sx);
        dy = round (py - sy);
        /* An edge stops a pixel short of the other rather than crossing. */
        if (self->edge_x < 0)
          x0 = CLAMP (s[0] + dx, 0, x1 - 1);
        else if (self->edge_x > 0)
          x1 = CLAMP (s[2] + dx, x0 + 1, vt_region_selector_image_width (self));
        if (self->edge_y < 0)
          y0 = CLAMP (s[1] + dy, 0, y1 - 1);
        else if (self->edge_y > 0)
          y1 = CLAMP (s[3] + dy, y0 + 1, vt_region_selector_image_height (self));
        vt_region_selector_set_corners (self, x0, y0, x1, y1);
      }
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             VtRegionSelector *self)
{
  drag_update_cb (gesture, offset_x, offset_y, self);
  self->drag = DRAG_NONE;
  update_cursor (self, self->drag_wx + offset_x, self->drag_wy + offset_y);
}

/* The middle button pans, as there is no other drag left for it. */
static void
pan_begin_cb (GtkGestureDrag   *gesture,
              double            x,
              double            y,
              VtRegionSelector *self)
{
  self->pan_last_x = self->pan_last_y = 0;
}

static void
pan_update_cb (GtkGestureDrag   *gesture,
               double            offset_x,
               double            offset_y,
               VtRegionSelector *self)
{
  if (self->viewport == NULL)
    return;
  vt_viewport_pan (self->viewport, offset_x - self->pan_last_x, offset_y - self->pan_last_y);
  self->pan_last_x = offset_x;
  self->pan_last_y = offset_y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           VtRegionSelector         *self)
{
  double x = 0, y = 0, factor;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (self->viewport == NULL || dy == 0)
    return GDK_EVENT_PROPAGATE;
  if (event == NULL || !gdk_event_get_position (event, &x, &y))
    {
      x = vt_viewport_get_width (self->viewport) / 2;
      y = vt_viewport_get_height (self->viewport) / 2;
    }
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (WHEEL_STEP, -dy);
  else
    factor = exp (-dy * SMOOTH_RATE);
  vt_viewport_zoom_at (self->viewport, vt_viewport_get_zoom (self->viewport) * factor, x, y);
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------ */
/* Keys */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VtRegionSelector      *self)
{
  int sx = 0, sy = 0, ix, iy;
  double step, x0 = self->x0, y0 = self->y0, x1 = self->x1, y1 = self->y1;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      vt_region_selector_set_active (self, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->has_region)
        g_signal_emit_by_name (self, "activate");
      return GDK_EVENT_STOP;
    case GDK_KEY_a:
    case GDK_KEY_A:
      if (!ctrl || self->viewport == NULL)
        return GDK_EVENT_PROPAGATE;
      vt_region_selector_set_corners (self, 0, 0, vt_region_selector_image_width (self), vt_region_selector_image_height (self));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      sx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      sx = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      sy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      sy = 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (!self->has_region || self->viewport == NULL)
    return GDK_EVENT_STOP;
  step = ctrl ? 1 : MAX (1, round (VT_REGION_SELECTOR_KEY_STEP / vt_viewport_get_zoom (self->viewport)));

  if (state & GDK_SHIFT_MASK)
    {
      /* The edge on the screen's right (or bottom) follows the key: which
       * image edge that is depends on the turn. */
      int ex, ey;

      vt_region_selector_screen_to_image_dir (self, sx != 0 ? 1 : 0, sy != 0 ? 1 : 0, &ex, &ey);
      step *= sx + sy;
      if (ex > 0)
        x1 = MAX (x0 + 1, MIN (vt_region_selector_image_width (self), x1 + step));
      else if (ex < 0)
        x0 = MIN (x1 - 1, MAX (0, x0 - step));
      if (ey > 0)
        y1 = MAX (y0 + 1, MIN (vt_region_selector_image_height (self), y1 + step));
      else if (ey < 0)
        y0 = MIN (y1 - 1, MAX (0, y0 - step));
      vt_region_selector_set_corners (self, x0, y0, x1, y1);
    }
  else
    {
      double dx, dy;

      vt_region_selector_screen_to_image_dir (self, sx, sy, &ix, &iy);
      dx = CLAMP (ix * step, -x0, vt_region_selector_image_width (self) - x1);
      dy = CLAMP (iy * step, -y0, vt_region_selector_image_height (self) - y1);
      vt_region_selector_set_corners (self, x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------ */

void
vt_region_selector_input_init (VtRegionSelector *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (pan_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);
}
