/* vt-iiif-link.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-link"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "iiif/vt-content-state.h"
#include "iiif/vt-iiif-error.h"
#include "vt-iiif-link.h"

/* A link is text a person dropped or pasted: keep it short. */
#define MAX_LINK_LENGTH (64 * 1024)

void
vt_iiif_link_free (VtIiifLink *link)
{
  if (link == NULL)
    return;

  g_free (link->manifest_uri);
  g_free (link->canvas_id);
  g_free (link->image_uri);
  g_free (link);
}

static gboolean
is_http_uri (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/* The drag-and-drop convention's `image=`: a link to a single image
 * service, which a content state cannot name. */
static char *
image_param (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *image;

  if (strchr (trimmed, '\n') != NULL || !is_http_uri (trimmed))
    return NULL;
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  if (g_uri_get_query (uri) == NULL)
    return NULL;
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&;", G_URI_PARAMS_NONE, NULL);
  if (params == NULL || g_hash_table_contains (params, "manifest") ||
      g_hash_table_contains (params, "iiif-content"))
    return NULL;
  image = g_hash_table_lookup (params, "image");

  return image != NULL && *image != '\0' ? g_strdup (image) : NULL;
}

/**
 * vt_iiif_link_parse:
 * @text: a dropped or pasted link: a URL with `?manifest=`, `&canvas=` or
 *   `?image=` (the drag-and-drop convention), a URL with `?iiif-content=`
 *   (plain, JSON, or content-state encoded), a bare http(s) address, or
 *   content-state JSON or its encoded form
 * @error: a #VT_IIIF_ERROR when nothing IIIF can be found
 *
 * Returns: (transfer full): where the link leads
 */
VtIiifLink *
vt_iiif_link_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(VtIiifLink) link = NULL;
  g_autoptr(VtContentState) state = NULL;
  g_autofree char *image = NULL;
  const VtContentStateTarget *target;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) <= MAX_LINK_LENGTH && g_utf8_validate (text, -1, NULL) &&
      (image = image_param (text)) != NULL)
    {
      if (!is_http_uri (image))
        {
          g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                       _("Only web addresses (http or https) can be opened from a IIIF link."));
          return NULL;
        }
      link = g_new0 (VtIiifLink, 1);
      link->image_uri = g_steal_pointer (&image);
      return g_steal_pointer (&link);
    }

  if (strlen (text) > MAX_LINK_LENGTH)
    {
      g_set_error_literal (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                           _("This link is too long to be a IIIF link."));
      return NULL;
    }

  state = vt_content_state_parse (text, error);
  if (state == NULL)
    return NULL;

  target = vt_content_state_get_target (state, 0);
  link = g_new0 (VtIiifLink, 1);
  link->manifest_uri = g_strdup (target->manifest_uri);
  link->canvas_id = g_strdup (target->canvas_id);
  return g_steal_pointer (&link);
}
