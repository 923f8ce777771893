/* test-search.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/vt-application.h"
#include "app/vt-catalogue-rows.h"
#include "app/vt-window.h"
#include "catalogue/vt-catalogue-private.h"
#include "catalogue/vt-catalogue.h"
#include "vt-testbed.h"

/* The catalogue in the app, against the real test bed: the search page as
 * the user types, its organisation filter and exact numbers, what the
 * sidebar and the "no public image" page add from the catalogue, and the
 * GNOME Shell search provider over the real session bus. The catalogue is
 * the application's own (in a temporary data dir), filled through the
 * catalogue's API with records of the test bed's objects. */

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
  VtCatalogue   *catalogue;
  char          *app_id;
} Fixture;

static guint app_serial;

typedef struct
{
  const char *org;
  const char *number;
  const char *title;
  const char *maker;
  const char *role;
  const char *date;
  const char *object_type;
  const char *material;
  const char *description;
} Object;

static const Object objects[] = {
  { "dmg", "1987-1049", "Theeservies met zilveren montuur", "Hoffmann, Josef", "ontwerper", "1905",
    "theeservies", "zilver; ivoor", "Een theeservies voor een Gentse familie." },
  { "dmg", "2011-0075_0-2", "Set van twee glazen vazen", "Šípek, Bořek", "ontwerper", "1989",
    "vaas", "glas", "Twee mondgeblazen vazen." },
  { "dmg", "2008-0038_11-14", "Lepel uit een porseleinen bestekset", "Stockmans, Pieter",
    "vervaardiger", "1998/1998", "lepel", "porselein",
    "Een lepel van wit biscuitporselein, deel van een bestekset voor een tentoonstelling." },
  { "hva", "2002-078-852", "Poppenkast van Pierke met handpoppen", "Theater Taptoe", NULL, "1950",
    "poppenkast", "hout; textiel", NULL },
  { "stam", "A2005.02.364.1-2", "Gezicht op de Korenlei met de Sint-Michielsbrug", NULL, NULL,
    "1890", "foto", "papier", NULL },
};

static void
fill_catalogue (Fixture *fixture)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *service = vt_testbed_get_url (fixture->testbed, VT_TESTBED_IIP_PORTRAIT);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      VtCatalogueRecord *record = vt_catalogue_record_new ();
      const Object *o = &objects[i];

      record->org = g_strdup (o->org);
      record->object_number = g_strdup (o->number);
      record->title = g_strdup (o->title);
      record->date = g_strdup (o->date);
      record->object_type = g_strdup (o->object_type);
      record->material = g_strdup (o->material);
      record->description = g_strdup (o->description);
      record->dimensions = g_strdup ("hoogte 12 cm");
      record->collection = g_strdup ("Testcollectie");
      /* Ghent's members seldom name an image service: the others' thumbnails
       * come through their manifests. */
      record->image_service = i % 2 == 0 ? g_strdup (service) : NULL;
      record->web_url = g_strdup_printf ("https://data.collectie.gent/entity/%s:%s", o->org, o->number);
      if (o->maker != NULL)
        vt_catalogue_record_add_maker (record, o->maker, o->role);
      g_ptr_array_add (records, record);
    }

  g_assert_true (_vt_catalogue_insert_records (fixture->catalogue, records, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (fixture->testbed), TRUE);

  /* A unique name on the session bus, so that the provider can be called
   * there; a fresh catalogue file for each test. */
  fixture->app_id = g_strdup_printf ("%s.SearchTest%u.P%d", APP_ID, ++app_serial, (int) getpid ());
  fixture->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), fixture->app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  {
    /* A file of its own for each test: the previous test's catalogue may
     * still be open in a worker thread finishing its search, and a file
     * removed under it leaves its -wal and -shm behind for the next. */
    g_autofree char *name = g_strdup_printf ("catalogue-test-%d-%u.sqlite", (int) getpid (), app_serial);
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "vitrine", name, NULL);

    g_remove (path);
    fixture->catalogue = vt_catalogue_open (path, &error);
    g_assert_no_error (error);
    vt_session_set_catalogue (vt_application_get_session (fixture->app), fixture->catalogue);
  }

  fixture->window = vt_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GList *windows;

  while (fixture->app != NULL &&
         (windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    gtk_window_destroy (windows->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->catalogue);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->app_id, g_free);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
}

static void
wait_until (gboolean  (*done) (gpointer),
            gpointer    data,
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

/* The search page */

typedef struct
{
  VtSearchPage *page;
  const char   *state;
  const char   *text;
} PageWait;

static gboolean
page_settled (gpointer data)
{
  PageWait *wait = data;

  /* Settled for this text: the entry's pause is over and the answer for
   * this very text is on screen. */
  return !vt_search_page_is_searching (wait->page) &&
         g_strcmp0 (vt_search_page_get_state (wait->page), wait->state) == 0 &&
         g_strcmp0 (vt_search_page_get_text (wait->page), wait->text) == 0;
}

static void
type_and_wait (VtSearchPage *page,
               const char   *text,
               const char   *state)
{
  PageWait wait = { page, state, text };

  vt_search_page_set_text (page, text);
  wait_until (page_settled, &wait, text);
}

static gboolean
has_result (VtSearchPage *page,
            const char   *org,
            const char   *number)
{
  for (guint i = 0; i < vt_search_page_get_n_results (page); i++)
    {
      VtCatalogueRecord *record = vt_search_page_get_result (page, i);

      if (g_str_equal (record->org, org) && g_str_equal (record->object_number, number))
        return TRUE;
    }
  return FALSE;
}

static gboolean
page_is_results (gpointer data)
{
  return !vt_search_page_is_searching (data) &&
         g_strcmp0 (vt_search_page_get_state (data), "results") == 0;
}

static void
test_empty_catalogue (Fixture       *fixture,
                      gconstpointer  user_data)
{
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  page = vt_window_get_search_page (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  g_assert_cmpstr (vt_window_get_page_name (fixture->window), ==, "search");
  g_assert_cmpstr (vt_search_page_get_state (page), ==, "no-catalogue");
  g_assert_null (vt_search_page_get_updated_text (page));

  /* Typing changes nothing while there is nothing to search. */
  vt_search_page_set_text (page, "thee");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);
  g_assert_cmpstr (vt_search_page_get_state (page), ==, "no-catalogue");

  fill_catalogue (fixture);
  vt_search_page_refresh (page);
  wait_until (page_is_results, page, "results once filled");
  g_assert_true (has_result (page, "dmg", "1987-1049"));
  g_assert_nonnull (vt_search_page_get_updated_text (page));

  /* Escape leaves the search for the page it came from. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-search", NULL);
  g_assert_cmpstr (vt_window_get_page_name (fixture->window), ==, "welcome");
}

static void
test_as_you_type (Fixture       *fixture,
                  gconstpointer  user_data)
{
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);
  page = vt_window_get_search_page (fixture->window);
  vt_window_show_search (fixture->window, NULL);
  g_assert_cmpstr (vt_search_page_get_state (page), ==, "start");

  /* Each keystroke, as typed: prefixes match. */
  type_and_wait (page, "t", "results");
  type_and_wait (page, "th", "results");
  type_and_wait (page, "the", "results");
  type_and_wait (page, "thee", "results");
  g_assert_cmpuint (vt_search_page_get_n_results (page), ==, 1);
  g_assert_cmpstr (vt_search_page_get_result (page, 0)->object_number, ==, "1987-1049");

  /* Makers, and their diacritics folded. */
  type_and_wait (page, "sipek", "results");
  g_assert_true (has_result (page, "dmg", "2011-0075_0-2"));
  type_and_wait (page, "Stockmans", "results");
  g_assert_true (has_result (page, "dmg", "2008-0038_11-14"));

  type_and_wait (page, "xylofoonzzz", "no-results");
  g_assert_cmpuint (vt_search_page_get_n_results (page), ==, 0);
  type_and_wait (page, "", "start");
}

static gboolean
thumbnails_loaded (gpointer data)
{
  return vt_search_page_get_n_thumbnails (data) == 3;
}

static void
test_thumbnails (Fixture       *fixture,
                 gconstpointer  user_data)
{
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);
  page = vt_window_get_search_page (fixture->window);
  vt_window_show_search (fixture->window, NULL);
  type_and_wait (page, "met", "results");
  g_assert_cmpuint (vt_search_page_get_n_results (page), ==, 3);
  /* Loaded once the rows are on screen: from the record's image service
   * (dmg, stam), or through the manifest (hva), through the session. */
  wait_until (thumbnails_loaded, page, "the thumbnails");
}

static void
test_organisation_filter (Fixture       *fixture,
                          gconstpointer  user_data)
{
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);
  page = vt_window_get_search_page (fixture->window);
  vt_window_show_search (fixture->window, NULL);

  type_and_wait (page, "met", "results");
  g_assert_true (has_result (page, "dmg", "1987-1049"));
  g_assert_true (has_result (page, "hva", "2002-078-852"));
  g_assert_true (has_result (page, "stam", "A2005.02.364.1-2"));

  /* The filter searches again by itself. */
  vt_search_page_set_organisation (page, "hva");
  g_assert_cmpstr (vt_search_page_get_organisation (page), ==, "hva");
  {
    PageWait wait = { page, "results", "met" };

    wait_until (page_settled, &wait, "filtered results");
  }
  g_assert_cmpuint (vt_search_page_get_n_results (page), ==, 1);
  g_assert_true (has_result (page, "hva", "2002-078-852"));

  vt_search_page_set_organisation (page, "stam");
  type_and_wait (page, "theeservies", "no-results");

  vt_search_page_set_organisation (page, NULL);
  g_assert_null (vt_search_page_get_organisation (page));
  type_and_wait (page, "theeservies", "results");
}

static gboolean
window_is_viewing (gpointer data)
{
  return g_strcmp0 (vt_window_get_state_name (data), "loading") != 0 &&
         g_strcmp0 (vt_window_get_state_name (data), "welcome") != 0;
}

static void
test_exact_number (Fixture       *fixture,
                   gconstpointer  user_data)
{
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);
  page = vt_window_get_search_page (fixture->window);

  /* An object id opens at once, even one the catalogue does not know. */
  vt_window_show_search (fixture->window, "dmg:2011-0075_0-2");
  vt_search_page_activate (page);
  g_assert_cmpstr (vt_window_get_input (fixture->window), ==, "dmg:2011-0075_0-2");
  wait_until (window_is_viewing, fixture->window, "the object");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  g_assert_cmpstr (vt_window_get_page_name (fixture->window), ==, "viewer");

  /* A bare number the catalogue knows, with Enter straight after typing:
   * before the entry's pause is over. */
  vt_window_show_search (fixture->window, "1987-1049");
  vt_search_page_activate (page);
  g_assert_cmpstr (vt_window_get_input (fixture->window), ==, "dmg:1987-1049");
  wait_until (window_is_viewing, fixture->window, "the object by number");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");

  /* Otherwise Enter opens the first result. */
  vt_window_show_search (fixture->window, NULL);
  type_and_wait (page, "poppenkast", "results");
  vt_search_page_activate (page);
  g_assert_cmpstr (vt_window_get_input (fixture->window), ==, "hva:2002-078-852");
}

/* Enrichment */

static gboolean
rows_contain (VtWindow   *window,
              const char *text)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (vt_window_get_metadata_view (window));

  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    if (strstr (rows[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
shows_hoffmann (gpointer data)
{
  return rows_contain (data, "Hoffmann, Josef (ontwerper)");
}

static gboolean
shows_sipek (gpointer data)
{
  return rows_contain (data, "Šípek, Bořek (ontwerper)");
}

static gboolean
not_loading (gpointer data)
{
  return g_strcmp0 (vt_window_get_state_name (data), "loading") != 0;
}

static void
test_enriched_sidebar (Fixture       *fixture,
                       gconstpointer  user_data)
{
  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);

  vt_window_open_input (fixture->window, "dmg:1987-1049");
  wait_until (shows_hoffmann, fixture->window, "the catalogue's maker");
  g_assert_true (rows_contain (fixture->window, "1905"));
  g_assert_true (rows_contain (fixture->window, "theeservies"));
  g_assert_true (rows_contain (fixture->window, "zilver; ivoor"));
  g_assert_true (rows_contain (fixture->window, "hoogte 12 cm"));
  g_assert_true (rows_contain (fixture->window, "Testcollectie"));
  g_assert_true (rows_contain (fixture->window, "1987-1049"));

  /* Another object: the previous record is gone at once, before the new
   * one's lookup is back. */
  vt_window_open_input (fixture->window, "dmg:2011-0075_0-2");
  g_assert_false (shows_hoffmann (fixture->window));
  wait_until (shows_sipek, fixture->window, "the second object's maker");
  g_assert_false (shows_hoffmann (fixture->window));

  /* An object the catalogue does not know shows none. */
  vt_window_open_input (fixture->window, "industriemuseum:V35236-001");
  wait_until (not_loading, fixture->window, "the third object");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "viewer");
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  g_assert_false (shows_sipek (fixture->window));
  g_assert_false (rows_contain (fixture->window, "ontwerper"));
}

static gboolean
error_page_enriched (gpointer data)
{
  g_autofree char *text = vt_error_page_get_catalogue_text (vt_window_get_error_page (data));

  return text != NULL && strstr (text, "Stockmans") != NULL;
}

static void
test_enriched_not_public (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *text = NULL;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);

  vt_window_open_input (fixture->window, "dmg:2008-0038_11-14");
  wait_until (not_loading, fixture->window, "the 403");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "not-public");
  wait_until (error_page_enriched, fixture->window, "the catalogue on the 403 page");
  text = vt_error_page_get_catalogue_text (vt_window_get_error_page (fixture->window));
  g_assert_nonnull (strstr (text, "Lepel uit een porseleinen bestekset"));
  g_assert_nonnull (strstr (text, "Stockmans, Pieter (vervaardiger) · 1998/1998"));
  g_assert_nonnull (strstr (text, "biscuitporselein"));
  /* The public web page is the first thing offered. */
  g_assert_cmpstr (vt_error_page_get_primary_action (vt_window_get_error_page (fixture->window)),
                   ==, "win.open-web-page");

  /* Another failure is not this object's. */
  vt_window_open_input (fixture->window, "dmg:2099-0001");
  wait_until (not_loading, fixture->window, "the 404");
  g_assert_cmpstr (vt_window_get_state_name (fixture->window), ==, "not-found");
  g_assert_null (vt_error_page_get_catalogue_text (vt_window_get_error_page (fixture->window)));
}

/* The GNOME Shell search provider, over the real session bus */

static gboolean
thumbnails_loaded_1 (gpointer data)
{
  return vt_search_page_get_n_thumbnails (data) == 1;
}

static gboolean
thumbnail_kept (gpointer data)
{
  g_autofree char *path = vt_catalogue_dup_thumbnail_cache_path ("dmg:1987-1049");

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Reply;

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reply *reply = user_data;

  reply->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &reply->error);
  reply->done = TRUE;
}

static gboolean
reply_done (gpointer data)
{
  return ((Reply *) data)->done;
}

/* Calls the provider as GNOME Shell does: from another connection, by the
 * application's well-known name. The application answers in this process,
 * so the main loop must run meanwhile. */
static GVariant *
call_provider (Fixture    *fixture,
               GDBusConnection *connection,
               const char *method,
               GVariant   *parameters,
               const char *reply_type)
{
  g_autofree char *path = g_strdup_printf ("/%s/SearchProvider", fixture->app_id);
  Reply reply = { NULL, NULL, FALSE };

  g_strdelimit (path, ".", '/');
  g_dbus_connection_call (connection, fixture->app_id, path, "org.gnome.Shell.SearchProvider2",
                          method, parameters, G_VARIANT_TYPE (reply_type),
                          G_DBUS_CALL_FLAGS_NONE, 30000, NULL, call_done_cb, &reply);
  wait_until (reply_done, &reply, method);
  g_assert_no_error (reply.error);

  return reply.reply;
}

static VtWindow *
find_window_with_input (Fixture    *fixture,
                        const char *input)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (VT_IS_WINDOW (l->data) && g_strcmp0 (vt_window_get_input (l->data), input) == 0)
      return l->data;
  return NULL;
}

static void
test_search_provider (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GDBusConnection) shell = NULL;
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autoptr(GVariant) none = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **ids = NULL;
  const char *name = NULL;
  const char *description = NULL;
  VtSearchPage *page;

  if (fixture->testbed == NULL)
    return;

  fill_catalogue (fixture);

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  shell = g_dbus_connection_new_for_address_sync (address,
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);

  results = call_provider (fixture, shell, "GetInitialResultSet",
                           g_variant_new ("(^as)", (const char *[]) { "thee", NULL }), "(as)");
  g_variant_get (results, "(^a&s)", &ids);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "dmg:1987-1049");
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&results, g_variant_unref);

  /* Makers and numbers are found too; a subsearch narrows. */
  results = call_provider (fixture, shell, "GetSubsearchResultSet",
                           g_variant_new ("(^as^as)", (const char *[]) { "dmg:1987-1049", NULL },
                                          (const char *[]) { "sipek", NULL }), "(as)");
  g_variant_get (results, "(^a&s)", &ids);
  g_assert_true (g_strv_contains (ids, "dmg:2011-0075_0-2"));
  g_clear_pointer (&ids, g_free);

  none = call_provider (fixture, shell, "GetInitialResultSet",
                        g_variant_new ("(^as)", (const char *[]) { "xylofoonzzz", NULL }), "(as)");
  g_assert_cmpuint (g_variant_n_children (g_variant_get_child_value (none, 0)), ==, 0);

  /* Earlier tests showed its thumbnail: start without. */
  {
    g_autofree char *kept = vt_catalogue_dup_thumbnail_cache_path ("dmg:1987-1049");

    g_remove (kept);
  }
  metas = call_provider (fixture, shell, "GetResultMetas",
                         g_variant_new ("(^as)", (const char *[]) { "dmg:1987-1049", NULL }),
                         "(aa{sv})");
  g_assert_cmpuint (g_variant_n_children (g_variant_get_child_value (metas, 0)), ==, 1);
  meta = g_variant_get_child_value (g_variant_get_child_value (metas, 0), 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "Theeservies met zilveren montuur");
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_nonnull (strstr (description, "Hoffmann, Josef"));
  g_assert_nonnull (strstr (description, "1987-1049"));
  {
    g_autoptr(GVariant) icon_data = g_variant_lookup_value (meta, "icon", NULL);
    g_autoptr(GIcon) icon = icon_data ? g_icon_deserialize (icon_data) : NULL;

    /* Not shown yet: the application's icon. */
    g_assert_true (G_IS_THEMED_ICON (icon));
  }

  /* Once the search page has shown its thumbnail, the shell gets it. */
  {
    VtSearchPage *search = vt_window_get_search_page (fixture->window);
    g_autoptr(GVariant) again = NULL;
    g_autoptr(GVariant) meta_again = NULL;
    g_autoptr(GVariant) icon_data = NULL;
    g_autoptr(GIcon) icon = NULL;
    g_autofree char *path = NULL;

    vt_window_show_search (fixture->window, NULL);
    type_and_wait (search, "theeservies", "results");
    wait_until (thumbnails_loaded_1, search, "the thumbnail");
    wait_until (thumbnail_kept, NULL, "the thumbnail kept");

    again = call_provider (fixture, shell, "GetResultMetas",
                           g_variant_new ("(^as)", (const char *[]) { "dmg:1987-1049", NULL }),
                           "(aa{sv})");
    meta_again = g_variant_get_child_value (g_variant_get_child_value (again, 0), 0);
    icon_data = g_variant_lookup_value (meta_again, "icon", NULL);
    icon = g_icon_deserialize (icon_data);
    g_assert_true (G_IS_FILE_ICON (icon));
    path = g_file_get_path (g_file_icon_get_file (G_FILE_ICON (icon)));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  /* Activating a result opens Vitrine on that object. */
  g_clear_pointer (&results, g_variant_unref);
  results = call_provider (fixture, shell, "ActivateResult",
                           g_variant_new ("(s^asu)", "dmg:2011-0075_0-2",
                                          (const char *[]) { "sipek", NULL }, 0), "()");
  g_assert_nonnull (find_window_with_input (fixture, "dmg:2011-0075_0-2"));
  wait_until (window_is_viewing, find_window_with_input (fixture, "dmg:2011-0075_0-2"), "the object");

  /* More results: the search page with the shell's terms. */
  g_clear_pointer (&results, g_variant_unref);
  results = call_provider (fixture, shell, "LaunchSearch",
                           g_variant_new ("(^asu)", (const char *[]) { "glazen", "vazen", NULL }, 0),
                           "()");
  fixture->window = VT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  page = vt_window_get_search_page (fixture->window);
  g_assert_cmpstr (vt_window_get_page_name (fixture->window), ==, "search");
  g_assert_cmpstr (vt_search_page_get_text (page), ==, "glazen vazen");
  wait_until (page_is_results, page, "the shell's search");
  g_assert_true (has_result (page, "dmg", "2011-0075_0-2"));
}

/* The desktop file's actions are the application's own actions: with
 * DBusActivatable the shell activates them by name. */
static void
test_desktop_actions (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;

  if (fixture->testbed == NULL)
    return;

  path = g_test_build_filename (G_TEST_BUILT, "..", "data", APP_ID ".desktop", NULL);
  g_key_file_load_from_file (desktop, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  actions = g_key_file_get_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP, "Actions", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      const GVariantType *type = NULL;
      gboolean enabled = FALSE;

      g_assert_true (g_action_group_query_action (G_ACTION_GROUP (fixture->app), actions[i],
                                                  &enabled, &type, NULL, NULL, NULL));
      g_assert_true (enabled);
      g_assert_null (type);
    }

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "search", NULL);
  g_assert_cmpstr (vt_window_get_page_name (fixture->window), ==, "search");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  g_autofree char *data_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* A cache and a data dir of our own: no earlier run answers for the
   * test bed, and the user's catalogue is never touched. */
  cache_dir = g_dir_make_tmp ("vitrine-search-test-XXXXXX", NULL);
  data_dir = g_dir_make_tmp ("vitrine-search-data-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the search tests");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/search/empty-catalogue", test_empty_catalogue);
  ADD ("/vitrine/app/search/as-you-type", test_as_you_type);
  ADD ("/vitrine/app/search/thumbnails", test_thumbnails);
  ADD ("/vitrine/app/search/organisation-filter", test_organisation_filter);
  ADD ("/vitrine/app/search/exact-number", test_exact_number);
  ADD ("/vitrine/app/search/enriched-sidebar", test_enriched_sidebar);
  ADD ("/vitrine/app/search/enriched-not-public", test_enriched_not_public);
  ADD ("/vitrine/app/search/search-provider", test_search_provider);
  ADD ("/vitrine/app/search/desktop-actions", test_desktop_actions);
#undef ADD

  return g_test_run ();
}
