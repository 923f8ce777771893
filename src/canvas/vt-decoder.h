/* vt-decoder.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk/gdk.h>
#include <vips/vips.h>

G_BEGIN_DECLS

/* libvips 8.14 (Debian 12) declares no autoptr cleanup for its images. */
#if !(VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 16))
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsImage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsRegion, g_object_unref)
#endif

#define VT_TYPE_DECODER (vt_decoder_get_type ())

G_DECLARE_FINAL_TYPE (VtDecoder, vt_decoder, VT, DECODER, GObject)

/* A decoded image larger than this (in pixels) when nobody said what size to
 * expect is shrunk while loading instead: 64 Mpx of RGBA is 256 MiB. */
#define VT_DECODER_MAX_PIXELS ((guint64) 8192 * 8192)
/* The longest side a shrunk oversized image is given. */
#define VT_DECODER_SHRINK_TO 4096

/**
 * VtDecodeFunc:
 *
 * Work run in the decoder's threads. Returns a texture or sets @error.
 */
typedef GdkTexture *(*VtDecodeFunc) (gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

VtDecoder  *vt_decoder_get_default    (void);
guint       vt_decoder_get_n_threads  (VtDecoder            *self);

void        vt_decoder_run_async      (VtDecoder            *self,
                                       gpointer              source_object,
                                       VtDecodeFunc          func,
                                       gpointer              data,
                                       GDestroyNotify        destroy,
                                       int                   priority,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
void        vt_decoder_decode_async   (VtDecoder            *self,
                                       GBytes               *bytes,
                                       guint                 expected_width,
                                       guint                 expected_height,
                                       int                   priority,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GdkTexture *vt_decoder_decode_finish  (VtDecoder            *self,
                                       GAsyncResult         *result,
                                       GError              **error);

GdkTexture *vt_decode_bytes           (GBytes               *bytes,
                                       guint                 expected_width,
                                       guint                 expected_height,
                                       GError              **error);
GdkTexture *vt_texture_new_from_vips  (VipsImage            *image,
                                       GError              **error);
gboolean    vt_size_is_close          (guint                 got,
                                       guint                 expected);

G_END_DECLS
