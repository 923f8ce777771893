/* vt-spread.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"
#include "iiif/vt-book-layout.h"

#include "vt-page.h"
#include "vt-session.h"

G_BEGIN_DECLS

#define VT_TYPE_SPREAD (vt_spread_get_type ())

G_DECLARE_FINAL_TYPE (VtSpread, vt_spread, VT, SPREAD, GObject)

VtSpread *vt_spread_new          (VtSession        *session,
                                  VtManifest       *manifest,
                                  const VtBookView *view,
                                  VtPage           *page,
                                  VtImageView      *image_view);
gboolean  vt_spread_shows        (VtSpread         *self,
                                  const VtBookView *view);
gboolean  vt_spread_is_complete  (VtSpread         *self);
guint     vt_spread_get_n_pages  (VtSpread         *self);
VtPage   *vt_spread_get_page     (VtSpread         *self,
                                  guint             position);
void      vt_spread_get_placement (VtSpread        *self,
                                   guint            position,
                                   graphene_rect_t *placement);

G_END_DECLS
