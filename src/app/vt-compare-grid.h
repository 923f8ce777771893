/* vt-compare-grid.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_COMPARE_GRID (vt_compare_grid_get_type ())

G_DECLARE_FINAL_TYPE (VtCompareGrid, vt_compare_grid, VT, COMPARE_GRID, GtkWidget)

GtkWidget *vt_compare_grid_new               (void);
void       vt_compare_grid_append            (VtCompareGrid *self,
                                              GtkWidget     *child);
void       vt_compare_grid_remove            (VtCompareGrid *self,
                                              GtkWidget     *child);
gboolean   vt_compare_grid_get_allocating    (VtCompareGrid *self);
gboolean   vt_compare_grid_get_swipe         (VtCompareGrid *self);
void       vt_compare_grid_set_swipe         (VtCompareGrid *self,
                                              gboolean       swipe);
double     vt_compare_grid_get_swipe_position (VtCompareGrid *self);
void       vt_compare_grid_set_swipe_position (VtCompareGrid *self,
                                               double         position);

G_END_DECLS
