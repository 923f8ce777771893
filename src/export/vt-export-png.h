/* vt-export-png.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-export-metadata.h"

G_BEGIN_DECLS

void     vt_export_save_png_async  (GBytes                 *png,
                                    guint                   width,
                                    guint                   height,
                                    const VtExportMetadata *metadata,
                                    GFile                  *destination,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data);
gboolean vt_export_save_png_finish (GAsyncResult           *result,
                                    GError                **error);

G_END_DECLS
