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
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
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
  /* One code per network state, so that scripts see what the app shows. */
  EXIT_TIMEOUT = 9,
  EXIT_NOT_PUBLIC = 10,
  EXIT_AUTH_REQUIRED = 11,
  EXIT_NOT_FOUND = 12,
  EXIT_SERVER = 13,
  EXIT_BAD_REQUEST = 14,
  EXIT_BAD_RESPONSE = 15,
  EXIT_TLS = 16,
  EXIT_CONNECTION_LOST = 17,
};

static char **locales;
static gboolean fetch_annotations;

static const GOptionEntry entries[] = {
  { "locale", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &locales,
    N_("Prefer this language for display labels (repeatable, e.g. nl-BE)"), N_("LANG") },
  { "fetch-annotations", 'a', 0, G_OPTION_ARG_NONE, &fetch_annotations,
    N_("Also fetch the annotation pages a manifest refers to"), NULL },
  { NULL }
};

/* At most this many referenced annotation pages are fetched. */
#define MAX_FETCHED_PAGES 1000

typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} PageResult;

static void
page_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PageResult *r = user_data;

  r->bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &r->error);
  r->done = TRUE;
}

static void
add_unloaded_pages (GPtrArray *out,
                    GPtrArray *pages)
{
  for (guint i = 0; i < pages->len && out->len < MAX_FETCHED_PAGES; i++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, i);

      if (!page->loaded && page->id != NULL)
        g_ptr_array_add (out, page);
    }
}

static void
add_canvas_pages (GPtrArray *out,
                  VtCanvas  *canvas)
{
  if (canvas == NULL)
    return;
  add_unloaded_pages (out, canvas->annotation_pages);
  if (canvas->placeholder_canvas != NULL)
    add_unloaded_pages (out, canvas->placeholder_canvas->annotation_pages);
  if (canvas->accompanying_canvas != NULL)
    add_unloaded_pages (out, canvas->accompanying_canvas->annotation_pages);
}

/* The pages a manifest only refers to, fetched one after the other
 * through the app's own client and read into the model in place; a page
 * that cannot be had is a warning, as the app would show it, not a
 * failure. */
static void
fetch_annotation_pages (VtIiifDocument *doc)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(VtClient) client = NULL;
  VtManifest *m = doc->manifest;

  if (m == NULL)
    return;

  add_unloaded_pages (pages, m->annotation_pages);
  add_canvas_pages (pages, m->placeholder_canvas);
  add_canvas_pages (pages, m->accompanying_canvas);
  for (guint i = 0; i < m->canvases->len; i++)
    add_canvas_pages (pages, g_ptr_array_index (m->canvases, i));
  if (pages->len == 0)
    return;

  client = vt_client_new (NULL);
  for (guint i = 0; i < pages->len; i++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, i);
      PageResult r = { 0 };
      g_autoptr(GError) error = NULL;

      if (page->loaded)
        continue;
      vt_client_fetch_async (client, page->id, VT_FETCH_KIND_MANIFEST, VT_FETCH_FLAGS_NONE,
                             G_PRIORITY_DEFAULT, NULL, page_fetched_cb, &r);
      while (!r.done)
        g_main_context_iteration (NULL, TRUE);

      if (r.bytes != NULL)
        vt_annotation_page_load (page, r.bytes, &error);
      else
        error = g_steal_pointer (&r.error);
      if (error != NULL)
        /* Translators: the first %s is a URL, the second why it failed */
        g_ptr_array_add (doc->warnings, g_strdup_printf (_("Could not load the annotation page “%s”: %s"),
                                                         page->id, error->message));
      g_clear_pointer (&r.bytes, g_bytes_unref);
      g_clear_error (&r.error);
    }
}

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
print_parsed (VtIiifDocument *doc)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (fetch_annotations)
    fetch_annotation_pages (doc);
  root = vt_inspect_document (doc, (const char * const *) locales);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return EXIT_OK;
}

static int
print_document (GBytes     *bytes,
                const char *base_uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;

  doc = vt_iiif_document_parse (bytes, base_uri, &error);
  if (doc == NULL)
    return fail_iiif (error);

  return print_parsed (doc);
}

static gboolean
is_url (const char *arg)
{
  const char *scheme = g_uri_peek_scheme (arg);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* --- URLs: through the app's own loader ----------------------------- */

typedef struct
{
  gboolean        done;
  VtIiifDocument *doc;
  GError         *error;
} UrlResult;

static void
url_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  UrlResult *r = user_data;

  r->doc = vt_loader_load_document_finish (VT_LOADER (object), result, NULL, &r->error);
  r->done = TRUE;
}

static int
fail_net (const GError *error)
{
  const char *message = error->message;
  const char *server = vt_net_error_get_server_message (error);
  g_autofree char *full = NULL;
  int code;

  switch ((VtNetError) error->code)
    {
    case VT_NET_ERROR_OFFLINE: code = EXIT_NETWORK; break;
    case VT_NET_ERROR_TIMEOUT: code = EXIT_TIMEOUT; break;
    case VT_NET_ERROR_NOT_PUBLIC: code = EXIT_NOT_PUBLIC; break;
    case VT_NET_ERROR_AUTH_REQUIRED: code = EXIT_AUTH_REQUIRED; break;
    case VT_NET_ERROR_NOT_FOUND: code = EXIT_NOT_FOUND; break;
    case VT_NET_ERROR_SERVER: code = EXIT_SERVER; break;
    case VT_NET_ERROR_BAD_REQUEST: code = EXIT_BAD_REQUEST; break;
    case VT_NET_ERROR_UNSUPPORTED_URI: code = EXIT_BAD_REQUEST; break;
    case VT_NET_ERROR_BAD_RESPONSE: code = EXIT_BAD_RESPONSE; break;
    case VT_NET_ERROR_TOO_LARGE: code = EXIT_LIMIT; break;
    case VT_NET_ERROR_TLS: code = EXIT_TLS; break;
    case VT_NET_ERROR_CONNECTION_LOST: code = EXIT_CONNECTION_LOST; break;
    default: code = EXIT_NETWORK; break;
    }

  /* The server's own words (Ghent's 403 explains itself) follow the
   * sentence the app shows, on the same line. */
  if (server != NULL)
    message = full = g_strdup_printf ("%s (%s)", error->message, server);

  return fail (code, vt_net_error_to_nick (error->code), message);
}

static int
inspect_url (const char *url)
{
  g_autoptr(VtClient) client = vt_client_new (NULL);
  g_autoptr(VtLoader) loader = vt_loader_new (client);
  UrlResult r = { 0 };
  int status;

  vt_loader_load_document_async (loader, url, VT_FETCH_FLAGS_NONE, NULL, url_loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);

  if (r.doc != NULL)
    status = print_parsed (r.doc);
  else if (r.error->domain == VT_NET_ERROR)
    status = fail_net (r.error);
  else
    status = fail_iiif (r.error);

  g_clear_pointer (&r.doc, vt_iiif_document_unref);
  g_clear_error (&r.error);
  return status;
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
      "  7  too large or too deeply nested (too-large, too-deep)\n"
      "  8  the server cannot be reached (offline)\n"
      "  9  the server did not answer in time (timeout)\n"
      " 10  the object or image is not public, HTTP 403 (not-public)\n"
      " 11  the server wants a login, HTTP 401 (auth-required)\n"
      " 12  nothing at this address, HTTP 404 or 410 (not-found)\n"
      " 13  the server failed or is busy, HTTP 5xx or 429 (server-error)\n"
      " 14  the request was refused, another HTTP 4xx, or an address that is not\n"
      "     http or https (bad-request, unsupported-uri)\n"
      " 15  the answer is not what was asked for, e.g. a web page (bad-response)\n"
      " 16  the server's certificate cannot be trusted (tls)\n"
      " 17  the connection broke during the answer (connection-lost)\n"
      "On failure one line \"vitrine-inspect: KIND: message\" goes to standard error;\n"
      "KIND is the word in parentheses above, or read, not-json, invalid-utf8,\n"
      "not-iiif, unsupported-version, missing-field, invalid-value, usage."));

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
