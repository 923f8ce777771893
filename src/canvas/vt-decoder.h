/* vt-decoder.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk/gdk.h>

#include "vt-decode-limits.h"

G_BEGIN_DECLS

#define VT_TYPE_DECODER (vt_decoder_get_type ())

G_DECLARE_FINAL_TYPE (VtDecoder, vt_decoder, VT, DECODER, GObject)


/**
 * VtDecodeFunc:
 *
 * Work run in the decoder's threads. Returns a texture or sets @error.
 */
typedef GdkTexture *(*VtDecodeFunc) (gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

VtDecoder  *vt_decoder_get_default              (void);
guint       vt_decoder_get_n_threads            (VtDecoder            *self);

void        vt_decoder_run_async                (VtDecoder            *self,
                                                 gpointer              source_object,
                                                 VtDecodeFunc          func,
                                                 gpointer              data,
                                                 GDestroyNotify        destroy,
                                                 int                   priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void        vt_decoder_decode_async             (VtDecoder            *self,
                                                 GBytes               *bytes,
                                                 guint                 expected_width,
                                                 guint                 expected_height,
                                                 int                   priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void        vt_decoder_decode_thumbnail_async   (VtDecoder            *self,
                                                 GBytes               *bytes,
                                                 guint                 max_size,
                                                 int                   priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void        vt_decoder_compose_thumbnail_async  (VtDecoder            *self,
                                                 GPtrArray            *tiles,
                                                 guint                 columns,
                                                 guint                 tile_width,
                                                 guint                 tile_height,
                                                 guint                 width,
                                                 guint                 height,
                                                 guint                 max_size,
                                                 int                   priority,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GdkTexture *vt_decoder_decode_finish            (VtDecoder            *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

GdkTexture *vt_decode_bytes                     (GBytes               *bytes,
                                                 guint                 expected_width,
                                                 guint                 expected_height,
                                                 GError              **error);
GdkTexture *vt_decode_thumbnail                 (GBytes               *bytes,
                                                 guint                 max_size,
                                                 GError              **error);
GdkTexture *vt_decode_tiles_thumbnail           (GPtrArray            *tiles,
                                                 guint                 columns,
                                                 guint                 tile_width,
                                                 guint                 tile_height,
                                                 guint                 width,
                                                 guint                 height,
                                                 guint                 max_size,
                                                 GError              **error);

GdkTexture *vt_memory_texture_new               (int                   width,
                                                 int                   height,
                                                 GdkMemoryFormat       format,
                                                 GBytes               *bytes,
                                                 gsize                 stride);
guint64     vt_texture_get_stored_size          (GdkTexture           *texture);

G_END_DECLS
