/* vt-presentation2.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-presentation2"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

/* Presentation 2.0/2.1 (and the many ways publishers bend it) into the
 * normalised model. */

#define MAX_RANGE_DEPTH 64

/* `license` and `attribution`, which v2 allows on any resource: the first
 * licence, and the attribution as a statement without a label. */
static void
read_rights (JsonObject       *object,
             char            **rights,
             VtMetadataEntry **required_statement)
{
  g_auto(GStrv) licenses = vt_json_dup_strv (vt_json_get_member (object, "license"));
  VtLanguageMap *attribution = vt_language_map_from_json (vt_json_get_member (object, "attribution"));

  if (attribution != NULL)
    *required_statement = vt_metadata_entry_new (NULL, attribution);
  if (licenses[0] != NULL)
    *rights = g_strdup (licenses[0]);
  else
    /* license as {"@id": …} */
    *rights = vt_json_dup_uri (vt_json_get_member (object, "license"));
}

static void
parse_annotation (VtParseContext *ctx,
                  VtCanvas       *canvas,
                  JsonNode       *node)
{
  g_autoptr(VtPaintingAnnotation) anno = NULL;
  JsonObject *object;
  const char *motivation;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("Skipped an image annotation of canvas “%s” that is not an object"),
                     canvas->id ? canvas->id : "?");
      return;
    }

  object = json_node_get_object (node);
  motivation = vt_json_get_string (object, "motivation");
  /* Everything in canvas.images paints; Staatsbibliothek zu Berlin says so
   * with "motivation": "" on every image. */
  if (motivation == NULL || *motivation == '\0')
    vt_parse_warn (ctx, _("An image annotation of canvas “%s” has no motivation"),
                   canvas->id ? canvas->id : "?");
  else if (strstr (motivation, "painting") == NULL)
    {
      vt_parse_warn (ctx, _("Skipped an annotation of canvas “%s” that does not paint it"),
                     canvas->id ? canvas->id : "?");
      return;
    }

  anno = vt_painting_annotation_new ();
  anno->id = g_strdup (vt_json_get_id (object));
  vt_painting_body_from_json (ctx, vt_json_get_member (object, "resource"), anno, 0);
  if (anno->bodies->len == 0)
    {
      vt_parse_warn (ctx, _("Skipped an image annotation of canvas “%s” without a usable resource"),
                     canvas->id ? canvas->id : "?");
      return;
    }
  vt_painting_target_from_json (vt_json_get_member (object, "on"), anno);
  {
    g_autofree char *on = vt_json_dup_uri (vt_json_get_member (object, "on"));
    VtRect rect;
    gboolean has_rect;
    g_autofree char *target = vt_iiif_split_fragment (on, &rect, &has_rect);

    if (canvas->id != NULL && g_strcmp0 (target, canvas->id) != 0)
      vt_parse_warn (ctx, _("An image annotation of canvas “%s” targets another canvas"), canvas->id);
  }
  {
    VtContentResource *body = vt_painting_annotation_get_body (anno);

    if (body != NULL && body->type == NULL && !anno->is_choice)
      vt_parse_warn (ctx, _("An image of canvas “%s” does not say what type it is"),
                     canvas->id ? canvas->id : "?");
    else if (body != NULL && body->kind != VT_CONTENT_IMAGE)
      vt_parse_warn (ctx, _("Canvas “%s” shows something that is not an image"),
                     canvas->id ? canvas->id : "?");
    if (body != NULL && !vt_uri_is_absolute (body->id))
      vt_parse_warn (ctx, _("An image of canvas “%s” has no valid id"),
                     canvas->id ? canvas->id : "?");
  }

  /* Ghent puts the licence and attribution on the image annotation. */
  read_rights (object, &anno->rights, &anno->required_statement);

  g_ptr_array_add (canvas->annotations, g_steal_pointer (&anno));
}

static VtCanvas *
parse_canvas (VtParseContext *ctx,
              JsonObject     *object)
{
  g_autoptr(VtCanvas) canvas = vt_canvas_new ();
  JsonNode *images;
  VtRect rect;
  gboolean has_rect;

  canvas->id = vt_iiif_split_fragment (vt_json_get_id (object), &rect, &has_rect);
  if (canvas->id == NULL)
    vt_parse_warn (ctx, _("A canvas has no id"));
  else if (!vt_uri_is_absolute (canvas->id))
    vt_parse_warn (ctx, _("The canvas id “%s” is not a URI"), canvas->id);
  canvas->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  if (canvas->label == NULL)
    vt_parse_warn (ctx, _("Canvas “%s” has no label"), canvas->id ? canvas->id : "?");
  vt_read_dimension (ctx, object, "width", canvas->id, &canvas->width);
  vt_read_dimension (ctx, object, "height", canvas->id, &canvas->height);
  if (!json_object_has_member (object, "width") || !json_object_has_member (object, "height"))
    vt_parse_warn (ctx, _("Canvas “%s” does not give its width and height"), canvas->id ? canvas->id : "?");
  g_ptr_array_unref (canvas->thumbnail);
  canvas->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  g_strfreev (canvas->behavior);
  canvas->behavior = vt_behavior_from_json (vt_json_get_member (object, "viewingHint"));
  read_rights (object, &canvas->rights, &canvas->required_statement);
  /* What is said of one page alone: shown while it is on screen. */
  canvas->summary = vt_language_map_from_json (vt_json_get_member (object, "description"));
  if (vt_json_get_member (object, "metadata") != NULL)
    canvas->metadata = vt_metadata_from_json (ctx, vt_json_get_member (object, "metadata"));
  if (vt_json_get_member (object, "related") != NULL)
    canvas->homepage = vt_resources_from_json (ctx, vt_json_get_member (object, "related"));
  if (vt_json_get_member (object, "rendering") != NULL)
    canvas->rendering = vt_resources_from_json (ctx, vt_json_get_member (object, "rendering"));
  if (vt_json_get_member (object, "seeAlso") != NULL)
    canvas->see_also = vt_resources_from_json (ctx, vt_json_get_member (object, "seeAlso"));

  images = vt_json_get_member (object, "images");
  if (images != NULL && JSON_NODE_HOLDS_ARRAY (images))
    {
      JsonArray *array = json_node_get_array (images);

      for (guint i = 0; i < json_array_get_length (array) && i < 1024; i++)
        parse_annotation (ctx, canvas, json_array_get_element (array, i));
    }
  else if (images != NULL && JSON_NODE_HOLDS_OBJECT (images))
    {
      vt_parse_warn (ctx, _("The images of canvas “%s” are not in a list"), canvas->id ? canvas->id : "?");
      parse_annotation (ctx, canvas, images);
    }
  else if (images != NULL)
    vt_parse_warn (ctx, _("Ignored the images of canvas “%s”: they are not a list"), canvas->id ? canvas->id : "?");

  canvas->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) canvas->behavior);
  canvas->nav_date = g_strdup (vt_json_get_string (object, "navDate"));
  {
    guint budget = VT_IIIF_MAX_ANNOTATIONS;

    /* AnnotationLists: mostly references, fetched when shown. */
    vt_annotation_pages_from_json (ctx, vt_json_get_member (object, "otherContent"),
                                   canvas->annotation_pages, &budget);
  }
  vt_canvas_read_physdim (ctx, canvas, object);
  vt_canvas_resolve_targets (canvas);

  return g_steal_pointer (&canvas);
}

static gboolean
add_canvases (VtParseContext *ctx,
              VtManifest     *manifest,
              JsonObject     *owner,
              GError        **error)
{
  JsonNode *node = vt_json_get_member (owner, "canvases");
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("The canvases are not in a list"));
      g_ptr_array_add (manifest->canvases, parse_canvas (ctx, json_node_get_object (node)));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      vt_parse_warn (ctx, _("Ignored “canvases”: it is not a list"));
      return TRUE;
    }

  array = json_node_get_array (node);

  return vt_parse_canvas_list (ctx, owner, "canvases", array, manifest, parse_canvas, error);
}

/* Descriptive properties shared by manifests and collections. */
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
  *summary = vt_language_map_from_json (vt_json_get_member (object, "description"));
  if (*summary == NULL && json_object_has_member (object, "description"))
    vt_parse_warn (ctx, _("Ignored a description without a value"));
  g_ptr_array_unref (*metadata);
  *metadata = vt_metadata_from_json (ctx, vt_json_get_member (object, "metadata"));
  read_rights (object, rights, required_statement);
  g_ptr_array_unref (*thumbnail);
  *thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  g_strfreev (*behavior);
  *behavior = vt_behavior_from_json (vt_json_get_member (object, "viewingHint"));
}

typedef struct
{
  VtRange   *range;
  JsonObject *object;
  gboolean   linked;
  gboolean   referenced;
  gboolean   attached;
} RangeEntry;

static void
link_range (VtParseContext *ctx,
            GHashTable     *by_id,
            RangeEntry     *entry,
            guint           depth);

static void
add_child_range (VtParseContext *ctx,
                 GHashTable     *by_id,
                 RangeEntry     *parent,
                 const char     *child_id,
                 guint           depth)
{
  RangeEntry *child = child_id != NULL ? g_hash_table_lookup (by_id, child_id) : NULL;

  if (child == NULL)
    {
      vt_parse_warn (ctx, _("A range refers to the unknown range “%s”"), child_id ? child_id : "?");
      return;
    }
  /* Only a tree: a range already placed (or one of our ancestors) is not
   * placed again, which also breaks reference cycles. */
  if (child->attached || child == parent)
    {
      vt_parse_warn (ctx, _("The range “%s” is referenced more than once"), child_id);
      return;
    }

  child->attached = TRUE;
  g_ptr_array_add (parent->range->items, vt_range_item_new_range (child->range));
  link_range (ctx, by_id, child, depth + 1);
}

static void
link_range (VtParseContext *ctx,
            GHashTable     *by_id,
            RangeEntry     *entry,
            guint           depth)
{
  JsonArray *members;
  JsonArray *ranges;
  JsonArray *canvases;

  if (entry->linked)
    return;
  entry->linked = TRUE;

  if (depth > MAX_RANGE_DEPTH)
    {
      vt_parse_warn (ctx, _("Ranges are nested too deeply; the deepest ones are left out"));
      return;
    }

  members = vt_json_get_array (entry->object, "members");
  if (members != NULL)
    {
      for (guint i = 0; i < json_array_get_length (members); i++)
        {
          JsonNode *node = json_array_get_element (members, i);
          JsonObject *member;
          const char *type;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          member = json_node_get_object (node);
          type = vt_json_get_type (member);
          if (type != NULL && strstr (type, "Range") != NULL)
            add_child_range (ctx, by_id, entry, vt_json_get_id (member), depth);
          else if (vt_json_get_id (member) != NULL)
            g_ptr_array_add (entry->range->items, vt_range_item_new_canvas (vt_json_get_id (member)));
        }
      return;
    }

  ranges = vt_json_get_array (entry->object, "ranges");
  for (guint i = 0; ranges != NULL && i < json_array_get_length (ranges); i++)
    {
      const char *id = vt_json_node_get_string (json_array_get_element (ranges, i));

      if (id != NULL)
        add_child_range (ctx, by_id, entry, id, depth);
    }

  canvases = vt_json_get_array (entry->object, "canvases");
  for (guint i = 0; canvases != NULL && i < json_array_get_length (canvases); i++)
    {
      const char *id = vt_json_node_get_string (json_array_get_element (canvases, i));

      if (id != NULL)
        g_ptr_array_add (entry->range->items, vt_range_item_new_canvas (id));
    }
}

static void
mark_referenced (GHashTable *by_id,
                 JsonArray  *array,
                 gboolean    objects)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id = objects && JSON_NODE_HOLDS_OBJECT (node) ?
                       vt_json_get_id (json_node_get_object (node)) :
                       vt_json_node_get_string (node);
      RangeEntry *entry = id != NULL ? g_hash_table_lookup (by_id, id) : NULL;

      if (entry != NULL)
        entry->referenced = TRUE;
    }
}

/* v2 `structures` is a flat list linked by id; make it a tree. Roots are the
 * ranges marked "top", else those no other range refers to. */
static void
parse_structures (VtParseContext *ctx,
                  VtManifest     *manifest,
                  JsonArray      *array)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (RangeEntry));
  gboolean any_top = FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      RangeEntry entry = { 0 };
      VtRange *range;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      if (++ctx->n_ranges > VT_IIIF_MAX_RANGES)
        {
          vt_parse_warn (ctx, _("The document has more than %d ranges; the rest are left out"),
                         VT_IIIF_MAX_RANGES);
          break;
        }

      range = vt_range_new ();
      entry.object = json_node_get_object (node);
      range->id = g_strdup (vt_json_get_id (entry.object));
      range->label = vt_language_map_from_json (vt_json_get_member (entry.object, "label"));
      g_strfreev (range->behavior);
      range->behavior = vt_behavior_from_json (vt_json_get_member (entry.object, "viewingHint"));
      range->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) range->behavior);
      g_ptr_array_unref (range->thumbnail);
      range->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (entry.object, "thumbnail"));
      range->viewing_direction = vt_viewing_direction_from_string (vt_json_get_string (entry.object, "viewingDirection"));
      entry.range = range;
      any_top |= vt_range_has_behavior (range, "top");
      g_array_append_val (entries, entry);
    }

  /* The array no longer grows: pointers into it are stable now. */
  for (guint i = 0; i < entries->len; i++)
    {
      RangeEntry *entry = &g_array_index (entries, RangeEntry, i);

      if (entry->range->id != NULL && !g_hash_table_contains (by_id, entry->range->id))
        g_hash_table_insert (by_id, entry->range->id, entry);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      RangeEntry *entry = &g_array_index (entries, RangeEntry, i);

      mark_referenced (by_id, vt_json_get_array (entry->object, "ranges"), FALSE);
      mark_referenced (by_id, vt_json_get_array (entry->object, "members"), TRUE);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      RangeEntry *entry = &g_array_index (entries, RangeEntry, i);
      gboolean is_root = any_top ? vt_range_has_behavior (entry->range, "top") : !entry->referenced;

      if (is_root && !entry->attached)
        {
          entry->attached = TRUE;
          g_ptr_array_add (manifest->structures, vt_range_ref (entry->range));
          link_range (ctx, by_id, entry, 0);
        }
    }

  /* Whatever no root reached (cycles, a second "top" tree) still shows. */
  for (guint i = 0; i < entries->len; i++)
    {
      RangeEntry *entry = &g_array_index (entries, RangeEntry, i);

      if (!entry->attached)
        {
          entry->attached = TRUE;
          g_ptr_array_add (manifest->structures, vt_range_ref (entry->range));
          link_range (ctx, by_id, entry, 0);
        }
    }

  for (guint i = 0; i < entries->len; i++)
    vt_range_unref (g_array_index (entries, RangeEntry, i).range);
}

static void
parse_manifest_properties (VtParseContext *ctx,
                           VtManifest     *manifest,
                           JsonObject     *object)
{
  GPtrArray *logos;

  parse_descriptive (ctx, object, &manifest->id, &manifest->label, &manifest->summary,
                     &manifest->metadata, &manifest->required_statement, &manifest->rights,
                     &manifest->thumbnail, &manifest->behavior);

  logos = vt_resources_from_json (ctx, vt_json_get_member (object, "logo"));
  if (logos->len > 0)
    {
      VtAgent *agent = vt_agent_new ();

      g_ptr_array_extend_and_steal (agent->logo, logos);
      g_ptr_array_add (manifest->provider, agent);
    }
  else
    g_ptr_array_unref (logos);

  g_ptr_array_unref (manifest->homepage);
  manifest->homepage = vt_resources_from_json (ctx, vt_json_get_member (object, "related"));
  g_ptr_array_unref (manifest->rendering);
  manifest->rendering = vt_resources_from_json (ctx, vt_json_get_member (object, "rendering"));
  g_ptr_array_unref (manifest->see_also);
  manifest->see_also = vt_resources_from_json (ctx, vt_json_get_member (object, "seeAlso"));
  g_ptr_array_unref (manifest->part_of);
  manifest->part_of = vt_resources_from_json (ctx, vt_json_get_member (object, "within"));
  g_ptr_array_unref (manifest->services);
  manifest->services = vt_service_refs_from_json (ctx, vt_json_get_member (object, "service"));
  manifest->nav_date = g_strdup (vt_json_get_string (object, "navDate"));
  manifest->viewing_direction = vt_viewing_direction_from_string (vt_json_get_string (object, "viewingDirection"));
}

VtManifest *
vt_presentation2_parse_manifest (VtParseContext *ctx,
                                 JsonObject     *object,
                                 GError        **error)
{
  g_autoptr(VtManifest) manifest = vt_manifest_new (VT_PRESENTATION_2);
  JsonNode *sequences;
  JsonObject *sequence = NULL;
  JsonArray *structures;

  parse_manifest_properties (ctx, manifest, object);
  if (manifest->id == NULL)
    vt_parse_warn (ctx, _("The manifest has no id"));
  else if (!vt_uri_is_absolute (manifest->id))
    vt_parse_warn (ctx, _("The manifest id “%s” is not a URI"), manifest->id);
  vt_check_viewing_direction (ctx, object);

  sequences = vt_json_get_member (object, "sequences");
  if (sequences != NULL && JSON_NODE_HOLDS_ARRAY (sequences))
    {
      JsonArray *array = json_node_get_array (sequences);

      if (json_array_get_length (array) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        sequence = json_node_get_object (json_array_get_element (array, 0));
    }
  else if (sequences != NULL && JSON_NODE_HOLDS_OBJECT (sequences))
    {
      vt_parse_warn (ctx, _("The sequences are not in a list"));
      sequence = json_node_get_object (sequences);
    }

  if (sequence == NULL)
    vt_parse_warn (ctx, _("The manifest has no sequence of canvases"));
  else
    {
      const char *direction = vt_json_get_string (sequence, "viewingDirection");

      vt_check_viewing_direction (ctx, sequence);

      if (!add_canvases (ctx, manifest, sequence, error))
        return NULL;
      if (direction != NULL && !json_object_has_member (object, "viewingDirection"))
        manifest->viewing_direction = vt_viewing_direction_from_string (direction);
      if (manifest->behavior[0] == NULL && json_object_has_member (sequence, "viewingHint"))
        {
          g_strfreev (manifest->behavior);
          manifest->behavior = vt_behavior_from_json (vt_json_get_member (sequence, "viewingHint"));
        }
      manifest->start_canvas = vt_json_dup_uri (vt_json_get_member (sequence, "startCanvas"));
    }

  if (manifest->canvases->len == 0)
    vt_parse_warn (ctx, _("The manifest has no canvases"));
  vt_check_start_canvas (ctx, manifest);
  manifest->behavior_flags = vt_behavior_flags_from_strv ((const char * const *) manifest->behavior);
  manifest->nav_place = vt_nav_place_from_json (ctx, vt_json_get_member (object, "navPlace"));

  structures = vt_json_get_array (object, "structures");
  if (structures != NULL)
    parse_structures (ctx, manifest, structures);

  return g_steal_pointer (&manifest);
}

/* A lone sc:Canvas or sc:Sequence: a manifest of just those canvases. */
VtManifest *
vt_presentation2_parse_canvases (VtParseContext *ctx,
                                 JsonObject     *object,
                                 GError        **error)
{
  g_autoptr(VtManifest) manifest = vt_manifest_new (VT_PRESENTATION_2);
  JsonNode *canvases = vt_json_get_member (object, "canvases");

  if (canvases != NULL)
    {
      manifest->id = g_strdup (vt_json_get_id (object));
      manifest->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
      if (!add_canvases (ctx, manifest, object, error))
        return NULL;
    }
  else
    g_ptr_array_add (manifest->canvases, parse_canvas (ctx, object));

  return g_steal_pointer (&manifest);
}

static VtCollection *parse_collection (VtParseContext *ctx,
                                       JsonObject     *object,
                                       guint           depth,
                                       GError        **error);

static gboolean
add_member (VtParseContext         *ctx,
            VtCollection           *collection,
            JsonNode               *node,
            VtCollectionMemberKind  default_kind,
            guint                   depth,
            GError                **error)
{
  g_autoptr(VtCollectionMember) member = NULL;
  JsonObject *object;
  const char *type;

  if (++ctx->n_members > VT_IIIF_MAX_MEMBERS)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                   _("The collection has more than %d members"), VT_IIIF_MAX_MEMBERS);
      return FALSE;
    }

  if (vt_json_node_get_string (node) != NULL)
    {
      member = vt_collection_member_new (default_kind);
      member->id = g_strdup (vt_json_node_get_string (node));
      g_ptr_array_add (collection->members, g_steal_pointer (&member));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("Skipped a collection member that is not an object"));
      return TRUE;
    }

  object = json_node_get_object (node);
  type = vt_json_get_type (object);
  if (type != NULL && strstr (type, "Collection") != NULL)
    member = vt_collection_member_new (VT_COLLECTION_MEMBER_COLLECTION);
  else if (type != NULL && strstr (type, "Manifest") != NULL)
    member = vt_collection_member_new (VT_COLLECTION_MEMBER_MANIFEST);
  else
    member = vt_collection_member_new (default_kind);

  member->id = g_strdup (vt_json_get_id (object));
  member->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  g_ptr_array_unref (member->thumbnail);
  member->thumbnail = vt_resources_from_json (ctx, vt_json_get_member (object, "thumbnail"));
  member->nav_date = g_strdup (vt_json_get_string (object, "navDate"));
  if (member->id == NULL)
    vt_parse_warn (ctx, _("A collection member has no id"));

  if (member->kind == VT_COLLECTION_MEMBER_COLLECTION &&
      (json_object_has_member (object, "members") || json_object_has_member (object, "manifests") ||
       json_object_has_member (object, "collections")))
    {
      member->embedded = parse_collection (ctx, object, depth + 1, error);
      if (member->embedded == NULL)
        return FALSE;
    }

  g_ptr_array_add (collection->members, g_steal_pointer (&member));
  return TRUE;
}

static gboolean
add_members (VtParseContext         *ctx,
             VtCollection           *collection,
             JsonNode               *node,
             VtCollectionMemberKind  kind,
             guint                   depth,
             GError                **error)
{
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return add_member (ctx, collection, node, kind, depth, error);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!add_member (ctx, collection, json_array_get_element (array, i), kind, depth, error))
      return FALSE;
  return TRUE;
}

static VtCollection *
parse_collection (VtParseContext *ctx,
                  JsonObject     *object,
                  guint           depth,
                  GError        **error)
{
  g_autoptr(VtCollection) collection = vt_collection_new (VT_PRESENTATION_2);
  JsonNode *members;

  parse_descriptive (ctx, object, &collection->id, &collection->label, &collection->summary,
                     &collection->metadata, &collection->required_statement, &collection->rights,
                     &collection->thumbnail, &collection->behavior);

  /* Prefer the ordered "members" when a collection has it (2.1 §5.8). */
  members = vt_json_get_member (object, "members");
  if (members != NULL)
    {
      if (!add_members (ctx, collection, members, VT_COLLECTION_MEMBER_MANIFEST, depth, error))
        return NULL;
    }
  else
    {
      if (!add_members (ctx, collection, vt_json_get_member (object, "collections"),
                        VT_COLLECTION_MEMBER_COLLECTION, depth, error) ||
          !add_members (ctx, collection, vt_json_get_member (object, "manifests"),
                        VT_COLLECTION_MEMBER_MANIFEST, depth, error))
        return NULL;
    }

  collection->first = vt_json_dup_uri (vt_json_get_member (object, "first"));
  collection->last = vt_json_dup_uri (vt_json_get_member (object, "last"));
  collection->next = vt_json_dup_uri (vt_json_get_member (object, "next"));
  collection->prev = vt_json_dup_uri (vt_json_get_member (object, "prev"));
  if (!vt_json_get_int64 (object, "total", &collection->total) || collection->total < 0)
    collection->total = -1;
  if (!vt_json_get_int64 (object, "startIndex", &collection->start_index) || collection->start_index < 0)
    collection->start_index = -1;

  return g_steal_pointer (&collection);
}

VtCollection *
vt_presentation2_parse_collection (VtParseContext *ctx,
                                   JsonObject     *object,
                                   GError        **error)
{
  return parse_collection (ctx, object, 0, error);
}
