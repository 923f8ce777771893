/* vt-search-provider.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-session.h"

G_BEGIN_DECLS

/* Where the application exports the provider, below its own object path. */
#define VT_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"
/* The most results the provider gives the shell for one search. */
#define VT_SEARCH_PROVIDER_MAX_RESULTS 20

#define VT_TYPE_SEARCH_PROVIDER (vt_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (VtSearchProvider, vt_search_provider, VT, SEARCH_PROVIDER, GObject)

VtSearchProvider *vt_search_provider_new        (GApplication      *application);
gboolean          vt_search_provider_register   (VtSearchProvider  *self,
                                                 GDBusConnection   *connection,
                                                 const char        *object_path,
                                                 GError           **error);
void              vt_search_provider_unregister (VtSearchProvider  *self);

G_END_DECLS
