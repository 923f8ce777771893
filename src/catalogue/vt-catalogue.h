/* vt-catalogue.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-catalogue-error.h"
#include "vt-catalogue-record.h"

G_BEGIN_DECLS

#define VT_TYPE_CATALOGUE (vt_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (VtCatalogue, vt_catalogue, VT, CATALOGUE, GObject)

char              *vt_catalogue_dup_default_path (void);
VtCatalogue       *vt_catalogue_open             (const char          *path,
                                                  GError             **error);
/* The same in a worker thread: the integrity check reads the whole file
 * (about 0.1 s for 40,000 objects), too long for the main thread. */
void               vt_catalogue_open_async       (const char          *path,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
VtCatalogue       *vt_catalogue_open_finish      (GAsyncResult        *result,
                                                  GError             **error);
gboolean           vt_catalogue_rebuild          (const char          *path,
                                                  GError             **error);
const char        *vt_catalogue_get_path         (VtCatalogue         *self);

GPtrArray         *vt_catalogue_search           (VtCatalogue         *self,
                                                  const char          *query,
                                                  const char          *org,
                                                  guint                limit,
                                                  GError             **error);
void               vt_catalogue_search_async     (VtCatalogue         *self,
                                                  const char          *query,
                                                  const char          *org,
                                                  guint                limit,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray         *vt_catalogue_search_finish    (VtCatalogue         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

VtCatalogueRecord *vt_catalogue_lookup           (VtCatalogue         *self,
                                                  const char          *org,
                                                  const char          *object_number,
                                                  GError             **error);

typedef struct {
  char   *org;
  guint64 objects;
  gint64  last_sync;   /* unix seconds of the last completed sync, 0 = never */
  gboolean complete;   /* FALSE while a harvest is unfinished (resumable) */
} VtCatalogueOrgInfo;

void               vt_catalogue_org_info_free    (VtCatalogueOrgInfo  *info);
GPtrArray         *vt_catalogue_list_orgs        (VtCatalogue         *self,
                                                  GError             **error);
gint64             vt_catalogue_get_size_bytes   (VtCatalogue         *self);
gboolean           vt_catalogue_remove_org       (VtCatalogue         *self,
                                                  const char          *org,
                                                  GError             **error);

G_END_DECLS
