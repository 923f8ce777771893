/* vt-ldes-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vt-catalogue-private.h"
#include "vt-ldes-page-private.h"

/* One page of an LDES stream, in the harvest's worker thread: the JSON-LD
 * TREE node is parsed, its members read into records and its relations
 * into pages to visit, and all of it stored in one transaction. */



void
_vt_ldes_page_job_free (PageJob *job)
{
  g_clear_object (&job->catalogue);
  g_free (job->stream);
  g_free (job->org);
  g_free (job->url);
  g_free (job->final_url);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_clear_pointer (&job->skip, g_hash_table_unref);
  g_clear_pointer (&job->targets, g_ptr_array_unref);
  g_clear_pointer (&job->target_remaining, g_array_unref);
  g_free (job);
}

static JsonNode *
first_member (JsonObject         *object,
              const char * const *keys)
{
  guint i;

  for (i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);

      if (node != NULL)
        return node;
    }
  return NULL;
}

static const char *
node_id (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member_with_default (json_node_get_object (node), "@id", NULL);
  return NULL;
}

/* Resolves a relation's node against the page's address; only http(s)
 * targets are pages. */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_autoptr(GUri) base_uri = g_uri_parse (base, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base_uri == NULL)
    return NULL;
  uri = g_uri_parse_relative (base_uri, target, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  return g_uri_to_string_partial (uri, G_URI_HIDE_FRAGMENT);
}

static void
add_relation (PageJob    *job,
              JsonObject *relation)
{
  static const char * const node_keys[] = { "tree:node", "node", "https://w3id.org/tree#node", NULL };
  static const char * const remaining_keys[] = { "tree:remainingItems", "remainingItems",
                                                 "https://w3id.org/tree#remainingItems", NULL };
  const char *target = node_id (first_member (relation, node_keys));
  JsonNode *remaining_node = first_member (relation, remaining_keys);
  g_autofree char *url = NULL;
  gint64 remaining = -1;

  if (target == NULL)
    return;
  url = resolve_target (job->final_url, target);
  if (url == NULL || g_hash_table_contains (job->skip, url))
    return;

  if (remaining_node != NULL && JSON_NODE_HOLDS_VALUE (remaining_node))
    {
      GType type = json_node_get_value_type (remaining_node);

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        remaining = (gint64) json_node_get_double (remaining_node);
      else if (type == G_TYPE_STRING)
        remaining = g_ascii_strtoll (json_node_get_string (remaining_node), NULL, 10);
      if (type == G_TYPE_INT64)
        remaining = json_node_get_int (remaining_node);
    }

  g_hash_table_add (job->skip, g_strdup (url));
  g_ptr_array_add (job->targets, g_steal_pointer (&url));
  g_array_append_val (job->target_remaining, remaining);
}

static gboolean
parse_page (PageJob    *job,
            GPtrArray  *records,
            GError    **error)
{
  static const char * const relation_keys[] = { "tree:relation", "relation", "https://w3id.org/tree#relation", NULL };
  static const char * const member_keys[] = { "@included", "tree:member", "member", "https://w3id.org/tree#member", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *page;
  JsonNode *relations;
  JsonNode *members;
  gsize size;
  const char *data = g_bytes_get_data (job->body, &size);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE,
                   _("The stream page “%s” is not valid JSON: %s"), job->final_url, local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE,
                   _("The stream page “%s” is not a JSON-LD node."), job->final_url);
      return FALSE;
    }
  page = json_node_get_object (json_parser_get_root (parser));

  relations = first_member (page, relation_keys);
  if (relations != NULL && JSON_NODE_HOLDS_OBJECT (relations))
    add_relation (job, json_node_get_object (relations));
  else if (relations != NULL && JSON_NODE_HOLDS_ARRAY (relations))
    {
      JsonArray *array = json_node_get_array (relations);
      guint i;

      for (i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            add_relation (job, json_node_get_object (element));
        }
    }

  members = first_member (page, member_keys);
  if (members != NULL && JSON_NODE_HOLDS_ARRAY (members))
    {
      JsonArray *array = json_node_get_array (members);
      guint i;

      for (i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          VtCatalogueRecord *record;

          job->n_members++;
          record = JSON_NODE_HOLDS_OBJECT (element)
                   ? vt_catalogue_record_new_from_member (json_node_get_object (element), job->org, NULL)
                   : NULL;
          if (record == NULL)
            job->n_skipped++;
          else
            g_ptr_array_add (records, record);
        }
    }
  else if (members != NULL)
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE,
                   _("The members of the stream page “%s” are not a list."), job->final_url);
      return FALSE;
    }

  return TRUE;
}

void
_vt_ldes_page_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PageJob *job = task_data;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  GError *error = NULL;

  if (!parse_page (job, records, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_add (urls, job->url);
  if (g_strcmp0 (job->url, job->final_url) != 0)
    g_ptr_array_add (urls, job->final_url);
  g_ptr_array_add (urls, NULL);
  g_ptr_array_add (job->targets, NULL);

  /* Only the page itself is immutable, never the address that redirected
   * to it: the stream's root moves on. */
  if (!_vt_catalogue_store_page (job->catalogue, job->stream,
                                 (const char * const *) urls->pdata,
                                 job->immutable ? job->final_url : NULL,
                                 records,
                                 (const char * const *) job->targets->pdata,
                                 &job->n_changed, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_remove_index (job->targets, job->targets->len - 1);

  g_task_return_boolean (task, TRUE);
}
