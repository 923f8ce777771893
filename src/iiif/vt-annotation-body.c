/* vt-annotation-body.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-body"

#include "config.h"

#include "vt-iiif-private.h"

static void
vt_annotation_body_clear (VtAnnotationBody *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->purpose, g_strfreev);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->selector, vt_selector_unref);
}

VT_DEFINE_RC (VtAnnotationBody, vt_annotation_body, vt_annotation_body_clear)
G_DEFINE_BOXED_TYPE (VtAnnotationBody, vt_annotation_body, vt_annotation_body_ref, vt_annotation_body_unref)

VtAnnotationBody *
vt_annotation_body_new (void)
{
  VtAnnotationBody *self = g_atomic_rc_box_new0 (VtAnnotationBody);

  self->purpose = g_new0 (char *, 1);
  return self;
}

/**
 * vt_annotation_body_is_html:
 *
 * Returns: whether @self is a TextualBody whose format is HTML (sanitise
 *   it before showing it: vt_html_to_markup())
 */
gboolean
vt_annotation_body_is_html (const VtAnnotationBody *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_text && self->format != NULL &&
         (g_ascii_strncasecmp (self->format, "text/html", 9) == 0 ||
          g_ascii_strncasecmp (self->format, "application/xhtml", 17) == 0);
}

gboolean
vt_annotation_body_has_purpose (const VtAnnotationBody *self,
                                const char             *purpose)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->purpose, purpose);
}
