/* vt-canvas-media.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-media"

#include "config.h"

#include "vt-canvas-media.h"

/* The player of a pane's sound and video canvases: a VtMediaView made
 * when the first one is shown, stacked over the (empty) image view, and
 * the captions' languages it follows. Any other page hides it, and the
 * recording stops. */

struct _VtCanvasMedia
{
  GObject      parent_instance;

  VtImageView *image_view;
  VtSession   *session;
  VtMediaView *view;       /* made when a sound or video canvas is first shown */
  VtPage      *page;       /* the page it plays */
  char       **languages;  /* the window's, best first; for captions */
};

G_DEFINE_FINAL_TYPE (VtCanvasMedia, vt_canvas_media, G_TYPE_OBJECT)

/**
 * vt_canvas_media_sync:
 * @viewing: (nullable): the object on screen
 * @page: (nullable): its page shown
 *
 * Plays @page when it is a sound or video canvas; else hides the player.
 */
void
vt_canvas_media_sync (VtCanvasMedia *self,
                      VtViewing     *viewing,
                      VtPage        *page)
{
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  gboolean plays = page != NULL && canvas != NULL && self->session != NULL &&
                   vt_page_get_state (page) == VT_PAGE_NOT_IMAGE && vt_canvas_is_time_based (canvas);

  g_return_if_fail (VT_IS_CANVAS_MEDIA (self));

  if (plays && self->page == page)
    return;
  g_clear_object (&self->page);

  if (plays && self->view == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self->image_view));

      self->view = VT_MEDIA_VIEW (vt_media_view_new (self->session));
      vt_media_view_set_languages (self->view, (const char * const *) self->languages);
      /* Under the page controls and the status page, over the canvas. */
      gtk_widget_insert_after (GTK_WIDGET (self->view), overlay, GTK_WIDGET (self->image_view));
    }
  if (self->view == NULL)
    return;

  if (plays)
    {
      self->page = g_object_ref (page);
      vt_media_view_set_canvas (self->view, vt_viewing_get_manifest (viewing),
                                vt_page_get_index (page));
      /* The keyboard goes to what shows the canvas (Space plays). */
      if (gtk_widget_has_focus (GTK_WIDGET (self->image_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
      /* Room for the page controls under the player's own. */
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->view),
                                    vt_viewing_get_n_canvases (viewing) > 1 ? 60 : 0);
    }
  else
    vt_media_view_set_canvas (self->view, NULL, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->view), plays);
}

/**
 * vt_canvas_media_plays:
 * @page: (nullable): a page
 *
 * Returns: whether the player shows @page
 */
gboolean
vt_canvas_media_plays (VtCanvasMedia *self,
                       VtPage        *page)
{
  g_return_val_if_fail (VT_IS_CANVAS_MEDIA (self), FALSE);

  return page != NULL && self->page == page;
}

/**
 * vt_canvas_media_set_language:
 * @language: (nullable): the language picked in the window (a BCP 47
 *   tag), or %NULL to follow the locale
 *
 * The captions follow it: @language first, then the locale's languages.
 */
void
vt_canvas_media_set_language (VtCanvasMedia *self,
                              const char    *language)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (VT_IS_CANVAS_MEDIA (self));

  if (language != NULL)
    g_strv_builder_add (builder, language);
  g_strv_builder_addv (builder, (const char **) g_get_language_names ());
  g_strfreev (self->languages);
  self->languages = g_strv_builder_end (builder);
  if (self->view != NULL)
    vt_media_view_set_languages (self->view, (const char * const *) self->languages);
}

void
vt_canvas_media_set_session (VtCanvasMedia *self,
                             VtSession     *session)
{
  g_return_if_fail (VT_IS_CANVAS_MEDIA (self));

  g_set_object (&self->session, session);
}

/**
 * vt_canvas_media_get_view:
 *
 * Returns: (nullable) (transfer none): the player, made when the first
 *   sound or video canvas is shown
 */
VtMediaView *
vt_canvas_media_get_view (VtCanvasMedia *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_MEDIA (self), NULL);

  return self->view;
}

static void
vt_canvas_media_dispose (GObject *object)
{
  VtCanvasMedia *self = VT_CANVAS_MEDIA (object);

  g_clear_object (&self->page);
  g_clear_pointer (&self->languages, g_strfreev);
  /* The view belongs to the overlay it was put in. */
  self->view = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->image_view);

  G_OBJECT_CLASS (vt_canvas_media_parent_class)->dispose (object);
}

static void
vt_canvas_media_class_init (VtCanvasMediaClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_canvas_media_dispose;
}

static void
vt_canvas_media_init (VtCanvasMedia *self)
{
}

/**
 * vt_canvas_media_new:
 * @image_view: the view the player goes over, in the same overlay
 */
VtCanvasMedia *
vt_canvas_media_new (VtImageView *image_view)
{
  VtCanvasMedia *self;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);

  self = g_object_new (VT_TYPE_CANVAS_MEDIA, NULL);
  self->image_view = g_object_ref (image_view);

  return self;
}
