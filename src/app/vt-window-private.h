/* vt-window-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "canvas/vt-image-view.h"
#include "iiif/vt-iiif-document.h"

#include "vt-history.h"
#include "vt-canvas-strip.h"
#include "vt-metadata-view.h"
#include "vt-window.h"

G_BEGIN_DECLS

/* What the window shows. Each error state is a designed page of its own,
 * with an icon, a title, a description and an action. */
typedef enum
{
  VT_WINDOW_STATE_WELCOME,
  VT_WINDOW_STATE_LOADING,
  VT_WINDOW_STATE_VIEWER,
  VT_WINDOW_STATE_COLLECTION,
  VT_WINDOW_STATE_NOT_PUBLIC,
  VT_WINDOW_STATE_NOT_FOUND,
  VT_WINDOW_STATE_AUTH_REQUIRED,
  VT_WINDOW_STATE_OFFLINE,
  VT_WINDOW_STATE_TIMEOUT,
  VT_WINDOW_STATE_SERVER_ERROR,
  VT_WINDOW_STATE_NOT_IIIF,
  VT_WINDOW_STATE_INVALID_INPUT,
  VT_WINDOW_STATE_FAILED,
} VtWindowState;

struct _VtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  VtHistory            *history;
  GCancellable         *load_cancellable;
  GCancellable         *canvas_cancellable;
  VtManifest           *manifest;
  guint                 canvas_index;
  gulong                collection_row_handler;
  VtImageView          *image_view;
  VtMetadataView       *metadata_view;
  VtCanvasStrip        *canvas_strip;

  /* What the user asked for, and what we made of it */
  char                 *input;
  char                 *location;
  char                 *manifest_url;
  char                 *display_name;
  char                 *organisation;
  char                 *start_canvas_id;
  char                 *web_page_url;
  char                 *object_title;
  VtWindowState         state;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *header_revealer;
  AdwHeaderBar         *header_bar;
  GtkDropDown          *organisation_dropdown;
  GtkEntry             *object_entry;
  GtkMenuButton        *recent_button;
  GMenu                *recent_section;
  GtkToggleButton      *sidebar_button;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  GtkListBox           *examples_box;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  AdwStatusPage        *error_page;
  GtkLabel             *error_message_label;
  GtkButton            *error_primary_button;
  GtkButton            *error_secondary_button;
  GtkExpander          *error_details_expander;
  GtkLabel             *error_details_label;
  GtkLabel             *collection_title_label;
  GtkLabel             *collection_summary_label;
  GtkListBox           *collection_list;
  AdwFlap              *flap;
  GtkOverlay           *canvas_overlay;
  GtkProgressBar       *progress_bar;
  GtkWidget            *zoom_controls;
  AdwStatusPage        *canvas_status_page;
  GtkRevealer          *strip_revealer;
  GtkBox               *strip_box;
  GtkBox               *sidebar_box;

  guint                 inhibit_organisation_changed : 1;
};

void  _vt_window_class_actions_init (VtWindowClass *klass);
void  _vt_window_update_actions     (VtWindow      *self);
void  _vt_window_dnd_init           (VtWindow      *self);
gboolean _vt_window_drop_value      (VtWindow      *self,
                                     const GValue  *value);
void  _vt_window_set_state          (VtWindow      *self,
                                     VtWindowState  state);
void  _vt_window_show_error         (VtWindow      *self,
                                     const GError  *error);
void  _vt_window_add_recent         (VtWindow      *self,
                                     const char    *location,
                                     const char    *title);
void  _vt_window_reload_recent      (VtWindow      *self);
GParamSpec *_vt_window_input_pspec   (void);
gboolean    _vt_window_resolve_input (VtWindow        *self,
                                      const char      *input,
                                      GError         **error);
void  _vt_window_organisations_init (VtWindow      *self);
void  _vt_window_fetch_manifest     (VtWindow      *self,
                                     gboolean       reload);
void  _vt_window_view_init          (VtWindow      *self);
void  _vt_window_show_document      (VtWindow       *self,
                                     VtIiifDocument *document);
void  _vt_window_show_canvas        (VtWindow      *self,
                                     guint          index);
void  _vt_window_open_canvas_source (VtWindow      *self,
                                     VtCanvas      *canvas);
void  _vt_window_strip_set_manifest (VtWindow      *self,
                                     VtManifest    *manifest);
void  _vt_window_strip_select       (VtWindow      *self,
                                     guint          index);
void  _vt_window_toast              (VtWindow      *self,
                                     const char    *message);

G_END_DECLS
