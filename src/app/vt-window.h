/* vt-window.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vt-annotation-panel.h"
#include "iiif/vt-content-state.h"

#include "vt-application.h"
#include "vt-canvas-pane.h"
#include "vt-collection-page.h"
#include "vt-compare-view.h"
#include "vt-error-page.h"
#include "vt-metadata-view.h"
#include "vt-object-grid.h"
#include "vt-search-page.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

#define VT_TYPE_WINDOW (vt_window_get_type ())

G_DECLARE_FINAL_TYPE (VtWindow, vt_window, VT, WINDOW, AdwApplicationWindow)

VtWindow         *vt_window_new                (VtApplication *application);
void              vt_window_open_input         (VtWindow      *self,
                                                const char    *input);
gboolean          vt_window_open_dropped       (VtWindow      *self,
                                                const GValue  *value);
void              vt_window_open_content_state (VtWindow      *self,
                                                const VtContentState *state);
VtContentState   *vt_window_dup_view_content_state (VtWindow  *self);
GdkContentProvider *vt_window_create_view_drag_content (VtWindow *self);
void              vt_window_reload             (VtWindow      *self);
void              vt_window_cancel             (VtWindow      *self);
void              vt_window_show_search        (VtWindow      *self,
                                                const char    *text);
void              vt_window_compare            (VtWindow      *self,
                                                const char * const *inputs);
void              vt_window_compare_canvas     (VtWindow      *self,
                                                guint          index);

VtViewing        *vt_window_get_viewing        (VtWindow      *self);
const char       *vt_window_get_input          (VtWindow      *self);
const char       *vt_window_get_page_name      (VtWindow      *self);
const char       *vt_window_get_state_name     (VtWindow      *self);
const char       *vt_window_get_loading_text   (VtWindow      *self);
const char       *vt_window_get_organisation   (VtWindow      *self);
const char       *vt_window_get_entry_text     (VtWindow      *self);
gboolean          vt_window_get_action_enabled (VtWindow      *self,
                                                const char    *action_name);

VtMetadataView   *vt_window_get_metadata_view  (VtWindow      *self);
VtCanvasPane     *vt_window_get_canvas_pane    (VtWindow      *self);
VtAnnotationPanel *vt_window_get_annotation_panel (VtWindow    *self);
VtErrorPage      *vt_window_get_error_page     (VtWindow      *self);
VtCollectionPage *vt_window_get_collection_page (VtWindow     *self);
VtObjectGrid     *vt_window_get_recent_grid    (VtWindow      *self);
VtObjectGrid     *vt_window_get_examples_grid  (VtWindow      *self);
VtSearchPage     *vt_window_get_search_page    (VtWindow      *self);
VtCompareView    *vt_window_get_compare_view   (VtWindow      *self);

G_END_DECLS
