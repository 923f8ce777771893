/* vt-window-test.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "vt-window-test.h"

static guint app_serial;

/**
 * vt_window_test_start_testbed:
 *
 * Starts the test bed, or marks the test skipped without one.
 *
 * Returns: whether the test bed runs
 */
gboolean
vt_window_test_start_testbed (VtWindowTest *self)
{
  self->testbed = vt_testbed_start_or_skip ();
  return self->testbed != NULL;
}

/**
 * vt_window_test_open_window:
 * @name: the test's name, in its application id
 *
 * Registers an application of its own (not unique, so tests run side by
 * side) and presents a 1280 × 800 window.
 */
void
vt_window_test_open_window (VtWindowTest *self,
                            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.%s%u", APP_ID, name, ++app_serial);

  self->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (self->app), app_id);
  g_application_set_flags (G_APPLICATION (self->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (self->app), NULL, &error);
  g_assert_no_error (error);

  self->window = vt_window_new (self->app);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (self->window));
}

void
vt_window_test_tear_down (VtWindowTest *self)
{
  if (self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&self->app);
  g_clear_pointer (&self->testbed, vt_testbed_free);
}

/* The main loop runs until @done says so, or the test fails after 60 s
 * naming what it waited for. */
void
vt_window_test_wait_until (gboolean    (*done) (gpointer),
                           gpointer      data,
                           const char   *what)
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

gboolean
vt_window_test_not_loading (gpointer window)
{
  return g_strcmp0 (vt_window_get_state_name (window), "loading") != 0;
}

/**
 * vt_window_test_have_clip:
 * @name: a clip of the test bed's media fixtures ("clip.webm")
 *
 * Whether the sound and video tests can run: the clip was made (it needs
 * gst-launch-1.0) and GTK has a media backend (libgtk-4-media-gstreamer).
 * Marks the test skipped when not.
 */
gboolean
vt_window_test_have_clip (const char *name)
{
  g_autofree char *clip = g_build_filename (vt_testbed_get_fixtures_dir (), "media", name, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkMediaStream) stream = NULL;

  if (!g_file_test (clip, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no clips: gst-launch-1.0 (gstreamer1.0-tools) was missing when the fixtures were made");
      return FALSE;
    }
  file = g_file_new_for_path (clip);
  stream = gtk_media_file_new_for_file (file);
  if (g_str_equal (G_OBJECT_TYPE_NAME (stream), "GtkNoMediaFile"))
    {
      g_test_skip ("GTK has no media backend (libgtk-4-media-gstreamer)");
      return FALSE;
    }
  return TRUE;
}
