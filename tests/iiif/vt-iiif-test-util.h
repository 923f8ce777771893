/* vt-iiif-test-util.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#undef G_DISABLE_ASSERT

#include <glib.h>

#include "iiif/vt-iiif.h"

G_BEGIN_DECLS

/* Reads tests/iiif/data/NAME. */
static inline GBytes *
vt_test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "iiif", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("cannot read fixture %s: %s", path, error->message);
  return g_bytes_new_take (contents, length);
}

static inline VtIiifDocument *
vt_test_parse_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = vt_test_load_fixture (name);
  g_autoptr(GError) error = NULL;
  VtIiifDocument *doc = vt_iiif_document_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static inline VtIiifDocument *
vt_test_parse_string (const char *json,
                      GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return vt_iiif_document_parse (bytes, NULL, error);
}

static inline VtImageService *
vt_test_parse_info (const char *name,
                    const char *requested_id)
{
  g_autoptr(GBytes) bytes = vt_test_load_fixture (name);
  g_autoptr(GError) error = NULL;
  VtImageService *service = vt_image_service_parse (bytes, requested_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (service);
  return service;
}

G_END_DECLS
