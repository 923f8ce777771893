/* vt-painting.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-painting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

/* The bodies and targets of painting annotations, shared by the v2 and v3
 * parsers: what a canvas shows and where. */

VtContentKind
vt_content_kind_from_type (const char *type)
{
  const char *colon;

  if (type == NULL)
    return VT_CONTENT_OTHER;

  /* "dctypes:Image", "dcTypes:Sound", "Image" */
  colon = strrchr (type, ':');
  if (colon != NULL)
    type = colon + 1;

  if (g_ascii_strcasecmp (type, "Image") == 0 || g_ascii_strcasecmp (type, "StillImage") == 0)
    return VT_CONTENT_IMAGE;
  if (g_ascii_strcasecmp (type, "Sound") == 0 || g_ascii_strcasecmp (type, "Audio") == 0)
    return VT_CONTENT_SOUND;
  if (g_ascii_strcasecmp (type, "Video") == 0 || g_ascii_strcasecmp (type, "MovingImage") == 0)
    return VT_CONTENT_VIDEO;
  if (g_ascii_strcasecmp (type, "Text") == 0)
    return VT_CONTENT_TEXT;
  if (g_ascii_strcasecmp (type, "Model") == 0 || g_ascii_strcasecmp (type, "PhysicalObject") == 0)
    return VT_CONTENT_MODEL;
  if (g_ascii_strcasecmp (type, "Dataset") == 0)
    return VT_CONTENT_DATASET;
  return VT_CONTENT_OTHER;
}

static gboolean
looks_like_image_url (const char *id)
{
  static const char * const suffixes[] = { ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".webp", ".jp2" };
  g_autofree char *lower = NULL;

  if (id == NULL)
    return FALSE;
  lower = g_ascii_strdown (id, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
vt_parse_selector_rect (JsonNode *node,
                VtRect   *out_rect)
{
  JsonObject *object;
  const char *value;

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 8; i++)
        if (vt_parse_selector_rect (json_array_get_element (array, i), out_rect))
          return TRUE;
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  /* FragmentSelector {"value": "xywh=…"}; ImageApiSelector {"region": "x,y,w,h"} */
  if ((value = vt_json_get_string (object, "value")) != NULL && vt_parse_xywh (value, out_rect))
    return TRUE;
  if ((value = vt_json_get_string (object, "region")) != NULL && strcmp (value, "full") != 0)
    {
      g_autofree char *xywh = g_strconcat ("xywh=", value, NULL);

      return vt_parse_xywh (xywh, out_rect);
    }
  return FALSE;
}

static VtContentResource *
content_resource_from_json (VtParseContext *ctx,
                            JsonNode       *node)
{
  g_autoptr(VtContentResource) resource = vt_content_resource_new ();
  JsonObject *object;
  const char *s;

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      if (strcmp (s, "rdf:nil") == 0)
        return NULL;
      resource->id = g_strdup (s);
      resource->kind = looks_like_image_url (s) ? VT_CONTENT_IMAGE : VT_CONTENT_OTHER;
      return g_steal_pointer (&resource);
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  resource->id = g_strdup (vt_json_get_id (object));
  resource->type = g_strdup (vt_json_get_type (object));
  resource->format = g_strdup (vt_json_get_string (object, "format"));
  resource->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  resource->kind = vt_content_kind_from_type (resource->type);
  /* A TextualBody paints its text (v2: cnt:ContentAsText with chars). */
  if (vt_type_is (resource->type, "TextualBody") || vt_type_is (resource->type, "ContentAsText"))
    {
      JsonNode *value = vt_json_get_member (object, "value");

      resource->kind = VT_CONTENT_TEXT;
      resource->value = vt_json_dup_text (ctx, value != NULL ? value : vt_json_get_member (object, "chars"));
      resource->language = g_strdup (vt_json_get_string (object, "language"));
      if (resource->language == NULL)
        resource->language = g_strdup (vt_json_get_string (object, "@language"));
    }

  if (json_object_has_member (object, "width") &&
      (!vt_json_get_int64 (object, "width", &resource->width) || !vt_dimension_valid (resource->width)))
    {
      vt_parse_warn (ctx, _("Ignored the invalid width of “%s”"), resource->id ? resource->id : "?");
      resource->width = 0;
    }
  if (json_object_has_member (object, "height") &&
      (!vt_json_get_int64 (object, "height", &resource->height) || !vt_dimension_valid (resource->height)))
    {
      vt_parse_warn (ctx, _("Ignored the invalid height of “%s”"), resource->id ? resource->id : "?");
      resource->height = 0;
    }
  if (!vt_json_get_double (object, "duration", &resource->duration) || resource->duration < 0)
    resource->duration = 0;
  if (json_object_has_member (object, "thumbnail"))
    {
      g_ptr_array_unref (resource->thumbnail);
      resource->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
    }

  if (json_object_has_member (object, "service"))
    {
      g_autoptr(GPtrArray) services = vt_service_refs_from_json (ctx, vt_json_get_member (object, "service"));

      g_ptr_array_extend_and_steal (resource->services, g_steal_pointer (&services));
    }

  /* Annotations of this resource alone (cookbook 0326): their targets
   * are in its pixels, mapped to the canvas by
   * vt_painting_annotation_map_target(). */
  if (ctx != NULL && ctx->annotation_budget != NULL && json_object_has_member (object, "annotations"))
    {
      resource->annotation_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_page_unref);
      vt_annotation_pages_from_json (ctx, vt_json_get_member (object, "annotations"),
                                     resource->annotation_pages, ctx->annotation_budget);
      if (resource->annotation_pages->len == 0)
        g_clear_pointer (&resource->annotation_pages, g_ptr_array_unref);
    }

  /* No type: an image format or an image service still says "image". */
  if (resource->kind == VT_CONTENT_OTHER && resource->type == NULL &&
      ((resource->format != NULL && g_str_has_prefix (resource->format, "image/")) ||
       vt_content_resource_get_image_service (resource) != NULL ||
       looks_like_image_url (resource->id)))
    resource->kind = VT_CONTENT_IMAGE;

  return g_steal_pointer (&resource);
}

/**
 * vt_painting_body_from_json:
 *
 * Reads the body (v3) or resource (v2) of a painting annotation into
 * @anno: a plain resource, a Choice (v2 `default` + `item`, v3 `items`) or
 * a SpecificResource (v2 `full`, v3 `source`, with a selector).
 */
void
vt_painting_body_from_json (VtParseContext       *ctx,
                            JsonNode             *node,
                            VtPaintingAnnotation *anno,
                            guint                 depth)
{
  JsonObject *object;
  const char *type;

  if (node == NULL || depth > 4)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      VtContentResource *resource = content_resource_from_json (ctx, node);

      if (resource != NULL)
        g_ptr_array_add (anno->bodies, resource);
      return;
    }

  object = json_node_get_object (node);
  type = vt_json_get_type (object);

  if (vt_type_is (type, "Choice"))
    {
      JsonArray *items = vt_json_get_array (object, "items");
      JsonNode *item = vt_json_get_member (object, "item");

      anno->is_choice = TRUE;
      if (json_object_has_member (object, "default"))
        vt_painting_body_from_json (ctx, vt_json_get_member (object, "default"), anno, depth + 1);
      if (items == NULL && item != NULL && JSON_NODE_HOLDS_ARRAY (item))
        items = json_node_get_array (item);
      else if (items == NULL && item != NULL)
        vt_painting_body_from_json (ctx, item, anno, depth + 1);
      for (guint i = 0; items != NULL && i < json_array_get_length (items) && i < 256; i++)
        vt_painting_body_from_json (ctx, json_array_get_element (items, i), anno, depth + 1);
      return;
    }

  if (vt_type_is (type, "SpecificResource"))
    {
      JsonNode *source = vt_json_get_member (object, "source");
      guint before = anno->bodies->len;
      VtRect rect;

      if (source == NULL)
        source = vt_json_get_member (object, "full");
      vt_painting_body_from_json (ctx, source, anno, depth + 1);
      if (anno->bodies->len > before && vt_parse_selector_rect (vt_json_get_member (object, "selector"), &rect))
        {
          VtContentResource *resource = g_ptr_array_index (anno->bodies, before);

          resource->has_selector = TRUE;
          resource->selector = rect;
        }
      if (anno->bodies->len > before)
        {
          VtContentResource *resource = g_ptr_array_index (anno->bodies, before);
          g_autoptr(GPtrArray) selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_selector_unref);

          vt_selectors_from_json (ctx, vt_json_get_member (object, "selector"), selectors, 0);
          if (selectors->len > 0 && resource->full_selector == NULL)
            resource->full_selector = vt_selector_ref (g_ptr_array_index (selectors, 0));
        }
      return;
    }

  {
    VtContentResource *resource = content_resource_from_json (ctx, node);

    if (resource != NULL)
      g_ptr_array_add (anno->bodies, resource);
  }
}

/**
 * vt_painting_target_from_json:
 *
 * Reads the target (v3) or `on` (v2) of a painting annotation: a canvas URI
 * maybe with `#xywh=`, or a SpecificResource of the canvas with a selector.
 */
void
vt_painting_target_from_json (JsonNode             *node,
                              VtPaintingAnnotation *anno)
{
  const char *s;
  g_autofree char *id = NULL;

  if (node == NULL)
    return;

  /* The full target once, at the top (not for each array element). */
  if (anno->full_target == NULL)
    {
      JsonNode *first = node;

      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        first = json_array_get_element (json_node_get_array (node), 0);
      anno->full_target = vt_annotation_target_from_json (NULL, first);
      if (anno->full_target != NULL)
        anno->has_time = vt_annotation_target_get_time (anno->full_target, &anno->time_start, &anno->time_end);
    }

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      id = vt_iiif_split_fragment (s, &anno->target, &anno->has_target);
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      vt_painting_target_from_json (json_array_get_element (json_node_get_array (node), 0), anno);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (vt_parse_selector_rect (vt_json_get_member (object, "selector"), &anno->target))
        anno->has_target = TRUE;
      else if ((s = vt_json_get_id (object)) != NULL)
        id = vt_iiif_split_fragment (s, &anno->target, &anno->has_target);
    }
}


/* A target given in per cent (`#xywh=percent:`) becomes pixels once the
 * canvas size is known. */
void
vt_canvas_resolve_targets (VtCanvas *canvas)
{
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, i);
      VtRect rect;

      if (!anno->has_target && anno->full_target != NULL &&
          vt_annotation_target_get_rect (anno->full_target, canvas->width, canvas->height, &rect))
        {
          anno->has_target = TRUE;
          anno->target = rect;
        }
    }
}
