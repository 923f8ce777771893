/* test-export-region.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "../export/export-test-util.h"
#include "app/vt-export-dialog.h"
#include "app/vt-navigation.h"
#include "app/vt-view-export.h"
#include "canvas/vt-image-view.h"
#include "canvas/vt-region-selector.h"
#include "export/vt-export.h"
#include "vt-testbed.h"

/* A region drawn on the real canvas (the test bed's 12000 × 9000 image
 * from IIPImage) with the selector's own gesture and key handlers, then
 * exported through the export dialog: its pixels against libvips' crop of
 * the source TIFF. The view as PNG and on the clipboard. The server's
 * limits, as the dialog tells them. */

#define MIN_PSNR   38.0
#define VIEW_W     800
#define VIEW_H     600

static VtTestbed *testbed;
static char *tmpdir;

typedef struct
{
  VtClient         *client;
  VtSession        *session;
  VtNavigation     *navigation;
  VtViewing        *viewing;
  GtkWindow        *window;
  AdwToastOverlay  *toasts;
  VtImageView      *view;
  VtRegionSelector *selector;
} Fixture;

static gboolean
viewing_settled (VtViewing *viewing)
{
  VtPage *page = vt_viewing_get_page (viewing);

  return !vt_viewing_is_loading (viewing) &&
         (page == NULL || vt_page_get_state (page) != VT_PAGE_LOADING);
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
settled_cb (gpointer data)
{
  return viewing_settled (data);
}

static gboolean
sharp_cb (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->view)) &&
         vt_image_view_get_state (f->view) == VT_IMAGE_VIEW_STATE_READY &&
         vt_image_view_get_sharp (f->view);
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The canvas as the pane stacks it: the image view with the selector
 * over it in one overlay, in a window of its own. */
static gboolean
fixture_open (Fixture    *f,
              const char *input)
{
  GtkWidget *overlay;

  if (testbed == NULL)
    testbed = vt_testbed_start_or_skip ();
  if (testbed == NULL)
    return FALSE;
  f->client = vt_client_new (NULL);
  f->session = vt_session_new (f->client);
  vt_session_set_api_base (f->session, vt_testbed_get_base_url (testbed));
  f->navigation = vt_navigation_new (f->session);
  f->viewing = g_object_ref (vt_navigation_open (f->navigation, input, NULL));
  iterate_until (settled_cb, f->viewing);
  g_assert_cmpint (vt_page_get_state (vt_viewing_get_page (f->viewing)), ==, VT_PAGE_READY);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, VIEW_W, VIEW_H);
  f->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  overlay = gtk_overlay_new ();
  f->view = VT_IMAGE_VIEW (vt_image_view_new ());
  f->selector = VT_REGION_SELECTOR (vt_region_selector_new (vt_image_view_get_viewport (f->view)));
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (f->selector));
  adw_toast_overlay_set_child (f->toasts, overlay);
  gtk_window_set_child (f->window, GTK_WIDGET (f->toasts));
  vt_image_view_set_source (f->view, vt_page_get_source (vt_viewing_get_page (f->viewing)));
  gtk_window_present (f->window);
  iterate_until (sharp_cb, f);
  return TRUE;
}

static void
fixture_close (Fixture *f)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->viewing);
  g_clear_object (&f->navigation);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (button == 0 || gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button))
        return controller;
    }
  g_assert_not_reached ();
}

/* A drag as GTK reports it: begin, a few updates, end. */
static void
drag (VtRegionSelector *selector,
      double            x,
      double            y,
      double            dx,
      double            dy)
{
  gpointer gesture = find_controller (GTK_WIDGET (selector), GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (int i = 1; i <= 4; i++)
    g_signal_emit_by_name (gesture, "drag-update", dx * i / 4, dy * i / 4);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static gboolean
key (VtRegionSelector *selector,
     guint             keyval,
     GdkModifierType   state)
{
  gpointer controller = find_controller (GTK_WIDGET (selector), GTK_TYPE_EVENT_CONTROLLER_KEY, 0);
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static void
assert_region (VtRegionSelector *selector,
               double            x,
               double            y,
               double            w,
               double            h)
{
  double rx, ry, rw, rh;

  g_assert_true (vt_region_selector_get_region (selector, &rx, &ry, &rw, &rh));
  g_assert_cmpfloat (rx, ==, x);
  g_assert_cmpfloat (ry, ==, y);
  g_assert_cmpfloat (rw, ==, w);
  g_assert_cmpfloat (rh, ==, h);
}

static VipsImage *
source_crop (const char *name,
             int         x,
             int         y,
             int         w,
             int         h)
{
  g_autofree char *path = g_build_filename (vt_testbed_get_fixtures_dir (), name, NULL);
  g_autoptr (VipsImage) tif = vips_image_new_from_file (path, NULL);
  VipsImage *crop = NULL;

  g_assert_nonnull (tif);
  g_assert_cmpint (vips_crop (tif, &crop, x, y, w, h, NULL), ==, 0);
  return crop;
}

static void
test_drag_and_export (void)
{
  Fixture f = { 0 };
  VtViewport *viewport;
  VtExportDialog *dialog;
  g_autofree char *path = g_build_filename (tmpdir, "region.png", NULL);
  g_autofree char *size_text = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (VipsImage) reference = NULL;
  double ax, ay, bx, by, x, y, w, h, psnr;
  gint64 area[4];

  if (!fixture_open (&f, VT_TESTBED_OBJECT_DMG))
    return;
  viewport = vt_image_view_get_viewport (f.view);
  g_assert_cmpfloat (vt_viewport_get_image_width (viewport), ==, VT_TESTBED_MAIN_WIDTH);
  /* A quarter: a region of a few hundred screen pixels is ~1000 image px,
   * at no multiple of 8 (IIPImage's JPEG keeps its source's 8 px blocks
   * only when asked for whole ones: the export widens and crops). */
  vt_viewport_set_zoom (viewport, 0.25);
  vt_viewport_set_center (viewport, 5000, 4000);

  /* Not selecting: hidden, and a drag does nothing. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f.selector)));
  vt_region_selector_set_active (f.selector, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f.selector)));
  g_assert_false (vt_region_selector_get_has_region (f.selector));

  /* A new region, from a drag outside any. */
  drag (f.selector, 200.4, 150.2, 300, 250);
  vt_viewport_widget_to_image (viewport, 200.4, 150.2, &ax, &ay);
  vt_viewport_widget_to_image (viewport, 500.4, 400.2, &bx, &by);
  assert_region (f.selector, round (ax), round (ay), round (bx) - round (ax), round (by) - round (ay));
  size_text = vt_region_selector_dup_size_text (f.selector);
  g_assert_cmpstr (size_text, ==, "1200 × 1000 px");

  /* The bottom right handle, 40 px further right and 20 up. */
  g_assert_true (vt_region_selector_get_region (f.selector, &x, &y, &w, &h));
  vt_viewport_image_to_widget (viewport, x + w, y + h, &bx, &by);
  drag (f.selector, bx + 3, by - 2, 40, -20);
  assert_region (f.selector, x, y, w + 160, h - 80);

  /* The top edge's handle: only the height changes. */
  vt_viewport_image_to_widget (viewport, x + (w + 160) / 2, y, &ax, &ay);
  drag (f.selector, ax, ay, 17, 10);
  assert_region (f.selector, x, y + 40, w + 160, h - 120);

  /* Inside: the region moves whole. */
  g_assert_true (vt_region_selector_get_region (f.selector, &x, &y, &w, &h));
  vt_viewport_image_to_widget (viewport, x + w / 2, y + h / 2, &ax, &ay);
  drag (f.selector, ax, ay, -25, 5);
  assert_region (f.selector, x - 100, y + 20, w, h);
  g_assert_true (vt_region_selector_get_region (f.selector, &x, &y, &w, &h));

  /* "Export Region…": the dialog offers the region and chooses it. */
  dialog = vt_export_dialog_new (f.window, f.session, f.viewing, f.view, f.toasts);
  g_object_ref_sink (dialog);
  vt_export_dialog_set_region (dialog, x, y, w, h);
  g_assert_true (vt_export_dialog_get_area (dialog, VT_EXPORT_AREA_REGION, area));
  g_assert_cmpint (area[0], ==, (gint64) x);
  g_assert_cmpint (area[1], ==, (gint64) y);
  g_assert_cmpint (area[2], ==, (gint64) w);
  g_assert_cmpint (area[3], ==, (gint64) h);
  g_assert_null (vt_export_dialog_get_limit_text (dialog));
  vt_export_dialog_set_choices (dialog, VT_EXPORT_AREA_REGION, 0, VT_EXPORT_FORMAT_PNG);
  vt_export_dialog_start (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  iterate_until (file_exists_cb, path);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  reference = source_crop ("ghent.tif", (int) x, (int) y, (int) w, (int) h);
  psnr = export_test_psnr (path, reference);
  g_test_message ("region %g,%g %g×%g: PSNR %.1f dB", x, y, w, h, psnr);
  g_assert_cmpfloat (psnr, >=, MIN_PSNR);

  /* Escape leaves the mode and forgets the region. */
  g_assert_true (key (f.selector, GDK_KEY_Escape, 0));
  g_assert_false (vt_region_selector_get_active (f.selector));
  g_assert_false (vt_region_selector_get_has_region (f.selector));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f.selector)));

  g_unlink (path);
  fixture_close (&f);
}

static void
activate_cb (VtRegionSelector *selector,
             int              *count)
{
  (*count)++;
}

static void
test_keys (void)
{
  Fixture f = { 0 };
  VtViewport *viewport;
  int activated = 0;

  if (!fixture_open (&f, VT_TESTBED_OBJECT_DMG))
    return;
  viewport = vt_image_view_get_viewport (f.view);
  vt_viewport_set_zoom (viewport, 0.5);
  vt_region_selector_set_active (f.selector, TRUE);
  g_signal_connect (f.selector, "activate", G_CALLBACK (activate_cb), &activated);

  /* Enter does nothing without a region; Ctrl+A takes the whole image. */
  g_assert_true (key (f.selector, GDK_KEY_Return, 0));
  g_assert_cmpint (activated, ==, 0);
  g_assert_true (key (f.selector, GDK_KEY_a, GDK_CONTROL_MASK));
  assert_region (f.selector, 0, 0, VT_TESTBED_MAIN_WIDTH, VT_TESTBED_MAIN_HEIGHT);

  /* Arrows move by 10 screen px (20 image px at 50 %), inside the image. */
  vt_region_selector_set_region (f.selector, 1000, 1000, 400, 300);
  g_assert_true (key (f.selector, GDK_KEY_Right, 0));
  assert_region (f.selector, 1020, 1000, 400, 300);
  g_assert_true (key (f.selector, GDK_KEY_Up, 0));
  assert_region (f.selector, 1020, 980, 400, 300);
  /* Ctrl: one image pixel. */
  g_assert_true (key (f.selector, GDK_KEY_Left, GDK_CONTROL_MASK));
  assert_region (f.selector, 1019, 980, 400, 300);
  /* Shift: the right or bottom edge. */
  g_assert_true (key (f.selector, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_region (f.selector, 1019, 980, 420, 300);
  g_assert_true (key (f.selector, GDK_KEY_Up, GDK_SHIFT_MASK));
  assert_region (f.selector, 1019, 980, 420, 280);
  g_assert_true (key (f.selector, GDK_KEY_Down, GDK_SHIFT_MASK | GDK_CONTROL_MASK));
  assert_region (f.selector, 1019, 980, 420, 281);
  /* Never out of the image. */
  vt_region_selector_set_region (f.selector, 5, 5, 100, 100);
  g_assert_true (key (f.selector, GDK_KEY_Left, 0));
  assert_region (f.selector, 0, 5, 100, 100);

  /* Turned a quarter clockwise, the screen's right is the image's up. */
  vt_viewport_set_rotation (viewport, 90);
  vt_region_selector_set_region (f.selector, 1000, 1000, 400, 300);
  g_assert_true (key (f.selector, GDK_KEY_Right, 0));
  assert_region (f.selector, 1000, 980, 400, 300);
  vt_viewport_set_rotation (viewport, 0);

  /* Keys it does not know go on to the window (Ctrl+E, Page Down…). */
  g_assert_false (key (f.selector, GDK_KEY_e, GDK_CONTROL_MASK));
  g_assert_false (key (f.selector, GDK_KEY_Page_Down, 0));

  g_assert_true (key (f.selector, GDK_KEY_KP_Enter, 0));
  g_assert_cmpint (activated, ==, 1);

  /* Another image: the region is forgotten. */
  vt_viewport_set_image_size (viewport, 100, 100);
  g_assert_false (vt_region_selector_get_has_region (f.selector));

  fixture_close (&f);
}

static void
view_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = vt_view_export_save_finish (result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* The view as PNG: the widget's size times its scale, the canvas' pixels
 * (against libvips' own rendering of the part in view), and the XMP. */
static void
test_view_png (void)
{
  Fixture f = { 0 };
  g_autofree char *path = g_build_filename (tmpdir, "view.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (VipsImage) png = NULL;
  g_autoptr (VipsImage) rgb = NULL;
  g_autoptr (VipsImage) reference = NULL;
  g_autoptr (VipsImage) resized = NULL;
  g_autoptr (VipsImage) diff = NULL;
  g_autoptr (VipsImage) square = NULL;
  g_autoptr (VtExportMetadata) metadata = NULL;
  g_autofree char *xmp = NULL;
  VtViewport *viewport;
  int scale, width, height;
  double vx, vy, vw, vh, mse, psnr;
  gboolean done = FALSE;

  if (!fixture_open (&f, VT_TESTBED_OBJECT_DMG))
    return;
  viewport = vt_image_view_get_viewport (f.view);
  /* Wholly inside the image, so that every pixel is the image's. */
  vt_viewport_set_zoom (viewport, 0.2);
  vt_viewport_set_center (viewport, 6000, 4500);
  iterate_until (sharp_cb, &f);

  vt_view_export_save_async (GTK_WIDGET (f.view), f.viewing, file, NULL, view_saved_cb, &done);
  iterate_until (flag_set_cb, &done);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (f.view));
  width = gtk_widget_get_width (GTK_WIDGET (f.view)) * scale;
  height = gtk_widget_get_height (GTK_WIDGET (f.view)) * scale;
  png = vips_image_new_from_file (path, NULL);
  g_assert_nonnull (png);
  g_assert_cmpint (vips_image_get_width (png), ==, width);
  g_assert_cmpint (vips_image_get_height (png), ==, height);

  xmp = export_test_read_xmp (path);
  metadata = vt_view_export_get_metadata (f.viewing);
  g_assert_nonnull (xmp);
  g_assert_nonnull (metadata->rights_uri);
  g_assert_nonnull (strstr (xmp, metadata->rights_uri));
  g_assert_nonnull (strstr (xmp, "Design Museum Gent"));

  /* What the canvas shows is the part of the image in view, scaled. */
  vt_viewport_get_visible_rect (viewport, &vx, &vy, &vw, &vh);
  reference = source_crop ("ghent.tif", (int) round (vx), (int) round (vy), (int) round (vw), (int) round (vh));
  g_assert_cmpint (vips_resize (reference, &resized, (double) width / vips_image_get_width (reference),
                                "vscale", (double) height / vips_image_get_height (reference), NULL), ==, 0);
  g_assert_cmpint (vips_extract_band (png, &rgb, 0, "n", 3, NULL), ==, 0);
  g_assert_cmpint (vips_subtract (rgb, resized, &diff, NULL), ==, 0);
  g_assert_cmpint (vips_multiply (diff, diff, &square, NULL), ==, 0);
  g_assert_cmpint (vips_avg (square, &mse, NULL), ==, 0);
  psnr = 10 * log10 (255.0 * 255.0 / MAX (mse, 1e-9));
  g_test_message ("view %d×%d: PSNR %.1f dB against libvips", width, height, psnr);
  /* Tiles of a coarser level, scaled by the GPU's filter: close, not equal. */
  g_assert_cmpfloat (psnr, >=, 30.0);

  g_unlink (path);
  fixture_close (&f);
}

static void
texture_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr (GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set_cb (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* "Copy View": a texture on the clipboard, read back as one. */
static void
test_copy_view (void)
{
  Fixture f = { 0 };
  g_autoptr (GdkTexture) copied = NULL;
  g_autoptr (GdkTexture) read = NULL;
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  GdkClipboard *clipboard;

  if (!fixture_open (&f, VT_TESTBED_OBJECT_DMG))
    return;
  copied = vt_view_export_copy (GTK_WIDGET (f.view));
  g_assert_nonnull (copied);
  g_assert_cmpint (gdk_texture_get_width (copied), ==,
                   gtk_widget_get_width (GTK_WIDGET (f.view)) * gtk_widget_get_scale_factor (GTK_WIDGET (f.view)));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f.view));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &read);
  iterate_until (pointer_set_cb, &read);
  g_assert_cmpint (gdk_texture_get_width (read), ==, gdk_texture_get_width (copied));
  g_assert_cmpint (gdk_texture_get_height (read), ==, gdk_texture_get_height (copied));
  a = gdk_texture_save_to_png_bytes (copied);
  b = gdk_texture_save_to_png_bytes (read);
  g_assert_true (g_bytes_equal (a, b));

  fixture_close (&f);
}

/* An image service whose info.json has maxWidth 2000 and maxArea
 * 3,000,000: the dialog says full resolution cannot be had, offers the
 * largest size, and exports it. */
static void
test_server_limits (void)
{
  Fixture f = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "limited.tif", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (VipsImage) out = NULL;
  VtExportDialog *dialog;
  const char *limit;

  if (testbed == NULL)
    testbed = vt_testbed_start_or_skip ();
  if (testbed == NULL)
    return;
  url = vt_testbed_get_url (testbed, VT_TESTBED_MANIFEST_V2_LIMITED);
  if (!fixture_open (&f, url))
    return;

  dialog = vt_export_dialog_new (f.window, f.session, f.viewing, f.view, f.toasts);
  g_object_ref_sink (dialog);
  limit = vt_export_dialog_get_limit_text (dialog);
  g_assert_nonnull (limit);
  g_test_message ("%s", limit);
  g_assert_nonnull (strstr (limit, "2000 × 1500"));
  g_assert_nonnull (strstr (limit, "12000 × 9000"));

  /* As it opens, the dialog's choice is the largest size (as TIFF). */
  vt_export_dialog_start (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  iterate_until (file_exists_cb, path);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  out = vips_image_new_from_file (path, NULL);
  g_assert_nonnull (out);
  g_assert_cmpint (vips_image_get_width (out), ==, VT_TESTBED_LIMITED_MAX_WIDTH);
  g_assert_cmpint (vips_image_get_height (out), ==, VT_TESTBED_LIMITED_MAX_HEIGHT);

  /* A region small enough for full resolution: nothing to say; back to
   * the whole image, the limit again. */
  dialog = vt_export_dialog_new (f.window, f.session, f.viewing, f.view, f.toasts);
  g_object_ref_sink (dialog);
  vt_export_dialog_set_region (dialog, 100, 100, 1500, 1000);
  g_assert_null (vt_export_dialog_get_limit_text (dialog));
  vt_export_dialog_set_choices (dialog, VT_EXPORT_AREA_WHOLE, 0, VT_EXPORT_FORMAT_JPEG);
  g_assert_nonnull (vt_export_dialog_get_limit_text (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  g_unlink (path);
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (VIPS_INIT (argv[0]) != 0)
    g_error ("libvips: %s", vips_error_buffer ());
  tmpdir = g_dir_make_tmp ("vitrine-export-region-XXXXXX", NULL);

  g_test_add_func ("/export-region/drag-and-export", test_drag_and_export);
  g_test_add_func ("/export-region/keys", test_keys);
  g_test_add_func ("/export-region/view-png", test_view_png);
  g_test_add_func ("/export-region/copy-view", test_copy_view);
  g_test_add_func ("/export-region/server-limits", test_server_limits);
  status = g_test_run ();

  g_clear_pointer (&testbed, vt_testbed_free);
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
