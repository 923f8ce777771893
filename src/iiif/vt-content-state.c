/* vt-content-state.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-content-state"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vt-content-state.h"
#include "vt-iiif-error.h"
#include "vt-iiif-private.h"
#include "vt-selector.h"

/* IIIF Content State API 1.0: what a link, a paste or a drop asks a viewer
 * to show, and how Vitrine writes its own view down to share it.
 *
 * Reading accepts, in the order the specification advises (§4 and its
 * implementation notes): a URL with `iiif-content=` (or the older
 * drag-and-drop `manifest=` and `canvas=`), a bare http(s) address, JSON
 * (a full annotation with motivation `contentState`, or just its target),
 * and the content-state encoding of any of these (§6: UTF-8, percent-
 * encoded as by encodeURIComponent, then base64url without padding;
 * padding and the plain base64 alphabet are accepted too). Only http and
 * https resources ever come out: a content state is text from anywhere,
 * and must not make Vitrine read local files or other schemes. */

/* An encoded state may hold a URL whose parameter is encoded again (the
 * specification's own §3.1 examples do): allow a few rounds, no more. */
#define MAX_ROUNDS 4

typedef struct
{
  VtContentState *state;
  gboolean        refused_scheme;   /* a target named a non-web address */
  char           *refused;          /* its scheme, for the message */
} ReadContext;

G_DEFINE_BOXED_TYPE (VtContentState, vt_content_state, vt_content_state_copy, vt_content_state_free)

static void
target_free (gpointer data)
{
  VtContentStateTarget *target = data;

  g_free (target->manifest_uri);
  g_free (target->canvas_id);
  g_free (target);
}

VtContentState *
vt_content_state_new (void)
{
  VtContentState *self = g_new0 (VtContentState, 1);

  self->targets = g_ptr_array_new_with_free_func (target_free);
  return self;
}

void
vt_content_state_free (VtContentState *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->targets);
  g_free (self);
}

VtContentState *
vt_content_state_copy (const VtContentState *self)
{
  VtContentState *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = vt_content_state_new ();
  for (guint i = 0; i < self->targets->len; i++)
    {
      const VtContentStateTarget *target = g_ptr_array_index (self->targets, i);
      VtContentStateTarget *t = g_memdup2 (target, sizeof *target);

      t->manifest_uri = g_strdup (target->manifest_uri);
      t->canvas_id = g_strdup (target->canvas_id);
      g_ptr_array_add (copy->targets, t);
    }

  return copy;
}

/**
 * vt_content_state_add_target:
 * @manifest_uri: the manifest's http(s) address
 * @canvas_id: (nullable): the canvas, without a fragment
 *
 * Returns: (transfer none): the new target, to set a region on
 */
VtContentStateTarget *
vt_content_state_add_target (VtContentState *self,
                             const char     *manifest_uri,
                             const char     *canvas_id)
{
  VtContentStateTarget *target;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (manifest_uri != NULL, NULL);

  target = g_new0 (VtContentStateTarget, 1);
  target->manifest_uri = g_strdup (manifest_uri);
  target->canvas_id = g_strdup (canvas_id);
  target->time_end = -1;
  g_ptr_array_add (self->targets, target);

  return target;
}

void
vt_content_state_target_set_region (VtContentStateTarget *target,
                                    double                x,
                                    double                y,
                                    double                width,
                                    double                height)
{
  g_return_if_fail (target != NULL);

  target->has_region = width > 0 && height > 0 && isfinite (x) && isfinite (y) &&
                       isfinite (width) && isfinite (height);
  target->region_percent = FALSE;
  target->x = MAX (x, 0);
  target->y = MAX (y, 0);
  target->width = width;
  target->height = height;
}

guint
vt_content_state_get_n_targets (const VtContentState *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->targets->len;
}

const VtContentStateTarget *
vt_content_state_get_target (const VtContentState *self,
                             guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->targets->len, NULL);

  return g_ptr_array_index (self->targets, index);
}

/* Reading */

static gboolean
is_web_uri (ReadContext *rc,
            const char  *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return host != NULL && *host != '\0';

  if (rc != NULL && !rc->refused_scheme)
    {
      rc->refused_scheme = TRUE;
      rc->refused = g_utf8_make_valid (scheme, MIN (strlen (scheme), 32));
    }
  return FALSE;
}

static void
apply_selector (VtContentStateTarget *target,
                const VtSelector     *selector)
{
  if (selector == NULL)
    return;

  if (selector->has_rect)
    {
      target->has_region = TRUE;
      target->region_percent = selector->percent;
      target->x = selector->x;
      target->y = selector->y;
      target->width = selector->width;
      target->height = selector->height;
    }
  if (selector->has_time)
    {
      target->has_time = TRUE;
      target->time_start = selector->time_start;
      target->time_end = selector->time_end;
    }
}

static VtContentStateTarget *
add_canvas (ReadContext *rc,
            const char  *manifest,
            const char  *canvas)
{
  VtContentStateTarget *target;
  const char *hash;

  if (rc->state->targets->len >= VT_CONTENT_STATE_MAX_TARGETS || !is_web_uri (rc, manifest))
    return NULL;

  hash = canvas != NULL ? strchr (canvas, '#') : NULL;
  if (hash != NULL)
    {
      g_autofree char *id = g_strndup (canvas, hash - canvas);
      g_autoptr(VtSelector) selector = vt_selector_new_from_fragment (hash + 1);

      target = vt_content_state_add_target (rc->state, manifest, *id != '\0' ? id : NULL);
      apply_selector (target, selector);
    }
  else
    target = vt_content_state_add_target (rc->state, manifest, canvas);

  return target;
}

/* The manifest a Canvas or Range belongs to: `partOf` (v3), or `within`
 * (v2), each an object, a string or a list of them. */
static const char *
part_of (JsonObject *object)
{
  const char *names[] = { "partOf", "within" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      JsonNode *node = vt_json_get_member (object, names[n]);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          node = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
        }
      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_OBJECT (node))
        return vt_json_get_id (json_node_get_object (node));
      if (vt_json_node_get_string (node) != NULL)
        return vt_json_node_get_string (node);
    }

  return NULL;
}

static gboolean read_target (ReadContext *rc,
                             JsonNode    *node,
                             JsonObject  *outer,
                             guint        depth);

static gboolean
read_specific_resource (ReadContext *rc,
                        JsonObject  *object,
                        guint        depth)
{
  guint before = rc->state->targets->len;
  g_autoptr(GPtrArray) selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_selector_unref);
  VtParseContext ctx;

  /* The source names the resource; partOf may sit on the source or, less
   * properly, on the SpecificResource itself. */
  if (!read_target (rc, vt_json_get_member (object, "source"), object, depth + 1) ||
      rc->state->targets->len != before + 1)
    return rc->state->targets->len > before;

  vt_parse_context_init (&ctx, NULL);
  vt_selectors_from_json (&ctx, vt_json_get_member (object, "selector"), selectors, 0);
  vt_parse_context_clear (&ctx);

  for (guint i = 0; i < selectors->len; i++)
    apply_selector (g_ptr_array_index (rc->state->targets, before), g_ptr_array_index (selectors, i));

  return TRUE;
}

/* One target of a content state (§2.2): a URI, a Manifest or Collection, a
 * Canvas or Range with the manifest in partOf, a SpecificResource of one
 * of those, or a list of targets. @outer is the SpecificResource around a
 * bare source id, if any. */
static gboolean
read_target (ReadContext *rc,
             JsonNode    *node,
             JsonObject  *outer,
             guint        depth)
{
  JsonObject *object;
  const char *type;
  const char *id;

  if (node == NULL || depth > 8)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      gboolean any = FALSE;

      for (guint i = 0; i < json_array_get_length (array) &&
                        rc->state->targets->len < VT_CONTENT_STATE_MAX_TARGETS; i++)
        any |= read_target (rc, json_array_get_element (array, i), outer, depth + 1);
      return any;
    }

  if (vt_json_node_get_string (node) != NULL)
    {
      const char *uri = vt_json_node_get_string (node);
      const char *manifest = outer != NULL ? part_of (outer) : NULL;

      /* A source given by its id alone, its manifest beside it. */
      if (manifest != NULL)
        return add_canvas (rc, manifest, uri) != NULL;
      return add_canvas (rc, uri, NULL) != NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  type = vt_json_get_type (object);
  id = vt_json_get_id (object);

  if (vt_type_is (type, "SpecificResource"))
    return read_specific_resource (rc, object, depth);

  if (vt_type_is (type, "Manifest") || vt_type_is (type, "Collection"))
    return add_canvas (rc, id, NULL) != NULL;

  if (vt_type_is (type, "Canvas"))
    {
      const char *manifest = part_of (object);

      if (manifest == NULL && outer != NULL)
        manifest = part_of (outer);
      if (id == NULL || manifest == NULL)
        return FALSE;
      return add_canvas (rc, manifest, id) != NULL;
    }

  if (vt_type_is (type, "Range"))
    {
      const char *manifest = part_of (object);

      return manifest != NULL && add_canvas (rc, manifest, NULL) != NULL;
    }

  return FALSE;
}

static gboolean
has_content_state_motivation (JsonObject *object)
{
  JsonNode *motivation = vt_json_get_member (object, "motivation");

  if (motivation != NULL && JSON_NODE_HOLDS_ARRAY (motivation))
    {
      JsonArray *array = json_node_get_array (motivation);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (vt_json_node_get_string (json_array_get_element (array, i)), "contentState") == 0)
          return TRUE;
      return FALSE;
    }

  return g_strcmp0 (vt_json_node_get_string (motivation), "contentState") == 0;
}

static gboolean
read_json (ReadContext  *rc,
           const char   *json,
           gssize        length,
           GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length < 0 ? strlen (json) : (gsize) length);
  g_autoptr(JsonNode) root = vt_json_parse_bytes (bytes, error);

  if (root == NULL)
    return FALSE;

  /* §4: a full annotation says so by its motivation; anything else is the
   * target of an implied one. */
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      if (has_content_state_motivation (object))
        return read_target (rc, vt_json_get_member (object, "target"), NULL, 0);
      if (vt_type_is (vt_json_get_type (object), "Annotation"))
        return FALSE;
    }

  return read_target (rc, root, NULL, 0);
}

static gboolean read_text (ReadContext  *rc,
                           const char   *text,
                           guint         round,
                           GError      **error);

static char *
query_param (GHashTable *params,
             const char *name)
{
  const char *value = params != NULL ? g_hash_table_lookup (params, name) : NULL;

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* A query (without its `?`): `iiif-content=` first, then the drag-and-drop
 * convention's `manifest=` and `canvas=`. Returns FALSE when it has
 * neither, with nothing read. */
static gboolean
read_query (ReadContext  *rc,
            const char   *query,
            guint         round,
            gboolean     *found,
            GError      **error)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&;", G_URI_PARAMS_NONE, NULL);
  g_autofree char *content = query_param (params, "iiif-content");
  g_autofree char *manifest = NULL;
  g_autofree char *canvas = NULL;

  *found = FALSE;
  if (content != NULL)
    {
      *found = TRUE;
      return read_text (rc, content, round + 1, error);
    }

  manifest = query_param (params, "manifest");
  if (manifest == NULL)
    return FALSE;

  *found = TRUE;
  canvas = query_param (params, "canvas");
  return add_canvas (rc, manifest, canvas) != NULL;
}

static gboolean
read_text (ReadContext  *rc,
           const char   *text,
           guint         round,
           GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *decoded = NULL;

  if (round > MAX_ROUNDS || *trimmed == '\0')
    return FALSE;

  /* A bare query, as Vitrine copies it: "?iiif-content=…". */
  if (trimmed[0] == '?' || g_str_has_prefix (trimmed, "iiif-content=") ||
      g_str_has_prefix (trimmed, "manifest="))
    {
      gboolean found;
      gboolean ok = read_query (rc, trimmed[0] == '?' ? trimmed + 1 : trimmed, round, &found, error);

      return found && ok;
    }

  if (trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"')
    return read_json (rc, trimmed, -1, error);

  if (strchr (trimmed, ':') != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);

      if (uri == NULL)
        return FALSE;
      if (!is_web_uri (rc, trimmed))
        return FALSE;
      if (g_uri_get_query (uri) != NULL)
        {
          gboolean found;
          gboolean ok = read_query (rc, g_uri_get_query (uri), round, &found, error);

          if (found)
            return ok;
        }
      /* A plain address: a manifest or collection, or a content state
       * by reference (§3.1.1); only fetching tells. */
      return add_canvas (rc, trimmed, NULL) != NULL;
    }

  decoded = vt_content_state_decode_text (trimmed, NULL);
  if (decoded == NULL)
    return FALSE;

  return read_text (rc, decoded, round + 1, error);
}

/* The first address of a text/uri-list (comments start with '#'), or the
 * text itself. */
static char *
first_uri_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (strchr (text, '\n') == NULL)
    return g_strdup (text);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *scheme = NULL;

      g_strstrip (lines[i]);
      scheme = g_uri_parse_scheme (lines[i]);
      if (lines[i][0] != '#' && scheme != NULL)
        return g_strdup (lines[i]);
    }

  return g_strdup (text);
}

static VtContentState *
finish (ReadContext  *rc,
        gboolean      ok,
        GError      **error)
{
  g_autoptr(VtContentState) state = g_steal_pointer (&rc->state);
  g_autofree char *refused = g_steal_pointer (&rc->refused);

  if (ok && state->targets->len > 0)
    return g_steal_pointer (&state);

  if (error != NULL && *error != NULL)
    return NULL;

  if (refused != NULL)
    g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                 _("Only web addresses (http or https) can be opened from a IIIF link, not “%s:” addresses."),
                 refused);
  else
    g_set_error_literal (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                         _("This is not a IIIF link: expected a web address of a manifest, or a IIIF content state."));
  return NULL;
}

/**
 * vt_content_state_parse:
 * @text: what was pasted, dropped, typed or passed on the command line:
 *   a URL with `?iiif-content=` or `?manifest=` (and `&canvas=`), a bare
 *   query `?iiif-content=…`, an http(s) address, content-state JSON, or
 *   the content-state encoding of any of these; for a text/uri-list, its
 *   first address
 * @error: a %VT_IIIF_ERROR: %VT_IIIF_ERROR_INVALID_VALUE when a target is
 *   not a web address, %VT_IIIF_ERROR_NOT_IIIF when nothing IIIF is found,
 *   or a JSON error
 *
 * Returns: (transfer full): the content state, with at least one target
 */
VtContentState *
vt_content_state_parse (const char  *text,
                        GError     **error)
{
  ReadContext rc = { vt_content_state_new (), FALSE, NULL };
  g_autofree char *line = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) > VT_CONTENT_STATE_MAX_TEXT || !g_utf8_validate (text, -1, NULL))
    return finish (&rc, FALSE, error);

  line = first_uri_line (text);
  ok = read_text (&rc, line, 0, &local_error);
  /* JSON that is not a content state reads as "not IIIF", not as a JSON
   * error, unless it was not JSON at all. */
  if (!ok && local_error != NULL && local_error->domain == VT_IIIF_ERROR &&
      local_error->code != VT_IIIF_ERROR_NOT_JSON && local_error->code != VT_IIIF_ERROR_TOO_DEEP &&
      local_error->code != VT_IIIF_ERROR_TOO_LARGE)
    g_clear_error (&local_error);
  if (!ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_clear_pointer (&rc.refused, g_free);
    }

  return finish (&rc, ok, error);
}

/**
 * vt_content_state_parse_json:
 * @json: a content-state annotation, or its target, as JSON (unencoded)
 * @length: its length, or -1 when nul-terminated
 *
 * Reads a content state fetched by reference (§3.1.1) or sent as JSON.
 *
 * Returns: (transfer full): the content state, or %NULL with @error set
 */
VtContentState *
vt_content_state_parse_json (const char  *json,
                             gssize       length,
                             GError     **error)
{
  ReadContext rc = { vt_content_state_new (), FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (json != NULL, NULL);

  ok = read_json (&rc, json, length, &local_error);
  if (!ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_clear_pointer (&rc.refused, g_free);
    }

  return finish (&rc, ok, error);
}
