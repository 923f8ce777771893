/* vt-object-extras.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "vt-session.h"
#include "vt-target.h"

G_BEGIN_DECLS

#define VT_TYPE_OBJECT_EXTRAS (vt_object_extras_get_type ())

G_DECLARE_FINAL_TYPE (VtObjectExtras, vt_object_extras, VT, OBJECT_EXTRAS, GObject)

VtObjectExtras    *vt_object_extras_new           (VtSession      *session);
void               vt_object_extras_load_logo     (VtObjectExtras *self,
                                                   const char     *url,
                                                   GCancellable   *cancellable);
void               vt_object_extras_lookup_record (VtObjectExtras *self,
                                                   const VtTarget *target,
                                                   GCancellable   *cancellable);
GdkPaintable      *vt_object_extras_get_logo      (VtObjectExtras *self);
VtCatalogueRecord *vt_object_extras_get_record    (VtObjectExtras *self);

G_END_DECLS
