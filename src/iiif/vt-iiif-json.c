/* vt-iiif-json.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

void
vt_parse_context_init (VtParseContext *ctx,
                       const char     *base_uri)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->warnings = g_ptr_array_new_with_free_func (g_free);
  ctx->base_uri = base_uri;
}

void
vt_parse_context_clear (VtParseContext *ctx)
{
  g_clear_pointer (&ctx->warnings, g_ptr_array_unref);
}

void
vt_parse_warn (VtParseContext *ctx,
               const char     *format,
               ...)
{
  va_list args;

  if (ctx == NULL || ctx->warnings == NULL)
    return;

  /* A broken document can produce a warning per canvas: keep the list short
   * enough to show, and say that more were dropped. */
  if (ctx->warnings->len > VT_IIIF_MAX_WARNINGS)
    return;
  if (ctx->warnings->len == VT_IIIF_MAX_WARNINGS)
    {
      g_ptr_array_add (ctx->warnings, g_strdup (_("More problems were found; only the first ones are listed")));
      return;
    }

  va_start (args, format);
  g_ptr_array_add (ctx->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static JsonNode *
parse_text (GBytes      *bytes,
            VtJsonScan  *scan,
            gboolean     defer,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  const char *end = NULL;
  gsize length = 0;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > VT_IIIF_MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                   _("The document is larger than %u MiB"),
                   (guint) (VT_IIIF_MAX_DOCUMENT_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (data == NULL || length == 0)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                   _("The document is empty"));
      return NULL;
    }

  /* A UTF-8 byte order mark is harmless; skip it. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_UTF8,
                   _("The document is not valid UTF-8 (first bad byte at offset %lu)"),
                   (unsigned long) (end - data));
      return NULL;
    }

  if (!vt_json_scan (scan, data, length, VT_IIIF_MAX_JSON_DEPTH, defer, error))
    return NULL;

  /* The skeleton's tree stays mutable: lists may have to be put back. */
  parser = scan->skeleton != NULL ? json_parser_new () : json_parser_new_immutable ();
  if (scan->skeleton != NULL ?
      !json_parser_load_from_data (parser, scan->skeleton, (gssize) scan->skeleton_length, &local_error) :
      !json_parser_load_from_data (parser, scan->data, (gssize) scan->length, &local_error))
    {
      if (scan->skeleton != NULL)
        vt_json_scan_set_skeleton_error (scan, local_error->message, error);
      else
        g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                     _("The document is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                   _("The document is empty"));
      return NULL;
    }

  if (scan->skeleton != NULL)
    vt_json_scan_attach (scan, root);
  return json_node_ref (root);
}

/* The whole document as one tree. */
JsonNode *
vt_json_parse_bytes (GBytes  *bytes,
                     GError **error)
{
  g_auto(VtJsonScan) scan = { 0 };

  return parse_text (bytes, &scan, FALSE, error);
}

/**
 * vt_json_parse_document:
 * @scan: (out caller-allocates): clear it with vt_json_scan_clear(), after
 *   the tree and before @bytes
 *
 * Like vt_json_parse_bytes(), but lists of canvases are left out of the
 * tree: find them with vt_json_scan_find(), or put them back with
 * vt_json_scan_restore().
 */
JsonNode *
vt_json_parse_document (GBytes      *bytes,
                        VtJsonScan  *scan,
                        GError     **error)
{
  return parse_text (bytes, scan, TRUE, error);
}

JsonNode *
vt_json_get_member (JsonObject *object,
                    const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_member (object, member);
}

const char *
vt_json_node_get_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

const char *
vt_json_get_string (JsonObject *object,
                    const char *member)
{
  return vt_json_node_get_string (vt_json_get_member (object, member));
}

static const char *
first_string (JsonNode *node)
{
  const char *s = vt_json_node_get_string (node);

  if (s == NULL && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && s == NULL; i++)
        s = vt_json_node_get_string (json_array_get_element (array, i));
    }

  return s;
}

const char *
vt_json_get_id (JsonObject *object)
{
  const char *id = vt_json_get_string (object, "id");

  if (id == NULL)
    id = vt_json_get_string (object, "@id");
  return id;
}

const char *
vt_json_get_type (JsonObject *object)
{
  const char *type = first_string (vt_json_get_member (object, "type"));

  if (type == NULL)
    type = first_string (vt_json_get_member (object, "@type"));
  return type;
}

JsonObject *
vt_json_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = vt_json_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  return NULL;
}

JsonArray *
vt_json_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = vt_json_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  return NULL;
}

gboolean
vt_json_get_double (JsonObject *object,
                    const char *member,
                    double     *out_value)
{
  JsonNode *node = vt_json_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out_value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out_value = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*out_value);
}

gboolean
vt_json_get_int64 (JsonObject *object,
                   const char *member,
                   gint64     *out_value)
{
  JsonNode *node = vt_json_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* 1000.0 is a fine width; 1000.5 and 1e300 are not. */
      if (isfinite (d) && d == floor (d) && fabs (d) < 9.0e15)
        {
          *out_value = (gint64) d;
          return TRUE;
        }
    }
  if (type == G_TYPE_STRING)
    {
      /* "width": "4000" happens; digits only, nothing cleverer. */
      const char *s = json_node_get_string (node);
      gsize len = strlen (s);

      if (len == 0 || len > 15)
        return FALSE;
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isdigit (s[i]))
          return FALSE;
      *out_value = g_ascii_strtoll (s, NULL, 10);
      return TRUE;
    }

  return FALSE;
}

char **
vt_json_dup_strv (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *s;

  if ((s = vt_json_node_get_string (node)) != NULL)
    g_strv_builder_add (builder, s);
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if ((s = vt_json_node_get_string (json_array_get_element (array, i))) != NULL)
          g_strv_builder_add (builder, s);
    }

  return g_strv_builder_end (builder);
}

/* Context and profile URIs are matched loosely: real documents have stray
 * spaces, https instead of http, "https:///" (Ghent, 2022–2023), "http;//"
 * and "iiiif.io". Only the path after the host has to match. */
gboolean
vt_uri_matches (const char *uri,
                const char *suffix)
{
  g_autofree char *copy = NULL;
  gsize len, suffix_len;

  if (uri == NULL)
    return FALSE;

  copy = g_ascii_strdown (uri, -1);
  g_strstrip (copy);
  len = strlen (copy);
  suffix_len = strlen (suffix);

  return len >= suffix_len && strcmp (copy + len - suffix_len, suffix) == 0;
}

gboolean
vt_json_has_context (JsonObject *object,
                     const char *suffix)
{
  JsonNode *node = vt_json_get_member (object, "@context");

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (vt_uri_matches (vt_json_node_get_string (json_array_get_element (array, i)), suffix))
          return TRUE;
      return FALSE;
    }

  return vt_uri_matches (vt_json_node_get_string (node), suffix);
}

int
vt_iiif_parse_level (const char *profile)
{
  const char *p;

  if (profile == NULL)
    return -1;

  /* "level([0-2])" anywhere: .../level2.json, compliance.html#level1,
   * "level0"; "level3" is no level we know. */
  for (p = strstr (profile, "level"); p != NULL; p = strstr (p + 1, "level"))
    {
      char c = p[5];

      if (c >= '0' && c <= '2' && !g_ascii_isdigit (p[6]))
        return c - '0';
    }

  return -1;
}

gboolean
vt_dimension_valid (gint64 value)
{
  return value > 0 && value < VT_IIIF_MAX_DIMENSION;
}

gboolean
vt_parse_xywh (const char *fragment,
               VtRect     *out_rect)
{
  const char *p;
  gint64 v[4];

  if (fragment == NULL || (p = strstr (fragment, "xywh=")) == NULL)
    return FALSE;

  p += 5;
  if (g_str_has_prefix (p, "pixel:"))
    p += 6;
  else if (g_str_has_prefix (p, "percent:"))
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;
      double d;

      d = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (d) || d < 0 || d >= (double) VT_IIIF_MAX_DIMENSION)
        return FALSE;
      v[i] = (gint64) d;
      p = end;
      if (i < 3)
        {
          if (*p != ',')
            return FALSE;
          p++;
        }
    }

  if (v[2] <= 0 || v[3] <= 0)
    return FALSE;

  out_rect->x = v[0];
  out_rect->y = v[1];
  out_rect->width = v[2];
  out_rect->height = v[3];
  return TRUE;
}

char *
vt_iiif_split_fragment (const char *uri,
                        VtRect     *out_rect,
                        gboolean   *out_has_rect)
{
  const char *hash;

  *out_has_rect = FALSE;
  if (uri == NULL)
    return NULL;

  hash = strchr (uri, '#');
  if (hash == NULL)
    return g_strdup (uri);

  *out_has_rect = vt_parse_xywh (hash + 1, out_rect);
  return g_strndup (uri, hash - uri);
}
