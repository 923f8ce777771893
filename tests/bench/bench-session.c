/* bench-session.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "memory over a session" benchmark of issue 10. Not a test: it prints
 * a table and a verdict, and never fails on a number.
 *
 * The real window (VtApplication, VtWindow, 1280 × 800) opens 50 objects of
 * the local test bed in a row, cycling through its Ghent objects and its
 * other manifests. For each it waits until the canvas is sharp at the fit
 * zoom, zooms in twice and waits until it is sharp again, so that the tile
 * cache fills as a user's would. It prints the resident set size (VmRSS)
 * before the first object and after every 10, the decoded bytes the tile
 * cache holds, and the verdict against the memory-cache cap (the
 * memory-cache-size setting) + 80 MiB. A last line gives the RSS after
 * malloc_trim(), which tells memory still in use from memory freed but
 * kept by the allocator.
 *
 * meson runs it twice: with the cairo renderer, as every test here runs,
 * and with GL, as the app runs by default; under Xvfb GL is Mesa's
 * llvmpipe, whose textures and JIT code live in the process.
 *
 * Run: build-aux/bench memory
 *  or: xvfb-run -a meson test -C BUILD --benchmark --suite memory -v
 *  or: BUILD/tests/bench/bench-session [N_OBJECTS]
 */

#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include "app/vt-application.h"
#include "app/vt-window.h"
#include "vt-image-view-private.h"
#include "vt-testbed.h"

#define N_OBJECTS     50
#define REPORT_EVERY  10
#define MARGIN_MIB    80
#define VIEW_W        1280
#define VIEW_H        800

/* What a curator might open in a row: every Ghent object the test bed
 * serves whole, then the other manifests (level 0, static images, P3). */
static const char *inputs[] = {
  VT_TESTBED_OBJECT_DMG,
  VT_TESTBED_OBJECT_TWO_CANVASES,
  VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS,
  VT_TESTBED_OBJECT_HVA,
  VT_TESTBED_OBJECT_INDUSTRIEMUSEUM,
  VT_TESTBED_OBJECT_STAM,
  VT_TESTBED_OBJECT_ARCHIEFGENT,
  VT_TESTBED_OBJECT_SPACE_IN_ID,
  VT_TESTBED_OBJECT_IMAGE_FORBIDDEN,
  VT_TESTBED_OBJECT_IMAGE_MISSING,
  VT_TESTBED_MANIFEST_V2_LEVEL0,
  VT_TESTBED_MANIFEST_V3_LEVEL0,
  VT_TESTBED_MANIFEST_V2_STATIC,
  VT_TESTBED_MANIFEST_V3_STATIC,
  VT_TESTBED_MANIFEST_V3_MULTILINGUAL,
};

/* A line of /proc/self/status in MiB: VmRSS, or RssAnon (the part of it
 * that is not mapped from files: heap, arenas, thread stacks). */
static double
status_mib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  return line ? g_ascii_strtod (line + strlen (key), NULL) / 1024.0 : 0;
}

static double
rss_mib (void)
{
  return status_mib ("VmRSS:");
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done, or for @seconds at most. */
static gboolean
wait_until (gboolean (*done) (VtWindow *), VtWindow *window, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!done (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static VtImageView *
get_view (VtWindow *window)
{
  return vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
}

static gboolean
not_loading (VtWindow *window)
{
  return g_strcmp0 (vt_window_get_state_name (window), "loading") != 0;
}

/* The canvas has its tiles, or has given up on them. */
static gboolean
canvas_settled (VtWindow *window)
{
  VtImageView *view = get_view (window);
  VtViewing *viewing = vt_window_get_viewing (window);
  VtPage *page = viewing ? vt_viewing_get_page (viewing) : NULL;

  if (page != NULL && vt_page_get_state (page) == VT_PAGE_LOADING)
    return FALSE;
  switch (vt_image_view_get_state (view))
    {
    case VT_IMAGE_VIEW_STATE_LOADING:
      return FALSE;
    case VT_IMAGE_VIEW_STATE_READY:
      return !vt_image_view_is_animating (view) && vt_image_view_get_n_loading (view) == 0 &&
             vt_image_view_get_sharp (view);
    case VT_IMAGE_VIEW_STATE_EMPTY:
    case VT_IMAGE_VIEW_STATE_ERROR:
    case VT_IMAGE_VIEW_STATE_NOT_PUBLIC:
    default:
      return TRUE;
    }
}

static char *
input_for (VtTestbed  *testbed,
           const char *input)
{
  return input[0] == '/' ? vt_testbed_get_url (testbed, input) : g_strdup (input);
}

static void
print_row (const char *what,
           guint       n,
           double      rss,
           double      baseline,
           VtWindow   *window,
           double      seconds)
{
  VtTileCache *cache = vt_image_view_get_cache (get_view (window));

  g_print ("%-22s %7u %9.1f %+9.1f %9.1f %10.1f %6u %8.1f\n", what, n, rss, rss - baseline,
           status_mib ("RssAnon:"), vt_tile_cache_get_bytes (cache) / (1024.0 * 1024.0),
           vt_tile_cache_get_n_tiles (cache), seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTestbed) testbed = NULL;
  g_autoptr(VtApplication) app = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *command = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GSettings) settings = NULL;
  VtWindow *window;
  guint n_objects = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : N_OBJECTS;
  guint cap_mib, timeouts = 0;
  double baseline, rss = 0, peak = 0, trimmed;
  g_autofree double *rss_after = g_new0 (double, n_objects + 1);
  gint64 start;

  if (!vt_testbed_check_available (&reason))
    {
      g_print ("SKIP: no test bed: %s\n", reason);
      return 0;
    }

  /* A fresh disk cache, so that every run fetches the same way. */
  cache_home = g_dir_make_tmp ("vitrine-bench-session-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  testbed = vt_testbed_start (&error);
  g_assert_no_error (error);
  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (testbed), TRUE);

  app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".BenchSession");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  settings = g_settings_new (BASE_APP_ID);
  cap_mib = g_settings_get_uint (settings, "memory-cache-size");

  window = vt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  g_print ("\nMemory over a session: %u objects in a row in a %d × %d window "
           "(GSK_RENDERER=%s), cycling through %u test bed inputs\n",
           n_objects, VIEW_W, VIEW_H, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
           (guint) G_N_ELEMENTS (inputs));
  g_print ("memory-cache-size setting: %u MiB; the view's tile cache cap: %.0f MiB\n", cap_mib,
           vt_image_view_get_cache_size (get_view (window)) / (1024.0 * 1024.0));
  g_print ("%-22s %7s %9s %9s %9s %10s %6s %8s\n", "", "objects", "RSS (MiB)", "Δ base",
           "anon MiB", "cache MiB", "tiles", "time (s)");

  baseline = rss_mib ();
  start = g_get_monotonic_time ();
  print_row ("baseline", 0, baseline, baseline, window, 0);

  for (guint i = 0; i < n_objects; i++)
    {
      g_autofree char *input = input_for (testbed, inputs[i % G_N_ELEMENTS (inputs)]);

      vt_window_open_input (window, input);
      if (!wait_until (not_loading, window, 60) ||
          !wait_until (canvas_settled, window, 30))
        timeouts++;

      /* Deeper levels, as a user looking at the object would ask for. */
      if (vt_image_view_get_state (get_view (window)) == VT_IMAGE_VIEW_STATE_READY)
        {
          vt_image_view_zoom_in (get_view (window));
          vt_image_view_zoom_in (get_view (window));
          if (!wait_until (canvas_settled, window, 30))
            timeouts++;
        }

      rss = rss_mib ();
      peak = MAX (peak, rss);
      rss_after[i + 1] = rss;
      if ((i + 1) % REPORT_EVERY == 0 || i + 1 == n_objects)
        print_row ("after", i + 1, rss, baseline, window,
                   (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    }

  malloc_trim (0);
  trimmed = rss_mib ();
  print_row ("after malloc_trim", n_objects, trimmed, baseline, window,
             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_print ("peak RSS seen between objects: %.1f MiB; timeouts: %u\n", peak, timeouts);
  /* The first objects load code, fonts and icons once; what two more
   * rounds of the same inputs add, ending on the same object, is what a
   * longer session would add. */
  if (n_objects > 2 * G_N_ELEMENTS (inputs))
    {
      guint from = n_objects - 2 * G_N_ELEMENTS (inputs);

      g_print ("growth from object %u to %u (the same input, two rounds later): %+.1f MiB "
               "(%+.0f KiB per object)\n", from, n_objects, rss - rss_after[from],
               (rss - rss_after[from]) * 1024 / (n_objects - from));
    }
  g_print ("verdict: RSS after %u objects %.1f MiB %s cap %u MiB + %d MiB = %u MiB: %s\n",
           n_objects, rss, rss <= cap_mib + MARGIN_MIB ? "≤" : ">", cap_mib, MARGIN_MIB,
           cap_mib + MARGIN_MIB, rss <= cap_mib + MARGIN_MIB ? "PASS" : "FAIL");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);

  command = g_strdup_printf ("rm -rf '%s'", cache_home);
  (void) system (command);

  return 0;
}
