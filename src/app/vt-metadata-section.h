/* vt-metadata-section.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-metadata-row.h"

G_BEGIN_DECLS

#define VT_TYPE_METADATA_SECTION (vt_metadata_section_get_type ())

G_DECLARE_FINAL_TYPE (VtMetadataSection, vt_metadata_section, VT, METADATA_SECTION, GtkWidget)

GtkWidget     *vt_metadata_section_new          (const char         *title);
const char    *vt_metadata_section_get_title    (VtMetadataSection  *self);
void           vt_metadata_section_set_title    (VtMetadataSection  *self,
                                                 const char         *title);
VtMetadataRow *vt_metadata_section_append       (VtMetadataSection  *self,
                                                 const char         *label,
                                                 const char         *markup);
void           vt_metadata_section_clear        (VtMetadataSection  *self);
void           vt_metadata_section_set_rows     (VtMetadataSection  *self,
                                                 const char * const *rows);
void           vt_metadata_section_collect_rows (VtMetadataSection  *self,
                                                 GPtrArray          *rows);

G_END_DECLS
