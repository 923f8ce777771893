/* test-json.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the JSON reader makes of hostile text: escapes json-glib gets
 * wrong, and documents too large to build a tree of. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vt-iiif-test-util.h"

#define FFFD "\xef\xbf\xbd"

static const char *en[] = { "en", NULL };

static VtIiifDocument *
parse_v3 (const char *members)
{
  g_autofree char *json = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                                           " \"type\": \"Manifest\", \"id\": \"https://example.org/m\", %s}",
                                           members);
  g_autoptr(GError) error = NULL;
  VtIiifDocument *doc = vt_test_parse_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static const char *
label_of (VtIiifDocument *doc)
{
  return vt_language_map_get_first (doc->manifest->label, en);
}

/* json-glib turns "\udc00" into the bytes of a surrogate (invalid UTF-8)
 * and drops the character after it; the label must be the text with U+FFFD
 * in place of the surrogate. */
static void
test_lone_surrogate (void)
{
  struct { const char *label; const char *expected; } cases[] = {
    { "Jan\\udc00Smith", "Jan" FFFD "Smith" },        /* lone low surrogate */
    { "Jan\\ud800Smith", "Jan" FFFD "Smith" },        /* lone high surrogate */
    { "\\udc00", FFFD },                               /* the exact input of the issue */
    { "a\\ud800", "a" FFFD },                          /* at the end */
    { "a\\ud800\\u0041b", "a" FFFD "Ab" },             /* high, then another escape: json-glib refused the document */
    { "a\\udbff\\udbffb", "a" FFFD FFFD "b" },         /* two highs */
    { "a\\udc00\\ud800b", "a" FFFD FFFD "b" },         /* low before high */
    { "a\\ud83d\\ude00b", "a\xf0\x9f\x98\x80" "b" },   /* a real pair stays */
    { "a\\\\udc00b", "a\\udc00b" },                    /* an escaped backslash, not an escape */
    { "\\uD800x\\uDFFFy", FFFD "x" FFFD "y" },         /* upper-case hex */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *members = g_strdup_printf ("\"label\": {\"en\": [\"%s\"]}", cases[i].label);
      g_autoptr(VtIiifDocument) doc = parse_v3 (members);

      g_test_message ("case %u: %s", i, cases[i].label);
      g_assert_true (g_utf8_validate (label_of (doc), -1, NULL));
      g_assert_cmpstr (label_of (doc), ==, cases[i].expected);
    }
}

/* json-glib ends a string at "\u0000"; the rest of the text is kept, the
 * NUL becomes U+FFFD. */
static void
test_nul_escape (void)
{
  struct { const char *label; const char *expected; } cases[] = {
    { "\\u0000", FFFD },
    { "Jan\\u0000Smith", "Jan" FFFD "Smith" },
    { "Jan\\u0000\\u0000", "Jan" FFFD FFFD },
    { "\\u0000Smith", FFFD "Smith" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *members = g_strdup_printf ("\"label\": {\"en\": [\"%s\"]}", cases[i].label);
      g_autoptr(VtIiifDocument) doc = parse_v3 (members);

      g_test_message ("case %u: %s", i, cases[i].label);
      g_assert_cmpstr (label_of (doc), ==, cases[i].expected);
    }
}

static void
check_map (VtLanguageMap *map,
           const char    *expected)
{
  g_assert_nonnull (map);
  for (guint i = 0; i < vt_language_map_get_n_languages (map); i++)
    {
      const char * const *values = vt_language_map_get_values (map, i);

      g_assert_true (g_utf8_validate (vt_language_map_get_language (map, i), -1, NULL));
      for (guint j = 0; values[j] != NULL; j++)
        {
          g_assert_true (g_utf8_validate (values[j], -1, NULL));
          if (expected != NULL)
            g_assert_cmpstr (values[j], ==, expected);
        }
    }
}

/* The repair is made once, on the text, so it holds for every string the
 * parsers read: values of every property, language keys, ids; in v2 too. */
static void
test_every_string (void)
{
  g_autoptr(VtIiifDocument) doc =
    parse_v3 ("\"label\": {\"en\\udc00\": [\"L\\ud800abel\"]},"
              " \"summary\": {\"en\": [\"S\\u0000ummary\"]},"
              " \"metadata\": [{\"label\": {\"en\": [\"K\\udc00ey\"]}, \"value\": {\"en\": [\"V\\u0000alue\"]}}],"
              " \"requiredStatement\": {\"label\": {\"en\": [\"A\\udc00ttribution\"]}, \"value\": {\"en\": [\"R\\ud800ights\"]}},"
              " \"rights\": \"http://creativecommons.org/licenses/by/4.0/\\u0000\","
              " \"items\": [{\"id\": \"https://example.org/c\\udc001\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
              "   \"label\": {\"none\": [\"p\\udc00. 1\"]}}]");
  g_autoptr(VtIiifDocument) v2 = NULL;
  g_autoptr(GError) error = NULL;
  VtManifest *m = doc->manifest;
  VtMetadataEntry *entry;
  VtCanvas *canvas;

  check_map (m->label, "L" FFFD "abel");
  g_assert_cmpstr (vt_language_map_get_language (m->label, 0), ==, "en" FFFD);
  check_map (m->summary, "S" FFFD "ummary");
  entry = g_ptr_array_index (m->metadata, 0);
  check_map (entry->label, "K" FFFD "ey");
  check_map (entry->value, "V" FFFD "alue");
  check_map (m->required_statement->label, "A" FFFD "ttribution");
  check_map (m->required_statement->value, "R" FFFD "ights");
  g_assert_cmpstr (m->rights, ==, "http://creativecommons.org/licenses/by/4.0/" FFFD);
  canvas = vt_manifest_get_canvas (m, 0);
  g_assert_cmpstr (canvas->id, ==, "https://example.org/c" FFFD "1");
  check_map (canvas->label, "p" FFFD ". 1");

  v2 = vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
                             " \"@type\": \"sc:Manifest\", \"@id\": \"https://example.org/m\","
                             " \"label\": \"Jan\\udc00Smith\", \"description\": \"a\\u0000b\","
                             " \"metadata\": [{\"label\": \"k\\ud800\", \"value\": [{\"@value\": \"v\\udc00w\", \"@language\": \"en\"}]}],"
                             " \"sequences\": [{\"canvases\": []}]}", &error);
  g_assert_no_error (error);
  check_map (v2->manifest->label, "Jan" FFFD "Smith");
  check_map (v2->manifest->summary, "a" FFFD "b");
  entry = g_ptr_array_index (v2->manifest->metadata, 0);
  check_map (entry->label, "k" FFFD);
  check_map (entry->value, "v" FFFD "w");
}

/* Keys are compared after the same repair: "a\u0000x" and "a\u0000y" are
 * two keys, as they are to json-glib now. */
static void
test_keys (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"Manifest\", \"items\": [], \"x\": {");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (json, "%s\"k\\u0000%u\": 1", i > 0 ? ", " : "", i);
  g_string_append (json, "}}");
  doc = vt_test_parse_string (json->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* json-glib also reads strings in single quotes and C comments: brackets
 * in them must not hide nesting from the depth check (json-glib recurses
 * on it), and quotes in them must not hide brackets. */
static void
test_hidden_nesting (void)
{
  static const char * const hiding[] = { "'\"', ", "/* \" */ ", "'/*', " };

  for (guint h = 0; h < G_N_ELEMENTS (hiding); h++)
    {
      g_autoptr(GString) json = g_string_new ("{\"type\": \"Manifest\", \"items\": [], \"label\": [");
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = NULL;

      g_string_append (json, hiding[h]);
      for (guint i = 0; i < VT_IIIF_MAX_JSON_DEPTH + 10; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < VT_IIIF_MAX_JSON_DEPTH + 10; i++)
        g_string_append_c (json, ']');
      g_string_append (json, ", \"\"]}");
      g_test_message ("hidden by %s", hiding[h]);
      doc = vt_test_parse_string (json->str, &error);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_DEEP);
      g_assert_null (doc);
    }
}

static char *
canvas (guint n)
{
  return g_strdup_printf ("{\"id\": \"https://example.org/c%u\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
                          " \"items\": [{\"type\": \"AnnotationPage\", \"items\": [{\"type\": \"Annotation\","
                          " \"motivation\": \"painting\", \"body\": {\"id\": \"https://example.org/%u.jpg\", \"type\": \"Image\"},"
                          " \"target\": \"https://example.org/c%u\"}]}]}", n, n, n);
}

/* @format with $1, $2 and $3 replaced by canvases 1, 2 and 3. */
static char *
fill (const char *format)
{
  GString *json = g_string_new (format);

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *placeholder = g_strdup_printf ("$%u", i);
      g_autofree char *c = canvas (i);

      g_string_replace (json, placeholder, c, 0);
    }
  return g_string_free (json, FALSE);
}

static VtManifest *
manifest_of (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc->manifest);
  return vt_manifest_ref (doc->manifest);
}

/* The canvases of a manifest are read one at a time from the text: what
 * they are must not change (json-glib's rules for repeated keys, lists in
 * unusual places, comments, quotes and odd spacing). */
static void
test_canvas_lists (void)
{
  struct { const char *format; guint n; const char *last; } cases[] = {
    /* v3, with elements that are no objects and odd spacing */
    { "{\"type\": \"Manifest\", \"items\": [ $1 ,\n\t$2,$3 ] }", 3, "https://example.org/c3" },
    { "{\"type\": \"Manifest\", \"items\": [$1, 5, \"x\", [1, {}], null, $2, $3]}", 3, "https://example.org/c3" },
    { "{\"type\": \"Manifest\", \"items\": [ ]}", 0, NULL },
    /* json-glib keeps the last of repeated keys */
    { "{\"type\": \"Manifest\", \"items\": [$1], \"items\": [$2, $3]}", 2, "https://example.org/c3" },
    { "{\"type\": \"Manifest\", \"items\": [$1, $2], \"items\": \"x\"}", 0, NULL },
    { "{\"type\": \"Manifest\", \"items\": [$1, $2], \"it\\u0065ms\": [$3]}", 1, "https://example.org/c3" },
    /* comments and single quotes, around and inside the list */
    { "{/* [ */ 'type': 'Manifest', \"items\": /* ] */ [$1 /* , */, $2, /* { */ $3] /* } */}", 3, "https://example.org/c3" },
    { "{\"type\": \"Manifest\", \"label\": \"]['\", \"items\": [$1, $2, $3]}", 3, "https://example.org/c3" },
    /* v2: the first sequence, as a list or on its own */
    { "{\"@type\": \"sc:Manifest\", \"sequences\": [{\"canvases\": [$1, $2]}, {\"canvases\": [$3]}]}", 2, "https://example.org/c2" },
    { "{\"@type\": \"sc:Manifest\", \"sequences\": {\"canvases\": [$1, $2, $3]}}", 3, "https://example.org/c3" },
    { "{\"@type\": \"sc:Manifest\", \"sequences\": [5, {\"canvases\": [$1, $2, $3]}]}", 0, NULL },
    { "{\"@type\": \"sc:Sequence\", \"canvases\": [$1, $2, $3]}", 3, "https://example.org/c3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = fill (cases[i].format);
      g_autoptr(VtManifest) m = NULL;

      g_test_message ("case %u: %s", i, cases[i].format);
      m = manifest_of (json);
      g_assert_cmpuint (vt_manifest_get_n_canvases (m), ==, cases[i].n);
      if (cases[i].last != NULL)
        {
          VtCanvas *last = vt_manifest_get_canvas (m, cases[i].n - 1);

          g_assert_cmpstr (last->id, ==, cases[i].last);
          /* the canvases are in the shape of v3 */
          if (strstr (cases[i].format, "sc:") == NULL)
            g_assert_true (vt_canvas_is_image (last));
        }
    }
}

/* Documents whose lists are read whole: a lone canvas, a collection, an
 * annotation page. */
static void
test_whole_lists (void)
{
  g_autofree char *c1 = canvas (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) lone = vt_test_parse_string (c1, &error);
  g_autoptr(VtIiifDocument) collection = NULL;
  g_autoptr(VtIiifDocument) page = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (lone->kind, ==, VT_IIIF_DOCUMENT_CANVAS);
  g_assert_true (vt_canvas_is_image (vt_manifest_get_canvas (lone->manifest, 0)));

  collection = vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                                     " \"type\": \"Collection\", \"id\": \"https://example.org/k\", \"label\": {\"en\": [\"k\"]},"
                                     " \"items\": [{\"id\": \"https://example.org/m1\", \"type\": \"Manifest\"},"
                                     "           {\"id\": \"https://example.org/k2\", \"type\": \"Collection\"}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collection->collection->members->len, ==, 2);

  page = vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                               " \"type\": \"AnnotationPage\", \"items\": [{}, {}, {}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->n_annotations, ==, 3);
}

/* A syntax error in a canvas read on its own is reported where it is in
 * the document, as json-glib would have for the whole text. */
static void
test_list_errors (void)
{
  static const char * const broken[] = {
    "{\"type\": \"Manifest\", \"items\": [$1, {\"id\": 1 2}]}",
    "{\"type\": \"Manifest\",\n \"items\": [\n$1,\n  {\"id\":\n  nul}]}",
    "{\"type\": \"Manifest\", \"items\": [$1, {\"a\": [}]}",
    "{\"type\": \"Manifest\", \"items\": [$1}, {]}",
  };
  static const char * const empty[] = {
    "{\"type\": \"Manifest\", \"items\": [$1,]}",
    "{\"type\": \"Manifest\", \"items\": [,$1]}",
    "{\"type\": \"Manifest\", \"items\": [$1,,$2]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *json = fill (broken[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) json_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = NULL;
      g_autofree char *expected = NULL;

      g_test_message ("broken %u: %s", i, broken[i]);
      g_assert_false (json_parser_load_from_data (parser, json, -1, &json_error));
      expected = g_strdup_printf ("The document is not valid JSON: %s", json_error->message);
      doc = vt_test_parse_string (json, &error);
      g_assert_null (doc);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON);
      g_assert_cmpstr (error->message, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *json = fill (empty[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = vt_test_parse_string (json, &error);

      g_test_message ("empty %u: %s", i, empty[i]);
      g_assert_null (doc);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON);
    }
}

/* Over the limit of canvases: refused once they are counted, before any is
 * read; here the last canvas is broken, and the document is refused as too
 * large, not as broken. */
static void
test_too_many_canvases (void)
{
  GString *json = g_string_new ("{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
                                " \"@type\": \"sc:Manifest\", \"sequences\": [{\"canvases\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;

  for (guint i = 0; i < VT_IIIF_MAX_CANVASES; i++)
    g_string_append (json, "{\"@type\": \"sc:Canvas\"}, 1, ");
  g_string_append (json, "{\"broken\" 1}]}]}");
  bytes = g_string_free_to_bytes (json);
  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/json/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/vitrine/iiif/json/nul-escape", test_nul_escape);
  g_test_add_func ("/vitrine/iiif/json/every-string", test_every_string);
  g_test_add_func ("/vitrine/iiif/json/keys", test_keys);
  g_test_add_func ("/vitrine/iiif/json/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/vitrine/iiif/json/canvas-lists", test_canvas_lists);
  g_test_add_func ("/vitrine/iiif/json/whole-lists", test_whole_lists);
  g_test_add_func ("/vitrine/iiif/json/list-errors", test_list_errors);
  g_test_add_func ("/vitrine/iiif/json/too-many-canvases", test_too_many_canvases);

  return g_test_run ();
}
