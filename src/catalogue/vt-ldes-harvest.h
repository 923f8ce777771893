/* vt-ldes-harvest.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "net/vt-client.h"
#include "vt-catalogue.h"

G_BEGIN_DECLS

#define VT_TYPE_LDES_HARVEST (vt_ldes_harvest_get_type ())

G_DECLARE_FINAL_TYPE (VtLdesHarvest, vt_ldes_harvest, VT, LDES_HARVEST, GObject)

char          *vt_ldes_stream_url_for_org          (const char          *base,
                                                    const char          *org);

VtLdesHarvest *vt_ldes_harvest_new                 (VtClient            *client,
                                                    VtCatalogue         *catalogue,
                                                    const char          *stream_url,
                                                    const char          *org);
void           vt_ldes_harvest_run_async           (VtLdesHarvest       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean       vt_ldes_harvest_run_finish          (VtLdesHarvest       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

guint          vt_ldes_harvest_get_pages           (VtLdesHarvest       *self);
guint64        vt_ldes_harvest_get_members         (VtLdesHarvest       *self);
gint64         vt_ldes_harvest_get_remaining_items (VtLdesHarvest       *self);
double         vt_ldes_harvest_get_fraction        (VtLdesHarvest       *self);
guint          vt_ldes_harvest_get_skipped_members (VtLdesHarvest       *self);

G_END_DECLS
