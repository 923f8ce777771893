/* bench-compare.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "app/vt-application.h"
#include "app/vt-compare-view.h"
#include "app/vt-window.h"
#include "vt-image-view-private.h"
#include "vt-testbed.h"

/* The compare view after a synchronised zoom: how long until both panes
 * are sharp, against one pane doing the same zoom in the same run (the
 * other unlinked), in panes of the same size. The panes show the 300 mm
 * panel (12000 × 9000, IIPImage) and the 600 mm sheet (6000 × 4000,
 * level 0 tiles from lighttpd). Each round zooms into a region no earlier
 * round saw, so no tile comes from the memory cache. A table, no
 * assertions on time. */

#define VIEW_W    1280
#define VIEW_H    800
#define ROUNDS    6
#define ZOOM      8.0   /* relative to fit: each view an eighth of the image across */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (gboolean (*done) (VtCompareView *, guint),
            VtCompareView *compare,
            guint          n,
            guint          seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!done (compare, n) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* The first @n panes have all their tiles. */
static gboolean
settled (VtCompareView *compare,
         guint          n)
{
  if (vt_compare_view_get_n_panes (compare) < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      VtImageView *view = vt_compare_view_get_image_view (compare, i);

      if (vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_READY ||
          vt_viewport_get_image_width (vt_image_view_get_viewport (view)) <= 0 ||
          vt_image_view_is_animating (view) || vt_image_view_get_n_loading (view) > 0 ||
          !vt_image_view_get_sharp (view))
        return FALSE;
    }
  return TRUE;
}

static gboolean
loading (VtCompareView *compare,
         guint          n)
{
  for (guint i = 0; i < n; i++)
    if (!vt_image_view_get_sharp (vt_compare_view_get_image_view (compare, i)))
      return TRUE;
  return FALSE;
}

static void
settle_frames (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Zooms pane 0 to ZOOM × fit about image point (@fx, @fy) and returns
 * the seconds until the first @n panes are sharp. */
static double
zoom_and_time (VtCompareView *compare,
               guint          n,
               double         fx,
               double         fy)
{
  VtViewport *vp = vt_image_view_get_viewport (vt_compare_view_get_image_view (compare, 0));
  double wx, wy;
  gint64 start;

  vt_viewport_image_to_widget (vp, fx * vt_viewport_get_image_width (vp),
                               fy * vt_viewport_get_image_height (vp), &wx, &wy);
  start = g_get_monotonic_time ();
  vt_viewport_zoom_at (vp, vt_viewport_get_fit_zoom (vp) * ZOOM, wx, wy);
  /* The tile layers see the new view at their next frame. */
  wait_until (loading, compare, n, 1);
  if (!wait_until (settled, compare, n, 60))
    return NAN;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
back_to_fit (VtCompareView *compare)
{
  for (guint i = 0; i < vt_compare_view_get_n_panes (compare); i++)
    vt_viewport_fit (vt_image_view_get_viewport (vt_compare_view_get_image_view (compare, i)));
  wait_until (settled, compare, 2, 60);
  settle_frames ();
}

int
main (int   argc,
      char *argv[])
{
  /* Regions in pairs: one for the single pane, one for the pair, each
   * seen once. */
  static const double regions[ROUNDS][2][2] = {
    { { 0.20, 0.25 }, { 0.75, 0.70 } },
    { { 0.70, 0.30 }, { 0.25, 0.75 } },
    { { 0.45, 0.20 }, { 0.50, 0.80 } },
    { { 0.20, 0.60 }, { 0.80, 0.40 } },
    { { 0.35, 0.40 }, { 0.65, 0.55 } },
    { { 0.80, 0.80 }, { 0.10, 0.05 } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTestbed) testbed = NULL;
  g_autoptr(VtApplication) app = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *sheet = NULL;
  const char *inputs[3];
  VtWindow *window;
  VtCompareView *compare;
  double single_sum = 0, pair_sum = 0;
  guint counted = 0;

  if (!vt_testbed_check_available (&reason))
    {
      g_print ("SKIP: no test bed: %s\n", reason);
      return 0;
    }

  /* A fresh disk cache, so that every tile is fetched, and no catalogue
   * or settings of the user's. */
  cache_home = g_dir_make_tmp ("vitrine-bench-compare-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("XDG_DATA_HOME", cache_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", cache_home, TRUE);

  testbed = vt_testbed_start (&error);
  g_assert_no_error (error);
  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (testbed), TRUE);
  panel = vt_testbed_get_url (testbed, VT_TESTBED_MANIFEST_V3_PHYSDIM_PANEL);
  sheet = vt_testbed_get_url (testbed, VT_TESTBED_MANIFEST_V3_PHYSDIM_SHEET);

  app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".BenchCompare");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = vt_window_new (app);
  compare = vt_window_get_compare_view (window);
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  inputs[0] = panel;
  inputs[1] = sheet;
  inputs[2] = NULL;
  vt_window_compare (window, inputs);
  if (!wait_until (settled, compare, 2, 60))
    g_error ("The compared panes did not load");
  settle_frames ();

  {
    VtViewport *vp = vt_image_view_get_viewport (vt_compare_view_get_image_view (compare, 0));

    g_print ("\nCompare view: time to sharp after a zoom to %.0f× fit, in panes of %.0f × %.0f px "
             "(window %d × %d)\n", ZOOM, vt_viewport_get_width (vp), vt_viewport_get_height (vp),
             VIEW_W, VIEW_H);
  }
  g_print ("%-6s %-14s %12s %-14s %12s %8s\n", "round", "single at", "single (s)", "pair at",
           "pair (s)", "ratio");

  for (guint r = 0; r < ROUNDS; r++)
    {
      double single, pair;

      /* One pane alone: the other unlinked, left at fit. */
      vt_compare_view_set_sync (compare, VT_COMPARE_SYNC_NONE);
      back_to_fit (compare);
      single = zoom_and_time (compare, 1, regions[r][0][0], regions[r][0][1]);

      /* Both, linked: pane 1 follows pane 0's zoom. */
      back_to_fit (compare);
      vt_compare_view_set_active (compare, 0);
      vt_compare_view_set_sync (compare, VT_COMPARE_SYNC_IMAGE);
      settle_frames ();
      pair = zoom_and_time (compare, 2, regions[r][1][0], regions[r][1][1]);

      g_print ("%-6u (%.2f, %.2f)   %12.3f (%.2f, %.2f)   %12.3f %8.2f\n", r + 1,
               regions[r][0][0], regions[r][0][1], single, regions[r][1][0], regions[r][1][1],
               pair, pair / single);
      if (isfinite (single) && isfinite (pair))
        {
          single_sum += single;
          pair_sum += pair;
          counted++;
        }
    }

  if (counted > 0)
    g_print ("%-6s %-14s %12.3f %-14s %12.3f %8.2f\n", "mean", "", single_sum / counted, "",
             pair_sum / counted, pair_sum / single_sum);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}
