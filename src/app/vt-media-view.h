/* vt-media-view.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-image-view.h"
#include "iiif/vt-manifest.h"

#include "vt-session.h"

G_BEGIN_DECLS

/**
 * VtMediaVisual:
 * @VT_MEDIA_VISUAL_NONE: nothing to see: an icon
 * @VT_MEDIA_VISUAL_VIDEO: the video
 * @VT_MEDIA_VISUAL_PLACEHOLDER: the placeholder canvas (before playing)
 * @VT_MEDIA_VISUAL_ACCOMPANYING: the accompanying canvas (while playing)
 *
 * What a #VtMediaView shows above its controls.
 */
typedef enum
{
  VT_MEDIA_VISUAL_NONE,
  VT_MEDIA_VISUAL_VIDEO,
  VT_MEDIA_VISUAL_PLACEHOLDER,
  VT_MEDIA_VISUAL_ACCOMPANYING,
} VtMediaVisual;

#define VT_TYPE_MEDIA_VIEW (vt_media_view_get_type ())

G_DECLARE_FINAL_TYPE (VtMediaView, vt_media_view, VT, MEDIA_VIEW, AdwBin)

GtkWidget      *vt_media_view_new              (VtSession          *session);
void            vt_media_view_set_canvas       (VtMediaView        *self,
                                                VtManifest         *manifest,
                                                guint               index);
void            vt_media_view_set_languages    (VtMediaView        *self,
                                                const char * const *languages);
GtkMediaStream *vt_media_view_get_stream       (VtMediaView        *self);
void            vt_media_view_play             (VtMediaView        *self);
void            vt_media_view_pause            (VtMediaView        *self);
void            vt_media_view_seek             (VtMediaView        *self,
                                                double              seconds);
double          vt_media_view_get_position     (VtMediaView        *self);
VtMediaVisual   vt_media_view_get_visual       (VtMediaView        *self);
VtImageView    *vt_media_view_get_image_view   (VtMediaView        *self);
const char     *vt_media_view_get_time_text    (VtMediaView        *self);
const char     *vt_media_view_get_caption_text (VtMediaView        *self);
const char     *vt_media_view_get_caption_language (VtMediaView    *self);
const char     *vt_media_view_get_error_text   (VtMediaView        *self);
guint           vt_media_view_get_n_sections   (VtMediaView        *self);
const char     *vt_media_view_get_section_label (VtMediaView       *self,
                                                 guint              index);
GdkPaintable   *vt_media_view_get_section_thumbnail (VtMediaView   *self,
                                                     guint          index,
                                                     gboolean      *shows);
gboolean        vt_media_view_activate_section (VtMediaView        *self,
                                                guint               index);
int             vt_media_view_get_current_section (VtMediaView     *self);

G_END_DECLS
