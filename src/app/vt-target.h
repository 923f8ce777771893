/* vt-target.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "iiif/vt-content-state.h"

G_BEGIN_DECLS

/**
 * VtTargetKind:
 * @VT_TARGET_GHENT: an object of one of Ghent's organisations, by number
 * @VT_TARGET_URL: a manifest or collection by its address (a plain URL, a
 *   drag-and-drop link or a Content State)
 * @VT_TARGET_FILE: a local file: a manifest or an image
 */
typedef enum
{
  VT_TARGET_GHENT,
  VT_TARGET_URL,
  VT_TARGET_FILE,
} VtTargetKind;

/**
 * VtTarget:
 * @kind: what the input names
 * @input: the input as given, trimmed
 * @location: what history and the recent objects keep: opening it again
 *   resolves to the same target
 * @uri: the manifest's address, or the file's URI
 * @display_name: how to name the target while it loads: `dmg:1987-1049`,
 *   the address, or the file's name
 * @organisation: (nullable): the Ghent organisation's abbreviation
 * @number: (nullable): the Ghent object number
 * @web_page_url: (nullable): the Ghent object's public web page
 * @canvas_id: (nullable): the canvas a link asks to start on
 * @content_state: (nullable): the IIIF Content State the input carried (a
 *   `?iiif-content=` or drag-and-drop link, or a pasted state): its first
 *   target is this target, with the region to show; further targets are
 *   for vt_window_open_content_state()
 *
 * What an input resolves to, before anything is fetched.
 */
typedef struct
{
  VtTargetKind  kind;
  char         *input;
  char         *location;
  char         *uri;
  char         *display_name;
  char         *organisation;
  char         *number;
  char         *web_page_url;
  char         *canvas_id;
  VtContentState *content_state;
} VtTarget;

#define VT_TYPE_TARGET (vt_target_get_type ())

GType     vt_target_get_type (void) G_GNUC_CONST;
VtTarget *vt_target_resolve  (const char      *input,
                              const char      *default_organisation,
                              const char      *api_base,
                              GError         **error);
VtTarget *vt_target_copy     (const VtTarget  *self);
void      vt_target_free     (VtTarget        *self);
const VtContentStateTarget *vt_target_get_view (const VtTarget *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTarget, vt_target_free)

G_END_DECLS
