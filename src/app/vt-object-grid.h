/* vt-object-grid.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vt-session.h"

G_BEGIN_DECLS

/* The longest side of a thumbnail the grid asks for, in pixels: its tiles
 * at scale 2. */
#define VT_OBJECT_GRID_THUMBNAIL_SIZE 320

#define VT_TYPE_OBJECT_GRID (vt_object_grid_get_type ())

G_DECLARE_FINAL_TYPE (VtObjectGrid, vt_object_grid, VT, OBJECT_GRID, AdwBin)

GtkWidget  *vt_object_grid_new                (void);
void        vt_object_grid_set_label          (VtObjectGrid *self,
                                               const char   *label);
void        vt_object_grid_set_session        (VtObjectGrid *self,
                                               VtSession    *session);
void        vt_object_grid_remove_all         (VtObjectGrid *self);
void        vt_object_grid_append             (VtObjectGrid *self,
                                               const char   *location,
                                               const char   *title,
                                               const char   *subtitle,
                                               const char   *thumbnail_url);
void        vt_object_grid_set_recent         (VtObjectGrid *self,
                                               const char * const *entries);

guint       vt_object_grid_get_n_items        (VtObjectGrid *self);
const char *vt_object_grid_get_title          (VtObjectGrid *self,
                                               guint         index);
const char *vt_object_grid_get_location       (VtObjectGrid *self,
                                               guint         index);
guint       vt_object_grid_get_n_thumbnails   (VtObjectGrid *self);
gboolean    vt_object_grid_activate           (VtObjectGrid *self,
                                               guint         index);

char       *vt_recent_entry_new               (const char   *location,
                                               const char   *title,
                                               const char   *thumbnail_url);
gboolean    vt_recent_entry_parse             (const char   *entry,
                                               char        **location,
                                               char        **title,
                                               char        **thumbnail_url);

G_END_DECLS
