/* test-window.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "app/vt-application.h"
#include "app/vt-window.h"
#include "vt-testbed.h"

/* The real window, driven through its actions against the real test bed:
 * what a curator would see for each Ghent fixture and each failure. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.WindowTest%u", APP_ID, ++app_serial);

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (fixture->testbed), TRUE);

  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = vt_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
}

static gboolean
state_is (VtWindow   *window,
          const char *state)
{
  return g_strcmp0 (vt_window_get_state_name (window), state) == 0;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            const char *what)
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

static gboolean
not_loading (gpointer data)
{
  return !state_is (data, "loading");
}

/* Opens @input and waits until the window leaves its loading state. */
static void
open_and_wait (Fixture    *fixture,
               const char *input,
               const char *expected_state)
{
  vt_window_open_input (fixture->window, input);
  wait_until (not_loading, fixture->window, input);
  if (!state_is (fixture->window, expected_state))
    g_error ("%s: expected state %s, got %s (%s)", input, expected_state,
             vt_window_get_state_name (fixture->window),
             vt_error_page_get_description (vt_window_get_error_page (fixture->window)));
}

static gboolean
rows_contain (char       **rows,
              const char  *prefix)
{
  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_ghent_objects (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "testbed", "ghent-objects.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *objects;
  guint checked = 0;

  if (fixture->testbed == NULL)
    return;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  objects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "objects");

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);
      const char *id = json_object_get_string_member (object, "id");
      const char *label = json_object_get_string_member_with_default (object, "label", NULL);
      const char *description = json_object_get_string_member_with_default (object, "description", NULL);
      g_auto(GStrv) rows = NULL;
      g_autofree char *summary = NULL;

      if (json_object_get_int_member (object, "status") != 200)
        continue;

      open_and_wait (fixture, id, "viewer");
      g_test_message ("%s: %s", id, label);

      /* The title is the object's label, in the window and the sidebar. */
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, label);
      g_assert_cmpstr (vt_metadata_view_get_title (vt_window_get_metadata_view (fixture->window)), ==, label);

      /* The description reads in full. */
      summary = vt_metadata_view_get_summary_markup (vt_window_get_metadata_view (fixture->window));
      if (description != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (description, 40);

          g_assert_nonnull (summary);
          g_assert_nonnull (strstr (summary, escaped));
        }

      /* Ghent's licence and attribution live on the image annotation. */
      rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (fixture->window));
      g_assert_true (rows_contain (rows, "Rights: "));
      g_assert_true (rows_contain (rows, "Attribution: "));

      /* The picker followed the organisation, the entry holds the number. */
      {
        g_autofree char *org = g_strndup (id, strchr (id, ':') - id);

        g_assert_cmpstr (vt_window_get_organisation (fixture->window), ==, org);
      }
      g_assert_cmpstr (vt_window_get_entry_text (fixture->window), ==,
                       strchr (id, ':') + 1);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 5);
}

static void
test_not_public (Fixture       *fixture,
                 gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, VT_TESTBED_OBJECT_FORBIDDEN, "not-public");
  g_assert_cmpstr (vt_error_page_get_title (vt_window_get_error_page (fixture->window)), ==, "No Public Image");
  /* The server's own words, and the object named. */
  g_assert_cmpstr (vt_error_page_get_message (vt_window_get_error_page (fixture->window)), ==,
                   "You don't have permission to access this resource");
  g_assert_nonnull (strstr (vt_error_page_get_description (vt_window_get_error_page (fixture->window)),
                            VT_TESTBED_OBJECT_FORBIDDEN));
  /* The way on: the object's public page, and the entry ready for another. */
  g_assert_cmpstr (vt_error_page_get_primary_action (vt_window_get_error_page (fixture->window)),
                   ==, "win.open-web-page");
  g_assert_cmpstr (vt_viewing_get_web_page_url (vt_window_get_viewing (fixture->window)), ==,
                   "https://data.collectie.gent/entity/archiefgent:OA_535_001_01");
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                             GTK_TYPE_ENTRY));
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, VT_TESTBED_OBJECT_MISSING, "not-found");
  g_assert_cmpstr (vt_error_page_get_title (vt_window_get_error_page (fixture->window)), ==, "Object Not Found");
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, VT_TESTBED_OBJECT_FAILING, "server-error");
  g_assert_cmpstr (vt_error_page_get_primary_action (vt_window_get_error_page (fixture->window)),
                   ==, "win.retry");
  g_assert_cmpstr (vt_error_page_get_message (vt_window_get_error_page (fixture->window)), ==,
                   "Something went wrong while generating the manifest");
}

static gboolean
canvas_not_public (gpointer data)
{
  VtWindow *window = data;

  return vt_image_view_get_state (vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window))) == VT_IMAGE_VIEW_STATE_NOT_PUBLIC;
}

static void
test_image_not_public (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(GStrv) rows = NULL;

  if (fixture->testbed == NULL)
    return;

  /* The manifest is public, its image service answers 403: the metadata
   * stays, the canvas says the image is not public. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, "viewer");
  wait_until (canvas_not_public, fixture->window, "the image to be refused");
  g_assert_cmpstr (vt_canvas_pane_get_status_title (vt_window_get_canvas_pane (fixture->window)), ==,
                   "Image Not Public");
  g_assert_cmpstr (vt_metadata_view_get_title (vt_window_get_metadata_view (fixture->window)), ==,
                   "Kantkussen met klossen");
  rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (fixture->window));
  g_assert_true (rows_contain (rows, "Rights: "));
}

static void
test_offline_then_retry (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->testbed == NULL)
    return;

  vt_testbed_stop (fixture->testbed, &error);
  g_assert_no_error (error);

  open_and_wait (fixture, VT_TESTBED_OBJECT_HVA, "offline");
  g_assert_cmpstr (vt_error_page_get_primary_action (vt_window_get_error_page (fixture->window)),
                   ==, "win.retry");

  vt_testbed_restart (fixture->testbed, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry", NULL);
  wait_until (not_loading, fixture->window, "the retry");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Poppenkast van Pierke met handpoppen");
}

static void
test_multi_canvas (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, VT_TESTBED_OBJECT_TWO_CANVASES, "viewer");
  g_assert_cmpuint (vt_viewing_get_n_canvases (vt_window_get_viewing (fixture->window)), ==, 2);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 0);
  g_assert_true (vt_canvas_pane_get_strip_revealed (vt_window_get_canvas_pane (fixture->window)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 1);
  g_assert_cmpuint (vt_canvas_strip_get_selected (vt_canvas_pane_get_strip (vt_window_get_canvas_pane (fixture->window))), ==, 1);
  /* At the end, "next" is disabled; "first" goes back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.first-canvas", NULL);
  g_assert_cmpuint (vt_viewing_get_canvas_index (vt_window_get_viewing (fixture->window)), ==, 0);

  /* A one-canvas object hides the strip. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  g_assert_false (vt_canvas_pane_get_strip_revealed (vt_window_get_canvas_pane (fixture->window)));
}

static void
test_dropped_link (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *manifest = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *link = NULL;
  GValue value = G_VALUE_INIT;

  if (fixture->testbed == NULL)
    return;

  /* What a browser drags from a IIIF logo: a viewer page with ?manifest=. */
  manifest = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_LEVEL0);
  escaped = g_uri_escape_string (manifest, NULL, FALSE);
  link = g_strdup_printf ("https://viewer.example.org/?manifest=%s", escaped);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, link);
  g_assert_true (vt_window_open_dropped (fixture->window, &value));
  g_value_unset (&value);

  wait_until (not_loading, fixture->window, "the dropped link");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  g_assert_cmpstr (vt_viewing_get_manifest_url (vt_window_get_viewing (fixture->window)), ==, manifest);
}

static gboolean
logo_shown (gpointer data)
{
  VtWindow *window = data;

  return vt_metadata_view_get_logo (vt_window_get_metadata_view (window)) != NULL;
}

static void
test_language_picker (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *url = NULL;
  g_auto(GStrv) languages = NULL;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_MULTILINGUAL);
  open_and_wait (fixture, url, "viewer");

  languages = vt_metadata_view_get_languages (vt_window_get_metadata_view (fixture->window));
  g_assert_true (g_strv_contains ((const char * const *) languages, "fr"));
  g_assert_true (g_strv_contains ((const char * const *) languages, "nl"));

  vt_metadata_view_set_language (vt_window_get_metadata_view (fixture->window), "fr");
  g_assert_cmpstr (vt_metadata_view_get_title (vt_window_get_metadata_view (fixture->window)), ==,
                   "L'Agneau mystique (copie d'étude)");

  /* The provider's logo arrives from the image server, decoded. */
  wait_until (logo_shown, fixture->window, "the provider's logo");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (vt_metadata_view_get_logo (vt_window_get_metadata_view (fixture->window))),
                   ==, 90);
}

static void
test_collection (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *url = NULL;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_COLLECTION_GHENT);
  open_and_wait (fixture, url, "collection");

  g_assert_cmpuint (vt_collection_page_get_n_members (vt_window_get_collection_page (fixture->window)), >, 0);
  g_assert_true (vt_collection_page_activate (vt_window_get_collection_page (fixture->window), 0));
  wait_until (not_loading, fixture->window, "the first member");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

static void
test_time_based_canvas (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *url = NULL;

  if (fixture->testbed == NULL)
    return;

  url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_AV);
  open_and_wait (fixture, url, "viewer");
  /* Issue 12: the sound plays in the canvas' place (test-media.c plays
   * it); no "Not an Image" page, no zoom buttons over it. */
  g_assert_null (vt_canvas_pane_get_status_title (vt_window_get_canvas_pane (fixture->window)));
  g_assert_nonnull (vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window)))));
  /* Issue 13: the sound recording showed a video icon. */
  g_assert_cmpint (vt_media_view_get_visual (vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window))),
                   ==, VT_MEDIA_VISUAL_NONE);
  g_assert_null (vt_media_view_get_error_text (vt_canvas_pane_get_media_view (vt_window_get_canvas_pane (fixture->window))));
}

static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, "museum:1234", "invalid-input");
  g_assert_cmpstr (vt_window_get_entry_text (fixture->window), ==, "museum:1234");

  open_and_wait (fixture, "ftp://example.org/manifest.json", "invalid-input");
}

static void
test_history_and_recent (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GSettings *settings;
  g_auto(GStrv) recent = NULL;

  if (fixture->testbed == NULL)
    return;

  settings = vt_application_get_settings (fixture->app);
  g_settings_reset (settings, "recent-objects");

  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  open_and_wait (fixture, VT_TESTBED_OBJECT_STAM, "viewer");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  wait_until (not_loading, fixture->window, "going back");
  g_assert_cmpstr (vt_viewing_get_location (vt_window_get_viewing (fixture->window)), ==, VT_TESTBED_OBJECT_DMG);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-forward", NULL);
  wait_until (not_loading, fixture->window, "going forward");
  g_assert_cmpstr (vt_viewing_get_location (vt_window_get_viewing (fixture->window)), ==, VT_TESTBED_OBJECT_STAM);

  recent = g_settings_get_strv (settings, "recent-objects");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_true (g_str_has_prefix (recent[0], VT_TESTBED_OBJECT_STAM "\t"));
  g_assert_true (g_str_has_prefix (recent[1], VT_TESTBED_OBJECT_DMG "\t"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.clear-recent", NULL);
  g_strfreev (recent);
  recent = g_settings_get_strv (settings, "recent-objects");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
}

static gboolean
image_view_ready (gpointer data)
{
  VtWindow *window = data;

  return vt_image_view_get_state (vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window))) == VT_IMAGE_VIEW_STATE_READY;
}

static void
test_local_image (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;

  if (fixture->testbed == NULL)
    return;

  /* A curator's own master file opens in deep zoom, offline. */
  path = g_build_filename (vt_testbed_get_fixtures_dir (), "portrait.tif", NULL);
  uri = g_filename_to_uri (path, NULL, NULL);
  open_and_wait (fixture, uri, "viewer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "portrait.tif");
  g_assert_cmpuint (vt_tile_source_get_image_width (vt_image_view_get_source (vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (fixture->window)))),
                    ==, VT_TESTBED_PORTRAIT_WIDTH);
  wait_until (image_view_ready, fixture->window, "the local image");

  /* A file that is neither a manifest nor an image says so. */
  text = g_build_filename (vt_testbed_get_fixtures_dir (), "fixtures.json", NULL);
  g_free (uri);
  uri = g_filename_to_uri (text, NULL, NULL);
  open_and_wait (fixture, uri, "not-iiif");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_DMG);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "loading");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "welcome");

  /* Nothing arrives later to overwrite the page. */
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "welcome");
}


static gboolean
waited_long (gpointer data)
{
  return !state_is (data, "loading") ||
         g_str_has_prefix (vt_window_get_loading_text (data), "Still waiting");
}

/* A manifest that takes 25 s to start answering: after a few seconds the
 * loading page names the server it waits for, Cancel still at hand; the
 * next object starts again from "Opening …". */
static void
test_still_waiting (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GUri) base = NULL;
  g_autofree char *expected = NULL;

  if (fixture->testbed == NULL)
    return;

  base = g_uri_parse (vt_testbed_get_base_url (fixture->testbed), G_URI_FLAGS_NONE, NULL);
  expected = g_strdup_printf ("Still waiting for %s…", g_uri_get_host (base));

  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_SLOW);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "loading");
  g_assert_cmpstr (vt_window_get_loading_text (fixture->window), ==, "Opening " VT_TESTBED_OBJECT_SLOW "…");

  wait_until (waited_long, fixture->window, "the loading page to say it still waits");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "loading");
  g_assert_cmpstr (vt_window_get_loading_text (fixture->window), ==, expected);
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.cancel"));

  /* Another object: its own wait starts from the beginning. */
  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_SLOW);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "loading");
  g_assert_cmpstr (vt_window_get_loading_text (fixture->window), ==, "Opening " VT_TESTBED_OBJECT_SLOW "…");
  wait_until (waited_long, fixture->window, "the loading page to say it still waits");
  g_assert_cmpstr (vt_window_get_loading_text (fixture->window), ==, expected);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "welcome");

  /* An object that answers at once never shows it. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_SLOW);
  g_assert_cmpstr (vt_window_get_loading_text (fixture->window), ==, "Opening " VT_TESTBED_OBJECT_SLOW "…");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
}

/* The transition matrix: every kind of object the window can show, and
 * what each visible field must say once it is on screen, whatever was shown
 * before it. */
typedef struct
{
  const char *name;
  char       *input;
  const char *state;
  const char *title;          /* the window's; NULL: the app's name */
  const char *sidebar_title;  /* NULL: the sidebar is empty */
  const char *organisation;   /* the picker's; NULL: none */
  char       *entry;          /* NULL: the input itself */
  gboolean    copy_manifest;
  gboolean    web_page;
  const char *canvas_status;  /* NULL: the canvas draws an image */
} Kind;

static gboolean
settled (gpointer data)
{
  VtWindow *window = data;
  VtViewing *viewing = vt_window_get_viewing (window);
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (window));

  return !state_is (window, "loading") &&
         (viewing == NULL || vt_viewing_get_page (viewing) == NULL ||
          vt_page_get_state (vt_viewing_get_page (viewing)) != VT_PAGE_LOADING) &&
         vt_image_view_get_state (view) != VT_IMAGE_VIEW_STATE_LOADING;
}

static void
check_kind (VtWindow   *window,
            const Kind *kind,
            const char *after)
{
  VtMetadataView *sidebar = vt_window_get_metadata_view (window);
  VtCanvasPane *pane = vt_window_get_canvas_pane (window);
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (sidebar);
  const char *sidebar_title = vt_metadata_view_get_title (sidebar);
  gboolean has_rights = rows_contain (rows, "Rights: ");

  g_test_message ("%s after %s", kind->name, after);

#define CHECK_STR(what, got, expected) \
  if (g_strcmp0 ((got), (expected)) != 0) \
    g_error ("%s after %s: %s is “%s”, expected “%s”", kind->name, after, what, (got), (expected))
#define CHECK_BOOL(what, got, expected) \
  if (!(got) != !(expected)) \
    g_error ("%s after %s: %s is %d, expected %d", kind->name, after, what, !!(got), !!(expected))

  CHECK_STR ("the state", vt_window_get_state_name (window), kind->state);
  CHECK_STR ("the window title", gtk_window_get_title (GTK_WINDOW (window)),
             kind->title ? kind->title : "Vitrine");
  CHECK_STR ("the sidebar title", sidebar_title && *sidebar_title ? sidebar_title : NULL,
             kind->sidebar_title);
  CHECK_BOOL ("a Rights row", has_rights, kind->sidebar_title != NULL);
  CHECK_BOOL ("an Attribution row", rows_contain (rows, "Attribution: "), kind->sidebar_title != NULL);
  CHECK_BOOL ("any sidebar row", rows != NULL && rows[0] != NULL, kind->sidebar_title != NULL);
  CHECK_STR ("the picker", vt_window_get_organisation (window), kind->organisation);
  CHECK_STR ("the entry", vt_window_get_entry_text (window), kind->entry ? kind->entry : kind->input);
  CHECK_BOOL ("Copy Manifest Address", vt_window_get_action_enabled (window, "win.copy-manifest-url"),
              kind->copy_manifest);
  CHECK_BOOL ("Open Web Page", vt_window_get_action_enabled (window, "win.open-web-page"),
              kind->web_page);
  CHECK_BOOL ("zooming", vt_window_get_action_enabled (window, "win.zoom-in"),
              g_str_equal (kind->state, "viewer"));
  CHECK_STR ("the canvas page", g_str_equal (kind->state, "viewer") ? vt_canvas_pane_get_status_title (pane)
                                                                     : NULL,
             kind->canvas_status);
  if (kind->canvas_status != NULL)
    {
      const char *description = vt_canvas_pane_get_status_description (pane);

      /* The reason is this canvas' own, never a blank. */
      if (description == NULL || *description == '\0')
        g_error ("%s after %s: the canvas page gives no reason", kind->name, after);
    }
#undef CHECK_STR
#undef CHECK_BOOL
}

static void
open_kind (Fixture    *fixture,
           const Kind *kind)
{
  vt_window_open_input (fixture->window, kind->input);
  wait_until (settled, fixture->window, kind->input);
}

static char *
write_local_manifest (VtTestbed  *testbed,
                      const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "testbed", "documents", "manifests",
                                                   "v3", "level0.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (dir, "level0.json", NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "@BASE@", -1);
  joined = g_strjoinv (vt_testbed_get_base_url (testbed), parts);
  g_file_set_contents (path, joined, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_transition_matrix (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *image_path = NULL;
  g_autofree char *collection_title = NULL;
  Kind kinds[] = {
    { "Ghent object", NULL, "viewer", "Theeservies met zilveren montuur",
      "Theeservies met zilveren montuur", "dmg", NULL, TRUE, TRUE, NULL },
    { "manifest URL", NULL, "viewer", "Level 0 static tiles (Image API 3)",
      "Level 0 static tiles (Image API 3)", NULL, NULL, TRUE, FALSE, NULL },
    { "local manifest file", NULL, "viewer", "Level 0 static tiles (Image API 3)",
      "Level 0 static tiles (Image API 3)", NULL, NULL, FALSE, FALSE, NULL },
    { "local image file", NULL, "viewer", "portrait.tif", NULL, NULL, NULL, FALSE, FALSE, NULL },
    { "collection", NULL, "collection", NULL, NULL, NULL, NULL, TRUE, FALSE, NULL },
    { "manifest 403", NULL, "not-public", NULL, NULL, "archiefgent", NULL, FALSE, TRUE, NULL },
    { "manifest 404", NULL, "not-found", NULL, NULL, "dmg", NULL, FALSE, TRUE, NULL },
    { "image-service 403", NULL, "viewer", "Kantkussen met klossen", "Kantkussen met klossen",
      "hva", NULL, TRUE, TRUE, "Image Not Public" },
    { "image 404", NULL, "viewer", "Schepenbrief met zegel van de stad Gent",
      "Schepenbrief met zegel van de stad Gent", "stam", NULL, TRUE, TRUE,
      "The Image Could Not Be Shown" },
    { "offline", NULL, "offline", NULL, NULL, NULL, NULL, FALSE, FALSE, NULL },
  };
  guint n_pairs = 0;

  if (fixture->testbed == NULL)
    return;

  dir = g_dir_make_tmp ("vitrine-matrix-XXXXXX", NULL);
  manifest_path = write_local_manifest (fixture->testbed, dir);
  image_path = g_build_filename (vt_testbed_get_fixtures_dir (), "portrait.tif", NULL);

  kinds[0].input = g_strdup (VT_TESTBED_OBJECT_DMG);
  kinds[0].entry = g_strdup ("1987-1049");
  kinds[1].input = vt_testbed_get_url (fixture->testbed, VT_TESTBED_MANIFEST_V3_LEVEL0);
  kinds[2].input = g_strdup (manifest_path);
  kinds[3].input = g_strdup (image_path);
  kinds[4].input = vt_testbed_get_url (fixture->testbed, VT_TESTBED_COLLECTION_GHENT);
  kinds[5].input = g_strdup (VT_TESTBED_OBJECT_FORBIDDEN);
  kinds[5].entry = g_strdup (strchr (VT_TESTBED_OBJECT_FORBIDDEN, ':') + 1);
  kinds[6].input = g_strdup (VT_TESTBED_OBJECT_MISSING);
  kinds[6].entry = g_strdup (strchr (VT_TESTBED_OBJECT_MISSING, ':') + 1);
  kinds[7].input = g_strdup (VT_TESTBED_OBJECT_IMAGE_FORBIDDEN);
  kinds[7].entry = g_strdup (strchr (VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, ':') + 1);
  kinds[8].input = g_strdup (VT_TESTBED_OBJECT_IMAGE_MISSING);
  kinds[8].entry = g_strdup (strchr (VT_TESTBED_OBJECT_IMAGE_MISSING, ':') + 1);
  /* Nothing listens on the discard port of the loopback. */
  kinds[9].input = g_strdup ("http://127.0.0.1:9/manifest.json");

  /* The collection's title is whatever the test bed calls it. */
  open_kind (fixture, &kinds[4]);
  collection_title = g_strdup (vt_collection_page_get_title (vt_window_get_collection_page (fixture->window)));
  g_assert_cmpstr (collection_title, !=, "");
  kinds[4].title = collection_title;

  for (guint a = 0; a < G_N_ELEMENTS (kinds); a++)
    {
      /* Each kind on its own, first: the reference for the pairs. */
      open_kind (fixture, &kinds[a]);
      check_kind (fixture->window, &kinds[a], "launch");
    }

  for (guint a = 0; a < G_N_ELEMENTS (kinds); a++)
    for (guint b = 0; b < G_N_ELEMENTS (kinds); b++)
      {
        open_kind (fixture, &kinds[a]);
        open_kind (fixture, &kinds[b]);
        check_kind (fixture->window, &kinds[b], kinds[a].name);
        n_pairs++;
      }

  g_assert_cmpuint (n_pairs, ==, G_N_ELEMENTS (kinds) * G_N_ELEMENTS (kinds));

  for (guint a = 0; a < G_N_ELEMENTS (kinds); a++)
    {
      g_free (kinds[a].input);
      g_free (kinds[a].entry);
    }
  g_unlink (manifest_path);
  g_rmdir (dir);
}

static void
test_cancel_returns_to_previous (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");

  /* Esc while the next object loads brings back the one on screen, whole. */
  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_STAM);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "loading");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Theeservies met zilveren montuur");
  g_assert_cmpstr (vt_metadata_view_get_title (vt_window_get_metadata_view (fixture->window)), ==,
                   "Theeservies met zilveren montuur");
  g_assert_cmpstr (vt_window_get_organisation (fixture->window), ==, "dmg");
  g_assert_cmpstr (vt_window_get_entry_text (fixture->window), ==, "1987-1049");

  /* Nothing of the cancelled object arrives later. */
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Theeservies met zilveren montuur");

  /* Two loads in a row, then Esc: still the object shown before both. */
  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_STAM);
  vt_window_open_input (fixture->window, VT_TESTBED_OBJECT_HVA);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  g_assert_cmpstr (vt_viewing_get_location (vt_window_get_viewing (fixture->window)), ==,
                   VT_TESTBED_OBJECT_DMG);
}

static gboolean
canvas_settled (gpointer data)
{
  return settled (data) &&
         vt_canvas_pane_get_status_title (vt_window_get_canvas_pane (data)) != NULL;
}

static void
test_canvas_error_reasons (Fixture       *fixture,
                           gconstpointer  user_data)
{
  VtCanvasPane *pane;
  g_autofree char *not_public = NULL;

  if (fixture->testbed == NULL)
    return;

  pane = vt_window_get_canvas_pane (fixture->window);

  /* The service refuses: not public, with the object's web page. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, "viewer");
  wait_until (canvas_settled, fixture->window, "the refused image");
  g_assert_cmpstr (vt_canvas_pane_get_status_title (pane), ==, "Image Not Public");
  not_public = g_strdup (vt_canvas_pane_get_status_description (pane));
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.retry-canvas"));
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.open-web-page"));

  /* The image is missing: another reason, not the last one. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_IMAGE_MISSING, "viewer");
  wait_until (canvas_settled, fixture->window, "the missing image");
  g_assert_cmpstr (vt_canvas_pane_get_status_title (pane), ==, "The Image Could Not Be Shown");
  g_assert_cmpstr (vt_canvas_pane_get_status_description (pane), !=, not_public);
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.retry-canvas"));

  /* Retry asks again, and lands on the same reason. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-canvas", NULL);
  wait_until (canvas_settled, fixture->window, "the retried image");
  g_assert_cmpstr (vt_canvas_pane_get_status_title (pane), ==, "The Image Could Not Be Shown");

  /* A good object after both shows its image and no page at all. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  wait_until (settled, fixture->window, "the good image");
  g_assert_null (vt_canvas_pane_get_status_title (pane));
}


static gboolean
rows_have (VtWindow   *window,
           const char *row)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (window));

  return rows != NULL && g_strv_contains ((const char * const *) rows, row);
}

static void
test_rights_follow_the_page (Fixture       *fixture,
                             gconstpointer  user_data)
{
  VtViewing *viewing;

  if (fixture->testbed == NULL)
    return;

  /* Real Ghent manifests name the rights holder per image: page 1 is CC
   * BY-NC-ND with its photographer, page 2 In Copyright naming nobody, so
   * the manifest's own credit holds there, not page 1's. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, "viewer");
  viewing = vt_window_get_viewing (fixture->window);
  g_assert_true (rows_have (fixture->window, "Rights: CC BY-NC-ND 4.0"));
  g_assert_cmpstr (vt_page_get_rights (vt_viewing_get_page (viewing)), ==,
                   "https://creativecommons.org/licenses/by-nc-nd/4.0/");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_true (rows_have (fixture->window, "Rights: In Copyright"));
  g_assert_true (rows_have (fixture->window, "Attribution: Source: Design Museum Gent"));
  g_assert_false (rows_have (fixture->window, "Rights: CC BY-NC-ND 4.0"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_true (rows_have (fixture->window, "Rights: CC BY-NC-ND 4.0"));

  /* Back to page 2 through the strip, as a click would. */
  vt_viewing_set_canvas_index (viewing, 1);
  g_assert_true (rows_have (fixture->window, "Rights: In Copyright"));

  /* The older two-page object differs per page too. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_TWO_CANVASES, "viewer");
  g_assert_true (rows_have (fixture->window, "Rights: CC BY-NC-ND 4.0"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-canvas", NULL);
  g_assert_true (rows_have (fixture->window, "Rights: In Copyright"));
}


static char *
write_static_manifest (const char *dir,
                       const char *name,
                       const char *image_url)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://example.org/%s\", \"type\": \"Manifest\","
    " \"label\": {\"en\": [\"Broken image\"]},"
    " \"items\": [{\"id\": \"https://example.org/c1\", \"type\": \"Canvas\", \"width\": 1200, \"height\": 800,"
    "   \"items\": [{\"id\": \"https://example.org/p1\", \"type\": \"AnnotationPage\","
    "     \"items\": [{\"id\": \"https://example.org/a1\", \"type\": \"Annotation\", \"motivation\": \"painting\","
    "       \"target\": \"https://example.org/c1\","
    "       \"body\": {\"id\": \"%s\", \"type\": \"Image\", \"format\": \"image/jpeg\", \"width\": 1200, \"height\": 800}}]}]}]}",
    name, image_url);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static gboolean
tiles_failed_shown (gpointer data)
{
  return vt_canvas_pane_get_tiles_failed_text (vt_window_get_canvas_pane (data)) != NULL;
}

static void
test_failed_tiles (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *missing_url = NULL;
  g_autofree char *not_image_url = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *not_image = NULL;
  VtCanvasPane *pane;

  if (fixture->testbed == NULL)
    return;

  pane = vt_window_get_canvas_pane (fixture->window);
  dir = g_dir_make_tmp ("vitrine-tiles-XXXXXX", NULL);
  missing_url = vt_testbed_get_url (fixture->testbed, "/static/missing.jpg");
  not_image_url = vt_testbed_get_url (fixture->testbed, VT_TESTBED_INDEX);
  missing = write_static_manifest (dir, "missing.json", missing_url);
  not_image = write_static_manifest (dir, "not-image.json", not_image_url);

  /* Every tile of the image fails: the canvas says so, with the reason
   * and a way to ask again, and the object stays on screen. */
  open_and_wait (fixture, missing, "viewer");
  wait_until (tiles_failed_shown, fixture->window, "the failed tiles");
  g_assert_nonnull (strstr (vt_canvas_pane_get_tiles_failed_text (pane), "127.0.0.1"));
  g_assert_true (vt_window_get_action_enabled (fixture->window, "win.retry-canvas"));

  /* Something that is not an image gives its own reason. */
  open_and_wait (fixture, not_image, "viewer");
  g_assert_null (vt_canvas_pane_get_tiles_failed_text (pane));
  wait_until (tiles_failed_shown, fixture->window, "the tiles that are not images");
  g_assert_nonnull (strstr (vt_canvas_pane_get_tiles_failed_text (pane), "application/json"));

  /* A good object shows no notice. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  wait_until (settled, fixture->window, "the good image");
  g_assert_null (vt_canvas_pane_get_tiles_failed_text (pane));

  g_unlink (missing);
  g_unlink (not_image);
  g_rmdir (dir);
}


/* A hostile image service for the no-overview case: 200,000 px square, level
 * 0, no sizes; every tile 404s. The manifest names a real thumbnail. */
static char *huge_base;
static char *huge_thumbnail;

static void
huge_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  g_autofree char *body = NULL;

  if (g_str_equal (path, "/huge/info.json"))
    body = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                            " \"@id\": \"%shuge\", \"protocol\": \"http://iiif.io/api/image\","
                            " \"width\": 200000, \"height\": 200000,"
                            " \"profile\": [\"http://iiif.io/api/image/2/level0.json\"],"
                            " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1]}]}", huge_base);
  else if (g_str_equal (path, "/manifest.json"))
    body = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                            " \"id\": \"%smanifest.json\", \"type\": \"Manifest\","
                            " \"label\": {\"en\": [\"No overview\"]},"
                            " \"items\": [{\"id\": \"%sc1\", \"type\": \"Canvas\", \"width\": 200000, \"height\": 200000,"
                            "  \"thumbnail\": [{\"id\": \"%s\", \"type\": \"Image\", \"format\": \"image/jpeg\"}],"
                            "  \"items\": [{\"id\": \"%sp1\", \"type\": \"AnnotationPage\","
                            "   \"items\": [{\"id\": \"%sa1\", \"type\": \"Annotation\", \"motivation\": \"painting\","
                            "    \"target\": \"%sc1\", \"body\": {\"id\": \"%shuge/full/full/0/default.jpg\","
                            "     \"type\": \"Image\", \"width\": 200000, \"height\": 200000,"
                            "     \"service\": [{\"@id\": \"%shuge\", \"@type\": \"ImageService2\","
                            "      \"profile\": \"http://iiif.io/api/image/2/level0.json\"}]}}]}]}]}",
                            huge_base, huge_base, huge_thumbnail, huge_base, huge_base, huge_base,
                            huge_base, huge_base);

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static gboolean
backdrop_shown (gpointer data)
{
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (data));

  return vt_image_view_get_backdrop (view) != NULL;
}

static void
test_no_overview (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL;
  GSList *uris;
  VtCanvasPane *pane;
  GdkPaintable *backdrop;

  if (fixture->testbed == NULL)
    return;

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/", huge_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  huge_base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  huge_thumbnail = vt_testbed_get_url (fixture->testbed, VT_TESTBED_STATIC_IMAGE);
  manifest = g_strconcat (huge_base, "manifest.json", NULL);

  /* Nothing small enough to show whole: the canvas says so, shows the
   * thumbnail over the whole image instead of a blank, and stays usable. */
  pane = vt_window_get_canvas_pane (fixture->window);
  open_and_wait (fixture, manifest, "viewer");
  wait_until (tiles_failed_shown, fixture->window, "the no-overview notice");
  g_assert_nonnull (strstr (vt_canvas_pane_get_tiles_failed_text (pane), "too large"));
  wait_until (backdrop_shown, fixture->window, "the thumbnail as a stand-in");
  backdrop = vt_image_view_get_backdrop (vt_canvas_pane_get_image_view (pane));
  /* The test bed's 1200×800 picture, shrunk to the stand-in's 1024 px. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (backdrop), ==, 1024);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (backdrop), ==, 683);

  /* The next object has neither. */
  open_and_wait (fixture, VT_TESTBED_OBJECT_DMG, "viewer");
  g_assert_null (vt_image_view_get_backdrop (vt_canvas_pane_get_image_view (pane)));
  g_assert_null (vt_canvas_pane_get_tiles_failed_text (pane));

  g_clear_pointer (&huge_base, g_free);
  g_clear_pointer (&huge_thumbnail, g_free);
}

/* Cookbook recipes served as static tiles: the manifest claims level 1,
 * the tiles' info.json (vips dzsave) says level 0 and lists no `sizes`. */
static gboolean
drawn_or_failed (gpointer data)
{
  VtImageView *view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (data));

  return tiles_failed_shown (data) ||
         (settled (data) && vt_image_view_get_visible_tiles (view) > 0 &&
          vt_image_view_get_loaded_tiles (view) >= vt_image_view_get_visible_tiles (view));
}

static void
test_level0_claimed_level1 (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;
  VtCanvasPane *pane;
  VtImageView *view;

  if (fixture->testbed == NULL)
    return;

  source = g_test_build_filename (G_TEST_DIST, "testbed", "documents", "manifests", "v3", "level0.json", NULL);
  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "@BASE@", -1);
  joined = g_strjoinv (vt_testbed_get_base_url (fixture->testbed), parts);
  g_clear_pointer (&parts, g_strfreev);
  parts = g_strsplit (joined, "\"profile\": \"level0\"", -1);
  g_assert_cmpint (g_strv_length (parts), ==, 2);
  g_free (joined);
  joined = g_strjoinv ("\"profile\": \"level1\"", parts);
  dir = g_dir_make_tmp ("vitrine-claimed-XXXXXX", NULL);
  path = g_build_filename (dir, "claimed.json", NULL);
  g_file_set_contents (path, joined, -1, &error);
  g_assert_no_error (error);

  /* The placeholder asked for beside info.json 404s; once info.json says
   * level 0 without sizes it is not asked again, nor shown as an error. */
  pane = vt_window_get_canvas_pane (fixture->window);
  view = vt_canvas_pane_get_image_view (pane);
  open_and_wait (fixture, path, "viewer");
  wait_until (drawn_or_failed, fixture->window, "the level 0 image");
  g_assert_null (vt_canvas_pane_get_tiles_failed_text (pane));

  /* Far below fit, the coarsest tile level is drawn. */
  vt_image_view_zoom_to (view, 0.005, FALSE);
  wait_until (drawn_or_failed, fixture->window, "the image far below fit");
  g_assert_null (vt_canvas_pane_get_tiles_failed_text (pane));
  g_assert_cmpuint (vt_image_view_get_loaded_tiles (view), >, 0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* A cache of our own, so that no earlier run answers for the test bed.
   * (G_TEST_OPTION_ISOLATE_DIRS would also hide the shared MIME database,
   * without which no SVG icon loads.) */
  cache_dir = g_dir_make_tmp ("vitrine-window-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the window tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/window/ghent-objects", test_ghent_objects);
  ADD ("/vitrine/app/window/not-public", test_not_public);
  ADD ("/vitrine/app/window/not-found", test_not_found);
  ADD ("/vitrine/app/window/server-error", test_server_error);
  ADD ("/vitrine/app/window/image-not-public", test_image_not_public);
  ADD ("/vitrine/app/window/offline-then-retry", test_offline_then_retry);
  ADD ("/vitrine/app/window/multi-canvas", test_multi_canvas);
  ADD ("/vitrine/app/window/dropped-link", test_dropped_link);
  ADD ("/vitrine/app/window/language-picker", test_language_picker);
  ADD ("/vitrine/app/window/collection", test_collection);
  ADD ("/vitrine/app/window/time-based-canvas", test_time_based_canvas);
  ADD ("/vitrine/app/window/invalid-input", test_invalid_input);
  ADD ("/vitrine/app/window/history-and-recent", test_history_and_recent);
  ADD ("/vitrine/app/window/cancel", test_cancel);
  ADD ("/vitrine/app/window/still-waiting", test_still_waiting);
  ADD ("/vitrine/app/window/local-image", test_local_image);
  ADD ("/vitrine/app/window/transition-matrix", test_transition_matrix);
  ADD ("/vitrine/app/window/cancel-returns-to-previous", test_cancel_returns_to_previous);
  ADD ("/vitrine/app/window/canvas-error-reasons", test_canvas_error_reasons);
  ADD ("/vitrine/app/window/rights-follow-the-page", test_rights_follow_the_page);
  ADD ("/vitrine/app/window/failed-tiles", test_failed_tiles);
  ADD ("/vitrine/app/window/no-overview", test_no_overview);
  ADD ("/vitrine/app/window/level0-claimed-level1", test_level0_claimed_level1);
#undef ADD

  {
    int status = g_test_run ();
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    /* The client leaves its cache index behind; the directory is ours. */
    if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
      (void) system (command);
    return status;
  }
}
