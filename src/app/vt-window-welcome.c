/* vt-window-welcome.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "net/vt-ghent-catalogue.h"

#include "vt-window-private.h"

/* The welcome page's objects: the recent ones, as the `recent-objects`
 * setting keeps them (title and thumbnail address with each), and one
 * example per Ghent organisation. Both are VtObjectGrids of titled
 * thumbnails; the examples learn their titles from their manifests. */

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

      vt_object_grid_append (self->examples_grid, examples[i], NULL,
                             org ? vt_ghent_organisation_get_display_name (org) : abbreviation, NULL);
    }
}

static void
recent_changed_cb (VtWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-objects");

  vt_object_grid_set_recent (self->recent_grid, (const char * const *) recent);
  gtk_widget_set_visible (self->recent_box, recent[0] != NULL);
}

void
_vt_window_welcome_init (VtWindow *self)
{
  vt_object_grid_set_label (self->recent_grid, _("Recent objects"));
  vt_object_grid_set_label (self->examples_grid, _("Example objects"));
  fill_examples (self);
  g_signal_connect_object (self->settings, "changed::recent-objects",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  recent_changed_cb (self);
}

/* The session fetches the examples' manifests and every thumbnail. */
void
_vt_window_welcome_set_session (VtWindow  *self,
                                VtSession *session)
{
  vt_object_grid_set_session (self->examples_grid, session);
  vt_object_grid_set_session (self->recent_grid, session);
}

/**
 * vt_window_get_recent_grid:
 *
 * Returns: (transfer none): the welcome page's recent objects
 */
VtObjectGrid *
vt_window_get_recent_grid (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->recent_grid;
}

/**
 * vt_window_get_examples_grid:
 *
 * Returns: (transfer none): the welcome page's example objects
 */
VtObjectGrid *
vt_window_get_examples_grid (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->examples_grid;
}
