/* vitrine-catalogue.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vitrine-catalogue"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "catalogue/vt-catalogue.h"
#include "catalogue/vt-ldes-harvest.h"
#include "net/vt-net-error.h"

/* vitrine-catalogue: the Ghent catalogue from the command line. `sync`
 * harvests LDES streams into the local database, `search` and `show`
 * read it, as the app does. */

enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_NOT_FOUND = 2,
  EXIT_CORRUPT = 3,
  EXIT_DATABASE = 4,
  EXIT_NETWORK = 5,
  EXIT_BAD_STREAM = 6,
  EXIT_INTERRUPTED = 7,
};

static char *opt_db;
static char *opt_org;
static gboolean opt_json;
static int opt_limit = 20;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, N_("The catalogue database (default: the app’s)"), N_("FILE") },
  { "org", 0, 0, G_OPTION_ARG_STRING, &opt_org, N_("Only this organisation (search), or the organisation of the streams (sync)"), N_("ORG") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON object per line"), NULL },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, N_("At most this many search results (default: 20)"), N_("N") },
  { NULL }
};

static int
fail (int         status,
      const char *kind,
      const char *message)
{
  g_printerr ("vitrine-catalogue: %s: %s\n", kind, message);
  return status;
}

static int
fail_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail (EXIT_INTERRUPTED, "interrupted",
                 _("Stopped; run the same command again to resume."));

  if (error->domain == VT_CATALOGUE_ERROR)
    {
      switch ((VtCatalogueError) error->code)
        {
        case VT_CATALOGUE_ERROR_CORRUPT:
          return fail (EXIT_CORRUPT, "corrupt", error->message);
        case VT_CATALOGUE_ERROR_IO:
          return fail (EXIT_DATABASE, "database", error->message);
        case VT_CATALOGUE_ERROR_NOT_FOUND:
          return fail (EXIT_NOT_FOUND, "not-found", error->message);
        case VT_CATALOGUE_ERROR_BAD_PAGE:
          return fail (EXIT_BAD_STREAM, "bad-page", error->message);
        case VT_CATALOGUE_ERROR_LOOP:
          return fail (EXIT_BAD_STREAM, "loop", error->message);
        case VT_CATALOGUE_ERROR_UNSAFE_REDIRECT:
          return fail (EXIT_BAD_STREAM, "unsafe-redirect", error->message);
        case VT_CATALOGUE_ERROR_TOO_LARGE:
          return fail (EXIT_BAD_STREAM, "too-large", error->message);
        default:
          break;
        }
    }

  if (error->domain == VT_NET_ERROR)
    return fail (EXIT_NETWORK, vt_net_error_to_nick (error->code), error->message);

  return fail (EXIT_NETWORK, "error", error->message);
}

static VtCatalogue *
open_catalogue (GError **error)
{
  g_autofree char *path = opt_db != NULL ? g_strdup (opt_db) : vt_catalogue_dup_default_path ();

  return vt_catalogue_open (path, error);
}

/* ------------------------------------------------------------------ */
/* sync                                                                */

typedef struct
{
  GMainLoop     *loop;
  GCancellable  *cancellable;
  GError        *error;
  const char    *org;
} SyncRun;

static void
on_progress (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  VtLdesHarvest *harvest = VT_LDES_HARVEST (object);
  SyncRun *run = user_data;
  gint64 remaining = vt_ldes_harvest_get_remaining_items (harvest);

  if (remaining >= 0)
    g_printerr (_("%s: %u pages, %" G_GUINT64_FORMAT " members, %" G_GINT64_FORMAT " to go (%.0f%%)\n"),
                run->org, vt_ldes_harvest_get_pages (harvest), vt_ldes_harvest_get_members (harvest),
                remaining, 100.0 * vt_ldes_harvest_get_fraction (harvest));
  else
    g_printerr (_("%s: %u pages, %" G_GUINT64_FORMAT " members\n"),
                run->org, vt_ldes_harvest_get_pages (harvest), vt_ldes_harvest_get_members (harvest));
}

static void
on_harvested (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncRun *run = user_data;

  vt_ldes_harvest_run_finish (VT_LDES_HARVEST (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_signal (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* The organisation of a Ghent stream: …/v1/<org>/objecten. */
static char *
org_from_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = NULL;
  guint n;

  if (uri == NULL)
    return NULL;
  parts = g_strsplit (g_uri_get_path (uri), "/", -1);
  n = g_strv_length (parts);
  if (n >= 2 && parts[n - 2][0] != '\0')
    return g_strdup (parts[n - 2]);
  return NULL;
}

static int
command_sync (int    argc,
              char **argv)
{
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(VtClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  guint sigint, sigterm;
  int status = EXIT_OK;
  int i;

  if (argc < 1)
    return fail (EXIT_USAGE, "usage", _("sync needs at least one stream address"));

  catalogue = open_catalogue (&error);
  if (catalogue == NULL)
    return fail_error (error);

  /* No disk cache: the catalogue itself remembers which pages it has. */
  client = vt_client_new (NULL);
  sigint = g_unix_signal_add (SIGINT, on_signal, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, cancellable);

  for (i = 0; i < argc && status != EXIT_INTERRUPTED; i++)
    {
      g_autofree char *org = opt_org != NULL ? g_strdup (opt_org) : org_from_url (argv[i]);
      g_autoptr(VtLdesHarvest) harvest = NULL;
      SyncRun run = { loop, cancellable, NULL, NULL };
      int one;

      if (org == NULL || (!g_str_has_prefix (argv[i], "http://") && !g_str_has_prefix (argv[i], "https://")))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not the http(s) address of a stream"), argv[i]);

          status = fail (EXIT_USAGE, "usage", message);
          continue;
        }

      run.org = org;
      harvest = vt_ldes_harvest_new (client, catalogue, argv[i], org);
      g_signal_connect (harvest, "notify::pages", G_CALLBACK (on_progress), &run);
      vt_ldes_harvest_run_async (harvest, cancellable, on_harvested, &run);
      g_main_loop_run (loop);

      if (run.error != NULL)
        {
          one = fail_error (run.error);
          g_clear_error (&run.error);
          /* The most serious failure decides; an interruption stops all. */
          if (one == EXIT_INTERRUPTED || status == EXIT_OK || one < status)
            status = one;
        }
      else
        {
          g_printerr (_("%s: done, %u pages, %" G_GUINT64_FORMAT " members"),
                      org, vt_ldes_harvest_get_pages (harvest), vt_ldes_harvest_get_members (harvest));
          if (vt_ldes_harvest_get_skipped_members (harvest) > 0)
            g_printerr (_(", %u without an object number skipped"), vt_ldes_harvest_get_skipped_members (harvest));
          g_printerr ("\n");
        }
    }

  g_source_remove (sigint);
  g_source_remove (sigterm);
  return status;
}

/* ------------------------------------------------------------------ */
/* search, show, rebuild                                               */

static void
print_record (const VtCatalogueRecord *record,
              gboolean                 full)
{
  if (opt_json)
    {
      g_autofree char *json = vt_catalogue_record_to_json (record);

      g_print ("%s\n", json);
      return;
    }

  g_print ("%s:%s\t%s\n", record->org, record->object_number, record->title != NULL ? record->title : "");
  if (full)
    {
      guint i;

      for (i = 0; i < record->makers->len; i++)
        {
          VtCatalogueMaker *maker = g_ptr_array_index (record->makers, i);

          g_print ("  %s: %s%s%s%s\n", _("Maker"), maker->name,
                   maker->role != NULL ? " (" : "", maker->role != NULL ? maker->role : "",
                   maker->role != NULL ? ")" : "");
        }
#define FIELD(label, value) if ((value) != NULL) g_print ("  %s: %s\n", label, value)
      FIELD (_("Date"), record->date);
      FIELD (_("Object type"), record->object_type);
      FIELD (_("Material"), record->material);
      FIELD (_("Dimensions"), record->dimensions);
      FIELD (_("Collection"), record->collection);
      FIELD (_("Description"), record->description);
      FIELD (_("Manifest"), record->manifest_url);
      FIELD (_("Web page"), record->web_url);
#undef FIELD
    }
}

static int
command_search (int    argc,
                char **argv)
{
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  guint i;

  if (argc < 1)
    return fail (EXIT_USAGE, "usage", _("search needs a query"));

  query = g_strjoinv (" ", argv);
  catalogue = open_catalogue (&error);
  if (catalogue == NULL)
    return fail_error (error);

  results = vt_catalogue_search (catalogue, query, opt_org, MAX (opt_limit, 0), &error);
  if (results == NULL)
    return fail_error (error);

  for (i = 0; i < results->len; i++)
    print_record (g_ptr_array_index (results, i), FALSE);

  return results->len > 0 ? EXIT_OK : EXIT_NOT_FOUND;
}

static int
command_show (int    argc,
              char **argv)
{
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(VtCatalogueRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;
  const char *colon;

  if (argc != 1 || (colon = strchr (argv[0], ':')) == NULL || colon == argv[0] || colon[1] == '\0')
    return fail (EXIT_USAGE, "usage", _("show needs one ORG:NUMBER, e.g. dmg:1987-1049"));

  org = g_strndup (argv[0], colon - argv[0]);
  catalogue = open_catalogue (&error);
  if (catalogue == NULL)
    return fail_error (error);

  record = vt_catalogue_lookup (catalogue, org, colon + 1, &error);
  if (record == NULL)
    return fail_error (error);

  print_record (record, TRUE);
  return EXIT_OK;
}

static int
command_rebuild (int    argc,
                 char **argv)
{
  g_autofree char *path = opt_db != NULL ? g_strdup (opt_db) : vt_catalogue_dup_default_path ();
  g_autoptr(GError) error = NULL;

  if (argc != 0)
    return fail (EXIT_USAGE, "usage", _("rebuild takes no arguments"));

  if (!vt_catalogue_rebuild (path, &error))
    return fail_error (error);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND … — the Ghent catalogue, offline"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Commands:\n"
      "  sync URL…        harvest LDES streams into the catalogue (progress on\n"
      "                   standard error); an interrupted sync resumes\n"
      "  search QUERY     search titles, descriptions, makers, object types and\n"
      "                   object numbers; --json prints one object per line with\n"
      "                   org, object_number, title, manifest and more\n"
      "  show ORG:NUMBER  print what the catalogue knows about one object\n"
      "  rebuild          replace a damaged database with an empty one\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  wrong usage (usage)\n"
      "  2  nothing found: no search results, or an unknown object (not-found)\n"
      "  3  the database is damaged; `vitrine-catalogue rebuild` replaces it (corrupt)\n"
      "  4  the database cannot be read or written (database)\n"
      "  5  a stream could not be fetched: offline, timeout, HTTP error (the\n"
      "     network layer's kind, e.g. offline, server-error, not-found)\n"
      "  6  a stream page is bad: not JSON or truncated, too large, or it\n"
      "     redirects outside http(s) (bad-page, too-large, unsafe-redirect)\n"
      "  7  interrupted; the same sync resumes where it stopped (interrupted)\n"
      "A failed sync keeps everything already stored and resumes on the next run.\n"
      "On failure one line \"vitrine-catalogue: KIND: message\" goes to standard error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_USAGE, "usage", error->message);

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  command = argv[1];
  if (strcmp (command, "sync") == 0)
    status = command_sync (argc - 2, argv + 2);
  else if (strcmp (command, "search") == 0)
    status = command_search (argc - 2, argv + 2);
  else if (strcmp (command, "show") == 0)
    status = command_show (argc - 2, argv + 2);
  else if (strcmp (command, "rebuild") == 0)
    status = command_rebuild (argc - 2, argv + 2);
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), command);

      status = fail (EXIT_USAGE, "usage", message);
    }

  g_clear_pointer (&opt_db, g_free);
  g_clear_pointer (&opt_org, g_free);
  return status;
}
