/* vt-canvas-test-service.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"
#include "canvas/vt-tile-fetcher.h"
#include "net/vt-service-cache.h"

G_BEGIN_DECLS

/* Opening an image service the way the application does: the network
 * layer reads info.json, a VtIiifSource gets its tiles through a
 * VtClientFetcher, and the view shows the source or a canvas error. */
typedef struct
{
  VtClient *client;
  VtServiceCache *services;
  VtTileFetcher *fetcher;
} VtTestService;

VtTestService *vt_test_service_new   (void);
void           vt_test_service_free  (VtTestService *service);
void           vt_test_service_open  (VtTestService *service,
                                      VtImageView   *view,
                                      const char    *info_url);
gboolean       vt_test_service_open_static (VtTestService *service,
                                            VtImageView   *view,
                                            const char    *image_url,
                                            gint64         width,
                                            gint64         height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTestService, vt_test_service_free)

G_END_DECLS
