/* vt-annotation-row.h
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

#define VT_TYPE_ANNOTATION_ROW (vt_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (VtAnnotationRow, vt_annotation_row, VT, ANNOTATION_ROW, GtkListBoxRow)

GtkWidget    *vt_annotation_row_new             (VtAnnotation       *annotation,
                                                 const char * const *languages);
VtAnnotation *vt_annotation_row_get_annotation  (VtAnnotationRow    *self);
void          vt_annotation_row_set_languages   (VtAnnotationRow    *self,
                                                 const char * const *languages);
void          vt_annotation_row_set_layer       (VtAnnotationRow    *self,
                                                 const char         *layer);
const char   *vt_annotation_row_get_layer_text  (VtAnnotationRow    *self);
int           vt_annotation_row_get_item        (VtAnnotationRow    *self);
void          vt_annotation_row_set_item        (VtAnnotationRow    *self,
                                                 int                 item);
gboolean      vt_annotation_row_matches         (VtAnnotationRow    *self,
                                                 const char         *folded_query);
gboolean      vt_annotation_row_has_images      (VtAnnotationRow    *self);
void          vt_annotation_row_load_images     (VtAnnotationRow    *self,
                                                 VtThumbnailLoader  *loader);

/* For the tests: what the row shows. */
const char   *vt_annotation_row_get_markup      (VtAnnotationRow    *self);
char        **vt_annotation_row_dup_tags        (VtAnnotationRow    *self);
char        **vt_annotation_row_dup_links       (VtAnnotationRow    *self);
guint         vt_annotation_row_get_n_loading   (VtAnnotationRow    *self);
GtkPicture   *vt_annotation_row_get_picture     (VtAnnotationRow    *self,
                                                 guint               index);

char         *vt_annotation_fold_text           (const char         *text);

G_END_DECLS
