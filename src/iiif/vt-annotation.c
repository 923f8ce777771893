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
 *   preferred language that has one, else the first TextualBody; of a
 *   Choice, only the option vt_annotation_get_choice() picks
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

        if (body->is_text && language_matches (body->language, languages[l]) &&
            vt_annotation_shows_body (self, body, languages))
          return body;
      }
  for (guint i = 0; i < self->bodies->len && first == NULL; i++)
    {
      VtAnnotationBody *body = g_ptr_array_index (self->bodies, i);

      if (body->is_text && vt_annotation_shows_body (self, body, languages))
        first = body;
    }
  return first;
}

/**
 * vt_annotation_get_choice:
 * @choice: a Choice's number (#VtAnnotationBody.choice, from 1)
 * @languages: (nullable) (array zero-terminated=1): preferred languages,
 *   best first; %NULL for g_get_language_names()
 *
 * A Choice of bodies is one body in several variants, most often a text in
 * several languages (recipe 0346): one of them shows, never all or none.
 * The language is chosen as for any label (vt_language_tag_pick()): the
 * best match for the first preference that has one, else an option
 * without a language, else English, else the first option (the default).
 *
 * Returns: (nullable) (transfer none): the option of Choice @choice to
 *   show, or %NULL when there is no such Choice
 */
VtAnnotationBody *
vt_annotation_get_choice (const VtAnnotation *self,
                          guint               choice,
                          const char * const *languages)
{
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  int found;

  g_return_val_if_fail (self != NULL, NULL);

  if (choice == 0)
    return NULL;
  options = g_ptr_array_new ();
  tags = g_ptr_array_new ();
  for (guint i = 0; i < self->bodies->len; i++)
    {
      VtAnnotationBody *body = g_ptr_array_index (self->bodies, i);

      if (body->choice == choice)
        {
          g_ptr_array_add (options, body);
          g_ptr_array_add (tags, body->language);
        }
    }
  found = vt_language_tag_pick ((const char * const *) tags->pdata, tags->len, languages);
  return found >= 0 ? g_ptr_array_index (options, found) : NULL;
}

/**
 * vt_annotation_shows_body:
 * @body: one of @self's bodies
 * @languages: (nullable) (array zero-terminated=1): as for
 *   vt_annotation_get_choice()
 *
 * Returns: whether @body is to be shown: it is not part of a Choice, or
 *   it is the option vt_annotation_get_choice() picks from its Choice
 */
gboolean
vt_annotation_shows_body (const VtAnnotation     *self,
                          const VtAnnotationBody *body,
                          const char * const     *languages)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  return body->choice == 0 || vt_annotation_get_choice (self, body->choice, languages) == body;
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
