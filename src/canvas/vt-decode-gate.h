/* vt-decode-gate.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The GTK-free half of the decoder's gate (vt-decode-gate.c): included by
 * the canvas' decoder and by the exporter, never by a public header. */

#include <vips/vips.h>

#include "vt-decode-limits.h"

G_BEGIN_DECLS

/* libvips 8.14 (Debian 12) declares no autoptr cleanup for its images. */
#if !(VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 16))
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsImage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsRegion, g_object_unref)
#endif

typedef enum
{
  VT_GATE_FORMAT_NONE,
  VT_GATE_FORMAT_JPEG,
  VT_GATE_FORMAT_PNG,
  VT_GATE_FORMAT_WEBP,
  VT_GATE_FORMAT_GIF,
  VT_GATE_FORMAT_TIFF,
  VT_GATE_FORMAT_JP2K,
} VtGateFormat;

VtGateFormat vt_gate_sniff_format       (const guchar  *d,
                                         gsize          len);
VipsImage   *vt_gate_open_image         (VtGateFormat   format,
                                         const guchar  *data,
                                         gsize          len,
                                         int            shrink,
                                         VipsAccess     access,
                                         GError       **error);
gboolean     vt_gate_read_header        (VtGateFormat   format,
                                         const guchar  *data,
                                         gsize          len,
                                         VipsImage    **image,
                                         guint         *width,
                                         guint         *height,
                                         GError       **error);
gboolean     vt_gate_choose_load_shrink (VtGateFormat   format,
                                         gsize          len,
                                         guint          width,
                                         guint          height,
                                         guint          target,
                                         int           *shrink,
                                         GError       **error);
void         vt_gate_set_vips_error     (GError       **error,
                                         int            code,
                                         const char    *message);
void         vt_gate_set_not_an_image   (GError       **error);
void         vt_gate_set_wrong_size     (GError       **error,
                                         guint          width,
                                         guint          height,
                                         guint          expected_width,
                                         guint          expected_height);
void         vt_gate_set_too_large      (GError       **error,
                                         guint          width,
                                         guint          height);

VipsImage   *vt_gate_open_checked       (GBytes        *bytes,
                                         guint          expected_width,
                                         guint          expected_height,
                                         GError       **error);

G_END_DECLS
