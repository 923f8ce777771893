/* vt-catalogue-preferences.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-catalogue-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "catalogue/vt-catalogue.h"
#include "catalogue/vt-ldes-harvest.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-catalogue-preferences.h"

/* The preferences page of the catalogue: which organisations to keep on
 * this computer, how much each takes, and a sync that harvests their LDES
 * streams one after the other in the background, with a progress bar and
 * a Cancel button. The harvests belong to the page: closing the
 * preferences cancels them, and a harvest resumes where it stopped. */

struct _VtCataloguePreferences
{
  AdwPreferencesPage  parent_instance;

  VtSession          *session;
  GSettings          *settings;

  GCancellable       *cancellable;   /* of the sync under way, or NULL */
  VtLdesHarvest      *harvest;
  char              **queue;         /* organisations to sync */
  guint               queue_index;
  double              fraction;
  char               *status;

  GHashTable         *org_rows;      /* abbreviation → AdwActionRow */
  GtkWidget          *size_row;
  GtkWidget          *sync_button;
  GtkProgressBar     *progress_bar;
};

G_DEFINE_FINAL_TYPE (VtCataloguePreferences, vt_catalogue_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void sync_next (VtCataloguePreferences *self);

static VtCatalogue *
get_catalogue (VtCataloguePreferences *self)
{
  return vt_session_get_catalogue (self->session);
}

static void
set_status (VtCataloguePreferences *self,
            const char             *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), status != NULL ? status : "");
}

/**
 * vt_catalogue_preferences_dup_org_subtitle:
 *
 * Returns: (transfer full): what the page says of @organisation's part of
 *   the catalogue: its objects and last sync, or that it is not kept
 */
char *
vt_catalogue_preferences_dup_org_subtitle (VtCataloguePreferences *self,
                                           const char             *organisation)
{
  g_autoptr(GPtrArray) orgs = NULL;
  VtCatalogue *catalogue = get_catalogue (self);

  g_return_val_if_fail (VT_IS_CATALOGUE_PREFERENCES (self), NULL);

  orgs = catalogue != NULL ? vt_catalogue_list_orgs (catalogue, NULL) : NULL;
  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      VtCatalogueOrgInfo *info = g_ptr_array_index (orgs, i);
      g_autofree char *count = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *date = NULL;
      gulong n;

      if (g_strcmp0 (info->org, organisation) != 0 || info->objects == 0)
        continue;

      n = info->objects > G_MAXULONG ? G_MAXULONG : (gulong) info->objects;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu object", "%lu objects", n), n);
      if (!info->complete || info->last_sync == 0)
        /* Translators: %s is a number of objects */
        return g_strdup_printf (_("%s, not fully synced"), count);

      when = g_date_time_new_from_unix_local (info->last_sync);
      /* Translators: a date, see the strftime() manual */
      date = g_date_time_format (when, _("%-d %B %Y"));
      /* Translators: a number of objects, then a date */
      return g_strdup_printf (_("%s, synced %s"), count, date);
    }

  return g_strdup (_("Not on this computer"));
}

static void
refresh (VtCataloguePreferences *self)
{
  VtCatalogue *catalogue = get_catalogue (self);
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, self->org_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_autofree char *subtitle = vt_catalogue_preferences_dup_org_subtitle (self, key);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  if (self->cancellable == NULL)
    {
      g_autofree char *size = catalogue != NULL
                              ? g_format_size (vt_catalogue_get_size_bytes (catalogue)) : NULL;
      g_autofree char *text = NULL;

      if (size != NULL)
        /* Translators: %s is a size on disk, such as “12.3 MB” */
        text = g_strdup_printf (_("The catalogue takes %s on this computer"), size);
      set_status (self, text);
    }
}

static void
set_syncing (VtCataloguePreferences *self,
             gboolean                syncing)
{
  gtk_button_set_label (GTK_BUTTON (self->sync_button), syncing ? _("_Cancel") : _("_Sync Now"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), syncing);
  if (syncing)
    gtk_widget_remove_css_class (self->sync_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->sync_button, "suggested-action");
}

static void
finish_sync (VtCataloguePreferences *self,
             const char             *status)
{
  g_clear_object (&self->cancellable);
  g_clear_object (&self->harvest);
  g_clear_pointer (&self->queue, g_strfreev);
  set_syncing (self, FALSE);
  refresh (self);
  if (status != NULL)
    set_status (self, status);
}

static void
update_progress (VtCataloguePreferences *self)
{
  guint n = self->queue != NULL ? g_strv_length (self->queue) : 1;
  double fraction = self->harvest != NULL ? vt_ldes_harvest_get_fraction (self->harvest) : 0;
  g_autofree char *text = NULL;

  self->fraction = CLAMP ((self->queue_index + fraction) / MAX (n, 1), 0, 1);
  gtk_progress_bar_set_fraction (self->progress_bar, self->fraction);

  if (self->harvest != NULL)
    {
      const VtGhentOrganisation *org = vt_ghent_lookup_organisation (self->queue[self->queue_index]);
      guint64 members = vt_ldes_harvest_get_members (self->harvest);
      /* A 64-bit format inside a translatable string would not survive
       * xgettext: the number goes in as text. */
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, members);

      /* Translators: an organisation, then how many objects came so far */
      text = g_strdup_printf (_("Syncing %s: %s objects"),
                              org != NULL ? vt_ghent_organisation_get_display_name (org)
                                          : self->queue[self->queue_index],
                              count);
      set_status (self, text);
    }
}

static void
harvest_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtCataloguePreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_ldes_harvest_run_finish (VT_LDES_HARVEST (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish_sync (self, _("Sync cancelled; the next sync goes on where this one stopped"));
          return;
        }

      /* Translators: %s says what went wrong */
      text = g_strdup_printf (_("Sync stopped: %s"), error->message);
      finish_sync (self, text);
      return;
    }

  self->queue_index++;
  g_clear_object (&self->harvest);
  refresh (self);
  sync_next (self);
}

static void
sync_next (VtCataloguePreferences *self)
{
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  const char *org;

  if (self->queue == NULL || self->queue[self->queue_index] == NULL)
    {
      finish_sync (self, NULL);
      return;
    }

  org = self->queue[self->queue_index];
  base = vt_session_dup_ldes_base (self->session);
  url = vt_ldes_stream_url_for_org (base, org);
  self->harvest = vt_ldes_harvest_new (vt_session_get_client (self->session), get_catalogue (self),
                                       url, org);
  g_signal_connect_object (self->harvest, "notify::fraction",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->harvest, "notify::members",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_progress (self);
  vt_ldes_harvest_run_async (self->harvest, self->cancellable, harvest_done_cb, g_object_ref (self));
}

/**
 * vt_catalogue_preferences_sync:
 *
 * Drops the organisations no longer chosen from the catalogue, then
 * harvests the chosen ones, in the background.
 */
void
vt_catalogue_preferences_sync (VtCataloguePreferences *self)
{
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  VtCatalogue *catalogue;

  g_return_if_fail (VT_IS_CATALOGUE_PREFERENCES (self));

  catalogue = get_catalogue (self);
  if (self->cancellable != NULL || catalogue == NULL)
    return;

  chosen = g_settings_get_strv (self->settings, "catalogue-organisations");
  orgs = vt_catalogue_list_orgs (catalogue, NULL);
  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      VtCatalogueOrgInfo *info = g_ptr_array_index (orgs, i);
      g_autoptr(GError) error = NULL;

      if (!g_strv_contains ((const char * const *) chosen, info->org) &&
          !vt_catalogue_remove_org (catalogue, info->org, &error))
        g_warning ("Cannot remove %s from the catalogue: %s", info->org, error->message);
    }

  self->queue = g_steal_pointer (&chosen);
  self->queue_index = 0;
  self->fraction = 0;
  self->cancellable = g_cancellable_new ();
  set_syncing (self, TRUE);
  sync_next (self);
}

void
vt_catalogue_preferences_cancel (VtCataloguePreferences *self)
{
  g_return_if_fail (VT_IS_CATALOGUE_PREFERENCES (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
vt_catalogue_preferences_is_syncing (VtCataloguePreferences *self)
{
  g_return_val_if_fail (VT_IS_CATALOGUE_PREFERENCES (self), FALSE);

  return self->cancellable != NULL;
}

double
vt_catalogue_preferences_get_fraction (VtCataloguePreferences *self)
{
  g_return_val_if_fail (VT_IS_CATALOGUE_PREFERENCES (self), 0);

  return self->fraction;
}

/**
 * vt_catalogue_preferences_get_status_text:
 *
 * Returns: (nullable): what the page says of the sync under way or last
 */
const char *
vt_catalogue_preferences_get_status_text (VtCataloguePreferences *self)
{
  g_return_val_if_fail (VT_IS_CATALOGUE_PREFERENCES (self), NULL);

  return self->status;
}

static void
sync_clicked_cb (VtCataloguePreferences *self)
{
  if (self->cancellable != NULL)
    vt_catalogue_preferences_cancel (self);
  else
    vt_catalogue_preferences_sync (self);
}

/* The switch of one organisation edits the list in the settings. */
static gboolean
get_chosen (GValue   *value,
            GVariant *variant,
            gpointer  user_data)
{
  g_autofree const char **orgs = g_variant_get_strv (variant, NULL);

  g_value_set_boolean (value, g_strv_contains (orgs, user_data));
  return TRUE;
}

static GVariant *
set_chosen (const GValue       *value,
            const GVariantType *type,
            gpointer            user_data)
{
  VtCataloguePreferences *self = g_object_get_data (G_OBJECT (user_data), "page");
  g_auto(GStrv) orgs = g_settings_get_strv (self->settings, "catalogue-organisations");
  const char *org = g_object_get_data (G_OBJECT (user_data), "org");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; orgs[i] != NULL; i++)
    if (!g_str_equal (orgs[i], org))
      g_strv_builder_add (builder, orgs[i]);
  if (g_value_get_boolean (value))
    g_strv_builder_add (builder, org);

  result = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) result, -1);
}

static void
vt_catalogue_preferences_dispose (GObject *object)
{
  VtCataloguePreferences *self = VT_CATALOGUE_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (vt_catalogue_preferences_parent_class)->dispose (object);
}

static void
vt_catalogue_preferences_finalize (GObject *object)
{
  VtCataloguePreferences *self = VT_CATALOGUE_PREFERENCES (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->harvest);
  g_clear_pointer (&self->queue, g_strfreev);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->org_rows, g_hash_table_unref);

  G_OBJECT_CLASS (vt_catalogue_preferences_parent_class)->finalize (object);
}

static void
vt_catalogue_preferences_class_init (VtCataloguePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_catalogue_preferences_dispose;
  object_class->finalize = vt_catalogue_preferences_finalize;
}

static void
vt_catalogue_preferences_init (VtCataloguePreferences *self)
{
  self->org_rows = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Before the user ever chose, what the catalogue holds (synced by
 * vitrine-catalogue, or by an older Vitrine) counts as chosen: a sync
 * must not throw it away. */
static void
adopt_synced_organisations (VtCataloguePreferences *self)
{
  g_autoptr(GVariant) chosen = g_settings_get_user_value (self->settings, "catalogue-organisations");
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) synced = NULL;

  if (chosen != NULL || get_catalogue (self) == NULL)
    return;

  orgs = vt_catalogue_list_orgs (get_catalogue (self), NULL);
  if (orgs == NULL || orgs->len == 0)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < orgs->len; i++)
    g_strv_builder_add (builder, ((VtCatalogueOrgInfo *) g_ptr_array_index (orgs, i))->org);
  synced = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "catalogue-organisations", (const char * const *) synced);
}

static void
build (VtCataloguePreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  AdwPreferencesGroup *orgs_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *sync_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const VtGhentOrganisation *list;
  guint n;

  adw_preferences_page_set_name (page, "catalogue");
  adw_preferences_page_set_title (page, _("Catalogue"));
  adw_preferences_page_set_icon_name (page, "system-search-symbolic");

  adopt_synced_organisations (self);

  adw_preferences_group_set_title (orgs_group, _("Organisations"));
  adw_preferences_group_set_description (orgs_group,
                                         _("Keep the catalogue of these collections on this "
                                           "computer, to search it, even offline, and to read "
                                           "more about the objects you open."));
  list = vt_ghent_get_organisations (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     vt_ghent_organisation_get_display_name (&list[i]));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (toggle), "page", self);
      g_object_set_data (G_OBJECT (toggle), "org", (gpointer) list[i].abbreviation);
      g_settings_bind_with_mapping (self->settings, "catalogue-organisations", toggle, "active",
                                    G_SETTINGS_BIND_DEFAULT, get_chosen, set_chosen,
                                    toggle, NULL);
      g_hash_table_insert (self->org_rows, (gpointer) list[i].abbreviation, row);
      adw_preferences_group_add (orgs_group, row);
    }
  adw_preferences_page_add (page, orgs_group);

  adw_preferences_group_set_title (sync_group, _("Sync"));
  self->size_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->size_row), _("Sync the Catalogue"));
  self->sync_button = gtk_button_new_with_mnemonic (_("_Sync Now"));
  gtk_widget_set_valign (self->sync_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->sync_button, "clicked", G_CALLBACK (sync_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->size_row), self->sync_button);
  adw_preferences_group_add (sync_group, self->size_row);

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->progress_bar), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sync progress"), -1);
  adw_preferences_group_add (sync_group, GTK_WIDGET (self->progress_bar));
  adw_preferences_page_add (page, sync_group);

  set_syncing (self, FALSE);
  gtk_widget_set_sensitive (self->sync_button, get_catalogue (self) != NULL);
  refresh (self);
}

/**
 * vt_catalogue_preferences_new:
 * @session: whose catalogue and network client to sync with
 * @settings: the application's settings (the organisations chosen)
 */
GtkWidget *
vt_catalogue_preferences_new (VtSession *session,
                              GSettings *settings)
{
  VtCataloguePreferences *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VT_TYPE_CATALOGUE_PREFERENCES, NULL);
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  build (self);

  return GTK_WIDGET (self);
}
