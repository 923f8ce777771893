/* vt-client-fetcher.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-tile-fetcher.h"
#include "net/vt-client.h"

G_BEGIN_DECLS

#define VT_TYPE_CLIENT_FETCHER (vt_client_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (VtClientFetcher, vt_client_fetcher, VT, CLIENT_FETCHER, GObject)

VtClientFetcher *vt_client_fetcher_new       (VtClient     *client);
VtClient        *vt_client_fetcher_get_client (VtClientFetcher *self);
int              vt_client_fetcher_map_priority (int        priority);
GError          *vt_client_fetcher_map_error (const GError *net_error);
gboolean         vt_client_fetcher_fetch_ahead (VtClientFetcher *self,
                                                const char      *uri,
                                                VtTileFetchKind  kind,
                                                int              priority,
                                                GCancellable    *cancellable);
guint            vt_client_fetcher_get_n_ahead (VtClientFetcher *self,
                                                guint           *n_used);

G_END_DECLS
