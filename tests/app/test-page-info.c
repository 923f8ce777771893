/* test-page-info.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "app/vt-application.h"
#include "app/vt-canvas-toc.h"
#include "app/vt-toc-entry.h"
#include "app/vt-window.h"
#include "vt-testbed.h"
#include "vt-window-test.h"

/* What a document says of one page, in the real window against the test
 * bed, in manifests shaped like the IIIF cookbook's recipes: a canvas's
 * own metadata and links (0029, 0017, 0046), a table of contents whose
 * entries are parts of pages (0025), a zoom counted in the image's pixels
 * whatever the canvas's size (0004). */

typedef VtWindowTest Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (vt_window_test_start_testbed (fixture))
    vt_window_test_open_window (fixture, "PageInfoTest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  vt_window_test_tear_down (fixture);
}

static void
open_cookbook (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_strdup_printf ("/manifests/v3/cookbook/%s.json", name);
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, path);

  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

static gboolean
rows_have (VtWindow   *window,
           const char *row)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (window));

  return rows != NULL && g_strv_contains ((const char * const *) rows, row);
}

static gboolean
rows_have_prefix (VtWindow   *window,
                  const char *prefix)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (window));

  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], prefix))
      return TRUE;
  return FALSE;
}

static void
on_open_uri (VtMetadataView *view,
             const char     *uri,
             GPtrArray      *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
  /* Not to the desktop's browser from a test. */
  g_signal_stop_emission_by_name (view, "open-uri");
}

/* Cookbook 0029 (metadata on a canvas) with 0017's transcript and 0046's
 * alternative format on it: the sidebar says what the document says of
 * the page on screen, and only of it, beside what it says of the object. */
static void
test_canvas_metadata (Fixture       *fixture,
                      gconstpointer  user_data)
{
  VtMetadataView *view;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *transcript = NULL;
  g_autofree char *local = NULL;
  g_autofree char *transcript_url = NULL;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "metadata-anywhere");
  view = vt_window_get_metadata_view (fixture->window);
  g_signal_connect (view, "open-uri", G_CALLBACK (on_open_uri), opened);

  /* The object's own. */
  g_assert_true (rows_have (fixture->window, "Creator: Glindoni, Henry Gillard, 1852-1913"));
  /* The first page's, headed by its label. */
  g_assert_true (rows_have (fixture->window, "Page: Painting under natural light"));
  g_assert_true (rows_have (fixture->window, "Summary: The painting as it hangs."));
  g_assert_true (rows_have (fixture->window,
                            "Description: Dee shows the Queen an experiment; Kelly stands behind him."));
  /* Its links, by what they lead to. */
  g_assert_true (rows_have (fixture->window, "Text: Transcript"));
  g_assert_true (rows_have (fixture->window, "Homepage: In natural light"));
  g_assert_true (rows_have_prefix (fixture->window, "Catalogue Record (XML): "));
  transcript = vt_metadata_view_get_row_markup (view, "Text");
  transcript_url = vt_testbed_get_url (fixture->testbed, "/static/transcript.txt");
  g_assert_nonnull (strstr (transcript, transcript_url));
  /* A link that is not http(s) is shown, not linked, and not opened. */
  local = vt_metadata_view_get_row_markup (view, "PDF Document");
  g_assert_cmpstr (local, ==, "Local file");
  gtk_widget_activate_action (GTK_WIDGET (view), "metadata.follow-link", "s", "file:///etc/passwd");
  g_assert_cmpuint (opened->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "metadata.follow-link", "s", transcript_url);
  g_assert_cmpuint (opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, transcript_url);

  /* The next page: its own, not the first one's. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_true (rows_have (fixture->window, "Page: X-ray view of painting"));
  g_assert_true (rows_have (fixture->window,
                            "Description: A circle of skulls, painted over, shows in the X-ray."));
  g_assert_true (rows_have (fixture->window, "Date: 2015"));
  g_assert_true (rows_have (fixture->window, "Rights: In Copyright"));
  g_assert_false (rows_have_prefix (fixture->window, "Description: Dee"));
  g_assert_false (rows_have (fixture->window, "Text: Transcript"));
  g_assert_false (rows_have_prefix (fixture->window, "Summary: "));
  g_assert_true (rows_have (fixture->window, "Creator: Glindoni, Henry Gillard, 1852-1913"));

  /* A page that says nothing of itself: no section for it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 2);
  g_assert_false (rows_have_prefix (fixture->window, "Page: "));
  g_assert_false (rows_have_prefix (fixture->window, "Description: "));

  /* Back to the first through the model, as the strip does. */
  vt_viewing_set_canvas_index (vt_window_get_viewing (fixture->window), 0);
  g_assert_true (rows_have (fixture->window, "Text: Transcript"));
}

/* Cookbook 0017: a video canvas's transcript, its `rendering`, is a link
 * of the page on screen; a canvas without a label gets no Page row. */
static void
test_video_transcript (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *markup = NULL;
  g_autofree char *url = NULL;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "transcription-av");
  g_assert_true (rows_have (fixture->window, "Text: Transcript"));
  g_assert_false (rows_have_prefix (fixture->window, "Page: "));
  markup = vt_metadata_view_get_row_markup (vt_window_get_metadata_view (fixture->window), "Text");
  url = vt_testbed_get_url (fixture->testbed, "/media/transcript.txt");
  g_assert_nonnull (strstr (markup, url));
}

/* Cookbook 0154, 0240 and 0230: the navPlace of the object and of a page
 * are "Place" rows, by their labels in the user's language and their
 * coordinates, linked to the place on OpenStreetMap; a place off the map
 * is shown by its label alone; the navDate is a "Date" row, as a reader
 * writes a date. */
static void
test_nav_place (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char osm[] =
    "https://www.openstreetmap.org/?mlat=34.07764&mlon=-118.47456#map=15/34.07764/-118.47456";
  VtMetadataView *view;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markup = NULL;
  g_autofree char *href = NULL;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "nav-place");
  view = vt_window_get_metadata_view (fixture->window);
  g_signal_connect (view, "open-uri", G_CALLBACK (on_open_uri), opened);

  /* The object's. */
  g_assert_true (rows_have (fixture->window, "Place: The Laocoön Bronze\n34.0776° N, 118.4746° W"));
  g_assert_true (rows_have (fixture->window, "Place: Off the map"));
  g_assert_true (rows_have (fixture->window, "Date: January 1, 1776"));
  markup = vt_metadata_view_get_row_markup (view, "Place");
  href = g_markup_printf_escaped ("<a href=\"%s\">", osm);
  g_assert_nonnull (strstr (markup, href));
  gtk_widget_activate_action (GTK_WIDGET (view), "metadata.follow-link", "s", osm);
  g_assert_cmpuint (opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, osm);

  /* The first page's: an area by its centre, a time that is not midnight. */
  g_assert_true (rows_have (fixture->window, "Page: Front of the bronze"));
  g_assert_true (rows_have (fixture->window, "Place: Rome\nAround 41.9000° N, 12.5000° E"));
  g_assert_true (rows_have (fixture->window, "Date: May 4, 1986, 14:30 UTC"));

  /* The next page says nothing of itself; the object's place stays. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 1);
  g_assert_false (rows_have_prefix (fixture->window, "Place: Rome"));
  g_assert_false (rows_have_prefix (fixture->window, "Page: "));
  g_assert_true (rows_have_prefix (fixture->window, "Place: The Laocoön Bronze"));

  /* The label in the language picked. */
  vt_metadata_view_set_language (view, "it");
  g_assert_true (rows_have (fixture->window, "Place: Bronzo Laocoonte e i suoi figli\n34.0776° N, 118.4746° W"));
}

/* Table of contents ---------------------------------------------------- */

typedef struct
{
  Fixture *fixture;
  guint    canvas;
  double   region[4];
} Shown;

/* The page @canvas is on screen, its image in the view, and the view
 * shows @region: centred on it, and as large as fits. */
static gboolean
region_shown (gpointer data)
{
  Shown *shown = data;
  VtWindow *window = shown->fixture->window;
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
  VtViewport *vp = vt_image_view_get_viewport (view);
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (window));
  double x, y, w, h;
  double cx = shown->region[0] + shown->region[2] / 2, cy = shown->region[1] + shown->region[3] / 2;

  if (page == NULL || vt_page_get_index (page) != shown->canvas ||
      vt_image_view_get_source (view) == NULL || vt_image_view_get_source (view) != vt_page_get_source (page))
    return FALSE;
  vt_viewport_get_visible_rect (vp, &x, &y, &w, &h);
  return fabs (x + w / 2 - cx) < 2 && fabs (y + h / 2 - cy) < 2 &&
         w >= shown->region[2] - 2 && h >= shown->region[3] - 2 &&
         (fabs (w - shown->region[2]) < 2 || fabs (h - shown->region[3]) < 2);
}

static gboolean
whole_page_shown (gpointer data)
{
  Shown *shown = data;
  VtWindow *window = shown->fixture->window;
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (window));

  return page != NULL && vt_page_get_index (page) == shown->canvas &&
         vt_image_view_get_source (view) != NULL && vt_image_view_get_source (view) == vt_page_get_source (page) &&
         vt_viewport_get_fitted (vt_image_view_get_viewport (view));
}

static VtTocEntry *
toc_row (GListModel *rows,
         guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  return gtk_tree_list_row_get_item (row);
}

/* Cookbook 0025: ranges whose items are parts of pages (a SpecificResource
 * with a FragmentSelector, a canvas id with `#xywh=`). Picking one goes to
 * its page and shows that part of it; a range of whole pages shows the
 * whole page. */
static void
test_toc_regions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtCanvasToc *toc;
  GListModel *rows;
  Shown shown = { fixture };
  VtRect region;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "article-index");
  pane = vt_window_get_canvas_pane (fixture->window);
  toc = vt_canvas_strip_get_toc (vt_canvas_pane_get_strip (pane));
  rows = vt_canvas_toc_get_model (toc);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  {
    g_autoptr(VtTocEntry) skulls = toc_row (rows, 1);
    g_autoptr(VtTocEntry) last = toc_row (rows, 3);

    g_assert_cmpstr (vt_toc_entry_get_label (skulls), ==, "Skulls under the paint");
    g_assert_true (vt_toc_entry_get_region (skulls, &region));
    g_assert_cmpint (region.x, ==, 300);
    g_assert_cmpint (region.height, ==, 800);
    g_assert_false (vt_toc_entry_get_region (last, &region));
  }

  /* An article on page 2, from page 1. */
  g_assert_true (vt_canvas_toc_activate (toc, 1));
  shown.canvas = 1;
  memcpy (shown.region, (double[]) { 300, 400, 600, 800 }, sizeof shown.region);
  vt_window_test_wait_until (region_shown, &shown, "the article on page 2");

  /* One on page 1, given as the canvas's id with #xywh=. */
  g_assert_true (vt_canvas_toc_activate (toc, 2));
  shown.canvas = 0;
  memcpy (shown.region, (double[]) { 1500, 2000, 1000, 1000 }, sizeof shown.region);
  vt_window_test_wait_until (region_shown, &shown, "the story on page 1");

  /* Another part of the page on screen: no page turned, the view moves. */
  {
    g_autoptr(VtTocEntry) front = toc_row (rows, 2);

    g_assert_true (vt_toc_entry_get_region (front, &region));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-fit", NULL);
  shown.canvas = 0;
  vt_window_test_wait_until (whole_page_shown, &shown, "page 1 fitted");
  g_assert_true (vt_canvas_toc_activate (toc, 2));
  vt_window_test_wait_until (region_shown, &shown, "the story on page 1 again");

  /* A whole page: all of it. */
  g_assert_true (vt_canvas_toc_activate (toc, 3));
  shown.canvas = 2;
  vt_window_test_wait_until (whole_page_shown, &shown, "page 3");
}

/* Zoom ----------------------------------------------------------------- */

static gboolean
image_shown (gpointer data)
{
  VtWindow *window = data;
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (window));

  return page != NULL && vt_page_get_state (page) == VT_PAGE_READY &&
         vt_image_view_get_source (view) != NULL && vt_image_view_get_source (view) == vt_page_get_source (page) &&
         vt_viewport_get_width (vt_image_view_get_viewport (view)) > 0;
}

typedef struct
{
  VtImageView *view;
  double       zoom;
} Zoomed;

static gboolean
zoomed (gpointer data)
{
  Zoomed *z = data;

  return fabs (vt_viewport_get_zoom (vt_image_view_get_viewport (z->view)) - z->zoom) < 1e-6;
}

/* Cookbook 0004: a plain image (no image service) on a canvas of another
 * size is stretched over it, but "100 %" and Original Size still put one
 * of its pixels on one device pixel, on a canvas larger than the image and
 * on one smaller (five times: past the view's usual deepest zoom). */
static void
test_canvas_size (Fixture       *fixture,
                  gconstpointer  user_data)
{
  VtCanvasPane *pane;
  Zoomed z;
  int sf;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "canvas-size");
  pane = vt_window_get_canvas_pane (fixture->window);
  z.view = vt_canvas_pane_get_image_view (pane);
  sf = gtk_widget_get_scale_factor (GTK_WIDGET (z.view));
  vt_window_test_wait_until (image_shown, fixture->window, "the image on the large canvas");
  /* The view counts in the canvas's units: 2400 wide, the image 1200. */
  g_assert_cmpfloat (vt_viewport_get_image_width (vt_image_view_get_viewport (z.view)), ==, 2400);

  /* What the view's own "1" key goes by too. */
  g_assert_cmpfloat (vt_image_view_get_pixel_scale (z.view), ==, 0.5);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-original", NULL);
  z.zoom = 0.5 / sf;
  vt_window_test_wait_until (zoomed, &z, "the original size on the large canvas");
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, "100%");
  /* One canvas unit a pixel is two image pixels a pixel. */
  vt_image_view_zoom_to (z.view, 1.0 / sf, FALSE);
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, "200%");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  vt_window_test_wait_until (image_shown, fixture->window, "the image on the small canvas");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-original", NULL);
  z.zoom = 5.0 / sf;
  g_assert_cmpfloat (vt_image_view_get_pixel_scale (z.view), ==, 5.0);
  vt_window_test_wait_until (zoomed, &z, "the original size on the small canvas");
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, "100%");
  vt_image_view_zoom_to (z.view, 10.0 / sf, FALSE);
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, "200%");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  int status;

  /* The row labels are checked in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  cache_dir = g_dir_make_tmp ("vitrine-page-info-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the window tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/page-info/canvas-metadata", test_canvas_metadata);
  ADD ("/vitrine/app/page-info/video-transcript", test_video_transcript);
  ADD ("/vitrine/app/page-info/nav-place", test_nav_place);
  ADD ("/vitrine/app/page-info/toc-regions", test_toc_regions);
  ADD ("/vitrine/app/page-info/canvas-size", test_canvas_size);
#undef ADD

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
  }
  return status;
}
