/* vt-tile-fetcher.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-tile-fetcher"

#include "config.h"

#include "vt-tile-fetcher.h"

/* The canvas' side of "one route to pixels": a tile source asks a fetcher
 * for bytes and decodes them itself, like libshumate's ShumateDataSource
 * under ShumateRasterRenderer. The canvas stays free of the network layer;
 * VtClientFetcher (app/) is the implementation over VtClient. */

G_DEFINE_INTERFACE (VtTileFetcher, vt_tile_fetcher, G_TYPE_OBJECT)

static void
vt_tile_fetcher_default_init (VtTileFetcherInterface *iface)
{
}

/**
 * vt_tile_fetcher_fetch_async:
 * @uri: the address of the tile or image
 * @kind: what it is
 * @priority: `VT_TILE_PRIORITY_*` or above; lower runs first
 * @cancellable: (nullable): cancels the fetch
 *
 * Fetches the bytes at @uri.
 */
void
vt_tile_fetcher_fetch_async (VtTileFetcher       *self,
                             const char          *uri,
                             VtTileFetchKind      kind,
                             int                  priority,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (VT_IS_TILE_FETCHER (self));
  g_return_if_fail (uri != NULL);

  VT_TILE_FETCHER_GET_IFACE (self)->fetch_async (self, uri, kind, priority, cancellable,
                                                 callback, user_data);
}

/**
 * vt_tile_fetcher_fetch_finish:
 *
 * Returns: (transfer full): the bytes, or %NULL with a #VT_CANVAS_ERROR
 *   or %G_IO_ERROR_CANCELLED set
 */
GBytes *
vt_tile_fetcher_fetch_finish (VtTileFetcher  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (VT_IS_TILE_FETCHER (self), NULL);

  return VT_TILE_FETCHER_GET_IFACE (self)->fetch_finish (self, result, error);
}

/**
 * vt_tile_fetcher_reprioritize:
 * @cancellable: the cancellable a fetch was started with
 * @priority: its new priority (`VT_TILE_PRIORITY_*`)
 *
 * Moves a fetch that still waits its turn up to @priority (a tile asked
 * ahead that came into view); a fetcher without queues does nothing.
 */
void
vt_tile_fetcher_reprioritize (VtTileFetcher *self,
                              GCancellable  *cancellable,
                              int            priority)
{
  g_return_if_fail (VT_IS_TILE_FETCHER (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  if (VT_TILE_FETCHER_GET_IFACE (self)->reprioritize != NULL)
    VT_TILE_FETCHER_GET_IFACE (self)->reprioritize (self, cancellable, priority);
}
