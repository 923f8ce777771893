/* test-harvest.c: harvesting the test bed's Ghent-shaped LDES streams
 * (real lighttpd, see tests/testbed/generate-ldes.py).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "net/vt-net-error.h"
#include "vt-catalogue-private.h"
#include "vt-ldes-harvest.h"
#include "vt-testbed.h"

static VtTestbed *testbed;
static JsonObject *streams;   /* streams.json's "streams" */
static JsonParser *streams_parser;

typedef struct
{
  char        *dir;
  char        *path;
  VtCatalogue *catalogue;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vt-harvest-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "catalogue.sqlite", NULL);
  fixture->catalogue = vt_catalogue_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", NULL };
  guint i;

  g_clear_object (&fixture->catalogue);
  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static JsonObject *
stream_info (const char *name)
{
  return json_object_get_object_member (streams, name);
}

static char *
stream_url (const char *name)
{
  return vt_ldes_stream_url_for_org (vt_testbed_get_base_url (testbed), name);
}

static VtClient *
new_client (void)
{
  VtClient *client = vt_client_new (NULL);

  /* A 500 is an answer here, not a hiccup to wait out. */
  vt_client_set_retry_policy (client, 0, 10, 10);
  return client;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     cancel_after;
  GCancellable *cancellable;
} Run;

static void
on_run (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;

  run->ok = vt_ldes_harvest_run_finish (VT_LDES_HARVEST (object), result, &run->error);
  run->done = TRUE;
}

static void
on_pages (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  Run *run = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (run->cancel_after > 0 && vt_ldes_harvest_get_pages (VT_LDES_HARVEST (object)) == run->cancel_after)
    g_cancellable_cancel (run->cancellable);
}

/* Harvests @name with @client; returns the harvest, fills @error. */
static VtLdesHarvest *
harvest (Fixture     *fixture,
         VtClient    *client,
         const char  *name,
         guint        cancel_after,
         GError     **error)
{
  g_autofree char *url = stream_url (name);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  VtLdesHarvest *harvest = vt_ldes_harvest_new (client, fixture->catalogue, url, name);
  Run run = { FALSE, FALSE, NULL, cancel_after, cancellable };

  g_signal_connect (harvest, "notify::pages", G_CALLBACK (on_pages), &run);
  vt_ldes_harvest_run_async (harvest, cancellable, on_run, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (run.ok == (run.error == NULL));
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  return harvest;
}

static VtCatalogueOrgInfo *
org_info (Fixture    *fixture,
          const char *org)
{
  g_autoptr(GPtrArray) orgs = vt_catalogue_list_orgs (fixture->catalogue, NULL);
  guint i;

  for (i = 0; i < orgs->len; i++)
    {
      VtCatalogueOrgInfo *info = g_ptr_array_index (orgs, i);

      if (g_strcmp0 (info->org, org) == 0)
        {
          VtCatalogueOrgInfo *copy = g_new0 (VtCatalogueOrgInfo, 1);

          *copy = *info;
          copy->org = g_strdup (info->org);
          return copy;
        }
    }
  return NULL;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCatalogueOrgInfo, vt_catalogue_org_info_free)

static void
test_full_harvest (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtLdesHarvest) h = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalogueOrgInfo) info = NULL;
  g_autoptr(VtCatalogueRecord) record = NULL;
  JsonObject *stream = stream_info ("dmg");
  JsonObject *revised = json_object_get_object_member (stream, "revised");
  g_autoptr(GList) numbers = json_object_get_members (revised);
  guint n_pages = json_array_get_length (json_object_get_array_member (stream, "pages"));
  GList *l;

  if (testbed == NULL)
    return;

  client = new_client ();
  h = harvest (fixture, client, "dmg", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_ldes_harvest_get_pages (h), ==, n_pages);
  g_assert_cmpuint (vt_ldes_harvest_get_members (h), ==, json_object_get_int_member (stream, "members"));
  g_assert_cmpuint (vt_ldes_harvest_get_skipped_members (h), ==, 0);
  g_assert_cmpint (vt_ldes_harvest_get_remaining_items (h), ==, 0);
  g_assert_cmpfloat (vt_ldes_harvest_get_fraction (h), ==, 1.0);
  /* Every page once, plus the root's 302. */
  g_assert_cmpuint (vt_client_get_n_network_answers (client), ==, n_pages + 1);

  info = org_info (fixture, "dmg");
  g_assert_nonnull (info);
  g_assert_cmpuint (info->objects, ==, json_object_get_int_member (stream, "objects"));
  g_assert_true (info->complete);
  g_assert_cmpint (info->last_sync, >, 0);

  /* The latest version of each revised object, whatever page it was on. */
  g_assert_nonnull (numbers);
  for (l = numbers; l != NULL; l = l->next)
    {
      g_autoptr(VtCatalogueRecord) r = vt_catalogue_lookup (fixture->catalogue, "dmg", l->data, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (r->title, ==, json_object_get_string_member (revised, l->data));
    }

  /* The test bed's own objects, for the app's enrichment and 403 page. */
  record = vt_catalogue_lookup (fixture->catalogue, "dmg", "1987-1049", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->title, ==, "Theeservies met zilveren montuur");
  g_assert_cmpstr (record->manifest_url, ==, "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1987-1049");
  g_assert_cmpuint (record->makers->len, ==, 1);
  g_assert_cmpstr (record->image_service, ==,
                   "https://api.collectie.gent/iiif/image/iiif/2/3f1c9a7be20d4e6f8a5b0c2d9e7f6a41-transcode-1987-1049.jpg");
  g_clear_pointer (&record, vt_catalogue_record_unref);
  record = vt_catalogue_lookup (fixture->catalogue, "dmg", "2008-0038_11-14", &error);
  g_assert_no_error (error);
}

/* A second sync with nothing new asks for the root and the newest page
 * only: the older pages were immutable. */
static void
test_resync (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtClient) client2 = NULL;
  g_autoptr(VtLdesHarvest) h = NULL;
  g_autoptr(VtLdesHarvest) h2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalogueOrgInfo) info = NULL;

  if (testbed == NULL)
    return;

  client = new_client ();
  h = harvest (fixture, client, "hva", 0, &error);
  g_assert_no_error (error);

  client2 = new_client ();
  h2 = harvest (fixture, client2, "hva", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_ldes_harvest_get_pages (h2), ==, 1);
  g_assert_cmpuint (vt_client_get_n_network_answers (client2), ==, 2);

  info = org_info (fixture, "hva");
  g_assert_cmpuint (info->objects, ==, json_object_get_int_member (stream_info ("hva"), "objects"));
  g_assert_true (info->complete);
}

/* Cancelled after 5 pages: those are stored, the stream is incomplete,
 * and the next run fetches only the pages not stored yet. */
static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtClient) client2 = NULL;
  g_autoptr(VtLdesHarvest) h = NULL;
  g_autoptr(VtLdesHarvest) h2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalogueOrgInfo) info = NULL;
  g_autoptr(VtCatalogueOrgInfo) info2 = NULL;
  JsonObject *stream = stream_info ("stam");
  guint n_pages = json_array_get_length (json_object_get_array_member (stream, "pages"));

  if (testbed == NULL)
    return;

  client = new_client ();
  h = harvest (fixture, client, "stam", 5, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (vt_ldes_harvest_get_pages (h), ==, 5);

  info = org_info (fixture, "stam");
  g_assert_false (info->complete);
  g_assert_cmpuint (info->objects, >, 0);
  g_assert_cmpuint (info->objects, <, json_object_get_int_member (stream, "objects"));

  client2 = new_client ();
  h2 = harvest (fixture, client2, "stam", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_ldes_harvest_get_pages (h2), ==, n_pages - 5);
  g_assert_cmpuint (vt_client_get_n_network_answers (client2), ==, n_pages - 5);

  info2 = org_info (fixture, "stam");
  g_assert_true (info2->complete);
  g_assert_cmpuint (info2->objects, ==, json_object_get_int_member (stream, "objects"));
}

/* Every kind of tree:relation leads to a page to read. */
static void
test_relation_kinds (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtLdesHarvest) h = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalogueOrgInfo) info = NULL;
  JsonObject *stream = stream_info ("relation-kinds");
  guint n_kinds = json_array_get_length (json_object_get_array_member (stream, "kinds"));

  if (testbed == NULL)
    return;

  g_assert_cmpuint (n_kinds, >=, 10);
  client = new_client ();
  h = harvest (fixture, client, "relation-kinds", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vt_ldes_harvest_get_pages (h), ==, n_kinds + 1);
  info = org_info (fixture, "relation-kinds");
  g_assert_cmpuint (info->objects, ==, json_object_get_int_member (stream, "objects"));
  g_assert_true (info->complete);
}

typedef struct
{
  const char *stream;
  GQuark      domain;
  int         code;
  guint       objects;   /* stored despite the fault */
  gboolean    complete;
} FaultCase;

static void
test_fault (Fixture       *fixture,
            gconstpointer  data)
{
  const FaultCase *fault = data;
  g_autoptr(GError) error = NULL;
  guint run;

  if (testbed == NULL)
    return;

  /* Twice: the second run resumes, and loses nothing either. */
  for (run = 0; run < 2; run++)
    {
      g_autoptr(VtClient) client = new_client ();
      g_autoptr(VtLdesHarvest) h = harvest (fixture, client, fault->stream, 0, &error);
      g_autoptr(VtCatalogueOrgInfo) info = org_info (fixture, fault->stream);

      if (fault->domain == 0)
        g_assert_no_error (error);
      else
        g_assert_error (error, fault->domain, fault->code);
      g_clear_error (&error);

      g_assert_nonnull (info);
      g_assert_cmpuint (info->objects, ==, fault->objects);
      g_assert_true (info->complete == fault->complete);

      if (g_str_equal (fault->stream, "fault-noid") && run == 0)
        g_assert_cmpuint (vt_ldes_harvest_get_skipped_members (h), ==,
                          json_object_get_int_member (stream_info ("fault-noid"), "members") -
                          json_object_get_int_member (stream_info ("fault-noid"), "objects"));
      if (g_str_equal (fault->stream, "fault-loop") && run == 0)
        g_assert_cmpuint (vt_ldes_harvest_get_pages (h), ==, 5);
    }
}

static FaultCase fault_5xx = { "fault-5xx", 0, VT_NET_ERROR_SERVER, 20, FALSE };
static FaultCase fault_truncated = { "fault-truncated", 0, VT_CATALOGUE_ERROR_BAD_PAGE, 20, FALSE };
static FaultCase fault_loop = { "fault-loop", 0, 0, 50, TRUE };
static FaultCase fault_file = { "fault-file", 0, VT_CATALOGUE_ERROR_UNSAFE_REDIRECT, 20, FALSE };
static FaultCase fault_noid = { "fault-noid", 0, 0, 34, TRUE };
static FaultCase fault_huge = { "fault-huge", 0, VT_CATALOGUE_ERROR_TOO_LARGE, 0, FALSE };

int
main (int   argc,
      char *argv[])
{
  g_autofree char *streams_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fault_5xx.domain = VT_NET_ERROR;
  fault_truncated.domain = VT_CATALOGUE_ERROR;
  fault_file.domain = VT_CATALOGUE_ERROR;
  fault_huge.domain = VT_CATALOGUE_ERROR;

  g_test_add ("/harvest/full", Fixture, NULL, fixture_set_up, test_full_harvest, fixture_tear_down);
  g_test_add ("/harvest/resync", Fixture, NULL, fixture_set_up, test_resync, fixture_tear_down);
  g_test_add ("/harvest/resume", Fixture, NULL, fixture_set_up, test_resume, fixture_tear_down);
  g_test_add ("/harvest/relation-kinds", Fixture, NULL, fixture_set_up, test_relation_kinds, fixture_tear_down);
  g_test_add ("/harvest/fault/5xx", Fixture, &fault_5xx, fixture_set_up, test_fault, fixture_tear_down);
  g_test_add ("/harvest/fault/truncated", Fixture, &fault_truncated, fixture_set_up, test_fault, fixture_tear_down);
  g_test_add ("/harvest/fault/loop", Fixture, &fault_loop, fixture_set_up, test_fault, fixture_tear_down);
  g_test_add ("/harvest/fault/file-redirect", Fixture, &fault_file, fixture_set_up, test_fault, fixture_tear_down);
  g_test_add ("/harvest/fault/no-object-number", Fixture, &fault_noid, fixture_set_up, test_fault, fixture_tear_down);
  g_test_add ("/harvest/fault/huge-page", Fixture, &fault_huge, fixture_set_up, test_fault, fixture_tear_down);

  testbed = vt_testbed_start_or_skip ();
  if (testbed != NULL)
    {
      g_autoptr(GError) error = NULL;

      streams_path = g_build_filename (vt_testbed_get_fixtures_dir (), "ldes", "streams.json", NULL);
      streams_parser = json_parser_new ();
      json_parser_load_from_file (streams_parser, streams_path, &error);
      g_assert_no_error (error);
      streams = json_object_get_object_member (json_node_get_object (json_parser_get_root (streams_parser)),
                                               "streams");
    }

  status = g_test_run ();

  g_clear_object (&streams_parser);
  g_clear_pointer (&testbed, vt_testbed_free);
  return status;
}
