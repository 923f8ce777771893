/* test-ghent-catalogue.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ghent-catalogue"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <string.h>

#include "net/vt-ghent-catalogue.h"

static void
test_organisations (void)
{
  const char *expected[][2] = {
    { "dmg", "Design Museum Gent" },
    { "hva", "Huis van Alijn" },
    { "industriemuseum", "Industriemuseum" },
    { "stam", "STAM" },
    { "archiefgent", "Archief Gent" },
  };
  const VtGhentOrganisation *orgs;
  guint n = 0;

  orgs = vt_ghent_get_organisations (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (orgs[i].abbreviation, ==, expected[i][0]);
      g_assert_cmpstr (orgs[i].name, ==, expected[i][1]);
      g_assert_true (vt_ghent_lookup_organisation (expected[i][0]) == &orgs[i]);
      g_assert_nonnull (vt_ghent_organisation_get_display_name (&orgs[i]));
    }

  g_assert_true (vt_ghent_lookup_organisation ("DMG") == &orgs[0]);
  g_assert_null (vt_ghent_lookup_organisation ("msk"));
  g_assert_null (vt_ghent_lookup_organisation (""));
  g_assert_null (vt_ghent_lookup_organisation (NULL));
}

typedef struct
{
  const char *input;
  const char *chosen;
  const char *org;      /* expected, or NULL for an error */
  const char *number;
  int         error;    /* VtGhentError when org is NULL */
} ParseCase;

static const ParseCase parse_cases[] = {
  /* A bare number, with the organisation picked beside the entry. */
  { "1987-1049", "dmg", "dmg", "1987-1049", 0 },
  { "  1987-1049\t", "dmg", "dmg", "1987-1049", 0 },
  { "\xC2\xA0" "1987-1049\xE2\x80\x8B", "dmg", "dmg", "1987-1049", 0 },  /* NBSP, zero-width space */
  { "A2005.02.364.1-2", "stam", "stam", "A2005.02.364.1-2", 0 },
  { "1987-1049", "HVA", "hva", "1987-1049", 0 },
  { "1987-1049", NULL, NULL, NULL, VT_GHENT_ERROR_NO_ORGANISATION },
  { "1987-1049", "", NULL, NULL, VT_GHENT_ERROR_NO_ORGANISATION },
  { "1987-1049", "msk", NULL, NULL, VT_GHENT_ERROR_UNKNOWN_ORGANISATION },

  /* org:number; the prefix wins over the picker. The real numbers of
   * GHENT.md §3.2, one or more per organisation and format. */
  { "dmg:1987-1049", "stam", "dmg", "1987-1049", 0 },
  { "dmg:1986-0030_00-21", NULL, "dmg", "1986-0030_00-21", 0 },
  { "dmg:1987-1311_0-2", NULL, "dmg", "1987-1311_0-2", 0 },
  { "dmg:2018-0395_00-11", NULL, "dmg", "2018-0395_00-11", 0 },
  { "dmg:0710", NULL, "dmg", "0710", 0 },
  { "dmg:FH-0066_4-6", NULL, "dmg", "FH-0066_4-6", 0 },
  { "hva:2004-247-464", NULL, "hva", "2004-247-464", 0 },
  { "hva:2002-078-852", NULL, "hva", "2002-078-852", 0 },
  { "hva:1974-001", NULL, "hva", "1974-001", 0 },
  { "industriemuseum:V12918-002", NULL, "industriemuseum", "V12918-002", 0 },
  { "industriemuseum:V35236-001", NULL, "industriemuseum", "V35236-001", 0 },
  { "stam:A2005.02.364.1-2", NULL, "stam", "A2005.02.364.1-2", 0 },
  { "stam:N.00024.038-114", NULL, "stam", "N.00024.038-114", 0 },
  { "stam:02256.2-2.B", NULL, "stam", "02256.2-2.B", 0 },
  { "stam:S.1158", NULL, "stam", "S.1158", 0 },
  { "stam:10003.A", NULL, "stam", "10003.A", 0 },
  { "stam:00675", NULL, "stam", "00675", 0 },
  { "archiefgent:OA_535_001_01_C_TE", NULL, "archiefgent", "OA_535_001_01_C_TE", 0 },
  { "archiefgent:OA_535_079_04_C_TE", NULL, "archiefgent", "OA_535_079_04_C_TE", 0 },
  { "archiefgent:MA_SCMS_FO_06291bis", NULL, "archiefgent", "MA_SCMS_FO_06291bis", 0 },
  { "DMG:1987-1049", NULL, "dmg", "1987-1049", 0 },
  { " dmg : 1987-1049 ", NULL, "dmg", "1987-1049", 0 },
  { "dmg:2011-0069$1", NULL, "dmg", "2011-0069$1", 0 },
  { "msk:1987-1049", "dmg", NULL, NULL, VT_GHENT_ERROR_UNKNOWN_ORGANISATION },
  { "dmg:", NULL, NULL, NULL, VT_GHENT_ERROR_EMPTY },
  { "dmg:1987/1049", NULL, NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },
  { "1987/1049", "dmg", NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },
  { "dmg:1987\\1049", NULL, NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },
  { "dmg:1987\n1049", NULL, NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },

  /* Empty input. */
  { "", "dmg", NULL, NULL, VT_GHENT_ERROR_EMPTY },
  { "   \t\n", "dmg", NULL, NULL, VT_GHENT_ERROR_EMPTY },

  /* Manifest addresses, on Ghent or on the test bed; encoded or raw. */
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1987-1049", "stam", "dmg", "1987-1049", 0 },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/stam:A2005.02.364.1-2", NULL, "stam", "A2005.02.364.1-2", 0 },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg%3A2011-0069%241", NULL, "dmg", "2011-0069$1", 0 },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2011-0069/2", NULL, "dmg", "2011-0069", 0 },
  { "http://127.0.0.1:8080/iiif/presentation/v2/manifest/archiefgent:OA_535_001_01_C_TE", NULL, "archiefgent", "OA_535_001_01_C_TE", 0 },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/msk:1", NULL, NULL, NULL, VT_GHENT_ERROR_UNKNOWN_ORGANISATION },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/1987-1049", NULL, NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },
  { "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:%ZZ", NULL, NULL, NULL, VT_GHENT_ERROR_INVALID_NUMBER },

  /* Object pages. */
  { "https://data.collectie.gent/entity/dmg:1987-1049", NULL, "dmg", "1987-1049", 0 },
  { "HTTPS://data.collectie.gent/entity/stam:S.1158?lang=nl#top", NULL, "stam", "S.1158", 0 },
  { "https://data.collectie.gent/entity/industriemuseum%3AV35236-001", NULL, "industriemuseum", "V35236-001", 0 },

  /* Other addresses are not Ghent's. */
  { "https://iiif.example.org/manifest.json", "dmg", NULL, NULL, VT_GHENT_ERROR_NOT_GHENT },
  { "https://example.org/entity/dmg:1987-1049", NULL, NULL, NULL, VT_GHENT_ERROR_NOT_GHENT },
};

static void
test_parse_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autofree char *org = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("input “%s”, chosen %s", c->input, c->chosen);
      ok = vt_ghent_parse_input (c->input, c->chosen, &org, &number, &error);

      if (c->org != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (org, ==, c->org);
          g_assert_cmpstr (number, ==, c->number);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, VT_GHENT_ERROR, c->error);
          g_assert_null (org);
          g_assert_null (number);
          /* Messages are whole sentences for the person who typed. */
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_true (g_str_has_suffix (error->message, "."));
        }
    }
}

static void
test_messages (void)
{
  g_autofree char *org = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (vt_ghent_parse_input ("msk:1", NULL, &org, &number, &error));
  /* The message names what was typed and what would be right. */
  g_assert_nonnull (strstr (error->message, "msk"));
  g_assert_nonnull (strstr (error->message, "dmg, hva, industriemuseum, stam, archiefgent"));
  g_clear_error (&error);

  g_assert_false (vt_ghent_parse_input ("1987-1049", NULL, &org, &number, &error));
  g_assert_nonnull (strstr (error->message, "dmg:1987-1049"));
}

static void
test_urls (void)
{
  const struct { const char *org, *number, *manifest, *page; } cases[] = {
    { "dmg", "1987-1049",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1987-1049",
      "https://data.collectie.gent/entity/dmg:1987-1049" },
    { "stam", "A2005.02.364.1-2",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/stam:A2005.02.364.1-2",
      "https://data.collectie.gent/entity/stam:A2005.02.364.1-2" },
    { "archiefgent", "OA_535_001_01_C_TE",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/archiefgent:OA_535_001_01_C_TE",
      "https://data.collectie.gent/entity/archiefgent:OA_535_001_01_C_TE" },
    { "dmg", "1986-0030_00-21",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1986-0030_00-21",
      "https://data.collectie.gent/entity/dmg:1986-0030_00-21" },
    /* `$` is kept as Ghent writes it; spaces and the rest are encoded. */
    { "dmg", "2011-0069$1",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2011-0069$1",
      "https://data.collectie.gent/entity/dmg:2011-0069$1" },
    { "hva", "FO 12#3?x%",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/hva:FO%2012%233%3Fx%25",
      "https://data.collectie.gent/entity/hva:FO%2012%233%3Fx%25" },
    { "stam", "Één",
      "https://api.collectie.gent/iiif/presentation/v2/manifest/stam:%C3%89%C3%A9n",
      "https://data.collectie.gent/entity/stam:%C3%89%C3%A9n" },
  };

  g_unsetenv (VT_GHENT_API_ENV);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *manifest = vt_ghent_build_manifest_url (NULL, cases[i].org, cases[i].number);
      g_autofree char *page = vt_ghent_build_web_page_url (cases[i].org, cases[i].number);
      g_autofree char *org = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GUri) uri = g_uri_parse (manifest, G_URI_FLAGS_ENCODED, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (manifest, ==, cases[i].manifest);
      g_assert_cmpstr (page, ==, cases[i].page);

      /* And back again. */
      g_assert_true (vt_ghent_parse_input (manifest, NULL, &org, &number, &error));
      g_assert_cmpstr (org, ==, cases[i].org);
      g_assert_cmpstr (number, ==, cases[i].number);
      g_clear_pointer (&org, g_free);
      g_clear_pointer (&number, g_free);
      g_assert_true (vt_ghent_parse_input (page, NULL, &org, &number, &error));
      g_assert_cmpstr (number, ==, cases[i].number);
    }

  {
    g_autofree char *id = vt_ghent_build_object_id ("stam", "S.1158");
    g_autofree char *other = vt_ghent_build_manifest_url ("http://127.0.0.1:9/", "dmg", "1");

    g_assert_cmpstr (id, ==, "stam:S.1158");
    g_assert_cmpstr (other, ==, "http://127.0.0.1:9/iiif/presentation/v2/manifest/dmg:1");
  }
}

static void
test_api_base (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_unsetenv (VT_GHENT_API_ENV);
  a = vt_ghent_get_api_base (NULL);
  b = vt_ghent_get_api_base ("http://localhost:8080///");
  g_assert_cmpstr (a, ==, "https://api.collectie.gent");
  g_assert_cmpstr (b, ==, "http://localhost:8080");

  /* The environment overrides the setting (the test bed uses it). */
  g_setenv (VT_GHENT_API_ENV, "http://127.0.0.1:4242/", TRUE);
  c = vt_ghent_get_api_base ("https://api.collectie.gent");
  d = vt_ghent_build_manifest_url (NULL, "dmg", "1987-1049");
  g_assert_cmpstr (c, ==, "http://127.0.0.1:4242");
  g_assert_cmpstr (d, ==, "http://127.0.0.1:4242/iiif/presentation/v2/manifest/dmg:1987-1049");

  g_setenv (VT_GHENT_API_ENV, "", TRUE);
  e = vt_ghent_get_api_base ("http://setting");
  g_assert_cmpstr (e, ==, "http://setting");
  g_unsetenv (VT_GHENT_API_ENV);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/ghent/organisations", test_organisations);
  g_test_add_func ("/net/ghent/parse-input", test_parse_input);
  g_test_add_func ("/net/ghent/messages", test_messages);
  g_test_add_func ("/net/ghent/urls", test_urls);
  g_test_add_func ("/net/ghent/api-base", test_api_base);

  return g_test_run ();
}
