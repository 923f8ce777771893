/* test-share.c
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
#include "app/vt-compare-view.h"
#include "app/vt-spread.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view.h"
#include "iiif/vt-content-state.h"
#include "vt-testbed.h"

/* Links to a view, against the real test bed: "Copy Link to This View"
 * then opening what was copied (by Ctrl+V, by the command line) shows the
 * same canvas and region within a pixel; a state with several targets
 * opens them all; a state naming a file is refused. The fixture
 * manifest's second canvas is half the size of its image, so a region
 * written in image pixels instead of canvas pixels would fail. */

#define SHARE_MANIFEST "/manifests/v3/share.json"

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
} Fixture;

static guint app_serial;

static VtApplication *
new_application (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.ShareTest%u", APP_ID, ++app_serial);
  VtApplication *app = vt_application_new ();

  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE |
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (fixture->testbed), TRUE);
  fixture->app = new_application ();
  fixture->window = vt_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
destroy_windows (VtApplication *app)
{
  GList *l;

  while (app != NULL && (l = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (l->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  destroy_windows (fixture->app);
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

/* The canvas shown has its image in the view, with a size. */
static gboolean
image_shown (gpointer data)
{
  VtWindow *window = data;
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));
  double x, y, w, h;

  return vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY &&
         vt_canvas_pane_get_visible_region (vt_window_get_canvas_pane (window), &x, &y, &w, &h);
}

typedef struct
{
  VtWindow *window;
  guint     canvas;
  double    region[4];
  double    got[4];
} Expected;

static gboolean
region_matches (gpointer data)
{
  Expected *e = data;
  VtViewing *viewing = vt_window_get_viewing (e->window);

  if (viewing == NULL || vt_viewing_get_state (viewing) != VT_VIEWING_MANIFEST ||
      vt_viewing_get_canvas_index (viewing) != e->canvas || !image_shown (e->window))
    return FALSE;

  vt_canvas_pane_get_visible_region (vt_window_get_canvas_pane (e->window),
                                     &e->got[0], &e->got[1], &e->got[2], &e->got[3]);
  for (guint i = 0; i < 4; i++)
    if (fabs (e->got[i] - e->region[i]) > 1.0)
      return FALSE;
  return TRUE;
}

static void
wait_for_region (Expected   *e,
                 const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!region_matches (e))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: expected canvas %u at %.1f,%.1f %.1f×%.1f, got canvas %u at %.1f,%.1f %.1f×%.1f",
                 what, e->canvas, e->region[0], e->region[1], e->region[2], e->region[3],
                 vt_window_get_viewing (e->window) ? vt_viewing_get_canvas_index (vt_window_get_viewing (e->window)) : 0,
                 e->got[0], e->got[1], e->got[2], e->got[3]);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  wait_until (is_set, &text, "the clipboard");
  return text;
}

/* Shows the second canvas, somewhere off-centre and zoomed in, and
 * returns what of the canvas is in view. */
static void
show_a_detail (Fixture *fixture,
               Expected *e)
{
  g_autofree char *manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  VtViewport *viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (
                                                       vt_window_get_canvas_pane (fixture->window)));

  vt_window_open_input (fixture->window, manifest);
  wait_until (not_loading, fixture->window, manifest);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  wait_until (image_shown, fixture->window, "the second canvas");

  /* Image pixels: the canvas is half as large. */
  vt_viewport_set_zoom (viewport, 0.37);
  vt_viewport_set_center (viewport, 3100.3, 1650.7);

  e->window = fixture->window;
  e->canvas = 1;
  g_assert_true (vt_canvas_pane_get_visible_region (vt_window_get_canvas_pane (fixture->window),
                                                    &e->region[0], &e->region[1],
                                                    &e->region[2], &e->region[3]));
  /* In canvas pixels: centred on half the image's centre. */
  g_assert_cmpfloat_with_epsilon (e->region[0] + e->region[2] / 2, 1550.15, 0.01);
  g_assert_cmpfloat_with_epsilon (e->region[1] + e->region[3] / 2, 825.35, 0.01);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *copied = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(VtContentState) state = NULL;
  const VtContentStateTarget *target;
  Expected e = { 0 };

  if (fixture->testbed == NULL)
    return;

  show_a_detail (fixture, &e);
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.copy-view-link"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-view-link", NULL);
  copied = read_clipboard (GTK_WIDGET (fixture->window));

  /* What was copied: base64url, the manifest, the canvas, the region. */
  for (const char *p = copied; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  state = vt_content_state_parse (copied, NULL);
  g_assert_nonnull (state);
  target = vt_content_state_get_target (state, 0);
  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  g_assert_cmpstr (target->manifest_uri, ==, manifest);
  g_assert_true (g_str_has_suffix (target->canvas_id, "/manifests/v3/share/canvas/2"));
  g_assert_true (target->has_region);

  /* Elsewhere, then Ctrl+V brings the view back. */
  vt_window_open_input (fixture->window, manifest);
  wait_until (not_loading, fixture->window, manifest);
  wait_until (image_shown, fixture->window, "the first canvas");
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-link", NULL);
  wait_for_region (&e, "pasted link");

  /* What dragging the view carries: the drag-and-drop link, as a string
   * and as text/uri-list. */
  {
    g_autoptr(GdkContentProvider) content = vt_window_create_view_drag_content (fixture->window);
    g_autoptr(GdkContentFormats) formats = gdk_content_provider_ref_formats (content);
    g_autofree char *expected = g_strconcat (manifest, "?manifest=", NULL);
    GValue value = G_VALUE_INIT;

    g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/uri-list"));
    g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/x-moz-url"));
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_true (g_str_has_prefix (g_value_get_string (&value), expected));
    g_assert_nonnull (strstr (g_value_get_string (&value), "&iiif-content="));
    g_value_unset (&value);
  }

  /* The query form and the drag-and-drop link open the same view. */
  {
    g_autofree char *query = NULL;
    g_autofree char *drag = vt_content_state_to_drag_link (state);

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-view-query", NULL);
    query = read_clipboard (GTK_WIDGET (fixture->window));
    g_assert_true (g_str_has_prefix (query, "?iiif-content="));

    vt_window_open_input (fixture->window, manifest);
    wait_until (image_shown, fixture->window, "the first canvas");
    vt_window_open_input (fixture->window, query);
    wait_for_region (&e, "query");

    vt_window_open_input (fixture->window, manifest);
    wait_until (image_shown, fixture->window, "the first canvas");
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_take_string (&value, g_strconcat ("# from a browser\r\n", drag, "\r\n", NULL));
      g_assert_true (vt_window_open_dropped (fixture->window, &value));
      g_value_unset (&value);
    }
    wait_for_region (&e, "dropped drag-and-drop link");
  }
}

/* The region asked for fills the view: all of it in view, and one of its
 * sides from edge to edge. */
static gboolean
region_fills (Expected *e)
{
  VtViewing *viewing = vt_window_get_viewing (e->window);
  const double *r = e->region;
  const double *g = e->got;

  if (viewing == NULL || vt_viewing_get_state (viewing) != VT_VIEWING_MANIFEST ||
      vt_viewing_get_canvas_index (viewing) != e->canvas || !image_shown (e->window))
    return FALSE;

  vt_canvas_pane_get_visible_region (vt_window_get_canvas_pane (e->window), &e->got[0], &e->got[1],
                                     &e->got[2], &e->got[3]);
  return g[0] <= r[0] + 1 && g[1] <= r[1] + 1 &&
         g[0] + g[2] >= r[0] + r[2] - 1 && g[1] + g[3] >= r[1] + r[3] - 1 &&
         (fabs (g[2] - r[2]) <= 1 || fabs (g[3] - r[3]) <= 1);
}

/* `vitrine 'https://…?iiif-content=…'` */
typedef struct
{
  VtApplication *app;
  Expected       e;
  gboolean       done;
  gint64         deadline;
} CommandLine;

static gboolean
command_line_check_cb (gpointer data)
{
  CommandLine *cl = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (cl->app));

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  cl->e.window = VT_WINDOW (window);
  if (!region_fills (&cl->e))
    {
      if (g_get_monotonic_time () > cl->deadline)
        g_error ("the command line: expected %.1f,%.1f %.1f×%.1f, got %.1f,%.1f %.1f×%.1f",
                 cl->e.region[0], cl->e.region[1], cl->e.region[2], cl->e.region[3],
                 cl->e.got[0], cl->e.got[1], cl->e.got[2], cl->e.got[3]);
      return G_SOURCE_CONTINUE;
    }

  cl->done = TRUE;
  destroy_windows (cl->app);
  return G_SOURCE_REMOVE;
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(VtContentState) state = vt_content_state_new ();
  g_autofree char *manifest = NULL;
  g_autofree char *link = NULL;
  g_autofree char *canvas = NULL;
  g_autofree char *encoded = NULL;
  CommandLine cl = { 0 };
  const char *argv[3];
  VtContentStateTarget *target;

  if (fixture->testbed == NULL)
    return;

  /* The fixture's window is not needed: the command line makes its own. */
  destroy_windows (fixture->app);
  g_clear_object (&fixture->app);

  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  canvas = vt_testbed_get_url (fixture->testbed, "/manifests/v3/share/canvas/2");
  target = vt_content_state_add_target (state, manifest, canvas);
  vt_content_state_target_set_region (target, 1000, 500, 800, 500);
  encoded = vt_content_state_encode (state);
  link = g_strconcat ("https://viewer.example.org/?iiif-content=", encoded, NULL);

  cl.app = new_application ();
  cl.e.canvas = 1;
  cl.e.region[0] = 1000;
  cl.e.region[1] = 500;
  cl.e.region[2] = 800;
  cl.e.region[3] = 500;
  cl.deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  argv[0] = "vitrine";
  argv[1] = link;
  argv[2] = NULL;

  g_timeout_add (50, command_line_check_cb, &cl);
  g_assert_cmpint (g_application_run (G_APPLICATION (cl.app), 2, (char **) argv), ==, 0);
  g_assert_true (cl.done);
  g_object_unref (cl.app);
}

static gboolean
both_panes_loaded (gpointer data)
{
  VtCompareView *view = vt_window_get_compare_view (data);

  if (view == NULL || vt_compare_view_get_n_panes (view) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      VtViewing *viewing = vt_compare_view_get_viewing (view, i);

      if (viewing == NULL || vt_viewing_get_state (viewing) != VT_VIEWING_MANIFEST ||
          vt_image_view_get_state (vt_compare_view_get_image_view (view, i)) != VT_IMAGE_VIEW_STATE_READY)
        return FALSE;
    }
  return TRUE;
}

/* Several targets open side by side in the compare view, each at its own
 * canvas, and no other window. */
static void
test_several_targets (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(VtContentState) state = vt_content_state_new ();
  g_autofree char *manifest = NULL;
  g_autofree char *canvas = NULL;
  g_autofree char *encoded = NULL;
  VtCompareView *view;

  if (fixture->testbed == NULL)
    return;

  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  canvas = vt_testbed_get_url (fixture->testbed, "/manifests/v3/share/canvas/2");
  vt_content_state_add_target (state, manifest, NULL);
  vt_content_state_add_target (state, manifest, canvas);
  encoded = vt_content_state_encode (state);

  vt_window_open_input (fixture->window, encoded);
  wait_until (both_panes_loaded, fixture->window, "both panes");

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);
  view = vt_window_get_compare_view (fixture->window);
  for (guint i = 0; i < 2; i++)
    {
      VtViewing *viewing = vt_compare_view_get_viewing (view, i);

      g_assert_cmpstr (vt_viewing_get_manifest_url (viewing), ==, manifest);
      g_assert_cmpuint (vt_viewing_get_canvas_index (viewing), ==, i);
    }
}

/* §3.1.1: `iiif-content=` may give the address of the content-state
 * annotation, which names the manifest, canvas and region. */
static void
test_by_reference (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *annotation = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *link = NULL;
  g_autofree char *manifest = NULL;
  Expected e = { fixture->window, 1, { 1000, 500, 800, 500 }, { 0 } };

  if (fixture->testbed == NULL)
    return;

  annotation = vt_testbed_get_url (fixture->testbed, "/content-states/detail.json");
  escaped = g_uri_escape_string (annotation, NULL, FALSE);
  link = g_strconcat ("https://viewer.example.org/?iiif-content=", escaped, NULL);
  vt_window_open_input (fixture->window, link);
  wait_until (not_loading, fixture->window, link);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  wait_until ((gboolean (*) (gpointer)) region_fills, &e, "the region of a state by reference");

  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  g_assert_cmpstr (vt_viewing_get_manifest_url (vt_window_get_viewing (fixture->window)), ==, manifest);
}

/* Cookbook 0540 by reference: the annotation at the address given names
 * two canvases, which open side by side as when the state is inline. */
static void
test_by_reference_several (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *annotation = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *link = NULL;
  g_autofree char *manifest = NULL;
  VtCompareView *view;

  if (fixture->testbed == NULL)
    return;

  annotation = vt_testbed_get_url (fixture->testbed, "/content-states/two-canvases.json");
  escaped = g_uri_escape_string (annotation, NULL, FALSE);
  link = g_strconcat ("https://viewer.example.org/?iiif-content=", escaped, NULL);
  vt_window_open_input (fixture->window, link);
  wait_until (both_panes_loaded, fixture->window, "both panes of a state by reference");

  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "compare");
  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  view = vt_window_get_compare_view (fixture->window);
  for (guint i = 0; i < 2; i++)
    {
      VtViewing *viewing = vt_compare_view_get_viewing (view, i);

      g_assert_cmpstr (vt_viewing_get_manifest_url (viewing), ==, manifest);
      g_assert_cmpuint (vt_viewing_get_canvas_index (viewing), ==, i);
    }
}

typedef struct
{
  VtWindow *window;
  double    region[4];   /* in the scene */
  double    got[4];
} SpreadExpected;

/* Page 3 of a paged book shows in the spread of pages 2–3, on the right:
 * the region asked for on its canvas, placed in the spread's scene (not
 * at its origin), fills the view. */
static gboolean
spread_region_fills (gpointer data)
{
  SpreadExpected *e = data;
  VtWindow *window = e->window;
  VtCanvasPane *pane = vt_window_get_canvas_pane (window);
  VtViewing *viewing = vt_window_get_viewing (window);
  VtSpread *spread = vt_canvas_pane_get_spread (pane);
  VtViewport *viewport = vt_image_view_get_viewport (vt_canvas_pane_get_image_view (pane));
  const double *r = e->region;
  const double *g = e->got;

  if (viewing == NULL || vt_viewing_get_state (viewing) != VT_VIEWING_MANIFEST ||
      vt_viewing_get_canvas_index (viewing) != 2 || spread == NULL ||
      vt_spread_get_n_pages (spread) != 2 || vt_viewport_get_width (viewport) <= 0)
    return FALSE;

  for (guint i = 0; i < vt_spread_get_n_pages (spread); i++)
    if (vt_page_get_index (vt_spread_get_page (spread, i)) == 2)
      {
        graphene_rect_t placement;
        /* the region asked for, in canvas pixels of a 1000 × 1400 page */
        const double x = 300, y = 500, w = 200, h = 250;
        double sx, sy;

        vt_spread_get_placement (spread, i, &placement);
        sx = placement.size.width / VT_TESTBED_BOOK_PAGE_WIDTH;
        sy = placement.size.height / VT_TESTBED_BOOK_PAGE_HEIGHT;
        e->region[0] = placement.origin.x + x * sx;
        e->region[1] = placement.origin.y + y * sy;
        e->region[2] = w * sx;
        e->region[3] = h * sy;
      }

  vt_viewport_get_visible_rect (viewport, &e->got[0], &e->got[1], &e->got[2], &e->got[3]);
  return g[0] <= r[0] + 1 && g[1] <= r[1] + 1 &&
         g[0] + g[2] >= r[0] + r[2] - 1 && g[1] + g[3] >= r[1] + r[3] - 1 &&
         (r[2] >= 0.8 * g[2] || r[3] >= 0.8 * g[3]);
}

static gboolean
spread_complete (gpointer data)
{
  VtSpread *spread = vt_canvas_pane_get_spread (vt_window_get_canvas_pane (data));

  return spread != NULL && vt_spread_is_complete (spread);
}

static void
test_region_in_spread (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(VtContentState) state = vt_content_state_new ();
  g_autofree char *manifest = NULL;
  g_autofree char *canvas = NULL;
  g_autofree char *encoded = NULL;
  SpreadExpected e = { fixture->window, { 0 }, { 0 } };
  VtContentStateTarget *target;
  gint64 deadline;

  if (fixture->testbed == NULL)
    return;

  manifest = vt_testbed_get_url (fixture->testbed, VT_TESTBED_BOOK_300);
  canvas = vt_testbed_get_url (fixture->testbed, "/books/book-300/canvas/p3");
  target = vt_content_state_add_target (state, manifest, canvas);
  vt_content_state_target_set_region (target, 300, 500, 200, 250);
  encoded = vt_content_state_encode (state);

  vt_window_open_input (fixture->window, encoded);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!spread_region_fills (&e))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("expected %.1f,%.1f %.1f×%.1f of the spread in view, got %.1f,%.1f %.1f×%.1f",
                 e.region[0], e.region[1], e.region[2], e.region[3],
                 e.got[0], e.got[1], e.got[2], e.got[3]);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }

  /* It stays so once the spread's images have come. */
  wait_until (spread_complete, fixture->window, "the spread's images");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (spread_region_fills (&e));
}

static void
deserialized_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GValue *value = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_content_deserialize_finish (result, value, &error));
  g_assert_no_error (error);
}

static gboolean
value_set (gpointer data)
{
  return g_value_get_string (data) != NULL;
}

/* Firefox drags text/x-moz-url: UTF-16, the link, a newline, the title.
 * The window reads it as a string, and the link opens. */
static void
test_moz_url (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *manifest = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gunichar2 *utf16;
  glong n = 0;
  GValue value = G_VALUE_INIT;

  if (fixture->testbed == NULL)
    return;

  manifest = vt_testbed_get_url (fixture->testbed, SHARE_MANIFEST);
  text = g_strconcat (manifest, "?manifest=", manifest, "\nLinks to a view", NULL);
  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  stream = g_memory_input_stream_new_from_data (utf16, n * sizeof (gunichar2), g_free);

  g_value_init (&value, G_TYPE_STRING);
  gdk_content_deserialize_async (stream, "text/x-moz-url", G_TYPE_STRING, G_PRIORITY_DEFAULT,
                                 NULL, deserialized_cb, &value);
  wait_until (value_set, &value, "text/x-moz-url");
  g_assert_cmpstr (g_value_get_string (&value), ==, text);

  g_assert_true (vt_window_open_dropped (fixture->window, &value));
  g_value_unset (&value);
  wait_until (not_loading, fixture->window, "the dropped x-moz-url");
  g_assert_cmpstr (vt_viewing_get_manifest_url (vt_window_get_viewing (fixture->window)), ==, manifest);
}

/* A content state is text from anywhere: it opens web addresses only. */
static void
test_not_web (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *encoded = NULL;
  g_autofree char *query = NULL;
  const char *description;

  if (fixture->testbed == NULL)
    return;

  encoded = vt_content_state_encode_text ("{\"id\":\"file:///etc/passwd\",\"type\":\"Manifest\"}");
  query = g_strconcat ("?iiif-content=", encoded, NULL);
  vt_window_open_input (fixture->window, query);
  wait_until (not_loading, fixture->window, query);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "invalid-input");
  description = vt_error_page_get_description (vt_window_get_error_page (fixture->window));
  g_assert_nonnull (strstr (description, "http"));

  /* Nothing from the web on screen: nothing to share. */
  g_assert_false (vt_window_get_action_enabled (fixture->window, "win.copy-view-link"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/vitrine/app/share/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/vitrine/app/share/command-line", Fixture, NULL,
              fixture_set_up, test_command_line, fixture_tear_down);
  g_test_add ("/vitrine/app/share/several-targets", Fixture, NULL,
              fixture_set_up, test_several_targets, fixture_tear_down);
  g_test_add ("/vitrine/app/share/by-reference", Fixture, NULL,
              fixture_set_up, test_by_reference, fixture_tear_down);
  g_test_add ("/vitrine/app/share/by-reference-several", Fixture, NULL,
              fixture_set_up, test_by_reference_several, fixture_tear_down);
  g_test_add ("/vitrine/app/share/region-in-spread", Fixture, NULL,
              fixture_set_up, test_region_in_spread, fixture_tear_down);
  g_test_add ("/vitrine/app/share/moz-url", Fixture, NULL,
              fixture_set_up, test_moz_url, fixture_tear_down);
  g_test_add ("/vitrine/app/share/not-web", Fixture, NULL,
              fixture_set_up, test_not_web, fixture_tear_down);

  return g_test_run ();
}
