/* vt-annotation-body.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-canvas.h"
#include "vt-language-map.h"
#include "vt-selector.h"

G_BEGIN_DECLS

/**
 * VtAnnotationBody:
 * @is_text: whether this is a TextualBody (v2 `cnt:ContentAsText`,
 *   `dctypes:Text` with `chars`): then @value holds the text
 * @id: the resource URI (external resources; a SpecificResource's source),
 *   or %NULL
 * @type: `type`/`@type` as written, or %NULL
 * @kind: what an external resource is (image, sound, video, text…)
 * @value: a TextualBody's text, raw (HTML when @format says so: show it
 *   through vt_html_to_markup()); at most %VT_IIIF_MAX_TEXT_LENGTH bytes
 * @language: its language (`language`, v2 `@language`), or %NULL
 * @format: media type ("text/plain", "text/html", "text/vtt"…), or %NULL
 * @purpose: (array zero-terminated=1): v3 `purpose` values ("tagging",
 *   "commenting"…), `oa:` prefixes removed; never %NULL
 * @label: (nullable): label of an external resource
 * @selector: (nullable): the selector when the body was a SpecificResource
 *   (the first one; FragmentSelector, ImageApiSelector…)
 * @choice: the index of the Choice this body came from, counting from 1 in
 *   its annotation, or 0 when it was not part of a Choice
 *
 * One body of a #VtAnnotation. A Choice is flattened into its options (in
 * order, v2 `default` first), all with the same @choice.
 */
typedef struct
{
  gboolean       is_text;
  char          *id;
  char          *type;
  VtContentKind  kind;
  char          *value;
  char          *language;
  char          *format;
  char         **purpose;
  VtLanguageMap *label;
  VtSelector    *selector;
  guint          choice;
} VtAnnotationBody;

#define VT_TYPE_ANNOTATION_BODY (vt_annotation_body_get_type ())

GType             vt_annotation_body_get_type (void) G_GNUC_CONST;
VtAnnotationBody *vt_annotation_body_new      (void);
VtAnnotationBody *vt_annotation_body_ref      (VtAnnotationBody *self);
void              vt_annotation_body_unref    (VtAnnotationBody *self);
gboolean          vt_annotation_body_is_html  (const VtAnnotationBody *self);
gboolean          vt_annotation_body_has_purpose (const VtAnnotationBody *self,
                                                  const char             *purpose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAnnotationBody, vt_annotation_body_unref)

G_END_DECLS
