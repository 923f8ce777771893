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

#include "vt-region-selector-private.h"

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
#define LABEL_PAD     6.0

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

/* ------------------------------------------------------------------ */
/* Geometry */

/* Handles, clockwise from the top left, as (x, y) directions on screen. */
const int vt_region_selector_handle_dirs[8][2] = {
  { -1, -1 }, { 0, -1 }, { 1, -1 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { -1, 1 }, { -1, 0 },
};

double
vt_region_selector_image_width (VtRegionSelector *self)
{
  return self->viewport ? vt_viewport_get_image_width (self->viewport) : 0;
}

double
vt_region_selector_image_height (VtRegionSelector *self)
{
  return self->viewport ? vt_viewport_get_image_height (self->viewport) : 0;
}

/* The region on screen: a rectangle whatever the quarter turn. */
void
vt_region_selector_widget_rect (VtRegionSelector *self,
             graphene_rect_t  *rect)
{
  double ax, ay, bx, by;

  vt_viewport_image_to_widget (self->viewport, self->x0, self->y0, &ax, &ay);
  vt_viewport_image_to_widget (self->viewport, self->x1, self->y1, &bx, &by);
  graphene_rect_init (rect, MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay));
}

/* Which way on the image a direction on screen goes, each of -1, 0, 1:
 * it follows whatever turn the viewport maps through. */
void
vt_region_selector_screen_to_image_dir (VtRegionSelector *self,
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

void
vt_region_selector_handle_center (const graphene_rect_t *rect,
               int                    handle,
               double                *x,
               double                *y)
{
  *x = rect->origin.x + rect->size.width * (vt_region_selector_handle_dirs[handle][0] + 1) / 2.0;
  *y = rect->origin.y + rect->size.height * (vt_region_selector_handle_dirs[handle][1] + 1) / 2.0;
}

/* What a screen reader says of the selection: its size, or how to make
 * one. */
static void
update_accessible (VtRegionSelector *self)
{
  g_autofree char *size = vt_region_selector_dup_size_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  size ? size : _("Drag over the image to select a region"),
                                  -1);
}

/* Sets the region from any two corners, rounded to whole pixels and kept
 * inside the image, at least one pixel each way. */
void
vt_region_selector_set_corners (VtRegionSelector *self,
             double            ax,
             double            ay,
             double            bx,
             double            by)
{
  double iw = vt_region_selector_image_width (self), ih = vt_region_selector_image_height (self);
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
  update_accessible (self);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  vt_region_selector_widget_rect (self, &r);
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

      vt_region_selector_handle_center (&r, i, &hx, &hy);
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

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Region to export"),
                                  -1);
  update_accessible (self);
  gtk_widget_set_cursor_from_name (widget, "crosshair");

  vt_region_selector_input_init (self);
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
  vt_region_selector_set_corners (self, x, y, x + width, y + height);
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
  update_accessible (self);
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
