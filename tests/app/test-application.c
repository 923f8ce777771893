/* test-application.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "app/vt-application.h"
#include "app/vt-canvas-pane.h"
#include "app/vt-preferences-window.h"
#include "app/vt-window.h"
#include "canvas/vt-image-view.h"

static const char *vitrine_path;

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { vitrine_path, "--version", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, expected);
}

static void
test_help_mentions_inputs (void)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { vitrine_path, "--help", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "OBJECT-NUMBER|URL|FILE"));
  g_assert_nonnull (strstr (out, "--version"));
}

static VtApplication *
new_local_application (void)
{
  static guint serial;
  VtApplication *app = vt_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);

  /* A unit test must not meet a running Vitrine on the bus, nor the
   * application object an earlier test left exported. */
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
test_window_welcome (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (VT_IS_WINDOW (window));
  g_assert_cmpstr (vt_window_get_page_name (VT_WINDOW (window)), ==, "welcome");
  g_assert_null (vt_window_get_input (VT_WINDOW (window)));

  /* The welcome page's examples open through the window's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-input", "s", "  dmg:1987-1049 ");
  g_assert_cmpstr (vt_window_get_input (VT_WINDOW (window)), ==, "dmg:1987-1049");

  gtk_window_destroy (window);
}

static void
test_window_remembers_size (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GSettings *settings = vt_application_get_settings (app);
  VtWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = vt_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  /* Only a realised window is closed; an unrealised one has nothing to save. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A window opened afterwards starts at the remembered size. */
  window = vt_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GSettings *settings = vt_application_get_settings (app);
  VtPreferencesWindow *preferences = vt_preferences_window_new (NULL, settings);
  GtkSpinButton *connections;
  GtkEditable *api;

  connections = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                VT_TYPE_PREFERENCES_WINDOW,
                                                                "connections_spin"));
  api = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     VT_TYPE_PREFERENCES_WINDOW, "api_row"));

  /* The rows show the settings, and write them back. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (connections), ==, 6);
  gtk_spin_button_set_value (connections, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "connections-per-host"), ==, 3);
  g_assert_cmpuint (vt_client_get_max_conns_per_host (vt_application_get_client (app)), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (api), ==, "https://api.collectie.gent");

  /* Only an http(s) address is applied; a trailing slash is dropped. */
  gtk_editable_set_text (api, "file:///etc/passwd");
  g_signal_emit_by_name (api, "apply");
  assert_setting (settings, "api-base-url", "https://api.collectie.gent");
  gtk_editable_set_text (api, " http://127.0.0.1:8080/ ");
  g_signal_emit_by_name (api, "apply");
  assert_setting (settings, "api-base-url", "http://127.0.0.1:8080");

  /* Empty means back to Ghent's own address. */
  gtk_editable_set_text (api, "");
  g_signal_emit_by_name (api, "apply");
  assert_setting (settings, "api-base-url", "https://api.collectie.gent");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "connections-per-host");
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Issue 13: the window opened with the address selected, so that one key
 * press replaced it. */
static void
test_preferences_not_selected (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  VtPreferencesWindow *preferences;
  GtkEditable *api;
  GtkWidget *focus;

  preferences = vt_preferences_window_new (NULL, vt_application_get_settings (app));
  api = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     VT_TYPE_PREFERENCES_WINDOW, "api_row"));
  gtk_window_present (GTK_WINDOW (preferences));
  iterate_until (window_is_active, preferences, 10);
  /* Long enough for the header to settle: the page switcher gives way to
   * the title after the first layout, which moves the focus on. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }

  focus = gtk_window_get_focus (GTK_WINDOW (preferences));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (api)));
  g_assert_false (gtk_editable_get_selection_bounds (api, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Issue 13: with VITRINE_GHENT_API set, the window showed the default
 * address, which was not the one in use. */
static void
test_preferences_overridden (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GSettings *settings = vt_application_get_settings (app);
  VtPreferencesWindow *preferences;
  GtkEditable *api;
  AdwPreferencesGroup *group;

  g_setenv ("VITRINE_GHENT_API", "http://127.0.0.1:9/ghent/", TRUE);
  preferences = vt_preferences_window_new (NULL, settings);
  api = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     VT_TYPE_PREFERENCES_WINDOW, "api_row"));
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                VT_TYPE_PREFERENCES_WINDOW,
                                                                "api_group"));

  g_assert_cmpstr (gtk_editable_get_text (api), ==, "http://127.0.0.1:9/ghent");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (api)));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "VITRINE_GHENT_API"));
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Without it, the setting shows, and can be changed. */
  g_unsetenv ("VITRINE_GHENT_API");
  preferences = vt_preferences_window_new (NULL, settings);
  api = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     VT_TYPE_PREFERENCES_WINDOW, "api_row"));
  g_assert_cmpstr (gtk_editable_get_text (api), ==, "https://api.collectie.gent");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (api)));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
find_text (GtkWidget  *widget,
           const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_label (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_text (child, text))
      return TRUE;
  return FALSE;
}

/* Issue 13: the credits were English only and did not name the
 * collection whose objects the application shows. */
static gboolean
search_option_check_cb (gpointer data)
{
  VtApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (VT_IS_WINDOW (window));
  g_assert_cmpstr (vt_window_get_page_name (VT_WINDOW (window)), ==, "search");
  g_assert_cmpstr (vt_search_page_get_text (vt_window_get_search_page (VT_WINDOW (window))),
                   ==, "stoel Stockmans");
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/* `vitrine --search WORDS` searches for the words; it does not open them
 * as an object number. */
static void
test_search_option (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  const char *argv[] = { "vitrine", "--search", "stoel", "Stockmans", NULL };

  g_timeout_add (300, search_option_check_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 4, (char **) argv), ==, 0);
}

static void
test_about (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GtkWindow *window;
  AdwAboutWindow *about = NULL;
  const char * const *developers;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_ABOUT_WINDOW (l->data))
        about = l->data;
  }
  g_assert_nonnull (about);

  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, adw_about_window_get_developer_name (about));
  g_assert_true (find_text (GTK_WIDGET (about), "Collectie van de Gent"));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (window);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Issue 13: Ctrl+? printed "GtkLabel … reported min width -3" twice, as
 * the shortcuts were split into two pages. Warnings are fatal here. */
static void
test_shortcuts_window (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GtkWindow *window;
  GtkWindow *shortcuts;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (shortcuts);
  iterate_until (widget_is_mapped, shortcuts, 10);
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }

  gtk_window_destroy (shortcuts);
  gtk_window_destroy (window);
}

static void
iterate_for (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The middle of the canvas's left edge, as last drawn on screen. */
static guint32
canvas_edge_pixel (GtkWidget    *view,
                   GdkPaintable *paintable)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  g_autofree guchar *pixels = g_malloc (width * height * 4);

  /* What the window drew, once it has drawn the change. */
  gtk_widget_queue_draw (view);
  iterate_for (300);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* An empty canvas draws nothing at all. */
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (view)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, width * 4);
  return *(guint32 *) (pixels + (height / 2) * width * 4 + 4);
}

/* Issue 13: the canvas takes the keyboard, and must show that it has the
 * focus when it got it from the keyboard. */
static void
test_canvas_focus_ring (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = vt_image_view_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  guint32 plain, focused;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 150);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, view, 10);

  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_true (gtk_widget_grab_focus (view));
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  plain = canvas_edge_pixel (view, paintable);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_get_state_flags (view) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  focused = canvas_edge_pixel (view, paintable);
  g_assert_cmphex (plain, !=, focused);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 13: a screen reader hears the canvas's zoom, and hears it change
 * once the zoom rests. */
static void
test_canvas_zoom_described (void)
{
  g_autoptr(VtApplication) app = new_local_application ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = g_object_new (VT_TYPE_CANVAS_PANE, NULL);
  VtImageView *view = vt_canvas_pane_get_image_view (VT_CANVAS_PANE (pane));
  VtViewport *viewport = vt_image_view_get_viewport (view);
  g_autofree char *expected = NULL;
  char *failure;

  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, pane, 10);

  vt_viewport_set_image_size (viewport, 4000, 3000);
  vt_viewport_set_size (viewport, 400, 300);
  vt_viewport_set_zoom (viewport, 0.5);
  iterate_for (400);

  expected = g_strdup_printf ("Zoom %d %%. Arrow keys move, plus and minus zoom, 0 fits, "
                              "1 shows actual size.",
                              (int) round (vt_viewport_get_zoom (viewport) * 100));
  g_assert_true (strstr (expected, "Zoom 50 %") != NULL);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (failure);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  VtApplication *app;
  const char    *expected;
  gboolean       exited;
  gboolean       success;
} RemoteData;

static void
remote_exited_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RemoteData *data = user_data;

  data->success = g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, NULL);
  data->exited = TRUE;
}

static gboolean
remote_done (gpointer user_data)
{
  RemoteData *data = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data->app));

  return window != NULL &&
         g_strcmp0 (vt_window_get_input (VT_WINDOW (window)), data->expected) == 0 &&
         data->exited;
}

/* A second launch hands its arguments to the running instance over D-Bus
 * and exits: this test process is the running instance. */
static void
test_single_instance (void)
{
  g_autoptr(VtApplication) app = vt_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) remote = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *file_uri = NULL;
  RemoteData data;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run under dbus-run-session");
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  if (g_application_get_is_remote (G_APPLICATION (app)))
    {
      g_test_skip ("Another Vitrine owns the bus name");
      return;
    }
  g_application_hold (G_APPLICATION (app));

  remote = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                             vitrine_path, "dmg:1987-1049", NULL);
  g_assert_no_error (error);
  data = (RemoteData) { app, "dmg:1987-1049", FALSE, FALSE };
  g_subprocess_wait_check_async (remote, NULL, remote_exited_cb, &data);
  iterate_until (remote_done, &data, 30);
  g_assert_true (data.success);
  g_clear_object (&remote);

  /* A file given by a relative path reaches the running instance as a URI,
   * resolved against the remote's working directory, not ours. */
  tmpdir = g_dir_make_tmp ("vitrine-XXXXXX", &error);
  g_assert_no_error (error);
  file_path = g_build_filename (tmpdir, "manifest.json", NULL);
  g_file_set_contents (file_path, "{}", -1, &error);
  g_assert_no_error (error);
  file_uri = g_filename_to_uri (file_path, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

    g_subprocess_launcher_set_cwd (launcher, tmpdir);
    remote = g_subprocess_launcher_spawn (launcher, &error, vitrine_path, "manifest.json", NULL);
    g_assert_no_error (error);
  }
  data = (RemoteData) { app, file_uri, FALSE, FALSE };
  g_subprocess_wait_check_async (remote, NULL, remote_exited_cb, &data);
  iterate_until (remote_done, &data, 30);
  g_assert_true (data.success);

  g_unlink (file_path);
  g_rmdir (tmpdir);
  g_application_release (G_APPLICATION (app));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  vitrine_path = g_getenv ("VITRINE_BINARY");
  g_assert_nonnull (vitrine_path);

  /* GTK's test accessibility backend, which keeps what the application
   * tells a screen reader for gtk_test_accessible_check_property(). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the window tests");
      g_test_add_func ("/vitrine/app/version", test_version);
      g_test_add_func ("/vitrine/app/help", test_help_mentions_inputs);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/vitrine/app/version", test_version);
  g_test_add_func ("/vitrine/app/help", test_help_mentions_inputs);
  g_test_add_func ("/vitrine/app/window/welcome", test_window_welcome);
  g_test_add_func ("/vitrine/app/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/vitrine/app/preferences", test_preferences);
  g_test_add_func ("/vitrine/app/preferences/not-selected", test_preferences_not_selected);
  g_test_add_func ("/vitrine/app/preferences/overridden", test_preferences_overridden);
  g_test_add_func ("/vitrine/app/about", test_about);
  g_test_add_func ("/vitrine/app/search-option", test_search_option);
  g_test_add_func ("/vitrine/app/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/vitrine/app/canvas-focus-ring", test_canvas_focus_ring);
  g_test_add_func ("/vitrine/app/canvas-zoom-described", test_canvas_zoom_described);
  g_test_add_func ("/vitrine/app/single-instance", test_single_instance);

  return g_test_run ();
}
