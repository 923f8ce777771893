/* vt-catalogue-query.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-catalogue-private.h"

/* What a person types, made into a safe FTS5 query. Every word becomes a
 * quoted string (so `"`, `*`, `NEAR(`, `OR`, `-` and `:` are text, never
 * syntax) with a prefix star, and the words are ANDed explicitly: results appear as
 * you type. The tokenizer folds case and diacritics on both sides
 * ("é" finds "e"); the city's names in other languages are expanded
 * here, because no tokenizer folds "Ghent" to "Gent". */

static const char * const ghent_names[] = { "gent", "ghent", "gand", NULL };

/* Lower case without diacritics, for comparing with the aliases. */
static char *
fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  lower = g_utf8_strdown (decomposed, -1);
  /* Marks and punctuation go: "Gent," and "«Gand»" are the city too. */
  for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || !g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_ghent (const char *folded)
{
  guint i;

  for (i = 0; ghent_names[i] != NULL; i++)
    if (strcmp (folded, ghent_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_word_character (const char *word)
{
  const char *p;

  for (p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_string (GString    *out,
               const char *word)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
_vt_catalogue_build_match (const char *query)
{
  g_auto(GStrv) words = NULL;
  GString *out;
  guint i;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;

  words = g_strsplit_set (query, " \t\n\r\f\v", -1);
  out = g_string_new (NULL);

  for (i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;

      /* A word of only punctuation is no word: an empty FTS5 string
       * would be a syntax error or match nothing. */
      if (!has_word_character (words[i]))
        continue;

      /* An explicit AND: FTS5 has no implicit one after a parenthesis. */
      if (out->len > 0)
        g_string_append (out, " AND ");

      folded = fold (words[i]);
      if (is_ghent (folded))
        {
          guint j;

          g_string_append_c (out, '(');
          for (j = 0; ghent_names[j] != NULL; j++)
            {
              if (j > 0)
                g_string_append (out, " OR ");
              append_string (out, ghent_names[j]);
            }
          g_string_append_c (out, ')');
          continue;
        }

      append_string (out, words[i]);
      g_string_append_c (out, '*');
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}
