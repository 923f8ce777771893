/* vt-rights.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtRightsKind:
 * @VT_RIGHTS_UNKNOWN: not a URI this module knows
 * @VT_RIGHTS_CREATIVE_COMMONS: a Creative Commons licence or public domain
 *   tool (creativecommons.org)
 * @VT_RIGHTS_STATEMENT: a RightsStatements.org statement
 */
typedef enum
{
  VT_RIGHTS_UNKNOWN = 0,
  VT_RIGHTS_CREATIVE_COMMONS,
  VT_RIGHTS_STATEMENT,
} VtRightsKind;

VtRightsKind vt_rights_describe     (const char  *uri,
                                     char       **out_name,
                                     char       **out_link);
gboolean     vt_rights_allows_reuse (const char  *uri);

G_END_DECLS
