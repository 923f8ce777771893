/* vt-window-load.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-load"

#include "config.h"

#include "net/vt-loader.h"

#include "vt-window-private.h"

/* Loading the document the window resolved: the application's loader
 * fetches (or reads the file), parses off the main thread and keeps the
 * result for the session; the window only shows what comes back. */

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *final_uri = NULL;
  g_autoptr(VtIiifDocument) document = vt_loader_load_document_finish (VT_LOADER (object), result,
                                                                       &final_uri, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      _vt_window_show_error (self, error);
      return;
    }

  _vt_window_show_document (self, document);
}

void
_vt_window_fetch_manifest (VtWindow *self,
                           gboolean  reload)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  VtLoader *loader = vt_application_get_loader (VT_APPLICATION (app));

  if (g_str_has_prefix (self->manifest_url, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (self->manifest_url);

      vt_loader_load_file_async (loader, file, self->load_cancellable,
                                 document_loaded_cb, g_object_ref (self));
      return;
    }

  vt_loader_load_document_async (loader, self->manifest_url,
                                 reload ? VT_FETCH_FLAGS_RELOAD : VT_FETCH_FLAGS_NONE,
                                 self->load_cancellable,
                                 document_loaded_cb, g_object_ref (self));
}
