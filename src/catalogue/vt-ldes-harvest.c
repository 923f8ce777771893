/* vt-ldes-harvest.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "net/vt-net-error.h"
#include "vt-catalogue-private.h"
#include "vt-ldes-harvest.h"

/* Harvests one LDES stream (a TREE of JSON-LD pages) into the catalogue.
 *
 * The pages are fetched one at a time on the caller's main context
 * through the net layer's VtClient (http and https only, its TLS, its
 * redirect rules); each page is parsed and written in a worker thread, in
 * one transaction with the harvest's state. Every tree:relation leads to
 * a page to visit, whatever its kind: the client does not need to
 * understand the fragmentation to read all of it. A page the server
 * declares immutable is remembered and never fetched again, so a re-sync
 * with nothing new costs the root and the newest page.
 *
 * A bad page does not stop the harvest: it stays in the frontier, the
 * other pages are harvested, and the run ends with the first page's error
 * and the stream marked incomplete; the next run resumes with what is
 * left. A cancelled run is resumable the same way. */

#define DEFAULT_API_BASE "https://apidg.gent.be"
#define MAX_PAGE_BYTES   (32 * 1024 * 1024)
/* A max-age this long counts as "will not change" even without the
 * immutable directive. */
#define IMMUTABLE_MAX_AGE (180 * 24 * 3600)

struct _VtLdesHarvest
{
  GObject         parent_instance;

  VtClient       *client;
  VtCatalogue    *catalogue;
  char           *stream_url;
  char           *org;

  guint           pages;
  guint64         members;
  guint           skipped_members;
  gint64          remaining_items;
  double          fraction;

  /* One run */
  GTask          *task;
  VtHarvestState *state;
  guint           next;         /* index in state->frontier */
  GHashTable     *queued;       /* url set: in the frontier */
  GHashTable     *remaining;    /* url → remainingItems of the relation to it */
  GError         *first_error;
  char           *current_url;
};

enum {
  PROP_0,
  PROP_PAGES,
  PROP_MEMBERS,
  PROP_SKIPPED_MEMBERS,
  PROP_REMAINING_ITEMS,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtLdesHarvest, vt_ldes_harvest, G_TYPE_OBJECT)

static void fetch_next (VtLdesHarvest *self);

char *
vt_ldes_stream_url_for_org (const char *base,
                            const char *org)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (org != NULL, NULL);

  trimmed = g_strdup (base != NULL ? base : DEFAULT_API_BASE);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  return g_strdup_printf ("%s/opendata/adlib2eventstream/v1/%s/objecten", trimmed, org);
}

static void
vt_ldes_harvest_finalize (GObject *object)
{
  VtLdesHarvest *self = VT_LDES_HARVEST (object);

  g_clear_object (&self->client);
  g_clear_object (&self->catalogue);
  g_free (self->stream_url);
  g_free (self->org);
  g_clear_object (&self->task);
  g_clear_pointer (&self->state, _vt_harvest_state_free);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->remaining, g_hash_table_unref);
  g_clear_error (&self->first_error);
  g_free (self->current_url);

  G_OBJECT_CLASS (vt_ldes_harvest_parent_class)->finalize (object);
}

static void
vt_ldes_harvest_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtLdesHarvest *self = VT_LDES_HARVEST (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      g_value_set_uint (value, self->pages);
      break;
    case PROP_MEMBERS:
      g_value_set_uint64 (value, self->members);
      break;
    case PROP_SKIPPED_MEMBERS:
      g_value_set_uint (value, self->skipped_members);
      break;
    case PROP_REMAINING_ITEMS:
      g_value_set_int64 (value, self->remaining_items);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_ldes_harvest_class_init (VtLdesHarvestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_ldes_harvest_finalize;
  object_class->get_property = vt_ldes_harvest_get_property;

  properties[PROP_PAGES] =
    g_param_spec_uint ("pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MEMBERS] =
    g_param_spec_uint64 ("members", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SKIPPED_MEMBERS] =
    g_param_spec_uint ("skipped-members", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REMAINING_ITEMS] =
    g_param_spec_int64 ("remaining-items", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_ldes_harvest_init (VtLdesHarvest *self)
{
  self->remaining_items = -1;
}

VtLdesHarvest *
vt_ldes_harvest_new (VtClient    *client,
                     VtCatalogue *catalogue,
                     const char  *stream_url,
                     const char  *org)
{
  VtLdesHarvest *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (VT_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (stream_url != NULL, NULL);
  g_return_val_if_fail (org != NULL, NULL);

  self = g_object_new (VT_TYPE_LDES_HARVEST, NULL);
  self->client = g_object_ref (client);
  self->catalogue = g_object_ref (catalogue);
  self->stream_url = g_strdup (stream_url);
  self->org = g_strdup (org);

  return self;
}

guint
vt_ldes_harvest_get_pages (VtLdesHarvest *self)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), 0);
  return self->pages;
}

guint64
vt_ldes_harvest_get_members (VtLdesHarvest *self)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), 0);
  return self->members;
}

guint
vt_ldes_harvest_get_skipped_members (VtLdesHarvest *self)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), 0);
  return self->skipped_members;
}

gint64
vt_ldes_harvest_get_remaining_items (VtLdesHarvest *self)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), -1);
  return self->remaining_items;
}

double
vt_ldes_harvest_get_fraction (VtLdesHarvest *self)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), 0.0);
  return self->fraction;
}

/* ------------------------------------------------------------------ */
/* One page, in the worker thread                                      */

typedef struct
{
  /* in */
  VtCatalogue *catalogue;
  char        *stream;
  char        *org;
  char        *url;          /* asked for */
  char        *final_url;    /* after redirects */
  gboolean     immutable;
  GBytes      *body;
  GHashTable  *skip;         /* url set: this page and its targets so far */
  /* out */
  GPtrArray   *targets;      /* char*, new pages to visit */
  GArray      *target_remaining; /* gint64 per target, -1 unknown */
  guint        n_members;
  guint        n_skipped;
  guint        n_changed;
} PageJob;

static void
page_job_free (PageJob *job)
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

static void
page_thread (GTask        *task,
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

/* ------------------------------------------------------------------ */
/* The run, on the caller's main context                               */

static void
set_progress (VtLdesHarvest *self)
{
  gpointer key, value;
  gint64 remaining = 0;
  gboolean known = TRUE;
  double fraction;
  guint i;

  /* The pages still queued, by what their relations promised. */
  for (i = self->next; i < self->state->frontier->len; i++)
    {
      const char *url = g_ptr_array_index (self->state->frontier, i);

      if (g_hash_table_lookup_extended (self->remaining, url, &key, &value) &&
          GPOINTER_TO_SIZE (value) > 0)
        remaining += GPOINTER_TO_SIZE (value) - 1;
      else
        known = FALSE;
    }

  if (!known && remaining == 0)
    remaining = -1;

  if (remaining != self->remaining_items)
    {
      self->remaining_items = remaining;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_ITEMS]);
    }

  if (self->next >= self->state->frontier->len)
    fraction = 1.0;
  else if (remaining >= 0)
    fraction = (double) self->members / (double) (self->members + remaining + 1);
  else
    fraction = (double) self->next / (double) (self->state->frontier->len + 1);
  fraction = CLAMP (fraction, 0.0, 1.0);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
}

static void
run_done (VtLdesHarvest *self,
          GError        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_pointer (&self->state, _vt_harvest_state_free);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->remaining, g_hash_table_unref);
  g_clear_pointer (&self->current_url, g_free);

  if (error != NULL)
    {
      g_clear_error (&self->first_error);
      g_task_return_error (task, error);
    }
  else if (self->first_error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->first_error));
  else
    g_task_return_boolean (task, TRUE);
}

/* A page that could not be had stays in the frontier; the harvest goes
 * on with the others and reports the first such error at the end. */
static void
page_failed (VtLdesHarvest *self,
             GError        *error)
{
  g_debug ("%s: %s", self->current_url, error->message);
  if (self->first_error == NULL)
    self->first_error = error;
  else
    g_error_free (error);
  fetch_next (self);
}

static GError *
map_fetch_error (GError     *error,
                 const char *url)
{
  GError *mapped = NULL;

  if (error->domain == VT_NET_ERROR)
    {
      switch ((VtNetError) error->code)
        {
        case VT_NET_ERROR_UNSUPPORTED_URI:
          mapped = g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_UNSAFE_REDIRECT,
                                _("The stream page “%s” led somewhere Vitrine does not go: %s"),
                                url, error->message);
          break;
        case VT_NET_ERROR_TOO_LARGE:
          mapped = g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_TOO_LARGE,
                                _("The stream page “%s” is too large: %s"), url, error->message);
          break;
        case VT_NET_ERROR_BAD_RESPONSE:
          mapped = g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE,
                                _("The stream page “%s” is not a page of the stream: %s"),
                                url, error->message);
          break;
        case VT_NET_ERROR_NOT_PUBLIC:
        case VT_NET_ERROR_AUTH_REQUIRED:
        case VT_NET_ERROR_NOT_FOUND:
        case VT_NET_ERROR_SERVER:
        case VT_NET_ERROR_TIMEOUT:
        case VT_NET_ERROR_OFFLINE:
        case VT_NET_ERROR_TLS:
        case VT_NET_ERROR_BAD_REQUEST:
        case VT_NET_ERROR_CONNECTION_LOST:
        default:
          break;
        }
    }

  if (mapped != NULL)
    {
      g_error_free (error);
      return mapped;
    }
  return error;
}

static gboolean
is_immutable (const char *cache_control)
{
  g_auto(GStrv) directives = NULL;
  guint i;

  if (cache_control == NULL)
    return FALSE;

  directives = g_strsplit (cache_control, ",", -1);
  for (i = 0; directives[i] != NULL; i++)
    {
      char *d = g_strstrip (directives[i]);

      if (g_ascii_strcasecmp (d, "immutable") == 0)
        return TRUE;
      if (g_ascii_strncasecmp (d, "max-age=", 8) == 0 &&
          g_ascii_strtoll (d + 8, NULL, 10) >= IMMUTABLE_MAX_AGE)
        return TRUE;
      if (g_ascii_strcasecmp (d, "no-cache") == 0 || g_ascii_strcasecmp (d, "no-store") == 0)
        return FALSE;
    }
  return FALSE;
}

static void
on_page_stored (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtLdesHarvest) self = user_data;
  PageJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  guint i;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A database that cannot be written ends the run; a bad page does not. */
      if (g_error_matches (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE))
        page_failed (self, error);
      else
        run_done (self, error);
      return;
    }

  g_hash_table_add (self->state->visited, g_strdup (job->url));
  g_hash_table_add (self->state->visited, g_strdup (job->final_url));
  if (job->immutable)
    g_hash_table_add (self->state->immutable, g_strdup (job->final_url));

  for (i = 0; i < job->targets->len; i++)
    {
      const char *url = g_ptr_array_index (job->targets, i);
      gint64 remaining = g_array_index (job->target_remaining, gint64, i);

      /* Loops (relations back to pages read in this run) and immutable
       * pages stored before are not visited again. */
      if (g_hash_table_contains (self->state->visited, url) ||
          g_hash_table_contains (self->state->immutable, url) ||
          g_hash_table_contains (self->queued, url))
        continue;
      g_ptr_array_add (self->state->frontier, g_strdup (url));
      g_hash_table_add (self->queued, g_strdup (url));
      if (remaining >= 0)
        g_hash_table_insert (self->remaining, g_strdup (url), GSIZE_TO_POINTER ((gsize) remaining + 1));
    }

  self->pages++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
  if (job->n_members > 0)
    {
      self->members += job->n_members;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
    }
  if (job->n_skipped > 0)
    {
      self->skipped_members += job->n_skipped;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPED_MEMBERS]);
    }
  set_progress (self);

  fetch_next (self);
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VtLdesHarvest) self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autofree char *final_url = NULL;
  g_autofree char *cache_control = NULL;
  GError *error = NULL;
  GBytes *body;
  PageJob *job;

  body = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, &final_url, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        run_done (self, error);
      else
        page_failed (self, map_fetch_error (error, self->current_url));
      return;
    }

  if (g_bytes_get_size (body) > MAX_PAGE_BYTES)
    {
      g_autofree char *size = g_format_size (MAX_PAGE_BYTES);

      g_bytes_unref (body);
      page_failed (self, g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_TOO_LARGE,
                                      _("The stream page “%s” is larger than the %s allowed."),
                                      self->current_url, size));
      return;
    }

  cache_control = vt_client_fetch_dup_response_header (VT_CLIENT (object), result, "Cache-Control");

  job = g_new0 (PageJob, 1);
  job->catalogue = g_object_ref (self->catalogue);
  job->stream = g_strdup (self->stream_url);
  job->org = g_strdup (self->org);
  job->url = g_strdup (self->current_url);
  job->final_url = g_strdup (final_url != NULL ? final_url : self->current_url);
  job->immutable = is_immutable (cache_control);
  job->body = body;
  job->targets = g_ptr_array_new_with_free_func (g_free);
  job->target_remaining = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The page's relations are filtered against this run's sets here, on
   * the main thread, when they come back; the worker only drops the page
   * itself and repeats. */
  job->skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (job->skip, g_strdup (job->url));
  g_hash_table_add (job->skip, g_strdup (job->final_url));

  task = g_task_new (self, NULL, on_page_stored, g_object_ref (self));
  g_task_set_source_tag (task, on_fetched);
  g_task_set_task_data (task, job, (GDestroyNotify) page_job_free);
  g_task_run_in_thread (task, page_thread);
}

static void
finish_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VtLdesHarvest *self = source_object;
  GError *error = NULL;

  if (_vt_catalogue_finish_harvest (self->catalogue, self->stream_url, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_finished (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VtLdesHarvest *self = VT_LDES_HARVEST (object);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    run_done (self, error);
  else
    run_done (self, NULL);
}

static void
fetch_next (VtLdesHarvest *self)
{
  GCancellable *cancellable = g_task_get_cancellable (self->task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      run_done (self, error);
      return;
    }

  /* Pages visited in this run (loops: every relation back to a page
   * already read) and immutable pages stored earlier are not fetched. */
  while (self->next < self->state->frontier->len)
    {
      const char *url = g_ptr_array_index (self->state->frontier, self->next);

      if (!g_hash_table_contains (self->state->visited, url) &&
          !g_hash_table_contains (self->state->immutable, url))
        break;
      self->next++;
    }

  if (self->next >= self->state->frontier->len)
    {
      g_autoptr(GTask) task = NULL;

      set_progress (self);
      if (self->first_error != NULL)
        {
          run_done (self, NULL);
          return;
        }
      task = g_task_new (self, NULL, on_finished, NULL);
      g_task_set_source_tag (task, fetch_next);
      g_task_run_in_thread (task, finish_thread);
      return;
    }

  g_free (self->current_url);
  self->current_url = g_strdup (g_ptr_array_index (self->state->frontier, self->next));
  self->next++;

  /* Mutable pages are asked again even when the disk cache holds them:
   * a sync is when the user wants what is new. */
  vt_client_fetch_async (self->client, self->current_url, VT_FETCH_KIND_MANIFEST,
                         VT_FETCH_FLAGS_RELOAD, VT_FETCH_PRIORITY_DEFAULT,
                         cancellable, on_fetched, g_object_ref (self));
}

static void
begin_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  VtLdesHarvest *self = source_object;
  VtHarvestState *state;
  GError *error = NULL;

  state = _vt_catalogue_begin_harvest (self->catalogue, self->stream_url, self->org, &error);
  if (state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify) _vt_harvest_state_free);
}

static void
on_begun (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  VtLdesHarvest *self = VT_LDES_HARVEST (object);
  GError *error = NULL;
  guint i;

  self->state = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->state == NULL)
    {
      run_done (self, error);
      return;
    }

  self->next = 0;
  self->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->remaining = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < self->state->frontier->len; i++)
    g_hash_table_add (self->queued, g_strdup (g_ptr_array_index (self->state->frontier, i)));

  fetch_next (self);
}

void
vt_ldes_harvest_run_async (VtLdesHarvest       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) begin = NULL;

  g_return_if_fail (VT_IS_LDES_HARVEST (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, vt_ldes_harvest_run_async);
  g_clear_error (&self->first_error);

  begin = g_task_new (self, NULL, on_begun, NULL);
  g_task_set_source_tag (begin, begin_thread);
  g_task_run_in_thread (begin, begin_thread);
}

gboolean
vt_ldes_harvest_run_finish (VtLdesHarvest  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (VT_IS_LDES_HARVEST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
