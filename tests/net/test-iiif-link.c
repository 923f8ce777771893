/* test-iiif-link.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-iiif-link"

#include "config.h"

#undef G_DISABLE_ASSERT

#include "iiif/vt-iiif-error.h"
#include "net/vt-iiif-link.h"

/* Encoded with an independent implementation (Python's urllib.parse.quote
 * with encodeURIComponent's safe set, then urlsafe_b64encode, '='
 * stripped), following Content State 1.0 §6. */
#define ENCODED_CANVAS \
  "JTdCJTIyaWQlMjIlM0ElMjJodHRwcyUzQSUyRiUyRmV4YW1wbGUub3JnJTJGb2JqZWN0MSUyRmNhbnZhczclMjN4eXdoJTNEMTAwMCUyQzIwMDAlMkMxMDAwJTJDMjAwMCUyMiUyQyUyMnR5cGUlMjIlM0ElMjJDYW52YXMlMjIlMkMlMjJwYXJ0T2YlMjIlM0ElNUIlN0IlMjJpZCUyMiUzQSUyMmh0dHBzJTNBJTJGJTJGZXhhbXBsZS5vcmclMkZvYmplY3QxJTJGbWFuaWZlc3QlMjIlMkMlMjJ0eXBlJTIyJTNBJTIyTWFuaWZlc3QlMjIlN0QlNUQlN0Q"
#define ENCODED_ANNOTATION \
  "JTdCJTIyJTQwY29udGV4dCUyMiUzQSUyMmh0dHAlM0ElMkYlMkZpaWlmLmlvJTJGYXBpJTJGcHJlc2VudGF0aW9uJTJGMyUyRmNvbnRleHQuanNvbiUyMiUyQyUyMmlkJTIyJTNBJTIyaHR0cHMlM0ElMkYlMkZleGFtcGxlLm9yZyUyRmltcG9ydCUyRjElMjIlMkMlMjJ0eXBlJTIyJTNBJTIyQW5ub3RhdGlvbiUyMiUyQyUyMm1vdGl2YXRpb24lMjIlM0ElNUIlMjJjb250ZW50U3RhdGUlMjIlNUQlMkMlMjJ0YXJnZXQlMjIlM0ElN0IlMjJpZCUyMiUzQSUyMmh0dHBzJTNBJTJGJTJGZXhhbXBsZS5vcmclMkZtYW5pZmVzdCUyRiVDMyVCQyUyMiUyQyUyMnR5cGUlMjIlM0ElMjJNYW5pZmVzdCUyMiU3RCU3RA"

typedef struct
{
  const char *text;
  const char *manifest;   /* NULL: an error is expected */
  const char *canvas;
  const char *image;
} LinkCase;

static const LinkCase cases[] = {
  /* A bare address is the resource itself. */
  { "https://example.org/iiif/book1/manifest", "https://example.org/iiif/book1/manifest", NULL, NULL },
  { "  https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1987-1049\n",
    "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1987-1049", NULL, NULL },

  /* Drag-and-drop convention. */
  { "https://viewer.example.org/?manifest=https%3A%2F%2Fexample.org%2Fm.json&canvas=https%3A%2F%2Fexample.org%2Fc%2F2",
    "https://example.org/m.json", "https://example.org/c/2", NULL },
  { "https://example.org/m.json?manifest=https://example.org/m.json",
    "https://example.org/m.json", NULL, NULL },
  { "https://viewer.example.org/?image=https%3A%2F%2Fimages.example.org%2Fiiif%2Fa%2Finfo.json",
    NULL, NULL, "https://images.example.org/iiif/a/info.json" },
  { "https://viewer.example.org/?manifest=file%3A%2F%2F%2Fetc%2Fpasswd", NULL, NULL, NULL },

  /* text/uri-list: comments and several lines. */
  { "# dropped from a browser\r\nhttps://example.org/m1.json\r\nhttps://example.org/m2.json\r\n",
    "https://example.org/m1.json", NULL, NULL },

  /* Content State in a URL: plain URI, encoded, JSON. */
  { "https://viewer.example.org/?iiif-content=https%3A%2F%2Fexample.org%2Fm.json",
    "https://example.org/m.json", NULL, NULL },
  { "https://viewer.example.org/?iiif-content=" ENCODED_CANVAS,
    "https://example.org/object1/manifest", "https://example.org/object1/canvas7", NULL },
  { "https://viewer.example.org/?iiif-content=%7B%22id%22%3A%22https%3A%2F%2Fexample.org%2Fm%22%2C%22type%22%3A%22Manifest%22%7D",
    "https://example.org/m", NULL, NULL },

  /* Content State pasted as text: encoded, or JSON. */
  { ENCODED_CANVAS, "https://example.org/object1/manifest", "https://example.org/object1/canvas7", NULL },
  { ENCODED_ANNOTATION, "https://example.org/manifest/\xC3\xBC", NULL, NULL },
  { "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"id\": \"https://e.org/a\","
    " \"type\": \"Annotation\", \"motivation\": \"contentState\","
    " \"target\": {\"type\": \"SpecificResource\", \"source\": {\"id\": \"https://e.org/c1\", \"type\": \"Canvas\","
    " \"partOf\": [{\"id\": \"https://e.org/m\", \"type\": \"Manifest\"}]}, \"selector\": {}}}",
    "https://e.org/m", "https://e.org/c1", NULL },
  { "{\"id\": \"https://e.org/coll\", \"type\": \"Collection\"}", "https://e.org/coll", NULL, NULL },
  { "{\"@id\": \"https://e.org/m2\", \"@type\": \"sc:Manifest\"}", "https://e.org/m2", NULL, NULL },
  { "{\"type\": \"Annotation\", \"motivation\": [\"contentState\"], \"target\": \"https://e.org/m3\"}",
    "https://e.org/m3", NULL, NULL },

  /* Not IIIF links. */
  { "", NULL, NULL, NULL },
  { "hello world", NULL, NULL, NULL },
  { "file:///home/me/manifest.json", NULL, NULL, NULL },
  { "javascript:alert(1)", NULL, NULL, NULL },
  { "{\"id\": \"file:///etc/passwd\", \"type\": \"Manifest\"}", NULL, NULL, NULL },
  { "{\"id\": \"https://e.org/c\", \"type\": \"Canvas\"}", NULL, NULL, NULL },
  { "{not json", NULL, NULL, NULL },
  { "JTdC", NULL, NULL, NULL },
  { "%%%", NULL, NULL, NULL },
  { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", NULL, NULL, NULL },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LinkCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifLink) link = NULL;

      g_test_message ("case %u: %.60s", i, c->text);
      link = vt_iiif_link_parse (c->text, &error);

      if (c->manifest == NULL && c->image == NULL)
        {
          /* Not IIIF, or IIIF naming something other than a web
           * address: both refused, each with its own reason. */
          g_assert_nonnull (error);
          g_assert_true (error->domain == VT_IIIF_ERROR);
          g_assert_null (link);
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (link);
      g_assert_cmpstr (link->manifest_uri, ==, c->manifest);
      g_assert_cmpstr (link->canvas_id, ==, c->canvas);
      g_assert_cmpstr (link->image_uri, ==, c->image);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/iiif-link/parse", test_parse);

  return g_test_run ();
}
