/* test-language-map.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vt-iiif-test-util.h"

static VtLanguageMap *
label_of (const char *label_json)
{
  g_autofree char *json = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                                           " \"id\": \"https://x.example/m\", \"type\": \"Manifest\", \"label\": %s,"
                                           " \"items\": []}", label_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (json, &error);

  g_assert_no_error (error);
  return doc->manifest->label ? vt_language_map_ref (doc->manifest->label) : NULL;
}

static void
test_resolve (void)
{
  g_autoptr(VtLanguageMap) map = label_of ("{\"en\": [\"Book\"], \"nl-BE\": [\"Boek\", \"Tweede\"], \"@none\": [\"B-1\"], \"fr\": [\"Livre\"]}");
  const char *nl[] = { "nl_BE.UTF-8", "nl_BE", "nl", NULL };
  const char *nl_only[] = { "nl", NULL };
  const char *fr_ca[] = { "fr_CA", NULL };
  const char *de[] = { "de_DE", "de", "C", NULL };
  const char * const *values;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (vt_language_map_get_n_languages (map), ==, 4);
  g_assert_cmpstr (vt_language_map_get_language (map, 2), ==, "none");

  values = vt_language_map_lookup (map, nl);
  g_assert_cmpstr (values[0], ==, "Boek");
  g_assert_cmpstr (values[1], ==, "Tweede");
  g_assert_null (values[2]);
  g_assert_cmpstr (vt_language_map_get_first (map, nl_only), ==, "Boek");
  g_assert_cmpstr (vt_language_map_get_first (map, fr_ca), ==, "Livre");
  /* no German: untagged before English */
  g_assert_cmpstr (vt_language_map_get_first (map, de), ==, "B-1");
  joined = vt_language_map_dup_string (map, nl, "; ");
  g_assert_cmpstr (joined, ==, "Boek; Tweede");
}

static void
test_fallbacks (void)
{
  const char *de[] = { "de", NULL };
  g_autoptr(VtLanguageMap) en = label_of ("{\"fr\": [\"Livre\"], \"en\": [\"Book\"]}");
  g_autoptr(VtLanguageMap) first = label_of ("{\"fr\": [\"Livre\"], \"it\": [\"Libro\"]}");
  g_autoptr(VtLanguageMap) junk = label_of ("{\"true\": [\"Odd\"], \"English\": \"Single string\"}");
  g_autoptr(VtLanguageMap) empty = label_of ("{}");

  g_assert_cmpstr (vt_language_map_get_first (en, de), ==, "Book");
  g_assert_cmpstr (vt_language_map_get_first (first, de), ==, "Livre");
  g_assert_cmpstr (vt_language_map_get_first (junk, de), ==, "Odd");
  g_assert_cmpstr (vt_language_map_get_values (junk, 1)[0], ==, "Single string");
  g_assert_null (empty);
  g_assert_true (vt_language_map_is_empty (NULL));
  g_assert_null (vt_language_map_lookup (NULL, de));
}

/* v2 shapes: plain string, @value object, arrays of both, scalars. */
static void
test_v2_forms (void)
{
  const char *fr[] = { "fr", NULL };
  g_autoptr(VtLanguageMap) plain = label_of ("\"Just text\"");
  g_autoptr(VtLanguageMap) value = label_of ("{\"@value\": \"Boek\", \"@language\": \"nl\"}");
  g_autoptr(VtLanguageMap) mixed = label_of ("[\"untagged\", {\"@value\": \"Livre\", \"@language\": \"fr\"}, {\"@value\": \"no lang\"}, 42, true, null]");

  g_assert_cmpstr (vt_language_map_get_language (plain, 0), ==, "none");
  g_assert_cmpstr (vt_language_map_get_first (plain, fr), ==, "Just text");
  g_assert_cmpstr (vt_language_map_get_language (value, 0), ==, "nl");
  g_assert_cmpstr (vt_language_map_get_first (value, fr), ==, "Boek");
  g_assert_cmpstr (vt_language_map_get_first (mixed, fr), ==, "Livre");
  {
    const char *de[] = { "de", NULL };
    const char * const *values = vt_language_map_lookup (mixed, de);

    g_assert_cmpstr (values[0], ==, "untagged");
    g_assert_cmpstr (values[1], ==, "no lang");
    g_assert_cmpstr (values[2], ==, "42");
    g_assert_cmpstr (values[3], ==, "true");
    g_assert_null (values[4]);
  }
}

static void
test_build (void)
{
  g_autoptr(VtLanguageMap) map = vt_language_map_new_string (NULL, "a");

  vt_language_map_add (map, "@none", "b");
  vt_language_map_add (map, "en", "c");
  g_assert_cmpuint (vt_language_map_get_n_languages (map), ==, 2);
  g_assert_cmpstr (vt_language_map_get_values (map, 0)[1], ==, "b");
  vt_language_map_ref (map);
  vt_language_map_unref (map);
}

/* A label with a huge number of languages stays linear to parse. */
static void
test_many_languages (void)
{
  GString *json = g_string_new ("{");
  g_autoptr(VtLanguageMap) map = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (json, "%s\"l%u\": [\"v\"]", i ? ", " : "", i);
  g_string_append_c (json, '}');
  map = label_of (json->str);
  g_string_free (json, TRUE);
  g_assert_cmpuint (vt_language_map_get_n_languages (map), ==, 256);
  g_assert_cmpstr (vt_language_map_get_language (map, 255), ==, "l255");
}

static int
pick (const char * const *tags,
      const char * const *preferences)
{
  return vt_language_tag_pick (tags, g_strv_length ((char **) tags), preferences);
}

/* The cases where the language map and the sidebar's language picker used
 * to choose differently; both now ask vt_language_tag_pick(). */
static void
test_pick_former_disagreements (void)
{
  /* 1. A document tag written as a locale name: the map stripped the
   * codeset from the document's tags and chose "nl_BE.UTF-8", the picker
   * only stripped it from the user's and showed "nl-NL". */
  const char *locale_tagged[] = { "nl-NL", "nl_BE.UTF-8", NULL };
  const char *nl_be_locale[] = { "nl_BE.UTF-8", "nl_BE", "nl.UTF-8", "nl", "C", NULL };
  /* 2. No language of the user's: the map showed the untagged values, the
   * picker went straight to English. */
  const char *untagged_and_english[] = { "en", "none", "fr", NULL };
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  /* 3. "@none" as a wanted language matched nothing in either. */
  const char *fr_and_untagged[] = { "fr", "none", NULL };
  const char *want_untagged[] = { "@none", "fr", NULL };
  const char *want_untagged_v3[] = { "none", "fr", NULL };

  g_assert_cmpint (pick (locale_tagged, nl_be_locale), ==, 1);
  g_assert_cmpint (pick (untagged_and_english, german), ==, 1);
  g_assert_cmpint (pick (fr_and_untagged, want_untagged), ==, 1);
  g_assert_cmpint (pick (fr_and_untagged, want_untagged_v3), ==, 1);

  /* The language map resolves through the same function. */
  {
    g_autoptr(VtLanguageMap) map = label_of ("{\"nl-NL\": [\"Boek (NL)\"], \"nl_BE.UTF-8\": [\"Boek (BE)\"]}");
    g_autoptr(VtLanguageMap) untagged = label_of ("{\"fr\": [\"Livre\"], \"@none\": [\"B-1\"]}");

    g_assert_cmpstr (vt_language_map_get_first (map, nl_be_locale), ==, "Boek (BE)");
    g_assert_cmpstr (vt_language_map_get_first (untagged, want_untagged), ==, "B-1");
  }
}

/* Each case: the tags on offer, then the user's languages and which tag
 * they get ("C.UTF-8,C>1": preferences C.UTF-8 then C give tag 1). */
static void
test_pick (void)
{
  static const char * const cases[][2] = {
    /* Closest first: the broader "nl" beats the other region. */
    { "nl-NL nl fr", "nl-BE>1 NL_be>1 nl>1" },
    { "zh-Hans zh zh-Hant-TW", "zh-Hant>2 zh_TW.UTF-8,zh_TW,zh>1" },
    /* glibc's script modifier is a script subtag. */
    { "sr-Cyrl sr-Latn", "sr_RS@latin,sr@latin,sr>1" },
    /* Only another region of the language: better than nothing. */
    { "fr en-GB", "C.UTF-8,C,POSIX>1 nl-BE>1" },
    /* "C" says nothing, nor does an empty list; later ones count. */
    { "fr it", "C.UTF-8,C,POSIX>0 de,it,fr>1 >0" },
    /* Junk keys are not English. */
    { "English true en-US", "C>2" },
  };
  const char *empty_pref[] = { "", "it", NULL };
  const char *nl[] = { "nl", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) tags = g_strsplit (cases[i][0], " ", -1);
      g_auto(GStrv) runs = g_strsplit (cases[i][1], " ", -1);

      for (guint j = 0; runs[j] != NULL; j++)
        {
          const char *arrow = strchr (runs[j], '>');
          g_autofree char *list = g_strndup (runs[j], arrow - runs[j]);
          g_auto(GStrv) prefs = list[0] != '\0' ? g_strsplit (list, ",", -1) : g_new0 (char *, 1);

          g_test_message ("[%s] for %s", cases[i][0], runs[j]);
          g_assert_cmpint (pick ((const char * const *) tags, (const char * const *) prefs), ==, atoi (arrow + 1));
        }
    }
  g_assert_cmpint (pick ((const char *[]) { "fr", "it", NULL }, empty_pref), ==, 1);
  g_assert_cmpint (vt_language_tag_pick (NULL, 0, nl), ==, -1);
}

static void
test_tag_equal (void)
{
  g_assert_true (vt_language_tag_equal ("nl-BE", "nl_BE.UTF-8@euro"));
  g_assert_true (vt_language_tag_equal ("NL-be", "nl-BE"));
  g_assert_true (vt_language_tag_equal ("sr_RS@latin", "sr-Latn-RS"));
  g_assert_true (vt_language_tag_equal (NULL, "@none"));
  g_assert_true (vt_language_tag_equal ("", "none"));
  g_assert_true (vt_language_tag_equal ("None", "@none"));
  g_assert_false (vt_language_tag_equal ("nl", "nl-BE"));
  g_assert_false (vt_language_tag_equal ("en", "English"));
  g_assert_false (vt_language_tag_equal ("none", "nl"));
}


/* Titles are plain text: HTML in a label is taken out, and a label that
 * is only markup or blanks counts as none. */
static void
test_dup_text (void)
{
  g_autoptr(VtLanguageMap) map = label_of ("{\"nl\": [\"<b>Kast</b> met <i>lade</i>\"], \"en\": [\"Cupboard\"]}");
  g_autoptr(VtLanguageMap) blank = label_of ("{\"nl\": [\"<b> </b>\"]}");
  const char *nl[] = { "nl", NULL };
  const char *en[] = { "en", NULL };
  g_autofree char *text_nl = vt_language_map_dup_text (map, nl, " · ");
  g_autofree char *text_en = vt_language_map_dup_text (map, en, " · ");
  g_autofree char *text_blank = vt_language_map_dup_text (blank, nl, " · ");

  g_assert_cmpstr (text_nl, ==, "Kast met lade");
  g_assert_cmpstr (text_en, ==, "Cupboard");
  g_assert_null (text_blank);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/language-map/resolve", test_resolve);
  g_test_add_func ("/vitrine/iiif/language-map/fallbacks", test_fallbacks);
  g_test_add_func ("/vitrine/iiif/language-map/v2-forms", test_v2_forms);
  g_test_add_func ("/vitrine/iiif/language-map/build", test_build);
  g_test_add_func ("/vitrine/iiif/language-map/pick", test_pick);
  g_test_add_func ("/vitrine/iiif/language-map/pick-former-disagreements", test_pick_former_disagreements);
  g_test_add_func ("/vitrine/iiif/language-map/tag-equal", test_tag_equal);
  g_test_add_func ("/vitrine/iiif/language-map/many-languages", test_many_languages);
  g_test_add_func ("/vitrine/iiif/language-map/dup-text", test_dup_text);

  return g_test_run ();
}
