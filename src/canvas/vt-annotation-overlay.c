/* vt-annotation-overlay.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-overlay"

#include "config.h"

#include <math.h>

#include "vt-annotation-overlay.h"

/* The annotations of a canvas drawn over a VtImageView: rectangles
 * (`xywh`), SVG shapes (SvgSelector, flattened by VtSvgShape) and points
 * (PointSelector). It holds the shapes in canvas coordinates and maps
 * them through the view's VtViewport at every frame, with no scaling of
 * its own, so it follows every zoom, pan and rotation of the view.
 *
 * It sits over the view in a GtkOverlay but takes no input itself (it
 * cannot be targeted): dragging, scrolling and pinching reach the view
 * wherever they start. It watches the view's pointer instead, through
 * controllers it adds to the view: hovering a shape highlights it, a
 * click on one emits ::activated. Whoever lists the annotations keeps
 * the selection and the highlight (from a focused row) in step. */

#define POINT_RADIUS    6.0
#define HIT_TOLERANCE   4.0

typedef enum
{
  ITEM_RECT,
  ITEM_SHAPE,
  ITEM_POINT,
} ItemKind;

typedef struct
{
  ItemKind         kind;
  graphene_rect_t  bounds;     /* canvas coordinates; a point's is empty */
  VtSvgShape      *shape;
  gboolean         hidden;     /* filtered out: neither drawn nor picked */
} Item;

struct _VtAnnotationOverlay
{
  GtkWidget           parent_instance;

  VtImageView        *view;
  VtViewport         *viewport;
  GtkEventController *motion;
  GtkGesture         *click;

  GArray             *items;
  /* The size of the canvas the targets are written in: an image painted
   * on a canvas fills it whatever their sizes (cookbook 0004, 0045), so
   * the view's image pixels are canvas pixels times its size over this. */
  double              canvas_width;
  double              canvas_height;
  int                 selected;
  int                 highlighted;  /* set from outside (a focused row) */
  int                 hovered;      /* under the pointer */
};

G_DEFINE_FINAL_TYPE (VtAnnotationOverlay, vt_annotation_overlay, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_HIGHLIGHTED,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->shape, vt_svg_shape_unref);
}

static gboolean
has_image (VtAnnotationOverlay *self)
{
  return self->viewport != NULL &&
         vt_viewport_get_image_width (self->viewport) > 0 &&
         vt_viewport_get_image_height (self->viewport) > 0;
}

/* How many of the view's image pixels one canvas pixel is. */
static void
canvas_scale (VtAnnotationOverlay *self,
              double              *sx,
              double              *sy)
{
  double iw = vt_viewport_get_image_width (self->viewport);
  double ih = vt_viewport_get_image_height (self->viewport);

  *sx = self->canvas_width > 0 && iw > 0 ? iw / self->canvas_width : 1;
  *sy = self->canvas_height > 0 && ih > 0 ? ih / self->canvas_height : 1;
}

static void
canvas_to_widget (VtAnnotationOverlay *self,
                  double               canvas_x,
                  double               canvas_y,
                  double              *widget_x,
                  double              *widget_y)
{
  double sx, sy;

  canvas_scale (self, &sx, &sy);
  vt_viewport_image_to_widget (self->viewport, canvas_x * sx, canvas_y * sy, widget_x, widget_y);
}

/* Drawing */

static void
trace_item (VtAnnotationOverlay *self,
            cairo_t             *cr,
            const Item          *item)
{
  double x, y;

  switch (item->kind)
    {
    case ITEM_POINT:
      canvas_to_widget (self, item->bounds.origin.x, item->bounds.origin.y, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ITEM_RECT:
      {
        const graphene_rect_t *r = &item->bounds;
        double corners[4][2] = {
          { r->origin.x, r->origin.y },
          { r->origin.x + r->size.width, r->origin.y },
          { r->origin.x + r->size.width, r->origin.y + r->size.height },
          { r->origin.x, r->origin.y + r->size.height },
        };

        for (guint i = 0; i < 4; i++)
          {
            canvas_to_widget (self, corners[i][0], corners[i][1], &x, &y);
            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
          }
        cairo_close_path (cr);
      }
      break;

    case ITEM_SHAPE:
    default:
      for (guint i = 0; i < item->shape->subpaths->len; i++)
        {
          VtSvgSubpath *s = g_ptr_array_index (item->shape->subpaths, i);

          for (guint j = 0; j < s->points->len; j++)
            {
              VtSvgPoint *p = &g_array_index (s->points, VtSvgPoint, j);

              canvas_to_widget (self, p->x, p->y, &x, &y);
              if (j == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          if (s->closed)
            cairo_close_path (cr);
        }
      break;
    }
}

static gboolean
item_is_closed (const Item *item)
{
  if (item->kind != ITEM_SHAPE)
    return TRUE;
  for (guint i = 0; i < item->shape->subpaths->len; i++)
    if (((VtSvgSubpath *) g_ptr_array_index (item->shape->subpaths, i))->closed)
      return TRUE;
  return FALSE;
}

/* A dark edge under a light line reads on any image, dark or light; the
 * selected one is filled in the accent colour, the one hovered or focused
 * is drawn bolder. */
static void
draw_item (VtAnnotationOverlay *self,
           cairo_t             *cr,
           const Item          *item,
           gboolean             selected,
           gboolean             highlighted)
{
  double width = highlighted || selected ? 3.0 : 1.5;

  cairo_new_path (cr);
  trace_item (self, cr, item);

  if (item_is_closed (item))
    {
      if (selected)
        cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.30);
      else if (highlighted)
        cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 0.22);
      else
        cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, item->kind == ITEM_POINT ? 0.6 : 0.06);
      cairo_fill_preserve (cr);
    }

  cairo_set_line_width (cr, width + 2.0);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_stroke_preserve (cr);

  cairo_set_line_width (cr, width);
  if (selected)
    cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  else
    cairo_set_source_rgb (cr, 0.96, 0.83, 0.18);
  cairo_stroke (cr);
}

static void
vt_annotation_overlay_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VtAnnotationOverlay *self = VT_ANNOTATION_OVERLAY (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (!has_image (self) || self->items->len == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The selected and the highlighted ones last, over the others. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->items->len; i++)
      {
        gboolean selected = (int) i == self->selected;
        gboolean highlighted = (int) i == self->highlighted || (int) i == self->hovered;

        if (g_array_index (self->items, Item, i).hidden)
          continue;
        if ((pass == 1) == (selected || highlighted))
          draw_item (self, cr, &g_array_index (self->items, Item, i), selected, highlighted);
      }

  cairo_destroy (cr);
}

/* Input, from the view */

static void
set_hovered (VtAnnotationOverlay *self,
             int                  item)
{
  if (self->hovered == item)
    return;
  self->hovered = item;
  if (self->view != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), item >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           VtAnnotationOverlay      *self)
{
  set_hovered (self, gtk_widget_get_visible (GTK_WIDGET (self)) ? vt_annotation_overlay_pick (self, x, y) : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          VtAnnotationOverlay      *self)
{
  set_hovered (self, -1);
}

/* A click (not the end of a drag: the gesture gives up past the drag
 * threshold) on a shape activates it. */
static void
released_cb (GtkGestureClick     *gesture,
             int                  n_press,
             double               x,
             double               y,
             VtAnnotationOverlay *self)
{
  int item;

  if (n_press != 1 || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  item = vt_annotation_overlay_pick (self, x, y);
  if (item >= 0)
    g_signal_emit (self, signals[ACTIVATED], 0, item);
}

/* Hidden, it shows no pointer over shapes it no longer draws. */
static void
visible_changed_cb (VtAnnotationOverlay *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    set_hovered (self, -1);
}

static void
viewport_changed_cb (VtAnnotationOverlay *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
detach_view (VtAnnotationOverlay *self)
{
  if (self->view == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->viewport, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->motion);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (self->click));
  gtk_widget_set_cursor (GTK_WIDGET (self->view), NULL);
  self->motion = NULL;
  self->click = NULL;
  g_clear_object (&self->viewport);
  g_clear_object (&self->view);
}

/* GObject */

static void
vt_annotation_overlay_dispose (GObject *object)
{
  VtAnnotationOverlay *self = VT_ANNOTATION_OVERLAY (object);

  detach_view (self);

  G_OBJECT_CLASS (vt_annotation_overlay_parent_class)->dispose (object);
}

static void
vt_annotation_overlay_finalize (GObject *object)
{
  VtAnnotationOverlay *self = VT_ANNOTATION_OVERLAY (object);

  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (vt_annotation_overlay_parent_class)->finalize (object);
}

static void
vt_annotation_overlay_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VtAnnotationOverlay *self = VT_ANNOTATION_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_int (value, self->highlighted);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_annotation_overlay_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VtAnnotationOverlay *self = VT_ANNOTATION_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      vt_annotation_overlay_set_selected (self, g_value_get_int (value));
      break;
    case PROP_HIGHLIGHTED:
      vt_annotation_overlay_set_highlighted (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_annotation_overlay_class_init (VtAnnotationOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_annotation_overlay_dispose;
  object_class->finalize = vt_annotation_overlay_finalize;
  object_class->get_property = vt_annotation_overlay_get_property;
  object_class->set_property = vt_annotation_overlay_set_property;

  widget_class->snapshot = vt_annotation_overlay_snapshot;

  /**
   * VtAnnotationOverlay:selected:
   *
   * The item drawn as selected, or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * VtAnnotationOverlay:highlighted:
   *
   * The item drawn as highlighted (e.g. its row has the keyboard focus),
   * or -1; the one under the pointer is highlighted too.
   */
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_int ("highlighted", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * VtAnnotationOverlay:n-items:
   *
   * How many shapes it draws.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtAnnotationOverlay::activated:
   * @item: the index of the item clicked
   *
   * A shape was clicked on the view.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "annotationoverlay");
}

static void
vt_annotation_overlay_init (VtAnnotationOverlay *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
  self->selected = -1;
  self->highlighted = -1;
  self->hovered = -1;

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "notify::visible", G_CALLBACK (visible_changed_cb), NULL);
}

/* Public API */

GtkWidget *
vt_annotation_overlay_new (void)
{
  return g_object_new (VT_TYPE_ANNOTATION_OVERLAY, NULL);
}

/**
 * vt_annotation_overlay_set_view:
 * @view: (nullable): the view drawn over; its allocation must be the
 *   overlay's (they share a GtkOverlay)
 */
void
vt_annotation_overlay_set_view (VtAnnotationOverlay *self,
                                VtImageView         *view)
{
  g_return_if_fail (VT_IS_ANNOTATION_OVERLAY (self));
  g_return_if_fail (!view || VT_IS_IMAGE_VIEW (view));

  if (self->view == view)
    return;

  detach_view (self);
  if (view == NULL)
    return;

  self->view = g_object_ref (view);
  self->viewport = g_object_ref (vt_image_view_get_viewport (view));
  g_signal_connect_swapped (self->viewport, "notify", G_CALLBACK (viewport_changed_cb), self);

  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (self->motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (self->motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), self->motion);

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->click));
}

VtImageView *
vt_annotation_overlay_get_view (VtAnnotationOverlay *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), NULL);

  return self->view;
}

void
vt_annotation_overlay_clear (VtAnnotationOverlay *self)
{
  g_return_if_fail (VT_IS_ANNOTATION_OVERLAY (self));

  if (self->items->len > 0)
    {
      g_array_set_size (self->items, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  set_hovered (self, -1);
  vt_annotation_overlay_set_selected (self, -1);
  vt_annotation_overlay_set_highlighted (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vt_annotation_overlay_add_target:
 * @target: an annotation's target on the canvas shown
 * @canvas_width: the canvas' size, for per cent regions
 *
 * Adds the shape @target selects: its SVG shape, else its point, else its
 * region. A target that is the whole canvas (or a time only) adds
 * nothing: it has no outline worth drawing over the image.
 *
 * Returns: the index of the new item, or -1 when nothing was added
 */
int
vt_annotation_overlay_add_target (VtAnnotationOverlay      *self,
                                  const VtAnnotationTarget *target,
                                  gint64                    canvas_width,
                                  gint64                    canvas_height)
{
  VtSelector *svg, *point;
  VtRect rect;
  Item item = { 0 };

  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), -1);
  g_return_val_if_fail (target != NULL, -1);

  self->canvas_width = canvas_width;
  self->canvas_height = canvas_height;
  svg = vt_annotation_target_find_selector (target, VT_SELECTOR_SVG);
  point = vt_annotation_target_find_selector (target, VT_SELECTOR_POINT);

  if (svg != NULL && svg->value != NULL &&
      (item.shape = vt_svg_shape_parse (svg->value, -1, NULL)) != NULL)
    {
      item.kind = ITEM_SHAPE;
      graphene_rect_init (&item.bounds, item.shape->x, item.shape->y,
                          item.shape->width, item.shape->height);
    }
  else if (point != NULL && point->has_point)
    {
      item.kind = ITEM_POINT;
      graphene_rect_init (&item.bounds, point->point_x, point->point_y, 0, 0);
    }
  else if (vt_annotation_target_get_rect (target, canvas_width, canvas_height, &rect) &&
           !(rect.x <= 0 && rect.y <= 0 && rect.width >= canvas_width && rect.height >= canvas_height))
    {
      item.kind = ITEM_RECT;
      graphene_rect_init (&item.bounds, rect.x, rect.y, rect.width, rect.height);
    }
  else
    return -1;

  g_array_append_val (self->items, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return self->items->len - 1;
}

guint
vt_annotation_overlay_get_n_items (VtAnnotationOverlay *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), 0);

  return self->items->len;
}

/**
 * vt_annotation_overlay_get_bounds:
 * @out_bounds: (out): the item's bounding box in canvas coordinates (a
 *   point's has no size)
 *
 * Returns: whether @item exists
 */
gboolean
vt_annotation_overlay_get_bounds (VtAnnotationOverlay *self,
                                  int                  item,
                                  graphene_rect_t     *out_bounds)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), FALSE);

  if (item < 0 || (guint) item >= self->items->len)
    return FALSE;
  *out_bounds = g_array_index (self->items, Item, item).bounds;
  return TRUE;
}

/**
 * vt_annotation_overlay_get_view_bounds:
 * @out_bounds: (out): the item's bounding box in the view's image
 *   coordinates, for vt_image_view_zoom_to_rect()
 *
 * Returns: whether @item exists
 */
gboolean
vt_annotation_overlay_get_view_bounds (VtAnnotationOverlay *self,
                                       int                  item,
                                       graphene_rect_t     *out_bounds)
{
  graphene_rect_t bounds;
  double sx = 1, sy = 1;

  if (!vt_annotation_overlay_get_bounds (self, item, &bounds))
    return FALSE;
  if (self->viewport != NULL)
    canvas_scale (self, &sx, &sy);
  graphene_rect_init (out_bounds, bounds.origin.x * sx, bounds.origin.y * sy,
                      bounds.size.width * sx, bounds.size.height * sy);
  return TRUE;
}

/**
 * vt_annotation_overlay_pick:
 * @widget_x: in the view's (and the overlay's) coordinates
 *
 * Returns: the item at that point (the smallest of several), or -1
 */
int
vt_annotation_overlay_pick (VtAnnotationOverlay *self,
                            double               widget_x,
                            double               widget_y)
{
  double x, y, sx, sy, zoom, tolerance;
  double best_area = INFINITY;
  int best = -1;

  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), -1);

  if (!has_image (self))
    return -1;

  vt_viewport_widget_to_image (self->viewport, widget_x, widget_y, &x, &y);
  canvas_scale (self, &sx, &sy);
  x /= sx;
  y /= sy;
  /* Screen pixels per canvas pixel. */
  zoom = vt_viewport_get_zoom (self->viewport) * MIN (sx, sy);
  tolerance = HIT_TOLERANCE / MAX (zoom, 1e-6);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      const graphene_rect_t *r = &item->bounds;
      gboolean hit;
      double area = r->size.width * r->size.height;

      if (item->hidden)
        continue;
      switch (item->kind)
        {
        case ITEM_POINT:
          hit = hypot (x - r->origin.x, y - r->origin.y) <= (POINT_RADIUS + HIT_TOLERANCE) / MAX (zoom, 1e-6);
          area = 0;
          break;
        case ITEM_RECT:
          hit = x >= r->origin.x - tolerance && x <= r->origin.x + r->size.width + tolerance &&
                y >= r->origin.y - tolerance && y <= r->origin.y + r->size.height + tolerance;
          break;
        case ITEM_SHAPE:
        default:
          hit = vt_svg_shape_contains (item->shape, x, y, tolerance);
          break;
        }

      /* A detail inside a larger region wins: it could not be reached
       * otherwise. */
      if (hit && area < best_area)
        {
          best = i;
          best_area = area;
        }
    }
  return best;
}

/**
 * vt_annotation_overlay_set_item_hidden:
 * @hidden: whether @item is left out (e.g. a search leaves its annotation
 *   out of the list): not drawn, not picked
 */
void
vt_annotation_overlay_set_item_hidden (VtAnnotationOverlay *self,
                                       int                  item,
                                       gboolean             hidden)
{
  Item *it;

  g_return_if_fail (VT_IS_ANNOTATION_OVERLAY (self));

  if (item < 0 || (guint) item >= self->items->len)
    return;
  it = &g_array_index (self->items, Item, item);
  if (it->hidden == !!hidden)
    return;
  it->hidden = !!hidden;
  if (hidden && self->hovered == item)
    set_hovered (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vt_annotation_overlay_get_item_hidden:
 *
 * Returns: whether @item is left out (not drawn, not picked); %TRUE for
 *   an item that does not exist
 */
gboolean
vt_annotation_overlay_get_item_hidden (VtAnnotationOverlay *self,
                                       int                  item)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), TRUE);

  if (item < 0 || (guint) item >= self->items->len)
    return TRUE;
  return g_array_index (self->items, Item, item).hidden;
}

int
vt_annotation_overlay_get_selected (VtAnnotationOverlay *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), -1);

  return self->selected;
}

void
vt_annotation_overlay_set_selected (VtAnnotationOverlay *self,
                                    int                  item)
{
  g_return_if_fail (VT_IS_ANNOTATION_OVERLAY (self));

  item = MAX (item, -1);
  if (self->selected == item)
    return;
  self->selected = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

int
vt_annotation_overlay_get_highlighted (VtAnnotationOverlay *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_OVERLAY (self), -1);

  return self->highlighted;
}

void
vt_annotation_overlay_set_highlighted (VtAnnotationOverlay *self,
                                       int                  item)
{
  g_return_if_fail (VT_IS_ANNOTATION_OVERLAY (self));

  item = MAX (item, -1);
  if (self->highlighted == item)
    return;
  self->highlighted = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
