/* test-timeline.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "app/vt-application.h"
#include "app/vt-canvas-clock.h"
#include "app/vt-page-layer.h"
#include "app/vt-window.h"
#include "iiif/vt-iiif.h"
#include "vt-testbed.h"
#include "vt-window-test.h"

/* Time-based canvases that paint several resources at time ranges of
 * their own, in the real window against the real test bed: two videos
 * one after the other on one canvas (cookbook 0064), whose canvas clock
 * plays the file whose range holds it, at its offset into it; two
 * images one after the other (0560), each shown only inside its range;
 * and an image with a video over part of it at a range (0489). */

#define MEDIA_TIMELINE  "/manifests/v3/media-timeline.json"
#define IMAGE_TIMELINE  "/manifests/v3/cookbook/timeline.json"
#define MULTIMEDIA      "/manifests/v3/cookbook/multimedia.json"

typedef VtWindowTest Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (!vt_window_test_start_testbed (fixture))
    return;
  if (user_data != NULL && !vt_window_test_have_clip ("clip-b.webm"))
    {
      g_clear_pointer (&fixture->testbed, vt_testbed_free);
      return;
    }
  vt_window_test_open_window (fixture, "TimelineTest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  vt_window_test_tear_down (fixture);
}

static void
open_url (Fixture    *fixture,
          const char *path)
{
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, path);

  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

/* Cookbook 0064 ------------------------------------------------------- */

static VtCanvasClock *
clock_of (VtMediaView *view)
{
  GtkMediaStream *stream = vt_media_view_get_stream (view);
  const GError *error = gtk_media_stream_get_error (stream);

  if (error != NULL)
    g_error ("The canvas failed to play: %s", error->message);
  g_assert_true (VT_IS_CANVAS_CLOCK (stream));
  return VT_CANVAS_CLOCK (stream);
}

static gboolean
uri_is (VtCanvasClock *clock,
        const char    *name)
{
  const char *uri = vt_canvas_clock_get_segment_uri (clock);

  return uri != NULL && g_str_has_suffix (uri, name);
}

/* Paused at 5.5 s of the canvas: the second file, 1.5 s into it. */
static gboolean
in_act_two_paused (gpointer data)
{
  VtCanvasClock *clock = clock_of (data);
  GtkMediaStream *file = vt_canvas_clock_get_segment_stream (clock);

  return !gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (clock)) && uri_is (clock, "/clip-b.webm") &&
         file != NULL && gtk_media_stream_is_prepared (file) && !gtk_media_stream_is_seeking (file) &&
         gtk_media_stream_get_timestamp (file) >= 1.3 * G_USEC_PER_SEC;
}

/* Back at 3 s: the first file, 3 s into it. */
static gboolean
in_act_one_paused (gpointer data)
{
  VtCanvasClock *clock = clock_of (data);
  GtkMediaStream *file = vt_canvas_clock_get_segment_stream (clock);

  return !gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (clock)) && uri_is (clock, "/clip.webm") &&
         file != NULL && gtk_media_stream_is_prepared (file) && !gtk_media_stream_is_seeking (file) &&
         gtk_media_stream_get_timestamp (file) >= 2.8 * G_USEC_PER_SEC;
}

/* Played across 4 s: the second file plays on from its start. */
static gboolean
played_into_act_two (gpointer data)
{
  VtCanvasClock *clock = clock_of (data);
  GtkMediaStream *file = vt_canvas_clock_get_segment_stream (clock);

  return uri_is (clock, "/clip-b.webm") && file != NULL && gtk_media_stream_get_playing (file) &&
         gtk_media_stream_get_timestamp (file) >= 0.5 * G_USEC_PER_SEC &&
         vt_canvas_clock_get_position (clock) >= 4.5;
}

static void
test_video_sequence (Fixture       *fixture,
                     gconstpointer  user_data)
{
  VtMediaView *view;
  VtCanvasClock *clock;
  GtkMediaStream *file;

  if (fixture->testbed == NULL)
    return;

  open_url (fixture, MEDIA_TIMELINE);
  view = vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window));
  g_assert_nonnull (view);
  g_assert_null (vt_media_view_get_error_text (view));
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_VIDEO);

  /* The player's time is the canvas's: 10 s, not one file's 6 s. */
  clock = clock_of (view);
  g_assert_cmpint (gtk_media_stream_get_duration (GTK_MEDIA_STREAM (clock)), ==, 10 * G_USEC_PER_SEC);
  g_assert_cmpstr (vt_media_view_get_time_text (view), ==, "0:00 / 0:10");
  g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 2);
  g_assert_cmpstr (vt_media_view_get_section_label (view, 1), ==, "Act Two");

  /* Seeking the canvas into act two opens the second file at the
   * offset into it: 5.5 s of the canvas is 1.5 s of clip-b. */
  vt_media_view_seek (view, 5.5);
  vt_window_test_wait_until (in_act_two_paused, view, "the seek to 5.5 s, in act two");
  file = vt_canvas_clock_get_segment_stream (clock);
  g_assert_cmpint (vt_canvas_clock_get_segment (clock), ==, 1);
  g_assert_cmpint (gtk_media_stream_get_timestamp (file), <, 2 * G_USEC_PER_SEC);
  g_assert_cmpfloat (fabs (vt_canvas_clock_get_position (clock) - 5.5), <, 0.3);
  g_assert_false (gtk_media_stream_get_playing (GTK_MEDIA_STREAM (clock)));
  g_assert_cmpstr (vt_media_view_get_time_text (view), ==, "0:05 / 0:10");
  g_assert_cmpint (vt_media_view_get_current_section (view), ==, 1);

  /* The section "Act One" seeks the canvas, not the file open: back to
   * the first file. */
  g_assert_true (vt_media_view_activate_section (view, 0));
  g_assert_cmpint (vt_canvas_clock_get_segment (clock), ==, 0);
  g_assert_true (uri_is (clock, "/clip.webm"));
  vt_media_view_seek (view, 3.0);
  vt_window_test_wait_until (in_act_one_paused, view, "the seek to 3 s, in act one");

  /* Playing across the boundary at 4 s switches to the second file,
   * which plays on from its start, and the clock goes on past 4 s. */
  vt_media_view_play (view);
  vt_window_test_wait_until (played_into_act_two, view, "playback to cross into act two");
  g_assert_true (gtk_media_stream_get_playing (GTK_MEDIA_STREAM (clock)));
  g_assert_cmpint (gtk_media_stream_get_timestamp (vt_canvas_clock_get_segment_stream (clock)), <,
                   3 * G_USEC_PER_SEC);
  vt_media_view_pause (view);
  g_assert_false (gtk_media_stream_get_playing (vt_canvas_clock_get_segment_stream (clock)));
}

/* Cookbook 0560 ------------------------------------------------------- */

static gboolean
page_has_layers (gpointer data)
{
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (data));

  return page != NULL && vt_page_get_state (page) == VT_PAGE_READY && vt_page_get_layers (page) != NULL;
}

static gboolean
layer_visible (Fixture *fixture,
               guint    index)
{
  VtPage *page = vt_viewing_get_page (vt_window_get_viewing (fixture->window));
  g_autoptr(VtPageLayer) layer = g_list_model_get_item (vt_page_get_layers (page), index);
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window));
  gboolean visible = vt_page_layer_get_visible (layer);
  guint n_images = 0, n_texts = 0;

  /* What the view draws follows the page layer: its tile layers are the
   * image layers in order, its text layers the texts. */
  for (guint i = 0; i < index; i++)
    {
      g_autoptr(VtPageLayer) before = g_list_model_get_item (vt_page_get_layers (page), i);

      if (vt_page_layer_is_text (before))
        n_texts++;
      else
        n_images++;
    }
  if (vt_page_layer_is_text (layer))
    g_assert_cmpint (vt_text_layer_get_visible (vt_image_view_get_nth_text_layer (view, n_texts)), ==, visible);
  else
    g_assert_cmpint (vt_tile_layer_get_visible (vt_image_view_get_nth_layer (view, n_images)), ==, visible);
  return visible;
}

static gboolean
second_image_shown (gpointer data)
{
  return layer_visible (data, 1) && !layer_visible (data, 0);
}

static void
test_image_sequence (Fixture       *fixture,
                     gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtCanvasClock *clock;
  GtkMediaStream *stream;

  if (fixture->testbed == NULL)
    return;

  open_url (fixture, IMAGE_TIMELINE);
  vt_window_test_wait_until (page_has_layers, fixture->window, "the canvas's layers");
  pane = vt_window_get_canvas_pane (fixture->window);
  clock = vt_canvas_timeline_get_clock (vt_canvas_pane_get_timeline (pane));
  g_assert_nonnull (clock);
  stream = GTK_MEDIA_STREAM (clock);
  g_assert_cmpint (gtk_media_stream_get_duration (stream), ==, 4 * G_USEC_PER_SEC);
  /* behavior "repeat" */
  g_assert_true (gtk_media_stream_get_loop (stream));
  g_assert_cmpuint (vt_image_view_get_n_layers (vt_canvas_pane_get_image_view (pane)), ==, 2);

  /* At the start, paused: the first image alone. */
  g_assert_true (layer_visible (fixture, 0));
  g_assert_false (layer_visible (fixture, 1));

  gtk_media_stream_seek (stream, 1 * G_USEC_PER_SEC);
  g_assert_false (gtk_media_stream_is_seeking (stream));
  g_assert_true (layer_visible (fixture, 0));
  g_assert_false (layer_visible (fixture, 1));

  gtk_media_stream_seek (stream, 3 * G_USEC_PER_SEC);
  g_assert_false (layer_visible (fixture, 0));
  g_assert_true (layer_visible (fixture, 1));

  /* Played from 1 s, the clock crosses 2 s by itself and the second
   * image takes the first's place. */
  gtk_media_stream_seek (stream, 1 * G_USEC_PER_SEC);
  g_assert_true (layer_visible (fixture, 0));
  gtk_media_stream_play (stream);
  vt_window_test_wait_until (second_image_shown, fixture, "the second image at 2 s");
  g_assert_cmpfloat (vt_canvas_clock_get_position (clock), >=, 2.0);
  gtk_media_stream_pause (stream);

  /* Another object: the clock goes with its canvas. */
  open_url (fixture, VT_TESTBED_MANIFEST_V3_STATIC);
  g_assert_null (vt_canvas_timeline_get_clock (vt_canvas_pane_get_timeline (pane)));
}

/* The clock alone ----------------------------------------------------- */

static gboolean
clock_ended (gpointer data)
{
  return gtk_media_stream_get_ended (data);
}

static gboolean
clock_past (gpointer data)
{
  return vt_canvas_clock_get_position (data) >= 0.25;
}

/* With no recordings the clock keeps time by itself, stops at the end of
 * the canvas, and goes round when it loops. */
static void
test_clock_alone (void)
{
  g_autoptr(VtCanvasClock) clock = vt_canvas_clock_new (0.4);
  GtkMediaStream *stream = GTK_MEDIA_STREAM (clock);
  gint64 started = g_get_monotonic_time ();

  g_assert_true (gtk_media_stream_is_prepared (stream));
  g_assert_true (gtk_media_stream_is_seekable (stream));
  g_assert_cmpint (gtk_media_stream_get_duration (stream), ==, 400000);
  g_assert_cmpint (vt_canvas_clock_get_segment (clock), ==, -1);

  gtk_media_stream_play (stream);
  g_assert_true (gtk_media_stream_get_playing (stream));
  vt_window_test_wait_until (clock_past, clock, "the clock to move");
  vt_window_test_wait_until (clock_ended, clock, "the end of the canvas");
  /* It took the canvas's time, give or take a tick. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 350000);
  g_assert_false (gtk_media_stream_get_playing (stream));
  g_assert_cmpint (gtk_media_stream_get_timestamp (stream), ==, 400000);

  /* Played again, it starts over; looping, it never ends. */
  gtk_media_stream_set_loop (stream, TRUE);
  gtk_media_stream_play (stream);
  g_assert_cmpint (gtk_media_stream_get_timestamp (stream), <, 100000);
  started = g_get_monotonic_time ();
  while (g_get_monotonic_time () - started < 1000000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_media_stream_get_playing (stream));
  g_assert_false (gtk_media_stream_get_ended (stream));
  gtk_media_stream_pause (stream);
}

/* Cookbook 0489 ------------------------------------------------------- */

static gboolean
video_in_place (gpointer data)
{
  Fixture *fixture = data;
  VtCanvasPane *pane = vt_window_get_canvas_pane (fixture->window);
  GtkWidget *picture = vt_canvas_timeline_get_picture (vt_canvas_pane_get_timeline (pane));
  VtImageView *view = vt_canvas_pane_get_image_view (pane);
  VtViewport *viewport = vt_image_view_get_viewport (view);
  graphene_rect_t bounds;
  double x0, y0, x1, y1;

  if (!gtk_widget_get_visible (picture) || !gtk_widget_compute_bounds (picture, GTK_WIDGET (view), &bounds))
    return FALSE;
  /* The target, #xywh=300,300,1600,900 of the canvas, on screen. */
  vt_viewport_image_to_widget (viewport, 300, 300, &x0, &y0);
  vt_viewport_image_to_widget (viewport, 1900, 1200, &x1, &y1);
  return bounds.size.width > 10 && fabs (bounds.origin.x - x0) <= 1 && fabs (bounds.origin.y - y0) <= 1 &&
         fabs (bounds.size.width - (x1 - x0)) <= 2 && fabs (bounds.size.height - (y1 - y0)) <= 2;
}

static gboolean
video_two_seconds_in (gpointer data)
{
  VtCanvasClock *clock = data;
  GtkMediaStream *file = vt_canvas_clock_get_segment_stream (clock);

  return file != NULL && gtk_media_stream_is_prepared (file) && !gtk_media_stream_is_seeking (file) &&
         !gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (clock)) &&
         gtk_media_stream_get_timestamp (file) >= 1.8 * G_USEC_PER_SEC;
}

static void
test_multimedia (Fixture       *fixture,
                 gconstpointer  user_data)
{
  VtCanvasPane *pane;
  VtCanvasClock *clock;
  GtkWidget *picture;

  if (fixture->testbed == NULL)
    return;

  open_url (fixture, MULTIMEDIA);
  vt_window_test_wait_until (page_has_layers, fixture->window, "the canvas's layers");
  pane = vt_window_get_canvas_pane (fixture->window);
  clock = vt_canvas_timeline_get_clock (vt_canvas_pane_get_timeline (pane));
  g_assert_nonnull (clock);
  picture = vt_canvas_timeline_get_picture (vt_canvas_pane_get_timeline (pane));

  /* The image and the three texts are layers; the video plays over
   * them. */
  g_assert_cmpuint (g_list_model_get_n_items (vt_page_get_layers (vt_viewing_get_page (vt_window_get_viewing (fixture->window)))), ==, 4);

  /* At 0 s: the first text ("Press Play"), neither the image nor the
   * video. */
  g_assert_false (layer_visible (fixture, 0));
  g_assert_true (layer_visible (fixture, 1));
  g_assert_false (layer_visible (fixture, 2));
  g_assert_false (layer_visible (fixture, 3));
  g_assert_false (gtk_widget_get_visible (picture));

  /* At 2 s: the second text alone. */
  gtk_media_stream_seek (GTK_MEDIA_STREAM (clock), 2 * G_USEC_PER_SEC);
  g_assert_false (layer_visible (fixture, 1));
  g_assert_true (layer_visible (fixture, 2));

  /* At 5 s: the image, and the video 2 s in, over its target. */
  gtk_media_stream_seek (GTK_MEDIA_STREAM (clock), 5 * G_USEC_PER_SEC);
  g_assert_true (layer_visible (fixture, 0));
  g_assert_true (uri_is (clock, "/clip.webm"));
  vt_window_test_wait_until (video_two_seconds_in, clock, "the video at 2 s");
  g_assert_cmpint (gtk_media_stream_get_timestamp (vt_canvas_clock_get_segment_stream (clock)), <,
                   2.5 * G_USEC_PER_SEC);
  vt_window_test_wait_until (video_in_place, fixture, "the video at its place on the canvas");

  g_assert_false (layer_visible (fixture, 1));
  g_assert_false (layer_visible (fixture, 2));

  /* After 15 s: both gone again, and the last text shows. */
  gtk_media_stream_seek (GTK_MEDIA_STREAM (clock), 16 * G_USEC_PER_SEC);
  g_assert_false (layer_visible (fixture, 0));
  g_assert_true (layer_visible (fixture, 3));
  g_assert_false (gtk_widget_get_visible (picture));
  g_assert_null (vt_canvas_clock_get_segment_stream (clock));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  int status;

  /* No sound card under test: every real audio sink is ranked out (see
   * test-media.c). */
  g_setenv ("GST_PLUGIN_FEATURE_RANK",
            "pulsesink:NONE,alsasink:NONE,jackaudiosink:NONE,oss4sink:NONE,osssink:NONE,"
            "pipewiresink:NONE,openalsink:NONE", TRUE);

  g_test_init (&argc, &argv, NULL);

  cache_dir = g_dir_make_tmp ("vitrine-timeline-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the timeline tests");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/vitrine/timeline/clock-alone", test_clock_alone);
  g_test_add ("/vitrine/timeline/video-sequence", Fixture, "clips", fixture_set_up, test_video_sequence,
              fixture_tear_down);
  g_test_add ("/vitrine/timeline/image-sequence", Fixture, NULL, fixture_set_up, test_image_sequence,
              fixture_tear_down);
  g_test_add ("/vitrine/timeline/multimedia", Fixture, "clips", fixture_set_up, test_multimedia,
              fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
  }
  return status;
}
