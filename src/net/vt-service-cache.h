/* vt-service-cache.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-image-service.h"
#include "iiif/vt-tile-pyramid.h"
#include "vt-client.h"

G_BEGIN_DECLS

/* Image services remembered per session (each a few KiB with its
 * pyramid): enough for every canvas of a large manifest and a few more
 * objects, without growing for ever. */
#define VT_SERVICE_CACHE_DEFAULT_MAX_ENTRIES 256

#define VT_TYPE_SERVICE_CACHE (vt_service_cache_get_type ())

G_DECLARE_FINAL_TYPE (VtServiceCache, vt_service_cache, VT, SERVICE_CACHE, GObject)

VtServiceCache *vt_service_cache_new             (VtClient             *client);
VtClient       *vt_service_cache_get_client      (VtServiceCache       *self);

void            vt_service_cache_load_async      (VtServiceCache       *self,
                                                  const char           *service_id_or_info_url,
                                                  VtFetchFlags          flags,
                                                  int                   priority,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
VtImageService *vt_service_cache_load_finish     (VtServiceCache       *self,
                                                  GAsyncResult         *result,
                                                  VtTilePyramid       **pyramid,
                                                  GError              **error);
VtImageService *vt_service_cache_lookup          (VtServiceCache       *self,
                                                  const char           *service_id_or_info_url,
                                                  VtTilePyramid       **pyramid);

void            vt_service_cache_set_max_entries (VtServiceCache       *self,
                                                  guint                 max_entries);
guint           vt_service_cache_get_n_entries   (VtServiceCache       *self);
void            vt_service_cache_forget          (VtServiceCache       *self);

G_END_DECLS
