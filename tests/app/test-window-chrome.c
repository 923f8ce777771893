/* test-window-chrome.c
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
#include "vt-testbed.h"

/* What tells the curator where they are, in the real window against the
 * real test bed: the zoom level, the page indicator, the collection's
 * rows, the welcome page's objects and the sidebar's Ghent rows. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
} Fixture;

static guint app_serial;

static VtWindow *
new_window (Fixture *fixture)
{
  VtWindow *window = vt_window_new (fixture->app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.ChromeTest%u", APP_ID, ++app_serial);

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (fixture->testbed), TRUE);

  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_settings_reset (vt_application_get_settings (fixture->app), "recent-objects");

  fixture->window = new_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->app != NULL)
    g_settings_reset (vt_application_get_settings (fixture->app), "recent-objects");
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   done,
            gpointer    data,
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
open_and_wait (VtWindow   *window,
               const char *input,
               const char *expected_state)
{
  vt_window_open_input (window, input);
  wait_until (not_loading, window, input);
  g_assert_cmpstr (vt_window_get_state_name (window), ==, expected_state);
}

static VtImageView *
get_image_view (VtWindow *window)
{
  return vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
}

static gboolean
image_ready (gpointer data)
{
  return vt_image_view_get_state (get_image_view (data)) == VT_IMAGE_VIEW_STATE_READY;
}

/* What the zoom button should say for the zoom the view has now. */
static char *
expected_zoom_text (VtWindow *window)
{
  VtImageView *view = get_image_view (window);
  double zoom = vt_viewport_get_zoom (vt_image_view_get_viewport (view));

  return g_strdup_printf ("%d%%", MAX (1, (int) (zoom * gtk_widget_get_scale_factor (GTK_WIDGET (view)) * 100 + 0.5)));
}

typedef struct
{
  VtWindow   *window;
  const char *text;
} ZoomWait;

static gboolean
zoom_text_is (gpointer data)
{
  ZoomWait *wait = data;

  return g_strcmp0 (vt_canvas_pane_get_zoom_text (vt_window_get_canvas_pane (wait->window)), wait->text) == 0;
}

static gboolean
zoom_settled (gpointer data)
{
  VtWindow *window = data;
  g_autofree char *expected = expected_zoom_text (window);
  VtViewport *viewport = vt_image_view_get_viewport (get_image_view (window));

  /* Fitted to a laid-out view of the image, not to nothing yet. */
  return vt_viewport_get_fitted (viewport) &&
         vt_viewport_get_image_width (viewport) > 0 && vt_viewport_get_width (viewport) > 0 &&
         G_APPROX_VALUE (vt_viewport_get_zoom (viewport), vt_viewport_get_fit_zoom (viewport), 1e-9) &&
         g_strcmp0 (vt_canvas_pane_get_zoom_text (vt_window_get_canvas_pane (window)), expected) == 0;
}

static gboolean
zoom_at_device_pixels (gpointer data)
{
  VtWindow *window = data;
  double zoom = vt_viewport_get_zoom (vt_image_view_get_viewport (get_image_view (window)));

  return G_APPROX_VALUE (zoom * gtk_widget_get_scale_factor (GTK_WIDGET (window)), 1.0, 1e-6);
}

static void
test_zoom_label (Fixture       *fixture,
                 gconstpointer  user_data)
{
  VtCanvasPane *pane;
  g_autofree char *fitted = NULL;
  ZoomWait wait = { fixture->window, "100%" };
  int percent;

  if (fixture->testbed == NULL)
    return;

  pane = vt_window_get_canvas_pane (fixture->window);
  open_and_wait (fixture->window, VT_TESTBED_OBJECT_DMG, "viewer");
  wait_until (image_ready, fixture->window, "the image");
  wait_until (zoom_settled, fixture->window, "the fitted zoom");

  /* The 12000 px wide image fits a window 1280 px wide at a few percent. */
  fitted = g_strdup (vt_canvas_pane_get_zoom_text (pane));
  percent = atoi (fitted);
  g_assert_cmpint (percent, >=, 1);
  g_assert_cmpint (percent, <, 20);
  g_assert_true (g_str_has_suffix (fitted, "%"));

  /* 100 %: one image pixel per device pixel. */
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.zoom-original"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-original", NULL);
  wait_until (zoom_at_device_pixels, fixture->window, "the end of the zoom to 100%");
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, "100%");

  /* The label follows every zoom, not only the menu's. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-out", NULL);
  wait.text = "100%";
  while (zoom_text_is (&wait))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *expected = expected_zoom_text (fixture->window);
    ZoomWait now = { fixture->window, expected };

    wait_until (zoom_text_is, &now, "the zoomed-out label");
    g_assert_cmpint (atoi (vt_canvas_pane_get_zoom_text (pane)), <, 100);
  }

  /* The label is a button: its menu offers Fit and 100 %. */
  {
    GtkMenuButton *button = NULL;
    GMenuModel *menu;
    g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);

    for (GtkWidget *w = GTK_WIDGET (pane); w != NULL; )
      {
        GtkWidget *next = gtk_widget_get_first_child (w);

        /* The first shown: a Layers button waits hidden beside it. */
        if (GTK_IS_MENU_BUTTON (w) && gtk_widget_get_visible (w))
          {
            button = GTK_MENU_BUTTON (w);
            break;
          }
        while (next == NULL && w != NULL && w != GTK_WIDGET (pane))
          {
            next = gtk_widget_get_next_sibling (w);
            if (next == NULL)
              w = gtk_widget_get_parent (w);
          }
        if (next == NULL)
          break;
        w = next;
      }
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_menu_button_get_label (button), ==, vt_canvas_pane_get_zoom_text (pane));
    menu = gtk_menu_button_get_menu_model (button);
    g_assert_nonnull (menu);
    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            char *action = NULL;

            if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
              g_ptr_array_add (actions, action);
          }
      }
    g_assert_cmpuint (actions->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (actions, 0), ==, "win.zoom-fit");
    g_assert_cmpstr (g_ptr_array_index (actions, 1), ==, "win.zoom-original");
    gtk_menu_button_popup (button);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
    gtk_menu_button_popdown (button);
  }

  /* Fit brings back the first label. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-fit", NULL);
  wait_until (zoom_settled, fixture->window, "the fitted zoom again");
  g_assert_cmpstr (vt_canvas_pane_get_zoom_text (pane), ==, fitted);
}

/* The button inside @widget that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_page (Fixture    *fixture,
            const char *text,
            gboolean    previous,
            gboolean    next)
{
  VtCanvasPane *pane = vt_window_get_canvas_pane (fixture->window);
  GtkWidget *previous_button = find_action_button (GTK_WIDGET (pane), "win.previous-canvas");
  GtkWidget *next_button = find_action_button (GTK_WIDGET (pane), "win.next-canvas");

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (vt_canvas_pane_get_page_text (pane), ==, text);
  g_assert_nonnull (previous_button);
  g_assert_nonnull (next_button);
  g_assert_true (gtk_widget_is_drawable (previous_button));
  g_assert_cmpint (gtk_widget_is_sensitive (previous_button), ==, previous);
  g_assert_cmpint (gtk_widget_is_sensitive (next_button), ==, next);
}

static void
test_page_indicator (Fixture       *fixture,
                     gconstpointer  user_data)
{
  VtCanvasPane *pane;
  GtkWidget *next_button;

  if (fixture->testbed == NULL)
    return;

  pane = vt_window_get_canvas_pane (fixture->window);
  open_and_wait (fixture->window, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, "viewer");
  check_page (fixture, "Page 1 of 3", FALSE, TRUE);

  /* The buttons turn the pages, as the keys do. */
  next_button = find_action_button (GTK_WIDGET (pane), "win.next-canvas");
  g_signal_emit_by_name (next_button, "clicked");
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 1);
  check_page (fixture, "Page 2 of 3", TRUE, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  check_page (fixture, "Page 3 of 3", TRUE, FALSE);

  /* The strip moves the indicator too. */
  vt_viewing_set_canvas_index (vt_window_get_viewing (fixture->window), 0);
  check_page (fixture, "Page 1 of 3", FALSE, TRUE);

  /* On a narrow canvas the indicator gives way to the zoom controls: the
   * same object in a pane 360 px wide (a phone-sized window). */
  {
    GtkWidget *narrow = gtk_window_new ();
    VtCanvasPane *small = g_object_new (VT_TYPE_CANVAS_PANE, NULL);
    GtkWidget *next, *rotate;
    graphene_rect_t next_bounds, rotate_bounds;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    gtk_window_set_default_size (GTK_WINDOW (narrow), 360, 480);
    gtk_window_set_child (GTK_WINDOW (narrow), GTK_WIDGET (small));
    vt_canvas_pane_set_viewing (small, vt_window_get_viewing (fixture->window));
    gtk_window_present (GTK_WINDOW (narrow));
    next = find_action_button (GTK_WIDGET (small), "win.next-canvas");
    rotate = find_action_button (GTK_WIDGET (small), "win.rotate");
    while ((gtk_widget_get_width (next) == 0 || gtk_widget_get_width (rotate) == 0) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);

    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (small)), <=, 360);
    g_assert_cmpstr (vt_canvas_pane_get_page_text (small), ==, "Page 1 of 3");
    g_assert_true (gtk_widget_compute_bounds (next, GTK_WIDGET (small), &next_bounds));
    g_assert_true (gtk_widget_compute_bounds (rotate, GTK_WIDGET (small), &rotate_bounds));
    g_assert_cmpfloat (next_bounds.size.width, >, 0);
    g_assert_cmpfloat (next_bounds.origin.x + next_bounds.size.width, <=, rotate_bounds.origin.x);
    vt_canvas_pane_set_viewing (small, NULL);
    gtk_window_destroy (GTK_WINDOW (narrow));
  }

  /* An object of one page has no indicator. */
  open_and_wait (fixture->window, VT_TESTBED_OBJECT_DMG, "viewer");
  g_assert_null (vt_canvas_pane_get_page_text (pane));
}

static gboolean
collection_thumbnail_shown (gpointer data)
{
  return vt_collection_page_get_n_thumbnails (vt_window_get_collection_page (data)) > 0;
}

static void
test_collection_rows (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  VtCollectionPage *page;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_COLLECTION_GHENT);
  open_and_wait (fixture->window, url, "collection");
  page = vt_window_get_collection_page (fixture->window);

  /* Members say which object they are, not just "Object". */
  g_assert_cmpstr (vt_collection_page_get_subtitle (page, 0), ==, "1987-1049 · Design Museum Gent");
  g_assert_cmpstr (vt_collection_page_get_subtitle (page, 3), ==, "2002-078-852 · Huis van Alijn");

  /* The collection's thumbnails arrive for the rows on screen. */
  wait_until (collection_thumbnail_shown, fixture->window, "a member's thumbnail");
}

typedef struct
{
  VtObjectGrid *grid;
  guint         n;
} GridWait;

static gboolean
grid_thumbnails_shown (gpointer data)
{
  GridWait *wait = data;

  return vt_object_grid_get_n_thumbnails (wait->grid) >= wait->n;
}

static gboolean
example_titled (gpointer data)
{
  return vt_object_grid_get_title (data, 0) != NULL;
}

static void
test_welcome_grids (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GSettings *settings;
  g_auto(GStrv) recent = NULL;
  VtWindow *second;
  VtObjectGrid *grid;
  GridWait wait;

  if (fixture->testbed == NULL)
    return;

  /* The examples show titles, learned from their manifests. */
  grid = vt_window_get_examples_grid (fixture->window);
  g_assert_cmpuint (vt_object_grid_get_n_items (grid), ==, 5);
  g_assert_cmpstr (vt_object_grid_get_location (grid, 0), ==, "dmg:1987-1049");
  wait_until (example_titled, grid, "an example's title");
  g_assert_cmpstr (vt_object_grid_get_title (grid, 0), ==, "Theeservies met zilveren montuur");
  wait.grid = grid;
  wait.n = 1;
  wait_until (grid_thumbnails_shown, &wait, "an example's thumbnail");
  g_assert_cmpuint (vt_object_grid_get_n_items (vt_window_get_recent_grid (fixture->window)), ==, 0);

  /* Two objects opened: the recent objects keep title and thumbnail. */
  open_and_wait (fixture->window, VT_TESTBED_OBJECT_DMG, "viewer");
  open_and_wait (fixture->window, VT_TESTBED_OBJECT_STAM, "viewer");
  settings = vt_application_get_settings (fixture->app);
  recent = g_settings_get_strv (settings, "recent-objects");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) parts = g_strsplit (recent[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_assert_true (g_str_has_prefix (parts[2], vt_testbed_get_base_url (fixture->testbed)));
    }

  /* A new window opens on them, newest first, as titled thumbnails. */
  second = new_window (fixture);
  grid = vt_window_get_recent_grid (second);
  g_assert_cmpuint (vt_object_grid_get_n_items (grid), ==, 2);
  g_assert_cmpstr (vt_object_grid_get_location (grid, 0), ==, VT_TESTBED_OBJECT_STAM);
  g_assert_cmpstr (vt_object_grid_get_title (grid, 1), ==, "Theeservies met zilveren montuur");
  wait.grid = grid;
  wait.n = 2;
  wait_until (grid_thumbnails_shown, &wait, "the recent objects' thumbnails");

  /* A tile opens its object. */
  g_assert_true (vt_object_grid_activate (grid, 1));
  wait_until (not_loading, second, "the recent object");
  g_assert_cmpstr (vt_viewing_get_location (vt_window_get_viewing (second)), ==, VT_TESTBED_OBJECT_DMG);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_sidebar_rows (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_auto(GStrv) rows = NULL;
  gboolean ldes = FALSE;

  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture->window, VT_TESTBED_OBJECT_DMG, "viewer");
  rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (fixture->window));

  /* The number and the organisation come first. */
  g_assert_cmpstr (rows[0], ==, "Object Number: 1987-1049");
  g_assert_cmpstr (rows[1], ==, "Organisation: Design Museum Gent");
  /* Ghent's prefixes are labels, one credit a line. */
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "Attribution: Photographer: Foto Design Museum Gent\nSource: Design Museum Gent"));
  /* The rendering is named for what it is. */
  for (guint i = 0; rows[i] != NULL; i++)
    ldes |= g_str_has_prefix (rows[i], "Linked Data Record (LDES): https://stad.gent/id/mensgemaaktobject/dmg/530008512/");
  g_assert_true (ldes);
  g_assert_false (g_strv_contains ((const char * const *) rows, "Alternative Format"));

  /* A manifest opened by its address is no Ghent object number. */
  {
    g_autofree char *url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_LEVEL0);
    g_auto(GStrv) other = NULL;

    open_and_wait (fixture->window, url, "viewer");
    other = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (fixture->window));
    for (guint i = 0; other[i] != NULL; i++)
      g_assert_false (g_str_has_prefix (other[i], "Object Number:"));
  }
}

/* The recent-objects setting: a thumbnail kept with each title, and
 * entries saved before (location TAB title) still read. */
static void
test_recent_entries (void)
{
  g_autofree char *entry = vt_recent_entry_new ("dmg:1", "A\ttitle\nin two", "https://x.example/t.jpg");
  g_autofree char *bare = vt_recent_entry_new ("/tmp/a.tif", NULL, NULL);
  char *location, *title, *thumbnail;

  g_assert_cmpstr (entry, ==, "dmg:1\tA title in two\thttps://x.example/t.jpg");
  g_assert_true (vt_recent_entry_parse (entry, &location, &title, &thumbnail));
  g_assert_cmpstr (location, ==, "dmg:1");
  g_assert_cmpstr (title, ==, "A title in two");
  g_assert_cmpstr (thumbnail, ==, "https://x.example/t.jpg");
  g_free (location), g_free (title), g_free (thumbnail);

  g_assert_cmpstr (bare, ==, "/tmp/a.tif\t");
  g_assert_true (vt_recent_entry_parse (bare, &location, &title, &thumbnail));
  g_assert_cmpstr (location, ==, "/tmp/a.tif");
  g_assert_null (title);
  g_assert_null (thumbnail);
  g_free (location);

  g_assert_true (vt_recent_entry_parse ("stam:2\tOld entry", &location, &title, &thumbnail));
  g_assert_cmpstr (title, ==, "Old entry");
  g_assert_null (thumbnail);
  g_free (location), g_free (title);

  g_assert_false (vt_recent_entry_parse ("", &location, &title, &thumbnail));
  g_assert_false (vt_recent_entry_parse ("\tno location", &location, &title, &thumbnail));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  int status;

  /* The labels are checked in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* A cache of our own, so that no earlier run answers for the test bed. */
  cache_dir = g_dir_make_tmp ("vitrine-chrome-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the window tests");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/vitrine/app/window-chrome/recent-entries", test_recent_entries);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/window-chrome/zoom-label", test_zoom_label);
  ADD ("/vitrine/app/window-chrome/page-indicator", test_page_indicator);
  ADD ("/vitrine/app/window-chrome/collection-rows", test_collection_rows);
  ADD ("/vitrine/app/window-chrome/welcome-grids", test_welcome_grids);
  ADD ("/vitrine/app/window-chrome/sidebar-rows", test_sidebar_rows);
#undef ADD

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
  }
  return status;
}
