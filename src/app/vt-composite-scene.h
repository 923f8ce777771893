/* vt-composite-scene.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "canvas/vt-image-view.h"

#include "vt-layer-popover.h"
#include "vt-page.h"

G_BEGIN_DECLS

#define VT_TYPE_COMPOSITE_SCENE (vt_composite_scene_get_type ())

G_DECLARE_FINAL_TYPE (VtCompositeScene, vt_composite_scene, VT, COMPOSITE_SCENE, GObject)

VtCompositeScene *vt_composite_scene_new         (VtImageView      *image_view,
                                                  GtkBox           *controls);
void              vt_composite_scene_show        (VtCompositeScene *self,
                                                  VtPage           *page);
void              vt_composite_scene_drop        (VtCompositeScene *self);
void              vt_composite_scene_set_language (VtCompositeScene *self,
                                                   const char       *language);
char             *vt_composite_scene_dup_text    (VtCompositeScene *self);
VtLayerPopover   *vt_composite_scene_get_popover (VtCompositeScene *self);
gboolean          vt_composite_scene_get_button_shown (VtCompositeScene *self);

G_END_DECLS
