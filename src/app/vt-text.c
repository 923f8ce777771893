/* vt-text.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-text"

#include "config.h"

#include "vt-text.h"

/**
 * vt_text_ellipsize:
 * @text: (nullable): valid UTF-8, as every string of a document is
 * @max_chars: how many characters to keep
 *
 * Cuts @text after @max_chars characters and ends it with "…". A document
 * may give a title of a megabyte with nowhere to break it: a window title,
 * a menu item or a tooltip would lay it all out on one line, too wide to
 * draw (GTK ends up allocating widths that overflow). Only the first
 * @max_chars characters are read.
 *
 * Returns: (transfer full) (nullable): @text, or its start and "…"
 */
char *
vt_text_ellipsize (const char *text,
                   guint       max_chars)
{
  const char *end = text;

  if (text == NULL)
    return NULL;

  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}
