/* vt-iiif-link.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-link"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "iiif/vt-iiif-error.h"
#include "vt-iiif-link.h"

/* A link is text a person dropped or pasted: keep it short. */
#define MAX_LINK_LENGTH (64 * 1024)
#define MAX_DEPTH       8

void
vt_iiif_link_free (VtIiifLink *link)
{
  if (link == NULL)
    return;

  g_free (link->manifest_uri);
  g_free (link->canvas_id);
  g_free (link->image_uri);
  g_free (link);
}

static gboolean
is_http_uri (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static char *
strip_fragment (const char *uri)
{
  const char *hash = strchr (uri, '#');

  return hash != NULL ? g_strndup (uri, hash - uri) : g_strdup (uri);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static const char *
object_id (JsonObject *object)
{
  const char *id = member_string (object, "id");

  return id != NULL ? id : member_string (object, "@id");
}

static const char *
object_type (JsonObject *object)
{
  const char *type = member_string (object, "type");

  if (type == NULL)
    type = member_string (object, "@type");
  /* "sc:Manifest" → "Manifest" */
  if (type != NULL && strchr (type, ':') != NULL)
    type = strchr (type, ':') + 1;

  return type;
}

static JsonNode *
first_of (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      return json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
    }

  return node;
}

/* A content-state target: a URI, a Manifest or Collection, a Canvas (or
 * part of one) with partOf naming its manifest, or a SpecificResource
 * whose source is one of those. */
static gboolean
read_target (JsonNode   *node,
             VtIiifLink *link,
             guint       depth)
{
  JsonObject *object;
  const char *type;
  const char *id;
  JsonNode *part_of;

  node = first_of (node);
  if (node == NULL || depth > MAX_DEPTH)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!is_http_uri (json_node_get_string (node)))
        return FALSE;
      link->manifest_uri = g_strdup (json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  type = object_type (object);
  id = object_id (object);

  if (type != NULL && g_str_equal (type, "SpecificResource"))
    return read_target (json_object_get_member (object, "source"), link, depth + 1);

  if (type != NULL && (g_str_equal (type, "Manifest") || g_str_equal (type, "Collection")))
    {
      if (!is_http_uri (id))
        return FALSE;
      link->manifest_uri = g_strdup (id);
      return TRUE;
    }

  if (type != NULL && (g_str_equal (type, "Canvas") || g_str_equal (type, "Range")))
    {
      part_of = first_of (json_object_get_member (object, "partOf"));
      if (part_of == NULL)
        part_of = first_of (json_object_get_member (object, "within"));

      if (part_of != NULL && JSON_NODE_HOLDS_OBJECT (part_of))
        {
          const char *manifest = object_id (json_node_get_object (part_of));

          if (!is_http_uri (manifest))
            return FALSE;
          link->manifest_uri = g_strdup (manifest);
        }
      else if (part_of != NULL && JSON_NODE_HOLDS_VALUE (part_of) &&
               json_node_get_value_type (part_of) == G_TYPE_STRING &&
               is_http_uri (json_node_get_string (part_of)))
        link->manifest_uri = g_strdup (json_node_get_string (part_of));
      else
        return FALSE;

      if (id != NULL && g_str_equal (type, "Canvas"))
        link->canvas_id = strip_fragment (id);
      return TRUE;
    }

  return FALSE;
}

static gboolean
read_content_state_json (const char *json,
                         gssize      len,
                         VtIiifLink *link)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *motivation;
  gboolean is_content_state = FALSE;

  if (!json_parser_load_from_data (parser, json, len, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return read_target (root, link, 0);

  object = json_node_get_object (root);
  motivation = json_object_get_member (object, "motivation");
  if (motivation != NULL && JSON_NODE_HOLDS_ARRAY (motivation))
    {
      JsonArray *array = json_node_get_array (motivation);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *m = json_array_get_string_element (array, i);

          if (g_strcmp0 (m, "contentState") == 0)
            is_content_state = TRUE;
        }
    }
  else if (motivation != NULL && JSON_NODE_HOLDS_VALUE (motivation))
    is_content_state = g_strcmp0 (json_node_get_string (motivation), "contentState") == 0;

  /* A full annotation points at its target; anything else is the target
   * itself (§4 of the Content State API). */
  if (is_content_state)
    return read_target (json_object_get_member (object, "target"), link, 0);

  return read_target (root, link, 0);
}

/* Content-state encoding (§6): base64url without padding of the
 * percent-encoded JSON. */
static char *
decode_content_state (const char *text)
{
  g_autoptr(GString) b64 = g_string_new (NULL);
  g_autofree guchar *decoded = NULL;
  g_autofree char *decoded_str = NULL;
  gsize len = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        g_string_append_c (b64, '+');
      else if (*p == '_')
        g_string_append_c (b64, '/');
      else if (g_ascii_isalnum (*p) || *p == '+' || *p == '/')
        g_string_append_c (b64, *p);
      else if (*p == '=')
        break;
      else
        return NULL;
    }

  if (b64->len % 4 == 1)
    return NULL;
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');

  decoded = g_base64_decode (b64->str, &len);
  if (decoded == NULL || len == 0)
    return NULL;

  decoded_str = g_strndup ((const char *) decoded, len);
  if (strlen (decoded_str) != len)
    return NULL;

  return g_uri_unescape_string (decoded_str, NULL);
}

static gboolean
read_content_state (const char *value,
                    VtIiifLink *link)
{
  g_autofree char *decoded = NULL;
  const char *p = value;

  while (g_ascii_isspace (*p))
    p++;

  if (is_http_uri (p))
    {
      link->manifest_uri = g_strdup (p);
      return TRUE;
    }

  if (*p == '{' || *p == '[')
    return read_content_state_json (p, -1, link);

  decoded = decode_content_state (p);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return FALSE;

  return read_content_state (decoded, link);
}

static char *
query_param (GHashTable *params,
             const char *name)
{
  const char *value = params != NULL ? g_hash_table_lookup (params, name) : NULL;

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * vt_iiif_link_parse:
 * @text: a dropped or pasted link: a URL with `?manifest=`, `&canvas=` or
 *   `?image=` (the drag-and-drop convention), a URL with `?iiif-content=`
 *   (plain, JSON, or content-state encoded), a bare http(s) address, or
 *   content-state JSON or its encoded form
 * @error: a #VT_IIIF_ERROR when nothing IIIF can be found
 *
 * Returns: (transfer full): where the link leads
 */
VtIiifLink *
vt_iiif_link_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(VtIiifLink) link = g_new0 (VtIiifLink, 1);
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) > MAX_LINK_LENGTH || !g_utf8_validate (text, -1, NULL))
    goto fail;

  trimmed = g_strstrip (g_strdup (text));

  /* text/uri-list drops may carry several lines and comments: the first
   * address counts. */
  {
    g_auto(GStrv) lines = g_strsplit (trimmed, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_strstrip (lines[i]);
        if (lines[i][0] != '\0' && lines[i][0] != '#' && is_http_uri (lines[i]))
          {
            g_free (trimmed);
            trimmed = g_strdup (lines[i]);
            break;
          }
      }
  }

  if (is_http_uri (trimmed))
    {
      g_autoptr(GUri) uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
      const char *query = g_uri_get_query (uri);
      g_autoptr(GHashTable) params = NULL;
      g_autofree char *content = NULL;

      if (query != NULL)
        params = g_uri_parse_params (query, -1, "&;", G_URI_PARAMS_NONE, NULL);

      if ((content = query_param (params, "iiif-content")) != NULL)
        {
          if (!read_content_state (content, link))
            goto fail;
          return g_steal_pointer (&link);
        }

      link->manifest_uri = query_param (params, "manifest");
      link->image_uri = query_param (params, "image");
      if (link->manifest_uri != NULL || link->image_uri != NULL)
        {
          g_autofree char *canvas = query_param (params, "canvas");

          if ((link->manifest_uri != NULL && !is_http_uri (link->manifest_uri)) ||
              (link->image_uri != NULL && !is_http_uri (link->image_uri)))
            goto fail;
          if (canvas != NULL)
            link->canvas_id = strip_fragment (canvas);
          return g_steal_pointer (&link);
        }

      /* A plain address: the resource itself. */
      link->manifest_uri = g_strdup (trimmed);
      return g_steal_pointer (&link);
    }

  if (read_content_state (trimmed, link) && link->manifest_uri != NULL)
    return g_steal_pointer (&link);

fail:
  g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
               _("This is not a IIIF link: expected a web address of a manifest, or a IIIF content state."));
  return NULL;
}
