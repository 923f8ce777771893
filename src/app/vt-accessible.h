/* vt-accessible.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vt_accessible_tidy                    (GtkWidget  *root);
void vt_accessible_drop_tooltip_description (GtkWidget  *widget);
void vt_accessible_name_button             (GtkWidget  *button);
void vt_accessible_follow_stack            (GtkStack   *stack);
void vt_accessible_set_label               (GtkWidget  *widget,
                                            const char *label);

G_END_DECLS
