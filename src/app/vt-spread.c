/* vt-spread.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-spread"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-spread.h"

/* A view of several canvases on screen at once (a two-page spread, a
 * scroll of joined sheets) as one scene of the image view: each canvas a
 * layer at its place in the view, each with its own page and image
 * service, so that one zoom and one pan go across the whole opening as in
 * a book. Made by the canvas pane for the view it shows and dropped when
 * the view changes; it owns the pages of the canvases other than the one
 * the VtViewing shows (that one it shares). */

typedef struct
{
  VtSpread    *spread;
  VtPage      *page;
  VtTileLayer *layer;
  graphene_rect_t placement;
  gulong       handler;
  gboolean     own;     /* loaded here, cancelled with the spread */
} Slot;

struct _VtSpread
{
  GObject      parent_instance;

  GArray      *slots;   /* Slot, in reading order */
  gboolean     complete;
};

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtSpread, vt_spread, G_TYPE_OBJECT)

static gboolean
compute_complete (VtSpread *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      VtPageState state = vt_page_get_state (g_array_index (self->slots, Slot, i).page);

      if (state == VT_PAGE_LOADING || state == VT_PAGE_EMPTY)
        return FALSE;
    }
  return TRUE;
}

static void
update_complete (VtSpread *self)
{
  gboolean complete = compute_complete (self);

  if (complete != self->complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  if (slot->handler != 0)
    g_clear_signal_handler (&slot->handler, slot->page);
  if (slot->own && slot->page != NULL)
    vt_page_cancel (slot->page);
  g_clear_object (&slot->page);
  g_clear_object (&slot->layer);
}

/* Hands the layer what its page holds: the source once it is known, or
 * why there is none (the layer then draws a canvas-sized placeholder). */
static void
sync_slot (Slot *slot)
{
  VtPageState state = vt_page_get_state (slot->page);

  if (state == VT_PAGE_READY)
    {
      if (vt_tile_layer_get_source (slot->layer) != vt_page_get_source (slot->page))
        vt_tile_layer_set_source (slot->layer, vt_page_get_source (slot->page));
    }
  else if (state == VT_PAGE_FAILED)
    {
      const GError *error = vt_page_get_error (slot->page);

      vt_tile_layer_set_failure (slot->layer, error != NULL ? error->message
                                                            : _("The image could not be shown."));
    }
  else if (state == VT_PAGE_NOT_IMAGE)
    vt_tile_layer_set_failure (slot->layer, _("This page has no image."));
}

static void
page_changed_cb (VtPage     *page,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  VtSpread *self = user_data;

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->page == page)
        sync_slot (slot);
    }
  update_complete (self);
}

/**
 * vt_spread_new:
 * @session: where the pages load
 * @manifest: the manifest
 * @view: the view to show
 * @page: (nullable): the page the viewing shows, used for its own canvas
 * @image_view: the view that draws it: its scene is replaced
 *
 * Returns: (transfer full): the spread, on screen
 */
VtSpread *
vt_spread_new (VtSession        *session,
               VtManifest       *manifest,
               const VtBookView *view,
               VtPage           *page,
               VtImageView      *image_view)
{
  VtSpread *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (manifest != NULL && view != NULL, NULL);
  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_SPREAD, NULL);
  vt_image_view_set_scene_size (image_view, view->width, view->height);

  for (guint i = 0; i < view->n_placements; i++)
    {
      const VtBookPlacement *p = &view->placements[i];
      Slot slot = { self, NULL, NULL, GRAPHENE_RECT_INIT (p->x, p->y, p->width, p->height), 0, FALSE };

      if (page != NULL && vt_page_get_index (page) == p->canvas)
        slot.page = g_object_ref (page);
      else
        {
          slot.page = vt_page_new (session, manifest, p->canvas);
          slot.own = TRUE;
        }
      slot.layer = g_object_ref (vt_image_view_add_layer (image_view, NULL, &slot.placement));
      g_array_append_val (self->slots, slot);
    }

  /* Connected once every slot is in place: a page that answers at once
   * (its info.json cached) finds its layer. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      slot->handler = g_signal_connect (slot->page, "notify", G_CALLBACK (page_changed_cb), self);
      if (slot->own)
        vt_page_load (slot->page, FALSE);
      sync_slot (slot);
    }
  self->complete = compute_complete (self);

  return self;
}

/**
 * vt_spread_shows:
 *
 * Returns: whether the spread shows exactly the canvases of @view
 */
gboolean
vt_spread_shows (VtSpread         *self,
                 const VtBookView *view)
{
  g_return_val_if_fail (VT_IS_SPREAD (self), FALSE);

  if (view == NULL || view->n_placements != self->slots->len)
    return FALSE;
  for (guint i = 0; i < self->slots->len; i++)
    if (vt_page_get_index (g_array_index (self->slots, Slot, i).page) != view->placements[i].canvas)
      return FALSE;
  return TRUE;
}

/**
 * vt_spread_is_complete:
 *
 * Returns: whether every page of the spread has settled: its image source
 *   given to its layer, or its failure shown
 */
gboolean
vt_spread_is_complete (VtSpread *self)
{
  g_return_val_if_fail (VT_IS_SPREAD (self), FALSE);

  return self->complete;
}

guint
vt_spread_get_n_pages (VtSpread *self)
{
  g_return_val_if_fail (VT_IS_SPREAD (self), 0);

  return self->slots->len;
}

/**
 * vt_spread_get_page:
 * @position: in reading order
 *
 * Returns: (transfer none): the page of that canvas
 */
VtPage *
vt_spread_get_page (VtSpread *self,
                    guint     position)
{
  g_return_val_if_fail (VT_IS_SPREAD (self), NULL);
  g_return_val_if_fail (position < self->slots->len, NULL);

  return g_array_index (self->slots, Slot, position).page;
}

/**
 * vt_spread_get_placement:
 * @position: in reading order
 * @placement: (out): where that canvas lies in the scene
 */
void
vt_spread_get_placement (VtSpread        *self,
                         guint            position,
                         graphene_rect_t *placement)
{
  g_return_if_fail (VT_IS_SPREAD (self));
  g_return_if_fail (position < self->slots->len);

  *placement = g_array_index (self->slots, Slot, position).placement;
}

static void
vt_spread_dispose (GObject *object)
{
  VtSpread *self = VT_SPREAD (object);

  if (self->slots != NULL)
    g_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (vt_spread_parent_class)->dispose (object);
}

static void
vt_spread_finalize (GObject *object)
{
  VtSpread *self = VT_SPREAD (object);

  g_clear_pointer (&self->slots, g_array_unref);

  G_OBJECT_CLASS (vt_spread_parent_class)->finalize (object);
}

static void
vt_spread_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtSpread *self = VT_SPREAD (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_spread_class_init (VtSpreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_spread_dispose;
  object_class->finalize = vt_spread_finalize;
  object_class->get_property = vt_spread_get_property;

  /**
   * VtSpread:complete:
   *
   * Whether every page of the spread has settled (see
   * vt_spread_is_complete()).
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_spread_init (VtSpread *self)
{
  self->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (self->slots, slot_clear);
}
