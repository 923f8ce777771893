/* vt-view-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-view-export"

#include "config.h"

#include <glib/gi18n.h>

#include "export/vt-export-png.h"
#include "vt-view-export.h"

/* "Export View as PNG…" and "Copy View": exactly what the canvas shows,
 * at the widget's size times its scale, rendered by the window's own
 * renderer from the render nodes the widget draws itself with (the tiles in view, at the
 * level and the turn on screen). The PNG carries the same XMP rights as
 * an export; the clipboard gets the picture as a texture. */

/**
 * vt_view_export_render:
 * @view: a mapped widget (the image view)
 *
 * Returns: (transfer full) (nullable): what @view shows, at its size
 *   times its scale factor, or %NULL when it is not on screen
 */
GdkTexture *
vt_view_export_render (GtkWidget *view)
{
  g_autoptr (GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GskRenderer *renderer;
  int width, height, scale;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  scale = gtk_widget_get_scale_factor (view);
  native = gtk_widget_get_native (view);
  if (!gtk_widget_get_mapped (view) || native == NULL || width <= 0 || height <= 0 ||
      (renderer = gtk_native_get_renderer (native)) == NULL)
    {
      g_debug ("Not on screen: mapped %d, %d × %d", gtk_widget_get_mapped (view), width, height);
      return NULL;
    }

  /* The widget's own drawing, without its CSS (a focus outline is not
   * part of the picture); clipped to it, as on screen. */
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  gtk_snapshot_pop (snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_debug ("Nothing drawn");
      return NULL;
    }
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/* The rights, credit and source of what @viewing shows, as an export
 * of it would carry. */
VtExportMetadata *
vt_view_export_get_metadata (VtViewing *viewing)
{
  VtManifest *manifest = vt_viewing_get_manifest (viewing);
  VtExportMetadata *metadata;

  if (vt_viewing_get_state (viewing) == VT_VIEWING_MANIFEST && manifest != NULL &&
      vt_viewing_get_canvas_index (viewing) < vt_manifest_get_n_canvases (manifest))
    return vt_export_metadata_new_for_canvas (manifest, vt_viewing_get_canvas_index (viewing),
                                              (const char * const *) g_get_language_names ());
  metadata = vt_export_metadata_new ();
  metadata->title = g_strdup (vt_viewing_get_title (viewing));
  metadata->source = g_strdup (vt_viewing_get_input (viewing));
  return metadata;
}

/* A file name for the view of @viewing, without an extension. */
char *
vt_view_export_suggest_name (VtViewing *viewing)
{
  const char *title = vt_viewing_get_title (viewing);
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("image"));
  char *view;

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  if (g_utf8_strlen (name, -1) > 80)
    *g_utf8_offset_to_pointer (name, 80) = '\0';
  /* Translators: the file name of a view saved as PNG; %s is the
   * object's title */
  view = g_strdup_printf (_("%s (view)"), name);
  return view;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (vt_export_save_png_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vt_view_export_save_async:
 * @view: the image view, on screen
 * @viewing: what it shows, for the rights
 * @file: a local PNG file, replaced once complete
 *
 * Renders @view now and saves it in a worker thread with the XMP rights.
 */
void
vt_view_export_save_async (GtkWidget           *view,
                           VtViewing           *viewing,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (VtExportMetadata) metadata = NULL;
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (VT_IS_VIEWING (viewing));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (view, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_view_export_save_async);
  texture = vt_view_export_render (view);
  if (texture == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("The image is not on screen"));
      return;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  metadata = vt_view_export_get_metadata (viewing);
  vt_export_save_png_async (png, gdk_texture_get_width (texture), gdk_texture_get_height (texture),
                            metadata, file, cancellable, saved_cb, g_steal_pointer (&task));
}

gboolean
vt_view_export_save_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * vt_view_export_copy:
 * @view: the image view, on screen
 *
 * Puts what @view shows on its clipboard, as an image.
 *
 * Returns: (transfer full) (nullable): the picture copied, or %NULL when
 *   the view is not on screen
 */
GdkTexture *
vt_view_export_copy (GtkWidget *view)
{
  GdkTexture *texture;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  texture = vt_view_export_render (view);
  if (texture != NULL)
    gdk_clipboard_set_texture (gtk_widget_get_clipboard (view), texture);
  return texture;
}
