/* test-html.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-iiif-test-util.h"
#include "vt-iiif-test-markup.h"

typedef struct
{
  const char *input;
  const char *markup;
  const char *text;
} Case;

static const Case cases[] = {
  /* plain text is escaped, not parsed */
  { "Plain & simple <3", "Plain &amp; simple &lt;3", "Plain & simple <3" },
  { "a &amp; b", "a &amp;amp; b", "a &amp; b" },
  /* the IIIF subset */
  { "<p>A <b>bold</b> and <i>italic</i> <small>s</small><sub>1</sub><sup>2</sup></p>",
    "A <b>bold</b> and <i>italic</i> <small>s</small><sub>1</sub><sup>2</sup>",
    "A bold and italic s12" },
  { "<span>one<br/>two</span>", "one\ntwo", "one\ntwo" },
  { "<p>first</p><p>second</p>", "first\n\nsecond", "first\n\nsecond" },
  { "<span>Caf&eacute; &amp; &lt;bar&gt; &#233;</span>", "Café &amp; &lt;bar&gt; é", "Café & <bar> é" },
  { "<span><a href=\"https://example.org/a?b=1&amp;c=2\">link</a></span>",
    "<a href=\"https://example.org/a?b=1&amp;c=2\">link</a>", "link" },
  { "<span><a href=\"mailto:info@example.org\">mail</a></span>", "<a href=\"mailto:info@example.org\">mail</a>", "mail" },
  /* found by fuzz-html: schemes come out in lower case */
  { "<p/b> <a href=\"htTps://dx/p>", "<a href=\"https://dx/p&gt;\"></a>", "" },
  { "<span><a href=\" HTTP://Example.org/A\">x</a></span>", "<a href=\"http://Example.org/A\">x</a>", "x" },
  { "<span><img src=\"https://example.org/i.png\" alt=\"CC BY\"/> licence</span>", "CC BY licence", "CC BY licence" },
  /* what must go */
  { "<p onmouseover=\"alert(1)\">hover</p>", "hover", "hover" },
  { "<p>before<script>alert('x')</script>after</p>", "beforeafter", "beforeafter" },
  { "<p>a<!-- <script>alert(1)</script> -->b</p>", "ab", "ab" },
  { "<span><a href=\"javascript:alert(1)\">js</a> <a href=\" JAVASCRIPT:x\">js2</a> <a>none</a></span>", "js js2 none", "js js2 none" },
  { "<div><style>p{}</style><iframe src=\"x\">f</iframe><form><input value=\"v\"/>t</form>ok</div>", "ok", "ok" },
  { "<span><![CDATA[hidden]]>shown</span>", "shown", "shown" },
  { "<span><?php echo 1 ?>x</span>", "x", "x" },
  { "<span style=\"color:red\" class=\"c\"><b onclick=\"x()\">b</b></span>", "<b>b</b>", "b" },
  /* unknown tags lose their tags, keep their text */
  { "<span><u>under</u> <font>f</font></span>", "under f", "under f" },
  /* error fixture 45: starts with < and ends with >, but is not HTML */
  { "<x> <y> <plain text>", "&lt;x&gt; &lt;y&gt; &lt;plain text&gt;", "<x> <y> <plain text>" },
  /* unbalanced tags still give balanced markup */
  { "<p><b>open <i>both</p>", "<b>open <i>both</i></b>", "open both" },
  { "<b></i></b>", "<b></b>", "" },
  { "", "", "" },
  /* siblings at the top keep their order, the spaces between them and
   * every link (libxml2 used to nest each in the one before) */
  { "<b>Jan</b> <i>Smith</i>", "<b>Jan</b> <i>Smith</i>", "Jan Smith" },
  { "<a href=\"https://example.org/a\">A</a> <a href=\"https://example.org/b\">B</a>",
    "<a href=\"https://example.org/a\">A</a> <a href=\"https://example.org/b\">B</a>", "A B" },
  { "<span>x</span> <span>y</span>", "x y", "x y" },
  { "<img alt=\"CC\"/> <b>BY</b>", "CC <b>BY</b>", "CC BY" },
  { "<p>a</p> <p>b</p>", "a\n\nb", "a\n\nb" },
  { "<p>a</p>\n  b", "a\n\nb", "a\n\nb" },
  /* a link in a link is no link */
  { "<a href=\"http://x.org/\"><a href=\"http://y.org/\">n</a></a>", "<a href=\"http://x.org/\">n</a>", "n" },
  /* not HTML by the IIIF rule, but well-formed in the subset: rendered */
  { "Letter to <i>Jan</i> &amp; <a href=\"https://example.org/?a=1&amp;b=2\">more</a>",
    "Letter to <i>Jan</i> &amp; <a href=\"https://example.org/?a=1&amp;b=2\">more</a>", "Letter to Jan & more" },
  { "Jan & <b>Smith</b>", "Jan &amp; <b>Smith</b>", "Jan & Smith" },
  { "<b>Title</b> (1920)", "<b>Title</b> (1920)", "Title (1920)" },
  { "a < b, <b>c</b>", "a &lt; b, <b>c</b>", "a < b, c" },
  { "line<br>break <br/>twice", "line\nbreak \ntwice", "line\nbreak \ntwice" },
  { "p. 1 <b title=\"a>b\">x</b><!-- c -->", "p. 1 <b>x</b>", "p. 1 x" },
  /* … and otherwise plain text */
  { "x <script>alert(1)</script>", "x &lt;script&gt;alert(1)&lt;/script&gt;", "x <script>alert(1)</script>" },
  { "x <b>unclosed", "x &lt;b&gt;unclosed", "x <b>unclosed" },
  /* Starting with a tag of the subset, its last tags may stay open
   * (cookbook 0464); a tag outside the subset still makes it text. */
  { "<span>Reuse of <a href=\"https://example.org/m.json\">Source</a> with more",
    "Reuse of <a href=\"https://example.org/m.json\">Source</a> with more",
    "Reuse of Source with more" },
  { "<b>bold <i>both", "<b>bold <i>both</i></b>", "bold both" },
  { "<b>bold <script>x", "&lt;b&gt;bold &lt;script&gt;x", "<b>bold <script>x" },
  { "x <b><i>crossed</b></i>", "x &lt;b&gt;&lt;i&gt;crossed&lt;/b&gt;&lt;/i&gt;", "x <b><i>crossed</b></i>" },
  { "x <u>not in the subset</u>", "x &lt;u&gt;not in the subset&lt;/u&gt;", "x <u>not in the subset</u>" },
  { "x <b title=\"open>y", "x &lt;b title=&quot;open&gt;y", "x <b title=\"open>y" },
  { "x <!-- open", "x &lt;!-- open", "x <!-- open" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = vt_html_to_markup (cases[i].input);
      g_autofree char *text = vt_html_to_text (cases[i].input);
      g_autofree char *checked = NULL;

      g_test_message ("case %u: %s", i, cases[i].input);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_cmpstr (text, ==, cases[i].text);
      checked = vt_test_check_markup (markup);
    }

  {
    g_autofree char *null_markup = vt_html_to_markup (NULL);
    g_assert_cmpstr (null_markup, ==, "");
  }
}

/* Nonsense and deep nesting always come out as valid markup. */
static void
test_robust (void)
{
  static const char * const inputs[] = {
    "<>", "<<>>", "<a href=\"http://x\"><a href=\"http://y\">n</a></a>", "<p>\x01\x02\x1f</p>",
    "<b><b><b><b>x", "<table><tr><td>cell</td></tr></table>", "<svg><script>x</script></svg>",
    "<span>&unknown; &#0; &#xFFFFFF; &#55296;</span>", "<a href=\"http://x\">\"quoted\" 'x'</a>",
  };
  GString *deep = g_string_new (NULL);
  g_autofree char *deep_markup = NULL;
  g_autofree char *deep_checked = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *markup = vt_html_to_markup (inputs[i]);
      g_autofree char *checked = NULL;

      g_test_message ("input %u: %s -> %s", i, inputs[i], markup);
      checked = vt_test_check_markup (markup);
    }

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<b><i>");
  g_string_append (deep, "deep");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "</i></b>");
  deep_markup = vt_html_to_markup (deep->str);
  deep_checked = vt_test_check_markup (deep_markup);
  g_string_free (deep, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/html/cases", test_cases);
  g_test_add_func ("/vitrine/iiif/html/robust", test_robust);

  return g_test_run ();
}
