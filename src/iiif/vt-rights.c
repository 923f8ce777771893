/* vt-rights.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-rights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-rights.h"

/* Licence codes of creativecommons.org/licenses/<code>/. The 1.0 suite had
 * licences without BY and spelled one of them "by-nd-nc"; old manifests
 * still point at them. */
static const char * const cc_codes[] = {
  "by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd", "by-nd-nc",
  "nc", "nd", "sa", "nc-sa", "nd-nc",
};

/* The statements of rightsstatements.org, version 1.0, by their id; the
 * names are the official English ones. */
static const struct
{
  const char *id;
  const char *name;
} rs_statements[] = {
  { "InC", N_("In Copyright") },
  { "InC-OW-EU", N_("In Copyright – EU Orphan Work") },
  { "InC-EDU", N_("In Copyright – Educational Use Permitted") },
  { "InC-NC", N_("In Copyright – Non-Commercial Use Permitted") },
  { "InC-RUU", N_("In Copyright – Rights-holder(s) Unlocatable or Unidentifiable") },
  { "NoC-CR", N_("No Copyright – Contractual Restrictions") },
  { "NoC-NC", N_("No Copyright – Non-Commercial Use Only") },
  { "NoC-OKLR", N_("No Copyright – Other Known Legal Restrictions") },
  { "NoC-US", N_("No Copyright – United States") },
  { "CNE", N_("Copyright Not Evaluated") },
  { "UND", N_("Copyright Undetermined") },
  { "NKC", N_("No Known Copyright") },
};

static gboolean
is_version (const char *s)
{
  /* "4.0", "2.5", "1.0": one digit, a dot, one digit. */
  return s != NULL
         && g_ascii_isdigit (s[0]) && s[1] == '.'
         && g_ascii_isdigit (s[2]) && s[3] == '\0';
}

static gboolean
is_jurisdiction (const char *s)
{
  gsize len = strlen (s);

  /* Ported licences add a jurisdiction ("nl", "be", "igo"); the deed and
   * legal code pages ("deed.fr", "legalcode") are not one. */
  if (len < 2 || len > 5 || g_str_has_prefix (s, "deed") || g_str_has_prefix (s, "legalcode"))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (s[i]))
      return FALSE;
  return TRUE;
}

/* The non-empty segments of a URI path: trailing or doubled slashes are
 * common in manifests and mean nothing. */
static GPtrArray *
split_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (segments, g_uri_unescape_string (parts[i], NULL));
  return segments;
}

static VtRightsKind
describe_cc (GPtrArray  *seg,
             char      **out_name,
             char      **out_link)
{
  const char *first = seg->len > 0 ? g_ptr_array_index (seg, 0) : NULL;

  if (g_strcmp0 (first, "licenses") == 0 && seg->len >= 3)
    {
      g_autofree char *code = g_ascii_strdown (g_ptr_array_index (seg, 1), -1);
      const char *version = g_ptr_array_index (seg, 2);
      const char *juris = seg->len >= 4 ? g_ptr_array_index (seg, 3) : NULL;
      g_autofree char *upper = NULL;
      g_autofree char *juris_up = NULL;
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cc_codes); i++)
        known |= g_str_equal (code, cc_codes[i]);
      if (!known || !is_version (version))
        return VT_RIGHTS_UNKNOWN;
      if (juris != NULL && !is_jurisdiction (juris))
        juris = NULL;

      upper = g_ascii_strup (code, -1);
      if (juris != NULL)
        {
          g_autofree char *juris_down = g_ascii_strdown (juris, -1);

          juris_up = g_ascii_strup (juris, -1);
          *out_name = g_strdup_printf ("CC %s %s %s", upper, version, juris_up);
          *out_link = g_strdup_printf ("https://creativecommons.org/licenses/%s/%s/%s/",
                                       code, version, juris_down);
        }
      else
        {
          *out_name = g_strdup_printf ("CC %s %s", upper, version);
          *out_link = g_strdup_printf ("https://creativecommons.org/licenses/%s/%s/",
                                       code, version);
        }
      return VT_RIGHTS_CREATIVE_COMMONS;
    }

  if (g_strcmp0 (first, "publicdomain") == 0 && seg->len >= 3
      && is_version (g_ptr_array_index (seg, 2)))
    {
      const char *tool = g_ptr_array_index (seg, 1);
      const char *version = g_ptr_array_index (seg, 2);

      if (g_ascii_strcasecmp (tool, "zero") == 0)
        *out_name = g_strdup_printf ("CC0 %s", version);
      else if (g_ascii_strcasecmp (tool, "mark") == 0)
        /* Translators: %s is a version number such as "1.0" */
        *out_name = g_strdup_printf (_("Public Domain Mark %s"), version);
      else
        return VT_RIGHTS_UNKNOWN;
      *out_link = g_strdup_printf ("https://creativecommons.org/publicdomain/%s/%s/",
                                   g_ascii_strcasecmp (tool, "zero") == 0 ? "zero" : "mark",
                                   version);
      return VT_RIGHTS_CREATIVE_COMMONS;
    }

  return VT_RIGHTS_UNKNOWN;
}

static VtRightsKind
describe_rs (GPtrArray  *seg,
             char      **out_name,
             char      **out_link)
{
  const char *first = seg->len > 0 ? g_ptr_array_index (seg, 0) : NULL;
  const char *id;
  const char *version = "1.0";

  /* /vocab/ is the URI for machines, /page/ the page for people; /data/
   * is the JSON-LD. All name the same statement. */
  if (seg->len < 2 || !(g_strcmp0 (first, "vocab") == 0 || g_strcmp0 (first, "page") == 0
                        || g_strcmp0 (first, "data") == 0))
    return VT_RIGHTS_UNKNOWN;

  id = g_ptr_array_index (seg, 1);
  if (seg->len >= 3)
    {
      if (!is_version (g_ptr_array_index (seg, 2)))
        return VT_RIGHTS_UNKNOWN;
      version = g_ptr_array_index (seg, 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rs_statements); i++)
    {
      if (g_ascii_strcasecmp (id, rs_statements[i].id) != 0)
        continue;
      *out_name = g_strdup (_(rs_statements[i].name));
      *out_link = g_strdup_printf ("https://rightsstatements.org/page/%s/%s/",
                                   rs_statements[i].id, version);
      return VT_RIGHTS_STATEMENT;
    }
  return VT_RIGHTS_UNKNOWN;
}

/**
 * vt_rights_describe:
 * @uri: (nullable): a rights or licence URI from a manifest
 * @out_name: (out) (optional): the human name, e.g. "CC BY-NC-ND 4.0" or
 *   "In Copyright" (translated where it is words, not a code)
 * @out_link: (out) (optional): the https page for people about it
 *
 * Names a Creative Commons or RightsStatements.org URI the way people know
 * it. http and https, `www.`, `/page/` and `/vocab/`, trailing slashes,
 * queries such as `?language=en` and fragments are all accepted.
 *
 * Returns: the kind of URI; with %VT_RIGHTS_UNKNOWN both outputs are %NULL
 */
VtRightsKind
vt_rights_describe (const char  *uri,
                    char       **out_name,
                    char       **out_link)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *host = NULL;
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;
  const char *scheme;
  VtRightsKind kind = VT_RIGHTS_UNKNOWN;

  if (out_name != NULL)
    *out_name = NULL;
  if (out_link != NULL)
    *out_link = NULL;
  if (uri == NULL)
    return VT_RIGHTS_UNKNOWN;

  stripped = g_strstrip (g_strdup (uri));
  parsed = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL)
    return VT_RIGHTS_UNKNOWN;
  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return VT_RIGHTS_UNKNOWN;

  host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  segments = split_path (g_uri_get_path (parsed));
  if (g_str_equal (host, "creativecommons.org") || g_str_equal (host, "www.creativecommons.org"))
    kind = describe_cc (segments, &name, &link);
  else if (g_str_equal (host, "rightsstatements.org") || g_str_equal (host, "www.rightsstatements.org"))
    kind = describe_rs (segments, &name, &link);

  if (kind == VT_RIGHTS_UNKNOWN)
    return kind;
  if (out_name != NULL)
    *out_name = g_steal_pointer (&name);
  if (out_link != NULL)
    *out_link = g_steal_pointer (&link);
  return kind;
}

/**
 * vt_rights_allows_reuse:
 * @uri: (nullable): a rights or licence URI from a manifest
 *
 * Whether the rights statement itself lets anyone copy and pass on the
 * image, so that an export may go ahead without asking the user to check
 * the rights first.
 *
 * %TRUE for every Creative Commons licence (BY, BY-SA, BY-NC, BY-ND and
 * their combinations, and the old licences without BY), CC0 and the Public
 * Domain Mark. Their conditions still hold: the export must carry the
 * licence and the attribution, and NC/ND say what the user may do next.
 *
 * %FALSE for every RightsStatements.org statement: the In Copyright ones
 * (even InC-EDU and InC-NC, which permit some uses but grant no licence),
 * the No Copyright ones (NoC-US only holds in the United States, NoC-CR,
 * NoC-NC and NoC-OKLR name restrictions of their own), NKC, CNE and UND;
 * and for %NULL and anything not recognised. When in doubt, no.
 *
 * Returns: whether reuse is allowed by the licence
 */
gboolean
vt_rights_allows_reuse (const char *uri)
{
  return vt_rights_describe (uri, NULL, NULL) == VT_RIGHTS_CREATIVE_COMMONS;
}
