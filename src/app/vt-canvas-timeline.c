/* vt-canvas-timeline.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vt-canvas-timeline.h"
#include "vt-page-layer.h"
#include "vt-timeline-controls.h"

/* The time of a composite canvas that has a duration (cookbook 0560:
 * one image for the first two seconds, another for the next two; 0489:
 * images and texts at time ranges): a VtCanvasClock, played and sought
 * with VtTimelineControls over the top of the canvas, and every layer of
 * the page told the time, so that each shows only inside its own time
 * range. It is told nothing of what kind of layer it is: any page layer
 * with a `#t=` target follows the clock.
 *
 * A video the canvas paints (0489: a clock over part of an image, at
 * `#xywh=…&t=11,42`) is one of the clock's recordings: while the clock
 * is inside its range its frames are drawn by a GtkPicture laid over the
 * image view at its target, following the view's pans and zooms. */

struct _VtCanvasTimeline
{
  GObject        parent_instance;

  GtkOverlay    *overlay;
  VtImageView   *image_view;
  GtkWidget     *picture;   /* the video playing, at its place on the canvas */
  GtkWidget     *box;       /* the OSD box of the controls, in the overlay */
  GtkWidget     *controls;  /* VtTimelineControls */
  VtPage        *page;      /* the page whose layers follow the clock */
  VtCanvasClock *clock;
};

G_DEFINE_FINAL_TYPE (VtCanvasTimeline, vt_canvas_timeline, G_TYPE_OBJECT)

/**
 * vt_canvas_timeline_wants:
 * @page: (nullable): a ready page
 *
 * Returns: whether @page is a composite canvas with a duration, one of
 *   whose layers is painted at a time range of it
 */
gboolean
vt_canvas_timeline_wants (VtPage *page)
{
  GListModel *layers = page ? vt_page_get_layers (page) : NULL;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  guint n;

  if (layers == NULL || canvas == NULL || canvas->duration <= 0)
    return FALSE;
  n = g_list_model_get_n_items (layers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtPageLayer) layer = g_list_model_get_item (layers, i);

      if (vt_page_layer_get_time_range (layer, NULL, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Where the video open now goes in the overlay, from its canvas target
 * through the view's viewport. */
static gboolean
get_child_position_cb (GtkOverlay       *overlay,
                       GtkWidget        *widget,
                       GdkRectangle     *allocation,
                       VtCanvasTimeline *self)
{
  VtPaintingAnnotation *annotation;
  VtViewport *viewport = vt_image_view_get_viewport (self->image_view);
  VtCanvas *canvas;
  double x0, y0, x1, y1;

  if (widget != self->picture)
    return FALSE;
  annotation = self->clock ? vt_canvas_clock_get_segment_annotation (self->clock) : NULL;
  canvas = self->page ? vt_page_get_canvas (self->page) : NULL;
  if (annotation == NULL || canvas == NULL)
    {
      *allocation = (GdkRectangle) { 0, 0, 0, 0 };
      return TRUE;
    }
  if (annotation->has_target)
    {
      vt_viewport_image_to_widget (viewport, annotation->target.x, annotation->target.y, &x0, &y0);
      vt_viewport_image_to_widget (viewport, annotation->target.x + annotation->target.width,
                                   annotation->target.y + annotation->target.height, &x1, &y1);
    }
  else
    {
      vt_viewport_image_to_widget (viewport, 0, 0, &x0, &y0);
      vt_viewport_image_to_widget (viewport, canvas->width, canvas->height, &x1, &y1);
    }
  /* A quarter turn swaps the corners. */
  allocation->x = (int) floor (MIN (x0, x1));
  allocation->y = (int) floor (MIN (y0, y1));
  allocation->width = (int) ceil (fabs (x1 - x0));
  allocation->height = (int) ceil (fabs (y1 - y0));
  return TRUE;
}

static void
sync_picture (VtCanvasTimeline *self)
{
  VtPaintingAnnotation *annotation = self->clock ? vt_canvas_clock_get_segment_annotation (self->clock) : NULL;
  VtContentResource *body = annotation ? vt_painting_annotation_get_body (annotation) : NULL;
  gboolean shown = body != NULL && body->kind == VT_CONTENT_VIDEO;

  gtk_widget_set_visible (self->picture, shown);
  if (shown)
    gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));
}

static void
apply_time (VtCanvasTimeline *self)
{
  GListModel *layers = self->page ? vt_page_get_layers (self->page) : NULL;
  double seconds;
  guint n;

  sync_picture (self);
  if (layers == NULL || self->clock == NULL)
    return;
  seconds = vt_canvas_clock_get_position (self->clock);
  n = g_list_model_get_n_items (layers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtPageLayer) layer = g_list_model_get_item (layers, i);

      vt_page_layer_set_time (layer, seconds);
    }
}

/**
 * vt_canvas_timeline_show:
 * @manifest: (nullable): the manifest of @page, whose behavior `repeat`
 *   makes the clock go round
 * @page: a ready composite page
 *
 * Gives @page a clock at its start, paused, with the controls, when it
 * wants one (vt_canvas_timeline_wants()); else drops the one shown.
 */
void
vt_canvas_timeline_show (VtCanvasTimeline *self,
                         VtManifest       *manifest,
                         VtPage           *page)
{
  VtCanvas *canvas;

  g_return_if_fail (VT_IS_CANVAS_TIMELINE (self));
  g_return_if_fail (VT_IS_PAGE (page));

  if (self->page == page)
    return;
  vt_canvas_timeline_drop (self);
  if (!vt_canvas_timeline_wants (page))
    return;

  canvas = vt_page_get_canvas (page);
  self->page = g_object_ref (page);
  /* With the recordings it paints, each at its time range. */
  self->clock = vt_canvas_clock_new_for_canvas (canvas);
  gtk_media_stream_set_loop (GTK_MEDIA_STREAM (self->clock),
                             ((canvas->behavior_flags | (manifest ? manifest->behavior_flags : 0))
                              & VT_BEHAVIOR_REPEAT) != 0);
  g_signal_connect_object (self->clock, "notify::timestamp", G_CALLBACK (apply_time), self, G_CONNECT_SWAPPED);
  /* Layers that come later (a reload) are told the time as they come. */
  g_signal_connect_object (vt_page_get_layers (page), "items-changed", G_CALLBACK (apply_time),
                           self, G_CONNECT_SWAPPED);
  apply_time (self);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (self->clock));
  vt_timeline_controls_set_stream (VT_TIMELINE_CONTROLS (self->controls), GTK_MEDIA_STREAM (self->clock));
  gtk_widget_set_visible (self->box, TRUE);
}

/**
 * vt_canvas_timeline_drop:
 *
 * Stops the clock and hides the controls; the layers keep what they show.
 */
void
vt_canvas_timeline_drop (VtCanvasTimeline *self)
{
  g_return_if_fail (VT_IS_CANVAS_TIMELINE (self));

  gtk_widget_set_visible (self->box, FALSE);
  gtk_widget_set_visible (self->picture, FALSE);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
  vt_timeline_controls_set_stream (VT_TIMELINE_CONTROLS (self->controls), NULL);
  if (self->page != NULL && vt_page_get_layers (self->page) != NULL)
    g_signal_handlers_disconnect_by_data (vt_page_get_layers (self->page), self);
  g_clear_object (&self->page);
  if (self->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->clock, self);
      gtk_media_stream_pause (GTK_MEDIA_STREAM (self->clock));
      g_clear_object (&self->clock);
    }
}

/**
 * vt_canvas_timeline_get_clock:
 *
 * Returns: (nullable) (transfer none): the clock of the page shown, or
 *   %NULL when it has none
 */
VtCanvasClock *
vt_canvas_timeline_get_clock (VtCanvasTimeline *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_TIMELINE (self), NULL);

  return self->clock;
}

/**
 * vt_canvas_timeline_get_picture:
 *
 * Returns: (transfer none): the picture of the video playing at its place
 *   on the canvas (hidden when none does)
 */
GtkWidget *
vt_canvas_timeline_get_picture (VtCanvasTimeline *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_TIMELINE (self), NULL);

  return self->picture;
}

/**
 * vt_canvas_timeline_get_controls:
 *
 * Returns: (transfer none): the box of the play button, position and time
 */
GtkWidget *
vt_canvas_timeline_get_controls (VtCanvasTimeline *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_TIMELINE (self), NULL);

  return self->box;
}

static void
vt_canvas_timeline_dispose (GObject *object)
{
  VtCanvasTimeline *self = VT_CANVAS_TIMELINE (object);

  if (self->box != NULL)
    vt_canvas_timeline_drop (self);
  if (self->image_view != NULL)
    g_signal_handlers_disconnect_by_data (vt_image_view_get_viewport (self->image_view), self);
  if (self->overlay != NULL)
    g_signal_handlers_disconnect_by_data (self->overlay, self);
  g_clear_object (&self->controls);
  g_clear_object (&self->box);
  g_clear_object (&self->picture);
  g_clear_object (&self->image_view);
  g_clear_object (&self->overlay);

  G_OBJECT_CLASS (vt_canvas_timeline_parent_class)->dispose (object);
}

static void
vt_canvas_timeline_class_init (VtCanvasTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_canvas_timeline_dispose;
}

static void
vt_canvas_timeline_init (VtCanvasTimeline *self)
{
}

static void
viewport_changed_cb (VtCanvasTimeline *self)
{
  if (gtk_widget_get_visible (self->picture))
    gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));
}

/**
 * vt_canvas_timeline_new:
 * @overlay: the canvas's overlay, where the controls go, over the top
 * @image_view: the view in @overlay that draws the canvas
 */
VtCanvasTimeline *
vt_canvas_timeline_new (GtkOverlay  *overlay,
                        VtImageView *image_view)
{
  VtCanvasTimeline *self;

  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_CANVAS_TIMELINE, NULL);
  self->overlay = g_object_ref (overlay);
  self->image_view = g_object_ref (image_view);

  /* Over the image, under the annotations and every control; it takes
   * no clicks, so the view below still pans and zooms. */
  self->picture = g_object_ref_sink (gtk_picture_new ());
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_FILL);
  gtk_widget_set_can_target (self->picture, FALSE);
  gtk_widget_set_visible (self->picture, FALSE);
  gtk_widget_insert_after (self->picture, GTK_WIDGET (overlay), GTK_WIDGET (image_view));
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (get_child_position_cb), self);
  g_signal_connect_object (vt_image_view_get_viewport (image_view), "notify", G_CALLBACK (viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->controls = g_object_ref_sink (vt_timeline_controls_new ());
  gtk_widget_set_hexpand (self->controls, TRUE);
  self->box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_box_append (GTK_BOX (self->box), self->controls);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_START);
  gtk_widget_set_size_request (self->box, 360, -1);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_add_css_class (self->box, "osd");
  gtk_widget_add_css_class (self->box, "toolbar");
  gtk_widget_add_css_class (self->box, "canvas-timeline");
  /* Translators: the controls that play the time of a canvas whose
   * images change over time */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Canvas Timeline"), -1);
  gtk_widget_set_visible (self->box, FALSE);
  gtk_overlay_add_overlay (overlay, self->box);

  return self;
}
