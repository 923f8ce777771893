/* vt-catalogue-preferences.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vt-session.h"

G_BEGIN_DECLS

#define VT_TYPE_CATALOGUE_PREFERENCES (vt_catalogue_preferences_get_type ())

G_DECLARE_FINAL_TYPE (VtCataloguePreferences, vt_catalogue_preferences, VT, CATALOGUE_PREFERENCES,
                      AdwPreferencesPage)

GtkWidget  *vt_catalogue_preferences_new             (VtSession              *session,
                                                      GSettings              *settings);
void        vt_catalogue_preferences_sync            (VtCataloguePreferences *self);
void        vt_catalogue_preferences_cancel          (VtCataloguePreferences *self);
gboolean    vt_catalogue_preferences_is_syncing      (VtCataloguePreferences *self);
double      vt_catalogue_preferences_get_fraction    (VtCataloguePreferences *self);
const char *vt_catalogue_preferences_get_status_text (VtCataloguePreferences *self);
char       *vt_catalogue_preferences_dup_org_subtitle (VtCataloguePreferences *self,
                                                       const char             *organisation);

G_END_DECLS
