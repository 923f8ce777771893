/* vt-manifest-rows.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vt-manifest.h"

G_BEGIN_DECLS

char  *vt_manifest_dup_title         (const VtManifest   *self,
                                      const char * const *languages);
char **vt_manifest_dup_metadata_rows (const VtManifest   *self,
                                      const char * const *languages);
char **vt_manifest_dup_place_rows   (const VtManifest   *self,
                                      const char * const *languages);
char **vt_manifest_dup_rights_rows   (const VtManifest   *self,
                                      guint               canvas_index,
                                      const char * const *languages);
char **vt_manifest_dup_provider_rows (const VtManifest   *self,
                                      const char * const *languages);
char **vt_manifest_dup_link_rows     (const VtManifest   *self,
                                      const char * const *languages);
char **vt_manifest_dup_page_rows     (const VtManifest   *self,
                                      guint               canvas_index,
                                      const char * const *languages);

G_END_DECLS
