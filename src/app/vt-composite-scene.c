/* vt-composite-scene.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-composite-scene"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-composite-scene.h"
#include "vt-page-layer.h"

/* A composite canvas on the image view: each of its images is a layer of
 * the view's scene, at its place on the canvas, following its page layer;
 * and, for a canvas with a Choice, the Layers button among the zoom
 * controls, whose popover picks and fades the layers. */

struct _VtCompositeScene
{
  GObject         parent_instance;

  VtImageView    *image_view;
  VtPage         *page;    /* the composite page whose scene the view shows */
  GtkMenuButton  *button;
  VtLayerPopover *popover;
};

G_DEFINE_FINAL_TYPE (VtCompositeScene, vt_composite_scene, G_TYPE_OBJECT)

/**
 * vt_composite_scene_show:
 * @page: a ready page with layers
 *
 * Puts @page's layers into the image view, once per page.
 */
void
vt_composite_scene_show (VtCompositeScene *self,
                         VtPage           *page)
{
  GListModel *layers;
  VtCanvas *canvas;
  guint n;
  gboolean has_choice = FALSE;

  g_return_if_fail (VT_IS_COMPOSITE_SCENE (self));
  g_return_if_fail (VT_IS_PAGE (page));

  if (self->page == page)
    return;
  layers = vt_page_get_layers (page);
  canvas = vt_page_get_canvas (page);
  n = g_list_model_get_n_items (layers);
  g_set_object (&self->page, page);
  vt_image_view_set_scene_size (self->image_view, canvas->width, canvas->height);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VtPageLayer) page_layer = g_list_model_get_item (layers, i);
      graphene_rect_t placement;
      VtTileLayer *layer;

      vt_page_layer_get_placement (page_layer, &placement);
      layer = vt_image_view_add_layer (self->image_view, NULL, &placement);
      vt_page_layer_bind (page_layer, layer);
      has_choice = has_choice || vt_page_layer_is_choice (page_layer);
    }
  /* The layer list is for choosing: only a canvas with a Choice has one. */
  vt_layer_popover_set_layers (self->popover, has_choice ? layers : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->button), has_choice);
}

/**
 * vt_composite_scene_drop:
 *
 * Forgets the page shown and hides the Layers button; the image view's
 * layers are its owner's to clear.
 */
void
vt_composite_scene_drop (VtCompositeScene *self)
{
  g_return_if_fail (VT_IS_COMPOSITE_SCENE (self));

  g_clear_object (&self->page);
  vt_layer_popover_set_layers (self->popover, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->button), FALSE);
}

/**
 * vt_composite_scene_get_popover:
 *
 * Returns: (transfer none): the list of a Choice's layers
 */
VtLayerPopover *
vt_composite_scene_get_popover (VtCompositeScene *self)
{
  g_return_val_if_fail (VT_IS_COMPOSITE_SCENE (self), NULL);

  return self->popover;
}

gboolean
vt_composite_scene_get_button_shown (VtCompositeScene *self)
{
  g_return_val_if_fail (VT_IS_COMPOSITE_SCENE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->button));
}

static void
vt_composite_scene_dispose (GObject *object)
{
  VtCompositeScene *self = VT_COMPOSITE_SCENE (object);

  g_clear_object (&self->page);
  g_clear_object (&self->popover);
  g_clear_object (&self->button);
  g_clear_object (&self->image_view);

  G_OBJECT_CLASS (vt_composite_scene_parent_class)->dispose (object);
}

static void
vt_composite_scene_class_init (VtCompositeSceneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_composite_scene_dispose;
}

static void
vt_composite_scene_init (VtCompositeScene *self)
{
}

/**
 * vt_composite_scene_new:
 * @image_view: the view to draw the scenes in
 * @controls: the box of the zoom controls, where the Layers button goes
 *   first
 */
VtCompositeScene *
vt_composite_scene_new (VtImageView *image_view,
                        GtkBox      *controls)
{
  VtCompositeScene *self;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);
  g_return_val_if_fail (GTK_IS_BOX (controls), NULL);

  self = g_object_new (VT_TYPE_COMPOSITE_SCENE, NULL);
  self->image_view = g_object_ref (image_view);

  self->popover = g_object_ref_sink (VT_LAYER_POPOVER (vt_layer_popover_new ()));
  self->button = g_object_ref_sink (GTK_MENU_BUTTON (gtk_menu_button_new ()));
  gtk_menu_button_set_icon_name (self->button, "view-paged-symbolic");
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Layers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Layers"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "circular");
  gtk_widget_set_visible (GTK_WIDGET (self->button), FALSE);
  gtk_box_prepend (controls, GTK_WIDGET (self->button));

  return self;
}
