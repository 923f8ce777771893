/* test-export-dialog.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/vt-export-dialog.h"
#include "app/vt-navigation.h"
#include "export/vt-export.h"
#include "vt-testbed.h"

/* The export dialog on the real test bed: it names the licence, warns when
 * it does not allow reuse (In Copyright), and exports what it shows with a
 * toast that follows the export. */

static gboolean
viewing_settled (VtViewing *viewing)
{
  VtPage *page = vt_viewing_get_page (viewing);

  return !vt_viewing_is_loading (viewing) &&
         (page == NULL || vt_page_get_state (page) != VT_PAGE_LOADING);
}

static void
wait_for (VtViewing *viewing)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!viewing_settled (viewing))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_rights_and_export (void)
{
  g_autoptr (VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr (VtClient) client = NULL;
  g_autoptr (VtSession) session = NULL;
  g_autoptr (VtNavigation) navigation = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkWindow *window;
  AdwToastOverlay *toasts;
  VtExportDialog *dialog;
  VtViewing *viewing;
  gint64 deadline;

  if (testbed == NULL)
    return;
  client = vt_client_new (NULL);
  session = vt_session_new (client);
  vt_session_set_api_base (session, vt_testbed_get_base_url (testbed));
  navigation = vt_navigation_new (session);
  viewing = vt_navigation_open (navigation, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, NULL);
  wait_for (viewing);

  window = GTK_WINDOW (gtk_window_new ());
  toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_child (window, GTK_WIDGET (toasts));

  /* Canvas 1: CC BY-NC-ND, named, reuse allowed. */
  dialog = vt_export_dialog_new (window, session, viewing, NULL, toasts);
  g_object_ref_sink (dialog);
  g_assert_true (vt_export_dialog_get_reuse_allowed (dialog));
  g_assert_nonnull (strstr (vt_export_dialog_get_rights_text (dialog), "CC BY-NC-ND"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* Canvas 2: In Copyright, said before saving; exported all the same. */
  vt_viewing_set_canvas_index (viewing, 1);
  wait_for (viewing);
  dialog = vt_export_dialog_new (window, session, viewing, NULL, toasts);
  g_object_ref_sink (dialog);
  g_assert_false (vt_export_dialog_get_reuse_allowed (dialog));
  g_assert_nonnull (strstr (vt_export_dialog_get_rights_text (dialog), "does not allow reuse"));

  dir = g_dir_make_tmp ("vitrine-export-dialog-XXXXXX", NULL);
  path = g_build_filename (dir, "page2.png", NULL);
  file = g_file_new_for_path (path);
  vt_export_dialog_set_choices (dialog, VT_EXPORT_AREA_WHOLE, 3, VT_EXPORT_FORMAT_PNG);
  vt_export_dialog_start (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let the last callbacks (the toast) run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  texture = gdk_texture_new_from_filename (path, NULL);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 3000 / 8);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 4000 / 8);

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/export-dialog/rights-and-export", test_rights_and_export);
  return g_test_run ();
}
