/* vt-annotation-image.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-annotation.h"

#include "vt-thumbnail-loader.h"

G_BEGIN_DECLS

/* The longest side of an annotation's picture, in pixels. */
#define VT_ANNOTATION_IMAGE_SIZE 240

#define VT_TYPE_ANNOTATION_IMAGE (vt_annotation_image_get_type ())

G_DECLARE_FINAL_TYPE (VtAnnotationImage, vt_annotation_image, VT, ANNOTATION_IMAGE, GtkWidget)

gboolean          vt_annotation_image_accepts     (const VtAnnotationBody *body);
GtkWidget        *vt_annotation_image_new         (VtAnnotationBody       *body,
                                                   GtkLabel               *caption);
VtAnnotationBody *vt_annotation_image_get_body    (VtAnnotationImage      *self);
GtkLabel         *vt_annotation_image_get_caption (VtAnnotationImage      *self);
GtkPicture       *vt_annotation_image_get_picture (VtAnnotationImage      *self);
void              vt_annotation_image_set_name    (VtAnnotationImage      *self,
                                                   const char             *name);
void              vt_annotation_image_load        (VtAnnotationImage      *self,
                                                   VtThumbnailLoader      *loader);
gboolean          vt_annotation_image_is_loading  (VtAnnotationImage      *self);

G_END_DECLS
