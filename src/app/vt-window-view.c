/* vt-window-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-view"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-decoder.h"
#include "canvas/vt-image-view.h"
#include "iiif/vt-html.h"
#include "iiif/vt-iiif-error.h"

#include "vt-canvas-strip.h"
#include "vt-metadata-view.h"
#include "vt-window-private.h"

/* What the window shows once a document has loaded: the viewer for a
 * manifest (canvas, sidebar, strip of canvases) or the list of members
 * of a collection. */

static char *
dup_label (VtLanguageMap *label,
           const char    *fallback)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *text = label ? vt_language_map_dup_string (label, languages, " · ") : NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (fallback);

  /* Labels may carry IIIF HTML; the title bar wants plain text. */
  return vt_html_to_text (text);
}

static void
collection_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             VtWindow      *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "member-id");

  if (id != NULL)
    vt_window_open_input (self, id);
}

static void
show_collection (VtWindow     *self,
                 VtCollection *collection)
{
  g_autofree char *title = dup_label (collection->label, _("Untitled Collection"));
  g_autofree char *summary = NULL;
  GtkWidget *child;

  gtk_label_set_text (self->collection_title_label, title);

  if (collection->summary != NULL)
    {
      g_autofree char *raw = vt_language_map_dup_string (collection->summary,
                                                         g_get_language_names (), "\n");

      summary = raw ? vt_html_to_markup (raw) : NULL;
    }
  gtk_label_set_markup (self->collection_summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->collection_summary_label), summary && *summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collection_list))) != NULL)
    gtk_list_box_remove (self->collection_list, child);

  for (guint i = 0; collection->members != NULL && i < collection->members->len; i++)
    {
      VtCollectionMember *member = g_ptr_array_index (collection->members, i);
      g_autofree char *label = dup_label (member->label, member->id);
      g_autofree char *escaped = g_markup_escape_text (label, -1);
      GtkWidget *row;

      if (member->id == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   member->kind == VT_COLLECTION_MEMBER_COLLECTION
                                   ? _("Collection") : _("Object"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "member-id", g_strdup (member->id), g_free);
      gtk_list_box_append (self->collection_list, row);
    }

  if (self->collection_row_handler == 0)
    self->collection_row_handler =
      g_signal_connect (self->collection_list, "row-activated",
                        G_CALLBACK (collection_row_activated_cb), self);

  g_free (self->object_title);
  self->object_title = g_steal_pointer (&title);
  gtk_window_set_title (GTK_WINDOW (self), self->object_title);
  _vt_window_set_state (self, VT_WINDOW_STATE_COLLECTION);
}

static void
update_canvas_status (VtWindow *self)
{
  VtImageViewState state = vt_image_view_get_state (self->image_view);
  const char *icon = NULL;
  const char *title = NULL;
  const char *description = NULL;
  VtCanvas *canvas = self->manifest ? vt_manifest_get_canvas (self->manifest, self->canvas_index) : NULL;

  if (canvas != NULL && !vt_canvas_is_image (canvas))
    {
      icon = vt_canvas_is_time_based (canvas) ? "video-x-generic-symbolic" : "x-office-document-symbolic";
      title = _("Not an Image");
      description = vt_canvas_is_time_based (canvas)
        ? _("This part of the object is sound or video, which Vitrine does not play. "
            "Its description is in the sidebar.")
        : _("This part of the object has no image to show. Its description is in the sidebar.");
    }
  else if (state == VT_IMAGE_VIEW_STATE_NOT_PUBLIC)
    {
      icon = "image-missing-symbolic";
      title = _("Image Not Public");
      description = _("The museum describes this object but does not show its image online, "
                      "usually because of copyright.");
    }
  else if (state == VT_IMAGE_VIEW_STATE_ERROR)
    {
      const GError *error = vt_image_view_get_error (self->image_view);

      icon = "image-missing-symbolic";
      title = _("The Image Could Not Be Shown");
      description = error ? error->message : NULL;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->canvas_status_page), title != NULL);
  gtk_widget_set_visible (self->zoom_controls, title == NULL);
  if (title != NULL)
    {
      adw_status_page_set_icon_name (self->canvas_status_page, icon);
      adw_status_page_set_title (self->canvas_status_page, title);
      adw_status_page_set_description (self->canvas_status_page, description);
    }
}

static void
update_progress (VtWindow *self)
{
  guint visible = vt_image_view_get_visible_tiles (self->image_view);
  guint loaded = vt_image_view_get_loaded_tiles (self->image_view);
  gboolean sharp = vt_image_view_get_sharp (self->image_view);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !sharp && visible > 0);
  if (visible > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) loaded / visible));
}

static void
image_view_notify_cb (VtWindow   *self,
                      GParamSpec *pspec)
{
  update_progress (self);
  update_canvas_status (self);
}

static void
image_view_load_error_cb (VtWindow     *self,
                          const GError *error)
{
  /* The view reports once per image, not per tile: worth a toast. */
  if (vt_image_view_get_state (self->image_view) != VT_IMAGE_VIEW_STATE_NOT_PUBLIC)
    _vt_window_toast (self, _("Some parts of the image could not be loaded"));
}

static void
metadata_link_copied_cb (VtWindow   *self,
                         const char *uri)
{
  _vt_window_toast (self, _("Link copied"));
}

void
_vt_window_view_init (VtWindow *self)
{
  self->image_view = VT_IMAGE_VIEW (vt_image_view_new ());
  gtk_overlay_set_child (self->canvas_overlay, GTK_WIDGET (self->image_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Image"),
                                  -1);
  g_signal_connect_object (self->image_view, "notify::visible-tiles",
                           G_CALLBACK (image_view_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::loaded-tiles",
                           G_CALLBACK (image_view_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::sharp",
                           G_CALLBACK (image_view_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "notify::state",
                           G_CALLBACK (image_view_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->image_view, "load-error",
                           G_CALLBACK (image_view_load_error_cb), self, G_CONNECT_SWAPPED);

  self->metadata_view = VT_METADATA_VIEW (vt_metadata_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->metadata_view), TRUE);
  gtk_box_append (self->sidebar_box, GTK_WIDGET (self->metadata_view));
  g_signal_connect_object (self->metadata_view, "link-copied",
                           G_CALLBACK (metadata_link_copied_cb), self, G_CONNECT_SWAPPED);
}

/* A logo is shown 48 px high: shrunk while loading to this, it is sharp
 * at scale 2 even when it is wide, and a huge one costs nothing. */
#define LOGO_MAX_SIZE 512

static void
logo_decoded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_decoder_decode_finish (VT_DECODER (object), result, &error);

  /* A logo that cannot be shown leaves the provider's name, which is
   * enough: no need to trouble the user about it. */
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logo: %s", error->message);
      return;
    }

  vt_metadata_view_set_logo (self->metadata_view, GDK_PAINTABLE (texture));
}

static void
logo_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logo: %s", error->message);
      return;
    }

  vt_decoder_decode_thumbnail_async (vt_decoder_get_default (), bytes, LOGO_MAX_SIZE,
                                     G_PRIORITY_LOW, self->load_cancellable,
                                     logo_decoded_cb, g_object_ref (self));
}

/* The provider's logo is fetched like a thumbnail (small, low priority,
 * size-capped) and decoded and shrunk off the main thread by the canvas'
 * decoder, which refuses image bombs from their header. */
static void
load_logo (VtWindow *self)
{
  const char *url = vt_metadata_view_get_logo_url (self->metadata_view);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (url == NULL || app == NULL)
    return;

  vt_client_fetch_async (vt_application_get_client (VT_APPLICATION (app)), url,
                         VT_FETCH_KIND_THUMBNAIL, VT_FETCH_FLAGS_NONE,
                         VT_FETCH_PRIORITY_THUMBNAIL, self->load_cancellable,
                         logo_fetched_cb, g_object_ref (self));
}

/**
 * _vt_window_show_canvas:
 *
 * Shows canvas @index of the current manifest in the deep-zoom view.
 */
void
_vt_window_show_canvas (VtWindow *self,
                        guint     index)
{
  VtCanvas *canvas;

  g_return_if_fail (self->manifest != NULL);

  if (index >= vt_manifest_get_n_canvases (self->manifest))
    return;

  self->canvas_index = index;
  canvas = vt_manifest_get_canvas (self->manifest, index);
  _vt_window_open_canvas_source (self, canvas);
  _vt_window_strip_select (self, index);
  update_canvas_status (self);
  update_progress (self);
  _vt_window_update_actions (self);
}

void
_vt_window_show_document (VtWindow       *self,
                          VtIiifDocument *document)
{
  g_autofree char *title = NULL;

  switch (document->kind)
    {
    case VT_IIIF_DOCUMENT_COLLECTION:
      g_clear_pointer (&self->manifest, vt_manifest_unref);
      show_collection (self, document->collection);
      return;

    case VT_IIIF_DOCUMENT_MANIFEST:
      break;

    case VT_IIIF_DOCUMENT_IMAGE_SERVICE:
    case VT_IIIF_DOCUMENT_CANVAS:
    case VT_IIIF_DOCUMENT_ANNOTATIONS:
    default:
      {
        g_autoptr(GError) error = g_error_new_literal (VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                                                       _("This is a part of a IIIF document, "
                                                         "not a whole manifest or collection."));
        _vt_window_show_error (self, error);
        return;
      }
    }

  g_clear_pointer (&self->manifest, vt_manifest_unref);
  self->manifest = vt_manifest_ref (document->manifest);

  title = dup_label (self->manifest->label, _("Untitled Object"));
  g_free (self->object_title);
  self->object_title = g_steal_pointer (&title);
  gtk_window_set_title (GTK_WINDOW (self), self->object_title);

  vt_metadata_view_set_manifest (self->metadata_view, self->manifest, self->manifest_url);
  vt_metadata_view_set_ghent_page_url (self->metadata_view, self->web_page_url);
  load_logo (self);

  _vt_window_strip_set_manifest (self, self->manifest);
  _vt_window_set_state (self, VT_WINDOW_STATE_VIEWER);

  /* Curators come for the description as much as for the image: show it
   * beside the image whenever the window is wide enough not to cover it. */
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  _vt_window_add_recent (self, self->location, self->object_title);

  if (vt_manifest_get_n_canvases (self->manifest) == 0)
    {
      vt_image_view_clear (self->image_view);
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return;
    }

  {
    guint start = 0;

    if (self->start_canvas_id != NULL)
      vt_manifest_find_canvas (self->manifest, self->start_canvas_id, &start);
    else if (self->manifest->start_canvas != NULL)
      vt_manifest_find_canvas (self->manifest, self->manifest->start_canvas, &start);
    _vt_window_show_canvas (self, start);
  }

  gtk_widget_grab_focus (GTK_WIDGET (self->image_view));
}

static void
strip_canvas_activated_cb (VtWindow *self,
                           guint     index)
{
  if (self->manifest != NULL && index != self->canvas_index)
    _vt_window_show_canvas (self, index);
}

void
_vt_window_strip_set_manifest (VtWindow   *self,
                               VtManifest *manifest)
{
  guint n = manifest ? vt_manifest_get_n_canvases (manifest) : 0;

  /* Made on first use: the client belongs to the application, which the
   * window only knows once it has been added to it. */
  if (self->canvas_strip == NULL && manifest != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self->canvas_strip = VT_CANVAS_STRIP (vt_canvas_strip_new (vt_application_get_client (VT_APPLICATION (app))));
      g_signal_connect_object (self->canvas_strip, "canvas-activated",
                               G_CALLBACK (strip_canvas_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->strip_box, GTK_WIDGET (self->canvas_strip));
    }

  if (self->canvas_strip != NULL)
    vt_canvas_strip_set_manifest (self->canvas_strip, n > 1 ? manifest : NULL);
  gtk_revealer_set_reveal_child (self->strip_revealer, n > 1);
}

void
_vt_window_strip_select (VtWindow *self,
                         guint     index)
{
  if (self->canvas_strip != NULL)
    vt_canvas_strip_set_selected (self->canvas_strip, index);
}
