/* vt-media-annotations.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-manifest.h"
#include "iiif/vt-webvtt.h"
#include "net/vt-client.h"

G_BEGIN_DECLS

#define VT_TYPE_MEDIA_ANNOTATIONS (vt_media_annotations_get_type ())

G_DECLARE_FINAL_TYPE (VtMediaAnnotations, vt_media_annotations, VT, MEDIA_ANNOTATIONS, GObject)

VtMediaAnnotations *vt_media_annotations_new       (VtClient           *client,
                                                    VtManifest         *manifest,
                                                    guint               index,
                                                    const char * const *languages);
void                vt_media_annotations_set_languages (VtMediaAnnotations *self,
                                                        const char * const *languages);
GPtrArray          *vt_media_annotations_get_sections (VtMediaAnnotations *self);
VtWebVtt           *vt_media_annotations_get_captions (VtMediaAnnotations *self);
const char         *vt_media_annotations_get_caption_language (VtMediaAnnotations *self);

G_END_DECLS
