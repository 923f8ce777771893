/* vt-layer-watch.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-layer-watch"

#include "config.h"

#include "vt-layer-watch.h"
#include "vt-page-layer.h"

/* Which images of a page are shown, for what is drawn over one image only
 * (the annotations of one option of a Choice, cookbook 0326): the layers
 * of a page come with its loading and go with a reload, and each is shown
 * or hidden from the layer popover; "changed" says that any of that
 * happened. */

struct _VtLayerWatch
{
  GObject       parent_instance;

  VtPage       *page;
  GListModel   *layers;     /* the page's, as last seen */
  GPtrArray    *watched;    /* VtPageLayer whose "visible" is followed */
};

G_DEFINE_FINAL_TYPE (VtLayerWatch, vt_layer_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unwatch (VtLayerWatch *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
  self->layers = NULL;
}

static void
layer_visible_cb (VtLayerWatch *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
page_state_cb (VtLayerWatch *self)
{
  GListModel *layers = vt_page_get_layers (self->page);

  if (layers == self->layers)
    return;

  unwatch (self);
  self->layers = layers;
  for (guint i = 0; layers != NULL && i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(VtPageLayer) layer = g_list_model_get_item (layers, i);

      g_signal_connect_swapped (layer, "notify::visible", G_CALLBACK (layer_visible_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (layer));
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static VtPageLayer *
find_layer (VtLayerWatch            *self,
            const VtContentResource *body)
{
  for (guint i = 0; i < self->watched->len; i++)
    {
      VtPageLayer *layer = g_ptr_array_index (self->watched, i);

      if (vt_page_layer_get_body (layer) == body)
        return layer;
    }
  return NULL;
}

static void
vt_layer_watch_dispose (GObject *object)
{
  VtLayerWatch *self = VT_LAYER_WATCH (object);

  vt_layer_watch_set_page (self, NULL);

  G_OBJECT_CLASS (vt_layer_watch_parent_class)->dispose (object);
}

static void
vt_layer_watch_finalize (GObject *object)
{
  VtLayerWatch *self = VT_LAYER_WATCH (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_layer_watch_parent_class)->finalize (object);
}

static void
vt_layer_watch_class_init (VtLayerWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_layer_watch_dispose;
  object_class->finalize = vt_layer_watch_finalize;

  /**
   * VtLayerWatch::changed:
   *
   * An image of the page was shown or hidden, or the page's layers came
   * or went.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_layer_watch_init (VtLayerWatch *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

VtLayerWatch *
vt_layer_watch_new (void)
{
  return g_object_new (VT_TYPE_LAYER_WATCH, NULL);
}

/**
 * vt_layer_watch_set_page:
 * @page: (nullable): the page whose images are followed
 */
void
vt_layer_watch_set_page (VtLayerWatch *self,
                         VtPage       *page)
{
  g_return_if_fail (VT_IS_LAYER_WATCH (self));
  g_return_if_fail (!page || VT_IS_PAGE (page));

  if (self->page == page)
    return;

  unwatch (self);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  g_set_object (&self->page, page);
  if (page != NULL)
    {
      g_signal_connect_swapped (page, "notify::state", G_CALLBACK (page_state_cb), self);
      page_state_cb (self);
    }
}

/**
 * vt_layer_watch_is_shown:
 * @painting: the painting annotation of @body
 * @body: one of its bodies
 *
 * Returns: whether @body is shown on the page: its layer's visibility once
 *   the page has layers, else whether it is what @painting shows first
 */
gboolean
vt_layer_watch_is_shown (VtLayerWatch               *self,
                         const VtPaintingAnnotation *painting,
                         const VtContentResource    *body)
{
  VtPageLayer *layer;

  g_return_val_if_fail (VT_IS_LAYER_WATCH (self), FALSE);
  g_return_val_if_fail (painting != NULL, FALSE);

  if ((layer = find_layer (self, body)) != NULL)
    return vt_page_layer_get_visible (layer);
  return vt_painting_annotation_get_body (painting) == body;
}

/**
 * vt_layer_watch_show:
 *
 * Shows @body's layer; of a Choice, as picking it in the layer popover
 * does, instead of the other options.
 */
void
vt_layer_watch_show (VtLayerWatch            *self,
                     const VtContentResource *body)
{
  VtPageLayer *layer;

  g_return_if_fail (VT_IS_LAYER_WATCH (self));

  if ((layer = find_layer (self, body)) == NULL)
    return;
  if (vt_page_layer_is_choice (layer))
    for (guint i = 0; i < self->watched->len; i++)
      {
        VtPageLayer *other = g_ptr_array_index (self->watched, i);

        if (other != layer && vt_page_layer_get_group (other) == vt_page_layer_get_group (layer))
          vt_page_layer_set_visible (other, FALSE);
      }
  vt_page_layer_set_visible (layer, TRUE);
}
