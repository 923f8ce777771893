/* bench-huge.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "huge documents" benchmark of issue 10, in the app. Not a test: it
 * prints a table and never fails on a number.
 *
 * A Presentation 3 manifest of 100,000 canvases (about 600 bytes each, in
 * the shape of tests/iiif/vt-iiif-test-huge.h, every canvas on the test
 * bed's IIPImage) is written to a file and opened, each case in a process
 * of its own so that its peak RSS (getrusage) is its alone:
 *
 *  - navigation: VtNavigation on a VtSession, no window: the model alone;
 *  - window: the real window (1280 × 800), with the strip of 100,000
 *    thumbnails, the sidebar and the canvas;
 *  - collection: the real window opening a collection of 100,000
 *    manifests (the limit), its page listing them.
 *
 * Per case: the time until the object is shown (VT_VIEWING_MANIFEST, or
 * the window's "viewer" state), until its first page's image is ready
 * (for the collection: until its page has drawn 30 frames),
 * the peak RSS, the longest the main thread went without running its loop
 * (a 1 ms timer's longest gap) while opening, and the same for 20 page
 * turns (the slowest turn and the longest stall). Target: shown in ≤ 5 s
 * with a peak RSS ≤ 600 MiB.
 *
 * Run: build-aux/bench huge
 *  or: xvfb-run -a meson test -C BUILD --benchmark --suite huge -v
 *  or: BUILD/tests/bench/bench-huge [N_CANVASES]
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "app/vt-application.h"
#include "app/vt-navigation.h"
#include "app/vt-window.h"
#include "vt-testbed.h"

#define N_CANVASES 100000
#define N_TURNS    20

static const char *case_names[] = { "navigation", "window", "collection" };

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* About 600 bytes a canvas, as vt_test_huge_canvas_v3() writes them, but
 * drawn from the test bed so that pages and thumbnails load. */
static void
append_canvas (GString    *json,
               const char *base,
               guint       i)
{
  g_string_append_printf (json,
    "{\"id\":\"%s/b/canvas/p%u\",\"type\":\"Canvas\","
    "\"label\":{\"en\":[\"p. %u\"]},\"width\":12000,\"height\":9000,"
    "\"items\":[{\"id\":\"%s/b/page/p%u/1\",\"type\":\"AnnotationPage\","
    "\"items\":[{\"id\":\"%s/b/annotation/p%u\",\"type\":\"Annotation\","
    "\"motivation\":\"painting\",\"body\":{\"id\":\"%s" VT_TESTBED_IIP_MAIN "/full/max/0/default.jpg\","
    "\"type\":\"Image\",\"width\":12000,\"height\":9000,"
    "\"service\":[{\"id\":\"%s" VT_TESTBED_IIP_MAIN "\",\"type\":\"ImageService2\",\"profile\":\"level1\"}]},"
    "\"target\":\"%s/b/canvas/p%u\"}]}]}",
    base, i, i, base, i, base, i, base, base, base, i);
}

static char *
write_manifest (const char *dir,
                const char *base,
                guint       n_canvases,
                gsize      *size)
{
  GString *json = g_string_sized_new ((gsize) n_canvases * 640 + 1024);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (json,
                          "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                          "\"id\":\"%s/b/manifest\",\"type\":\"Manifest\","
                          "\"label\":{\"en\":[\"A very long book\"]},\"items\":[", base);
  for (guint i = 1; i <= n_canvases; i++)
    {
      if (i > 1)
        g_string_append_c (json, ',');
      append_canvas (json, base, i);
    }
  g_string_append (json, "]}");

  *size = json->len;
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);

  return g_steal_pointer (&path);
}

/* A collection of @n_members manifests, about 150 bytes each. */
static char *
write_collection (const char *dir,
                  const char *base,
                  guint       n_members)
{
  GString *json = g_string_sized_new ((gsize) n_members * 160 + 1024);
  g_autofree char *path = g_build_filename (dir, "collection.json", NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (json,
                          "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                          "\"id\":\"%s/c/collection\",\"type\":\"Collection\","
                          "\"label\":{\"en\":[\"A very large collection\"]},\"items\":[", base);
  for (guint i = 1; i <= n_members; i++)
    g_string_append_printf (json, "%s{\"id\":\"%s/c/manifest/%u\",\"type\":\"Manifest\","
                                  "\"label\":{\"en\":[\"Object %u\"]}}",
                            i > 1 ? "," : "", base, i, i);
  g_string_append (json, "]}");

  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);

  return g_steal_pointer (&path);
}

/* The main thread's longest absence from its loop, by a 1 ms timer. */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  id;
} Stall;

static gboolean
stall_tick (gpointer data)
{
  Stall *s = data;
  gint64 now = g_get_monotonic_time ();

  s->longest = MAX (s->longest, now - s->last);
  s->last = now;
  return G_SOURCE_CONTINUE;
}

static void
stall_start (Stall *s)
{
  s->last = g_get_monotonic_time ();
  s->longest = 0;
  s->id = g_timeout_add (1, stall_tick, s);
}

static double
stall_stop_ms (Stall *s)
{
  stall_tick (s);
  g_clear_handle_id (&s->id, g_source_remove);
  return s->longest / 1000.0;
}

static gboolean
page_settled (VtViewing *viewing)
{
  VtPage *page = vt_viewing_get_page (viewing);

  return page != NULL && vt_page_get_state (page) != VT_PAGE_LOADING &&
         vt_page_get_state (page) != VT_PAGE_EMPTY;
}

static void
iterate_until (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
viewing_not_loading (gpointer data)
{
  return !vt_viewing_is_loading (data);
}

static gboolean
viewing_page_settled (gpointer data)
{
  return page_settled (data);
}

static gboolean
window_not_loading (gpointer data)
{
  return g_strcmp0 (vt_window_get_state_name (data), "loading") != 0;
}

static gboolean
window_page_settled (gpointer data)
{
  VtViewing *viewing = vt_window_get_viewing (data);

  return viewing != NULL && page_settled (viewing);
}

static void
run_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 17 * 1000;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (500);
    }
}

/* Prints: base MiB, shown s, first page s, peak MiB, CPU s, stall ms,
 * slowest turn ms, turn stall ms. */
static int
run_case (const char *name,
          const char *path,
          const char *base_url)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  double base, shown, first_page, cpu, open_stall, turn_stall, slowest_turn = 0;
  Stall stall = { 0 };
  gint64 start;
  VtViewing *viewing;

  g_setenv ("VITRINE_GHENT_API", base_url, TRUE);

  if (g_str_equal (name, "navigation"))
    {
      g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "navigation", NULL);
      g_autoptr(VtClient) client = vt_client_new (cache_dir);
      g_autoptr(VtSession) session = vt_session_new (client);
      g_autoptr(VtNavigation) navigation = vt_navigation_new (session);

      base = peak_rss_mib ();
      cpu = cpu_seconds ();
      start = g_get_monotonic_time ();
      stall_start (&stall);
      viewing = vt_navigation_open (navigation, uri, NULL);
      iterate_until (viewing_not_loading, viewing, 120);
      shown = (g_get_monotonic_time () - start) / 1e6;
      g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_MANIFEST);
      iterate_until (viewing_page_settled, viewing, 60);
      first_page = (g_get_monotonic_time () - start) / 1e6;
      open_stall = stall_stop_ms (&stall);
      cpu = cpu_seconds () - cpu;

      stall_start (&stall);
      for (guint i = 1; i <= N_TURNS; i++)
        {
          gint64 t = g_get_monotonic_time ();

          vt_viewing_set_canvas_index (viewing, i * (vt_viewing_get_n_canvases (viewing) / N_TURNS) - 1);
          slowest_turn = MAX (slowest_turn, (g_get_monotonic_time () - t) / 1e3);
          iterate_until (viewing_page_settled, viewing, 60);
        }
      turn_stall = stall_stop_ms (&stall);
    }
  else
    {
      gboolean collection = g_str_equal (name, "collection");
      g_autoptr(VtApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      VtWindow *window;

      app = vt_application_new ();
      g_application_set_application_id (G_APPLICATION (app), APP_ID ".BenchHuge");
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      window = vt_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        g_main_context_iteration (NULL, TRUE);
      run_frames (10);

      base = peak_rss_mib ();
      cpu = cpu_seconds ();
      start = g_get_monotonic_time ();
      stall_start (&stall);
      vt_window_open_input (window, uri);
      iterate_until (window_not_loading, window, 120);
      shown = (g_get_monotonic_time () - start) / 1e6;
      if (collection)
        {
          /* Its page drawn: the list laid out and on screen. */
          g_assert_cmpstr (vt_window_get_state_name (window), ==, "collection");
          run_frames (30);
          first_page = (g_get_monotonic_time () - start) / 1e6;
          open_stall = stall_stop_ms (&stall);
          cpu = cpu_seconds () - cpu;
          printf ("%.0f %.2f %.2f %.0f %.2f %.0f - -\n", base, shown, first_page, peak_rss_mib (),
                  cpu, open_stall);
          gtk_window_destroy (GTK_WINDOW (window));
          while (g_main_context_iteration (NULL, FALSE))
            ;
          return 0;
        }
      g_assert_cmpstr (vt_window_get_state_name (window), ==, "viewer");
      viewing = vt_window_get_viewing (window);
      iterate_until (window_page_settled, window, 60);
      first_page = (g_get_monotonic_time () - start) / 1e6;
      /* The strip and the canvas draw, the first thumbnails load. */
      run_frames (30);
      open_stall = stall_stop_ms (&stall);
      cpu = cpu_seconds () - cpu;

      stall_start (&stall);
      for (guint i = 1; i <= N_TURNS; i++)
        {
          gint64 t = g_get_monotonic_time ();

          /* A big jump, as the strip's End or a table of contents entry
           * would make, then a frame to draw it. */
          gtk_widget_activate_action (GTK_WIDGET (window),
                                      i % 2 ? "win.last-canvas" : "win.first-canvas", NULL);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-canvas", NULL);
          slowest_turn = MAX (slowest_turn, (g_get_monotonic_time () - t) / 1e3);
          iterate_until (window_page_settled, window, 60);
          run_frames (2);
        }
      turn_stall = stall_stop_ms (&stall);

      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  printf ("%.0f %.2f %.2f %.0f %.2f %.0f %.1f %.0f\n", base, shown, first_page, peak_rss_mib (),
          cpu, open_stall, slowest_turn, turn_stall);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTestbed) testbed = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *collection_path = NULL;
  g_autofree char *command = NULL;
  guint n_canvases = N_CANVASES;
  gsize size = 0;

  if (argc == 5 && g_str_equal (argv[1], "--run"))
    return run_case (argv[2], argv[3], argv[4]);
  if (argc > 1)
    n_canvases = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  if (!vt_testbed_check_available (&reason))
    {
      printf ("SKIP: no test bed: %s\n", reason);
      return 0;
    }
  testbed = vt_testbed_start (&error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("vitrine-bench-huge-XXXXXX", &error);
  g_assert_no_error (error);
  path = write_manifest (dir, vt_testbed_get_base_url (testbed), n_canvases, &size);
  collection_path = write_collection (dir, vt_testbed_get_base_url (testbed), n_canvases);
  /* The children's disk caches, removed with the rest. */
  {
    g_autofree char *cache_home = g_build_filename (dir, "cache", NULL);

    g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  }

  printf ("\nOpening a huge manifest in the app: %u canvases, %.1f MB, from a file; "
          "one process per case (GSK_RENDERER=%s)\n"
          "target: shown in ≤ 5 s, peak RSS ≤ 600 MiB\n\n",
          n_canvases, size / 1e6, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("| %-10s | %8s | %7s | %10s | %8s | %6s | %14s | %13s | %14s |\n",
          "case", "base MiB", "shown s", "1st page s", "peak MiB", "CPU s", "open stall ms",
          "slowest turn ms", "turns stall ms");
  printf ("|------------|----------|---------|------------|----------|--------|----------------|"
          "-----------------|----------------|\n");

  for (guint i = 0; i < G_N_ELEMENTS (case_names); i++)
    {
      const char *child_argv[] = { argv[0], "--run", case_names[i],
                                   g_str_equal (case_names[i], "collection") ? collection_path : path,
                                   vt_testbed_get_base_url (testbed), NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) child_error = NULL;
      g_auto(GStrv) f = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &child_error) ||
          !g_spawn_check_wait_status (status, &child_error))
        {
          printf ("| %-10s | %s\n", case_names[i], child_error->message);
          continue;
        }
      g_strstrip (out);
      f = g_strsplit (out, " ", -1);
      if (g_strv_length (f) != 8)
        {
          printf ("| %-10s | unexpected output “%s”\n", case_names[i], out);
          continue;
        }
      printf ("| %-10s | %8s | %7s | %10s | %8s | %6s | %14s | %15s | %14s |  %s\n",
              case_names[i], f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7],
              g_ascii_strtod (f[1], NULL) <= 5 && g_ascii_strtod (f[3], NULL) <= 600 ? "PASS" : "FAIL");
      fflush (stdout);
    }

  command = g_strdup_printf ("rm -rf '%s'", dir);
  (void) system (command);

  return 0;
}
