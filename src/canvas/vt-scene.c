/* vt-scene.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-scene"

#include "config.h"

#include <math.h>

#include "vt-scene.h"

/* The layers placed in a VtImageView's scene: the images of a composite
 * IIIF canvas, or the canvases of a spread or a scroll. Each is a
 * VtTileLayer with its own source, cache and level choice, following the
 * view's viewport through its placement; the scene keeps them in drawing
 * order, passes the view's plan, deferral and scale factor on to each, and
 * sums their progress. Its signals are its layers', so that the view
 * listens to one object. */

struct _VtScene
{
  GObject parent_instance;

  VtViewport *viewport;
  GPtrArray *layers;        /* VtTileLayer, bottom first */
  GPtrArray *texts;         /* VtTextLayer, bottom first */
  GArray *text_depths;      /* guint: how many of @layers lie under each text */
  gboolean sheet;           /* a blank sheet under everything */
  VtViewport *plan;
  gboolean deferring;
  int scale_factor;
  guint64 cache_size;
};

G_DEFINE_FINAL_TYPE (VtScene, vt_scene, G_TYPE_OBJECT)

enum {
  CHANGED,
  TILE_ERROR,
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
layer_changed_cb (VtScene *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
layer_tile_error_cb (VtScene      *self,
                     guint64       key,
                     const GError *error)
{
  g_signal_emit (self, signals[TILE_ERROR], 0, key, error);
}

static void
layer_progress_cb (VtScene *self)
{
  g_signal_emit (self, signals[PROGRESS], 0);
}

static void
forget_layer (VtScene     *self,
              VtTileLayer *layer)
{
  g_signal_handlers_disconnect_by_data (layer, self);
  g_object_run_dispose (G_OBJECT (layer));
}

static void
forget_text (VtScene     *self,
             VtTextLayer *text)
{
  g_signal_handlers_disconnect_by_data (text, self);
}

static void
vt_scene_dispose (GObject *object)
{
  VtScene *self = VT_SCENE (object);

  if (self->layers != NULL)
    vt_scene_clear (self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (vt_scene_parent_class)->dispose (object);
}

static void
vt_scene_finalize (GObject *object)
{
  VtScene *self = VT_SCENE (object);

  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->text_depths, g_array_unref);
  g_clear_object (&self->viewport);

  G_OBJECT_CLASS (vt_scene_parent_class)->finalize (object);
}

static void
vt_scene_class_init (VtSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_scene_dispose;
  object_class->finalize = vt_scene_finalize;

  /* A layer's VtTileLayer::changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A layer's VtTileLayer::tile-error. */
  signals[TILE_ERROR] =
    g_signal_new ("tile-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT64, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* A layer's progress changed, or the layers did. */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_scene_init (VtScene *self)
{
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->texts = g_ptr_array_new_with_free_func (g_object_unref);
  self->text_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->scale_factor = 1;
}

VtScene *
vt_scene_new (VtViewport *viewport)
{
  VtScene *self;

  g_return_val_if_fail (VT_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (VT_TYPE_SCENE, NULL);
  self->viewport = g_object_ref (viewport);
  return self;
}

/**
 * vt_scene_add:
 * @source: (nullable): the layer's tile source; %NULL for one still
 *   opening or that failed (see vt_tile_layer_set_source() and
 *   vt_tile_layer_set_failure())
 * @placement: where it lies, in scene coordinates
 *
 * Returns: (transfer none): the new layer, on top of the others
 */
VtTileLayer *
vt_scene_add (VtScene               *self,
              VtTileSource          *source,
              const graphene_rect_t *placement)
{
  VtTileLayer *layer;

  g_return_val_if_fail (VT_IS_SCENE (self), NULL);
  g_return_val_if_fail (source == NULL || VT_IS_TILE_SOURCE (source), NULL);
  g_return_val_if_fail (placement != NULL, NULL);

  layer = vt_tile_layer_new (self->viewport);
  vt_tile_layer_set_placement (layer, placement);
  vt_tile_layer_set_scale_factor (layer, self->scale_factor);
  vt_tile_layer_set_plan (layer, self->plan);
  vt_tile_layer_set_deferring (layer, self->deferring);
  if (self->cache_size > 0)
    vt_tile_cache_set_max_bytes (vt_tile_layer_get_cache (layer), self->cache_size);
  g_signal_connect_swapped (layer, "changed", G_CALLBACK (layer_changed_cb), self);
  g_signal_connect_swapped (layer, "tile-error", G_CALLBACK (layer_tile_error_cb), self);
  g_signal_connect_swapped (layer, "notify::visible-tiles", G_CALLBACK (layer_progress_cb), self);
  g_signal_connect_swapped (layer, "notify::loaded-tiles", G_CALLBACK (layer_progress_cb), self);
  g_signal_connect_swapped (layer, "notify::sharp", G_CALLBACK (layer_progress_cb), self);
  g_ptr_array_add (self->layers, layer);
  if (source != NULL)
    vt_tile_layer_set_source (layer, source);
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[PROGRESS], 0);
  return layer;
}

void
vt_scene_remove (VtScene     *self,
                 VtTileLayer *layer)
{
  guint i;

  g_return_if_fail (VT_IS_SCENE (self));
  g_return_if_fail (VT_IS_TILE_LAYER (layer));

  if (!g_ptr_array_find (self->layers, layer, &i))
    return;
  forget_layer (self, layer);
  g_ptr_array_remove_index (self->layers, i);
  /* The texts above it stay above the same images. */
  for (guint t = 0; t < self->text_depths->len; t++)
    if (g_array_index (self->text_depths, guint, t) > i)
      g_array_index (self->text_depths, guint, t)--;
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[PROGRESS], 0);
}

void
vt_scene_clear (VtScene *self)
{
  g_return_if_fail (VT_IS_SCENE (self));

  self->sheet = FALSE;
  if (self->layers->len == 0 && self->texts->len == 0)
    return;
  for (guint i = 0; i < self->layers->len; i++)
    forget_layer (self, g_ptr_array_index (self->layers, i));
  g_ptr_array_set_size (self->layers, 0);
  for (guint i = 0; i < self->texts->len; i++)
    forget_text (self, g_ptr_array_index (self->texts, i));
  g_ptr_array_set_size (self->texts, 0);
  g_array_set_size (self->text_depths, 0);
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[PROGRESS], 0);
}

/**
 * vt_scene_add_text:
 * @placement: where the text goes, in scene coordinates
 *
 * Returns: (transfer none): a new text layer, on top of the layers so far
 *   (images added later go over it)
 */
VtTextLayer *
vt_scene_add_text (VtScene               *self,
                   const graphene_rect_t *placement)
{
  VtTextLayer *text;
  guint depth;

  g_return_val_if_fail (VT_IS_SCENE (self), NULL);
  g_return_val_if_fail (placement != NULL, NULL);

  text = vt_text_layer_new (self->viewport, placement);
  depth = self->layers->len;
  g_signal_connect_swapped (text, "changed", G_CALLBACK (layer_changed_cb), self);
  g_ptr_array_add (self->texts, text);
  g_array_append_val (self->text_depths, depth);
  g_signal_emit (self, signals[CHANGED], 0);
  return text;
}

/**
 * vt_scene_set_sheet:
 * @sheet: whether to draw a blank sheet the scene's size under its layers
 *   (a canvas with no image, only text), until the scene is cleared
 */
void
vt_scene_set_sheet (VtScene  *self,
                    gboolean  sheet)
{
  g_return_if_fail (VT_IS_SCENE (self));

  sheet = !!sheet;
  if (self->sheet == sheet)
    return;
  self->sheet = sheet;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
vt_scene_get_n_texts (VtScene *self)
{
  g_return_val_if_fail (VT_IS_SCENE (self), 0);
  return self->texts->len;
}

/**
 * vt_scene_get_text:
 *
 * Returns: (transfer none) (nullable): the text layer at @position,
 *   bottom first
 */
VtTextLayer *
vt_scene_get_text (VtScene *self,
                   guint    position)
{
  g_return_val_if_fail (VT_IS_SCENE (self), NULL);

  if (position >= self->texts->len)
    return NULL;
  return g_ptr_array_index (self->texts, position);
}

guint
vt_scene_get_n_layers (VtScene *self)
{
  g_return_val_if_fail (VT_IS_SCENE (self), 0);
  return self->layers->len;
}

/**
 * vt_scene_get_layer:
 *
 * Returns: (transfer none) (nullable): the layer at @position, bottom first
 */
VtTileLayer *
vt_scene_get_layer (VtScene *self,
                    guint    position)
{
  g_return_val_if_fail (VT_IS_SCENE (self), NULL);

  if (position >= self->layers->len)
    return NULL;
  return g_ptr_array_index (self->layers, position);
}

void
vt_scene_set_plan (VtScene    *self,
                   VtViewport *plan)
{
  g_return_if_fail (VT_IS_SCENE (self));

  g_set_object (&self->plan, plan);
  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_layer_set_plan (g_ptr_array_index (self->layers, i), plan);
}

void
vt_scene_set_deferring (VtScene  *self,
                        gboolean  deferring)
{
  g_return_if_fail (VT_IS_SCENE (self));

  self->deferring = deferring;
  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_layer_set_deferring (g_ptr_array_index (self->layers, i), deferring);
}

void
vt_scene_set_scale_factor (VtScene *self,
                           int      scale_factor)
{
  g_return_if_fail (VT_IS_SCENE (self));

  self->scale_factor = scale_factor;
  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_layer_set_scale_factor (g_ptr_array_index (self->layers, i), scale_factor);
}

/* Each layer keeps a cache of this size; only tiles in view stay pinned. */
void
vt_scene_set_cache_size (VtScene *self,
                         guint64  max_bytes)
{
  g_return_if_fail (VT_IS_SCENE (self));

  self->cache_size = max_bytes;
  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_cache_set_max_bytes (vt_tile_layer_get_cache (g_ptr_array_index (self->layers, i)),
                                 max_bytes);
}

void
vt_scene_queue_update (VtScene *self)
{
  g_return_if_fail (VT_IS_SCENE (self));

  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_layer_queue_update (g_ptr_array_index (self->layers, i));
}

void
vt_scene_update_now (VtScene *self)
{
  g_return_if_fail (VT_IS_SCENE (self));

  for (guint i = 0; i < self->layers->len; i++)
    vt_tile_layer_update_now (g_ptr_array_index (self->layers, i));
}

/**
 * vt_scene_get_progress:
 * @visible: (out): the visible tiles of all layers
 * @loaded: (out): those loaded or failed
 * @sharp: (out): whether some layer has tiles in view and every layer
 *   with tiles in view is sharp
 */
void
vt_scene_get_progress (VtScene  *self,
                       guint    *visible,
                       guint    *loaded,
                       gboolean *sharp)
{
  gboolean all_sharp = TRUE;

  g_return_if_fail (VT_IS_SCENE (self));

  *visible = *loaded = 0;
  for (guint i = 0; i < self->layers->len; i++)
    {
      VtTileLayer *layer = g_ptr_array_index (self->layers, i);
      guint v = vt_tile_layer_get_visible_tiles (layer);

      *visible += v;
      *loaded += vt_tile_layer_get_loaded_tiles (layer);
      if (v > 0 && !vt_tile_layer_get_sharp (layer))
        all_sharp = FALSE;
    }
  *sharp = *visible > 0 && all_sharp;
}

/**
 * vt_scene_get_max_detail:
 *
 * Returns: the most source pixels per scene unit of any layer, at least
 *   1: the finest layer can be zoomed as far as a single image
 */
double
vt_scene_get_max_detail (VtScene *self)
{
  double detail = 1;

  g_return_val_if_fail (VT_IS_SCENE (self), 1);

  for (guint i = 0; i < self->layers->len; i++)
    {
      VtTileLayer *layer = g_ptr_array_index (self->layers, i);
      VtTileSource *source = vt_tile_layer_get_source (layer);
      graphene_rect_t placement;
      double w;

      if (source == NULL || !vt_tile_layer_get_placement (layer, &placement) ||
          placement.size.width <= 0)
        continue;
      w = vt_tile_layer_get_turn (layer) % 180 ? vt_tile_source_get_image_height (source)
                                               : vt_tile_source_get_image_width (source);
      detail = MAX (detail, w / placement.size.width);
    }
  return detail;
}

/* What failed, written small over the failed layer's placeholder. */
static void
draw_failure (GtkWidget             *widget,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *bounds,
              const char            *message)
{
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA color, fill, line;
  float luminance;
  int w, h;

  /* A card over whatever lies under it, so the text reads on any image:
   * light under dark text, dark under light text. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  luminance = 0.2126f * color.red + 0.7152f * color.green + 0.0722f * color.blue;
  fill = luminance < 0.5f ? (GdkRGBA) { 0.98f, 0.98f, 0.98f, 0.85f } : (GdkRGBA) { 0.12f, 0.12f, 0.12f, 0.85f };
  line = color;
  line.alpha *= 0.3f;
  gtk_snapshot_append_color (snapshot, &fill, bounds);
  gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (bounds->origin.x, bounds->origin.y,
                                                                bounds->size.width, bounds->size.height),
                              (float[4]) { 1, 1, 1, 1 }, (GdkRGBA[4]) { line, line, line, line });
  if (bounds->size.width < 48 || bounds->size.height < 24)
    return;
  layout = gtk_widget_create_pango_layout (widget, message);
  pango_layout_set_width (layout, (int) ((bounds->size.width - 24) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_height (layout, (int) ((bounds->size.height - 24) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  color.alpha *= 0.8f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (bounds->origin.x + 12,
                                                bounds->origin.y + (bounds->size.height - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The text layers that lie right over the first @depth images. */
static void
snapshot_texts (VtScene     *self,
                guint        depth,
                GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  for (guint t = 0; t < self->texts->len; t++)
    if (g_array_index (self->text_depths, guint, t) == depth)
      vt_text_layer_snapshot (g_ptr_array_index (self->texts, t), widget, snapshot);
}

/* Draws the layers bottom first, painted texts in their place among the
 * images; @widget provides the text's font and colour. */
void
vt_scene_snapshot (VtScene     *self,
                   GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  g_return_if_fail (VT_IS_SCENE (self));

  if (self->sheet)
    {
      double ax, ay, bx, by;

      vt_viewport_image_to_widget (self->viewport, 0, 0, &ax, &ay);
      vt_viewport_image_to_widget (self->viewport, vt_viewport_get_image_width (self->viewport),
                                   vt_viewport_get_image_height (self->viewport), &bx, &by);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.96f, 0.96f, 0.95f, 1 },
                                 &GRAPHENE_RECT_INIT (MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay)));
    }
  snapshot_texts (self, 0, widget, snapshot);
  for (guint i = 0; i < self->layers->len; i++)
    {
      VtTileLayer *layer = g_ptr_array_index (self->layers, i);
      const char *failure = vt_tile_layer_get_failure (layer);

      vt_tile_layer_snapshot (layer, snapshot);
      if (failure != NULL && vt_tile_layer_get_visible (layer))
        {
          graphene_rect_t bounds;

          vt_tile_layer_get_widget_bounds (layer, &bounds);
          draw_failure (widget, snapshot, &bounds, failure);
        }
      snapshot_texts (self, i + 1, widget, snapshot);
    }
}
