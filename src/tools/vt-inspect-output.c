/* vt-inspect-output.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-inspect-output"

#include "config.h"

#include "vt-inspect-output.h"
#include "vt-inspect-annotations.h"

/* The normalised reading of a document as JSON: labels as v3 language
 * maps, so that our reading can be compared with other IIIF libraries. */

#define MAX_RANGE_OUTPUT_DEPTH 128

void
vt_inspect_add_map (JsonBuilder        *b,
         const char         *name,
         VtLanguageMap      *map)
{
  json_builder_set_member_name (b, name);
  if (map == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }

  json_builder_begin_object (b);
  for (guint i = 0; i < vt_language_map_get_n_languages (map); i++)
    {
      const char * const *values = vt_language_map_get_values (map, i);

      json_builder_set_member_name (b, vt_language_map_get_language (map, i));
      json_builder_begin_array (b);
      for (guint j = 0; values[j] != NULL; j++)
        json_builder_add_string_value (b, values[j]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
vt_inspect_add_strv (JsonBuilder *b,
          const char  *name,
          char       **strv)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static const char *
image_version_name (VtImageApiVersion version)
{
  switch (version)
    {
    case VT_IMAGE_API_1_0: return "1.0";
    case VT_IMAGE_API_1_1: return "1.1";
    case VT_IMAGE_API_2: return "2";
    case VT_IMAGE_API_3: return "3";
    case VT_IMAGE_API_UNKNOWN:
    default: return NULL;
    }
}

static void
add_display (JsonBuilder        *b,
             const char         *name,
             VtLanguageMap      *map,
             const char * const *languages)
{
  g_autofree char *text = vt_language_map_dup_string (map, languages, "; ");
  g_autofree char *plain = text != NULL ? vt_html_to_text (text) : NULL;

  add_string (b, name, plain);
}

static void
add_resources (JsonBuilder *b,
               const char  *name,
               GPtrArray   *resources)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < resources->len; i++)
    {
      VtResource *r = g_ptr_array_index (resources, i);
      VtServiceRef *service = vt_resource_get_image_service (r);

      json_builder_begin_object (b);
      add_string (b, "id", r->id);
      add_string (b, "type", r->type);
      add_string (b, "format", r->format);
      if (r->label != NULL)
        vt_inspect_add_map (b, "label", r->label);
      if (service != NULL)
        add_string (b, "service", service->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_metadata_entry (JsonBuilder     *b,
                    VtMetadataEntry *entry)
{
  json_builder_begin_object (b);
  vt_inspect_add_map (b, "label", entry->label);
  vt_inspect_add_map (b, "value", entry->value);
  json_builder_end_object (b);
}

static void
add_service_ref (JsonBuilder  *b,
                 VtServiceRef *ref)
{
  json_builder_begin_object (b);
  add_string (b, "id", ref->id);
  add_string (b, "type", ref->type);
  add_string (b, "version", image_version_name (ref->image_version));
  json_builder_set_member_name (b, "level");
  if (ref->level >= 0)
    json_builder_add_int_value (b, ref->level);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

void
vt_inspect_add_rect (JsonBuilder  *b,
          const char   *name,
          const VtRect *rect)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  json_builder_add_int_value (b, rect->x);
  json_builder_add_int_value (b, rect->y);
  json_builder_add_int_value (b, rect->width);
  json_builder_add_int_value (b, rect->height);
  json_builder_end_array (b);
}

/* What holds for one page, as the sidebar shows it: the canvas's own
 * rights and statement (from its image annotation, as Ghent writes them),
 * else the manifest's. */
static void
add_canvas_rights (JsonBuilder        *b,
                   VtManifest         *m,
                   guint               index,
                   const char * const *languages)
{
  const char *rights = vt_manifest_get_canvas_rights (m, index);
  VtMetadataEntry *statement = vt_manifest_get_canvas_required_statement (m, index);
  g_autofree char *name = NULL;

  vt_rights_describe (rights, &name, NULL);
  add_string (b, "effectiveRights", rights);
  add_string (b, "effectiveRightsName", name);
  json_builder_set_member_name (b, "allowsReuse");
  json_builder_add_boolean_value (b, vt_rights_allows_reuse (rights));
  json_builder_set_member_name (b, "effectiveRequiredStatement");
  if (statement != NULL)
    add_metadata_entry (b, statement);
  else
    json_builder_add_null_value (b);
  add_display (b, "displayAttribution", statement != NULL ? statement->value : NULL, languages);
}

static void
add_canvas (JsonBuilder        *b,
            VtManifest         *m,
            guint               index,
            const char * const *languages)
{
  VtCanvas *canvas = vt_manifest_get_canvas (m, index);
  VtContentResource *image = vt_canvas_get_image (canvas);

  json_builder_begin_object (b);
  add_string (b, "id", canvas->id);
  vt_inspect_add_map (b, "label", canvas->label);
  add_display (b, "displayLabel", canvas->label, languages);
  add_int (b, "width", canvas->width);
  add_int (b, "height", canvas->height);
  json_builder_set_member_name (b, "duration");
  json_builder_add_double_value (b, canvas->duration);
  json_builder_set_member_name (b, "isImage");
  json_builder_add_boolean_value (b, image != NULL);
  add_canvas_rights (b, m, index, languages);

  json_builder_set_member_name (b, "image");
  if (image != NULL)
    {
      VtServiceRef *service = vt_content_resource_get_image_service (image);

      json_builder_begin_object (b);
      add_string (b, "id", image->id);
      add_string (b, "format", image->format);
      add_int (b, "width", image->width);
      add_int (b, "height", image->height);
      if (image->has_selector)
        vt_inspect_add_rect (b, "region", &image->selector);
      json_builder_set_member_name (b, "service");
      if (service != NULL)
        add_service_ref (b, service);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "choices");
  json_builder_begin_array (b);
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, i);

      if (!anno->is_choice)
        continue;
      for (guint j = 0; j < anno->bodies->len; j++)
        {
          VtContentResource *body = g_ptr_array_index (anno->bodies, j);

          json_builder_begin_object (b);
          add_string (b, "id", body->id);
          vt_inspect_add_map (b, "label", body->label);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  vt_inspect_add_canvas_content (b, canvas, languages);
  json_builder_end_object (b);
}

static void
add_range (JsonBuilder        *b,
           VtRange            *range,
           const char * const *languages,
           guint               depth)
{
  json_builder_begin_object (b);
  add_string (b, "id", range->id);
  vt_inspect_add_map (b, "label", range->label);
  vt_inspect_add_strv (b, "behavior", range->behavior);
  vt_inspect_add_range_extras (b, range);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < range->items->len && depth < MAX_RANGE_OUTPUT_DEPTH; i++)
    {
      VtRangeItem *item = g_ptr_array_index (range->items, i);

      if (item->range != NULL)
        add_range (b, item->range, languages, depth + 1);
      else
        {
          json_builder_begin_object (b);
          add_string (b, "type", "Canvas");
          add_string (b, "id", item->canvas_id);
          if (item->has_region)
            vt_inspect_add_rect (b, "region", &item->region);
          if (item->has_time)
            {
              json_builder_set_member_name (b, "timeStart");
              json_builder_add_double_value (b, item->time_start);
              json_builder_set_member_name (b, "timeEnd");
              json_builder_add_double_value (b, item->time_end);
            }
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_manifest (JsonBuilder        *b,
              VtManifest         *m,
              const char * const *languages)
{
  add_string (b, "id", m->id);
  vt_inspect_add_map (b, "label", m->label);
  add_display (b, "displayLabel", m->label, languages);
  vt_inspect_add_map (b, "summary", m->summary);

  json_builder_set_member_name (b, "metadata");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->metadata->len; i++)
    add_metadata_entry (b, g_ptr_array_index (m->metadata, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "requiredStatement");
  if (m->required_statement != NULL)
    add_metadata_entry (b, m->required_statement);
  else
    json_builder_add_null_value (b);
  add_string (b, "rights", m->rights);

  json_builder_set_member_name (b, "provider");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->provider->len; i++)
    {
      VtAgent *agent = g_ptr_array_index (m->provider, i);

      json_builder_begin_object (b);
      add_string (b, "id", agent->id);
      vt_inspect_add_map (b, "label", agent->label);
      add_resources (b, "homepage", agent->homepage);
      add_resources (b, "logo", agent->logo);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_resources (b, "homepage", m->homepage);
  add_resources (b, "thumbnail", m->thumbnail);
  vt_inspect_add_strv (b, "behavior", m->behavior);
  add_string (b, "start", m->start_canvas);
  vt_inspect_add_manifest_extras (b, m, languages);

  json_builder_set_member_name (b, "canvases");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->canvases->len; i++)
    add_canvas (b, m, i, languages);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "structures");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->structures->len; i++)
    add_range (b, g_ptr_array_index (m->structures, i), languages, 0);
  json_builder_end_array (b);
}

static void
add_collection (JsonBuilder        *b,
                VtCollection       *c,
                const char * const *languages,
                guint               depth)
{
  add_string (b, "id", c->id);
  vt_inspect_add_map (b, "label", c->label);
  add_display (b, "displayLabel", c->label, languages);
  vt_inspect_add_map (b, "summary", c->summary);
  add_string (b, "first", c->first);
  add_string (b, "next", c->next);
  add_string (b, "prev", c->prev);
  if (c->total >= 0)
    add_int (b, "total", c->total);
  if (c->start_index >= 0)
    add_int (b, "startIndex", c->start_index);

  json_builder_set_member_name (b, "members");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->members->len; i++)
    {
      VtCollectionMember *member = g_ptr_array_index (c->members, i);

      json_builder_begin_object (b);
      add_string (b, "type", member->kind == VT_COLLECTION_MEMBER_COLLECTION ? "Collection" : "Manifest");
      add_string (b, "id", member->id);
      vt_inspect_add_map (b, "label", member->label);
      add_resources (b, "thumbnail", member->thumbnail);
      if (member->embedded != NULL && depth < MAX_RANGE_OUTPUT_DEPTH)
        {
          json_builder_set_member_name (b, "embedded");
          json_builder_begin_object (b);
          add_collection (b, member->embedded, languages, depth + 1);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_auth (JsonBuilder *b,
          GPtrArray   *auth)
{
  static const char * const kinds[] = {
    "unknown", "login", "clickthrough", "kiosk", "external", "active", "probe", "token", "logout",
  };

  json_builder_begin_array (b);
  for (guint i = 0; i < auth->len; i++)
    {
      VtAuthService *a = g_ptr_array_index (auth, i);

      json_builder_begin_object (b);
      add_int (b, "authVersion", a->version);
      add_string (b, "kind", (guint) a->kind < G_N_ELEMENTS (kinds) ? kinds[a->kind] : "unknown");
      add_string (b, "id", a->id);
      vt_inspect_add_map (b, "label", a->label);
      vt_inspect_add_map (b, "header", a->header);
      vt_inspect_add_map (b, "description", a->description);
      vt_inspect_add_map (b, "confirmLabel", a->confirm_label);
      json_builder_set_member_name (b, "services");
      add_auth (b, a->services);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_image_service (JsonBuilder    *b,
                   VtImageService *s)
{
  g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new (s);

  add_string (b, "version", image_version_name (s->version));
  add_string (b, "id", s->id);
  add_int (b, "level", s->level);
  add_int (b, "width", s->width);
  add_int (b, "height", s->height);

  json_builder_set_member_name (b, "tiles");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->tiles->len; i++)
    {
      VtImageTiles *tiles = g_ptr_array_index (s->tiles, i);

      json_builder_begin_object (b);
      add_int (b, "width", tiles->width);
      add_int (b, "height", tiles->height);
      json_builder_set_member_name (b, "scaleFactors");
      json_builder_begin_array (b);
      for (guint j = 0; j < tiles->scale_factors->len; j++)
        json_builder_add_int_value (b, g_array_index (tiles->scale_factors, guint, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sizes");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->sizes->len; i++)
    {
      VtImageSize *size = &g_array_index (s->sizes, VtImageSize, i);

      json_builder_begin_object (b);
      add_int (b, "width", size->width);
      add_int (b, "height", size->height);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (s->max_width > 0)
    add_int (b, "maxWidth", s->max_width);
  if (s->max_height > 0)
    add_int (b, "maxHeight", s->max_height);
  if (s->max_area > 0)
    add_int (b, "maxArea", s->max_area);
  vt_inspect_add_strv (b, "formats", s->formats);
  vt_inspect_add_strv (b, "qualities", s->qualities);
  vt_inspect_add_strv (b, "extraFeatures", s->features);
  vt_inspect_add_strv (b, "preferredFormats", s->preferred_formats);
  add_string (b, "rights", s->rights);
  json_builder_set_member_name (b, "auth");
  add_auth (b, s->auth);

  json_builder_set_member_name (b, "pyramid");
  json_builder_begin_array (b);
  for (guint i = 0; i < vt_tile_pyramid_get_n_levels (pyramid); i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      g_autofree char *first = vt_tile_pyramid_dup_tile_url (pyramid, i, 0, 0);
      g_autofree char *last = vt_tile_pyramid_dup_tile_url (pyramid, i, level->columns - 1, level->rows - 1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scaleFactor");
      json_builder_add_double_value (b, level->scale);
      add_int (b, "width", level->width);
      add_int (b, "height", level->height);
      add_int (b, "tileWidth", level->tile_width);
      add_int (b, "tileHeight", level->tile_height);
      add_int (b, "columns", level->columns);
      add_int (b, "rows", level->rows);
      add_string (b, "firstTile", first);
      add_string (b, "lastTile", last);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * vt_inspect_document:
 * @languages: (nullable): preferred languages for the display labels
 *
 * Returns: (transfer full): the JSON description of @doc
 */
JsonNode *
vt_inspect_document (VtIiifDocument     *doc,
                     const char * const *languages)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char * const kinds[] = {
    [VT_IIIF_DOCUMENT_MANIFEST] = "Manifest",
    [VT_IIIF_DOCUMENT_COLLECTION] = "Collection",
    [VT_IIIF_DOCUMENT_CANVAS] = "Canvas",
    [VT_IIIF_DOCUMENT_ANNOTATIONS] = "Annotations",
    [VT_IIIF_DOCUMENT_IMAGE_SERVICE] = "ImageService",
  };

  json_builder_begin_object (b);
  add_string (b, "type", kinds[doc->kind]);
  if (doc->kind != VT_IIIF_DOCUMENT_IMAGE_SERVICE)
    add_string (b, "version", doc->version == VT_PRESENTATION_3 ? "3" : "2");

  switch (doc->kind)
    {
    case VT_IIIF_DOCUMENT_MANIFEST:
    case VT_IIIF_DOCUMENT_CANVAS:
      add_manifest (b, doc->manifest, languages);
      break;
    case VT_IIIF_DOCUMENT_COLLECTION:
      add_collection (b, doc->collection, languages, 0);
      break;
    case VT_IIIF_DOCUMENT_IMAGE_SERVICE:
      add_image_service (b, doc->image_service);
      break;
    case VT_IIIF_DOCUMENT_ANNOTATIONS:
      add_int (b, "annotations", doc->n_annotations);
      break;
    default:
      g_assert_not_reached ();
    }

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (doc->warnings, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
