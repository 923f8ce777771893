/* vt-canvas-pane-book.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-accessible.h"
#include "vt-canvas-pane-private.h"

/* The canvas pane's side of books: the orders a book may be read in and
 * its reading direction on the page controls and the strip. The views
 * either side of the one shown, loaded ahead, are VtLookAhead's. */

/* The orders a book may be read in (its own, "sequence" ranges, ranges
 * for thumbnail navigation), in a drop-down at the start of the strip;
 * hidden when there is only the book's own. */
void
_vt_canvas_pane_sync_orders (VtCanvasPane *self)
{
  VtBook *book = self->viewing ? vt_viewing_get_book (self->viewing) : NULL;
  guint n = book != NULL ? vt_book_get_n_orders (book) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (self->order_dropdown == NULL)
    return;

  for (guint i = 0; i < n && n > 1; i++)
    g_ptr_array_add (labels, vt_book_dup_order_label (book, i));
  g_ptr_array_add (labels, NULL);

  self->setting_orders = TRUE;
  gtk_string_list_splice (self->order_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->order_labels)),
                          (const char * const *) labels->pdata);
  if (n > 1)
    gtk_drop_down_set_selected (self->order_dropdown, vt_book_get_order (book));
  self->setting_orders = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->order_dropdown), n > 1);
}

void
_vt_canvas_pane_order_selected_cb (VtCanvasPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->order_dropdown);

  if (!self->setting_orders && self->viewing != NULL && selected != GTK_INVALID_LIST_POSITION)
    vt_viewing_set_order (self->viewing, selected);
}

/* A right-to-left book turns its pages leftwards: the button at the left,
 * its arrow pointing left, goes on to the next page, and the strip runs
 * from the right. */
void
_vt_canvas_pane_sync_direction (VtCanvasPane *self)
{
  VtBook *book = self->viewing ? vt_viewing_get_book (self->viewing) : NULL;
  gboolean reversed = book != NULL && vt_book_layout_is_reversed (vt_book_get_layout (book)) &&
                      !vt_book_layout_is_vertical (vt_book_get_layout (book));
  GtkButton *left = self->previous_page_button;
  GtkButton *right = self->next_page_button;
  const char *left_name = reversed ? _("Next Page") : _("Previous Page");
  const char *right_name = reversed ? _("Previous Page") : _("Next Page");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (left), reversed ? "win.next-canvas" : "win.previous-canvas");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (right), reversed ? "win.previous-canvas" : "win.next-canvas");
  gtk_widget_set_tooltip_text (GTK_WIDGET (left), left_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (right), right_name);
  vt_accessible_set_label (GTK_WIDGET (left), left_name);
  vt_accessible_set_label (GTK_WIDGET (right), right_name);

  if (self->canvas_strip != NULL)
    vt_canvas_strip_set_reversed (self->canvas_strip, reversed);
}
