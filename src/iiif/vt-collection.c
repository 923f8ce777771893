/* vt-collection.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-collection"

#include "config.h"

#include "vt-iiif-private.h"

static void
vt_collection_member_clear (VtCollectionMember *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->nav_date, g_free);
  g_clear_pointer (&self->embedded, vt_collection_unref);
}

VT_DEFINE_RC (VtCollectionMember, vt_collection_member, vt_collection_member_clear)

VtCollectionMember *
vt_collection_member_new (VtCollectionMemberKind kind)
{
  VtCollectionMember *self = g_atomic_rc_box_new0 (VtCollectionMember);

  self->kind = kind;
  self->thumbnail = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  return self;
}

static void
vt_collection_clear (VtCollection *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->summary, vt_language_map_unref);
  g_clear_pointer (&self->metadata, g_ptr_array_unref);
  g_clear_pointer (&self->required_statement, vt_metadata_entry_unref);
  g_clear_pointer (&self->rights, g_free);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->behavior, g_strfreev);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->last, g_free);
  g_clear_pointer (&self->next, g_free);
  g_clear_pointer (&self->prev, g_free);
}

VT_DEFINE_RC (VtCollection, vt_collection, vt_collection_clear)
G_DEFINE_BOXED_TYPE (VtCollection, vt_collection, vt_collection_ref, vt_collection_unref)

VtCollection *
vt_collection_new (VtPresentationVersion version)
{
  VtCollection *self = g_atomic_rc_box_new0 (VtCollection);

  self->version = version;
  self->metadata = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_metadata_entry_unref);
  self->thumbnail = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  self->behavior = g_new0 (char *, 1);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_collection_member_unref);
  self->total = -1;
  self->start_index = -1;
  return self;
}

/**
 * vt_collection_is_paged:
 *
 * Returns: whether the members come in pages (v2 `first`/`next`): fetch
 *   #VtCollection.first or #VtCollection.next for more
 */
gboolean
vt_collection_is_paged (const VtCollection *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->first != NULL || self->next != NULL;
}
