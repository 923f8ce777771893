/* vt-composite-scene.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-composite-scene"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-language-map.h"

#include "vt-composite-scene.h"
#include "vt-page-layer.h"

/* A composite canvas on the image view: each of its images is a layer of
 * the view's scene, at its place on the canvas, following its page layer;
 * and, for a canvas with a Choice, the Layers button among the zoom
 * controls, whose popover picks and fades the layers. Text painted on the
 * canvas (cookbook 0561) is a text layer of the scene, in its place among
 * the images; of a Choice of texts, the one in the language picked shows.
 * A canvas of text alone is a blank sheet under its text. */

struct _VtCompositeScene
{
  GObject         parent_instance;

  VtImageView    *image_view;
  VtPage         *page;    /* the composite page whose scene the view shows */
  GtkMenuButton  *button;
  VtLayerPopover *popover;
  char           *language;  /* picked in the window, or NULL */
};

G_DEFINE_FINAL_TYPE (VtCompositeScene, vt_composite_scene, G_TYPE_OBJECT)

static char **
dup_languages (VtCompositeScene *self)
{
  g_autoptr (GStrvBuilder) prefs = g_strv_builder_new ();

  if (self->language != NULL)
    g_strv_builder_add (prefs, self->language);
  g_strv_builder_addv (prefs, (const char **) g_get_language_names ());
  return g_strv_builder_end (prefs);
}

/* Of each Choice of painted texts, shows the option in the language
 * picked (as for any label: vt_language_tag_pick()). */
static void
pick_text_languages (VtCompositeScene *self)
{
  GListModel *layers = self->page ? vt_page_get_layers (self->page) : NULL;
  guint n = layers ? g_list_model_get_n_items (layers) : 0;
  g_auto (GStrv) languages = dup_languages (self);

  for (guint start = 0; start < n;)
    {
      g_autoptr (VtPageLayer) first = g_list_model_get_item (layers, start);
      g_autoptr (GPtrArray) options = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GPtrArray) tags = g_ptr_array_new ();
      gboolean all_text = TRUE;
      int picked;

      /* The options of one Choice follow each other in the list. */
      for (; start < n; start++)
        {
          VtPageLayer *layer = g_list_model_get_item (layers, start);

          if (vt_page_layer_get_group (layer) != vt_page_layer_get_group (first))
            {
              g_object_unref (layer);
              break;
            }
          all_text = all_text && vt_page_layer_is_text (layer);
          g_ptr_array_add (tags, (gpointer) vt_page_layer_get_language (layer));
          g_ptr_array_add (options, layer);
        }
      /* A Choice of images (or of images and texts) keeps its default. */
      if (!vt_page_layer_is_choice (first) || !all_text)
        continue;
      picked = vt_language_tag_pick ((const char * const *) tags->pdata, tags->len,
                                     (const char * const *) languages);
      for (guint i = 0; i < options->len; i++)
        vt_page_layer_set_visible (g_ptr_array_index (options, i), (int) i == MAX (picked, 0));
    }
}

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
  gboolean has_image = FALSE;
  gboolean has_text = FALSE;
  gboolean listed;

  g_return_if_fail (VT_IS_COMPOSITE_SCENE (self));
  g_return_if_fail (VT_IS_PAGE (page));

  if (self->page == page)
    return;
  layers = vt_page_get_layers (page);
  canvas = vt_page_get_canvas (page);
  n = g_list_model_get_n_items (layers);
  g_set_object (&self->page, page);
  vt_image_view_set_scene_size (self->image_view, canvas->width, canvas->height);
  pick_text_languages (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VtPageLayer) page_layer = g_list_model_get_item (layers, i);
      graphene_rect_t placement;

      vt_page_layer_get_placement (page_layer, &placement);
      if (vt_page_layer_is_text (page_layer))
        {
          vt_page_layer_bind_text (page_layer, vt_image_view_add_text_layer (self->image_view, &placement));
          has_text = TRUE;
        }
      else
        {
          vt_page_layer_bind (page_layer, vt_image_view_add_layer (self->image_view, NULL, &placement));
          has_image = TRUE;
        }
      has_choice = has_choice || vt_page_layer_is_choice (page_layer);
    }
  vt_image_view_set_blank_sheet (self->image_view, !has_image);
  /* The layer list is for choosing: a canvas with a Choice has one, and
   * so has one with text painted over its images, to see what lies under
   * the text. */
  listed = has_choice || (has_text && has_image);
  vt_layer_popover_set_layers (self->popover, listed ? layers : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->button), listed);
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
 * vt_composite_scene_set_language:
 * @language: (nullable): the language picked in the window, or %NULL to
 *   follow the locale
 *
 * Of a Choice of painted texts, the one in @language shows.
 */
void
vt_composite_scene_set_language (VtCompositeScene *self,
                                 const char       *language)
{
  g_return_if_fail (VT_IS_COMPOSITE_SCENE (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  pick_text_languages (self);
}

/**
 * vt_composite_scene_dup_text:
 *
 * Returns: (transfer full) (nullable): the texts painted on the canvas
 *   shown, as they show (for a screen reader), or %NULL
 */
char *
vt_composite_scene_dup_text (VtCompositeScene *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (VT_IS_COMPOSITE_SCENE (self), NULL);

  for (guint i = 0; i < vt_image_view_get_n_text_layers (self->image_view); i++)
    {
      VtTextLayer *layer = vt_image_view_get_nth_text_layer (self->image_view, i);
      const char *value = vt_text_layer_get_text (layer);
      g_autofree char *line = NULL;

      if (!vt_text_layer_get_visible (layer) || value == NULL)
        continue;
      line = g_strstrip (g_strdelimit (g_strdup (value), "\n\r\t", ' '));
      if (*line == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
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
vt_composite_scene_finalize (GObject *object)
{
  VtCompositeScene *self = VT_COMPOSITE_SCENE (object);

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (vt_composite_scene_parent_class)->finalize (object);
}

static void
vt_composite_scene_class_init (VtCompositeSceneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_composite_scene_dispose;
  G_OBJECT_CLASS (klass)->finalize = vt_composite_scene_finalize;
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
