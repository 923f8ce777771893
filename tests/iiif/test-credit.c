/* test-credit.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "vt-iiif-test-util.h"

/* "kind:text|kind:text|…" for what vt_credits_parse() makes of @text. */
static char *
parse (const char *text)
{
  static const char * const kinds[] = { "other", "rightsholder", "photographer", "source", "creator" };
  g_autoptr(GPtrArray) credits = vt_credits_parse (text);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < credits->len; i++)
    {
      VtCredit *credit = g_ptr_array_index (credits, i);

      g_assert_cmpuint (credit->kind, <, G_N_ELEMENTS (kinds));
      g_string_append_printf (out, "%s%s:%s", i > 0 ? "|" : "", kinds[credit->kind], credit->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define CHECK(text, expected) \
  G_STMT_START { \
    g_autofree char *got = parse (text); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_ghent (void)
{
  /* What Ghent's generator writes, as in the test bed's objects. */
  CHECK ("rightsholder: Bořek Šípek, photographer: Foto Design Museum Gent, source: Design Museum Gent",
         "rightsholder:Bořek Šípek|photographer:Foto Design Museum Gent|source:Design Museum Gent");
  CHECK ("photographer: Michiel Hendryckx, source: Design Museum Gent",
         "photographer:Michiel Hendryckx|source:Design Museum Gent");
  CHECK ("source: Industriemuseum", "source:Industriemuseum");
}

static void
test_edges (void)
{
  CHECK (NULL, "");
  CHECK ("", "");
  CHECK ("   ", "");
  /* Prose is one part, shown as written. */
  CHECK ("Provided by the Example Library", "other:Provided by the Example Library");
  /* A comma in a name does not start a part; only a known prefix does. */
  CHECK ("photographer: Doe, John, source: Museum", "photographer:Doe, John|source:Museum");
  CHECK ("rightsholder: A, B and C", "rightsholder:A, B and C");
  /* Text before the first prefix is a part of its own. */
  CHECK ("Courtesy of X, source: Museum", "other:Courtesy of X|source:Museum");
  /* Prefixes in any case, with spaces before the colon; a word that only
   * begins like one is no prefix. */
  CHECK ("Photographer : A. Fotograaf,SOURCE:Museum", "photographer:A. Fotograaf|source:Museum");
  CHECK ("sources: many", "other:sources: many");
  CHECK ("maker: Atelier, rights holder: Stad Gent", "creator:Atelier|rightsholder:Stad Gent");
  /* A prefix with nothing after it says nothing. */
  CHECK ("photographer: , source: Museum", "source:Museum");
  CHECK ("source:", "");
  /* The word inside a name is not a prefix. */
  CHECK ("photographer: The source: Unknown", "photographer:The source: Unknown");
}

static void
test_labels (void)
{
  g_assert_null (vt_credit_kind_get_label (VT_CREDIT_OTHER));
  g_assert_cmpstr (vt_credit_kind_get_label (VT_CREDIT_RIGHTS_HOLDER), ==, "Rights holder");
  g_assert_cmpstr (vt_credit_kind_get_label (VT_CREDIT_PHOTOGRAPHER), ==, "Photographer");
  g_assert_cmpstr (vt_credit_kind_get_label (VT_CREDIT_SOURCE), ==, "Source");
  g_assert_cmpstr (vt_credit_kind_get_label (VT_CREDIT_CREATOR), ==, "Maker");
}

int
main (int   argc,
      char *argv[])
{
  /* The labels are checked in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/credit/ghent", test_ghent);
  g_test_add_func ("/vitrine/iiif/credit/edges", test_edges);
  g_test_add_func ("/vitrine/iiif/credit/labels", test_labels);

  return g_test_run ();
}
