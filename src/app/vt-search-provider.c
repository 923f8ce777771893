/* vt-search-provider.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "catalogue/vt-catalogue.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-application.h"
#include "vt-catalogue-rows.h"
#include "vt-search-provider.h"

/* GNOME Shell's search, answered from the local catalogue: the application
 * exports this object when it registers on the session bus, so the shell
 * reaches the running Vitrine, or starts it through D-Bus activation.
 * Searches run in the catalogue's worker thread and the answer goes back
 * when they finish: the main loop never waits for SQLite. Result ids are
 * object ids (`dmg:1987-1049`), which open as they are. */

static const char provider_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _VtSearchProvider
{
  GObject          parent_instance;

  GApplication    *application;     /* not owned: it owns us */
  GDBusConnection *connection;
  guint            registration_id;

  /* The records of the last results, for GetResultMetas. */
  GHashTable      *records;
};

G_DEFINE_FINAL_TYPE (VtSearchProvider, vt_search_provider, G_TYPE_OBJECT)

static VtCatalogue *
get_catalogue (VtSearchProvider *self)
{
  VtSession *session = VT_IS_APPLICATION (self->application)
                       ? vt_application_get_session (VT_APPLICATION (self->application)) : NULL;

  return session != NULL ? vt_session_get_catalogue (session) : NULL;
}

typedef struct
{
  VtSearchProvider      *self;
  GDBusMethodInvocation *invocation;
} Call;

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(VtSearchProvider) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = vt_catalogue_search_finish (VT_CATALOGUE (object), result, &error);
  GVariantBuilder ids;

  g_variant_builder_init (&ids, G_VARIANT_TYPE ("as"));
  if (records == NULL)
    g_debug ("Search failed: %s", error->message);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      VtCatalogueRecord *record = g_ptr_array_index (records, i);
      char *id = vt_catalogue_record_dup_object_id (record);

      g_variant_builder_add (&ids, "s", id);
      g_hash_table_replace (self->records, id, vt_catalogue_record_ref (record));
    }

  g_dbus_method_invocation_return_value (call->invocation, g_variant_new ("(as)", &ids));
  g_application_release (self->application);
  g_free (call);
}

static void
search (VtSearchProvider      *self,
        GVariant              *terms,
        GDBusMethodInvocation *invocation)
{
  VtCatalogue *catalogue = get_catalogue (self);
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *query = g_strjoinv (" ", (char **) words);
  Call *call;

  if (catalogue == NULL || *g_strstrip (query) == '\0')
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", NULL));
      return;
    }

  /* The answer comes from a worker thread: the application must not quit
   * before it goes out. */
  g_application_hold (self->application);
  call = g_new0 (Call, 1);
  call->self = g_object_ref (self);
  call->invocation = invocation;
  vt_catalogue_search_async (catalogue, query, NULL, VT_SEARCH_PROVIDER_MAX_RESULTS, NULL,
                             search_done_cb, call);
}

static GVariant *
dup_meta (VtSearchProvider *self,
          const char       *id)
{
  VtCatalogueRecord *record = g_hash_table_lookup (self->records, id);
  g_autoptr(VtCatalogueRecord) looked_up = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;
  g_autofree char *makers = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GVariant) icon_data = NULL;
  const VtGhentOrganisation *org;
  GVariantBuilder meta;

  /* The shell may ask for ids of an earlier search, or of another run. */
  if (record == NULL && get_catalogue (self) != NULL &&
      vt_ghent_parse_input (id, NULL, &organisation, &number, NULL))
    record = looked_up = vt_catalogue_lookup (get_catalogue (self), organisation, number, NULL);

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));

  if (record == NULL)
    {
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (id));
    }
  else
    {
      org = vt_ghent_lookup_organisation (record->org);
      makers = vt_catalogue_record_dup_makers_text (record);
      if (makers != NULL)
        /* Translators: a search result in GNOME Shell: maker · organisation · object number */
        description = g_strdup_printf (_("%s · %s · %s"), makers,
                                       org ? vt_ghent_organisation_get_display_name (org) : record->org,
                                       record->object_number);
      else
        /* Translators: a search result: organisation · object number */
        description = g_strdup_printf (_("%s · %s"),
                                       org ? vt_ghent_organisation_get_display_name (org) : record->org,
                                       record->object_number);

      g_variant_builder_add (&meta, "{sv}", "name",
                             g_variant_new_string (record->title && *record->title ? record->title : id));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
    }

  /* The shell will not wait for the network: a thumbnail the search page
   * showed (and kept) before, or else the application's icon. */
  {
    g_autofree char *path = vt_catalogue_dup_thumbnail_cache_path (id);

    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      {
        g_autoptr(GFile) file = g_file_new_for_path (path);

        icon = g_file_icon_new (file);
      }
    else
      icon = g_themed_icon_new (APP_ID);
  }
  icon_data = g_icon_serialize (icon);
  g_variant_builder_add (&meta, "{sv}", "icon", icon_data);

  return g_variant_builder_end (&meta);
}

static void
launch (VtSearchProvider *self,
        const char       *action,
        GVariant         *parameter)
{
  /* Through the application's own actions, as the desktop file's are: the
   * window the object opens in is the application's business. */
  g_application_activate (self->application);
  g_action_group_activate_action (G_ACTION_GROUP (self->application), action, parameter);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  VtSearchProvider *self = user_data;

  g_application_hold (self->application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;
      GVariantBuilder metas;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        g_variant_builder_add_value (&metas, dup_meta (self, ids[i]));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;

      g_variant_get (parameters, "(&s@asu)", &id, NULL, NULL);
      launch (self, "open-object", g_variant_new_string (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *text = NULL;

      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      text = g_strjoinv (" ", (char **) terms);
      launch (self, "search-for", g_variant_new_string (text));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }

  g_application_release (self->application);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { NULL } };

static void
vt_search_provider_finalize (GObject *object)
{
  VtSearchProvider *self = VT_SEARCH_PROVIDER (object);

  vt_search_provider_unregister (self);
  g_clear_pointer (&self->records, g_hash_table_unref);

  G_OBJECT_CLASS (vt_search_provider_parent_class)->finalize (object);
}

static void
vt_search_provider_class_init (VtSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_search_provider_finalize;
}

static void
vt_search_provider_init (VtSearchProvider *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) vt_catalogue_record_unref);
}

/**
 * vt_search_provider_new:
 * @application: the application whose catalogue answers, and whose
 *   "open-object" and "search-for" actions results and searches open in
 */
VtSearchProvider *
vt_search_provider_new (GApplication *application)
{
  VtSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (VT_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}

gboolean
vt_search_provider_register (VtSearchProvider  *self,
                             GDBusConnection   *connection,
                             const char        *object_path,
                             GError           **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (VT_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (provider_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
vt_search_provider_unregister (VtSearchProvider *self)
{
  g_return_if_fail (VT_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
