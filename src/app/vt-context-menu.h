/* vt-context-menu.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the menu to show for @widget now, or NULL for none. */
typedef GMenuModel *(*VtContextMenuFunc) (GtkWidget *widget,
                                          gpointer   user_data);

void vt_context_menu_attach (GtkWidget         *widget,
                             VtContextMenuFunc  func,
                             gpointer           user_data);

G_END_DECLS
