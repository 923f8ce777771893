/* test-reading.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Real documents that were refused or misread, each from a fixture in the
 * shape the publisher serves. */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

static gboolean
has_warning (VtIiifDocument *doc,
             const char     *part)
{
  for (guint i = 0; i < doc->warnings->len; i++)
    if (strstr (g_ptr_array_index (doc->warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* Staatsbibliothek zu Berlin's Presentation 2 manifests say
 * "motivation": "" on every image annotation. Whatever is in
 * canvas.images paints; every page must show its image. */
static void
test_empty_motivation_v2 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-empty-motivation.json");
  VtManifest *m = doc->manifest;

  g_assert_cmpint (doc->kind, ==, VT_IIIF_DOCUMENT_MANIFEST);
  g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, 3);
  for (guint i = 0; i < vt_manifest_get_n_canvases (m); i++)
    {
      VtCanvas *canvas = vt_manifest_get_canvas (m, i);
      VtServiceRef *service;

      g_assert_true (vt_canvas_is_image (canvas));
      g_assert_cmpuint (canvas->annotations->len, ==, 1);
      service = vt_canvas_get_image_service (canvas);
      g_assert_nonnull (service);
      g_assert_cmpint (service->image_version, ==, VT_IMAGE_API_2);
      g_assert_true (g_str_has_suffix (service->id, i == 0 ? "-00000001" : i == 1 ? "-00000002" : "-00000003"));
    }
  g_assert_false (has_warning (doc, "does not paint"));
}

/* The same in Presentation 3: an annotation in canvas.items with an empty
 * motivation paints; one that says something else does not. */
static void
test_empty_motivation_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc =
    vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"type\": \"Manifest\","
                          " \"id\": \"https://example.org/m\", \"label\": {\"en\": [\"m\"]}, \"items\": ["
                          "  {\"id\": \"https://example.org/c1\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
                          "   \"items\": [{\"type\": \"AnnotationPage\", \"items\": [{\"type\": \"Annotation\", \"motivation\": \"\","
                          "     \"body\": {\"id\": \"https://example.org/1.jpg\", \"type\": \"Image\"}, \"target\": \"https://example.org/c1\"}]}]},"
                          "  {\"id\": \"https://example.org/c2\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
                          "   \"items\": [{\"type\": \"AnnotationPage\", \"items\": [{\"type\": \"Annotation\", \"motivation\": \"commenting\","
                          "     \"body\": {\"id\": \"https://example.org/2.jpg\", \"type\": \"Image\"}, \"target\": \"https://example.org/c2\"}]}]}]}",
                          &error);

  g_assert_no_error (error);
  g_assert_true (vt_canvas_is_image (vt_manifest_get_canvas (doc->manifest, 0)));
  g_assert_false (vt_canvas_is_image (vt_manifest_get_canvas (doc->manifest, 1)));
}

/* A Presentation 3 start that selects a part of a canvas: the canvas is
 * its source, not its own id. */
static void
test_start_specific_resource (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-start-source.json");
  guint index = G_MAXUINT;

  g_assert_cmpstr (doc->manifest->start_canvas, ==, "https://iiif.example.org/book2/canvas/p2");
  g_assert_nonnull (vt_manifest_find_canvas (doc->manifest, doc->manifest->start_canvas, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_false (has_warning (doc, "start canvas"));
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* The source may also be an object, and v2 says "full"; a start that is a
 * canvas stays as it was. */
static void
test_start_shapes (void)
{
  static const char * const starts[] = {
    "{\"id\": \"https://example.org/s\", \"type\": \"SpecificResource\", \"source\": {\"id\": \"https://example.org/c2\", \"type\": \"Canvas\"}}",
    "{\"type\": \"SpecificResource\", \"source\": \"https://example.org/c2\"}",
    "{\"id\": \"https://example.org/c2\", \"type\": \"Canvas\"}",
    "\"https://example.org/c2\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"type\": \"Manifest\","
                         " \"id\": \"https://example.org/m\", \"label\": {\"en\": [\"m\"]}, \"start\": %s, \"items\": ["
                         " {\"id\": \"https://example.org/c1\", \"type\": \"Canvas\"},"
                         " {\"id\": \"https://example.org/c2\", \"type\": \"Canvas\"}]}", starts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = vt_test_parse_string (json, &error);

      g_test_message ("start %u: %s", i, starts[i]);
      g_assert_no_error (error);
      g_assert_cmpstr (doc->manifest->start_canvas, ==, "https://example.org/c2");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VtIiifDocument) doc =
      vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/2/context.json\", \"@type\": \"sc:Manifest\","
                            " \"@id\": \"https://example.org/m\", \"label\": \"m\", \"sequences\": [{"
                            "  \"startCanvas\": {\"@type\": \"oa:SpecificResource\", \"full\": \"https://example.org/c2\"},"
                            "  \"canvases\": [{\"@id\": \"https://example.org/c1\", \"@type\": \"sc:Canvas\"},"
                            "                 {\"@id\": \"https://example.org/c2\", \"@type\": \"sc:Canvas\"}]}]}", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (doc->manifest->start_canvas, ==, "https://example.org/c2");
  }
}

/* An AnnotationCollection is a IIIF document, of annotations: read as
 * such (Vitrine does not show annotations on their own), not refused as
 * "not a type of IIIF document". */
static void
test_annotation_collection (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("annotation-collection-v3.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) v2 = NULL;

  g_assert_cmpint (doc->kind, ==, VT_IIIF_DOCUMENT_ANNOTATIONS);
  g_assert_cmpint (doc->version, ==, VT_PRESENTATION_3);
  g_assert_cmpuint (doc->n_annotations, ==, 1234);
  g_assert_null (doc->manifest);
  g_assert_null (doc->collection);

  /* its Presentation 2 counterpart, the layer */
  v2 = vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/2/context.json\", \"@type\": \"sc:Layer\","
                             " \"@id\": \"https://example.org/layer/1\", \"label\": \"Transcription\","
                             " \"otherContent\": [\"https://example.org/list/1\", \"https://example.org/list/2\"]}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->kind, ==, VT_IIIF_DOCUMENT_ANNOTATIONS);
  g_assert_cmpint (v2->version, ==, VT_PRESENTATION_2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/reading/empty-motivation-v2", test_empty_motivation_v2);
  g_test_add_func ("/vitrine/iiif/reading/empty-motivation-v3", test_empty_motivation_v3);
  g_test_add_func ("/vitrine/iiif/reading/start-specific-resource", test_start_specific_resource);
  g_test_add_func ("/vitrine/iiif/reading/start-shapes", test_start_shapes);
  g_test_add_func ("/vitrine/iiif/reading/annotation-collection", test_annotation_collection);

  return g_test_run ();
}
