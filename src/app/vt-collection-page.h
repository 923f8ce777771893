/* vt-collection-page.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iiif/vt-collection.h"

#include "vt-session.h"

G_BEGIN_DECLS

#define VT_TYPE_COLLECTION_PAGE (vt_collection_page_get_type ())

G_DECLARE_FINAL_TYPE (VtCollectionPage, vt_collection_page, VT, COLLECTION_PAGE, AdwBin)

void        vt_collection_page_set_collection (VtCollectionPage *self,
                                               VtCollection     *collection);
const char *vt_collection_page_get_title      (VtCollectionPage *self);
guint       vt_collection_page_get_n_members  (VtCollectionPage *self);
guint       vt_collection_page_get_n_shown    (VtCollectionPage *self);
gboolean    vt_collection_page_show_more      (VtCollectionPage *self);
gboolean    vt_collection_page_activate       (VtCollectionPage *self,
                                               guint             index);
void        vt_collection_page_set_session    (VtCollectionPage *self,
                                               VtSession        *session);
guint       vt_collection_page_get_n_thumbnails (VtCollectionPage *self);
const char *vt_collection_page_get_subtitle   (VtCollectionPage *self,
                                               guint             index);

G_END_DECLS
