/* vt-annotation-target.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-selector.h"

G_BEGIN_DECLS

/**
 * VtAnnotationTarget:
 * @source: what is targeted (a canvas id, fragment removed; v3 `source`,
 *   v2 `full`, or the URI itself), or %NULL
 * @type: the target's type as written ("SpecificResource", "Canvas"…), or
 *   %NULL for a plain URI
 * @selectors: (element-type VtSelector): the selectors: a URI's `#xywh=`
 *   / `#t=` fragment becomes a %VT_SELECTOR_FRAGMENT; a v2 `oa:Choice` of
 *   selectors gives its default then its items; at most
 *   %VT_IIIF_MAX_SELECTORS
 *
 * One target of a #VtAnnotation: a whole canvas, or a part of it.
 */
typedef struct
{
  char      *source;
  char      *type;
  GPtrArray *selectors;
} VtAnnotationTarget;

#define VT_TYPE_ANNOTATION_TARGET (vt_annotation_target_get_type ())

GType               vt_annotation_target_get_type (void) G_GNUC_CONST;
VtAnnotationTarget *vt_annotation_target_new      (void);
VtAnnotationTarget *vt_annotation_target_ref      (VtAnnotationTarget *self);
void                vt_annotation_target_unref    (VtAnnotationTarget *self);
VtSelector         *vt_annotation_target_find_selector (const VtAnnotationTarget *self,
                                                        VtSelectorKind            kind);
gboolean            vt_annotation_target_get_rect (const VtAnnotationTarget *self,
                                                   gint64                    canvas_width,
                                                   gint64                    canvas_height,
                                                   VtRect                   *out_rect);
gboolean            vt_annotation_target_get_time (const VtAnnotationTarget *self,
                                                   double                   *out_start,
                                                   double                   *out_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAnnotationTarget, vt_annotation_target_unref)

G_END_DECLS
