/* test-scene.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "vt-canvas-test-util.h"
#include "vt-local-source.h"

/* A scene of several placed layers, as a composite IIIF canvas: a base
 * image covering the canvas and a detail photographed at four times its
 * resolution drawn over part of it. Rendered under Xvfb and compared with
 * libvips' renderings of each source. */

#define SCENE_W 1000
#define SCENE_H 800
#define DETAIL_W 1600
#define DETAIL_H 1200
#define VIEW_W 640
#define VIEW_H 480

/* Where the detail lies: a quarter of its pixels per scene unit. */
#define DETAIL_X 250
#define DETAIL_Y 200
#define DETAIL_PW 400
#define DETAIL_PH 300

static char *base_path;
static char *detail_path;

static VtTileSource *
open_source (const char *path)
{
  g_autoptr (GError) error = NULL;
  VtLocalSource *source = vt_local_source_new (path, &error);

  g_assert_no_error (error);
  return VT_TILE_SOURCE (source);
}

typedef struct
{
  GtkWidget *window;
  VtImageView *view;
  VtTileLayer *base;
  VtTileLayer *detail;
} Scene;

static void
scene_open (Scene *scene)
{
  g_autoptr (VtTileSource) base = open_source (base_path);
  g_autoptr (VtTileSource) detail = open_source (detail_path);

  scene->window = vt_test_window_new (VIEW_W, VIEW_H, &scene->view);
  vt_test_wait_for_size (GTK_WIDGET (scene->view));
  vt_image_view_set_scene_size (scene->view, SCENE_W, SCENE_H);
  g_assert_cmpint (vt_image_view_get_state (scene->view), ==, VT_IMAGE_VIEW_STATE_READY);
  scene->base = vt_image_view_add_layer (scene->view, base,
                                         &GRAPHENE_RECT_INIT (0, 0, SCENE_W, SCENE_H));
  scene->detail = vt_image_view_add_layer (scene->view, detail,
                                           &GRAPHENE_RECT_INIT (DETAIL_X, DETAIL_Y,
                                                                DETAIL_PW, DETAIL_PH));
  g_assert_cmpuint (vt_image_view_get_n_layers (scene->view), ==, 2);
  g_assert_true (vt_image_view_get_nth_layer (scene->view, 1) == scene->detail);
}

static void
scene_close (Scene *scene)
{
  gtk_window_destroy (GTK_WINDOW (scene->window));
}

/* The level's pixels per scene unit. */
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
test_detail_level (void)
{
  Scene scene;
  VtTileSource *detail;
  guint n_levels;

  if (vt_test_skip_without_display ())
    return;
  scene_open (&scene);
  detail = vt_tile_layer_get_source (scene.detail);
  n_levels = vt_tile_source_get_n_levels (detail);

  /* At 100 % of the scene the detail is drawn at a quarter of its size:
   * not its finest level. */
  vt_test_set_view (scene.view, 1.0, DETAIL_X + DETAIL_PW / 2, DETAIL_Y + DETAIL_PH / 2);
  g_assert_true (vt_test_wait_sharp (scene.view));
  g_assert_cmpuint (vt_tile_layer_get_level (scene.detail), <, n_levels - 1);
  g_assert_cmpfloat (vt_tile_source_get_level_scale (detail, vt_tile_layer_get_level (scene.detail)),
                     <, 0.5);

  /* Zoomed in four times: the base has nothing finer, the detail shows its
   * own pixels one to one, four times the base's resolution. */
  vt_test_set_view (scene.view, 4.0, DETAIL_X + DETAIL_PW / 2, DETAIL_Y + DETAIL_PH / 2);
  g_assert_cmpfloat_with_epsilon (vt_viewport_get_zoom (vt_image_view_get_viewport (scene.view)),
                                  4.0, 1e-9);
  g_assert_true (vt_test_wait_sharp (scene.view));
  g_assert_cmpuint (vt_tile_layer_get_level (scene.detail), ==, n_levels - 1);
  g_test_message ("at 400 %%: base %.2f, detail %.2f level pixels per scene unit",
                  resolution (scene.base), resolution (scene.detail));
  g_assert_cmpfloat (resolution (scene.detail), >=, 3.9 * resolution (scene.base));

  /* Beyond the base's maximum the scene can still zoom into the detail. */
  vt_test_set_view (scene.view, 16.0, DETAIL_X + DETAIL_PW / 2, DETAIL_Y + DETAIL_PH / 2);
  g_assert_cmpfloat (vt_viewport_get_zoom (vt_image_view_get_viewport (scene.view)), >, 4.0);
  scene_close (&scene);
}

/* A viewport showing @image as @scene_vp shows the rectangle @placement
 * of the scene, @image filling it. */
static VtViewport *
layer_viewport (VtViewport            *scene_vp,
                VipsImage             *image,
                const graphene_rect_t *placement)
{
  VtViewport *vp = vt_viewport_new ();
  double s = vips_image_get_width (image) / placement->size.width;

  vt_viewport_set_size (vp, VIEW_W, VIEW_H);
  vt_viewport_set_image_size (vp, vips_image_get_width (image), vips_image_get_height (image));
  vt_viewport_set_constrained (vp, FALSE);
  vt_viewport_set_zoom (vp, vt_viewport_get_zoom (scene_vp) / s);
  vt_viewport_set_center (vp, (vt_viewport_get_center_x (scene_vp) - placement->origin.x) * s,
                          (vt_viewport_get_center_y (scene_vp) - placement->origin.y) * s);
  return vp;
}

static double
compare (VtPixels              *shown,
         VipsImage             *image,
         VtViewport            *scene_vp,
         const graphene_rect_t *placement)
{
  g_autoptr (VtViewport) vp = layer_viewport (scene_vp, image, placement);
  g_autoptr (VtPixels) reference = vt_test_reference (image, vp);

  return vt_test_psnr (shown, reference, NULL);
}

static void
test_composite_pixels (void)
{
  g_autoptr (VipsImage) base = NULL, detail = NULL;
  g_autoptr (VtPixels) shown = NULL, hidden = NULL, half = NULL;
  graphene_rect_t whole = GRAPHENE_RECT_INIT (0, 0, SCENE_W, SCENE_H);
  graphene_rect_t target = GRAPHENE_RECT_INIT (DETAIL_X, DETAIL_Y, DETAIL_PW, DETAIL_PH);
  VtViewport *vp;
  Scene scene;
  double psnr_detail, psnr_base, psnr_hidden;

  if (vt_test_skip_without_display ())
    return;
  scene_open (&scene);
  vp = vt_image_view_get_viewport (scene.view);
  base = vips_image_new_from_file (base_path, "access", VIPS_ACCESS_RANDOM, NULL);
  detail = vips_image_new_from_file (detail_path, "access", VIPS_ACCESS_RANDOM, NULL);

  vt_test_set_view (scene.view, 1.0, DETAIL_X + DETAIL_PW / 2, DETAIL_Y + DETAIL_PH / 2);
  g_assert_true (vt_test_wait_sharp (scene.view));
  shown = vt_test_render (scene.view);
  psnr_detail = compare (shown, detail, vp, &target);
  psnr_base = compare (shown, base, vp, &whole);
  g_test_message ("detail shown: %.1f dB against the detail, %.1f dB against the base",
                  psnr_detail, psnr_base);
  g_assert_cmpfloat (psnr_detail, >=, 30);
  g_assert_cmpfloat (psnr_base, <, 20);

  /* Hidden, the base shows through everywhere. */
  vt_tile_layer_set_visible (scene.detail, FALSE);
  g_assert_true (vt_test_wait_sharp (scene.view));
  hidden = vt_test_render (scene.view);
  psnr_hidden = compare (hidden, base, vp, &whole);
  g_test_message ("detail hidden: %.1f dB against the base", psnr_hidden);
  g_assert_cmpfloat (psnr_hidden, >=, 30);

  /* Half opaque: every pixel of the detail's place halfway between. */
  vt_tile_layer_set_visible (scene.detail, TRUE);
  vt_tile_layer_set_opacity (scene.detail, 0.5);
  g_assert_true (vt_test_wait_sharp (scene.view));
  half = vt_test_render (scene.view);
  for (int y = 100; y < 380; y += 7)
    for (int x = 130; x < 510; x += 7)
      for (int c = 0; c < 3; c++)
        {
          gsize i = ((gsize) y * VIEW_W + x) * 4 + c;
          int mid = (shown->data[i] + hidden->data[i]) / 2;

          g_assert_cmpint (ABS ((int) half->data[i] - mid), <=, 3);
        }
  scene_close (&scene);
}

/* A crop of the detail turned a quarter clockwise on the client, as for
 * an ImageApiSelector the server cannot apply. */
static void
test_crop_and_turn (void)
{
  g_autoptr (VipsImage) detail = NULL, cropped = NULL, turned = NULL;
  g_autoptr (VtPixels) shown = NULL;
  graphene_rect_t crop = GRAPHENE_RECT_INIT (400, 300, 800, 600);
  /* The turned crop is 600 × 800: half a pixel per scene unit. */
  graphene_rect_t placement = GRAPHENE_RECT_INIT (250, 100, 300, 400);
  Scene scene;
  double psnr;

  if (vt_test_skip_without_display ())
    return;
  scene_open (&scene);
  vt_tile_layer_set_crop (scene.detail, &crop);
  vt_tile_layer_set_turn (scene.detail, 90);
  vt_tile_layer_set_placement (scene.detail, &placement);

  vt_test_set_view (scene.view, 1.0, 400, 300);
  g_assert_true (vt_test_wait_sharp (scene.view));
  shown = vt_test_render (scene.view);

  detail = vips_image_new_from_file (detail_path, "access", VIPS_ACCESS_RANDOM, NULL);
  g_assert_cmpint (vips_extract_area (detail, &cropped, 400, 300, 800, 600, NULL), ==, 0);
  g_assert_cmpint (vips_rot (cropped, &turned, VIPS_ANGLE_D90, NULL), ==, 0);
  psnr = compare (shown, turned, vt_image_view_get_viewport (scene.view), &placement);
  g_test_message ("cropped and turned: %.1f dB", psnr);
  g_assert_cmpfloat (psnr, >=, 30);
  scene_close (&scene);
}

/* A layer whose image failed draws a placeholder, and the view keeps
 * showing the others. */
static void
test_failed_layer (void)
{
  g_autoptr (VtPixels) shown = NULL;
  VtTileLayer *missing;
  Scene scene;
  guchar *p;

  if (vt_test_skip_without_display ())
    return;
  scene_open (&scene);
  vt_tile_layer_set_visible (scene.detail, FALSE);
  missing = vt_image_view_add_layer (scene.view, NULL,
                                     &GRAPHENE_RECT_INIT (DETAIL_X, DETAIL_Y, DETAIL_PW, DETAIL_PH));
  vt_tile_layer_set_failure (missing, "The image could not be loaded");
  g_assert_cmpstr (vt_tile_layer_get_failure (missing), ==, "The image could not be loaded");
  g_assert_true (vt_test_wait_sharp (scene.view));
  shown = vt_test_render (scene.view);
  g_assert_cmpuint (vt_image_view_get_n_layers (scene.view), ==, 3);
  /* Something is drawn at the failed layer's place. */
  p = shown->data + ((gsize) (VIEW_H / 2) * VIEW_W + VIEW_W / 2) * 4;
  g_assert_cmpuint (p[3], ==, 255);
  vt_image_view_remove_layer (scene.view, missing);
  g_assert_cmpuint (vt_image_view_get_n_layers (scene.view), ==, 2);

  /* A single source drops the scene. */
  {
    g_autoptr (VtTileSource) base = open_source (base_path);

    vt_image_view_set_source (scene.view, base);
    g_assert_cmpuint (vt_image_view_get_n_layers (scene.view), ==, 0);
    /* Nothing left loading when the fixtures are removed at exit. */
    g_assert_true (vt_test_wait_sharp (scene.view));
  }
  scene_close (&scene);
}

int
main (int argc, char *argv[])
{
  if (vt_test_init_display (&argc, &argv))
    {
      g_autoptr (VipsImage) base = vt_test_make_image (SCENE_W, SCENE_H);
      g_autoptr (VipsImage) pattern = vt_test_make_image (DETAIL_W, DETAIL_H);
      g_autoptr (VipsImage) detail = NULL;

      /* Its own picture: the base's pattern, inverted. */
      g_assert_cmpint (vips_invert (pattern, &detail, NULL), ==, 0);
      base_path = vt_test_write_fixture (base, "base.tif",
                                         "[tile,pyramid,compression=jpeg,Q=90,tile-width=256,tile-height=256]");
      detail_path = vt_test_write_fixture (detail, "detail.tif",
                                           "[tile,pyramid,compression=jpeg,Q=90,tile-width=256,tile-height=256]");
    }

  g_test_add_func ("/vitrine/scene/detail-level", test_detail_level);
  g_test_add_func ("/vitrine/scene/composite-pixels", test_composite_pixels);
  g_test_add_func ("/vitrine/scene/crop-and-turn", test_crop_and_turn);
  g_test_add_func ("/vitrine/scene/failed-layer", test_failed_layer);

  return g_test_run ();
}
