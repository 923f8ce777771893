/* vt-history.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VT_TYPE_HISTORY (vt_history_get_type ())

G_DECLARE_FINAL_TYPE (VtHistory, vt_history, VT, HISTORY, GObject)

VtHistory   *vt_history_new             (void);
void         vt_history_push            (VtHistory  *self,
                                         const char *location);
const char  *vt_history_get_current     (VtHistory  *self);
gboolean     vt_history_get_can_go_back (VtHistory  *self);
gboolean     vt_history_get_can_go_forward (VtHistory *self);
const char  *vt_history_go_back         (VtHistory  *self);
const char  *vt_history_go_forward      (VtHistory  *self);

G_END_DECLS
