/* vt-export-stitch.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to src/export: libvips types stay out of the public headers. */

#include <gio/gio.h>

#include "iiif/vt-tile-pyramid.h"
#include "net/vt-client.h"
#include "vt-decode-gate.h"

G_BEGIN_DECLS

typedef struct _VtExportStitch VtExportStitch;

VtExportStitch *vt_export_stitch_new       (VtClient       *client,
                                            VtTilePyramid  *pyramid,
                                            guint           level,
                                            gint64          x,
                                            gint64          y,
                                            gint64          width,
                                            gint64          height,
                                            GCancellable   *cancellable);
VipsImage      *vt_export_stitch_get_image (VtExportStitch *self);
GError         *vt_export_stitch_dup_error (VtExportStitch *self);
guint           vt_export_stitch_get_n_fetched (VtExportStitch *self);
void            vt_export_stitch_release   (VtExportStitch *self);
VtExportStitch *vt_export_stitch_ref       (VtExportStitch *self);
void            vt_export_stitch_unref     (VtExportStitch *self);

VipsImage      *vt_export_to_rgb           (VipsImage      *image,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtExportStitch, vt_export_stitch_unref)

G_END_DECLS
