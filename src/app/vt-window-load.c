/* vt-window-load.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-load"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-iiif-document.h"
#include "net/vt-client.h"
#include "net/vt-net-error.h"

#include "vt-window-private.h"

/* Opening an input: resolve what the user gave into a manifest address,
 * fetch and parse it off the main thread, then show the viewer or the
 * page that explains what went wrong. */

static VtClient *
get_client (VtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return vt_application_get_client (VT_APPLICATION (app));
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  const char *base_uri = g_object_get_data (G_OBJECT (task), "base-uri");
  g_autoptr(GError) error = NULL;
  VtIiifDocument *document = vt_iiif_document_parse (bytes, base_uri, &error);

  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, (GDestroyNotify) vt_iiif_document_unref);
}

static void
document_parsed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VtWindow *self = VT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      _vt_window_show_error (self, error);
      return;
    }

  _vt_window_show_document (self, document);
}

static void
start_parse (VtWindow   *self,
             GBytes     *bytes,
             const char *base_uri)
{
  g_autoptr(GTask) task = g_task_new (self, self->load_cancellable, document_parsed_cb, NULL);

  g_task_set_source_tag (task, start_parse);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "base-uri", g_strdup (base_uri), g_free);
  g_task_run_in_thread (task, parse_in_thread);
}

static void
manifest_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *final_uri = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL,
                                                    &final_uri, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      _vt_window_show_error (self, error);
      return;
    }

  start_parse (self, bytes, final_uri ? final_uri : self->manifest_url);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      _vt_window_show_error (self, error);
      return;
    }

  start_parse (self, bytes, self->manifest_url);
}

void
_vt_window_fetch_manifest (VtWindow *self,
                           gboolean  reload)
{
  if (g_str_has_prefix (self->manifest_url, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (self->manifest_url);

      g_file_load_bytes_async (file, self->load_cancellable, file_loaded_cb, g_object_ref (self));
      return;
    }

  vt_client_fetch_async (get_client (self), self->manifest_url, VT_FETCH_KIND_MANIFEST,
                         reload ? VT_FETCH_FLAGS_RELOAD : VT_FETCH_FLAGS_NONE,
                         VT_FETCH_PRIORITY_DEFAULT, self->load_cancellable,
                         manifest_fetched_cb, g_object_ref (self));
}
