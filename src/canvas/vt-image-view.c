/* vt-image-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-image-view"

#include "config.h"

#include "vt-canvas-error.h"
#include "vt-image-view-private.h"
#include "vt-tile-grid.h"

/* The deep-zoom widget. It follows libshumate's split: the VtViewport model
 * says where the image is, the VtTileSource says what tiles exist and loads
 * them, the VtTileLayer decides which tiles to ask for, caches and draws
 * them (as ShumateMapLayer), and this widget owns the viewport, the state
 * the window shows (empty, loading, ready, failed) and, in
 * vt-image-view-input.c, the gestures and the animation (as ShumateMap).
 *
 * The view takes tile sources only: whoever opens an image (the window,
 * through the network layer's image-service cache) builds the source, or
 * reports why it could not with vt_image_view_fail() and a canvas error. */

G_DEFINE_ENUM_TYPE (VtImageViewState, vt_image_view_state,
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (VT_IMAGE_VIEW_STATE_NOT_PUBLIC, "not-public"))

G_DEFINE_FINAL_TYPE (VtImageView, vt_image_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEWPORT,
  PROP_SOURCE,
  PROP_STATE,
  PROP_ERROR,
  PROP_VISIBLE_TILES,
  PROP_LOADED_TILES,
  PROP_SHARP,
  PROP_CACHE_SIZE,
  N_PROPS
};

enum {
  LOAD_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* State */

/* Moves to (@source, @state, @error) in one step: every field is set
 * before any notification goes out, so a handler of notify::state already
 * finds the error that goes with it. */
static void
change_state (VtImageView      *self,
              VtTileSource     *source,
              VtImageViewState  state,
              const GError     *error)
{
  GObject *object = G_OBJECT (self);
  gboolean source_changed = vt_tile_layer_get_source (self->layer) != source;

  g_object_freeze_notify (object);

  if (source_changed || source == NULL)
    {
      g_clear_object (&self->backdrop);
      vt_image_view_stop_motion (self);
      vt_tile_layer_set_source (self->layer, source);
      vt_scene_clear (self->scene);
      vt_viewport_set_max_zoom (self->viewport, VT_VIEWPORT_DEFAULT_MAX_ZOOM);
      self->pixel_scale = 1.0;
      if (source)
        vt_viewport_set_image_size (self->viewport,
                                    vt_tile_source_get_image_width (source),
                                    vt_tile_source_get_image_height (source));
      else
        vt_viewport_set_image_size (self->viewport, 0, 0);
      if (source_changed)
        g_object_notify_by_pspec (object, properties[PROP_SOURCE]);
    }

  if (self->error != NULL || error != NULL)
    {
      g_clear_error (&self->error);
      if (error != NULL)
        self->error = g_error_copy (error);
      g_object_notify_by_pspec (object, properties[PROP_ERROR]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (object, properties[PROP_STATE]);
    }

  g_object_thaw_notify (object);
  /* A new image asks for its first tiles now, not from an idle after
   * whatever else the main loop has to do (a view not yet allocated asks
   * nothing, and plans again when it gets its size). */
  if (source_changed && source != NULL)
    vt_tile_layer_update_now (self->layer);
  else
    vt_image_view_queue_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* The tile layer */

static void
layer_changed_cb (VtImageView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layer_tile_error_cb (VtImageView  *self,
                     guint64       key,
                     const GError *error)
{
  /* Once per image, not per tile: the window shows one message. */
  if (self->error != NULL)
    return;
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_signal_emit (self, signals[LOAD_ERROR], 0, self->error);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scene_progress_cb (VtImageView *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_TILES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED_TILES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARP]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
scene_changed_cb (VtImageView *self)
{
  vt_viewport_set_max_zoom (self->viewport,
                            VT_VIEWPORT_DEFAULT_MAX_ZOOM * vt_scene_get_max_detail (self->scene));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layer_notify_cb (VtImageView *self,
                 GParamSpec  *pspec)
{
  /* The layer's progress properties are the view's, by the same names. */
  GParamSpec *mine = g_object_class_find_property (G_OBJECT_GET_CLASS (self), pspec->name);

  if (mine != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), mine);
}

/**
 * vt_image_view_queue_update:
 *
 * Tells the layer where the animation is going and whether to defer loads,
 * and has it plan its tiles again.
 */
void
vt_image_view_queue_update (VtImageView *self)
{
  vt_tile_layer_set_plan (self->layer, self->anim_target);
  vt_tile_layer_set_deferring (self->layer, self->deferring);
  vt_tile_layer_queue_update (self->layer);
  vt_scene_set_plan (self->scene, self->anim_target);
  vt_scene_set_deferring (self->scene, self->deferring);
  vt_scene_queue_update (self->scene);
}

/* ------------------------------------------------------------------ */
/* GtkWidget */

static void
vt_image_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  VtTileSource *source = vt_tile_layer_get_source (self->layer);

  /* A stand-in for an image with no overview: under the tiles, stretched
   * over the whole image, so that its outline is there at every zoom. */
  if (self->backdrop != NULL && source != NULL)
    {
      graphene_rect_t bounds;

      vt_tile_grid_get_image_bounds (source, self->viewport,
                                     gtk_widget_get_scale_factor (widget), &bounds);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &bounds.origin);
      gdk_paintable_snapshot (self->backdrop, snapshot, bounds.size.width, bounds.size.height);
      gtk_snapshot_restore (snapshot);
    }

  vt_tile_layer_snapshot (self->layer, snapshot);
  vt_scene_snapshot (self->scene, widget, snapshot);
}

static void
viewport_notify_cb (VtImageView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vt_image_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VtImageView *self = VT_IMAGE_VIEW (widget);
  gboolean first = vt_viewport_get_width (self->viewport) <= 0;

  vt_viewport_set_size (self->viewport, width, height);
  if (self->anim_target)
    vt_viewport_set_size (self->anim_target, width, height);

  /* A view that had no size yet (shown for the first time, its image
   * already set) asks for its first tiles now, not from an idle after
   * the frame being drawn. */
  if (first && width > 0 && height > 0 && vt_tile_layer_get_source (self->layer) != NULL)
    vt_tile_layer_update_now (self->layer);
  if (first && width > 0 && height > 0)
    vt_scene_update_now (self->scene);
}

static void
vt_image_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 0;
  *natural = 256;
}

static void
scale_factor_cb (VtImageView *self)
{
  vt_tile_layer_set_scale_factor (self->layer, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  vt_scene_set_scale_factor (self->scene, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
vt_image_view_dispose (GObject *object)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  vt_image_view_stop_motion (self);
  g_clear_object (&self->backdrop);
  if (self->viewport)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  if (self->layer)
    {
      g_signal_handlers_disconnect_by_data (self->layer, self);
      g_object_run_dispose (G_OBJECT (self->layer));
    }
  if (self->scene)
    {
      g_signal_handlers_disconnect_by_data (self->scene, self);
      g_object_run_dispose (G_OBJECT (self->scene));
    }

  G_OBJECT_CLASS (vt_image_view_parent_class)->dispose (object);
}

static void
vt_image_view_finalize (GObject *object)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  g_clear_object (&self->layer);
  g_clear_object (&self->scene);
  g_clear_object (&self->viewport);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vt_image_view_parent_class)->finalize (object);
}

static void
vt_image_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, vt_image_view_get_source (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_VISIBLE_TILES:
      g_value_set_uint (value, vt_image_view_get_visible_tiles (self));
      break;
    case PROP_LOADED_TILES:
      g_value_set_uint (value, vt_image_view_get_loaded_tiles (self));
      break;
    case PROP_SHARP:
      g_value_set_boolean (value, vt_image_view_get_sharp (self));
      break;
    case PROP_CACHE_SIZE:
      g_value_set_uint64 (value, vt_image_view_get_cache_size (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_image_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtImageView *self = VT_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      vt_image_view_set_source (self, g_value_get_object (value));
      break;
    case PROP_CACHE_SIZE:
      vt_image_view_set_cache_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_image_view_class_init (VtImageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_image_view_dispose;
  object_class->finalize = vt_image_view_finalize;
  object_class->get_property = vt_image_view_get_property;
  object_class->set_property = vt_image_view_set_property;

  widget_class->snapshot = vt_image_view_snapshot;
  widget_class->size_allocate = vt_image_view_size_allocate;
  widget_class->measure = vt_image_view_measure;

  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, VT_TYPE_VIEWPORT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, VT_TYPE_TILE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VT_TYPE_IMAGE_VIEW_STATE, VT_IMAGE_VIEW_STATE_EMPTY, ro);
  /**
   * VtImageView:error:
   *
   * Why the image could not be opened (in the ERROR and NOT_PUBLIC
   * states), or the first tile that failed: a #VT_CANVAS_ERROR.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_VISIBLE_TILES] =
    g_param_spec_uint ("visible-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOADED_TILES] =
    g_param_spec_uint ("loaded-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SHARP] =
    g_param_spec_boolean ("sharp", NULL, NULL, FALSE, ro);
  properties[PROP_CACHE_SIZE] =
    g_param_spec_uint64 ("cache-size", NULL, NULL, 1024 * 1024, G_MAXUINT64, VT_TILE_CACHE_DEFAULT_SIZE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtImageView::load-error:
   * @error: the first error, a #VT_CANVAS_ERROR
   *
   * Emitted once per image, for the first tile (or the image itself) that
   * failed; later failures are drawn as quiet placeholders only.
   */
  signals[LOAD_ERROR] =
    g_signal_new ("load-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  vt_image_view_input_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "vt-image-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vt_image_view_init (VtImageView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->viewport = vt_viewport_new ();
  self->layer = vt_tile_layer_new (self->viewport);
  self->scene = vt_scene_new (self->viewport);

  g_signal_connect_swapped (self->viewport, "notify", G_CALLBACK (viewport_notify_cb), self);
  g_signal_connect_swapped (self->layer, "changed", G_CALLBACK (layer_changed_cb), self);
  g_signal_connect_swapped (self->layer, "tile-error", G_CALLBACK (layer_tile_error_cb), self);
  g_signal_connect_swapped (self->layer, "notify", G_CALLBACK (layer_notify_cb), self);
  g_signal_connect_swapped (self->scene, "changed", G_CALLBACK (scene_changed_cb), self);
  g_signal_connect_swapped (self->scene, "tile-error", G_CALLBACK (layer_tile_error_cb), self);
  g_signal_connect_swapped (self->scene, "progress", G_CALLBACK (scene_progress_cb), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (widget, "grab");

  vt_image_view_input_init (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
vt_image_view_new (void)
{
  return g_object_new (VT_TYPE_IMAGE_VIEW, NULL);
}

/**
 * vt_image_view_get_viewport:
 *
 * Returns: (transfer none): the view's viewport model
 */
VtViewport *
vt_image_view_get_viewport (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return self->viewport;
}

/**
 * vt_image_view_get_source:
 *
 * Returns: (transfer none) (nullable): the tile source
 */
VtTileSource *
vt_image_view_get_source (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return vt_tile_layer_get_source (self->layer);
}

/**
 * vt_image_view_set_source:
 * @source: (nullable): a ready tile source
 *
 * Shows @source, fitted to the view, in the READY state. %NULL empties the
 * view whatever it showed: no source, no error, the EMPTY state.
 */
void
vt_image_view_set_source (VtImageView  *self,
                          VtTileSource *source)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (source == NULL || VT_IS_TILE_SOURCE (source));

  if (source != NULL && source == vt_tile_layer_get_source (self->layer))
    return;

  change_state (self, source, source ? VT_IMAGE_VIEW_STATE_READY : VT_IMAGE_VIEW_STATE_EMPTY, NULL);
}

/**
 * vt_image_view_set_backdrop:
 * @backdrop: (nullable): a small picture of the whole image, such as its
 *   thumbnail
 *
 * Draws @backdrop under the tiles, over the whole image, for images whose
 * source has no level small enough to show whole (see
 * %VT_CANVAS_ERROR_TOO_LARGE). It goes with the source: a new source drops it.
 */
void
vt_image_view_set_backdrop (VtImageView  *self,
                            GdkPaintable *backdrop)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (backdrop == NULL || GDK_IS_PAINTABLE (backdrop));

  if (g_set_object (&self->backdrop, backdrop))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkPaintable *
vt_image_view_get_backdrop (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);

  return self->backdrop;
}

void
vt_image_view_clear (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  vt_image_view_set_source (self, NULL);
}

/**
 * vt_image_view_set_scene_size:
 * @width: the scene's width, in its own units (a IIIF canvas's)
 * @height: its height
 *
 * Starts a new, empty scene of that size, fitted to the view, in the
 * READY state: drops the single source and every layer. Layers are then
 * added with vt_image_view_add_layer().
 */
void
vt_image_view_set_scene_size (VtImageView *self,
                              double       width,
                              double       height)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  change_state (self, NULL, VT_IMAGE_VIEW_STATE_READY, NULL);
  vt_scene_clear (self->scene);
  vt_viewport_set_image_size (self->viewport, width, height);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vt_image_view_add_layer:
 * @source: (nullable): a ready tile source, or %NULL for an image still
 *   opening (give it later with vt_tile_layer_set_source()) or that
 *   failed (vt_tile_layer_set_failure())
 * @placement: where the source lies in the scene
 *
 * Adds a layer on top of the others. Its level follows the view's zoom
 * times its own scale (its pixels per scene unit).
 *
 * Returns: (transfer none): the layer, the view's until removed or the
 *   scene is replaced
 */
VtTileLayer *
vt_image_view_add_layer (VtImageView           *self,
                         VtTileSource          *source,
                         const graphene_rect_t *placement)
{
  VtTileLayer *layer;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  g_return_val_if_fail (source == NULL || VT_IS_TILE_SOURCE (source), NULL);
  g_return_val_if_fail (placement != NULL, NULL);

  layer = vt_scene_add (self->scene, NULL, placement);
  vt_tile_layer_set_plan (layer, self->anim_target);
  vt_tile_layer_set_deferring (layer, self->deferring);
  if (source != NULL)
    vt_tile_layer_set_source (layer, source);
  /* Its first tiles now, as for a single source. */
  if (source != NULL && vt_viewport_get_width (self->viewport) > 0)
    vt_tile_layer_update_now (layer);
  return layer;
}

/**
 * vt_image_view_add_text_layer:
 * @placement: where the text goes in the scene
 *
 * Adds text painted on the scene, over the layers added so far; give it
 * its markup with vt_text_layer_set_markup().
 *
 * Returns: (transfer none): the layer, the view's until the scene is
 *   replaced
 */
VtTextLayer *
vt_image_view_add_text_layer (VtImageView           *self,
                              const graphene_rect_t *placement)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return vt_scene_add_text (self->scene, placement);
}

/* A blank sheet the scene's size under its layers (a canvas of text
 * alone), until the scene is replaced. */
void
vt_image_view_set_blank_sheet (VtImageView *self,
                               gboolean     blank)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  vt_scene_set_sheet (self->scene, blank);
}

guint
vt_image_view_get_n_text_layers (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return vt_scene_get_n_texts (self->scene);
}

/* Returns: (transfer none) (nullable): the text layer at @position */
VtTextLayer *
vt_image_view_get_nth_text_layer (VtImageView *self,
                                  guint        position)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return vt_scene_get_text (self->scene, position);
}

void
vt_image_view_remove_layer (VtImageView *self,
                            VtTileLayer *layer)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (VT_IS_TILE_LAYER (layer));

  vt_scene_remove (self->scene, layer);
}

guint
vt_image_view_get_n_layers (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return vt_scene_get_n_layers (self->scene);
}

/**
 * vt_image_view_get_nth_layer:
 *
 * Returns: (transfer none) (nullable): the placed layer at @position,
 *   bottom first
 */
VtTileLayer *
vt_image_view_get_nth_layer (VtImageView *self,
                             guint        position)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return vt_scene_get_layer (self->scene, position);
}

/**
 * vt_image_view_begin_loading:
 *
 * Empties the view and shows that an image is being opened; the opener
 * then calls vt_image_view_set_source() or vt_image_view_fail().
 */
void
vt_image_view_begin_loading (VtImageView *self)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  change_state (self, NULL, VT_IMAGE_VIEW_STATE_LOADING, NULL);
}

/**
 * vt_image_view_fail:
 * @error: why the image could not be opened, a #VT_CANVAS_ERROR
 *
 * Empties the view and shows @error: the NOT_PUBLIC state for
 * %VT_CANVAS_ERROR_NOT_PUBLIC, ERROR for anything else. Emits
 * VtImageView::load-error.
 */
void
vt_image_view_fail (VtImageView  *self,
                    const GError *error)
{
  g_return_if_fail (VT_IS_IMAGE_VIEW (self));
  g_return_if_fail (error != NULL);

  change_state (self, NULL,
                g_error_matches (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_NOT_PUBLIC)
                ? VT_IMAGE_VIEW_STATE_NOT_PUBLIC : VT_IMAGE_VIEW_STATE_ERROR,
                error);
  g_signal_emit (self, signals[LOAD_ERROR], 0, self->error);
}

VtImageViewState
vt_image_view_get_state (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), VT_IMAGE_VIEW_STATE_EMPTY);
  return self->state;
}

/**
 * vt_image_view_get_error:
 *
 * Returns: (transfer none) (nullable): the first error of this image, a
 *   #VT_CANVAS_ERROR
 */
const GError *
vt_image_view_get_error (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), NULL);
  return self->error;
}

/* "n of m visible tiles": m is the visible tiles of the level drawn now,
 * n those loaded or failed; the view is sharp when all m are loaded. */
guint
vt_image_view_get_visible_tiles (VtImageView *self)
{
  guint visible, loaded;
  gboolean sharp;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);

  vt_scene_get_progress (self->scene, &visible, &loaded, &sharp);
  return vt_tile_layer_get_visible_tiles (self->layer) + visible;
}

guint
vt_image_view_get_loaded_tiles (VtImageView *self)
{
  guint visible, loaded;
  gboolean sharp;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);

  vt_scene_get_progress (self->scene, &visible, &loaded, &sharp);
  return vt_tile_layer_get_loaded_tiles (self->layer) + loaded;
}

/* In a scene: every layer with tiles in view is sharp. */
gboolean
vt_image_view_get_sharp (VtImageView *self)
{
  guint visible, loaded;
  gboolean sharp;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), FALSE);

  if (vt_scene_get_n_layers (self->scene) == 0)
    return vt_tile_layer_get_sharp (self->layer);
  vt_scene_get_progress (self->scene, &visible, &loaded, &sharp);
  if (vt_tile_layer_get_source (self->layer) != NULL)
    return sharp && vt_tile_layer_get_sharp (self->layer);
  return sharp;
}

guint64
vt_image_view_get_cache_size (VtImageView *self)
{
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (self), 0);
  return vt_tile_cache_get_max_bytes (vt_tile_layer_get_cache (self->layer));
}

void
vt_image_view_set_cache_size (VtImageView *self,
                              guint64      max_bytes)
{
  VtTileCache *cache;

  g_return_if_fail (VT_IS_IMAGE_VIEW (self));

  cache = vt_tile_layer_get_cache (self->layer);
  if (vt_tile_cache_get_max_bytes (cache) == max_bytes)
    return;
  vt_tile_cache_set_max_bytes (cache, max_bytes);
  vt_scene_set_cache_size (self->scene, max_bytes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_SIZE]);
}

/* Private API for the tests and the benchmark. */

VtTileLayer *
vt_image_view_get_layer (VtImageView *self)
{
  return self->layer;
}

guint
vt_image_view_get_level (VtImageView *self)
{
  return vt_tile_layer_get_level (self->layer);
}

guint
vt_image_view_get_n_loading (VtImageView *self)
{
  guint n = vt_tile_layer_get_n_loading (self->layer);

  for (guint i = 0; i < vt_scene_get_n_layers (self->scene); i++)
    n += vt_tile_layer_get_n_loading (vt_scene_get_layer (self->scene, i));
  return n;
}

gboolean
vt_image_view_has_pixels (VtImageView *self)
{
  return vt_tile_layer_has_pixels (self->layer);
}

void
vt_image_view_get_minimal_set (VtImageView *self,
                               VtViewport  *viewport,
                               GArray      *keys)
{
  vt_tile_layer_get_minimal_set (self->layer, viewport, keys);
}

VtTileCache *
vt_image_view_get_cache (VtImageView *self)
{
  return vt_tile_layer_get_cache (self->layer);
}

/* Runs the pending tile update at once, so a test can act between two
 * updates without the main loop delivering tiles in between. */
void
vt_image_view_update_now (VtImageView *self)
{
  vt_tile_layer_set_plan (self->layer, self->anim_target);
  vt_tile_layer_set_deferring (self->layer, self->deferring);
  vt_tile_layer_update_now (self->layer);
  vt_scene_set_plan (self->scene, self->anim_target);
  vt_scene_set_deferring (self->scene, self->deferring);
  vt_scene_update_now (self->scene);
}
