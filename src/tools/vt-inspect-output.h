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

G_END_DECLS
