/* test-webvtt.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include "iiif/vt-iiif-error.h"
#include "iiif/vt-webvtt.h"

static const VtWebVttCue *
cue_at (VtWebVtt *vtt,
        guint     index)
{
  g_assert_cmpuint (index, <, vtt->cues->len);
  return g_ptr_array_index (vtt->cues, index);
}

static void
test_timestamps (void)
{
  const struct { const char *text; gboolean ok; double seconds; } cases[] = {
    { "00:01.000", TRUE, 1.0 },
    { "01:02.500", TRUE, 62.5 },
    { "01:00:00.001", TRUE, 3600.001 },
    { "123:00:00.000", TRUE, 123 * 3600.0 },
    { "1:02.500", FALSE, 0 },
    { "00:60.000", FALSE, 0 },
    { "60:00.000", FALSE, 0 },
    { "00:00:60.000", FALSE, 0 },
    { "00:01.00", FALSE, 0 },
    { "00:01.0000", FALSE, 0 },
    { "00:01,000", FALSE, 0 },
    { "00:01", FALSE, 0 },
    { "", FALSE, 0 },
    { "aa:bb.ccc", FALSE, 0 },
    { "9999999999:00:00.000", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double seconds = -1;
      gboolean ok = vt_webvtt_parse_timestamp (cases[i].text, NULL, &seconds);

      g_assert_true (ok == cases[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (seconds, cases[i].seconds, 1e-6);
    }
}

static void
test_parse (void)
{
  const char *text =
    "\xef\xbb\xbfWEBVTT - captions of the test clip\r\n"
    "Kind: captions\r\n"
    "\r\n"
    "NOTE a comment\r\n"
    "that runs --> over two lines\r\n"
    "\r\n"
    "STYLE\r\n"
    "::cue { color: yellow }\r\n"
    "\r\n"
    "first\r\n"
    "00:00.000 --> 00:02.000 align:start position:10%\r\n"
    "<v Narrator>Colour <i>bars</i></v> &amp; tone\r\n"
    "second line &lt;3 &#x263A; &unknown; & alone\r\n"
    "\r\n"
    "00:02.000 --> 00:04.000\r\n"
    "Two <00:03.000>seconds\r\n"
    "\r\n"
    "00:04.000-->00:06.000\r\n"
    "Four seconds\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(VtWebVtt) vtt = vt_webvtt_parse (text, -1, &error);
  g_autofree char *at_1 = NULL;
  g_autofree char *at_2 = NULL;
  g_autofree char *at_7 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (vtt);
  g_assert_cmpuint (vtt->cues->len, ==, 3);
  g_assert_cmpuint (vtt->n_skipped, ==, 0);

  g_assert_cmpstr (cue_at (vtt, 0)->id, ==, "first");
  g_assert_cmpfloat (cue_at (vtt, 0)->start, ==, 0.0);
  g_assert_cmpfloat (cue_at (vtt, 0)->end, ==, 2.0);
  g_assert_cmpstr (cue_at (vtt, 0)->text, ==,
                   "Colour bars & tone\nsecond line <3 \xe2\x98\xba &unknown; & alone");
  g_assert_null (cue_at (vtt, 1)->id);
  g_assert_cmpstr (cue_at (vtt, 1)->text, ==, "Two seconds");
  g_assert_cmpstr (cue_at (vtt, 2)->text, ==, "Four seconds");

  /* The cue shown at a time: the end is exclusive, the start inclusive. */
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 0.0), ==, 0);
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 1.999), ==, 0);
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 2.0), ==, 1);
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 6.0), ==, -1);
  g_assert_cmpint (vt_webvtt_find_cue (vtt, -1.0), ==, -1);
  at_1 = vt_webvtt_dup_text_at (vtt, 1.0);
  g_assert_true (g_str_has_prefix (at_1, "Colour bars"));
  at_2 = vt_webvtt_dup_text_at (vtt, 2.5);
  g_assert_cmpstr (at_2, ==, "Two seconds");
  at_7 = vt_webvtt_dup_text_at (vtt, 7.0);
  g_assert_null (at_7);
}

static void
test_overlap_and_order (void)
{
  const char *text =
    "WEBVTT\n\n"
    "00:05.000 --> 00:06.000\nlate\n\n"
    "00:01.000 --> 00:10.000\nlong\n\n"
    "00:03.000 --> 00:04.000\nshort\n";
  g_autoptr(VtWebVtt) vtt = vt_webvtt_parse (text, -1, NULL);
  g_autofree char *both = NULL;

  g_assert_nonnull (vtt);
  g_assert_cmpuint (vtt->cues->len, ==, 3);
  /* Sorted by start. */
  g_assert_cmpstr (cue_at (vtt, 0)->text, ==, "long");
  g_assert_cmpstr (cue_at (vtt, 1)->text, ==, "short");
  g_assert_cmpstr (cue_at (vtt, 2)->text, ==, "late");
  /* The cue that started last wins; the text holds both. */
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 3.5), ==, 1);
  g_assert_cmpint (vt_webvtt_find_cue (vtt, 4.5), ==, 0);
  both = vt_webvtt_dup_text_at (vtt, 3.5);
  g_assert_cmpstr (both, ==, "long\nshort");
}

/* Malformed input: refused or skipped, never a crash, never bad UTF-8. */
static void
test_malformed (void)
{
  const char *not_vtt[] = {
    "", "WEBVT", "WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n", "\n\nWEBVTT\n",
    "1\n00:00:01,000 --> 00:00:02,000\nan SRT file\n", "{\"json\": true}",
  };
  const char *skipped =
    "WEBVTT\n\n"
    "00:02.000 --> 00:01.000\nbackwards\n\n"
    "00:01.000 --> 00:01.000\nempty\n\n"
    "00:01.000 --> \nno end\n\n"
    "00:01.000 -> 00:02.000\nnot an arrow\n\n"
    "00:01.000 --> 00:02.000x\ntrailing junk\n\n"
    "00:01.000 --> 00:02.000\n\n"
    "00:02.000 --> 00:03.000\n<unclosed tag\n\n"
    "00:03.000 --> 00:04.000\nbad \xff\xfe bytes\n";
  g_autoptr(VtWebVtt) vtt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_vtt); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtWebVtt) none = vt_webvtt_parse (not_vtt[i], -1, &error);

      g_assert_null (none);
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF);
    }

  vtt = vt_webvtt_parse (skipped, -1, NULL);
  g_assert_nonnull (vtt);
  g_assert_cmpuint (vtt->n_skipped, ==, 4);
  g_assert_cmpuint (vtt->cues->len, ==, 3);
  g_assert_cmpstr (cue_at (vtt, 0)->text, ==, "");
  g_assert_cmpstr (cue_at (vtt, 1)->text, ==, "");
  g_assert_true (g_utf8_validate (cue_at (vtt, 2)->text, -1, NULL));
  g_assert_true (g_str_has_prefix (cue_at (vtt, 2)->text, "bad "));

  /* A NUL in the middle does not end the file. */
  {
    const char with_nul[] = "WEBVTT\n\n00:00.000 --> 00:01.000\na\0b\n\n00:01.000 --> 00:02.000\nc\n";
    g_autoptr(VtWebVtt) nul = vt_webvtt_parse (with_nul, sizeof with_nul - 1, NULL);

    g_assert_nonnull (nul);
    g_assert_cmpuint (nul->cues->len, ==, 2);
    g_assert_cmpstr (cue_at (nul, 0)->text, ==, "a\xef\xbf\xbd" "b");
  }

  /* Character references that are not characters stay as written. */
  {
    g_autoptr(VtWebVtt) refs = vt_webvtt_parse ("WEBVTT\n\n00:00.000 --> 00:01.000\n"
                                                "&#0; &#xD800; &#x110000; &#; &#x;\n", -1, NULL);

    g_assert_cmpstr (cue_at (refs, 0)->text, ==, "&#0; &#xD800; &#x110000; &#; &#x;");
  }
}

static void
test_limits (void)
{
  g_autoptr(GString) many = g_string_new ("WEBVTT\n\n");
  g_autoptr(GString) long_cue = g_string_new ("WEBVTT\n\n00:00.000 --> 00:01.000\n");
  g_autoptr(VtWebVtt) vtt = NULL;
  g_autoptr(VtWebVtt) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;

  for (guint i = 0; i < VT_WEBVTT_MAX_CUES + 10; i++)
    g_string_append (many, "00:00.000 --> 00:01.000\nx\n\n");
  vtt = vt_webvtt_parse (many->str, (gssize) many->len, NULL);
  g_assert_cmpuint (vtt->cues->len, ==, VT_WEBVTT_MAX_CUES);
  g_assert_cmpuint (vtt->n_skipped, ==, 10);

  /* A cue's text is cut at the limit, on a character boundary. */
  for (guint i = 0; i < VT_WEBVTT_MAX_CUE_TEXT; i++)
    g_string_append (long_cue, "\xc3\xa9");
  one = vt_webvtt_parse (long_cue->str, (gssize) long_cue->len, NULL);
  g_assert_cmpuint (strlen (cue_at (one, 0)->text), <=, VT_WEBVTT_MAX_CUE_TEXT);
  g_assert_true (g_utf8_validate (cue_at (one, 0)->text, -1, NULL));

  huge = g_malloc0 (VT_WEBVTT_MAX_SIZE + 1);
  memcpy (huge, "WEBVTT\n", 7);
  g_assert_null (vt_webvtt_parse (huge, VT_WEBVTT_MAX_SIZE + 1, &error));
  g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iiif/webvtt/timestamps", test_timestamps);
  g_test_add_func ("/iiif/webvtt/parse", test_parse);
  g_test_add_func ("/iiif/webvtt/overlap-and-order", test_overlap_and_order);
  g_test_add_func ("/iiif/webvtt/malformed", test_malformed);
  g_test_add_func ("/iiif/webvtt/limits", test_limits);

  return g_test_run ();
}
