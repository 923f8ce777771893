/* vt-iiif-test-huge.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* About 600 bytes a canvas, in the shape of a real book: a label, a size,
 * one image with an Image API service, and a thumbnail. */
static inline void
vt_test_huge_canvas_v3 (GString *json,
                        guint    i)
{
  g_string_append_printf (json,
    "{\"id\":\"https://example.org/b/canvas/p%u\",\"type\":\"Canvas\","
    "\"label\":{\"en\":[\"p. %u\"]},\"width\":4000,\"height\":3000,"
    "\"items\":[{\"id\":\"https://example.org/b/page/p%u/1\",\"type\":\"AnnotationPage\","
    "\"items\":[{\"id\":\"https://example.org/b/annotation/p%u\",\"type\":\"Annotation\","
    "\"motivation\":\"painting\",\"body\":{\"id\":\"https://example.org/i/p%u/full/max/0/default.jpg\","
    "\"type\":\"Image\",\"width\":4000,\"height\":3000,"
    "\"service\":[{\"id\":\"https://example.org/i/p%u\",\"type\":\"ImageService3\",\"profile\":\"level1\"}]},"
    "\"target\":\"https://example.org/b/canvas/p%u\"}]}],"
    "\"thumbnail\":[{\"id\":\"https://example.org/i/p%u/full/200,/0/default.jpg\",\"type\":\"Image\"}]}",
    i, i, i, i, i, i, i, i);
}

static inline void
vt_test_huge_canvas_v2 (GString *json,
                        guint    i)
{
  g_string_append_printf (json,
    "{\"@id\":\"https://example.org/b/canvas/p%u\",\"@type\":\"sc:Canvas\","
    "\"label\":\"p. %u\",\"width\":4000,\"height\":3000,"
    "\"images\":[{\"@id\":\"https://example.org/b/annotation/p%u\",\"@type\":\"oa:Annotation\","
    "\"motivation\":\"sc:painting\",\"resource\":{\"@id\":\"https://example.org/i/p%u/full/full/0/default.jpg\","
    "\"@type\":\"dctypes:Image\",\"width\":4000,\"height\":3000,"
    "\"service\":{\"@context\":\"http://iiif.io/api/image/2/context.json\","
    "\"@id\":\"https://example.org/i/p%u\",\"profile\":\"http://iiif.io/api/image/2/level1.json\"}},"
    "\"on\":\"https://example.org/b/canvas/p%u\"}],"
    "\"thumbnail\":{\"@id\":\"https://example.org/i/p%u/full/200,/0/default.jpg\"}}",
    i, i, i, i, i, i, i);
}

static inline GBytes *
vt_test_huge_manifest (guint version,
                       guint n_canvases)
{
  GString *json = g_string_sized_new ((gsize) n_canvases * 640 + 1024);

  if (version == 3)
    g_string_append (json,
                     "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                     "\"id\":\"https://example.org/b/manifest\",\"type\":\"Manifest\","
                     "\"label\":{\"en\":[\"A very long book\"]},\"items\":[");
  else
    g_string_append (json,
                     "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\","
                     "\"@id\":\"https://example.org/b/manifest\",\"@type\":\"sc:Manifest\","
                     "\"label\":\"A very long book\",\"sequences\":[{\"@type\":\"sc:Sequence\",\"canvases\":[");

  for (guint i = 1; i <= n_canvases; i++)
    {
      if (i > 1)
        g_string_append_c (json, ',');
      if (version == 3)
        vt_test_huge_canvas_v3 (json, i);
      else
        vt_test_huge_canvas_v2 (json, i);
    }

  g_string_append (json, version == 3 ? "]}" : "]}]}");
  return g_string_free_to_bytes (json);
}

G_END_DECLS
