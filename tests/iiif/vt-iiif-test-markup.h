/* vt-iiif-test-markup.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#undef G_DISABLE_ASSERT

#include <pango/pango.h>
#include <string.h>

/* Checks that @markup is what a GtkLabel accepts: Pango markup plus
 * <a href="…"> links. GtkLabel replaces links by spans before handing the
 * text to Pango; do the same, checking every href on the way, then let
 * pango_parse_markup() judge. Returns the plain text (free it). */
static inline char *
vt_test_check_markup (const char *markup)
{
  g_autoptr(GString) pango = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *p = markup;
  char *text = NULL;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<a href=\""))
        {
          const char *href = p + 9;
          const char *end = strchr (href, '"');

          g_assert_nonnull (end);
          g_assert_true (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://") ||
                         g_str_has_prefix (href, "mailto:"));
          g_assert_true (end[1] == '>');
          g_string_append (pango, "<span underline=\"single\">");
          p = end + 2;
        }
      else if (g_str_has_prefix (p, "</a>"))
        {
          g_string_append (pango, "</span>");
          p += 4;
        }
      else
        g_string_append_c (pango, *p++);
    }

  if (!pango_parse_markup (pango->str, -1, 0, NULL, &text, NULL, &error))
    g_error ("invalid markup %s: %s", markup, error->message);
  g_assert_no_error (error);
  return text;
}
