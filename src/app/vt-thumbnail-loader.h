/* vt-thumbnail-loader.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-canvas.h"
#include "iiif/vt-image-service.h"
#include "iiif/vt-tile-pyramid.h"
#include "net/vt-client.h"
#include "net/vt-service-cache.h"

G_BEGIN_DECLS

/* The largest image (in pixels) a thumbnail is ever made from: 4096². */
#define VT_THUMBNAIL_MAX_SOURCE_PIXELS ((gint64) 4096 * 4096)
/* The most tile requests one thumbnail of a level 0 service may take. */
#define VT_THUMBNAIL_MAX_TILES 16

#define VT_TYPE_THUMBNAIL_LOADER (vt_thumbnail_loader_get_type ())

G_DECLARE_FINAL_TYPE (VtThumbnailLoader, vt_thumbnail_loader, VT, THUMBNAIL_LOADER, GObject)

VtThumbnailLoader *vt_thumbnail_loader_new            (VtClient             *client,
                                                       VtServiceCache       *services);
void               vt_thumbnail_loader_load_async     (VtThumbnailLoader    *self,
                                                       VtCanvas             *canvas,
                                                       guint                 size,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void               vt_thumbnail_loader_load_resources_async (VtThumbnailLoader *self,
                                                             GPtrArray         *thumbnails,
                                                             guint              size,
                                                             GCancellable      *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer           user_data);
void               vt_thumbnail_loader_load_uri_async (VtThumbnailLoader *self,
                                                       const char        *uri,
                                                       guint              size,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
GdkTexture        *vt_thumbnail_loader_load_finish    (VtThumbnailLoader    *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

int                vt_thumbnail_choose_level          (VtTilePyramid        *pyramid,
                                                       guint                 size);

G_END_DECLS
