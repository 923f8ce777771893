/* vt-annotation.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-annotation-body.h"
#include "vt-annotation-target.h"
#include "vt-language-map.h"

G_BEGIN_DECLS

/**
 * VtAnnotation:
 * @id: annotation id, or %NULL
 * @motivation: (array zero-terminated=1): motivations with any prefix
 *   removed ("commenting", "tagging", "supplementing"…; v2
 *   "oa:commenting" → "commenting"); never %NULL, maybe empty
 * @label: (nullable): label
 * @bodies: (element-type VtAnnotationBody): bodies, in order (at most
 *   %VT_IIIF_MAX_BODIES); may be empty (a highlighting annotation)
 * @targets: (element-type VtAnnotationTarget): targets (at most
 *   %VT_IIIF_MAX_BODIES); may be empty in broken documents
 *
 * A non-painting annotation (commenting, tagging, describing, linking,
 * supplementing, highlighting…) from a v3 AnnotationPage or a v2
 * AnnotationList, embedded or fetched. Painting annotations are
 * #VtPaintingAnnotation in #VtCanvas.annotations.
 */
typedef struct
{
  char          *id;
  char         **motivation;
  VtLanguageMap *label;
  GPtrArray     *bodies;
  GPtrArray     *targets;
} VtAnnotation;

#define VT_TYPE_ANNOTATION (vt_annotation_get_type ())

GType             vt_annotation_get_type       (void) G_GNUC_CONST;
VtAnnotation     *vt_annotation_new            (void);
VtAnnotation     *vt_annotation_ref            (VtAnnotation *self);
void              vt_annotation_unref          (VtAnnotation *self);
gboolean          vt_annotation_has_motivation (const VtAnnotation *self,
                                                const char         *motivation);
VtAnnotationBody *vt_annotation_get_text       (const VtAnnotation  *self,
                                                const char * const  *languages);
VtAnnotationBody *vt_annotation_get_choice     (const VtAnnotation  *self,
                                                guint                choice,
                                                const char * const  *languages);
gboolean          vt_annotation_shows_body     (const VtAnnotation     *self,
                                                const VtAnnotationBody *body,
                                                const char * const     *languages);
VtAnnotationTarget *vt_annotation_get_target   (const VtAnnotation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAnnotation, vt_annotation_unref)

G_END_DECLS
