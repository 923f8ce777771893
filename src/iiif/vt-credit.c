/* vt-credit.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-credit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-credit.h"

/* Ghent's attributions are one English string of prefixed parts,
 * "rightsholder: Bořek Šípek, photographer: Foto Design Museum Gent,
 * source: Design Museum Gent". The prefixes are words of the generator,
 * not of the museum, so they are shown translated. A part begins only
 * where a known prefix follows the start or a comma: a name with a comma
 * in it ("Doe, John") stays whole, and an attribution that is plain prose
 * is one part of kind %VT_CREDIT_OTHER. */

static const struct
{
  const char   *prefix;
  VtCreditKind  kind;
} prefixes[] = {
  { "rightsholder", VT_CREDIT_RIGHTS_HOLDER },
  { "rights holder", VT_CREDIT_RIGHTS_HOLDER },
  { "photographer", VT_CREDIT_PHOTOGRAPHER },
  { "source", VT_CREDIT_SOURCE },
  { "creator", VT_CREDIT_CREATOR },
  { "maker", VT_CREDIT_CREATOR },
};

/* The kind of the prefix at @p, and the length up to and with its colon. */
static VtCreditKind
match_prefix (const char *p,
              gsize      *length)
{
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i].prefix);
      const char *q = p + n;

      if (g_ascii_strncasecmp (p, prefixes[i].prefix, n) != 0)
        continue;
      while (*q == ' ')
        q++;
      if (*q != ':')
        continue;
      *length = q + 1 - p;
      return prefixes[i].kind;
    }
  *length = 0;
  return VT_CREDIT_OTHER;
}

static void
add_credit (GPtrArray    *credits,
            VtCreditKind  kind,
            const char   *start,
            const char   *end)
{
  VtCredit *credit;
  char *text;

  /* The comma that separates this part from the next is not its text. */
  while (end > start && (end[-1] == ' ' || end[-1] == ','))
    end--;
  text = g_strstrip (g_strndup (start, end - start));
  if (text[0] == '\0')
    {
      g_free (text);
      return;
    }
  credit = g_new0 (VtCredit, 1);
  credit->kind = kind;
  credit->text = text;
  g_ptr_array_add (credits, credit);
}

void
vt_credit_free (VtCredit *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

/**
 * vt_credits_parse:
 * @attribution: (nullable): one attribution value, plain text
 *
 * Splits an attribution into its prefixed parts, in order.
 *
 * Returns: (transfer full) (element-type VtCredit): the parts; empty for
 *   %NULL or blank text, one %VT_CREDIT_OTHER part for text without
 *   prefixes
 */
GPtrArray *
vt_credits_parse (const char *attribution)
{
  GPtrArray *credits = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_credit_free);
  const char *part = NULL;        /* where the current part's text begins */
  VtCreditKind kind = VT_CREDIT_OTHER;
  const char *p;

  if (attribution == NULL)
    return credits;

  p = attribution;
  while (*p == ' ')
    p++;
  part = p;

  for (const char *s = p; *s != '\0'; s++)
    {
      gboolean boundary = s == p;
      const char *word = s;
      VtCreditKind found;
      gsize length;

      if (!boundary && *s == ',')
        {
          word = s + 1;
          while (*word == ' ')
            word++;
          boundary = TRUE;
        }
      if (!boundary)
        continue;

      found = match_prefix (word, &length);
      if (length == 0)
        continue;

      /* The text so far belongs to the part before. */
      if (s != p)
        add_credit (credits, kind, part, s);
      kind = found;
      part = word + length;
      s = part - 1;
    }
  add_credit (credits, kind, part, part + strlen (part));
  return credits;
}

/**
 * vt_credit_kind_get_label:
 *
 * Returns: (nullable): how a part of this kind is labelled, translated;
 *   %NULL for %VT_CREDIT_OTHER, which has no label
 */
const char *
vt_credit_kind_get_label (VtCreditKind kind)
{
  switch (kind)
    {
    case VT_CREDIT_RIGHTS_HOLDER:
      /* Translators: who holds the rights to an image, before their name */
      return _("Rights holder");
    case VT_CREDIT_PHOTOGRAPHER:
      /* Translators: who photographed an object, before their name */
      return _("Photographer");
    case VT_CREDIT_SOURCE:
      /* Translators: where an image comes from, before the name of the
       * museum or archive */
      return _("Source");
    case VT_CREDIT_CREATOR:
      /* Translators: who made the object, before their name */
      return _("Maker");
    case VT_CREDIT_OTHER:
    default:
      return NULL;
    }
}
