/* vt-json-scan.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

/* One pass over the JSON text before json-glib sees it. It checks what
 * json-glib cannot survive and repairs what json-glib would get wrong:
 *
 * - nesting: json-glib parses recursively, so a document of a million '['
 *   would exhaust the stack;
 * - repeated keys: json-glib looks each repeated key up in a linked list,
 *   so an object with many members and many repeats of the last one makes
 *   parsing quadratic (minutes for a few MiB). A few repeats are harmless
 *   and do occur; many are refused;
 * - escapes: json-glib turns an escaped lone surrogate ("\udc00") into
 *   invalid UTF-8 and swallows the character after it, refuses a document
 *   with a high surrogate followed by another escape, and ends a string at
 *   "\u0000" without a word. Every such escape is rewritten as "\ufffd"
 *   (U+FFFD REPLACEMENT CHARACTER) in a copy of the text, so every string
 *   json-glib gives out is valid UTF-8 and keeps all of its text. An escape
 *   and its replacement have the same length: offsets do not move.
 *
 * The text has been checked for UTF-8 already. */

#define REPLACEMENT_ESCAPE "\\ufffd"

typedef struct
{
  gboolean    is_object;
  gboolean    expect_key;
  GHashTable *keys;
} ScanLevel;

typedef struct
{
  VtJsonScan *scan;
  const char *data;
  gsize       length;
} Scanner;

static void
scan_level_clear (ScanLevel *level)
{
  g_clear_pointer (&level->keys, g_hash_table_unref);
}

void
vt_json_scan_clear (VtJsonScan *scan)
{
  g_clear_pointer (&scan->repaired, g_free);
  scan->data = NULL;
  scan->length = 0;
}

static guint
hex_value (const char *p)
{
  guint v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return G_MAXUINT;
      v = v * 16 + (guint) d;
    }
  return v;
}

/* The escape "\uXXXX" at @offset becomes "\ufffd" in the text json-glib
 * reads; the text is copied on the first repair. */
static void
repair_escape (Scanner *s,
               gsize    offset)
{
  VtJsonScan *scan = s->scan;

  if (scan->repaired == NULL)
    {
      scan->repaired = g_malloc (s->length + 1);
      memcpy (scan->repaired, s->data, s->length);
      scan->repaired[s->length] = '\0';
      scan->data = scan->repaired;
    }
  memcpy (scan->repaired + offset, REPLACEMENT_ESCAPE, strlen (REPLACEMENT_ESCAPE));
  scan->n_repairs++;
}

/* Reads the \u escape whose 'u' is at data[*i] and moves *i to its last
 * hex digit (or past a low surrogate that completes a pair). Returns the
 * character json-glib will see after repair_escape(), or G_MAXUINT for
 * an escape json-glib refuses anyway. */
static gunichar
scan_unicode_escape (Scanner *s,
                     gsize   *i)
{
  const char *data = s->data;
  gsize escape = *i - 1;  /* the backslash */
  guint u;

  if (*i + 4 >= s->length)
    return G_MAXUINT;
  u = hex_value (data + *i + 1);
  *i += 4;
  if (u == G_MAXUINT)
    return G_MAXUINT;

  if (u >= 0xD800 && u < 0xDC00 && *i + 6 < s->length && data[*i + 1] == '\\' && data[*i + 2] == 'u')
    {
      guint low = hex_value (data + *i + 3);

      if (low >= 0xDC00 && low < 0xE000)
        {
          *i += 6;
          return 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
    }

  if (u == 0 || (u >= 0xD800 && u < 0xE000))
    {
      repair_escape (s, escape);
      return 0xFFFD;
    }
  return u;
}

/* Decodes the JSON string starting after the opening quote at data[*i]
 * into @out (when not NULL), the way json-glib will after the repairs, and
 * moves *i to the closing quote. */
static void
scan_string (Scanner *s,
             gsize   *i,
             GString *out)
{
  const char *data = s->data;
  gsize length = s->length;

  for ((*i)++; *i < length; (*i)++)
    {
      char c = data[*i];

      if (c == '"')
        return;
      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, c);
          continue;
        }

      if (*i + 1 >= length)
        break;
      (*i)++;
      c = data[*i];
      if (c == 'u')
        {
          gunichar u = scan_unicode_escape (s, i);

          if (out != NULL && u != G_MAXUINT)
            g_string_append_unichar (out, u);
          continue;
        }
      if (out != NULL)
        {
          switch (c)
            {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: break;
            }
          g_string_append_c (out, c);
        }
    }
}

/**
 * vt_json_scan:
 * @scan: (out caller-allocates): where the text to parse goes; clear it
 *   with vt_json_scan_clear()
 * @data: JSON text, valid UTF-8
 * @length: its length
 * @max_depth: the deepest nesting allowed
 *
 * Checks nesting and repeated keys and repairs escapes (see above). On
 * success, @scan->data and @scan->length are the text to give json-glib:
 * @data itself, or a repaired copy.
 *
 * Returns: %FALSE with @error set when the document is refused
 */
gboolean
vt_json_scan (VtJsonScan  *scan,
              const char  *data,
              gsize        length,
              guint        max_depth,
              GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (ScanLevel));
  g_autoptr(GString) key = g_string_new (NULL);
  Scanner s = { scan, data, length };
  guint repeats = 0;
  gboolean ok = TRUE;

  memset (scan, 0, sizeof *scan);
  scan->data = data;
  scan->length = length;
  g_array_set_clear_func (stack, (GDestroyNotify) scan_level_clear);

  for (gsize i = 0; i < length && ok; i++)
    {
      char c = data[i];
      ScanLevel *top = stack->len > 0 ? &g_array_index (stack, ScanLevel, stack->len - 1) : NULL;

      switch (c)
        {
        case '"':
          if (top != NULL && top->is_object && top->expect_key)
            {
              g_string_truncate (key, 0);
              scan_string (&s, &i, key);
              if (top->keys == NULL)
                top->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              if (g_hash_table_contains (top->keys, key->str))
                {
                  if (++repeats > VT_IIIF_MAX_REPEATED_KEYS)
                    {
                      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                                   _("The document repeats the same keys too often"));
                      ok = FALSE;
                    }
                }
              else
                g_hash_table_add (top->keys, g_strdup (key->str));
              top->expect_key = FALSE;
            }
          else
            scan_string (&s, &i, NULL);
          break;

        case '{':
        case '[':
          {
            ScanLevel level = { c == '{', c == '{', NULL };

            if (stack->len >= max_depth)
              {
                g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_DEEP,
                             _("The document is nested more than %u levels deep"),
                             max_depth);
                ok = FALSE;
                break;
              }
            g_array_append_val (stack, level);
          }
          break;

        case '}':
        case ']':
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          break;

        case ',':
          if (top != NULL && top->is_object)
            top->expect_key = TRUE;
          break;

        default:
          break;
        }
    }

  if (!ok)
    vt_json_scan_clear (scan);
  return ok;
}
