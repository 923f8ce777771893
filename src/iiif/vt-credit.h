/* vt-credit.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtCreditKind:
 * @VT_CREDIT_OTHER: text without a known prefix, shown as written
 * @VT_CREDIT_RIGHTS_HOLDER: `rightsholder:`, who holds the rights
 * @VT_CREDIT_PHOTOGRAPHER: `photographer:`, who made the photograph
 * @VT_CREDIT_SOURCE: `source:`, where the image comes from
 * @VT_CREDIT_CREATOR: `creator:` or `maker:`, who made the object
 *
 * What one part of an attribution says, by the English prefix that Ghent's
 * manifest generator writes before it, so that it can be shown under a
 * label in the user's language.
 */
typedef enum
{
  VT_CREDIT_OTHER,
  VT_CREDIT_RIGHTS_HOLDER,
  VT_CREDIT_PHOTOGRAPHER,
  VT_CREDIT_SOURCE,
  VT_CREDIT_CREATOR,
} VtCreditKind;

/**
 * VtCredit:
 * @kind: what the part says
 * @text: the part without its prefix (the whole part for
 *   %VT_CREDIT_OTHER), trimmed
 */
typedef struct
{
  VtCreditKind  kind;
  char         *text;
} VtCredit;

void        vt_credit_free          (VtCredit   *self);
GPtrArray  *vt_credits_parse        (const char *attribution);
const char *vt_credit_kind_get_label (VtCreditKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCredit, vt_credit_free)

G_END_DECLS
