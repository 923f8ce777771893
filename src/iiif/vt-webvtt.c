/* vt-webvtt.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-webvtt"

#include "config.h"

#include <string.h>

#include "vt-iiif-error.h"
#include "vt-webvtt.h"

/* WebVTT (https://www.w3.org/TR/webvtt1/) as far as a caption line needs
 * it: the signature, cue blocks (identifier, timings, payload), and NOTE,
 * STYLE and REGION blocks skipped. Cue settings (position, align…) are
 * read past; the text loses its tags. The file comes from a museum's
 * server: anything malformed is skipped or refused, never trusted (the
 * parser is fuzzed). */

G_DEFINE_BOXED_TYPE (VtWebVtt, vt_webvtt, vt_webvtt_ref, vt_webvtt_unref)

static void
cue_free (gpointer data)
{
  VtWebVttCue *cue = data;

  g_free (cue->id);
  g_free (cue->text);
  g_free (cue);
}

static void
webvtt_clear (gpointer data)
{
  VtWebVtt *self = data;

  g_clear_pointer (&self->cues, g_ptr_array_unref);
}

VtWebVtt *
vt_webvtt_ref (VtWebVtt *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
vt_webvtt_unref (VtWebVtt *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, webvtt_clear);
}

static gboolean
read_digits (const char **p,
             guint        min,
             guint        max,
             guint64     *out)
{
  const char *s = *p;
  guint64 value = 0;
  guint n = 0;

  while (g_ascii_isdigit (*s) && n < max)
    {
      value = value * 10 + (guint64) (*s - '0');
      s++;
      n++;
    }
  if (n < min || (n == max && g_ascii_isdigit (*s)))
    return FALSE;
  *p = s;
  *out = value;
  return TRUE;
}

/**
 * vt_webvtt_parse_timestamp:
 * @text: where a WebVTT timestamp starts: `[hh:]mm:ss.ttt`
 * @end: (out) (optional): where it ends
 * @out_seconds: (out): the time in seconds
 *
 * Returns: whether @text starts with a valid timestamp
 */
gboolean
vt_webvtt_parse_timestamp (const char  *text,
                           const char **end,
                           double      *out_seconds)
{
  const char *p = text;
  guint64 first, second, third = 0, millis;
  gboolean has_hours = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  /* Hours may have any number of digits (at least 2); nine is enough
   * for a timestamp a double holds to the millisecond. */
  if (!read_digits (&p, 2, 9, &first) || *p != ':')
    return FALSE;
  p++;
  if (!read_digits (&p, 2, 2, &second))
    return FALSE;
  if (*p == ':')
    {
      p++;
      has_hours = TRUE;
      if (!read_digits (&p, 2, 2, &third))
        return FALSE;
    }
  else if (p - text != 5)
    return FALSE;   /* minutes have exactly two digits */
  if (*p != '.')
    return FALSE;
  p++;
  if (!read_digits (&p, 3, 3, &millis))
    return FALSE;

  if (has_hours)
    {
      if (second > 59 || third > 59)
        return FALSE;
      *out_seconds = (double) first * 3600.0 + (double) second * 60.0 + (double) third +
                     (double) millis / 1000.0;
    }
  else
    {
      if (first > 59 || second > 59)
        return FALSE;
      *out_seconds = (double) first * 60.0 + (double) second + (double) millis / 1000.0;
    }
  if (end != NULL)
    *end = p;
  return TRUE;
}

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* "start --> end[ settings]" */
static gboolean
parse_timings (const char *line,
               double     *start,
               double     *end)
{
  const char *p = skip_blanks (line);

  if (!vt_webvtt_parse_timestamp (p, &p, start))
    return FALSE;
  p = skip_blanks (p);
  if (strncmp (p, "-->", 3) != 0)
    return FALSE;
  p = skip_blanks (p + 3);
  if (!vt_webvtt_parse_timestamp (p, &p, end))
    return FALSE;
  return *p == '\0' || *p == ' ' || *p == '\t';
}

static void
append_reference (GString    *out,
                  const char *name,
                  gsize       length)
{
  static const struct { const char *name; const char *text; } refs[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "nbsp", "\xc2\xa0" },
    { "lrm", "\xe2\x80\x8e" }, { "rlm", "\xe2\x80\x8f" }, { "quot", "\"" }, { "apos", "'" },
  };

  if (length > 1 && name[0] == '#')
    {
      guint64 code = 0;
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      const char *p = name + (hex ? 2 : 1);
      const char *stop = name + length;

      if (p == stop)
        goto literal;
      for (; p < stop; p++)
        {
          if (hex ? !g_ascii_isxdigit (*p) : !g_ascii_isdigit (*p))
            goto literal;
          code = code * (hex ? 16 : 10) + (guint64) (hex ? g_ascii_xdigit_value (*p) : *p - '0');
          if (code > 0x10FFFF)
            goto literal;
        }
      /* No NUL, no surrogates: only characters text can hold. */
      if (code == 0 || (code >= 0xD800 && code <= 0xDFFF))
        goto literal;
      g_string_append_unichar (out, (gunichar) code);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (strlen (refs[i].name) == length && memcmp (refs[i].name, name, length) == 0)
      {
        g_string_append (out, refs[i].text);
        return;
      }

literal:
  g_string_append_c (out, '&');
  g_string_append_len (out, name, (gssize) length);
  g_string_append_c (out, ';');
}

/* The payload as plain text: tags dropped, references decoded. */
static void
append_payload_line (GString    *out,
                     const char *line)
{
  const char *p = line;

  while (*p != '\0' && out->len < VT_WEBVTT_MAX_CUE_TEXT)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (close == NULL)
            break;   /* an unclosed tag runs to the end of the line */
          p = close + 1;
        }
      else if (*p == '&')
        {
          const char *semi = p + 1;

          while (g_ascii_isalnum (*semi) || *semi == '#')
            semi++;
          if (*semi == ';' && semi - p > 1)
            {
              append_reference (out, p + 1, (gsize) (semi - p - 1));
              p = semi + 1;
            }
          else
            {
              g_string_append_c (out, '&');
              p++;
            }
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }
}

static int
compare_cues (gconstpointer a,
              gconstpointer b)
{
  const VtWebVttCue *x = *(VtWebVttCue * const *) a;
  const VtWebVttCue *y = *(VtWebVttCue * const *) b;

  return (x->start > y->start) - (x->start < y->start);
}

/**
 * vt_webvtt_parse:
 * @data: the file's bytes
 * @length: their length, or -1 when @data is NUL-terminated
 * @error: %VT_IIIF_ERROR_NOT_IIIF when it is not WebVTT,
 *   %VT_IIIF_ERROR_TOO_LARGE over %VT_WEBVTT_MAX_SIZE
 *
 * Reads a WebVTT file. Text that is not UTF-8 is repaired (U+FFFD), a NUL
 * too; cues that cannot be read are counted in #VtWebVtt.n_skipped.
 *
 * Returns: (transfer full) (nullable): the cues, or %NULL with @error set
 */
VtWebVtt *
vt_webvtt_parse (const char  *data,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(VtWebVtt) self = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint i = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if ((gsize) length > VT_WEBVTT_MAX_SIZE)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                   "The caption file is larger than %d bytes", VT_WEBVTT_MAX_SIZE);
      return NULL;
    }

  /* U+FFFD for bad bytes; NULs become U+FFFD as the spec says, after
   * which the text is a C string. */
  {
    GString *clean = g_string_sized_new ((gsize) length);

    for (gssize k = 0; k < length; k++)
      {
        if (data[k] == '\0')
          g_string_append (clean, "\xef\xbf\xbd");
        else
          g_string_append_c (clean, data[k]);
      }
    text = g_utf8_make_valid (clean->str, (gssize) clean->len);
    g_string_free (clean, TRUE);
  }

  /* Lines end in CRLF, CR or LF: make them all LF. */
  {
    char *w = text;

    for (const char *r = text; *r != '\0'; r++)
      {
        if (*r == '\r')
          {
            *w++ = '\n';
            if (r[1] == '\n')
              r++;
          }
        else
          *w++ = *r;
      }
    *w = '\0';
  }

  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "WEBVTT") ||
      (lines[0][6] != '\0' && lines[0][6] != ' ' && lines[0][6] != '\t'))
    {
      g_set_error_literal (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                           "Not a WebVTT file: it does not start with “WEBVTT”");
      return NULL;
    }

  self = g_atomic_rc_box_new0 (VtWebVtt);
  self->cues = g_ptr_array_new_with_free_func (cue_free);

  /* The header runs to the first blank line. */
  for (i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    ;

  while (lines[i] != NULL)
    {
      const char *id = NULL;
      double start, end;
      g_autoptr(GString) payload = NULL;

      /* Blank lines between blocks. */
      while (lines[i] != NULL && lines[i][0] == '\0')
        i++;
      if (lines[i] == NULL)
        break;

      if (strstr (lines[i], "-->") == NULL)
        {
          /* An identifier, or a NOTE/STYLE/REGION block (which has no
           * "-->" in its first line); the next line says which. */
          if (lines[i + 1] == NULL || lines[i + 1][0] == '\0' ||
              strstr (lines[i + 1], "-->") == NULL ||
              g_str_has_prefix (lines[i], "NOTE"))
            {
              while (lines[i] != NULL && lines[i][0] != '\0')
                i++;
              continue;
            }
          id = lines[i];
          i++;
        }

      if (!parse_timings (lines[i], &start, &end) || !(end > start) ||
          self->cues->len >= VT_WEBVTT_MAX_CUES)
        {
          self->n_skipped++;
          while (lines[i] != NULL && lines[i][0] != '\0')
            i++;
          continue;
        }
      i++;

      payload = g_string_new (NULL);
      for (; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          /* A "-->" line ends the cue, as in the spec's parser. */
          if (strstr (lines[i], "-->") != NULL)
            break;
          if (payload->len > 0 && payload->len < VT_WEBVTT_MAX_CUE_TEXT)
            g_string_append_c (payload, '\n');
          append_payload_line (payload, lines[i]);
        }

      {
        VtWebVttCue *cue = g_new0 (VtWebVttCue, 1);
        /* Cut at the limit without splitting a character. */
        const char *stop = NULL;

        g_utf8_validate (payload->str, (gssize) MIN (payload->len, VT_WEBVTT_MAX_CUE_TEXT), &stop);
        cue->id = id ? g_strdup (id) : NULL;
        cue->start = start;
        cue->end = end;
        cue->text = g_strndup (payload->str, (gsize) (stop - payload->str));
        g_ptr_array_add (self->cues, cue);
      }
    }

  /* g_ptr_array_sort is a stable merge sort in GLib ≥ 2.73 only; the
   * cues are nearly always in order already, and an insertion pass
   * keeps equal starts in file order on any GLib. */
  for (guint k = 1; k < self->cues->len; k++)
    {
      gpointer cue = self->cues->pdata[k];
      guint j = k;

      while (j > 0 && compare_cues (&self->cues->pdata[j - 1], &cue) > 0)
        {
          self->cues->pdata[j] = self->cues->pdata[j - 1];
          j--;
        }
      self->cues->pdata[j] = cue;
    }

  return g_steal_pointer (&self);
}

/**
 * vt_webvtt_find_cue:
 * @time: a playback position in seconds
 *
 * Returns: the index of the cue shown at @time (the one that started
 *   last, when several are), or -1 when none is
 */
int
vt_webvtt_find_cue (const VtWebVtt *self,
                    double          time)
{
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);

  for (guint k = 0; k < self->cues->len; k++)
    {
      const VtWebVttCue *cue = g_ptr_array_index (self->cues, k);

      if (cue->start > time)
        break;
      if (time < cue->end)
        found = (int) k;
    }
  return found;
}

/**
 * vt_webvtt_dup_text_at:
 * @time: a playback position in seconds
 *
 * Returns: (transfer full) (nullable): the text of every cue shown at
 *   @time, in order, one under the other; %NULL when none is
 */
char *
vt_webvtt_dup_text_at (const VtWebVtt *self,
                       double          time)
{
  GString *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint k = 0; k < self->cues->len; k++)
    {
      const VtWebVttCue *cue = g_ptr_array_index (self->cues, k);

      if (cue->start > time)
        break;
      if (time >= cue->end || cue->text[0] == '\0')
        continue;
      if (text == NULL)
        text = g_string_new (cue->text);
      else
        g_string_append_printf (text, "\n%s", cue->text);
    }
  return text ? g_string_free (text, FALSE) : NULL;
}
