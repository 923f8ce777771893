/* vt-session.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "net/vt-client.h"
#include "net/vt-loader.h"
#include "canvas/vt-tile-fetcher.h"
#include "net/vt-service-cache.h"
#include "catalogue/vt-catalogue.h"

G_BEGIN_DECLS

#define VT_TYPE_SESSION (vt_session_get_type ())

G_DECLARE_FINAL_TYPE (VtSession, vt_session, VT, SESSION, GObject)

VtSession  *vt_session_new          (VtClient   *client);
VtClient   *vt_session_get_client   (VtSession  *self);
VtLoader   *vt_session_get_loader   (VtSession  *self);
VtServiceCache *vt_session_get_service_cache (VtSession *self);
VtTileFetcher  *vt_session_get_fetcher       (VtSession *self);
const char *vt_session_get_api_base (VtSession  *self);
void        vt_session_set_api_base (VtSession  *self,
                                     const char *api_base);
void        vt_session_forget       (VtSession  *self);

void        vt_session_load_image_async  (VtSession           *self,
                                          const char          *uri,
                                          guint                max_size,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GdkTexture *vt_session_load_image_finish (VtSession           *self,
                                          GAsyncResult        *result,
                                          GError             **error);


/* Stands in for the base of Ghent's LDES streams (the test bed sets it). */
#define VT_SESSION_LDES_ENV "VITRINE_GHENT_LDES"

VtCatalogue *vt_session_get_catalogue      (VtSession   *self);
void         vt_session_set_catalogue      (VtSession   *self,
                                            VtCatalogue *catalogue);
char        *vt_session_dup_ldes_base      (VtSession   *self);
void         vt_session_lookup_record_async  (VtSession           *self,
                                              const char          *organisation,
                                              const char          *number,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
VtCatalogueRecord *vt_session_lookup_record_finish (VtSession     *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

G_END_DECLS
