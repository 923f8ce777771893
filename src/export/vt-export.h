/* vt-export.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-tile-pyramid.h"
#include "net/vt-client.h"
#include "vt-export-error.h"
#include "vt-export-metadata.h"

G_BEGIN_DECLS

/**
 * VtExportFormat:
 * @VT_EXPORT_FORMAT_TIFF: tiled TIFF, deflate; BigTIFF when over 4 GiB
 * @VT_EXPORT_FORMAT_JPEG: JPEG, quality 92; at most 65,535 px a side
 * @VT_EXPORT_FORMAT_PNG: PNG
 */
typedef enum
{
  VT_EXPORT_FORMAT_TIFF,
  VT_EXPORT_FORMAT_JPEG,
  VT_EXPORT_FORMAT_PNG,
} VtExportFormat;

/* JPEG's own limit: its header stores sizes in 16 bits. */
#define VT_EXPORT_JPEG_MAX_SIDE 65535
/* An export made of one server request must fit the decoder's budget;
 * beyond this it is stitched from tiles, which streams. */
#define VT_EXPORT_SINGLE_REQUEST_MAX_PIXELS ((gint64) 4096 * 4096)

#define VT_TYPE_EXPORT (vt_export_get_type ())

G_DECLARE_FINAL_TYPE (VtExport, vt_export, VT, EXPORT, GObject)

VtExport       *vt_export_new_for_pyramid  (VtClient          *client,
                                            VtTilePyramid     *pyramid);
VtExport       *vt_export_new_for_file     (GFile             *file,
                                            GError           **error);

gint64          vt_export_get_image_width  (VtExport          *self);
gint64          vt_export_get_image_height (VtExport          *self);
gboolean        vt_export_set_region       (VtExport          *self,
                                            gint64             x,
                                            gint64             y,
                                            gint64             width,
                                            gint64             height,
                                            GError           **error);
gboolean        vt_export_set_size         (VtExport          *self,
                                            gint64             width,
                                            gint64             height,
                                            GError           **error);
void            vt_export_get_size         (VtExport          *self,
                                            gint64            *width,
                                            gint64            *height);
gboolean        vt_export_get_max_size     (VtExport          *self,
                                            gint64            *width,
                                            gint64            *height);
void            vt_export_set_format       (VtExport          *self,
                                            VtExportFormat     format);
VtExportFormat  vt_export_get_format       (VtExport          *self);
void            vt_export_set_pyramidal    (VtExport          *self,
                                            gboolean           pyramidal);
void            vt_export_set_metadata     (VtExport          *self,
                                            const VtExportMetadata *metadata);
const VtExportMetadata *vt_export_get_metadata (VtExport      *self);
double          vt_export_get_progress     (VtExport          *self);
gboolean        vt_export_get_used_single_request (VtExport   *self);

gboolean        vt_export_format_from_name (const char        *name,
                                            VtExportFormat    *format);

void            vt_export_run_async        (VtExport          *self,
                                            GFile             *destination,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
gboolean        vt_export_run_finish       (VtExport          *self,
                                            GAsyncResult      *result,
                                            GError           **error);

G_END_DECLS
