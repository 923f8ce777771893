/* vt-layer-popover.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-layer-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-layer-popover.h"
#include "vt-page-layer.h"

/* The images of a canvas with a Choice (IIIF cookbook 0033: a painting
 * and its X-ray, a page in natural light and under ultraviolet): one row
 * per image with whether it shows and its opacity. The options of one
 * Choice are radio buttons (one shows at a time, as the manifest means);
 * the canvas's other images are check buttons. Each row binds to its
 * VtPageLayer, which the canvas pane binds to the view's tile layer. */

struct _VtLayerPopover
{
  GtkPopover parent_instance;

  GListModel *layers;
  GtkBox *box;
  GPtrArray *toggles;   /* GtkCheckButton, one per layer */
  GPtrArray *scales;    /* GtkScale, one per layer */
};

G_DEFINE_FINAL_TYPE (VtLayerPopover, vt_layer_popover, GTK_TYPE_POPOVER)

static void
clear_rows (VtLayerPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_ptr_array_set_size (self->toggles, 0);
  g_ptr_array_set_size (self->scales, 0);
}

static void
build_rows (VtLayerPopover *self)
{
  guint n = self->layers ? g_list_model_get_n_items (self->layers) : 0;
  GtkCheckButton *group_leader = NULL;
  guint group = G_MAXUINT;

  clear_rows (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VtPageLayer) layer = g_list_model_get_item (self->layers, i);
      g_autofree char *label = vt_page_layer_dup_label (layer);
      g_autofree char *scale_label = NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *toggle = gtk_check_button_new_with_label (label);
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.05);

      /* The options of one Choice: radio buttons. */
      if (vt_page_layer_is_choice (layer))
        {
          if (group_leader == NULL || group != vt_page_layer_get_group (layer))
            {
              group_leader = GTK_CHECK_BUTTON (toggle);
              group = vt_page_layer_get_group (layer);
            }
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (toggle), group_leader);
        }
      else
        {
          group_leader = NULL;
          group = G_MAXUINT;
        }

      g_object_bind_property (layer, "visible", toggle, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property (layer, "opacity", gtk_range_get_adjustment (GTK_RANGE (scale)), "value",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property (layer, "visible", scale, "sensitive", G_BINDING_SYNC_CREATE);
      gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
      gtk_widget_set_margin_start (scale, 24);
      /* TRANSLATORS: the accessible name of a layer's opacity slider */
      scale_label = g_strdup_printf (_("Opacity of %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      scale_label, -1);
      gtk_widget_set_tooltip_text (scale, _("Opacity"));

      gtk_box_append (GTK_BOX (row), toggle);
      gtk_box_append (GTK_BOX (row), scale);
      gtk_box_append (self->box, row);
      g_ptr_array_add (self->toggles, toggle);
      g_ptr_array_add (self->scales, scale);
    }
}

static void
vt_layer_popover_dispose (GObject *object)
{
  VtLayerPopover *self = VT_LAYER_POPOVER (object);

  g_clear_object (&self->layers);

  G_OBJECT_CLASS (vt_layer_popover_parent_class)->dispose (object);
}

static void
vt_layer_popover_finalize (GObject *object)
{
  VtLayerPopover *self = VT_LAYER_POPOVER (object);

  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_layer_popover_parent_class)->finalize (object);
}

static void
vt_layer_popover_class_init (VtLayerPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_layer_popover_dispose;
  object_class->finalize = vt_layer_popover_finalize;
}

static void
vt_layer_popover_init (VtLayerPopover *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Layers"));

  self->toggles = g_ptr_array_new ();
  self->scales = g_ptr_array_new ();
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_halign (title, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (outer), title);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->box));
  gtk_widget_set_size_request (outer, 240, -1);
  gtk_popover_set_child (GTK_POPOVER (self), outer);
}

GtkWidget *
vt_layer_popover_new (void)
{
  return g_object_new (VT_TYPE_LAYER_POPOVER, NULL);
}

/**
 * vt_layer_popover_set_layers:
 * @layers: (nullable): the page's #VtPageLayer list
 */
void
vt_layer_popover_set_layers (VtLayerPopover *self,
                             GListModel     *layers)
{
  g_return_if_fail (VT_IS_LAYER_POPOVER (self));

  if (!g_set_object (&self->layers, layers))
    return;
  build_rows (self);
}

GListModel *
vt_layer_popover_get_layers (VtLayerPopover *self)
{
  g_return_val_if_fail (VT_IS_LAYER_POPOVER (self), NULL);
  return self->layers;
}

/* For tests: the row of the layer at @position. */
GtkWidget *
vt_layer_popover_get_toggle (VtLayerPopover *self,
                             guint           position)
{
  g_return_val_if_fail (VT_IS_LAYER_POPOVER (self), NULL);
  return position < self->toggles->len ? g_ptr_array_index (self->toggles, position) : NULL;
}

GtkWidget *
vt_layer_popover_get_scale (VtLayerPopover *self,
                            guint           position)
{
  g_return_val_if_fail (VT_IS_LAYER_POPOVER (self), NULL);
  return position < self->scales->len ? g_ptr_array_index (self->scales, position) : NULL;
}
