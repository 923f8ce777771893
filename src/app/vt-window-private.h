/* vt-window-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-annotation-panel.h"
#include "vt-canvas-pane.h"
#include "vt-collection-page.h"
#include "vt-compare-view.h"
#include "vt-error-page.h"
#include "vt-find-bar.h"
#include "vt-navigation.h"
#include "vt-object-grid.h"
#include "vt-metadata-view.h"
#include "vt-search-page.h"
#include "vt-session.h"
#include "vt-viewing.h"
#include "vt-window.h"

G_BEGIN_DECLS

/* Shared by the window (vt-window.c, the centre: it owns the object on
 * screen and binds every part to it) and its satellites (vt-window-actions.c,
 * vt-window-dnd.c, vt-window-export.c), which call only into the centre. */
struct _VtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  VtNavigation         *navigation;

  /* The object on screen, as the window's parts are bound to it. */
  VtViewing            *viewing;
  GSignalGroup         *viewing_signals;
  char                 *state_name;
  GHashTable           *enabled_actions;

  /* After a while without an answer, the loading page names the server
   * it waits for; restarted with every new object on screen. */
  guint                 still_waiting_id;
  guint                 still_waiting : 1;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *header_revealer;
  AdwHeaderBar         *header_bar;
  GtkWidget            *forward_button;
  GtkMenuButton        *open_menu_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *open_menu;
  GMenuModel           *primary_menu;
  GMenu                *narrow_menu;
  VtFindBar            *find_bar;
  GtkToggleButton      *sidebar_button;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  VtObjectGrid         *examples_grid;
  VtObjectGrid         *recent_grid;
  GtkWidget            *recent_box;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  VtErrorPage          *error_page;
  VtCollectionPage     *collection_page;
  AdwFlap              *flap;
  VtCanvasPane         *canvas_pane;
  GtkBox               *sidebar_box;
  VtMetadataView       *metadata_view;
  VtAnnotationPanel    *annotation_panel;
  GtkStack             *sidebar_stack;

  /* Not in the template: vt-window-search.c adds it to the stack. */
  VtSearchPage         *search_page;

  /* Not in the template: vt-window-share.c packs it into the header bar. */
  GtkWidget            *share_handle;
  /* Not in the template: vt-window-compare.c adds it to the stack. */
  VtCompareView        *compare_view;
  GSignalGroup         *compare_viewing_signals;

};

/* Satellites: set up by the centre. */
void        _vt_window_class_actions_init (VtWindowClass *klass);
void        _vt_window_update_actions     (VtWindow      *self);
void        _vt_window_class_export_init  (VtWindowClass *klass);
void        _vt_window_update_export_actions (VtWindow   *self,
                                              gboolean    viewer);
void        _vt_window_dnd_init           (VtWindow      *self);
void        _vt_window_welcome_init       (VtWindow      *self);
void        _vt_window_welcome_set_session (VtWindow     *self,
                                            VtSession    *session);
void        _vt_window_class_search_init  (VtWindowClass *klass);
void        _vt_window_search_init        (VtWindow      *self);
void        _vt_window_sync_catalogue     (VtWindow      *self);
void        _vt_window_class_adaptive_init (VtWindowClass *klass);
void        _vt_window_adaptive_init      (VtWindow      *self);
void        _vt_window_class_share_init   (VtWindowClass *klass);
void        _vt_window_share_init         (VtWindow      *self);
void        _vt_window_share_update_actions (VtWindow    *self);
gboolean    _vt_window_share_is_own_drag  (VtWindow      *self,
                                           GdkDrag       *drag);
gboolean    _vt_window_share_open_several (VtWindow      *self,
                                           const char    *input);

void        _vt_window_class_compare_init (VtWindowClass *klass);
void        _vt_window_compare_init       (VtWindow      *self);
void        _vt_window_update_compare_actions (VtWindow  *self);
gboolean    _vt_window_is_comparing       (VtWindow      *self);
gboolean    _vt_window_leave_compare      (VtWindow      *self);
VtViewing  *_vt_window_get_active_viewing (VtWindow      *self);
VtImageView *_vt_window_get_active_image_view (VtWindow  *self);

/* The centre, for its satellites. */
void        _vt_window_set_state_name     (VtWindow      *self,
                                           const char    *name);
void        _vt_window_set_action_enabled (VtWindow      *self,
                                           const char    *action_name,
                                           gboolean       enabled);
void        _vt_window_sync_page          (VtWindow      *self);
void        _vt_window_toast              (VtWindow      *self,
                                           const char    *message);

G_END_DECLS
