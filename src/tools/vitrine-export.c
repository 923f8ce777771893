/* vitrine-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vitrine-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "canvas/vt-canvas-error.h"
#include "export/vt-export.h"
#include "iiif/vt-iiif.h"
#include "iiif/vt-rights.h"
#include "net/vt-loader.h"
#include "net/vt-net-error.h"
#include "net/vt-service-cache.h"

/* vitrine-export MANIFEST|INFO_URL|FILE [--canvas N] [--region x,y,w,h]
 *   [--size W,H|max] [--format tif|jpg|png] [--pyramid] -o FILE
 * The exporter of the app, from the command line: a whole image or a
 * region of it, with its rights and credit embedded as XMP. */

enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_READ = 2,
  EXIT_NOT_IIIF = 3,
  EXIT_NO_IMAGE = 4,
  EXIT_INVALID = 5,
  EXIT_LIMITED = 6,
  EXIT_TOO_LARGE = 7,
  EXIT_NETWORK = 8,
  EXIT_DECODE = 9,
  EXIT_WRITE = 10,
  EXIT_CANCELLED = 11,
};

static int canvas_number = 1;
static char *region_arg;
static char *size_arg;
static char *format_arg;
static char *output;
static gboolean pyramidal;
static gboolean quiet;

static const GOptionEntry entries[] = {
  { "canvas", 'c', 0, G_OPTION_ARG_INT, &canvas_number,
    N_("Export this canvas of a manifest, counting from 1 (default 1)"), N_("N") },
  { "region", 'r', 0, G_OPTION_ARG_STRING, &region_arg,
    N_("Export only this region, in full-resolution image pixels"), N_("X,Y,W,H") },
  { "size", 's', 0, G_OPTION_ARG_STRING, &size_arg,
    N_("Export at this size, or the largest the server allows (default: full resolution)"), N_("W,H|max") },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg,
    N_("tif, jpg or png (default: from the output name, else tif)"), N_("FORMAT") },
  { "pyramid", 0, 0, G_OPTION_ARG_NONE, &pyramidal,
    N_("Write a pyramidal TIFF"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
    N_("Write the image to FILE"), N_("FILE") },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
    N_("Print no progress and no licence warning"), NULL },
  { NULL }
};

static int
fail (int         code,
      const char *kind,
      const char *message)
{
  g_printerr ("vitrine-export: %s: %s\n", kind, message);
  return code;
}

static int
fail_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail (EXIT_CANCELLED, "cancelled", _("The export was interrupted; no file was written"));
  if (error->domain == VT_NET_ERROR)
    {
      const char *server = vt_net_error_get_server_message (error);
      g_autofree char *full = NULL;

      if (server != NULL)
        full = g_strdup_printf ("%s (%s)", error->message, server);
      return fail (EXIT_NETWORK, vt_net_error_to_nick (error->code), full ? full : error->message);
    }
  if (error->domain == VT_CANVAS_ERROR)
    return fail (EXIT_DECODE, "decode", error->message);
  if (error->domain == VT_IIIF_ERROR)
    return fail (EXIT_NOT_IIIF, "not-iiif", error->message);
  if (error->domain == VT_EXPORT_ERROR)
    switch ((VtExportError) error->code)
      {
      case VT_EXPORT_ERROR_INVALID:
        return fail (EXIT_INVALID, "invalid", error->message);
      case VT_EXPORT_ERROR_LIMITED:
        return fail (EXIT_LIMITED, "limited", error->message);
      case VT_EXPORT_ERROR_TOO_LARGE:
        return fail (EXIT_TOO_LARGE, "too-large", error->message);
      case VT_EXPORT_ERROR_NO_IMAGE:
        return fail (EXIT_NO_IMAGE, "no-image", error->message);
      case VT_EXPORT_ERROR_WRITE:
      default:
        return fail (EXIT_WRITE, "write", error->message);
      }
  return fail (EXIT_READ, "read", error->message);
}

static gboolean
parse_numbers (const char *arg,
               guint       n,
               gint64     *out)
{
  g_auto (GStrv) parts = g_strsplit (arg, ",", -1);

  if (g_strv_length (parts) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0, G_MAXINT32, &value, NULL))
        return FALSE;
      out[i] = (gint64) value;
    }
  return TRUE;
}

static gboolean
is_url (const char *arg)
{
  const char *scheme = g_uri_peek_scheme (arg);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* Whether a local file is a JSON document rather than an image. */
static gboolean
looks_like_json (const char *path)
{
  char head[64] = { 0 };
  FILE *f = fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isspace (head[i]))
      return head[i] == '{' || head[i] == '[';
  return FALSE;
}

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} Wait;

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Wait *w = user_data;

  w->result = vt_loader_load_document_finish (VT_LOADER (object), result, NULL, &w->error);
  w->done = TRUE;
}

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Wait *w = user_data;
  VtImageService *service;

  service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result,
                                          (VtTilePyramid **) &w->result, &w->error);
  g_clear_pointer (&service, vt_image_service_unref);
  w->done = TRUE;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *w = user_data;

  vt_export_run_finish (VT_EXPORT (object), result, &w->error);
  w->done = TRUE;
}

static void
wait_for (Wait *w)
{
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
progress_cb (VtExport   *export,
             GParamSpec *pspec,
             gpointer    user_data)
{
  g_printerr ("\r%3d %%", (int) (vt_export_get_progress (export) * 100));
}

static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* The export of canvas @canvas_number of a manifest, or of an image
 * service, with what the document says about its rights. */
static int
export_for_document (VtClient        *client,
                     VtIiifDocument  *doc,
                     const char      *uri,
                     VtExport       **out_export)
{
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (VtExportMetadata) metadata = NULL;

  if (doc->kind == VT_IIIF_DOCUMENT_IMAGE_SERVICE)
    {
      pyramid = vt_tile_pyramid_new (doc->image_service);
      metadata = vt_export_metadata_new ();
      metadata->rights_uri = g_strdup (doc->image_service->rights);
      metadata->rights = g_strdup (doc->image_service->rights);
      metadata->source = g_strdup (uri);
    }
  else if (doc->kind == VT_IIIF_DOCUMENT_MANIFEST)
    {
      VtManifest *manifest = doc->manifest;
      guint n = vt_manifest_get_n_canvases (manifest);
      VtCanvas *canvas;
      VtServiceRef *ref;
      VtContentResource *body;

      if (canvas_number < 1 || (guint) canvas_number > n)
        {
          g_autofree char *message = g_strdup_printf (_("There is no canvas %d: the manifest has %u"),
                                                      canvas_number, n);
          return fail (EXIT_NO_IMAGE, "no-image", message);
        }
      canvas = vt_manifest_get_canvas (manifest, canvas_number - 1);
      metadata = vt_export_metadata_new_for_canvas (manifest, canvas_number - 1,
                                                    (const char * const *) g_get_language_names ());
      ref = vt_canvas_get_image_service (canvas);
      body = vt_canvas_get_image (canvas);
      if (ref != NULL && ref->id != NULL)
        {
          g_autoptr (VtServiceCache) cache = vt_service_cache_new (client);
          Wait w = { 0 };

          vt_service_cache_load_async (cache, ref->id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT,
                                       NULL, service_loaded_cb, &w);
          wait_for (&w);
          if (w.error != NULL)
            {
              int status = fail_error (w.error);

              g_clear_error (&w.error);
              return status;
            }
          pyramid = w.result;
        }
      else if (body != NULL && body->id != NULL && body->width > 0 && body->height > 0)
        pyramid = vt_tile_pyramid_new_static (body->id, body->width, body->height);
      else
        return fail (EXIT_NO_IMAGE, "no-image", _("This canvas has no image to export"));
    }
  else
    return fail (EXIT_NOT_IIIF, "not-iiif", _("This is neither a manifest nor an image service"));

  *out_export = vt_export_new_for_pyramid (client, pyramid);
  vt_export_set_metadata (*out_export, metadata);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VtClient) client = NULL;
  g_autoptr (VtExport) export = NULL;
  g_autoptr (GFile) destination = NULL;
  g_autoptr (GCancellable) cancellable = NULL;
  VtExportFormat format = VT_EXPORT_FORMAT_TIFF;
  const char *input;
  Wait w = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("MANIFEST|INFO_URL|FILE — export an image or a region of it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exports the image of a manifest's canvas, of an Image API service (its\n"
      "info.json) or of a local image file, whole or a region of it, at full\n"
      "resolution or a chosen size, as TIFF (BigTIFF when large), JPEG or PNG.\n"
      "Rights, attribution and source are embedded as XMP (and IPTC in JPEG).\n"
      "A licence that does not allow reuse is named on standard error. An\n"
      "interrupted or failed export leaves no file.\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  wrong usage (usage)\n"
      "  2  the input cannot be read (read)\n"
      "  3  not a IIIF document, or not a manifest or image service (not-iiif)\n"
      "  4  no such canvas, or no image on it (no-image)\n"
      "  5  the region or size does not fit the image (invalid)\n"
      "  6  the server's limits forbid that size; the message names the largest\n"
      "     (limited); --size max exports that\n"
      "  7  the format cannot hold an image that large (too-large)\n"
      "  8  a network or server error; KIND is the network error's name, as in\n"
      "     vitrine-inspect (offline, timeout, not-public, not-found, …)\n"
      "  9  the server sent a damaged image or something else (decode)\n"
      " 10  the output file cannot be written (write)\n"
      " 11  interrupted (cancelled)\n"
      "On failure one line \"vitrine-export: KIND: message\" goes to standard error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_USAGE, "usage", error->message);
  if (argc != 2 || output == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }
  input = argv[1];

  if (format_arg != NULL)
    {
      if (!vt_export_format_from_name (format_arg, &format))
        return fail (EXIT_USAGE, "usage", _("The format must be tif, jpg or png"));
    }
  else
    {
      const char *dot = strrchr (output, '.');

      if (dot == NULL || !vt_export_format_from_name (dot + 1, &format))
        format = VT_EXPORT_FORMAT_TIFF;
    }

  client = vt_client_new (NULL);
  if (is_url (input) || looks_like_json (input))
    {
      g_autoptr (VtLoader) loader = vt_loader_new (client);
      g_autoptr (VtIiifDocument) doc = NULL;

      if (is_url (input))
        vt_loader_load_document_async (loader, input, VT_FETCH_FLAGS_NONE, NULL, document_loaded_cb, &w);
      else
        {
          g_autoptr (GFile) file = g_file_new_for_commandline_arg (input);

          vt_loader_load_file_async (loader, file, NULL, document_loaded_cb, &w);
        }
      wait_for (&w);
      if (w.error != NULL)
        return fail_error (w.error);
      doc = w.result;
      status = export_for_document (client, doc, input, &export);
      if (status != EXIT_OK)
        return status;
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (input);

      if (!g_file_query_exists (file, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” does not exist"), input);

          return fail (EXIT_READ, "read", message);
        }
      export = vt_export_new_for_file (file, &error);
      if (export == NULL)
        return fail (EXIT_READ, "read", error->message);
    }

  if (region_arg != NULL)
    {
      gint64 r[4];

      if (!parse_numbers (region_arg, 4, r))
        return fail (EXIT_USAGE, "usage", _("The region must be X,Y,W,H in image pixels"));
      if (!vt_export_set_region (export, r[0], r[1], r[2], r[3], &error))
        return fail_error (error);
    }
  if (size_arg != NULL)
    {
      gint64 s[2];

      if (g_strcmp0 (size_arg, "max") == 0)
        vt_export_get_max_size (export, &s[0], &s[1]);
      else if (!parse_numbers (size_arg, 2, s))
        return fail (EXIT_USAGE, "usage", _("The size must be W,H or max"));
      if (!vt_export_set_size (export, s[0], s[1], &error))
        return fail_error (error);
    }
  vt_export_set_format (export, format);
  vt_export_set_pyramidal (export, pyramidal);

  if (!quiet && vt_export_get_metadata (export)->rights_uri == NULL &&
      vt_export_get_metadata (export)->source != NULL)
    g_printerr ("vitrine-export: %s\n", _("warning: no licence is given for this image; reuse may not be allowed"));
  else if (!quiet && vt_export_get_metadata (export)->rights_uri != NULL &&
           !vt_export_metadata_allows_reuse (vt_export_get_metadata (export)))
    {
      g_autofree char *name = NULL;

      vt_rights_describe (vt_export_get_metadata (export)->rights_uri, &name, NULL);
      g_printerr ("vitrine-export: ");
      g_printerr (_("warning: the licence (%s) does not allow reuse"),
                  name ? name : vt_export_get_metadata (export)->rights_uri);
      g_printerr ("\n");
    }

  cancellable = g_cancellable_new ();
  g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);
  if (!quiet && isatty (STDERR_FILENO))
    g_signal_connect (export, "notify::progress", G_CALLBACK (progress_cb), NULL);

  destination = g_file_new_for_commandline_arg (output);
  w = (Wait) { 0 };
  vt_export_run_async (export, destination, cancellable, exported_cb, &w);
  wait_for (&w);
  if (!quiet && isatty (STDERR_FILENO))
    g_printerr ("\r");
  if (w.error != NULL)
    {
      status = fail_error (w.error);
      g_clear_error (&w.error);
      return status;
    }
  return EXIT_OK;
}
