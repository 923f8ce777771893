/* test-physdim.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

/* The physical dimensions service as the annex describes it, on a v3
 * canvas (a list of services) and on a v2 canvas (one service object, the
 * context-only form the annex's own example uses). */
static const char *v3_manifest =
  "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
  " \"id\": \"https://example.org/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"m\"]},"
  " \"items\": [{\"id\": \"https://example.org/c1\", \"type\": \"Canvas\", \"width\": 4000, \"height\": 3000,"
  "   \"service\": [{\"id\": \"https://example.org/c1/physdim\", \"type\": \"Service\","
  "                \"profile\": \"http://iiif.io/api/annex/services/physdim\","
  "                \"physicalScale\": 0.0025, \"physicalUnits\": \"in\"}]},"
  "  {\"id\": \"https://example.org/c2\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10},"
  "  {\"id\": \"https://example.org/c3\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
  "   \"service\": [{\"profile\": \"http://iiif.io/api/annex/services/physdim\","
  "                \"physicalScale\": -1, \"physicalUnits\": \"cm\"},"
  "               {\"profile\": \"http://iiif.io/api/annex/services/physdim\","
  "                \"physicalScale\": 2, \"physicalUnits\": \"furlongs\"}]}]}";

static const char *v2_manifest =
  "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
  " \"@id\": \"https://example.org/m2\", \"@type\": \"sc:Manifest\", \"label\": \"m2\","
  " \"sequences\": [{\"@type\": \"sc:Sequence\", \"canvases\": ["
  "  {\"@id\": \"https://example.org/v2c1\", \"@type\": \"sc:Canvas\", \"label\": \"1\","
  "   \"width\": 1000, \"height\": 800,"
  "   \"service\": {\"@context\": \"http://iiif.io/api/annex/services/physdim/1/context.json\","
  "                \"profile\": \"http://iiif.io/api/annex/services/physdim\","
  "                \"physicalScale\": 0.05, \"physicalUnits\": \"cm\"}}]}]}";

static VtManifest *
manifest_of (VtIiifDocument *doc)
{
  g_assert_nonnull (doc);
  g_assert_nonnull (doc->manifest);
  return doc->manifest;
}

static void
test_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (v3_manifest, &error);
  VtManifest *manifest;
  double mm = 0;

  g_assert_no_error (error);
  manifest = manifest_of (doc);
  g_assert_cmpuint (vt_manifest_get_n_canvases (manifest), ==, 3);

  g_assert_true (vt_canvas_get_mm_per_unit (vt_manifest_get_canvas (manifest, 0), &mm));
  g_assert_cmpfloat_with_epsilon (mm, 0.0025 * 25.4, 1e-12);
  g_assert_cmpstr (vt_manifest_get_canvas (manifest, 0)->physical_units, ==, "in");

  /* No service, a negative scale, an unknown unit: no physical size. */
  g_assert_false (vt_canvas_get_mm_per_unit (vt_manifest_get_canvas (manifest, 1), &mm));
  g_assert_false (vt_canvas_get_mm_per_unit (vt_manifest_get_canvas (manifest, 2), &mm));
}

static void
test_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (v2_manifest, &error);
  double mm = 0;

  g_assert_no_error (error);
  g_assert_true (vt_canvas_get_mm_per_unit (vt_manifest_get_canvas (manifest_of (doc), 0), &mm));
  g_assert_cmpfloat_with_epsilon (mm, 0.5, 1e-12);
}

static void
test_units (void)
{
  g_assert_cmpfloat (vt_physical_units_to_mm ("mm"), ==, 1.0);
  g_assert_cmpfloat (vt_physical_units_to_mm ("CM"), ==, 10.0);
  g_assert_cmpfloat (vt_physical_units_to_mm (" in "), ==, 25.4);
  g_assert_cmpfloat (vt_physical_units_to_mm ("m"), ==, 1000.0);
  g_assert_cmpfloat (vt_physical_units_to_mm ("px"), ==, 0.0);
  g_assert_cmpfloat (vt_physical_units_to_mm (NULL), ==, 0.0);
}

static void
test_dimensions_text (void)
{
  static const struct {
    const char *text;
    double width, height;
  } cases[] = {
    { "hoogte 12 cm; breedte 3 cm", 30, 120 },
    { "hoogte: 45,5 cm; breedte: 30 cm; diepte: 2 cm", 300, 455 },
    { "Height 10 in, width 8 in", 203.2, 254 },
    { "hauteur 250 mm", 0, 250 },
    { "breedte 1.2 m", 1200, 0 },
    { "diameter 4 cm", 0, 0 },
    { "hoogte cm", 0, 0 },
    { "", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double w = -1, h = -1;
      gboolean found = vt_physdim_parse_dimensions_text (cases[i].text, &w, &h);

      g_assert_cmpfloat_with_epsilon (w, cases[i].width, 1e-9);
      g_assert_cmpfloat_with_epsilon (h, cases[i].height, 1e-9);
      g_assert_true (found == (cases[i].width > 0 || cases[i].height > 0));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/physdim/v3", test_v3);
  g_test_add_func ("/vitrine/iiif/physdim/v2", test_v2);
  g_test_add_func ("/vitrine/iiif/physdim/units", test_units);
  g_test_add_func ("/vitrine/iiif/physdim/dimensions-text", test_dimensions_text);

  return g_test_run ();
}
