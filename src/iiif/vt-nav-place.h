/* vt-nav-place.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-language-map.h"

G_BEGIN_DECLS

/**
 * VtNavFeature:
 * @id: the feature's id, or %NULL
 * @label: (nullable): `properties.label`
 * @geometry: the GeoJSON geometry type ("Point", "Polygon"…), or %NULL
 * @coordinates: (element-type double): every number of the geometry's
 *   `coordinates`, flattened in order (longitude, latitude pairs; rings of a
 *   Polygon one after the other)
 * @dimensions: how many numbers make one position (2, or 3 with an
 *   altitude), the same for all; 0 when they are not
 *
 * One GeoJSON Feature of a navPlace. Owned by its #VtNavPlace.
 */
typedef struct
{
  char          *id;
  VtLanguageMap *label;
  char          *geometry;
  GArray        *coordinates;
  guint          dimensions;
} VtNavFeature;

/**
 * VtNavPlace:
 * @id: the FeatureCollection's id, or %NULL
 * @features: (element-type VtNavFeature): its features (at most
 *   %VT_IIIF_MAX_NAV_FEATURES)
 *
 * The `navPlace` extension: where an object was made or is about.
 */
typedef struct
{
  char      *id;
  GPtrArray *features;
} VtNavPlace;

#define VT_TYPE_NAV_PLACE (vt_nav_place_get_type ())

GType       vt_nav_place_get_type (void) G_GNUC_CONST;
VtNavPlace *vt_nav_place_ref      (VtNavPlace *self);
void        vt_nav_place_unref    (VtNavPlace *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtNavPlace, vt_nav_place_unref)

G_END_DECLS
