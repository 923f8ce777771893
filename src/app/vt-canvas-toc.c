/* vt-canvas-toc.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-toc"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-canvas-toc.h"
#include "vt-toc-entry.h"

/* The table of contents of a manifest: a button whose popover lists the
 * ranges as a tree (GtkTreeListModel + GtkTreeExpander). Picking a range
 * emits the index of its first canvas, after the part of it the range
 * starts at when it names one (an article on a newspaper page). Hidden
 * when there are no ranges. */

struct _VtCanvasToc
{
  GtkWidget           parent_instance;

  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkMenuButton      *button;
  GtkListView        *list_view;
  GtkPopover         *popover;
};

enum {
  CANVAS_ACTIVATED,
  REGION_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (VtCanvasToc, vt_canvas_toc, GTK_TYPE_WIDGET)

#define MAX_OPEN_ROOTS 3

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = vt_toc_entry_get_children (VT_TOC_ENTRY (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  VtTocEntry *entry = gtk_tree_list_row_get_item (row);
  const char *text = vt_toc_entry_get_label (entry);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* A range that names no canvas of this manifest leads nowhere. */
  gtk_list_item_set_activatable (list_item, vt_toc_entry_get_canvas_index (entry) >= 0);
  gtk_widget_set_sensitive (label, vt_toc_entry_get_canvas_index (entry) >= 0);

  g_object_unref (entry);
}

/**
 * vt_canvas_toc_activate:
 * @self: a table of contents
 * @position: a row of vt_canvas_toc_get_model()
 *
 * Does what clicking the row does: emits #VtCanvasToc::region-activated
 * when the range starts at a part of its first canvas, then
 * #VtCanvasToc::canvas-activated with that canvas, and closes the
 * popover.
 *
 * Returns: %TRUE when the row leads to a canvas
 */
gboolean
vt_canvas_toc_activate (VtCanvasToc *self,
                        guint        position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(VtTocEntry) entry = NULL;
  VtRect region;
  int index;

  g_return_val_if_fail (VT_IS_CANVAS_TOC (self), FALSE);

  if (self->tree == NULL)
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (row == NULL)
    return FALSE;
  entry = gtk_tree_list_row_get_item (row);
  index = vt_toc_entry_get_canvas_index (entry);
  if (index < 0)
    return FALSE;

  gtk_popover_popdown (self->popover);
  if (vt_toc_entry_get_region (entry, &region))
    g_signal_emit (self, signals[REGION_ACTIVATED], 0, (guint) index,
                   (double) region.x, (double) region.y, (double) region.width, (double) region.height);
  g_signal_emit (self, signals[CANVAS_ACTIVATED], 0, (guint) index);
  return TRUE;
}

static void
activate_cb (VtCanvasToc *self,
             guint        position,
             GtkListView *list_view)
{
  vt_canvas_toc_activate (self, position);
}

static void
vt_canvas_toc_dispose (GObject *object)
{
  VtCanvasToc *self = (VtCanvasToc *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_CANVAS_TOC);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  G_OBJECT_CLASS (vt_canvas_toc_parent_class)->dispose (object);
}

static void
vt_canvas_toc_class_init (VtCanvasTocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_canvas_toc_dispose;

  /**
   * VtCanvasToc::canvas-activated:
   * @self: the table of contents
   * @index: the index of the first canvas of the picked range
   *
   * Emitted when the user picks a range.
   */
  signals[CANVAS_ACTIVATED] =
    g_signal_new ("canvas-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * VtCanvasToc::region-activated:
   * @self: the table of contents
   * @index: the index of the first canvas of the picked range
   * @x: the left of the part of it the range starts at, in canvas units
   * @y: its top
   * @width: its width
   * @height: its height
   *
   * Emitted just before #VtCanvasToc::canvas-activated when the picked
   * range starts at a part of its first canvas (`#xywh=`, a
   * FragmentSelector): an article on a newspaper page, cookbook 0025.
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-canvas-toc.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCanvasToc, button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasToc, list_view);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasToc, popover);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vt_canvas_toc_init (VtCanvasToc *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * vt_canvas_toc_new:
 *
 * Returns: (transfer full): a new, empty and hidden, table of contents
 */
GtkWidget *
vt_canvas_toc_new (void)
{
  return g_object_new (VT_TYPE_CANVAS_TOC, NULL);
}

/**
 * vt_canvas_toc_set_manifest:
 * @self: a table of contents
 * @manifest: (nullable): the manifest, or %NULL to empty it
 *
 * Shows the manifest's ranges, or hides the widget when it has none.
 */
void
vt_canvas_toc_set_manifest (VtCanvasToc *self,
                            VtManifest  *manifest)
{
  g_autoptr(GListModel) roots = NULL;
  gboolean any;

  g_return_if_fail (VT_IS_CANVAS_TOC (self));

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  roots = manifest != NULL ? vt_toc_entry_build_tree (manifest) : NULL;
  any = roots != NULL && g_list_model_get_n_items (roots) > 0;
  if (any)
    {
      guint n_roots = g_list_model_get_n_items (roots);

      self->tree = gtk_tree_list_model_new (g_steal_pointer (&roots), FALSE, FALSE,
                                            create_children_cb, NULL, NULL);
      /* Many tables have one root ("Contents") or a few: open those one
       * level, so that the popover does not show a lone line. */
      for (guint i = 0; n_roots <= MAX_OPEN_ROOTS && i < n_roots; i++)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

          if (row != NULL)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

/**
 * vt_canvas_toc_get_model:
 * @self: a table of contents
 *
 * Returns: (transfer none) (nullable): the rows shown, a
 *   #GtkTreeListModel of #VtTocEntry; %NULL when there are no ranges
 */
GListModel *
vt_canvas_toc_get_model (VtCanvasToc *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_TOC (self), NULL);
  return self->tree != NULL ? G_LIST_MODEL (self->tree) : NULL;
}
