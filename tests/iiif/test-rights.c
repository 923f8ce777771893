/* test-rights.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "iiif/vt-rights.h"

typedef struct
{
  const char   *uri;
  VtRightsKind  kind;
  const char   *name;
  const char   *link;
} Case;

static const Case cases[] = {
  /* The licences Ghent's image annotations carry. */
  { "https://creativecommons.org/licenses/by-nc-nd/4.0/", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/" },
  { "https://creativecommons.org/publicdomain/zero/1.0/", VT_RIGHTS_CREATIVE_COMMONS,
    "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/" },
  { "http://rightsstatements.org/vocab/InC/1.0/", VT_RIGHTS_STATEMENT,
    "In Copyright", "https://rightsstatements.org/page/InC/1.0/" },
  { "http://rightsstatements.org/vocab/InC-RUU/1.0/", VT_RIGHTS_STATEMENT,
    "In Copyright – Rights-holder(s) Unlocatable or Unidentifiable",
    "https://rightsstatements.org/page/InC-RUU/1.0/" },
  { "https://rightsstatements.org/page/UND/1.0/", VT_RIGHTS_STATEMENT,
    "Copyright Undetermined", "https://rightsstatements.org/page/UND/1.0/" },
  { "https://rightsstatements.org/page/InC/1.0/?language=en", VT_RIGHTS_STATEMENT,
    "In Copyright", "https://rightsstatements.org/page/InC/1.0/" },
  { "https://rightsstatements.org/vocab/InC-NC/1.0/", VT_RIGHTS_STATEMENT,
    "In Copyright – Non-Commercial Use Permitted", "https://rightsstatements.org/page/InC-NC/1.0/" },
  /* Spelling variants: no trailing slash, http, www, a deed page, a
   * jurisdiction port, a fragment, surrounding spaces, case. */
  { "http://creativecommons.org/licenses/by/4.0", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/" },
  { "https://www.creativecommons.org/licenses/by-sa/3.0/deed.fr", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/" },
  { "https://creativecommons.org/licenses/by-nc/4.0/legalcode.nl", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/" },
  { "http://creativecommons.org/licenses/by/2.0/be/", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY 2.0 BE", "https://creativecommons.org/licenses/by/2.0/be/" },
  { "  HTTPS://CreativeCommons.org/licenses/BY-NC-SA/2.5//#x ", VT_RIGHTS_CREATIVE_COMMONS,
    "CC BY-NC-SA 2.5", "https://creativecommons.org/licenses/by-nc-sa/2.5/" },
  { "https://creativecommons.org/publicdomain/mark/1.0/", VT_RIGHTS_CREATIVE_COMMONS,
    "Public Domain Mark 1.0", "https://creativecommons.org/publicdomain/mark/1.0/" },
  { "http://rightsstatements.org/vocab/NoC-US/1.0", VT_RIGHTS_STATEMENT,
    "No Copyright – United States", "https://rightsstatements.org/page/NoC-US/1.0/" },
  { "https://rightsstatements.org/vocab/nkc/", VT_RIGHTS_STATEMENT,
    "No Known Copyright", "https://rightsstatements.org/page/NKC/1.0/" },
  /* Not something to name: the caller shows these as they are. */
  { "https://creativecommons.org/licenses/by/four/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "https://creativecommons.org/licenses/gpl/2.0/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "https://creativecommons.org/about/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "https://rightsstatements.org/page/XYZ/1.0/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "https://rightsstatements.org/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "https://example.org/licenses/by/4.0/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "ftp://creativecommons.org/licenses/by/4.0/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "javascript:alert(1)//creativecommons.org/licenses/by/4.0/", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "Alle rechten voorbehouden", VT_RIGHTS_UNKNOWN, NULL, NULL },
  { "", VT_RIGHTS_UNKNOWN, NULL, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *link = NULL;
      VtRightsKind kind;

      g_test_message ("%s", cases[i].uri);
      kind = vt_rights_describe (cases[i].uri, &name, &link);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpstr (link, ==, cases[i].link);
    }
}

static void
test_null_and_optional_outputs (void)
{
  g_autofree char *name = NULL;

  g_assert_cmpint (vt_rights_describe (NULL, NULL, NULL), ==, VT_RIGHTS_UNKNOWN);
  g_assert_cmpint (vt_rights_describe ("https://creativecommons.org/licenses/by-nd/4.0/", NULL, NULL),
                   ==, VT_RIGHTS_CREATIVE_COMMONS);
  g_assert_cmpint (vt_rights_describe ("https://rightsstatements.org/vocab/CNE/1.0/", &name, NULL),
                   ==, VT_RIGHTS_STATEMENT);
  g_assert_cmpstr (name, ==, "Copyright Not Evaluated");
}

static void
test_allows_reuse (void)
{
  static const struct
  {
    const char *uri;
    gboolean    allowed;
  } reuse[] = {
    /* Licences and public domain tools: yes, conditions and all. */
    { "https://creativecommons.org/publicdomain/zero/1.0/", TRUE },
    { "https://creativecommons.org/publicdomain/mark/1.0/", TRUE },
    { "https://creativecommons.org/licenses/by/4.0/", TRUE },
    { "http://creativecommons.org/licenses/by-sa/3.0/nl/", TRUE },
    { "https://creativecommons.org/licenses/by-nc-nd/4.0/", TRUE },
    { "https://creativecommons.org/licenses/nd-nc/1.0/", TRUE },
    /* Statements grant nothing, not even the No Copyright ones. */
    { "http://rightsstatements.org/vocab/InC/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/InC-EDU/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/InC-NC/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/InC-RUU/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/NoC-US/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/NoC-NC/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/NoC-CR/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/NoC-OKLR/1.0/", FALSE },
    { "http://rightsstatements.org/vocab/NKC/1.0/", FALSE },
    { "https://rightsstatements.org/page/UND/1.0/", FALSE },
    { "https://rightsstatements.org/page/CNE/1.0/", FALSE },
    /* Nothing said, or nothing known. */
    { NULL, FALSE },
    { "", FALSE },
    { "https://creativecommons.org/licenses/gpl/2.0/", FALSE },
    { "https://example.org/open", FALSE },
    { "Vrij te gebruiken", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reuse); i++)
    {
      g_test_message ("%s", reuse[i].uri != NULL ? reuse[i].uri : "(null)");
      g_assert_cmpint (vt_rights_allows_reuse (reuse[i].uri), ==, reuse[i].allowed);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The English names are what the table checks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/rights/table", test_table);
  g_test_add_func ("/vitrine/iiif/rights/null-and-optional-outputs", test_null_and_optional_outputs);
  g_test_add_func ("/vitrine/iiif/rights/allows-reuse", test_allows_reuse);

  return g_test_run ();
}
