/* fuzz-html.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "iiif/vt-iiif.h"

/* libFuzzer target: any UTF-8 text through the HTML sanitiser and through
 * vt_markup_from_value(), which the sidebar uses; the result must be valid
 * markup for a GtkLabel (Pango plus safe <a href> links) with nothing
 * executable left, and its text must read back. */

static void
check_markup (const char *markup)
{
  g_autoptr(GString) pango = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *p = markup;

  while (*p != '\0')
    {
      if (strncmp (p, "<a href=\"", 9) == 0)
        {
          const char *href = p + 9;
          const char *end = strchr (href, '"');

          g_assert (end != NULL && end[1] == '>');
          g_assert (strncmp (href, "http://", 7) == 0 || strncmp (href, "https://", 8) == 0 ||
                    strncmp (href, "mailto:", 7) == 0);
          g_string_append (pango, "<span underline=\"single\">");
          p = end + 2;
        }
      else if (strncmp (p, "</a>", 4) == 0)
        {
          g_string_append (pango, "</span>");
          p += 4;
        }
      else
        g_string_append_c (pango, *p++);
    }

  if (!pango_parse_markup (pango->str, -1, 0, NULL, NULL, NULL, &error))
    {
      g_printerr ("invalid markup: %s\n%s\n", error->message, markup);
      g_assert_not_reached ();
    }
}

/* What the sidebar makes of a value must be as safe, and its text must
 * read back. */
static void
check_value (const char *value)
{
  g_autofree char *markup = vt_markup_from_value (value);
  g_autofree char *text = NULL;

  check_markup (markup);
  text = vt_markup_to_text (markup);
  g_assert (text != NULL);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  /* Values reach the sanitiser as UTF-8 strings from json-glib. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return 0;

  text = g_strndup ((const char *) data, size);
  markup = vt_html_to_markup (text);
  plain = vt_html_to_text (text);
  g_assert (g_utf8_validate (markup, -1, NULL));
  g_assert (g_utf8_validate (plain, -1, NULL));
  check_markup (markup);
  check_value (text);
  return 0;
}
