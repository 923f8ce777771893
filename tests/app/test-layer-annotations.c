/* test-layer-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "app/vt-annotation-row.h"
#include "app/vt-application.h"
#include "app/vt-layer-popover.h"
#include "app/vt-page-layer.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view-private.h"
#include "vt-testbed.h"
#include "vt-window-test.h"

/* The annotations of one image of a Choice (IIIF Cookbook 0326), in the
 * real window against the test bed: listed with the canvas's own, marked
 * with their image, drawn where that image puts them on the canvas and
 * only while it shows; picking one shows its image. */

#define MANIFEST "/manifests/v3/cookbook/layer-annotation.json"
#define TAG "/manifests/v3/cookbook/layer-annotation/x-ray/tag"
#define NOTE "/manifests/v3/cookbook/layer-annotation/canvas/1/note"

typedef VtWindowTest Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (vt_window_test_start_testbed (fixture))
    vt_window_test_open_window (fixture, "LayerAnnotationsTest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  vt_window_test_tear_down (fixture);
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

static GListModel *
page_layers (VtWindow *window)
{
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (window));

  return page != NULL ? vt_page_get_layers (page) : NULL;
}

static gboolean
scene_ready (gpointer data)
{
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (data));
  GListModel *layers = page_layers (data);

  return layers != NULL && g_list_model_get_n_items (layers) == 2 &&
         vt_image_view_get_n_layers (view) == 2 &&
         gtk_widget_get_width (GTK_WIDGET (view)) > 0;
}

static gboolean
both_listed (gpointer data)
{
  return vt_annotation_panel_get_n_annotations (vt_window_get_annotation_panel (data)) == 2;
}

static VtPageLayer *
layer (VtWindow *window,
       guint     i)
{
  g_autoptr(VtPageLayer) l = g_list_model_get_item (page_layers (window), i);

  return l;   /* the page holds it */
}

static VtAnnotationRow *
row_for (VtAnnotationPanel *panel,
         Fixture           *fixture,
         const char        *path)
{
  g_autofree char *id = g_strconcat (vt_testbed_get_base_url (fixture->testbed), path, NULL);
  GtkListBoxRow *row = vt_annotation_panel_find_row (panel, id);

  g_assert_nonnull (row);
  return VT_ANNOTATION_ROW (row);
}

static void
test_choice_layer (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  VtAnnotationPanel *panel;
  VtCanvasPane *pane;
  VtAnnotationOverlay *overlay;
  VtImageView *view;
  VtViewport *viewport;
  VtAnnotationRow *tag, *note;
  VtPageLayer *natural, *xray;
  graphene_rect_t bounds;
  double vx, vy, vw, vh;
  int item;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, MANIFEST);
  panel = vt_window_get_annotation_panel (fixture->window);
  pane = vt_window_get_canvas_pane (fixture->window);
  overlay = vt_canvas_pane_get_annotation_overlay (pane);
  view = vt_canvas_pane_get_image_view (pane);
  viewport = vt_image_view_get_viewport (view);

  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel))), GTK_WIDGET (panel));
  vt_window_test_wait_until (scene_ready, fixture->window, "the two layers");
  vt_window_test_wait_until (both_listed, fixture->window, "the annotations");

  /* Listed with the canvas's own, after it, marked with its image. */
  note = row_for (panel, fixture, NOTE);
  tag = row_for (panel, fixture, TAG);
  g_assert_true (vt_annotation_panel_get_row (panel, 0) == GTK_LIST_BOX_ROW (note));
  g_assert_true (vt_annotation_panel_get_row (panel, 1) == GTK_LIST_BOX_ROW (tag));
  g_assert_null (vt_annotation_row_get_layer_text (note));
  g_assert_cmpstr (vt_annotation_row_get_layer_text (tag), ==, "On X-ray");
  g_assert_cmpstr (vt_annotation_panel_get_state (panel), ==, "list");

  /* Its shape in canvas pixels: the X-ray (3000 × 4000) is stretched over
   * the canvas (6000 × 4000), so 1000,1000 500×800 of it is 2000,1000
   * 1000×800 of the canvas. */
  item = vt_annotation_row_get_item (tag);
  g_assert_cmpint (item, >=, 0);
  g_assert_true (vt_annotation_overlay_get_bounds (overlay, item, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 2000);
  g_assert_cmpfloat (bounds.origin.y, ==, 1000);
  g_assert_cmpfloat (bounds.size.width, ==, 1000);
  g_assert_cmpfloat (bounds.size.height, ==, 800);

  /* Natural light shows: the tag is not drawn (nor picked); the canvas's
   * own note is. */
  natural = layer (fixture->window, 0);
  xray = layer (fixture->window, 1);
  g_assert_true (vt_page_layer_get_visible (natural));
  g_assert_false (vt_page_layer_get_visible (xray));
  g_assert_true (vt_annotation_overlay_get_item_hidden (overlay, item));
  g_assert_false (vt_annotation_overlay_get_item_hidden (overlay, vt_annotation_row_get_item (note)));

  /* The X-ray picked in the layer popover: drawn. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (vt_layer_popover_get_toggle (vt_canvas_pane_get_layers_popover (pane), 1)),
                               TRUE);
  g_assert_true (vt_page_layer_get_visible (xray));
  g_assert_false (vt_page_layer_get_visible (natural));
  g_assert_false (vt_annotation_overlay_get_item_hidden (overlay, item));

  /* Back to natural light: hidden again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (vt_layer_popover_get_toggle (vt_canvas_pane_get_layers_popover (pane), 0)),
                               TRUE);
  g_assert_false (vt_page_layer_get_visible (xray));
  g_assert_true (vt_annotation_overlay_get_item_hidden (overlay, item));

  /* Selecting the tag's row shows the X-ray instead, and zooms to it. */
  vt_annotation_panel_select_row (panel, GTK_LIST_BOX_ROW (tag));
  g_assert_true (vt_page_layer_get_visible (xray));
  g_assert_false (vt_page_layer_get_visible (natural));
  g_assert_false (vt_annotation_overlay_get_item_hidden (overlay, item));
  g_assert_cmpint (vt_annotation_overlay_get_selected (overlay), ==, item);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (vt_layer_popover_get_toggle (vt_canvas_pane_get_layers_popover (pane), 1))));
  spin (100);
  while (vt_image_view_is_animating (view))
    spin (25);
  spin (200);
  while (vt_image_view_is_animating (view))
    spin (25);
  vt_viewport_get_visible_rect (viewport, &vx, &vy, &vw, &vh);
  g_test_message ("visible %g,%g %gx%g for 2000,1000 1000x800", vx, vy, vw, vh);
  g_assert_cmpfloat (vx, <=, 2000);
  g_assert_cmpfloat (vy, <=, 1000);
  g_assert_cmpfloat (vx + vw, >=, 3000);
  g_assert_cmpfloat (vy + vh, >=, 1800);
  g_assert_cmpfloat (vw, <, 6000);

  /* A search that leaves it out hides it, whatever image shows. */
  vt_annotation_panel_set_query (panel, "panel");
  g_assert_true (vt_annotation_overlay_get_item_hidden (overlay, item));
  vt_annotation_panel_set_query (panel, "face");
  g_assert_false (vt_annotation_overlay_get_item_hidden (overlay, item));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  /* Untranslated texts, whatever the developer's locale. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  cache_dir = g_dir_make_tmp ("vitrine-layer-annotations-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the layer annotation tests");
      return 77;
    }
  adw_init ();

  g_test_add ("/vitrine/app/layer-annotations/choice-layer", Fixture, NULL,
              fixture_set_up, test_choice_layer, fixture_tear_down);

  {
    int status = g_test_run ();
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
    return status;
  }
}
