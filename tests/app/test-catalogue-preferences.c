/* test-catalogue-preferences.c
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

#include "app/vt-catalogue-preferences.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

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

  return g_test_run ();
}
