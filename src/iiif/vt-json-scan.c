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
 * json-glib cannot survive, repairs what json-glib would get wrong, and
 * finds the lists of canvases, so that a huge manifest is never one huge
 * tree:
 *
 * - nesting: json-glib parses recursively, so a document of a million '['
 *   would exhaust the stack. The scan reads what json-glib reads: strings
 *   in double and single quotes and comments, so that no bracket can hide
 *   from it;
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
 *   and its replacement have the same length: offsets do not move;
 * - lists: the elements of $.items, $.canvases and $.sequences[0].canvases
 *   are noted and left out of a "skeleton" of the document. The skeleton
 *   is parsed into a tree; the elements of a list of canvases are counted
 *   before any is parsed (too many are refused at once) and then parsed
 *   one at a time, each tree freed before the next. A json-glib tree takes
 *   about ten times the size of its text; a 60 MB manifest took 900 MiB.
 *
 * The text has been checked for UTF-8 already. */

#define REPLACEMENT_ESCAPE "\\ufffd"
#define UNSET              G_MAXSIZE
#define SMALL_OBJECT       8

typedef enum
{
  PLACE_OTHER,
  PLACE_ROOT,           /* the top-level object */
  PLACE_SEQUENCES,      /* $.sequences, a list */
  PLACE_SEQUENCE,       /* $.sequences[0], or $.sequences as an object */
  PLACE_LIST,           /* one of the lists (Level.list) */
} Place;

typedef struct
{
  gboolean    is_object;
  gboolean    expect_key;
  Place       place;
  Place       pending;      /* where a container value of the last key goes */
  VtJsonList  pending_list;
  VtJsonList  list;         /* PLACE_LIST: which */
  guint       index;        /* lists: the element being read */
  /* The keys so far: the first few without escapes as offsets into the
   * text, compared as they are; past that, or once a key has an escape,
   * all of them decoded in @keys. Most objects have a few plain keys, and
   * a hash table for each was a tenth of the time of opening. */
  guint       n_plain;
  gsize       plain_start[SMALL_OBJECT];
  gsize       plain_length[SMALL_OBJECT];
  GHashTable *keys;
} Level;

typedef struct
{
  VtJsonScan *scan;
  const char *data;
  gsize       length;
  gboolean    defer;
  gboolean    anomaly;      /* the structure is not what json-glib will see */
  gboolean    no_repair;    /* reading a key a second time */
  /* The list being read, directly inside it at depth @list_depth. */
  VtJsonDeferred *list;
  guint       list_depth;
  gsize       element_start;
  gsize       element_end;
} Scanner;

const char * const vt_json_list_members[VT_JSON_N_LISTS] = {
  [VT_JSON_LIST_ITEMS] = "items",
  [VT_JSON_LIST_CANVASES] = "canvases",
  [VT_JSON_LIST_SEQUENCE_CANVASES] = "canvases",
};

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->keys, g_hash_table_unref);
}

void
vt_json_deferred_clear (VtJsonDeferred *list)
{
  g_clear_pointer (&list->elements, g_array_unref);
  memset (list, 0, sizeof *list);
}

void
vt_json_scan_clear (VtJsonScan *scan)
{
  g_clear_pointer (&scan->repaired, g_free);
  g_clear_pointer (&scan->skeleton, g_free);
  g_clear_object (&scan->element_parser);
  for (guint i = 0; i < VT_JSON_N_LISTS; i++)
    vt_json_deferred_clear (&scan->lists[i]);
  memset (scan, 0, sizeof *scan);
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
      if (!s->no_repair)
        repair_escape (s, escape);
      return 0xFFFD;
    }
  return u;
}

/* Decodes the JSON string starting after the opening quote at data[*i]
 * into @out (when not NULL), the way json-glib will after the repairs, and
 * moves *i to the closing quote. json-glib also reads strings in single
 * quotes, without escapes. */
static void
scan_string (Scanner *s,
             gsize   *i,
             GString *out)
{
  const char *data = s->data;
  gsize length = s->length;
  char quote = data[*i];

  for ((*i)++; *i < length; (*i)++)
    {
      char c = data[*i];

      if (c == quote)
        return;
      if (c != '\\' || quote == '\'')
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

  s->anomaly = TRUE;  /* unterminated */
}

/* Where a container opened as the value of the last key, or as an element
 * of @parent, is. */
static Place
place_of (Level      *parent,
          gboolean    is_object,
          VtJsonList *out_list)
{
  if (parent == NULL)
    return is_object ? PLACE_ROOT : PLACE_OTHER;

  if (parent->is_object)
    {
      switch (parent->pending)
        {
        case PLACE_LIST:
          *out_list = parent->pending_list;
          return is_object ? PLACE_OTHER : PLACE_LIST;
        case PLACE_SEQUENCES:
          return is_object ? PLACE_SEQUENCE : PLACE_SEQUENCES;
        case PLACE_OTHER:
        case PLACE_ROOT:
        case PLACE_SEQUENCE:
        default:
          return PLACE_OTHER;
        }
    }

  if (parent->place == PLACE_SEQUENCES && parent->index == 0 && is_object)
    return PLACE_SEQUENCE;
  return PLACE_OTHER;
}

static gboolean
key_is (const char *key,
        gsize       length,
        const char *name)
{
  return length == strlen (name) && memcmp (key, name, length) == 0;
}

/* After the key @key of an object at @level: where its value would go. */
static void
note_key (Level      *level,
          const char *key,
          gsize       length)
{
  level->pending = PLACE_OTHER;
  if (level->place == PLACE_ROOT)
    {
      if (key_is (key, length, "items"))
        {
          level->pending = PLACE_LIST;
          level->pending_list = VT_JSON_LIST_ITEMS;
        }
      else if (key_is (key, length, "canvases"))
        {
          level->pending = PLACE_LIST;
          level->pending_list = VT_JSON_LIST_CANVASES;
        }
      else if (key_is (key, length, "sequences"))
        level->pending = PLACE_SEQUENCES;
    }
  else if (level->place == PLACE_SEQUENCE && key_is (key, length, "canvases"))
    {
      level->pending = PLACE_LIST;
      level->pending_list = VT_JSON_LIST_SEQUENCE_CANVASES;
    }
}

static void
end_element (Scanner *s,
             gsize    separator)
{
  VtJsonSpan span;

  if (s->element_start == UNSET)
    span.start = span.end = separator;  /* "[1,,2]": an error, found later */
  else
    {
      span.start = s->element_start;
      span.end = s->element_end;
      if (s->data[span.start] == '{')
        s->list->n_objects++;
    }
  g_array_append_val (s->list->elements, span);
  s->element_start = UNSET;
}

static void
begin_list (Scanner    *s,
            VtJsonList  which,
            gsize       open,
            guint       depth)
{
  VtJsonDeferred *list = &s->scan->lists[which];

  /* A repeated key: json-glib keeps the last value, and so do we. */
  vt_json_deferred_clear (list);
  list->found = TRUE;
  list->open = open;
  list->close = UNSET;
  list->elements = g_array_new (FALSE, FALSE, sizeof (VtJsonSpan));
  s->list = list;
  s->list_depth = depth;
  s->element_start = UNSET;
}

/* Whether @key (decoded, or plain text without escapes) is new in @level;
 * @plain_start is its offset when it is plain, else UNSET. */
static gboolean
add_key (Scanner    *s,
         Level      *level,
         const char *key,
         gsize       length,
         gsize       plain_start)
{
  if (level->keys == NULL && plain_start != UNSET && level->n_plain < SMALL_OBJECT)
    {
      for (guint i = 0; i < level->n_plain; i++)
        if (level->plain_length[i] == length && memcmp (s->data + level->plain_start[i], key, length) == 0)
          return FALSE;
      level->plain_start[level->n_plain] = plain_start;
      level->plain_length[level->n_plain] = length;
      level->n_plain++;
      return TRUE;
    }

  if (level->keys == NULL)
    {
      /* A plain key is its own decoding. */
      level->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < level->n_plain; i++)
        g_hash_table_add (level->keys, g_strndup (s->data + level->plain_start[i], level->plain_length[i]));
    }
  {
    /* A plain key is not NUL-terminated in the text. */
    char *copy = g_strndup (key, length);

    if (g_hash_table_contains (level->keys, copy))
      {
        g_free (copy);
        return FALSE;
      }
    g_hash_table_add (level->keys, copy);
    return TRUE;
  }
}

/* Reads the key whose opening quote is at data[*i], checks it for repeats
 * and notes where its value goes. */
static gboolean
scan_key (Scanner  *s,
          Level    *level,
          gsize    *i,
          GString  *decoded,
          guint    *repeats,
          GError  **error)
{
  gsize quote = *i;
  const char *key = s->data + quote + 1;
  gsize length;
  gsize plain_start = quote + 1;

  scan_string (s, i, NULL);
  length = *i - quote - 1;
  if (s->data[quote] == '"' && memchr (key, '\\', length) != NULL)
    {
      gsize j = quote;

      /* Decode it the way json-glib will; a repair is made only once. */
      g_string_truncate (decoded, 0);
      s->no_repair = TRUE;
      scan_string (s, &j, decoded);
      s->no_repair = FALSE;
      key = decoded->str;
      length = decoded->len;
      plain_start = UNSET;
    }

  note_key (level, key, length);
  level->expect_key = FALSE;
  if (!add_key (s, level, key, length, plain_start) && ++*repeats > VT_IIIF_MAX_REPEATED_KEYS)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_JSON,
                   _("The document repeats the same keys too often"));
      return FALSE;
    }
  return TRUE;
}

/* The text with the elements of every list found left out: "[]" each. */
static void
build_skeleton (VtJsonScan *scan)
{
  GString *skeleton = g_string_new (NULL);
  gsize from = 0;

  for (;;)
    {
      VtJsonDeferred *next = NULL;

      for (guint i = 0; i < VT_JSON_N_LISTS; i++)
        if (scan->lists[i].found && scan->lists[i].open >= from &&
            (next == NULL || scan->lists[i].open < next->open))
          next = &scan->lists[i];
      if (next == NULL)
        break;
      g_string_append_len (skeleton, scan->data + from, next->open + 1 - from);
      from = next->close;
    }
  g_string_append_len (skeleton, scan->data + from, scan->length - from);

  scan->skeleton_length = skeleton->len;
  scan->skeleton = g_string_free (skeleton, FALSE);
}

/**
 * vt_json_scan:
 * @scan: (out caller-allocates): where the text to parse goes; clear it
 *   with vt_json_scan_clear()
 * @data: JSON text, valid UTF-8
 * @length: its length
 * @max_depth: the deepest nesting allowed
 * @defer: whether to leave lists of canvases out of a skeleton
 *
 * Checks nesting and repeated keys, repairs escapes and, with @defer,
 * finds the lists (see above). On success, @scan->data and @scan->length
 * are the text to give json-glib: @data itself, or a repaired copy; when
 * @scan->skeleton is not %NULL, parse that instead and the elements of
 * @scan->lists apart.
 *
 * Returns: %FALSE with @error set when the document is refused
 */
gboolean
vt_json_scan (VtJsonScan  *scan,
              const char  *data,
              gsize        length,
              guint        max_depth,
              gboolean     defer,
              GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Level));
  g_autoptr(GString) key = g_string_new (NULL);
  Scanner s = { scan, data, length, defer, FALSE, FALSE, NULL, 0, UNSET, UNSET };
  guint repeats = 0;
  gboolean ok = TRUE;
  gboolean any_list = FALSE;

  memset (scan, 0, sizeof *scan);
  scan->data = data;
  scan->length = length;
  g_array_set_clear_func (stack, (GDestroyNotify) level_clear);

  for (gsize i = 0; i < length && ok; i++)
    {
      char c = data[i];
      Level *top = stack->len > 0 ? &g_array_index (stack, Level, stack->len - 1) : NULL;
      gsize token = i;
      guint depth = stack->len;
      gboolean separator;

      if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        continue;

      /* Directly in a list: an element ends at ',' or ']'. */
      separator = s.list != NULL && depth == s.list_depth && (c == ',' || c == ']');
      if (separator)
        {
          if (c == ',' || s.element_start != UNSET || s.list->elements->len > 0)
            end_element (&s, i);
          if (c == ']')
            {
              s.list->close = i;
              s.list = NULL;
            }
        }

      switch (c)
        {
        case '"':
        case '\'':
          if (top != NULL && top->is_object && top->expect_key)
            ok = scan_key (&s, top, &i, key, &repeats, error);
          else
            scan_string (&s, &i, NULL);
          break;

        case '/':
          /* json-glib skips C comments; so must we, brackets and all. */
          if (i + 1 < length && data[i + 1] == '*')
            {
              const char *end = g_strstr_len (data + i + 2, length - i - 2, "*/");

              if (end == NULL)
                {
                  s.anomaly = TRUE;
                  i = length;
                }
              else
                i = end + 1 - data;
              continue;
            }
          break;

        case '{':
        case '[':
          {
            Level level = { .is_object = c == '{', .expect_key = c == '{' };

            if (stack->len >= max_depth)
              {
                g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_DEEP,
                             _("The document is nested more than %u levels deep"),
                             max_depth);
                ok = FALSE;
                break;
              }
            level.place = place_of (top, level.is_object, &level.list);
            g_array_append_val (stack, level);
            if (level.place == PLACE_LIST && defer && s.list == NULL)
              {
                /* the element, if any, starts later */
                begin_list (&s, level.list, i, stack->len);
                any_list = TRUE;
                continue;
              }
          }
          break;

        case '}':
        case ']':
          if (stack->len == 0 || top->is_object != (c == '}'))
            s.anomaly = TRUE;
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          break;

        case ',':
          if (top != NULL && top->is_object)
            {
              top->expect_key = TRUE;
              top->pending = PLACE_OTHER;
            }
          else if (top != NULL)
            top->index++;
          break;

        default:
          break;
        }

      /* Part of an element of the list being read (at any depth). */
      if (s.list != NULL && !separator && depth >= s.list_depth)
        {
          if (s.element_start == UNSET)
            s.element_start = token;
          s.element_end = i + 1;
        }
    }

  if (ok && s.list != NULL)
    s.anomaly = TRUE;  /* a list that never closed */

  /* Anything json-glib will refuse or read differently from what the scan
   * saw: let it parse the whole text and say what is wrong. */
  if (ok && any_list && !s.anomaly && stack->len == 0)
    build_skeleton (scan);
  else
    for (guint i = 0; i < VT_JSON_N_LISTS; i++)
      vt_json_deferred_clear (&scan->lists[i]);

  if (!ok)
    vt_json_scan_clear (scan);
  return ok;
}
