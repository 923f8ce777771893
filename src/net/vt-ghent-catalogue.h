/* vt-ghent-catalogue.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_GHENT_ERROR (vt_ghent_error_quark ())

/**
 * VtGhentError:
 * @VT_GHENT_ERROR_EMPTY: nothing was typed
 * @VT_GHENT_ERROR_NO_ORGANISATION: a bare number, and no organisation chosen
 * @VT_GHENT_ERROR_UNKNOWN_ORGANISATION: a prefix that is not one of the five
 * @VT_GHENT_ERROR_INVALID_NUMBER: a number the API cannot route (a `/`, a
 *   control character, too long)
 * @VT_GHENT_ERROR_NOT_GHENT: a web address that is not a Ghent manifest or
 *   object page (the caller may open it as a IIIF address instead)
 *
 * Why an object reference typed or pasted by a person was not understood.
 * Each message says what to do about it.
 */
typedef enum
{
  VT_GHENT_ERROR_EMPTY,
  VT_GHENT_ERROR_NO_ORGANISATION,
  VT_GHENT_ERROR_UNKNOWN_ORGANISATION,
  VT_GHENT_ERROR_INVALID_NUMBER,
  VT_GHENT_ERROR_NOT_GHENT,
} VtGhentError;

/**
 * VtGhentOrganisation:
 * @abbreviation: the prefix in manifest ids (`dmg`)
 * @name: the full name, untranslated (`Design Museum Gent`); show it with
 *   vt_ghent_organisation_get_display_name()
 *
 * One of Ghent's five heritage organisations.
 */
typedef struct
{
  const char *abbreviation;
  const char *name;
} VtGhentOrganisation;

#define VT_GHENT_DEFAULT_API_BASE "https://api.collectie.gent"
#define VT_GHENT_WEB_BASE         "https://data.collectie.gent"
#define VT_GHENT_API_ENV          "VITRINE_GHENT_API"

GQuark                     vt_ghent_error_quark                   (void);

const VtGhentOrganisation *vt_ghent_get_organisations             (guint       *n_organisations);
const VtGhentOrganisation *vt_ghent_lookup_organisation           (const char  *abbreviation);
const char                *vt_ghent_organisation_get_display_name (const VtGhentOrganisation *org);

char                      *vt_ghent_get_api_base                  (const char  *setting_value);

gboolean                   vt_ghent_parse_input                   (const char  *text,
                                                                   const char  *chosen_organisation,
                                                                   char       **organisation,
                                                                   char       **number,
                                                                   GError     **error);

char                      *vt_ghent_build_manifest_url            (const char  *api_base,
                                                                   const char  *organisation,
                                                                   const char  *number);
char                      *vt_ghent_build_web_page_url            (const char  *organisation,
                                                                   const char  *number);
char                      *vt_ghent_build_object_id               (const char  *organisation,
                                                                   const char  *number);

G_END_DECLS
