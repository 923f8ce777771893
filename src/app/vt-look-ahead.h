/* vt-look-ahead.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"

#include "vt-book.h"
#include "vt-session.h"
#include "vt-spread.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_LOOK_AHEAD (vt_look_ahead_get_type ())

G_DECLARE_FINAL_TYPE (VtLookAhead, vt_look_ahead, VT, LOOK_AHEAD, GObject)

VtLookAhead *vt_look_ahead_new         (VtImageView      *image_view);
void         vt_look_ahead_set_session (VtLookAhead      *self,
                                        VtSession        *session);
void         vt_look_ahead_turned      (VtLookAhead      *self,
                                        const VtBookView *view);
void         vt_look_ahead_reset       (VtLookAhead      *self);
void         vt_look_ahead_prefetch    (VtLookAhead      *self,
                                        VtViewing        *viewing,
                                        VtSpread         *spread);

G_END_DECLS
