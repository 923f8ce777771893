/* vt-error-page.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalogue/vt-catalogue-record.h"

G_BEGIN_DECLS

#define VT_TYPE_ERROR_PAGE (vt_error_page_get_type ())

G_DECLARE_FINAL_TYPE (VtErrorPage, vt_error_page, VT, ERROR_PAGE, AdwBin)

const char *vt_error_page_show           (VtErrorPage  *self,
                                          const GError *error,
                                          const char   *what,
                                          const char   *web_page_url);
void        vt_error_page_set_catalogue_record (VtErrorPage       *self,
                                                VtCatalogueRecord *record);
char       *vt_error_page_get_catalogue_text   (VtErrorPage       *self);
const char *vt_error_page_get_title      (VtErrorPage  *self);
const char *vt_error_page_get_description (VtErrorPage *self);
const char *vt_error_page_get_message    (VtErrorPage  *self);
const char *vt_error_page_get_primary_action (VtErrorPage *self);
void        vt_error_page_set_narrow     (VtErrorPage  *self,
                                          gboolean      narrow);

G_END_DECLS
