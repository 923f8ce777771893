/* vt-text-layer.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-text-layer"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "vt-text-layer.h"

/* Text painted on a canvas (IIIF cookbook 0561, 0489): Pango markup laid
 * out inside a rectangle of the scene and drawn with it, so that it pans,
 * zooms and turns with the images under it.
 *
 * The text is laid out once, in a frame of the placement's proportions
 * whose longer side is REF_SIDE units, at the largest font size (up to a
 * fifth of the shorter side) at which it fits; drawing maps that frame
 * onto the placement's place in the view. The text is thus scaled like an
 * image, never reflowed by the zoom, and fits its region at any zoom. Its
 * fonts are unhinted, so that their metrics scale exactly. The text sits
 * on a translucent dark backing at the region's top left, so that it
 * reads over any image, and nothing of it leaves the region. */

#define REF_SIDE 1000.0
#define PAD_EM 0.4          /* the backing's margin around the text */
#define MIN_FONT (REF_SIDE / 400)
/* More text than a region can show anyway is cut here, before Pango
 * shapes it (a manifest may hold a megabyte of it). */
#define MAX_TEXT_BYTES (16 * 1024)

struct _VtTextLayer
{
  GObject parent_instance;

  VtViewport *viewport;
  graphene_rect_t placement;
  char *markup;
  char *text;               /* what is drawn, cut at MAX_TEXT_BYTES */
  PangoAttrList *attrs;
  gboolean visible;
  double opacity;

  /* The layout in the reference frame, made at the first draw. */
  PangoContext *context;
  PangoLayout *layout;
  double ref_width;
  double ref_height;
  double font_size;
  double pad;
  int block_width;
  int block_height;
};

G_DEFINE_FINAL_TYPE (VtTextLayer, vt_text_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE,
  PROP_OPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (VtTextLayer *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static PangoContext *
ensure_context (VtTextLayer *self,
                GtkWidget   *widget)
{
  PangoFontDescription *widget_font;
  cairo_font_options_t *options;

  if (self->context != NULL)
    return self->context;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* The interface's font family, at sizes of our own. */
  widget_font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (widget_font != NULL)
    pango_context_set_font_description (self->context, widget_font);
  return self->context;
}

/* Lays the text out at @size; returns whether it fits the frame. */
static gboolean
layout_at (VtTextLayer *self,
           double       size)
{
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (self->context));
  double pad = size * PAD_EM;
  double width = self->ref_width - 2 * pad;
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (self->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (self->layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_height (self->layout, -1);
  pango_layout_get_pixel_size (self->layout, &w, &h);
  return width > 0 && w <= width + 0.5 && h + 2 * pad <= self->ref_height;
}

static void
ensure_layout (VtTextLayer *self,
               GtkWidget   *widget)
{
  double lo, hi;
  PangoRectangle ink, logical;

  if (self->layout != NULL)
    return;

  ensure_context (self, widget);
  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
  pango_layout_set_attributes (self->layout, self->attrs);

  if (!(self->placement.size.width > 0 && self->placement.size.height > 0))
    {
      /* An empty region shows nothing (see the snapshot); a square keeps
       * the maths finite. */
      self->ref_width = self->ref_height = REF_SIDE;
    }
  else if (self->placement.size.width >= self->placement.size.height)
    {
      self->ref_width = REF_SIDE;
      self->ref_height = MAX (1, REF_SIDE * self->placement.size.height / self->placement.size.width);
    }
  else
    {
      self->ref_height = REF_SIDE;
      self->ref_width = MAX (1, REF_SIDE * self->placement.size.width / self->placement.size.height);
    }

  /* The largest size that fits, found by halving: a few layouts, once. */
  lo = MIN_FONT;
  hi = MAX (lo, MIN (self->ref_width, self->ref_height) / 5);
  if (layout_at (self, hi))
    lo = hi;
  else
    for (int i = 0; i < 12 && hi - lo > 0.01 * hi; i++)
      {
        double mid = (lo + hi) / 2;

        if (layout_at (self, mid))
          lo = mid;
        else
          hi = mid;
      }
  self->font_size = lo;
  self->pad = lo * PAD_EM;
  if (!layout_at (self, lo))
    {
      /* Too much text even at the smallest size: it ends where the
       * region does. */
      pango_layout_set_height (self->layout, (int) (MAX (1, self->ref_height - 2 * self->pad) * PANGO_SCALE));
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (self->layout, &ink, &logical);
  self->block_width = MIN (logical.width, (int) ceil (self->ref_width - 2 * self->pad));
  self->block_height = MIN (logical.height, (int) ceil (self->ref_height - 2 * self->pad));
}

static gboolean
has_ink (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
invalidate (VtTextLayer *self)
{
  g_clear_object (&self->layout);
  changed (self);
}

static void
vt_text_layer_dispose (GObject *object)
{
  VtTextLayer *self = VT_TEXT_LAYER (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (vt_text_layer_parent_class)->dispose (object);
}

static void
vt_text_layer_finalize (GObject *object)
{
  VtTextLayer *self = VT_TEXT_LAYER (object);

  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);

  G_OBJECT_CLASS (vt_text_layer_parent_class)->finalize (object);
}

static void
vt_text_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtTextLayer *self = VT_TEXT_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_OPACITY:
      g_value_set_double (value, self->opacity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_text_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtTextLayer *self = VT_TEXT_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      vt_text_layer_set_visible (self, g_value_get_boolean (value));
      break;
    case PROP_OPACITY:
      vt_text_layer_set_opacity (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_text_layer_class_init (VtTextLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_text_layer_dispose;
  object_class->finalize = vt_text_layer_finalize;
  object_class->get_property = vt_text_layer_get_property;
  object_class->set_property = vt_text_layer_set_property;

  /* Whether the text is drawn: a layer list, or later a clock, turns it
   * on and off. */
  properties[PROP_VISIBLE] = g_param_spec_boolean ("visible", NULL, NULL, TRUE, rw);
  properties[PROP_OPACITY] = g_param_spec_double ("opacity", NULL, NULL, 0, 1, 1, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something drawn changed: the view redraws. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_text_layer_init (VtTextLayer *self)
{
  self->visible = TRUE;
  self->opacity = 1;
}

/**
 * vt_text_layer_new:
 * @viewport: the scene's viewport
 * @placement: where the text goes, in scene coordinates
 *
 * Returns: (transfer full): a layer with no text yet
 */
VtTextLayer *
vt_text_layer_new (VtViewport            *viewport,
                   const graphene_rect_t *placement)
{
  VtTextLayer *self;

  g_return_val_if_fail (VT_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (placement != NULL, NULL);

  self = g_object_new (VT_TYPE_TEXT_LAYER, NULL);
  self->viewport = g_object_ref (viewport);
  graphene_rect_normalize_r (placement, &self->placement);
  return self;
}

/**
 * vt_text_layer_set_markup:
 * @markup: (nullable): Pango markup (sanitised by whoever read it); text
 *   that is not valid markup is shown as it is
 */
void
vt_text_layer_set_markup (VtTextLayer *self,
                          const char  *markup)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  PangoAttrList *attrs = NULL;

  g_return_if_fail (VT_IS_TEXT_LAYER (self));

  if (g_strcmp0 (self->markup, markup) == 0)
    return;
  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->markup = g_strdup (markup);
  if (markup != NULL && !pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error))
    {
      g_debug ("Not markup, shown as text: %s", error->message);
      text = g_strdup (markup);
    }
  self->attrs = attrs;
  if (text != NULL && strlen (text) > MAX_TEXT_BYTES)
    {
      const char *end = g_utf8_find_prev_char (text, text + MAX_TEXT_BYTES + 1);
      g_autofree char *cut = g_strndup (text, end - text);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
    }
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = g_steal_pointer (&valid);
    }
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  invalidate (self);
}

/**
 * vt_text_layer_get_text:
 *
 * Returns: (nullable): the text without its markup
 */
const char *
vt_text_layer_get_text (VtTextLayer *self)
{
  g_return_val_if_fail (VT_IS_TEXT_LAYER (self), NULL);
  return self->text;
}

void
vt_text_layer_get_placement (VtTextLayer     *self,
                             graphene_rect_t *placement)
{
  g_return_if_fail (VT_IS_TEXT_LAYER (self));
  *placement = self->placement;
}

void
vt_text_layer_set_visible (VtTextLayer *self,
                           gboolean     visible)
{
  g_return_if_fail (VT_IS_TEXT_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
  changed (self);
}

gboolean
vt_text_layer_get_visible (VtTextLayer *self)
{
  g_return_val_if_fail (VT_IS_TEXT_LAYER (self), FALSE);
  return self->visible;
}

void
vt_text_layer_set_opacity (VtTextLayer *self,
                           double       opacity)
{
  g_return_if_fail (VT_IS_TEXT_LAYER (self));

  opacity = CLAMP (opacity, 0, 1);
  if (self->opacity == opacity)
    return;
  self->opacity = opacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPACITY]);
  changed (self);
}

double
vt_text_layer_get_opacity (VtTextLayer *self)
{
  g_return_val_if_fail (VT_IS_TEXT_LAYER (self), 1);
  return self->opacity;
}

/**
 * vt_text_layer_get_font_size:
 * @widget: the widget that draws it (for its font)
 *
 * Returns: the size the text is drawn at, in scene units
 */
double
vt_text_layer_get_font_size (VtTextLayer *self,
                             GtkWidget   *widget)
{
  g_return_val_if_fail (VT_IS_TEXT_LAYER (self), 0);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  ensure_layout (self, widget);
  return self->font_size * MAX (self->placement.size.width, self->placement.size.height) / REF_SIDE;
}

/**
 * vt_text_layer_get_widget_bounds:
 * @bounds: (out): where the placement is drawn, in the view's widget
 *   coordinates; nothing of the text lies outside it
 */
void
vt_text_layer_get_widget_bounds (VtTextLayer     *self,
                                 graphene_rect_t *bounds)
{
  const graphene_rect_t *r;
  double ax, ay, bx, by;

  g_return_if_fail (VT_IS_TEXT_LAYER (self));

  r = &self->placement;
  vt_viewport_image_to_widget (self->viewport, r->origin.x, r->origin.y, &ax, &ay);
  vt_viewport_image_to_widget (self->viewport, r->origin.x + r->size.width,
                               r->origin.y + r->size.height, &bx, &by);
  graphene_rect_init (bounds, MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay));
}

/* Draws the text where the placement lies in the view; @widget provides
 * the font. */
void
vt_text_layer_snapshot (VtTextLayer *self,
                        GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  const graphene_rect_t *r;
  graphene_rect_t bounds, view;
  double ox, oy, ax, ay, bx, by;
  GdkRGBA backing = { 0.06f, 0.06f, 0.06f, 0.62f };
  GdkRGBA ink = { 1, 1, 1, 1 };

  g_return_if_fail (VT_IS_TEXT_LAYER (self));

  r = &self->placement;
  if (!self->visible || self->opacity <= 0 || self->text == NULL || !has_ink (self->text) ||
      r->size.width <= 0 || r->size.height <= 0)
    return;
  vt_text_layer_get_widget_bounds (self, &bounds);
  graphene_rect_init (&view, 0, 0, vt_viewport_get_width (self->viewport),
                      vt_viewport_get_height (self->viewport));
  if (bounds.size.width < 1 || bounds.size.height < 1 || !graphene_rect_intersection (&bounds, &view, NULL))
    return;

  ensure_layout (self, widget);

  /* The reference frame onto the placement, as the view shows it (turned
   * with the view by quarter turns): a translation, a turn and a scale,
   * which every renderer draws (a general matrix would be 3D to GSK). */
  vt_viewport_image_to_widget (self->viewport, r->origin.x, r->origin.y, &ox, &oy);
  vt_viewport_image_to_widget (self->viewport, r->origin.x + r->size.width, r->origin.y, &ax, &ay);
  vt_viewport_image_to_widget (self->viewport, r->origin.x, r->origin.y + r->size.height, &bx, &by);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
  gtk_snapshot_rotate (snapshot, atan2 (ay - oy, ax - ox) * 180 / G_PI);
  gtk_snapshot_scale (snapshot, hypot (ax - ox, ay - oy) / self->ref_width,
                      hypot (bx - ox, by - oy) / self->ref_height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->ref_width, self->ref_height));
  if (self->opacity < 1)
    gtk_snapshot_push_opacity (snapshot, self->opacity);
  gtk_snapshot_append_color (snapshot, &backing,
                             &GRAPHENE_RECT_INIT (0, 0, self->block_width + 2 * self->pad,
                                                  self->block_height + 2 * self->pad));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->pad, self->pad));
  gtk_snapshot_append_layout (snapshot, self->layout, &ink);
  if (self->opacity < 1)
    gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}
