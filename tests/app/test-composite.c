/* test-composite.c
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
#include <vips/vips.h>

#include "app/vt-application.h"
#include "app/vt-page.h"
#include "app/vt-page-layer.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view-private.h"
#include "vt-testbed.h"

/* Composite canvases in the real window against the real test bed, with
 * manifests shaped like the IIIF cookbook's recipes: every image at its
 * target (0036), a Choice (0033), a rotation (0040) and a region (0299)
 * asked through an ImageApiSelector, and a missing image (0283). Pixels
 * are compared with libvips' rendering of the fixture the server serves.
 *
 * Set VT_TEST_SCREENSHOT_DIR to keep the composite's frame as a PNG. */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsImage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsRegion, g_object_unref)

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
  g_autofree char *app_id = g_strdup_printf ("%s.CompositeTest%u", APP_ID, ++app_serial);

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

/* Every layer has its source or its failure, and all in view is sharp. */
static gboolean
scene_settled (Fixture *fixture)
{
  VtImageView *view = fixture->view;
  guint n = vt_image_view_get_n_layers (view);

  if (n == 0 || gtk_widget_get_width (GTK_WIDGET (view)) == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      VtTileLayer *layer = vt_image_view_get_nth_layer (view, i);

      if (vt_tile_layer_get_visible (layer) && vt_tile_layer_get_source (layer) == NULL &&
          vt_tile_layer_get_failure (layer) == NULL)
        return FALSE;
    }
  vt_image_view_update_now (view);
  return vt_image_view_get_sharp (view) && vt_image_view_get_n_loading (view) == 0;
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

static GListModel *
get_page_layers (Fixture *fixture)
{
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (fixture->window));

  return vt_page_get_layers (page);
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
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      guchar *p = pixels->data + i * 4, b = p[0];

      p[0] = p[2];
      p[2] = b;
    }
  return pixels;
}

static void
save_screenshot (Pixels     *shown,
                 const char *name)
{
  const char *dir = g_getenv ("VT_TEST_SCREENSHOT_DIR");
  g_autoptr (VipsImage) image = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  image = vips_image_new_from_memory (shown->data, (gsize) shown->width * shown->height * 4,
                                      shown->width, shown->height, 4, VIPS_FORMAT_UCHAR);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (vips_pngsave (image, path, NULL), ==, 0);
  g_test_message ("saved %s", path);
}

/* libvips' rendering of @image lying at @placement of the scene that
 * @scene shows: resized by the zoom times the placement's scale, then the
 * widget's window cut out of it; transparent outside the image. */
static Pixels *
reference (VipsImage             *image,
           VtViewport            *scene,
           const graphene_rect_t *placement)
{
  double s = vips_image_get_width (image) / placement->size.width;
  double zoom = vt_viewport_get_zoom (scene) / s;
  int w = (int) vt_viewport_get_width (scene), h = (int) vt_viewport_get_height (scene);
  double ox, oy;
  g_autoptr (VipsImage) scaled = NULL, rgba = NULL, embedded = NULL;
  Pixels *pixels = g_new0 (Pixels, 1);

  vt_viewport_image_to_widget (scene, placement->origin.x, placement->origin.y, &ox, &oy);
  g_assert_cmpint (vips_resize (image, &scaled, zoom, NULL), ==, 0);
  g_assert_cmpint (vips_bandjoin_const1 (scaled, &rgba, 255, NULL), ==, 0);
  g_assert_cmpint (vips_embed (rgba, &embedded, (int) round (ox), (int) round (oy), w, h,
                               "extend", VIPS_EXTEND_BLACK, NULL), ==, 0);
  pixels->width = w;
  pixels->height = h;
  {
    g_autoptr (VipsRegion) region = vips_region_new (embedded);
    VipsRect rect = { 0, 0, w, h };

    g_assert_cmpint (vips_region_prepare (region, &rect), ==, 0);
    pixels->data = g_malloc ((gsize) w * h * 4);
    for (int y = 0; y < h; y++)
      memcpy (pixels->data + (gsize) y * w * 4, VIPS_REGION_ADDR (region, 0, y), (gsize) w * 4);
  }
  return pixels;
}

/* PSNR over the pixels the reference covers, two pixels in from its edge
 * (where resampling meets what lies around). */
static double
psnr (Pixels *a,
      Pixels *b)
{
  double sum = 0;
  guint64 n = 0;

  g_assert_cmpint (a->width, ==, b->width);
  for (int y = 2; y < a->height - 2; y++)
    for (int x = 2; x < a->width - 2; x++)
      {
        gsize i = (gsize) y * a->width + x;
        const guchar *pa = a->data + i * 4, *pb = b->data + i * 4;

        if (pb[3] != 255 || b->data[(i - 2) * 4 + 3] != 255 || b->data[(i + 2) * 4 + 3] != 255 ||
            b->data[(i - 2 * a->width) * 4 + 3] != 255 || b->data[(i + 2 * a->width) * 4 + 3] != 255)
          continue;
        for (int c = 0; c < 3; c++)
          {
            int d = (int) pa[c] - (int) pb[c];

            sum += d * d;
          }
        n += 3;
      }
  g_assert_cmpuint (n, >, 3000);
  return sum == 0 ? 99 : 10 * log10 (255.0 * 255.0 / (sum / n));
}

static VipsImage *
load_portrait (void)
{
  g_autofree char *path = g_build_filename (vt_testbed_get_fixtures_dir (), "portrait.tif", NULL);
  VipsImage *image = vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);

  g_assert_nonnull (image);
  return image;
}

/* The level's pixels per canvas unit. */
static double
resolution (VtTileLayer *layer)
{
  VtTileSource *source = vt_tile_layer_get_source (layer);
  graphene_rect_t placement;

  g_assert_true (vt_tile_layer_get_placement (layer, &placement));
  return vt_tile_source_get_level_scale (source, vt_tile_layer_get_level (layer)) *
         vt_tile_source_get_image_width (source) / placement.size.width;
}

static void
set_view (Fixture *fixture,
          double   zoom,
          double   x,
          double   y)
{
  VtViewport *vp = vt_image_view_get_viewport (fixture->view);

  vt_viewport_set_zoom (vp, zoom);
  vt_viewport_set_center (vp, x, y);
  wait_until (scene_settled, fixture, "the view to be sharp");
}

static void
test_composite (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (VipsImage) portrait = NULL;
  g_autoptr (Pixels) shown = NULL, expected = NULL;
  graphene_rect_t target = GRAPHENE_RECT_INIT (2000, 1000, 750, 1000);
  VtTileLayer *base, *detail;
  double p;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "composite");
  g_assert_cmpuint (vt_image_view_get_n_layers (fixture->view), ==, 2);
  g_assert_false (vt_canvas_pane_get_layers_shown (vt_window_get_canvas_pane (fixture->window)));
  base = vt_image_view_get_nth_layer (fixture->view, 0);
  detail = vt_image_view_get_nth_layer (fixture->view, 1);
  g_assert_cmpuint (vt_tile_source_get_image_width (vt_tile_layer_get_source (detail)), ==,
                    VT_TESTBED_PORTRAIT_WIDTH);

  /* The whole fitted: the detail in its place, as libvips draws it. */
  shown = render (fixture->view);
  save_screenshot (shown, "composite-fit.png");
  portrait = load_portrait ();
  set_view (fixture, 0.4, 2375, 1500);
  g_clear_pointer (&shown, pixels_free);
  shown = render (fixture->view);
  save_screenshot (shown, "composite-detail.png");
  expected = reference (portrait, vt_image_view_get_viewport (fixture->view), &target);
  p = psnr (shown, expected);
  g_test_message ("the detail at 40 %%: %.1f dB against libvips", p);
  g_assert_cmpfloat (p, >=, 28);

  /* Zoomed in, the detail loads finer tiles than the base under it. */
  set_view (fixture, 2.0, 2375, 1500);
  g_test_message ("at 200 %%: base %.2f, detail %.2f level pixels per canvas unit",
                  resolution (base), resolution (detail));
  g_assert_cmpfloat (resolution (detail), >, 1.5 * resolution (base));
}

static guint64
difference (Pixels *a,
            Pixels *b)
{
  guint64 sum = 0;

  for (gsize i = 0; i < (gsize) a->width * a->height * 4; i++)
    if (i % 4 != 3)
      sum += ABS ((int) a->data[i] - (int) b->data[i]);
  return sum / ((guint64) a->width * a->height * 3);
}

static void
test_choice (Fixture       *fixture,
             gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtLayerPopover *popover;
  g_autoptr (Pixels) first = NULL, second = NULL;
  VtTileLayer *natural, *other;
  GListModel *layers;
  guint64 diff;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "choice");
  pane = vt_window_get_canvas_pane (fixture->window);
  popover = vt_canvas_pane_get_layers_popover (pane);
  layers = get_page_layers (fixture);
  g_assert_true (vt_canvas_pane_get_layers_shown (pane));
  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 2);
  natural = vt_image_view_get_nth_layer (fixture->view, 0);
  other = vt_image_view_get_nth_layer (fixture->view, 1);
  g_assert_true (vt_tile_layer_get_visible (natural));
  g_assert_false (vt_tile_layer_get_visible (other));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (vt_layer_popover_get_toggle (popover, 0))));
  first = render (fixture->view);

  /* The other option, chosen in the list: it replaces the first. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (vt_layer_popover_get_toggle (popover, 1)), TRUE);
  g_assert_false (vt_tile_layer_get_visible (natural));
  g_assert_true (vt_tile_layer_get_visible (other));
  wait_until (scene_settled, fixture, "the other layer");
  second = render (fixture->view);
  diff = difference (first, second);
  g_test_message ("mean difference after switching: %" G_GUINT64_FORMAT, diff);
  g_assert_cmpuint (diff, >, 10);

  /* Its opacity slider sets the layer's. */
  gtk_range_set_value (GTK_RANGE (vt_layer_popover_get_scale (popover, 1)), 0.5);
  g_assert_cmpfloat_with_epsilon (vt_tile_layer_get_opacity (other), 0.5, 1e-9);
}

/* @name's single image against libvips' rendering of @expected over the
 * whole canvas. */
static void
check_whole_canvas (Fixture   *fixture,
                    VipsImage *expected_image,
                    gboolean   expect_server_side)
{
  g_autoptr (Pixels) shown = render (fixture->view);
  VtViewport *vp = vt_image_view_get_viewport (fixture->view);
  graphene_rect_t canvas = GRAPHENE_RECT_INIT (0, 0, vt_viewport_get_image_width (vp),
                                               vt_viewport_get_image_height (vp));
  g_autoptr (Pixels) expected = reference (expected_image, vp, &canvas);
  g_autoptr (VtPageLayer) layer = g_list_model_get_item (get_page_layers (fixture), 0);
  double p = psnr (shown, expected);

  g_test_message ("%s: %.1f dB against libvips",
                  vt_page_layer_get_server_side (layer) ? "by the server" : "in the view", p);
  g_assert_cmpint (vt_page_layer_get_server_side (layer), ==, expect_server_side);
  g_assert_cmpfloat (p, >=, 28);
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr (VipsImage) portrait = NULL, turned = NULL;

  if (fixture->testbed == NULL)
    return;

  portrait = load_portrait ();
  g_assert_cmpint (vips_rot (portrait, &turned, VIPS_ANGLE_D90, NULL), ==, 0);
  open_cookbook (fixture, "rotation");
  g_assert_cmpfloat (vt_viewport_get_image_width (vt_image_view_get_viewport (fixture->view)), ==, 4000);
  /* IIPImage turns by quarters (its info.json says rotationBy90s): one
   * image of it turned. */
  check_whole_canvas (fixture, turned, TRUE);
  g_assert_cmpuint (vt_tile_layer_get_turn (vt_image_view_get_nth_layer (fixture->view, 0)), ==, 0);

  /* A level 0 service cannot: the view turns its tiles. */
  open_cookbook (fixture, "rotation-level0");
  {
    g_autoptr (VtPageLayer) layer = g_list_model_get_item (get_page_layers (fixture), 0);

    g_assert_false (vt_page_layer_get_server_side (layer));
    g_assert_cmpuint (vt_tile_layer_get_turn (vt_image_view_get_nth_layer (fixture->view, 0)), ==, 90);
  }
}

static void
test_region (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (VipsImage) portrait = NULL, region = NULL;

  if (fixture->testbed == NULL)
    return;

  portrait = load_portrait ();
  g_assert_cmpint (vips_extract_area (portrait, &region, 1000, 1000, 1000, 1000, NULL), ==, 0);
  open_cookbook (fixture, "region");
  /* A level 1 server cuts regions: one image of the region. */
  check_whole_canvas (fixture, region, TRUE);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  user_data)
{
  VtTileLayer *missing;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "missing");
  g_assert_cmpuint (vt_image_view_get_n_layers (fixture->view), ==, 2);
  g_assert_nonnull (vt_tile_layer_get_source (vt_image_view_get_nth_layer (fixture->view, 0)));
  missing = vt_image_view_get_nth_layer (fixture->view, 1);
  g_assert_null (vt_tile_layer_get_source (missing));
  g_test_message ("placeholder: %s", vt_tile_layer_get_failure (missing));
  g_assert_nonnull (strstr (vt_tile_layer_get_failure (missing), "Lost detail"));
  g_assert_cmpint (vt_image_view_get_state (fixture->view), ==, VT_IMAGE_VIEW_STATE_READY);
}

/* Whether a single image (not a scene of layers) is drawn, and sharp. */
static gboolean
image_settled (Fixture *fixture)
{
  VtImageView *view = fixture->view;

  if (gtk_widget_get_width (GTK_WIDGET (view)) == 0 ||
      vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_READY)
    return FALSE;
  vt_image_view_update_now (view);
  return vt_image_view_get_sharp (view) && vt_image_view_get_n_loading (view) == 0;
}

/* The test bed's plain JPEG stretched to @width × @height, as libvips
 * draws it. */
static VipsImage *
load_static_stretched (int width,
                       int height)
{
  g_autofree char *path = g_build_filename (vt_testbed_get_fixtures_dir (), "static.jpg", NULL);
  g_autoptr (VipsImage) image = vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);
  VipsImage *stretched = NULL;

  g_assert_nonnull (image);
  g_assert_cmpint (vips_image_get_width (image), ==, VT_TESTBED_STATIC_WIDTH);
  g_assert_cmpint (vips_resize (image, &stretched, (double) width / VT_TESTBED_STATIC_WIDTH,
                                "vscale", (double) height / VT_TESTBED_STATIC_HEIGHT, NULL), ==, 0);
  return stretched;
}

/* The shown frame against libvips' rendering of @expected over the whole
 * canvas. */
static void
check_fills_canvas (Fixture    *fixture,
                    VipsImage  *expected_image,
                    const char *name)
{
  g_autoptr (Pixels) shown = render (fixture->view);
  VtViewport *vp = vt_image_view_get_viewport (fixture->view);
  graphene_rect_t canvas = GRAPHENE_RECT_INIT (0, 0, vt_viewport_get_image_width (vp),
                                               vt_viewport_get_image_height (vp));
  g_autoptr (Pixels) expected = reference (expected_image, vp, &canvas);
  double p = psnr (shown, expected);

  save_screenshot (shown, name);
  g_test_message ("%s: %.1f dB against libvips", name, p);
  g_assert_cmpfloat (p, >=, 28);
}

/* A plain image whose pixels differ from the canvas (cookbook 0068) fills
 * the canvas, stretched: its stated size, 600 × 400, has neither the
 * canvas's size nor its shape. */
static void
test_differing_dimensions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  g_autoptr (VipsImage) expected = NULL;
  VtViewport *vp;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/cookbook/differing-dimensions.json");
  vt_window_open_input (fixture->window, url);
  wait_until (image_settled, fixture, url);
  vp = vt_image_view_get_viewport (fixture->view);
  g_assert_cmpfloat (vt_viewport_get_image_width (vp), ==, 2400);
  g_assert_cmpfloat (vt_viewport_get_image_height (vp), ==, 800);
  expected = load_static_stretched (2400, 800);
  check_fills_canvas (fixture, expected, "differing-dimensions.png");
}

/* Plain images placed on parts of a canvas fill their targets, stretched:
 * one that states no size (it used to fail), one whose stated size has
 * another shape than its target. */
static void
test_stretched (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (VipsImage) half = NULL, expected = NULL;

  if (fixture->testbed == NULL)
    return;

  open_cookbook (fixture, "stretched");
  g_assert_cmpuint (vt_image_view_get_n_layers (fixture->view), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      VtTileLayer *layer = vt_image_view_get_nth_layer (fixture->view, i);

      g_assert_null (vt_tile_layer_get_failure (layer));
      g_assert_nonnull (vt_tile_layer_get_source (layer));
    }
  half = load_static_stretched (1200, 1600);
  g_assert_cmpint (vips_join (half, half, &expected, VIPS_DIRECTION_HORIZONTAL, NULL), ==, 0);
  check_fills_canvas (fixture, expected, "stretched.png");
}

/* A level 1 service described by an info.json of its own (scale factors
 * 1 and 2: the coarsest level, 1500 × 2000, has 48 tiles) whose id is the
 * image server's, not the manifest's: the placeholder asked for early at
 * the manifest's address fails there, so the view must ask the service
 * info.json names for one. It used to keep the failed one and show
 * "parts of the image could not be loaded" over an image that loads. */
static void
test_coarse_service (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  const GError *error;

  if (fixture->testbed == NULL)
    return;
  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/coarse.json");
  vt_window_open_input (fixture->window, url);
  wait_until (image_settled, fixture, url);
  error = vt_image_view_get_error (fixture->view);
  g_test_message ("error: %s", error ? error->message : "none");
  g_assert_cmpint (vt_image_view_get_state (fixture->view), ==, VT_IMAGE_VIEW_STATE_READY);
  g_assert_null (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  g_test_init (&argc, &argv, NULL);
  cache_dir = g_dir_make_tmp ("vitrine-composite-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the composite tests");
      return 77;
    }
  adw_init ();
  if (VIPS_INIT (argv[0]) != 0)
    g_error ("libvips did not start");

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/composite/detail", test_composite);
  ADD ("/vitrine/app/composite/choice", test_choice);
  ADD ("/vitrine/app/composite/rotation", test_rotation);
  ADD ("/vitrine/app/composite/region", test_region);
  ADD ("/vitrine/app/composite/missing", test_missing);
  ADD ("/vitrine/app/composite/differing-dimensions", test_differing_dimensions);
  ADD ("/vitrine/app/composite/stretched", test_stretched);
  ADD ("/vitrine/app/composite/coarse-service", test_coarse_service);
#undef ADD

  return g_test_run ();
}
