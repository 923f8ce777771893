/* test-navigation.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>

#include "app/vt-navigation.h"
#include "canvas/vt-canvas-error.h"
#include "net/vt-net-error.h"
#include "vt-testbed.h"

/* The model of the object on screen, without a display: opening makes a
 * new viewing, cancelling brings the previous one back whole, Back and
 * Forward walk the history, and each page is a new object whose rights and
 * image are its own. Against the real test bed. */

typedef struct
{
  VtTestbed    *testbed;
  char         *cache_dir;
  VtClient     *client;
  VtSession    *session;
  VtNavigation *navigation;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  f->testbed = vt_testbed_start_or_skip ();
  if (f->testbed == NULL)
    return;

  f->cache_dir = g_dir_make_tmp ("vitrine-navigation-XXXXXX", NULL);
  g_assert_nonnull (f->cache_dir);
  f->client = vt_client_new (f->cache_dir);
  f->session = vt_session_new (f->client);
  vt_session_set_api_base (f->session, vt_testbed_get_base_url (f->testbed));
  f->navigation = vt_navigation_new (f->session);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_clear_object (&f->navigation);
  g_clear_object (&f->session);
  g_clear_object (&f->client);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (f->cache_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->cache_dir);

      (void) system (command);
      g_free (f->cache_dir);
    }
  g_clear_pointer (&f->testbed, vt_testbed_free);
}

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

static VtViewing *
open_and_wait (Fixture    *f,
               const char *input)
{
  VtViewing *viewing = vt_navigation_open (f->navigation, input, NULL);

  g_assert_true (vt_navigation_get_viewing (f->navigation) == viewing);
  wait_for (viewing);

  return viewing;
}

static void
test_open (Fixture       *f,
           gconstpointer  user_data)
{
  VtViewing *viewing;
  VtViewing *second;
  VtPage *page;

  if (f->testbed == NULL)
    return;

  viewing = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_DMG, NULL);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_LOADING);
  g_assert_null (vt_viewing_get_title (viewing));
  g_assert_null (vt_viewing_get_page (viewing));
  wait_for (viewing);

  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_MANIFEST);
  g_assert_cmpstr (vt_viewing_get_title (viewing), ==, "Theeservies met zilveren montuur");
  g_assert_cmpstr (vt_viewing_get_location (viewing), ==, VT_TESTBED_OBJECT_DMG);
  g_assert_cmpstr (vt_viewing_get_organisation (viewing), ==, "dmg");
  g_assert_nonnull (vt_viewing_get_web_page_url (viewing));
  page = vt_viewing_get_page (viewing);
  g_assert_nonnull (page);
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_READY);
  g_assert_cmpuint (vt_tile_source_get_image_width (vt_page_get_source (page)), ==,
                    VT_TESTBED_MAIN_WIDTH);

  /* Opening something else makes a new viewing; the old one is left as it
   * was, and nothing of it is on the new one. */
  second = open_and_wait (f, VT_TESTBED_OBJECT_FORBIDDEN);
  g_assert_true (second != viewing);
  g_assert_cmpint (vt_viewing_get_state (second), ==, VT_VIEWING_FAILED);
  g_assert_true (g_error_matches (vt_viewing_get_error (second), VT_NET_ERROR,
                                  VT_NET_ERROR_NOT_PUBLIC));
  g_assert_null (vt_viewing_get_title (second));
  g_assert_null (vt_viewing_get_manifest (second));
  g_assert_null (vt_viewing_get_page (second));
  g_assert_null (vt_viewing_get_logo (second));
}

static void
test_invalid_input (Fixture       *f,
                    gconstpointer  user_data)
{
  VtViewing *viewing;

  if (f->testbed == NULL)
    return;

  /* Input that names nothing fails at once, with a reason, and leaves no
   * history entry. */
  viewing = vt_navigation_open (f->navigation, "museum:1234", NULL);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_FAILED);
  g_assert_true (g_error_matches (vt_viewing_get_error (viewing), G_IO_ERROR,
                                  G_IO_ERROR_INVALID_ARGUMENT));
  g_assert_null (vt_viewing_get_target (viewing));
  g_assert_cmpstr (vt_viewing_get_input (viewing), ==, "museum:1234");
  g_assert_null (vt_history_get_current (vt_navigation_get_history (f->navigation)));

  viewing = vt_navigation_open (f->navigation, "ftp://example.org/manifest.json", NULL);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_FAILED);

  /* A bare number needs an organisation; with one it is a Ghent object. */
  viewing = vt_navigation_open (f->navigation, "1987-1049", "dmg");
  g_assert_cmpstr (vt_viewing_get_location (viewing), ==, "dmg:1987-1049");
  vt_navigation_cancel (f->navigation);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  user_data)
{
  VtViewing *shown;
  VtViewing *loading;

  if (f->testbed == NULL)
    return;

  /* Nothing on screen: cancelling leaves nothing. */
  vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_STAM, NULL);
  g_assert_true (vt_navigation_cancel (f->navigation));
  g_assert_null (vt_navigation_get_viewing (f->navigation));

  shown = open_and_wait (f, VT_TESTBED_OBJECT_DMG);

  /* Esc while the next one loads brings back the very object shown. */
  loading = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_STAM, NULL);
  g_object_ref (loading);
  g_assert_true (vt_navigation_cancel (f->navigation));
  g_assert_true (vt_navigation_get_viewing (f->navigation) == shown);
  g_assert_cmpint (vt_viewing_get_state (loading), ==, VT_VIEWING_CANCELLED);
  g_assert_cmpstr (vt_viewing_get_title (shown), ==, "Theeservies met zilveren montuur");

  /* Whatever was under way for the cancelled one never lands. */
  for (guint i = 0; i < 100; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (vt_viewing_get_state (loading), ==, VT_VIEWING_CANCELLED);
  g_assert_null (vt_viewing_get_document (loading));
  g_object_unref (loading);

  /* Two loads in a row, then Esc: still the object shown before both. */
  vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_STAM, NULL);
  vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_HVA, NULL);
  g_assert_true (vt_navigation_cancel (f->navigation));
  g_assert_true (vt_navigation_get_viewing (f->navigation) == shown);

  /* Nothing loads: nothing to cancel. */
  g_assert_false (vt_navigation_cancel (f->navigation));
  g_assert_cmpstr (vt_history_get_current (vt_navigation_get_history (f->navigation)), ==,
                   VT_TESTBED_OBJECT_DMG);
}

static void
test_back_and_forward (Fixture       *f,
                       gconstpointer  user_data)
{
  VtHistory *history;

  if (f->testbed == NULL)
    return;

  history = vt_navigation_get_history (f->navigation);
  open_and_wait (f, VT_TESTBED_OBJECT_DMG);
  open_and_wait (f, VT_TESTBED_OBJECT_MISSING);
  open_and_wait (f, VT_TESTBED_OBJECT_STAM);
  g_assert_true (vt_history_get_can_go_back (history));
  g_assert_false (vt_history_get_can_go_forward (history));

  /* Failures are part of the way back too: that is where the user was. */
  g_assert_true (vt_navigation_go_back (f->navigation));
  wait_for (vt_navigation_get_viewing (f->navigation));
  g_assert_cmpstr (vt_viewing_get_location (vt_navigation_get_viewing (f->navigation)), ==,
                   VT_TESTBED_OBJECT_MISSING);
  g_assert_cmpint (vt_viewing_get_state (vt_navigation_get_viewing (f->navigation)), ==,
                   VT_VIEWING_FAILED);

  g_assert_true (vt_navigation_go_back (f->navigation));
  wait_for (vt_navigation_get_viewing (f->navigation));
  g_assert_cmpstr (vt_viewing_get_title (vt_navigation_get_viewing (f->navigation)), ==,
                   "Theeservies met zilveren montuur");
  g_assert_false (vt_history_get_can_go_back (history));
  g_assert_false (vt_navigation_go_back (f->navigation));

  g_assert_true (vt_navigation_go_forward (f->navigation));
  g_assert_true (vt_navigation_go_forward (f->navigation));
  wait_for (vt_navigation_get_viewing (f->navigation));
  g_assert_cmpstr (vt_viewing_get_location (vt_navigation_get_viewing (f->navigation)), ==,
                   VT_TESTBED_OBJECT_STAM);
  g_assert_false (vt_history_get_can_go_forward (history));

  /* Opening something new drops what was ahead. */
  g_assert_true (vt_navigation_go_back (f->navigation));
  wait_for (vt_navigation_get_viewing (f->navigation));
  open_and_wait (f, VT_TESTBED_OBJECT_HVA);
  g_assert_false (vt_history_get_can_go_forward (history));
}

static void
test_pages (Fixture       *f,
            gconstpointer  user_data)
{
  VtViewing *viewing;
  g_autoptr(VtPage) first = NULL;
  VtPage *second;

  if (f->testbed == NULL)
    return;

  viewing = open_and_wait (f, VT_TESTBED_OBJECT_TWO_CANVASES);
  g_assert_cmpuint (vt_viewing_get_n_canvases (viewing), ==, 2);
  first = g_object_ref (vt_viewing_get_page (viewing));
  g_assert_cmpuint (vt_page_get_index (first), ==, 0);

  /* Turning the page makes a new page: nothing of page 1 is on it. */
  vt_viewing_set_canvas_index (viewing, 1);
  second = vt_viewing_get_page (viewing);
  g_assert_true (second != first);
  g_assert_cmpuint (vt_viewing_get_canvas_index (viewing), ==, 1);
  wait_for (viewing);
  g_assert_cmpint (vt_page_get_state (second), ==, VT_PAGE_READY);

  /* Out of range: nothing changes. */
  vt_viewing_set_canvas_index (viewing, 2);
  g_assert_true (vt_viewing_get_page (viewing) == second);
}

static void
test_canvas_failures (Fixture       *f,
                      gconstpointer  user_data)
{
  VtViewing *viewing;
  VtPage *page;

  if (f->testbed == NULL)
    return;

  /* The manifest is public, the image service refuses: the viewing shows
   * the object, the page says why there is no image. */
  viewing = open_and_wait (f, VT_TESTBED_OBJECT_IMAGE_FORBIDDEN);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_MANIFEST);
  page = vt_viewing_get_page (viewing);
  g_assert_cmpint (vt_page_get_state (page), ==, VT_PAGE_FAILED);
  g_assert_nonnull (vt_page_get_error (page));
  g_assert_null (vt_page_get_source (page));

  /* Retry makes a new page that asks again. */
  vt_viewing_retry_page (viewing);
  g_assert_true (vt_viewing_get_page (viewing) != page);
  wait_for (viewing);
  g_assert_cmpint (vt_page_get_state (vt_viewing_get_page (viewing)), ==, VT_PAGE_FAILED);
}

static void
test_local_image (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  VtViewing *viewing;

  if (f->testbed == NULL)
    return;

  path = g_build_filename (vt_testbed_get_fixtures_dir (), "portrait.tif", NULL);
  viewing = open_and_wait (f, path);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_IMAGE);
  g_assert_cmpstr (vt_viewing_get_title (viewing), ==, "portrait.tif");
  g_assert_null (vt_viewing_get_manifest_url (viewing));
  g_assert_null (vt_viewing_get_web_page_url (viewing));
  g_assert_null (vt_viewing_get_manifest (viewing));
  g_assert_cmpint (vt_page_get_state (vt_viewing_get_page (viewing)), ==, VT_PAGE_READY);
}

/* Runs the main loop until the object behind @pointer (a weak pointer) is
 * finalized, and fails if it is still alive after a while: whatever work
 * it had must end, or be cancelled and end, and drop it. */
static void
assert_finalized (gpointer   *pointer,
                  const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*pointer != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  if (*pointer != NULL)
    g_error ("%s is still alive (%u references)", what, G_OBJECT (*pointer)->ref_count);
}

static void
test_replaced_finalized (Fixture       *f,
                         gconstpointer  user_data)
{
  VtViewing *viewing;
  gpointer first = NULL, first_page = NULL, first_source = NULL;
  gpointer page = NULL, loading = NULL, loading_page = NULL;

  if (f->testbed == NULL)
    return;

  /* A viewing shown, then replaced by another once that one has arrived:
   * nothing keeps it, its page or its image. */
  viewing = open_and_wait (f, VT_TESTBED_OBJECT_DMG);
  first = viewing;
  first_page = vt_viewing_get_page (viewing);
  first_source = vt_page_get_source (first_page);
  g_assert_nonnull (first_source);
  g_object_add_weak_pointer (first, &first);
  g_object_add_weak_pointer (first_page, &first_page);
  g_object_add_weak_pointer (first_source, &first_source);

  viewing = open_and_wait (f, VT_TESTBED_OBJECT_TWO_CANVASES);
  assert_finalized (&first, "The replaced viewing");
  assert_finalized (&first_page, "The replaced viewing's page");
  assert_finalized (&first_source, "The replaced viewing's image");

  /* A page turned is gone, once shown or while it still loads. */
  page = vt_viewing_get_page (viewing);
  g_object_add_weak_pointer (page, &page);
  vt_viewing_set_canvas_index (viewing, 1);
  loading_page = vt_viewing_get_page (viewing);
  g_object_add_weak_pointer (loading_page, &loading_page);
  vt_viewing_set_canvas_index (viewing, 0);
  wait_for (viewing);
  assert_finalized (&page, "A page turned away from");
  assert_finalized (&loading_page, "A page turned away from while it loaded");

  /* A load replaced by another load is cancelled, and its work, once it
   * comes back cancelled, holds nothing of it. */
  loading = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_STAM, NULL);
  g_object_add_weak_pointer (loading, &loading);
  viewing = open_and_wait (f, VT_TESTBED_OBJECT_HVA);
  g_assert_cmpint (vt_viewing_get_state (viewing), ==, VT_VIEWING_MANIFEST);
  assert_finalized (&loading, "A load replaced by another");

  /* Esc while loading: the same. */
  loading = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_ARCHIEFGENT, NULL);
  g_object_add_weak_pointer (loading, &loading);
  g_assert_true (vt_navigation_cancel (f->navigation));
  g_assert_true (vt_navigation_get_viewing (f->navigation) == viewing);
  assert_finalized (&loading, "A cancelled load");

  /* A load cancelled after its document arrived, while its page's image
   * was still being described. */
  loading = vt_navigation_open (f->navigation, VT_TESTBED_OBJECT_SPACE_IN_ID, NULL);
  g_object_add_weak_pointer (loading, &loading);
  while (vt_viewing_is_loading (loading))
    g_main_context_iteration (NULL, TRUE);
  loading_page = vt_viewing_get_page (loading);
  if (loading_page != NULL)
    g_object_add_weak_pointer (loading_page, &loading_page);
  open_and_wait (f, VT_TESTBED_OBJECT_DMG);
  assert_finalized (&loading, "A viewing replaced while its page loaded");
  assert_finalized (&loading_page, "The page of a viewing replaced while it loaded");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/navigation/open", test_open);
  ADD ("/vitrine/app/navigation/invalid-input", test_invalid_input);
  ADD ("/vitrine/app/navigation/cancel", test_cancel);
  ADD ("/vitrine/app/navigation/back-and-forward", test_back_and_forward);
  ADD ("/vitrine/app/navigation/pages", test_pages);
  ADD ("/vitrine/app/navigation/canvas-failures", test_canvas_failures);
  ADD ("/vitrine/app/navigation/local-image", test_local_image);
  ADD ("/vitrine/app/navigation/replaced-finalized", test_replaced_finalized);
#undef ADD

  return g_test_run ();
}
