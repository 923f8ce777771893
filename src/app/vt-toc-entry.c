/* vt-toc-entry.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-toc-entry"

#include "config.h"

#include "vt-toc-entry.h"

/* One line of the table of contents: a navigable range, the canvas it
 * starts at (and the part of it, when the range starts at a part: an
 * article on a newspaper page, cookbook 0025) and its navigable
 * sub-ranges. Built once per manifest. */

struct _VtTocEntry
{
  GObject     parent_instance;

  char       *label;
  GListStore *children;
  int         canvas_index;
  gboolean    has_region;
  VtRect      region;
};

G_DEFINE_FINAL_TYPE (VtTocEntry, vt_toc_entry, G_TYPE_OBJECT)

/* Ranges may nest deeply, and a v2 document can make a range reachable from
 * several parents: bound both the depth and the total work. */
#define MAX_DEPTH 64
#define MAX_VISITS 200000

typedef struct
{
  GHashTable *index_of;   /* canvas id → index + 1 */
  guint       visits;
} BuildContext;

static void
vt_toc_entry_finalize (GObject *object)
{
  VtTocEntry *self = (VtTocEntry *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (vt_toc_entry_parent_class)->finalize (object);
}

static void
vt_toc_entry_class_init (VtTocEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_toc_entry_finalize;
}

static void
vt_toc_entry_init (VtTocEntry *self)
{
  self->canvas_index = -1;
}

/* The first canvas of a range in reading order, sub-ranges included;
 * @item_out is set to the item that names it. */
static int
first_canvas (BuildContext       *ctx,
              const VtRange      *range,
              guint               depth,
              const VtRangeItem **item_out)
{
  if (depth > MAX_DEPTH || range->items == NULL)
    return -1;

  for (guint i = 0; i < range->items->len && ctx->visits < MAX_VISITS; i++)
    {
      const VtRangeItem *item = g_ptr_array_index (range->items, i);

      ctx->visits++;
      if (item->canvas_id != NULL)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->index_of, item->canvas_id));

          if (index > 0)
            {
              *item_out = item;
              return index - 1;
            }
        }
      else if (item->range != NULL)
        {
          int index = first_canvas (ctx, item->range, depth + 1, item_out);

          if (index >= 0)
            return index;
        }
    }
  return -1;
}

static void add_ranges (BuildContext *ctx,
                        GListStore   *store,
                        GPtrArray    *ranges,
                        gboolean      ranges_are_items,
                        guint         depth);

static void
add_range (BuildContext  *ctx,
           GListStore    *store,
           const VtRange *range,
           guint          depth)
{
  g_autoptr(VtTocEntry) entry = NULL;
  g_autoptr(GListStore) children = NULL;
  const VtRangeItem *first = NULL;

  if (depth > MAX_DEPTH || ctx->visits >= MAX_VISITS)
    return;
  ctx->visits++;

  if (!vt_range_is_navigable (range))
    return;

  entry = g_object_new (VT_TYPE_TOC_ENTRY, NULL);
  entry->label = g_strdup (vt_language_map_get_first (range->label, g_get_language_names ()));
  entry->canvas_index = first_canvas (ctx, range, 0, &first);
  if (entry->canvas_index >= 0 && first->has_region &&
      first->region.width > 0 && first->region.height > 0)
    {
      entry->has_region = TRUE;
      entry->region = first->region;
    }

  children = g_list_store_new (VT_TYPE_TOC_ENTRY);
  if (range->items != NULL)
    add_ranges (ctx, children, range->items, TRUE, depth + 1);
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) > 0)
    entry->children = g_steal_pointer (&children);

  g_list_store_append (store, entry);
}

static void
add_ranges (BuildContext *ctx,
            GListStore   *store,
            GPtrArray    *ranges,
            gboolean      ranges_are_items,
            guint         depth)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      const VtRange *range;

      if (ranges_are_items)
        range = ((const VtRangeItem *) g_ptr_array_index (ranges, i))->range;
      else
        range = g_ptr_array_index (ranges, i);
      if (range != NULL)
        add_range (ctx, store, range, depth);
    }
}

/**
 * vt_toc_entry_build_tree:
 * @manifest: a manifest
 *
 * Builds the table of contents from the manifest's ranges: ranges without a
 * label or marked `no-nav` or `thumbnail-nav` are left out (with their
 * sub-ranges).
 *
 * Returns: (transfer full): a list of the top #VtTocEntry; empty when the
 *   manifest has no navigable ranges
 */
GListModel *
vt_toc_entry_build_tree (VtManifest *manifest)
{
  g_autoptr(GHashTable) index_of = NULL;
  BuildContext ctx = { 0 };
  GListStore *store;

  g_return_val_if_fail (manifest != NULL, NULL);

  store = g_list_store_new (VT_TYPE_TOC_ENTRY);
  if (manifest->structures == NULL || manifest->structures->len == 0)
    return G_LIST_MODEL (store);

  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; manifest->canvases != NULL && i < manifest->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (manifest->canvases, i);

      /* The first canvas with an id wins, as in vt_manifest_find_canvas(). */
      if (canvas->id != NULL && !g_hash_table_contains (index_of, canvas->id))
        g_hash_table_insert (index_of, canvas->id, GUINT_TO_POINTER (i + 1));
    }

  ctx.index_of = index_of;
  add_ranges (&ctx, store, manifest->structures, FALSE, 0);
  return G_LIST_MODEL (store);
}

const char *
vt_toc_entry_get_label (VtTocEntry *self)
{
  g_return_val_if_fail (VT_IS_TOC_ENTRY (self), NULL);
  return self->label;
}

/**
 * vt_toc_entry_get_canvas_index:
 *
 * Returns: the index of the range's first canvas, or -1 when it names no
 *   canvas of the manifest
 */
int
vt_toc_entry_get_canvas_index (VtTocEntry *self)
{
  g_return_val_if_fail (VT_IS_TOC_ENTRY (self), -1);
  return self->canvas_index;
}

/**
 * vt_toc_entry_get_region:
 * @region: (out): the part of the canvas
 *
 * Returns: whether the range starts at a part (`#xywh=`, a
 *   FragmentSelector) of its first canvas rather than the whole, and
 *   @region holds it, in canvas units
 */
gboolean
vt_toc_entry_get_region (VtTocEntry *self,
                         VtRect     *region)
{
  g_return_val_if_fail (VT_IS_TOC_ENTRY (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (self->has_region)
    *region = self->region;
  return self->has_region;
}

/**
 * vt_toc_entry_get_children:
 *
 * Returns: (transfer none) (nullable): the sub-entries, or %NULL for a leaf
 */
GListModel *
vt_toc_entry_get_children (VtTocEntry *self)
{
  g_return_val_if_fail (VT_IS_TOC_ENTRY (self), NULL);
  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}
