/* vt-inspect-annotations.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iiif/vt-iiif.h"

G_BEGIN_DECLS

void vt_inspect_add_canvas_content  (JsonBuilder        *b,
                                     VtCanvas           *canvas,
                                     const char * const *languages);
void vt_inspect_add_manifest_extras (JsonBuilder        *b,
                                     VtManifest         *m,
                                     const char * const *languages);
void vt_inspect_add_range_extras    (JsonBuilder        *b,
                                     VtRange            *range);

G_END_DECLS
