/* test-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "app/vt-annotation-row.h"
#include "app/vt-application.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view-private.h"
#include "vt-testbed.h"

/* The annotations of a canvas in the real window, against the real test
 * bed: the list in the sidebar, the shapes over the image and the zoom,
 * kept in step; the toggle, the search, a hostile body, the language, and
 * nothing left over when the canvas changes. */

#define MANIFEST "/manifests/v3/annotated.json"
#define ANNO(name) "/manifests/v3/annotated/anno/" name
#define N_ANNOTATIONS 8   /* seven embedded, one on a page of its own */
#define N_SHAPES      7   /* all but the one on the whole canvas */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
  char          *base;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.AnnotationsTest%u", APP_ID, ++app_serial);

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;
  fixture->base = g_strdup (vt_testbed_get_base_url (fixture->testbed));

  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = vt_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
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
  g_clear_pointer (&fixture->base, g_free);
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

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
not_loading (gpointer data)
{
  return g_strcmp0 (vt_window_get_state_name (data), "loading") != 0;
}

static gboolean
image_ready (gpointer data)
{
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (data));

  return vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY &&
         vt_viewport_get_image_width (vt_image_view_get_viewport (view)) > 0 &&
         gtk_widget_get_width (GTK_WIDGET (view)) > 0;
}

static gboolean
all_annotations (gpointer data)
{
  VtAnnotationPanel *panel = vt_window_get_annotation_panel (data);

  return vt_annotation_panel_get_n_pending (panel) == 0 &&
         vt_annotation_panel_get_n_annotations (panel) == N_ANNOTATIONS;
}

/* The view at rest: no zoom animation under way (however slowly a loaded
 * machine draws its frames), and its size settled (the sidebar and the
 * strip slide in when an object opens). */
static void
wait_for_rest (VtViewport *viewport)
{
  VtImageView *view = g_object_get_data (G_OBJECT (viewport), "vt-test-view");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  int width = -1, height = -1;
  guint still = 0;

  g_assert_nonnull (view);
  while (still < 8)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The view never came to rest");
      spin (25);
      if (!vt_image_view_is_animating (view) &&
          gtk_widget_get_width (GTK_WIDGET (view)) == width &&
          gtk_widget_get_height (GTK_WIDGET (view)) == height)
        still++;
      else
        still = 0;
      width = gtk_widget_get_width (GTK_WIDGET (view));
      height = gtk_widget_get_height (GTK_WIDGET (view));
    }
}

static VtAnnotationRow *
row_for (VtAnnotationPanel *panel,
         Fixture           *fixture,
         const char        *path)
{
  g_autofree char *id = g_strconcat (fixture->base, path, NULL);
  GtkListBoxRow *row = vt_annotation_panel_find_row (panel, id);

  g_assert_nonnull (row);
  return VT_ANNOTATION_ROW (row);
}

static void
open_annotated (Fixture *fixture)
{
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, MANIFEST);
  VtAnnotationPanel *panel = vt_window_get_annotation_panel (fixture->window);

  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");

  /* The sidebar open on its annotations, as a user would have it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel))), GTK_WIDGET (panel));

  wait_until (image_ready, fixture->window, "the image");
  wait_until (all_annotations, fixture->window, "the annotations, embedded and fetched");
}

/* Selecting a row zooms so that its shape fills the view; clicking a
 * shape selects its row and leaves the view where it is. */
static void
test_list_overlay_zoom (Fixture       *fixture,
                        gconstpointer  user_data)
{
  VtAnnotationPanel *panel;
  VtCanvasPane *pane;
  VtAnnotationOverlay *overlay;
  VtViewport *viewport;
  VtAnnotationRow *polygon, *tag, *whole;
  graphene_rect_t bounds;
  double vx, vy, vw, vh, wx, wy, zoom;
  int item;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  panel = vt_window_get_annotation_panel (fixture->window);
  pane = vt_window_get_canvas_pane (fixture->window);
  overlay = vt_canvas_pane_get_annotation_overlay (pane);
  viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (pane));
  g_object_set_data (G_OBJECT (viewport), "vt-test-view", vt_canvas_pane_get_image_view (pane));
  wait_for_rest (viewport);

  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "list");
  g_assert_cmpuint (vt_annotation_overlay_get_n_items (overlay), ==, N_SHAPES);

  /* The document's order, the fetched page after the embedded one. */
  g_assert_true (vt_annotation_panel_get_row (panel, 0) == GTK_LIST_BOX_ROW (row_for (panel, fixture, ANNO ("whole"))));
  g_assert_true (vt_annotation_panel_get_row (panel, N_ANNOTATIONS - 1) ==
                 GTK_LIST_BOX_ROW (row_for (panel, fixture, "/annotations/v3/annotated-page.json/1")));

  /* The polygon (SvgSelector) fills the view once its row is selected. */
  polygon = row_for (panel, fixture, ANNO ("polygon"));
  item = vt_annotation_row_get_item (polygon);
  g_assert_cmpint (item, >=, 0);
  g_assert_true (vt_annotation_overlay_get_bounds (overlay, item, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 50);
  g_assert_cmpfloat (bounds.origin.y, ==, 350);
  g_assert_cmpfloat (bounds.size.width, ==, 300);
  g_assert_cmpfloat (bounds.size.height, ==, 250);

  vt_annotation_panel_select_row (panel, GTK_LIST_BOX_ROW (polygon));
  g_assert_cmpint (vt_annotation_overlay_get_selected (overlay), ==, item);
  wait_for_rest (viewport);
  vt_viewport_get_visible_rect (viewport, &vx, &vy, &vw, &vh);
  g_test_message ("visible %g,%g %gx%g for 50,350 300x250", vx, vy, vw, vh);
  g_assert_cmpfloat (vx, <=, 50);
  g_assert_cmpfloat (vy, <=, 350);
  g_assert_cmpfloat (vx + vw, >=, 350);
  g_assert_cmpfloat (vy + vh, >=, 600);
  /* It fills the view along one axis, with a margin. */
  g_assert_cmpfloat (MAX (300 / vw, 250 / vh), >, 0.8);

  /* Back to the whole canvas; its row (no shape) fits the view. */
  whole = row_for (panel, fixture, ANNO ("whole"));
  g_assert_cmpint (vt_annotation_row_get_item (whole), ==, -1);
  vt_annotation_panel_select_row (panel, GTK_LIST_BOX_ROW (whole));
  wait_for_rest (viewport);
  g_assert_true (vt_viewport_get_fitted (viewport) ||
                 fabs (vt_viewport_get_zoom (viewport) - vt_viewport_get_fit_zoom (viewport)) < 1e-6);
  g_assert_cmpint (vt_annotation_overlay_get_selected (overlay), ==, -1);

  /* A click on the tag's square, where the view shows it, picks the tag
   * and selects its row; the view stays. */
  tag = row_for (panel, fixture, ANNO ("tag"));
  vt_viewport_image_to_widget (viewport, 975, 575, &wx, &wy);
  item = vt_annotation_overlay_pick (overlay, wx, wy);
  g_assert_cmpint (item, ==, vt_annotation_row_get_item (tag));
  zoom = vt_viewport_get_zoom (viewport);
  g_signal_emit_by_name (overlay, "activated", item);
  g_assert_true (vt_annotation_panel_get_selected_row (panel) == GTK_LIST_BOX_ROW (tag));
  g_assert_cmpint (vt_annotation_overlay_get_selected (overlay), ==, item);
  wait_for_rest (viewport);
  g_assert_cmpfloat (vt_viewport_get_zoom (viewport), ==, zoom);

  /* The row with the keyboard focus highlights its shape. */
  gtk_widget_grab_focus (GTK_WIDGET (polygon));
  spin (50);
  g_assert_cmpint (vt_annotation_overlay_get_highlighted (overlay), ==, vt_annotation_row_get_item (polygon));
  gtk_widget_grab_focus (GTK_WIDGET (vt_canvas_pane_get_image_view (pane)));
  spin (50);
  g_assert_cmpint (vt_annotation_overlay_get_highlighted (overlay), ==, -1);

  /* Inside the polygon's box but outside the polygon: nothing there. */
  vt_viewport_image_to_widget (viewport, 60, 360, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==, -1);
  /* The point is picked around its centre. */
  vt_viewport_image_to_widget (viewport, 600, 400, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx + 3, wy - 3), ==,
                   vt_annotation_row_get_item (row_for (panel, fixture, ANNO ("point"))));
}

static void
test_toggle (Fixture       *fixture,
             gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtAnnotationOverlay *overlay;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  pane = vt_window_get_canvas_pane (fixture->window);
  overlay = vt_canvas_pane_get_annotation_overlay (pane);

  g_assert_true (vt_canvas_pane_get_show_annotations (pane));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (overlay)));

  /* The window's action (Ctrl+Shift+A) hides them, and shows them again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-annotations", NULL));
  g_assert_false (vt_canvas_pane_get_show_annotations (pane));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-annotations", NULL));
  g_assert_true (vt_canvas_pane_get_show_annotations (pane));

  /* The button over the canvas, through its own stateful action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "canvas.show-annotations", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "canvas.show-annotations", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  VtAnnotationPanel *panel;
  VtAnnotationOverlay *overlay;
  VtViewport *viewport;
  GtkListBoxRow *detail;
  double wx, wy;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  panel = vt_window_get_annotation_panel (fixture->window);
  overlay = vt_canvas_pane_get_annotation_overlay (vt_window_get_canvas_pane (fixture->window));
  viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window)));
  detail = GTK_LIST_BOX_ROW (row_for (panel, fixture, ANNO ("detail")));

  /* "Café" found without its accent, in any case. */
  vt_annotation_panel_set_query (panel, "cafe");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 1);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (detail)));

  /* Only its shape is left on the image: the tag's square picks nothing. */
  vt_viewport_image_to_widget (viewport, 975, 575, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==, -1);
  vt_viewport_image_to_widget (viewport, 800, 175, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==,
                   vt_annotation_row_get_item (VT_ANNOTATION_ROW (detail)));
  vt_annotation_panel_set_query (panel, "  CAFÉ ");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 1);

  /* Tags in every language, and the page fetched later, are searched. */
  vt_annotation_panel_set_query (panel, "fontein");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 1);
  vt_annotation_panel_set_query (panel, "fetched");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 1);
  /* The text of HTML, not its markup or its scripts. */
  vt_annotation_panel_set_query (panel, "alert");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 0);

  vt_annotation_panel_set_query (panel, "no such words");
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, 0);
  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "no-matches");

  vt_annotation_panel_set_query (panel, NULL);
  g_assert_cmpuint (vt_annotation_panel_get_n_shown (panel), ==, N_ANNOTATIONS);
  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "list");
  vt_viewport_image_to_widget (viewport, 975, 575, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==,
                   vt_annotation_row_get_item (row_for (panel, fixture, ANNO ("tag"))));
}

/* Script, images, frames, styles and a javascript: link are gone; the
 * bold words and the web link stay. */
static void
test_hostile_html (Fixture       *fixture,
                   gconstpointer  user_data)
{
  VtAnnotationPanel *panel;
  const char *markup;
  g_auto(GStrv) links = NULL;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  panel = vt_window_get_annotation_panel (fixture->window);

  markup = vt_annotation_row_get_markup (row_for (panel, fixture, ANNO ("hostile")));
  g_test_message ("%s", markup);
  g_assert_nonnull (strstr (markup, "<b>bold</b>"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/ok\">"));
  g_assert_null (strstr (markup, "<script"));
  g_assert_null (strstr (markup, "alert"));
  g_assert_null (strstr (markup, "onerror"));
  g_assert_null (strstr (markup, "javascript"));
  g_assert_null (strstr (markup, "<img"));
  g_assert_null (strstr (markup, "iframe"));
  g_assert_null (strstr (markup, "display"));
  g_assert_nonnull (strstr (markup, "a script link"));

  /* A linking annotation lists its resources; only the web one is a
   * link (see vt_markup_is_openable_uri()). */
  links = vt_annotation_row_dup_links (row_for (panel, fixture, ANNO ("link")));
  g_assert_cmpuint (g_strv_length (links), ==, 2);
  g_assert_cmpstr (links[0], ==, "https://example.org/further-reading");
  g_assert_cmpstr (links[1], ==, "file:///etc/passwd");
}

/* Tags and texts show in the language picked (recipe 0346's Choice). */
static void
test_language (Fixture       *fixture,
               gconstpointer  user_data)
{
  VtAnnotationPanel *panel;
  VtAnnotationRow *tag, *point;
  g_auto(GStrv) en = NULL;
  g_auto(GStrv) nl = NULL;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  panel = vt_window_get_annotation_panel (fixture->window);
  tag = row_for (panel, fixture, ANNO ("tag"));

  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "en");
  en = vt_annotation_row_dup_tags (tag);
  g_assert_cmpstrv (en, ((const char *[]) { "Fountain", NULL }));

  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "nl");
  g_assert_cmpstr (vt_annotation_panel_get_language (panel), ==, "nl");
  nl = vt_annotation_row_dup_tags (tag);
  g_assert_cmpstrv (nl, ((const char *[]) { "Fontein", NULL }));

  /* A text in two languages shows once, in the language picked; the
   * English one is wrapped in a SpecificResource. Japanese it has not:
   * then English, as for a label. */
  point = row_for (panel, fixture, ANNO ("point"));
  g_assert_cmpstr (vt_annotation_row_get_markup (point), ==, "Het midden van de kaart");
  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "en");
  g_assert_cmpstr (vt_annotation_row_get_markup (point), ==, "The centre of the card");
  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "ja");
  g_assert_cmpstr (vt_annotation_panel_get_language (panel), ==, "ja");
  g_assert_cmpstr (vt_annotation_row_get_markup (point), ==, "The centre of the card");
}

/* Another canvas shows its own annotations, and nothing of the last
 * one's, not even a page still on its way. */
static void
test_canvas_switch (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  g_autofree char *on_manifest = NULL;
  VtAnnotationPanel *panel;
  VtAnnotationOverlay *overlay;

  if (fixture->testbed == NULL)
    return;

  open_annotated (fixture);
  panel = vt_window_get_annotation_panel (fixture->window);
  overlay = vt_canvas_pane_get_annotation_overlay (vt_window_get_canvas_pane (fixture->window));
  on_manifest = g_strconcat (fixture->base, ANNO ("on-manifest"), NULL);

  /* The second canvas has one, from the manifest's own annotations,
   * which the first did not list. */
  g_assert_null (vt_annotation_panel_find_row (panel, on_manifest));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_cmpuint (vt_annotation_panel_get_n_annotations (panel), ==, 1);
  g_assert_nonnull (vt_annotation_panel_find_row (panel, on_manifest));
  g_assert_cmpuint (vt_annotation_overlay_get_n_items (overlay), ==, 1);
  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "list");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-canvas", NULL);
  wait_until (all_annotations, fixture->window, "the annotations again");
  g_assert_cmpuint (vt_annotation_overlay_get_n_items (overlay), ==, N_SHAPES);

  /* Turned away before the referenced page came: it never lands. */
  url = vt_testbed_get_url (fixture->testbed, MANIFEST);
  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  if (vt_annotation_panel_get_n_pending (panel) != 1)
    g_test_message ("The referenced page came before the canvas could be turned");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  spin (1000);
  g_assert_cmpuint (vt_annotation_panel_get_n_annotations (panel), ==, 1);
  g_assert_cmpuint (vt_annotation_overlay_get_n_items (overlay), ==, 1);

  /* An object without annotations says so, and the toggle goes. */
  g_free (url);
  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/static.json");
  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  g_assert_cmpuint (vt_annotation_panel_get_n_annotations (panel), ==, 0);
  g_assert_cmpuint (vt_annotation_overlay_get_n_items (overlay), ==, 0);
  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "empty");
}

static gboolean
one_annotation (gpointer data)
{
  VtAnnotationPanel *panel = vt_window_get_annotation_panel (data);

  return vt_annotation_panel_get_n_pending (panel) == 0 &&
         vt_annotation_panel_get_n_annotations (panel) == 1;
}

/* A target is written in canvas pixels, and an image painted on the
 * canvas fills it whatever their sizes (in cookbook 0045 the canvas is
 * an eighth of its image; here a half): the box is drawn, picked and
 * zoomed to where the canvas puts it on the image, not at the same
 * numbers in image pixels. */
static void
test_scaled_canvas (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *url = NULL;
  VtAnnotationPanel *panel;
  VtCanvasPane *pane;
  VtAnnotationOverlay *overlay;
  VtViewport *viewport;
  VtAnnotationRow *box;
  graphene_rect_t bounds;
  double vx, vy, vw, vh, wx, wy;
  int item;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/annotated-scaled.json");
  panel = vt_window_get_annotation_panel (fixture->window);
  pane = vt_window_get_canvas_pane (fixture->window);
  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  wait_until (image_ready, fixture->window, "the image");
  wait_until (one_annotation, fixture->window, "the annotation");
  overlay = vt_canvas_pane_get_annotation_overlay (pane);
  viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (pane));
  g_object_set_data (G_OBJECT (viewport), "vt-test-view", vt_canvas_pane_get_image_view (pane));
  wait_for_rest (viewport);
  g_assert_cmpfloat (vt_viewport_get_image_width (viewport), ==, 6000);

  box = row_for (panel, fixture, "/manifests/v3/annotated-scaled/anno/box");
  item = vt_annotation_row_get_item (box);
  g_assert_cmpint (item, >=, 0);
  g_assert_true (vt_annotation_overlay_get_bounds (overlay, item, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 1000);
  g_assert_cmpfloat (bounds.size.width, ==, 2000);
  g_assert_true (vt_annotation_overlay_get_view_bounds (overlay, item, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 2000);
  g_assert_cmpfloat (bounds.origin.y, ==, 1000);
  g_assert_cmpfloat (bounds.size.width, ==, 4000);
  g_assert_cmpfloat (bounds.size.height, ==, 2000);

  /* Image pixel 4500,2500 is canvas pixel 2250,1250: inside the box;
   * image pixel 1500,750 (canvas 750,375) is not. */
  vt_viewport_image_to_widget (viewport, 4500, 2500, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==, item);
  vt_viewport_image_to_widget (viewport, 1500, 750, &wx, &wy);
  g_assert_cmpint (vt_annotation_overlay_pick (overlay, wx, wy), ==, -1);

  /* Selecting its row shows the box's part of the image. */
  vt_annotation_panel_select_row (panel, GTK_LIST_BOX_ROW (box));
  wait_for_rest (viewport);
  vt_viewport_get_visible_rect (viewport, &vx, &vy, &vw, &vh);
  g_test_message ("visible %g,%g %gx%g for 2000,1000 4000x2000", vx, vy, vw, vh);
  g_assert_cmpfloat (vx, <=, 2000);
  g_assert_cmpfloat (vy, <=, 1000);
  g_assert_cmpfloat (vx + vw, >=, 6000);
  g_assert_cmpfloat (vy + vh, >=, 3000);
  g_assert_cmpfloat (MAX (4000 / vw, 2000 / vh), >, 0.8);
}

static GtkLabel *
find_link_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), "<a href=") != NULL)
        return GTK_LABEL (child);
      if ((found = find_link_label (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
on_second_page (gpointer data)
{
  return vt_viewing_get_canvas_index (vt_window_get_viewing (data)) == 1 && image_ready (data);
}

/* A linking annotation whose body is another canvas of the object, with a
 * region (cookbook 0022's hotspot): following its link turns to that page
 * and shows the region, rather than handing the canvas's JSON to a web
 * browser. */
static void
test_hotspot (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *uri = NULL;
  VtAnnotationPanel *panel;
  VtViewport *viewport;
  VtAnnotationRow *link;
  GtkLabel *label;
  gboolean handled = FALSE;
  double vx, vy, vw, vh;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/hotspot.json");
  panel = vt_window_get_annotation_panel (fixture->window);
  vt_window_open_input (fixture->window, url);
  wait_until (not_loading, fixture->window, url);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  wait_until (image_ready, fixture->window, "the image");
  wait_until (one_annotation, fixture->window, "the link");
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 0);

  link = row_for (panel, fixture, "/manifests/v3/hotspot/anno/link");
  label = find_link_label (GTK_WIDGET (link));
  g_assert_nonnull (label);
  uri = g_strconcat (fixture->base, "/manifests/v3/hotspot/canvas/2#xywh=600,400,300,200", NULL);
  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  g_assert_true (handled);

  wait_until (on_second_page, fixture->window, "the linked page");
  viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window)));
  g_object_set_data (G_OBJECT (viewport), "vt-test-view",
                     vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window)));
  wait_for_rest (viewport);
  vt_viewport_get_visible_rect (viewport, &vx, &vy, &vw, &vh);
  g_test_message ("visible %g,%g %gx%g for 600,400 300x200", vx, vy, vw, vh);
  g_assert_cmpfloat (vx, <=, 600);
  g_assert_cmpfloat (vy, <=, 400);
  g_assert_cmpfloat (vx + vw, >=, 900);
  g_assert_cmpfloat (vy + vh, >=, 600);
  g_assert_cmpfloat (MAX (300 / vw, 200 / vh), >, 0.8);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  /* The user's languages come after the one picked: a German desktop
   * (no text of the fixture is German) gives every developer the same
   * fallbacks, whatever their own locale. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_init (&argc, &argv, NULL);

  cache_dir = g_dir_make_tmp ("vitrine-annotations-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the annotation tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/annotations/list-overlay-zoom", test_list_overlay_zoom);
  ADD ("/vitrine/app/annotations/toggle", test_toggle);
  ADD ("/vitrine/app/annotations/search", test_search);
  ADD ("/vitrine/app/annotations/hostile-html", test_hostile_html);
  ADD ("/vitrine/app/annotations/language", test_language);
  ADD ("/vitrine/app/annotations/canvas-switch", test_canvas_switch);
  ADD ("/vitrine/app/annotations/scaled-canvas", test_scaled_canvas);
  ADD ("/vitrine/app/annotations/hotspot", test_hotspot);
#undef ADD

  {
    int status = g_test_run ();
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
    return status;
  }
}
