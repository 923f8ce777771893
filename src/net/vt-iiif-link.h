/* vt-iiif-link.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtIiifLink:
 * @manifest_uri: the manifest or collection to open (http or https), or
 *   %NULL when only @image_uri is known
 * @canvas_id: (nullable): the canvas to show first, without any `#xywh=`
 * @image_uri: (nullable): an image service (the drag-and-drop `image=`
 *   parameter), for links that point at a single image
 *
 * Where a dropped or pasted IIIF link leads.
 */
typedef struct
{
  char *manifest_uri;
  char *canvas_id;
  char *image_uri;
} VtIiifLink;

void        vt_iiif_link_free   (VtIiifLink *link);
VtIiifLink *vt_iiif_link_parse  (const char  *text,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtIiifLink, vt_iiif_link_free)

G_END_DECLS
