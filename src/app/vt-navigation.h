/* vt-navigation.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-history.h"
#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_NAVIGATION (vt_navigation_get_type ())

G_DECLARE_FINAL_TYPE (VtNavigation, vt_navigation, VT, NAVIGATION, GObject)

VtNavigation *vt_navigation_new         (VtSession    *session);
VtSession    *vt_navigation_get_session (VtNavigation *self);
void          vt_navigation_set_session (VtNavigation *self,
                                         VtSession    *session);
VtViewing    *vt_navigation_get_viewing (VtNavigation *self);
VtHistory    *vt_navigation_get_history (VtNavigation *self);

VtViewing    *vt_navigation_open        (VtNavigation *self,
                                         const char   *input,
                                         const char   *default_organisation);
VtViewing    *vt_navigation_reload      (VtNavigation *self);
gboolean      vt_navigation_cancel      (VtNavigation *self);
gboolean      vt_navigation_go_back     (VtNavigation *self);
gboolean      vt_navigation_go_forward  (VtNavigation *self);

G_END_DECLS
