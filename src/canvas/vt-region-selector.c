/* vt-region-selector.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-region-selector"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "vt-region-selector.h"

/* A rectangle drawn over the deep-zoom canvas, for "Export Region…".
 *
 * It is a widget of its own, stacked over VtImageView in the same
 * overlay and sharing its VtViewport: the region is kept in the
 * viewport's image coordinates (whole image pixels), and drawn through
 * vt_viewport_image_to_widget(), so it stays on the same pixels through
 * pans, zooms and quarter turns. It is shown only while selecting; then
 * it takes the pointer: a drag outside the region draws a new one, a drag
 * inside moves it, the eight handles resize it, the wheel still zooms and
 * the middle button still pans. From the keyboard: the arrows move it,
 * Shift+arrows move its right or bottom edge (Ctrl for single pixels),
 * Ctrl+A selects the whole image, Enter asks for the export ("activate"),
 * Escape leaves the mode and forgets the region. */

#define HANDLE_SIZE   8.0   /* logical px, drawn */
#define HANDLE_REACH  10.0  /* logical px from a handle's centre that catch it */
#define WHEEL_STEP    1.25  /* as the image view's own wheel */
#define SMOOTH_RATE   0.01  /* ln zoom per px of touchpad scroll */
#define LABEL_PAD     6.0

typedef enum
{
  DRAG_NONE,
  DRAG_NEW,
  DRAG_MOVE,
  DRAG_HANDLE,
} DragMode;

struct _VtRegionSelector
{
  GtkWidget   parent_instance;

  VtViewport *viewport;
  gboolean    active;
  gboolean    has_region;
  double      x0, y0, x1, y1;   /* image pixels, whole numbers */

  DragMode    drag;
  double      drag_wx, drag_wy; /* where the drag began, widget */
  double      anchor_x, anchor_y; /* DRAG_NEW: its image point */
  double      start[4];         /* the region when the drag began */
  int         edge_x, edge_y;   /* DRAG_HANDLE: -1 moves x0/y0, 1 x1/y1, 0 none */
  double      pan_last_x, pan_last_y;
};

enum
{
  PROP_0,
  PROP_VIEWPORT,
  PROP_ACTIVE,
  PROP_HAS_REGION,
  N_PROPS
};

enum
{
  CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VtRegionSelector, vt_region_selector, GTK_TYPE_WIDGET)

/* Handles, clockwise from the top left, as (x, y) directions on screen. */
static const int handle_dirs[8][2] = {
  { -1, -1 }, { 0, -1 }, { 1, -1 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { -1, 1 }, { -1, 0 },
};
static const char *handle_cursors[8] = {
  "nw-resize", "n-resize", "ne-resize", "e-resize", "se-resize", "s-resize", "sw-resize", "w-resize",
};

/* ------------------------------------------------------------------ */
/* Geometry */

static double
image_width (VtRegionSelector *self)
{
  return self->viewport ? vt_viewport_get_image_width (self->viewport) : 0;
}

static double
image_height (VtRegionSelector *self)
{
  return self->viewport ? vt_viewport_get_image_height (self->viewport) : 0;
}

/* The region on screen: a rectangle whatever the quarter turn. */
static void
widget_rect (VtRegionSelector *self,
             graphene_rect_t  *rect)
{
  double ax, ay, bx, by;

  vt_viewport_image_to_widget (self->viewport, self->x0, self->y0, &ax, &ay);
  vt_viewport_image_to_widget (self->viewport, self->x1, self->y1, &bx, &by);
  graphene_rect_init (rect, MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay));
}

/* Which way on the image a direction on screen goes, each of -1, 0, 1:
 * it follows whatever turn the viewport maps through. */
static void
screen_to_image_dir (VtRegionSelector *self,
                     int               sx,
                     int               sy,
                     int              *ix,
                     int              *iy)
{
  double w = vt_viewport_get_width (self->viewport) / 2;
  double h = vt_viewport_get_height (self->viewport) / 2;
  double cx, cy, px, py;

  vt_viewport_widget_to_image (self->viewport, w, h, &cx, &cy);
  vt_viewport_widget_to_image (self->viewport, w + sx, h + sy, &px, &py);
  *ix = px - cx > 1e-9 ? 1 : (px - cx < -1e-9 ? -1 : 0);
  *iy = py - cy > 1e-9 ? 1 : (py - cy < -1e-9 ? -1 : 0);
}

static void
handle_center (const graphene_rect_t *rect,
               int                    handle,
               double                *x,
               double                *y)
{
  *x = rect->origin.x + rect->size.width * (handle_dirs[handle][0] + 1) / 2.0;
  *y = rect->origin.y + rect->size.height * (handle_dirs[handle][1] + 1) / 2.0;
}

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
  widget_rect (self, &rect);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double hx, hy;

      handle_center (&rect, order[i], &hx, &hy);
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
  widget_rect (self, &rect);
  return graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y));
}

/* Sets the region from any two corners, rounded to whole pixels and kept
 * inside the image, at least one pixel each way. */
static void
set_corners (VtRegionSelector *self,
             double            ax,
             double            ay,
             double            bx,
             double            by)
{
  double iw = image_width (self), ih = image_height (self);
  double x0 = CLAMP (round (MIN (ax, bx)), 0, iw);
  double y0 = CLAMP (round (MIN (ay, by)), 0, ih);
  double x1 = CLAMP (round (MAX (ax, bx)), 0, iw);
  double y1 = CLAMP (round (MAX (ay, by)), 0, ih);
  gboolean has = x1 - x0 >= 1 && y1 - y0 >= 1;
  gboolean had = self->has_region;

  if (has == had && (!has || (x0 == self->x0 && y0 == self->y0 && x1 == self->x1 && y1 == self->y1)))
    return;
  self->has_region = has;
  if (has)
    {
      self->x0 = x0;
      self->y0 = y0;
      self->x1 = x1;
      self->y1 = y1;
    }
  if (has != had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_REGION]);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Pointer */

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

  if (!self->active || self->viewport == NULL || image_width (self) <= 0)
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
      screen_to_image_dir (self, handle_dirs[handle][0], handle_dirs[handle][1],
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
      set_corners (self, self->anchor_x, self->anchor_y, px, py);
      break;
    case DRAG_MOVE:
      {
        double w = s[2] - s[0], h = s[3] - s[1];
        double dx, dy, x, y;

        vt_viewport_widget_to_image (self->viewport, self->drag_wx, self->drag_wy, &sx, &sy);
        dx = round (px - sx);
        dy = round (py - sy);
        x = CLAMP (s[0] + dx, 0, image_width (self) - w);
        y = CLAMP (s[1] + dy, 0, image_height (self) - h);
        set_corners (self, x, y, x + w, y + h);
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
          x1 = CLAMP (s[2] + dx, x0 + 1, image_width (self));
        if (self->edge_y < 0)
          y0 = CLAMP (s[1] + dy, 0, y1 - 1);
        else if (self->edge_y > 0)
          y1 = CLAMP (s[3] + dy, y0 + 1, image_height (self));
        set_corners (self, x0, y0, x1, y1);
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
        g_signal_emit (self, signals[ACTIVATE], 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_a:
    case GDK_KEY_A:
      if (!ctrl || self->viewport == NULL)
        return GDK_EVENT_PROPAGATE;
      set_corners (self, 0, 0, image_width (self), image_height (self));
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

      screen_to_image_dir (self, sx != 0 ? 1 : 0, sy != 0 ? 1 : 0, &ex, &ey);
      step *= sx + sy;
      if (ex > 0)
        x1 = MAX (x0 + 1, MIN (image_width (self), x1 + step));
      else if (ex < 0)
        x0 = MIN (x1 - 1, MAX (0, x0 - step));
      if (ey > 0)
        y1 = MAX (y0 + 1, MIN (image_height (self), y1 + step));
      else if (ey < 0)
        y0 = MIN (y1 - 1, MAX (0, y0 - step));
      set_corners (self, x0, y0, x1, y1);
    }
  else
    {
      double dx, dy;

      screen_to_image_dir (self, sx, sy, &ix, &iy);
      dx = CLAMP (ix * step, -x0, image_width (self) - x1);
      dy = CLAMP (iy * step, -y0, image_height (self) - y1);
      set_corners (self, x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------ */
/* Drawing */

static PangoLayout *
label_layout (VtRegionSelector *self,
              const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* @text in a dark rounded box whose top centre is (@cx, @top). */
static void
draw_label (VtRegionSelector *self,
            GtkSnapshot      *snapshot,
            const char       *text,
            double            cx,
            double            top)
{
  static const GdkRGBA back = { 0, 0, 0, 0.7 };
  static const GdkRGBA fore = { 1, 1, 1, 1 };
  g_autoptr (PangoLayout) layout = label_layout (self, text);
  int lw, lh;
  double w, h, x;
  GskRoundedRect box;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  w = lw + 2 * LABEL_PAD;
  h = lh + LABEL_PAD;
  x = CLAMP (cx - w / 2, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - w));
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, top, w, h), h / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &back, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + LABEL_PAD, top + LABEL_PAD / 2));
  gtk_snapshot_append_layout (snapshot, layout, &fore);
  gtk_snapshot_restore (snapshot);
}

static void
vt_region_selector_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  static const GdkRGBA shade = { 0, 0, 0, 0.45 };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA dark = { 0, 0, 0, 0.6 };
  VtRegionSelector *self = VT_REGION_SELECTOR (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autofree char *size = NULL;
  graphene_rect_t r;
  GskRoundedRect outline;
  int label_h;

  if (self->viewport == NULL)
    return;
  if (!self->has_region)
    {
      draw_label (self, snapshot, _("Drag over the image to select a region"), w / 2, 12);
      return;
    }

  widget_rect (self, &r);
  /* Shade what is left out, in four bands around the region. */
  gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (0, 0, w, MAX (0, r.origin.y)));
  gtk_snapshot_append_color (snapshot, &shade,
                             &GRAPHENE_RECT_INIT (0, r.origin.y + r.size.height, w,
                                                  MAX (0, h - r.origin.y - r.size.height)));
  gtk_snapshot_append_color (snapshot, &shade,
                             &GRAPHENE_RECT_INIT (0, r.origin.y, MAX (0, r.origin.x), r.size.height));
  gtk_snapshot_append_color (snapshot, &shade,
                             &GRAPHENE_RECT_INIT (r.origin.x + r.size.width, r.origin.y,
                                                  MAX (0, w - r.origin.x - r.size.width), r.size.height));

  /* A white line with a dark one outside, seen on light and dark images. */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (r.origin.x - 1, r.origin.y - 1,
                                                                  r.size.width + 2, r.size.height + 2), 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { dark, dark, dark, dark });
  gsk_rounded_rect_init_from_rect (&outline, &r, 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { white, white, white, white });

  for (int i = 0; i < 8; i++)
    {
      double hx, hy;
      GskRoundedRect box;

      handle_center (&r, i, &hx, &hy);
      gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (hx - HANDLE_SIZE / 2, hy - HANDLE_SIZE / 2,
                                                                  HANDLE_SIZE, HANDLE_SIZE), 1);
      gtk_snapshot_append_color (snapshot, &white, &box.bounds);
      gtk_snapshot_append_border (snapshot, &box, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { dark, dark, dark, dark });
    }

  /* The size, under the region, or inside it when there is no room. */
  size = vt_region_selector_dup_size_text (self);
  {
    g_autoptr (PangoLayout) layout = label_layout (self, size);

    pango_layout_get_pixel_size (layout, NULL, &label_h);
  }
  if (r.origin.y + r.size.height + HANDLE_SIZE + label_h + LABEL_PAD <= h)
    draw_label (self, snapshot, size, r.origin.x + r.size.width / 2, r.origin.y + r.size.height + HANDLE_SIZE);
  else
    draw_label (self, snapshot, size, r.origin.x + r.size.width / 2,
                MAX (0, MIN (h, r.origin.y + r.size.height) - label_h - LABEL_PAD - HANDLE_SIZE));
}

/* ------------------------------------------------------------------ */
/* Object */

static void
viewport_changed_cb (VtRegionSelector *self,
                     GParamSpec       *pspec)
{
  /* Another image: the region meant the last one. */
  if (pspec != NULL && (g_str_equal (pspec->name, "image-width") || g_str_equal (pspec->name, "image-height")))
    vt_region_selector_clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vt_region_selector_dispose (GObject *object)
{
  vt_region_selector_set_viewport (VT_REGION_SELECTOR (object), NULL);
  G_OBJECT_CLASS (vt_region_selector_parent_class)->dispose (object);
}

static void
vt_region_selector_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VtRegionSelector *self = VT_REGION_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_HAS_REGION:
      g_value_set_boolean (value, self->has_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_region_selector_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VtRegionSelector *self = VT_REGION_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_VIEWPORT:
      vt_region_selector_set_viewport (self, g_value_get_object (value));
      break;
    case PROP_ACTIVE:
      vt_region_selector_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_region_selector_class_init (VtRegionSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_region_selector_dispose;
  object_class->get_property = vt_region_selector_get_property;
  object_class->set_property = vt_region_selector_set_property;
  widget_class->snapshot = vt_region_selector_snapshot;

  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, VT_TYPE_VIEWPORT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * VtRegionSelector:active:
   *
   * Whether a region is being selected: the widget is shown and takes
   * the pointer. Turning it off forgets the region.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_REGION] =
    g_param_spec_boolean ("has-region", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtRegionSelector::changed:
   *
   * The region moved, changed size, appeared or was forgotten.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VtRegionSelector::activate:
   *
   * Enter was pressed over a region: export it.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "region-selector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vt_region_selector_init (VtRegionSelector *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_cursor_from_name (widget, "crosshair");

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

/**
 * vt_region_selector_new:
 * @viewport: (nullable): the image view's viewport
 */
GtkWidget *
vt_region_selector_new (VtViewport *viewport)
{
  return g_object_new (VT_TYPE_REGION_SELECTOR, "viewport", viewport, NULL);
}

VtViewport *
vt_region_selector_get_viewport (VtRegionSelector *self)
{
  g_return_val_if_fail (VT_IS_REGION_SELECTOR (self), NULL);
  return self->viewport;
}

void
vt_region_selector_set_viewport (VtRegionSelector *self,
                                 VtViewport       *viewport)
{
  g_return_if_fail (VT_IS_REGION_SELECTOR (self));
  g_return_if_fail (viewport == NULL || VT_IS_VIEWPORT (viewport));

  if (self->viewport == viewport)
    return;
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  vt_region_selector_clear (self);
  g_set_object (&self->viewport, viewport);
  if (viewport != NULL)
    g_signal_connect_swapped (viewport, "notify", G_CALLBACK (viewport_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWPORT]);
}

gboolean
vt_region_selector_get_active (VtRegionSelector *self)
{
  g_return_val_if_fail (VT_IS_REGION_SELECTOR (self), FALSE);
  return self->active;
}

/* While active the widget shows and takes the pointer and the keys;
 * else it is hidden, and the region forgotten. */
void
vt_region_selector_set_active (VtRegionSelector *self,
                               gboolean          active)
{
  g_return_if_fail (VT_IS_REGION_SELECTOR (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  self->drag = DRAG_NONE;
  if (!active)
    vt_region_selector_clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
vt_region_selector_get_has_region (VtRegionSelector *self)
{
  g_return_val_if_fail (VT_IS_REGION_SELECTOR (self), FALSE);
  return self->has_region;
}

/**
 * vt_region_selector_get_region:
 * @x: (out) (optional): left, in the viewport's image pixels
 *
 * Returns: whether there is a region; the out values are left alone
 *   when there is none
 */
gboolean
vt_region_selector_get_region (VtRegionSelector *self,
                               double           *x,
                               double           *y,
                               double           *width,
                               double           *height)
{
  g_return_val_if_fail (VT_IS_REGION_SELECTOR (self), FALSE);

  if (!self->has_region)
    return FALSE;
  if (x)
    *x = self->x0;
  if (y)
    *y = self->y0;
  if (width)
    *width = self->x1 - self->x0;
  if (height)
    *height = self->y1 - self->y0;
  return TRUE;
}

/* Rounded to whole pixels and kept inside the image. */
void
vt_region_selector_set_region (VtRegionSelector *self,
                               double            x,
                               double            y,
                               double            width,
                               double            height)
{
  g_return_if_fail (VT_IS_REGION_SELECTOR (self));
  set_corners (self, x, y, x + width, y + height);
}

void
vt_region_selector_clear (VtRegionSelector *self)
{
  g_return_if_fail (VT_IS_REGION_SELECTOR (self));

  if (!self->has_region)
    return;
  self->has_region = FALSE;
  self->drag = DRAG_NONE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_REGION]);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vt_region_selector_dup_size_text:
 *
 * Returns: (transfer full) (nullable): what the label beside the region
 *   says, e.g. "1200 × 800 px"
 */
char *
vt_region_selector_dup_size_text (VtRegionSelector *self)
{
  g_return_val_if_fail (VT_IS_REGION_SELECTOR (self), NULL);

  if (!self->has_region)
    return NULL;
  /* Translators: the size of the selected region, in image pixels */
  return g_strdup_printf (_("%" PRId64 " × %" PRId64 " px"),
                          (gint64) (self->x1 - self->x0), (gint64) (self->y1 - self->y0));
}
