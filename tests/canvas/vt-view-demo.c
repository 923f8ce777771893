/* vt-view-demo.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window with only the deep-zoom view, for looking at it by hand:
 *   vt-view-demo FILE|INFO-JSON-URL [ZOOM [after-sharp]]
 * ZOOM is a number (1 = 100 %); without it the image is fitted. With
 * "after-sharp" the view first gets sharp at fit, then zooms animated and
 * prints ZOOMING on stdout (for screenshots of the view mid-load). */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "vt-canvas-test-service.h"
#include "vt-image-view.h"
#include "vt-local-source.h"

static void
progress_cb (VtImageView *view,
             GParamSpec  *pspec,
             GtkWindow   *window)
{
  g_autofree char *title =
    g_strdup_printf ("%u of %u tiles%s – %.1f %%", vt_image_view_get_loaded_tiles (view),
                     vt_image_view_get_visible_tiles (view),
                     vt_image_view_get_sharp (view) ? ", sharp" : "",
                     100 * vt_viewport_get_zoom (vt_image_view_get_viewport (view)));
  gtk_window_set_title (window, title);
}

static void
error_cb (VtImageView  *view,
          const GError *error)
{
  g_printerr ("load-error: %s\n", error->message);
}

int
main (int argc, char *argv[])
{
  g_autoptr (VtTestService) service = NULL;
  GtkWidget *window, *view;
  GMainContext *context = g_main_context_default ();

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [ZOOM]\n", argv[0]);
      return 2;
    }

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  view = vt_image_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_signal_connect (view, "notify::loaded-tiles", G_CALLBACK (progress_cb), window);
  g_signal_connect (view, "notify::sharp", G_CALLBACK (progress_cb), window);
  g_signal_connect (view, "load-error", G_CALLBACK (error_cb), NULL);
  if (g_str_has_prefix (argv[1], "http://") || g_str_has_prefix (argv[1], "https://"))
    {
      service = vt_test_service_new ();
      vt_test_service_open (service, VT_IMAGE_VIEW (view), argv[1]);
    }
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VtLocalSource) source = vt_local_source_new (argv[1], &error);

      if (source != NULL)
        vt_image_view_set_source (VT_IMAGE_VIEW (view), VT_TILE_SOURCE (source));
      else
        vt_image_view_fail (VT_IMAGE_VIEW (view), error);
    }
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);

  if (argc > 2)
    {
      gboolean after_sharp = argc > 3 && g_str_equal (argv[3], "after-sharp");

      /* Let the first allocation happen, then zoom. */
      while (gtk_widget_get_width (view) == 0 ||
             vt_image_view_get_state (VT_IMAGE_VIEW (view)) == VT_IMAGE_VIEW_STATE_LOADING)
        g_main_context_iteration (context, TRUE);
      while (after_sharp && !vt_image_view_get_sharp (VT_IMAGE_VIEW (view)))
        g_main_context_iteration (context, TRUE);
      vt_image_view_zoom_to (VT_IMAGE_VIEW (view), g_ascii_strtod (argv[2], NULL), after_sharp);
      if (after_sharp)
        {
          g_print ("ZOOMING\n");
          fflush (stdout);
        }
    }

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (context, TRUE);
  return 0;
}
