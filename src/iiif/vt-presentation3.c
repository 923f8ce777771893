/* vt-presentation3.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-presentation3"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

/* Presentation 3.0 into the normalised model. */

#define MAX_RANGE_DEPTH 64

static VtMetadataEntry *parse_required_statement (JsonNode *node);

static gboolean
motivation_is_painting (JsonNode *node)
{
  g_auto(GStrv) motivations = vt_json_dup_strv (node);

  /* No motivation: draft documents; take them as painting. An empty one
   * says nothing either, and canvas.items holds painting annotations. */
  if (node == NULL)
    return TRUE;
  for (guint i = 0; motivations[i] != NULL; i++)
    if (strstr (motivations[i], "painting") != NULL || *g_strstrip (motivations[i]) == '\0')
      return TRUE;
  return FALSE;
}

/* A non-painting annotation among the painting ones (supplementing
 * captions sometimes are): kept in a page of its own, with no id. */
static void
add_stray_annotation (VtParseContext *ctx,
                      VtCanvas       *canvas,
                      JsonObject     *object,
                      guint          *budget)
{
  VtAnnotationPage *page = NULL;

  if (*budget == 0)
    return;
  for (guint i = 0; i < canvas->annotation_pages->len && page == NULL; i++)
    {
      VtAnnotationPage *p = g_ptr_array_index (canvas->annotation_pages, i);

      if (p->id == NULL && p->loaded)
        page = p;
    }
  if (page == NULL)
    {
      page = vt_annotation_page_new ();
      page->loaded = TRUE;
      g_ptr_array_add (canvas->annotation_pages, page);
    }
  (*budget)--;
  g_ptr_array_add (page->items, vt_annotation_from_json (ctx, object));
}

static void
parse_annotation (VtParseContext *ctx,
                  VtCanvas       *canvas,
                  JsonObject     *object,
                  guint          *budget)
{
  g_autoptr(VtPaintingAnnotation) anno = NULL;
  JsonNode *body;

  if (!motivation_is_painting (vt_json_get_member (object, "motivation")))
    {
      add_stray_annotation (ctx, canvas, object, budget);
      return;
    }

  anno = vt_painting_annotation_new ();
  anno->id = g_strdup (vt_json_get_id (object));

  body = vt_json_get_member (object, "body");
  if (body == NULL)
    body = vt_json_get_member (object, "resource");
  if (body != NULL && JSON_NODE_HOLDS_ARRAY (body))
    {
      JsonArray *array = json_node_get_array (body);

      if (json_array_get_length (array) > 1)
        vt_parse_warn (ctx, _("An annotation of canvas “%s” has several bodies; only the first is shown"),
                       canvas->id ? canvas->id : "?");
      body = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
    }

  /* An image's own annotations (0326: a tag on the X-ray of a Choice)
   * count against the canvas's annotations. */
  ctx->annotation_budget = budget;
  vt_painting_body_from_json (ctx, body, anno, 0);
  ctx->annotation_budget = NULL;
  if (anno->bodies->len == 0)
    {
      vt_parse_warn (ctx, _("Skipped an annotation of canvas “%s” without a usable body"),
                     canvas->id ? canvas->id : "?");
      return;
    }
  vt_painting_target_from_json (vt_json_get_member (object, "target"), anno);
  /* Rights may differ per image, as they do per canvas. */
  anno->rights = vt_json_dup_uri (vt_json_get_member (object, "rights"));
  anno->required_statement = parse_required_statement (vt_json_get_member (object, "requiredStatement"));

  g_ptr_array_add (canvas->annotations, g_steal_pointer (&anno));
}

static void
parse_annotation_page (VtParseContext *ctx,
                       VtCanvas       *canvas,
                       JsonNode       *node,
                       guint          *budget)
{
  JsonArray *items;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  items = vt_json_get_array (json_node_get_object (node), "items");
  if (items == NULL)
    {
      vt_parse_warn (ctx, _("Canvas “%s” refers to an annotation page that is not embedded"),
                     canvas->id ? canvas->id : "?");
      return;
    }

  for (guint i = 0; i < json_array_get_length (items) && i < 1024; i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        parse_annotation (ctx, canvas, json_node_get_object (element), budget);
    }
}

static VtCanvas *parse_canvas_at (VtParseContext *ctx,
                                  JsonObject     *object,
                                  guint           depth);

/* placeholderCanvas, accompanyingCanvas: canvases of their own, but not
 * with more of them inside. */
static VtCanvas *
parse_extra_canvas (VtParseContext *ctx,
                    JsonObject     *owner,
                    const char     *member,
                    guint           depth)
{
  JsonNode *node = vt_json_get_member (owner, member);

  if (node == NULL)
    return NULL;
  if (depth > 0)
    {
      /* Translators: %s is "placeholderCanvas" or "accompanyingCanvas" */
      vt_parse_warn (ctx, _("Ignored a %s inside a placeholder or accompanying canvas"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is "placeholderCanvas" or "accompanyingCanvas" */
      vt_parse_warn (ctx, _("Ignored a %s that is not a canvas object"), member);
      return NULL;
    }
  return parse_canvas_at (ctx, json_node_get_object (node), depth + 1);
}

static VtCanvas *
parse_canvas (VtParseContext *ctx,
              JsonObject     *object)
{
  return parse_canvas_at (ctx, object, 0);
}

static VtCanvas *
parse_canvas_at (VtParseContext *ctx,
                 JsonObject     *object,
                 guint           depth)
{
  g_autoptr(VtCanvas) canvas = vt_canvas_new ();
  JsonNode *items;
  VtRect rect;
  gboolean has_rect;
  guint budget = VT_IIIF_MAX_ANNOTATIONS;

  canvas->id = vt_iiif_split_fragment (vt_json_get_id (object), &rect, &has_rect);
  if (canvas->id == NULL)
    vt_parse_warn (ctx, _("A canvas has no id"));
  canvas->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  vt_read_dimension (ctx, object, "width", canvas->id, &canvas->width);
  vt_read_dimension (ctx, object, "height", canvas->id, &canvas->height);
  if (!vt_json_get_double (object, "duration", &canvas->duration) || canvas->duration < 0)
    canvas->duration = 0;
  g_ptr_array_unref (canvas->thumbnail);
  canvas->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  g_strfreev (canvas->behavior);
  canvas->behavior = vt_behavior_from_json (vt_json_get_member (object, "behavior"));
  canvas->rights = vt_json_dup_uri (vt_json_get_member (object, "rights"));
  canvas->required_statement = parse_required_statement (vt_json_get_member (object, "requiredStatement"));
  /* What is said of one page alone (0029 metadata-anywhere, a video's
   * transcript in 0017): shown while that page is on screen. */
  canvas->summary = vt_language_map_from_json (vt_json_get_member (object, "summary"));
  if (vt_json_get_member (object, "metadata") != NULL)
    canvas->metadata = vt_metadata_from_json (ctx, vt_json_get_member (object, "metadata"));
  if (vt_json_get_member (object, "homepage") != NULL)
    canvas->homepage = vt_resources_from_json (ctx, vt_json_get_member (object, "homepage"));
  if (vt_json_get_member (object, "rendering") != NULL)
    canvas->rendering = vt_resources_from_json (ctx, vt_json_get_member (object, "rendering"));
  if (vt_json_get_member (object, "seeAlso") != NULL)
    canvas->see_also = vt_resources_from_json (ctx, vt_json_get_member (object, "seeAlso"));

  items = vt_json_get_member (object, "items");
  if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array) && i < 1024; i++)
        parse_annotation_page (ctx, canvas, json_array_get_element (array, i), &budget);
    }
  else if (items != NULL && JSON_NODE_HOLDS_OBJECT (items))
    parse_annotation_page (ctx, canvas, items, &budget);

  canvas->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) canvas->behavior);
  vt_annotation_pages_from_json (ctx, vt_json_get_member (object, "annotations"),
                                 canvas->annotation_pages, &budget);
  canvas->placeholder_canvas = parse_extra_canvas (ctx, object, "placeholderCanvas", depth);
  canvas->accompanying_canvas = parse_extra_canvas (ctx, object, "accompanyingCanvas", depth);
  canvas->nav_date = g_strdup (vt_json_get_string (object, "navDate"));
  canvas->nav_place = vt_nav_place_from_json (ctx, vt_json_get_member (object, "navPlace"));
  vt_canvas_read_physdim (ctx, canvas, object);
  vt_canvas_resolve_targets (canvas);

  return g_steal_pointer (&canvas);
}

static VtAgent *
parse_agent (VtParseContext *ctx,
             JsonNode       *node)
{
  VtAgent *agent;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  agent = vt_agent_new ();
  agent->id = g_strdup (vt_json_get_id (object));
  agent->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  g_ptr_array_unref (agent->homepage);
  agent->homepage = vt_resources_from_json (ctx, vt_json_get_member (object, "homepage"));
  g_ptr_array_unref (agent->logo);
  agent->logo = vt_resources_from_json (ctx, vt_json_get_member (object, "logo"));
  return agent;
}

static VtMetadataEntry *
parse_required_statement (JsonNode *node)
{
  JsonObject *object;
  VtLanguageMap *value;

  if (node == NULL)
    return NULL;

  /* A bare language map or string instead of {label, value}. */
  if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), "value"))
    {
      value = vt_language_map_from_json (node);
      return value != NULL ? vt_metadata_entry_new (NULL, value) : NULL;
    }

  object = json_node_get_object (node);
  value = vt_language_map_from_json (vt_json_get_member (object, "value"));
  if (value == NULL)
    return NULL;
  return vt_metadata_entry_new (vt_language_map_from_json (vt_json_get_member (object, "label")), value);
}

static VtRange *
parse_range (VtParseContext *ctx,
             JsonObject     *object,
             guint           depth)
{
  VtRange *range = vt_range_new ();
  JsonArray *items;

  range->id = g_strdup (vt_json_get_id (object));
  range->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  g_strfreev (range->behavior);
  range->behavior = vt_behavior_from_json (vt_json_get_member (object, "behavior"));
  range->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) range->behavior);
  g_ptr_array_unref (range->thumbnail);
  range->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  range->viewing_direction = vt_viewing_direction_from_string (vt_json_get_string (object, "viewingDirection"));
  range->start_selector = vt_start_selector_from_json (ctx, vt_json_get_member (object, "start"));

  items = vt_json_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item;
      const char *type;

      if (vt_json_node_get_string (node) != NULL)
        {
          g_ptr_array_add (range->items, vt_range_item_new_canvas (vt_json_node_get_string (node)));
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      item = json_node_get_object (node);
      type = vt_json_get_type (item);
      if (g_strcmp0 (type, "Range") == 0)
        {
          VtRange *child;

          if (depth >= MAX_RANGE_DEPTH)
            {
              vt_parse_warn (ctx, _("Ranges are nested too deeply; the deepest ones are left out"));
              continue;
            }
          if (++ctx->n_ranges > VT_IIIF_MAX_RANGES)
            {
              vt_parse_warn (ctx, _("The document has more than %d ranges; the rest are left out"),
                             VT_IIIF_MAX_RANGES);
              break;
            }
          child = parse_range (ctx, item, depth + 1);
          g_ptr_array_add (range->items, vt_range_item_new_range (child));
          vt_range_unref (child);
        }
      else if (g_strcmp0 (type, "SpecificResource") == 0)
        {
          g_autofree char *source = vt_json_dup_uri (vt_json_get_member (item, "source"));
          VtRangeItem *entry;
          VtRect rect;

          if (source == NULL)
            continue;
          entry = vt_range_item_new_canvas (source);
          if (!entry->has_region && vt_parse_selector_rect (vt_json_get_member (item, "selector"), &rect))
            {
              entry->has_region = TRUE;
              entry->region = rect;
            }
          g_ptr_array_add (range->items, entry);
        }
      else if (vt_json_get_id (item) != NULL)
        g_ptr_array_add (range->items, vt_range_item_new_canvas (vt_json_get_id (item)));
    }

  return range;
}

static void
parse_descriptive (VtParseContext   *ctx,
                   JsonObject       *object,
                   char            **id,
                   VtLanguageMap   **label,
                   VtLanguageMap   **summary,
                   GPtrArray       **metadata,
                   VtMetadataEntry **required_statement,
                   char            **rights,
                   GPtrArray       **thumbnail,
                   char           ***behavior)
{
  *id = g_strdup (vt_json_get_id (object));
  *label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  *summary = vt_language_map_from_json (vt_json_get_member (object, "summary"));
  g_ptr_array_unref (*metadata);
  *metadata = vt_metadata_from_json (ctx, vt_json_get_member (object, "metadata"));
  *required_statement = parse_required_statement (vt_json_get_member (object, "requiredStatement"));
  *rights = vt_json_dup_uri (vt_json_get_member (object, "rights"));
  g_ptr_array_unref (*thumbnail);
  *thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  g_strfreev (*behavior);
  *behavior = vt_behavior_from_json (vt_json_get_member (object, "behavior"));
}

/* A body's service may be just {id, type}, described in full once in the
 * manifest's top-level "services" (3.0 §3.3): fill in what it says. */
static void
resolve_service_refs (VtManifest *manifest)
{
  if (manifest->services->len == 0)
    return;

  for (guint i = 0; i < manifest->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (manifest->canvases, i);

      for (guint j = 0; j < canvas->annotations->len; j++)
        {
          VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, j);

          for (guint k = 0; k < anno->bodies->len; k++)
            {
              VtContentResource *body = g_ptr_array_index (anno->bodies, k);

              for (guint l = 0; l < body->services->len; l++)
                {
                  VtServiceRef *ref = g_ptr_array_index (body->services, l);

                  if (ref->id == NULL || ref->profile != NULL)
                    continue;
                  for (guint m = 0; m < manifest->services->len && m < 256; m++)
                    {
                      VtServiceRef *full = g_ptr_array_index (manifest->services, m);

                      if (full == ref || g_strcmp0 (full->id, ref->id) != 0)
                        continue;
                      ref->profile = g_strdup (full->profile);
                      if (ref->type == NULL)
                        ref->type = g_strdup (full->type);
                      if (ref->image_version == VT_IMAGE_API_UNKNOWN)
                        ref->image_version = full->image_version;
                      if (ref->level < 0)
                        ref->level = full->level;
                      if (ref->width == 0 && ref->height == 0)
                        {
                          ref->width = full->width;
                          ref->height = full->height;
                        }
                      break;
                    }
                }
            }
        }
    }
}

VtManifest *
vt_presentation3_parse_manifest (VtParseContext *ctx,
                                 JsonObject     *object,
                                 GError        **error)
{
  g_autoptr(VtManifest) manifest = vt_manifest_new (VT_PRESENTATION_3);
  JsonNode *node;
  JsonArray *array;

  parse_descriptive (ctx, object, &manifest->id, &manifest->label, &manifest->summary,
                     &manifest->metadata, &manifest->required_statement, &manifest->rights,
                     &manifest->thumbnail, &manifest->behavior);
  if (manifest->id == NULL)
    vt_parse_warn (ctx, _("The manifest has no id"));

  node = vt_json_get_member (object, "provider");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        {
          VtAgent *agent = parse_agent (ctx, json_array_get_element (array, i));

          if (agent != NULL)
            g_ptr_array_add (manifest->provider, agent);
        }
    }
  else if (node != NULL)
    {
      VtAgent *agent = parse_agent (ctx, node);

      if (agent != NULL)
        g_ptr_array_add (manifest->provider, agent);
    }

  /* Pre-3.0 drafts still say "logo". */
  node = vt_json_get_member (object, "logo");
  if (node != NULL)
    {
      VtAgent *agent = vt_agent_new ();

      g_ptr_array_unref (agent->logo);
      agent->logo = vt_resources_from_json (ctx, node);
      g_ptr_array_add (manifest->provider, agent);
    }

  g_ptr_array_unref (manifest->homepage);
  manifest->homepage = vt_resources_from_json (ctx, vt_json_get_member (object, "homepage"));
  g_ptr_array_unref (manifest->rendering);
  manifest->rendering = vt_resources_from_json (ctx, vt_json_get_member (object, "rendering"));
  g_ptr_array_unref (manifest->see_also);
  manifest->see_also = vt_resources_from_json (ctx, vt_json_get_member (object, "seeAlso"));
  g_ptr_array_unref (manifest->part_of);
  manifest->part_of = vt_resources_from_json (ctx, vt_json_get_member (object, "partOf"));
  g_ptr_array_unref (manifest->services);
  manifest->services = vt_service_refs_from_json (ctx, vt_json_get_member (object, "service"));
  {
    g_autoptr(GPtrArray) more = vt_service_refs_from_json (ctx, vt_json_get_member (object, "services"));

    g_ptr_array_extend_and_steal (manifest->services, g_steal_pointer (&more));
  }
  manifest->nav_date = g_strdup (vt_json_get_string (object, "navDate"));
  manifest->viewing_direction = vt_viewing_direction_from_string (vt_json_get_string (object, "viewingDirection"));
  manifest->start_canvas = vt_json_dup_uri (vt_json_get_member (object, "start"));
  manifest->start_selector = vt_start_selector_from_json (ctx, vt_json_get_member (object, "start"));
  manifest->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) manifest->behavior);
  manifest->nav_place = vt_nav_place_from_json (ctx, vt_json_get_member (object, "navPlace"));
  manifest->placeholder_canvas = parse_extra_canvas (ctx, object, "placeholderCanvas", 0);
  manifest->accompanying_canvas = parse_extra_canvas (ctx, object, "accompanyingCanvas", 0);
  {
    guint budget = VT_IIIF_MAX_ANNOTATIONS;

    vt_annotation_pages_from_json (ctx, vt_json_get_member (object, "annotations"),
                                   manifest->annotation_pages, &budget);
  }

  node = vt_json_get_member (object, "items");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      if (!vt_parse_canvas_list (ctx, object, "items", array, manifest, parse_canvas, error))
        return NULL;
    }
  if (manifest->canvases->len == 0)
    vt_parse_warn (ctx, _("The manifest has no canvases"));
  vt_check_start_canvas (ctx, manifest);
  resolve_service_refs (manifest);
  vt_check_viewing_direction (ctx, object);

  node = vt_json_get_member (object, "structures");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          if (++ctx->n_ranges > VT_IIIF_MAX_RANGES)
            {
              vt_parse_warn (ctx, _("The document has more than %d ranges; the rest are left out"),
                             VT_IIIF_MAX_RANGES);
              break;
            }
          g_ptr_array_add (manifest->structures, parse_range (ctx, json_node_get_object (element), 0));
        }
    }

  return g_steal_pointer (&manifest);
}

VtManifest *
vt_presentation3_parse_canvas (VtParseContext *ctx,
                               JsonObject     *object,
                               GError        **error)
{
  VtManifest *manifest = vt_manifest_new (VT_PRESENTATION_3);

  g_ptr_array_add (manifest->canvases, parse_canvas (ctx, object));
  return manifest;
}

static VtCollection *parse_collection (VtParseContext *ctx,
                                       JsonObject     *object,
                                       guint           depth,
                                       GError        **error);

static VtCollection *
parse_collection (VtParseContext *ctx,
                  JsonObject     *object,
                  guint           depth,
                  GError        **error)
{
  g_autoptr(VtCollection) collection = vt_collection_new (VT_PRESENTATION_3);
  JsonArray *items;

  parse_descriptive (ctx, object, &collection->id, &collection->label, &collection->summary,
                     &collection->metadata, &collection->required_statement, &collection->rights,
                     &collection->thumbnail, &collection->behavior);

  items = vt_json_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(VtCollectionMember) member = NULL;
      JsonObject *item;
      const char *type;

      if (++ctx->n_members > VT_IIIF_MAX_MEMBERS)
        {
          g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                       _("The collection has more than %d members"), VT_IIIF_MAX_MEMBERS);
          return NULL;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          vt_parse_warn (ctx, _("Skipped a collection member that is not an object"));
          continue;
        }

      item = json_node_get_object (node);
      type = vt_json_get_type (item);
      member = vt_collection_member_new (type != NULL && strstr (type, "Collection") != NULL ?
                                         VT_COLLECTION_MEMBER_COLLECTION : VT_COLLECTION_MEMBER_MANIFEST);
      member->id = g_strdup (vt_json_get_id (item));
      member->label = vt_language_map_from_json (vt_json_get_member (item, "label"));
      g_ptr_array_unref (member->thumbnail);
      member->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (item, "thumbnail"));
      member->nav_date = g_strdup (vt_json_get_string (item, "navDate"));
      if (member->id == NULL)
        vt_parse_warn (ctx, _("A collection member has no id"));

      if (member->kind == VT_COLLECTION_MEMBER_COLLECTION && json_object_has_member (item, "items"))
        {
          member->embedded = parse_collection (ctx, item, depth + 1, error);
          if (member->embedded == NULL)
            return NULL;
        }

      g_ptr_array_add (collection->members, g_steal_pointer (&member));
    }

  return g_steal_pointer (&collection);
}

VtCollection *
vt_presentation3_parse_collection (VtParseContext *ctx,
                                   JsonObject     *object,
                                   GError        **error)
{
  return parse_collection (ctx, object, 0, error);
}
