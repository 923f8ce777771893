/* vt-view-readout.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-view-readout"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-accessible.h"
#include "vt-view-readout.h"

/* What the canvas pane says of the view: the zoom level on its button,
 * the page indicator, and the name and description a screen reader
 * gives the image. */

struct _VtViewReadout
{
  GObject        parent_instance;

  VtImageView   *image_view;
  GtkMenuButton *zoom_button;
  GtkWidget     *page_controls;
  GtkLabel      *page_label;
  guint          zoom_description_id;
  char          *painted_text;   /* text painted on the canvas, or NULL */
};

G_DEFINE_FINAL_TYPE (VtViewReadout, vt_view_readout, G_TYPE_OBJECT)

/* The zoom in per cent: image pixels on the screen's pixels. */
static double
get_percent (VtViewReadout *self)
{
  VtViewport *viewport = vt_image_view_get_viewport (self->image_view);

  return vt_viewport_get_zoom (viewport) * gtk_widget_get_scale_factor (GTK_WIDGET (self->image_view)) /
         vt_image_view_get_pixel_scale (self->image_view) * 100.0;
}

/* The zoom shown is relative to the image's own pixels on the screen's
 * pixels: 100 % puts one image pixel on one device pixel, so on a scale 2
 * display it is half the logical zoom of 1.0 (the same as the "1" key),
 * and a curator inspecting single pixels reads the truth at any scale,
 * and on any canvas: a plain image stretched over a canvas of another
 * size counts in its own pixels, not the canvas's. */
static void
update_zoom_label (VtViewReadout *self)
{
  double percent = get_percent (self);
  int rounded = MAX (1, (int) (percent + 0.5));
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkWidget *inner;

  /* Translators: the zoom level of the image, as a percentage; use a
   * no-break space before the sign if your language puts one there */
  text = g_strdup_printf (_("%d%%"), rounded);
  gtk_menu_button_set_label (self->zoom_button, text);

  /* A screen reader hears the control and its value once, not the
   * tooltip again as a description. */
  inner = gtk_widget_get_first_child (GTK_WIDGET (self->zoom_button));
  /* Translators: a control's name and its value, e.g. "Zoom Level: 50%" */
  name = g_strdup_printf (C_("accessible", "%s: %s"), _("Zoom Level"), text);
  vt_accessible_set_label (GTK_WIDGET (self->zoom_button), name);
  if (inner != NULL)
    {
      vt_accessible_set_label (inner, name);
      vt_accessible_drop_tooltip_description (inner);
    }
  vt_accessible_drop_tooltip_description (GTK_WIDGET (self->zoom_button));
}

static gboolean update_zoom_description (gpointer data);

/**
 * vt_view_readout_set_painted_text:
 * @text: (nullable): the text painted on the canvas shown
 *
 * A screen reader reads it in the image's description.
 */
void
vt_view_readout_set_painted_text (VtViewReadout *self,
                                  const char    *text)
{
  g_return_if_fail (VT_IS_VIEW_READOUT (self));

  if (g_strcmp0 (self->painted_text, text) == 0)
    return;
  g_free (self->painted_text);
  self->painted_text = g_strdup (text);
  g_clear_handle_id (&self->zoom_description_id, g_source_remove);
  update_zoom_description (self);
}

/**
 * vt_view_readout_sync_page:
 * @viewing: (nullable): the object on screen
 *
 * The page indicator: which page is shown, hidden for an object of one
 * canvas.
 */
void
vt_view_readout_sync_page (VtViewReadout *self,
                           VtViewing     *viewing)
{
  guint n = viewing ? vt_viewing_get_n_canvases (viewing) : 0;
  VtBook *book = viewing ? vt_viewing_get_book (viewing) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->page_controls, n > 1);
  if (n <= 1)
    return;

  if (book != NULL)
    text = vt_book_dup_page_text (book, vt_viewing_get_canvas_index (viewing));
  else
    /* Translators: which page of an object is shown, e.g. "Page 3 of 12";
     * the same for every number, so no plural forms */
    text = g_strdup_printf (_("Page %u of %u"), vt_viewing_get_canvas_index (viewing) + 1, n);
  gtk_label_set_text (self->page_label, text);
}

/**
 * vt_view_readout_sync_label:
 * @viewing: (nullable): the object on screen
 *
 * What a screen reader calls the image.
 */
void
vt_view_readout_sync_label (VtViewReadout *self,
                            VtViewing     *viewing)
{
  g_autofree char *label = NULL;
  const char *title = viewing ? vt_viewing_get_title (viewing) : NULL;
  guint n = viewing ? vt_viewing_get_n_canvases (viewing) : 0;

  /* Screen readers announce the object and the page, not just "Image". */
  if (title != NULL && n > 1)
    /* Translators: an object's title, then which of its pages is shown */
    label = g_strdup_printf (_("%s, page %u of %u"), title,
                             vt_viewing_get_canvas_index (viewing) + 1, n);
  else
    label = g_strdup (title ? title : _("Image"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static gboolean
update_zoom_description (gpointer data)
{
  VtViewReadout *self = data;
  g_autofree char *description = NULL;

  self->zoom_description_id = 0;

  /* Translators: how a screen reader describes the image: its zoom, and
   * the keys that move around it */
  description = g_strdup_printf (_("Zoom %d %%. Arrow keys move, plus and minus zoom, 0 fits, "
                                   "1 shows actual size."),
                                 MAX (1, (int) (get_percent (self) + 0.5)));
  if (self->painted_text != NULL)
    {
      /* Translators: the text painted on a canvas (%s), read after the
       * description of the image's zoom (%s) */
      g_autofree char *with_text = g_strdup_printf (_("%s Text on the image: %s"), description,
                                                    self->painted_text);

      g_free (description);
      description = g_steal_pointer (&with_text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return G_SOURCE_REMOVE;
}

/* A zoom animates through many values; the description follows once it
 * rests, rather than sending a screen reader an event a frame. */
static void
zoom_changed_cb (VtViewReadout *self)
{
  if (self->zoom_description_id == 0)
    self->zoom_description_id = g_timeout_add (250, update_zoom_description, self);
}

/**
 * vt_view_readout_get_page_text:
 *
 * Returns: (nullable): what the page indicator says, or %NULL while it is
 *   hidden
 */
const char *
vt_view_readout_get_page_text (VtViewReadout *self)
{
  g_return_val_if_fail (VT_IS_VIEW_READOUT (self), NULL);

  if (!gtk_widget_get_visible (self->page_controls))
    return NULL;

  return gtk_label_get_text (self->page_label);
}

static void
vt_view_readout_dispose (GObject *object)
{
  VtViewReadout *self = VT_VIEW_READOUT (object);

  g_clear_handle_id (&self->zoom_description_id, g_source_remove);
  g_clear_object (&self->image_view);
  self->zoom_button = NULL;
  self->page_controls = NULL;
  self->page_label = NULL;

  g_clear_pointer (&self->painted_text, g_free);

  G_OBJECT_CLASS (vt_view_readout_parent_class)->dispose (object);
}

static void
vt_view_readout_class_init (VtViewReadoutClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_view_readout_dispose;
}

static void
vt_view_readout_init (VtViewReadout *self)
{
}

/**
 * vt_view_readout_sync_zoom:
 *
 * The zoom level again, after the image view's pixel scale changed
 * (vt_image_view_set_pixel_scale()): its zoom may not have.
 */
void
vt_view_readout_sync_zoom (VtViewReadout *self)
{
  g_return_if_fail (VT_IS_VIEW_READOUT (self));

  update_zoom_label (self);
  zoom_changed_cb (self);
}

/**
 * vt_view_readout_new:
 * @image_view: the image described
 * @zoom_button: the button that says the zoom level
 * @page_controls: the page indicator, hidden for an object of one canvas
 * @page_label: its label
 *
 * The widgets belong to the caller, who keeps them while the readout
 * lives.
 */
VtViewReadout *
vt_view_readout_new (VtImageView   *image_view,
                     GtkMenuButton *zoom_button,
                     GtkWidget     *page_controls,
                     GtkLabel      *page_label)
{
  VtViewReadout *self;
  VtViewport *viewport;

  g_return_val_if_fail (VT_IS_IMAGE_VIEW (image_view), NULL);
  g_return_val_if_fail (GTK_IS_MENU_BUTTON (zoom_button), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page_controls), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (page_label), NULL);

  self = g_object_new (VT_TYPE_VIEW_READOUT, NULL);
  self->image_view = g_object_ref (image_view);
  self->zoom_button = zoom_button;
  self->page_controls = page_controls;
  self->page_label = page_label;

  viewport = vt_image_view_get_viewport (image_view);
  g_signal_connect_object (viewport, "notify::zoom",
                           G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  /* The image view is on the pane's surface: its scale is the pane's. */
  g_signal_connect_object (image_view, "notify::scale-factor",
                           G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);
  update_zoom_label (self);
  update_zoom_description (self);

  return self;
}
