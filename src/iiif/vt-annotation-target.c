/* vt-annotation-target.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-target"

#include "config.h"

#include "vt-iiif-private.h"

static void
vt_annotation_target_clear (VtAnnotationTarget *self)
{
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->selectors, g_ptr_array_unref);
}

VT_DEFINE_RC (VtAnnotationTarget, vt_annotation_target, vt_annotation_target_clear)
G_DEFINE_BOXED_TYPE (VtAnnotationTarget, vt_annotation_target, vt_annotation_target_ref, vt_annotation_target_unref)

VtAnnotationTarget *
vt_annotation_target_new (void)
{
  VtAnnotationTarget *self = g_atomic_rc_box_new0 (VtAnnotationTarget);

  self->selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_selector_unref);
  return self;
}

/**
 * vt_annotation_target_find_selector:
 *
 * Returns: (nullable) (transfer none): the first selector of @kind
 */
VtSelector *
vt_annotation_target_find_selector (const VtAnnotationTarget *self,
                                    VtSelectorKind            kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->selectors->len; i++)
    {
      VtSelector *selector = g_ptr_array_index (self->selectors, i);

      if (selector->kind == kind)
        return selector;
    }
  return NULL;
}

/**
 * vt_annotation_target_get_rect:
 * @out_rect: (out): the region of the canvas in its pixels
 *
 * Returns: whether a selector gives a region (the first that does, per
 *   cent resolved against the canvas size); a point, an SVG shape alone or
 *   the whole canvas give none
 */
gboolean
vt_annotation_target_get_rect (const VtAnnotationTarget *self,
                               gint64                    canvas_width,
                               gint64                    canvas_height,
                               VtRect                   *out_rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->selectors->len; i++)
    if (vt_selector_get_rect (g_ptr_array_index (self->selectors, i), canvas_width, canvas_height, out_rect))
      return TRUE;
  return FALSE;
}

/**
 * vt_annotation_target_get_time:
 * @out_start: (out) (optional): seconds
 * @out_end: (out) (optional): seconds, or -1 when open or a point
 *
 * Returns: whether a selector gives a time (`t=` or a PointSelector's t)
 */
gboolean
vt_annotation_target_get_time (const VtAnnotationTarget *self,
                               double                   *out_start,
                               double                   *out_end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->selectors->len; i++)
    {
      VtSelector *selector = g_ptr_array_index (self->selectors, i);

      if (!selector->has_time)
        continue;
      if (out_start != NULL)
        *out_start = selector->time_start;
      if (out_end != NULL)
        *out_end = selector->time_end;
      return TRUE;
    }
  return FALSE;
}
