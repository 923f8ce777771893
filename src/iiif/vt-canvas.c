/* vt-canvas.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

static void
vt_content_resource_clear (VtContentResource *self)
{
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->full_selector, vt_selector_unref);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->annotation_pages, g_ptr_array_unref);
}

VT_DEFINE_RC (VtContentResource, vt_content_resource, vt_content_resource_clear)

VtContentResource *
vt_content_resource_new (void)
{
  VtContentResource *self = g_atomic_rc_box_new0 (VtContentResource);

  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_service_ref_unref);
  self->thumbnail = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  return self;
}

/**
 * vt_content_resource_get_image_service:
 *
 * Returns: (nullable) (transfer none): the first image service reference
 */
VtServiceRef *
vt_content_resource_get_image_service (const VtContentResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _vt_service_refs_find_image (self->services);
}

static void
vt_painting_annotation_clear (VtPaintingAnnotation *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);
  g_clear_pointer (&self->rights, g_free);
  g_clear_pointer (&self->required_statement, vt_metadata_entry_unref);
  g_clear_pointer (&self->full_target, vt_annotation_target_unref);
}

VT_DEFINE_RC (VtPaintingAnnotation, vt_painting_annotation, vt_painting_annotation_clear)

VtPaintingAnnotation *
vt_painting_annotation_new (void)
{
  VtPaintingAnnotation *self = g_atomic_rc_box_new0 (VtPaintingAnnotation);

  self->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_content_resource_unref);
  return self;
}

/**
 * vt_painting_annotation_get_body:
 *
 * Returns: (nullable) (transfer none): the body to show by default
 */
VtContentResource *
vt_painting_annotation_get_body (const VtPaintingAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->default_body < self->bodies->len)
    return g_ptr_array_index (self->bodies, self->default_body);
  return NULL;
}

/* Whether two URIs name one resource; an image service may be named by
 * its id or its info.json, with or without a final slash. */
static gboolean
same_resource (const char *a,
               const char *b)
{
  gsize la, lb;

  if (a == NULL || b == NULL)
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  if (g_str_has_suffix (a, "/info.json"))
    la -= strlen ("/info.json");
  if (g_str_has_suffix (b, "/info.json"))
    lb -= strlen ("/info.json");
  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la > 0 && la == lb && strncmp (a, b, la) == 0;
}

/**
 * vt_painting_annotation_map_target:
 * @body: one of @self's bodies (a Choice option)
 * @canvas_width: the canvas's width
 * @canvas_height: its height
 * @target: the target of one of @body's own annotations
 * @out_rect: (out): the region of the canvas in its pixels
 *
 * Maps a target in @body's pixels (its source @body's id or its image
 * service's, with an ImageApiSelector region or a FragmentSelector
 * `xywh=`; none or region "full": the whole image) to the canvas, through
 * where @self paints @body: the part of the image it shows (its own
 * selector, or all of it) onto its target region (or the whole canvas).
 * What falls outside the part painted is cut off.
 *
 * Returns: whether @target names @body and a region of it that is painted;
 *   not when the image has no size to scale by, or a shape only (an SVG)
 */
gboolean
vt_painting_annotation_map_target (const VtPaintingAnnotation *self,
                                   const VtContentResource    *body,
                                   gint64                      canvas_width,
                                   gint64                      canvas_height,
                                   const VtAnnotationTarget   *target,
                                   VtRect                     *out_rect)
{
  VtServiceRef *service;
  VtRect region = { 0, 0, 0, 0 };
  VtRect src, dst;
  gboolean has_rect = FALSE;
  gboolean whole = TRUE;
  double x0, y0, x1, y1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (out_rect != NULL, FALSE);

  if (target == NULL || target->source == NULL)
    return FALSE;
  if (body->width <= 0 || body->height <= 0 || canvas_width <= 0 || canvas_height <= 0)
    return FALSE;
  service = vt_content_resource_get_image_service (body);
  if (!same_resource (target->source, body->id) &&
      (service == NULL || !same_resource (target->source, service->id)))
    return FALSE;

  for (guint i = 0; i < target->selectors->len && !has_rect; i++)
    {
      VtSelector *selector = g_ptr_array_index (target->selectors, i);

      if (vt_selector_get_rect (selector, body->width, body->height, &region))
        has_rect = TRUE;
      else if (selector->kind != VT_SELECTOR_IMAGE_API ||
               (selector->region != NULL && strcmp (selector->region, "full") != 0))
        whole = FALSE;
    }
  if (!has_rect && !whole)
    return FALSE;

  src = (VtRect) { 0, 0, body->width, body->height };
  if (body->has_selector && body->selector.width > 0 && body->selector.height > 0)
    src = body->selector;
  dst = (VtRect) { 0, 0, canvas_width, canvas_height };
  if (self->has_target && self->target.width > 0 && self->target.height > 0)
    dst = self->target;
  if (!has_rect)
    region = src;

  /* In doubles: the documents' numbers may be as large as gint64 goes. */
  x0 = MAX ((double) region.x, (double) src.x);
  y0 = MAX ((double) region.y, (double) src.y);
  x1 = MIN ((double) region.x + (double) region.width, (double) src.x + (double) src.width);
  y1 = MIN ((double) region.y + (double) region.height, (double) src.y + (double) src.height);
  if (!(x1 > x0) || !(y1 > y0))
    return FALSE;

  x0 = dst.x + (x0 - src.x) * dst.width / src.width;
  x1 = dst.x + (x1 - src.x) * dst.width / src.width;
  y0 = dst.y + (y0 - src.y) * dst.height / src.height;
  y1 = dst.y + (y1 - src.y) * dst.height / src.height;
  if (!isfinite (x0) || !isfinite (x1) || !isfinite (y0) || !isfinite (y1))
    return FALSE;

  out_rect->x = (gint64) floor (x0);
  out_rect->y = (gint64) floor (y0);
  out_rect->width = (gint64) ceil (x1) - out_rect->x;
  out_rect->height = (gint64) ceil (y1) - out_rect->y;
  return out_rect->width > 0 && out_rect->height > 0 &&
         vt_dimension_valid (out_rect->width) && vt_dimension_valid (out_rect->height);
}

/**
 * vt_painting_annotation_dup_canvas_target:
 * @canvas: the canvas @self paints
 *
 * The target of an annotation of @body, as vt_painting_annotation_map_target()
 * maps it: a target of @canvas with a FragmentSelector `xywh=`, in canvas
 * pixels, as any annotation of the canvas has.
 *
 * Returns: (transfer full) (nullable): the new target, or %NULL when
 *   @target is not placed on @canvas
 */
VtAnnotationTarget *
vt_painting_annotation_dup_canvas_target (const VtPaintingAnnotation *self,
                                          const VtContentResource    *body,
                                          const VtCanvas             *canvas,
                                          const VtAnnotationTarget   *target)
{
  g_autoptr(VtAnnotationTarget) on_canvas = NULL;
  g_autofree char *xywh = NULL;
  VtSelector *selector;
  VtRect rect;

  g_return_val_if_fail (canvas != NULL, NULL);

  if (!vt_painting_annotation_map_target (self, body, canvas->width, canvas->height, target, &rect))
    return NULL;
  xywh = g_strdup_printf ("xywh=%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                          rect.x, rect.y, rect.width, rect.height);
  if ((selector = vt_selector_new_from_fragment (xywh)) == NULL)
    return NULL;
  on_canvas = vt_annotation_target_new ();
  on_canvas->source = g_strdup (canvas->id);
  g_ptr_array_add (on_canvas->selectors, selector);
  return g_steal_pointer (&on_canvas);
}

static void
vt_canvas_clear (VtCanvas *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->behavior, g_strfreev);
  g_clear_pointer (&self->rights, g_free);
  g_clear_pointer (&self->required_statement, vt_metadata_entry_unref);
  g_clear_pointer (&self->annotation_pages, g_ptr_array_unref);
  g_clear_pointer (&self->placeholder_canvas, vt_canvas_unref);
  g_clear_pointer (&self->accompanying_canvas, vt_canvas_unref);
  g_clear_pointer (&self->nav_date, g_free);
  g_clear_pointer (&self->nav_place, vt_nav_place_unref);
  g_clear_pointer (&self->physical_units, g_free);
  g_clear_pointer (&self->summary, vt_language_map_unref);
  g_clear_pointer (&self->metadata, g_ptr_array_unref);
  g_clear_pointer (&self->homepage, g_ptr_array_unref);
  g_clear_pointer (&self->rendering, g_ptr_array_unref);
  g_clear_pointer (&self->see_also, g_ptr_array_unref);
}

VT_DEFINE_RC (VtCanvas, vt_canvas, vt_canvas_clear)
G_DEFINE_BOXED_TYPE (VtCanvas, vt_canvas, vt_canvas_ref, vt_canvas_unref)

VtCanvas *
vt_canvas_new (void)
{
  VtCanvas *self = g_atomic_rc_box_new0 (VtCanvas);

  self->thumbnail = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_painting_annotation_unref);
  self->behavior = g_new0 (char *, 1);
  self->annotation_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_page_unref);
  return self;
}

/**
 * vt_canvas_get_image:
 *
 * Returns: (nullable) (transfer none): the default body of the first
 *   painting annotation whose default body is an image, or %NULL for a
 *   canvas with nothing to show as an image (audio, video, empty)
 */
VtContentResource *
vt_canvas_get_image (const VtCanvas *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      VtContentResource *body = vt_painting_annotation_get_body (g_ptr_array_index (self->annotations, i));

      if (body != NULL && body->kind == VT_CONTENT_IMAGE)
        return body;
    }
  return NULL;
}

/**
 * vt_canvas_get_image_service:
 *
 * Returns: (nullable) (transfer none): the image service of
 *   vt_canvas_get_image(), if it has one
 */
VtServiceRef *
vt_canvas_get_image_service (const VtCanvas *self)
{
  VtContentResource *image = vt_canvas_get_image (self);

  return image != NULL ? vt_content_resource_get_image_service (image) : NULL;
}

gboolean
vt_canvas_is_image (const VtCanvas *self)
{
  return vt_canvas_get_image (self) != NULL;
}

gboolean
vt_canvas_is_time_based (const VtCanvas *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->duration > 0)
    return TRUE;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      VtContentResource *body = vt_painting_annotation_get_body (g_ptr_array_index (self->annotations, i));

      if (body != NULL && (body->kind == VT_CONTENT_SOUND || body->kind == VT_CONTENT_VIDEO))
        return TRUE;
    }
  return FALSE;
}

/**
 * vt_canvas_has_video:
 *
 * Returns: whether a painting annotation of this canvas is a video, as
 *   opposed to sound alone
 */
gboolean
vt_canvas_has_video (const VtCanvas *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      VtContentResource *body = vt_painting_annotation_get_body (g_ptr_array_index (self->annotations, i));

      if (body != NULL && body->kind == VT_CONTENT_VIDEO)
        return TRUE;
    }
  return FALSE;
}

/**
 * vt_canvas_get_rights:
 *
 * The rights of this canvas alone: the first painting annotation that names
 * any (Ghent puts the licence there, and the pages of one object can
 * differ), else the canvas's own. See vt_manifest_get_canvas_rights() for
 * the manifest's as a fallback.
 *
 * Returns: (nullable): a rights URI as written, or %NULL
 */
const char *
vt_canvas_get_rights (const VtCanvas *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      VtPaintingAnnotation *anno = g_ptr_array_index (self->annotations, i);

      if (anno->rights != NULL && *anno->rights != '\0')
        return anno->rights;
    }
  return self->rights != NULL && *self->rights != '\0' ? self->rights : NULL;
}

/**
 * vt_canvas_get_required_statement:
 *
 * Like vt_canvas_get_rights() for the required statement (v2: the
 * attribution, whose label is %NULL): the first painting annotation's with
 * a value, else the canvas's own.
 *
 * Returns: (nullable) (transfer none): the statement, or %NULL
 */
VtMetadataEntry *
vt_canvas_get_required_statement (const VtCanvas *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      VtPaintingAnnotation *anno = g_ptr_array_index (self->annotations, i);

      if (vt_metadata_entry_has_value (anno->required_statement))
        return anno->required_statement;
    }
  return vt_metadata_entry_has_value (self->required_statement) ? self->required_statement : NULL;
}

/**
 * vt_canvas_count_annotations:
 *
 * Returns: how many non-painting annotations the loaded pages of the
 *   canvas hold
 */
guint
vt_canvas_count_annotations (const VtCanvas *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->annotation_pages->len; i++)
    n += ((VtAnnotationPage *) g_ptr_array_index (self->annotation_pages, i))->items->len;
  return n;
}
