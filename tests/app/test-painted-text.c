/* test-painted-text.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/vt-application.h"
#include "app/vt-canvas-pane-private.h"
#include "app/vt-layer-popover.h"
#include "app/vt-page.h"
#include "app/vt-page-layer.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view-private.h"
#include "vt-testbed.h"

/* Text painted on a canvas (IIIF cookbook 0561) in the real window
 * against the real test bed: drawn inside its target region and nowhere
 * else, at any zoom; a canvas of text alone; a Choice of texts in several
 * languages; and hostile HTML (scripts, styles, deep nesting, a huge
 * value). Pixels are compared with the same view with the text hidden.
 *
 * Set VT_TEST_SCREENSHOT_DIR to keep the frames as PNGs. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
  VtImageView   *view;
} Fixture;

typedef struct
{
  int width;
  int height;
  guchar *data;   /* RGBA */
} Pixels;

static guint app_serial;

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.PaintedTextTest%u", APP_ID, ++app_serial);

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
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window));
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
wait_until (gboolean  (*done) (Fixture *),
            Fixture    *fixture,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

/* The image has its source and all in view is sharp; the texts are in. */
static gboolean
scene_settled (Fixture *fixture)
{
  VtImageView *view = fixture->view;

  if (vt_image_view_get_n_layers (view) == 0 || vt_image_view_get_n_text_layers (view) == 0 ||
      gtk_widget_get_width (GTK_WIDGET (view)) == 0 ||
      vt_tile_layer_get_source (vt_image_view_get_nth_layer (view, 0)) == NULL)
    return FALSE;
  vt_image_view_update_now (view);
  return vt_image_view_get_sharp (view) && vt_image_view_get_n_loading (view) == 0;
}

/* A canvas of text alone: text layers and no image. */
static gboolean
text_only_shown (Fixture *fixture)
{
  return vt_image_view_get_n_layers (fixture->view) == 0 &&
         vt_image_view_get_n_text_layers (fixture->view) > 0 &&
         gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0;
}

static void
open_cookbook (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_strdup_printf ("/manifests/v3/cookbook/%s.json", name);
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, path);

  vt_window_open_input (fixture->window, url);
  wait_until (scene_settled, fixture, url);
}

static Pixels *
render (VtImageView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Pixels *pixels = g_new0 (Pixels, 1);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  pixels->width = w;
  pixels->height = h;
  pixels->data = g_malloc0 ((gsize) w * h * 4);
  if (node == NULL)
    return pixels;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, pixels->data, (gsize) w * 4);
  return pixels;
}

static void
save_screenshot (Pixels     *shown,
                 const char *name)
{
  const char *dir = g_getenv ("VT_TEST_SCREENSHOT_DIR");
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  bytes = g_bytes_new (shown->data, (gsize) shown->width * shown->height * 4);
  texture = gdk_memory_texture_new (shown->width, shown->height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) shown->width * 4);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Whether (x, y) lies within @margin of @bounds. */
static gboolean
near (const graphene_rect_t *bounds,
      int                    x,
      int                    y,
      double                 margin)
{
  return x >= bounds->origin.x - margin && x < bounds->origin.x + bounds->size.width + margin &&
         y >= bounds->origin.y - margin && y < bounds->origin.y + bounds->size.height + margin;
}

/* Counts the pixels that differ between @a and @b inside @regions (two
 * pixels in from their edges) and outside them (two pixels out); and,
 * inside, those where @a is much darker than @b (the backing) and those
 * where @a is white (the letters). */
static void
count_changes (Pixels                *a,
               Pixels                *b,
               const graphene_rect_t *regions,
               guint                  n_regions,
               guint64               *inside,
               guint64               *outside,
               guint64               *darker,
               guint64               *ink)
{
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);

  *inside = *outside = *darker = *ink = 0;
  for (int y = 0; y < a->height; y++)
    for (int x = 0; x < a->width; x++)
      {
        gsize i = ((gsize) y * a->width + x) * 4;
        gboolean in = FALSE, around = FALSE;

        if (memcmp (a->data + i, b->data + i, 4) == 0)
          continue;
        for (guint r = 0; r < n_regions; r++)
          {
            in = in || near (&regions[r], x, y, -2);
            around = around || near (&regions[r], x, y, 2);
          }
        if (in)
          {
            const guchar *pa = a->data + i, *pb = b->data + i;

            (*inside)++;
            if (pa[0] + pa[1] + pa[2] + 90 < pb[0] + pb[1] + pb[2])
              (*darker)++;
            if (pa[0] > 230 && pa[1] > 230 && pa[2] > 230)
              (*ink)++;
          }
        else if (!around)
          (*outside)++;
      }
}

/* Renders the view with its texts and without, and checks that they
 * differ inside the texts' regions in view, and nowhere else. */
static void
check_drawn_inside (Fixture    *fixture,
                    const char *name)
{
  guint n = vt_image_view_get_n_text_layers (fixture->view);
  g_autofree graphene_rect_t *regions = g_new0 (graphene_rect_t, n);
  g_autofree gboolean *shown = g_new0 (gboolean, n);
  g_autoptr (Pixels) with_text = NULL, without = NULL;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                                             gtk_widget_get_height (GTK_WIDGET (fixture->view)));
  guint64 inside, outside, darker, ink;
  double area = 0;

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t visible;

      vt_text_layer_get_widget_bounds (vt_image_view_get_nth_text_layer (fixture->view, i), &regions[i]);
      if (graphene_rect_intersection (&regions[i], &view, &visible))
        area += visible.size.width * visible.size.height;
    }
  g_assert_cmpfloat (area, >, 1000);

  with_text = render (fixture->view);
  for (guint i = 0; i < n; i++)
    {
      shown[i] = vt_text_layer_get_visible (vt_image_view_get_nth_text_layer (fixture->view, i));
      vt_text_layer_set_visible (vt_image_view_get_nth_text_layer (fixture->view, i), FALSE);
    }
  without = render (fixture->view);
  for (guint i = 0; i < n; i++)
    vt_text_layer_set_visible (vt_image_view_get_nth_text_layer (fixture->view, i), shown[i]);
  save_screenshot (with_text, name);

  count_changes (with_text, without, regions, n, &inside, &outside, &darker, &ink);
  g_test_message ("%s: %" G_GUINT64_FORMAT " pixels changed inside the regions (%.0f px²; "
                  "%" G_GUINT64_FORMAT " darker, %" G_GUINT64_FORMAT " white), "
                  "%" G_GUINT64_FORMAT " outside", name, inside, area, darker, ink, outside);
  g_assert_cmpuint (outside, ==, 0);
  /* The backing darkens much of the region, and the letters are white on
   * it. */
  g_assert_cmpfloat (darker, >, area * 0.05);
  g_assert_cmpfloat (ink, >, area * 0.002);
}

static void
test_text_on_image (Fixture       *fixture,
                    gconstpointer  user_data)
{
  VtTextLayer *text;
  GtkWidget *toggle;
  VtViewport *viewport;
  graphene_rect_t placement;
  g_autofree char *spoken = NULL;
  g_autofree char *expected = NULL;
  char *failure;
  gint64 deadline;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "text-on-image");
  g_assert_cmpuint (vt_image_view_get_n_layers (fixture->view), ==, 1);
  g_assert_cmpuint (vt_image_view_get_n_text_layers (fixture->view), ==, 1);
  text = vt_image_view_get_nth_text_layer (fixture->view, 0);
  vt_text_layer_get_placement (text, &placement);
  g_assert_true (graphene_rect_equal (&placement, &GRAPHENE_RECT_INIT (400, 2700, 2200, 1000)));
  /* The HTML's text, its tags and its style gone. */
  g_assert_nonnull (strstr (vt_text_layer_get_text (text), "The bridge is to the right"));
  g_assert_null (strstr (vt_text_layer_get_text (text), "font-size"));
  /* The layer list offers the image and the text, to see under it. */
  g_assert_true (vt_canvas_pane_get_layers_shown (vt_window_get_canvas_pane (fixture->window)));
  toggle = vt_layer_popover_get_toggle (vt_canvas_pane_get_layers_popover (vt_window_get_canvas_pane (fixture->window)), 1);
  g_assert_nonnull (toggle);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (toggle)), ==, "Text (en)");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  g_assert_false (vt_text_layer_get_visible (text));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_true (vt_text_layer_get_visible (text));
  /* A screen reader hears it. */
  spoken = vt_composite_scene_dup_text (vt_window_get_canvas_pane (fixture->window)->scene);
  g_assert_cmpstr (spoken, ==, "The bridge is to the right, seen from the old harbour.");
  /* In the image's description, once the zoom rests. */
  deadline = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  viewport = vt_image_view_get_viewport (fixture->view);
  expected = g_strdup_printf ("Zoom %d %%. Arrow keys move, plus and minus zoom, 0 fits, 1 shows actual size. "
                              "Text on the image: %s",
                              MAX (1, (int) (vt_viewport_get_zoom (viewport) *
                                             gtk_widget_get_scale_factor (GTK_WIDGET (fixture->view)) * 100 + 0.5)),
                              spoken);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (failure);

  check_drawn_inside (fixture, "text-on-image-fit.png");

  /* Zoomed in on the text's corner: drawn scaled with the image, still
   * only inside its region, which now runs out of the view. */
  vt_viewport_set_zoom (viewport, vt_viewport_get_zoom (viewport) * 4);
  vt_viewport_set_center (viewport, 800, 2900);
  wait_until (scene_settled, fixture, "the zoomed view to be sharp");
  check_drawn_inside (fixture, "text-on-image-zoomed.png");

  /* Turned a quarter: the text turns with the image, inside its region. */
  vt_viewport_fit (viewport);
  vt_viewport_rotate (viewport, 1);
  wait_until (scene_settled, fixture, "the turned view to be sharp");
  check_drawn_inside (fixture, "text-on-image-turned.png");
}

static void
test_text_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtPage *page;
  VtLayerPopover *popover;
  g_autoptr (Pixels) shown = NULL;
  graphene_rect_t bounds;
  guint n_visible = 0;
  VtTextLayer *english = NULL;
  const guchar *corner;
  g_autofree char *spoken = NULL;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "text-on-image");
  vt_viewing_set_canvas_index (vt_window_get_viewing (fixture->window), 1);
  wait_until (text_only_shown, fixture, "the canvas of text alone");
  page = vt_viewing_get_page (vt_window_get_viewing (fixture->window));
  /* A page that shows, not "not an image". */
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_READY);
  g_assert_cmpint (vt_image_view_get_state (fixture->view), ==, VT_IMAGE_VIEW_STATE_READY);

  /* A Choice of three texts: the English one shows (the tests' locale is
   * C, and English is the fallback). */
  g_assert_cmpuint (vt_image_view_get_n_text_layers (fixture->view), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      VtTextLayer *layer = vt_image_view_get_nth_text_layer (fixture->view, i);

      if (vt_text_layer_get_visible (layer))
        {
          n_visible++;
          english = layer;
        }
    }
  g_assert_cmpuint (n_visible, ==, 1);
  g_assert_cmpstr (vt_text_layer_get_text (english), ==, "A page with no image, only these words.");

  /* The layer list offers the three, as radio buttons. */
  pane = vt_window_get_canvas_pane (fixture->window);
  g_assert_true (vt_canvas_pane_get_layers_shown (pane));
  popover = vt_canvas_pane_get_layers_popover (pane);
  g_assert_nonnull (vt_layer_popover_get_toggle (popover, 2));
  g_assert_null (vt_layer_popover_get_toggle (popover, 3));

  check_drawn_inside (fixture, "text-alone.png");
  /* A blank sheet the canvas's size, light, under the text. */
  shown = render (fixture->view);
  vt_text_layer_get_widget_bounds (english, &bounds);
  corner = shown->data + ((gsize) (bounds.origin.y - 4) * shown->width + (gsize) (bounds.origin.x - 4)) * 4;
  g_assert_cmpuint (corner[0], >, 200);
  g_assert_cmpuint (corner[1], >, 200);

  /* The language picked in the window picks the text. */
  vt_canvas_pane_set_language (pane, "nl");
  for (guint i = 0; i < 3; i++)
    {
      VtTextLayer *layer = vt_image_view_get_nth_text_layer (fixture->view, i);

      g_assert_cmpint (vt_text_layer_get_visible (layer), ==,
                       g_str_has_prefix (vt_text_layer_get_text (layer), "Een bladzijde"));
    }
  spoken = vt_composite_scene_dup_text (pane->scene);
  g_assert_cmpstr (spoken, ==, "Een bladzijde zonder beeld, alleen deze woorden.");
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  user_data)
{
  VtTextLayer *evil, *huge;
  const char *text;
  gint64 start;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "text-hostile");
  g_assert_cmpuint (vt_image_view_get_n_text_layers (fixture->view), ==, 2);
  evil = vt_image_view_get_nth_text_layer (fixture->view, 0);
  huge = vt_image_view_get_nth_text_layer (fixture->view, 1);

  text = vt_text_layer_get_text (evil);
  g_test_message ("hostile text: %s", text);
  g_assert_nonnull (strstr (text, "Evil"));
  /* (The sanitiser stops at its depth limit: what 200 nested tags hold
   * is dropped, not drawn.) */
  g_assert_nonnull (strstr (text, "web"));
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "color:red"));
  g_assert_null (strstr (text, "99999"));
  g_assert_null (strstr (text, "javascript"));

  /* A huge value is cut before it is laid out, and still fits. */
  text = vt_text_layer_get_text (huge);
  g_assert_true (g_str_has_prefix (g_strchug ((char *) text), "Lorem ipsum"));
  g_assert_cmpuint (strlen (text), <=, 16 * 1024 + 8);

  start = g_get_monotonic_time ();
  check_drawn_inside (fixture, "text-hostile.png");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  g_assert_cmpfloat (vt_text_layer_get_font_size (evil, GTK_WIDGET (fixture->view)), <, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  g_test_init (&argc, &argv, NULL);
  cache_dir = g_dir_make_tmp ("vitrine-painted-text-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  /* The accessible description is read through GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the painted text tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/painted-text/on-image", test_text_on_image);
  ADD ("/vitrine/app/painted-text/text-only", test_text_only);
  ADD ("/vitrine/app/painted-text/hostile", test_hostile);
#undef ADD

  return g_test_run ();
}
