/* vt-json-deferred.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-json-deferred"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vt-iiif-private.h"

/* The lists vt_json_scan() left out of the skeleton: found again in its
 * tree, parsed one element at a time, or put back whole; and the errors
 * of a document read in parts, said as json-glib would have said them of
 * the whole text. */

/* json-glib says "<data>:LINE:COLUMN: what" (from 1, in bytes) of the
 * text it was given; where is that in @text? */
static gboolean
locate (const char  *text,
        gsize        length,
        const char  *detail,
        gsize       *out_offset,
        const char **out_what)
{
  guint line = 0;
  guint column = 0;
  int consumed = 0;
  gsize offset = 0;

  if (sscanf (detail, "<data>:%u:%u: %n", &line, &column, &consumed) != 2 || consumed == 0)
    return FALSE;
  for (guint l = 1; l < line && offset < length; offset++)
    if (text[offset] == '\n')
      l++;
  *out_offset = MIN (offset + (column > 0 ? column - 1 : 0), length);
  *out_what = detail + consumed;
  return TRUE;
}

/* The error @what at @offset of the document, located as json-glib would
 * have for the whole text. */
static void
set_error_at (VtJsonScan  *scan,
              gsize        offset,
              const char  *what,
              GError     **error)
{
  g_autofree char *message = NULL;
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < offset && i < scan->length; i++)
    {
      if (scan->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }
  message = g_strdup_printf ("<data>:%u:%u: %s", line, column, what);
  g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
               _("The document is not valid JSON: %s"), message);
}

/* json-glib's @detail about the text from @start to @end. */
static void
set_parse_error (VtJsonScan  *scan,
                 gsize        start,
                 gsize        end,
                 const char  *detail,
                 GError     **error)
{
  gsize offset;
  const char *what;

  if (locate (scan->data + start, end - start, detail, &offset, &what))
    set_error_at (scan, start + offset, what, error);
  else
    set_error_at (scan, start, detail, error);
}

static JsonNode *
parse_range (VtJsonScan  *scan,
             gsize        start,
             gsize        end,
             gboolean     reuse,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) own = NULL;
  JsonParser *parser;
  JsonNode *root;

  if (start == end)
    {
      set_error_at (scan, start, _("a list has an empty element"), error);
      return NULL;
    }

  /* One parser for every element, its tree dropped on the next load;
   * mutable, as sealing every node costs time for nothing. */
  if (reuse)
    {
      if (scan->element_parser == NULL)
        scan->element_parser = json_parser_new ();
      parser = scan->element_parser;
    }
  else
    parser = own = json_parser_new ();

  if (!json_parser_load_from_data (parser, scan->data + start, (gssize) (end - start), &local_error))
    {
      set_parse_error (scan, start, end, local_error->message, error);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      set_error_at (scan, start, _("a list has an empty element"), error);
      return NULL;
    }
  return json_node_ref (root);
}

/**
 * vt_json_scan_parse_element:
 * @list: one of @scan->lists
 * @index: an element of it
 *
 * Returns: (transfer full): the element, or %NULL with @error set
 */
JsonNode *
vt_json_scan_parse_element (VtJsonScan      *scan,
                            VtJsonDeferred  *list,
                            guint            index,
                            GError         **error)
{
  VtJsonSpan *span;

  g_return_val_if_fail (index < list->elements->len, NULL);

  span = &g_array_index (list->elements, VtJsonSpan, index);
  return parse_range (scan, span->start, span->end, TRUE, error);
}

static JsonObject *
find_owner (JsonNode   *root,
            VtJsonList  which)
{
  JsonObject *owner;
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  owner = json_node_get_object (root);

  if (which == VT_JSON_LIST_SEQUENCE_CANVASES)
    {
      node = json_object_get_member (owner, "sequences");
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        node = json_array_get_element (json_node_get_array (node), 0);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      owner = json_node_get_object (node);
    }

  /* The list json-glib kept (the last of repeated keys) must be the one
   * that was left out. */
  node = json_object_get_member (owner, vt_json_list_members[which]);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 0)
    return NULL;
  return owner;
}

/**
 * vt_json_scan_attach:
 * @root: the tree of @scan->skeleton
 *
 * Finds the object that holds each list left out of the skeleton. A list
 * whose place json-glib filled otherwise (a repeated key) is forgotten.
 */
void
vt_json_scan_attach (VtJsonScan *scan,
                     JsonNode   *root)
{
  for (guint i = 0; i < VT_JSON_N_LISTS; i++)
    {
      VtJsonDeferred *list = &scan->lists[i];

      if (!list->found)
        continue;
      list->owner = find_owner (root, i);
      if (list->owner == NULL)
        vt_json_deferred_clear (list);
    }
}

/**
 * vt_json_scan_find:
 *
 * Returns: (nullable): the list left out of @object as @member, if any
 */
VtJsonDeferred *
vt_json_scan_find (VtJsonScan *scan,
                   JsonObject *object,
                   const char *member)
{
  if (scan == NULL || object == NULL)
    return NULL;
  for (guint i = 0; i < VT_JSON_N_LISTS; i++)
    if (scan->lists[i].found && scan->lists[i].owner == object && strcmp (vt_json_list_members[i], member) == 0)
      return &scan->lists[i];
  return NULL;
}

/**
 * vt_json_scan_restore:
 *
 * Puts every list left out back into the tree, whole: for documents whose
 * readers want them as they are (collections, canvases, info.json).
 *
 * Returns: %FALSE with @error set when a list is not valid JSON
 */
gboolean
vt_json_scan_restore (VtJsonScan  *scan,
                      GError     **error)
{
  if (scan == NULL)
    return TRUE;

  for (guint i = 0; i < VT_JSON_N_LISTS; i++)
    {
      VtJsonDeferred *list = &scan->lists[i];
      JsonNode *node;

      if (!list->found)
        continue;
      node = parse_range (scan, list->open, list->close + 1, FALSE, error);
      if (node == NULL)
        return FALSE;
      json_object_set_member (list->owner, vt_json_list_members[i], node);
      vt_json_deferred_clear (list);
    }
  return TRUE;
}

/* Where @offset of the skeleton is in the text. */
static gsize
text_offset (VtJsonScan *scan,
             gsize       offset)
{
  gsize from = 0;
  gsize skeleton = 0;

  for (;;)
    {
      VtJsonDeferred *next = NULL;
      gsize piece;

      for (guint i = 0; i < VT_JSON_N_LISTS; i++)
        if (scan->lists[i].found && scan->lists[i].open >= from &&
            (next == NULL || scan->lists[i].open < next->open))
          next = &scan->lists[i];
      piece = (next != NULL ? next->open + 1 : scan->length) - from;
      if (next == NULL || offset < skeleton + piece)
        return from + (offset - skeleton);
      skeleton += piece;
      from = next->close;
    }
}

/**
 * vt_json_scan_set_skeleton_error:
 * @detail: json-glib's message about the skeleton
 *
 * Says what is wrong with the document when its skeleton does not parse:
 * the first error in the text, as json-glib would have said of all of it.
 * An element of a list before the skeleton's error may be broken too; that
 * one comes first. The elements are parsed one at a time.
 */
void
vt_json_scan_set_skeleton_error (VtJsonScan  *scan,
                                 const char  *detail,
                                 GError     **error)
{
  gsize offset;
  const char *what;

  if (!locate (scan->skeleton, scan->skeleton_length, detail, &offset, &what))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                   _("The document is not valid JSON: %s"), detail);
      return;
    }
  offset = text_offset (scan, offset);

  for (guint i = 0; i < VT_JSON_N_LISTS; i++)
    {
      VtJsonDeferred *list = &scan->lists[i];

      for (guint j = 0; list->found && j < list->elements->len; j++)
        {
          VtJsonSpan *span = &g_array_index (list->elements, VtJsonSpan, j);
          g_autoptr(JsonNode) node = NULL;

          if (span->start >= offset)
            break;
          node = parse_range (scan, span->start, span->end, TRUE, error);
          if (node == NULL)
            return;
        }
    }

  set_error_at (scan, offset, what, error);
}
