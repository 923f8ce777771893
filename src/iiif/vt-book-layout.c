/* vt-book-layout.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-book-layout"

#include "config.h"

#include "vt-book-layout.h"
#include "vt-iiif-private.h"

/* How a manifest's canvases are put on screen: which go together in one
 * view (a spread, a scroll) and where each goes in it. Pure data from the
 * document's behaviours, viewing direction and canvas sizes, so that the
 * window, the strip, the page indicator and the benchmark agree on what a
 * "page" is. */

/* A canvas without a size (they exist) still needs a shape in a spread. */
#define FALLBACK_SIZE 1000.0

struct _VtBookLayout
{
  GObject             parent_instance;

  VtBookMode          mode;
  VtViewingDirection  direction;
  GArray             *order;      /* guint canvas indices, reading order */
  guint              *view_of;    /* per manifest canvas; G_MAXUINT: none */
  guint              *position;   /* per manifest canvas; G_MAXUINT: not in order */
  guint               n_canvases;
  GArray             *views;      /* VtBookView */
};

G_DEFINE_FINAL_TYPE (VtBookLayout, vt_book_layout, G_TYPE_OBJECT)

static void
view_clear (gpointer data)
{
  VtBookView *view = data;

  g_clear_pointer (&view->placements, g_free);
}

static void
canvas_size (VtManifest *manifest,
             guint       index,
             double      fallback_width,
             double      fallback_height,
             double     *width,
             double     *height)
{
  VtCanvas *canvas = vt_manifest_get_canvas (manifest, index);

  if (canvas != NULL && canvas->width > 0 && canvas->height > 0)
    {
      *width = canvas->width;
      *height = canvas->height;
    }
  else
    {
      *width = fallback_width;
      *height = fallback_height;
    }
}

gboolean
vt_book_layout_is_vertical (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), FALSE);

  return self->direction == VT_VIEWING_DIRECTION_TOP_TO_BOTTOM ||
         self->direction == VT_VIEWING_DIRECTION_BOTTOM_TO_TOP;
}

/**
 * vt_book_layout_is_reversed:
 *
 * Returns: whether reading runs against the screen's axis: right to left,
 *   or bottom to top
 */
gboolean
vt_book_layout_is_reversed (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), FALSE);

  return self->direction == VT_VIEWING_DIRECTION_RIGHT_TO_LEFT ||
         self->direction == VT_VIEWING_DIRECTION_BOTTOM_TO_TOP;
}

/* Joins @n canvases into one view along the reading axis, each scaled to
 * the largest extent across it, the first where reading starts. */
static void
add_view (VtBookLayout *self,
          VtManifest   *manifest,
          const guint  *canvases,
          guint         n,
          double        fallback_width,
          double        fallback_height)
{
  gboolean vertical = vt_book_layout_is_vertical (self);
  gboolean reversed = vt_book_layout_is_reversed (self);
  VtBookView view = { 0 };
  double across = 0, along = 0, pos;
  guint index = self->views->len;

  view.n_placements = n;
  view.placements = g_new0 (VtBookPlacement, n);

  for (guint i = 0; i < n; i++)
    {
      double w, h;

      canvas_size (manifest, canvases[i], fallback_width, fallback_height, &w, &h);
      across = MAX (across, vertical ? w : h);
    }

  for (guint i = 0; i < n; i++)
    {
      VtBookPlacement *p = &view.placements[i];
      double w, h;

      canvas_size (manifest, canvases[i], fallback_width, fallback_height, &w, &h);
      p->canvas = canvases[i];
      if (vertical)
        {
          p->width = across;
          p->height = h * across / w;
          along += p->height;
        }
      else
        {
          p->height = across;
          p->width = w * across / h;
          along += p->width;
        }
      self->view_of[canvases[i]] = index;
    }

  /* Then the positions, from where reading starts. */
  pos = reversed ? along : 0;
  for (guint i = 0; i < n; i++)
    {
      VtBookPlacement *p = &view.placements[i];
      double extent = vertical ? p->height : p->width;

      if (reversed)
        pos -= extent;
      if (vertical)
        p->y = pos;
      else
        p->x = pos;
      if (!reversed)
        pos += extent;
    }

  view.width = vertical ? across : along;
  view.height = vertical ? along : across;
  g_array_append_val (self->views, view);
}

static VtBookMode
mode_for_flags (VtBehaviorFlags flags,
                gboolean       *stated)
{
  *stated = TRUE;
  if (flags & VT_BEHAVIOR_PAGED)
    return VT_BOOK_MODE_PAGED;
  if (flags & VT_BEHAVIOR_CONTINUOUS)
    return VT_BOOK_MODE_CONTINUOUS;
  if (flags & (VT_BEHAVIOR_INDIVIDUALS | VT_BEHAVIOR_UNORDERED))
    return VT_BOOK_MODE_INDIVIDUALS;
  *stated = FALSE;
  return VT_BOOK_MODE_INDIVIDUALS;
}

static void
build_paged (VtBookLayout *self,
             VtManifest   *manifest,
             double        fw,
             double        fh)
{
  gboolean first = TRUE;
  gboolean have_left = FALSE;
  guint left = 0;

  for (guint i = 0; i < self->order->len; i++)
    {
      guint index = g_array_index (self->order, guint, i);
      VtCanvas *canvas = vt_manifest_get_canvas (manifest, index);
      VtBehaviorFlags flags = canvas ? canvas->behavior_flags : VT_BEHAVIOR_NONE;

      /* Not a page (a tissue, a ruler): out of the page order, shown
       * only when asked for by itself. */
      if (flags & VT_BEHAVIOR_NON_PAGED)
        continue;

      /* The first page is a recto alone; a canvas of a whole opening
       * stands alone and the next page starts a new spread. */
      if (first || (flags & VT_BEHAVIOR_FACING_PAGES))
        {
          if (have_left)
            add_view (self, manifest, &left, 1, fw, fh);
          have_left = FALSE;
          add_view (self, manifest, &index, 1, fw, fh);
          first = FALSE;
        }
      else if (have_left)
        {
          guint pair[2] = { left, index };

          add_view (self, manifest, pair, 2, fw, fh);
          have_left = FALSE;
        }
      else
        {
          left = index;
          have_left = TRUE;
        }
    }
  if (have_left)
    add_view (self, manifest, &left, 1, fw, fh);
}

/**
 * vt_book_layout_new:
 * @manifest: the manifest
 * @order: (nullable): a range to read in place of the manifest's own order
 *   (one with the "sequence" behaviour, or a "thumbnail-nav" one, whose
 *   canvases are shown one by one); its behaviours and viewing direction,
 *   when it states them, win over the manifest's
 *
 * Returns: (transfer full): the views of @manifest
 */
VtBookLayout *
vt_book_layout_new (VtManifest    *manifest,
                    const VtRange *order)
{
  VtBookLayout *self;
  gboolean stated = FALSE;
  double fw = FALLBACK_SIZE, fh = FALLBACK_SIZE;

  g_return_val_if_fail (manifest != NULL, NULL);

  self = g_object_new (VT_TYPE_BOOK_LAYOUT, NULL);
  self->n_canvases = vt_manifest_get_n_canvases (manifest);
  self->view_of = g_new (guint, MAX (1, self->n_canvases));
  self->position = g_new (guint, MAX (1, self->n_canvases));
  for (guint i = 0; i < self->n_canvases; i++)
    {
      VtCanvas *canvas = vt_manifest_get_canvas (manifest, i);

      self->view_of[i] = G_MAXUINT;
      self->position[i] = G_MAXUINT;
      if (fw == FALLBACK_SIZE && fh == FALLBACK_SIZE && canvas->width > 0 && canvas->height > 0)
        {
          fw = canvas->width;
          fh = canvas->height;
        }
    }

  if (order != NULL)
    {
      g_array_unref (self->order);
      self->order = vt_range_collect_canvases (order, manifest);
      self->mode = mode_for_flags (order->behavior_flags, &stated);
      /* A range for thumbnail navigation picks canvases out of the book
       * (the illustrations, the maps): they are no longer spreads. */
      if (!stated && (order->behavior_flags & VT_BEHAVIOR_THUMBNAIL_NAV))
        stated = TRUE;
    }
  else
    {
      for (guint i = 0; i < self->n_canvases; i++)
        g_array_append_val (self->order, i);
    }
  if (!stated)
    self->mode = mode_for_flags (manifest->behavior_flags, &stated);

  self->direction = manifest->viewing_direction;
  if (order != NULL && order->viewing_direction != VT_VIEWING_DIRECTION_LEFT_TO_RIGHT)
    self->direction = order->viewing_direction;

  for (guint i = 0; i < self->order->len; i++)
    self->position[g_array_index (self->order, guint, i)] = i;

  switch (self->mode)
    {
    case VT_BOOK_MODE_PAGED:
      build_paged (self, manifest, fw, fh);
      break;

    case VT_BOOK_MODE_CONTINUOUS:
      if (self->order->len > 0)
        add_view (self, manifest, (guint *) (gpointer) self->order->data, self->order->len, fw, fh);
      break;

    case VT_BOOK_MODE_INDIVIDUALS:
    default:
      for (guint i = 0; i < self->order->len; i++)
        add_view (self, manifest, &g_array_index (self->order, guint, i), 1, fw, fh);
      break;
    }

  return self;
}

VtBookMode
vt_book_layout_get_mode (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), VT_BOOK_MODE_INDIVIDUALS);

  return self->mode;
}

VtViewingDirection
vt_book_layout_get_direction (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), VT_VIEWING_DIRECTION_LEFT_TO_RIGHT);

  return self->direction;
}

guint
vt_book_layout_get_n_views (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), 0);

  return self->views->len;
}

/**
 * vt_book_layout_get_view:
 *
 * Returns: (nullable) (transfer none): the view, or %NULL past the end
 */
const VtBookView *
vt_book_layout_get_view (VtBookLayout *self,
                         guint         view)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), NULL);

  if (view >= self->views->len)
    return NULL;
  return &g_array_index (self->views, VtBookView, view);
}

/**
 * vt_book_layout_find_view:
 * @canvas: a canvas index
 * @out_view: (out) (optional): the view that shows it
 *
 * Returns: whether a view shows @canvas: a "non-paged" canvas of a paged
 *   book, or one left out of an alternative order, has none
 */
gboolean
vt_book_layout_find_view (VtBookLayout *self,
                          guint         canvas,
                          guint        *out_view)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), FALSE);

  if (canvas >= self->n_canvases || self->view_of[canvas] == G_MAXUINT)
    return FALSE;
  if (out_view != NULL)
    *out_view = self->view_of[canvas];
  return TRUE;
}

guint
vt_book_layout_get_n_order (VtBookLayout *self)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), 0);

  return self->order->len;
}

/**
 * vt_book_layout_get_order_canvas:
 * @position: a position in reading order
 *
 * Returns: the index of the canvas read at @position
 */
guint
vt_book_layout_get_order_canvas (VtBookLayout *self,
                                 guint         position)
{
  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), 0);
  g_return_val_if_fail (position < self->order->len, 0);

  return g_array_index (self->order, guint, position);
}

/**
 * vt_book_layout_get_view_first:
 *
 * Returns: the canvas read first in @view (the one a viewer names the
 *   view by)
 */
guint
vt_book_layout_get_view_first (VtBookLayout *self,
                               guint         view)
{
  const VtBookView *v = vt_book_layout_get_view (self, view);

  g_return_val_if_fail (v != NULL, 0);
  return v->placements[0].canvas;
}

guint
vt_book_layout_get_view_last (VtBookLayout *self,
                              guint         view)
{
  const VtBookView *v = vt_book_layout_get_view (self, view);

  g_return_val_if_fail (v != NULL, 0);
  return v->placements[v->n_placements - 1].canvas;
}

/**
 * vt_book_layout_step:
 * @canvas: the canvas shown (the first of its view)
 * @delta: how many views forward (negative: back) in reading order
 * @out_canvas: (out): the first canvas of the view reached
 *
 * Turns pages. From a canvas no view shows (a non-paged one shown by
 * itself), one step goes to the next view after it, or the one before.
 *
 * Returns: whether there was such a view
 */
gboolean
vt_book_layout_step (VtBookLayout *self,
                     guint         canvas,
                     int           delta,
                     guint        *out_canvas)
{
  gint64 target;
  guint view;

  g_return_val_if_fail (VT_IS_BOOK_LAYOUT (self), FALSE);
  g_return_val_if_fail (out_canvas != NULL, FALSE);

  if (self->views->len == 0 || delta == 0)
    return FALSE;

  if (vt_book_layout_find_view (self, canvas, &view))
    target = (gint64) view + delta;
  else
    {
      guint pos = canvas < self->n_canvases ? self->position[canvas] : G_MAXUINT;
      gint64 after = self->views->len;

      /* The first view read after the canvas' place in the order. */
      for (guint v = 0; v < self->views->len && pos != G_MAXUINT; v++)
        if (self->position[vt_book_layout_get_view_first (self, v)] > pos)
          {
            after = v;
            break;
          }
      if (pos == G_MAXUINT)
        after = 0;
      target = delta > 0 ? after + delta - 1 : after + delta;
    }

  if (target < 0 || target >= self->views->len)
    return FALSE;
  *out_canvas = vt_book_layout_get_view_first (self, (guint) target);
  return TRUE;
}

/* v2 structures are linked by id and may share or loop (a hostile
 * document); every range is walked once. */
static void
collect_ranges (GPtrArray       *out,
                GHashTable      *visited,
                VtRange         *range,
                VtBehaviorFlags  behavior)
{
  if (!g_hash_table_add (visited, range))
    return;

  if ((range->behavior_flags & behavior) != 0)
    g_ptr_array_add (out, vt_range_ref (range));

  for (guint j = 0; range->items != NULL && j < range->items->len; j++)
    {
      VtRangeItem *item = g_ptr_array_index (range->items, j);

      if (item->range != NULL)
        collect_ranges (out, visited, item->range, behavior);
    }
}

/**
 * vt_manifest_collect_ranges:
 * @behavior: the flags looked for, e.g. %VT_BEHAVIOR_SEQUENCE
 *
 * Returns: (transfer container) (element-type VtRange): every range of the
 *   table of contents, at any depth, with one of @behavior, in document
 *   order
 */
GPtrArray *
vt_manifest_collect_ranges (const VtManifest *manifest,
                            VtBehaviorFlags   behavior)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_range_unref);
  g_autoptr(GHashTable) visited = NULL;

  g_return_val_if_fail (manifest != NULL, out);

  visited = g_hash_table_new (NULL, NULL);
  for (guint i = 0; manifest->structures != NULL && i < manifest->structures->len; i++)
    collect_ranges (out, visited, g_ptr_array_index (manifest->structures, i), behavior);
  return out;
}

static void
collect_canvases (GArray           *out,
                  gboolean         *seen,
                  GHashTable       *visited,
                  const VtRange    *range,
                  const VtManifest *manifest)
{
  if (range->items == NULL || !g_hash_table_add (visited, (gpointer) range))
    return;

  for (guint i = 0; i < range->items->len; i++)
    {
      VtRangeItem *item = g_ptr_array_index (range->items, i);
      guint index;

      if (item->range != NULL)
        collect_canvases (out, seen, visited, item->range, manifest);
      else if (vt_manifest_find_canvas (manifest, item->canvas_id, &index) != NULL && !seen[index])
        {
          seen[index] = TRUE;
          g_array_append_val (out, index);
        }
    }
}

/**
 * vt_range_collect_canvases:
 *
 * Returns: (transfer full) (element-type guint): the indices of the
 *   manifest's canvases that @range (and its sub-ranges) names, in its
 *   order, each once
 */
GArray *
vt_range_collect_canvases (const VtRange    *range,
                           const VtManifest *manifest)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *seen = NULL;
  g_autoptr(GHashTable) visited = NULL;

  g_return_val_if_fail (range != NULL && manifest != NULL, out);

  seen = g_new0 (gboolean, MAX (1, vt_manifest_get_n_canvases (manifest)));
  visited = g_hash_table_new (NULL, NULL);
  collect_canvases (out, seen, visited, range, manifest);
  return out;
}

static void
vt_book_layout_finalize (GObject *object)
{
  VtBookLayout *self = VT_BOOK_LAYOUT (object);

  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->views, g_array_unref);
  g_clear_pointer (&self->view_of, g_free);
  g_clear_pointer (&self->position, g_free);

  G_OBJECT_CLASS (vt_book_layout_parent_class)->finalize (object);
}

static void
vt_book_layout_class_init (VtBookLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_book_layout_finalize;
}

static void
vt_book_layout_init (VtBookLayout *self)
{
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->views = g_array_new (FALSE, TRUE, sizeof (VtBookView));
  g_array_set_clear_func (self->views, view_clear);
}
