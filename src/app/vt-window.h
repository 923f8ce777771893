/* vt-window.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vt-application.h"

G_BEGIN_DECLS

#define VT_TYPE_WINDOW (vt_window_get_type ())

G_DECLARE_FINAL_TYPE (VtWindow, vt_window, VT, WINDOW, AdwApplicationWindow)

VtWindow   *vt_window_new            (VtApplication *application);
void        vt_window_open_input     (VtWindow      *self,
                                      const char    *input);
const char *vt_window_get_input      (VtWindow      *self);
const char *vt_window_get_page_name  (VtWindow      *self);
const char *vt_window_get_state_name (VtWindow      *self);
void        vt_window_reload         (VtWindow      *self);
void        vt_window_cancel         (VtWindow      *self);

G_END_DECLS
