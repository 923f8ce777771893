/* vt-view-export.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "export/vt-export-metadata.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

GdkTexture       *vt_view_export_render        (GtkWidget            *view);
VtExportMetadata *vt_view_export_get_metadata  (VtViewing            *viewing);
char             *vt_view_export_suggest_name  (VtViewing            *viewing);
void              vt_view_export_save_async    (GtkWidget            *view,
                                                VtViewing            *viewing,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean          vt_view_export_save_finish   (GAsyncResult         *result,
                                                GError              **error);
GdkTexture       *vt_view_export_copy          (GtkWidget            *view);

G_END_DECLS
