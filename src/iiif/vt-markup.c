/* vt-markup.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-markup"

#include "config.h"

#include <string.h>

#include "vt-html.h"
#include "vt-markup.h"

/* Label markup for the values of a manifest: what a GtkLabel is given to
 * show a metadata value, a link or a rights statement. vt-html.c turns a
 * value's HTML into markup; this adds the rules on top that say which links
 * may be followed and what a bare web address becomes. GLib only, so that
 * it is tested under valgrind with the rest of the core. */

/**
 * vt_markup_is_openable_uri:
 * @uri: (nullable): a link target
 *
 * Only http and https links from a manifest are opened: anything else
 * (javascript:, file:, data:, custom schemes) could run or reveal
 * something on the user's machine. An address without a host is no
 * address to open either.
 *
 * Returns: whether @uri may be handed to a browser
 */
gboolean
vt_markup_is_openable_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (parsed);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

/**
 * vt_markup_is_web_address:
 * @text: (nullable): a value as text
 *
 * Returns: whether @text is one openable address and nothing else, as
 *   such values are in manifests ("https://example.org/record/17")
 */
gboolean
vt_markup_is_web_address (const char *text)
{
  return text != NULL && strpbrk (text, " \t\n") == NULL && vt_markup_is_openable_uri (text);
}

/**
 * vt_markup_link:
 * @uri: (nullable): where the link goes
 * @text: (nullable): what it says; %NULL for @uri itself
 *
 * A link to @uri, or only its text when @uri may not be opened (see
 * vt_markup_is_openable_uri()).
 *
 * Returns: (transfer full): label markup, never %NULL
 */
char *
vt_markup_link (const char *uri,
                const char *text)
{
  g_autofree char *href = NULL;

  if (!vt_markup_is_openable_uri (uri))
    return g_markup_escape_text (text != NULL ? text : (uri != NULL ? uri : ""), -1);

  /* Schemes are case-insensitive; write them in lower case, as
   * vt_html_to_markup() does, so that whoever checks the link later sees
   * "https:", not "HTTPS:". */
  href = g_strdup (uri);
  for (char *p = href; *p != ':' && *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", href, text != NULL ? text : uri);
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 text_len,
              gpointer              user_data,
              GError              **error)
{
  g_string_append_len (user_data, text, text_len);
}

/**
 * vt_markup_to_text:
 * @markup: label markup
 *
 * The plain text of @markup, as a screen reader or a search reads it.
 * pango_parse_markup() cannot do this for label markup: `<a href>` is
 * understood only by GtkLabel.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @markup is
 *   not well formed
 */
char *
vt_markup_to_text (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, collect_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (markup != NULL, NULL);

  context = g_markup_parse_context_new (&parser, 0, text, NULL);
  if (!g_markup_parse_context_parse (context, "<markup>", -1, NULL)
      || !g_markup_parse_context_parse (context, markup, -1, NULL)
      || !g_markup_parse_context_parse (context, "</markup>", -1, NULL)
      || !g_markup_parse_context_end_parse (context, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @value, cut at VT_MARKUP_MAX_VALUE_CHARS and with a zero-width space
 * every VT_MARKUP_MAX_WORD_CHARS characters of a run without white space
 * or tags; %NULL when there is nothing to change. */
static char *
dup_bounded (const char *value)
{
  g_autoptr(GString) out = NULL;
  guint chars = 0;
  guint run = 0;
  gboolean changed = FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars == VT_MARKUP_MAX_VALUE_CHARS)
        {
          if (out == NULL)
            out = g_string_new_len (value, p - value);
          g_string_append (out, "…");
          changed = TRUE;
          break;
        }

      run = (g_unichar_isspace (c) || c == '<' || c == '>') ? 0 : run + 1;
      if (run > VT_MARKUP_MAX_WORD_CHARS)
        {
          if (out == NULL)
            out = g_string_new_len (value, p - value);
          g_string_append_unichar (out, 0x200B);
          changed = TRUE;
          run = 1;
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
      chars++;
    }

  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * vt_markup_from_value:
 * @value: one value of a label or metadata value
 *
 * A value as label markup: HTML goes through vt_html_to_markup(), and a
 * value that is nothing but a web address becomes a link to it. Should the
 * sanitiser ever give markup that is not well formed, the value is shown
 * as plain text instead.
 *
 * Returns: (transfer full): label markup, never %NULL
 */
char *
vt_markup_from_value (const char *value)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  g_autofree char *cut = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  /* Bounded before anything parses it: the HTML parser repairs a tag cut
   * in two, and nothing downstream sees more than a bounded text. */
  cut = dup_bounded (value);
  if (cut != NULL)
    value = cut;

  trimmed = g_strstrip (g_strdup (value));
  if (vt_markup_is_web_address (trimmed))
    return vt_markup_link (trimmed, trimmed);

  markup = vt_html_to_markup (value);
  if (markup == NULL || (text = vt_markup_to_text (markup)) == NULL)
    return g_markup_escape_text (value, -1);
  return g_steal_pointer (&markup);
}

/**
 * vt_markup_from_values:
 * @values: (array zero-terminated=1) (nullable): the values of one
 *   language, as vt_language_map_lookup() gives them
 *
 * All @values as label markup (see vt_markup_from_value()), one a line;
 * blank values are left out.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL when there is
 *   nothing to show
 */
char *
vt_markup_from_values (const char * const *values)
{
  g_autoptr(GString) out = NULL;

  if (values == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *markup = vt_markup_from_value (values[i]);

      g_strstrip (markup);
      if (markup[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, markup);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
