/* test-catalogue-preferences.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gstdio.h>

#include "app/vt-application.h"
#include "app/vt-catalogue-preferences.h"
#include "app/vt-window.h"
#include "app/vt-session.h"
#include "catalogue/vt-catalogue.h"
#include "vt-testbed.h"

/* The catalogue's preferences page syncs the organisations chosen from the
 * test bed's LDES streams (VITRINE_GHENT_LDES stands in for Ghent's), in
 * the background, with progress, and can be cancelled. */

typedef struct
{
  VtTestbed   *testbed;
  VtClient    *client;
  VtSession   *session;
  VtCatalogue *catalogue;
  GSettings   *settings;
  GtkWidget   *window;
  VtCataloguePreferences *page;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *path = NULL;

  fixture->testbed = vt_testbed_start_or_skip ();
  if (fixture->testbed == NULL)
    return;

  g_setenv (VT_SESSION_LDES_ENV, vt_testbed_get_base_url (fixture->testbed), TRUE);

  fixture->dir = g_dir_make_tmp ("vitrine-catalogue-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  cache = g_build_filename (fixture->dir, "http", NULL);
  path = g_build_filename (fixture->dir, "catalogue.sqlite", NULL);

  fixture->client = vt_client_new (cache);
  fixture->session = vt_session_new (fixture->client);
  fixture->catalogue = vt_catalogue_open (path, &error);
  g_assert_no_error (error);
  vt_session_set_catalogue (fixture->session, fixture->catalogue);

  fixture->settings = g_settings_new (BASE_APP_ID);
  g_settings_reset (fixture->settings, "catalogue-organisations");

  fixture->page = VT_CATALOGUE_PREFERENCES (vt_catalogue_preferences_new (fixture->session,
                                                                         fixture->settings));
  fixture->window = adw_preferences_window_new ();
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window),
                              ADW_PREFERENCES_PAGE (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer ((GtkWindow **) &fixture->window, gtk_window_destroy);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalogue);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->testbed, vt_testbed_free);
  g_free (fixture->dir);
}

static guint64
count_objects (Fixture    *fixture,
               const char *org)
{
  g_autoptr(GPtrArray) orgs = vt_catalogue_list_orgs (fixture->catalogue, NULL);

  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      VtCatalogueOrgInfo *info = g_ptr_array_index (orgs, i);

      if (g_str_equal (info->org, org))
        return info->objects;
    }
  return 0;
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *chosen[] = { "hva", NULL };
  gint64 deadline;
  guint turns = 0;
  double last_fraction = 0;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (fixture->testbed == NULL)
    return;

  subtitle = vt_catalogue_preferences_dup_org_subtitle (fixture->page, "hva");
  g_assert_cmpstr (subtitle, ==, "Not on this computer");
  g_clear_pointer (&subtitle, g_free);

  g_settings_set_strv (fixture->settings, "catalogue-organisations", chosen);
  vt_catalogue_preferences_sync (fixture->page);
  g_assert_true (vt_catalogue_preferences_is_syncing (fixture->page));

  /* The main loop turns all along: the harvest never holds it. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (vt_catalogue_preferences_is_syncing (fixture->page))
    {
      double fraction = vt_catalogue_preferences_get_fraction (fixture->page);

      g_assert_cmpfloat (fraction, >=, last_fraction);
      last_fraction = fraction;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      turns++;
    }
  g_assert_cmpuint (turns, >, 10);

  g_assert_cmpfloat (vt_catalogue_preferences_get_fraction (fixture->page), ==, 1.0);
  g_assert_null (strstr (vt_catalogue_preferences_get_status_text (fixture->page), "stopped"));
  g_assert_cmpuint (count_objects (fixture, "hva"), ==, 2000);
  g_assert_cmpuint (count_objects (fixture, "dmg"), ==, 0);

  subtitle = vt_catalogue_preferences_dup_org_subtitle (fixture->page, "hva");
  g_assert_true (g_str_has_prefix (subtitle, "2000 objects, synced "));

  /* The test bed's objects are among them, searchable. */
  found = vt_catalogue_search (fixture->catalogue, "poppenkast", "hva", 10, NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, >=, 1);

  /* An organisation no longer chosen leaves the catalogue at the next sync. */
  g_settings_set_strv (fixture->settings, "catalogue-organisations", NULL);
  vt_catalogue_preferences_sync (fixture->page);
  while (vt_catalogue_preferences_is_syncing (fixture->page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_objects (fixture, "hva"), ==, 0);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *chosen[] = { "dmg", "industriemuseum", NULL };

  if (fixture->testbed == NULL)
    return;

  g_settings_set_strv (fixture->settings, "catalogue-organisations", chosen);
  vt_catalogue_preferences_sync (fixture->page);
  g_assert_true (vt_catalogue_preferences_is_syncing (fixture->page));
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  vt_catalogue_preferences_cancel (fixture->page);
  while (vt_catalogue_preferences_is_syncing (fixture->page))
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (strstr (vt_catalogue_preferences_get_status_text (fixture->page), "cancelled"));
  g_assert_cmpfloat (vt_catalogue_preferences_get_fraction (fixture->page), <, 1.0);
  g_assert_cmpuint (count_objects (fixture, "industriemuseum"), ==, 0);
}

/* What the catalogue holds before anyone chose (synced by the command
 * line) is kept, not thrown away by the first sync. */
static void
test_adopt_synced (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *chosen[] = { "stam", NULL };
  GtkWidget *page;
  g_auto(GStrv) adopted = NULL;

  if (fixture->testbed == NULL)
    return;

  g_settings_set_strv (fixture->settings, "catalogue-organisations", chosen);
  vt_catalogue_preferences_sync (fixture->page);
  while (vt_catalogue_preferences_is_syncing (fixture->page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_objects (fixture, "stam"), >, 0);

  g_settings_reset (fixture->settings, "catalogue-organisations");
  page = vt_catalogue_preferences_new (fixture->session, fixture->settings);
  g_object_ref_sink (page);
  adopted = g_settings_get_strv (fixture->settings, "catalogue-organisations");
  g_assert_cmpstrv (adopted, chosen);
  g_object_unref (page);
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

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

/* A damaged catalogue is found at startup, and replaced only after the
 * user says so. */
static void
test_damaged_catalogue (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "vitrine", NULL);
  g_autofree char *path = g_build_filename (dir, "catalogue.sqlite", NULL);
  g_autofree char *app_id = g_strdup_printf ("%s.SearchDamaged.P%d", APP_ID, (int) getpid ());
  g_autoptr(VtApplication) app = vt_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  AdwMessageDialog *dialog;
  VtWindow *window;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "This is not an SQLite database, whatever it says. "
                                      "SQLite format 3\n", -1, &error));

  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (vt_session_get_catalogue (vt_application_get_session (app)));

  window = vt_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (has_dialog, NULL, "the question");
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "rebuild");

  g_assert_nonnull (vt_session_get_catalogue (vt_application_get_session (app)));
  orgs = vt_catalogue_list_orgs (vt_session_get_catalogue (vt_application_get_session (app)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The damaged catalogue is written where the application looks. */
  data_dir = g_dir_make_tmp ("vitrine-catalogue-prefs-data-XXXXXX", NULL);
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the catalogue preferences tests");
      return 77;
    }
  adw_init ();

  g_test_add ("/vitrine/app/catalogue-preferences/sync", Fixture, NULL,
              fixture_set_up, test_sync, fixture_tear_down);
  g_test_add ("/vitrine/app/catalogue-preferences/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/vitrine/app/catalogue-preferences/adopt-synced", Fixture, NULL,
              fixture_set_up, test_adopt_synced, fixture_tear_down);
  g_test_add_func ("/vitrine/app/catalogue-preferences/damaged-catalogue", test_damaged_catalogue);

  return g_test_run ();
}
