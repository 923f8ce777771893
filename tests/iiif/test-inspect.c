/* test-inspect.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vt-iiif-test-util.h"

/* Runs the installed-to-be vitrine-inspect on fixtures and broken input and
 * checks its output and exit status. */

static const char *inspect_path;

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_inspect (Run        *run,
             const char *arg1,
             const char *arg2,
             const char *arg3)
{
  const char *argv[] = { inspect_path, arg1, arg2, arg3, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "iiif", "data", name, NULL);
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("vitrine-inspect-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_output (const char *out,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Every string of the output, to look things up in. */
static void
collect_strings (JsonNode   *node,
                 GHashTable *out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        collect_strings (l->data, out);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_strings (json_array_get_element (array, i), out);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_hash_table_add (out, (gpointer) json_node_get_string (node));
}

/* Every id inside a body or resource, every text (value, chars) and
 * every annotation id of the fixture must be in the output. */
static void
check_all_present (JsonNode   *node,
                   gboolean    in_body,
                   GHashTable *printed,
                   guint      *n_checked)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_all_present (json_array_get_element (array, i), in_body, printed, n_checked);
      return;
    }
  if (in_body && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_test_message ("%s", json_node_get_string (node));
      g_assert_true (g_hash_table_contains (printed, json_node_get_string (node)));
      (*n_checked)++;
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);
      const char *type = json_object_get_string_member_with_default (object, "type",
                           json_object_get_string_member_with_default (object, "@type", ""));

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *member = json_object_get_member (object, name);
          gboolean id = g_str_equal (name, "id") || g_str_equal (name, "@id");

          if ((id && (in_body || g_str_has_suffix (type, "Annotation"))) ||
              g_str_equal (name, "value") || g_str_equal (name, "chars"))
            {
              if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
                {
                  g_test_message ("%s", json_node_get_string (member));
                  g_assert_true (g_hash_table_contains (printed, json_node_get_string (member)));
                  (*n_checked)++;
                }
            }
          else if (!g_str_equal (name, "service") && !g_str_equal (name, "label") &&
                   !g_str_equal (name, "selector") && !g_str_equal (name, "target") && !g_str_equal (name, "on"))
            {
              gboolean body = g_str_equal (name, "body") || g_str_equal (name, "resource") ||
                              g_str_equal (name, "source") || g_str_equal (name, "full") ||
                              g_str_equal (name, "default") || g_str_equal (name, "item") ||
                              (in_body && g_str_equal (name, "items"));

              /* Other strings (type, format…) are not looked up. */
              if (body || !JSON_NODE_HOLDS_VALUE (member))
                check_all_present (member, body, printed, n_checked);
            }
        }
    }
}

static void
test_everything_printed (void)
{
  static const char * const fixtures[] = {
    "manifest-v3-painting.json", "manifest-v3-annotations.json", "manifest-v3-av.json",
    "manifest-v2-choice.json", "manifest-v3-text-bodies.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = fixture_path (fixtures[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonParser) source = json_parser_new ();
      g_autoptr(GHashTable) printed = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;
      g_auto(Run) run = { 0 };
      guint n_checked = 0;

      g_test_message ("%s", fixtures[i]);
      run_inspect (&run, path, NULL, NULL);
      g_assert_cmpint (run.status, ==, 0);
      parse_output (run.out, parser);
      collect_strings (json_parser_get_root (parser), printed);
      json_parser_load_from_file (source, path, &error);
      g_assert_no_error (error);
      check_all_present (json_parser_get_root (source), FALSE, printed, &n_checked);
      g_assert_cmpuint (n_checked, >=, 10);
    }
}

static void
test_image_service (void)
{
  g_autofree char *path = fixture_path ("info-v2-tiles.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *pyramid;
  JsonObject *level;

  run_inspect (&run, path, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "ImageService");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2");
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 2);
  pyramid = json_object_get_array_member (root, "pyramid");
  g_assert_cmpuint (json_array_get_length (pyramid), ==, 5);
  level = json_array_get_object_element (pyramid, 0);
  g_assert_cmpint (json_object_get_int_member (level, "columns"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (level, "rows"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (level, "lastTile"), ==,
                   "https://images.example.org/iiif/2/ms%252F12/4096,2304,904,696/904,/0/default.jpg");
  level = json_array_get_object_element (pyramid, 3);
  g_assert_cmpfloat (json_object_get_double_member (level, "scaleFactor"), ==, 5.0);
  g_assert_cmpstr (json_object_get_string_member (level, "lastTile"), ==,
                   "https://images.example.org/iiif/2/ms%252F12/2560,2560,2440,440/488,/0/default.jpg");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 3);
}

static void
test_manifest (void)
{
  g_autofree char *path = fixture_path ("manifest-v2-book.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *canvas, *image, *range;
  JsonArray *canvases;

  run_inspect (&run, "--locale", "fr", path);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "Manifest");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (root, "displayLabel"), ==, "Livre d'heures");
  /* labels as v3 language maps */
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (root, "label"), "en"), 0),
                   ==, "Book of Hours");
  canvases = json_object_get_array_member (root, "canvases");
  g_assert_cmpuint (json_array_get_length (canvases), ==, 3);
  canvas = json_array_get_object_element (canvases, 0);
  g_assert_cmpint (json_object_get_int_member (canvas, "width"), ==, 1000);
  image = json_object_get_object_member (canvas, "image");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (image, "service"), "id"), ==,
                   "https://library.example.org/iiif/p1-vis");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (canvas, "choices")), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (canvases, 1), "image"));
  range = json_array_get_object_element (json_object_get_array_member (root, "structures"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (range, "items")), ==, 2);
}

/* An image's own annotations (cookbook 0326) are printed with it, each
 * with the region of the canvas its target maps to. */
static void
test_layer_annotations (void)
{
  g_autofree char *path = fixture_path ("layer-annotations.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *canvas, *painting, *infrared, *page, *tag;
  JsonArray *region;

  run_inspect (&run, path, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  canvas = json_array_get_object_element (json_object_get_array_member (root, "canvases"), 0);
  painting = json_array_get_object_element (json_object_get_array_member (canvas, "paintingAnnotations"), 0);
  infrared = json_array_get_object_element (json_object_get_array_member (painting, "bodies"), 1);
  g_assert_false (json_object_has_member (json_array_get_object_element (json_object_get_array_member (painting, "bodies"), 0),
                                          "annotationPages"));
  page = json_array_get_object_element (json_object_get_array_member (infrared, "annotationPages"), 0);
  tag = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (tag, "id"), ==,
                   "https://example.org/iiif/layer-tags/annotation/underdrawing");
  region = json_object_get_array_member (tag, "canvasRegion");
  g_assert_nonnull (region);
  g_assert_cmpint (json_array_get_int_element (region, 0), ==, 200);
  g_assert_cmpint (json_array_get_int_element (region, 1), ==, 100);
  g_assert_cmpint (json_array_get_int_element (region, 2), ==, 300);
  g_assert_cmpint (json_array_get_int_element (region, 3), ==, 150);
}

/* Each canvas carries the rights that hold for it, as the sidebar shows. */
static void
test_canvas_rights (void)
{
  g_autofree char *path = fixture_path ("manifest-v2-rights-per-canvas.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *canvas, *statement;
  JsonArray *canvases;

  run_inspect (&run, "--locale", "nl", path);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  g_assert_false (json_object_has_member (root, "effectiveRights"));
  canvases = json_object_get_array_member (root, "canvases");

  canvas = json_array_get_object_element (canvases, 0);
  g_assert_cmpstr (json_object_get_string_member (canvas, "effectiveRights"), ==,
                   "https://creativecommons.org/licenses/by-nc-nd/4.0/");
  g_assert_cmpstr (json_object_get_string_member (canvas, "effectiveRightsName"), ==, "CC BY-NC-ND 4.0");
  g_assert_true (json_object_get_boolean_member (canvas, "allowsReuse"));
  g_assert_cmpstr (json_object_get_string_member (canvas, "displayAttribution"), ==,
                   "rightsholder: Museum, photographer: A. Fotograaf, source: Museum");
  statement = json_object_get_object_member (canvas, "effectiveRequiredStatement");
  g_assert_true (json_object_get_null_member (statement, "label"));

  canvas = json_array_get_object_element (canvases, 1);
  g_assert_cmpstr (json_object_get_string_member (canvas, "effectiveRights"), ==,
                   "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_false (json_object_get_boolean_member (canvas, "allowsReuse"));
  g_assert_cmpstr (json_object_get_string_member (canvas, "displayAttribution"), ==, "source: Museum");

  canvas = json_array_get_object_element (canvases, 2);
  g_assert_true (json_object_get_null_member (canvas, "effectiveRights"));
  g_assert_true (json_object_get_null_member (canvas, "effectiveRightsName"));
  g_assert_false (json_object_get_boolean_member (canvas, "allowsReuse"));
}

static void
test_collection (void)
{
  g_autofree char *path = fixture_path ("collection-v3.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *members;

  run_inspect (&run, "-l", "nl", path);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "Collection");
  g_assert_cmpstr (json_object_get_string_member (root, "displayLabel"), ==, "Collectie");
  members = json_object_get_array_member (root, "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 2);
  g_assert_true (json_object_has_member (json_array_get_object_element (members, 1), "embedded"));
}

/* The text of a body wrapped in a SpecificResource is printed, and of a
 * Choice of languages (recipe 0346) the option the sidebar shows for the
 * languages asked for is marked. */
static void
test_text_bodies (void)
{
  g_autofree char *path = fixture_path ("manifest-v3-text-bodies.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *canvas, *page, *anno, *b;
  JsonArray *items, *bodies;

  run_inspect (&run, "--locale", "nl", path);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (run.out, parser);
  canvas = json_array_get_object_element (json_object_get_array_member (root, "canvases"), 0);
  page = json_array_get_object_element (json_object_get_array_member (canvas, "annotationPages"), 0);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);

  anno = json_array_get_object_element (items, 0);
  bodies = json_object_get_array_member (anno, "bodies");
  g_assert_cmpuint (json_array_get_length (bodies), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      b = json_array_get_object_element (bodies, i);
      g_assert_cmpint (json_object_get_int_member (b, "choice"), ==, 1);
      g_assert_true (json_object_get_boolean_member (b, "chosen") == (i == 2));
    }
  g_assert_cmpstr (json_object_get_string_member (b, "value"), ==, "De Berlijnse Muur, 1989");

  anno = json_array_get_object_element (items, 2);
  bodies = json_object_get_array_member (anno, "bodies");
  g_assert_cmpuint (json_array_get_length (bodies), ==, 1);
  b = json_array_get_object_element (bodies, 0);
  g_assert_true (json_object_get_boolean_member (b, "isText"));
  g_assert_cmpstr (json_object_get_string_member (b, "value"), ==, "A note wrapped in a SpecificResource");
  g_assert_cmpstr (json_object_get_string_member (b, "language"), ==, "en");
  g_assert_false (json_object_has_member (b, "chosen"));
}

typedef struct
{
  const char *contents;
  int         status;
  const char *kind;
} FailCase;

static void
test_failures (void)
{
  static const FailCase cases[] = {
    { "this is not json", 3, "not-json" },
    { "{\"label\": \"caf\xe9\"}", 3, "invalid-utf8" },
    { "{\"message\": \"You don't have permission to access this resource\"}", 4, "not-iiif" },
    { "{\"@context\": \"http://iiif.io/api/presentation/4/context.json\", \"type\": \"Manifest\"}", 5, "unsupported-version" },
    { "{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"x\", \"type\": \"ImageService3\"}", 6, "missing-field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (cases[i].contents, -1);
      g_autofree char *prefix = g_strdup_printf ("vitrine-inspect: %s: ", cases[i].kind);
      g_auto(Run) run = { 0 };

      g_test_message ("case %u", i);
      run_inspect (&run, path, NULL, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, prefix));
      /* exactly one line */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (gssize) strlen (run.err) - 1);
      g_unlink (path);
    }
}

static void
test_limits_and_usage (void)
{
  GString *deep = g_string_new ("{\"a\": ");
  g_autofree char *deep_path = NULL;
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };
  g_auto(Run) run4 = { 0 };
  g_auto(Run) run5 = { 0 };

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  deep_path = write_temp (deep->str, deep->len);
  g_string_free (deep, TRUE);
  run_inspect (&run1, deep_path, NULL, NULL);
  g_assert_cmpint (run1.status, ==, 7);
  g_assert_true (g_str_has_prefix (run1.err, "vitrine-inspect: too-deep: "));
  g_unlink (deep_path);

  run_inspect (&run2, "/nonexistent/vitrine/manifest.json", NULL, NULL);
  g_assert_cmpint (run2.status, ==, 2);
  g_assert_true (g_str_has_prefix (run2.err, "vitrine-inspect: read: "));

  /* Nothing listens on port 1: "offline", whatever the machine's network. */
  run_inspect (&run3, "http://127.0.0.1:1/iiif/manifest", NULL, NULL);
  g_assert_cmpint (run3.status, ==, 8);
  g_assert_true (g_str_has_prefix (run3.err, "vitrine-inspect: offline: "));

  run_inspect (&run4, NULL, NULL, NULL);
  g_assert_cmpint (run4.status, ==, 1);

  run_inspect (&run5, "--no-such-option", "x", NULL);
  g_assert_cmpint (run5.status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s PATH-TO-vitrine-inspect", argv[0]);
  inspect_path = argv[1];

  g_test_add_func ("/vitrine/iiif/inspect/everything-printed", test_everything_printed);
  g_test_add_func ("/vitrine/iiif/inspect/image-service", test_image_service);
  g_test_add_func ("/vitrine/iiif/inspect/manifest", test_manifest);
  g_test_add_func ("/vitrine/iiif/inspect/layer-annotations", test_layer_annotations);
  g_test_add_func ("/vitrine/iiif/inspect/canvas-rights", test_canvas_rights);
  g_test_add_func ("/vitrine/iiif/inspect/collection", test_collection);
  g_test_add_func ("/vitrine/iiif/inspect/text-bodies", test_text_bodies);
  g_test_add_func ("/vitrine/iiif/inspect/failures", test_failures);
  g_test_add_func ("/vitrine/iiif/inspect/limits-and-usage", test_limits_and_usage);

  return g_test_run ();
}
