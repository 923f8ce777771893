/* test-scene.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>
#include <string.h>

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

static void
keep_request (VtTileLayer      *layer,
              VtTileDebugEvent  event,
              guint64           key,
              gpointer          user_data)
{
  if (event == VT_TILE_DEBUG_REQUEST)
    g_array_append_val ((GArray *) user_data, key);
}

/* A crop of the detail turned a quarter clockwise on the client, as for
 * an ImageApiSelector the server cannot apply. */
static void
test_crop_and_turn (void)
{
  g_autoptr (VipsImage) detail = NULL, cropped = NULL, turned = NULL;
  g_autoptr (VtPixels) shown = NULL;
  g_autoptr (GArray) requests = g_array_new (FALSE, FALSE, sizeof (guint64));
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

  vt_tile_layer_set_debug_hook (scene.detail, keep_request, requests, NULL);
  vt_test_set_view (scene.view, 1.0, 400, 300);
  g_assert_true (vt_test_wait_sharp (scene.view));
  shown = vt_test_render (scene.view);

  /* Only tiles that meet the crop are asked for (the placeholder level
   * aside): the rest of the source never shows. */
  g_assert_cmpuint (requests->len, >, 0);
  for (guint i = 0; i < requests->len; i++)
    {
      guint64 key = g_array_index (requests, guint64, i);
      VtTileSource *source = vt_tile_layer_get_source (scene.detail);
      const VtSourceLevel *l = vt_tile_source_get_level (source, VT_TILE_KEY_LEVEL (key));
      double f = vt_tile_source_get_level_scale (source, VT_TILE_KEY_LEVEL (key));
      graphene_rect_t tile = GRAPHENE_RECT_INIT (VT_TILE_KEY_X (key) * l->tile_width / f,
                                                 VT_TILE_KEY_Y (key) * l->tile_height / f,
                                                 l->tile_width / f, l->tile_height / f);

      if (VT_TILE_KEY_LEVEL (key) == 0)
        continue;
      g_assert_true (graphene_rect_intersection (&tile, &crop, NULL));
    }
  vt_tile_layer_set_debug_hook (scene.detail, NULL, NULL, NULL);

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

/* Counts the pixels of @a and @b that differ in the scene rectangle
 * (x0, y0)–(x1, y1) as @view shows it, two pixels in from its edges. */
static guint
count_differences (VtImageView *view,
                   VtPixels    *a,
                   VtPixels    *b,
                   double       x0,
                   double       y0,
                   double       x1,
                   double       y1)
{
  VtViewport *viewport = vt_image_view_get_viewport (view);
  double ax, ay, bx, by;
  guint n = 0;

  vt_viewport_image_to_widget (viewport, x0, y0, &ax, &ay);
  vt_viewport_image_to_widget (viewport, x1, y1, &bx, &by);
  for (int y = (int) ceil (ay) + 2; y < (int) by - 2 && y < a->height; y++)
    for (int x = (int) ceil (ax) + 2; x < (int) bx - 2 && x < a->width; x++)
      if (memcmp (a->data + ((gsize) y * a->width + x) * 4, b->data + ((gsize) y * a->width + x) * 4, 4) != 0)
        n++;
  return n;
}

/* Text painted on the scene: in its place among the layers (over the
 * base, under the detail added after it), fitted to its region, shown as
 * text when it is not valid markup, and cut when huge. */
static void
test_text_layer (void)
{
  g_autoptr (VtTileSource) base = NULL;
  g_autoptr (VtTileSource) detail = NULL;
  g_autoptr (VtPixels) with_text = NULL, without = NULL;
  g_autoptr (GString) huge = g_string_new (NULL);
  GtkWidget *window;
  VtImageView *view;
  VtTextLayer *text, *hidden;
  double short_size, long_size;

  if (vt_test_skip_without_display ())
    return;
  base = open_source (base_path);
  detail = open_source (detail_path);
  window = vt_test_window_new (VIEW_W, VIEW_H, &view);
  vt_test_wait_for_size (GTK_WIDGET (view));
  vt_image_view_set_scene_size (view, SCENE_W, SCENE_H);
  vt_image_view_add_layer (view, base, &GRAPHENE_RECT_INIT (0, 0, SCENE_W, SCENE_H));
  text = vt_image_view_add_text_layer (view, &GRAPHENE_RECT_INIT (100, 100, 400, 200));
  /* Wholly inside the detail's place. */
  hidden = vt_image_view_add_text_layer (view, &GRAPHENE_RECT_INIT (300, 250, 300, 200));
  vt_text_layer_set_markup (hidden, "Under the detail");
  vt_image_view_add_layer (view, detail, &GRAPHENE_RECT_INIT (DETAIL_X, DETAIL_Y, DETAIL_PW, DETAIL_PH));
  g_assert_cmpuint (vt_image_view_get_n_layers (view), ==, 2);
  g_assert_cmpuint (vt_image_view_get_n_text_layers (view), ==, 2);

  vt_text_layer_set_markup (text, "<b>A few</b> words");
  g_assert_cmpstr (vt_text_layer_get_text (text), ==, "A few words");
  short_size = vt_text_layer_get_font_size (text, GTK_WIDGET (view));
  /* At most a fifth of the region's height, and big enough to read. */
  g_assert_cmpfloat (short_size, <=, 200 / 5.0 + 0.01);
  g_assert_cmpfloat (short_size, >, 10);

  g_assert_true (vt_test_wait_sharp (view));
  with_text = vt_test_render (view);
  vt_text_layer_set_visible (text, FALSE);
  vt_text_layer_set_visible (hidden, FALSE);
  without = vt_test_render (view);
  vt_text_layer_set_visible (text, TRUE);
  /* Drawn over the base, left of the detail... */
  g_assert_cmpuint (count_differences (view, with_text, without, 100, 100, DETAIL_X, DETAIL_Y), >, 100);
  /* ...while the other lies under the detail added after it... */
  g_assert_cmpuint (count_differences (view, with_text, without, 300, 250, 600, 450), ==, 0);
  /* ...and nowhere outside its region. */
  g_assert_cmpuint (count_differences (view, with_text, without, 0, 320, SCENE_W, SCENE_H), ==, 0);
  g_assert_cmpuint (count_differences (view, with_text, without, 520, 0, SCENE_W, SCENE_H), ==, 0);

  /* More text, smaller letters. */
  vt_text_layer_set_markup (text, "Many more words than before, so many that they need several "
                                  "lines and a smaller size to fit in the same region of the scene.");
  long_size = vt_text_layer_get_font_size (text, GTK_WIDGET (view));
  g_assert_cmpfloat (long_size, <, short_size);

  /* Not markup: shown as it is. */
  vt_text_layer_set_markup (text, "<b>unclosed & bare");
  g_assert_cmpstr (vt_text_layer_get_text (text), ==, "<b>unclosed & bare");
  g_assert_cmpfloat (vt_text_layer_get_font_size (text, GTK_WIDGET (view)), >, 0);

  /* Huge: cut before Pango shapes it. */
  for (int i = 0; i < 20000; i++)
    g_string_append (huge, "word ");
  vt_text_layer_set_markup (text, huge->str);
  g_assert_cmpuint (strlen (vt_text_layer_get_text (text)), <=, 16 * 1024 + 4);
  g_assert_true (g_str_has_suffix (vt_text_layer_get_text (text), "…"));
  g_assert_cmpfloat (vt_text_layer_get_font_size (text, GTK_WIDGET (view)), >, 0);
  g_clear_pointer (&with_text, vt_pixels_free);
  with_text = vt_test_render (view);

  /* A new scene drops the texts. */
  vt_image_view_set_scene_size (view, SCENE_W, SCENE_H);
  g_assert_cmpuint (vt_image_view_get_n_text_layers (view), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/vitrine/scene/text-layer", test_text_layer);

  return g_test_run ();
}
