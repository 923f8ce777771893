/* test-media.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/vt-application.h"
#include "iiif/vt-iiif.h"
#include "app/vt-window.h"
#include "vt-testbed.h"
#include "vt-window-test.h"

/* Sound and video canvases in the real window, against the real test bed
 * (lighttpd serves the clips generate-media.py made with GStreamer): play,
 * seek from the list of sections, the caption of the time reached, the
 * placeholder before playing and the accompanying image while playing. */

#define MEDIA_AUDIO        "/manifests/v3/media-audio.json"
#define MEDIA_VIDEO        "/manifests/v3/media-video.json"
#define MEDIA_PLACEHOLDER  "/manifests/v3/media-placeholder.json"
#define MEDIA_START        "/manifests/v3/media-start.json"
#define MEDIA_REFERENCED   "/manifests/v3/media-referenced.json"
#define MEDIA_CAPTIONS     "/manifests/v3/media-captions.json"
#define MEDIA_ACCOMPANYING "/manifests/v3/media-accompanying.json"
#define MEDIA_THUMBNAILS   "/manifests/v3/media-thumbnail-nav.json"

typedef VtWindowTest Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (!vt_window_test_start_testbed (fixture))
    return;
  if (!vt_window_test_have_clip ("clip.webm"))
    {
      g_clear_pointer (&fixture->testbed, vt_testbed_free);
      return;
    }
  vt_window_test_open_window (fixture, "MediaTest");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  vt_window_test_tear_down (fixture);
}

static VtMediaView *
open_media (Fixture    *fixture,
            const char *path)
{
  g_autofree char *url = vt_testbed_get_url (fixture->testbed, path);
  VtMediaView *view;

  vt_window_open_input (fixture->window, url);
  vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  view = vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  /* The player says nothing is wrong, and the canvas page does not say
   * "Not an Image". */
  g_assert_null (vt_media_view_get_error_text (view));
  g_assert_null (vt_canvas_pane_get_status_title (vt_window_get_canvas_pane (fixture->window)));
  return view;
}

static gboolean
caption_shown (gpointer data)
{
  return vt_media_view_get_caption_text (data) != NULL;
}

static gboolean
playing (gpointer data)
{
  GtkMediaStream *stream = vt_media_view_get_stream (data);
  const GError *error = gtk_media_stream_get_error (stream);

  if (error != NULL)
    g_error ("The stream failed: %s", error->message);
  return gtk_media_stream_get_playing (stream) && gtk_media_stream_get_timestamp (stream) > 0;
}

static gboolean
at_four_and_a_half_seconds (gpointer data)
{
  GtkMediaStream *stream = vt_media_view_get_stream (data);

  return !gtk_media_stream_is_seeking (stream) &&
         gtk_media_stream_get_timestamp (stream) >= 4.5 * G_USEC_PER_SEC;
}

/* Back at 2.0 s (and before the 4 s the video had passed). */
static gboolean
back_at_two_seconds (gpointer data)
{
  GtkMediaStream *stream = vt_media_view_get_stream (data);
  gint64 timestamp = gtk_media_stream_get_timestamp (stream);

  return !gtk_media_stream_is_seeking (stream) &&
         timestamp >= 2 * G_USEC_PER_SEC && timestamp < 4 * G_USEC_PER_SEC;
}

static void
test_video_seek (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *english[] = { "en", NULL };
  VtMediaView *view;
  gint64 timestamp;

  if (fixture->testbed == NULL)
    return;

  view = open_media (fixture, MEDIA_CAPTIONS);
  vt_media_view_set_languages (view, english);
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_VIDEO);

  /* The table of contents' three ranges of the canvas and the comment on
   * 5-5.5 s, by start time. */
  g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 4);
  g_assert_cmpstr (vt_media_view_get_section_label (view, 0), ==, "Opening");
  g_assert_cmpstr (vt_media_view_get_section_label (view, 1), ==, "Middle");
  g_assert_cmpstr (vt_media_view_get_section_label (view, 2), ==, "End");
  g_assert_cmpstr (vt_media_view_get_section_label (view, 3), ==, "The bars at five seconds");

  /* The English captions, picked from English and Dutch, at 0 s. */
  vt_window_test_wait_until (caption_shown, view, "the first caption");
  g_assert_cmpstr (vt_media_view_get_caption_language (view), ==, "en");
  g_assert_cmpstr (vt_media_view_get_caption_text (view), ==, "Colour bars fill the screen");
  g_assert_cmpint (vt_media_view_get_current_section (view), ==, 0);

  vt_media_view_play (view);
  vt_window_test_wait_until (playing, view, "the video to play");
  g_assert_cmpint (gtk_media_stream_get_duration (vt_media_view_get_stream (view)), >=, 5 * G_USEC_PER_SEC);

  /* Paused at 4.5 s ("End" is highlighted): a click on "Middle" seeks
   * back to 2.0 s. The stream's timestamp gets there (paused, it can
   * only by seeking), the caption is the cue of 2-4 s, the row is
   * highlighted, and the player stays paused. */
  vt_media_view_pause (view);
  vt_media_view_seek (view, 4.5);
  vt_window_test_wait_until (at_four_and_a_half_seconds, view, "the seek to 4.5 s");
  g_assert_cmpint (vt_media_view_get_current_section (view), ==, 2);
  g_assert_cmpstr (vt_media_view_get_caption_text (view), ==, "The last two seconds & the end");
  g_assert_true (vt_media_view_activate_section (view, 1));
  vt_window_test_wait_until (back_at_two_seconds, view, "the seek to 2.0 s");
  timestamp = gtk_media_stream_get_timestamp (vt_media_view_get_stream (view));
  g_assert_cmpint (timestamp, <, 4 * G_USEC_PER_SEC);
  g_assert_false (gtk_media_stream_get_playing (vt_media_view_get_stream (view)));
  g_assert_cmpstr (vt_media_view_get_caption_text (view), ==, "Two seconds in: the test pattern holds");
  g_assert_cmpint (vt_media_view_get_current_section (view), ==, 1);
  g_assert_true (g_str_has_prefix (vt_media_view_get_time_text (view), "0:0"));
  g_assert_true (g_str_has_suffix (vt_media_view_get_time_text (view), " / 0:06"));

  /* Readers who pick Dutch for the object's texts get the Dutch file. */
  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "nl");
  g_assert_cmpstr (vt_media_view_get_caption_language (view), ==, "nl");
  vt_window_test_wait_until (caption_shown, view, "the Dutch caption");
  g_assert_cmpstr (vt_media_view_get_caption_text (view), ==, "Twee seconden ver: het testbeeld blijft");

  /* Another object: nothing of the video survives. */
  {
    g_autofree char *url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_STATIC);

    vt_window_open_input (fixture->window, url);
    vt_window_test_wait_until (vt_window_test_not_loading, fixture->window, url);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
    g_assert_null (vt_media_view_get_stream (view));
    g_assert_null (vt_media_view_get_caption_text (view));
    g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 0);
  }
}

static gboolean
first_still_loaded (gpointer data)
{
  return vt_media_view_get_section_thumbnail (data, 0, NULL) != NULL;
}

/* Cookbook 0229: the ranges of a video (under one of behavior
 * "thumbnail-nav") each with a thumbnail: the section list shows the
 * still beside the label, loaded and shrunk by the thumbnail loader; a
 * range without one, or with one that is not on the web, shows none. */
static void
test_section_thumbnails (Fixture       *fixture,
                         gconstpointer  user_data)
{
  VtMediaView *view;
  GdkPaintable *still;
  gboolean shows = FALSE;

  if (fixture->testbed == NULL)
    return;

  view = open_media (fixture, MEDIA_THUMBNAILS);
  /* The unlabelled "no-nav" range is no section. */
  g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 3);
  g_assert_cmpstr (vt_media_view_get_section_label (view, 0), ==, "The bars");
  g_assert_cmpstr (vt_media_view_get_section_label (view, 1), ==, "No still");
  g_assert_cmpstr (vt_media_view_get_section_label (view, 2), ==, "A local still");

  vt_window_test_wait_until (first_still_loaded, view, "the still of the first section");
  still = vt_media_view_get_section_thumbnail (view, 0, &shows);
  g_assert_true (shows);
  /* The 1200 × 800 image, shrunk to the row's size. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (still), ==, 64);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (still), <=, 64);

  g_assert_null (vt_media_view_get_section_thumbnail (view, 1, &shows));
  g_assert_false (shows);
  g_assert_null (vt_media_view_get_section_thumbnail (view, 2, &shows));
  g_assert_false (shows);

  /* A video whose ranges have no thumbnails: none. */
  view = open_media (fixture, MEDIA_CAPTIONS);
  g_assert_cmpuint (vt_media_view_get_n_sections (view), >, 0);
  g_assert_null (vt_media_view_get_section_thumbnail (view, 0, &shows));
  g_assert_false (shows);
}

static gboolean
image_of_width (VtMediaView *view,
                gint64       width)
{
  VtTileSource *source = vt_image_view_get_source (vt_media_view_get_image_view (view));

  return source != NULL && vt_tile_source_get_image_width (source) == width;
}

static gboolean
placeholder_drawn (gpointer data)
{
  return image_of_width (data, 6000);
}

static gboolean
accompanying_drawn (gpointer data)
{
  return image_of_width (data, 1200);
}

static void
test_audio_accompanying (Fixture       *fixture,
                         gconstpointer  user_data)
{
  VtMediaView *view;

  if (fixture->testbed == NULL)
    return;

  view = open_media (fixture, MEDIA_ACCOMPANYING);

  /* Before playing: the placeholder canvas (the 6000 × 4000 level 0
   * photograph), through the image route. */
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_PLACEHOLDER);
  vt_window_test_wait_until (placeholder_drawn, view, "the placeholder canvas");

  /* While playing: the accompanying canvas (the 1200 × 800 image). */
  vt_media_view_play (view);
  vt_window_test_wait_until (playing, view, "the sound to play");
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_ACCOMPANYING);
  vt_window_test_wait_until (accompanying_drawn, view, "the accompanying canvas");
  vt_media_view_pause (view);
}

static void
test_simplest_video (Fixture       *fixture,
                     gconstpointer  user_data)
{
  VtMediaView *view;

  if (fixture->testbed == NULL)
    return;

  /* Recipe 0003: no captions, no sections, nothing in front of it. The
   * keyboard goes to the player, whose Space plays. */
  view = open_media (fixture, MEDIA_VIDEO);
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_VIDEO);
  g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 0);
  g_assert_null (vt_media_view_get_caption_language (view));
  g_assert_cmpstr (vt_media_view_get_time_text (view), ==, "0:00 / 0:06");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "media.toggle-play", NULL));
  vt_window_test_wait_until (playing, view, "the video to play");
  vt_media_view_pause (view);

  /* Recipe 0002: sound alone, an icon in the picture's place. */
  view = open_media (fixture, MEDIA_AUDIO);
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_NONE);
  vt_media_view_play (view);
  vt_window_test_wait_until (playing, view, "the sound to play");
  vt_media_view_pause (view);
}

static gboolean
at_start (gpointer data)
{
  GtkMediaStream *stream = vt_media_view_get_stream (data);

  return !gtk_media_stream_is_seeking (stream) && gtk_media_stream_get_timestamp (stream) >= 3 * G_USEC_PER_SEC;
}

static void
test_video_start (Fixture       *fixture,
                  gconstpointer  user_data)
{
  VtMediaView *view;

  if (fixture->testbed == NULL)
    return;

  /* Recipe 0015: the manifest's start at 3 s of the canvas; the player
   * waits there, paused. */
  view = open_media (fixture, MEDIA_START);
  vt_window_test_wait_until (at_start, view, "the start at 3 s");
  g_assert_cmpint (gtk_media_stream_get_timestamp (vt_media_view_get_stream (view)), <, 4 * G_USEC_PER_SEC);
  g_assert_false (gtk_media_stream_get_playing (vt_media_view_get_stream (view)));
  g_assert_cmpstr (vt_media_view_get_time_text (view), ==, "0:03 / 0:06");
}

static gboolean
has_a_section (gpointer data)
{
  return vt_media_view_get_n_sections (data) > 0;
}

static void
test_referenced_page (Fixture       *fixture,
                      gconstpointer  user_data)
{
  VtMediaView *view;

  if (fixture->testbed == NULL)
    return;

  /* The captions and a comment on 1-2 s are in an annotation page the
   * canvas only names: fetched, they show as the embedded ones do. */
  view = open_media (fixture, MEDIA_REFERENCED);
  vt_window_test_wait_until (has_a_section, view, "the referenced page's comment");
  g_assert_cmpuint (vt_media_view_get_n_sections (view), ==, 1);
  g_assert_cmpstr (vt_media_view_get_section_label (view, 0), ==, "A comment on the second second");
  vt_window_test_wait_until (caption_shown, view, "the referenced page's captions");
  g_assert_cmpstr (vt_media_view_get_caption_text (view), ==, "Colour bars fill the screen");
}

static gboolean
static_image_drawn (gpointer data)
{
  return image_of_width (data, 1200);
}

static void
test_video_placeholder (Fixture       *fixture,
                        gconstpointer  user_data)
{
  VtMediaView *view;

  if (fixture->testbed == NULL)
    return;

  /* Recipe 0013: the placeholder image until the video plays. */
  view = open_media (fixture, MEDIA_PLACEHOLDER);
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_PLACEHOLDER);
  vt_window_test_wait_until (static_image_drawn, view, "the placeholder canvas");
  vt_media_view_play (view);
  vt_window_test_wait_until (playing, view, "the video to play");
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_VIDEO);
  /* Paused, the video stays: the placeholder was for before playing. */
  vt_media_view_pause (view);
  g_assert_cmpint (vt_media_view_get_visual (view), ==, VT_MEDIA_VISUAL_VIDEO);
}

/* A manifest cannot make Vitrine read a local file: a file:// body is
 * refused before GStreamer sees it. */
static void
test_local_file_refused (void)
{
  const char *json =
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://example.org/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"x\"]},"
    " \"items\": [{\"id\": \"https://example.org/c\", \"type\": \"Canvas\", \"duration\": 5,"
    "   \"items\": [{\"id\": \"https://example.org/p\", \"type\": \"AnnotationPage\","
    "     \"items\": [{\"id\": \"https://example.org/a\", \"type\": \"Annotation\", \"motivation\": \"painting\","
    "       \"body\": {\"id\": \"file:///etc/passwd\", \"type\": \"Sound\", \"format\": \"audio/wav\"},"
    "       \"target\": \"https://example.org/c\"}]}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_iiif_document_parse (bytes, "https://example.org/m", &error);
  GtkWidget *view;

  g_assert_no_error (error);
  view = g_object_ref_sink (vt_media_view_new (NULL));
  vt_media_view_set_canvas (VT_MEDIA_VIEW (view), doc->manifest, 0);
  g_assert_null (vt_media_view_get_stream (VT_MEDIA_VIEW (view)));
  g_assert_nonnull (vt_media_view_get_error_text (VT_MEDIA_VIEW (view)));
  g_assert_cmpint (vt_media_view_get_visual (VT_MEDIA_VIEW (view)), ==, VT_MEDIA_VISUAL_NONE);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  int status;

  /* No sound card under test: every real audio sink is ranked out, so
   * GStreamer's autoaudiosink falls back to a fakesink that still keeps
   * time with the clock (playback advances as it would on speakers). */
  g_setenv ("GST_PLUGIN_FEATURE_RANK",
            "pulsesink:NONE,alsasink:NONE,jackaudiosink:NONE,oss4sink:NONE,osssink:NONE,"
            "pipewiresink:NONE,openalsink:NONE", TRUE);

  g_test_init (&argc, &argv, NULL);

  /* A cache of our own, so that no earlier run answers for the test bed. */
  cache_dir = g_dir_make_tmp ("vitrine-media-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the media tests");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/vitrine/media/local-file-refused", test_local_file_refused);
  g_test_add ("/vitrine/media/video-seek", Fixture, NULL, fixture_set_up, test_video_seek, fixture_tear_down);
  g_test_add ("/vitrine/media/section-thumbnails", Fixture, NULL, fixture_set_up, test_section_thumbnails,
              fixture_tear_down);
  g_test_add ("/vitrine/media/audio-accompanying", Fixture, NULL, fixture_set_up, test_audio_accompanying,
              fixture_tear_down);
  g_test_add ("/vitrine/media/simplest-video", Fixture, NULL, fixture_set_up, test_simplest_video,
              fixture_tear_down);
  g_test_add ("/vitrine/media/video-start", Fixture, NULL, fixture_set_up, test_video_start, fixture_tear_down);
  g_test_add ("/vitrine/media/referenced-page", Fixture, NULL, fixture_set_up, test_referenced_page,
              fixture_tear_down);
  g_test_add ("/vitrine/media/video-placeholder", Fixture, NULL, fixture_set_up, test_video_placeholder,
              fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
  }
  return status;
}
