/* vt-tile-layer.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vt-canvas-error.h"
#include "vt-layer-placement.h"
#include "vt-tile-grid.h"
#include "vt-tile-layer.h"
#include "vt-tile-loader.h"
#include "vt-tile-magnifier.h"
#include "vt-tile-painter.h"

/* The tile grid of VtImageView, as ShumateMapLayer is libshumate's: it
 * decides which tiles of a VtTileSource a viewport needs, asks for them
 * (placeholder first, then nearest the centre), cancels those no longer
 * wanted, keeps them in a VtTileCache and draws them. The widget keeps
 * the gestures, the animation and the viewport. Three helpers do the
 * work: VtTileLoader keeps the loads under way and the failures,
 * VtTilePainter draws what is cached, and VtLayerPlacement keeps where the
 * layer lies in a scene and the viewports it plans and draws with.
 *
 * A plain GObject, not a GtkWidget (ShumateMapLayer is one because a map
 * stacks many layers of markers and paths that each take input): there is
 * exactly one tile layer, it takes no input, needs no size, CSS or
 * accessibility of its own, and as an object it can be driven and tested
 * without a display. The widget calls vt_tile_layer_snapshot() and
 * redraws on VtTileLayer::changed.
 *
 * Never blank: the coarsest level is loaded first and pinned in the cache,
 * and the painter fills the holes of a level that loads.
 *
 * In a scene (several images on one IIIF canvas, or several canvases in
 * one view) a layer placed at a rectangle of the scene plans and draws
 * with a viewport derived from the scene's exactly as an unplaced layer
 * does with the scene's: its level follows the zoom times its placement
 * scale, so a small detail photographed at a higher resolution loads
 * finer tiles than the base under it. */

struct _VtTileLayer
{
  GObject parent_instance;

  /* Where the source lies in the scene, and the viewports (the scene's,
   * or derived from it) planned and drawn with. */
  VtLayerPlacement *placement;
  double opacity;
  gboolean visible;
  char *failure;
  VtTileSource *source;
  VtTileCache *cache;
  VtTileMagnifier *magnifier; /* nearest-neighbour pixels at high zoom */
  VtTilePainter *painter;

  VtTileLoader *loader;     /* the loads under way, and the failures */
  VtTilePlan pinned;        /* what the viewport needs now */

  VtTileDebugFunc debug_func;
  gpointer debug_data;
  GDestroyNotify debug_destroy;

  guint visible_tiles;
  guint loaded_tiles;
  gboolean sharp;
  gboolean deferring;
  gboolean reported_no_placeholder;
  guint current_level;
  int scale_factor;

  guint update_idle_id;
};

G_DEFINE_FINAL_TYPE (VtTileLayer, vt_tile_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE_TILES,
  PROP_LOADED_TILES,
  PROP_SHARP,
  PROP_OPACITY,
  PROP_VISIBLE,
  N_PROPS
};

enum {
  CHANGED,
  TILE_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (VtTileLayer *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
debug_event (VtTileDebugEvent  event,
             guint64           key,
             gpointer          user_data)
{
  VtTileLayer *self = user_data;

  if (self->debug_func != NULL)
    self->debug_func (self, event, key, self->debug_data);
}

/* ------------------------------------------------------------------ */
/* Placement */

/* The viewport planned and drawn with. */
static VtViewport *
get_viewport (VtTileLayer *self)
{
  return vt_layer_placement_get_viewport (self->placement);
}

/* Brings the layer's own viewports up to the scene's. */
static void
sync_viewports (VtTileLayer *self)
{
  vt_layer_placement_sync (self->placement, self->source);
}

/* Whether the layer plans at all: it is shown and, when placed, its
 * rectangle is in (or the animation goes to) the scene's view; a long
 * scroll of canvases loads only what is seen. */
static gboolean
is_wanted (VtTileLayer *self)
{
  return self->visible && vt_layer_placement_in_view (self->placement);
}

/* The tiles a sharp view of @viewport needs, in the order to ask. */
void
vt_tile_layer_get_minimal_set (VtTileLayer *self,
                               VtViewport  *viewport,
                               GArray      *keys)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (self->source == NULL)
    return;
  vt_layer_placement_get_minimal_set (self->placement, self->source, viewport,
                                      self->scale_factor, keys);
}

/* ------------------------------------------------------------------ */
/* Loading */

static void
loader_changed_cb (VtTileLayer *self)
{
  emit_changed (self);
  vt_tile_layer_queue_update (self);
}

static void
loader_tile_error_cb (VtTileLayer  *self,
                      guint64       key,
                      const GError *error)
{
  g_signal_emit (self, signals[TILE_ERROR], 0, key, error);
}

static void
set_progress (VtTileLayer *self,
              guint        visible,
              guint        loaded,
              gboolean     sharp)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->visible_tiles != visible)
    {
      self->visible_tiles = visible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_TILES]);
    }
  if (self->loaded_tiles != loaded)
    {
      self->loaded_tiles = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED_TILES]);
    }
  if (self->sharp != sharp)
    {
      self->sharp = sharp;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARP]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Decides what to load, what to cancel and what to pin; updates progress.
 * Runs from an idle so that many viewport notifications make one pass.
 * Everything here is bounded by what a view can show (VtTileGrid), never
 * by the image's size. */
static void
update_tiles (VtTileLayer *self)
{
  VtViewport *viewport, *plan_vp;
  VtTilePlan keep, plan;
  g_autoptr (GArray) wanted = NULL;
  guint cur_level, visible = 0, loaded = 0, failed = 0;

  memset (&self->pinned, 0, sizeof self->pinned);
  sync_viewports (self);
  viewport = get_viewport (self);
  /* Hidden or scrolled out of view: nothing asked for, nothing kept
   * under way. */
  if (!is_wanted (self) ||
      (vt_layer_placement_is_placed (self->placement) && self->source != NULL &&
       vt_viewport_get_width (viewport) <= 0))
    {
      vt_tile_loader_cancel_all (self->loader);
      vt_tile_magnifier_cancel_all (self->magnifier);
      set_progress (self, 0, 0, FALSE);
      return;
    }
  if (self->source == NULL || vt_tile_source_get_n_levels (self->source) == 0 ||
      vt_viewport_get_width (viewport) <= 0)
    {
      vt_tile_magnifier_cancel_all (self->magnifier);
      set_progress (self, 0, 0, FALSE);
      return;
    }

  /* Pins: the placeholder and what is visible now. */
  vt_tile_grid_plan (self->source, viewport, self->scale_factor, 0, &self->pinned);
  if (self->pinned.placeholder_too_large && !self->reported_no_placeholder)
    {
      g_autoptr (GError) error =
        g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE,
                             _("The image is too large to show whole: its server offers no small "
                               "version of it. Zoom in to see its details."));

      self->reported_no_placeholder = TRUE;
      g_signal_emit (self, signals[TILE_ERROR], 0, G_MAXUINT64, error);
    }

  cur_level = self->pinned.has_detail ? self->pinned.detail.level : 0;
  if (cur_level != self->current_level)
    {
      self->current_level = cur_level;
      emit_changed (self);
    }

  /* Progress counts the visible tiles of the level drawn now. */
  if (self->pinned.has_detail)
    visible = vt_tile_range_count_cached (&self->pinned.detail, self->cache,
                                          vt_tile_loader_get_failed (self->loader),
                                          &loaded, &failed);
  set_progress (self, visible, loaded + failed,
                visible > 0 && loaded == visible &&
                vt_layer_placement_get_plan (self->placement) == NULL);

  /* During an animation, load for its destination, not the frames between.
   * Cancel loads that left it plus a one-tile margin, or whose level is no
   * longer wanted. */
  plan_vp = vt_layer_placement_get_plan (self->placement);
  if (plan_vp == NULL)
    plan_vp = viewport;
  vt_tile_grid_plan (self->source, plan_vp, self->scale_factor, 1, &keep);
  vt_tile_loader_cancel_outside (self->loader, &keep);

  if (self->deferring)
    return;

  /* Start what the plan needs, placeholder first, then nearest the centre. */
  vt_tile_grid_plan (self->source, plan_vp, self->scale_factor, 0, &plan);
  wanted = g_array_new (FALSE, FALSE, sizeof (guint64));
  vt_tile_plan_append_keys (&plan, self->source, plan_vp, wanted);
  vt_tile_loader_request (self->loader, plan_vp, wanted);
  vt_tile_magnifier_update (self->magnifier, self->source, plan_vp, self->scale_factor, &plan);

  if (vt_layer_placement_get_plan (self->placement) == NULL && visible > 0 && loaded == visible)
    vt_tile_loader_prefetch (self->loader, viewport, self->scale_factor, &self->pinned);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  VtTileLayer *self = user_data;

  self->update_idle_id = 0;
  update_tiles (self);
  return G_SOURCE_REMOVE;
}

/**
 * vt_tile_layer_queue_update:
 *
 * Plans the tiles again soon; many calls before then make one pass.
 */
void
vt_tile_layer_queue_update (VtTileLayer *self)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (self->update_idle_id != 0)
    return;
  /* Above redraw priority so the loads start before the frame is drawn. */
  self->update_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_idle_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->update_idle_id),
                            "[vitrine] update tiles");
}

/**
 * vt_tile_layer_update_now:
 *
 * Runs the pending tile update at once, so a test can act between two
 * updates without the main loop delivering tiles in between.
 */
void
vt_tile_layer_update_now (VtTileLayer *self)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  update_tiles (self);
}

static gboolean
pin_func (guint64  key,
          gpointer user_data)
{
  VtTileLayer *self = user_data;

  return vt_tile_plan_contains (&self->pinned, key);
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
snapshot_tiles (VtTileLayer *self,
                GtkSnapshot *snapshot)
{
  vt_tile_painter_snapshot (self->painter, snapshot, self->source, get_viewport (self),
                            self->scale_factor);
}

/**
 * vt_tile_layer_snapshot:
 *
 * Draws the tiles in the viewport's widget coordinates.
 */
void
vt_tile_layer_snapshot (VtTileLayer *self,
                        GtkSnapshot *snapshot)
{
  graphene_rect_t bounds;

  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (!self->visible || self->opacity <= 0)
    return;
  if (self->opacity < 1)
    gtk_snapshot_push_opacity (snapshot, self->opacity);
  if (!vt_layer_placement_is_placed (self->placement))
    {
      snapshot_tiles (self, snapshot);
      if (self->opacity < 1)
        gtk_snapshot_pop (snapshot);
      return;
    }

  vt_tile_layer_get_widget_bounds (self, &bounds);
  /* A crop shows part of the source; the clip also keeps the quiet
   * backdrop and partly drawn tiles within the placement. */
  gtk_snapshot_push_clip (snapshot, &bounds);
  if (self->failure != NULL || self->source == NULL)
    {
      GdkRGBA quiet = { 0.5, 0.5, 0.5, 0.12 };

      gtk_snapshot_append_color (snapshot, &quiet, &bounds);
    }
  else
    {
      sync_viewports (self);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, vt_layer_placement_get_origin (self->placement));
      snapshot_tiles (self, snapshot);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
  if (self->opacity < 1)
    gtk_snapshot_pop (snapshot);
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
viewport_notify_cb (VtTileLayer *self)
{
  vt_tile_layer_queue_update (self);
}

static void
vt_tile_layer_dispose (GObject *object)
{
  VtTileLayer *self = VT_TILE_LAYER (object);

  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  if (self->loader)
    {
      vt_tile_loader_set_source (self->loader, NULL);
      g_signal_handlers_disconnect_by_data (self->loader, self);
    }
  if (self->magnifier)
    vt_tile_magnifier_cancel_all (self->magnifier);
  if (self->placement)
    g_signal_handlers_disconnect_by_data (vt_layer_placement_get_scene (self->placement), self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (vt_tile_layer_parent_class)->dispose (object);
}

static void
vt_tile_layer_finalize (GObject *object)
{
  VtTileLayer *self = VT_TILE_LAYER (object);

  vt_tile_layer_set_debug_hook (self, NULL, NULL, NULL);
  g_clear_object (&self->placement);
  g_clear_pointer (&self->failure, g_free);
  g_clear_object (&self->painter);
  g_clear_object (&self->magnifier);
  g_clear_object (&self->cache);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (vt_tile_layer_parent_class)->finalize (object);
}

static void
vt_tile_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtTileLayer *self = VT_TILE_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_TILES:
      g_value_set_uint (value, self->visible_tiles);
      break;
    case PROP_LOADED_TILES:
      g_value_set_uint (value, self->loaded_tiles);
      break;
    case PROP_SHARP:
      g_value_set_boolean (value, self->sharp);
      break;
    case PROP_OPACITY:
      g_value_set_double (value, self->opacity);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtTileLayer *self = VT_TILE_LAYER (object);

  switch (prop_id)
    {
    case PROP_OPACITY:
      vt_tile_layer_set_opacity (self, g_value_get_double (value));
      break;
    case PROP_VISIBLE:
      vt_tile_layer_set_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_tile_layer_class_init (VtTileLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_tile_layer_dispose;
  object_class->finalize = vt_tile_layer_finalize;
  object_class->get_property = vt_tile_layer_get_property;
  object_class->set_property = vt_tile_layer_set_property;

  properties[PROP_VISIBLE_TILES] =
    g_param_spec_uint ("visible-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOADED_TILES] =
    g_param_spec_uint ("loaded-tiles", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SHARP] =
    g_param_spec_boolean ("sharp", NULL, NULL, FALSE, ro);
  properties[PROP_OPACITY] =
    g_param_spec_double ("opacity", NULL, NULL, 0, 1, 1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtTileLayer::changed:
   *
   * What the layer draws has changed (a tile arrived or failed, the level
   * changed): the widget redraws.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VtTileLayer::tile-error:
   * @key: the tile (a VT_TILE_KEY value), or %G_MAXUINT64 for the image
   * @error: a #VT_CANVAS_ERROR
   *
   * Emitted for every tile that failed; the layer draws it as a quiet
   * placeholder and does not ask for it again for this source. Emitted
   * once per source with %VT_CANVAS_ERROR_TOO_LARGE when there is no
   * placeholder small enough to show the whole image.
   */
  signals[TILE_ERROR] =
    g_signal_new ("tile-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT64, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
vt_tile_layer_init (VtTileLayer *self)
{
  self->scale_factor = 1;
  self->opacity = 1;
  self->visible = TRUE;
  self->cache = vt_tile_cache_new (VT_TILE_CACHE_DEFAULT_SIZE);
  vt_tile_cache_set_pin_func (self->cache, pin_func, self);
  self->magnifier = vt_tile_magnifier_new (self->cache);
  g_signal_connect_swapped (self->magnifier, "changed", G_CALLBACK (emit_changed), self);
  self->loader = vt_tile_loader_new (G_OBJECT (self), self->cache);
  vt_tile_loader_set_event_func (self->loader, debug_event, self);
  g_signal_connect_swapped (self->loader, "changed", G_CALLBACK (loader_changed_cb), self);
  g_signal_connect_swapped (self->loader, "tile-error", G_CALLBACK (loader_tile_error_cb), self);
  self->painter = vt_tile_painter_new (self->cache, self->loader, self->magnifier);
}

/* ------------------------------------------------------------------ */
/* Public API */

/**
 * vt_tile_layer_new:
 * @viewport: (nullable): the viewport to follow; a new one if %NULL
 *
 * Returns: (transfer full): a layer with no source
 */
VtTileLayer *
vt_tile_layer_new (VtViewport *viewport)
{
  VtTileLayer *self;

  g_return_val_if_fail (viewport == NULL || VT_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (VT_TYPE_TILE_LAYER, NULL);
  self->placement = vt_layer_placement_new (viewport);
  g_signal_connect_swapped (vt_layer_placement_get_scene (self->placement), "notify",
                            G_CALLBACK (viewport_notify_cb), self);
  return self;
}

/**
 * vt_tile_layer_get_source:
 *
 * Returns: (transfer none) (nullable): the tile source
 */
VtTileSource *
vt_tile_layer_get_source (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), NULL);
  return self->source;
}

/**
 * vt_tile_layer_set_source:
 * @source: (nullable): a ready tile source
 *
 * Forgets everything of the previous source (loads, cached tiles,
 * failures) and plans for @source. The caller sets the viewport's image
 * size.
 */
void
vt_tile_layer_set_source (VtTileLayer  *self,
                          VtTileSource *source)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));
  g_return_if_fail (source == NULL || VT_IS_TILE_SOURCE (source));

  vt_tile_loader_cancel_all (self->loader);
  vt_tile_magnifier_cancel_all (self->magnifier);
  vt_tile_cache_clear (self->cache);
  vt_tile_loader_set_source (self->loader, source);
  memset (&self->pinned, 0, sizeof self->pinned);
  self->current_level = 0;
  self->reported_no_placeholder = FALSE;
  g_set_object (&self->source, source);
  set_progress (self, 0, 0, FALSE);
  vt_tile_layer_queue_update (self);
  emit_changed (self);
}

/* @plan: where an animation is going, or %NULL: the layer loads for its
 * destination, not for the frames in between. */
void
vt_tile_layer_set_plan (VtTileLayer *self,
                        VtViewport  *plan)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (vt_layer_placement_set_scene_plan (self->placement, plan, self->source))
    vt_tile_layer_queue_update (self);
}

/* While %TRUE (a fast fling), nothing new is asked for: the view will be
 * elsewhere before the tiles arrive. */
void
vt_tile_layer_set_deferring (VtTileLayer *self,
                             gboolean     deferring)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  deferring = !!deferring;
  if (self->deferring == deferring)
    return;
  self->deferring = deferring;
  vt_tile_layer_queue_update (self);
}

void
vt_tile_layer_set_scale_factor (VtTileLayer *self,
                                int          scale_factor)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  scale_factor = MAX (scale_factor, 1);
  if (self->scale_factor == scale_factor)
    return;
  self->scale_factor = scale_factor;
  vt_tile_layer_queue_update (self);
  emit_changed (self);
}

/* "n of m visible tiles": m is the visible tiles of the level drawn now,
 * n those loaded or failed; the layer is sharp when all m are loaded. */
guint
vt_tile_layer_get_visible_tiles (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);
  return self->visible_tiles;
}

guint
vt_tile_layer_get_loaded_tiles (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);
  return self->loaded_tiles;
}

/**
 * vt_tile_layer_has_pixels:
 *
 * Returns: whether the view draws something of the image: a tile of its
 *   placeholder or of the level in view (the first pixels after an open)
 */
gboolean
vt_tile_layer_has_pixels (VtTileLayer *self)
{
  guint cached = 0, failed = 0;

  g_return_val_if_fail (VT_IS_TILE_LAYER (self), FALSE);

  if (self->loaded_tiles > 0)
    return TRUE;
  if (self->pinned.has_placeholder)
    vt_tile_range_count_cached (&self->pinned.placeholder, self->cache,
                                vt_tile_loader_get_failed (self->loader), &cached, &failed);
  return cached > 0;
}

gboolean
vt_tile_layer_get_sharp (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), FALSE);
  return self->sharp;
}

/* The level the view of the viewport draws on top. */
guint
vt_tile_layer_get_level (VtTileLayer *self)
{
  VtTilePlan plan;

  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);

  if (self->source == NULL)
    return 0;
  sync_viewports (self);
  vt_tile_grid_plan (self->source, get_viewport (self), self->scale_factor, 0, &plan);
  return plan.has_detail ? plan.detail.level : 0;
}

guint
vt_tile_layer_get_n_loading (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);
  return vt_tile_loader_get_n_loading (self->loader) +
         vt_tile_magnifier_get_n_loading (self->magnifier);
}

/**
 * vt_tile_layer_get_cache:
 *
 * Returns: (transfer none): the layer's tile cache
 */
VtTileCache *
vt_tile_layer_get_cache (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), NULL);
  return self->cache;
}

/**
 * vt_tile_layer_set_debug_hook:
 * @func: (nullable): called for each request and cancellation
 * @destroy: (nullable): frees @user_data when the hook is replaced or the
 *   layer finalized
 *
 * The layer keeps no log itself (it would grow for the widget's life);
 * whoever wants one keeps it here.
 */
void
vt_tile_layer_set_debug_hook (VtTileLayer     *self,
                              VtTileDebugFunc  func,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (VT_IS_TILE_LAYER (self));

  old_destroy = self->debug_destroy;
  old_data = self->debug_data;
  self->debug_func = func;
  self->debug_data = user_data;
  self->debug_destroy = destroy;
  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * vt_tile_layer_get_n_prefetched:
 *
 * For statistics and tests: tiles asked for ahead, outside the view (not
 * counted as requests).
 *
 * Returns: the count since the layer was made
 */
guint
vt_tile_layer_get_n_prefetched (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);
  return vt_tile_loader_get_n_prefetched (self->loader);
}

/* ------------------------------------------------------------------ */
/* Placement in a scene */

static void
placement_changed (VtTileLayer *self)
{
  vt_tile_layer_queue_update (self);
  emit_changed (self);
}

/**
 * vt_tile_layer_set_placement:
 * @placement: (nullable): where the source (its crop, turned) lies, in
 *   scene coordinates; %NULL: the source is the scene (a single image)
 *
 * A placed layer follows the scene's viewport at the placement's scale and
 * draws clipped to it.
 */
void
vt_tile_layer_set_placement (VtTileLayer           *self,
                             const graphene_rect_t *placement)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (vt_layer_placement_set_rect (self->placement, placement))
    placement_changed (self);
}

/**
 * vt_tile_layer_get_placement:
 * @placement: (out) (optional): where the layer lies in the scene
 *
 * Returns: whether the layer is placed
 */
gboolean
vt_tile_layer_get_placement (VtTileLayer     *self,
                             graphene_rect_t *placement)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), FALSE);

  return vt_layer_placement_get_rect (self->placement, placement);
}

/**
 * vt_tile_layer_set_crop:
 * @region: (nullable): the part of the source to show, in its full-size
 *   pixels; %NULL for all of it
 *
 * For selectors the server cannot apply: the layer shows only @region,
 * scaled to its placement. Only for a placed layer.
 */
void
vt_tile_layer_set_crop (VtTileLayer           *self,
                        const graphene_rect_t *region)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (vt_layer_placement_set_crop (self->placement, region))
    placement_changed (self);
}

/**
 * vt_tile_layer_set_turn:
 * @degrees: a clockwise turn of the (cropped) source, rounded to quarter
 *   turns
 *
 * For rotation selectors the server cannot apply. Only for a placed layer.
 */
void
vt_tile_layer_set_turn (VtTileLayer *self,
                        guint        degrees)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (vt_layer_placement_set_turn (self->placement, degrees))
    placement_changed (self);
}

guint
vt_tile_layer_get_turn (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 0);
  return vt_layer_placement_get_turn (self->placement);
}

void
vt_tile_layer_set_opacity (VtTileLayer *self,
                           double       opacity)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  opacity = CLAMP (opacity, 0, 1);
  if (self->opacity == opacity)
    return;
  self->opacity = opacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPACITY]);
  emit_changed (self);
}

double
vt_tile_layer_get_opacity (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), 1);
  return self->opacity;
}

/* A hidden layer draws nothing and asks for nothing (it keeps its cache). */
void
vt_tile_layer_set_visible (VtTileLayer *self,
                           gboolean     visible)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
  placement_changed (self);
}

gboolean
vt_tile_layer_get_visible (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), FALSE);
  return self->visible;
}

/**
 * vt_tile_layer_set_failure:
 * @message: (nullable): what failed, for a layer whose image could not be
 *   opened
 *
 * A placed layer with a failure draws a quiet placeholder over its
 * placement; the view writes @message on it.
 */
void
vt_tile_layer_set_failure (VtTileLayer *self,
                           const char  *message)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  if (g_strcmp0 (self->failure, message) == 0)
    return;
  g_free (self->failure);
  self->failure = g_strdup (message);
  emit_changed (self);
}

const char *
vt_tile_layer_get_failure (VtTileLayer *self)
{
  g_return_val_if_fail (VT_IS_TILE_LAYER (self), NULL);
  return self->failure;
}

/**
 * vt_tile_layer_get_widget_bounds:
 * @bounds: (out): where the layer's placement is drawn, in the widget's
 *   coordinates (the whole source for an unplaced layer)
 */
void
vt_tile_layer_get_widget_bounds (VtTileLayer     *self,
                                 graphene_rect_t *bounds)
{
  g_return_if_fail (VT_IS_TILE_LAYER (self));

  vt_layer_placement_get_widget_bounds (self->placement, bounds);
}
