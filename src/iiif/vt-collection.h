/* vt-collection.h
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

typedef struct _VtCollection VtCollection;

/**
 * VtCollectionMemberKind:
 * @VT_COLLECTION_MEMBER_MANIFEST: a manifest (never embedded: fetch @id)
 * @VT_COLLECTION_MEMBER_COLLECTION: a sub-collection (maybe embedded)
 */
typedef enum
{
  VT_COLLECTION_MEMBER_MANIFEST,
  VT_COLLECTION_MEMBER_COLLECTION,
} VtCollectionMemberKind;

/**
 * VtCollectionMember:
 * @kind: manifest or collection
 * @id: URI to fetch, or %NULL in broken documents
 * @label: (nullable): label
 * @thumbnail: (element-type VtResource): thumbnails
 * @nav_date: navDate or %NULL
 * @embedded: (nullable): the sub-collection when it is embedded with members
 *
 * One member of a collection.
 */
typedef struct
{
  VtCollectionMemberKind  kind;
  char                   *id;
  VtLanguageMap          *label;
  GPtrArray              *thumbnail;
  char                   *nav_date;
  VtCollection           *embedded;
} VtCollectionMember;

/**
 * VtCollection:
 * @version: Presentation version
 * @id: collection id or %NULL
 * @label: (nullable): label
 * @summary: (nullable): summary / description
 * @metadata: (element-type VtMetadataEntry): metadata pairs
 * @required_statement: (nullable): requiredStatement / attribution
 * @rights: rights / license or %NULL
 * @thumbnail: (element-type VtResource): thumbnails
 * @behavior: (array zero-terminated=1): behavior / viewingHint
 * @members: (element-type VtCollectionMember): members in order (v2
 *   `members` when present, else `collections` then `manifests`)
 * @first: v2 paging: URI of the first page, or %NULL
 * @last: v2 paging: URI of the last page, or %NULL
 * @next: v2 paging (on a page): next page, or %NULL
 * @prev: v2 paging (on a page): previous page, or %NULL
 * @total: v2 paging: total number of members, or -1
 * @start_index: v2 paging: index of this page's first member, or -1
 *
 * A collection, normalised from Presentation 2.x or 3.0.
 */
struct _VtCollection
{
  VtPresentationVersion  version;
  char                  *id;
  VtLanguageMap         *label;
  VtLanguageMap         *summary;
  GPtrArray             *metadata;
  VtMetadataEntry       *required_statement;
  char                  *rights;
  GPtrArray             *thumbnail;
  char                 **behavior;
  GPtrArray             *members;
  char                  *first;
  char                  *last;
  char                  *next;
  char                  *prev;
  gint64                 total;
  gint64                 start_index;
};

#define VT_TYPE_COLLECTION (vt_collection_get_type ())

GType               vt_collection_get_type         (void) G_GNUC_CONST;
VtCollection       *vt_collection_ref              (VtCollection *self);
void                vt_collection_unref            (VtCollection *self);
gboolean            vt_collection_is_paged         (const VtCollection *self);
VtCollectionMember *vt_collection_member_ref       (VtCollectionMember *self);
void                vt_collection_member_unref     (VtCollectionMember *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCollection, vt_collection_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCollectionMember, vt_collection_member_unref)

G_END_DECLS
