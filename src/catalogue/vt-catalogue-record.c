/* vt-catalogue-record.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vt-catalogue-error.h"
#include "vt-catalogue-record.h"

/* One LDES member of Ghent's adlib2eventstream (OSLO "cultureel erfgoed
 * object" JSON-LD, compacted with Ghent's own context) read into the few
 * fields a curator searches and reads. The member is read by its compact
 * keys, as Ghent sends them; values may be a string, a language-tagged
 * {"@value"} object, or a list of either. */

typedef struct
{
  VtCatalogueRecord record;
  gatomicrefcount   ref_count;
} RecordBox;

G_DEFINE_BOXED_TYPE (VtCatalogueRecord, vt_catalogue_record,
                     vt_catalogue_record_ref, vt_catalogue_record_unref)

static void
maker_free (gpointer data)
{
  VtCatalogueMaker *maker = data;

  g_free (maker->name);
  g_free (maker->role);
  g_free (maker);
}

VtCatalogueRecord *
vt_catalogue_record_new (void)
{
  RecordBox *box = g_new0 (RecordBox, 1);

  g_atomic_ref_count_init (&box->ref_count);
  box->record.makers = g_ptr_array_new_with_free_func (maker_free);

  return &box->record;
}

VtCatalogueRecord *
vt_catalogue_record_ref (VtCatalogueRecord *self)
{
  RecordBox *box = (RecordBox *) self;

  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&box->ref_count);
  return self;
}

void
vt_catalogue_record_unref (VtCatalogueRecord *self)
{
  RecordBox *box = (RecordBox *) self;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&box->ref_count))
    return;

  g_free (self->org);
  g_free (self->object_number);
  g_free (self->object_uri);
  g_free (self->version_uri);
  g_free (self->generated_at);
  g_free (self->title);
  g_free (self->description);
  g_ptr_array_unref (self->makers);
  g_free (self->date);
  g_free (self->object_type);
  g_free (self->material);
  g_free (self->dimensions);
  g_free (self->collection);
  g_free (self->manifest_url);
  g_free (self->web_url);
  g_free (self->image_service);
  g_free (self->licence);
  g_free (box);
}

void
vt_catalogue_record_add_maker (VtCatalogueRecord *self,
                               const char        *name,
                               const char        *role)
{
  VtCatalogueMaker *maker;
  guint i;

  g_return_if_fail (self != NULL);

  if (name == NULL || *name == '\0')
    return;

  /* The same person often appears as creator and as producer. */
  for (i = 0; i < self->makers->len; i++)
    {
      VtCatalogueMaker *other = g_ptr_array_index (self->makers, i);

      if (g_strcmp0 (other->name, name) == 0 && g_strcmp0 (other->role, role) == 0)
        return;
    }

  maker = g_new0 (VtCatalogueMaker, 1);
  maker->name = g_strdup (name);
  maker->role = role != NULL && *role != '\0' ? g_strdup (role) : NULL;
  g_ptr_array_add (self->makers, maker);
}

/* ------------------------------------------------------------------ */
/* Reading JSON-LD values                                              */

static JsonObject *
get_object (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A member that may be one object or a list of them, as a list. */
static GList *
get_objects (JsonObject *object,
             const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;
  GList *list = NULL;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_list_prepend (NULL, json_node_get_object (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint i, n = json_array_get_length (array);

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            list = g_list_prepend (list, json_node_get_object (element));
        }
    }

  return g_list_reverse (list);
}

static const char *node_text (JsonNode *node);

/* The text of a literal: a string, {"@value"}, or a list of them (Dutch
 * first, then the first one). Labels inside {"label"} or
 * {"skos:prefLabel"} count too. */
static const char *
object_text (JsonObject *object)
{
  static const char * const keys[] = { "@value", "label", "skos:prefLabel", NULL };
  guint i;

  for (i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);
      const char *text = node != NULL ? node_text (node) : NULL;

      if (text != NULL)
        return text;
    }

  return NULL;
}

static const char *
node_text (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      const char *text = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;

      return text != NULL && *text != '\0' ? text : NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_text (json_node_get_object (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint i, n = json_array_get_length (array);
      const char *first = NULL;

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *text = node_text (element);

          if (text == NULL)
            continue;
          if (first == NULL)
            first = text;
          if (JSON_NODE_HOLDS_OBJECT (element) &&
              g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (element), "@language", NULL), "nl") == 0)
            return text;
        }
      return first;
    }

  return NULL;
}

static const char *
member_text (JsonObject *object,
             const char *key)
{
  return object != NULL ? node_text (json_object_get_member (object, key)) : NULL;
}

static const char *
member_id (JsonObject *object)
{
  return json_object_get_string_member_with_default (object, "@id", NULL);
}

/* Collects distinct texts, joined with @separator. */
static void
append_unique (GString    *out,
               const char *text,
               const char *separator)
{
  if (text == NULL || *text == '\0')
    return;

  if (out->len > 0)
    {
      g_autofree char *needle = g_strconcat (separator, text, separator, NULL);
      g_autofree char *haystack = g_strconcat (separator, out->str, separator, NULL);

      if (strstr (haystack, needle) != NULL)
        return;
      g_string_append (out, separator);
    }
  g_string_append (out, text);
}

static char *
string_or_null (GString *text)
{
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* The fields                                                          */

static const char *
find_object_number (JsonObject *member)
{
  g_autoptr(GList) ids = get_objects (member, "Object.identificator");
  GList *l;

  for (l = ids; l != NULL; l = l->next)
    {
      JsonObject *id = get_object (l->data, "Identificator.identificator");
      const char *type = id != NULL ? json_object_get_string_member_with_default (id, "@type", NULL) : NULL;
      const char *value = id != NULL ? member_text (id, "@value") : NULL;

      if (type != NULL && value != NULL && g_str_has_suffix (type, "/objectnummer"))
        return value;
    }

  return NULL;
}

/* The role of one maker: the specific role (Rol.rol, "ontwerper") when
 * the event carries one, otherwise the kind of agent ("vervaardiger"). */
static void
add_makers_of_event (VtCatalogueRecord *self,
                     JsonObject        *event)
{
  g_autoptr(GList) agents = get_objects (event, "Activiteit.uitgevoerdDoor");
  JsonObject *reverse = get_object (event, "@reverse");
  g_autoptr(GList) roles = get_objects (reverse, "Rol.activiteit");
  GList *l;

  for (l = agents; l != NULL; l = l->next)
    {
      JsonObject *agent = l->data;
      JsonObject *equivalent = get_object (agent, "equivalent");
      const char *name = member_text (equivalent, "label");
      const char *agent_id = equivalent != NULL ? member_id (equivalent) : NULL;
      const char *role = NULL;
      GList *r;

      if (name == NULL)
        name = member_text (agent, "label");

      for (r = roles; r != NULL && agent_id != NULL; r = r->next)
        {
          if (g_strcmp0 (json_object_get_string_member_with_default (r->data, "Rol.agent", NULL), agent_id) == 0)
            {
              role = member_text (get_object (r->data, "Rol.rol"), "skos:prefLabel");
              break;
            }
        }
      if (role == NULL)
        role = member_text (get_object (agent, "Entiteit.type"), "label");

      vt_catalogue_record_add_maker (self, name, role);
    }

  if (self->date == NULL)
    {
      const char *date = member_text (event, "Gebeurtenis.tijd");

      /* ".." is EDTF for "unknown", nothing to show. */
      if (date != NULL && strcmp (date, "..") != 0 && strcmp (date, "../..") != 0)
        self->date = g_strdup (date);
    }
}

static void
read_makers (VtCatalogueRecord *self,
             JsonObject        *member)
{
  g_autoptr(GList) productions = get_objects (member, "MaterieelDing.productie");
  JsonObject *conceptual = get_object (member, "Entiteit.wordtNaarVerwezenDoor");
  g_autoptr(GList) creations = get_objects (conceptual, "ConceptueelDing.creatie");
  GList *l;

  for (l = creations; l != NULL; l = l->next)
    add_makers_of_event (self, l->data);
  for (l = productions; l != NULL; l = l->next)
    add_makers_of_event (self, l->data);
}

static char *
read_object_type (JsonObject *member)
{
  g_autoptr(GList) classifications = get_objects (member, "Entiteit.classificatie");
  GString *out = g_string_new (NULL);
  GList *l;

  for (l = classifications; l != NULL; l = l->next)
    append_unique (out, member_text (get_object (l->data, "Classificatie.toegekendType"), "skos:prefLabel"), ", ");

  return string_or_null (out);
}

static char *
read_material (JsonObject *member)
{
  g_autoptr(GList) materials = get_objects (member, "MensgemaaktObject.materiaal");
  GString *out = g_string_new (NULL);
  GList *l;

  for (l = materials; l != NULL; l = l->next)
    {
      g_autoptr(GList) types = get_objects (l->data, "Entiteit.type");
      GList *t;

      /* The list mixes the term (with a prefLabel) and the CEST field
       * name (with a plain label): only the term is the material. */
      for (t = types; t != NULL; t = t->next)
        append_unique (out, member_text (t->data, "skos:prefLabel"), ", ");
    }

  return string_or_null (out);
}

static char *
read_dimensions (JsonObject *member)
{
  g_autoptr(GList) dimensions = get_objects (member, "MensgemaaktObject.dimensie");
  GString *out = g_string_new (NULL);
  GList *l;

  for (l = dimensions; l != NULL; l = l->next)
    {
      const char *type = member_text (l->data, "Dimensie.type");
      const char *value = member_text (l->data, "Dimensie.waarde");
      const char *unit = member_text (l->data, "Dimensie.eenheid");
      g_autofree char *text = NULL;

      if (value == NULL)
        continue;
      text = g_strjoin (" ", type != NULL ? type : "", value, unit != NULL ? unit : "", NULL);
      g_strstrip (text);
      append_unique (out, text, "; ");
    }

  return string_or_null (out);
}

static char *
read_collection (JsonObject *member)
{
  g_autoptr(GList) parts = get_objects (member, "MensgemaaktObject.maaktDeelUitVan");
  GString *out = g_string_new (NULL);
  GList *l;

  for (l = parts; l != NULL; l = l->next)
    {
      if (g_strcmp0 (json_object_get_string_member_with_default (l->data, "@type", NULL), "Collectie") == 0)
        append_unique (out, member_text (l->data, "Entiteit.beschrijving"), ", ");
    }

  return string_or_null (out);
}

static gboolean
conforms_to (JsonObject *digital,
             const char *prefix)
{
  g_autoptr(GList) specs = get_objects (digital, "conforms_to");
  JsonNode *node = json_object_get_member (digital, "conforms_to");
  GList *l;

  for (l = specs; l != NULL; l = l->next)
    {
      const char *id = member_id (l->data);

      if (id != NULL && g_str_has_prefix (id, prefix))
        return TRUE;
    }

  /* Compacted JSON-LD may give a bare string for an @id-typed term. */
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      g_str_has_prefix (json_node_get_string (node) ? json_node_get_string (node) : "", prefix))
    return TRUE;

  return FALSE;
}

static void
read_digital_objects (VtCatalogueRecord *self,
                      JsonObject        *member)
{
  g_autoptr(GList) digitals = get_objects (member, "Entiteit.isHetOnderwerpVan");
  GList *l;

  for (l = digitals; l != NULL; l = l->next)
    {
      const char *id = member_id (l->data);

      if (id == NULL)
        continue;
      if (self->image_service == NULL && conforms_to (l->data, "http://iiif.io/api/image"))
        self->image_service = g_strdup (id);
      else if (self->manifest_url == NULL &&
               (conforms_to (l->data, "https://iiif.io/api/presentation") ||
                conforms_to (l->data, "http://iiif.io/api/presentation") ||
                strstr (id, "/manifest/") != NULL))
        self->manifest_url = g_strdup (id);
    }
}

static char *
normalize_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return NULL;

  /* Stored as UTC with milliseconds, so that a plain string comparison
   * in SQL orders versions by time. */
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return g_strdup (text);
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

      return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (utc) / 1000);
    }
}

VtCatalogueRecord *
vt_catalogue_record_new_from_member (JsonObject  *member,
                                     const char  *org,
                                     GError     **error)
{
  g_autoptr(VtCatalogueRecord) self = NULL;
  const char *number;
  const char *licence;

  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (org != NULL, NULL);

  number = find_object_number (member);
  if (number == NULL)
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE,
                   _("The stream member “%s” has no object number."),
                   member_id (member) != NULL ? member_id (member) : "?");
      return NULL;
    }

  self = vt_catalogue_record_new ();
  self->org = g_strdup (org);
  self->object_number = g_strdup (number);
  self->version_uri = g_strdup (member_id (member));
  self->object_uri = g_strdup (member_text (member, "dcterms:isVersionOf"));
  self->generated_at = normalize_time (member_text (member, "prov:generatedAtTime"));
  self->title = g_strdup (member_text (member, "MensgemaaktObject.titel"));
  self->description = g_strdup (member_text (member, "Entiteit.beschrijving"));
  read_makers (self, member);
  self->object_type = read_object_type (member);
  self->material = read_material (member);
  self->dimensions = read_dimensions (member);
  self->collection = read_collection (member);
  read_digital_objects (self, member);
  self->web_url = g_strdup_printf ("https://data.collectie.gent/entity/%s:%s", org, number);

  licence = member_text (member, "dcterms:license");
  if (licence == NULL && get_object (member, "dcterms:license") != NULL)
    licence = member_id (get_object (member, "dcterms:license"));
  self->licence = g_strdup (licence);

  return g_steal_pointer (&self);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
vt_catalogue_record_to_json (const VtCatalogueRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "org", self->org);
  add_string (builder, "object_number", self->object_number);
  add_string (builder, "title", self->title);
  add_string (builder, "manifest", self->manifest_url);
  add_string (builder, "description", self->description);
  json_builder_set_member_name (builder, "makers");
  json_builder_begin_array (builder);
  for (i = 0; i < self->makers->len; i++)
    {
      VtCatalogueMaker *maker = g_ptr_array_index (self->makers, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", maker->name);
      add_string (builder, "role", maker->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string (builder, "date", self->date);
  add_string (builder, "object_type", self->object_type);
  add_string (builder, "material", self->material);
  add_string (builder, "dimensions", self->dimensions);
  add_string (builder, "collection", self->collection);
  add_string (builder, "web_url", self->web_url);
  add_string (builder, "image_service", self->image_service);
  add_string (builder, "licence", self->licence);
  add_string (builder, "object_uri", self->object_uri);
  add_string (builder, "version_uri", self->version_uri);
  add_string (builder, "generated_at", self->generated_at);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
