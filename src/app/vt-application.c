/* vt-application.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-application"

#include "config.h"

#include <glib/gi18n.h>
#if defined (__GLIBC__)
#include <malloc.h>
#endif

#include "net/vt-client.h"
#include "net/vt-loader.h"
#include "net/vt-service-cache.h"

#include "vt-application.h"
#include "vt-client-fetcher.h"
#include "catalogue/vt-catalogue.h"

#include "vt-catalogue-preferences.h"
#include "vt-preferences-window.h"
#include "vt-search-provider.h"
#include "vt-session.h"
#include "vt-window.h"

struct _VtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  VtClient       *client;
  VtSession      *session;
  VtSearchProvider *search_provider;

  /* A catalogue file found damaged at startup, until the user is asked. */
  char           *damaged_catalogue;
};

G_DEFINE_FINAL_TYPE (VtApplication, vt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "new-window", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open a new window"), NULL },
  { "search", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Search the catalogue"), NULL },
  { "compare", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the objects side by side"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    NULL, N_("[OBJECT-NUMBER|URL|FILE…]") },
  { NULL }
};

static VtWindow *
vt_application_get_or_create_window (VtApplication *self,
                                     gboolean       force_new)
{
  GtkWindow *window = NULL;

  if (!force_new)
    window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (vt_window_new (self));

  return VT_WINDOW (window);
}

/* An argument names a local file only when it exists there: object numbers
 * such as "dmg:1987-1049" and URLs are passed on as text, so that the window
 * decides what they mean. */
static char *
resolve_argument (GApplicationCommandLine *command_line,
                  const char              *arg)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *scheme = g_uri_parse_scheme (arg);

  if (scheme != NULL)
    return g_strdup (arg);

  file = g_application_command_line_create_file_for_arg (command_line, arg);
  if (g_file_is_native (file) && g_file_query_exists (file, NULL))
    return g_file_get_uri (file);

  return g_strdup (arg);
}

static int
vt_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (vt_application_parent_class)->handle_local_options (app, options);
}

static int
vt_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  VtApplication *self = VT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **remaining = NULL;
  gboolean new_window = g_variant_dict_contains (options, "new-window");
  VtWindow *window;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &remaining);

  window = vt_application_get_or_create_window (self, new_window);

  /* `vitrine --search chair Stockmans` searches for those words, as the
   * desktop's "Search the Catalogue" would, rather than opening them. */
  if (g_variant_dict_contains (options, "search"))
    {
      g_autofree char *terms = remaining != NULL ? g_strjoinv (" ", (char **) remaining) : NULL;

      vt_window_show_search (window, terms != NULL && *terms != '\0' ? terms : NULL);
      gtk_window_present (GTK_WINDOW (window));
      return 0;
    }

  /* `vitrine --compare A B` shows A and B side by side in one window. */
  if (g_variant_dict_contains (options, "compare") && remaining != NULL && remaining[0] != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) inputs = NULL;

      for (guint i = 0; remaining[i] != NULL; i++)
        {
          g_autofree char *input = resolve_argument (command_line, remaining[i]);

          g_strv_builder_add (builder, input);
        }
      inputs = g_strv_builder_end (builder);
      vt_window_compare (window, (const char * const *) inputs);
      gtk_window_present (GTK_WINDOW (window));
      return 0;
    }

  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    {
      g_autofree char *input = resolve_argument (command_line, remaining[i]);

      /* One window shows one object at a time: further arguments open in
       * windows of their own. */
      if (i > 0)
        window = vt_application_get_or_create_window (self, TRUE);
      vt_window_open_input (window, input);
    }

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
vt_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VtApplication *self = VT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      VtWindow *window = vt_application_get_or_create_window (self, i > 0);
      g_autofree char *uri = g_file_get_uri (files[i]);

      vt_window_open_input (window, uri);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
vt_application_activate (GApplication *app)
{
  VtWindow *window = vt_application_get_or_create_window (VT_APPLICATION (app), FALSE);

  gtk_window_present (GTK_WINDOW (window));
}

/* The session owns the catalogue; without one (a damaged file that could
 * not be rebuilt, a read-only disk) search says the catalogue is empty and
 * nothing else changes. */
static void
open_catalogue (VtApplication *self)
{
  g_autofree char *path = vt_catalogue_dup_default_path ();
  g_autoptr(VtCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = vt_catalogue_open (path, &error);
  if (catalogue == NULL)
    {
      /* Replacing it loses what was synced: the first window asks. */
      if (g_error_matches (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT))
        {
          g_message ("The catalogue %s is damaged: %s", path, error->message);
          self->damaged_catalogue = g_steal_pointer (&path);
        }
      else
        /* Locked by another process, a read-only disk: search says the
         * catalogue is empty, and everything else works as before. */
        g_message ("Cannot open the catalogue %s: %s", path, error->message);
      return;
    }

  vt_session_set_catalogue (self->session, catalogue);
}

static void
rebuild_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     VtApplication    *self)
{
  g_autofree char *path = g_steal_pointer (&self->damaged_catalogue);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rebuild") || path == NULL)
    return;

  if (!vt_catalogue_rebuild (path, &error))
    g_warning ("Cannot rebuild the catalogue %s: %s", path, error->message);
  else
    open_catalogue (self);
}

static gboolean
ask_rebuild_cb (gpointer data)
{
  g_autoptr(GtkWindow) window = data;
  VtApplication *self = VT_APPLICATION (gtk_window_get_application (window));
  AdwMessageDialog *dialog;

  if (self == NULL || self->damaged_catalogue == NULL)
    return G_SOURCE_REMOVE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("The Catalogue Is Damaged"),
                                                       _("Vitrine cannot read the catalogue kept on "
                                                         "this computer. It can replace it with an "
                                                         "empty one, which you can then sync again "
                                                         "in the preferences.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Not Now"), "rebuild", _("_Rebuild"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rebuild", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rebuild_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
vt_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (window), "devel");
#endif

  /* Once the first window is up, not before: the question needs a parent. */
  if (VT_APPLICATION (app)->damaged_catalogue != NULL && VT_IS_WINDOW (window))
    g_idle_add (ask_rebuild_cb, g_object_ref (window));

  GTK_APPLICATION_CLASS (vt_application_parent_class)->window_added (app, window);
}

static void
vt_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  VtApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Vitrine authors"), NULL };
  const char *collection[] = { "Collectie van de Gent https://www.collectie.gent", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        "application-name", _("Vitrine"),
                        "developer-name", _("The Vitrine authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/vitrine/vitrine",
                        "issue-url", "https://github.com/vitrine/vitrine/issues",
                        "comments", _("Browse museum collections published with IIIF, "
                                      "read their descriptions and zoom deep into their images."),
                        "developers", developers,
                        "copyright", _("© 2026 The Vitrine authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* The objects, their descriptions and their images are the Ghent
   * museums' own, published through Collectie van de Gent. */
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Collections and Images"),
                                                collection);
  gtk_window_present (GTK_WINDOW (about));
}

static void
vt_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  VtApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows first lets each one save its state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
vt_application_new_window_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  VtWindow *window = vt_application_get_or_create_window (user_data, TRUE);

  gtk_window_present (GTK_WINDOW (window));
}

static VtPreferencesWindow *
show_preferences (VtApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  VtPreferencesWindow *preferences = vt_preferences_window_new (window, self->settings);
  GtkWidget *catalogue = vt_catalogue_preferences_new (self->session, self->settings);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (catalogue));
  gtk_window_present (GTK_WINDOW (preferences));

  return preferences;
}

static void
vt_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_preferences (user_data);
}

static void
vt_application_catalogue_preferences_action (GSimpleAction *action,
                                             GVariant      *parameter,
                                             gpointer       user_data)
{
  VtPreferencesWindow *preferences = show_preferences (user_data);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "catalogue");
}

/* The search provider's results, and anything else that names one object. */
static void
vt_application_open_object_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  VtWindow *window = vt_application_get_or_create_window (user_data, FALSE);

  vt_window_open_input (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* "Search the Catalogue" (the desktop file's action), and the shell's
 * "more results" with the terms typed there. */
static void
vt_application_search_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  VtWindow *window = vt_application_get_or_create_window (user_data, FALSE);

  vt_window_show_search (window, parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
vt_application_clear_cache_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  VtApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  vt_client_clear_cache (self->client);
  vt_session_forget (self->session);

  /* Say so where the user asked: usually the preferences window. */
  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
                                      adw_toast_new (_("Cache cleared")));
}

static const GActionEntry app_actions[] = {
  { "about", vt_application_about_action },
  { "quit", vt_application_quit_action },
  { "new-window", vt_application_new_window_action },
  { "preferences", vt_application_preferences_action },
  { "catalogue-preferences", vt_application_catalogue_preferences_action },
  { "open-object", vt_application_open_object_action, "s" },
  { "search", vt_application_search_action },
  { "search-for", vt_application_search_action, "s" },
  { "clear-cache", vt_application_clear_cache_action },
};

static gboolean
vt_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  VtApplication *self = VT_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, VT_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (vt_application_parent_class)->dbus_register (app, connection,
                                                                          object_path, error))
    return FALSE;

  self->search_provider = vt_search_provider_new (app);
  return vt_search_provider_register (self->search_provider, connection, path, error);
}

static void
vt_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  VtApplication *self = VT_APPLICATION (app);

  if (self->search_provider != NULL)
    vt_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (vt_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
vt_application_startup (GApplication *app)
{
  VtApplication *self = VT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (vt_application_parent_class)->startup (app);

#if defined (__GLIBC__)
  /* Decoded tiles (192 KiB for 256 px RGB) and their GL uploads come and
   * go by the thousand. glibc raises its mmap threshold to the size of the
   * first such block freed, after which they are carved from the heaps of
   * the decoder and renderer threads, where freed tiles stay resident: over
   * 50 objects, 60 MiB more with the GL renderer (tests/bench/
   * bench-session.c). A fixed threshold gives every block this large its
   * own mapping, returned to the system when the tile goes. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* One client for the whole application, so that every window shares its
   * connections, its queue and its caches. */
  {
    g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "vitrine", "http", NULL);

    self->client = vt_client_new (cache_dir);
    g_settings_bind (self->settings, "connections-per-host", self->client, "max-conns-per-host",
                     G_SETTINGS_BIND_GET);
    g_settings_bind (self->settings, "disk-cache-size", self->client, "disk-cache-size",
                     G_SETTINGS_BIND_GET);
    self->session = vt_session_new (self->client);
    g_settings_bind (self->settings, "api-base-url", self->session, "api-base",
                     G_SETTINGS_BIND_GET);
  }

  open_catalogue (self);

  /* Started through D-Bus for GNOME Shell's search: stay a little for the
   * next keystroke's search rather than start again for each. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);
}

static void
vt_application_shutdown (GApplication *app)
{
  VtApplication *self = VT_APPLICATION (app);

  if (self->client != NULL)
    vt_client_save_cache (self->client);

  G_APPLICATION_CLASS (vt_application_parent_class)->shutdown (app);
}

static void
vt_application_dispose (GObject *object)
{
  VtApplication *self = VT_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_pointer (&self->damaged_catalogue, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vt_application_parent_class)->dispose (object);
}

static void
vt_application_class_init (VtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = vt_application_dispose;

  app_class->activate = vt_application_activate;
  app_class->command_line = vt_application_command_line;
  app_class->handle_local_options = vt_application_handle_local_options;
  app_class->open = vt_application_open;
  app_class->startup = vt_application_startup;
  app_class->dbus_register = vt_application_dbus_register;
  app_class->dbus_unregister = vt_application_dbus_unregister;
  app_class->shutdown = vt_application_shutdown;

  gtk_app_class->window_added = vt_application_window_added;
}

static void
vt_application_init (VtApplication *self)
{
  self->settings = g_settings_new (BASE_APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                      _("[OBJECT-NUMBER|URL|FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse museum collections published with IIIF.\n\n"
                                              "Open a Ghent object number such as dmg:1987-1049, "
                                              "any IIIF manifest URL, or a local manifest or image file."));
}

VtApplication *
vt_application_new (void)
{
  return g_object_new (VT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * vt_application_get_client:
 *
 * Returns: (transfer none) (nullable): the network client, once the
 *   application has started up
 */
VtClient *
vt_application_get_client (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->client;
}

/**
 * vt_application_get_loader:
 *
 * Returns: (transfer none) (nullable): the document loader, shared by
 *   all windows
 */
VtLoader *
vt_application_get_loader (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->session ? vt_session_get_loader (self->session) : NULL;
}

/**
 * vt_application_get_session:
 *
 * Returns: (transfer none) (nullable): what every window of the application
 *   shares (client, loader, image services), once it has started up
 */
VtSession *
vt_application_get_session (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * vt_application_get_service_cache:
 *
 * Returns: (transfer none) (nullable): the image services of the session,
 *   shared by all windows (thumbnails and canvases), once the application
 *   has started up
 */
VtServiceCache *
vt_application_get_service_cache (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->session ? vt_session_get_service_cache (self->session) : NULL;
}

/**
 * vt_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
vt_application_get_settings (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * vt_application_get_fetcher:
 *
 * Returns: (transfer none) (nullable): the tile fetcher over the network
 *   client, shared by all image views, once the application has started up
 */
VtTileFetcher *
vt_application_get_fetcher (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->session ? vt_session_get_fetcher (self->session) : NULL;
}
