/* vt-look-ahead.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-look-ahead"

#include "config.h"

#include "vt-look-ahead.h"

/* The views of a book either side of the one shown, loaded ahead once it
 * is sharp, so that turning the page either way shows it from memory;
 * and which view the reader came from, not to be asked for again. */

struct _VtLookAhead
{
  GObject      parent_instance;

  VtImageView *image_view;
  VtSession   *session;
  GPtrArray   *ahead;       /* VtPage: the canvases of the views either side, loaded ahead */
  guint        shown_first; /* the first canvas of the view shown, or G_MAXUINT */
  guint        came_from;   /* that of the view shown before it, or G_MAXUINT */
};

G_DEFINE_FINAL_TYPE (VtLookAhead, vt_look_ahead, G_TYPE_OBJECT)

/* Stops loading ahead the canvases @keep (a view, or %NULL) does not
 * show; their answers already in stay in the fetcher, within its budget. */
static void
drop_ahead (VtLookAhead      *self,
            const VtBookView *keep)
{
  for (guint i = self->ahead->len; i > 0; i--)
    {
      VtPage *page = g_ptr_array_index (self->ahead, i - 1);
      gboolean kept = FALSE;

      for (guint j = 0; keep != NULL && j < keep->n_placements; j++)
        kept |= keep->placements[j].canvas == vt_page_get_index (page);
      if (!kept)
        {
          vt_page_cancel (page);
          g_ptr_array_remove_index (self->ahead, i - 1);
        }
    }
}

static gboolean
is_ahead (VtLookAhead *self,
          guint        canvas)
{
  for (guint i = 0; i < self->ahead->len; i++)
    if (vt_page_get_index (g_ptr_array_index (self->ahead, i)) == canvas)
      return TRUE;
  return FALSE;
}

/* Loads a view ahead: each of its canvases at the size it will have on
 * screen when the view fits the canvas pane. */
static void
prefetch_view (VtLookAhead      *self,
               VtManifest       *manifest,
               const VtBookView *view)
{
  GtkWidget *widget = GTK_WIDGET (self->image_view);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double zoom;

  if (view == NULL || width <= 0 || height <= 0 || view->width <= 0 || view->height <= 0)
    return;

  zoom = MIN (width / view->width, height / view->height);
  for (guint i = 0; i < view->n_placements; i++)
    {
      const VtBookPlacement *p = &view->placements[i];
      VtPage *page;

      if (is_ahead (self, p->canvas))
        continue;
      page = vt_page_new (self->session, manifest, p->canvas);
      g_ptr_array_add (self->ahead, page);
      vt_page_prefetch (page, MAX (1, (int) (p->width * zoom + 0.5)), MAX (1, (int) (p->height * zoom + 0.5)),
                        gtk_widget_get_scale_factor (widget));
    }
}

/**
 * vt_look_ahead_prefetch:
 * @viewing: (nullable): the object on screen
 * @spread: (nullable): the canvases shown together, if the view has several
 *
 * Once the view shown is sharp, the views either side of it (the next
 * spread first) are loaded ahead: info.json, placeholder and fit-view
 * tiles, behind everything on screen. The view the reader just left is
 * not asked for again: reading on, only the spread ahead costs requests.
 */
void
vt_look_ahead_prefetch (VtLookAhead *self,
                        VtViewing   *viewing,
                        VtSpread    *spread)
{
  VtPage *page = viewing ? vt_viewing_get_page (viewing) : NULL;
  VtManifest *manifest = viewing ? vt_viewing_get_manifest (viewing) : NULL;
  VtBook *book = viewing ? vt_viewing_get_book (viewing) : NULL;
  guint index, next, previous;

  g_return_if_fail (VT_IS_LOOK_AHEAD (self));

  if (page == NULL || manifest == NULL || book == NULL || self->session == NULL ||
      vt_page_get_state (page) != VT_PAGE_READY || !vt_image_view_get_sharp (self->image_view) ||
      (spread != NULL && !vt_spread_is_complete (spread)))
    return;

  index = vt_page_get_index (page);
  if (vt_book_step (book, index, 1, &next) && next != self->came_from)
    prefetch_view (self, manifest, vt_book_get_view_of (book, next));
  if (vt_book_step (book, index, -1, &previous) && previous != self->came_from)
    prefetch_view (self, manifest, vt_book_get_view_of (book, previous));
}

/**
 * vt_look_ahead_turned:
 * @view: (nullable): the view now shown, or %NULL outside a book
 *
 * Turning to a view loaded ahead keeps what its canvases asked for under
 * way (the view shown claims it); the rest stops.
 */
void
vt_look_ahead_turned (VtLookAhead      *self,
                      const VtBookView *view)
{
  guint first = view != NULL ? view->placements[0].canvas : G_MAXUINT;

  g_return_if_fail (VT_IS_LOOK_AHEAD (self));

  drop_ahead (self, view);
  if (first != self->shown_first)
    {
      self->came_from = self->shown_first;
      self->shown_first = first;
    }
}

/**
 * vt_look_ahead_reset:
 *
 * Stops all loading ahead and forgets the views shown: another object,
 * or another order of the book.
 */
void
vt_look_ahead_reset (VtLookAhead *self)
{
  g_return_if_fail (VT_IS_LOOK_AHEAD (self));

  drop_ahead (self, NULL);
  self->shown_first = self->came_from = G_MAXUINT;
}

void
vt_look_ahead_set_session (VtLookAhead *self,
                           VtSession   *session)
{
  g_return_if_fail (VT_IS_LOOK_AHEAD (self));

  g_set_object (&self->session, session);
}

static void
vt_look_ahead_dispose (GObject *object)
{
  VtLookAhead *self = VT_LOOK_AHEAD (object);

  if (self->ahead != NULL)
    drop_ahead (self, NULL);
  g_clear_pointer (&self->ahead, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->image_view);

  G_OBJECT_CLASS (vt_look_ahead_parent_class)->dispose (object);
}

static void
vt_look_ahead_class_init (VtLookAheadClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_look_ahead_dispose;
}

static void
vt_look_ahead_init (VtLookAhead *self)
{
  self->ahead = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_first = self->came_from = G_MAXUINT;
}

/**
 * vt_look_ahead_new:
 * @image_view: the view the book is shown in, whose size the views
 *   loaded ahead are loaded for
 */
VtLookAhead *
vt_look_ahead_new (VtImageView *image_view)
{
  VtLookAhead *self;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_LOOK_AHEAD, NULL);
  self->image_view = g_object_ref (image_view);

  return self;
}
