/* vt-loader.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-iiif-document.h"
#include "iiif/vt-image-service.h"
#include "iiif/vt-tile-pyramid.h"
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
void             vt_loader_load_ghent_async         (VtLoader            *self,
                                                     const char          *api_base,
                                                     const char          *organisation,
                                                     const char          *number,
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

void             vt_loader_load_image_service_async (VtLoader            *self,
                                                     const char          *service_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
VtImageService  *vt_loader_load_image_service_finish (VtLoader           *self,
                                                      GAsyncResult       *result,
                                                      VtTilePyramid     **pyramid,
                                                      GError            **error);

void             vt_loader_load_tile_async          (VtLoader            *self,
                                                     const char          *uri,
                                                     int                  priority,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GBytes          *vt_loader_load_tile_finish         (VtLoader            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void             vt_loader_forget                   (VtLoader            *self);

G_END_DECLS
