/* vt-catalogue-rows.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalogue/vt-catalogue-record.h"

G_BEGIN_DECLS

char  *vt_catalogue_record_dup_makers_text (const VtCatalogueRecord *record);
char **vt_catalogue_record_dup_rows        (const VtCatalogueRecord *record);
char  *vt_catalogue_record_dup_object_id   (const VtCatalogueRecord *record);
char  *vt_catalogue_record_dup_thumbnail_url (const VtCatalogueRecord *record,
                                              guint                    size);

char  *vt_catalogue_dup_thumbnail_cache_path (const char *object_id);

G_END_DECLS
