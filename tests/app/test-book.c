/* test-book.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>

#include "app/vt-application.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view-private.h"
#include "vt-testbed.h"

/* Books in the real window against the real test bed (issue 12): spreads
 * with a single first page, the right-to-left order of their pages on
 * screen, previous and next by spreads, and scrolls of joined canvases.
 * Each page of the test bed's books is a colour of its own (page N shows
 * image N mod 10), so what is drawn where is checked in pixels too. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.BookTest%u", APP_ID, ++app_serial);

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = vt_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static gboolean
not_loading (gpointer data)
{
  return g_strcmp0 (vt_window_get_state_name (data), "loading") != 0;
}

static void
open_book (Fixture    *fixture,
           const char *path)
{
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, path);

  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

static VtCanvasPane *
get_pane (Fixture *fixture)
{
  return vt_window_get_canvas_pane (fixture->window);
}

/* The view shown has settled: every page of a spread has its image, and
 * every tile in view is drawn. */
static gboolean
view_sharp (gpointer data)
{
  VtCanvasPane *pane = data;
  VtImageView *view = vt_canvas_pane_get_image_view (pane);
  VtSpread *spread = vt_canvas_pane_get_spread (pane);

  if (spread != NULL && !vt_spread_is_complete (spread))
    return FALSE;
  return vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY &&
         !vt_image_view_is_animating (view) && vt_image_view_get_sharp (view);
}

static void
turn (Fixture    *fixture,
      const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
canvas_shown (Fixture *fixture)
{
  return vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window));
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  return vt_window_get_action_enabled (fixture->window, action);
}

/* What the image view draws, as RGBA bytes (premultiplied, opaque here). */
typedef struct
{
  guchar *data;
  int     width;
  int     height;
} Shot;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->data, g_free);
}

static Shot
render_view (VtImageView *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Shot shot = { NULL, gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)) };

  /* A widget paintable shows the widget's last drawn frame, and GTK drops
   * that frame whenever a redraw is queued: a tile that has just arrived
   * may have made the view sharp before the frame showing it is drawn.
   * Wait for that frame (a few seconds at most). */
  for (guint i = 0; i < 500; i++)
    {
      gdk_paintable_snapshot (paintable, snapshot, shot.width, shot.height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        break;
      snapshot = gtk_snapshot_new ();
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view))),
                                         node, &GRAPHENE_RECT_INIT (0, 0, shot.width, shot.height));
  shot.data = g_malloc ((gsize) shot.width * shot.height * 4);
  gdk_texture_download (texture, shot.data, shot.width * 4);
  return shot;
}

/* The mean colour of a 20 px square at (fx, fy) of @bounds, away from
 * the digit printed in the middle of each page. gdk_texture_download()
 * gives B, G, R, A in memory order on a little-endian machine. */
static void
mean_colour (const Shot            *shot,
             const graphene_rect_t *bounds,
             double                 fx,
             double                 fy,
             double                 rgb[3])
{
  int x0 = (int) (bounds->origin.x + fx * bounds->size.width);
  int y0 = (int) (bounds->origin.y + fy * bounds->size.height);
  guint n = 0;

  rgb[0] = rgb[1] = rgb[2] = 0;
  for (int y = MAX (0, y0); y < MIN (shot->height, y0 + 20); y++)
    for (int x = MAX (0, x0); x < MIN (shot->width, x0 + 20); x++)
      {
        const guchar *p = shot->data + ((gsize) y * shot->width + x) * 4;

        rgb[0] += p[2];
        rgb[1] += p[1];
        rgb[2] += p[0];
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < 3; i++)
    rgb[i] /= n;
}

/* Cookbook 0010: a paged book read from right to left. Its first page is
 * alone, then spreads whose first page is on the right; "next" (the
 * button at the left, Page Down) moves a spread on, "previous" back. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtImageView *view;
  VtSpread *spread;
  graphene_rect_t first, second, bounds_2, bounds_3;
  Shot shot;
  double colour_2[3], colour_3[3];

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_RTL);
  pane = get_pane (fixture);
  view = vt_canvas_pane_get_image_view (pane);

  g_assert_cmpuint (canvas_shown (fixture), ==, 0);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Page 1 of 12");
  g_assert_null (vt_canvas_pane_get_spread (pane));
  g_assert_true (vt_canvas_strip_get_reversed (vt_canvas_pane_get_strip (pane)));
  g_assert_false (action_enabled (fixture, "win.previous-canvas"));
  g_assert_true (action_enabled (fixture, "win.next-canvas"));

  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 1);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 2–3 of 12");
  spread = vt_canvas_pane_get_spread (pane);
  g_assert_nonnull (spread);
  g_assert_cmpuint (vt_spread_get_n_pages (spread), ==, 2);
  g_assert_cmpuint (vt_page_get_index (vt_spread_get_page (spread, 0)), ==, 1);
  g_assert_cmpuint (vt_page_get_index (vt_spread_get_page (spread, 1)), ==, 2);
  /* Page 2 on the right, page 3 on its left, at one height. */
  vt_spread_get_placement (spread, 0, &first);
  vt_spread_get_placement (spread, 1, &second);
  g_assert_cmpfloat (first.origin.x, ==, VT_TESTBED_BOOK_PAGE_WIDTH);
  g_assert_cmpfloat (second.origin.x, ==, 0);
  g_assert_cmpfloat (first.size.height, ==, second.size.height);

  wait_until (view_sharp, pane, "the spread of pages 2 and 3");
  g_assert_cmpuint (vt_image_view_get_n_layers (view), ==, 2);
  vt_tile_layer_get_widget_bounds (vt_image_view_get_nth_layer (view, 0), &bounds_2);
  vt_tile_layer_get_widget_bounds (vt_image_view_get_nth_layer (view, 1), &bounds_3);
  g_assert_cmpfloat (bounds_3.origin.x + bounds_3.size.width, <=, bounds_2.origin.x + 1);
  /* The whole spread fits the view. */
  g_assert_cmpfloat (bounds_3.origin.x, >=, -1);
  g_assert_cmpfloat (bounds_2.origin.x + bounds_2.size.width, <=, gtk_widget_get_width (GTK_WIDGET (view)) + 1);

  /* In pixels: page 2 is green (image 2), page 3 blue (image 3). */
  shot = render_view (view);
  mean_colour (&shot, &bounds_2, 0.1, 0.1, colour_2);
  mean_colour (&shot, &bounds_3, 0.1, 0.1, colour_3);
  shot_clear (&shot);
  g_assert_cmpfloat (colour_2[1], >, colour_2[2]);
  g_assert_cmpfloat (colour_2[1], >, colour_2[0]);
  g_assert_cmpfloat (colour_3[2], >, colour_3[1]);
  g_assert_cmpfloat (colour_3[2], >, colour_3[0]);

  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 3);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 4–5 of 12");
  turn (fixture, "win.previous-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 1);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 2–3 of 12");
  turn (fixture, "win.previous-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 0);
  g_assert_null (vt_canvas_pane_get_spread (pane));
  g_assert_cmpuint (vt_image_view_get_n_layers (view), ==, 0);

  /* 1 | 2–3 | 4–5 | 6–7 | 8–9 | 10–11 | 12: the last page alone. */
  turn (fixture, "win.last-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 11);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Page 12 of 12");
  g_assert_false (action_enabled (fixture, "win.next-canvas"));
  turn (fixture, "win.previous-canvas");
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 10–11 of 12");

  /* The second page of a spread, picked in the strip, shows its spread;
   * the next spread is the one after it. */
  vt_viewing_set_canvas_index (vt_window_get_viewing (fixture->window), 4);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 4–5 of 12");
  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 5);
}

/* A left-to-right paged book: the first page of a spread on the left. */
static void
test_left_to_right (Fixture       *fixture,
                    gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtSpread *spread;
  graphene_rect_t first;

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_300);
  pane = get_pane (fixture);
  g_assert_false (vt_canvas_strip_get_reversed (vt_canvas_pane_get_strip (pane)));
  turn (fixture, "win.next-canvas");
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 2–3 of 300");
  spread = vt_canvas_pane_get_spread (pane);
  g_assert_nonnull (spread);
  vt_spread_get_placement (spread, 0, &first);
  g_assert_cmpfloat (first.origin.x, ==, 0);
  turn (fixture, "win.last-canvas");
  /* 300 pages: 1, then 149 spreads, then page 300 alone. */
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Page 300 of 300");
}

/* Cookbook 0011 "continuous": every sheet of the scroll in one view,
 * side by side; there is no page to turn to. */
static void
test_continuous (Fixture       *fixture,
                 gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtSpread *spread;

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_CONTINUOUS);
  pane = get_pane (fixture);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 1–4 of 4");
  spread = vt_canvas_pane_get_spread (pane);
  g_assert_nonnull (spread);
  g_assert_cmpuint (vt_spread_get_n_pages (spread), ==, 4);
  g_assert_false (action_enabled (fixture, "win.next-canvas"));
  g_assert_false (action_enabled (fixture, "win.previous-canvas"));
  wait_until (view_sharp, pane, "the scroll");
  g_assert_cmpuint (vt_image_view_get_n_layers (vt_canvas_pane_get_image_view (pane)), ==, 4);
}

/* Cookbook 0010 "top-to-bottom": a scroll read downwards, its sheets
 * stacked at one width. */
static void
test_top_to_bottom (Fixture       *fixture,
                    gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtSpread *spread;
  graphene_rect_t previous, placement;

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_TTB);
  pane = get_pane (fixture);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 1–6 of 6");
  spread = vt_canvas_pane_get_spread (pane);
  g_assert_nonnull (spread);
  g_assert_cmpuint (vt_spread_get_n_pages (spread), ==, 6);
  vt_spread_get_placement (spread, 0, &previous);
  g_assert_cmpfloat (previous.origin.y, ==, 0);
  for (guint i = 1; i < 6; i++)
    {
      vt_spread_get_placement (spread, i, &placement);
      g_assert_cmpfloat (placement.origin.x, ==, 0);
      g_assert_cmpfloat (placement.size.width, ==, VT_TESTBED_BOOK_PAGE_WIDTH);
      g_assert_cmpfloat (placement.origin.y, ==, previous.origin.y + previous.size.height);
      previous = placement;
    }
  /* A vertical book keeps the strip and the buttons as they are. */
  g_assert_false (vt_canvas_strip_get_reversed (vt_canvas_pane_get_strip (pane)));
  wait_until (view_sharp, pane, "the vertical scroll");
}

/* Cookbook 0011 "individuals": one leaf at a time. */
static void
test_individuals (Fixture       *fixture,
                  gconstpointer  user_data)
{
  VtCanvasPane *pane;

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_INDIVIDUALS);
  pane = get_pane (fixture);
  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 1);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Page 2 of 5");
  g_assert_null (vt_canvas_pane_get_spread (pane));
}

/* Cookbook 0024-shaped ranges: the table of contents leaves out the
 * "no-nav" binding; the drop-down of orders offers the book's own, the
 * plates ("thumbnail-nav") and the 1820 binding ("sequence"); page turns
 * follow the order picked. */
static void
test_orders (Fixture       *fixture,
             gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtViewing *viewing;
  GtkDropDown *menu;
  GListModel *labels;
  VtCanvasToc *toc;

  if (fixture->testbed == NULL)
    return;

  open_book (fixture, VT_TESTBED_BOOK_ORDERS);
  pane = get_pane (fixture);
  viewing = vt_window_get_viewing (fixture->window);
  menu = vt_canvas_pane_get_order_menu (pane);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  labels = gtk_drop_down_get_model (menu);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "Standard Order");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "Plates");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 2), ==, "As bound in 1820");

  /* The table of contents: Contents > Text, not the binding. */
  toc = vt_canvas_strip_get_toc (vt_canvas_pane_get_strip (pane));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (toc)));

  /* The plates, one at a time: page 3, then page 5, then no further. */
  gtk_drop_down_set_selected (menu, 1);
  g_assert_cmpuint (vt_viewing_get_canvas_index (viewing), ==, 2);
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Page 3 of 6");
  g_assert_null (vt_canvas_pane_get_spread (pane));
  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 4);
  g_assert_false (action_enabled (fixture, "win.next-canvas"));

  /* As bound in 1820: 1, 5, 4, 3, 2, 6; page 5 is in it, and stays. */
  gtk_drop_down_set_selected (menu, 2);
  g_assert_cmpuint (canvas_shown (fixture), ==, 4);
  g_assert_true (action_enabled (fixture, "win.next-canvas"));
  turn (fixture, "win.next-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 3);
  turn (fixture, "win.previous-canvas");
  turn (fixture, "win.previous-canvas");
  g_assert_cmpuint (canvas_shown (fixture), ==, 0);

  /* Back to the book's own order: spreads again. */
  gtk_drop_down_set_selected (menu, 0);
  turn (fixture, "win.next-canvas");
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, "Pages 2–3 of 6");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* A cache of our own, so that no earlier run answers for the test bed. */
  cache_dir = g_dir_make_tmp ("vitrine-book-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the book tests");
      return 77;
    }
  adw_init ();

  g_test_add ("/vitrine/book/right-to-left", Fixture, NULL, fixture_set_up, test_right_to_left, fixture_tear_down);
  g_test_add ("/vitrine/book/left-to-right", Fixture, NULL, fixture_set_up, test_left_to_right, fixture_tear_down);
  g_test_add ("/vitrine/book/continuous", Fixture, NULL, fixture_set_up, test_continuous, fixture_tear_down);
  g_test_add ("/vitrine/book/top-to-bottom", Fixture, NULL, fixture_set_up, test_top_to_bottom, fixture_tear_down);
  g_test_add ("/vitrine/book/individuals", Fixture, NULL, fixture_set_up, test_individuals, fixture_tear_down);
  g_test_add ("/vitrine/book/orders", Fixture, NULL, fixture_set_up, test_orders, fixture_tear_down);

  return g_test_run ();
}
