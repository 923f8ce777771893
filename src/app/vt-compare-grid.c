/* vt-compare-grid.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-compare-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vt-compare-grid.h"

/* Lays out the compare view's panes: side by side (two or three in a
 * row, more in a grid), or, for swipe, the first two on top of each other
 * with the second one shown only right of a divider the user drags. The
 * panes never change parent between the two layouts, so a switch keeps
 * their views, tiles and sidebars as they were. */

#define SPACING       1
#define HANDLE_WIDTH  24

struct _VtCompareGrid
{
  GtkWidget  parent_instance;

  GPtrArray *panes;          /* GtkWidget, in order */
  GtkWidget *handle;         /* the swipe divider */
  double     swipe_position; /* 0–1, where the divider stands */
  double     drag_start;
  guint      swipe : 1;
  guint      allocating : 1;
};

G_DEFINE_FINAL_TYPE (VtCompareGrid, vt_compare_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SWIPE,
  PROP_SWIPE_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
child_min_width (VtCompareGrid *self)
{
  int min = 0;

  for (guint i = 0; i < self->panes->len; i++)
    {
      int cmin;

      gtk_widget_measure (g_ptr_array_index (self->panes, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          &cmin, NULL, NULL, NULL);
      min = MAX (min, cmin);
    }
  return min;
}

/* Side by side, or in a grid; in a window too narrow for that (a phone's)
 * one above the other. */
static void
grid_shape (VtCompareGrid *self,
            int            width,
            guint         *columns,
            guint         *rows)
{
  guint n = self->panes->len;

  *columns = n <= 3 ? MAX (n, 1) : (guint) ceil (sqrt (n));
  if (width >= 0 && *columns > 1 &&
      width < (int) *columns * child_min_width (self) + SPACING * ((int) *columns - 1))
    *columns = 1;
  *rows = (n + *columns - 1) / MAX (*columns, 1);
}

static void
vt_compare_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  VtCompareGrid *self = VT_COMPARE_GRID (widget);
  guint columns, rows, along;
  int min = 0, nat = 0;

  grid_shape (self, -1, &columns, &rows);
  along = orientation == GTK_ORIENTATION_HORIZONTAL ? columns : rows;

  for (guint i = 0; i < self->panes->len; i++)
    {
      int cmin, cnat;

      gtk_widget_measure (g_ptr_array_index (self->panes, i), orientation, -1,
                          &cmin, &cnat, NULL, NULL);
      min = MAX (min, cmin);
      nat = MAX (nat, cnat);
    }

  /* The least is one pane's: narrower, the panes go one above the
   * other. */
  if (!self->swipe)
    nat = nat * along + SPACING * (along - 1);
  *minimum = min;
  *natural = nat;
}

static void allocate_panes (VtCompareGrid *self,
                            int            width,
                            int            height);

static void
vt_compare_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  VtCompareGrid *self = VT_COMPARE_GRID (widget);

  self->allocating = TRUE;
  allocate_panes (self, width, height);
  self->allocating = FALSE;
}

static void
allocate_panes (VtCompareGrid *self,
                int            width,
                int            height)
{
  guint columns, rows;

  if (self->swipe)
    {
      int x = (int) round (self->swipe_position * width);

      for (guint i = 0; i < self->panes->len; i++)
        gtk_widget_size_allocate (g_ptr_array_index (self->panes, i),
                                  &(GtkAllocation) { 0, 0, width, height }, -1);
      gtk_widget_size_allocate (self->handle,
                                &(GtkAllocation) { x - HANDLE_WIDTH / 2, 0, HANDLE_WIDTH, height }, -1);
      return;
    }

  grid_shape (self, width, &columns, &rows);
  for (guint i = 0; i < self->panes->len; i++)
    {
      guint c = i % columns, r = i / columns;
      int x0 = (int) ((double) c * (width + SPACING) / columns);
      int x1 = (int) ((double) (c + 1) * (width + SPACING) / columns) - SPACING;
      int y0 = (int) ((double) r * (height + SPACING) / rows);
      int y1 = (int) ((double) (r + 1) * (height + SPACING) / rows) - SPACING;

      gtk_widget_size_allocate (g_ptr_array_index (self->panes, i),
                                &(GtkAllocation) { x0, y0, MAX (0, x1 - x0), MAX (0, y1 - y0) }, -1);
    }
}

static void
vt_compare_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VtCompareGrid *self = VT_COMPARE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (!self->swipe || self->panes->len < 2)
    {
      for (guint i = 0; i < self->panes->len; i++)
        gtk_widget_snapshot_child (widget, g_ptr_array_index (self->panes, i), snapshot);
      return;
    }

  /* The first pane whole, the second over it right of the divider. */
  gtk_widget_snapshot_child (widget, g_ptr_array_index (self->panes, 0), snapshot);
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (round (self->swipe_position * width), 0,
                                               width - round (self->swipe_position * width), height));
  gtk_widget_snapshot_child (widget, g_ptr_array_index (self->panes, 1), snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_widget_snapshot_child (widget, self->handle, snapshot);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               VtCompareGrid  *self)
{
  self->drag_start = self->swipe_position;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                VtCompareGrid  *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width > 0)
    vt_compare_grid_set_swipe_position (self, self->drag_start + dx / width);
}

static void
sync_children (VtCompareGrid *self)
{
  gtk_widget_set_visible (self->handle, self->swipe && self->panes->len >= 2);
  /* Beyond the first two, panes have no place in a swipe. */
  for (guint i = 0; i < self->panes->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (self->panes, i), !self->swipe || i < 2);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
vt_compare_grid_dispose (GObject *object)
{
  VtCompareGrid *self = VT_COMPARE_GRID (object);

  for (guint i = 0; i < self->panes->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->panes, i));
  g_ptr_array_set_size (self->panes, 0);
  g_clear_pointer (&self->handle, gtk_widget_unparent);

  G_OBJECT_CLASS (vt_compare_grid_parent_class)->dispose (object);
}

static void
vt_compare_grid_finalize (GObject *object)
{
  VtCompareGrid *self = VT_COMPARE_GRID (object);

  g_ptr_array_unref (self->panes);

  G_OBJECT_CLASS (vt_compare_grid_parent_class)->finalize (object);
}

static void
vt_compare_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtCompareGrid *self = VT_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_SWIPE:
      g_value_set_boolean (value, self->swipe);
      break;
    case PROP_SWIPE_POSITION:
      g_value_set_double (value, self->swipe_position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_compare_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtCompareGrid *self = VT_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_SWIPE:
      vt_compare_grid_set_swipe (self, g_value_get_boolean (value));
      break;
    case PROP_SWIPE_POSITION:
      vt_compare_grid_set_swipe_position (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_compare_grid_class_init (VtCompareGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_compare_grid_dispose;
  object_class->finalize = vt_compare_grid_finalize;
  object_class->get_property = vt_compare_grid_get_property;
  object_class->set_property = vt_compare_grid_set_property;
  widget_class->measure = vt_compare_grid_measure;
  widget_class->size_allocate = vt_compare_grid_size_allocate;
  widget_class->snapshot = vt_compare_grid_snapshot;

  properties[PROP_SWIPE] = g_param_spec_boolean ("swipe", NULL, NULL, FALSE, rw);
  properties[PROP_SWIPE_POSITION] = g_param_spec_double ("swipe-position", NULL, NULL, 0, 1, 0.5, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "comparegrid");
}

static void
vt_compare_grid_init (VtCompareGrid *self)
{
  GtkGesture *drag;
  GtkWidget *line;

  self->panes = g_ptr_array_new ();
  self->swipe_position = 0.5;

  /* The divider: a line with a grip, dragged left and right. */
  self->handle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->handle, "compare-divider");
  gtk_widget_set_cursor_from_name (self->handle, "col-resize");
  line = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_hexpand (line, TRUE);
  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->handle), line);
  gtk_widget_set_tooltip_text (self->handle, _("Drag to reveal more of either image"));
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));
  gtk_widget_set_visible (self->handle, FALSE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
vt_compare_grid_new (void)
{
  return g_object_new (VT_TYPE_COMPARE_GRID, NULL);
}

void
vt_compare_grid_append (VtCompareGrid *self,
                        GtkWidget     *child)
{
  g_return_if_fail (VT_IS_COMPARE_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  g_ptr_array_add (self->panes, child);
  gtk_widget_insert_before (child, GTK_WIDGET (self), self->handle);
  sync_children (self);
}

void
vt_compare_grid_remove (VtCompareGrid *self,
                        GtkWidget     *child)
{
  g_return_if_fail (VT_IS_COMPARE_GRID (self));

  if (g_ptr_array_remove (self->panes, child))
    {
      gtk_widget_unparent (child);
      sync_children (self);
    }
}

/**
 * vt_compare_grid_get_allocating:
 *
 * Returns: whether the panes are being laid out: what changes them now
 *   would change a pane already laid out in this frame
 */
gboolean
vt_compare_grid_get_allocating (VtCompareGrid *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_GRID (self), FALSE);
  return self->allocating;
}

gboolean
vt_compare_grid_get_swipe (VtCompareGrid *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_GRID (self), FALSE);
  return self->swipe;
}

void
vt_compare_grid_set_swipe (VtCompareGrid *self,
                           gboolean       swipe)
{
  g_return_if_fail (VT_IS_COMPARE_GRID (self));

  swipe = !!swipe;
  if (self->swipe == swipe)
    return;
  self->swipe = swipe;
  sync_children (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWIPE]);
}

double
vt_compare_grid_get_swipe_position (VtCompareGrid *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_GRID (self), 0.5);
  return self->swipe_position;
}

void
vt_compare_grid_set_swipe_position (VtCompareGrid *self,
                                    double         position)
{
  g_return_if_fail (VT_IS_COMPARE_GRID (self));

  position = CLAMP (position, 0.0, 1.0);
  if (self->swipe_position == position)
    return;
  self->swipe_position = position;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWIPE_POSITION]);
}
