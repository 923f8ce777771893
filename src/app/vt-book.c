/* vt-book.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-book"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-book.h"

/* How the object on screen is read: its layout (spreads, a scroll, one
 * canvas at a time) in the order the user picked among the manifest's own
 * and its "sequence" and "thumbnail-nav" ranges. Turning pages, the page
 * indicator and the strip ask it, so that they agree. Owned by the
 * VtViewing of a manifest; no widget. */

struct _VtBook
{
  GObject       parent_instance;

  VtManifest   *manifest;
  GPtrArray    *orders;   /* VtRange; the manifest's own order is 0, not in it */
  guint         order;
  VtBookLayout *layout;

  /* A canvas no view shows (a "non-paged" one picked in the strip) is
   * shown by itself, in this view. */
  VtBookPlacement single_placement;
  VtBookView      single;
};

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtBook, vt_book, G_TYPE_OBJECT)

/**
 * vt_book_new:
 * @manifest: the manifest read
 *
 * Returns: (transfer full): its book, in the manifest's own order
 */
VtBook *
vt_book_new (VtManifest *manifest)
{
  VtBook *self;

  g_return_val_if_fail (manifest != NULL, NULL);

  self = g_object_new (VT_TYPE_BOOK, NULL);
  self->manifest = vt_manifest_ref (manifest);
  self->orders = vt_manifest_collect_ranges (manifest, VT_BEHAVIOR_SEQUENCE | VT_BEHAVIOR_THUMBNAIL_NAV);
  self->layout = vt_book_layout_new (manifest, NULL);
  return self;
}

/**
 * vt_book_get_layout:
 *
 * Returns: (transfer none): the views in the order chosen; a new layout
 *   each time the order changes (#VtBook:layout)
 */
VtBookLayout *
vt_book_get_layout (VtBook *self)
{
  g_return_val_if_fail (VT_IS_BOOK (self), NULL);

  return self->layout;
}

/**
 * vt_book_get_n_orders:
 *
 * Returns: how many orders there are to read in: 1 (the manifest's) and
 *   one per "sequence" or "thumbnail-nav" range
 */
guint
vt_book_get_n_orders (VtBook *self)
{
  g_return_val_if_fail (VT_IS_BOOK (self), 1);

  return 1 + self->orders->len;
}

/**
 * vt_book_dup_order_label:
 *
 * Returns: (transfer full): what the order is called in its menu
 */
char *
vt_book_dup_order_label (VtBook *self,
                         guint   order)
{
  VtRange *range;
  char *text;

  g_return_val_if_fail (VT_IS_BOOK (self), NULL);

  if (order == 0 || order > self->orders->len)
    /* Translators: the order of a book's pages as its manifest gives
     * them, beside other orders the museum offers */
    return g_strdup (_("Standard Order"));

  range = g_ptr_array_index (self->orders, order - 1);
  text = range->label ? vt_language_map_dup_text (range->label, g_get_language_names (), " · ") : NULL;
  if (text != NULL && *text != '\0')
    return text;
  g_free (text);
  /* Translators: %u is a number: an order of pages the museum did not name */
  return g_strdup_printf (_("Order %u"), order + 1);
}

guint
vt_book_get_order (VtBook *self)
{
  g_return_val_if_fail (VT_IS_BOOK (self), 0);

  return self->order;
}

/**
 * vt_book_set_order:
 * @order: 0 for the manifest's own order, else one of its ranges
 *
 * Reads the book in another order: a new #VtBook:layout.
 */
void
vt_book_set_order (VtBook *self,
                   guint   order)
{
  g_return_if_fail (VT_IS_BOOK (self));

  if (order > self->orders->len || order == self->order)
    return;

  self->order = order;
  g_clear_object (&self->layout);
  self->layout = vt_book_layout_new (self->manifest,
                                     order > 0 ? g_ptr_array_index (self->orders, order - 1) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/**
 * vt_book_step:
 * @canvas: the canvas shown
 * @delta: views forward (negative: back), in reading order
 * @out_canvas: (out): the canvas to show: the first of the view reached
 *
 * Returns: whether there is such a view
 */
gboolean
vt_book_step (VtBook *self,
              guint   canvas,
              int     delta,
              guint  *out_canvas)
{
  g_return_val_if_fail (VT_IS_BOOK (self), FALSE);

  return vt_book_layout_step (self->layout, canvas, delta, out_canvas);
}

/**
 * vt_book_get_end:
 * @last: the last view, else the first
 * @out_canvas: (out): its first canvas
 *
 * Returns: whether the book has a view at all
 */
gboolean
vt_book_get_end (VtBook   *self,
                 gboolean  last,
                 guint    *out_canvas)
{
  guint n;

  g_return_val_if_fail (VT_IS_BOOK (self), FALSE);

  n = vt_book_layout_get_n_views (self->layout);
  if (n == 0)
    return FALSE;
  *out_canvas = vt_book_layout_get_view_first (self->layout, last ? n - 1 : 0);
  return TRUE;
}

/**
 * vt_book_get_view_of:
 * @canvas: a canvas of the manifest
 *
 * Returns: (transfer none): the view that shows @canvas, or one of it alone
 *   when no view of the order does (valid until the next call)
 */
const VtBookView *
vt_book_get_view_of (VtBook *self,
                     guint   canvas)
{
  VtCanvas *c;
  guint view;

  g_return_val_if_fail (VT_IS_BOOK (self), NULL);

  if (vt_book_layout_find_view (self->layout, canvas, &view))
    return vt_book_layout_get_view (self->layout, view);

  c = vt_manifest_get_canvas (self->manifest, canvas);
  self->single_placement.canvas = canvas;
  self->single_placement.x = 0;
  self->single_placement.y = 0;
  self->single_placement.width = c != NULL && c->width > 0 ? c->width : 1;
  self->single_placement.height = c != NULL && c->height > 0 ? c->height : 1;
  self->single.placements = &self->single_placement;
  self->single.n_placements = 1;
  self->single.width = self->single_placement.width;
  self->single.height = self->single_placement.height;
  return &self->single;
}

/**
 * vt_book_dup_page_text:
 * @canvas: the canvas shown
 *
 * Returns: (transfer full): what the page indicator says: "Page 3 of 12",
 *   or "Pages 2–3 of 12" for a spread
 */
char *
vt_book_dup_page_text (VtBook *self,
                       guint   canvas)
{
  const VtBookView *view;
  guint n, low = G_MAXUINT, high = 0;

  g_return_val_if_fail (VT_IS_BOOK (self), NULL);

  n = vt_manifest_get_n_canvases (self->manifest);
  view = vt_book_get_view_of (self, canvas);
  for (guint i = 0; i < view->n_placements; i++)
    {
      low = MIN (low, view->placements[i].canvas);
      high = MAX (high, view->placements[i].canvas);
    }

  if (low == high)
    /* Translators: which page of an object is shown, e.g. "Page 3 of 12";
     * the same for every number, so no plural forms */
    return g_strdup_printf (_("Page %u of %u"), low + 1, n);

  /* Translators: the pages of a two-page spread (or of a scroll) shown
   * together, e.g. "Pages 2–3 of 12"; the dash is an en dash */
  return g_strdup_printf (_("Pages %u–%u of %u"), low + 1, high + 1, n);
}

static void
vt_book_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtBook *self = VT_BOOK (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;

    case PROP_ORDER:
      g_value_set_uint (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_book_finalize (GObject *object)
{
  VtBook *self = VT_BOOK (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->orders, g_ptr_array_unref);
  g_clear_pointer (&self->manifest, vt_manifest_unref);

  G_OBJECT_CLASS (vt_book_parent_class)->finalize (object);
}

static void
vt_book_class_init (VtBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vt_book_finalize;
  object_class->get_property = vt_book_get_property;

  properties[PROP_LAYOUT] = g_param_spec_object ("layout", NULL, NULL, VT_TYPE_BOOK_LAYOUT, ro);
  properties[PROP_ORDER] = g_param_spec_uint ("order", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_book_init (VtBook *self)
{
}
