/* test-catalogue.c: the catalogue's database and member reader, without
 * a network.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "vt-catalogue-private.h"
#include "vt-catalogue.h"

/* A member in the shape of Ghent's adlib2eventstream, written for this
 * test. */
static const char member_json[] =
  "{\"@id\": \"https://stad.gent/id/mensgemaaktobject/dmg/530000099/2023-02-13T16:19:43.573Z\","
  " \"@type\": \"MensgemaaktObject\","
  " \"dcterms:isVersionOf\": \"https://stad.gent/id/mensgemaaktobject/dmg/530000099\","
  " \"prov:generatedAtTime\": \"2023-02-13T17:19:43.573+01:00\","
  " \"Object.identificator\": ["
  "  {\"Identificator.identificator\": {\"@value\": \"530000099\", \"@type\": \"https://stad.gent/id/identificatiesysteem/priref\"}},"
  "  {\"Identificator.identificator\": {\"@value\": \"2001-0099_0-2\", \"@type\": \"https://stad.gent/id/identificatiesysteem/objectnummer\"}}],"
  " \"MensgemaaktObject.maaktDeelUitVan\": [{\"@type\": \"Collectie\", \"Entiteit.beschrijving\": \"Art Nouveau\"},"
  "   {\"@type\": \"GecureerdeCollectie\", \"Entiteit.beschrijving\": \"not a collection name\"}],"
  " \"Entiteit.classificatie\": [{\"Classificatie.toegekendType\": {\"skos:prefLabel\": {\"@value\": \"theepot\", \"@language\": \"nl\"}}}],"
  " \"MensgemaaktObject.titel\": [{\"@value\": \"Teapot\", \"@language\": \"en\"}, {\"@value\": \"Theepot uit Gent\", \"@language\": \"nl\"}],"
  " \"Entiteit.beschrijving\": {\"@value\": \"Zilveren theepot, ontworpen door Émile.\", \"@language\": \"nl\"},"
  " \"Entiteit.wordtNaarVerwezenDoor\": {\"ConceptueelDing.creatie\": [{"
  "   \"Gebeurtenis.tijd\": {\"@value\": \"1905/1906\"},"
  "   \"Activiteit.uitgevoerdDoor\": {\"equivalent\": {\"@id\": \"https://stad.gent/id/agent/1\", \"label\": {\"@value\": \"Van de Velde, Henry\"}},"
  "     \"Entiteit.type\": {\"label\": \"vervaardiger\"}},"
  "   \"@reverse\": {\"Rol.activiteit\": {\"Rol.agent\": \"https://stad.gent/id/agent/1\", \"Rol.rol\": {\"skos:prefLabel\": {\"@value\": \"ontwerper\"}}}}}]},"
  " \"MaterieelDing.productie\": [{\"Gebeurtenis.tijd\": {\"@value\": \"..\"},"
  "   \"Activiteit.uitgevoerdDoor\": {\"equivalent\": {\"@id\": \"https://stad.gent/id/agent/2\", \"label\": {\"@value\": \"Wolfers Frères\"}},"
  "     \"Entiteit.type\": {\"label\": \"vervaardiger\"}}}],"
  " \"MensgemaaktObject.materiaal\": [{\"Entiteit.type\": [{\"skos:prefLabel\": {\"@value\": \"zilver\"}}, {\"label\": \"materiaal\"}]}],"
  " \"MensgemaaktObject.dimensie\": [{\"Dimensie.type\": \"hoogte\", \"Dimensie.waarde\": \"12\", \"Dimensie.eenheid\": \"cm\"},"
  "   {\"Dimensie.type\": \"breedte\", \"Dimensie.waarde\": \"3\", \"Dimensie.eenheid\": \"cm\"}],"
  " \"Entiteit.isHetOnderwerpVan\": [{\"@id\": \"https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2001-0099_0-2\","
  "   \"conforms_to\": [{\"@id\": \"https://iiif.io/api/presentation\"}]},"
  "   {\"@id\": \"https://api.collectie.gent/iiif/image/iiif/2/abc-2001-0099.jpg\", \"conforms_to\": [{\"@id\": \"http://iiif.io/api/image\"}]}],"
  " \"dcterms:license\": {\"@id\": \"https://creativecommons.org/publicdomain/zero/1.0/\"}"
  "}";

static JsonObject *
parse_object (const char *json,
              JsonParser **parser)
{
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
test_member (void)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(VtCatalogueRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  VtCatalogueMaker *maker;

  record = vt_catalogue_record_new_from_member (parse_object (member_json, &parser), "dmg", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->org, ==, "dmg");
  g_assert_cmpstr (record->object_number, ==, "2001-0099_0-2");
  g_assert_cmpstr (record->object_uri, ==, "https://stad.gent/id/mensgemaaktobject/dmg/530000099");
  /* Times are stored in UTC, so that strings order like times. */
  g_assert_cmpstr (record->generated_at, ==, "2023-02-13T16:19:43.573Z");
  g_assert_cmpstr (record->title, ==, "Theepot uit Gent");
  g_assert_cmpstr (record->description, ==, "Zilveren theepot, ontworpen door Émile.");
  g_assert_cmpuint (record->makers->len, ==, 2);
  maker = g_ptr_array_index (record->makers, 0);
  g_assert_cmpstr (maker->name, ==, "Van de Velde, Henry");
  g_assert_cmpstr (maker->role, ==, "ontwerper");
  maker = g_ptr_array_index (record->makers, 1);
  g_assert_cmpstr (maker->name, ==, "Wolfers Frères");
  g_assert_cmpstr (maker->role, ==, "vervaardiger");
  g_assert_cmpstr (record->date, ==, "1905/1906");
  g_assert_cmpstr (record->object_type, ==, "theepot");
  g_assert_cmpstr (record->material, ==, "zilver");
  g_assert_cmpstr (record->dimensions, ==, "hoogte 12 cm; breedte 3 cm");
  g_assert_cmpstr (record->collection, ==, "Art Nouveau");
  g_assert_cmpstr (record->manifest_url, ==, "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2001-0099_0-2");
  g_assert_cmpstr (record->image_service, ==, "https://api.collectie.gent/iiif/image/iiif/2/abc-2001-0099.jpg");
  g_assert_cmpstr (record->licence, ==, "https://creativecommons.org/publicdomain/zero/1.0/");
  g_assert_cmpstr (record->web_url, ==, "https://data.collectie.gent/entity/dmg:2001-0099_0-2");

  json = vt_catalogue_record_to_json (record);
  g_assert_nonnull (strstr (json, "\"manifest\":\"https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2001-0099_0-2\""));
  g_assert_null (strchr (json, '\n'));
}

static void
test_member_without_number (void)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  VtCatalogueRecord *record;

  record = vt_catalogue_record_new_from_member (parse_object ("{\"@id\": \"x\", \"Object.identificator\": "
                                                              "[{\"Identificator.identificator\": {\"@value\": \"1\","
                                                              " \"@type\": \"https://stad.gent/id/identificatiesysteem/priref\"}}]}",
                                                              &parser), "dmg", &error);
  g_assert_null (record);
  g_assert_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_BAD_PAGE);
}

static VtCatalogueRecord *
make_record (const char *org,
             const char *number,
             const char *when,
             const char *title,
             const char *description,
             const char *maker)
{
  VtCatalogueRecord *record = vt_catalogue_record_new ();

  record->org = g_strdup (org);
  record->object_number = g_strdup (number);
  record->object_uri = g_strdup_printf ("https://stad.gent/id/mensgemaaktobject/%s/%s", org, number);
  record->generated_at = g_strdup (when);
  record->title = g_strdup (title);
  record->description = g_strdup (description);
  record->object_type = g_strdup ("stoel");
  if (maker != NULL)
    vt_catalogue_record_add_maker (record, maker, "ontwerper");
  return record;
}

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
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);

  fixture->dir = g_dir_make_tmp ("vt-catalogue-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "catalogue.sqlite", NULL);
  fixture->catalogue = vt_catalogue_open (fixture->path, &error);
  g_assert_no_error (error);

  g_ptr_array_add (records, make_record ("dmg", "1987-1049", "2023-01-01T00:00:00.000Z",
                                         "Theeservies met zilveren montuur", "Voor een Gentse familie.", "Van de Velde, Henry"));
  g_ptr_array_add (records, make_record ("dmg", "2008-0038_11-14", "2023-01-01T00:00:00.000Z",
                                         "Schoteltje", "Gezicht op Gent, café en kerk.", "Stockmans, Pieter"));
  g_ptr_array_add (records, make_record ("stam", "A2005.02.364.1-2", "2023-01-01T00:00:00.000Z",
                                         "Gezicht op de Korenlei", "Litho van Émile Claus", "Claus, Émile"));
  g_ptr_array_add (records, make_record ("hva", "1987", "2023-01-01T00:00:00.000Z",
                                         "Poppenkast", "Houten poppenkast, 1987-1049 niet", NULL));
  g_ptr_array_add (records, make_record ("archiefgent", "OA_535_001_01", "2023-01-01T00:00:00.000Z",
                                         "Ghent: Abeelstraat, bouwaanvraag", "Een huis te Gand", NULL));
  _vt_catalogue_insert_records (fixture->catalogue, records, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (fixture->path);
  const char *suffixes[] = { "", "-wal", "-shm", NULL };
  guint i;

  g_clear_object (&fixture->catalogue);
  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (sub);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The "org:number" of each result, joined with spaces. */
static char *
search (VtCatalogue *catalogue,
        const char  *query,
        const char  *org)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = vt_catalogue_search (catalogue, query, org, 50, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint i;

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (i = 0; i < results->len; i++)
    {
      VtCatalogueRecord *r = g_ptr_array_index (results, i);

      g_ptr_array_add (ids, g_strconcat (r->org, ":", r->object_number, NULL));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

#define assert_search(catalogue, query, org, expected) \
  G_STMT_START { \
    g_autofree char *got = search (catalogue, query, org); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  VtCatalogue *c = fixture->catalogue;

  /* Diacritics fold both ways. */
  assert_search (c, "emile", NULL, "stam:A2005.02.364.1-2");
  assert_search (c, "ÉMILE", NULL, "stam:A2005.02.364.1-2");
  assert_search (c, "cafe", NULL, "dmg:2008-0038_11-14");
  /* The city under its names. */
  assert_search (c, "Ghent", NULL, "archiefgent:OA_535_001_01 dmg:2008-0038_11-14");
  assert_search (c, "gent", NULL, "archiefgent:OA_535_001_01 dmg:2008-0038_11-14");
  assert_search (c, "Gand", NULL, "archiefgent:OA_535_001_01 dmg:2008-0038_11-14");
  /* Prefixes, as one types. */
  assert_search (c, "Stockm", NULL, "dmg:2008-0038_11-14");
  assert_search (c, "gezi", NULL, "dmg:2008-0038_11-14 stam:A2005.02.364.1-2");
  assert_search (c, "gezi korenl", NULL, "stam:A2005.02.364.1-2");
  /* The organisation filter. */
  assert_search (c, "gezi", "stam", "stam:A2005.02.364.1-2");
  assert_search (c, "gezi", "hva", "");
  /* The organisation is a filter, not a word of the text. */
  assert_search (c, "stam", NULL, "");
  assert_search (c, "dmg", NULL, "");
  /* Object numbers, whole or with their organisation. */
  assert_search (c, "2008-0038_11-14", NULL, "dmg:2008-0038_11-14");
  assert_search (c, "A2005.02.364", NULL, "stam:A2005.02.364.1-2");
  assert_search (c, "dmg:1987-1049", NULL, "dmg:1987-1049");
  assert_search (c, "OA_535_001_01", NULL, "archiefgent:OA_535_001_01");
  /* Nothing typed that could be a word. */
  assert_search (c, "", NULL, "");
  assert_search (c, "   ", NULL, "");
}

static void
test_exact_number_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = vt_catalogue_search (fixture->catalogue, "1987", NULL, 10, &error);
  VtCatalogueRecord *first;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpstr (first->org, ==, "hva");
  g_assert_cmpstr (first->object_number, ==, "1987");
}

/* What people type is text, never FTS5 syntax: no error, no surprise. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *queries[] = { "\"", "\"\"", "*", "**", "NEAR(", "NEAR(gent schoteltje", "OR", "AND", "NOT",
                            "gent OR", "OR gent", "-gent", "title:gent", "^gent", "(", ")", "{title}: x",
                            "gent\"*", "\\", "'", "%", "_", "gent NOT", "NEAR(a b, 3)", NULL };
  guint i;

  for (i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = vt_catalogue_search (fixture->catalogue, queries[i], NULL, 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* Words keep matching what they say, however they are wrapped. */
  assert_search (fixture->catalogue, "\"gent\"", NULL, "archiefgent:OA_535_001_01 dmg:2008-0038_11-14");
  assert_search (fixture->catalogue, "title:schoteltje", NULL, "");
  assert_search (fixture->catalogue, "( schoteltje ) *", NULL, "dmg:2008-0038_11-14");
  assert_search (fixture->catalogue, "OR", NULL, "");

  {
    g_autofree char *match = _vt_catalogue_build_match ("a\"b NEAR( *");

    g_assert_cmpstr (match, ==, "\"a\"\"b\"* AND \"NEAR(\"*");
  }
}

static void
test_latest_version_wins (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  g_autoptr(VtCatalogueRecord) found = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, make_record ("dmg", "1987-1049", "2024-01-01T00:00:00.000Z", "Nieuwe titel", NULL, NULL));
  g_ptr_array_add (records, make_record ("dmg", "1987-1049", "2022-01-01T00:00:00.000Z", "Oude titel", NULL, NULL));
  _vt_catalogue_insert_records (fixture->catalogue, records, &error);
  g_assert_no_error (error);

  found = vt_catalogue_lookup (fixture->catalogue, "dmg", "1987-1049", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->title, ==, "Nieuwe titel");
  g_assert_cmpuint (found->makers->len, ==, 0);
  /* The index follows the row. */
  assert_search (fixture->catalogue, "zilveren", NULL, "");
  assert_search (fixture->catalogue, "nieuwe", NULL, "dmg:1987-1049");
  assert_search (fixture->catalogue, "oude", NULL, "");
}

static void
test_lookup_and_orgs (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCatalogueRecord) record = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  VtCatalogueMaker *maker;

  record = vt_catalogue_lookup (fixture->catalogue, "stam", "A2005.02.364.1-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->title, ==, "Gezicht op de Korenlei");
  g_assert_cmpuint (record->makers->len, ==, 1);
  maker = g_ptr_array_index (record->makers, 0);
  g_assert_cmpstr (maker->name, ==, "Claus, Émile");
  g_assert_cmpstr (maker->role, ==, "ontwerper");
  g_clear_pointer (&record, vt_catalogue_record_unref);

  record = vt_catalogue_lookup (fixture->catalogue, "stam", "A2005.02.364", &error);
  g_assert_null (record);
  g_assert_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  orgs = vt_catalogue_list_orgs (fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 4);
  g_assert_cmpstr (((VtCatalogueOrgInfo *) g_ptr_array_index (orgs, 1))->org, ==, "dmg");
  g_assert_cmpuint (((VtCatalogueOrgInfo *) g_ptr_array_index (orgs, 1))->objects, ==, 2);
  g_assert_cmpint (((VtCatalogueOrgInfo *) g_ptr_array_index (orgs, 1))->last_sync, ==, 0);
  g_assert_cmpint (vt_catalogue_get_size_bytes (fixture->catalogue), >, 0);

  vt_catalogue_remove_org (fixture->catalogue, "dmg", &error);
  g_assert_no_error (error);
  assert_search (fixture->catalogue, "gent", NULL, "archiefgent:OA_535_001_01");
  g_clear_pointer (&orgs, g_ptr_array_unref);
  orgs = vt_catalogue_list_orgs (fixture->catalogue, &error);
  g_assert_cmpuint (orgs->len, ==, 3);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vt_catalogue_search_finish (VT_CATALOGUE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_search_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;

  vt_catalogue_search_async (fixture->catalogue, "Ghent", NULL, 10, NULL, on_searched, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (results->len, ==, 2);
}

/* Work that blocks in GLib's shared GTask pool (a name lookup waiting for
 * a DNS server that does not answer) is the pool's business, not the
 * search's: a search is answered while the pool's threads are all held
 * and more such work waits behind them (issue 11: keystrokes waited
 * seconds for their results behind libsoup's connections). */
#define N_BLOCKERS 100

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean released;
  guint    n_done;
} Gate;

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_is_released (Gate *gate)
{
  gboolean released;

  g_mutex_lock (&gate->lock);
  released = gate->released;
  g_mutex_unlock (&gate->lock);

  return released;
}

static void
blocked_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Gate *gate = task_data;

  g_mutex_lock (&gate->lock);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  g_task_return_boolean (task, TRUE);
}

static void
blocked_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ((Gate *) user_data)->n_done++;
}

/* Lets a search that waits behind the blocked work end, as a failure. */
static gboolean
release_late_cb (gpointer user_data)
{
  gate_release (user_data);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  Gate      *gate;
  GPtrArray *results;
  gboolean   released_at_answer;
} BusySearch;

static void
on_searched_busy (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BusySearch *search = user_data;
  g_autoptr(GError) error = NULL;

  search->released_at_answer = gate_is_released (search->gate);
  search->results = vt_catalogue_search_finish (VT_CATALOGUE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_search_busy_pool (Fixture       *fixture,
                       gconstpointer  data)
{
  Gate gate = { 0 };
  BusySearch search = { &gate, NULL, FALSE };
  guint timeout_id;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  for (guint i = 0; i < N_BLOCKERS; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, blocked_done_cb, &gate);

      g_task_set_task_data (task, &gate, NULL);
      g_task_run_in_thread (task, blocked_thread);
    }
  /* GLib adds a thread to its pool every 0.1 s or more while all are
   * held: the search, were it behind the blocked work, would take about a
   * minute to come up. */
  timeout_id = g_timeout_add_seconds (20, release_late_cb, &gate);

  vt_catalogue_search_async (fixture->catalogue, "Ghent", NULL, 10, NULL, on_searched_busy, &search);
  while (search.results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (search.released_at_answer);
  g_assert_cmpuint (search.results->len, ==, 2);

  gate_release (&gate);
  if (!search.released_at_answer)
    g_source_remove (timeout_id);
  while (gate.n_done < N_BLOCKERS)
    g_main_context_iteration (NULL, TRUE);
  g_ptr_array_unref (search.results);
  g_cond_clear (&gate.cond);
  g_mutex_clear (&gate.lock);
}

/* The harvest's state survives a reopen, and passes the integrity check
 * (SQLite 3.40 reported false NULLs in a WITHOUT ROWID table whose key
 * columns were not first). */
static void
test_reopen_with_state (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtHarvestState) state = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  const char *urls[] = { "http://example.org/s", "http://example.org/s?p=2", NULL };
  const char *targets[] = { "http://example.org/s?p=1", "http://example.org/s?p=0", NULL };
  guint n_changed = 0;

  state = _vt_catalogue_begin_harvest (fixture->catalogue, "http://example.org/s", "dmg", &error);
  g_assert_no_error (error);
  g_assert_false (state->resumed);
  g_clear_pointer (&state, _vt_harvest_state_free);

  g_ptr_array_add (records, make_record ("dmg", "9999", "2023-01-01T00:00:00.000Z", "Nieuw", NULL, NULL));
  _vt_catalogue_store_page (fixture->catalogue, "http://example.org/s", urls, urls[1], records, targets,
                            &n_changed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  g_clear_object (&fixture->catalogue);
  fixture->catalogue = vt_catalogue_open (fixture->path, &error);
  g_assert_no_error (error);

  state = _vt_catalogue_begin_harvest (fixture->catalogue, "http://example.org/s", "dmg", &error);
  g_assert_no_error (error);
  g_assert_true (state->resumed);
  g_assert_cmpuint (state->frontier->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (state->frontier, 0), ==, "http://example.org/s?p=1");
  g_assert_true (g_hash_table_contains (state->visited, urls[0]));
  g_assert_true (g_hash_table_contains (state->immutable, urls[1]));
  g_assert_false (g_hash_table_contains (state->immutable, urls[0]));
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  VtCatalogue *catalogue = vt_catalogue_open_finish (result, error);

  g_assert_true ((catalogue == NULL) == (*error != NULL));
  g_clear_object (&catalogue);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "opened");
}

static void
test_open_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-catalogue-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "catalogue.sqlite", NULL);
  const char *suffixes[] = { "", "-wal", "-shm", NULL };
  guint i;

  vt_catalogue_open_async (path, NULL, on_opened, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_file_set_contents (path, "not a catalogue, not at all, but long enough", -1, &error);
  g_assert_no_error (error);
  vt_catalogue_open_async (path, NULL, on_opened, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT);

  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* A damaged file is reported at open, never half read; rebuild makes a
 * working empty one. */
static void
test_corrupt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-catalogue-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "catalogue.sqlite", NULL);
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  g_autofree char *contents = NULL;
  gsize length;
  guint i;

  /* Not a database at all. */
  g_file_set_contents (path, "This is not SQLite, only some text that is long enough.", -1, &error);
  g_assert_no_error (error);
  catalogue = vt_catalogue_open (path, &error);
  g_assert_null (catalogue);
  g_assert_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT);
  g_clear_error (&error);

  vt_catalogue_rebuild (path, &error);
  g_assert_no_error (error);

  /* A real catalogue whose pages are then overwritten. */
  catalogue = vt_catalogue_open (path, &error);
  g_assert_no_error (error);
  for (i = 0; i < 2000; i++)
    {
      g_autofree char *number = g_strdup_printf ("%04u", i);

      g_ptr_array_add (records, make_record ("dmg", number, "2023-01-01T00:00:00.000Z",
                                             "Een lange titel om pagina's te vullen", "Beschrijving", NULL));
    }
  _vt_catalogue_insert_records (catalogue, records, &error);
  g_assert_no_error (error);
  g_clear_object (&catalogue);  /* checkpoints the WAL into the file */

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 64 * 1024);
  for (i = 8192; i < length - 4096; i += 4096)
    memset (contents + i, 0xa5, 1024);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  catalogue = vt_catalogue_open (path, &error);
  g_assert_null (catalogue);
  g_assert_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT);
  g_clear_error (&error);

  vt_catalogue_rebuild (path, &error);
  g_assert_no_error (error);
  catalogue = vt_catalogue_open (path, &error);
  g_assert_no_error (error);
  assert_search (catalogue, "titel", NULL, "");
  g_clear_object (&catalogue);

  vt_catalogue_rebuild (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/member", test_member);
  g_test_add_func ("/catalogue/member-without-number", test_member_without_number);
  g_test_add ("/catalogue/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/catalogue/exact-number-first", Fixture, NULL, fixture_set_up, test_exact_number_first, fixture_tear_down);
  g_test_add ("/catalogue/hostile-queries", Fixture, NULL, fixture_set_up, test_hostile_queries, fixture_tear_down);
  g_test_add ("/catalogue/latest-version-wins", Fixture, NULL, fixture_set_up, test_latest_version_wins, fixture_tear_down);
  g_test_add ("/catalogue/lookup-and-orgs", Fixture, NULL, fixture_set_up, test_lookup_and_orgs, fixture_tear_down);
  g_test_add ("/catalogue/search-async", Fixture, NULL, fixture_set_up, test_search_async, fixture_tear_down);
  g_test_add ("/catalogue/search-busy-pool", Fixture, NULL, fixture_set_up, test_search_busy_pool, fixture_tear_down);
  g_test_add ("/catalogue/reopen-with-state", Fixture, NULL, fixture_set_up, test_reopen_with_state, fixture_tear_down);
  g_test_add_func ("/catalogue/corrupt", test_corrupt);
  g_test_add_func ("/catalogue/open-async", test_open_async);

  return g_test_run ();
}
