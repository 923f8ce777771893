/* vt-toc-entry.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-manifest.h"

G_BEGIN_DECLS

#define VT_TYPE_TOC_ENTRY (vt_toc_entry_get_type ())

G_DECLARE_FINAL_TYPE (VtTocEntry, vt_toc_entry, VT, TOC_ENTRY, GObject)

GListModel *vt_toc_entry_build_tree       (VtManifest *manifest);
const char *vt_toc_entry_get_label        (VtTocEntry *self);
int         vt_toc_entry_get_canvas_index (VtTocEntry *self);
gboolean    vt_toc_entry_get_region       (VtTocEntry *self,
                                           VtRect     *region);
GListModel *vt_toc_entry_get_children     (VtTocEntry *self);

G_END_DECLS
