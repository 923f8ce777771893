/* vt-resource.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-iiif-types.h"
#include "vt-language-map.h"

G_BEGIN_DECLS

/**
 * VtServiceRef:
 * @id: the service id (`id` or `@id`) verbatim, with a trailing `/` or
 *   `/info.json` removed for image services; may be %NULL for broken input
 * @type: `type`/`@type` or %NULL (e.g. "ImageService3", "AuthCookieService1")
 * @profile: the first profile string, or %NULL
 * @context: the `@context` string, or %NULL
 * @image_version: the Image API version when this is an image service,
 *   else %VT_IMAGE_API_UNKNOWN
 * @level: the Image API compliance level 0–2, or -1 when not stated
 * @width: the width the reference states (v3 services may), or 0
 * @height: the height the reference states, or 0
 * @label: label (auth services), or %NULL
 * @services: (element-type VtServiceRef): nested services (e.g. auth token)
 *
 * A reference to a service, as embedded in a manifest or info.json. An image
 * service reference is enough to build a provisional #VtImageService with
 * vt_image_service_new_from_ref() before info.json arrives.
 */
typedef struct
{
  char              *id;
  char              *type;
  char              *profile;
  char              *context;
  VtImageApiVersion  image_version;
  int                level;
  gint64             width;
  gint64             height;
  VtLanguageMap     *label;
  GPtrArray         *services;
} VtServiceRef;

/**
 * VtResource:
 * @id: the URI (%NULL if the document had none)
 * @type: `type`/`@type` or %NULL
 * @format: media type or %NULL
 * @profile: profile or %NULL
 * @label: (nullable): the label
 * @width: width in pixels, or 0
 * @height: height in pixels, or 0
 * @services: (element-type VtServiceRef): its services
 *
 * An external resource a manifest points at: thumbnail, logo, homepage
 * (v2 `related`), rendering, seeAlso, partOf (v2 `within`).
 */
typedef struct
{
  char          *id;
  char          *type;
  char          *format;
  char          *profile;
  VtLanguageMap *label;
  gint64         width;
  gint64         height;
  GPtrArray     *services;
} VtResource;

/**
 * VtAgent:
 * @id: the agent URI, or %NULL
 * @label: (nullable): its name
 * @homepage: (element-type VtResource): homepages
 * @logo: (element-type VtResource): logos
 *
 * A v3 `provider`. A v2 manifest's `logo` is exposed as an agent with no
 * id and no label so that a window reads logos from one place.
 */
typedef struct
{
  char          *id;
  VtLanguageMap *label;
  GPtrArray     *homepage;
  GPtrArray     *logo;
} VtAgent;

/**
 * VtMetadataEntry:
 * @label: the label (plain text)
 * @value: the value (may hold HTML: show it through vt_html_to_markup())
 *
 * One metadata pair, or the requiredStatement / v2 attribution (then @label
 * is %NULL for v2 attribution, which has no label).
 */
typedef struct
{
  VtLanguageMap *label;
  VtLanguageMap *value;
} VtMetadataEntry;

VtServiceRef    *vt_service_ref_ref      (VtServiceRef    *self);
void             vt_service_ref_unref    (VtServiceRef    *self);
gboolean         vt_service_ref_is_image_service (const VtServiceRef *self);

VtResource      *vt_resource_ref         (VtResource      *self);
void             vt_resource_unref       (VtResource      *self);
VtServiceRef    *vt_resource_get_image_service (const VtResource *self);

VtAgent         *vt_agent_ref            (VtAgent         *self);
void             vt_agent_unref          (VtAgent         *self);

VtMetadataEntry *vt_metadata_entry_ref   (VtMetadataEntry *self);
void             vt_metadata_entry_unref (VtMetadataEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtServiceRef, vt_service_ref_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtResource, vt_resource_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtAgent, vt_agent_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtMetadataEntry, vt_metadata_entry_unref)

G_END_DECLS
