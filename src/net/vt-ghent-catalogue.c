/* vt-ghent-catalogue.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-ghent-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-ghent-catalogue.h"

/* The longest object number accepted, in characters. Real ones are under
 * 40; this only stops a pasted page from becoming a request. */
#define MAX_NUMBER_CHARS 200

#define MANIFEST_PATH "/iiif/presentation/v2/manifest/"

G_DEFINE_QUARK (vt-ghent-error-quark, vt_ghent_error)

/* The five organisations of the Collectie van de Gent, in the order the
 * organisation picker shows them. Every manifest is at
 * BASE/iiif/presentation/v2/manifest/<abbreviation>:<object number>.
 * Names are proper names; they are marked for translation only so that a
 * translator may add a local form. */
static const VtGhentOrganisation organisations[] = {
  { "dmg",             N_("Design Museum Gent") },
  { "hva",             N_("Huis van Alijn") },
  { "industriemuseum", N_("Industriemuseum") },
  { "stam",            N_("STAM") },
  { "archiefgent",     N_("Archief Gent") },
};

/**
 * vt_ghent_get_organisations:
 * @n_organisations: (out): the number of organisations
 *
 * Returns: (transfer none) (array length=n_organisations): the table
 */
const VtGhentOrganisation *
vt_ghent_get_organisations (guint *n_organisations)
{
  g_return_val_if_fail (n_organisations != NULL, NULL);

  *n_organisations = G_N_ELEMENTS (organisations);
  return organisations;
}

/**
 * vt_ghent_lookup_organisation:
 * @abbreviation: `dmg`, `HVA`, …, in any case
 *
 * Returns: (nullable) (transfer none): the organisation
 */
const VtGhentOrganisation *
vt_ghent_lookup_organisation (const char *abbreviation)
{
  if (abbreviation == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      if (g_ascii_strcasecmp (organisations[i].abbreviation, abbreviation) == 0)
        return &organisations[i];
    }

  return NULL;
}

const char *
vt_ghent_organisation_get_display_name (const VtGhentOrganisation *org)
{
  g_return_val_if_fail (org != NULL, NULL);

  return _(org->name);
}

/**
 * vt_ghent_get_api_base:
 * @setting_value: (nullable): the `api-base-url` setting
 *
 * The API base address: the `VITRINE_GHENT_API` environment variable if
 * set (the test bed uses it to stand in for Ghent), else @setting_value,
 * else the public API. Trailing slashes are removed.
 *
 * Returns: (transfer full): the base address
 */
char *
vt_ghent_get_api_base (const char *setting_value)
{
  const char *env = g_getenv (VT_GHENT_API_ENV);
  const char *value = VT_GHENT_DEFAULT_API_BASE;
  g_autofree char *stripped = NULL;
  gsize len;

  if (env != NULL && *env != '\0')
    value = env;
  else if (setting_value != NULL && *setting_value != '\0')
    value = setting_value;

  stripped = g_strstrip (g_strdup (value));
  len = strlen (stripped);
  while (len > 0 && stripped[len - 1] == '/')
    stripped[--len] = '\0';

  if (len == 0)
    return g_strdup (VT_GHENT_DEFAULT_API_BASE);

  return g_steal_pointer (&stripped);
}

static gboolean
is_invisible (gunichar c)
{
  /* Zero-width characters come along when a number is copied from a web
   * page or a spreadsheet. */
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/* Valid UTF-8, without invisible characters, trimmed of any kind of white
 * space (including no-break spaces) at both ends. */
static char *
clean_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *start;
  const char *end;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_invisible (c))
        g_string_append_unichar (out, c);
    }

  start = out->str;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = out->str + out->len;
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  {
    char *result = g_strndup (start, end - start);

    g_string_free (out, TRUE);
    return result;
  }
}

static char *
organisation_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, organisations[i].abbreviation);
    }

  return g_string_free (list, FALSE);
}

static gboolean
set_unknown_organisation (const char  *prefix,
                          GError     **error)
{
  g_autofree char *list = organisation_list ();

  g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_UNKNOWN_ORGANISATION,
               _("“%s” is not one of the Ghent organisations (%s)."), prefix, list);
  return FALSE;
}

static gboolean
validate_number (const char  *organisation,
                 const char  *number,
                 GError     **error)
{
  if (*number == '\0')
    {
      g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_EMPTY,
                   _("Type the object number after “%s:”."), organisation);
      return FALSE;
    }

  if (strchr (number, '/') != NULL || strchr (number, '\\') != NULL)
    {
      g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_INVALID_NUMBER,
                   _("Object numbers with “/” cannot be looked up: the Ghent API cannot route them."));
      return FALSE;
    }

  if (g_utf8_strlen (number, -1) > MAX_NUMBER_CHARS)
    {
      g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_INVALID_NUMBER,
                   _("This is too long to be an object number."));
      return FALSE;
    }

  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == '\n' || c == '\r' || c == '\t')
        {
          g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_INVALID_NUMBER,
                       _("Object numbers are a single line of text; this one contains line breaks or control characters."));
          return FALSE;
        }
    }

  return TRUE;
}

/* Splits "org:number" at the first colon, with white space around either
 * part trimmed. Returns FALSE when there is no colon. */
static gboolean
split_id (const char  *id,
          char       **prefix,
          char       **rest)
{
  const char *colon = strchr (id, ':');

  if (colon == NULL)
    return FALSE;

  *prefix = g_strstrip (g_strndup (id, colon - id));
  *rest = g_strstrip (g_strdup (colon + 1));
  return TRUE;
}

static gboolean
all_letters (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
    }

  return TRUE;
}

/* The object id ("org:number", still percent-encoded) in a Ghent manifest
 * address (any API base, so that the test bed's addresses work too) or in
 * an object page on data.collectie.gent. */
static char *
id_from_url (GUri *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *host = g_uri_get_host (uri);
  const char *start = NULL;
  const char *end;

  if (path == NULL)
    return NULL;

  if ((start = strstr (path, MANIFEST_PATH)) != NULL)
    start += strlen (MANIFEST_PATH);
  else if (host != NULL &&
           (g_ascii_strcasecmp (host, "data.collectie.gent") == 0 ||
            g_str_has_suffix (host, ".collectie.gent")) &&
           g_str_has_prefix (path, "/entity/"))
    start = path + strlen ("/entity/");

  if (start == NULL)
    return NULL;

  /* The API also answers /manifest/<id>/<version>; a number never holds
   * a slash, so the id ends at the next one. */
  end = strchr (start, '/');
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

static gboolean
looks_like_url (const char *text)
{
  return g_ascii_strncasecmp (text, "http://", 7) == 0 ||
         g_ascii_strncasecmp (text, "https://", 8) == 0;
}

/**
 * vt_ghent_parse_input:
 * @text: what the person typed or pasted
 * @chosen_organisation: (nullable): the organisation picked beside the
 *   entry, used for a bare number
 * @organisation: (out) (transfer full): the organisation's abbreviation
 * @number: (out) (transfer full): the object number, unencoded
 * @error: a #VT_GHENT_ERROR with a message to show under the entry
 *
 * Understands `1987-1049` (with @chosen_organisation), `dmg:1987-1049`,
 * a manifest address `…/iiif/presentation/v2/manifest/dmg:1987-1049`, and
 * an object page `https://data.collectie.gent/entity/dmg:1987-1049`. The
 * text is trimmed; dots, `$`, underscores and hyphens are part of numbers.
 *
 * Returns: %TRUE on success
 */
gboolean
vt_ghent_parse_input (const char  *text,
                      const char  *chosen_organisation,
                      char       **organisation,
                      char       **number,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *rest = NULL;
  const VtGhentOrganisation *org = NULL;

  g_return_val_if_fail (organisation != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  clean = clean_input (text != NULL ? text : "");

  if (*clean == '\0')
    {
      g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_EMPTY,
                   _("Type an object number, such as 1987-1049 or dmg:1987-1049."));
      return FALSE;
    }

  if (looks_like_url (clean))
    {
      g_autoptr(GUri) uri = g_uri_parse (clean, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
      g_autofree char *encoded_id = uri != NULL ? id_from_url (uri) : NULL;
      g_autofree char *id = NULL;

      if (encoded_id == NULL)
        {
          g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_NOT_GHENT,
                       _("This address is not a Ghent manifest or object page."));
          return FALSE;
        }

      id = g_uri_unescape_string (encoded_id, NULL);
      if (id == NULL || !g_utf8_validate (id, -1, NULL) || !split_id (id, &prefix, &rest))
        {
          g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_INVALID_NUMBER,
                       _("The object in this address cannot be read; it should end in an organisation and a number, such as dmg:1987-1049."));
          return FALSE;
        }

      org = vt_ghent_lookup_organisation (prefix);
      if (org == NULL)
        return set_unknown_organisation (prefix, error);
    }
  else if (split_id (clean, &prefix, &rest) && (org = vt_ghent_lookup_organisation (prefix)) != NULL)
    {
      /* "dmg:1987-1049" */
    }
  else if (prefix != NULL && all_letters (prefix))
    {
      return set_unknown_organisation (prefix, error);
    }
  else
    {
      /* A bare number, for the organisation picked beside the entry. */
      g_clear_pointer (&rest, g_free);
      rest = g_strdup (clean);

      if (chosen_organisation == NULL || *chosen_organisation == '\0')
        {
          g_set_error (error, VT_GHENT_ERROR, VT_GHENT_ERROR_NO_ORGANISATION,
                       _("Choose an organisation, or type one before the number, such as dmg:%s."),
                       clean);
          return FALSE;
        }

      org = vt_ghent_lookup_organisation (chosen_organisation);
      if (org == NULL)
        return set_unknown_organisation (chosen_organisation, error);
    }

  if (!validate_number (org->abbreviation, rest, error))
    return FALSE;

  *organisation = g_strdup (org->abbreviation);
  *number = g_steal_pointer (&rest);
  return TRUE;
}

/* Object numbers go into a path segment. Unreserved characters and `$`
 * (Ghent's photo index, sent raw by the API itself) stay; everything else,
 * spaces included, is percent-encoded. */
static char *
escape_number (const char *number)
{
  return g_uri_escape_string (number, "$", FALSE);
}

/**
 * vt_ghent_build_object_id:
 *
 * Returns: (transfer full): `org:number` as Ghent writes it (raw)
 */
char *
vt_ghent_build_object_id (const char *organisation,
                          const char *number)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return g_strconcat (organisation, ":", number, NULL);
}

/**
 * vt_ghent_build_manifest_url:
 * @api_base: (nullable): the base to use, normally the result of
 *   vt_ghent_get_api_base(); %NULL means vt_ghent_get_api_base (NULL)
 * @organisation: an abbreviation
 * @number: an object number, unencoded
 *
 * Returns: (transfer full): the manifest address
 */
char *
vt_ghent_build_manifest_url (const char *api_base,
                             const char *organisation,
                             const char *number)
{
  g_autofree char *base = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  base = api_base != NULL ? g_strdup (api_base) : vt_ghent_get_api_base (NULL);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  escaped = escape_number (number);
  return g_strconcat (base, MANIFEST_PATH, organisation, ":", escaped, NULL);
}

/**
 * vt_ghent_build_web_page_url:
 *
 * Returns: (transfer full): the object's public page, for "open in
 *   browser"
 */
char *
vt_ghent_build_web_page_url (const char *organisation,
                             const char *number)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  escaped = escape_number (number);
  return g_strconcat (VT_GHENT_WEB_BASE "/entity/", organisation, ":", escaped, NULL);
}
