/* vt-search-result-row.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "catalogue/vt-catalogue-record.h"
#include "vt-session.h"
#include "vt-thumbnail-loader.h"

G_BEGIN_DECLS

#define VT_TYPE_SEARCH_RESULT_ROW (vt_search_result_row_get_type ())

G_DECLARE_FINAL_TYPE (VtSearchResultRow, vt_search_result_row, VT, SEARCH_RESULT_ROW, GtkBox)

GObject           *vt_search_result_item_new         (VtCatalogueRecord *record);
VtCatalogueRecord *vt_search_result_item_get_record  (GObject           *item);
GdkTexture        *vt_search_result_item_get_texture (GObject           *item);

GtkWidget         *vt_search_result_row_new          (void);
void               vt_search_result_row_bind         (VtSearchResultRow *self,
                                                      GObject           *item,
                                                      VtSession         *session,
                                                      VtThumbnailLoader *thumbnails);
void               vt_search_result_row_unbind       (VtSearchResultRow *self);

G_END_DECLS
