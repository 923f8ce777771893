/* vt-metadata-row.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_METADATA_ROW (vt_metadata_row_get_type ())

G_DECLARE_FINAL_TYPE (VtMetadataRow, vt_metadata_row, VT, METADATA_ROW, GtkListBoxRow)

GtkWidget  *vt_metadata_row_new        (const char    *label,
                                        const char    *markup);
const char *vt_metadata_row_get_label  (VtMetadataRow *self);
const char *vt_metadata_row_get_markup (VtMetadataRow *self);
const char *vt_metadata_row_get_spoken (VtMetadataRow *self);
void        vt_metadata_row_add_suffix (VtMetadataRow *self,
                                        GtkWidget     *suffix);

G_END_DECLS
