/* vt-search-page.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalogue/vt-catalogue-record.h"
#include "vt-session.h"

G_BEGIN_DECLS

/* The most results one search shows. */
#define VT_SEARCH_PAGE_MAX_RESULTS 60

#define VT_TYPE_SEARCH_PAGE (vt_search_page_get_type ())

G_DECLARE_FINAL_TYPE (VtSearchPage, vt_search_page, VT, SEARCH_PAGE, AdwBin)

GtkWidget         *vt_search_page_new              (void);
void               vt_search_page_set_session      (VtSearchPage *self,
                                                    VtSession    *session);
void               vt_search_page_refresh          (VtSearchPage *self);
void               vt_search_page_focus            (VtSearchPage *self);
const char        *vt_search_page_get_text         (VtSearchPage *self);
void               vt_search_page_set_text         (VtSearchPage *self,
                                                    const char   *text);
const char        *vt_search_page_get_organisation (VtSearchPage *self);
void               vt_search_page_set_organisation (VtSearchPage *self,
                                                    const char   *organisation);
void               vt_search_page_activate         (VtSearchPage *self);
gboolean           vt_search_page_is_searching     (VtSearchPage *self);
const char        *vt_search_page_get_state        (VtSearchPage *self);
const char        *vt_search_page_get_updated_text (VtSearchPage *self);
guint              vt_search_page_get_n_results    (VtSearchPage *self);
VtCatalogueRecord *vt_search_page_get_result       (VtSearchPage *self,
                                                    guint         index);
guint              vt_search_page_get_n_thumbnails (VtSearchPage *self);

G_END_DECLS
