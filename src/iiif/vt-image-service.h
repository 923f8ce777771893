/* vt-image-service.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-iiif-types.h"
#include "vt-language-map.h"
#include "vt-resource.h"

G_BEGIN_DECLS

/**
 * VtImageTiles:
 * @width: tile width in pixels of the scaled image, in (0, 8192]
 * @height: tile height (= @width when info.json omits it)
 * @scale_factors: (element-type guint): scale factors, each in [1, 2^20],
 *   ascending, without duplicates
 *
 * One `tiles` entry (v1.1: `tile_width`/`tile_height` + `scale_factors`).
 */
typedef struct
{
  guint   width;
  guint   height;
  GArray *scale_factors;
} VtImageTiles;

/**
 * VtImageSize:
 * @width: width in pixels
 * @height: height in pixels
 *
 * One entry of `sizes`.
 */
typedef struct
{
  gint64 width;
  gint64 height;
} VtImageSize;

/**
 * VtAuthKind:
 *
 * The interaction pattern of an auth service. Auth 1.0 (and 0.9) cookie
 * services are login/clickthrough/kiosk/external; Auth 2.0 access services
 * are active/kiosk/external; the probe, token and logout services are
 * listed with their own kinds.
 */
typedef enum
{
  VT_AUTH_UNKNOWN = 0,
  VT_AUTH_LOGIN,
  VT_AUTH_CLICKTHROUGH,
  VT_AUTH_KIOSK,
  VT_AUTH_EXTERNAL,
  VT_AUTH_ACTIVE,
  VT_AUTH_PROBE,
  VT_AUTH_TOKEN,
  VT_AUTH_LOGOUT,
} VtAuthKind;

typedef struct _VtAuthService VtAuthService;

/**
 * VtAuthService:
 * @version: 1 (Auth 0.9/1.0) or 2 (Auth 2.0)
 * @kind: the pattern
 * @id: service URI (%NULL for Auth 1 external)
 * @type: type or %NULL
 * @profile: profile or %NULL
 * @label: (nullable): label (must name the institution)
 * @header: (nullable): v1 header / v2 heading
 * @description: (nullable): v1 description / v2 note
 * @confirm_label: (nullable): text of the button
 * @failure_header: (nullable): v1 failureHeader
 * @failure_description: (nullable): v1 failureDescription
 * @services: (element-type VtAuthService): nested services (token, logout;
 *   for a v2 probe its access services)
 *
 * An auth service found on an info.json (or a manifest resource).
 */
struct _VtAuthService
{
  int            version;
  VtAuthKind     kind;
  char          *id;
  char          *type;
  char          *profile;
  VtLanguageMap *label;
  VtLanguageMap *header;
  VtLanguageMap *description;
  VtLanguageMap *confirm_label;
  VtLanguageMap *failure_header;
  VtLanguageMap *failure_description;
  GPtrArray     *services;
};

/**
 * VtImageService:
 * @version: Image API version
 * @id: base URI, verbatim from the document (never re-encoded) minus a
 *   trailing `/` or `/info.json`
 * @level: compliance level 0–2 (unknown/absent means 0)
 * @width: full width, in (0, 2^31)
 * @height: full height, in (0, 2^31)
 * @tiles: (element-type VtImageTiles): tile entries (may be empty)
 * @sizes: (element-type VtImageSize): preferred sizes (may be empty)
 * @max_width: maxWidth, or 0 when unlimited
 * @max_height: maxHeight (= maxWidth when only that is given), or 0
 * @max_area: maxArea, or 0
 * @formats: (array zero-terminated=1): formats (v2 profile / v3
 *   extraFormats), may be empty
 * @qualities: (array zero-terminated=1): qualities (v2 profile / v3
 *   extraQualities)
 * @features: (array zero-terminated=1): extra features (v2 `supports`,
 *   v3 `extraFeatures`)
 * @preferred_formats: (array zero-terminated=1): v3 preferredFormats
 * @rights: v3 rights / v2 license, or %NULL
 * @auth: (element-type VtAuthService): auth services
 * @from_reference: %TRUE when built from a manifest reference instead of an
 *   info.json (sizes and tiles unknown; fetch info.json for the real thing)
 * @warnings: (element-type utf8): translated warnings about skipped parts
 *
 * An Image API service, read from info.json 1.0/1.1/2.x/3.0.
 */
typedef struct
{
  VtImageApiVersion  version;
  char              *id;
  int                level;
  gint64             width;
  gint64             height;
  GPtrArray         *tiles;
  GArray            *sizes;
  gint64             max_width;
  gint64             max_height;
  gint64             max_area;
  char             **formats;
  char             **qualities;
  char             **features;
  char             **preferred_formats;
  char              *rights;
  GPtrArray         *auth;
  gboolean           from_reference;
  GPtrArray         *warnings;
} VtImageService;

#define VT_TYPE_IMAGE_SERVICE (vt_image_service_get_type ())

GType           vt_image_service_get_type     (void) G_GNUC_CONST;
VtImageService *vt_image_service_parse        (GBytes             *bytes,
                                               const char         *requested_id,
                                               GError            **error);
VtImageService *vt_image_service_new_from_ref (const VtServiceRef *ref,
                                               gint64              width,
                                               gint64              height,
                                               GError            **error);
VtImageService *vt_image_service_ref          (VtImageService     *self);
void            vt_image_service_unref        (VtImageService     *self);
gboolean        vt_image_service_supports     (const VtImageService *self,
                                               const char           *feature);
gboolean        vt_image_service_is_degraded  (const VtImageService *self,
                                               const char           *requested_id);
void            vt_image_service_get_max_size (const VtImageService *self,
                                               gint64               *out_width,
                                               gint64               *out_height);

VtAuthService  *vt_auth_service_ref           (VtAuthService      *self);
void            vt_auth_service_unref         (VtAuthService      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtImageService, vt_image_service_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAuthService, vt_auth_service_unref)

G_END_DECLS
