/* vt-loader.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-iiif-document.h"
#include "vt-client.h"

G_BEGIN_DECLS

#define VT_TYPE_LOADER (vt_loader_get_type ())

G_DECLARE_FINAL_TYPE (VtLoader, vt_loader, VT, LOADER, GObject)

VtLoader        *vt_loader_new                      (VtClient            *client);
VtClient        *vt_loader_get_client               (VtLoader            *self);

void             vt_loader_load_document_async      (VtLoader            *self,
                                                     const char          *uri,
                                                     VtFetchFlags         flags,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void             vt_loader_load_file_async          (VtLoader            *self,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
VtIiifDocument  *vt_loader_load_document_finish     (VtLoader            *self,
                                                     GAsyncResult        *result,
                                                     char               **final_uri,
                                                     GError             **error);

void             vt_loader_forget                   (VtLoader            *self);
void             vt_loader_set_max_cached_canvases  (VtLoader            *self,
                                                     guint                max_canvases);

G_END_DECLS
