/* vt-window-resolve.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-resolve"

#include "config.h"

#include <glib/gi18n.h>

#include "net/vt-ghent-catalogue.h"
#include "net/vt-iiif-link.h"

#include "vt-window-private.h"

/* The organisation picker and the entry beside it: what the user gives is
 * resolved here into the address of a manifest, and the picker follows the
 * organisation named in the text. */

static void
organisation_selected_cb (VtWindow *self)
{
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);

  if (selected >= n_orgs || self->inhibit_organisation_changed)
    return;

  g_settings_set_string (self->settings, "last-organisation", orgs[selected].abbreviation);
}

static void
select_organisation (VtWindow   *self,
                     const char *abbreviation)
{
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);

  for (guint i = 0; i < n_orgs; i++)
    {
      if (g_strcmp0 (orgs[i].abbreviation, abbreviation) == 0)
        {
          gtk_drop_down_set_selected (self->organisation_dropdown, i);
          return;
        }
    }
}

static const char *
get_selected_organisation (VtWindow *self)
{
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);

  return selected < n_orgs ? orgs[selected].abbreviation : NULL;
}

static void
fill_examples (VtWindow *self)
{
  /* Real object numbers, one per organisation, so that a first-time user
   * sees how numbers look in each collection. */
  static const char *examples[] = {
    "dmg:1987-1049",
    "hva:2002-078-852",
    "industriemuseum:V35236-001",
    "stam:A2005.02.364.1-2",
    "archiefgent:OA_535_001_01_C_TE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *abbreviation = g_strndup (examples[i], strchr (examples[i], ':') - examples[i]);
      const VtGhentOrganisation *org = vt_ghent_lookup_organisation (abbreviation);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     org ? vt_ghent_organisation_get_display_name (org) : abbreviation);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), examples[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-input");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", examples[i]);
      gtk_list_box_append (self->examples_box, row);
    }
}

void
_vt_window_organisations_init (VtWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *last = g_settings_get_string (self->settings, "last-organisation");
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);

  for (guint i = 0; i < n_orgs; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)",
                                                vt_ghent_organisation_get_display_name (&orgs[i]),
                                                orgs[i].abbreviation);

      gtk_string_list_append (names, label);
    }

  self->inhibit_organisation_changed = TRUE;
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (names));
  select_organisation (self, last);
  self->inhibit_organisation_changed = FALSE;

  g_signal_connect_object (self->organisation_dropdown, "notify::selected",
                           G_CALLBACK (organisation_selected_cb), self, G_CONNECT_SWAPPED);

  fill_examples (self);
}

static void
set_target (VtWindow   *self,
            const char *location,
            const char *manifest_url,
            const char *display_name,
            const char *web_page_url,
            const char *organisation,
            const char *canvas_id)
{
  g_free (self->location);
  self->location = g_strdup (location);
  g_free (self->manifest_url);
  self->manifest_url = g_strdup (manifest_url);
  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_free (self->web_page_url);
  self->web_page_url = g_strdup (web_page_url);
  g_free (self->organisation);
  self->organisation = g_strdup (organisation);
  g_free (self->start_canvas_id);
  self->start_canvas_id = g_strdup (canvas_id);
}

static gboolean
looks_like_link (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);

  /* A Content State may also be pasted bare, as JSON or base64url. */
  return scheme != NULL || text[0] == '{' || strchr (text, ':') == NULL;
}

/**
 * _vt_window_resolve_input:
 *
 * Works out what @input names: a local file, a Ghent object (by number,
 * `org:number`, manifest address or web page), or any IIIF manifest by a
 * link (plain address, drag-and-drop `?manifest=`, Content State).
 *
 * Returns: %TRUE when @input names something to load
 */
gboolean
_vt_window_resolve_input (VtWindow    *self,
                          const char  *input,
                          GError     **error)
{
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) ghent_error = NULL;
  g_autoptr(GError) link_error = NULL;
  g_autoptr(VtIiifLink) link = NULL;

  /* Files: only those the user named explicitly, as file URIs or paths. */
  if (g_str_has_prefix (input, "file:") || g_path_is_absolute (input))
    {
      g_autoptr(GFile) file = g_str_has_prefix (input, "file:")
        ? g_file_new_for_uri (input) : g_file_new_for_path (input);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *basename = g_file_get_basename (file);

      if (!g_file_is_native (file))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a local file."), input);
          return FALSE;
        }

      set_target (self, uri, uri, basename, NULL, NULL, NULL);
      return TRUE;
    }

  if (vt_ghent_parse_input (input, get_selected_organisation (self),
                            &organisation, &number, &ghent_error))
    {
      g_autofree char *setting = g_settings_get_string (self->settings, "api-base-url");
      g_autofree char *api_base = vt_ghent_get_api_base (setting);
      g_autofree char *manifest_url = vt_ghent_build_manifest_url (api_base, organisation, number);
      g_autofree char *web_page = vt_ghent_build_web_page_url (organisation, number);
      g_autofree char *object_id = vt_ghent_build_object_id (organisation, number);

      set_target (self, object_id, manifest_url, object_id, web_page, organisation, NULL);

      /* The picker follows the organisation named in the text, and the
       * entry keeps just the number beside it. */
      select_organisation (self, organisation);
      gtk_editable_set_text (GTK_EDITABLE (self->object_entry), number);
      gtk_editable_set_position (GTK_EDITABLE (self->object_entry), -1);
      return TRUE;
    }

  if (!g_error_matches (ghent_error, VT_GHENT_ERROR, VT_GHENT_ERROR_NOT_GHENT) &&
      !looks_like_link (input))
    {
      g_propagate_error (error, g_steal_pointer (&ghent_error));
      return FALSE;
    }

  link = vt_iiif_link_parse (input, &link_error);
  if (link == NULL || link->manifest_uri == NULL)
    {
      /* For text that was neither, the Ghent reading explains best what
       * an object number should look like. */
      if (ghent_error != NULL && !g_error_matches (ghent_error, VT_GHENT_ERROR,
                                                   VT_GHENT_ERROR_NOT_GHENT))
        g_propagate_error (error, g_steal_pointer (&ghent_error));
      else if (link_error != NULL)
        g_propagate_error (error, g_steal_pointer (&link_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("This link does not lead to a IIIF manifest."));
      return FALSE;
    }

  set_target (self, link->manifest_uri, link->manifest_uri, link->manifest_uri, NULL, NULL,
              link->canvas_id);
  gtk_editable_set_text (GTK_EDITABLE (self->object_entry), link->manifest_uri);
  return TRUE;
}
