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

/**
 * VtBehaviorFlags:
 * @VT_BEHAVIOR_NONE: nothing known stated
 * @VT_BEHAVIOR_AUTO_ADVANCE: "auto-advance" (v2 none)
 * @VT_BEHAVIOR_NO_AUTO_ADVANCE: "no-auto-advance"
 * @VT_BEHAVIOR_REPEAT: "repeat"
 * @VT_BEHAVIOR_NO_REPEAT: "no-repeat"
 * @VT_BEHAVIOR_UNORDERED: "unordered"
 * @VT_BEHAVIOR_INDIVIDUALS: "individuals"
 * @VT_BEHAVIOR_CONTINUOUS: "continuous"
 * @VT_BEHAVIOR_PAGED: "paged"
 * @VT_BEHAVIOR_FACING_PAGES: "facing-pages"
 * @VT_BEHAVIOR_NON_PAGED: "non-paged"
 * @VT_BEHAVIOR_MULTI_PART: "multi-part"
 * @VT_BEHAVIOR_TOGETHER: "together"
 * @VT_BEHAVIOR_SEQUENCE: "sequence"
 * @VT_BEHAVIOR_THUMBNAIL_NAV: "thumbnail-nav"
 * @VT_BEHAVIOR_NO_NAV: "no-nav"
 * @VT_BEHAVIOR_HIDDEN: "hidden"
 * @VT_BEHAVIOR_TOP: v2 "top" (ranges)
 *
 * The v3 `behavior` / v2 `viewingHint` values Vitrine knows, as flags; the
 * raw list stays in the owner's `behavior` strv. v2 spellings are the same
 * words.
 */
typedef enum
{
  VT_BEHAVIOR_NONE            = 0,
  VT_BEHAVIOR_AUTO_ADVANCE    = 1 << 0,
  VT_BEHAVIOR_NO_AUTO_ADVANCE = 1 << 1,
  VT_BEHAVIOR_REPEAT          = 1 << 2,
  VT_BEHAVIOR_NO_REPEAT       = 1 << 3,
  VT_BEHAVIOR_UNORDERED       = 1 << 4,
  VT_BEHAVIOR_INDIVIDUALS     = 1 << 5,
  VT_BEHAVIOR_CONTINUOUS      = 1 << 6,
  VT_BEHAVIOR_PAGED           = 1 << 7,
  VT_BEHAVIOR_FACING_PAGES    = 1 << 8,
  VT_BEHAVIOR_NON_PAGED       = 1 << 9,
  VT_BEHAVIOR_MULTI_PART      = 1 << 10,
  VT_BEHAVIOR_TOGETHER        = 1 << 11,
  VT_BEHAVIOR_SEQUENCE        = 1 << 12,
  VT_BEHAVIOR_THUMBNAIL_NAV   = 1 << 13,
  VT_BEHAVIOR_NO_NAV          = 1 << 14,
  VT_BEHAVIOR_HIDDEN          = 1 << 15,
  VT_BEHAVIOR_TOP             = 1 << 16,
} VtBehaviorFlags;

VtBehaviorFlags vt_behavior_flags_from_strv (const char * const *behavior);
const char     *vt_behavior_flag_to_string  (VtBehaviorFlags      flag);

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
#define VT_IIIF_MAX_ANNOTATIONS    10000   /* non-painting, per canvas or page */
#define VT_IIIF_MAX_ANNOTATION_PAGES 1024  /* per canvas or manifest */
#define VT_IIIF_MAX_BODIES         256     /* bodies or targets per annotation */
#define VT_IIIF_MAX_SELECTORS      16      /* per target */
#define VT_IIIF_MAX_TEXT_LENGTH    (1024 * 1024)  /* a TextualBody value, an SVG */
#define VT_IIIF_MAX_NAV_FEATURES   1024
#define VT_IIIF_MAX_NAV_COORDINATES 100000  /* numbers in one navPlace */

G_END_DECLS
