/* vt-tile-fetcher.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-tile-source.h"

G_BEGIN_DECLS

/**
 * VtTileFetchKind:
 * @VT_TILE_FETCH_TILE: one tile of an image service
 * @VT_TILE_FETCH_IMAGE: a whole static image (no image service), or a
 *   service's whole-image overview
 *
 * What is fetched; a fetcher may cap and queue the kinds differently.
 */
typedef enum
{
  VT_TILE_FETCH_TILE,
  VT_TILE_FETCH_IMAGE,
} VtTileFetchKind;

#define VT_TYPE_TILE_FETCHER (vt_tile_fetcher_get_type ())

G_DECLARE_INTERFACE (VtTileFetcher, vt_tile_fetcher, VT, TILE_FETCHER, GObject)

/**
 * VtTileFetcherInterface:
 * @fetch_async: starts fetching the bytes at @uri; @priority is in the
 *   canvas' terms (`VT_TILE_PRIORITY_*`, lower first)
 * @fetch_finish: the bytes, or %NULL with a #VT_CANVAS_ERROR (or
 *   %G_IO_ERROR_CANCELLED) set
 * @reprioritize: (optional): moves the fetch made with @cancellable up to
 *   @priority if it still waits
 *
 * How tile sources get bytes, without knowing where they come from: the
 * application implements it over its network client, tests over files.
 */
struct _VtTileFetcherInterface
{
  GTypeInterface parent_iface;

  void    (*fetch_async)  (VtTileFetcher        *self,
                           const char           *uri,
                           VtTileFetchKind       kind,
                           int                   priority,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
  GBytes *(*fetch_finish) (VtTileFetcher        *self,
                           GAsyncResult         *result,
                           GError              **error);
  void    (*reprioritize) (VtTileFetcher        *self,
                           GCancellable         *cancellable,
                           int                   priority);
};

void    vt_tile_fetcher_fetch_async  (VtTileFetcher        *self,
                                      const char           *uri,
                                      VtTileFetchKind       kind,
                                      int                   priority,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GBytes *vt_tile_fetcher_fetch_finish (VtTileFetcher        *self,
                                      GAsyncResult         *result,
                                      GError              **error);
void    vt_tile_fetcher_reprioritize (VtTileFetcher        *self,
                                      GCancellable         *cancellable,
                                      int                   priority);

G_END_DECLS
