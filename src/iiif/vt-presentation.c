/* vt-presentation.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-presentation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

/* Property readers shared by the v2 and v3 parsers. Real documents give
 * almost any property as a string, an object or an array of either, so each
 * reader accepts all three. */

static void
add_scalar (VtLanguageMap *map,
            const char    *language,
            JsonNode      *node)
{
  GType type = json_node_get_value_type (node);
  g_autofree char *text = NULL;

  /* Metadata values that are JSON booleans or numbers exist in the wild. */
  if (type == G_TYPE_STRING)
    {
      vt_language_map_add (map, language, json_node_get_string (node));
      return;
    }
  if (type == G_TYPE_BOOLEAN)
    text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      text = g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }

  if (text != NULL)
    vt_language_map_add (map, language, text);
}

static void
add_node (VtLanguageMap *map,
          const char    *language,
          JsonNode      *node,
          guint          depth)
{
  if (node == NULL || depth > 8)
    return;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE:
      add_scalar (map, language, node);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          add_node (map, language, json_array_get_element (array, i), depth + 1);
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonNode *value = json_object_get_member (object, "@value");
        g_autoptr(GList) keys = NULL;

        /* v2: {"@value": …, "@language": …}; also "value"/"language" as in
         * TextualBody. */
        if (value == NULL && json_object_has_member (object, "value") &&
            !json_object_has_member (object, "label"))
          value = json_object_get_member (object, "value");
        if (value != NULL)
          {
            const char *lang = vt_json_get_string (object, "@language");

            if (lang == NULL)
              lang = vt_json_get_string (object, "language");
            add_node (map, lang != NULL ? lang : language, value, depth + 1);
            break;
          }

        /* v3 language map: {"en": ["…"], "none": […]}; keys are taken as
         * they come, junk included. */
        keys = json_object_get_members (object);  /* document order */
        for (GList *l = keys; l != NULL; l = l->next)
          {
            JsonNode *member = json_object_get_member (object, l->data);

            /* JSON-LD keywords ("@language" without "@value") are no
             * languages; "@none" is. */
            if (member == NULL || JSON_NODE_HOLDS_OBJECT (member) ||
                (((const char *) l->data)[0] == '@' && strcmp (l->data, "@none") != 0))
              continue;
            add_node (map, l->data, member, depth + 1);
          }
      }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * vt_language_map_from_json:
 *
 * Returns: (nullable) (transfer full): a language map, or %NULL when @node
 *   holds no text at all
 */
VtLanguageMap *
vt_language_map_from_json (JsonNode *node)
{
  g_autoptr(VtLanguageMap) map = NULL;

  if (node == NULL)
    return NULL;

  map = vt_language_map_new ();
  add_node (map, NULL, node, 0);
  if (vt_language_map_is_empty (map))
    return NULL;
  return g_steal_pointer (&map);
}

static VtImageApiVersion
image_version_from_uri (const char *uri)
{
  if (uri == NULL)
    return VT_IMAGE_API_UNKNOWN;
  if (vt_uri_matches (uri, "/api/image/3/context.json"))
    return VT_IMAGE_API_3;
  if (vt_uri_matches (uri, "/api/image/2/context.json"))
    return VT_IMAGE_API_2;
  if (vt_uri_matches (uri, "/image-api/1.1/context.json"))
    return VT_IMAGE_API_1_1;
  return VT_IMAGE_API_UNKNOWN;
}

static VtImageApiVersion
image_version_from_profile (const char *profile)
{
  g_autofree char *lower = NULL;

  if (profile == NULL)
    return VT_IMAGE_API_UNKNOWN;
  lower = g_ascii_strdown (profile, -1);
  if (strstr (lower, "/api/image/3/") != NULL)
    return VT_IMAGE_API_3;
  if (strstr (lower, "/api/image/2/") != NULL)
    return VT_IMAGE_API_2;
  if (strstr (lower, "/api/image/1/") != NULL || strstr (lower, "image-api/1.1/") != NULL)
    return VT_IMAGE_API_1_1;
  if (strstr (lower, "image-api/compliance") != NULL || strstr (lower, "image-api/1.0/") != NULL)
    return VT_IMAGE_API_1_0;
  return VT_IMAGE_API_UNKNOWN;
}

static VtImageApiVersion
image_version_from_type (const char *type)
{
  if (type == NULL)
    return VT_IMAGE_API_UNKNOWN;
  if (strcmp (type, "ImageService3") == 0)
    return VT_IMAGE_API_3;
  if (strcmp (type, "ImageService2") == 0 || strcmp (type, "iiif:Image") == 0)
    return VT_IMAGE_API_2;
  if (strcmp (type, "ImageService1") == 0)
    return VT_IMAGE_API_1_1;
  return VT_IMAGE_API_UNKNOWN;
}

VtServiceRef *
vt_service_ref_from_json (VtParseContext *ctx,
                          JsonNode       *node)
{
  g_autoptr(VtServiceRef) ref = NULL;
  g_auto(GStrv) profiles = NULL;
  JsonObject *object;
  JsonNode *context;
  const char *s;

  if (node == NULL)
    return NULL;

  ref = vt_service_ref_new ();

  /* A repeated service is sometimes given as a bare URI. */
  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      ref->id = g_strdup (s);
      return g_steal_pointer (&ref);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  ref->type = g_strdup (vt_json_get_type (object));

  context = vt_json_get_member (object, "@context");
  if (context != NULL && JSON_NODE_HOLDS_ARRAY (context))
    {
      JsonArray *array = json_node_get_array (context);
      guint n = json_array_get_length (array);

      if (n > 0)
        ref->context = g_strdup (vt_json_node_get_string (json_array_get_element (array, n - 1)));
    }
  else
    ref->context = g_strdup (vt_json_node_get_string (context));

  profiles = vt_json_dup_strv (vt_json_get_member (object, "profile"));
  if (profiles[0] != NULL)
    ref->profile = g_strdup (profiles[0]);

  ref->image_version = image_version_from_uri (ref->context);
  if (ref->image_version == VT_IMAGE_API_UNKNOWN)
    ref->image_version = image_version_from_type (ref->type);
  for (guint i = 0; profiles[i] != NULL; i++)
    {
      if (ref->image_version == VT_IMAGE_API_UNKNOWN)
        ref->image_version = image_version_from_profile (profiles[i]);
      if (ref->level < 0)
        ref->level = vt_iiif_parse_level (profiles[i]);
    }

  if (vt_service_ref_is_image_service (ref))
    ref->id = vt_image_service_id_from_info_url (vt_json_get_id (object));
  else
    ref->id = g_strdup (vt_json_get_id (object));

  if (vt_json_get_int64 (object, "width", &ref->width) && !vt_dimension_valid (ref->width))
    ref->width = 0;
  if (vt_json_get_int64 (object, "height", &ref->height) && !vt_dimension_valid (ref->height))
    ref->height = 0;

  ref->label = vt_language_map_from_json (vt_json_get_member (object, "label"));

  if (json_object_has_member (object, "service"))
    {
      g_autoptr(GPtrArray) nested = vt_service_refs_from_json (ctx, vt_json_get_member (object, "service"));

      g_ptr_array_extend_and_steal (ref->services, g_steal_pointer (&nested));
    }

  return g_steal_pointer (&ref);
}

/**
 * vt_service_refs_from_json:
 *
 * Returns: (transfer full) (element-type VtServiceRef): never %NULL
 */
GPtrArray *
vt_service_refs_from_json (VtParseContext *ctx,
                           JsonNode       *node)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_service_ref_unref);

  if (node == NULL)
    return refs;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          VtServiceRef *ref = vt_service_ref_from_json (ctx, json_array_get_element (array, i));

          if (ref != NULL)
            g_ptr_array_add (refs, ref);
        }
    }
  else
    {
      VtServiceRef *ref = vt_service_ref_from_json (ctx, node);

      if (ref != NULL)
        g_ptr_array_add (refs, ref);
    }

  return refs;
}

static VtResource *
resource_from_json (VtParseContext *ctx,
                    JsonNode       *node)
{
  g_autoptr(VtResource) resource = vt_resource_new ();
  JsonObject *object;
  const char *s;

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      resource->id = g_strdup (s);
      return g_steal_pointer (&resource);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  resource->id = g_strdup (vt_json_get_id (object));
  resource->type = g_strdup (vt_json_get_type (object));
  resource->format = g_strdup (vt_json_get_string (object, "format"));
  resource->profile = g_strdup (vt_json_get_string (object, "profile"));
  resource->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  if (vt_json_get_int64 (object, "width", &resource->width) && !vt_dimension_valid (resource->width))
    resource->width = 0;
  if (vt_json_get_int64 (object, "height", &resource->height) && !vt_dimension_valid (resource->height))
    resource->height = 0;

  if (json_object_has_member (object, "service"))
    {
      g_autoptr(GPtrArray) services = vt_service_refs_from_json (ctx, vt_json_get_member (object, "service"));

      g_ptr_array_extend_and_steal (resource->services, g_steal_pointer (&services));
    }

  if (resource->id == NULL && resource->services->len == 0)
    return NULL;

  return g_steal_pointer (&resource);
}

/**
 * vt_resources_from_json:
 *
 * Returns: (transfer full) (element-type VtResource): never %NULL
 */
GPtrArray *
vt_resources_from_json (VtParseContext *ctx,
                        JsonNode       *node)
{
  GPtrArray *resources = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);

  if (node == NULL)
    return resources;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          VtResource *resource = resource_from_json (ctx, json_array_get_element (array, i));

          if (resource != NULL)
            g_ptr_array_add (resources, resource);
        }
    }
  else
    {
      VtResource *resource = resource_from_json (ctx, node);

      if (resource != NULL)
        g_ptr_array_add (resources, resource);
    }

  return resources;
}

static VtMetadataEntry *
metadata_entry_from_json (JsonNode *node)
{
  JsonObject *object;
  VtLanguageMap *label;
  VtLanguageMap *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  value = vt_language_map_from_json (vt_json_get_member (object, "value"));
  if (label == NULL && value == NULL)
    return NULL;

  return vt_metadata_entry_new (label, value);
}

/**
 * vt_metadata_from_json:
 *
 * Returns: (transfer full) (element-type VtMetadataEntry): never %NULL
 */
GPtrArray *
vt_metadata_from_json (VtParseContext *ctx,
                       JsonNode       *node)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_metadata_entry_unref);
  VtMetadataEntry *entry;

  if (node == NULL)
    return entries;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          entry = metadata_entry_from_json (json_array_get_element (array, i));
          if (entry != NULL)
            g_ptr_array_add (entries, entry);
          else
            vt_parse_warn (ctx, _("Skipped a metadata entry that has no label and no value"));
        }
    }
  else if ((entry = metadata_entry_from_json (node)) != NULL)
    g_ptr_array_add (entries, entry);

  return entries;
}

char **
vt_behavior_from_json (JsonNode *node)
{
  return vt_json_dup_strv (node);
}

gboolean
vt_uri_is_absolute (const char *uri)
{
  return uri != NULL && g_uri_peek_scheme (uri) != NULL;
}

VtViewingDirection
vt_viewing_direction_from_string (const char *value)
{
  if (value == NULL)
    return VT_VIEWING_DIRECTION_LEFT_TO_RIGHT;
  if (strcmp (value, "right-to-left") == 0)
    return VT_VIEWING_DIRECTION_RIGHT_TO_LEFT;
  if (strcmp (value, "top-to-bottom") == 0)
    return VT_VIEWING_DIRECTION_TOP_TO_BOTTOM;
  if (strcmp (value, "bottom-to-top") == 0)
    return VT_VIEWING_DIRECTION_BOTTOM_TO_TOP;
  return VT_VIEWING_DIRECTION_LEFT_TO_RIGHT;
}

/* A canvas or other width/height: absent is fine (0); present but invalid
 * gives a warning and 0. */
void
vt_read_dimension (VtParseContext *ctx,
                   JsonObject     *object,
                   const char     *member,
                   const char     *owner,
                   gint64         *out_value)
{
  *out_value = 0;
  if (!json_object_has_member (object, member))
    return;
  if (!vt_json_get_int64 (object, member, out_value) || !vt_dimension_valid (*out_value))
    {
      /* Translators: the first %s is "width" or "height", the second an id */
      vt_parse_warn (ctx, _("Ignored the invalid %s of “%s”"), member, owner != NULL ? owner : "?");
      *out_value = 0;
    }
}

/* A URI given as a string, an object with an id, or a list of those. A
 * SpecificResource (a part of something, such as a start point on a
 * canvas) stands for its source (v3 "source", v2 "full"), not for its own
 * id. */
char *
vt_json_dup_uri (JsonNode *node)
{
  const char *s;

  if (node == NULL)
    return NULL;
  if ((s = vt_json_node_get_string (node)) != NULL)
    return g_strdup (s);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (vt_type_is (vt_json_get_type (object), "SpecificResource"))
        {
          JsonNode *source = vt_json_get_member (object, "source");

          if (source == NULL)
            source = vt_json_get_member (object, "full");
          if (source != NULL)
            return vt_json_dup_uri (source);
        }
      s = vt_json_get_id (object);
      if (s == NULL)
        s = vt_json_get_string (object, "source");
      return g_strdup (s);
    }
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    return vt_json_dup_uri (json_array_get_element (json_node_get_array (node), 0));
  return NULL;
}

void
vt_check_viewing_direction (VtParseContext *ctx,
                            JsonObject     *object)
{
  static const char * const known[] = {
    "left-to-right", "right-to-left", "top-to-bottom", "bottom-to-top", NULL
  };
  const char *value = vt_json_get_string (object, "viewingDirection");

  if (json_object_has_member (object, "viewingDirection") &&
      (value == NULL || !g_strv_contains (known, value)))
    vt_parse_warn (ctx, _("Ignored an unknown viewing direction"));
}

static gboolean
too_many_canvases (VtParseContext *ctx,
                   guint           n,
                   GError        **error)
{
  if (ctx->n_canvases + (guint64) n <= VT_IIIF_MAX_CANVASES)
    return FALSE;
  g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
               _("The document has more than %d canvases"), VT_IIIF_MAX_CANVASES);
  return TRUE;
}

static gboolean
add_canvas (VtParseContext *ctx,
            JsonNode       *element,
            guint           i,
            VtManifest     *manifest,
            VtCanvasParser  parse,
            GError        **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      vt_parse_warn (ctx, _("Skipped canvas %u: it is not an object"), i + 1);
      return TRUE;
    }
  if (too_many_canvases (ctx, 1, error))
    return FALSE;
  ctx->n_canvases++;
  g_ptr_array_add (manifest->canvases, parse (ctx, json_node_get_object (element)));
  return TRUE;
}

/* Both versions list canvases the same way once the list is found: each
 * must be an object, and there is a limit to how many a document may have.
 * Only the reading of one canvas differs. A list left out of the tree
 * (@owner's @member, see vt-json-scan.c) is counted before any canvas is
 * read, then read one canvas at a time; otherwise @array is the list. */
gboolean
vt_parse_canvas_list (VtParseContext *ctx,
                      JsonObject     *owner,
                      const char     *member,
                      JsonArray      *array,
                      VtManifest     *manifest,
                      VtCanvasParser  parse,
                      GError        **error)
{
  VtJsonDeferred *list = vt_json_scan_find (ctx->scan, owner, member);

  if (list == NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!add_canvas (ctx, json_array_get_element (array, i), i, manifest, parse, error))
          return FALSE;
      return TRUE;
    }

  if (too_many_canvases (ctx, list->n_objects, error))
    return FALSE;
  for (guint i = 0; i < list->elements->len; i++)
    {
      g_autoptr(JsonNode) element = vt_json_scan_parse_element (ctx->scan, list, i, error);

      if (element == NULL || !add_canvas (ctx, element, i, manifest, parse, error))
        return FALSE;
    }

  return TRUE;
}

void
vt_check_start_canvas (VtParseContext *ctx,
                       VtManifest     *manifest)
{
  if (manifest->start_canvas != NULL &&
      vt_manifest_find_canvas (manifest, manifest->start_canvas, NULL) == NULL)
    {
      vt_parse_warn (ctx, _("The start canvas “%s” is not one of the canvases"), manifest->start_canvas);
      g_clear_pointer (&manifest->start_canvas, g_free);
    }
}
