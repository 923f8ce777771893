/* test-content-state.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "iiif/vt-content-state.h"
#include "iiif/vt-iiif-error.h"

/* The IIIF Content State API 1.0's own examples (our copies of their JSON
 * and of the encoded strings printed in the specification), the cookbook's
 * recipe 0485, the encoding's edge cases, and what must be refused. */

static VtContentState *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  VtContentState *state = vt_content_state_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_cmpuint (vt_content_state_get_n_targets (state), >, 0);
  return state;
}

static void
assert_target (const VtContentState *state,
               guint                 index,
               const char           *manifest,
               const char           *canvas)
{
  const VtContentStateTarget *target = vt_content_state_get_target (state, index);

  g_assert_cmpstr (target->manifest_uri, ==, manifest);
  g_assert_cmpstr (target->canvas_id, ==, canvas);
}

static void
assert_region (const VtContentState *state,
               double                x,
               double                y,
               double                w,
               double                h)
{
  const VtContentStateTarget *target = vt_content_state_get_target (state, 0);

  g_assert_true (target->has_region);
  g_assert_false (target->region_percent);
  g_assert_cmpfloat (target->x, ==, x);
  g_assert_cmpfloat (target->y, ==, y);
  g_assert_cmpfloat (target->width, ==, w);
  g_assert_cmpfloat (target->height, ==, h);
}

/* §5.1: a region of a canvas, a full annotation. */
static const char spec_region[] =
  "{\n"
  "  \"@context\": \"http://iiif.io/api/presentation/3/context.json\",\n"
  "  \"id\": \"https://example.org/import/1\",\n"
  "  \"type\": \"Annotation\",\n"
  "  \"motivation\": [\"contentState\"],\n"
  "  \"target\": {\n"
  "     \"id\": \"https://example.org/object1/canvas7#xywh=1000,2000,1000,2000\",\n"
  "     \"type\": \"Canvas\",\n"
  "     \"partOf\": [{\n"
  "        \"id\": \"https://example.org/object1/manifest\",\n"
  "        \"type\": \"Manifest\"\n"
  "     }]\n"
  "   }\n"
  "}\n";

/* §5.2: start playing at a point, a SpecificResource with a PointSelector. */
static const char spec_time[] =
  "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
  " \"id\": \"https://example.org/import/2\", \"type\": \"Annotation\","
  " \"motivation\": [\"contentState\"],"
  " \"target\": {\"type\": \"SpecificResource\","
  "   \"source\": {\"id\": \"https://example.org/iiif/id1/canvas1\", \"type\": \"Canvas\","
  "     \"partOf\": [{\"id\": \"https://example.org/iiif/id1/manifest\", \"type\": \"Manifest\"}]},"
  "   \"selector\": {\"type\": \"PointSelector\", \"t\": 14.5}}}";

/* §5.3: two targets for a comparison. */
static const char spec_compare[] =
  "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
  " \"id\": \"https://example.org/import/3\", \"type\": \"Annotation\","
  " \"motivation\": \"contentState\","
  " \"target\": ["
  "   {\"id\": \"https://example.org/iiif/item1/canvas37\", \"type\": \"Canvas\","
  "    \"partOf\": [{\"id\": \"https://example.org/iiif/item1/manifest\", \"type\": \"Manifest\"}]},"
  "   {\"id\": \"https://example.org/iiif/item2/canvas99\", \"type\": \"Canvas\","
  "    \"partOf\": [{\"id\": \"https://example.org/iiif/item2/manifest\", \"type\": \"Manifest\"}]}"
  " ]}";

/* §5.4: the encoded search result, as the specification prints it. */
static const char spec_search_encoded[] =
  "JTdCJTIyaWQlMjIlM0ElMjJodHRwcyUzQSUyRiUyRmV4YW1wbGUub3JnJTJGYWxpY2UlMkZjYW52YXM3NyUyM3h5d2glM0Qx"
  "MDAwJTJDMjAwMCUyQzEwMDAlMkMyMDAwJTIyJTJDJTIydHlwZSUyMiUzQSUyMkNhbnZhcyUyMiUyQyUyMnBhcnRPZiUyMiUz"
  "QSU1QiU3QiUyMmlkJTIyJTNBJTIyaHR0cHMlM0ElMkYlMkZleGFtcGxlLm9yZyUyRmFsaWNlJTJGbWFuaWZlc3QlMjIlMkMl"
  "MjJ0eXBlJTIyJTNBJTIyTWFuaWZlc3QlMjIlN0QlNUQlN0Q";

/* §3.1's compact example: by an erratum, it encodes the whole viewer URL
 * with the JSON in its iiif-content parameter, not just the JSON. */
static const char spec_get_encoded[] =
  "aHR0cHMlM0ElMkYlMkZleGFtcGxlLm9yZyUyRnZpZXdlciUzRmlpaWYtY29udGVudCUzRCU3QiUyMmlkJTIyJTNBJTIyaHR0"
  "cHMlM0ElMkYlMkZkYW1zc3NsLmxsZ2Mub3JnLnVrJTJGaWlpZiUyRjIuMCUyRjQzODk3NjclMkZjYW52YXMlMkY0Mzg5Nzcy"
  "Lmpzb24lMjIlMkMlMjJ0eXBlJTIyJTNBJTIyQ2FudmFzJTIyJTJDJTIycGFydE9mJTIyJTNBJTVCJTdCJTIyaWQlMjIlM0El"
  "MjJodHRwcyUzQSUyRiUyRmRhbXNzc2wubGxnYy5vcmcudWslMkZpaWlmJTJGMi4wJTJGNDM4OTc2NyUyRm1hbmlmZXN0Lmpz"
  "b24lMjIlMkMlMjJ0eXBlJTIyJTNBJTIyTWFuaWZlc3QlMjIlN0QlNUQlN0Q";

/* §3.6: a data-iiif-content canvas, unencoded. */
static const char spec_attribute[] =
  "{\"id\":\"https://damsssl.llgc.org.uk/iiif/2.0/4389767/canvas/4389772.json\",\"type\":\"Canvas\","
  "\"partOf\":[{\"id\":\"https://damsssl.llgc.org.uk/iiif/2.0/4389767/manifest.json\",\"type\":\"Manifest\"}]}";

/* Cookbook recipe 0485: a region of a canvas of a book. */
static const char recipe_0485[] =
  "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
  " \"id\": \"https://iiif.io/api/cookbook/recipe/0485-contentstate-canvas-region/annotation.json\","
  " \"type\": \"Annotation\", \"motivation\": [\"contentState\"],"
  " \"target\": {\"id\": \"https://iiif.io/api/cookbook/recipe/0009-book-1/canvas/p2#xywh=1528,3024,344,408\","
  "   \"type\": \"Canvas\","
  "   \"partOf\": [{\"id\": \"https://iiif.io/api/cookbook/recipe/0009-book-1/manifest.json\", \"type\": \"Manifest\"}]}}";

static void
test_spec_examples (void)
{
  g_autoptr(VtContentState) region = parse_ok (spec_region);
  g_autoptr(VtContentState) time = parse_ok (spec_time);
  g_autoptr(VtContentState) compare = parse_ok (spec_compare);
  g_autoptr(VtContentState) search = parse_ok (spec_search_encoded);
  g_autoptr(VtContentState) get = parse_ok (spec_get_encoded);
  g_autoptr(VtContentState) attribute = parse_ok (spec_attribute);
  g_autoptr(VtContentState) recipe = parse_ok (recipe_0485);
  g_autoptr(VtContentState) by_reference = parse_ok ("https://damsssl.llgc.org.uk/iiif/2.0/4389767/manifest.json");
  const VtContentStateTarget *t;

  assert_target (region, 0, "https://example.org/object1/manifest", "https://example.org/object1/canvas7");
  assert_region (region, 1000, 2000, 1000, 2000);

  assert_target (time, 0, "https://example.org/iiif/id1/manifest", "https://example.org/iiif/id1/canvas1");
  t = vt_content_state_get_target (time, 0);
  g_assert_false (t->has_region);
  g_assert_true (t->has_time);
  g_assert_cmpfloat (t->time_start, ==, 14.5);

  g_assert_cmpuint (vt_content_state_get_n_targets (compare), ==, 2);
  assert_target (compare, 0, "https://example.org/iiif/item1/manifest", "https://example.org/iiif/item1/canvas37");
  assert_target (compare, 1, "https://example.org/iiif/item2/manifest", "https://example.org/iiif/item2/canvas99");

  assert_target (search, 0, "https://example.org/alice/manifest", "https://example.org/alice/canvas77");
  assert_region (search, 1000, 2000, 1000, 2000);

  assert_target (get, 0, "https://damsssl.llgc.org.uk/iiif/2.0/4389767/manifest.json",
                 "https://damsssl.llgc.org.uk/iiif/2.0/4389767/canvas/4389772.json");
  assert_target (attribute, 0, "https://damsssl.llgc.org.uk/iiif/2.0/4389767/manifest.json",
                 "https://damsssl.llgc.org.uk/iiif/2.0/4389767/canvas/4389772.json");

  assert_target (recipe, 0, "https://iiif.io/api/cookbook/recipe/0009-book-1/manifest.json",
                 "https://iiif.io/api/cookbook/recipe/0009-book-1/canvas/p2");
  assert_region (recipe, 1528, 3024, 344, 408);

  assert_target (by_reference, 0, "https://damsssl.llgc.org.uk/iiif/2.0/4389767/manifest.json", NULL);

  /* The same examples in a viewer's URL, and their JSON encoded by us. */
  {
    g_autofree char *encoded = vt_content_state_encode_text (spec_region);
    g_autofree char *url = g_strconcat ("https://example.org/viewer?iiif-content=", encoded, NULL);
    g_autoptr(VtContentState) again = parse_ok (url);

    assert_region (again, 1000, 2000, 1000, 2000);
  }
  {
    g_autofree char *url = g_strconcat ("viewer.html?iiif-content=", spec_search_encoded, NULL);
    g_autofree char *query = g_strconcat ("?iiif-content=", spec_search_encoded, NULL);
    g_autoptr(VtContentState) again = parse_ok (query);

    assert_region (again, 1000, 2000, 1000, 2000);
  }
}

static void
test_selectors (void)
{
  /* A FragmentSelector with region and time on a SpecificResource. */
  g_autoptr(VtContentState) fragment = parse_ok (
    "{\"type\":\"SpecificResource\","
    " \"source\":{\"id\":\"https://example.org/c/1\",\"type\":\"Canvas\","
    "   \"partOf\":{\"id\":\"https://example.org/m\",\"type\":\"Manifest\"}},"
    " \"selector\":{\"type\":\"FragmentSelector\",\"value\":\"xywh=10,20,30,40&t=5,8\"}}");
  /* A Presentation 2 canvas in a manifest by `within`. */
  g_autoptr(VtContentState) within = parse_ok (
    "{\"@id\":\"https://example.org/c/2#xywh=pixel:1,2,3,4\",\"@type\":\"sc:Canvas\","
    " \"within\":\"https://example.org/m2\"}");
  g_autoptr(VtContentState) percent = parse_ok (
    "{\"id\":\"https://example.org/c/3#xywh=percent:10,10,50,50\",\"type\":\"Canvas\","
    " \"partOf\":[{\"id\":\"https://example.org/m\",\"type\":\"Manifest\"}]}");
  g_autoptr(VtContentState) manifest = parse_ok ("{\"id\":\"https://example.org/m\",\"type\":\"Manifest\"}");
  const VtContentStateTarget *t;

  assert_target (fragment, 0, "https://example.org/m", "https://example.org/c/1");
  assert_region (fragment, 10, 20, 30, 40);
  t = vt_content_state_get_target (fragment, 0);
  g_assert_true (t->has_time);
  g_assert_cmpfloat (t->time_start, ==, 5);
  g_assert_cmpfloat (t->time_end, ==, 8);

  assert_target (within, 0, "https://example.org/m2", "https://example.org/c/2");
  assert_region (within, 1, 2, 3, 4);

  t = vt_content_state_get_target (percent, 0);
  g_assert_true (t->has_region);
  g_assert_true (t->region_percent);
  g_assert_cmpfloat (t->width, ==, 50);

  assert_target (manifest, 0, "https://example.org/m", NULL);
}

static void
test_encoding (void)
{
  /* Checked against encodeURIComponent + base64url by hand: UTF-8 first,
   * no padding. */
  const char *json = "{\"a\":\"\xc3\xa9 \xc3\xbc \xe6\xbc\xa2\"}";
  const char *expected = "JTdCJTIyYSUyMiUzQSUyMiVDMyVBOSUyMCVDMyVCQyUyMCVFNiVCQyVBMiUyMiU3RA";
  g_autofree char *encoded = vt_content_state_encode_text (json);
  g_autofree char *decoded = vt_content_state_decode_text (encoded, NULL);
  g_autofree char *padded = g_strconcat (expected, "==", NULL);
  g_autofree char *from_padded = vt_content_state_decode_text (padded, NULL);
  g_autofree char *marks = vt_content_state_encode_text ("!*'()-_.~ ");
  g_autofree char *marks_back = vt_content_state_decode_text (marks, NULL);

  g_assert_cmpstr (encoded, ==, expected);
  g_assert_null (strchr (encoded, '='));
  g_assert_cmpstr (decoded, ==, json);
  g_assert_cmpstr (from_padded, ==, json);
  g_assert_cmpstr (marks_back, ==, "!*'()-_.~ ");
  {
    /* encodeURIComponent leaves these marks as they are. */
    g_autofree char *raw = NULL;
    gsize len;
    g_autoptr(GString) b64 = g_string_new (marks);

    g_string_replace (b64, "-", "+", 0);
    g_string_replace (b64, "_", "/", 0);
    while (b64->len % 4)
      g_string_append_c (b64, '=');
    raw = (char *) g_base64_decode (b64->str, &len);
    g_assert_cmpmem (raw, len, "!*'()-_.~%20", 12);
  }
}

static void
test_round_trip (void)
{
  g_autoptr(VtContentState) state = vt_content_state_new ();
  VtContentStateTarget *target = vt_content_state_add_target (state, "https://example.org/m?x=1&y=2",
                                                              "https://example.org/c/1");
  g_autofree char *json = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *query = NULL;
  g_autofree char *drag = NULL;
  const char *texts[4];

  vt_content_state_target_set_region (target, 100.4, 200.6, 300.5, 400.49);
  json = vt_content_state_to_json (state);
  encoded = vt_content_state_encode (state);
  query = vt_content_state_to_query (state);
  drag = vt_content_state_to_drag_link (state);

  g_assert_true (g_str_has_prefix (query, "?iiif-content="));
  g_assert_true (g_str_has_prefix (drag, "https://example.org/m?x=1&y=2&manifest=https%3A%2F%2Fexample.org%2Fm%3Fx%3D1%26y%3D2&canvas="));
  g_assert_nonnull (strstr (json, "#xywh=100,201,301,400"));

  texts[0] = json;
  texts[1] = encoded;
  texts[2] = query;
  texts[3] = drag;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(VtContentState) again = parse_ok (texts[i]);

      g_assert_cmpuint (vt_content_state_get_n_targets (again), ==, 1);
      assert_target (again, 0, "https://example.org/m?x=1&y=2", "https://example.org/c/1");
      assert_region (again, 100, 201, 301, 400);
    }

  /* Several targets: a full annotation, all of them back. */
  vt_content_state_add_target (state, "https://example.org/n", NULL);
  {
    g_autofree char *many = vt_content_state_encode (state);
    g_autoptr(VtContentState) again = parse_ok (many);
    g_autoptr(VtContentState) copy = vt_content_state_copy (again);

    g_assert_cmpuint (vt_content_state_get_n_targets (copy), ==, 2);
    assert_target (copy, 0, "https://example.org/m?x=1&y=2", "https://example.org/c/1");
    assert_region (copy, 100, 201, 301, 400);
    assert_target (copy, 1, "https://example.org/n", NULL);
  }
}

static void
test_links (void)
{
  g_autoptr(VtContentState) dnd = parse_ok (
    "https://viewer.example.org/?manifest=https%3A%2F%2Fexample.org%2Fm.json&canvas=https%3A%2F%2Fexample.org%2Fc%2F2");
  g_autoptr(VtContentState) logo = parse_ok ("https://example.org/m.json?manifest=https://example.org/m.json");
  g_autoptr(VtContentState) uri_list = parse_ok (
    "# dragged from a browser\r\nhttps://example.org/a.json?manifest=https://example.org/a.json\r\n");
  g_autoptr(VtContentState) plain = parse_ok ("  https://example.org/m.json\n");

  assert_target (dnd, 0, "https://example.org/m.json", "https://example.org/c/2");
  assert_target (logo, 0, "https://example.org/m.json", NULL);
  assert_target (uri_list, 0, "https://example.org/a.json", NULL);
  assert_target (plain, 0, "https://example.org/m.json", NULL);
}

static void
assert_refused (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtContentState) state = vt_content_state_parse (text, &error);

  if (state != NULL)
    g_error ("“%.80s” was read as a content state", text);
  g_assert_nonnull (error);
  g_assert_true (error->domain == VT_IIIF_ERROR);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
}

static void
test_malformed (void)
{
  const char *not_base64[] = {
    "abc$", "a", "=", "====", "QQ===", "QQ=Q", "QUJD\xc3\xa9",
    /* Valid base64 of a NUL, of invalid UTF-8, of a bad percent escape. */
    "AA", "_w", "JUZG", "JQ",
  };
  const char *wrong_types[] = {
    "{\"motivation\":\"contentState\",\"target\":42}",
    "{\"motivation\":\"contentState\",\"target\":null}",
    "{\"motivation\":\"contentState\"}",
    "{\"motivation\":[\"contentState\"],\"target\":{\"type\":\"Canvas\",\"id\":\"https://example.org/c\"}}",
    "{\"type\":\"Canvas\",\"id\":\"https://example.org/c\",\"partOf\":42}",
    "{\"type\":\"Canvas\",\"id\":[\"https://example.org/c\"],\"partOf\":[]}",
    "{\"type\":\"Manifest\",\"id\":42}",
    "{\"type\":\"Annotation\",\"motivation\":\"commenting\",\"target\":\"https://example.org/m\"}",
    "{\"type\":\"SpecificResource\",\"source\":{\"type\":\"SpecificResource\"}}",
    "{\"type\":\"Image\",\"id\":\"https://example.org/i.jpg\"}",
    "[]", "{}", "[1,2,3]", "\"not a uri\"", "true",
    "{\"motivation\":\"contentState\",\"target\":",
    "?iiif-content=", "?iiif-content=%%%", "iiif-content=e30",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_base64); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *decoded = vt_content_state_decode_text (not_base64[i], &error);

      g_assert_null (decoded);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE);
      assert_refused (not_base64[i], -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (wrong_types); i++)
    assert_refused (wrong_types[i], -1);
}

static void
test_not_web (void)
{
  const char *texts[] = {
    "file:///etc/passwd",
    "https://viewer.example.org/?manifest=file%3A%2F%2F%2Fetc%2Fpasswd",
    "https://viewer.example.org/?manifest=javascript:alert(1)",
    "{\"id\":\"file:///home/m.json\",\"type\":\"Manifest\"}",
    "{\"id\":\"https://example.org/c\",\"type\":\"Canvas\",\"partOf\":[{\"id\":\"ftp://example.org/m\",\"type\":\"Manifest\"}]}",
    "data:application/json,{}",
    "https:///no-host",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts) - 1; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtContentState) state = vt_content_state_parse (texts[i], &error);

      g_assert_null (state);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "http"));
    }
  assert_refused (texts[G_N_ELEMENTS (texts) - 1], -1);

  /* Encoded, the same. */
  {
    g_autofree char *encoded = vt_content_state_encode_text (texts[3]);
    g_autoptr(GError) error = NULL;
    g_autoptr(VtContentState) state = vt_content_state_parse (encoded, &error);

    g_assert_null (state);
    g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE);
  }

  /* Of several targets, the web ones are kept. */
  {
    g_autoptr(VtContentState) state = parse_ok (
      "{\"motivation\":\"contentState\",\"target\":[{\"id\":\"file:///m\",\"type\":\"Manifest\"},"
      "{\"id\":\"https://example.org/m\",\"type\":\"Manifest\"}]}");

    g_assert_cmpuint (vt_content_state_get_n_targets (state), ==, 1);
    assert_target (state, 0, "https://example.org/m", NULL);
  }
}

static void
test_huge (void)
{
  gsize big = VT_CONTENT_STATE_MAX_TEXT + 16;
  g_autofree char *long_text = g_malloc (big + 1);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new ("{\"motivation\":\"contentState\",\"target\":[");
  g_autofree char *deep_encoded = NULL;

  memset (long_text, 'A', big);
  long_text[big] = '\0';
  assert_refused (long_text, -1);
  g_assert_null (vt_content_state_decode_text (long_text, NULL));

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, -1);
  deep_encoded = vt_content_state_encode_text (deep->str);
  assert_refused (deep_encoded, -1);

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (many, "%s{\"id\":\"https://example.org/m/%u\",\"type\":\"Manifest\"}", i ? "," : "", i);
  g_string_append (many, "]}");
  {
    g_autoptr(VtContentState) state = parse_ok (many->str);

    g_assert_cmpuint (vt_content_state_get_n_targets (state), ==, VT_CONTENT_STATE_MAX_TARGETS);
  }

  /* An encoded state nested in itself more often than a link needs. */
  {
    g_autofree char *text = g_strdup ("https://example.org/m");

    for (guint i = 0; i < 8; i++)
      {
        g_autofree char *encoded = vt_content_state_encode_text (text);

        g_free (text);
        text = g_strconcat ("https://example.org/v?iiif-content=", encoded, NULL);
      }
    assert_refused (text, -1);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iiif/content-state/spec-examples", test_spec_examples);
  g_test_add_func ("/iiif/content-state/selectors", test_selectors);
  g_test_add_func ("/iiif/content-state/encoding", test_encoding);
  g_test_add_func ("/iiif/content-state/round-trip", test_round_trip);
  g_test_add_func ("/iiif/content-state/links", test_links);
  g_test_add_func ("/iiif/content-state/malformed", test_malformed);
  g_test_add_func ("/iiif/content-state/not-web", test_not_web);
  g_test_add_func ("/iiif/content-state/huge", test_huge);

  return g_test_run ();
}
