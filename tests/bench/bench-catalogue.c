/* bench-catalogue.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The catalogue benchmark of issue 11. Not a test: it prints a table and
 * never fails on a number.
 *
 *  - harvest: the five organisations' streams of the test bed (real
 *    lighttpd; 11,000 members, 10,000 objects, 110 pages) into a new
 *    database, one stream after the other as the app syncs them: wall
 *    time and the process's peak RSS (getrusage) right after, before
 *    anything else runs. Target ≤ 30 s, ≤ 150 MiB.
 *  - re-sync: the same five streams again, nothing new: HTTP answers
 *    (the root's 302 and the newest page each, so 10 is the floor).
 *  - search: 100,000 synthetic objects written straight into a second
 *    database, then a list of queries as a person types them (prefixes,
 *    whole words, diacritics, the city's names, object numbers, an
 *    organisation filter), 50 results each, each query 5 times: p50, p95
 *    and the slowest. Target p95 ≤ 20 ms.
 *
 * Run: build-aux/bench catalogue
 *  or: meson test -C BUILD --benchmark --suite catalogue -v
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "vt-catalogue-private.h"
#include "vt-ldes-harvest.h"
#include "vt-testbed.h"

#define N_SEARCH_OBJECTS 100000
#define N_REPEATS        5

static const char *orgs[] = { "dmg", "hva", "industriemuseum", "stam", "archiefgent", NULL };

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* CPU time of this thread: the machine the benchmark runs on may be
 * shared, and wall time then measures the neighbours too. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
on_run (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_ldes_harvest_run_finish (VT_LDES_HARVEST (object), result, &error))
    g_printerr ("harvest failed: %s\n", error->message);
  *done = TRUE;
}

/* Harvests the five streams; returns the members read. */
static guint64
harvest_all (VtTestbed   *testbed,
             VtCatalogue *catalogue,
             VtClient    *client)
{
  guint64 members = 0;
  guint i;

  for (i = 0; orgs[i] != NULL; i++)
    {
      g_autofree char *url = vt_ldes_stream_url_for_org (vt_testbed_get_base_url (testbed), orgs[i]);
      g_autoptr(VtLdesHarvest) harvest = vt_ldes_harvest_new (client, catalogue, url, orgs[i]);
      gboolean done = FALSE;

      vt_ldes_harvest_run_async (harvest, NULL, on_run, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      members += vt_ldes_harvest_get_members (harvest);
    }
  return members;
}

static void
remove_db (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", NULL };
  guint i;

  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static const char *words[] = { "theepot", "stoel", "affiche", "foto", "bouwtekening", "weefgetouw", "pop",
                               "kaart", "vaas", "oorkonde", "prent", "schoteltje", "kantkussen", "servies",
                               "lamp", "tafel", "kast", "spiegel", "beeld", "munt" };
static const char *adjectives[] = { "geglazuurde", "houten", "zilveren", "gelakte", "vergulde", "kleine",
                                    "geëmailleerde", "ijzeren", "crèmekleurige", "blauwe", "rode", "oude" };
static const char *places[] = { "Gent", "de Korenlei", "de Veldstraat", "het Gravensteen", "Brugge",
                                "Café De Ware Vrienden", "de Leie", "Gentbrugge", "Antwerpen", "Ledeberg" };
static const char *makers[] = { "Stockmans, Pieter", "Van de Velde, Henry", "Claus, Émile", "Royal Boch",
                                "Minne, George", "Coppens, Hélène", "Horta, Victor", "De Smet, Gustave" };

static void
fill_search_db (VtCatalogue *catalogue)
{
  GRand *rand = g_rand_new_with_seed (42);
  guint done = 0;

  while (done < N_SEARCH_OBJECTS)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
      g_autoptr(GError) error = NULL;
      guint i;

      for (i = 0; i < 5000; i++, done++)
        {
          VtCatalogueRecord *r = vt_catalogue_record_new ();
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          const char *adjective = adjectives[g_rand_int_range (rand, 0, G_N_ELEMENTS (adjectives))];
          const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];

          r->org = g_strdup (orgs[done % 5]);
          r->object_number = g_strdup_printf ("%u-%04u_%u-%u", 1900 + done % 120, done, done % 7, done % 5 + 1);
          r->object_uri = g_strdup_printf ("https://stad.gent/id/mensgemaaktobject/%s/%u", r->org, done);
          r->generated_at = g_strdup ("2023-02-13T16:19:43.573Z");
          r->title = g_strdup_printf ("%s %s uit %s", adjective, word, place);
          r->description = g_strdup_printf ("Een %s %s, gemaakt in %s voor een familie uit %s. Nummer %u van de "
                                            "reeks, met sporen van gebruik en een opschrift.",
                                            adjective, word, place, places[done % G_N_ELEMENTS (places)], done);
          r->object_type = g_strdup (word);
          r->manifest_url = g_strdup_printf ("https://api.collectie.gent/iiif/presentation/v2/manifest/%s:%s",
                                             r->org, r->object_number);
          vt_catalogue_record_add_maker (r, makers[g_rand_int_range (rand, 0, G_N_ELEMENTS (makers))], "ontwerper");
          g_ptr_array_add (records, r);
        }
      if (!_vt_catalogue_insert_records (catalogue, records, &error))
        g_error ("insert: %s", error->message);
    }
  g_rand_free (rand);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtTestbed) testbed = NULL;
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(VtCatalogue) search_catalogue = NULL;
  g_autoptr(VtClient) client = NULL;
  g_autoptr(VtClient) client2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double cpu_p95;
  double slowest_by_query[64] = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *search_path = NULL;
  static const char *queries[] = {
    "g", "ge", "gen", "gent", "Ghent", "Gand", "s", "st", "sto", "stoe", "stoel", "Stockm", "stockmans",
    "cafe", "café", "Émile", "emile claus", "zilveren theepot", "geëmailleerde", "geemailleerde vaas",
    "houten stoel gent", "1987", "1987-0042", "1987-0042_0-1", "dmg:1987-0042_0-1", "kantkussen brugge",
    "v", "ve", "ver", "verg", "vergulde", "vergulde spiegel uit de leie", "\"", "NEAR(", "OR", "ledeberg",
    "horta", "hélène coppens", "reeks", "opschrift", NULL };
  gint64 start;
  double harvest_s, harvest_rss, fill_s;
  guint64 members, objects;
  guint answers, resync_answers, i, n_queries = 0, rep;
  double p50, p95, max, one_char_max = 0;

  testbed = vt_testbed_start_or_skip ();
  if (testbed == NULL)
    return 77;

  dir = g_dir_make_tmp ("vt-bench-catalogue-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "harvest.sqlite", NULL);
  search_path = g_build_filename (dir, "search.sqlite", NULL);

  /* Harvest */
  catalogue = vt_catalogue_open (path, &error);
  g_assert_no_error (error);
  client = vt_client_new (NULL);
  start = g_get_monotonic_time ();
  members = harvest_all (testbed, catalogue, client);
  harvest_s = (g_get_monotonic_time () - start) / 1e6;
  harvest_rss = peak_rss_mib ();
  answers = vt_client_get_n_network_answers (client);
  objects = _vt_catalogue_count_objects (catalogue, NULL);

  /* Re-sync */
  client2 = vt_client_new (NULL);
  harvest_all (testbed, catalogue, client2);
  resync_answers = vt_client_get_n_network_answers (client2);

  /* Search */
  search_catalogue = vt_catalogue_open (search_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  fill_search_db (search_catalogue);
  fill_s = (g_get_monotonic_time () - start) / 1e6;

  for (rep = 0; rep < N_REPEATS; rep++)
    for (i = 0; queries[i] != NULL; i++)
      {
        g_autoptr(GPtrArray) results = NULL;
        const char *org = i % 4 == 3 ? "stam" : NULL;
        double ms, cpu;

        start = g_get_monotonic_time ();
        cpu = thread_cpu_ms ();
        results = vt_catalogue_search (search_catalogue, queries[i], org, 50, &error);
        cpu = thread_cpu_ms () - cpu;
        ms = (g_get_monotonic_time () - start) / 1e3;
        g_array_append_val (cpu_times, cpu);
        g_assert_no_error (error);
        g_array_append_val (times, ms);
        slowest_by_query[i] = MAX (slowest_by_query[i], ms);
        if (g_utf8_strlen (queries[i], -1) == 1 && g_ascii_isalpha (queries[i][0]))
          one_char_max = MAX (one_char_max, ms);
        n_queries++;
      }
  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (guint) (times->len * 0.95));
  max = g_array_index (times, double, times->len - 1);
  g_array_sort (cpu_times, compare_doubles);
  cpu_p95 = g_array_index (cpu_times, double, (guint) (cpu_times->len * 0.95));

  printf ("\nCatalogue benchmark (issue 11)\n\n");
  printf ("| measure                                   | value       | target   |\n");
  printf ("|-------------------------------------------|-------------|----------|\n");
  printf ("| harvest: members / objects                | %" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT " | ≥ 10,000 |\n",
          members, objects);
  printf ("| harvest: time                             | %8.2f s  | ≤ 30 s   |\n", harvest_s);
  printf ("| harvest: members per second               | %8.0f    |          |\n", members / harvest_s);
  printf ("| harvest: HTTP answers (5 streams)         | %8u    |          |\n", answers);
  printf ("| harvest: peak RSS                         | %8.1f MiB | ≤ 150 MiB|\n", harvest_rss);
  printf ("| re-sync, nothing new: HTTP answers        | %8u    | 10 (2 per stream) |\n", resync_answers);
  printf ("| database size after harvest               | %8.1f MiB |          |\n",
          vt_catalogue_get_size_bytes (catalogue) / 1048576.0);
  printf ("| search db: objects written                | %8u    |          |\n", N_SEARCH_OBJECTS);
  printf ("| search db: write time                     | %8.2f s  |          |\n", fill_s);
  printf ("| search: queries timed                     | %8u    |          |\n", n_queries);
  printf ("| search: p50                               | %8.2f ms |          |\n", p50);
  printf ("| search: p95                               | %8.2f ms | ≤ 20 ms  |\n", p95);
  printf ("| search: p95, CPU time of the thread       | %8.2f ms |          |\n", cpu_p95);
  printf ("| search: slowest                           | %8.2f ms |          |\n", max);
  printf ("| search: slowest one-letter prefix         | %8.2f ms |          |\n", one_char_max);
  printf ("| peak RSS at the end                       | %8.1f MiB |          |\n", peak_rss_mib ());

  printf ("\nSlowest of %d runs per query (a few are filtered by organisation):\n\n", N_REPEATS);
  printf ("| query                          | org  | slowest   |\n");
  printf ("|--------------------------------|------|-----------|\n");
  for (i = 0; queries[i] != NULL; i++)
    printf ("| %-30s | %-4s | %6.2f ms |\n", queries[i], i % 4 == 3 ? "stam" : "", slowest_by_query[i]);

  g_clear_object (&catalogue);
  g_clear_object (&search_catalogue);
  if (g_getenv ("VITRINE_BENCH_KEEP") != NULL)
    {
      printf ("kept %s\n", search_path);
      return 0;
    }
  remove_db (path);
  remove_db (search_path);
  g_rmdir (dir);
  return 0;
}
