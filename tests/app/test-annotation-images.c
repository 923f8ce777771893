/* test-annotation-images.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>

#include "app/vt-annotation-row.h"
#include "app/vt-application.h"
#include "app/vt-window.h"
#include "vt-testbed.h"
#include "vt-window-test.h"

/* Cookbook 0377, a comment that is a picture, in the real window against
 * the real test bed: an Image body shows as a small picture over its
 * link; a picture that is gone, or not on the web, leaves the link alone;
 * a picture on its way when its row goes is given up. */

#define IMAGES(name) "/manifests/v3/annotated-image/anno/" name

typedef VtWindowTest Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (vt_window_test_start_testbed (fixture))
    vt_window_test_open_window (fixture, "AnnotationImagesTest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  vt_window_test_tear_down (fixture);
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

#define IMAGES(name) "/manifests/v3/annotated-image/anno/" name

static gboolean
image_annotations (gpointer data)
{
  VtAnnotationPanel *panel = vt_window_get_annotation_panel (data);

  return vt_annotation_panel_get_n_pending (panel) == 0 &&
         vt_annotation_panel_get_n_annotations (panel) == 5;
}

static gboolean
row_images_done (gpointer data)
{
  return vt_annotation_row_get_n_loading (data) == 0;
}

static void
assert_has_link (VtAnnotationRow *row,
                 const char      *link)
{
  g_auto(GStrv) links = vt_annotation_row_dup_links (row);

  g_assert_true (g_strv_contains ((const char * const *) links, link));
}

static void
assert_picture (VtAnnotationRow *row,
                int              width,
                int              height,
                const char      *name)
{
  GtkPicture *picture = vt_annotation_row_get_picture (row, 0);
  GdkPaintable *paintable;
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (picture);
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, width);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, height);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (picture), GTK_WIDGET (row)));
  /* It asks the row for room to be seen: in the sidebar's width (about
   * 312 px) the row lays it out at its size. */
  {
    int minimum = 0, natural = 0;

    gtk_widget_measure (GTK_WIDGET (picture), GTK_ORIENTATION_VERTICAL, 312, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, ==, height);
    gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, 336, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, >, height);
  }
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  if (mismatch != NULL)
    g_error ("accessible name of the picture: %s", mismatch);
}

static VtAnnotationPanel *
open_annotated_images (Fixture *fixture)
{
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/annotated-image.json");
  VtAnnotationPanel *panel = vt_window_get_annotation_panel (fixture->window);

  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel))), GTK_WIDGET (panel));
  vt_window_test_wait_until (image_annotations, fixture->window, "the annotations");
  return panel;
}

/* An Image body shows as a small picture (a IIIF image request and a
 * plain JPEG, shrunk to 240 px), its link kept under it; one that is gone
 * leaves its link alone; a file: one is never read. */
static void
test_image_bodies (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *iiif_url = NULL;
  g_autofree char *gone_url = NULL;
  VtAnnotationPanel *panel;
  VtAnnotationRow *iiif, *plain, *gone, *local;

  if (fixture->testbed == NULL)
    return;

  panel = open_annotated_images (fixture);

  iiif = row_for (panel, fixture, IMAGES ("iiif"));
  plain = row_for (panel, fixture, IMAGES ("static"));
  gone = row_for (panel, fixture, IMAGES ("gone"));
  local = row_for (panel, fixture, IMAGES ("local"));
  vt_window_test_wait_until (row_images_done, iiif, "the IIIF picture");
  vt_window_test_wait_until (row_images_done, plain, "the plain picture");
  vt_window_test_wait_until (row_images_done, gone, "the picture that is gone");

  /* 12000×9000 asked at 300 px wide, then 240 px at most: 240×180. The
   * text names the picture; without one, it is an image. */
  iiif_url = vt_testbed_get_url (fixture->testbed, "/iiif/ghent.tif/full/300,/0/default.jpg");
  assert_picture (iiif, 240, 180, "The same surface, seen whole");
  assert_has_link (iiif, iiif_url);
  g_assert_cmpstr (vt_annotation_row_get_markup (iiif), ==, "The same surface, seen whole");
  /* static.jpg is 1200×800. */
  assert_picture (plain, 240, 160, "Image");
  /* Another language rebuilds the texts, not the pictures. */
  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "nl");
  assert_picture (iiif, 240, 180, "The same surface, seen whole");

  /* A 404: the link, no picture. */
  gone_url = vt_testbed_get_url (fixture->testbed, "/static/gone.jpg");
  g_assert_nonnull (vt_annotation_row_get_picture (gone, 0));
  g_assert_null (gtk_picture_get_paintable (vt_annotation_row_get_picture (gone, 0)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vt_annotation_row_get_picture (gone, 0))));
  assert_has_link (gone, gone_url);

  /* Not on the web: a link that does not open, nothing loaded. */
  g_assert_null (vt_annotation_row_get_picture (local, 0));
  g_assert_cmpuint (vt_annotation_row_get_n_loading (local), ==, 0);
  assert_has_link (local, "file:///usr/share/pixmaps/debian-logo.png");
}

static gboolean
picture_gone (gpointer data)
{
  return *(GtkPicture **) data == NULL;
}

/* A picture still on its way when its row goes (another object opened) is
 * given up at once, not waited for: the slow server answers after 25 s. */
static void
test_image_cancelled (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  VtAnnotationPanel *panel;
  VtAnnotationRow *slow;
  GtkPicture *picture;
  gint64 start;

  if (fixture->testbed == NULL)
    return;

  panel = open_annotated_images (fixture);
  slow = row_for (panel, fixture, IMAGES ("slow"));
  g_assert_cmpuint (vt_annotation_row_get_n_loading (slow), ==, 1);
  picture = vt_annotation_row_get_picture (slow, 0);
  g_object_add_weak_pointer (G_OBJECT (picture), (gpointer *) &picture);

  url = vt_testbed_get_url (fixture->testbed, "/manifests/v3/static.json");
  start = g_get_monotonic_time ();
  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  vt_window_test_wait_until (picture_gone, &picture, "the slow picture to be given up");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  /* A German desktop (no text of the fixture is German), whatever the
   * developer's own locale. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_init (&argc, &argv, NULL);

  cache_dir = g_dir_make_tmp ("vitrine-annotation-images-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  /* GTK's test accessibility backend keeps the names checked here. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the annotation image tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/annotation-images/bodies", test_image_bodies);
  ADD ("/vitrine/app/annotation-images/cancelled", test_image_cancelled);
#undef ADD

  {
    int status = g_test_run ();
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
    return status;
  }
}
