/* vt-media-section-row.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vt-media-sections.h"
#include "vt-thumbnail-loader.h"

G_BEGIN_DECLS

/* The longer side of a section's thumbnail, in pixels. */
#define VT_MEDIA_SECTION_THUMBNAIL_SIZE 64

#define VT_TYPE_MEDIA_SECTION_ROW (vt_media_section_row_get_type ())

G_DECLARE_FINAL_TYPE (VtMediaSectionRow, vt_media_section_row, VT, MEDIA_SECTION_ROW, GtkListBoxRow)

GtkWidget    *vt_media_section_row_new           (const VtMediaSection *section,
                                                  gboolean              align,
                                                  VtThumbnailLoader    *loader,
                                                  GCancellable         *cancellable);
gboolean      vt_media_section_row_has_thumbnail (VtMediaSectionRow    *self);
GdkPaintable *vt_media_section_row_get_thumbnail (VtMediaSectionRow    *self);

G_END_DECLS
