/* vt-annotation.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

static void
vt_annotation_clear (VtAnnotation *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->motivation, g_strfreev);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
}

VT_DEFINE_RC (VtAnnotation, vt_annotation, vt_annotation_clear)
G_DEFINE_BOXED_TYPE (VtAnnotation, vt_annotation, vt_annotation_ref, vt_annotation_unref)

VtAnnotation *
vt_annotation_new (void)
{
  VtAnnotation *self = g_atomic_rc_box_new0 (VtAnnotation);

  self->motivation = g_new0 (char *, 1);
  self->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_body_unref);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_target_unref);
  return self;
}

/**
 * vt_annotation_has_motivation:
 * @motivation: without prefix, e.g. "commenting"
 *
 * Returns: whether the annotation has @motivation, or a body with it as
 *   its purpose (v3 puts "tagging" there)
 */
gboolean
vt_annotation_has_motivation (const VtAnnotation *self,
                              const char         *motivation)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (motivation != NULL, FALSE);

  if (g_strv_contains ((const char * const *) self->motivation, motivation))
    return TRUE;
  for (guint i = 0; i < self->bodies->len; i++)
    if (vt_annotation_body_has_purpose (g_ptr_array_index (self->bodies, i), motivation))
      return TRUE;
  return FALSE;
}

static gboolean
language_matches (const char *language,
                  const char *wanted)
{
  gsize n = strlen (wanted);

  return language != NULL && g_ascii_strncasecmp (language, wanted, n) == 0 &&
         (language[n] == '\0' || language[n] == '-');
}

/**
 * vt_annotation_get_text:
 * @languages: (nullable) (array zero-terminated=1): preferred languages,
 *   best first ("nl-BE" also matches "nl-BE-x"; a bare "nl" matches "nl-BE")
 *
 * Returns: (nullable) (transfer none): the TextualBody in the first
 *   preferred language that has one, else the first TextualBody
 */
VtAnnotationBody *
vt_annotation_get_text (const VtAnnotation *self,
                        const char * const *languages)
{
  VtAnnotationBody *first = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
    for (guint i = 0; i < self->bodies->len; i++)
      {
        VtAnnotationBody *body = g_ptr_array_index (self->bodies, i);

        if (body->is_text && language_matches (body->language, languages[l]))
          return body;
      }
  for (guint i = 0; i < self->bodies->len && first == NULL; i++)
    if (((VtAnnotationBody *) g_ptr_array_index (self->bodies, i))->is_text)
      first = g_ptr_array_index (self->bodies, i);
  return first;
}

/**
 * vt_annotation_get_target:
 *
 * Returns: (nullable) (transfer none): the first target
 */
VtAnnotationTarget *
vt_annotation_get_target (const VtAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->targets->len > 0 ? g_ptr_array_index (self->targets, 0) : NULL;
}
