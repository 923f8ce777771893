/* test-compare.c
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
#include "app/vt-window.h"
#include "vt-testbed.h"

/* The compare view in the real window, on the real test bed: two canvases
 * with physical dimensions services of different scales (a 300 mm panel
 * on the 12000 × 9000 IIPImage TIFF, a 600 mm sheet on the 6000 × 4000
 * level 0 tiles), linked by image and at true scale. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
  VtCompareView *compare;
  char          *panel;
  char          *sheet;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.CompareTest%u", APP_ID, ++app_serial);

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (fixture->testbed), TRUE);
  fixture->panel = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_PHYSDIM_PANEL);
  fixture->sheet = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_PHYSDIM_SHEET);

  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = vt_window_new (fixture->app);
  fixture->compare = vt_window_get_compare_view (fixture->window);
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
  g_clear_pointer (&fixture->panel, g_free);
  g_clear_pointer (&fixture->sheet, g_free);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
}

static void
wait_until (gboolean  (*done) (gpointer),
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

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static VtViewport *
viewport (Fixture *fixture,
          guint    pane)
{
  return vt_image_view_get_viewport (vt_compare_view_get_image_view (fixture->compare, pane));
}

static gboolean
panes_are (Fixture  *fixture,
           gboolean  sharp)
{
  guint n = vt_compare_view_get_n_panes (fixture->compare);

  for (guint i = 0; i < n; i++)
    {
      VtImageView *view = vt_compare_view_get_image_view (fixture->compare, i);

      VtViewport *vp = vt_image_view_get_viewport (view);

      if (vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_READY ||
          vt_viewport_get_image_width (vp) <= 0 || vt_viewport_get_width (vp) <= 0 ||
          (sharp && !vt_image_view_get_sharp (view)))
        return FALSE;
    }
  return n > 0;
}

/* Each pane has its image (its size known, tiles maybe still coming),
 * and the view has copied what changed while the panes were laid out. */
static gboolean
panes_ready (gpointer data)
{
  Fixture *fixture = data;

  return panes_are (fixture, FALSE) && !vt_compare_view_get_linking (fixture->compare);
}

static gboolean
panes_sharp (gpointer data)
{
  return panes_are (data, TRUE);
}

static void
compare_and_wait (Fixture            *fixture,
                  const char * const *inputs)
{
  vt_window_compare (fixture->window, inputs);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "compare");
  wait_until (panes_ready, fixture, "the compared panes");
}

/* Both panes show the same part of their image: the same centre as a
 * fraction of the image, the same zoom relative to fit, the same turn. */
static void
assert_image_locked (Fixture *fixture)
{
  VtViewport *a = viewport (fixture, 0), *b = viewport (fixture, 1);

  g_assert_cmpuint (vt_viewport_get_rotation (a), ==, vt_viewport_get_rotation (b));
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_x (a) / vt_viewport_get_image_width (a),
                                  vt_viewport_get_center_x (b) / vt_viewport_get_image_width (b), 1e-6);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_y (a) / vt_viewport_get_image_height (a),
                                  vt_viewport_get_center_y (b) / vt_viewport_get_image_height (b), 1e-6);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (a) / vt_viewport_get_fit_zoom (a),
                                  vt_viewport_get_zoom (b) / vt_viewport_get_fit_zoom (b), 1e-6);
}

static guint frames_checked;

/* Runs after the compare view's own handler (connected first): every
 * step of an animation is already copied when it runs. */
static void
check_lock_cb (VtViewport *vp,
               GParamSpec *pspec,
               Fixture    *fixture)
{
  assert_image_locked (fixture);
  frames_checked++;
}

static gboolean
not_animating (gpointer data)
{
  VtViewport *vp = data;
  double *last = g_object_get_data (G_OBJECT (vp), "last-zoom");
  double zoom = vt_viewport_get_zoom (vp);
  gboolean still = last != NULL && *last == zoom;

  if (last == NULL)
    {
      last = g_new (double, 1);
      g_object_set_data_full (G_OBJECT (vp), "last-zoom", last, g_free);
    }
  *last = zoom;
  if (!still)
    spin (VT_IMAGE_VIEW_ANIMATION_MS / 4);
  return still;
}

static void
test_sync_image (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *inputs[3];
  VtViewport *a, *b;
  gulong handler;
  double before;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  compare_and_wait (fixture, inputs);
  g_assert_cmpuint (vt_compare_view_get_n_panes (fixture->compare), ==, 2);
  g_assert_cmpint (vt_compare_view_get_sync (fixture->compare), ==, VT_COMPARE_SYNC_IMAGE);
  a = viewport (fixture, 0);
  b = viewport (fixture, 1);
  assert_image_locked (fixture);

  /* Zooms about a point, pans, from either pane. */
  vt_viewport_zoom_at (a, vt_viewport_get_fit_zoom (a) * 4, vt_viewport_get_width (a) * 0.4,
                       vt_viewport_get_height (a) * 0.45);
  assert_image_locked (fixture);
  vt_viewport_pan (a, 60, -35);
  assert_image_locked (fixture);
  vt_viewport_pan (b, -120, 20);
  assert_image_locked (fixture);
  vt_viewport_zoom_at (b, vt_viewport_get_zoom (b) * 1.5, vt_viewport_get_width (b) * 0.6,
                       vt_viewport_get_height (b) * 0.5);
  assert_image_locked (fixture);

  /* An animated zoom stays locked at every frame. */
  frames_checked = 0;
  handler = g_signal_connect (a, "notify::zoom", G_CALLBACK (check_lock_cb), fixture);
  vt_compare_view_set_active (fixture->compare, 0);
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.zoom-in"));
  before = vt_viewport_get_zoom (a);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zoom-in", NULL);
  for (guint i = 0; i < 100 && vt_viewport_get_zoom (a) == before; i++)
    spin (20);
  wait_until (not_animating, a, "the zoom animation");
  /* Under a loaded Xvfb the frame clock may give the animation a single
   * frame; what it does at each frame, a kinetic pan does too: */
  g_assert_cmpuint (frames_checked, >=, 1);
  assert_image_locked (fixture);

  /* …small steps of the viewport, each copied before the next. */
  frames_checked = 0;
  for (guint i = 0; i < 30; i++)
    {
      vt_viewport_zoom_at (a, vt_viewport_get_zoom (a) * 0.99, 300, 280);
      vt_viewport_pan (a, 30.0 / (i + 1), -12.0 / (i + 1));
    }
  g_signal_handler_disconnect (a, handler);
  g_assert_cmpuint (frames_checked, ==, 30);
  assert_image_locked (fixture);

  /* Rotation, through the window's action on the active pane. */
  vt_compare_view_set_active (fixture->compare, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rotate", NULL);
  spin (VT_IMAGE_VIEW_ANIMATION_MS + 100);
  g_assert_cmpuint (vt_viewport_get_rotation (b), ==, 90);
  g_assert_cmpuint (vt_viewport_get_rotation (a), ==, 90);
  assert_image_locked (fixture);

  /* Fit in one fits the other. */
  vt_viewport_fit (a);
  g_assert_true (vt_viewport_get_fitted (b));

  /* Unlinked, each pane moves alone. */
  vt_compare_view_set_sync (fixture->compare, VT_COMPARE_SYNC_NONE);
  vt_viewport_set_zoom (a, vt_viewport_get_fit_zoom (a) * 3);
  g_assert_true (vt_viewport_get_fitted (b));
  /* Linking again brings the others to the active pane (b). */
  vt_compare_view_set_sync (fixture->compare, VT_COMPARE_SYNC_IMAGE);
  g_assert_true (vt_viewport_get_fitted (a));
}

/* mm per screen pixel: the same in both panes within 1 %. */
static void
assert_true_scale (Fixture *fixture)
{
  VtViewport *a = viewport (fixture, 0), *b = viewport (fixture, 1);
  double mm_a = 0, mm_b = 0, per_px_a, per_px_b;
  double shown_a, shown_b;

  g_assert_true (vt_compare_view_get_mm_per_pixel (fixture->compare, 0, &mm_a));
  g_assert_true (vt_compare_view_get_mm_per_pixel (fixture->compare, 1, &mm_b));
  per_px_a = mm_a / vt_viewport_get_zoom (a);
  per_px_b = mm_b / vt_viewport_get_zoom (b);
  g_assert_cmpfloat (fabs (per_px_a / per_px_b - 1), <, 0.01);

  /* The objects' widths on screen stand as their physical widths do:
   * 300 mm against 600 mm. */
  shown_a = vt_viewport_get_image_width (a) * vt_viewport_get_zoom (a);
  shown_b = vt_viewport_get_image_width (b) * vt_viewport_get_zoom (b);
  g_assert_cmpfloat (fabs (shown_a / shown_b - 300.0 / 600.0), <, 0.01 * 0.5);
}

static void
test_true_scale (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *inputs[3];
  VtViewport *a, *b;
  double mm;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  compare_and_wait (fixture, inputs);
  a = viewport (fixture, 0);
  b = viewport (fixture, 1);

  /* What the physical dimensions services say, per image pixel. */
  g_assert_true (vt_compare_view_get_true_scale_available (fixture->compare));
  g_assert_true (vt_compare_view_get_mm_per_pixel (fixture->compare, 0, &mm));
  g_assert_cmpfloat_with_epsilon (mm, VT_TESTBED_PHYSDIM_PANEL_MM_PER_UNIT, 1e-9);
  g_assert_true (vt_compare_view_get_mm_per_pixel (fixture->compare, 1, &mm));
  g_assert_cmpfloat_with_epsilon (mm, VT_TESTBED_PHYSDIM_SHEET_MM_PER_UNIT, 1e-9);

  vt_compare_view_set_active (fixture->compare, 1);
  vt_compare_view_set_sync (fixture->compare, VT_COMPARE_SYNC_TRUE_SCALE);
  assert_true_scale (fixture);

  /* The larger sheet fitted: the panel is half its width, below its own
   * fit. */
  vt_viewport_fit (b);
  assert_true_scale (fixture);
  g_assert_cmpfloat (vt_viewport_get_zoom (a), <, vt_viewport_get_fit_zoom (a));

  vt_viewport_zoom_at (a, vt_viewport_get_fit_zoom (a) * 3, 200, 300);
  assert_true_scale (fixture);
  vt_viewport_pan (b, 40, 40);
  assert_true_scale (fixture);
  vt_viewport_zoom_at (b, vt_viewport_get_zoom (b) * 2.5, 100, 100);
  assert_true_scale (fixture);
  vt_viewport_rotate (a, 1);
  assert_true_scale (fixture);
  g_assert_cmpuint (vt_viewport_get_rotation (b), ==, 90);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Each pane's sidebar is its own: it opens alone and describes its own
 * object; the window's sidebar is left as it was. */
static void
test_sidebars (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *inputs[3];
  VtMetadataView *first, *second;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  compare_and_wait (fixture, inputs);

  first = vt_compare_view_get_metadata_view (fixture->compare, 0);
  second = vt_compare_view_get_metadata_view (fixture->compare, 1);
  g_assert_true (first != second);
  g_assert_cmpstr (vt_metadata_view_get_title (first), ==, "Panel, 30 cm wide (true scale)");
  g_assert_cmpstr (vt_metadata_view_get_title (second), ==, "Sheet, 60 cm wide (true scale)");

  g_assert_false (vt_compare_view_get_sidebar_revealed (fixture->compare, 0));
  vt_compare_view_set_sidebar_revealed (fixture->compare, 1, TRUE);
  wait_until (widget_mapped, second, "the second pane's sidebar");
  g_assert_false (vt_compare_view_get_sidebar_revealed (fixture->compare, 0));
  g_assert_true (vt_compare_view_get_sidebar_revealed (fixture->compare, 1));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (second)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (first)));
  g_assert_null (vt_metadata_view_get_title (vt_window_get_metadata_view (fixture->window)));
}

/* Compare With on the object on screen, another page from the strip's
 * menu, and Escape back to the object. */
static void
test_open_and_leave (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *two_pages = NULL;
  const char *inputs[2];

  if (fixture->testbed == NULL)
    return;

  vt_window_open_input (fixture->window, fixture->panel);
  while (g_strcmp0 (vt_window_get_state_name (fixture->window), "viewer") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.compare-with"));

  /* One input: the object on screen beside it. */
  inputs[0] = fixture->sheet;
  inputs[1] = NULL;
  compare_and_wait (fixture, inputs);
  g_assert_cmpuint (vt_compare_view_get_n_panes (fixture->compare), ==, 2);
  g_assert_cmpstr (vt_viewing_get_input (vt_compare_view_get_viewing (fixture->compare, 0)), ==,
                   fixture->panel);
  g_assert_cmpstr (vt_viewing_get_input (vt_compare_view_get_viewing (fixture->compare, 1)), ==,
                   fixture->sheet);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  g_assert_cmpuint (vt_compare_view_get_n_panes (fixture->compare), ==, 0);

  /* Two pages of one object, as the strip's "Compare" opens them. */
  two_pages = g_strconcat (vt_testbed_get_base_url (fixture->testbed), VT_TESTBED_MANIFEST_PATH,
                           "dmg:2011-0075_0-2", NULL);
  vt_window_open_input (fixture->window, two_pages);
  while (g_strcmp0 (vt_window_get_state_name (fixture->window), "viewer") != 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare-canvas", "u", 1);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "compare");
  wait_until (panes_ready, fixture, "two pages");
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_compare_view_get_viewing (fixture->compare, 0)), ==, 0);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_compare_view_get_viewing (fixture->compare, 1)), ==, 1);

  /* The page keys act on the active pane. */
  vt_compare_view_set_active (fixture->compare, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_compare_view_get_viewing (fixture->compare, 1)), ==, 0);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

/* A region asked for (a Content State's xywh) is what its pane shows
 * once the image is there, and the other pane follows it. */
static void
test_region (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *inputs[3];
  VtViewport *a;
  double x, y, w, h;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  vt_window_compare (fixture->window, inputs);
  vt_compare_view_set_region (fixture->compare, 0, 3000, 2000, 1200, 900);
  wait_until (panes_ready, fixture, "the compared panes");
  spin (50);

  a = viewport (fixture, 0);
  vt_viewport_get_visible_rect (a, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_x (a), 3600, 1);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_center_y (a), 2450, 1);
  /* The whole region shows, and fills the pane along one axis. */
  g_assert_cmpfloat (x, <=, 3000 + 1);
  g_assert_cmpfloat (y, <=, 2000 + 1);
  g_assert_cmpfloat (x + w, >=, 4200 - 1);
  g_assert_cmpfloat (y + h, >=, 2900 - 1);
  g_assert_true (fabs (w - 1200) < 1 || fabs (h - 900) < 1);
  assert_image_locked (fixture);
}

/* A link dropped on a pane opens there, in place of its object. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *inputs[3];
  g_autofree char *dropped = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *column;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  compare_and_wait (fixture, inputs);

  column = GTK_WIDGET (vt_compare_view_get_canvas_pane (fixture->compare, 1));
  while (column != NULL && !gtk_widget_has_css_class (column, "compare-pane"))
    column = gtk_widget_get_parent (column);
  g_assert_nonnull (column);

  dropped = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_LEVEL0);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, dropped);
  controllers = gtk_widget_observe_controllers (column);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  g_value_unset (&value);
  g_assert_true (accepted);

  g_assert_cmpuint (vt_compare_view_get_n_panes (fixture->compare), ==, 2);
  g_assert_cmpuint (vt_compare_view_get_active (fixture->compare), ==, 1);
  g_assert_cmpstr (vt_viewing_get_input (vt_compare_view_get_viewing (fixture->compare, 1)), ==, dropped);
  g_assert_cmpstr (vt_viewing_get_input (vt_compare_view_get_viewing (fixture->compare, 0)), ==,
                   fixture->panel);
  wait_until (panes_ready, fixture, "the dropped object");
}

typedef struct
{
  guchar *data;
  int     width;
  int     height;
} Pixels;

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

/* What @widget draws now, through the window's own renderer. */
static Pixels *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Pixels *pixels = g_new0 (Pixels, 1);

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  /* A widget paintable shows the last frame drawn, which a queued redraw
   * drops: wait for the next one (a few seconds at most). */
  for (guint i = 0; i < 500; i++)
    {
      gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        break;
      snapshot = gtk_snapshot_new ();
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  pixels->data = g_malloc ((gsize) pixels->width * pixels->height * 4);
  gdk_texture_download (texture, pixels->data, (gsize) pixels->width * 4);
  return pixels;
}

/* How many pixels of the column band [x0, x1) of @a equal @b's. */
static double
share_equal (Pixels *a,
             Pixels *b,
             int     x0,
             int     x1)
{
  guint64 same = 0, all = 0;

  for (int y = a->height / 4; y < a->height * 3 / 4; y += 3)
    for (int x = x0; x < x1; x += 3)
      {
        const guchar *p = a->data + ((gsize) y * a->width + x) * 4;
        const guchar *q = b->data + ((gsize) y * b->width + x) * 4;

        all++;
        if (memcmp (p, q, 3) == 0)
          same++;
      }
  return all > 0 ? (double) same / all : 0;
}

/* Swipe: left of the divider the first image, right of it the second. */
static void
test_swipe (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *inputs[3];
  GtkWidget *grid, *first, *second;
  int divider;

  if (fixture->testbed == NULL)
    return;

  inputs[0] = fixture->panel;
  inputs[1] = fixture->sheet;
  inputs[2] = NULL;
  compare_and_wait (fixture, inputs);
  vt_compare_view_set_sync (fixture->compare, VT_COMPARE_SYNC_NONE);
  vt_compare_view_set_swipe (fixture->compare, TRUE);
  g_assert_true (vt_compare_view_get_swipe (fixture->compare));
  /* Swipe links the views by image. */
  g_assert_cmpint (vt_compare_view_get_sync (fixture->compare), ==, VT_COMPARE_SYNC_IMAGE);
  vt_compare_view_set_swipe_position (fixture->compare, 0.4);
  /* The panes are reallocated to the whole grid at the next frame, then
   * ask for the tiles of their new size. */
  spin (500);
  wait_until (panes_sharp, fixture, "the swiped panes");
  spin (200);
  wait_until (panes_sharp, fixture, "the swiped panes");

  first = GTK_WIDGET (vt_compare_view_get_image_view (fixture->compare, 0));
  second = GTK_WIDGET (vt_compare_view_get_image_view (fixture->compare, 1));
  grid = first;
  while (grid != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (grid), "VtCompareGrid"))
    grid = gtk_widget_get_parent (grid);
  g_assert_nonnull (grid);

  /* Both panes lie over the whole grid, and draw their image in the same
   * place: the grid's pixels are one or the other's. */
  {
    g_autoptr(Pixels) all = render (grid);
    g_autoptr(Pixels) a = NULL;
    g_autoptr(Pixels) b = NULL;
    graphene_point_t origin;
    int w = all->width;

    g_assert_true (gtk_widget_compute_point (first, grid, &GRAPHENE_POINT_INIT (0, 0), &origin));
    g_assert_cmpfloat (fabs (origin.x), <, 1);
    a = render (first);
    b = render (second);
    g_assert_cmpint (a->width, ==, w);
    divider = (int) round (0.4 * w);

    /* The images differ, so each side tells whose it is. */
    g_assert_cmpfloat (share_equal (a, b, 0, w), <, 0.5);
    /* The image views start below the pane headers: compare rows of the
       grid with the same rows of the views. */
    {
      Pixels shifted = *all;

      shifted.data = all->data + (gsize) (int) round (origin.y) * all->width * 4;
      shifted.height = a->height;
      g_assert_cmpfloat (share_equal (&shifted, a, 8, divider - 20), >, 0.95);
      g_assert_cmpfloat (share_equal (&shifted, b, divider + 20, w - 8), >, 0.95);
      g_assert_cmpfloat (share_equal (&shifted, b, 8, divider - 20), <, 0.5);
      g_assert_cmpfloat (share_equal (&shifted, a, divider + 20, w - 8), <, 0.5);
    }
  }

  vt_compare_view_set_swipe (fixture->compare, FALSE);
  g_assert_false (vt_compare_view_get_swipe (fixture->compare));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/vitrine/compare/sync-image", Fixture, NULL, fixture_set_up, test_sync_image,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/true-scale", Fixture, NULL, fixture_set_up, test_true_scale,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/sidebars", Fixture, NULL, fixture_set_up, test_sidebars,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/open-and-leave", Fixture, NULL, fixture_set_up, test_open_and_leave,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/swipe", Fixture, NULL, fixture_set_up, test_swipe,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/region", Fixture, NULL, fixture_set_up, test_region,
              fixture_tear_down);
  g_test_add ("/vitrine/compare/drop", Fixture, NULL, fixture_set_up, test_drop,
              fixture_tear_down);

  return g_test_run ();
}
