/* vt-image-url.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vt-image-service.h"
#include "vt-manifest.h"
#include "vt-resource.h"

G_BEGIN_DECLS

char *vt_image_service_info_url         (const char           *service_id_or_info_url);
char *vt_image_service_id_from_info_url (const char           *info_url);
char *vt_image_service_dup_info_url     (const VtImageService *self);

char *vt_image_service_dup_size_url     (const VtImageService *self,
                                         gint64                width,
                                         gint64                height);
char *vt_image_service_dup_fit_url      (const VtImageService *self,
                                         guint                 max_side);
char *vt_service_ref_dup_fit_url        (const VtServiceRef   *ref,
                                         gint64                width,
                                         gint64                height,
                                         guint                 max_side);
char *vt_manifest_dup_thumbnail_url     (const VtManifest     *self,
                                         guint                 max_side);
void  vt_image_size_fit                 (gint64                width,
                                         gint64                height,
                                         guint                 max_side,
                                         gint64               *out_width,
                                         gint64               *out_height);

G_END_DECLS
