/* fuzz-link.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iiif/vt-content-state.h"
#include "net/vt-ghent-catalogue.h"
#include "net/vt-iiif-link.h"

/* libFuzzer target: what a person types, pastes or drops. Any text through
 * the link parser (URLs, viewer links, IIIF Content State, plain or
 * base64url-encoded) and the Ghent entry parser (object numbers, prefixed
 * numbers, manifest and object-page addresses), then through the URLs
 * built from what they return. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Only web addresses leave the parser: never file:, javascript: or data:. */
static void
check_uri (const char *uri)
{
  if (uri != NULL)
    g_assert (g_ascii_strncasecmp (uri, "http", 4) == 0);
}

static void
parse_ghent (const char *text,
             const char *chosen)
{
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;

  if (!vt_ghent_parse_input (text, chosen, &organisation, &number, &error))
    {
      g_assert (error != NULL && error->domain == VT_GHENT_ERROR);
      g_assert (organisation == NULL && number == NULL);
      return;
    }

  g_assert (error == NULL);
  g_assert (organisation != NULL && vt_ghent_lookup_organisation (organisation) != NULL);
  g_assert (number != NULL && *number != '\0' && g_utf8_validate (number, -1, NULL));
  {
    g_autofree char *base = vt_ghent_get_api_base (NULL);
    g_autofree char *manifest = vt_ghent_build_manifest_url (base, organisation, number);
    g_autofree char *page = vt_ghent_build_web_page_url (organisation, number);
    g_autofree char *id = vt_ghent_build_object_id (organisation, number);
    g_autofree char *again_org = NULL;
    g_autofree char *again_number = NULL;

    g_assert (manifest != NULL && page != NULL && id != NULL);
    /* What the parser read, written back as an id, reads the same. */
    g_assert (vt_ghent_parse_input (id, NULL, &again_org, &again_number, NULL));
    g_assert (g_strcmp0 (again_org, organisation) == 0);
    g_assert (g_strcmp0 (again_number, number) == 0);
  }
}

/* Every content state read names web addresses only, and what Vitrine
 * writes of it (JSON, encoded, as a query, as a drag-and-drop link) reads
 * back to the same targets. Decoding any text either fails or gives UTF-8
 * that encodes back to the same base64url. */
static void
parse_content_state (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtContentState) state = vt_content_state_parse (text, &error);
  g_autofree char *decoded = vt_content_state_decode_text (text, NULL);

  if (decoded != NULL)
    g_assert (g_utf8_validate (decoded, -1, NULL));

  if (state == NULL)
    {
      g_assert (error != NULL);
      return;
    }

  g_assert (error == NULL);
  g_assert (vt_content_state_get_n_targets (state) > 0);
  g_assert (vt_content_state_get_n_targets (state) <= VT_CONTENT_STATE_MAX_TARGETS);
  for (guint i = 0; i < vt_content_state_get_n_targets (state); i++)
    check_uri (vt_content_state_get_target (state, i)->manifest_uri);

  {
    g_autofree char *encoded = vt_content_state_encode (state);
    g_autofree char *query = vt_content_state_to_query (state);
    g_autofree char *drag = vt_content_state_to_drag_link (state);
    g_autoptr(VtContentState) again = vt_content_state_parse (encoded, NULL);
    g_autoptr(VtContentState) from_query = vt_content_state_parse (query, NULL);
    g_autoptr(VtContentState) from_drag = vt_content_state_parse (drag, NULL);

    g_assert (again != NULL && from_query != NULL);
    for (guint i = 0; from_drag != NULL && i < vt_content_state_get_n_targets (from_drag); i++)
      check_uri (vt_content_state_get_target (from_drag, i)->manifest_uri);
    g_assert (vt_content_state_get_n_targets (again) == vt_content_state_get_n_targets (state));
    g_assert (g_strcmp0 (vt_content_state_get_target (again, 0)->manifest_uri,
                         vt_content_state_get_target (state, 0)->manifest_uri) == 0);
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifLink) link = vt_iiif_link_parse (text, &error);

  if (link == NULL)
    g_assert (error != NULL);
  else
    {
      g_assert (error == NULL);
      g_assert (link->manifest_uri != NULL || link->image_uri != NULL);
      check_uri (link->manifest_uri);
      check_uri (link->image_uri);
    }

  parse_content_state (text);
  parse_ghent (text, NULL);
  parse_ghent (text, "dmg");
  return 0;
}
