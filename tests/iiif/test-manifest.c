/* test-manifest.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

static const char *en[] = { "en", NULL };

static const char *
first (VtLanguageMap *map)
{
  return vt_language_map_get_first (map, en);
}

static void
test_ghent (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-ghent.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas;
  VtContentResource *image;
  VtServiceRef *service;
  VtPaintingAnnotation *anno;

  g_assert_cmpint (doc->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
  /* "https:///" context typo still means v2 */
  g_assert_cmpint (doc->version, ==, VT_PRESENTATION_2);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_cmpstr (m->id, ==, "https://museum.example.org/iiif/presentation/v2/manifest/abc:1999-0042");
  g_assert_cmpstr (vt_language_map_get_language (m->label, 0), ==, "nl");
  g_assert_cmpstr (first (m->label), ==, "Glazen schaal met blauwe rand");
  g_assert_cmpstr (first (m->summary), ==, "Een schaal uit 1920, gekocht op een veiling in 's-Hertogenbosch.");
  g_assert_cmpuint (m->rendering->len, ==, 1);
  g_assert_null (m->rights);
  g_assert_null (m->required_statement);
  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 2);

  canvas = vt_manifest_get_canvas (m, 0);
  g_assert_cmpstr (canvas->id, ==, "https://museum.example.org/iiif/presentation/v2/canvas/0f3e-transcode-1999-0042$1.jpg.json");
  g_assert_cmpint (canvas->width, ==, 4000);
  g_assert_cmpint (canvas->height, ==, 3000);
  g_assert_true (vt_canvas_is_image (canvas));
  g_assert_false (vt_canvas_is_time_based (canvas));
  image = vt_canvas_get_image (canvas);
  g_assert_cmpint (image->kind, ==, VT_CONTENT_IMAGE);
  g_assert_cmpstr (image->format, ==, "image/jpeg");
  service = vt_canvas_get_image_service (canvas);
  g_assert_cmpstr (service->id, ==, "https://museum.example.org/iiif/image/iiif/2/0f3e-transcode-1999-0042$1.jpg");
  g_assert_cmpint (service->image_version, ==, VT_IMAGE_API_2);
  g_assert_cmpint (service->level, ==, 2);

  /* licence and attribution live on the annotation */
  anno = g_ptr_array_index (canvas->annotations, 0);
  g_assert_cmpstr (anno->rights, ==, "https://creativecommons.org/licenses/by-nc-nd/4.0/");
  g_assert_null (anno->required_statement->label);
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 0), ==, "https://creativecommons.org/licenses/by-nc-nd/4.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 0)), ==,
                   "rightsholder: Studio X, photographer: A. Fotograaf, source: Museum");
  /* and differ per page */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 1), ==, "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 1)), ==, "source: Museum");

  /* service as an array, trailing slash removed */
  service = vt_canvas_get_image_service (vt_manifest_get_canvas (m, 1));
  g_assert_cmpstr (service->id, ==, "https://museum.example.org/iiif/image/iiif/2/77aa-1999-0042.JPG");
  g_assert_nonnull (vt_manifest_find_canvas (m, "https://museum.example.org/iiif/presentation/v2/canvas/77aa-1999-0042.JPG.json#xywh=1,2,3,4", NULL));
}

static void
test_v2_book (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-book.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas;
  VtPaintingAnnotation *anno;
  VtContentResource *body;
  VtMetadataEntry *entry;
  VtRange *top, *r1, *r2;
  VtRangeItem *item;
  const char *fr[] = { "fr", NULL };

  g_assert_cmpint (doc->version, ==, VT_PRESENTATION_2);
  g_assert_cmpstr (first (m->label), ==, "Book of Hours");
  g_assert_cmpstr (vt_language_map_get_first (m->label, fr), ==, "Livre d'heures");
  g_assert_cmpuint (m->metadata->len, ==, 3);
  entry = g_ptr_array_index (m->metadata, 1);
  g_assert_cmpstr (vt_language_map_get_first (entry->label, fr), ==, "Auteur");
  entry = g_ptr_array_index (m->metadata, 2);
  g_assert_cmpstr (first (entry->value), ==, "true");
  g_assert_null (m->required_statement->label);
  g_assert_cmpstr (first (m->required_statement->value), ==, "Provided by the Example Library");
  g_assert_cmpstr (m->rights, ==, "https://creativecommons.org/publicdomain/mark/1.0/");
  g_assert_cmpuint (m->provider->len, ==, 1);
  g_assert_cmpuint (((VtAgent *) g_ptr_array_index (m->provider, 0))->logo->len, ==, 1);
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->homepage, 0))->id, ==, "https://library.example.org/objects/book1");
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->see_also, 0))->format, ==, "text/xml");
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->part_of, 0))->id, ==, "https://library.example.org/iiif/collection/top");
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->thumbnail, 0))->id, ==, "https://library.example.org/iiif/book1/thumb.jpg");
  g_assert_cmpstr (m->nav_date, ==, "1450-01-01T00:00:00Z");
  g_assert_cmpstrv (m->behavior, ((const char *[]) { "paged", NULL }));
  g_assert_cmpint (m->viewing_direction, ==, VT_VIEWING_DIRECTION_RIGHT_TO_LEFT);
  g_assert_cmpstr (m->start_canvas, ==, "https://library.example.org/iiif/book1/canvas/p2");
  g_assert_cmpuint (m->services->len, ==, 1);
  g_assert_cmpstr (((VtServiceRef *) g_ptr_array_index (m->services, 0))->id, ==, "https://library.example.org/search/book1");

  /* the string in "canvases" is skipped */
  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 3);

  /* a Choice: default first, rdf:nil dropped */
  canvas = vt_manifest_get_canvas (m, 0);
  anno = g_ptr_array_index (canvas->annotations, 0);
  g_assert_true (anno->is_choice);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.height, ==, 1500);
  body = vt_painting_annotation_get_body (anno);
  g_assert_cmpstr (first (body->label), ==, "Visible");
  g_assert_cmpint (body->width, ==, 2000);
  g_assert_cmpint (vt_content_resource_get_image_service (body)->level, ==, 1);
  g_assert_cmpstr (first (((VtContentResource *) g_ptr_array_index (anno->bodies, 1))->label), ==, "Infrared");

  /* broken annotation and height: the canvas stays, without image */
  canvas = vt_manifest_get_canvas (m, 1);
  g_assert_cmpint (canvas->height, ==, 0);
  g_assert_cmpuint (canvas->annotations->len, ==, 0);
  g_assert_false (vt_canvas_is_image (canvas));

  /* SpecificResource with an ImageApiSelector; Stanford 1.1 profile */
  canvas = vt_manifest_get_canvas (m, 2);
  body = vt_canvas_get_image (canvas);
  g_assert_true (body->has_selector);
  g_assert_cmpint (body->selector.x, ==, 100);
  g_assert_cmpint (body->selector.y, ==, 200);
  g_assert_cmpint (body->selector.width, ==, 800);
  g_assert_cmpint (body->selector.height, ==, 1000);
  g_assert_cmpint (vt_content_resource_get_image_service (body)->image_version, ==, VT_IMAGE_API_1_1);
  g_assert_cmpint (vt_content_resource_get_image_service (body)->level, ==, 1);

  /* warnings: the string canvas, the bad height, the missing resource,
   * the range referenced twice */
  g_assert_cmpuint (doc->warnings->len, ==, 4);

  /* the flat ranges become a tree under the "top" range */
  g_assert_cmpuint (m->structures->len, ==, 1);
  top = g_ptr_array_index (m->structures, 0);
  g_assert_cmpstr (first (top->label), ==, "Contents");
  g_assert_true (vt_range_has_behavior (top, "top"));
  g_assert_cmpuint (top->items->len, ==, 2);
  r1 = ((VtRangeItem *) g_ptr_array_index (top->items, 0))->range;
  r2 = ((VtRangeItem *) g_ptr_array_index (top->items, 1))->range;
  g_assert_cmpstr (first (r1->label), ==, "Calendar");
  g_assert_cmpuint (r1->items->len, ==, 2);
  item = g_ptr_array_index (r1->items, 1);
  g_assert_null (item->range);
  g_assert_cmpstr (item->canvas_id, ==, "https://library.example.org/iiif/book1/canvas/p2");
  g_assert_true (item->has_region);
  g_assert_cmpint (item->region.width, ==, 500);
  /* r2 lists p3 and (again) r1, which is not placed twice */
  g_assert_cmpuint (r2->items->len, ==, 1);
  g_assert_cmpstr (((VtRangeItem *) g_ptr_array_index (r2->items, 0))->canvas_id, ==,
                   "https://library.example.org/iiif/book1/canvas/p3");
}

static void
test_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas;
  VtPaintingAnnotation *anno;
  VtServiceRef *service;
  VtAgent *agent;
  VtRange *range, *child;
  VtRangeItem *item;
  const char *de[] = { "de", NULL };

  g_assert_cmpint (doc->version, ==, VT_PRESENTATION_3);
  g_assert_cmpstr (first (m->label), ==, "Portrait of a woman");
  g_assert_cmpstr (vt_language_map_get_first (m->label, de), ==, "P-7");
  g_assert_nonnull (m->summary);
  g_assert_cmpuint (m->metadata->len, ==, 2);
  g_assert_cmpstr (first (((VtMetadataEntry *) g_ptr_array_index (m->metadata, 1))->value), ==, "1650");
  g_assert_cmpstr (first (m->required_statement->label), ==, "Attribution");
  g_assert_cmpstr (first (m->required_statement->value), ==, "Example Museum");
  g_assert_cmpstr (m->rights, ==, "http://creativecommons.org/licenses/by/4.0/");
  agent = g_ptr_array_index (m->provider, 0);
  g_assert_cmpstr (first (agent->label), ==, "Example Museum");
  g_assert_cmpuint (agent->homepage->len, ==, 1);
  g_assert_cmpint (((VtResource *) g_ptr_array_index (agent->logo, 0))->width, ==, 200);
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->rendering, 0))->format, ==, "application/pdf");
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->part_of, 0))->type, ==, "Collection");
  g_assert_nonnull (vt_resource_get_image_service ((VtResource *) g_ptr_array_index (m->thumbnail, 0)));
  g_assert_cmpstrv (m->behavior, ((const char *[]) { "individuals", NULL }));
  g_assert_cmpuint (m->services->len, ==, 2);
  g_assert_cmpstr (m->start_canvas, ==, "https://museum.example.org/iiif/3/object-7/canvas/2");
  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 4);

  canvas = vt_manifest_get_canvas (m, 0);
  service = vt_canvas_get_image_service (canvas);
  g_assert_cmpint (service->image_version, ==, VT_IMAGE_API_3);
  g_assert_cmpint (service->level, ==, 2);
  g_assert_cmpuint (vt_canvas_get_image (canvas)->services->len, ==, 2);
  service = g_ptr_array_index (vt_canvas_get_image (canvas)->services, 1);
  g_assert_cmpint (service->image_version, ==, VT_IMAGE_API_2);
  g_assert_cmpstr (service->id, ==, "https://museum.example.org/iiif/image2/7-front");

  /* Choice body on a part of the canvas */
  canvas = vt_manifest_get_canvas (m, 1);
  anno = g_ptr_array_index (canvas->annotations, 0);
  g_assert_true (anno->is_choice);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  g_assert_cmpuint (anno->default_body, ==, 0);
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.width, ==, 3000);
  service = vt_canvas_get_image_service (canvas);
  g_assert_cmpstr (service->id, ==, "https://museum.example.org/iiif/image3/7-back-uv");
  g_assert_cmpint (service->level, ==, 0);
  /* the second option's bare {id, type} is filled from "services" */
  service = vt_content_resource_get_image_service (g_ptr_array_index (anno->bodies, 1));
  g_assert_cmpstr (service->profile, ==, "level1");
  g_assert_cmpint (service->level, ==, 1);
  g_assert_cmpint (service->width, ==, 3000);

  /* audio: not an image, never a crash */
  canvas = vt_manifest_get_canvas (m, 2);
  g_assert_false (vt_canvas_is_image (canvas));
  g_assert_true (vt_canvas_is_time_based (canvas));
  g_assert_cmpfloat (canvas->duration, ==, 61.5);
  g_assert_null (vt_canvas_get_image_service (canvas));

  /* width 0 and an external annotation page: warnings, canvas kept */
  canvas = vt_manifest_get_canvas (m, 3);
  g_assert_cmpint (canvas->width, ==, 0);
  g_assert_false (vt_canvas_is_image (canvas));
  g_assert_cmpuint (doc->warnings->len, ==, 2);

  g_assert_cmpuint (m->structures->len, ==, 2);
  range = g_ptr_array_index (m->structures, 0);
  g_assert_true (vt_range_is_navigable (range));
  g_assert_false (vt_range_is_navigable (g_ptr_array_index (m->structures, 1)));
  g_assert_cmpuint (range->items->len, ==, 2);
  child = ((VtRangeItem *) g_ptr_array_index (range->items, 1))->range;
  g_assert_cmpstr (first (child->label), ==, "Reverse");
  item = g_ptr_array_index (child->items, 0);
  g_assert_cmpstr (item->canvas_id, ==, "https://museum.example.org/iiif/3/object-7/canvas/2");
  g_assert_true (item->has_region);
  g_assert_cmpint (item->region.x, ==, 10);
  g_assert_cmpint (item->region.height, ==, 40);
}

static void
test_collections (void)
{
  g_autoptr(VtIiifDocument) v2 = vt_test_parse_fixture ("collection-v2.json");
  g_autoptr(VtIiifDocument) paged = vt_test_parse_fixture ("collection-v2-paged.json");
  g_autoptr(VtIiifDocument) v3 = vt_test_parse_fixture ("collection-v3.json");
  VtCollectionMember *member;
  VtCollection *c;

  g_assert_cmpint (v2->kind, ==, VT_IIIF_DOCUMENT_COLLECTION);
  c = v2->collection;
  g_assert_cmpstr (first (c->label), ==, "Top collection");
  /* members win over manifests; 42 is skipped */
  g_assert_cmpuint (c->members->len, ==, 2);
  member = g_ptr_array_index (c->members, 0);
  g_assert_cmpint (member->kind, ==, VT_COLLECTION_MEMBER_COLLECTION);
  g_assert_nonnull (member->embedded);
  g_assert_cmpuint (member->embedded->members->len, ==, 1);
  member = g_ptr_array_index (c->members, 1);
  g_assert_cmpint (member->kind, ==, VT_COLLECTION_MEMBER_MANIFEST);
  g_assert_cmpuint (member->thumbnail->len, ==, 1);
  g_assert_false (vt_collection_is_paged (c));
  g_assert_cmpint (c->total, ==, -1);
  g_assert_cmpuint (v2->warnings->len, ==, 1);

  c = paged->collection;
  g_assert_true (vt_collection_is_paged (c));
  g_assert_cmpint (c->total, ==, 1234);
  g_assert_cmpint (c->start_index, ==, 100);
  g_assert_cmpstr (c->next, ==, "https://library.example.org/iiif/collection/all?page=3");
  g_assert_cmpstr (c->prev, ==, "https://library.example.org/iiif/collection/all?page=1");
  g_assert_cmpuint (c->members->len, ==, 2);
  g_assert_cmpstr (((VtCollectionMember *) g_ptr_array_index (c->members, 0))->id, ==,
                   "https://library.example.org/iiif/m100/manifest");

  c = v3->collection;
  g_assert_cmpint (v3->version, ==, VT_PRESENTATION_3);
  g_assert_cmpuint (c->members->len, ==, 2);
  member = g_ptr_array_index (c->members, 0);
  g_assert_cmpstr (member->nav_date, ==, "1650-01-01T00:00:00Z");
  member = g_ptr_array_index (c->members, 1);
  g_assert_cmpint (member->kind, ==, VT_COLLECTION_MEMBER_COLLECTION);
  g_assert_cmpuint (member->embedded->members->len, ==, 1);
}

typedef struct
{
  const char *json;
  int         code;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "not json", VT_IIIF_ERROR_NOT_JSON },
    { "", VT_IIIF_ERROR_NOT_JSON },
    { "\"a string\"", VT_IIIF_ERROR_NOT_IIIF },
    { "{\"message\": \"You don't have permission to access this resource\"}", VT_IIIF_ERROR_NOT_IIIF },
    { "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\", \"@type\": \"fish\"}", VT_IIIF_ERROR_NOT_IIIF },
    { "{\"@context\": \"http://iiif.io/api/presentation/4/context.json\", \"type\": \"Manifest\"}", VT_IIIF_ERROR_UNSUPPORTED_VERSION },
    { "{\"label\": \"caf\xe9\"}", VT_IIIF_ERROR_INVALID_UTF8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = vt_test_parse_string (cases[i].json, &error);

      g_test_message ("case %u", i);
      g_assert_null (doc);
      g_assert_error (error, VT_IIIF_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* Deep nesting is refused before json-glib recurses into it. */
static void
test_too_deep (void)
{
  GString *json = g_string_new ("{\"@type\": \"sc:Manifest\", \"label\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  bytes = g_string_free_to_bytes (json);
  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_DEEP);

  /* brackets inside strings do not count */
  {
    g_autoptr(GString) ok = g_string_new ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                                           " \"type\": \"Manifest\", \"label\": {\"none\": [\"");
    g_autoptr(GError) error2 = NULL;
    g_autoptr(VtIiifDocument) doc2 = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (ok, "[{\\\"");
    g_string_append (ok, "\"]}, \"items\": []}");
    doc2 = vt_test_parse_string (ok->str, &error2);
    g_assert_no_error (error2);
    g_assert_nonnull (doc2);
  }
}

/* Many repeats of a key would make json-glib quadratic: refused before it
 * parses; a few repeats (escaped spellings included) are fine. */
static void
test_repeated_keys (void)
{
  GString *json = g_string_new ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                                " \"type\": \"Manifest\", \"items\": [], \"label\": {");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "\"k%u\": [\"v\"], ", i);
  for (guint i = 0; i < 2000; i++)
    g_string_append (json, i % 2 ? "\"k4999\": [\"w\"], " : "\"\\u006b4999\": [\"w\"], ");
  g_string_append (json, "\"end\": [\"x\"]}}");
  bytes = g_string_free_to_bytes (json);
  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON);

  {
    g_autoptr(GError) error2 = NULL;
    g_autoptr(VtIiifDocument) doc2 =
      vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"type\": \"Manifest\","
                            " \"items\": [], \"label\": {\"en\": [\"a\"]}, \"label\": {\"en\": [\"b\"]},"
                            " \"x\": {\"a\": 1, \"a\": 2}, \"y\": {\"a\": 1}}", &error2);

    g_assert_no_error (error2);
    g_assert_cmpstr (vt_language_map_get_first (doc2->manifest->label, en), ==, "b");
  }
}

static void
test_too_large (void)
{
  gsize size = VT_IIIF_MAX_DOCUMENT_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE);
}

/* More canvases than the limit: a clear error, not a huge model. */
static void
test_too_many_canvases (void)
{
  GString *json = g_string_new ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"type\": \"Manifest\", \"items\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;

  for (guint i = 0; i <= VT_IIIF_MAX_CANVASES; i++)
    g_string_append (json, i ? ",{}" : "{}");
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE);
}

/* Documents without @context, v2 Ghent label as a plain string, a lone
 * canvas, an annotation list. */
static void
test_shapes (void)
{
  struct { const char *json; VtIiifDocumentKind kind; VtPresentationVersion version; } cases[] = {
    { "{\"@type\": \"sc:Manifest\", \"label\": \"Schaal\", \"sequences\": [{\"canvases\": []}]}", VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_2 },
    { "{\"type\": \"Manifest\", \"id\": \"x\", \"label\": {\"en\": [\"a\"]}, \"items\": []}", VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_3 },
    { "{\"@type\": \"sc:Canvas\", \"@id\": \"c\", \"width\": 5, \"height\": 5, \"images\": []}", VT_IIIF_DOCUMENT_CANVAS, VT_PRESENTATION_2 },
    { "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\", \"@type\": \"sc:AnnotationList\", \"resources\": [{}, {}]}", VT_IIIF_DOCUMENT_ANNOTATIONS, VT_PRESENTATION_2 },
    { "{\"@context\": \"http://www.shared-canvas.org/ns/context.json\", \"@type\": \"sc:Manifest\", \"sequences\": []}", VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_2 },
    { "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@type\": \"sc:Manifest\", \"sequences\": []}", VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_2 },
    { "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\", \"sequences\": []}", VT_IIIF_DOCUMENT_MANIFEST, VT_PRESENTATION_2 },
    { "{\"@type\": \"sc:Canvas\", \"@id\": \"http://x.example/c\", \"label\": \"c\", \"width\": \"640\", \"height\": 480.0}", VT_IIIF_DOCUMENT_CANVAS, VT_PRESENTATION_2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = vt_test_parse_string (cases[i].json, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpint (doc->kind, ==, cases[i].kind);
      g_assert_cmpint (doc->version, ==, cases[i].version);
      if (i == G_N_ELEMENTS (cases) - 1)
        {
          /* numbers as digit strings and as integral doubles */
          g_assert_cmpint (vt_manifest_get_canvas (doc->manifest, 0)->width, ==, 640);
          g_assert_cmpint (vt_manifest_get_canvas (doc->manifest, 0)->height, ==, 480);
        }
    }
}

/* Rights follow the page: each canvas's own (its first image annotation
 * that names them, then the canvas), else the manifest's, never another
 * canvas's. */
static void
test_canvas_rights_v2 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-rights-per-canvas.json");
  VtManifest *m = doc->manifest;
  VtMetadataEntry *statement;

  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 4);
  g_assert_null (m->rights);
  g_assert_cmpstr (first (m->required_statement->value), ==, "source: Museum");

  /* Page 1 names licence and rights holder on its image annotation. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 0), ==, "https://creativecommons.org/licenses/by-nc-nd/4.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 0)), ==,
                   "rightsholder: Museum, photographer: A. Fotograaf, source: Museum");
  statement = vt_manifest_get_canvas_required_statement (m, 0);
  g_assert_null (statement->label);
  g_assert_true (vt_rights_allows_reuse (vt_manifest_get_canvas_rights (m, 0)));

  /* Page 2 is In Copyright and names nobody: the manifest's attribution,
   * not page 1's rights holder. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 1), ==, "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 1)), ==, "source: Museum");
  g_assert_true (vt_manifest_get_canvas_required_statement (m, 1) == m->required_statement);
  g_assert_false (vt_rights_allows_reuse (vt_manifest_get_canvas_rights (m, 1)));

  /* Page 3 says nothing and neither does the manifest: no licence at all
   * rather than page 1's. */
  g_assert_null (vt_manifest_get_canvas_rights (m, 2));
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 2)), ==, "source: Museum");

  /* Page 4: an empty attribution on the first image hides nothing; the
   * second image's licence (the first of two) comes before the canvas's
   * own, whose attribution is used. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 3), ==, "http://creativecommons.org/licenses/by/4.0/");
  g_assert_cmpstr (vt_manifest_get_canvas (m, 3)->rights, ==, "https://creativecommons.org/publicdomain/zero/1.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 3)), ==, "photographer: B. Fotograaf");

  /* Past the last page: the manifest's own. */
  g_assert_null (vt_manifest_get_canvas_rights (m, 4));
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, G_MAXUINT)), ==, "source: Museum");
}

static void
test_canvas_rights_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-rights-per-canvas.json");
  VtManifest *m = doc->manifest;
  VtMetadataEntry *statement;

  g_assert_cmpuint (doc->warnings->len, ==, 0);

  /* The canvas's own rights; the manifest's statement. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 0), ==, "http://rightsstatements.org/vocab/InC/1.0/");
  statement = vt_manifest_get_canvas_required_statement (m, 0);
  g_assert_cmpstr (first (statement->label), ==, "Attribution");
  g_assert_cmpstr (first (statement->value), ==, "Provided by the Example Museum");

  /* The annotation's before the canvas's, label and all. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 1), ==, "https://creativecommons.org/publicdomain/zero/1.0/");
  statement = vt_manifest_get_canvas_required_statement (m, 1);
  g_assert_cmpstr (first (statement->label), ==, "Photographer");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 1)), ==, "C. Photographer");

  /* Nothing of its own: the manifest's. */
  g_assert_cmpstr (vt_manifest_get_canvas_rights (m, 2), ==, "http://creativecommons.org/licenses/by/4.0/");
  g_assert_cmpstr (first (vt_manifest_get_canvas_attribution (m, 2)), ==, "Provided by the Example Museum");
}

/* The languages a picker offers: every text's, each language once in the
 * spelling met first, none of the "none" and junk keys; a canvas's own
 * statement counts too. */
static void
test_languages (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-languages.json");
  g_autoptr(VtIiifDocument) bare = vt_test_parse_string ("{\"type\": \"Manifest\", \"id\": \"x\", \"items\": []}", NULL);
  static const char * const names[] = { "fr", "nl-BE", "nl_BE.UTF-8", "ar-latn", "gsw" };
  static const char * const not_names[] = { "", "none", "NONE", "@none", "x", "e1", "true", "English" };
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) none = NULL;

  languages = vt_manifest_dup_languages (doc->manifest);
  g_assert_cmpstrv (languages, ((const char *[]) { "nl-NL", "nl_BE.UTF-8", "en", "fr", "la", "de", "it", NULL }));
  none = vt_manifest_dup_languages (bare->manifest);
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));

  g_assert_false (vt_language_tag_names_language (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (vt_language_tag_names_language (names[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_names); i++)
    g_assert_false (vt_language_tag_names_language (not_names[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/manifest/ghent", test_ghent);
  g_test_add_func ("/vitrine/iiif/manifest/canvas-rights-v2", test_canvas_rights_v2);
  g_test_add_func ("/vitrine/iiif/manifest/canvas-rights-v3", test_canvas_rights_v3);
  g_test_add_func ("/vitrine/iiif/manifest/languages", test_languages);
  g_test_add_func ("/vitrine/iiif/manifest/v2-book", test_v2_book);
  g_test_add_func ("/vitrine/iiif/manifest/v3", test_v3);
  g_test_add_func ("/vitrine/iiif/manifest/collections", test_collections);
  g_test_add_func ("/vitrine/iiif/manifest/errors", test_errors);
  g_test_add_func ("/vitrine/iiif/manifest/too-deep", test_too_deep);
  g_test_add_func ("/vitrine/iiif/manifest/too-large", test_too_large);
  g_test_add_func ("/vitrine/iiif/manifest/repeated-keys", test_repeated_keys);
  g_test_add_func ("/vitrine/iiif/manifest/too-many-canvases", test_too_many_canvases);
  g_test_add_func ("/vitrine/iiif/manifest/shapes", test_shapes);

  return g_test_run ();
}
