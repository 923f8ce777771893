/* vitrine-inspect.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vitrine-inspect"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "iiif/vt-iiif.h"
#include "vt-inspect-output.h"

/* vitrine-inspect [--locale LANG] FILE|URL: prints our normalised reading
 * of a IIIF document as JSON, so curators can check their manifests and
 * anyone can compare it with other IIIF libraries. */

enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_READ = 2,
  EXIT_NOT_JSON = 3,
  EXIT_NOT_IIIF = 4,
  EXIT_UNSUPPORTED = 5,
  EXIT_INVALID = 6,
  EXIT_LIMIT = 7,
  EXIT_NETWORK = 8,
};

static char **locales;

static const GOptionEntry entries[] = {
  { "locale", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &locales,
    N_("Prefer this language for display labels (repeatable, e.g. nl-BE)"), N_("LANG") },
  { NULL }
};

static int
fail (int         code,
      const char *kind,
      const char *message)
{
  /* One line: the kind first, so scripts can match on it. */
  g_printerr ("vitrine-inspect: %s: %s\n", kind, message);
  return code;
}

static int
fail_iiif (const GError *error)
{
  if (error->domain != VT_IIIF_ERROR)
    return fail (EXIT_INVALID, "error", error->message);

  switch ((VtIiifError) error->code)
    {
    case VT_IIIF_ERROR_NOT_JSON:
      return fail (EXIT_NOT_JSON, "not-json", error->message);
    case VT_IIIF_ERROR_INVALID_UTF8:
      return fail (EXIT_NOT_JSON, "invalid-utf8", error->message);
    case VT_IIIF_ERROR_NOT_IIIF:
      return fail (EXIT_NOT_IIIF, "not-iiif", error->message);
    case VT_IIIF_ERROR_UNSUPPORTED_VERSION:
      return fail (EXIT_UNSUPPORTED, "unsupported-version", error->message);
    case VT_IIIF_ERROR_MISSING_FIELD:
      return fail (EXIT_INVALID, "missing-field", error->message);
    case VT_IIIF_ERROR_INVALID_VALUE:
      return fail (EXIT_INVALID, "invalid-value", error->message);
    case VT_IIIF_ERROR_TOO_LARGE:
      return fail (EXIT_LIMIT, "too-large", error->message);
    case VT_IIIF_ERROR_TOO_DEEP:
      return fail (EXIT_LIMIT, "too-deep", error->message);
    default:
      return fail (EXIT_INVALID, "error", error->message);
    }
}

static int
print_document (GBytes     *bytes,
                const char *base_uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  doc = vt_iiif_document_parse (bytes, base_uri, &error);
  if (doc == NULL)
    return fail_iiif (error);

  root = vt_inspect_document (doc, (const char * const *) locales);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return EXIT_OK;
}

static gboolean
is_url (const char *arg)
{
  const char *scheme = g_uri_peek_scheme (arg);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static int
inspect_url (const char *url)
{
  /* The network layer's loader plugs in here (fetch, then print_document
   * with the URL as base); until then say so clearly. */
  return fail (EXIT_NETWORK, "network", _("Reading from a URL is not supported by this build; download the file and pass its path"));
}

static int
inspect_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Refuse huge files before reading them into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return fail (EXIT_READ, "read", error->message);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return fail (EXIT_READ, "read", _("This is a folder, not a file"));
  if (g_file_info_get_size (info) > VT_IIIF_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("The document is larger than %u MiB"),
                                                  (guint) (VT_IIIF_MAX_DOCUMENT_SIZE / (1024 * 1024)));
      return fail (EXIT_LIMIT, "too-large", message);
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return fail (EXIT_READ, "read", error->message);

  return print_document (bytes, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE|URL — print a IIIF document as Vitrine reads it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads a IIIF Presentation 2/3 manifest or collection, or an Image API info.json,\n"
      "and prints the normalised document as JSON on standard output.\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  wrong usage\n"
      "  2  the file cannot be read\n"
      "  3  not JSON, or not valid UTF-8\n"
      "  4  JSON, but not a IIIF document\n"
      "  5  a IIIF version that is not supported\n"
      "  6  a required field is missing or invalid\n"
      "  7  too large or too deeply nested\n"
      "  8  the URL cannot be fetched\n"
      "On failure one line \"vitrine-inspect: KIND: message\" goes to standard error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail (EXIT_USAGE, "usage", error->message);
      return EXIT_USAGE;
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (is_url (argv[1]))
    status = inspect_url (argv[1]);
  else
    status = inspect_file (argv[1]);

  g_clear_pointer (&locales, g_strfreev);
  return status;
}
