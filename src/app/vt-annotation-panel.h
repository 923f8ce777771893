/* vt-annotation-panel.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "canvas/vt-annotation-overlay.h"

#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_ANNOTATION_PANEL (vt_annotation_panel_get_type ())

G_DECLARE_FINAL_TYPE (VtAnnotationPanel, vt_annotation_panel, VT, ANNOTATION_PANEL, GtkWidget)

void         vt_annotation_panel_set_session  (VtAnnotationPanel   *self,
                                               VtSession           *session);
void         vt_annotation_panel_set_viewing  (VtAnnotationPanel   *self,
                                               VtViewing           *viewing);
void         vt_annotation_panel_set_overlay  (VtAnnotationPanel   *self,
                                               VtAnnotationOverlay *overlay);
const char  *vt_annotation_panel_get_language (VtAnnotationPanel   *self);
void         vt_annotation_panel_set_language (VtAnnotationPanel   *self,
                                               const char          *language);
void         vt_annotation_panel_set_query    (VtAnnotationPanel   *self,
                                               const char          *query);

/* For the tests: what the panel shows. */
guint        vt_annotation_panel_get_n_annotations (VtAnnotationPanel *self);
guint        vt_annotation_panel_get_n_pending     (VtAnnotationPanel *self);
guint        vt_annotation_panel_get_n_shown       (VtAnnotationPanel *self);
const char  *vt_annotation_panel_get_state         (VtAnnotationPanel *self);
GtkListBoxRow *vt_annotation_panel_get_row         (VtAnnotationPanel *self,
                                                    guint              index);
GtkListBoxRow *vt_annotation_panel_find_row        (VtAnnotationPanel *self,
                                                    const char        *annotation_id);
void         vt_annotation_panel_select_row        (VtAnnotationPanel *self,
                                                    GtkListBoxRow     *row);
GtkListBoxRow *vt_annotation_panel_get_selected_row (VtAnnotationPanel *self);

G_END_DECLS
