/* test-json.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the JSON reader makes of hostile text: escapes json-glib gets
 * wrong, and documents too large to build a tree of. */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/json/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/vitrine/iiif/json/nul-escape", test_nul_escape);
  g_test_add_func ("/vitrine/iiif/json/every-string", test_every_string);
  g_test_add_func ("/vitrine/iiif/json/keys", test_keys);

  return g_test_run ();
}
