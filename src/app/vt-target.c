/* vt-target.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-target"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "iiif/vt-iiif-error.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-target.h"

/* From what the user typed, pasted, dropped or passed on the command line to
 * what to load: a local file, a Ghent object (by number, `org:number`,
 * manifest address or web page), or any IIIF manifest by a link. Nothing is
 * fetched here, so that an input can be judged, and refused with a reason,
 * before anything on screen changes. */

G_DEFINE_BOXED_TYPE (VtTarget, vt_target, vt_target_copy, vt_target_free)

static VtTarget *
target_new (VtTargetKind  kind,
            const char   *input,
            const char   *location,
            const char   *uri,
            const char   *display_name)
{
  VtTarget *self = g_new0 (VtTarget, 1);

  self->kind = kind;
  self->input = g_strdup (input);
  self->location = g_strdup (location);
  self->uri = g_strdup (uri);
  self->display_name = g_strdup (display_name);

  return self;
}

VtTarget *
vt_target_copy (const VtTarget *self)
{
  VtTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = target_new (self->kind, self->input, self->location, self->uri, self->display_name);
  copy->organisation = g_strdup (self->organisation);
  copy->number = g_strdup (self->number);
  copy->web_page_url = g_strdup (self->web_page_url);
  copy->canvas_id = g_strdup (self->canvas_id);
  copy->content_state = self->content_state ? vt_content_state_copy (self->content_state) : NULL;

  return copy;
}

void
vt_target_free (VtTarget *self)
{
  if (self == NULL)
    return;

  g_free (self->input);
  g_free (self->location);
  g_free (self->uri);
  g_free (self->display_name);
  g_free (self->organisation);
  g_free (self->number);
  g_free (self->web_page_url);
  g_free (self->canvas_id);
  g_clear_pointer (&self->content_state, vt_content_state_free);
  g_free (self);
}

static gboolean
looks_like_link (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);

  /* A Content State may also be pasted bare, as JSON or base64url. */
  return scheme != NULL || text[0] == '{' || text[0] == '?' || strchr (text, ':') == NULL;
}

static VtTarget *
resolve_file (const char  *input,
              GError     **error)
{
  g_autoptr(GFile) file = g_str_has_prefix (input, "file:")
    ? g_file_new_for_uri (input) : g_file_new_for_path (input);
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;

  /* Only files the user named explicitly, and only local ones: a file URI
   * with a host would be fetched from elsewhere. */
  if (!g_file_is_native (file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a local file."), input);
      return NULL;
    }

  uri = g_file_get_uri (file);
  basename = g_file_get_basename (file);

  return target_new (VT_TARGET_FILE, input, uri, uri, basename);
}

static gboolean
is_prefix_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFF1A /* fullwidth colon */ ||
         (c < 128 && strchr ("/\\;,.-_#|=", (char) c) != NULL);
}

/* "dmg 1987-1049", "DMG/1987-1049", "dmg：1987-1049": an organisation's
 * abbreviation and then something else than the colon. People type a
 * space for the colon, and type the prefix while the picker already names
 * the organisation; read as a bare number, either would become
 * "dmg:dmg 1987-1049", which no museum has. Returns "org:number", or %NULL
 * when @text does not start that way. */
static char *
normalise_organisation_prefix (const char *text)
{
  const VtGhentOrganisation *organisations;
  guint n_organisations;

  if (strchr (text, ':') != NULL)
    return NULL;

  organisations = vt_ghent_get_organisations (&n_organisations);
  for (guint i = 0; i < n_organisations; i++)
    {
      const char *abbreviation = organisations[i].abbreviation;
      gsize len = strlen (abbreviation);
      const char *p = text + len;
      const char *separators = p;

      if (g_ascii_strncasecmp (text, abbreviation, len) != 0)
        continue;

      while (*p != '\0' && is_prefix_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      /* "dmg1987" or a prefix alone is left to the usual reading. */
      if (p == separators || !g_unichar_isalnum (g_utf8_get_char (p)))
        continue;

      return g_strconcat (abbreviation, ":", p, NULL);
    }

  return NULL;
}

/* A manifest (and the view on it) named by a link or a content state. */
static VtTarget *
target_from_state (const char     *input,
                   VtContentState *state)
{
  g_autoptr(VtContentState) owned = state;
  const VtContentStateTarget *first = vt_content_state_get_target (state, 0);
  VtTarget *target;

  target = target_new (VT_TARGET_URL, input, first->manifest_uri, first->manifest_uri,
                       first->manifest_uri);
  target->canvas_id = g_strdup (first->canvas_id);
  /* A bare address is a manifest, not a view: nothing more to keep. */
  if (first->canvas_id != NULL || first->has_region || first->has_time ||
      vt_content_state_get_n_targets (state) > 1)
    target->content_state = g_steal_pointer (&owned);

  return target;
}

/**
 * vt_target_resolve:
 * @input: an object number, a manifest URL, a IIIF link or a file
 * @default_organisation: (nullable): the organisation a bare number
 *   belongs to
 * @api_base: the Ghent API's base address
 *
 * Works out what @input names.
 *
 * Returns: (transfer full): the target, or %NULL with @error saying, in
 *   words for the user, what is wrong with @input
 */
VtTarget *
vt_target_resolve (const char  *input,
                   const char  *default_organisation,
                   const char  *api_base,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *prefixed = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) ghent_error = NULL;
  g_autoptr(GError) link_error = NULL;
  g_autoptr(VtContentState) state = NULL;
  VtTarget *target;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (api_base != NULL, NULL);

  stripped = g_strstrip (g_strdup (input));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Type an object number or the address of a manifest."));
      return NULL;
    }

  if (g_str_has_prefix (stripped, "file:") || g_path_is_absolute (stripped))
    return resolve_file (stripped, error);

  /* A content state, encoded, in a bare query or as JSON, before it could
   * pass for an object number: base64url is letters, digits, - and _. */
  if (stripped[0] == '?' || stripped[0] == '{' || stripped[0] == '[' || strchr (stripped, ':') == NULL)
    {
      state = vt_content_state_parse (stripped, &link_error);
      if (state != NULL)
        return target_from_state (stripped, g_steal_pointer (&state));
      if (g_error_matches (link_error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, link_error->message);
          return NULL;
        }
      g_clear_error (&link_error);
    }

  prefixed = normalise_organisation_prefix (stripped);

  if (vt_ghent_parse_input (prefixed != NULL ? prefixed : stripped, default_organisation, &organisation, &number, &ghent_error))
    {
      g_autofree char *object_id = vt_ghent_build_object_id (organisation, number);
      g_autofree char *manifest_url = vt_ghent_build_manifest_url (api_base, organisation, number);

      target = target_new (VT_TARGET_GHENT, stripped, object_id, manifest_url, object_id);
      target->organisation = g_steal_pointer (&organisation);
      target->number = g_steal_pointer (&number);
      target->web_page_url = vt_ghent_build_web_page_url (target->organisation, target->number);
      return target;
    }

  if (!g_error_matches (ghent_error, VT_GHENT_ERROR, VT_GHENT_ERROR_NOT_GHENT) &&
      !looks_like_link (stripped))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, ghent_error->message);
      return NULL;
    }

  state = vt_content_state_parse (stripped, &link_error);
  if (state == NULL)
    {
      /* For text that was neither, the Ghent reading explains best what an
       * object number should look like. */
      const char *message;

      if (g_error_matches (link_error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE))
        message = link_error->message;
      else if (ghent_error != NULL && !g_error_matches (ghent_error, VT_GHENT_ERROR, VT_GHENT_ERROR_NOT_GHENT))
        message = ghent_error->message;
      else if (link_error != NULL)
        message = link_error->message;
      else
        message = _("This link does not lead to a IIIF manifest.");

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
      return NULL;
    }

  return target_from_state (stripped, g_steal_pointer (&state));
}

/**
 * vt_target_get_view:
 *
 * Returns: (nullable): the view the input asked for (canvas, region,
 *   time), the first target of its content state; %NULL for a plain
 *   address, a file or an object number
 */
const VtContentStateTarget *
vt_target_get_view (const VtTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->content_state == NULL || vt_content_state_get_n_targets (self->content_state) == 0)
    return NULL;

  return vt_content_state_get_target (self->content_state, 0);
}
