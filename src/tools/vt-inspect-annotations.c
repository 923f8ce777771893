/* vt-inspect-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-inspect-annotations.h"
#include "vt-inspect-output.h"

/* The annotation model as JSON for vitrine-inspect: every body id and every
 * annotation text appears, so that a script can check a manifest was read
 * whole. */

static void
set_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  /* Leave out what is not there: the output is long already. */
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
set_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
set_behavior_flags (JsonBuilder     *b,
                    VtBehaviorFlags  flags)
{
  json_builder_set_member_name (b, "behaviorFlags");
  json_builder_begin_array (b);
  for (guint bit = 0; bit < 32; bit++)
    {
      const char *name = (flags & (1u << bit)) ? vt_behavior_flag_to_string (1u << bit) : NULL;

      if (name != NULL)
        json_builder_add_string_value (b, name);
    }
  json_builder_end_array (b);
}

static void
add_selector (JsonBuilder *b,
              VtSelector  *s)
{
  json_builder_begin_object (b);
  set_string (b, "kind", vt_selector_kind_to_string (s->kind));
  set_string (b, "type", s->type);
  set_string (b, "value", s->value);
  if (s->has_rect)
    {
      json_builder_set_member_name (b, s->percent ? "xywhPercent" : "xywh");
      json_builder_begin_array (b);
      json_builder_add_double_value (b, s->x);
      json_builder_add_double_value (b, s->y);
      json_builder_add_double_value (b, s->width);
      json_builder_add_double_value (b, s->height);
      json_builder_end_array (b);
    }
  if (s->has_time)
    {
      set_double (b, "timeStart", s->time_start);
      set_double (b, "timeEnd", s->time_end);
    }
  if (s->has_point)
    {
      set_double (b, "x", s->point_x);
      set_double (b, "y", s->point_y);
    }
  if (s->kind == VT_SELECTOR_IMAGE_API)
    {
      set_string (b, "region", s->region);
      set_string (b, "size", s->size);
      set_double (b, "rotation", s->rotation);
      json_builder_set_member_name (b, "mirror");
      json_builder_add_boolean_value (b, s->mirror);
      set_string (b, "quality", s->quality);
      set_string (b, "format", s->format);
    }
  json_builder_end_object (b);
}

static void
add_target (JsonBuilder        *b,
            VtAnnotationTarget *t)
{
  json_builder_begin_object (b);
  set_string (b, "source", t->source);
  set_string (b, "type", t->type);
  json_builder_set_member_name (b, "selectors");
  json_builder_begin_array (b);
  for (guint i = 0; i < t->selectors->len; i++)
    add_selector (b, g_ptr_array_index (t->selectors, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static const char *
kind_name (VtContentKind kind)
{
  switch (kind)
    {
    case VT_CONTENT_IMAGE: return "Image";
    case VT_CONTENT_SOUND: return "Sound";
    case VT_CONTENT_VIDEO: return "Video";
    case VT_CONTENT_TEXT: return "Text";
    case VT_CONTENT_MODEL: return "Model";
    case VT_CONTENT_DATASET: return "Dataset";
    case VT_CONTENT_OTHER:
    default: return "other";
    }
}

/* Where the annotations of one painted image go on its canvas. */
typedef struct
{
  VtPaintingAnnotation *painting;
  VtContentResource    *body;
  gint64                canvas_width;
  gint64                canvas_height;
} LayerPlace;

static void add_pages (JsonBuilder        *b,
                       GPtrArray          *pages,
                       const LayerPlace   *place,
                       const char * const *languages);

static void
add_content_resource (JsonBuilder        *b,
                      const LayerPlace   *place,
                      const char * const *languages)
{
  VtContentResource *r = place->body;
  VtServiceRef *service = vt_content_resource_get_image_service (r);

  json_builder_begin_object (b);
  set_string (b, "id", r->id);
  set_string (b, "kind", kind_name (r->kind));
  set_string (b, "type", r->type);
  set_string (b, "format", r->format);
  if (r->label != NULL)
    vt_inspect_add_map (b, "label", r->label);
  json_builder_set_member_name (b, "width");
  json_builder_add_int_value (b, r->width);
  json_builder_set_member_name (b, "height");
  json_builder_add_int_value (b, r->height);
  if (r->duration > 0)
    set_double (b, "duration", r->duration);
  if (service != NULL)
    set_string (b, "service", service->id);
  set_string (b, "value", r->value);
  set_string (b, "language", r->language);
  if (r->thumbnail->len > 0)
    {
      json_builder_set_member_name (b, "thumbnail");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->thumbnail->len; i++)
        json_builder_add_string_value (b, ((VtResource *) g_ptr_array_index (r->thumbnail, i))->id ?: "");
      json_builder_end_array (b);
    }
  if (r->has_selector)
    vt_inspect_add_rect (b, "region", &r->selector);
  if (r->full_selector != NULL)
    {
      json_builder_set_member_name (b, "selector");
      add_selector (b, r->full_selector);
    }
  /* An image's own annotations, each with where it lands on the canvas. */
  if (r->annotation_pages != NULL)
    add_pages (b, r->annotation_pages, place, languages);
  json_builder_end_object (b);
}

static void
add_painting (JsonBuilder          *b,
              VtCanvas             *canvas,
              VtPaintingAnnotation *a,
              const char * const   *languages)
{
  json_builder_begin_object (b);
  set_string (b, "id", a->id);
  json_builder_set_member_name (b, "isChoice");
  json_builder_add_boolean_value (b, a->is_choice);
  json_builder_set_member_name (b, "defaultBody");
  json_builder_add_int_value (b, a->default_body);
  json_builder_set_member_name (b, "bodies");
  json_builder_begin_array (b);
  for (guint i = 0; i < a->bodies->len; i++)
    {
      LayerPlace place = { a, g_ptr_array_index (a->bodies, i), canvas->width, canvas->height };

      add_content_resource (b, &place, languages);
    }
  json_builder_end_array (b);
  if (a->has_target)
    vt_inspect_add_rect (b, "targetRegion", &a->target);
  if (a->has_time)
    {
      set_double (b, "timeStart", a->time_start);
      set_double (b, "timeEnd", a->time_end);
    }
  if (a->full_target != NULL)
    {
      json_builder_set_member_name (b, "target");
      add_target (b, a->full_target);
    }
  json_builder_end_object (b);
}

static void
add_body (JsonBuilder        *b,
          VtAnnotation       *a,
          VtAnnotationBody   *body,
          const char * const *languages)
{
  json_builder_begin_object (b);
  set_string (b, "id", body->id);
  set_string (b, "type", body->type);
  set_string (b, "kind", kind_name (body->kind));
  json_builder_set_member_name (b, "isText");
  json_builder_add_boolean_value (b, body->is_text);
  set_string (b, "value", body->value);
  if (vt_annotation_body_is_html (body))
    {
      /* What the sidebar would show: the sanitised text. */
      g_autofree char *text = vt_html_to_text (body->value);

      set_string (b, "displayValue", text);
    }
  set_string (b, "language", body->language);
  set_string (b, "format", body->format);
  if (body->purpose[0] != NULL)
    vt_inspect_add_strv (b, "purpose", body->purpose);
  if (body->label != NULL)
    vt_inspect_add_map (b, "label", body->label);
  if (body->choice > 0)
    {
      json_builder_set_member_name (b, "choice");
      json_builder_add_int_value (b, body->choice);
      /* The option the sidebar shows for the languages asked for. */
      json_builder_set_member_name (b, "chosen");
      json_builder_add_boolean_value (b, vt_annotation_shows_body (a, body, languages));
    }
  if (body->selector != NULL)
    {
      json_builder_set_member_name (b, "selector");
      add_selector (b, body->selector);
    }
  json_builder_end_object (b);
}

static void
add_annotation (JsonBuilder        *b,
                VtAnnotation       *a,
                const LayerPlace   *place,
                const char * const *languages)
{
  json_builder_begin_object (b);
  set_string (b, "id", a->id);
  vt_inspect_add_strv (b, "motivation", a->motivation);
  if (a->label != NULL)
    vt_inspect_add_map (b, "label", a->label);
  json_builder_set_member_name (b, "bodies");
  json_builder_begin_array (b);
  for (guint i = 0; i < a->bodies->len; i++)
    add_body (b, a, g_ptr_array_index (a->bodies, i), languages);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "targets");
  json_builder_begin_array (b);
  for (guint i = 0; i < a->targets->len; i++)
    add_target (b, g_ptr_array_index (a->targets, i));
  json_builder_end_array (b);
  if (place != NULL)
    for (guint i = 0; i < a->targets->len; i++)
      {
        VtRect rect;

        if (vt_painting_annotation_map_target (place->painting, place->body,
                                               place->canvas_width, place->canvas_height,
                                               g_ptr_array_index (a->targets, i), &rect))
          {
            vt_inspect_add_rect (b, "canvasRegion", &rect);
            break;
          }
      }
  json_builder_end_object (b);
}

static void
add_pages (JsonBuilder        *b,
           GPtrArray          *pages,
           const LayerPlace   *place,
           const char * const *languages)
{
  json_builder_set_member_name (b, "annotationPages");
  json_builder_begin_array (b);
  for (guint i = 0; i < pages->len; i++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, i);

      json_builder_begin_object (b);
      set_string (b, "id", page->id);
      if (page->label != NULL)
        vt_inspect_add_map (b, "label", page->label);
      json_builder_set_member_name (b, "loaded");
      json_builder_add_boolean_value (b, page->loaded);
      if (page->n_skipped > 0)
        {
          json_builder_set_member_name (b, "skipped");
          json_builder_add_int_value (b, page->n_skipped);
        }
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint j = 0; j < page->items->len; j++)
        add_annotation (b, g_ptr_array_index (page->items, j), place, languages);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_nav_place (JsonBuilder *b,
               VtNavPlace  *place)
{
  json_builder_set_member_name (b, "navPlace");
  if (place == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  set_string (b, "id", place->id);
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; i < place->features->len; i++)
    {
      VtNavFeature *f = g_ptr_array_index (place->features, i);

      json_builder_begin_object (b);
      set_string (b, "id", f->id);
      vt_inspect_add_map (b, "label", f->label);
      set_string (b, "geometry", f->geometry);
      json_builder_set_member_name (b, "coordinates");
      json_builder_begin_array (b);
      for (guint j = 0; j < f->coordinates->len; j++)
        json_builder_add_double_value (b, g_array_index (f->coordinates, double, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void add_extra_canvas (JsonBuilder        *b,
                              const char         *name,
                              VtCanvas           *canvas,
                              const char * const *languages);

/**
 * vt_inspect_add_canvas_content:
 *
 * Adds the members of a canvas object beyond its first image: every
 * painting annotation, the annotation pages, the placeholder and
 * accompanying canvases, navDate, navPlace, behaviours, thumbnails.
 */
void
vt_inspect_add_canvas_content (JsonBuilder        *b,
                               VtCanvas           *canvas,
                               const char * const *languages)
{
  json_builder_set_member_name (b, "paintingAnnotations");
  json_builder_begin_array (b);
  for (guint i = 0; i < canvas->annotations->len; i++)
    add_painting (b, canvas, g_ptr_array_index (canvas->annotations, i), languages);
  json_builder_end_array (b);
  add_pages (b, canvas->annotation_pages, NULL, languages);
  vt_inspect_add_strv (b, "behavior", canvas->behavior);
  set_behavior_flags (b, canvas->behavior_flags);
  json_builder_set_member_name (b, "thumbnail");
  json_builder_begin_array (b);
  for (guint i = 0; i < canvas->thumbnail->len; i++)
    json_builder_add_string_value (b, ((VtResource *) g_ptr_array_index (canvas->thumbnail, i))->id ?: "");
  json_builder_end_array (b);
  set_string (b, "navDate", canvas->nav_date);
  if (canvas->nav_place != NULL)
    add_nav_place (b, canvas->nav_place);
  add_extra_canvas (b, "placeholderCanvas", canvas->placeholder_canvas, languages);
  add_extra_canvas (b, "accompanyingCanvas", canvas->accompanying_canvas, languages);
}

static void
add_extra_canvas (JsonBuilder        *b,
                  const char         *name,
                  VtCanvas           *canvas,
                  const char * const *languages)
{
  if (canvas == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  set_string (b, "id", canvas->id);
  vt_inspect_add_map (b, "label", canvas->label);
  json_builder_set_member_name (b, "width");
  json_builder_add_int_value (b, canvas->width);
  json_builder_set_member_name (b, "height");
  json_builder_add_int_value (b, canvas->height);
  set_double (b, "duration", canvas->duration);
  vt_inspect_add_canvas_content (b, canvas, languages);
  json_builder_end_object (b);
}

static const char *
direction_name (VtViewingDirection direction)
{
  switch (direction)
    {
    case VT_VIEWING_DIRECTION_RIGHT_TO_LEFT: return "right-to-left";
    case VT_VIEWING_DIRECTION_TOP_TO_BOTTOM: return "top-to-bottom";
    case VT_VIEWING_DIRECTION_BOTTOM_TO_TOP: return "bottom-to-top";
    case VT_VIEWING_DIRECTION_LEFT_TO_RIGHT:
    default: return "left-to-right";
    }
}

void
vt_inspect_add_manifest_extras (JsonBuilder        *b,
                                VtManifest         *m,
                                const char * const *languages)
{
  set_behavior_flags (b, m->behavior_flags);
  set_string (b, "viewingDirection", direction_name (m->viewing_direction));
  set_string (b, "navDate", m->nav_date);
  add_nav_place (b, m->nav_place);
  if (m->start_selector != NULL)
    {
      json_builder_set_member_name (b, "startSelector");
      add_selector (b, m->start_selector);
    }
  json_builder_set_member_name (b, "partOf");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->part_of->len; i++)
    {
      VtResource *r = g_ptr_array_index (m->part_of, i);

      json_builder_begin_object (b);
      set_string (b, "id", r->id);
      set_string (b, "type", r->type);
      if (r->label != NULL)
        vt_inspect_add_map (b, "label", r->label);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_extra_canvas (b, "placeholderCanvas", m->placeholder_canvas, languages);
  add_extra_canvas (b, "accompanyingCanvas", m->accompanying_canvas, languages);
  add_pages (b, m->annotation_pages, NULL, languages);
}

void
vt_inspect_add_range_extras (JsonBuilder *b,
                             VtRange     *range)
{
  set_behavior_flags (b, range->behavior_flags);
  set_string (b, "viewingDirection", direction_name (range->viewing_direction));
  json_builder_set_member_name (b, "thumbnail");
  json_builder_begin_array (b);
  for (guint i = 0; i < range->thumbnail->len; i++)
    json_builder_add_string_value (b, ((VtResource *) g_ptr_array_index (range->thumbnail, i))->id ?: "");
  json_builder_end_array (b);
  if (range->start_selector != NULL)
    {
      json_builder_set_member_name (b, "startSelector");
      add_selector (b, range->start_selector);
    }
}
