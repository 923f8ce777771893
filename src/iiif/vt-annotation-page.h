/* vt-annotation-page.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-annotation.h"
#include "vt-language-map.h"

G_BEGIN_DECLS

/**
 * VtAnnotationPage:
 * @id: the page's URI (v3 AnnotationPage `id`, v2 AnnotationList `@id`),
 *   or %NULL
 * @label: (nullable): label
 * @loaded: whether @items holds the page's annotations: %TRUE for an
 *   embedded page (and after vt_annotation_page_load()), %FALSE for a page
 *   only referenced by @id, which the app fetches when it needs it
 * @items: (element-type VtAnnotation): its annotations, at most
 *   %VT_IIIF_MAX_ANNOTATIONS
 * @n_skipped: annotations left out (not objects, over the limit)
 *
 * A v3 AnnotationPage or v2 AnnotationList (`otherContent`) of
 * non-painting annotations. A page only referenced is loaded in place:
 * fetch @id, then vt_annotation_page_load() — not thread-safe; do it in the
 * thread that reads the page.
 */
typedef struct
{
  char          *id;
  VtLanguageMap *label;
  gboolean       loaded;
  GPtrArray     *items;
  guint          n_skipped;
} VtAnnotationPage;

#define VT_TYPE_ANNOTATION_PAGE (vt_annotation_page_get_type ())

GType             vt_annotation_page_get_type       (void) G_GNUC_CONST;
VtAnnotationPage *vt_annotation_page_new            (void);
VtAnnotationPage *vt_annotation_page_new_from_bytes (GBytes            *bytes,
                                                     const char        *uri,
                                                     GError           **error);
gboolean          vt_annotation_page_load           (VtAnnotationPage  *self,
                                                     GBytes            *bytes,
                                                     GError           **error);
VtAnnotationPage *vt_annotation_page_ref            (VtAnnotationPage  *self);
void              vt_annotation_page_unref          (VtAnnotationPage  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAnnotationPage, vt_annotation_page_unref)

G_END_DECLS
