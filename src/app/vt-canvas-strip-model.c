/* vt-canvas-strip-model.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-strip-model"

#include "config.h"

#include "vt-canvas-strip-model.h"

/* The strip's list: one VtCanvasStripItem per canvas of the manifest, made
 * when the list view first asks for it. A manifest may have 100,000
 * canvases; the view binds a couple of hundred rows, and a user scrolls
 * through a few hundred more, so opening a book makes no item at all and
 * turning its pages makes only those shown. An item, once made, stays until
 * the manifest changes: it holds its thumbnail's state (and the strip
 * bounds how many thumbnails are kept). */

struct _VtCanvasStripModel
{
  GObject     parent_instance;

  VtManifest *manifest;
  GHashTable *items;  /* index → VtCanvasStripItem */
};

static void vt_canvas_strip_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtCanvasStripModel, vt_canvas_strip_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vt_canvas_strip_model_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return VT_TYPE_CANVAS_STRIP_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  VtCanvasStripModel *self = VT_CANVAS_STRIP_MODEL (model);

  return self->manifest != NULL ? vt_manifest_get_n_canvases (self->manifest) : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VtCanvasStripModel *self = VT_CANVAS_STRIP_MODEL (model);
  VtCanvasStripItem *item;

  if (position >= get_n_items (model))
    return NULL;

  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item == NULL)
    {
      item = vt_canvas_strip_item_new (vt_manifest_get_canvas (self->manifest, position), position);
      g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
    }

  return g_object_ref (item);
}

static void
vt_canvas_strip_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
vt_canvas_strip_model_dispose (GObject *object)
{
  VtCanvasStripModel *self = VT_CANVAS_STRIP_MODEL (object);

  vt_canvas_strip_model_cancel_all (self);
  g_hash_table_remove_all (self->items);
  g_clear_pointer (&self->manifest, vt_manifest_unref);

  G_OBJECT_CLASS (vt_canvas_strip_model_parent_class)->dispose (object);
}

static void
vt_canvas_strip_model_finalize (GObject *object)
{
  VtCanvasStripModel *self = VT_CANVAS_STRIP_MODEL (object);

  g_clear_pointer (&self->items, g_hash_table_unref);

  G_OBJECT_CLASS (vt_canvas_strip_model_parent_class)->finalize (object);
}

static void
vt_canvas_strip_model_class_init (VtCanvasStripModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_canvas_strip_model_dispose;
  object_class->finalize = vt_canvas_strip_model_finalize;
}

static void
vt_canvas_strip_model_init (VtCanvasStripModel *self)
{
  self->items = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

VtCanvasStripModel *
vt_canvas_strip_model_new (void)
{
  return g_object_new (VT_TYPE_CANVAS_STRIP_MODEL, NULL);
}

/**
 * vt_canvas_strip_model_set_manifest:
 * @manifest: (nullable): the manifest whose canvases to list
 *
 * Lists the canvases of @manifest in place of the previous ones, whose
 * thumbnail loads are cancelled. Makes no item.
 */
void
vt_canvas_strip_model_set_manifest (VtCanvasStripModel *self,
                                    VtManifest         *manifest)
{
  guint removed, added;

  g_return_if_fail (VT_IS_CANVAS_STRIP_MODEL (self));

  if (manifest == self->manifest)
    return;

  removed = get_n_items (G_LIST_MODEL (self));
  vt_canvas_strip_model_cancel_all (self);
  g_hash_table_remove_all (self->items);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  if (manifest != NULL)
    self->manifest = vt_manifest_ref (manifest);
  added = get_n_items (G_LIST_MODEL (self));

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/**
 * vt_canvas_strip_model_get_manifest:
 *
 * Returns: (transfer none) (nullable): the manifest listed
 */
VtManifest *
vt_canvas_strip_model_get_manifest (VtCanvasStripModel *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_MODEL (self), NULL);

  return self->manifest;
}

/**
 * vt_canvas_strip_model_cancel_all:
 *
 * Cancels the thumbnail loads of every item made so far; the others have
 * none.
 */
void
vt_canvas_strip_model_cancel_all (VtCanvasStripModel *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (VT_IS_CANVAS_STRIP_MODEL (self));

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    vt_canvas_strip_item_cancel (item);
}

/**
 * vt_canvas_strip_model_get_n_made:
 *
 * Returns: how many items were made since the manifest was set: those the
 *   list view (or anyone) asked for, not one per canvas
 */
guint
vt_canvas_strip_model_get_n_made (VtCanvasStripModel *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP_MODEL (self), 0);

  return g_hash_table_size (self->items);
}
