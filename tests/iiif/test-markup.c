/* test-markup.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-iiif-test-util.h"
#include "vt-iiif-test-markup.h"

static void
test_openable (void)
{
  static const char * const openable[] = {
    "https://example.org/", "HTTP://example.org/a?b=c#d", "http://127.0.0.1:8080/x",
  };
  static const char * const not_openable[] = {
    "", "javascript:alert(1)", "JavaScript://example.org/%0aalert(1)", "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>", "mailto:a@example.org", "ftp://example.org/file",
    "https://", "https:no-host", "/relative/path", "example.org",
  };

  g_assert_false (vt_markup_is_openable_uri (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (openable); i++)
    g_assert_true (vt_markup_is_openable_uri (openable[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_openable); i++)
    {
      g_test_message ("%s", not_openable[i]);
      g_assert_false (vt_markup_is_openable_uri (not_openable[i]));
    }

  /* A web address as a value: one address and nothing around it. */
  g_assert_true (vt_markup_is_web_address ("https://example.org/record/17"));
  g_assert_false (vt_markup_is_web_address (NULL));
  g_assert_false (vt_markup_is_web_address ("see https://example.org/"));
  g_assert_false (vt_markup_is_web_address ("https://example.org/\n"));
  g_assert_false (vt_markup_is_web_address ("javascript:alert(1)"));
}

/* vt_markup_link (@uri, @text) gives @expected, which GtkLabel accepts. */
static void
check_link (const char *uri,
            const char *text,
            const char *expected)
{
  g_autofree char *markup = vt_markup_link (uri, text);
  g_autofree char *checked = NULL;

  g_test_message ("link %s, %s -> %s", uri, text, markup);
  g_assert_cmpstr (markup, ==, expected);
  checked = vt_test_check_markup (markup);
}

static void
test_link (void)
{
  check_link ("https://example.org/a?b=1&c=2", "A & B",
              "<a href=\"https://example.org/a?b=1&amp;c=2\">A &amp; B</a>");
  /* found by fuzz-html: schemes come out in lower case, the text as written */
  check_link ("HTTPS://Example.org/A", NULL, "<a href=\"https://Example.org/A\">HTTPS://Example.org/A</a>");
  check_link ("https://example.org/\"><b>x", NULL,
              "<a href=\"https://example.org/&quot;&gt;&lt;b&gt;x\">https://example.org/&quot;&gt;&lt;b&gt;x</a>");

  /* Not to be followed: only the text is left. */
  check_link ("javascript:alert(1)", "click <me>", "click &lt;me&gt;");
  check_link ("file:///etc/passwd", NULL, "file:///etc/passwd");
  check_link (NULL, "no link", "no link");
  check_link (NULL, NULL, "");
}

/* @value as label markup is @markup, and a screen reader gets @text back. */
static void
check_value (const char *value,
             const char *markup,
             const char *text)
{
  g_autofree char *out = vt_markup_from_value (value);
  g_autofree char *out_text = NULL;
  g_autofree char *checked = NULL;

  g_test_message ("value %s -> %s", value, out);
  g_assert_cmpstr (out, ==, markup);
  out_text = vt_markup_to_text (out);
  g_assert_cmpstr (out_text, ==, text);
  checked = vt_test_check_markup (out);
}

static void
test_from_value (void)
{
  check_value ("plain", "plain", "plain");
  check_value ("", "", "");

  /* A bare address becomes a link to itself, blanks around it dropped. */
  check_value (" https://example.org/collection/17 ",
               "<a href=\"https://example.org/collection/17\">https://example.org/collection/17</a>",
               "https://example.org/collection/17");
  check_value ("javascript:alert(1)", "javascript:alert(1)", "javascript:alert(1)");
  check_value ("see https://example.org/", "see https://example.org/", "see https://example.org/");

  /* HTML through the sanitiser, links and all. */
  check_value ("<span>A <b>b</b> <a href=\"https://example.org/books/42\">book</a><script>x</script></span>",
               "A <b>b</b> <a href=\"https://example.org/books/42\">book</a>", "A b book");
  check_value ("<p>one</p><p>two</p>", "one\n\ntwo", "one\n\ntwo");
  check_value ("<x> <y> <plain text>", "&lt;x&gt; &lt;y&gt; &lt;plain text&gt;", "<x> <y> <plain text>");
  check_value ("Fish & chips < 5 € > 3", "Fish &amp; chips &lt; 5 € &gt; 3", "Fish & chips < 5 € > 3");

  /* Markup that is not well formed has no text. */
  g_assert_null (vt_markup_to_text ("<b>open"));
  g_assert_null (vt_markup_to_text ("a & b"));
  g_assert_null (vt_markup_to_text ("</markup><x>"));
}

static void
test_from_values (void)
{
  const char *several[] = { "wool", " ", "<p> </p>", "<b>silk</b>", NULL };
  const char *blank[] = { "", "  ", "<p></p>", NULL };
  const char *none[] = { NULL };
  g_autofree char *joined = vt_markup_from_values (several);
  g_autofree char *text = NULL;

  g_assert_cmpstr (joined, ==, "wool\n<b>silk</b>");
  text = vt_markup_to_text (joined);
  g_assert_cmpstr (text, ==, "wool\nsilk");

  g_assert_null (vt_markup_from_values (NULL));
  g_assert_null (vt_markup_from_values (none));
  g_assert_null (vt_markup_from_values (blank));
}

/* Whatever a manifest holds, the markup is well formed and its text can be
 * read back. */
static void
test_robust (void)
{
  static const char * const inputs[] = {
    "<>", "<<>>", "<a href=\"http://x\"><a href=\"http://y\">n</a></a>", "<p>\x01\x02\x1f</p>",
    "<b><b><b>x", "<a href=\"javascript:x\">j</a>", "https://a\"b.example/", "http://[::1]/",
    "<span>&unknown; &#0; &#xFFFFFF;</span>", "&", "<![CDATA[<b>]]>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      const char *values[] = { inputs[i], inputs[i], NULL };
      g_autofree char *markup = vt_markup_from_values (values);
      g_autofree char *checked = NULL;
      g_autofree char *text = NULL;

      g_test_message ("input %u: %s -> %s", i, inputs[i], markup);
      if (markup == NULL)
        continue;
      checked = vt_test_check_markup (markup);
      text = vt_markup_to_text (markup);
      g_assert_nonnull (text);
    }
}


/* A megabyte of unbroken text, plain or inside a tag, comes out bounded,
 * valid, and marked as cut. */
static void
test_long_value (void)
{
  GString *plain = g_string_new (NULL);
  g_autofree char *tagged = NULL;
  g_autofree char *plain_markup = NULL;
  g_autofree char *tagged_markup = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 1024 * 1024 / 2; i++)
    g_string_append (plain, "\u00c4");
  tagged = g_strconcat ("<b>", plain->str, "</b>", NULL);

  plain_markup = vt_markup_from_value (plain->str);
  tagged_markup = vt_markup_from_value (tagged);
  g_assert_true (pango_parse_markup (plain_markup, -1, 0, NULL, &text, NULL, NULL));
  /* The characters kept, a break opportunity every so many, and "…". */
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==,
                    VT_MARKUP_MAX_VALUE_CHARS + VT_MARKUP_MAX_VALUE_CHARS / VT_MARKUP_MAX_WORD_CHARS + 1 - 1);
  g_assert_true (g_str_has_suffix (text, "\u2026"));
  g_clear_pointer (&text, g_free);
  g_assert_true (pango_parse_markup (tagged_markup, -1, 0, NULL, &text, NULL, NULL));
  g_assert_cmpuint (g_utf8_strlen (text, -1), <=,
                    VT_MARKUP_MAX_VALUE_CHARS + VT_MARKUP_MAX_VALUE_CHARS / VT_MARKUP_MAX_WORD_CHARS + 1);
  g_clear_pointer (&text, g_free);

  /* Ordinary text, and URLs up to the word limit, are left as they are. */
  plain_markup = (g_free (plain_markup), vt_markup_from_value ("A short description, with words."));
  g_assert_cmpstr (plain_markup, ==, "A short description, with words.");
  g_string_free (plain, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/markup/openable", test_openable);
  g_test_add_func ("/vitrine/iiif/markup/link", test_link);
  g_test_add_func ("/vitrine/iiif/markup/from-value", test_from_value);
  g_test_add_func ("/vitrine/iiif/markup/from-values", test_from_values);
  g_test_add_func ("/vitrine/iiif/markup/robust", test_robust);
  g_test_add_func ("/vitrine/iiif/markup/long-value", test_long_value);

  return g_test_run ();
}
