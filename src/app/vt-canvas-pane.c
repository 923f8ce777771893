/* vt-canvas-pane.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-region-selector.h"

#include "vt-canvas-pane-private.h"
#include "vt-accessible.h"
#include "vt-spread.h"
#include "vt-view-region.h"

/* The viewer's main area for the object on screen: the deep-zoom canvas
 * with its progress bar and zoom buttons, the page that says why a canvas
 * shows nothing, and the strip of canvases. It follows one VtViewing and
 * draws what that viewing's current canvas holds; a new viewing replaces
 * everything, including the canvas' error. Its other jobs are objects it
 * owns: VtCanvasStatus, VtViewReadout, VtCompositeScene, VtCanvasMedia,
 * VtRegionRequest and VtLookAhead. */

G_DEFINE_FINAL_TYPE (VtCanvasPane, vt_canvas_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status says why the canvas shows nothing; the zoom controls show
 * over an image only. */
static void
update_status (VtCanvasPane *self)
{
  VtPage *page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  gboolean played = vt_canvas_media_plays (self->media, page);

  vt_canvas_status_update (self->status, self->viewing, played);
  gtk_widget_set_visible (self->zoom_controls,
                          vt_canvas_status_get_title (self->status) == NULL && page != NULL && !played);
}

static void
update_progress (VtCanvasPane *self)
{
  guint visible = vt_image_view_get_visible_tiles (self->image_view);
  guint loaded = vt_image_view_get_loaded_tiles (self->image_view);
  gboolean sharp = vt_image_view_get_sharp (self->image_view);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !sharp && visible > 0);
  if (visible > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) loaded / visible));
}

#define CONTROLS_MARGIN  18
#define CONTROLS_SPACING 12

/* The page indicator sits at the bottom left, as wide as it likes but
 * never over the zoom controls at the bottom right: on a narrow canvas
 * its label gives way (it ellipsizes) rather than the two overlapping. */
static gboolean
get_child_position_cb (GtkOverlay   *overlay,
                       GtkWidget    *widget,
                       GdkRectangle *allocation,
                       VtCanvasPane *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int min, nat, zoom_nat = 0, child_height;
  int room;

  if (widget != self->page_controls)
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (gtk_widget_get_visible (self->zoom_controls))
    gtk_widget_measure (self->zoom_controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &zoom_nat, NULL, NULL);
  room = width - 2 * CONTROLS_MARGIN - (zoom_nat > 0 ? zoom_nat + CONTROLS_SPACING : 0);

  allocation->width = CLAMP (room, min, nat);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, allocation->width, NULL, &child_height, NULL, NULL);
  allocation->height = child_height;
  allocation->x = CONTROLS_MARGIN;
  allocation->y = MAX (0, height - CONTROLS_MARGIN - child_height);
  return TRUE;
}

static void
prefetch_next (VtCanvasPane *self)
{
  vt_look_ahead_prefetch (self->look_ahead, self->viewing, self->spread);
}

/* The view of the book the page shown belongs to, when it has several
 * canvases (a spread, a scroll): they are drawn together as one scene. */
static const VtBookView *
get_joined_view (VtCanvasPane *self,
                 VtPage       *page)
{
  VtBook *book = self->viewing ? vt_viewing_get_book (self->viewing) : NULL;
  const VtBookView *view;

  if (book == NULL || page == NULL || self->session == NULL)
    return NULL;
  view = vt_book_get_view_of (book, vt_page_get_index (page));
  return view->n_placements > 1 ? view : NULL;
}

/* Hands the image view what the page shown holds. */
static void
sync_canvas (VtCanvasPane *self)
{
  VtPage *page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  VtPageState state = page ? vt_page_get_state (page) : VT_PAGE_EMPTY;
  const VtBookView *joined = get_joined_view (self, page);

  /* Scenes are counted in canvas units; a plain image alone in its own
   * pixels (set below). */
  vt_image_view_set_pixel_scale (self->image_view, 1.0);
  vt_view_readout_sync_zoom (self->readout);

  if (joined != NULL)
    {
      /* The pages of a spread show their main images, not each page's
       * own composite scene. */
      vt_composite_scene_drop (self->scene);
      vt_canvas_timeline_drop (self->timeline);
      if (self->spread == NULL || !vt_spread_shows (self->spread, joined))
        {
          g_clear_object (&self->spread);
          self->spread = vt_spread_new (self->session, vt_viewing_get_manifest (self->viewing),
                                        joined, page, self->image_view);
          g_signal_connect_object (self->spread, "notify::complete",
                                   G_CALLBACK (prefetch_next), self, G_CONNECT_SWAPPED);
        }
      /* The scene has its size at once: the region a link asks for on
       * this page can be shown before the images come. */
      vt_region_request_set_spread (self->region_request, self->spread);
      vt_region_request_show (self->region_request);
      update_status (self);
      update_progress (self);
      return;
    }

  if (self->spread != NULL)
    {
      g_clear_object (&self->spread);
      vt_image_view_clear (self->image_view);
    }
  vt_region_request_set_spread (self->region_request, NULL);

  if (state == VT_PAGE_READY && vt_page_get_layers (page) != NULL)
    {
      g_autofree char *text = NULL;

      vt_composite_scene_show (self->scene, page);
      text = vt_composite_scene_dup_text (self->scene);
      vt_view_readout_set_painted_text (self->readout, text);
      vt_canvas_timeline_show (self->timeline, vt_viewing_get_manifest (self->viewing), page);
      update_status (self);
      update_progress (self);
      return;
    }
  vt_composite_scene_drop (self->scene);
  vt_view_readout_set_painted_text (self->readout, NULL);
  vt_canvas_timeline_drop (self->timeline);

  vt_canvas_media_sync (self->media, self->viewing, page);

  switch (state)
    {
    case VT_PAGE_READY:
      if (vt_image_view_get_source (self->image_view) != vt_page_get_source (page))
        vt_image_view_set_source (self->image_view, vt_page_get_source (page));
      vt_image_view_set_pixel_scale (self->image_view, vt_view_region_get_pixel_scale (self->image_view, page));
      vt_view_readout_sync_zoom (self->readout);
      vt_region_request_show (self->region_request);
      break;

    case VT_PAGE_LOADING:
      vt_image_view_clear (self->image_view);
      vt_image_view_begin_loading (self->image_view);
      break;

    case VT_PAGE_FAILED:
      vt_image_view_clear (self->image_view);
      vt_image_view_fail (self->image_view, vt_page_get_error (page));
      break;

    case VT_PAGE_EMPTY:
    case VT_PAGE_NOT_IMAGE:
    default:
      vt_image_view_clear (self->image_view);
      break;
    }

  update_status (self);
  update_progress (self);
}

static void
title_changed_cb (VtCanvasPane *self)
{
  vt_view_readout_sync_label (self->readout, self->viewing);
}

static void
page_changed_cb (VtCanvasPane *self)
{
  VtPage *page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  VtBook *book = self->viewing ? vt_viewing_get_book (self->viewing) : NULL;

  vt_look_ahead_turned (self->look_ahead, page != NULL && book != NULL
                                          ? vt_book_get_view_of (book, vt_page_get_index (page)) : NULL);

  vt_canvas_status_cancel_backdrop (self->status);

  vt_region_request_page_changed (self->region_request);

  g_signal_group_set_target (self->page_signals, page);
  /* A region belongs to the page it was drawn on. */
  vt_region_selector_set_active (self->region_selector, FALSE);
  sync_canvas (self);

  if (self->canvas_strip != NULL && page != NULL)
    vt_canvas_strip_set_selected (self->canvas_strip, vt_page_get_index (page));
  vt_view_readout_sync_label (self->readout, self->viewing);
  vt_view_readout_sync_page (self->readout, self->viewing);
}

/* The toggle shows where there is something to show or hide. */
static void
update_annotations_button (VtCanvasPane *self)
{
  gtk_widget_set_visible (self->annotations_button,
                          vt_annotation_overlay_get_n_items (self->annotation_overlay) > 0);
}

static void
strip_canvas_activated_cb (VtCanvasPane *self,
                           guint         index)
{
  if (self->viewing != NULL)
    vt_viewing_set_canvas_index (self->viewing, index);
}

/* A range of the table of contents that starts at a part of a page: that
 * part is shown once the page is (the page is turned to next). */
static void
strip_region_activated_cb (VtCanvasPane *self,
                           guint         index,
                           double        x,
                           double        y,
                           double        width,
                           double        height)
{
  VtManifest *manifest = self->viewing ? vt_viewing_get_manifest (self->viewing) : NULL;
  VtCanvas *canvas;

  if (manifest == NULL || index >= vt_manifest_get_n_canvases (manifest))
    return;
  canvas = g_ptr_array_index (manifest->canvases, index);
  if (canvas->id != NULL)
    vt_region_request_ask (self->region_request, canvas->id, x, y, width, height);
}

/**
 * vt_canvas_pane_show_canvas_link:
 * @uri: a link, as an annotation's body gives it
 *
 * A link to a canvas of the object on screen (a hotspot, cookbook 0022)
 * turns to that page, and to its `#xywh=` region when it names one,
 * rather than leaving the app for a web browser that would only show
 * JSON.
 *
 * Returns: whether @uri named a canvas of the object shown
 */
gboolean
vt_canvas_pane_show_canvas_link (VtCanvasPane *self,
                                 const char   *uri)
{
  VtManifest *manifest;
  g_autofree char *id = NULL;
  const char *fragment;
  double x, y, width, height;
  guint index;

  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), FALSE);

  manifest = self->viewing ? vt_viewing_get_manifest (self->viewing) : NULL;
  if (manifest == NULL || uri == NULL)
    return FALSE;
  fragment = strchr (uri, '#');
  id = fragment ? g_strndup (uri, fragment - uri) : g_strdup (uri);
  if (vt_manifest_find_canvas (manifest, id, &index) == NULL)
    return FALSE;

  vt_viewing_set_canvas_index (self->viewing, index);
  if (fragment != NULL && g_str_has_prefix (fragment, "#xywh=") &&
      !g_str_has_prefix (fragment, "#xywh=percent:") &&
      sscanf (fragment + strlen ("#xywh="), "%lf,%lf,%lf,%lf", &x, &y, &width, &height) == 4 &&
      width > 0 && height > 0)
    vt_region_request_ask (self->region_request, id, x, y, width, height);
  return TRUE;
}

static void
sync_strip (VtCanvasPane *self)
{
  VtManifest *manifest = self->viewing ? vt_viewing_get_manifest (self->viewing) : NULL;
  guint n = manifest ? vt_manifest_get_n_canvases (manifest) : 0;

  /* Made on first use: thumbnails need the session's client. */
  if (self->canvas_strip == NULL && n > 1 && self->session != NULL)
    {
      self->canvas_strip = g_object_new (VT_TYPE_CANVAS_STRIP,
                                         "client", vt_session_get_client (self->session),
                                         "service-cache", vt_session_get_service_cache (self->session),
                                         NULL);
      g_signal_connect_object (self->canvas_strip, "canvas-activated",
                               G_CALLBACK (strip_canvas_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->canvas_strip, "region-activated",
                               G_CALLBACK (strip_region_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->strip_box, GTK_WIDGET (self->canvas_strip));

      self->order_labels = gtk_string_list_new (NULL);
      self->order_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->order_labels)), NULL));
      gtk_widget_set_valign (GTK_WIDGET (self->order_dropdown), GTK_ALIGN_CENTER);
      gtk_widget_set_visible (GTK_WIDGET (self->order_dropdown), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->order_dropdown), _("Order of the Pages"));
      vt_accessible_set_label (GTK_WIDGET (self->order_dropdown), _("Order of the Pages"));
      g_signal_connect_object (self->order_dropdown, "notify::selected",
                               G_CALLBACK (_vt_canvas_pane_order_selected_cb), self, G_CONNECT_SWAPPED);
      vt_canvas_strip_set_start_widget (self->canvas_strip, GTK_WIDGET (self->order_dropdown));
    }

  if (self->canvas_strip != NULL)
    {
      vt_canvas_strip_set_manifest (self->canvas_strip, n > 1 ? manifest : NULL);
      if (n > 1)
        vt_canvas_strip_set_selected (self->canvas_strip, vt_viewing_get_canvas_index (self->viewing));
    }
  gtk_revealer_set_reveal_child (self->strip_revealer, n > 1);
  _vt_canvas_pane_sync_orders (self);
  _vt_canvas_pane_sync_direction (self);
  vt_view_readout_sync_page (self->readout, self->viewing);
}

/* Another order of the book: other views, the same canvas shown. */
static void
layout_changed_cb (VtCanvasPane *self)
{
  vt_look_ahead_reset (self->look_ahead);
  if (self->spread != NULL)
    {
      g_clear_object (&self->spread);
      vt_image_view_clear (self->image_view);
    }
  _vt_canvas_pane_sync_direction (self);
  page_changed_cb (self);
  prefetch_next (self);
}

static void
book_changed_cb (VtCanvasPane *self)
{
  g_signal_group_set_target (self->book_signals,
                             self->viewing ? vt_viewing_get_book (self->viewing) : NULL);
  _vt_canvas_pane_sync_orders (self);
  _vt_canvas_pane_sync_direction (self);
  vt_view_readout_sync_page (self->readout, self->viewing);
}

/**
 * vt_canvas_pane_set_viewing:
 * @viewing: (nullable): the object on screen
 */
void
vt_canvas_pane_set_viewing (VtCanvasPane *self,
                            VtViewing    *viewing)
{
  g_return_if_fail (VT_IS_CANVAS_PANE (self));
  g_return_if_fail (!viewing || VT_IS_VIEWING (viewing));

  if (self->viewing == viewing)
    return;

  vt_look_ahead_reset (self->look_ahead);
  g_clear_object (&self->spread);
  vt_region_request_set_spread (self->region_request, NULL);
  g_set_object (&self->viewing, viewing);
  g_signal_group_set_target (self->viewing_signals, viewing);
  vt_region_request_set_viewing (self->region_request, viewing);

  sync_strip (self);
  book_changed_cb (self);
  page_changed_cb (self);
}

void
vt_canvas_pane_set_session (VtCanvasPane *self,
                            VtSession    *session)
{
  g_return_if_fail (VT_IS_CANVAS_PANE (self));

  g_set_object (&self->session, session);
  vt_canvas_media_set_session (self->media, session);
  vt_canvas_status_set_session (self->status, session);
  vt_look_ahead_set_session (self->look_ahead, session);
}

/**
 * vt_canvas_pane_get_layers_popover:
 *
 * Returns: (transfer none): the list of a Choice's layers; its button
 *   shows only on a canvas with a Choice
 */
VtLayerPopover *
vt_canvas_pane_get_layers_popover (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_composite_scene_get_popover (self->scene);
}

gboolean
vt_canvas_pane_get_layers_shown (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), FALSE);

  return vt_composite_scene_get_button_shown (self->scene);
}

/**
 * vt_canvas_pane_set_language:
 * @language: (nullable): the language picked in the window (a BCP 47
 *   tag), or %NULL to follow the locale
 *
 * The captions of sound and video canvases, and a Choice of texts painted
 * on a canvas, follow it: @language first, then the locale's languages.
 */
void
vt_canvas_pane_set_language (VtCanvasPane *self,
                             const char   *language)
{
  g_autofree char *text = NULL;

  g_return_if_fail (VT_IS_CANVAS_PANE (self));

  vt_canvas_media_set_language (self->media, language);
  vt_composite_scene_set_language (self->scene, language);
  /* A screen reader hears the text now shown. */
  if (vt_image_view_get_n_text_layers (self->image_view) > 0)
    {
      text = vt_composite_scene_dup_text (self->scene);
      vt_view_readout_set_painted_text (self->readout, text);
    }
}

/**
 * vt_canvas_pane_focus_canvas:
 *
 * Gives the keyboard to what shows the canvas: the player of a sound or
 * video canvas, else the image.
 */
void
vt_canvas_pane_focus_canvas (VtCanvasPane *self)
{
  VtMediaView *media_view;

  g_return_if_fail (VT_IS_CANVAS_PANE (self));

  media_view = vt_canvas_media_get_view (self->media);
  if (media_view != NULL && gtk_widget_get_visible (GTK_WIDGET (media_view)))
    gtk_widget_grab_focus (GTK_WIDGET (media_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->image_view));
}

/**
 * vt_canvas_pane_get_timeline:
 *
 * Returns: (transfer none): the clock, controls and video of composite
 *   canvases with a duration
 */
VtCanvasTimeline *
vt_canvas_pane_get_timeline (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->timeline;
}

/**
 * vt_canvas_pane_get_media_view:
 *
 * Returns: (nullable): the player of sound and video canvases, made when
 *   the first one is shown
 */
VtMediaView *
vt_canvas_pane_get_media_view (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_canvas_media_get_view (self->media);
}

VtImageView *
vt_canvas_pane_get_image_view (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->image_view;
}

/**
 * vt_canvas_pane_get_region_selector:
 *
 * Returns: (transfer none): the rectangle drawn over the canvas for
 *   "Export Region…", stacked over the image view
 */
VtRegionSelector *
vt_canvas_pane_get_region_selector (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->region_selector;
}

/**
 * vt_canvas_pane_get_spread:
 *
 * Returns: (nullable) (transfer none): the canvases shown together (a
 *   spread, a scroll), or %NULL when the view shows one canvas
 */
VtSpread *
vt_canvas_pane_get_spread (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->spread;
}

/**
 * vt_canvas_pane_get_order_menu:
 *
 * Returns: (nullable) (transfer none): the drop-down of the book's orders,
 *   made with the strip (hidden while the book has only its own)
 */
GtkDropDown *
vt_canvas_pane_get_order_menu (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->order_dropdown;
}

/**
 * vt_canvas_pane_get_strip:
 *
 * Returns: (nullable): the strip of canvases, made when a manifest with
 *   several canvases is first shown
 */
VtCanvasStrip *
vt_canvas_pane_get_strip (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->canvas_strip;
}

gboolean
vt_canvas_pane_get_strip_revealed (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), FALSE);

  return gtk_revealer_get_reveal_child (self->strip_revealer);
}

/**
 * vt_canvas_pane_get_tiles_failed_text:
 *
 * Returns: (nullable): what the notice over a partly loaded image says, or
 *   %NULL while every tile asked for has come
 */
const char *
vt_canvas_pane_get_tiles_failed_text (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_canvas_status_get_tiles_failed_text (self->status);
}

/**
 * vt_canvas_pane_get_status_icon:
 *
 * Returns: (nullable): the icon of the page that says why the canvas shows
 *   nothing, or %NULL when it shows an image
 */
const char *
vt_canvas_pane_get_status_icon (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_canvas_status_get_icon (self->status);
}

/**
 * vt_canvas_pane_get_status_title:
 *
 * Returns: (nullable): the title of the page that says why the canvas
 *   shows nothing, or %NULL when it shows an image
 */
const char *
vt_canvas_pane_get_status_title (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_canvas_status_get_title (self->status);
}

const char *
vt_canvas_pane_get_status_description (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_canvas_status_get_description (self->status);
}

/**
 * vt_canvas_pane_get_zoom_text:
 *
 * Returns: what the zoom level button over the canvas says, e.g. "100%"
 */
const char *
vt_canvas_pane_get_zoom_text (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return gtk_menu_button_get_label (self->zoom_menu_button);
}

/**
 * vt_canvas_pane_get_page_text:
 *
 * Returns: (nullable): what the page indicator says ("Page 3 of 12"), or
 *   %NULL while it is hidden (an object of one canvas)
 */
const char *
vt_canvas_pane_get_page_text (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return vt_view_readout_get_page_text (self->readout);
}

/**
 * vt_canvas_pane_get_annotation_overlay:
 *
 * Returns: (transfer none): what draws the annotations over the image
 */
VtAnnotationOverlay *
vt_canvas_pane_get_annotation_overlay (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), NULL);

  return self->annotation_overlay;
}

gboolean
vt_canvas_pane_get_show_annotations (VtCanvasPane *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->annotation_overlay));
}

void
vt_canvas_pane_set_show_annotations (VtCanvasPane *self,
                                     gboolean      show)
{
  g_return_if_fail (VT_IS_CANVAS_PANE (self));

  show = !!show;
  if (vt_canvas_pane_get_show_annotations (self) == show)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->annotation_overlay), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ANNOTATIONS]);
}

static void
region_activated_cb (VtCanvasPane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export-region", NULL);
}

/**
 * vt_canvas_pane_get_visible_region:
 * @x: (out): left, in canvas pixels
 * @y: (out): top
 * @width: (out): width
 * @height: (out): height
 *
 * What of the canvas shown is in view, in the canvas' own coordinates
 * (those of a content state's `xywh`), cut to the canvas.
 *
 * Returns: %FALSE when no image of a canvas is shown
 */
gboolean
vt_canvas_pane_get_visible_region (VtCanvasPane *self,
                                   double       *x,
                                   double       *y,
                                   double       *width,
                                   double       *height)
{
  g_return_val_if_fail (VT_IS_CANVAS_PANE (self), FALSE);

  return vt_view_region_get_visible (self->image_view,
                                     self->viewing ? vt_viewing_get_page (self->viewing) : NULL,
                                     x, y, width, height);
}

static void
vt_canvas_pane_dispose (GObject *object)
{
  VtCanvasPane *self = VT_CANVAS_PANE (object);

  if (self->viewing_signals != NULL)
    g_signal_group_set_target (self->viewing_signals, NULL);
  g_clear_object (&self->viewing_signals);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->readout);
  g_clear_object (&self->status);
  if (self->book_signals != NULL)
    g_signal_group_set_target (self->book_signals, NULL);
  g_clear_object (&self->book_signals);
  g_clear_object (&self->look_ahead);
  g_clear_object (&self->spread);
  g_clear_object (&self->order_labels);
  self->order_dropdown = NULL;
  g_clear_object (&self->scene);
  g_clear_object (&self->timeline);
  g_clear_object (&self->media);
  g_clear_object (&self->region_request);
  g_clear_object (&self->viewing);
  g_clear_object (&self->session);
  if (self->annotation_overlay != NULL)
    vt_annotation_overlay_set_view (self->annotation_overlay, NULL);

  /* AdwBin unparents its child itself; the template's pointers must not
   * outlive it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_CANVAS_PANE);

  G_OBJECT_CLASS (vt_canvas_pane_parent_class)->dispose (object);
}

static void
vt_canvas_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtCanvasPane *self = VT_CANVAS_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ANNOTATIONS:
      g_value_set_boolean (value, vt_canvas_pane_get_show_annotations (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_canvas_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VtCanvasPane *self = VT_CANVAS_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ANNOTATIONS:
      vt_canvas_pane_set_show_annotations (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_canvas_pane_class_init (VtCanvasPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_canvas_pane_dispose;
  object_class->get_property = vt_canvas_pane_get_property;
  object_class->set_property = vt_canvas_pane_set_property;

  /**
   * VtCanvasPane:show-annotations:
   *
   * Whether the annotations' shapes are drawn over the image.
   */
  properties[PROP_SHOW_ANNOTATIONS] =
    g_param_spec_boolean ("show-annotations", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "canvas.show-annotations", "show-annotations");

  g_type_ensure (VT_TYPE_IMAGE_VIEW);
  g_type_ensure (VT_TYPE_ANNOTATION_OVERLAY);
  g_type_ensure (VT_TYPE_REGION_SELECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-canvas-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, annotation_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, annotations_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, canvas_retry_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, canvas_status_page);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, canvas_web_page_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, image_view);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, next_page_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, page_controls);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, page_label);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, previous_page_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, region_selector);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, select_region_button);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, strip_box);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, strip_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, tiles_failed_label);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, tiles_failed_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, zoom_controls);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasPane, zoom_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, get_child_position_cb);
}

static void
vt_canvas_pane_init (VtCanvasPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  vt_region_selector_set_viewport (self->region_selector, vt_image_view_get_viewport (self->image_view));
  g_object_bind_property (self->region_selector, "active", self->select_region_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  /* Enter over a region exports it, as "Export Region…" does. */
  g_signal_connect_object (self->region_selector, "activate",
                           G_CALLBACK (region_activated_cb), self, G_CONNECT_SWAPPED);
  self->look_ahead = vt_look_ahead_new (self->image_view);

  self->scene = vt_composite_scene_new (self->image_view, GTK_BOX (self->zoom_controls));
  self->media = vt_canvas_media_new (self->image_view);
  self->timeline = vt_canvas_timeline_new (GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->image_view))),
                                           self->image_view);
  self->region_request = vt_region_request_new (self->image_view);

  self->viewing_signals = g_signal_group_new (VT_TYPE_VIEWING);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::page",
                                  G_CALLBACK (page_changed_cb), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::document",
                                  G_CALLBACK (sync_strip), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::title",
                                  G_CALLBACK (title_changed_cb), self);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::book",
                                  G_CALLBACK (book_changed_cb), self);

  self->book_signals = g_signal_group_new (VT_TYPE_BOOK);
  g_signal_group_connect_swapped (self->book_signals, "notify::layout",
                                  G_CALLBACK (layout_changed_cb), self);

  self->page_signals = g_signal_group_new (VT_TYPE_PAGE);
  g_signal_group_connect_swapped (self->page_signals, "notify::state",
                                  G_CALLBACK (sync_canvas), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::source",
                                  G_CALLBACK (sync_canvas), self);

  g_signal_connect_object (self->image_view, "notify::state",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::error",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::visible-tiles",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::loaded-tiles",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::sharp",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  self->status = vt_canvas_status_new (self->image_view, self->canvas_status_page,
                                       self->canvas_retry_button, self->canvas_web_page_button,
                                       self->tiles_failed_revealer, self->tiles_failed_label);
  self->readout = vt_view_readout_new (self->image_view, self->zoom_menu_button,
                                       self->page_controls, self->page_label);
  g_signal_connect_object (self->image_view, "notify::sharp",
                           G_CALLBACK (prefetch_next), self, G_CONNECT_SWAPPED);

  vt_annotation_overlay_set_view (self->annotation_overlay, self->image_view);
  g_signal_connect_object (self->annotation_overlay, "notify::n-items",
                           G_CALLBACK (update_annotations_button), self, G_CONNECT_SWAPPED);
}
