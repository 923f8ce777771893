/* vt-application.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-tile-fetcher.h"
#include "net/vt-client.h"
#include "net/vt-loader.h"
#include "net/vt-service-cache.h"

#include "vt-session.h"

G_BEGIN_DECLS

#define VT_TYPE_APPLICATION (vt_application_get_type ())

G_DECLARE_FINAL_TYPE (VtApplication, vt_application, VT, APPLICATION, AdwApplication)

VtApplication *vt_application_new          (void);
GSettings     *vt_application_get_settings (VtApplication *self);
VtClient      *vt_application_get_client   (VtApplication *self);
VtLoader      *vt_application_get_loader   (VtApplication *self);
VtSession     *vt_application_get_session  (VtApplication *self);
VtServiceCache *vt_application_get_service_cache (VtApplication *self);
VtTileFetcher *vt_application_get_fetcher  (VtApplication *self);

G_END_DECLS
