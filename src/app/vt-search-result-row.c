/* vt-search-result-row.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-search-page"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "net/vt-ghent-catalogue.h"

#include "vt-catalogue-rows.h"
#include "vt-search-result-row.h"
#include "vt-text.h"

/* One result of the search page, as a list view row: the record's title,
 * maker, organisation and number, and its thumbnail. Rows are reused as
 * the list scrolls: a row loads the thumbnail of the item it is bound to,
 * keeps it on the item (so that scrolling back shows it at once), and a
 * load for an item it no longer shows is cancelled or ignored. */

#define THUMBNAIL_SIZE  200
#define THUMBNAIL_SHOWN 64

struct _VtSearchResultRow
{
  GtkBox             parent_instance;

  GObject           *item;
  GCancellable      *cancellable;
  VtThumbnailLoader *thumbnails;

  GtkPicture        *picture;
  GtkWidget         *placeholder;
  GtkLabel          *title;
  GtkLabel          *subtitle;
};

G_DEFINE_FINAL_TYPE (VtSearchResultRow, vt_search_result_row, GTK_TYPE_BOX)

/* Items: plain objects carrying a record, and its thumbnail once loaded. */

GObject *
vt_search_result_item_new (VtCatalogueRecord *record)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (item, "record", vt_catalogue_record_ref (record),
                          (GDestroyNotify) vt_catalogue_record_unref);
  return item;
}

VtCatalogueRecord *
vt_search_result_item_get_record (GObject *item)
{
  return g_object_get_data (item, "record");
}

/**
 * vt_search_result_item_get_texture:
 *
 * Returns: (nullable) (transfer none): the item's thumbnail, once loaded
 */
GdkTexture *
vt_search_result_item_get_texture (GObject *item)
{
  return g_object_get_data (item, "texture");
}

typedef struct
{
  VtSearchResultRow *self;
  GObject           *item;
  GCancellable      *cancellable;
} Thumbnail;

static void
thumbnail_free (Thumbnail *thumbnail)
{
  g_object_unref (thumbnail->self);
  g_object_unref (thumbnail->item);
  g_object_unref (thumbnail->cancellable);
  g_free (thumbnail);
}

static void
show_thumbnail (VtSearchResultRow *self,
                GdkTexture        *texture)
{
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->placeholder, texture == NULL);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (task_data);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    g_debug ("Cannot keep the thumbnail %s: %s", path, error ? error->message : g_strerror (errno));
  g_task_return_boolean (task, TRUE);
}

/* Kept on disk for GNOME Shell's search, which shows it without the
 * network; written off the main thread. */
static void
save_thumbnail (GObject    *item,
                GdkTexture *texture)
{
  VtCatalogueRecord *record = vt_search_result_item_get_record (item);
  g_autofree char *id = vt_catalogue_record_dup_object_id (record);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_object_set_data_full (G_OBJECT (task), "path", vt_catalogue_dup_thumbnail_cache_path (id), g_free);
  g_task_set_task_data (task, g_object_ref (texture), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

static void
thumbnail_done (Thumbnail    *thumbnail,
                GdkTexture   *texture,
                const GError *error)
{
  /* Without a thumbnail the row keeps its placeholder: the text is what
   * matters. A cancelled load belongs to a row now showing another item. */
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
    }
  else
    {
      g_object_set_data_full (thumbnail->item, "texture", g_object_ref (texture), g_object_unref);
      save_thumbnail (thumbnail->item, texture);
      if (thumbnail->self->item == thumbnail->item)
        show_thumbnail (thumbnail->self, texture);
    }

  thumbnail_free (thumbnail);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_session_load_image_finish (VT_SESSION (object), result, &error);

  thumbnail_done (user_data, texture, error);
}

static void
canvas_thumbnail_loaded_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_thumbnail_loader_load_finish (VT_THUMBNAIL_LOADER (object),
                                                                   result, &error);

  thumbnail_done (user_data, texture, error);
}

/* Ghent's catalogue seldom names an image service: the manifest does, and
 * the session's loader and thumbnail route take it from there, as the
 * strip does for the pages of an object. */
static void
manifest_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Thumbnail *thumbnail = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) document = vt_loader_load_document_finish (VT_LOADER (object), result,
                                                                       NULL, &error);

  if (document == NULL || document->manifest == NULL ||
      vt_manifest_get_n_canvases (document->manifest) == 0)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No canvas");
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* No public manifest, no thumbnail: not worth asking again. */
        g_object_set_data (thumbnail->item, "no-thumbnail", GINT_TO_POINTER (TRUE));
      thumbnail_done (thumbnail, NULL, error);
      return;
    }

  vt_thumbnail_loader_load_async (thumbnail->self->thumbnails,
                                  g_ptr_array_index (document->manifest->canvases, 0),
                                  THUMBNAIL_SIZE, thumbnail->cancellable,
                                  canvas_thumbnail_loaded_cb, thumbnail);
}

static void
load_thumbnail (VtSearchResultRow *self,
                VtCatalogueRecord *record,
                VtSession         *session)
{
  g_autofree char *url = NULL;
  g_autofree char *manifest_url = NULL;
  Thumbnail *thumbnail;

  self->cancellable = g_cancellable_new ();
  thumbnail = g_new0 (Thumbnail, 1);
  thumbnail->self = g_object_ref (self);
  thumbnail->item = g_object_ref (self->item);
  thumbnail->cancellable = g_object_ref (self->cancellable);

  url = vt_catalogue_record_dup_thumbnail_url (record, THUMBNAIL_SIZE);
  if (url != NULL)
    {
      vt_session_load_image_async (session, url, THUMBNAIL_SIZE, self->cancellable,
                                   thumbnail_loaded_cb, thumbnail);
      return;
    }

  manifest_url = vt_ghent_lookup_organisation (record->org) != NULL
                 ? vt_ghent_build_manifest_url (vt_session_get_api_base (session),
                                                record->org, record->object_number)
                 : g_strdup (record->manifest_url);
  if (manifest_url == NULL || self->thumbnails == NULL)
    {
      g_object_set_data (self->item, "no-thumbnail", GINT_TO_POINTER (TRUE));
      thumbnail_free (thumbnail);
      return;
    }

  vt_loader_load_document_async (vt_session_get_loader (session), manifest_url,
                                 VT_FETCH_FLAGS_NO_PRECONNECT, self->cancellable, manifest_loaded_cb, thumbnail);
}

/**
 * vt_search_result_row_bind:
 * @item: an item of vt_search_result_item_new()
 * @session: (nullable): whose route the thumbnail loads through
 * @thumbnails: (nullable): the thumbnail loader for canvases
 *
 * Shows @item; its thumbnail loads now if it has none yet, as the row is
 * about to be on screen.
 */
void
vt_search_result_row_bind (VtSearchResultRow *self,
                           GObject           *item,
                           VtSession         *session,
                           VtThumbnailLoader *thumbnails)
{
  VtCatalogueRecord *record = vt_search_result_item_get_record (item);
  GdkTexture *texture = vt_search_result_item_get_texture (item);
  const VtGhentOrganisation *org = vt_ghent_lookup_organisation (record->org);
  const char *org_name = org != NULL ? vt_ghent_organisation_get_display_name (org) : record->org;
  g_autofree char *makers = vt_catalogue_record_dup_makers_text (record);
  g_autofree char *title = vt_text_ellipsize (record->title, 300);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (VT_IS_SEARCH_RESULT_ROW (self));

  vt_search_result_row_unbind (self);
  self->item = g_object_ref (item);
  g_set_object (&self->thumbnails, thumbnails);

  if (makers != NULL)
    /* Translators: a search result: maker · organisation · object number */
    subtitle = g_strdup_printf (_("%s · %s · %s"), makers, org_name, record->object_number);
  else
    /* Translators: a search result: organisation · object number */
    subtitle = g_strdup_printf (_("%s · %s"), org_name, record->object_number);

  gtk_label_set_text (self->title, title != NULL && *title != '\0' ? title : _("Untitled Object"));
  gtk_label_set_text (self->subtitle, subtitle);
  show_thumbnail (self, texture);

  if (texture == NULL && session != NULL && g_object_get_data (item, "no-thumbnail") == NULL)
    load_thumbnail (self, record, session);
}

void
vt_search_result_row_unbind (VtSearchResultRow *self)
{
  g_return_if_fail (VT_IS_SEARCH_RESULT_ROW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
}

static void
vt_search_result_row_dispose (GObject *object)
{
  VtSearchResultRow *self = VT_SEARCH_RESULT_ROW (object);

  vt_search_result_row_unbind (self);
  g_clear_object (&self->thumbnails);

  G_OBJECT_CLASS (vt_search_result_row_parent_class)->dispose (object);
}

static void
vt_search_result_row_class_init (VtSearchResultRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vt_search_result_row_dispose;
}

static void
vt_search_result_row_init (VtSearchResultRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *overlay = gtk_overlay_new ();

  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  self->placeholder = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->placeholder);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->picture));
  gtk_widget_add_css_class (frame, "search-thumbnail");
  gtk_widget_set_size_request (frame, THUMBNAIL_SHOWN, THUMBNAIL_SHOWN);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_frame_set_child (GTK_FRAME (frame), overlay);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subtitle));

  gtk_box_append (GTK_BOX (self), frame);
  gtk_box_append (GTK_BOX (self), text);
  gtk_box_append (GTK_BOX (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

GtkWidget *
vt_search_result_row_new (void)
{
  return g_object_new (VT_TYPE_SEARCH_RESULT_ROW, NULL);
}
