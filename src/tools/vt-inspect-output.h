/* vt-inspect-output.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iiif/vt-iiif.h"

G_BEGIN_DECLS

JsonNode *vt_inspect_document (VtIiifDocument     *doc,
                               const char * const *languages);

/* Members that vt-inspect-annotations.c writes the same way. */
void      vt_inspect_add_map  (JsonBuilder        *b,
                               const char         *name,
                               VtLanguageMap      *map);
void      vt_inspect_add_strv (JsonBuilder        *b,
                               const char         *name,
                               char              **strv);
void      vt_inspect_add_rect (JsonBuilder        *b,
                               const char         *name,
                               const VtRect       *rect);

G_END_DECLS
