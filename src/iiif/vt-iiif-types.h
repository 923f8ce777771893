/* vt-iiif-types.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtPresentationVersion:
 * @VT_PRESENTATION_UNKNOWN: not a Presentation document
 * @VT_PRESENTATION_2: Presentation 2.0 or 2.1
 * @VT_PRESENTATION_3: Presentation 3.0
 */
typedef enum
{
  VT_PRESENTATION_UNKNOWN = 0,
  VT_PRESENTATION_2 = 2,
  VT_PRESENTATION_3 = 3,
} VtPresentationVersion;

/**
 * VtImageApiVersion:
 * @VT_IMAGE_API_UNKNOWN: not known (a service reference without context or type)
 * @VT_IMAGE_API_1_0: Image API 1.0
 * @VT_IMAGE_API_1_1: Image API 1.1
 * @VT_IMAGE_API_2: Image API 2.0 or 2.1
 * @VT_IMAGE_API_3: Image API 3.0
 *
 * The values sort by version, so `version >= VT_IMAGE_API_2` works.
 */
typedef enum
{
  VT_IMAGE_API_UNKNOWN = 0,
  VT_IMAGE_API_1_0 = 10,
  VT_IMAGE_API_1_1 = 11,
  VT_IMAGE_API_2 = 20,
  VT_IMAGE_API_3 = 30,
} VtImageApiVersion;

/**
 * VtViewingDirection:
 *
 * The reading order of a manifest, sequence or range.
 */
typedef enum
{
  VT_VIEWING_DIRECTION_LEFT_TO_RIGHT = 0,
  VT_VIEWING_DIRECTION_RIGHT_TO_LEFT,
  VT_VIEWING_DIRECTION_TOP_TO_BOTTOM,
  VT_VIEWING_DIRECTION_BOTTOM_TO_TOP,
} VtViewingDirection;

/**
 * VtRect:
 * @x: left, in the coordinate space of the owner (canvas or image)
 * @y: top
 * @width: width, > 0 when set
 * @height: height, > 0 when set
 *
 * An integer rectangle, e.g. the `#xywh=` fragment of an annotation target.
 */
typedef struct
{
  gint64 x;
  gint64 y;
  gint64 width;
  gint64 height;
} VtRect;

/* Limits applied by every parser (see the issue: nothing may break the core). */
#define VT_IIIF_MAX_DOCUMENT_SIZE  (64 * 1024 * 1024)
#define VT_IIIF_MAX_JSON_DEPTH     512
#define VT_IIIF_MAX_CANVASES       100000
#define VT_IIIF_MAX_RANGES         100000
#define VT_IIIF_MAX_MEMBERS        100000
#define VT_IIIF_MAX_DIMENSION      G_GINT64_CONSTANT (2147483647)  /* exclusive: (0, 2^31) */
#define VT_IIIF_MAX_SCALE_FACTOR   (1 << 20)
#define VT_IIIF_MAX_TILE_SIZE      8192
#define VT_IIIF_MAX_WARNINGS       200
#define VT_IIIF_MAX_REPEATED_KEYS  1000

G_END_DECLS
