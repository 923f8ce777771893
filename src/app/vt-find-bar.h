/* vt-find-bar.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_FIND_BAR (vt_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (VtFindBar, vt_find_bar, VT, FIND_BAR, AdwBin)

void        vt_find_bar_show_viewing             (VtFindBar  *self,
                                                  VtViewing  *viewing);
const char *vt_find_bar_get_organisation         (VtFindBar  *self);
char       *vt_find_bar_dup_default_organisation (VtFindBar  *self);
const char *vt_find_bar_get_text                 (VtFindBar  *self);
void        vt_find_bar_focus                    (VtFindBar  *self);
gboolean    vt_find_bar_get_compact              (VtFindBar  *self);
void        vt_find_bar_set_compact              (VtFindBar  *self,
                                                  gboolean    compact);
GMenuModel *vt_find_bar_get_recent_menu          (VtFindBar  *self);
void        vt_find_bar_add_recent               (VtFindBar  *self,
                                                  const char *location,
                                                  const char *title,
                                                  const char *thumbnail_url);

G_END_DECLS
